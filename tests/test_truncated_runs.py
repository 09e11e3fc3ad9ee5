"""UTF-8 cut inside a character, then read as GBK (cleaner/repair/truncated_runs.py)."""

import pytest
import reference_truncated_runs as reference
from hypothesis import given
from hypothesis import strategies as st
from native_inputs import SETTINGS, text_inputs

from cleaner import Cleaner
from cleaner.repair import truncated_runs

TITLES = [
    "中国国务院新闻办公室今天举行发布会",
    "研究方向指导教师招生人数考试科目",
    "这家公司的负责人表示明年将继续扩大生产规模",
]


def _cut_bytes(text: str, keep: int, mark: str) -> tuple[str, str]:
    """``text``'s UTF-8 cut after ``keep`` bytes with ``mark`` added, read as GBK; and what a
    reader can know of it: the characters whose bytes all survived, then the mark."""
    data = text.encode("utf-8")[:keep]
    return (data + mark.encode("utf-8")).decode("gbk", errors="replace"), data.decode("utf-8", "ignore") + mark


@pytest.mark.parametrize("mark", ["...", ".."])
@pytest.mark.parametrize("text", TITLES)
def test_a_title_cut_by_bytes_reads_back_to_its_whole_characters(text, mark):
    cleaner = Cleaner(to="keep", remove_furniture=False)
    for keep in range(19, 35):
        if keep % 3 == 0:
            continue  # a cut between characters: nothing cut short
        shown, known = _cut_bytes(text, keep, mark)
        if "\ufffd" in shown[-len(mark) - 3 : -len(mark)]:
            continue  # a mark in the cut's last pairs: the bytes after it start no character (a known limit)
        assert cleaner.clean(shown) == cleaner.clean(known), (keep, shown)


@pytest.mark.parametrize("text", TITLES)
def test_an_ellipsis_after_a_cut_run_is_the_mark_not_its_bytes(text):
    # A summary cut the misread text to N characters and added `…` (GBK's a1 ad): UTF-8 would take
    # those two bytes as the cut character's last ones (植物… as 植硭).
    cleaner = Cleaner(to="keep", remove_furniture=False)
    shown_full = text.encode("utf-8").decode("gbk", errors="replace")
    for n in range(8, len(shown_full)):
        shown = shown_full[:n]
        if "\ufffd" in shown[-3:]:
            continue  # a mark in the cut's last pairs (a known limit, above)
        out = cleaner.clean(shown + "…")
        assert out.endswith("…") and text.startswith(out[:-1]), (shown, out)


def test_the_cut_character_is_reported_with_its_bytes():
    shown, _ = _cut_bytes("中国国务院新闻办公室", 14, "...")  # inside 院 (e9 99 a2): e9 99 kept
    result = Cleaner(to="keep", remove_furniture=False).run(shown)
    assert result.text == "中国国务...", result.text
    found = [f for f in result.findings if f.kind == "cut-character"]
    assert len(found) == 1 and found[0].detail.startswith("bytes e9 ??")
    # At its place in the text the stage returns (the place of the mark after it).
    got = truncated_runs.repair(shown)
    assert got.findings[0].position == got.text.index("...")


def test_a_mark_that_may_be_the_last_byte_is_left_to_the_byte_repairs():
    # 中 is e4 b8 ad: cut after ad with `...` after, ad pairs with nothing and is marked; the bytes
    # before it end short by one, which the mark may be: a lost byte, not a cut.
    shown = "中国国务院新闻办公室".encode("utf-8") + b"\xe4\xb8\xad" + b"..."
    text = shown.decode("gbk", errors="replace")
    assert truncated_runs.repair(text).count == 0


@pytest.mark.parametrize("text", [
    "他说：这件事情还没有结束……",
    "详情请见……",
    "省略号的用法...",
    "骞达是一个人名",
    "中国国务院新闻办公室今天举行发布会",
    "硕士研究生招生考试科目⋯",
])
def test_clean_text_before_a_mark_or_a_line_end_is_left(text):
    assert truncated_runs.repair(text).count == 0
    assert truncated_runs.repair(text + "\n" + text).count == 0


# Paragraphs that end whole, read by a decoder that drops what it cannot read (errors="ignore"): a
# line's last character (。 e3 80 82) loses its last byte where the newline follows it, as a cut
# one would, and no mark on the page says the decoder marks what it loses.
WHOLE_PARAGRAPHS = [
    "这家公司的负责人表示明年将继续扩大生产规模。",
    "研究方向指导教师招生人数考试科目都已公布。",
    "他在会上说，今年的工作重点是改善民生。",
    "这座桥全长一千二百米，历时三年建成。",
]


