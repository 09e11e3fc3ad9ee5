"""What a cell's bytes allow: how many characters the damage leaves undetermined, and how many an oracle gets wrong.

Used by ``benchmarks/decoders.py --bound``. A lossy decoder loses bytes: the spans it rejects
become one U+FFFD each (``replace``) or nothing (``ignore``). For every source character holding
a lost byte, its *candidates* are the characters of the source encoding with the same byte length
that agree with it on every byte the decoder read; a candidate is *consistent* when the page with
it in place of the true character reads, through the same decoder with the same errors mode, to
exactly the same text (decoded from the token boundary before the character to one at least
``MARGIN`` bytes after it, so a candidate that shifts the decoder's pairing is judged by all it
changes). Two figures per 1,000 characters of the page:

- **undetermined**: characters with a consistent candidate other than themselves. No repair can
  know these from the bytes; only context can choose.
- **oracle**: characters an oracle that knows both true neighbours gets wrong when it picks the
  consistent candidate that scores best by unigram and bigram counts of the *build* split
  (``wiki_split.build_paragraphs``; the measured paragraphs are never counted). A tie with the
  truth counts half. This is what a per-character choice by a bigram model could reach with
  perfect context, an estimate of the errors the bytes force, not a floor for a repair that
  reads longer context (a word model can beat it; a repair can also be worse than it, having to
  guess the neighbours too).

Both are lower bounds on the ambiguity itself: candidates differ only in lost bytes (a character
could also have been dropped whole, or changed at a byte that survived into another character),
and each character is judged with its neighbours true. A candidate is any assigned character the
source encoding writes in that many bytes (not private-use or unassigned, which pages do not
hold); where a character lost most of its bytes (thousands of candidates), only the MANY the
build split holds most often.
"""

from __future__ import annotations

import bisect
import math
import sys
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from damage import SOURCES  # noqa: E402
from wiki_split import build_paragraphs  # noqa: E402
from wrong_decoders import MATRIX_DECODERS as DECODERS  # noqa: E402

MARGIN = 16  # bytes after a changed character that must read the same
CHECKS = 400  # consistency checks per character at most (enough to find a rival; a lower bound past it)
MANY = 300  # candidates past which only the build split's most frequent are ranked
SMOOTH = 10.0  # weight of the unigram in a bigram's estimate (Dirichlet smoothing)


@lru_cache(maxsize=1)
def counts() -> tuple[Counter, Counter, int]:
    """Unigram and bigram counts of the build split (both scripts, lines as they are)."""
    uni: Counter = Counter()
    bi: Counter = Counter()
    for script in ("zh-hans", "zh-hant"):
        for line in build_paragraphs(script):
            uni.update(line)
            bi.update(pairwise(line))
    return uni, bi, sum(uni.values())


def score(left: str | None, ch: str, right: str | None) -> float:
    """log P(ch | left) + log P(right | ch), smoothed towards the unigram."""
    uni, bi, total = counts()

    def unigram(c: str) -> float:
        return (uni[c] + 0.5) / (total + 0.5 * 70000)

    def bigram(a: str, b: str) -> float:
        return (bi[(a, b)] + SMOOTH * unigram(b)) / (uni[a] + SMOOTH)

    s = math.log(bigram(left, ch) if left else unigram(ch))
    if right:
        s += math.log(bigram(ch, right))
    return s


def model_score(left: str | None, ch: str, right: str | None) -> tuple[float, float]:
    """The cleaner's own character model (``cleaner.langmodel``: jieba's words and the build
    split's running text), both sides; its pairs fold to Simplified, so a tie between a character
    and its other script's form is broken by the character's own frequency."""
    from cleaner.langmodel import model

    lm = model()
    s = lm.bigram(left, ch) if left else lm.unigram(ch)
    if right:
        s += lm.bigram(ch, right)
    return s, lm.frequency(ch)


SCORERS = {"counts": lambda left, ch, right: (score(left, ch, right), 0.0), "model": model_score}


def _assigned(ch: str) -> bool:
    return unicodedata.category(ch)[0] != "C"


