"""Decode bytes of which some are unknown: the byte view of double-encoded text.

When UTF-8 (or Big5) bytes were read as GBK by a lenient decoder, every pair GBK could not read
became one U+FFFD standing for exactly one lost byte (Python's ``errors="replace"`` and the
crawls' decoders both do this), and decoding went on with the next byte. So re-encoding the
misread text to GBK gives back the original byte stream with holes, and a hole's byte is not
free: it is a byte that, with the byte after it, made a pair GBK rejects. Each character with a
hole is chosen among the characters those bytes allow, by the character model.
"""

from __future__ import annotations

import math
from functools import lru_cache

from cleaner.chardata import HAN
from cleaner.langmodel import model
from cleaner.repair import gbk
from cleaner.repair.pinyin import TONE_MARKS
from cleaner.script.fold import fold_char

Hole = None
ByteOrHole = int | None

# Punctuation that a double-encoded Chinese span may contain besides Han characters.
SPAN_PUNCT = frozenset("，。、“”：；！？（）《》·—…")


@lru_cache(maxsize=None)
def gbk_rejects(first: int, second: int | None) -> bool:
    """Would a GBK decoder turn ``first`` (followed by ``second``) into one U+FFFD?"""
    if first < 0x80:
        return False
    if first == 0x80 or first == 0xFF or second is None:
        return True
    return gbk.pair_char(first, second) is None


# Which byte values each position of a character can take, by codec and role.
UTF8_LEAD = range(0xE0, 0xF0)
UTF8_CONTINUATION = range(0x80, 0xC0)
BIG5_LEAD = range(0x81, 0xFF)
BIG5_TRAIL = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
MAX_FILLS = 8192  # two lost bytes of one character (64 x 64 in UTF-8, fewer in Big5)


def _shape(stream: list[ByteOrHole], i: int, codec: str) -> list[range | list[int]]:
    """The byte ranges of the character starting at ``i``, or [] if none can start there."""
    first = stream[i]
    second = stream[i + 1] if i + 1 < len(stream) else None
    if first is not None and first < 0x80:
        return [range(first, first + 1)]
    if codec == "big5":
        return [BIG5_LEAD, BIG5_TRAIL]
    if first is None:
        # A lost lead byte: Chinese in UTF-8 is three bytes; the next one must continue it.
        return [UTF8_LEAD, UTF8_CONTINUATION, UTF8_CONTINUATION] if second is not None and second in UTF8_CONTINUATION else []
    if 0xC2 <= first <= 0xDF:
        return [range(first, first + 1), UTF8_CONTINUATION]
    if 0xE0 <= first <= 0xEF:
        return [range(first, first + 1), UTF8_CONTINUATION, UTF8_CONTINUATION]
    return []


def _fills(stream: list[ByteOrHole], i: int, shape: list) -> list[bytes]:
    """Every byte string the items from ``i`` can stand for, within ``shape``.

    A hole's byte made a rejected pair with the byte after it; when that byte is itself a hole
    of the same character, the two are chosen together.
    """
    end = i + len(shape)
    fills: list[tuple[int, ...]] = [()]
    for k in range(end - 1, i - 1, -1):  # right to left: each hole sees its successor's value
        allowed = shape[k - i]
        b = stream[k]
        grown = []
        for tail in fills:
            if b is not None:
                if b in allowed:
                    grown.append((b, *tail))
                continue
            nxt = tail[0] if tail else (stream[k + 1] if k + 1 < len(stream) else None)
            grown.extend((x, *tail) for x in allowed if gbk_rejects(x, nxt))
        if not grown or len(grown) > MAX_FILLS:
            return []
        fills = grown
    return [bytes(f) for f in fills]


def _acceptable(ch: str) -> bool:
    # Pinyin letters too: a page annotated with pinyin (the seed damage) may be misread as well.
    return bool(HAN.match(ch)) or ch in SPAN_PUNCT or ch in TONE_MARKS


def read(stream: list[ByteOrHole], codec: str) -> tuple[list[list], bool]:
    """The candidates of each character ``stream`` reads as in ``codec``, as far as it does.

    Returns ([character, end offset, candidates] per character, whether the whole stream was
    read); ``choose`` picks among the candidates. Split so a caller comparing codecs pays for
    choosing only in the one it keeps.
    """
    chosen: list[list] = []
    i = 0
    n = len(stream)
    while i < n:
        # A character whose bytes are all known is decoded by its own bytes only: the cache key
        # leaves out the byte after it, which says something only about a hole.
        width = _known_width(stream, i, codec)
        window = stream[i : i + width] if width and None not in stream[i : i + width] else stream[i : i + 4]
        found = _candidates(codec, tuple(window))
        if found is None:
            break
        width, candidates = found
        chosen.append([candidates[0], i + width, candidates])
        i += width
    if i < len(stream) and i and stream[i - 1] is None:
        # The span ends in a hole and the next byte is not part of it (it came from another
        # decode), so it says nothing about the hole: read the span again on its own.
        return read(stream[:i], codec)[0], False
    return chosen, i == len(stream)


