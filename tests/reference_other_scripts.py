"""Reference oracle for the native line gate of the other-scripts repair (native/src/other_scripts.rs),
kept from cleaner/repair/other_scripts.py.

And of the native pieces a run is cut into in a family (``given_pieces``: the characters a
decoder of the family can give), kept here as the regex the stage used (``given_pattern``).

The Python original of the gate: each line's non-ASCII runs viewed piece by piece in a family
(``views``), the view's UTF-8 runs found as ``_pieces`` finds them, and in each
run the stretches whose characters are all of one script's class (``_ONLY``) holding its least
letters; in a GBK or Big5 view, read from characters of which one at least looks misread
(``_misread``). The property tests check that the native gate passes the same lines. Not part of
the product.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from cleaner.repair import decoders
from cleaner.repair.decoders import SINGLE_FAMILY
from cleaner.repair.other_scripts import (
    _LETTERS,
    _ONE,
    _ONLY,
    _RUN,
    SCRIPTS,
    UNDEFINED_SINGLE,
    UNKNOWN,
    UTF8_RUN,
    _filled,
    FAMILIES,
    _misread,
)


def gate_lines(text: str, families: tuple[str, ...]) -> list[tuple[int, int]]:
    """(index, bit k set for families[k]) of each line whose byte view in a family may read."""
    out = []
    for k, line in enumerate(text.split("\n")):
        mask = 0
        for bit, family in enumerate(families):
            if any(_may_read(m.group()[offset:], stream, ends, family)
                   for m in _RUN.finditer(line) for offset, _, stream, ends in views(m.group(), family)):
                mask |= 1 << bit
        if mask:
            out.append((k, mask))
    return out


def views(run: str, family: str) -> list[tuple[int, str, list[int | None], list[int]]]:
    """other_scripts._views as it was: the pieces found by a regex of the characters the family
    gives (``given_pattern``), each viewed once."""
    return [(m.start(), m.group(), *decoders.byte_view(m.group(), family)) for m in given_pattern(family).finditer(run)]


@lru_cache(maxsize=None)
def given_pattern(family: str) -> re.Pattern:
    """A stretch of characters a ``family`` decoder can give (U+FFFD among them), as one pattern:
    the native ``given_pieces`` cuts a run where this pattern's matches end."""
    ranges = _given_ranges()[family]
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]+")


@lru_cache(maxsize=1)
def _given_ranges() -> dict[str, list[tuple[int, int]]]:
    """(first, last) code points of the ranges each family gives, from the native tables' answers
    that ``decoders.byte_view`` reads: planes 0-3 code point by code point, each higher plane by
    its first code point (GB18030 gives all of them, the other families none)."""
    codes = decoders.native_codes()
    spans = [(cp, cp) for cp in range(0x80, 0x40000)] + [(p, p + 0xFFFF) for p in range(0x40000, 0x110000, 0x10000)]
    out = {}
    for family in FAMILIES:
        ranges: list[tuple[int, int]] = []
        for first, last in spans:
            if not (first == 0xFFFD or (not 0xD800 <= first < 0xE000 and codes.encode(chr(first), family) is not None)):
                continue
            if ranges and ranges[-1][1] + 1 == first:
                ranges[-1] = (ranges[-1][0], last)
            else:
                ranges.append((first, last))
        out[family] = ranges
    return out


def given_pieces(run: str, family: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``run`` the family gives, as the pattern finds them."""
    return [m.span() for m in given_pattern(family).finditer(run)]


def _may_read(piece: str, stream: list[int | None], ends: list[int], family: str) -> bool:
    """Does a UTF-8 run of the piece's bytes hold a stretch of one script's class with its least
    letters, read (in a GBK or Big5 view) from characters of ``piece`` one of which looks
    misread? A character with a lost byte is the letter ``_filled`` fills it with, else U+FFFD;
    one that is no UTF-8 ends every stretch (its reading is empty)."""
    data = bytes(UNKNOWN if b is None else 0xFE if b == UNKNOWN else b for b in stream)
    only = {name: re.compile(_ONLY[name].pattern[:-1]) for name in SCRIPTS}  # one character of the class
    for run in UTF8_RUN.finditer(data):
        opened: dict[str, tuple[int, int]] = {}  # script -> (first byte, letters)
        for char in _ONE.finditer(data, run.start(), run.end()):
            raw = char.group()
            if UNKNOWN in raw:
                ch: str | None = _filled(raw, UNDEFINED_SINGLE if family == SINGLE_FAMILY else ())
            else:
                try:
                    ch = raw.decode("utf-8")
                except UnicodeDecodeError:
                    ch = None
            for name, (_, _, least) in SCRIPTS.items():
                if ch is None or not only[name].fullmatch(ch):
                    opened.pop(name, None)
                    continue
                start, letters = opened.get(name, (char.start(), 0))
                letters += _LETTERS[name].fullmatch(ch) is not None
                opened[name] = (start, letters)
                read_from = piece[bisect_right(ends, start) : bisect_right(ends, char.end() - 1) + 1]
                if letters >= least and (family == SINGLE_FAMILY or _misread(read_from) >= 1):
                    return True
    return False
