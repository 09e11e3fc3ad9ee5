"""What a page holds, for the prechecks of the repair stages: one native pass per text.

Most stages first ask whether the text holds any character of some class (an invisible
character, a rare one, a sign of measure misread, a Latin-1 letter) and return at once when it
does not, as most pages do not. Asked with a regex per stage, that is one scan of the page per
stage (``re`` scans a class at some 30 MB/s of Chinese text, ``regex`` slower). Here every class
is registered once (``any_of``), and one native pass over a text (native/src/charsets.rs) answers
for all of them. The answer is kept for the last text asked about: a stage that leaves the text
as it is returns the same str object, so a page the repairs do not change is scanned once.

A class is one regex character class (a pattern matching single characters, no look-around):
"the text holds a member" is then exactly "the pattern finds a match". Its members are read from
the pattern over the Basic Multilingual Plane, once; a text holding a character beyond it (or a
lone surrogate) is answered by the pattern itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleaner import _native

# The classes in the order of their bits; a class may be given as a function making its pattern
# (one built from the character model on first use).
_classes: list[Callable[[], re.Pattern]] = []
_sets: _native.CharSets | None = None
_last: tuple[str | None, int | None] = (None, None)  # the last text scanned and its bits


def any_of(pattern: re.Pattern | Callable[[], re.Pattern]) -> Callable[[str], bool]:
    """A test "does ``text`` hold a character of this class?" answered from the page's one scan.

    >>> marks = any_of(re.compile("[\\ufffd\\u20ac]"))
    >>> marks("价格\\u20ac5"), marks("价格5元")
    (True, False)
    """
    global _sets, _last
    make = pattern if callable(pattern) and not isinstance(pattern, re.Pattern) else (lambda: pattern)
    bit = 1 << len(_classes)
    _classes.append(make)
    _sets, _last = None, (None, None)  # built again with the new class on the next scan

    def holds(text: str) -> bool:
        bits = _bits(text)
        return make().search(text) is not None if bits is None else bool(bits & bit)

    return holds


def _bits(text: str) -> int | None:
    global _last, _sets
    seen, bits = _last
    if seen is text:
        return bits
    if _sets is None:
        bmp = _bmp()
        _sets = _native.CharSets(["".join(make().findall(bmp)) for make in _classes])
    bits = _sets.scan(text)
    # Held until the next text is scanned (a str cannot be referenced weakly); one pair, so that
    # a reader never sees one text with another's bits.
    _last = (text, bits)
    return bits


def _bmp() -> str:
    """Every BMP code point but the surrogates (which no scanned text holds)."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
