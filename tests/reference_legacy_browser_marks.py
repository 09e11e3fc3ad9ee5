"""The Python original of ``legacy_browser_marks._fitting`` (cleaner/repair/legacy_browser_marks.py)
for a part with unknown bytes, which now searches the packed codes of the source's characters with
a pattern of a byte class a place: a loop over the characters with the known bytes, each asked the
browser's rule for its bytes (``whatwg_marks.fits``). Kept as the oracle
tests/test_legacy_browser_marks.py holds the search to."""

from __future__ import annotations

from cleaner.repair.legacy_browser_marks import WIDE, _by_known
from cleaner.repair.whatwg_marks import BY_NAME, fits


def fitting(part: tuple[int | None, ...], kinds: tuple[str, ...], name: str, source: str) -> tuple[str, ...]:
    browser = BY_NAME[name]
    known = tuple(k for k in range(len(part)) if part[k] is not None)
    found: list[str] = []
    for data, ch in _by_known(source, known).get(tuple(part[k] for k in known), ()):  # type: ignore[misc]
        if fits(data, part, kinds, browser):
            found.append(ch)
            if len(found) == WIDE:
                break
    return tuple(found)
