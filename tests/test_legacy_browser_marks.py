"""GBK and Big5 read by a browser's Shift_JIS, EUC-KR or EUC-JP decoder, each mark filled with
the source's characters whose codes fit it (cleaner/repair/legacy_browser_marks.py)."""

import difflib

import pytest
import reference_legacy_browser_marks as reference
from hypothesis import example, given
from hypothesis import strategies as st
from native_inputs import SETTINGS
from wrong_decoders import MATRIX_DECODERS as DECODERS

from cleaner import Cleaner
from cleaner.repair import legacy_browser_marks, utf8_marks, whatwg_marks

TEXTS = {"gbk": ("北大中国经济研究中心向社会作了经济形势的报告，会议由国家发展研究院院长主持。",
                 "据新华社报道，今年全国粮食总产量再创新高，达到六亿八千万吨，农民收入继续增长。"),
         "big5": ("北大中國經濟研究中心向社會作了經濟形勢的報告，會議由國家發展研究院院長主持。",
                  "據新華社報道，今年全國糧食總產量再創新高，達到六億八千萬噸，農民收入繼續增長。")}
LOST = "\ufffd"


def _same(got: str, want: str) -> int:
    return sum(b.size for b in difflib.SequenceMatcher(None, got, want, autojunk=False).get_matching_blocks())


def _marked_cells():
    """(source, browser, text) of each sentence a browser marked where a mark swallowed two bytes
    or took a lead whose ASCII trail it read again."""
    for source, texts in TEXTS.items():
        for name in legacy_browser_marks.BROWSERS:
            for text in texts:
                shown = DECODERS[name].decode(text.encode(source))
                if LOST in shown[:-1]:
                    yield source, name, text


CELLS = list(_marked_cells())


def test_the_sentences_hold_marks_of_each_kind():
    """The cells below exist: every browser marks some of them, in both sources."""
    assert {(s, n) for s, n, _ in CELLS} >= {("gbk", "whatwg-euc-kr"), ("gbk", "whatwg-euc-jp"), ("big5", "whatwg-shift_jis"),
                                            ("big5", "whatwg-euc-kr"), ("big5", "whatwg-euc-jp")}


def test_pages_a_browser_marked_are_read_back_nearly_whole():
    """Read a byte a mark, everything after a mark of two bytes came back out of step: these
    sentences lost 96 characters together (GBK through EUC-JP 7 and 7, Big5 through EUC-JP 17 and
    17). Read a character at a time, 14 differ (the model's choice among a whole row's
    characters); none loses more than 4, and a second clean changes nothing."""
    cleaner = Cleaner(to="keep")
    lost = []
    for source, name, text in CELLS:
        fixed = cleaner.clean(DECODERS[name].decode(text.encode(source)))
        lost.append(len(text) - _same(fixed, text))
        assert cleaner.clean(fixed) == fixed
    assert max(lost) <= 4
    assert sum(lost) <= 20


def test_a_lead_alone_before_its_ascii_trail_is_no_code_of_the_table():
    """A mark before an ASCII byte the character holds is a lead alone: the lead and that byte are
    no code of the browser's table (else it would have read them). cp949 reads b8 67 as a hangul,
    so no character b8 67 is a lead alone before g."""
    browser = whatwg_marks.BY_NAME["whatwg-euc-kr"]
    kinds = (whatwg_marks.ALONE, "")
    assert not whatwg_marks.fits(bytes((0xB8, 0x67)), (None, 0x67), kinds, browser)
    assert whatwg_marks.fits(bytes((0xC9, 0x67)), (None, 0x67), kinds, browser)


def test_a_trail_read_again_as_ascii_is_part_of_the_run():
    """Big5 研究 (ac e3 a8 73) through Shift_JIS is ｬ, one kanji (e3 a8), then s: the run goes on
    over the s, and over the ASCII byte after a mark."""
    shown = DECODERS["whatwg-shift_jis"].decode("研究中心，會議".encode("big5"))
    assert [m.group() for m in legacy_browser_marks._run_pattern().finditer("ｬ罟s､､ x" + LOST + "g中")] == ["ｬ罟s､､", LOST + "g中"]
    assert legacy_browser_marks._run_pattern().fullmatch(shown.rstrip())


def test_clean_text_with_a_mark_is_left():
    """A clean sentence with one U+FFFD of its own reads no better from legacy bytes: left."""
    text = "今天天气很好，我们去公园散步，看见很多人在跳舞。" + LOST + "明天再来。"
    assert legacy_browser_marks.repair(text)[0] == []


def test_a_run_python_s_decoder_marked_is_left_to_its_reading():
    """GBK 公里，共有 through Python's cp932 (a mark for ef alone, a3 read again): read as a
    browser's, the mark taken for two bytes still parses (公罓，共有); Python's reading, a byte a
    mark, reads it whole and likelier, so the run is left to ``code_pages``."""
    run = "公里，共有".encode("gbk").decode("cp932", "replace")
    assert run == "ｹｫﾀ\ufffd｣ｬｹｲﾓﾐ"
    assert legacy_browser_marks.read(run) is None
    page = "全长三百公里，共有二十个站。".encode("gbk").decode("cp932", "replace")
    assert Cleaner(to="keep").clean(page) == "全长三百公里，共有二十个站。"


