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
(``tablecache``); ``model()`` reads them back as one compact table the native core parses itself
(``native_table``), so a later process has its model in 30-50 ms of CPU.

Fixed weights keep one property the ranker (tests/reference_ranking.py) relies on: a pair never
seen scores ``unseen(b)``, whatever the first character.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from struct import pack

from cleaner import _native, warm_tables
from cleaner.script.fold import converter, fold, fold_sensitive

LAMBDA = 0.5  # weight of the in-word bigram against the unigram
UNKNOWN = -16.0  # log-probability floor for characters jieba never saw
# jieba's dictionary holds words, not punctuation or Latin text; give those fixed costs, ordered
# as in running news text (commas and full stops common, question and exclamation marks rare).
# ASCII signs count as their fullwidth forms: NFKC made the pages' punctuation ASCII. The yen sign
# of prices (￥) costs what % does: jieba has no sign, and at the floor a re-read that gave it
# back (a price's ef bf a5 lost its last byte to the digit after it) read worse than the mojibake.
_PUNCT_LOGP = {
    "，,": -3.5, "\u3000": -6.0, "。": -4.0, "、": -5.0, "“”\"": -5.5, "：:": -6.0, "（）()《》": -6.5,
    "；;": -7.0, "—…·.'-+%/ ￥": -7.0, "？！?!": -8.0,
}
PUNCTUATION_LOGP = {ch: logp for marks, logp in _PUNCT_LOGP.items() for ch in marks}
PUNCTUATION = frozenset(PUNCTUATION_LOGP)
# Pairs of marks: two pausing marks never follow each other (。。 ，。), while a closing quote
# often follows a sentence end (。” ！”).
PAUSES = frozenset("。，、：；！？,:;!?")
DOUBLE_PAUSE_LOGP = -12.0
# Lines: a line, or the ideographic spaces that indent a paragraph (U+3000, every Chinese web page
# has them and Wikipedia none), never go on with a pausing mark; a paragraph rarely ends with a comma.
LINE_STARTS = frozenset("\n\u3000")
COMMAS = frozenset("，,、")
COMMA_BEFORE_BREAK_LOGP = -6.0
CLOSE_AFTER_END_LOGP = -1.0
# After a digit, units and counters are the rule (10月13日, 31.1万亿元); jieba has no numbers.
AFTER_DIGIT = frozenset("年月日号时分秒点万亿元个位名家项次倍岁天周度")
AFTER_DIGIT_LOGP = -2.5
ALNUM_LOGP = -6.0
ASCII_RUN_LOGP = -1.0
# Signs that start a web page's list lines (※注1：, ● 2024年, ■): Wikipedia's paragraphs hold next
# to none, so the tables leave them at the floor, and a re-read that gave back a misread bullet at
# a line's start (鈥绘敞1 is ※注1) read worse than the mojibake. They cost LINE_SIGN_LOGP at a
# line's start (or as a text's first character), the floor elsewhere: inside a line a guess
# among a lost byte's candidates is no bullet (布政司 is not 布政★).
LINE_SIGNS = frozenset("※★☆●◆◇■□▲▼◎")  # not ○ (一九○五's zero), arrows or ① (inside lines too)
LINE_SIGN_LOGP = -9.0


# Punctuation the running-text table counts, as a page shows it after NFKC (ASCII) or not.
RUNNING_PUNCT = frozenset("，。、“”：；！？（）《》·—…")
# Digits count as one: the table says what follows a number (年, 月, 日, 万...), not which digit.
DIGIT = "0"
_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）",
                            **{str(d): DIGIT for d in range(10)}, **{chr(0xFF10 + d): DIGIT for d in range(10)},
                            "「": "“", "」": "”",
                            # Brackets a page uses as parentheses (【新华网】【打印】, 〔2024〕5号)
                            # and Taiwan's title marks: rare in Wikipedia's running text, everyday on
                            # the web, counted as what they stand for (a misread 【关闭】 read back
                            # as 【关闭。 because 】 scored at the floor). Not the rarer 『』〖〗: a
                            # mark that counts as another ties with it, and ties go to the greater;
                            # nor 〈〉 as 《》, which made 發布〈 read as well as 發布通 (Big5 read
                            # as EUC-JP: tests/test_han_soup.py).
                            "【": "（", "】": "）", "〔": "（", "〕": "）"})
# Weights of the running-text pair, the in-word pair and the unigram (scripts/build_charlm.py --heldout).
WEIGHTS = (0.6, 0.2, 0.2)
OLD_WEIGHTS = (0.0, LAMBDA, 1 - LAMBDA)  # the in-word model alone, as before the running text


_NONE: dict[str, int] = {}
_NO_RUNNING: tuple[int, dict[str, int]] = (0, _NONE)


def normalize_punct(text: str) -> str:
    """Text as the running-text table counts it: ASCII signs as fullwidth marks (a page's NFKC
    made them ASCII), corner brackets as quotes (Taiwan's 「」 are mainland's “”), lenticular and
    tortoise-shell brackets as parentheses, digits as 0."""
    return text.translate(_FULLWIDTH)


