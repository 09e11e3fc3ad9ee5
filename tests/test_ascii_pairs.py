"""Running text's counts of ASCII beside Chinese, as the resync lattice scores letters by them."""

from __future__ import annotations

import math

import pytest

from cleaner.langmodel import ALNUM_LOGP, ASCII_RUN_LOGP, model
from cleaner.repair import ascii_pairs


def score(first: str, second: str) -> float:
    a, b = ascii_pairs.token(first), ascii_pairs.token(second)
    return ascii_pairs.table()[ascii_pairs.index(a) * ascii_pairs.SIZE + ascii_pairs.index(b)]


@pytest.mark.parametrize("ch, cls", [("A", "41"), ("~", "7e"), (" ", "20"), ("7", "30"), ("中", "NA"), ("，", "NA"),
                                     ("\n", None), ("\t", None), ("\x7f", None)])
def test_classes(ch, cls):
    assert ascii_pairs.token(ch) == cls


def test_every_row_is_a_distribution():
    table = ascii_pairs.table()
    assert len(table) == ascii_pairs.SIZE ** 2
    for a in range(ascii_pairs.SIZE):
        row = table[a * ascii_pairs.SIZE : (a + 1) * ascii_pairs.SIZE]
        # Over the classes a character can have: the digits 1-9 are all 0's.
        possible = [x for b, x in enumerate(row) if not "1" <= chr(b + 0x20) <= "9"]
        assert sum(math.exp(x) for x in possible) == pytest.approx(1, rel=1e-9)


def test_letters_beside_chinese_are_rarer_than_the_model_scores_them():
    # What the counts are for: the model's flat scores of Latin text against running text's.
    assert model().bigram("人", "H") == ALNUM_LOGP
    assert score("人", "H") < ALNUM_LOGP - 1
    assert model().bigram("3", "~") == ASCII_RUN_LOGP
    assert score("3", "~") < ASCII_RUN_LOGP - 4
    assert score("~", "有") < score("~", "3") - 3  # a tilde stands between numbers
    # A letter after a letter is common; after a digit (units: 5km), after Han, rarer.
    assert score("a", "n") > score("3", "k") > score("人", "k")