@pytest.mark.parametrize("decoder", ["gbk", "gb18030"])
def test_a_line_end_on_a_page_read_with_ignore_is_no_cut(decoder):
    cleaner = Cleaner(to="keep", remove_furniture=False)
    dropped = 0
    for first in WHOLE_PARAGRAPHS:
        for second in WHOLE_PARAGRAPHS:
            if first == second:
                continue
            text = first + "\n" + second
            shown = text.encode("utf-8").decode(decoder, errors="ignore")
            dropped += len(shown.encode(decoder)) < len(text.encode("utf-8"))
            assert truncated_runs.repair(shown).count == 0, shown
            # The line ends' 。 come back (the dropped-byte readers' guesses).
            assert cleaner.clean(shown).count("。") == 2, shown
    assert dropped


def test_a_truncation_mark_on_a_page_read_with_ignore_still_says_cut():
    # Cut inside 公 (e5 85 ac: e5 kept), `...` after, read with errors="ignore" (which drops bytes
    # inside the run too: what stands before them is the byte repairs'): the mark says cut.
    data = "中国国务院新闻办公室".encode("utf-8")[:25] + b"..."
    shown = data.decode("gbk", errors="ignore")
    assert "\ufffd" not in shown
    got = truncated_runs.repair(shown)
    assert got.count == 1 and got.text.endswith("国务院新闻办..."), got.text


def test_a_wrap_inside_a_misread_run_is_no_cut():
    # A paragraph wrapped every 30 characters of its misread form breaks inside UTF-8 characters as
    # a cut does; the next line opens with their last bytes. No bytes may be dropped there: the
    # break join and the later join's re-read read those characters whole.
    source = "吕理政在国立台湾大学考古人类学系取得学位，著有《经纬福尔摩沙：16－19世纪西方人绘制台湾相关地图》，历任多家博物馆研究员。"
    shown = source.encode("utf-8").decode("gbk", errors="replace")
    lines = [shown[i : i + 30] for i in range(0, len(shown), 30)]
    page = "\n".join(lines)
    split = [i for i, line in enumerate(lines[:-1]) if reference.ends_cut(page, sum(len(x) + 1 for x in lines[: i + 1]) - 1, 0)]
    assert split  # the wrap looks like a cut from its line's end alone
    result = truncated_runs.repair(page)
    assert result.text == page and not result.findings


# Cut and wrapped mojibake, marks, truncation marks and a lone surrogate (no GBK view), mixed with
# the property tests' clean and misread lines.
_PIECES = st.one_of(
    text_inputs,
    st.sampled_from(TITLES).flatmap(lambda t: st.tuples(st.integers(1, len(t.encode("utf-8"))), st.sampled_from(["", "...", "…", "⋯", ".."]))
                                    .map(lambda a: _cut_bytes(t, *a)[0])),
    st.sampled_from(["\n", "\ufffd", "..", "…", "⋯", "\ud800", "3", "x", "，", "骞达", "\U00020000"]),
)
_PAGES = st.lists(_PIECES, max_size=8).map("".join)


@SETTINGS
@given(_PAGES, st.integers(0, 40))
def test_the_native_search_for_cut_ends_is_the_python_one(page, floor):
    # native/src/truncated.rs against tests/reference_truncated_runs.py, from any floor (where the
    # stage's last repair ended) within the page.
    floor = min(floor, len(page))
    assert truncated_runs._gbk_pairs().cut_ends(page, floor) == reference.cut_ends(page, floor)


def test_the_gbk_table_holds_each_two_byte_code_and_nothing_else():
    table = truncated_runs._pair_table()
    for ch in "中骞达，€\ufffdaé\u3000":
        try:
            data = ch.encode("gbk")
        except UnicodeEncodeError:
            data = b""
        assert table[2 * ord(ch) : 2 * ord(ch) + 2] == (data if len(data) == 2 else b"\0\0")


def test_a_cut_is_read_after_an_earlier_repair_on_the_page():
    # The second line's cut is searched for from the first repair's end (the native search asked
    # again with that floor): both lines come back, each finding at its own line's marks.
    first, want_first = _cut_bytes(TITLES[1], 10, "...")
    second, want_second = _cut_bytes(TITLES[1], 16, "...")
    got = truncated_runs.repair(first + "\n" + second)
    assert got.text == want_first + "\n" + want_second
    assert [f.position for f in got.findings] == [got.text.index("..."), got.text.rindex("...")]