@lru_cache(maxsize=None)
def _index(source: str, length: int, lost: tuple[int, ...]) -> dict[bytes, list[str]]:
    """Characters written in ``length`` bytes in ``source``, by their bytes with ``lost`` positions blanked."""
    codec = SOURCES[source]
    table: dict[bytes, list[str]] = {}
    for c in range(0x80, 0x10000):
        if 0xD800 <= c < 0xE000 or not _assigned(chr(c)):
            continue
        try:
            data = chr(c).encode(codec)
        except UnicodeEncodeError:
            continue
        if len(data) != length or data.decode(codec) != chr(c):
            continue
        key = bytes(0 if i in lost else b for i, b in enumerate(data))
        table.setdefault(key, []).append(chr(c))
    return table


def candidates(source: str, code: bytes, lost: tuple[int, ...]) -> list[str]:
    key = bytes(0 if i in lost else b for i, b in enumerate(code))
    return _index(source, len(code), lost).get(key, [])


def line_bound(line: str, source: str, decoder: str, errors: str) -> tuple[int, dict[str, float]]:
    """(characters undetermined, oracle errors by scorer) in one line, read by the cell's decoder."""
    codec = SOURCES[source]
    dec = DECODERS[decoder]
    data = line.encode(codec, errors="replace")
    wrong = dict.fromkeys(SCORERS, 0.0)
    starts, spans = dec.tokens(data, errors)
    lost_bytes = {i for a, b in spans for i in range(a, b)}
    if not lost_bytes:
        return 0, wrong
    undetermined = 0
    at = 0
    for k, ch in enumerate(line):
        code = ch.encode(codec, errors="replace")
        begin, end = at, at + len(code)
        at = end
        lost = tuple(i - begin for i in range(begin, end) if i in lost_bytes)
        if not lost:
            continue
        b0 = starts[bisect.bisect_right(starts, begin) - 1] if starts and starts[0] <= begin else 0
        after = bisect.bisect_left(starts, end + MARGIN)
        b1 = starts[after] if after < len(starts) else len(data)
        seen = dec.decode(data[b0:b1], errors)
        verdicts: dict[str, bool] = {}

        def consistent(other: str) -> bool:
            if other not in verdicts:
                window = data[b0:begin] + other.encode(codec) + data[end:b1]
                verdicts[other] = dec.decode(window, errors) == seen
            return verdicts[other]

        left = line[k - 1] if k else None
        right = line[k + 1] if k + 1 < len(line) else None
        others = [c for c in candidates(source, code, lost) if c != ch]
        if len(others) > MANY:  # most bytes lost: of thousands, the characters text shows most
            uni = counts()[0]
            others = sorted(others, key=lambda c: -uni[c])[:MANY]
        rival = False
        for name, scorer in SCORERS.items():
            truth = scorer(left, ch, right)
            ranked = sorted(((scorer(left, c, right), c) for c in others), reverse=True)
            found, ties = _rivals(ranked, truth, consistent)
            rival = rival or found
            if ties < 0:
                wrong[name] += 1
            elif ties:
                wrong[name] += 1 - 1 / (ties + 1)
        if not rival:  # no rival among the best-scored: any consistent candidate at all?
            rival = any(consistent(c) for c in others[:CHECKS])
        undetermined += rival
    return undetermined, wrong


def _rivals(ranked: list, truth, consistent) -> tuple[bool, int]:
    """(a consistent rival was found, -1 if one scores better than the truth else how many tie it)."""
    ties = 0
    for checked, (s, c) in enumerate(ranked):
        if checked >= CHECKS or s < truth:
            break
        if consistent(c):
            if s > truth:
                return True, -1
            ties += 1
    return ties > 0, ties


def page_bound(page: str, source: str, decoder: str, errors: str) -> tuple[int, dict[str, float]]:
    """(characters undetermined, oracle errors by scorer) on a page damaged whole (every line)."""
    undetermined, wrong = 0, dict.fromkeys(SCORERS, 0.0)
    for line in page.split("\n"):
        u, w = line_bound(line, source, decoder, errors)
        undetermined += u
        for name in wrong:
            wrong[name] += w[name]
    return undetermined, wrong
