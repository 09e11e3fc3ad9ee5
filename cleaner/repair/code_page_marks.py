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
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product
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


def best_source(data: bytes) -> tuple[int, str]:
    """(rejected sequences, source) of the source reading ``data`` best (fewest rejects)."""
    return min((data.decode(s, "replace").count(LOST), s) for s in SOURCES)


def fill(view: list[int | None], codec: str) -> Filled:
    """``view`` (a run's bytes, None where ``codec`` wrote a mark) with every mark filled from
    ``codec``'s undefined bytes. A code page with none (a mark it cannot have written) leaves
    0xff there, a byte no source reads."""
    choices = undefined(codec) or (0xFF,)
    # The source is chosen with every mark its page's first undefined byte: a byte the source
    # may hold there (cp125x leave bytes of 80-9f undefined, UTF-8 continuation bytes), where a
    # byte no source reads would reject every UTF-8 character holding a mark.
    data = bytearray(choices[0] if b is None else b for b in view)
    _, source = best_source(bytes(data))
    if len(choices) == 1:  # each mark is that byte
        return Filled(bytes(b if b is not None else choices[0] for b in view), source, ())
    groups = _groups([i for i, b in enumerate(view) if b is None], len(choices))
    guesses: list[Guess | None] = []
    for _ in range(2):
        guesses = [_choose(data, group, choices, source) for group in groups]
    return Filled(bytes(data), source, tuple(g for g in guesses if g))


def _groups(marks: list[int], choices: int) -> list[list[int]]:
    """Marks side by side, in groups of at most MAX_TRIES combinations."""
    groups: list[list[int]] = []
    for i in marks:
        if groups and i == groups[-1][-1] + 1 and choices ** (len(groups[-1]) + 1) <= MAX_TRIES:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _choose(data: bytearray, part: list[int], choices: tuple[int, ...], source: str) -> Guess | None:
    """Fill the marks at ``part`` in place with the combination reading best; the guess if
    several readings were left to the character model."""
    lo, hi = max(0, part[0] - CONTEXT), min(len(data), part[-1] + CONTEXT + 1)
    scored: dict[str, tuple[int, tuple[int, ...]]] = {}
    for combo in product(choices, repeat=len(part)):
        for i, b in zip(part, combo, strict=True):
            data[i] = b
        text = bytes(data[lo:hi]).decode(source, "replace")
        if text not in scored:
            scored[text] = (text.count(LOST), combo)
    fewest = min(r for r, _ in scored.values())
    best = sorted(((per_char(text) * len(text) if len(scored) > 1 else 0.0, text, combo)
                   for text, (r, combo) in scored.items() if r == fewest), reverse=True)
    for i, b in zip(part, best[0][2], strict=True):
        data[i] = b
    if len(best) < 2:
        return None
    (top, text, _), (second, other, _) = best[0], best[1]
    differ = next((k for k, (a, b) in enumerate(zip(text, other, strict=False)) if a != b), 0)
    return Guess(tuple(part), other[differ : differ + 1], top - second)
