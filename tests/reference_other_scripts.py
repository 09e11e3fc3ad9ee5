"""Reference oracle for the native line gate of the other-scripts repair (native/src/other_scripts.rs),
kept from cleaner/repair/other_scripts.py.

The Python original, built from the stage's own pieces: each line's non-ASCII runs viewed piece by
piece in a family (``_views``), the view's UTF-8 runs found as ``_pieces`` finds them, and in each
run the stretches whose characters are all of one script's class (``_ONLY``) holding its least
letters; in a GBK or Big5 view, read from characters of which one at least looks misread
(``_misread``). The property tests check that the native gate passes the same lines. Not part of
the product.
"""

from __future__ import annotations

import re
from bisect import bisect_right

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
    _misread,
    _views,
)


def gate_lines(text: str, families: tuple[str, ...]) -> list[tuple[int, int]]:
    """(index, bit k set for families[k]) of each line whose byte view in a family may read."""
    out = []
    for k, line in enumerate(text.split("\n")):
        mask = 0
        for bit, family in enumerate(families):
            if any(_may_read(m.group()[offset:], stream, ends, family)
                   for m in _RUN.finditer(line) for offset, _, stream, ends in _views(m.group(), family)):
                mask |= 1 << bit
        if mask:
            out.append((k, mask))
    return out


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
