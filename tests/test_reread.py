"""Reading a byte view with unknown and dropped bytes (cleaner/repair/reread.py)."""

from cleaner.repair import holes
from cleaner.repair.decoders import BIG5_FAMILY, GBK_FAMILY, byte_view
from cleaner.repair.reread import read


def _text(stream, source, family, ignore=False):
    items, complete = read(stream, source, family, ignore)
    return "".join(ch for ch, _, _ in holes.choose(items, "", True)), complete


def test_known_bytes_read_exactly():
    stream = list("发展".encode("utf-8"))
    assert _text(stream, "utf-8", GBK_FAMILY) == ("发展", True)


def test_an_unknown_byte_is_chosen_by_the_model():
    # 发展经济 read as GBK: 发's last byte made a pair GBK rejects, and became one U+FFFD.
    text = "他说发展经济".encode("utf-8").decode("gbk", errors="replace")
    stream, _ = byte_view(text, GBK_FAMILY)
    assert None in stream
    assert _text(stream, "utf-8", GBK_FAMILY)[0] == "他说发展经济"


def test_indentation_that_lost_a_byte_reads_as_ideographic_spaces():
    # "　　" (e3 80 80 twice) read as GBK keeps 銆 (e3 80) and loses each 0x80: the lost byte of
    # U+3000, the commonest character of e3 80 xx on Chinese web pages, once taken for 〢 or 。.
    from cleaner import Cleaner
    from cleaner.config import Config

    text = "\u3000\u3000今天天气很好，我们去公园散步。\n\u3000\u3000明天也是好天气。"
    damaged = text.encode().decode("gbk", "replace")
    cleaner = Cleaner.for_config(Config(to="keep", remove_furniture=False, normalize_whitespace=False))
    assert cleaner.run(damaged).text == text


def test_a_price_sign_that_lost_its_last_byte_to_the_digit_is_read_back():
    # ￥ is ef bf a5: GBK reads 锟 (ef bf), then a5 before a digit, which no GBK code holds, is lost.
    # The sign was no candidate, so every price of a menu read as GBK stayed 锟� (and the space
    # before it, judged without the sign, came back 。).
    from cleaner import Cleaner

    text = "今日菜单\n夫妻肺片　￥38\n口水鸡　￥42\n拍黄瓜　￥16"
    damaged = text.encode().decode("gbk", "replace")
    assert "锟\ufffd" in damaged
    assert Cleaner(to="keep", remove_furniture=False).run(damaged).text == text


def test_signs_chinese_pages_use_are_read_back():
    # ℃ ★ ① → │ ● ■ were no character a re-read could give: their stretches stayed mojibake.
    from cleaner import Cleaner
    from cleaner.config import Config

    cleaner = Cleaner.for_config(Config(to="keep", remove_furniture=False))
    for text in ("今天气温零下5℃，★重要提示：①请注意安全→②按时返回。", "表格：│姓名│年龄│，●第一项■第二项。"):
        for decoder in ("latin-1", "gbk"):
            assert cleaner.run(text.encode().decode(decoder, "replace")).text == text, decoder


def test_the_signs_a_reading_may_give_are_those_gbk_encodes():
    import reference_reread

    for a, b in reference_reread.SYMBOL_RANGES:
        for code in range(ord(a), ord(b) + 1):
            items, _ = read(list(chr(code).encode()), "utf-8", GBK_FAMILY)
            assert bool(items) == (chr(code) in reference_reread.symbols()), hex(code)


def test_a_dropped_byte_is_taken_back():
    # The same with errors="ignore": the rejected bytes went without a mark.
    text = "工业互联网发展".encode("utf-8").decode("gbk", errors="ignore")
    stream, _ = byte_view(text, GBK_FAMILY)
    assert len(stream) < len("工业互联网发展".encode("utf-8"))
    assert _text(stream, "utf-8", GBK_FAMILY, ignore=False)[1] is False  # without taking bytes back: stuck
    assert _text(stream, "utf-8", GBK_FAMILY, ignore=True)[0] == "工业互联网发展"


