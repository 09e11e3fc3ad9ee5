"""A single-byte code page's marks, filled from the bytes that code page leaves undefined.

A code page read with ``errors="replace"`` writes one U+FFFD for each byte it has no character
for, and only for those: cp1251 leaves one byte undefined (98), so each of its marks *is* 98;
cp1254 leaves seven (81 8d 8e 8f 90 9d 9e), cp1257 twelve, the Thai page thirty-one. The byte
view of such a run is therefore exact up to a choice among few bytes at each mark, and the
choice is the code page's, not the single-byte view's (which fills a mark from cp1252's and
cp1250's undefined bytes: UTF-8 优, e4 bc 98, through cp1251 came back 伐, e4 bc 90).

Marks side by side (two continuation bytes of one UTF-8 character) are filled together: every
combination of undefined bytes, read with the bytes around in the source the run's bytes read
best in; the fewest rejected sequences, then the character model, decide. Every group is chosen
twice, the second time with its neighbours' choices around it. A mark no choice could change the
reading of is exact; one chosen among several readings is a guess, reported as one.

With ``errors="ignore"`` the page drops those bytes without a mark. In UTF-8 the gap still shows:
a lead byte short of its continuation bytes (李, e6 9d 8e, through cp1254 is e6 alone: both its
continuation bytes were undefined). Each short character gets its missing bytes back as marks,
the bytes it kept in any of their places (e6 8e may be e6 ?? 8e or e6 8e ??), filled as above.
"""

from __future__ import annotations

from collections.abc import Callable
from bisect import bisect_right
from functools import lru_cache
from itertools import combinations, product
from typing import NamedTuple

from cleaner.langmodel import per_char

LOST = "\ufffd"
SOURCES = ("utf-8", "gbk", "big5")
CONTEXT = 6  # bytes read each side of a group of marks: the characters around it
MAX_TRIES = 1024  # combinations tried together at most (two marks of the Thai page: 961); past it, each mark alone


@lru_cache(maxsize=None)
def undefined(codec: str) -> tuple[int, ...]:
    """The high bytes ``codec`` has no character for (each read as one U+FFFD)."""
    return tuple(b for b in range(0x80, 0x100) if bytes((b,)).decode(codec, "replace") == LOST)


class Guess(NamedTuple):
    marks: tuple[int, ...]  # byte offsets of the marks filled together
    alternative: str  # the runner-up reading's character there
    margin: float  # the chosen reading's log-probability minus the runner-up's


class Filled(NamedTuple):
    data: bytes  # the run's bytes, each mark filled
    source: str  # the source encoding the bytes were read in
    guesses: tuple[Guess, ...]  # the marks chosen among several readings
    gapped: bool = False  # bytes the page dropped were put back (``utf8_gaps``)


def best_source(data: bytes) -> tuple[int, str]:
    """(rejected sequences, source) of the source reading ``data`` best (fewest rejects)."""
    return min((data.decode(s, "replace").count(LOST), s) for s in SOURCES)


def fill(view: list[int | None], codec: str) -> Filled:
    """``view`` (a run's bytes, None where ``codec`` wrote a mark) with every mark filled from
    ``codec``'s undefined bytes. A code page with none (a mark it cannot have written) leaves
    0xff there, a byte no source reads. A view without marks whose UTF-8 characters are short of
    bytes (``errors="ignore"``) gets them back (``utf8_gaps``), if it then reads best in UTF-8."""
    choices = undefined(codec) or (0xFF,)
    # The source is chosen with every mark its page's first undefined byte: a byte the source
    # may hold there (cp125x leave bytes of 80-9f undefined, UTF-8 continuation bytes), where a
    # byte no source reads would reject every UTF-8 character holding a mark.
    data = bytearray(choices[0] if b is None else b for b in view)
    rejects, source = best_source(bytes(data))
    # A page that leaves a UTF-8 lead byte undefined (ISO-8859-3's e3, the lead of 、。) marks
    # it before continuation bytes: judged with a lead there too, or UTF-8 rejects each such
    # character and GBK or Big5, which take nearly any pair, read the run instead.
    shaped = _lead_shaped(view, choices)
    if shaped is not None and (judged := best_source(bytes(shaped))) < (rejects, source):
        data, (rejects, source) = shaped, judged
    groups = [_Group(tuple(g), ()) for g in _groups([i for i, b in enumerate(view) if b is None], len(choices))]
    if not groups and rejects and undefined(codec):
        gapped, gaps = utf8_gaps(view)
        # Judged as UTF-8 with each gap a byte UTF-8 holds there (a lead e4 where the lead went,
        # a continuation 80 elsewhere): the page's own bytes are chosen below.
        leads = {g.slots[0] for g in gaps if not g.kept and len(g.slots) == 1 and _is_lead_slot(gapped, g.slots[0])}
        trial = bytes((0xE4 if i in leads else 0x80) if b is None else b for i, b in enumerate(gapped))
        if gaps and best_source(trial) < (rejects, source) and best_source(trial)[1] == "utf-8":
            # A gap with too many ways to fill keeps its first (its kept bytes first).
            gaps = [g for g in gaps if len(choices) ** (len(g.slots) - len(g.kept)) * len(g.slots) <= MAX_TRIES]
            return _filled(bytearray(trial), "utf-8", gaps, choices, gapped=True)
    if len(choices) == 1:  # each mark is that byte
        return Filled(bytes(data), source, ())
    return _filled(data, source, groups, choices)


