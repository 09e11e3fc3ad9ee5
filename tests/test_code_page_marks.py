"""A single-byte code page's marks filled from the bytes it leaves undefined (cleaner/repair/code_page_marks.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.repair import code_page_marks
from cleaner.repair.code_page_marks import LOST, fill, undefined


def _view(text: str, source: str, codec: str) -> list[int | None]:
    shown = text.encode(source).decode(codec, "replace")
    return [None if ch == LOST else ch.encode(codec)[0] if ch >= "\x80" else ord(ch) for ch in shown]


def test_undefined_bytes_are_the_code_pages_own():
    assert undefined("cp1251") == (0x98,)
    assert undefined("cp1254") == (0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E)
    assert undefined("koi8_r") == ()


def test_a_page_with_one_undefined_byte_fills_every_mark_exactly():
    # UTF-8 优 (e4 bc 98) through cp1251: its mark can only be 98 (the single-byte view's five
    # undefined bytes read it 伐, e4 bc 90). No guess: the decoder decided.
    filled = fill(_view("要优化", "utf-8", "cp1251"), "cp1251")
    assert filled.data.decode("utf-8") == "要优化"
    assert filled.guesses == ()


def test_marks_side_by_side_are_filled_together_and_reported_as_guesses():
    # 李 is e6 9d 8e: both continuation bytes undefined in cp1254 (seven choices each).
    filled = fill(_view("李先生说措施", "utf-8", "cp1254"), "cp1254")
    assert filled.source == "utf-8"
    assert filled.data.decode("utf-8") == "李先生说措施"
    assert filled.guesses and all(len(g.alternative) == 1 and g.margin >= 0 for g in filled.guesses)
    assert filled.guesses[0].marks == (1, 2)


def test_a_lossless_page_leaves_a_byte_no_source_reads():
    assert fill([0x41, None, 0x42], "koi8_r").data == b"A\xffB"


_PAGES = ("cp1251", "cp1253", "cp1254", "cp1257", "cp874", "iso8859_8")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质", max_size=12),
       st.sampled_from(_PAGES))
def test_every_mark_is_filled_with_one_of_its_pages_undefined_bytes(text, codec):
    """Only marks change: every other byte is the decoder's, every mark one it leaves undefined,
    and a page with one such byte gets every mark right."""
    data = text.encode("utf-8")
    view = _view(text, "utf-8", codec)
    filled = fill(view, codec)
    assert len(filled.data) == len(data)
    for b, got in zip(view, filled.data, strict=True):
        assert got == b if b is not None else got in undefined(codec)
    if len(undefined(codec)) == 1:
        assert filled.data == data


def test_the_source_is_the_one_the_bytes_read_best_in():
    assert code_page_marks.best_source("中文".encode("utf-8")) == (0, "utf-8")


def test_utf8_characters_short_of_bytes_get_them_back_as_gaps():
    # errors="ignore": 李 (e6 9d 8e) through cp1254 keeps only e6; 生 (e7 94 9f) through cp857
    # loses its lead e7, leaving two continuation bytes with no lead.
    view, gaps = code_page_marks.utf8_gaps([0xE6, 0x41, 0x94, 0x9F, 0x42])
    assert view == [0xE6, None, None, 0x41, None, 0x94, 0x9F, 0x42]
    assert [g.slots for g in gaps] == [(1, 2), (4,)]


def test_a_page_that_dropped_its_undefined_bytes_is_filled_from_them():
    # Only where no source reads the bytes as they came (GBK reads most pairs: a short run
    # may read in GBK, and is then no evidence of gaps).
    sentence = "李先生说，环境保护措施需要优化，中华人民共和国的经济发展很快。"
    for text, codec in ((sentence, "cp1254"), (sentence, "cp1251"), ("先生说，环境", "cp857")):
        shown = text.encode("utf-8").decode(codec, "ignore")
        view = [ch.encode(codec)[0] if ch >= "\x80" else ord(ch) for ch in shown]
        filled = fill(view, codec)
        assert filled.gapped and filled.source == "utf-8"
        assert filled.data.decode("utf-8") == text, codec


def test_a_view_without_gaps_is_left_as_it_is():
    view = list("中文".encode("gbk"))
    filled = fill(view, "cp1254")
    assert not filled.gapped and filled.data == bytes(view)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=40), st.lists(st.integers(0, 45), max_size=6), st.sampled_from(["utf-8", "gbk", "big5"]))
def test_characters_at_places_are_read_as_one_at_a_time(data, places, source):
    # One reading for every place (review19 F4: a reading per place was quadratic on long lines).
    def one(i: int) -> str:
        end = 0
        for ch in data.decode(source, errors="replace"):
            end += len(ch.encode(source, errors="replace")) if ch != "\ufffd" else 1
            if end > i:
                return ch
        return "\ufffd"

    assert code_page_marks.read_at(data, places, source) == [one(i) for i in places]


def test_a_mark_where_utf8_needs_a_lead_byte_is_judged_as_one():
    # ISO-8859-3 leaves e3 undefined, the lead of 、。「」《》 (U+3000-3FFF), and a5 first: with
    # every mark a5 the UTF-8 of a page full of them rejected each, GBK read the run with fewer
    # rejects, and the page came back mojibake of another kind. A mark before continuation
    # bytes is judged as a lead the page leaves undefined.
    text = "本鱼分布于西太平洋区，包括菲律宾、印尼、琉球群岛、台湾、中国沿海、马里亚纳群岛。"
    filled = fill(_view(text, "utf-8", "iso8859_3"), "iso8859_3")
    assert filled.source == "utf-8"
    assert filled.data.decode("utf-8") == text