def test_a_pair_dropped_whole_takes_the_next_lead_back():
    # glibc's iconv -c drops the pair it cannot read whole: UTF-8 一个中国 loses aa e4 (个's last
    # byte and 中's lead), and 80 before it is read as €. Read whole, e4 b8 b8 is 丸 and ad is
    # left with no lead; cut, 个 and 中 each take back the byte they lost.
    from wrong_decoders import DECODERS

    text = DECODERS["iconv-gbk"].decode("一个中国人".encode("utf-8"), "ignore")
    stream, _ = byte_view(text, GBK_FAMILY)
    assert stream == list(bytes.fromhex("e4b880e4b8b8ade59bbde4baba"))
    read_back, complete = _text(stream, "utf-8", GBK_FAMILY, ignore=True)
    assert complete and read_back == "一个中国人"
    # Python's gbk drops only the lead a pair starts with: it never leaves this cut.
    assert _text(list("一个中国".encode("utf-8")), "utf-8", GBK_FAMILY, ignore=True)[0] == "一个中国"


def test_a_character_with_two_unknown_bytes_is_chosen_among_more_than_the_commonest_few():
    # 奖 is e5 a5 96: before a tab GBK reads e5 with the byte before it and marks a5 96 and 96, so
    # only e5 is left, which 4,096 characters start. Cut to the commonest 48, the candidates left
    # out 奖 (the 442nd), and 获奖 in a table row came back 获委.
    text = "本届比赛\t获奖\t名单".encode("utf-8").decode("gbk", errors="replace")
    stream, _ = byte_view(text, GBK_FAMILY)
    items, complete = read(stream, "utf-8", GBK_FAMILY)
    assert complete
    assert any(len(candidates) > 48 and "奖" in candidates for _, _, candidates in items)
    assert "获奖" in _text(stream, "utf-8", GBK_FAMILY)[0]


def test_gbk_source_in_a_big5_view():
    text = "发展经济".encode("gbk").decode("big5", errors="replace")
    stream, _ = byte_view(text, BIG5_FAMILY)
    assert _text(stream, "gbk", BIG5_FAMILY)[0] == "发展经济"


# --- the native reader against the Python original (tests/reference_reread.py) ----------------

import reference_reread  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402

from cleaner.repair.decoders import FAMILIES  # noqa: E402

SOURCES = ("utf-8", "gbk", "big5")


def _agree(stream, source, family, ignore):
    assert read(stream, source, family, ignore) == reference_reread.read(stream, source, family, ignore)


@SETTINGS
@given(text=text_inputs, family=st.sampled_from(FAMILIES), source=st.sampled_from(SOURCES), ignore=st.booleans())
def test_native_reading_of_byte_views_is_the_reference(text, family, source, ignore):
    stream, _ = byte_view(text, family)
    _agree(stream, source, family, ignore)


# Random streams: bytes of every kind (ASCII, UTF-8 leads and continuations, GBK and Big5
# ranges) and unknown bytes, so every shape of _shapes is drawn.
stream_item = st.one_of(st.none(), st.integers(0, 255), st.integers(0x80, 0xBF), st.integers(0xE0, 0xEF))


@SETTINGS
@given(stream=st.lists(stream_item, max_size=24), family=st.sampled_from(FAMILIES), source=st.sampled_from(SOURCES), ignore=st.booleans())
def test_native_reading_of_random_streams_is_the_reference(stream, family, source, ignore):
    _agree(stream, source, family, ignore)


def test_damaged_sentences_read_as_the_reference():
    # Every real line of the fixtures misread by every wrong decoder family, both modes.
    from native_inputs import CLEAN_LINES
    from wrong_decoders import DECODERS

    for line in CLEAN_LINES[:40]:
        for misread in (line.encode("utf-8").decode("gbk", "replace"), line.encode("utf-8").decode("gbk", "ignore"),
                        line.encode("utf-8").decode("big5", "replace"), DECODERS["iconv-gbk"].decode(line.encode("utf-8"), "ignore")):
            for family in (GBK_FAMILY, BIG5_FAMILY):
                stream, _ = byte_view(misread, family)
                for ignore in (False, True):
                    _agree(stream, "utf-8", family, ignore)