class CharModel:
    """Scores characters and pairs; ``running`` (first -> (count, {second: count})) adds the
    running-text pairs, ``weights`` (running, in-word, unigram) mixes the three.

    The scoring runs in the native core (native/src/charlm.rs: the same smoothing and the same
    floating-point operations, so the same scores to the last bit as the Python original,
    tests/reference_langmodel.py). The counts are handed over once, when the model is made;
    ``model()`` makes it from the compact table instead (``from_native``), with no dicts at all.
    """

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, dict[str, int]],
                 running: dict[str, tuple[int, dict[str, int]]] | None = None,
                 weights: tuple[float, float, float] | None = None) -> None:
        weights = tuple(weights or (WEIGHTS if running else OLD_WEIGHTS))
        running = running or {}
        self._bind(_native.CharModel(unigrams, bigrams, running, weights, fold_pairs()), weights,
                   lambda: (bigrams, running))

    @classmethod
    def from_native(cls, native: _native.CharModel, weights: tuple[float, float, float],
                    counts: Callable[[], tuple[dict[str, dict[str, int]], dict[str, tuple[int, dict[str, int]]]]]
                    ) -> CharModel:
        """The model around a native one already made (``native_table``); ``counts`` gives its
        (in-word pairs, running pairs) as dicts, read only if ``successors`` is asked."""
        lm = cls.__new__(cls)
        lm._bind(native, weights, counts)
        return lm

    def _bind(self, native: _native.CharModel, weights: tuple[float, float, float],
              counts: Callable[[], tuple[dict[str, dict[str, int]], dict[str, tuple[int, dict[str, int]]]]]) -> None:
        self.native = native
        self.weights = weights
        # By first character, so a ranker can ask which characters were ever seen after one
        # (``successors``) instead of scoring every pair (tests/reference_ranking.py).
        self._counts = counts
        self._succ: dict[str, dict[str, int]] = {}
        # The native methods themselves, not Python methods calling them: the repairs ask for
        # millions of scores, and a Python frame per call would cost more than the score.
        self.unigram: Callable[[str], float] = native.unigram
        # Unigram of the character itself, unfolded: tells 术 (common) from its variant 朮.
        self.frequency: Callable[[str], float] = native.frequency
        # log P(ch | prev), with both characters folded to Simplified first.
        self.bigram: Callable[[str, str], float] = native.bigram
        # What ``ch`` counts as in the tables: folded to Simplified (and, with running text,
        # ASCII signs fullwidth, 「」 as “”, any digit as 0).
        self.key: Callable[[str], str] = native.key
        # ``follows(a, b)``: was ``key(b)`` seen after ``key(a)`` (``key(b) in successors(a)``), asked
        # of the native table: ``successors`` reads the counts as dicts, tens of MB and some 80 ms.
        self.follows: Callable[[str, str], bool] = native.follows
        # Is a pair with ``ch`` on either side scored from the pair tables (after the special
        # cases of ``bigram``)? Latin text, and punctuation the running text does not count,
        # are scored by the unigram.
        self.in_table: Callable[[str], bool] = native.in_table
        # ``bigram(a, b)`` for an ``a`` in the table never seen before ``b``: the same for every
        # such ``a``, and the least any ``a`` in the table gives (a seen pair only adds to it).
        self.unseen: Callable[[str], float] = native.unseen
        # Log-probability of a string under the model (first character by unigram).
        self.score: Callable[[str], float] = native.score

    def successors(self, a: str) -> dict[str, int]:
        """Characters (folded) seen after ``a`` (folded), in a word or in running text, with counts."""
        a = self.key(a)
        succ = self._succ.get(a)
        if succ is None:
            bigrams, running = self._counts()
            succ = dict(bigrams.get(a, _NONE))
            for b, n in running.get(a, _NO_RUNNING)[1].items():
                succ[b] = succ.get(b, 0) + n
            self._succ[a] = succ
        return succ


@lru_cache(maxsize=1)
def fold_pairs() -> list[tuple[str, str]]:
    """(character, its Simplified form) for every character ``fold_char`` changes, for the
    native model. Cached on disk with the tables: it asks OpenCC about every code point."""
    from cleaner.tablecache import cached

    return cached("foldpairs", [_opencc_path(), __file__], "1", _build_fold_pairs)


def _opencc_path() -> str:
    # Found without importing OpenCC, which only the first build of the fold table needs.
    from importlib.util import find_spec

    spec = find_spec("opencc")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("opencc is needed for the character model (pip install opencc)")
    return spec.origin


def _build_fold_pairs() -> list[tuple[str, str]]:
    # One conversion of all code points, one per line: OpenCC matches phrases, and no phrase
    # holds a line break, so each character is converted on its own, as fold_char converts it
    # (tests/test_langmodel.py checks them all against fold_char).
    points = [c for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000 and c != 0x0A]
    out = converter("t2s.json").convert("\n".join(map(chr, points))).split("\n")
    if len(out) != len(points):
        raise RuntimeError("OpenCC changed the line count of the fold table")
    return [(chr(c), o) for c, o in zip(points, out) if len(o) == 1 and o != chr(c)]


