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
