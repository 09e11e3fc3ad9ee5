"""The page fact before utf8_marks' reading of dropped bytes (cleaner/repair/dropped_runs.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from native_inputs import SETTINGS, clean_line, text_inputs

from cleaner.repair import dropped_runs, utf8_marks

TEXT = "北大中国经济研究中心向社会作了经济形势的报告，会议由国家发展研究院院长主持。"


def test_a_clean_page_is_not_read_and_its_runs_are_not_scored(monkeypatch):
    """Clean runs of the shape the repair would score: none is one a decoder may have written
    (too many characters with a byte UTF-8 has none of), so none is scored at all. (A short
    run may be: a Traditional sentence of 25 characters can be Big5 bytes nearly all UTF-8's.)"""
    scored = []
    monkeypatch.setattr(dropped_runs, "per_char", lambda run: scored.append(run) or 0.0)
    page = "\n".join([TEXT, "市政府今天宣布新的交通政策，市民普遍表示欢迎。", "他说：“我们明天见。”"] * 3)
    assert not dropped_runs.may_hold(page)
    assert scored == []


@pytest.mark.parametrize("codec", utf8_marks.CODECS)
def test_utf8_a_decoder_dropped_bytes_of_may_be_read(codec):
    shown = TEXT.encode().decode(codec, "ignore")
    assert dropped_runs.may_hold(shown)
    assert dropped_runs.may_hold(TEXT + "\ufffd")  # a mark: the repair's own test


@SETTINGS
@given(text=st.one_of(text_inputs, st.lists(st.one_of(clean_line, text_inputs), max_size=4).map("\n".join)))
def test_a_page_the_fact_says_no_to_is_one_the_repair_leaves(text):
    if not dropped_runs.may_hold(text):
        assert utf8_marks.repair(text) == []


@SETTINGS
@given(text=clean_line, codec=st.sampled_from(utf8_marks.CODECS), cut=st.integers(0, 12), after=st.sampled_from(["", "O", "x"]))
def test_every_run_the_repair_reads_is_let_through(text, codec, cut, after):
    # A letter after the run: a Big5 decoder may pair the run's last byte with it.
    shown = (text.encode()[cut:] + after.encode()).decode(codec, "ignore")
    if utf8_marks.repair(shown):
        assert dropped_runs.may_hold(shown)


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs"])
@pytest.mark.parametrize("letter", "OAx")
def test_a_run_whose_last_byte_a_big5_decoder_paired_with_a_letter_is_let_through(codec, letter):
    """UTF-8's last byte a1-bf read with the ASCII letter after it as one Big5 character: the
    repair reads the run with that letter given back (``utf8_marks._view_and_tail``), so the
    page fact must let it through (review33r: it viewed the run as ``_view`` does, which gives
    none for a character with an ASCII byte, and the page was left misread)."""
    sentence = "其中人民英国部分广花路由乙级线路致为一级线路"
    shown = (sentence.encode() + letter.encode()).decode(codec, "ignore")
    page = f"前言 {shown} end\n"
    assert not shown.endswith(letter)  # the decoder paired the last byte with the letter
    assert utf8_marks.repair(page)
    assert dropped_runs.may_hold(page)


def test_the_repair_tests_only_the_unmarked_runs_the_scan_lets_through(monkeypatch):
    """On a page the fact lets through, the repair's own test of a run without marks (its
    letters, its Han, its score) runs only on the runs the native scan passed (``runs``): a clean
    page's other runs are no reading of dropped bytes, and testing each of them in Python cost a
    page the fact let through some 8 ms (5 of the crawl mix's 256 clean pages)."""
    shown = TEXT.encode().decode("gb2312", "ignore")
    page = "\n".join([shown, "市政府今天宣布新的交通政策，市民普遍表示欢迎。", "他说：“我们明天见。”"])
    runs = dropped_runs.runs(page)
    assert runs and all(page[a:b] in shown for a, b in runs)
    tested = []
    real = utf8_marks._letters  # noqa: SLF001 - the repair's first test of an unmarked run
    monkeypatch.setattr(utf8_marks, "_letters", lambda run: tested.append(run) or real(run))
    assert utf8_marks.repair(page, unmarked=runs) == utf8_marks.repair(page)
    assert tested[: len(runs)] == [page[a:b] for a, b in runs]
    assert len(tested) > len(runs)  # the second repair, asked of every run, tested the clean ones too


@SETTINGS
@given(text=st.one_of(text_inputs, st.lists(st.one_of(clean_line, text_inputs), max_size=4).map("\n".join)))
def test_the_repair_given_the_scanned_runs_reads_as_it_reads_every_run(text):
    assert utf8_marks.repair(text, unmarked=dropped_runs.runs(text)) == utf8_marks.repair(text)


@SETTINGS
@given(text=clean_line, codec=st.sampled_from(utf8_marks.CODECS), cut=st.integers(0, 12), after=st.sampled_from(["", "O", "x"]),
       before=st.sampled_from(["", "他说：", "\ufffd", "abc "]))
def test_a_misread_page_given_the_scanned_runs_reads_as_it_reads_every_run(text, codec, cut, after, before):
    shown = before + (text.encode()[cut:] + after.encode()).decode(codec, "ignore")
    assert utf8_marks.repair(shown, unmarked=dropped_runs.runs(shown)) == utf8_marks.repair(shown)