def choose(items: list[list], prev: str, final: bool) -> list[tuple[str, int, bool]]:
    """Pick each ambiguous character (``_choose``); (character, end offset, guessed) per item."""
    _choose(items, prev, final)
    return [(ch, end, len(cands) > 1) for ch, end, cands in items]


def _known_width(stream: list[ByteOrHole], i: int, codec: str) -> int:
    """The byte width of the character at ``i`` as its first byte tells (``_shape``), or 0."""
    first = stream[i]
    if first is None:
        return 0
    if first < 0x80:
        return 1
    if codec == "big5":
        return 2 if i + 2 <= len(stream) else 0
    width = 2 if 0xC2 <= first <= 0xDF else 3 if 0xE0 <= first <= 0xEF else 0
    return width if i + width <= len(stream) else 0


@lru_cache(maxsize=1 << 16)
def _candidates(codec: str, window: tuple[ByteOrHole, ...]) -> tuple[int, list[str]] | None:
    """(byte width, characters) of the character starting a 4-item window, or None.

    Cached: a misread page repeats the same few byte patterns around its holes.
    """
    stream = list(window)
    shape = _shape(stream, 0, codec)
    if not shape or len(shape) > len(stream):
        return None
    candidates = []
    for data in _fills(stream, 0, shape):
        try:
            ch = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and (_acceptable(ch) or (len(data) == 1 and ch.isascii())):
            candidates.append(ch)
    if len(candidates) > MAX_CANDIDATES:  # the likeliest, by the model's unigram
        unigram = model().unigram
        candidates = sorted(candidates, key=lambda c: unigram(fold_char(c)), reverse=True)[:MAX_CANDIDATES]
    return (len(shape), candidates) if candidates else None


def _choose(chosen: list[list], prev: str, final: bool) -> None:
    """Pick the ambiguous characters jointly (Viterbi over the character bigram model).

    ``final``: the stream ends a paragraph, so sentence-final punctuation is likelier there.

    A character with one candidate joins every path into one, so what comes before it no longer
    matters after it: each run of ambiguous characters is decided on its own, between the known
    characters around it, and the long known stretches cost nothing.
    """
    last = len(chosen) - 1
    k = 0
    while k <= last:
        if len(chosen[k][2]) == 1:
            k += 1
            continue
        end = k
        while end < last and len(chosen[end + 1][2]) > 1:
            end += 1
        before = chosen[k - 1][0] if k else prev[-1:]
        # Up to and including the known character after the run, which decides its last guess.
        _viterbi(chosen[k : end + 2], before, final and end + 1 >= last)
        k = end + 2


def _viterbi(chosen: list[list], prev: str, final: bool) -> None:
    """Set each item's character to the best path's (``_choose``); ``final``: the path ends a paragraph."""
    lm = model()
    # One state per candidate of the current position: (key, score, path), in order (ties go to
    # the earlier); a path is a linked list (char, rest).
    states: list[tuple[str, float, tuple]] = [(fold_char(prev) if prev else "", 0.0, ())]
    last = len(chosen) - 1
    for k, item in enumerate(chosen):
        cands = item[2]
        nxt: dict[str, tuple[float, tuple]] = {}
        for c, (score, path) in zip(cands, _ways_in(states, cands, lm)):
            bonus = FINAL_BONUS if final and k == last and c in SENTENCE_END else 0.0
            bonus += VARIANT_TIEBREAK * lm.frequency(c)  # among forms that fold alike, the usual one
            key = fold_char(c) if len(cands) < 2 else c
            if key not in nxt or score + bonus > nxt[key][0]:
                nxt[key] = (score + bonus, (c, path))
        states = [(key, score, path) for key, (score, path) in nxt.items()]
    path = max(states, key=lambda state: state[1])[2]
    for item in reversed(chosen):
        item[0], path = path


def _ways_in(states: list[tuple[str, float, tuple]], cands: list[str], lm) -> list[tuple[float, tuple]]:
    """(score, path) of the best way into each candidate: every state scored, the first best kept."""
    bigram, unigram = lm.bigram, lm.unigram
    out = []
    for c in cands:
        f = fold_char(c)
        best, best_path = -math.inf, ()
        for p, score, path in states:
            value = score + (bigram(p, f) if p else unigram(f))
            if value > best:
                best, best_path = value, path
        out.append((best, best_path))
    return out


MAX_CANDIDATES = 48
SENTENCE_END = frozenset("。！？”")
FINAL_BONUS = 3.0
VARIANT_TIEBREAK = 0.01


def byte_view(text: str) -> tuple[list[ByteOrHole], list[int]]:
    """GBK bytes of ``text`` with U+FFFD as a hole, and the byte offset where each character ends.

    Stops before the first character GBK cannot hold: no misread text contains one.
    """
    stream: list[ByteOrHole] = []
    ends: list[int] = []
    for ch in text:
        if ch == "\ufffd":
            stream.append(Hole)
        else:
            data = gbk.encode_char(ch)
            if data is None:
                break
            stream.extend(data)
        ends.append(len(stream))
    return stream, ends
