"""The Python original of ``whatwg_marks.fitting`` (cleaner/repair/whatwg_marks.py), which now
searches the packed bytes of the vocabulary's characters with a pattern of a byte class a place:
a loop over the characters with the known bytes, each asked every unknown place's test. Kept as
the oracle tests/test_whatwg_marks.py holds the search to, and as the decoders' rule for a
character's bytes (``fits``)."""

from __future__ import annotations

from cleaner.repair.multi_byte_marks import _by_known
from cleaner.repair.whatwg_marks import (ALONE, BY_NAME, FIRST, MAX_CANDIDATES, NAME, ONE, SECOND, THREE_1, THREE_2, THREE_3,
                                         Browser, _codes)


def fits(data: bytes, part: tuple[int | None, ...], kinds: tuple[str, ...], browser: Browser) -> bool:
    """Do a character's UTF-8 bytes ``data`` fit ``part``'s unknown places, each as its kind
    allows under ``browser``?"""
    codes = _codes(browser.name)
    n = len(part)
    for k, b in enumerate(part):
        if b is not None:
            continue
        kind, x = kinds[k], data[k]
        if kind == ONE and x not in browser.alone:
            return False
        if kind in (FIRST, ALONE) and x not in browser.leads:
            return False
        if kind in (SECOND, THREE_3) and x < 0x80:
            return False
        if kind == THREE_1 and x not in browser.three:
            return False
        if kind == THREE_2 and x not in browser.three_second:
            return False
        # Where one character holds the whole mark, its bytes are no code: they would have been read.
        if kind == FIRST and k + 1 < n and kinds[k + 1] == SECOND and (x << 8 | data[k + 1]) in codes:
            return False
        if kind == THREE_1 and k + 2 < n and (x << 16 | data[k + 1] << 8 | data[k + 2]) in codes:
            return False
    return True


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
