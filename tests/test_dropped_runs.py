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
@given(text=clean_line, codec=st.sampled_from(utf8_marks.CODECS), cut=st.integers(0, 12))
def test_every_run_the_repair_reads_is_let_through(text, codec, cut):
    shown = text.encode()[cut:].decode(codec, "ignore")
    if utf8_marks.repair(shown):
        assert dropped_runs.may_hold(shown)