def dictionary_path() -> str:
    # Found without importing jieba (0.3-0.4 s), which only the first build of the table needs.
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("jieba is needed for the character model (pip install jieba)")
    return os.path.join(os.path.dirname(spec.origin), "dict.txt")


@warm_tables.table
@lru_cache(maxsize=1)
def _words_with_ambiguous() -> dict[str, int]:
    # A table of its own (about 800 words): the conversion asks it without the model's counts.
    from cleaner.tablecache import cached

    return cached("ambiguouswords", [dictionary_path(), __file__], "1", lambda: _tables()[2])


def word_frequency(word: str) -> int:
    return _words_with_ambiguous().get(word, 0)


def word_counts_with_ambiguous() -> dict[str, int]:
    """``word_frequency``'s table itself (not to be changed), for a caller reading many words."""
    return _words_with_ambiguous()


_active: CharModel | None = None
_default: CharModel | None = None  # the model built from the package's data (``use`` may set another)


def model() -> CharModel:
    """The model the repairs use: in-word and running-text pairs (built once per process)."""
    global _active, _default
    if _active is None:
        if _default is None:
            _default = CharModel.from_native(native_table(), WEIGHTS, lambda: (jieba_tables()[1], running_table()))
        _active = _default
    return _active


def model_sources() -> list[str] | None:
    """The files ``model()`` is built from, for a table made from it and kept on disk
    (``tablecache``: its copy is made again when they change); None while another model is in
    use (``use``), whose tables are built in memory only: a copy made from the package's model
    would not be its."""
    if _active is not None and _active is not _default:
        return None
    return [dictionary_path(), running_path(), _opencc_path(), __file__]


def native_table() -> _native.CharModel:
    """The native model of ``model()``, read in one piece from its compact table (native/src/
    charlm.rs, ``read_table``), which is written once from the counts and kept with the tables
    (``tablecache``): 30-50 ms of CPU a process, where handing the counts over as dicts took 0.12 s."""
    from cleaner.tablecache import cached_bytes

    sources = [dictionary_path(), running_path(), _opencc_path(), __file__]  # as model_sources()
    return cached_bytes("charmodel-native", sources, f"1.{_native.CHAR_TABLE_VERSION}", _build_native_table,
                        lambda data: _native.char_model_from_table(data, WEIGHTS))


def _build_native_table() -> bytes:
    unigrams, bigrams, _ = jieba_tables()
    return write_table(unigrams, bigrams, running_table(), fold_pairs())


def write_table(unigrams: dict[str, int], bigrams: dict[str, dict[str, int]],
                running: dict[str, tuple[int, dict[str, int]]], fold: list[tuple[str, str]]) -> bytes:
    """The counts as the native core reads them (``charlm::read_table``; the layout is in
    cleaner/data/README.md): little-endian, characters as code points. Keys longer than one
    character count in the unigram total only, as ``CharModel`` takes them."""
    out = [b"CLCM", pack("<IQ", _native.CHAR_TABLE_VERSION, sum(unigrams.values()))]
    singles = [(ch, n) for ch, n in unigrams.items() if len(ch) == 1]
    out.append(pack("<I", len(singles)))
    out += [pack("<IQ", ord(ch), n) for ch, n in singles]

    def after(pairs: dict[str, int]) -> bytes:
        kept = [(b, n) for b, n in pairs.items() if len(b) == 1]
        return pack("<I", len(kept)) + b"".join(pack("<IQ", ord(b), n) for b, n in kept)

    firsts = [(a, pairs) for a, pairs in bigrams.items() if len(a) == 1]
    out.append(pack("<I", len(firsts)))
    out += [pack("<I", ord(a)) + after(pairs) for a, pairs in firsts]
    seen = [(a, total, pairs) for a, (total, pairs) in running.items() if len(a) == 1]
    out.append(pack("<I", len(seen)))
    out += [pack("<IQ", ord(a), total) + after(pairs) for a, total, pairs in seen]
    out.append(pack("<I", len(fold)))
    out += [pack("<II", ord(c), ord(s)) for c, s in fold]
    return b"".join(out)


def per_char(text: str) -> float:
    """Mean log-probability per character of ``text`` under ``model()``, script-neutral (folded
    to Simplified first: Big5 text re-reads as Traditional): the score every re-read is judged by.

    Natively where the text folds character by character (``_native.PerChar``: the same score,
    without an OpenCC call, which costs several times it); OpenCC folds the others whole."""
    lm = model()
    native = _per_char(lm)
    score = native(text) if native is not None else None
    return lm.score(fold(text)) / max(len(text), 1) if score is None else score


@lru_cache(maxsize=2)
def _per_char(lm: CharModel) -> _native.PerChar | None:
    """The native ``per_char`` of ``lm`` (None where OpenCC's dictionaries cannot say which
    characters fold otherwise in a text: every text is then folded by OpenCC)."""
    sensitive = fold_sensitive()
    return None if sensitive is None else _native.PerChar(lm.native, sensitive)


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
