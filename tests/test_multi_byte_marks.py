"""A Japanese or Korean decoder's marks, filled by its own rules (cleaner/repair/multi_byte_marks.py)."""

from __future__ import annotations

import pytest
import reference_multi_byte_marks as reference
from hypothesis import example, given
from hypothesis import strategies as st
from native_inputs import SETTINGS

from cleaner import Cleaner
from cleaner.repair import multi_byte_marks
from cleaner.repair.code_pages import repair_code_pages

LOST = "\ufffd"
ARTICLE = "中华人民共和国国务院新闻办公室今天举行发布会，介绍经济发展情况。"
SENTENCES = [
    "他说：我们的学校很漂亮，技术发展迅速。",
    "中文是中华人民共和国的官方语言之一。",
    ARTICLE,
]


@pytest.mark.parametrize("codec", ["cp932", "shift_jis", "euc_jp", "cp949", "euc_kr"])
def test_a_mark_is_one_byte_rejected_before_the_next(codec):
    # Python's CJK decoders take a rejected lead alone and read the byte after it again. With a
    # byte after the next: euc_jp's 8f leads three bytes, and 8f 91 cut short is one mark.
    for following in (0x40, 0x41, 0x85, 0x91, 0xA1, 0xE4):
        allowed = multi_byte_marks.rejected_before(codec, following)
        assert allowed
        alone = bytes((following, 0x41)).decode(codec, "replace")
        for b in range(0x80, 0x100):
            got = bytes((b, following, 0x41)).decode(codec, "replace")
            assert (b in allowed) == (got == LOST + alone)


def test_euc_jps_three_byte_lead_is_rejected_alone():
    # UTF-8 经 (e7 bb 8f) before 济 (e6 b5 8e): euc_jp marks 8f alone and reads e6 b5 again.
    assert b"\x8f\x91\xe5".decode("euc_jp", "replace").startswith("\ufffd\ufffd")
    assert 0x8F in multi_byte_marks.rejected_before("euc_jp", 0x91)


def test_cp932_marks_its_empty_rows_and_reads_its_kanji():
    assert 0x85 in multi_byte_marks.rejected_before("cp932", 0x40)  # row 85 is empty
    assert 0x88 not in multi_byte_marks.rejected_before("cp932", 0x9F)  # 889f is 亜


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("codec", ["cp932", "shift_jis", "cp949"])
def test_utf8_through_a_japanese_or_korean_decoder_comes_back(sentence, codec):
    # The marks were filled from the single-byte view's undefined bytes (81 83 88 8d 8f 90 98
    # 9d): UTF-8 through cp949 (a mark in four characters) was not read at all, and through
    # cp932 some characters came back wrong.
    broken = sentence.encode("utf-8").decode(codec, "replace")
    assert LOST in broken
    assert repair_code_pages(f"据报道，{broken}").text == f"据报道，{sentence}"


# Not shift_jis: it marks the IBM rows cp932 reads, and 他 (cb fb) alone at a sentence's start
# comes back 所 (cb f9), as likely there by the model (margin 0.09): a guess, reported as one.
@pytest.mark.parametrize("codec", ["cp932", "cp949", "euc_kr"])
def test_gbk_through_a_japanese_or_korean_decoder_comes_back(codec):
    for sentence in SENTENCES:
        broken = sentence.encode("gbk").decode(codec, "replace")
        assert repair_code_pages(broken).text == sentence, (codec, broken)


def test_a_character_cp932_reads_from_two_codes_is_given_the_one_its_source_reads():
    # GBK 国的 is b9 fa b5 c4: cp932 reads fa b5 as 嶹, which its encoder gives back as ed 7a
    # (the NEC-selected row): read so, 国的 came back 鬼櫮.
    broken = "共和国的".encode("gbk").decode("cp932")
    assert "嶹" in broken and "嶹".encode("cp932") != b"\xfa\xb5"
    filled = multi_byte_marks.fill(broken, "cp932")
    assert filled is not None and filled.data == "共和国的".encode("gbk")


def test_the_bytes_around_a_mark_are_read_in_step():
    # 语 (d3 ef) through cp932: ef is rejected before d1 (言). Scored in a window cut inside a GBK
    # pair, its context read out of step and 狱 won.
    broken = "官方语言之一。".encode("gbk").decode("cp932", "replace")
    assert LOST in broken
    filled = multi_byte_marks.fill(broken, "cp932")
    assert filled is not None and filled.data.decode("gbk") == "官方语言之一。"


def test_utf8_places_say_where_a_mark_can_be():
    view = multi_byte_marks.view("中文".encode("utf-8").decode("cp932", "replace"), "cp932")
    places = multi_byte_marks.utf8_places(view)
    assert places is not None
    gbk = multi_byte_marks.view("中文是".encode("gbk").decode("cp932", "replace"), "cp932")
    assert multi_byte_marks.utf8_places(gbk) is None


