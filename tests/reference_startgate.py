"""Reference oracle for the native start gate (native/src/startgate.rs), kept from
cleaner/repair/startgate.py.

The Python original, unchanged but for ``utf8_like`` (the product's, which the re-read itself
uses): it builds each family's byte view of one window and asks ``reread.read`` how far a reading
goes from each start. The property tests check that the native gate, built once per page and
asked per window, lets through exactly the starts and readings this one does. Not part of the
product.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from cleaner.repair import decoders, reread
from cleaner.repair.startgate import UTF8_LIKE_BYTES

# Byte classes ``utf8_like`` counts, as translation tables to 0/1: high bytes, continuation bytes
# (80-bf), three-byte lead bytes (e0-ef).
_CLASS_TABLES = tuple(bytes(1 if test(b) else 0 for b in range(256)) for test in (
    lambda b: b >= 0x80, lambda b: 0x80 <= b < 0xC0, lambda b: 0xE0 <= b <= 0xEF))


def _unit_length(source: str, lead: int) -> int:
    """The bytes of the character ``lead`` starts when none are lost or dropped (0: none starts).

    What ``reread`` reads in one step: an ASCII byte alone; in UTF-8 a lead byte and its
    continuation bytes; in a two-byte source a byte from 80 up and the byte after it.
    """
    if lead < 0x80:
        return 1
    if source != "utf-8":
        return 2
    return 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 0


@lru_cache(maxsize=1 << 16)
def _reads(source: str, family: str, unit: bytes) -> bool:
    """Does ``reread`` read ``unit`` (one character's known bytes) as one character of ``source``?

    Asked of ``reread.read`` itself, so the gate cannot disagree with the re-read: with every
    byte known, a character's reading depends on its own bytes only.
    """
    items, complete = reread.read(list(unit), source, family)
    return complete and len(items) == 1


class _View:
    """One family's byte view of a whole window: its bytes, where each character's bytes begin,
    and where each start's view ends."""

    __slots__ = ("family", "sources", "data", "offset", "segment_end", "_counts")

    def __init__(self, window: str, family: str, sources: tuple[str, ...]) -> None:
        self.family, self.sources = family, sources
        stream, ends = decoders.byte_view(window, family)
        if len(ends) == len(window):
            # Every character is one the family gives (the common case): one call, one stretch.
            self.data = bytes(stream)
            self.offset = [0, *ends]
            self.segment_end = [len(window)] * (len(window) + 1)
        else:
            self._by_character(window)
        self._counts: tuple[list[int], ...] | None = None

    def _by_character(self, window: str) -> None:
        data = bytearray()
        offset = [0] * (len(window) + 1)
        segment_end = [len(window)] * (len(window) + 1)
        encoded = [decoders.encode_char(ch, self.family) for ch in window]
        for k, code in enumerate(encoded):
            if code is not None:
                data += code
            offset[k + 1] = len(data)
        # byte_view stops before a character the family never gives: a start's view ends there.
        # Its bytes are left out of ``data``, so a reading across it goes at least as far as the
        # view's own (the bytes before it are the same).
        end = len(window)
        for k in range(len(window) - 1, -1, -1):
            if encoded[k] is None:
                end = k
            segment_end[k] = end
        self.data = bytes(data)
        self.offset = offset
        self.segment_end = segment_end

    def utf8_like(self, start: int, end: int) -> bool:
        """``utf8_like`` of the view from byte ``start`` (ending at ``end``), from running counts."""
        if self._counts is None:
            self._counts = tuple([0, *accumulate(self.data.translate(table))] for table in _CLASS_TABLES)
        high, cont, lead = self._counts
        end = min(end, start + UTF8_LIKE_BYTES)
        h, c, le = high[end] - high[start], cont[end] - cont[start], lead[end] - lead[start]
        return h >= 6 and 100 * c >= 55 * h and 100 * le >= 20 * h and 100 * (c + le) >= 90 * h

    def reaches(self, source: str, start: int, target: int) -> bool:
        """Does a reading in ``source`` from byte ``start`` (no bytes taken back) get to ``target``?

        Clean text read in a wrong source breaks off within a character or two, so this walks
        only that far.
        """
        data, family, size = self.data, self.family, len(self.data)
        while start < target:
            width = _unit_length(source, data[start])
            if not width or start + width > size or not _reads(source, family, data[start : start + width]):
                return False
            start += width
        return True


class StartGate:
    """Which start positions of a window could give an accepted re-read (``may_start``).

    ``views``: (family, sources) pairs as ``mojibake._best_span`` reads them. ``marked``: whether
    a stretch must hold one of the ``marks`` (indices of characters that mark a misread stretch).
    ``min_wide``: per source, the non-ASCII characters an accepted stretch holds at least.
    ``max_span``: the characters ``_best_span`` looks ahead at once. ``open_``: let every start
    through (the window holds what the caller accepts without ``min_wide``).
    """

    def __init__(self, window: str, views: tuple, marks: list[int] | None, min_wide: dict[str, int],
                 max_span: int, open_: bool = False) -> None:
        self.window = window
        # U+FFFD is a byte of unknown value, whose readings depend on the bytes around it; and
        # the caller may know of marks that make any stretch evidence (``open_``).
        self.open = open_ or "\ufffd" in window
        self.marks = marks
        self.min_wide = min_wide
        self.max_span = max_span
        self.wide = [k for k, ch in enumerate(window) if ch > "\x7f"]
        self.views = [] if self.open else [_View(window, family, sources) for family, sources in views]

    def may_start(self, i: int) -> bool:
        """False only if no view and source can read, from ``i``, a stretch the repair would accept."""
        return self.open or bool(self._readings(i, first_only=True))

    def readings(self, i: int) -> set[tuple[str, str]] | None:
        """The (family, source) pairs whose reading from ``i`` may be accepted (None: any may)."""
        return None if self.open else set(self._readings(i, first_only=False))

    def _readings(self, i: int, first_only: bool) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        need_mark = 0
        if self.marks is not None:
            k = bisect_left(self.marks, i)
            if k == len(self.marks):
                return found
            need_mark = self.marks[k] - i + 1
        first_wide = bisect_left(self.wide, i)
        for view in self.views:
            end = min(view.segment_end[i], i + self.max_span)
            if end - i < 2:
                continue
            start_byte = view.offset[i]
            end_byte = view.offset[end]
            for source in view.sources:
                k = first_wide + self.min_wide[source] - 1
                if k >= len(self.wide):
                    continue
                need = max(2, need_mark, self.wide[k] - i + 1)
                if need > end - i:
                    continue
                # Dropped bytes may be taken back where the bytes look like UTF-8: only the full
                # re-read knows how far that reading goes.
                if view.reaches(source, start_byte, view.offset[i + need]) or (
                        source == "utf-8" and view.utf8_like(start_byte, end_byte)):
                    found.append((view.family, source))
                    if first_only:
                        return found
        return found
