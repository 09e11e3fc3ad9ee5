"""The Python original of ``whatwg_marks.fitting`` (cleaner/repair/whatwg_marks.py), which now
searches the packed bytes of the vocabulary's characters with a pattern of a byte class a place:
a loop over the characters with the known bytes, each asked every unknown place's test. Kept as
the oracle tests/test_whatwg_marks.py holds the search to; each character asked the decoders' rule
for its bytes (``whatwg_marks.fits``, the product's rule for GBK's and Big5's characters)."""

from __future__ import annotations

from cleaner.repair.multi_byte_marks import _by_known
from cleaner.repair.whatwg_marks import BY_NAME, MAX_CANDIDATES, NAME, fits


def fitting(part: tuple[int | None, ...], kinds: tuple[str, ...], name: str = NAME) -> tuple[str, ...]:
    browser = BY_NAME[name]
    length = len(part)
    known = tuple(k for k in range(length) if part[k] is not None)
    found: list[str] = []
    for data, ch in _by_known(length, known).get(tuple(part[k] for k in known), ()):  # type: ignore[misc]
        if fits(data, part, kinds, browser):
            found.append(ch)
            if len(found) == MAX_CANDIDATES:
                break
    return tuple(found)
