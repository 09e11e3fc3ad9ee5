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
    index, make = _register(pattern)
    bit = 1 << index

    def holds(text: str) -> bool:
        bits = _bits(text)
        return make().search(text) is not None if bits is None else bool(bits & bit)

    return holds


def table_of(pattern: re.Pattern | Callable[[], re.Pattern]) -> Callable[[], tuple[_native.CharSets, int]]:
    """The page scan's native table and this class's index in it, for a native pass that asks
    membership character by character (mojibake's lone rare characters). A class some stage
    registered already (the same compiled pattern) is found, not registered again.

    >>> rare = re.compile("[鑫]")
    >>> holds, table = any_of(rare), table_of(lambda: rare)
    >>> sets, index = table()
    >>> sets.scan("鑫") >> index & 1
    1
    """
    index = _index_of(pattern)

    def table() -> tuple[_native.CharSets, int]:
        at = index()  # first: registering builds the table again
        return _charsets(), at

    return table


def lines_with(pattern: re.Pattern | Callable[[], re.Pattern], least: int) -> Callable[[str], list[int]]:
    """The lines of a text (cut at "\\n", by index, in order) holding ``least`` characters of
    this class at least, counted in one native pass: a stage that reads only lines dense with
    some class (the two-byte read in step: rare Han) asks it once a page, not each line.

    >>> dense = lines_with(re.compile("[鑫淼]"), 2)
    >>> dense("鑫淼\\n的鑫\\n淼的淼")
    [0, 2]
    """
    make = _maker(pattern)
    index = _index_of(pattern)

    def lines(text: str) -> list[int]:
        at = index()  # first: registering builds the table again
        found = _charsets().lines_with(text, at, least)
        if found is None:  # a character beyond the BMP: the pattern counts
            return [k for k, line in enumerate(text.split("\n")) if len(make().findall(line)) >= least]
        return found

    return lines


def _maker(pattern: re.Pattern | Callable[[], re.Pattern]) -> Callable[[], re.Pattern]:
    if callable(pattern) and not isinstance(pattern, re.Pattern):
        return pattern

    def make() -> re.Pattern:
        return pattern

    make.given = pattern  # type: ignore[attr-defined]  # a second registration of it is found (_register)
    return make


def _index_of(pattern: re.Pattern | Callable[[], re.Pattern]) -> Callable[[], int]:
    """The class's index in the page scan, found on first use (when every class is built
    anyway): a class some stage registered already (the same compiled pattern) is not registered
    again (one_byte's rare-pair lines and mojibake's lone rare characters share rare Han)."""
    make = _maker(pattern)
    found: list[int] = []

    def index() -> int:
        if not found:
            wanted = make()
            known = next((k for k, other in enumerate(_classes) if other() is wanted), None)
            found.append(_register(make)[0] if known is None else known)
        return found[0]

    return index


def _register(pattern: re.Pattern | Callable[[], re.Pattern]) -> tuple[int, Callable[[], re.Pattern]]:
    """A new class: (its index, the function making its pattern). The same compiled pattern or
    the same function given again is the class already registered: the native table holds 32
    classes, and a caller asking every registered class again (tests/test_pagefacts.py) would
    otherwise register each twice."""
    global _sets, _last
    for k, known in enumerate(_classes):
        if known is pattern or getattr(known, "given", None) is pattern:
            return k, known
    make = _maker(pattern)
    _classes.append(make)
    _sets, _last = None, (None, None)  # built again with the new class on the next scan
    return len(_classes) - 1, make


def _charsets() -> _native.CharSets:
    """The classes registered so far, built on first use (again after a class is added)."""
    global _sets
    if _sets is None:
        _sets = _native.CharSets(_members([make() for make in _classes]))
    return _sets


def _members(patterns: list[re.Pattern]) -> list[str]:
    """Each class's members in the BMP. Reading them from the patterns over its 63,488 code
    points takes 50-90 ms, a tenth of a process's cold start, so each class's are kept in the
    tables cache under its own pattern (a changed class is read again) and in this process: the
    classes are registered in two waves a page (some only when the character model is built),
    and the table built again for the second asks the first wave's members once more."""
    return [_class_members(p) for p in patterns]


# Each class's members read so far in this process, by (flags, pattern).
_read: dict[tuple[int, str], str] = {}


def _class_members(pattern: re.Pattern) -> str:
    """One class's members, kept on disk under a name of its own (the hash of its pattern). One
    copy for the whole list of classes, named by the list, was replaced by the second wave's
    and that by the first's in the next process: both were read over the BMP at every start
    (0.1 s of CPU, a third of the warm-up a ``--jobs`` parent does alone)."""
    import hashlib

    from cleaner.tablecache import cached

    key = (pattern.flags, pattern.pattern)
    if key not in _read:
        name = hashlib.sha256(f"{pattern.flags}:{pattern.pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
        _read[key] = cached(f"pagefacts.{name}", [__file__], "2", lambda: "".join(pattern.findall(_bmp())))
    return _read[key]


def _bits(text: str) -> int | None:
    global _last
    seen, bits = _last
    if seen is text:
        return bits
    bits = _charsets().scan(text)
    # Held until the next text is scanned (a str cannot be referenced weakly); one pair, so that
    # a reader never sees one text with another's bits.
    _last = (text, bits)
    return bits


def _bmp() -> str:
    """Every BMP code point but the surrogates (which no scanned text holds)."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
