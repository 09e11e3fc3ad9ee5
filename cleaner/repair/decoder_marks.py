"""The marks real decoders leave where they rejected bytes, besides U+FFFD and ``?``.

Why: the byte repairs read U+FFFD as lost bytes (and ``question_marks`` tries ``?`` as one), but
programs write their own marks:

- ICU (``ucnv_toUChars`` with its SUBSTITUTE callback, through a table with a one-byte
  substitution such as IBM's GBK, ibm-1386: DB2, AS/400, Java on z) writes the SUB control
  U+001A for a one-byte illegal sequence, U+FFFD for a longer one;
- Win32 ``MultiByteToWideChar(936)`` writes its code page's default character, the katakana
  middle dot U+30FB, for a pair of bytes its table lacks;
- Excel opening a UTF-8 CSV as ANSI (936) and saving it back as ANSI writes that U+30FB as A1A4
  by best fit, which reads back as the middle dot U+00B7.

A SUB is no text's character (the invisible-character stage deletes it after the repairs, and
deleted before them it put the reading out of step); the two dots are text's own (钱·钟书,
ジョン・スミス): so each is a candidate only beside a character beyond ASCII (``candidates``), and
``question_marks.tried`` reads it as U+FFFD in a trial that a line takes only where the trial
leaves fewer characters that look misread. A clean dot between clean characters changes nothing
the repair reads, and stays.

How many bytes a mark stands for: Python's and ICU's grammar marks one rejected sequence (the
byte after a bad lead is read again), as the repairs read U+FFFD. Windows' (Win32, .NET, and
Excel through it) takes a lead byte with whatever follows it, so its mark stands for a pair whose
second byte may have been ASCII (a digit after 年's last byte) or the next character's lead: read
as one lost byte, the character before the mark comes back, the byte after it does not (two
U+FFFD a mark read worse: the repairs take a second rejected byte for another bad lead, never
ASCII).
"""

from __future__ import annotations

import re

# Each program's mark for rejected bytes, other than U+FFFD and "?" (question_marks.py's own).
SUB = "\x1a"  # ICU's one-byte substitution character
WIN32_DEFAULT = "\u30fb"  # Win32's default character of code page 936 (katakana middle dot)
BEST_FIT_DOT = "\u00b7"  # that default character saved back to 936 by best fit (Excel's CSV round trip)
MARKS = SUB + WIN32_DEFAULT + BEST_FIT_DOT
# Bytes each mark stands for, where not one: Windows takes a lead byte with the byte after it.
BYTES = {WIN32_DEFAULT: 2, BEST_FIT_DOT: 2}
# A run of one mark with a character beyond ASCII (not itself a mark) right before or after it.
# Written XX*, not X+: re skips ahead to a pattern's first character only when the pattern names it,
# which a repeat does not (X+ was tried at every character of a page: 9 µs a search, 1 each now).
_RUNS = {mark: re.compile(re.escape(mark) * 2 + "*") for mark in MARKS}


def present(text: str) -> bool:
    """Does ``text`` hold any of the marks (a search for each literal)?"""
    return any(mark in text for mark in MARKS)


def candidates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of a mark that stands beside a character beyond ASCII: where a
    decoder's mark would sit inside misread text. The dots are tried only on a page without
    U+FFFD (a decoder that marked with U+FFFD wrote no dots); a SUB is ICU's beside U+FFFD too."""
    found: list[tuple[int, int]] = []
    replaced = "\ufffd" in text
    for mark in MARKS:
        if mark not in text or (replaced and mark != SUB):
            continue
        for run in _RUNS[mark].finditer(text):
            a, b = run.span()
            before = text[a - 1] if a else ""
            after = text[b] if b < len(text) else ""
            if any(ch and not ch.isascii() and ch not in MARKS and not ch.isspace() for ch in (before, after)):
                found.append((a, b))
    return sorted(found)
