"""Reference oracle for the native line gate of the other-scripts repair (native/src/other_scripts.rs),
kept from cleaner/repair/other_scripts.py.

The Python original, built from the stage's own pieces: each line's non-ASCII runs viewed piece by
piece in a family (``_views``), the view's UTF-8 runs found as ``_pieces`` finds them, and the
letters of each script counted in each run. The property tests check that the native gate passes
the same lines. Not part of the product.
"""

from __future__ import annotations

from cleaner.repair.decoders import SINGLE_FAMILY
from cleaner.repair.other_scripts import _LETTERS, _ONE, _RUN, SCRIPTS, UNDEFINED_SINGLE, UNKNOWN, UTF8_RUN, _filled, _views


def gate_lines(text: str, families: tuple[str, ...]) -> list[tuple[int, int]]:
    """(index, bit k set for families[k]) of each line whose byte view in a family may read."""
    out = []
    for k, line in enumerate(text.split("\n")):
        mask = 0
        for bit, family in enumerate(families):
            if any(_may_read(stream, family) for m in _RUN.finditer(line) for _, _, stream, _ in _views(m.group(), family)):
                mask |= 1 << bit
        if mask:
            out.append((k, mask))
    return out


def _may_read(stream: list[int | None], family: str) -> bool:
    """Does a UTF-8 run of the piece's bytes hold some script's least letters? A character with a
    lost byte counts as the letter ``_filled`` fills it with, if any."""
    data = bytes(UNKNOWN if b is None else 0xFE if b == UNKNOWN else b for b in stream)
    for run in UTF8_RUN.finditer(data):
        counts = dict.fromkeys(SCRIPTS, 0)
        for char in _ONE.finditer(data, run.start(), run.end()):
            piece = char.group()
            if UNKNOWN in piece:
                ch = _filled(piece, UNDEFINED_SINGLE if family == SINGLE_FAMILY else ())
            else:
                try:
                    ch = piece.decode("utf-8")
                except UnicodeDecodeError:
                    continue
            counts = {name: n + bool(_LETTERS[name].fullmatch(ch)) for name, n in counts.items()}
            if any(n >= SCRIPTS[name][2] for name, n in counts.items()):
                return True
    return False

