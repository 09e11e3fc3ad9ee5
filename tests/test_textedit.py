"""Characters replaced by position (cleaner/textedit.py)."""

from hypothesis import given
from hypothesis import strategies as st

from cleaner.textedit import replace_at


def test_nothing_to_change_gives_the_text_back():
    assert replace_at("国务院", []) == "国务院"


@given(st.text(min_size=1), st.data())
def test_same_as_a_list_of_characters(text, data):
    positions = data.draw(st.sets(st.integers(0, len(text) - 1)))
    changes = [(pos, data.draw(st.characters())) for pos in positions]
    chars = list(text)
    for pos, ch in changes:
        chars[pos] = ch
    assert replace_at(text, changes) == "".join(chars)


def test_two_changes_at_one_position_are_refused():
    import pytest

    with pytest.raises(ValueError):
        replace_at("一二三", [(1, "贰"), (1, "两")])


def test_until_unchanged_stops_where_nothing_changes_or_at_its_rounds():
    from cleaner.textedit import until_unchanged

    halve = lambda t: t[: len(t) // 2] if len(t) > 1 else t  # noqa: E731
    assert until_unchanged(halve, "abcdefgh") == "a"
    assert until_unchanged(halve, "abcdefgh", rounds=1) == "abcd"
    assert until_unchanged(halve, "abcdefgh", rounds=0) == "abcdefgh"


def test_rewrite_matches_places_each_rewrite_in_the_result():
    import re

    from cleaner.textedit import rewrite_matches

    # Each rewrite changes the length: a later one's place counts the earlier ones' new texts.
    grown = lambda m: (m.group() * 3, m.group())  # noqa: E731
    text, done = rewrite_matches("x12y3z", re.compile(r"\d+"), grown)
    assert text == "x121212y333z"
    assert done == [(1, "12"), (8, "3")]
    assert all(text[at : at + 3 * len(said)] == said * 3 for at, said in done)
    # A match left as it is: the text itself, nothing placed.
    assert rewrite_matches("x12y3z", re.compile(r"\d+"), lambda m: None) == ("x12y3z", [])
