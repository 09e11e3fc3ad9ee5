"""Escapes a text quotes as examples: material the text talks about, not text to decode.

Why: an article about encodings writes ``\\xE4\\xB8\\xAD``, ``"\\u4e2d\\u6587"``, ``&#20013;`` or
``printf("\\344\\275\\240")`` to show what escapes look like; decoded, its sentence says something
else (字符串 "\\u4e2d\\u6587" 与 "中文" 完全相同 became 字符串 "中文" 与 "中文" 完全相同). Escaped text
in the wild is escaped whole: a JSON dump, a log's value, a page whose entities were written by a
tool run over every character of it. Chinese written by hand around a run of escapes, with the
run set apart from it, says the run was written on purpose.

A run of escapes is an example when it stands:
- in Chinese prose, set apart: on each side one to ``MAX_DELIMITERS`` spaces, quote marks,
  backticks or brackets, and beyond them a Han character or a CJK sign (a sentence's 。，；：！？、
  may follow the run directly): ``写成 \\xE4\\xB8\\xAD 这样的形式``, ``字符串 "\\u4e2d" 与``;
- or as a call's quoted argument, which is code's: ``printf("\\344\\275\\240")``.

Set apart in prose, a run is still no example when it is longer than a word (more than
``MAX_EXAMPLE_BYTES``: eight characters of UTF-8, an escape of a whole character counted as its
three bytes), or when it goes on across a clause sign to another escape (``\\u4eca\\u5929，\\u6211``).
An article shows a character or a word escaped; a sentence escaped whole, or all but its
punctuation, set apart in Chinese is a feed's or a template's value: text to read (read piece by
piece, it came out half decoded).

Nothing else: a run glued to the text beside it (``&ldquo;双创&rdquo;``, ``标题：\\u4e2d\\u6587网站``),
at a line's edge or among Latin words (an English sentence, a record's ``key: value``) is read as
before. Decisions depend on the run and the few characters around it only, which decoding the run
does not change: a second clean sees the same runs set apart and keeps them again (idempotent).
"""

from __future__ import annotations

import re

from cleaner.chardata import HAN_CLASS

MAX_DELIMITERS = 2
_DELIMITERS = frozenset(" \t\"'`“”‘’「」『』()（）[]【】《》〈〉")
_CJK = re.compile(rf"[{HAN_CLASS}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]")
# Signs that end or split a Chinese clause: a run may stand right before them.
_CLAUSE_SIGNS = frozenset("。，；：！？、")
# A call's quoted argument: an identifier, "(", the opening quote; the closing quote, then "," or ")".
_CALL_BEFORE = re.compile(r"[A-Za-z_][\w.]*\(\s*([\"'])\Z")
_CALL_AFTER = re.compile(r"([\"'])\s*[,)]")


# A run of entities, each escaped any number of times (&amp;amp;#20013;).
ENTITY_RUN = re.compile(r"(?:&(?:amp;)*(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)+")
# A run of backslash escapes of any kind: \uXXXX, \U0001XXXX, \xHH, C's octal \344.
ESCAPE_RUN = re.compile(r"(?:\\u[0-9a-fA-F]{4}|\\U00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\[0-3][0-7]{2})+")


def is_example(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]``, a run of escapes, one the text quotes as an example (the
    module's docstring)?

    >>> line = '字符串 "\\\\u4e2d\\\\u6587" 与中文相同'
    >>> is_example(line, 5, 17)
    True
    >>> is_example('标题：\\\\u4e2d\\\\u6587网站', 3, 15)
    False
    """
    # A word set apart in prose; a call's argument is code's at any length.
    word = _bytes(text, start, end) <= MAX_EXAMPLE_BYTES and not _across_clause_sign(text, start, end)
    return word and _in_prose(text, start, end) or _call_argument(text, start, end)


MAX_EXAMPLE_BYTES = 24
_WIDE_ESCAPE = re.compile(r"\\[uU]")


def _bytes(text: str, start: int, end: int) -> int:
    """The bytes the run stands for, at least: three for an escape of a character (an entity,
    each starting with its one ``&``, or ``\\u``), one for a byte's (``\\xE4``, ``\\344``)."""
    wide = len(_WIDE_ESCAPE.findall(text, start, end))
    escapes = text.count("\\", start, end)
    return 3 * (wide + text.count("&", start, end)) + escapes - wide


# One escape of either kind, at the start or at the end of the text searched.
_ONE = r"(?:&(?:amp;)*(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});|\\u[0-9a-fA-F]{4}|\\U00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\[0-3][0-7]{2})"
_ONE_AT_START = re.compile(_ONE)
_ONE_AT_END = re.compile(_ONE + r"\Z")
_LONGEST_ONE = 48  # &amp;amp;amp;...; is the longest an escape gets here (a few rounds of &amp;)


def _across_clause_sign(text: str, start: int, end: int) -> bool:
    """Does the run touch another escape across one clause sign, on either side?"""
    if end < len(text) and text[end] in _CLAUSE_SIGNS and _ONE_AT_START.match(text, end + 1):
        return True
    return (start > 0 and text[start - 1] in _CLAUSE_SIGNS
            and bool(_ONE_AT_END.search(text, max(0, start - 1 - _LONGEST_ONE), start - 1)))


def _in_prose(text: str, start: int, end: int) -> bool:
    i, skipped = start - 1, 0
    while i >= 0 and text[i] in _DELIMITERS and skipped < MAX_DELIMITERS:
        i, skipped = i - 1, skipped + 1
    if not skipped or i < 0 or not _CJK.match(text, i):
        return False
    j, skipped = end, 0
    while j < len(text) and text[j] in _DELIMITERS and skipped < MAX_DELIMITERS:
        j, skipped = j + 1, skipped + 1
    if j >= len(text):
        return False
    return bool(_CJK.match(text, j)) if skipped else text[j] in _CLAUSE_SIGNS


def _call_argument(text: str, start: int, end: int) -> bool:
    before = _CALL_BEFORE.search(text, max(0, start - 80), start)
    if not before:
        return False
    after = _CALL_AFTER.match(text, end)
    return bool(after) and after.group(1) == before.group(1)


def spans(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """The spans of ``pattern``'s matches in ``text`` that are examples, in order."""
    return [m.span() for m in pattern.finditer(text) if is_example(text, *m.span())]


def kept_spans(text: str) -> list[tuple[int, int]]:
    """The examples of either kind in ``text``: what the later stages (width, punctuation, script)
    leave as written, as they leave an address (the ``;`` of ``&#20013;`` is no clause's)."""
    found = spans(text, ENTITY_RUN) if "&" in text else []
    if "\\" in text:
        found += spans(text, ESCAPE_RUN)
    return sorted(found)


def outside(text: str, kept: list[tuple[int, int]], decode) -> str:
    """``text`` with ``decode`` run on each piece between the ``kept`` spans (in order, apart),
    which stay as written."""
    if not kept:
        return decode(text)
    pieces, last = [], 0
    for a, b in kept:
        pieces += [decode(text[last:a]), text[a:b]]
        last = b
    return "".join(pieces) + decode(text[last:])
