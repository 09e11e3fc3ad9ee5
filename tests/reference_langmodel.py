"""Reference oracle for the native character model (native/src/charlm.rs), kept from cleaner/langmodel.py.

The Python original of ``CharModel``'s scoring, unchanged, so that property tests can check that
the native model gives the same floats to the last bit. Not part of the product.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import pairwise

from cleaner import langmodel
from cleaner.langmodel import (
    AFTER_DIGIT,
    AFTER_DIGIT_LOGP,
    ALNUM_LOGP,
    ASCII_RUN_LOGP,
    CLOSE_AFTER_END_LOGP,
    COMMA_BEFORE_BREAK_LOGP,
    COMMAS,
    DIGIT,
    DOUBLE_PAUSE_LOGP,
    LINE_SIGN_LOGP,
    LINE_SIGNS,
    LINE_STARTS,
    OLD_WEIGHTS,
    PAUSES,
    PUNCTUATION,
    PUNCTUATION_LOGP,
    RUNNING_PUNCT,
    UNKNOWN,
    WEIGHTS,
    _FULLWIDTH,
    _NO_RUNNING,
    _NONE,
)
from cleaner.script.fold import fold_char

_RUNNING_KEYS = RUNNING_PUNCT | {DIGIT}
_RUNNING_ONLY = frozenset("「」【】〔〕０１２３４５６７８９")  # in the table only as what they count as


class CharModel:
    """Scores characters and pairs; ``running`` (first -> (count, {second: count})) adds the
    running-text pairs, ``weights`` (running, in-word, unigram) mixes the three."""

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, dict[str, int]],
                 running: dict[str, tuple[int, dict[str, int]]] | None = None,
                 weights: tuple[float, float, float] | None = None) -> None:
        total = sum(unigrams.values())
        self._uni = {c: math.log(n / total) for c, n in unigrams.items()}
        # By first character, so a ranker can ask which characters were ever seen after one
        # (``successors``) instead of scoring every pair (tests/reference_ranking.py).
        self._big = bigrams
        self._uni_count = unigrams
        self._running = running or {}
        self.weights = tuple(weights or (WEIGHTS if running else OLD_WEIGHTS))
        self._succ: dict[str, dict[str, int]] = {}
        # The decoders ask for the same pairs again and again (every guess sorts ~190 candidates
        # after the same character); a bounded cache keeps memory flat on huge texts.
        self.bigram = lru_cache(maxsize=1 << 18)(self._bigram)  # type: ignore[method-assign]

    def unigram(self, ch: str) -> float:
        if ch in PUNCTUATION:
            return PUNCTUATION_LOGP[ch]
        if ch == "\n":
            return 0.0  # a paragraph break is scored by the marks around it
        if ch in LINE_SIGNS:
            return LINE_SIGN_LOGP  # a text's first character: a line's start
        if ch.isascii():
            return ALNUM_LOGP if ch.isalnum() else UNKNOWN
        return self._uni.get(fold_char(ch), UNKNOWN)

    def frequency(self, ch: str) -> float:
        """Unigram of the character itself, unfolded: tells 术 (common) from its variant 朮."""
        return self._uni.get(ch, UNKNOWN)

    def _bigram(self, prev: str, ch: str) -> float:
        """log P(ch | prev), with both characters folded to Simplified first (``bigram``, cached)."""
        if prev.isascii() and ch.isascii() and prev != "\n":
            # Latin words, numbers and their spacing hang together; a line break is no Latin text.
            return ASCII_RUN_LOGP
        if ch in LINE_SIGNS and prev not in LINE_STARTS:
            return UNKNOWN  # a bullet inside a line: as rare as the tables say
        if prev in PAUSES and ch in PAUSES:
            return DOUBLE_PAUSE_LOGP
        if prev in LINE_STARTS and ch in PAUSES:
            return DOUBLE_PAUSE_LOGP
        if prev in COMMAS and ch == "\n":
            return COMMA_BEFORE_BREAK_LOGP
        if prev in "。！？!?" and ch == "”":
            return CLOSE_AFTER_END_LOGP
        if prev.isdigit() and ch in AFTER_DIGIT and not self._running:
            return AFTER_DIGIT_LOGP  # the in-word model knows no numbers; running text does
        if not (self.in_table(prev) and self.in_table(ch)):
            return self.unigram(ch)
        a, b = self.key(prev), self.key(ch)
        w_run, w_word, w_uni = self.weights
        p = w_uni * math.exp(self.unigram(b))
        seen = self._running.get(a, _NO_RUNNING)
        pair = seen[1].get(b)
        if pair:
            p += w_run * pair / seen[0]
        pair = self._big.get(a, _NONE).get(b)
        if pair:
            p += w_word * pair / self._uni_count[a]
        return math.log(p)

    def key(self, ch: str) -> str:
        """What ``ch`` counts as in the tables: folded to Simplified (and, with running text, ASCII
        signs fullwidth, 「」 as “”, any digit as 0)."""
        if not self._running:
            return fold_char(ch)
        key = ch.translate(_FULLWIDTH)
        return key if key != ch or ch.isascii() else fold_char(ch)

    def in_table(self, ch: str) -> bool:
        """Is a pair with ``ch`` on either side scored from the pair tables (after the special
        cases above it in ``_bigram``)? Latin text, and punctuation the running text does not
        count, are scored by the unigram."""
        if ch in LINE_SIGNS:
            return False  # counted in no table: the character after one scores by its unigram
        if not self._running:
            return not (ch.isascii() or ch in PUNCTUATION)  # the in-word model: Han only
        if ch.isascii() or ch in PUNCTUATION or ch in _RUNNING_ONLY:
            return ch.translate(_FULLWIDTH) in _RUNNING_KEYS
        return True

    def unseen(self, b: str) -> float:
        """``bigram(a, b)`` for an ``a`` in the table never seen before ``b``: the same for every
        such ``a``, and the least any ``a`` in the table gives (a seen pair only adds to it)."""
        return math.log(self.weights[2] * math.exp(self.unigram(self.key(b))))

    def successors(self, a: str) -> dict[str, int]:
        """Characters (folded) seen after ``a`` (folded), in a word or in running text, with counts."""
        a = self.key(a)
        succ = self._succ.get(a)
        if succ is None:
            succ = dict(self._big.get(a, _NONE))
            for b, n in self._running.get(a, _NO_RUNNING)[1].items():
                succ[b] = succ.get(b, 0) + n
            self._succ[a] = succ
        return succ

    def score(self, text: str) -> float:
        """Log-probability of a string under the model (first character by unigram)."""
        if not text:
            return 0.0
        total = self.unigram(text[0])
        for prev, ch in pairwise(text):
            total += self.bigram(prev, ch)
        return total



@lru_cache(maxsize=1)
def model() -> CharModel:
    """The reference twin of ``langmodel.model()``: the same tables, scored in Python."""
    unigrams, bigrams, _ = langmodel.jieba_tables()
    return CharModel(unigrams, bigrams, langmodel.running_table())


def prefix_scores(lm, text: str) -> list[float]:
    """mojibake._prefix_scores as it was in Python (its native form is CharModel.prefix_scores):
    the model's log-probability of each prefix of ``text``."""
    out = [0.0]
    prev = ""
    for ch in text:
        out.append(out[-1] + (lm.bigram(prev, ch) if prev else lm.unigram(ch)))
        prev = ch
    return out


def per_char(text: str) -> float:
    """langmodel.per_char as it was before the native ``PerChar``: every text folded by OpenCC."""
    from cleaner.script.fold import fold

    return langmodel.model().score(fold(text)) / max(len(text), 1)