def test_a_page_python_s_decoder_marked_is_read_by_python_s_in_every_run():
    """GBK through Python's euc_jp: each run's browser reading parses, and the first one's reads
    likelier than Python's of that run alone (据国家能源局爲息搶: a mark of one byte taken for two),
    but Python's readings of the page's three runs are likelier together and leave no byte over
    either. The page is Python's, every run of it: none is read as a browser's, and ``code_pages``
    reads it back whole (run by run, the first came back 爲息搶 for 消息，)."""
    text = "据国家能源局消息，截至今年9月底，全国风电和光伏发电累计装机容量突破8亿千瓦，同比增长超过三成。"
    page = text.encode("gbk").decode("euc_jp", "replace")
    first = next(m.group() for m in legacy_browser_marks._run_pattern().finditer(page) if LOST in m.group())
    assert legacy_browser_marks._reading(first, "\n", False).cost < legacy_browser_marks._python_reading(first)[1]
    assert legacy_browser_marks.repair(page) == ([], False)
    assert Cleaner(to="keep").clean(page) == text


def test_a_mark_ending_a_run_leaves_python_s_reading_no_byte_over():
    """Python's cp932 reads （É of a GB18030 page (a3 a8, then 81 30 87 37) as ｣ｨ, a mark for 81
    alone, then 0 outside the run: the mark's trail is the byte after the run, so Python's
    reading leaves nothing over (counted, it left pages of Python's own a byte over, as many as
    the browser's reading left: GBK through cp932, build split)."""
    run = "（École".encode("gb18030").decode("cp932", "replace")[:3]
    assert run == "｣ｨ\ufffd"
    assert legacy_browser_marks._python_reading(run)[0] == 0


def test_a_mark_of_big5_is_guessed_among_big5_s_own_characters():
    """Big5 的 (aa ba) through Python's gbk is two marks, which a browser's EUC-JP could have made
    of a byte rejected alone (87-a0) and a lead at the end: a Big5-HKSCS character, 国 (98 c7) the
    likeliest of them, took the page from Python's reading. A mark is guessed among Big5's own
    characters (cp950's), not HKSCS's added rows, and the page is left to the GBK family's repair."""
    assert all(ch.encode("cp950") == code for code, ch in legacy_browser_marks._vocabulary("big5hkscs"))
    page = "內平民的".encode("big5").decode("gbk", "replace")
    assert legacy_browser_marks.repair(page) == ([], False)


def _walked_parts(name: str) -> set[tuple[tuple[int | None, ...], tuple[str, ...]]]:
    """(part, kinds) of every two bytes a path of the browser's views of the marked sentences asks."""
    browser = whatwg_marks.BY_NAME[name]
    asked = set()
    for source, cell, text in CELLS:
        if cell != name:
            continue
        run = DECODERS[name].decode(text.encode(source))
        for marked in legacy_browser_marks._views(run, browser.codec):
            nodes = whatwg_marks.expand(legacy_browser_marks._kinds(marked), browser)
            for at in range(len(nodes)):
                asked.update((part, kinds) for part, kinds, _ in whatwg_marks.walks(nodes, at, 2, browser))
    return asked


@pytest.mark.parametrize("name", legacy_browser_marks.BROWSERS)
def test_the_search_of_packed_codes_fits_as_the_loop_did(name):
    # Each part a path of the browser's views asks, with unknown bytes: the search (a byte class a
    # place, the codes asked of its matches) gives the characters the loop gave, in its order.
    asked = [(part, kinds) for part, kinds in _walked_parts(name) if None in part]
    assert len(asked) > 10
    for part, kinds in asked:
        for source in legacy_browser_marks.SOURCES:
            got = legacy_browser_marks._fitting.__wrapped__(part, kinds, name, source)
            assert got == reference.fitting(part, kinds, name, source), (part, kinds, source)


# Bytes of every range a GBK or Big5 code spans: ASCII trails (40-7e), leads, trails, the bytes a
# browser rejects alone, EUC-JP's 8e and 8f.
_BYTES = st.sampled_from([0x40, 0x5C, 0x7E, 0x80, 0x81, 0x8E, 0x8F, 0x9F, 0xA0, 0xA1, 0xA4, 0xB8, 0xC7, 0xD7, 0xDF,
                          0xE0, 0xE4, 0xF9, 0xFE])
_KINDS = st.sampled_from(["", whatwg_marks.ONE, whatwg_marks.ALONE, whatwg_marks.FIRST, whatwg_marks.SECOND,
                          whatwg_marks.THREE_1, whatwg_marks.THREE_2, whatwg_marks.THREE_3])


@SETTINGS
@given(st.tuples(st.lists(st.one_of(st.none(), _BYTES), min_size=2, max_size=2), st.lists(_KINDS, min_size=2, max_size=2)),
       st.sampled_from(legacy_browser_marks.BROWSERS), st.sampled_from(legacy_browser_marks.SOURCES))
@example(([None, 0x5C], [whatwg_marks.FIRST, whatwg_marks.SECOND]), "whatwg-shift_jis", "big5hkscs")
@example(([None, None], [whatwg_marks.ALONE, ""]), "whatwg-euc-kr", "gbk")
def test_the_search_of_packed_codes_is_the_loop_on_any_part(shape, name, source):
    # Any known bytes and any kinds, those no path makes too (a known byte's kind, a lone SECOND).
    part, kinds = tuple(shape[0]), tuple(shape[1])
    if None not in part:
        return  # both bytes known: read as the source reads them, no search
    assert legacy_browser_marks._fitting.__wrapped__(part, kinds, name, source) == reference.fitting(part, kinds, name, source)


def test_no_code_of_either_source_holds_the_packed_separator():
    # The search's alignment: a match of two bytes stands inside one character's code only while
    # no code holds the byte between two codes.
    for source in legacy_browser_marks.SOURCES:
        codes = legacy_browser_marks._vocabulary(source)
        assert codes
        assert all(legacy_browser_marks._APART[0] not in code for code, _ in codes)
        assert all(utf8_marks.round_trip(ch, source) == code for code, ch in codes[:200])