def test_every_guess_is_a_finding_and_no_guess_writes_marks():
    broken = ARTICLE.encode("utf-8").decode("cp949", "replace")
    repair = repair_code_pages(broken)
    assert repair.text == ARTICLE
    assert repair.findings and all(f.kind == "lost-byte" for f in repair.findings)
    assert all("rank 2:" in f.detail for f in repair.findings)
    for f in repair.findings:
        assert repair.text[f.position] == f.detail[0]
    marked = repair_code_pages(broken, guess=False)
    guessed = {f.position for f in repair.findings}
    assert marked.text.count(LOST) == len(guessed)
    assert all(marked.text[i] == LOST for i in guessed)


@pytest.mark.parametrize("clean", [
    "東京は日本の首都であり、世界有数の大都市である。",
    "私は毎朝コーヒーを飲みながら新聞を読みます。",
    "ｶﾀｶﾅで書かれた看板が駅前に並んでいる。",
    "대한민국의 수도는 서울특별시이며, 한강이 도시를 가로지른다.",
    "서울대학교(國立서울大學校)는 1946년에 설립되었다.",
    "村上春树在《ノルウェイの森》中写道：「死は生の対極としてではなく、その一部として存在している」。",
    "韩国电视剧《대장금》（大长今）讲述了朝鲜王朝宫廷的故事。",
    "日语的「ありがとう」和韩语的「감사합니다」都是谢谢的意思。",
])
def test_japanese_and_korean_text_is_not_repaired(clean):
    assert repair_code_pages(clean) == (clean, 0, [])
    cleaner = Cleaner(to="keep", remove_furniture=False, fix_width=False, normalize_whitespace=False)
    assert cleaner.clean(clean) == clean


# A second clean changes nothing on these decoders' pages: tests/test_code_pages.py, with the others.


def test_marks_near_each_other_are_filled_together():
    # 受到 (a8 fc a8 ec) through cp932: each trail byte a mark, one byte apart. Filled one at a
    # time, each with the other as first filled, it came back 到受.
    broken = "語言學家受到啟發。".encode("big5").decode("cp932", "replace")
    assert broken.count(LOST) == 2
    filled = multi_byte_marks.fill(broken, "cp932")
    assert filled is not None and filled.data.decode("big5") == "語言學家受到啟發。"


def test_short_stretches_of_a_misread_run_are_read_too():
    # Big5 年 (a6 7e) and 。 (a1 43) through cp932 are ｦ~ and ｡C: halfwidth katakana and ASCII,
    # which alone are no evidence; in a run the decoder is shown to have misread, they are read.
    text = "爾從1970年開始出版。這是第二句話，也是最後一句。"
    broken = text.encode("big5").decode("cp932", "replace")
    assert "ｦ~" in broken and broken.endswith("｡C")
    # Not yet the two characters before the digits (爾從, ｺｸｱq: its trail byte q before a digit).
    assert repair_code_pages(broken).text.endswith("1970年開始出版。這是第二句話，也是最後一句。")


def _walked(data: bytearray, lo: int, source: str) -> int:
    """The start of the character holding byte ``lo``, walked from the first byte."""
    start = i = 0
    while i <= lo:
        start = i
        i += multi_byte_marks._width(data, i, source)
    return start


@pytest.mark.parametrize("source", ["gbk", "big5"])
def test_kept_character_starts_are_those_walked_from_the_first_byte(source):
    # The starts are kept between the groups of marks (walked again from the first byte for
    # each group, a long run's filling was quadratic); a byte filled forgets those it may move.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.binary(min_size=8, max_size=60), st.lists(st.tuples(st.integers(0, 59), st.integers(0, 255)), max_size=8))
    def check(raw, edits):
        data = bytearray(raw)
        starts = multi_byte_marks._Starts(data, source)
        for at, value in edits:
            at %= len(data)
            lo = max(0, at - multi_byte_marks.CONTEXT)
            assert starts.last_at_or_before(lo) == _walked(data, lo, source)
            starts.changed(at)
            data[at] = value
        for lo in range(len(data)):
            assert starts.last_at_or_before(lo) == _walked(data, lo, source)

    check()


def test_the_table_of_characters_read_from_several_codes_is_kept_on_disk(tmp_path, monkeypatch):
    # Built once, then read back by the next process (about 50 ms of decoding per code page and
    # worker before): the copy read is the table built.
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    multi_byte_marks._duplicates.cache_clear()
    try:
        built = multi_byte_marks._duplicates("cp932")
        assert [p.name.split("-")[1] for p in tmp_path.iterdir()] == ["cp932"]
        multi_byte_marks._duplicates.cache_clear()
        assert multi_byte_marks._duplicates("cp932") == built == multi_byte_marks._build_duplicates("cp932")
        assert built["纊"] == (b"\xed\x40", b"\xfa\x5c")  # NEC-selected IBM row and IBM row: one kanji
    finally:
        multi_byte_marks._duplicates.cache_clear()


