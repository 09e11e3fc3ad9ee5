"""Choose a run of guesses again with one more character of context: a character trigram.

The hole Viterbi (``holes.choose_ranked``, native/src/viterbi.rs) scores guesses with the
character bigram model, so where every other character of a run lost bytes (UTF-8 read by a Big5
decoder) each guess is judged by its guessed neighbours alone, and a pair that reads well on its
own wins inside a word it breaks (the model's choice, not the search's: ``benchmarks/
utf8_marks_why.py``). A second pass chooses each run of guesses again over the likeliest few
candidates of each guess (by the bigram with the first choice's neighbours), by a second-order
Viterbi whose score of a character after two is the running-text trigram count smoothed towards
the bigram (``cleaner/data/chartri.txt``, counts of the same build part of Wikipedia as
``charlm.txt``):

    P(c | a b) = (n(a b c) + w * P_bigram(c | b)) / (n(a b .) + w),  w = SMOOTHING * t(a b .)

(t: how many different characters followed the pair). A pair never seen first scores the bigram
unchanged. A run changes as a whole, only by a margin over the first choice's path (``MARGIN``);
each changed guess keeps the first choice as its alternative, with the lattice's margin.

The pass runs in the native core (native/src/trigram.rs) inside ``holes.choose_ranked``'s call;
the Python original is tests/reference_trigram_fit.py. The table is read there on the first run of
guesses, so clean text never loads it (docs/repair.md §4.1).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cleaner import _native

DATA = Path(__file__).resolve().parent.parent / "data" / "chartri.txt"
# Candidates per guess the second pass chooses among (the first choice always among them).
# Natively the lattice's K^3 a step costs little: --skip 40 --paragraphs 20, big5 / gb2312 replace,
# 8: 436.5 / 25.5, 16: 434.5 / 25.5 (big5-as-gbk crawl pages 40.3-40.9 -> 40.9-43.8 ms a page).
TOP = 16
# Candidates scored for that shortlist, in the order the reading gives them (likeliest by unigram
# first): resync hands its final choice 256 a guess. Scoring 48, not all: --skip 40 big5 435.5
# -> 436.5, gbk:gb2312:replace 24.8 -> 25.5 (measured in Python, session 36).
SCORED = 48
# Weight of the bigram in a pair's trigram distribution: this many counts for each different
# character seen after the pair (Witten-Bell: a pair followed by many characters has seen
# little of what may follow it). Measured (utf-8:big5:replace, page, --skip 40 --paragraphs 20):
# a fixed weight of 4 counts 453.4, 30: 437.9, 300: 428.7, 1,000: 429.9; 3 a type 429.4, 10: 427.7.
SMOOTHING = 10.0
# A run's guesses are changed only where the trigram's best path beats the first choice's path by
# this much: the table is sparse (a trigram seen fewer than three times is not kept),
# and a pruned one after a common pair scores below its bigram (，会议 lost to ，估计 by 0.69).
# Measured as SMOOTHING: with no margin 427.6, 1.0: 435.5 (gbk:gb2312:replace 24.0, 24.7).
MARGIN = 1.0
# The gate: a run is chosen again only where it and the two characters either side of it hold
# this many guesses (docs/repair.md §4.1).
MIN_GUESSES = 1


@lru_cache(maxsize=1)
def fit() -> _native.TrigramFit:
    """The native pass, made once per process (its table read on its first run of guesses)."""
    return _native.TrigramFit(str(DATA), (TOP, SCORED, SMOOTHING, MARGIN, MIN_GUESSES))
