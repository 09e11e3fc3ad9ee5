"""A character bigram model of Simplified Chinese, used to choose between repair hypotheses.

Counts come from the word-frequency dictionary that ships inside the ``jieba`` wheel (MIT
licence; ``jieba/dict.txt``, ~349k words with corpus frequencies). Nothing is downloaded: the
table is built from that file the first time a repair needs it (about a second) and kept on disk
(``tablecache``), so later processes read it back in about 0.1 s.
Bigrams are counted inside words only, so the model knows words, not phrases: a pair is scored
by interpolating the in-word bigram with the unigram, so a pair across a word boundary (国|工)
is not punished as if it were impossible.
"""

from __future__ import annotations

import math
import os
from functools import lru_cache
from itertools import pairwise

from cleaner.script.fold import fold_char

LAMBDA = 0.5  # weight of the in-word bigram against the unigram
UNKNOWN = -16.0  # log-probability floor for characters jieba never saw
# jieba's dictionary holds words, not punctuation or Latin text; give those fixed costs, ordered
# as in running news text (commas and full stops common, question and exclamation marks rare).
# ASCII signs count as their fullwidth forms: NFKC made the pages' punctuation ASCII.
_PUNCT_LOGP = {
    "，,": -3.5, "。": -4.0, "、": -5.0, "“”\"": -5.5, "：:": -6.0, "（）()《》": -6.5,
    "；;": -7.0, "—…·.'-+%/ ": -7.0, "？！?!": -8.0,
}
PUNCTUATION_LOGP = {ch: logp for marks, logp in _PUNCT_LOGP.items() for ch in marks}
PUNCTUATION = frozenset(PUNCTUATION_LOGP)
# Pairs of marks: two pausing marks never follow each other (。。 ，。), while a closing quote
# often follows a sentence end (。” ！”).
PAUSES = frozenset("。，、：；！？,:;!?")
DOUBLE_PAUSE_LOGP = -12.0
CLOSE_AFTER_END_LOGP = -1.0
# After a digit, units and counters are the rule (10月13日, 31.1万亿元); jieba has no numbers.
AFTER_DIGIT = frozenset("年月日号时分秒点万亿元个位名家项次倍岁天周度")
AFTER_DIGIT_LOGP = -2.5
ALNUM_LOGP = -6.0
ASCII_RUN_LOGP = -1.0


_NONE: dict[str, int] = {}


class CharModel:
    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, dict[str, int]]) -> None:
        total = sum(unigrams.values())
        self._uni = {c: math.log(n / total) for c, n in unigrams.items()}
        # By first character, so a ranker can ask which characters were ever seen after one
        # (``successors``) instead of scoring every pair (cleaner/repair/ranking.py).
        self._big = bigrams
        self._uni_count = unigrams
        # The decoders ask for the same pairs again and again (every guess sorts ~190 candidates
        # after the same character); a bounded cache keeps memory flat on huge texts.
        self.bigram = lru_cache(maxsize=1 << 18)(self._bigram)  # type: ignore[method-assign]

    def unigram(self, ch: str) -> float:
        if ch in PUNCTUATION:
            return PUNCTUATION_LOGP[ch]
        if ch == "\n":
            return 0.0  # a paragraph break is scored by the marks around it
        if ch.isascii():
            return ALNUM_LOGP if ch.isalnum() else UNKNOWN
        return self._uni.get(fold_char(ch), UNKNOWN)

    def frequency(self, ch: str) -> float:
        """Unigram of the character itself, unfolded: tells 术 (common) from its variant 朮."""
        return self._uni.get(ch, UNKNOWN)

    def _bigram(self, prev: str, ch: str) -> float:
        """log P(ch | prev), with both characters folded to Simplified first (``bigram``, cached)."""
        if prev.isascii() and ch.isascii():
            return ASCII_RUN_LOGP  # Latin words, numbers and their spacing hang together
        if prev in PAUSES and ch in PAUSES:
            return DOUBLE_PAUSE_LOGP
        if prev in "。！？!?" and ch == "”":
            return CLOSE_AFTER_END_LOGP
        if prev.isdigit() and ch in AFTER_DIGIT:
            return AFTER_DIGIT_LOGP
        if not (self.in_table(prev) and self.in_table(ch)):
            return self.unigram(ch)
        a, b = fold_char(prev), fold_char(ch)
        pair = self._big.get(a, _NONE).get(b)
        if not pair:
            return self.unseen(b)
        uni = math.exp(self._uni.get(b, UNKNOWN))
        return math.log(LAMBDA * (pair / self._uni_count[a]) + (1 - LAMBDA) * uni)

    @staticmethod
    def in_table(ch: str) -> bool:
        """Is a pair with ``ch`` on either side scored from the pair table (after the special
        cases above it in ``_bigram``)? Punctuation and Latin text are scored by the unigram."""
        return not (ch.isascii() or ch in PUNCTUATION)

    def unseen(self, b: str) -> float:
        """``bigram(a, b)`` for a Han ``a`` never seen before the folded Han ``b``: the same for
        every such ``a``, and the least any Han ``a`` gives (a seen pair only adds to it)."""
        return math.log((1 - LAMBDA) * math.exp(self._uni.get(b, UNKNOWN)))

    def successors(self, a: str) -> dict[str, int]:
        """Folded characters seen after the folded character ``a`` inside a word (with counts)."""
        return self._big.get(a, _NONE)

    def score(self, text: str) -> float:
        """Log-probability of a string under the model (first character by unigram)."""
        if not text:
            return 0.0
        total = self.unigram(text[0])
        for prev, ch in pairwise(text):
            total += self.bigram(prev, ch)
        return total


def dictionary_path() -> str:
    import jieba

    return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")


@lru_cache(maxsize=1)
def _words_with_ambiguous() -> dict[str, int]:
    return _tables()[2]


def word_frequency(word: str) -> int:
    return _words_with_ambiguous().get(word, 0)


@lru_cache(maxsize=1)
def model() -> CharModel:
    unigrams, bigrams, _ = _tables()
    return CharModel(unigrams, bigrams)


def _tables() -> tuple[dict[str, int], dict[str, dict[str, int]], dict[str, int]]:
    """(character counts, in-word pair counts, words holding 着/著), cached on disk."""
    from cleaner.tablecache import cached

    # This file is a source too: an edit to what is counted must not read back an old copy.
    return cached("charmodel", [dictionary_path(), __file__], "1", _build_tables)


def _build_tables() -> tuple[dict[str, int], dict[str, dict[str, int]], dict[str, int]]:
    unigrams: dict[str, int] = {}
    bigrams: dict[str, dict[str, int]] = {}  # first character -> second -> count
    # Dictionary words holding a character the naive S->T made ambiguous (着/著): a small table.
    ambiguous: dict[str, int] = {}
    with open(dictionary_path(), encoding="utf-8") as fh:
        for line in fh:
            word, freq, *_ = line.split(" ")
            n = int(freq)
            for ch in word:
                unigrams[ch] = unigrams.get(ch, 0) + n
            for a, b in pairwise(word):
                after = bigrams.setdefault(a, {})
                after[b] = after.get(b, 0) + n
            if "着" in word or "著" in word:
                ambiguous[word] = n
    return unigrams, bigrams, ambiguous
