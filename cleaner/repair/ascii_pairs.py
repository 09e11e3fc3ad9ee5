"""How ASCII stands beside Chinese in running text: the pairs the resync lattice scores ASCII letters by.

The character model (``langmodel``) scores Latin text flat: a letter after a letter costs 1 nat,
after Han 6, a sign after a digit 1. Read in step (``resync``), a Big5 page read by a GBK decoder
shows each character whose lead byte was dropped as its trail byte, 40-7e: an ASCII letter or sign
(人 a4 48 is ``H``, 。 a1 43 ``C``, 年 a6 7e ``~``), and the flat scores made ``2013~有`` and
``HC`` between Han cheaper than 2013年有 and 人。 with their leads put back. Running text says
otherwise: on the build split a lone capital stands between two Han characters 108 times in 851,531
places, ``~`` follows a digit 43 times in 58,295 and is never followed by Han.

So the lattice scores a pair with an ASCII letter or sign (40-7e) on either side by these counts
(``cleaner/data/ascii_pairs.txt``, from ``scripts/build_ascii_pairs.py``): a class per printable
ASCII character (any digit is ``0``) and one for everything beyond ASCII, ``log P(second class |
first class)`` with add-``SMOOTHING`` smoothing, plus the model's unigram of a second character
beyond ASCII. Pairs of other characters keep the model's scores. docs/repair.md §5.1.2.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "ascii_pairs.txt"
BEYOND = "NA"  # the class of every character beyond ASCII
# Classes: printable ASCII (0x20-0x7e) by code, then BEYOND last.
SIZE = 0x7F - 0x20 + 1
# Added to every pair's count (a pair never seen in running text is rare, not impossible).
SMOOTHING = 0.5


def token(ch: str) -> str | None:
    """The class of ``ch`` as the counts name it: its code in hex (digits all ``30``), ``NA``
    beyond ASCII, None for a control character (not counted: a boundary)."""
    if ch > "\x7f":
        return BEYOND
    if not " " <= ch <= "~":
        return None
    return "30" if ch.isdigit() else f"{ord(ch):02x}"


def index(cls: str) -> int:
    """A class's place in ``table``'s rows and columns."""
    return SIZE - 1 if cls == BEYOND else int(cls, 16) - 0x20


@lru_cache(maxsize=1)
def table() -> tuple[float, ...]:
    """``log P(second | first)`` for every pair of classes, row by first class (``index``): SIZE
    by SIZE floats, for the native lattice. Each row is a distribution over the classes a
    character can have (the digits 1-9 are 0's; their rows and columns are never read); a class
    never counted as a first one gets the uniform row."""
    counts: dict[tuple[int, int], int] = {}
    totals: dict[int, int] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        first, total, *rest = line.split("\t")
        a = index(first)
        totals[a] = int(total)
        fields = rest[0].split() if rest else []
        for b, n in zip(fields[::2], fields[1::2], strict=True):
            counts[a, index(b)] = int(n)
    vocabulary = SIZE - 9
    out = []
    for a in range(SIZE):
        total = totals.get(a, 0) + SMOOTHING * vocabulary
        out += [math.log((counts.get((a, b), 0) + SMOOTHING) / total) for b in range(SIZE)]
    return tuple(out)
