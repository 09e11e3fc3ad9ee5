"""UTF-8 read by a browser's ``big5`` decoder (the WHATWG Encoding Standard's, Big5-HKSCS): marks
that may stand for two bytes, cut into UTF-8 characters.

Python's Big5 decoders write one U+FFFD per byte they reject (``utf8_marks``). The standard's
decoder does not: every byte 81-fe leads a pair, and a lead whose next byte does not complete a
code with it gives one U+FFFD that swallows that next byte too unless it is ASCII (then the
ASCII byte is read again); 80 and ff are one mark each. Through it UTF-8 Chinese comes out with a
mark on every other character, most marks two bytes (a character's last byte and the next one's
lead: UTF-8's leads e4-e9 are Big5 trails, its continuation bytes 81-86 leads no pair has), and
``utf8_marks``' path, which takes each mark for one byte, never parses it (errors per 1,000 on
whole pages: about 1,000, the worst cell of the matrix).

So here a mark in the middle of a run is either the byte 80 alone (a continuation byte a token
started at: known, nothing to guess) or two unknown bytes, the first a lead 81-fe and the second
no ASCII, which together are no pair of the table when one character holds both; a mark before
ASCII or the line's end may also be one byte (80, or a lead 81-fe). The cheapest path over the run's
tokens (``utf8_marks``' costs) chooses where characters begin, and ``utf8_marks`` fills the
characters with marks from the model's vocabulary and chooses them jointly, as for Python's
decoders.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.repair.multi_byte_marks import _by_known  # noqa: PLC2701 - one vocabulary by known bytes

LOST = "\ufffd"
CODEC = "big5hkscs"  # the standard's big5 index is Big5-HKSCS's; Python's table agrees on the Han
NAME = "whatwg-big5"

# What an unknown byte of the view is: the first or second of a mark of two bytes, or a mark of
# one byte (before ASCII or the end of the run).
FIRST, SECOND, ALONE = "a", "b", "l"
# Characters a character with marks keeps, likeliest first: a mark of two bytes leaves a whole
# row of UTF-8 open (元, e5 85 83, is not among e5's likeliest 48). 48 → 128: 425 → 410 errors per
# 1,000 on whole pages (measured paragraphs the reported figures do not read, --skip 40).
MAX_CANDIDATES = 128


def kinds(marked: list[int | None]) -> list[int | str]:
    """The decoder's view of a run (``utf8_marks._view``: its bytes, None at each mark) with a
    kind for each mark: ``FIRST`` (80 alone, or two bytes), and ``ALONE`` for the run's last
    character (before ASCII or the line's end, where a lead alone is a mark too)."""
    last = len(marked) - 1
    return [b if b is not None else ALONE if k == last else FIRST for k, b in enumerate(marked)]


def steps(view: list[int | str], node: int) -> list[tuple[int | None, str, int]]:
    """The ways to read one byte at ``node`` of ``view`` (a node is a known byte, a mark's first
    byte, or, as ``node + 1`` after a mark, its second): (byte or None, kind, next node)."""
    item = view[node]
    if isinstance(item, int):
        if item == -1:  # the second byte of the mark before
            return [(None, SECOND, node + 1)]
        return [(item, "", node + 1)]
    if item == ALONE:  # before ASCII: a lead alone, or a mark of two bytes as inside the run
        return [(0x80, "", node + 2), (None, ALONE, node + 2), (None, FIRST, node + 1)]
    return [(0x80, "", node + 2), (None, FIRST, node + 1)]


def expand(view: list[int | str]) -> list[int | str]:
    """Each mark given a node for its second byte (-1), so a node is one byte's place."""
    out: list[int | str] = []
    for item in view:
        out.append(item)
        if item in (FIRST, ALONE):
            out.append(-1)
    return out


def walks(view: list[int | str], node: int, length: int) -> list[tuple[tuple[int | None, ...], tuple[str, ...], int]]:
    """Every way to read ``length`` bytes from ``node``: (bytes, their kinds, the node after)."""
    found: list[tuple[tuple[int | None, ...], tuple[str, ...], int]] = []

    def walk(at: int, part: tuple, kinds: tuple) -> None:
        if len(part) == length:
            found.append((part, kinds, at))
            return
        if at >= len(view):
            return
        for b, kind, nxt in steps(view, at):
            walk(nxt, (*part, b), (*kinds, kind))

    walk(node, (), ())
    return found


@lru_cache(maxsize=None)
def _pairs() -> frozenset[int]:
    """The table's two-byte codes (lead << 8 | trail) the decoder reads as one character."""
    found = set()
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                ch = bytes((lead, trail)).decode(CODEC)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                found.add(lead << 8 | trail)
    return frozenset(found)


def _fits(data: bytes, part: tuple[int | None, ...], kinds: tuple[str, ...]) -> bool:
    pairs = _pairs()
    for k, b in enumerate(part):
        if b is not None:
            continue
        kind, x = kinds[k], data[k]
        if kind in (FIRST, ALONE) and not 0x81 <= x <= 0xFE:
            return False
        if kind == SECOND and x < 0x80:
            return False
        if kind == FIRST and k + 1 < len(part) and (x << 8 | data[k + 1]) in pairs:
            return False  # both bytes here, and a code of the table: it would have been read
    return True


@lru_cache(maxsize=1 << 16)
def fitting(part: tuple[int | None, ...], kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The characters the model has seen whose UTF-8 bytes fit ``part`` (known bytes as they
    are, each unknown one as its kind allows), likeliest first."""
    length = len(part)
    known = tuple(k for k in range(length) if part[k] is not None)
    found: list[str] = []
    for data, ch in _by_known(length, known).get(tuple(part[k] for k in known), ()):  # type: ignore[misc]
        if _fits(data, part, kinds):
            found.append(ch)
            if len(found) == MAX_CANDIDATES:
                break
    return tuple(found)
