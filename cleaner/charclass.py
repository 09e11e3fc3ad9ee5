"""Membership in a big set of characters, tested at C speed over whole texts.

Detectors ask "does this text hold any character of set S?" and "how many?" for sets of
thousands of characters (the rare characters of the model, the script-only characters). A
Python loop over characters runs at a few MB/s. ``re`` compiles a class of Basic Multilingual
Plane characters into a bitmap and scans at hundreds of MB/s, but a single character beyond the
BMP in the class turns it into a list it checks one entry at a time (about 15 MB/s). So the class
holds the BMP members plus the whole astral range, and astral hits are checked against the set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

from cleaner import _native
from cleaner.chunks import pieces

ASTRAL = "\U00010000-\U0010ffff"
_ANY_ASTRAL = re.compile(f"[{ASTRAL}]")


class CharClass:
    """A set of characters with fast ``search`` and ``count`` over texts.

    >>> cc = CharClass("國務\U00020000")
    >>> cc.count("国務院國\U00020000\U00020001"), cc.search("国务院") is None
    (3, True)
    """

    def __init__(self, chars: Iterable[str]) -> None:
        members = frozenset(chars)
        self.members = members
        self._native: _native.CharSets | None = None
        self._last: tuple[str | None, re.Match | None] = (None, None)  # the last text searched whole, and its answer
        # max() at C speed first: most classes hold no character beyond the BMP, and a Python
        # pass over tens of thousands of members cost several ms a class.
        self.astral = frozenset(ch for ch in members if ord(ch) > 0xFFFF) if members and max(members) > "\uffff" else frozenset()

    # The patterns are compiled on first use: a class of thousands of characters takes ``re``
    # 10-40 ms to compile, and a class only counted (natively) never needs them.
    @cached_property
    def pattern(self) -> re.Pattern:
        bmp = "".join(_ranges(sorted(ord(ch) for ch in self.members if ord(ch) <= 0xFFFF)))
        astral = ASTRAL if self.astral else ""
        return re.compile(f"[{bmp}{astral}]") if bmp or astral else re.compile("(?!)")

    @cached_property
    def runs(self) -> re.Pattern:
        return re.compile(f"(?:{self.pattern.pattern})+")

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        """The first member in ``text`` from ``pos``, or None. The answer for the whole of the
        last text is kept: script conversion asks a page whether it holds Traditional characters
        twice (its script, then its foreign sentences), a scan of the whole of a Simplified page
        each time."""
        seen, answer = self._last  # one read of the pair: a reader never sees one text with another's answer
        if pos == 0 and seen is text:
            return answer
        found = next((m for m in self.pattern.finditer(text, pos) if self._real(m.group())), None)
        if pos == 0:
            self._last = (text, found)  # held until the next text is searched (one pair)
        return found

    def holds(self, text: str, start: int, end: int) -> bool:
        """Does ``text[start:end]`` hold a member? Searched in place, the piece never copied."""
        m = self.pattern.search(text, start, end)
        while m is not None and not self._real(m.group()):
            m = self.pattern.search(text, m.end(), end)
        return m is not None

    def count(self, text: str) -> int:
        """How many characters of ``text`` are members: one native pass (a table of the BMP
        members, built on first count); a text beyond the BMP (or with a lone surrogate) in C
        passes over bounded pieces. The regex way builds a copy of the text without its members,
        several times the native pass on a page (script conversion counts both scripts a page)."""
        found = self._table().count(text, 0)
        return sum(self._count(piece) for piece in pieces(text)) if found is None else found

    def sentences_holding(self, text: str) -> list[tuple[int, int]] | None:
        """(start, end) of each sentence of ``text`` (script conversion's: a run of characters
        ending no sentence and no line, ``[^。！？!?\\n]+``, with the 。！？!? after it) holding a
        member, in one native pass; None for a text beyond the BMP (or with a lone surrogate),
        which the caller reads with its own pattern. The Python original, a search per sentence,
        is tests/reference_convert.py."""
        return self._table().sentences_with(text, 0)

    def _table(self) -> _native.CharSets:
        """The BMP members as a native table, built on first use."""
        if self._native is None:
            bmp = "".join(ch for ch in self.members if ord(ch) <= 0xFFFF) if self.astral else "".join(self.members)
            self._native = _native.CharSets([bmp])
        return self._native

    def _count(self, text: str) -> int:
        n = len(text) - len(self.runs.sub("", text))
        if self.astral and _ANY_ASTRAL.search(text):
            n -= sum(1 for m in _ANY_ASTRAL.finditer(text) if m.group() not in self.astral)
        return n

    def _real(self, ch: str) -> bool:
        return ord(ch) <= 0xFFFF or ch in self.astral


def _ranges(codes: list[int]) -> Iterator[str]:
    """Consecutive code points as ``a-b`` ranges, escaped for a class (``re.escape`` escapes ASCII
    signs only: a class of thousands of Han is written without a call a character)."""
    if not codes:
        return
    start = prev = codes[0]
    for code in codes:
        if code > prev + 1:
            yield _class_range(start, prev)
            start = code
        prev = code
    yield _class_range(start, prev)


def _class_range(a: int, b: int) -> str:
    first = re.escape(chr(a)) if a < 0x80 else chr(a)
    if a == b:
        return first
    return f"{first}-{re.escape(chr(b)) if b < 0x80 else chr(b)}"