def _lead_shaped(view: list[int | None], choices: tuple[int, ...]) -> bytearray | None:
    """``view`` with each mark before one or two continuation bytes (and after no lead short of
    its own) an undefined lead byte taking that many, the rest ``choices[0]``; None if ``choices``
    holds no lead (cp1252's five are all continuation bytes)."""
    leads = {1: [b for b in choices if 0xC2 <= b <= 0xDF], 2: [b for b in choices if 0xE0 <= b <= 0xEF]}
    if not leads[1] and not leads[2]:
        return None
    out = bytearray(choices[0] if b is None else b for b in view)
    for i, b in enumerate(view):
        if b is not None or not _is_lead_slot(view, i) or _cut_before(out, i):
            continue
        follow = min(_orphans(view, i + 1), 2)
        fits = leads[follow] or leads[3 - follow]
        out[i] = fits[0]
    return out


def _cut_before(data: bytearray, i: int) -> bool:
    """Does a UTF-8 lead before ``i`` still wait for a continuation byte at ``i``?"""
    for back in range(1, min(3, i) + 1):
        b = data[i - back]
        if b < 0x80 or b >= 0xC0:
            need = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
            return back < need
    return False


def _filled(data: bytearray, source: str, groups: list[_Group], choices: tuple[int, ...], gapped: bool = False) -> Filled:
    guesses: list[Guess | None] = []
    for _ in range(2):
        guesses = [_choose(data, group, choices, source) for group in groups]
    return Filled(bytes(data), source, tuple(g for g in guesses if g), gapped)


class _Group(NamedTuple):
    slots: tuple[int, ...]  # byte offsets filled together
    kept: tuple[int, ...]  # bytes the decoder kept among them, in order (a gap's; none for marks)


def utf8_gaps(view: list[int | None]) -> tuple[list[int | None], list[_Group]]:
    """``view`` with a mark for each continuation byte a UTF-8 character lacks (placed after the
    ones it kept), and each such character's continuation slots with the bytes it kept."""
    out: list[int | None] = []
    groups: list[_Group] = []
    i = 0
    while i < len(view):
        b = view[i]
        if b is not None and 0x80 <= b < 0xC0 and _orphans(view, i) == 2:
            # Two continuation bytes with no lead: a three-byte character (all of Chinese) whose
            # lead the page dropped (cp857 leaves e7 undefined, the lead of U+7000-7FFF).
            out += [None, view[i], view[i + 1]]
            groups.append(_Group((len(out) - 3,), ()))
            i += 2
            continue
        out.append(b)
        i += 1
        need = 0 if b is None or not 0xC2 <= b <= 0xF4 else 1 if b < 0xE0 else 2 if b < 0xF0 else 3
        kept: list[int] = []
        while len(kept) < need and i < len(view) and view[i] is not None and 0x80 <= view[i] < 0xC0:
            kept.append(view[i])
            i += 1
        out += kept
        if len(kept) < need:
            start = len(out) - len(kept)
            out += [None] * (need - len(kept))
            groups.append(_Group(tuple(range(start, start + need)), tuple(kept)))
    return out, groups


def _is_lead_slot(view: list[int | None], i: int) -> bool:
    """Is the gap at ``i`` a lead byte's (continuation bytes follow it)?"""
    return i + 1 < len(view) and view[i + 1] is not None and 0x80 <= view[i + 1] < 0xC0


def _orphans(view: list[int | None], i: int) -> int:
    """How many continuation bytes follow from ``i`` (the parse is between characters there:
    no lead came before them)."""
    k = i
    while k < len(view) and view[k] is not None and 0x80 <= view[k] < 0xC0:
        k += 1
    return k - i