def test_the_bytes_a_code_page_rejects_are_kept_on_disk(tmp_path, monkeypatch):
    # 33,000 decodes a code page (0.1 s in every process) made once, then read back: the copy
    # read answers as the decodes do.
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    multi_byte_marks._rejected_table.cache_clear()
    try:
        built = [multi_byte_marks.rejected_before("euc_kr", b) for b in (None, 0x41, 0xA1)]
        assert [p.name.split("-")[:2] for p in tmp_path.iterdir()] == [["rejected", "euc_kr"]]
        multi_byte_marks._rejected_table.cache_clear()
        monkeypatch.setattr(multi_byte_marks, "_build_rejected", lambda codec: pytest.fail("built again"))
        assert [multi_byte_marks.rejected_before("euc_kr", b) for b in (None, 0x41, 0xA1)] == built
        assert built[1] == multi_byte_marks._rejected_after("euc_kr", 0x41)
        assert set(built[1]) <= set(built[0]) and 0x80 in built[0]
    finally:
        multi_byte_marks._rejected_table.cache_clear()


def test_the_utf8_vocabulary_is_kept_on_disk_for_the_packages_model_only(tmp_path, monkeypatch):
    from cleaner import langmodel

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    multi_byte_marks._utf8_vocabulary.cache_clear()
    try:
        built = multi_byte_marks._utf8_vocabulary()
        assert "utf8vocabulary" in [p.name.split("-")[0] for p in tmp_path.iterdir()]
        multi_byte_marks._utf8_vocabulary.cache_clear()
        assert multi_byte_marks._utf8_vocabulary() == built == multi_byte_marks._build_utf8_vocabulary()
        scores = [langmodel.model().unigram(ch) for _, ch in built[3]]
        assert scores == sorted(scores, reverse=True) and built[3][0] == ("，".encode(), "，")  # the likeliest first
        # Another model's vocabulary is its own, never the package model's copy.
        langmodel.use(langmodel.CharModel({"中": 5, "文": 3}, {}))
        try:
            assert langmodel.model_sources() is None
            multi_byte_marks._utf8_vocabulary.cache_clear()
            own = multi_byte_marks._utf8_vocabulary()[3]
            assert [ch for _, ch in own[:2]] == ["中", "文"] and len(own) < len(built[3]) / 100
        finally:
            langmodel.use(None)
        assert langmodel.model_sources() is not None
    finally:
        multi_byte_marks._utf8_vocabulary.cache_clear()


# A GBK page's line read as UTF-16 beside clean lines (the UTF-16 cells' lines scope): cp949 shows
# its units' hangul, and the known bytes of a character the UTF-8 parse placed were no one UTF-8
# character (two U+FFFD): the items of the choice held a string of two characters and the native
# choice refused it (ValueError). Such bytes are context only. The run is the one such a line handed
# the code-page repair; whole, the line is now read back before (utf16_legacy.py) and never gets here.
_NO_ONE_CHARACTER = "\ufffd\u82bf\ubdb6"


def test_known_bytes_that_are_no_one_utf8_character_do_not_stop_the_run():
    filled = multi_byte_marks.fill(_NO_ONE_CHARACTER, "cp949")
    assert filled is not None and filled.source == "utf-8"  # read, its unplaceable character a mark


_BYTES = st.sampled_from([0x41, 0x80, 0x81, 0x8E, 0x8F, 0x9F, 0xA0, 0xA1, 0xB8, 0xBF, 0xC2, 0xDF, 0xE4, 0xE5, 0xE9, 0xEF, 0xF0, 0xFE])
_CODECS = ("euc_jp", "euc_jis_2004", "euc_kr", "johab", "gb2312", "big5", "cp950", "big5hkscs", "shift_jis", "cp949")


@SETTINGS
@given(st.integers(2, 4).flatmap(lambda n: st.lists(st.one_of(st.none(), _BYTES), min_size=n, max_size=n)),
       st.one_of(st.none(), _BYTES), st.sampled_from(_CODECS), st.sampled_from([1, 48, 128]))
@example([None, None, None], None, "big5", 48)  # a mark before a mark: asked of each match again
@example([0xE4, None, 0x80], 0x41, "euc_kr", 128)
def test_the_search_of_packed_bytes_fits_as_the_loop_did(part, following, codec, limit):
    # Any known bytes, marks and next byte: the characters the loop over the vocabulary gave
    # (tests/reference_multi_byte_marks.py), in its order.
    length = len(part)
    assert multi_byte_marks._fitting(part, length, following, codec, limit) == reference.fitting(part, length, following, codec, limit)
