"""A character bigram model of Chinese (folded to Simplified), used to choose between repair hypotheses.

Two sources of pair counts, interpolated with the unigram (Jelinek-Mercer smoothing, fixed
weights ``WEIGHTS``, chosen by held-out likelihood: scripts/build_charlm.py --heldout):

- in-word pairs and the unigram, from the word-frequency dictionary that ships inside the
  ``jieba`` wheel (MIT licence; ``jieba/dict.txt``, ~349k words with corpus frequencies);
- running-text pairs, across word boundaries and with the CJK punctuation of ``RUNNING_PUNCT``,
  from ``cleaner/data/charlm.txt`` (derived counts of Wikipedia paragraphs, built by
  scripts/build_charlm.py; licence and attribution in cleaner/data/README.md).

The in-word counts know words (国家); the running counts know how words follow each other
(的国, 国，) and where punctuation goes, which the repairs need when they guess a lost byte.
Nothing is downloaded: the tables are read the first time a repair needs them and kept on disk
(``tablecache``), so later processes read them back in about 0.1 s.

Fixed weights keep one property the ranker (cleaner/repair/ranking.py) relies on: a pair never
seen scores ``unseen(b)``, whatever the first character.
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


# Punctuation the running-text table counts, as a page shows it after NFKC (ASCII) or not.
RUNNING_PUNCT = frozenset("，。、“”：；！？（）《》·—…")
# Digits count as one: the table says what follows a number (年, 月, 日, 万...), not which digit.
DIGIT = "0"
_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）",
                            **{str(d): DIGIT for d in range(10)}, **{chr(0xFF10 + d): DIGIT for d in range(10)},
                            "「": "“", "」": "”"})
# Weights of the running-text pair, the in-word pair and the unigram (scripts/build_charlm.py --heldout).
WEIGHTS = (0.6, 0.2, 0.2)
OLD_WEIGHTS = (0.0, LAMBDA, 1 - LAMBDA)  # the in-word model alone, as before the running text

_RUNNING_KEYS = RUNNING_PUNCT | {DIGIT}
_RUNNING_ONLY = frozenset("「」０１２３４５６７８９")  # in the table only as what they count as

_NONE: dict[str, int] = {}
_NO_RUNNING: tuple[int, dict[str, int]] = (0, _NONE)


def normalize_punct(text: str) -> str:
    """Text as the running-text table counts it: ASCII signs as fullwidth marks (a page's NFKC
    made them ASCII), corner brackets as quotes (Taiwan's 「」 are mainland's “”), digits as 0."""
    return text.translate(_FULLWIDTH)


class CharModel:
    """Scores characters and pairs; ``running`` (first -> (count, {second: count})) adds the
    running-text pairs, ``weights`` (running, in-word, unigram) mixes the three."""

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, dict[str, int]],
                 running: dict[str, tuple[int, dict[str, int]]] | None = None,
                 weights: tuple[float, float, float] | None = None) -> None:
        total = sum(unigrams.values())
        self._uni = {c: math.log(n / total) for c, n in unigrams.items()}
        # By first character, so a ranker can ask which characters were ever seen after one
        # (``successors``) instead of scoring every pair (cleaner/repair/ranking.py).
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


def dictionary_path() -> str:
    # Found without importing jieba (0.3-0.4 s), which only the first build of the table needs.
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("jieba is needed for the character model (pip install jieba)")
    return os.path.join(os.path.dirname(spec.origin), "dict.txt")


def _words_with_ambiguous() -> dict[str, int]:
    return _tables()[2]


def word_frequency(word: str) -> int:
    return _words_with_ambiguous().get(word, 0)


_active: CharModel | None = None


def model() -> CharModel:
    """The model the repairs use: in-word and running-text pairs (built once per process)."""
    global _active
    if _active is None:
        unigrams, bigrams, _ = jieba_tables()
        _active = CharModel(unigrams, bigrams, running_table())
    return _active


def use(lm: CharModel | None) -> None:
    """Make ``lm`` the model every repair uses from now on (None: the default again).

    For benchmarks comparing models, in a process of their own: the repairs keep caches built
    from the model in use (cleaner/repair/holes.py, realign.py), which this does not clear.
    """
    global _active
    _active = lm


def running_path() -> str:
    return os.path.join(os.path.dirname(__file__), "data", "charlm.txt")


@lru_cache(maxsize=1)
def running_table() -> dict[str, tuple[int, dict[str, int]]]:
    """cleaner/data/charlm.txt as {first: (times followed by a table character, {second: count})}."""
    from cleaner.tablecache import cached

    return cached("charlm", [running_path(), __file__], "1", lambda: read_running(running_path()))


def read_running(path: str) -> dict[str, tuple[int, dict[str, int]]]:
    table: dict[str, tuple[int, dict[str, int]]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            first, total, pairs = line.rstrip("\n").split("\t")
            table[first] = (int(total), {item[0]: int(item[1:]) for item in pairs.split(" ") if item})
    return table


def jieba_tables() -> tuple[dict[str, int], dict[str, dict[str, int]], dict[str, int]]:
    return _tables()


@lru_cache(maxsize=1)
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