def _groups(marks: list[int], choices: int) -> list[list[int]]:
    """Marks side by side, in groups of at most MAX_TRIES combinations."""
    groups: list[list[int]] = []
    for i in marks:
        if groups and i == groups[-1][-1] + 1 and choices ** (len(groups[-1]) + 1) <= MAX_TRIES:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _fillings(group: _Group, choices: tuple[int, ...]):
    """Every way to fill ``group``'s slots: its kept bytes in order in some of them, the others
    from ``choices``."""
    free = len(group.slots) - len(group.kept)
    for at in combinations(range(len(group.slots)), len(group.kept)):
        for combo in product(choices, repeat=free):
            rest = iter(combo)
            kept = dict(zip(at, group.kept, strict=True))
            yield tuple(kept[k] if k in kept else next(rest) for k in range(len(group.slots)))


def choose(data: bytearray, slot: int, choices: tuple[int, ...], source: str,
           starts: list[int] | None = None, under: Callable[[str], str] | None = None,
           context: int = CONTEXT) -> Guess | None:
    """Fill the one mark at ``slot`` of ``data`` (read in ``source``, its characters starting at
    ``starts``: ``char_starts``) in place with the byte of ``choices`` reading best; the guess if
    several readings were left to the character model. For a mark whose bytes are known to be
    few but are not a code page's undefined ones (a byte a layer under another lost:
    ``latin_layers``). ``under``: what a reading is judged by, where it is itself a layer of
    mojibake over the text (``context`` bytes each side then hold fewer characters of it)."""
    return _choose(data, _Group((slot,), ()), choices, source, starts, under, context)


def read_at(data: bytes, places: list[int], source: str) -> list[str]:
    """The character of ``data`` read in ``source`` that holds each byte of ``places``; one
    reading of ``data`` for them all (a long line has many places)."""
    wanted = sorted(set(places))
    found: dict[int, str] = {}
    end = k = 0
    if wanted:
        for ch in data.decode(source, errors="replace"):
            end += len(ch.encode(source, errors="replace")) if ch != LOST else 1
            while k < len(wanted) and end > wanted[k]:
                found[wanted[k]] = ch
                k += 1
            if k == len(wanted):
                break
    return [found.get(i, LOST) for i in places]


def char_starts(data: bytes | bytearray, source: str) -> list[int] | None:
    """Where ``data``'s characters start read in a two-byte ``source`` (a lead byte 81-fe takes
    the byte after it); None for UTF-8, which finds its characters from any byte."""
    if source == "utf-8":
        return None
    starts, i, n = [], 0, len(data)
    while i < n:
        starts.append(i)
        i += 2 if 0x81 <= data[i] <= 0xFE and i + 1 < n else 1
    return starts


def _choose(data: bytearray, group: _Group, choices: tuple[int, ...], source: str,
            starts: list[int] | None = None, under: Callable[[str], str] | None = None,
            context: int = CONTEXT) -> Guess | None:
    """Fill ``group``'s slots in place with the filling reading best; the guess if several
    readings were left to the character model. The bytes around are read from a character's
    start (``starts``): a GBK or Big5 reading begun on a trail byte reads every pair after it
    wrong (人民共和国 read from 人's trail byte chose 共毫国)."""
    part = group.slots
    lo, hi = max(0, part[0] - context), min(len(data), part[-1] + context + 1)
    if starts and lo:
        lo = starts[bisect_right(starts, lo) - 1]
    scored: dict[str, tuple[int, tuple[int, ...]]] = {}
    for combo in _fillings(group, choices):
        for i, b in zip(part, combo, strict=True):
            data[i] = b
        text = bytes(data[lo:hi]).decode(source, "replace")
        if text not in scored:
            scored[text] = (text.count(LOST), combo)
    return best_filling(data, part, scored, _judged if under is None else lambda text: _judged(under(text)))


def _judged(text: str) -> float:
    return per_char(text) * len(text)


def best_filling(data: bytearray, part, scored: dict[str, tuple[int, tuple[int, ...]]], score) -> Guess | None:
    """Write into ``data`` at ``part`` the filling whose reading (``scored``: reading -> (its
    U+FFFD count, the filling)) leaves the fewest marks and scores best; the guess, with the
    runner-up's character and the margin, if several readings were left to ``score``."""
    fewest = min(r for r, _ in scored.values())
    best = sorted(((score(text) if len(scored) > 1 else 0.0, text, combo)
                   for text, (r, combo) in scored.items() if r == fewest), reverse=True)
    for i, b in zip(part, best[0][2], strict=True):
        data[i] = b
    if len(best) < 2:
        return None
    (top, text, _), (second, other, _) = best[0], best[1]
    differ = next((k for k, (a, b) in enumerate(zip(text, other, strict=False)) if a != b), 0)
    return Guess(tuple(part), other[differ : differ + 1], top - second)
