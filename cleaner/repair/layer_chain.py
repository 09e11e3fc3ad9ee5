"""Mojibake of mojibake read through both layers at once: the outer layer's lost bytes chosen so
that the page under both layers reads.

Why: UTF-8 read as GBK, saved as UTF-8 and read as GBK again (我是 -> 鎴戞槸 -> 閹存垶妲) loses bytes in
the second reading too: each U+FFFD it wrote (or, with ``errors="ignore"``, each byte it dropped)
is a byte of the first layer's UTF-8. The peel (``layers.peel``) cut its stretches at each such
mark, and what was left between two marks was mostly too short to read: 9 characters in 10 of a
page stayed wrong. Here the outer byte view is read as the UTF-8 it is (the first layer's text was
a string saved as UTF-8, so every byte of it was whole UTF-8): its structure says where a byte is
missing, the bytes left say which characters fit (at most 64 for one lost byte of a three-byte
character), and each of those is bytes of the page under it (a GBK pair, a Big5 pair, a byte). The
candidate whose bytes make the page under both layers read as the most valid UTF-8, then likeliest
under the character model, is taken: two views chained, the inner one judging the outer one's
guesses. What comes out is one layer of mojibake, whose own marks (the first decoder's U+FFFD) the
one-layer repair reads as it always does.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from cleaner.langmodel import model
from cleaner.repair import decoders

LOST = "\ufffd"
EURO = "\u20ac"
WINDOW = 4  # first-layer characters each side of a guessed one that judge it
# More candidates than this for one first-layer character (two bytes of it lost) is no evidence.
MAX_CANDIDATES = 256
MAX_PAIRS = 1024  # pairs of candidates of two characters decided together, at most
_INVALID = 8.0  # the cost of a UTF-8 sequence a candidate leaves invalid, in log-probability units


def _cont(item: int | None) -> bool:
    return item is not None and 0x80 <= item < 0xC0


class Slot:
    """One character of the first layer: where its bytes lie in the outer view and what it can be."""

    __slots__ = ("start", "end", "candidates")

    def __init__(self, start: int, end: int, candidates: list[str]) -> None:
        self.start, self.end, self.candidates = start, end, candidates


def slots(stream: list, outer: str, inner: str) -> list[Slot | None]:
    """The first layer's characters in ``stream`` (an outer byte view), None where its bytes are
    no UTF-8 a first layer can have written (the stretch is cut there).

    A U+FFFD of the outer view is one byte the outer decoder rejected before the byte after it; a
    lead byte with too few continuation bytes, or continuation bytes with no lead, lost bytes
    without a mark (``errors="ignore"``). A candidate must be a character the inner decoder gives
    for a code of its own width (a pair for GBK and Big5, a byte for single-byte decoders), or
    U+FFFD, the inner decoder's own mark, or GBK's € (a browser's lone 80 or GB18030's a2 e3).
    """
    out: list[Slot | None] = []
    i, n = 0, len(stream)
    while i < n:
        b = stream[i]
        if b is not None and b < 0x80:
            out.append(Slot(i, i + 1, [chr(b)]))
            i += 1
            continue
        if b is not None and decoders.utf8_width(b):
            width = decoders.utf8_width(b)
            j = i + 1
            while j < n and j - i < width and (stream[j] is None or _cont(stream[j])):
                j += 1
            got = stream[i:j]
            patterns = _placements(got, width)
        elif b is None:
            # A lost lead: as wide as the bytes after it that can be its continuation say.
            j = i + 1
            while j < n and j - i < 3 and (stream[j] is None or _cont(stream[j])):
                j += 1
            patterns = [list(stream[i:j])] if j - i > 1 else []
        elif not _cont(b):
            out.append(None)  # a byte UTF-8 never holds
            i += 1
            continue
        else:
            # Continuation bytes with no lead: the lead was dropped (or this is no UTF-8).
            j = i
            while j < n and j - i < 3 and _cont(stream[j]):
                j += 1
            patterns = [[None, *stream[i:j]]] if j - i <= 2 else []
        cands = _candidates(patterns, stream[j] if j < n else None, outer, inner)
        if not cands and None in stream[i:j]:
            # Marked bytes that allow no candidate, or too many to choose from: the character is
            # lost as a whole, and the inner decoder's mark keeps the reading in step around it.
            cands = [LOST]
        out.append(Slot(i, j, cands) if cands else None)
        i = j
    return out


def _placements(got: list, width: int) -> list[list]:
    """The patterns of a ``width``-byte character of which ``got`` (its lead first) is what the view
    holds: missing continuation bytes (dropped) anywhere after the lead."""
    missing = width - len(got)
    if missing == 0:
        return [list(got)]
    if missing > 1:
        return []  # two bytes of one character gone: too many candidates to be evidence
    return [got[:k] + [None] + got[k:] for k in range(1, len(got) + 1)]


def _candidates(patterns: list[list], after: int | None, outer: str, inner: str) -> list[str]:
    return list(_candidates_of(tuple(map(tuple, patterns)), after, outer, inner))


@lru_cache(maxsize=1 << 14)
def _candidates_of(patterns: tuple[tuple, ...], after: int | None, outer: str, inner: str) -> tuple[str, ...]:
    """The characters whose UTF-8 fits one of ``patterns`` (None: a byte lost) that a first layer
    can hold; a lost byte must be one the outer decoder rejects before the byte after it (asked
    of the native tables of ``decoders._rejects``' answers, first: most values fail it)."""
    width_inner = 1 if inner == decoders.SINGLE_FAMILY else 2
    found: list[str] = []
    seen: set[str] = set()
    for pattern in patterns:
        holes = [k for k, v in enumerate(pattern) if v is None]
        if len(holes) > 2:
            continue
        # A hole followed by a known byte (or the byte after) takes only the values rejected
        # before it, sifted once; one followed by another hole is asked with that hole's value.
        nexts = [pattern[k + 1] if k + 1 < len(pattern) else after for k in holes]
        ranges = [_values(k > 0) if nxt is None and k + 1 < len(pattern) else _rejected_before(outer, k > 0, nxt)
                  for k, nxt in zip(holes, nexts)]
        if len(holes) == 2 and holes[1] == holes[0] + 1:  # side by side: the first rejected before the second
            allowed = {second: frozenset(_rejected_before(outer, holes[0] > 0, second)) for second in ranges[1]}
            combos = [(first, second) for first in ranges[0] for second in ranges[1] if first in allowed[second]]
        else:
            combos = product(*ranges)
        for values in combos:
            filled = list(pattern)
            for k, v in zip(holes, values):
                filled[k] = v
            try:
                ch = bytes(filled).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if len(ch) != 1 or ch in seen:
                continue
            code = decoders.encode_char(ch, inner)
            # GBK's € is the lone byte 80 to the byte view, but a two-byte code too (a browser
            # reads a2 e3 so): a first layer of a browser's gbk holds it between its pairs.
            euro = ch == EURO and inner == decoders.GBK_FAMILY
            if ch == LOST or euro or (code is not None and len(code) == width_inner and ch != decoders.EURO_PAIR):
                found.append(ch)
                seen.add(ch)
        if len(found) > MAX_CANDIDATES:
            return ()
    return tuple(found)


def _values(continuation: bool) -> range:
    """The values a lost byte of UTF-8 can have: a continuation byte, or a lead."""
    return range(0x80, 0xC0) if continuation else range(0xC2, 0xF5)


@lru_cache(maxsize=None)  # at most 2 x 257 per family
def _rejected_before(outer: str, continuation: bool, after: int | None) -> tuple[int, ...]:
    """The values of a lost byte (``_values``) the ``outer`` decoder rejects before ``after``."""
    rejects = decoders.native_codes().rejects
    return tuple(v for v in _values(continuation) if rejects(outer, v, after))


@lru_cache(maxsize=1 << 16)  # asked for each character of each window ``choose`` judges
def _inner_bytes(ch: str, inner: str) -> bytes:
    """The bytes the inner decoder read as ``ch``; its own mark as a byte no UTF-8 holds."""
    return b"\xff" if ch == LOST else decoders.encode_char(ch, inner) or b"\xff"


def _judge(codes: list[bytes]) -> float:
    """How well the page under some first-layer characters (``codes``: each one's inner bytes,
    ``_inner_bytes``) reads as UTF-8: the character model's log-probability, less _INVALID for
    each sequence left invalid (its own marks apart)."""
    data = b"".join(codes)
    text = data.decode("utf-8", errors="replace")
    invalid = text.count(LOST) - data.count(0xFF)
    return model().score(text.replace(LOST, "")) - _INVALID * invalid


def choose(found: list[Slot], inner: str, guess: bool = True) -> tuple[str, int]:
    """The first layer's text: each character with several candidates chosen by how the page
    under it reads around it, decided together with the next such character when that one is
    within the window (two lost bytes a few characters apart shape the same source characters);
    those not yet decided count as the inner decoder's mark. (text, characters chosen among
    several). With ``guess`` off a chosen character is written as U+FFFD, the inner decoder's
    mark, so the repair under it guesses nothing there."""
    chars = [s.candidates[0] if len(s.candidates) == 1 else LOST for s in found]
    codes = [_inner_bytes(ch, inner) for ch in chars]  # kept in step with chars: each window joins them
    open_ = [k for k, s in enumerate(found) if len(s.candidates) > 1]
    for idx, k in enumerate(open_):
        nxt = open_[idx + 1] if idx + 1 < len(open_) else None
        own = found[k].candidates
        if nxt is not None and (nxt - k > WINDOW or len(own) * len(found[nxt].candidates) > MAX_PAIRS):
            nxt = None
        lo, hi = max(0, k - WINDOW), min(len(chars), (k if nxt is None else nxt) + WINDOW + 1)
        best, best_score = own[0], None
        for c in own:
            chars[k], codes[k] = c, _inner_bytes(c, inner)
            for c2 in found[nxt].candidates if nxt is not None else (None,):
                if c2 is not None:
                    chars[nxt], codes[nxt] = c2, _inner_bytes(c2, inner)
                score = _judge(codes[lo:hi])
                if best_score is None or score > best_score:
                    best, best_score = c, score
        chars[k], codes[k] = best, _inner_bytes(best, inner)
        if nxt is not None:
            chars[nxt], codes[nxt] = LOST, _inner_bytes(LOST, inner)
    text = "".join(LOST if not guess and len(s.candidates) > 1 else ch for s, ch in zip(found, chars))
    return text, len(open_)
