"""Pieces of huge texts (cleaner/chunks.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.chunks import pieces


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("甲乙丙。！\n ab")), max_size=200), st.integers(2, 30))
def test_pieces_join_back_and_respect_the_limit(text, limit):
    parts = list(pieces(text, limit))
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_cuts_fall_after_sentence_ends_when_there_are_some():
    text = "一二三四五六。" * 4
    assert list(pieces(text, 10)) == ["一二三四五六。"] * 4


def test_a_line_without_sentence_ends_is_cut_after_a_clause_mark_or_closing_bracket():
    # probe47: a 260,000-character line of `國(guó)務(wù)院` (no sentence end) was cut at the limit,
    # inside `國(gu|ó)`: two annotations at the cuts stayed, made `国（guó）` by the width stage.
    text = "國(guó)務(wù)院" * 20
    parts = list(pieces(text, 50))
    assert len(parts) > 1 and all(part.endswith(")") for part in parts[:-1])
    assert list(pieces("甲乙丙，丁戊己庚", 6)) == ["甲乙丙，", "丁戊己庚"]


def test_a_huge_line_of_annotations_is_repaired_across_its_pieces():
    import cleaner

    assert cleaner.clean("國(guó)務(wù)院" * 20000) == "国务院" * 20000
