"""Where in a window a re-read could be accepted at all: a cheap pass before the costly one.

The mojibake repair tries to re-read a window of misread-looking text from each of its start
positions: it turns the text from there into bytes (``decoders.byte_view``), reads them in each
candidate source (``reread.read``), chooses the lost bytes and scores the result. On clean text
around a rare character almost every start is refused, but only after all that work, because a
reading must cover a character that marks the stretch as misread (a rare one) and enough non-ASCII
characters to be evidence, and clean text read in a wrong source breaks off within a character
or two. This gate answers "can any reading from here cover that much?" for every start of a
window at once.

It runs in the native core (native/src/startgate.rs): ``PageGate`` scans the page once (each
family's byte view, where each character's bytes begin, where a start's view ends) and then
answers each window in one call, with the window's own bounds, exactly as the Python original
answers it on the window alone (kept as tests/reference_startgate.py, which the property tests
hold the native gate to).

It only ever says "no" when the full re-read would refuse too. With every byte known and none
taken back, ``reread`` reads one character at a time from its own bytes, so a reading from a
start is the chain of those characters; a start where dropped bytes may be taken back
(``utf8_like``) or a window holding U+FFFD (bytes of unknown value) is always left to the full
re-read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from cleaner import _native
from cleaner.repair import decoders


def utf8_like(stream) -> bool:
    """Could these bytes be UTF-8 Chinese with some dropped? Two of its three bytes are
    continuation bytes (80-bf); GBK and Big5 text has about one in four there. Taking dropped
    bytes back costs a scan of thousands of characters, so it is tried only on such bytes."""
    high = [b for b in stream[:UTF8_LIKE_BYTES] if b >= 0x80]
    if len(high) < 6:
        return False
    cont = sum(1 for b in high if b < 0xC0)
    lead = sum(1 for b in high if 0xE0 <= b <= 0xEF)
    # Shares in percent: UTF-8 Chinese is 67% continuation and 33% lead bytes, nothing else.
    return 100 * cont >= 55 * len(high) and 100 * lead >= 20 * len(high) and 100 * (cont + lead) >= 90 * len(high)


UTF8_LIKE_BYTES = _native.UTF8_LIKE_BYTES  # the bytes ``utf8_like`` looks at, here and natively


REGION = 1 << 16  # characters the native gate covers at once (about 2 MB of its tables)


class PageGate:
    """The start gate of one page: which starts of a window of it could give an accepted re-read.

    ``views``: (family, sources) pairs as ``mojibake._best_span`` reads them. ``marks``: the
    characters that mark a misread stretch, one of which a stretch must hold (a pattern matching
    one; None: none needed). ``min_wide``: per source, the non-ASCII characters an accepted
    stretch holds at least. ``max_span``: the characters ``_best_span`` looks ahead at once.

    The native gate holds a few words per character, so it covers a region of the page at a
    time: ``region`` characters from the first window asked about, or the window if longer, and
    a new region when a window falls outside (windows come in page order). A window's answers do
    not depend on the region it is asked in.
    """

    def __init__(self, text: str, views: tuple, marks: re.Pattern | None, min_wide: dict[str, int],
                 max_span: int, region: int = REGION) -> None:
        self.text = text
        self.pairs = tuple((family, source) for family, sources in views for source in sources)
        self._spec = [(family, [(source, min_wide[source]) for source in sources]) for family, sources in views]
        self._marks = marks
        self._max_span = max_span
        self._size = region
        self._region = (0, 0)
        self._native: _native.StartGate | None = None

    def window(self, lo: int, hi: int, stop: int, open_: bool = False) -> WindowGate:
        """The gate of the window ``text[lo:hi]``, whose starts are ``0..stop`` (offsets in the
        window). ``open_``: let every start through (the window holds a mark of lost bytes,
        which the caller accepts without the evidence the gate asks for)."""
        if open_:
            return WindowGate(None, self.pairs)
        if not 0 <= lo <= hi <= len(self.text):
            raise ValueError(f"window {lo}..{hi} outside a page of {len(self.text)}")
        start, end = self._region
        if self._native is None or not start <= lo <= hi <= end:
            start, end = lo, min(len(self.text), max(hi, lo + self._size))
            region = self.text[start:end]
            marks = None if self._marks is None else [m.start() for m in self._marks.finditer(region)]
            self._native = _native.StartGate(decoders.native_codes(), region, self._spec, marks, self._max_span)
            self._region = (start, end)
        return WindowGate(dict(self._native.starts(lo - start, hi - start, stop)), self.pairs)


class WindowGate:
    """A window's answers: ``readings(i)`` per start (offsets in the window); ``closed`` when no
    start of the window may give an accepted re-read (its text is left as it is)."""

    __slots__ = ("_starts", "_pairs", "_order")

    def __init__(self, starts: dict[int, int] | None, pairs: tuple) -> None:
        self._starts = starts
        self._pairs = pairs
        self._order: list[int] | None = None  # the starts with a reading, ascending: made when asked

    @property
    def starts(self) -> dict[int, int] | None:
        """{start: its readings as bits, in the order of the page gate's pairs} of the starts let
        through (None: every start, every reading)."""
        return self._starts

    @property
    def closed(self) -> bool:
        return self._starts is not None and not self._starts

    def may_start(self, i: int) -> bool:
        """False only if no view and source can read, from ``i``, a stretch the repair would accept."""
        return self._starts is None or i in self._starts

    def next_start(self, i: int) -> int | None:
        """The first start from ``i`` on with a reading (``readings`` not empty); None if none.
        A caller walking a window start by start passes the refused ones at once (on misread
        text most of them), not one Python step each."""
        if self._starts is None:
            return i
        if self._order is None:
            self._order = sorted(k for k, bits in self._starts.items() if bits)
        k = bisect_left(self._order, i)
        return self._order[k] if k < len(self._order) else None

    def readings(self, i: int) -> frozenset[tuple[str, str]] | None:
        """The (family, source) pairs whose reading from ``i`` may be accepted (None: any may)."""
        if self._starts is None:
            return None
        return _pairs_of(self._pairs, self._starts.get(i, 0))


@lru_cache(maxsize=256)
def _pairs_of(pairs: tuple, bits: int) -> frozenset[tuple[str, str]]:
    """The pairs whose bits are set (the native gate's answer for a start)."""
    return frozenset(pair for k, pair in enumerate(pairs) if bits >> k & 1)
