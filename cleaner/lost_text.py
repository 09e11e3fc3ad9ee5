"""Lines whose every character was lost: ``??????500?`` is a Chinese line saved in a code page that
has none of its characters (a Windows "ANSI" round trip: cp1252, Latin-1, ASCII).

Why: each character such an encoder cannot write becomes ``?``, and a Chinese text through it keeps
only its digits, ASCII signs and line breaks. Nothing can read it back (the bytes are gone, and a
guess would be invented text), so it is kept as it is; but it is no text either, and a corpus
should know: a ``lost-text`` finding names each block of such lines, to fetch again from the
source. Detection only: no text is changed. ``lost_chars`` reports the ``?`` of a few characters
lost among Han; a line here holds no character but ``?`` to stand among.

A line counts when it holds MIN_MARKS ``?`` at least, a run of two at least (questions end one at a
time: ``What??`` in English is one run of a text that keeps its letters), and no letter at all
(Han, Latin or other): a line of a question mark after digits (``1.?``) or a Latin text with its
questions keep their letters and are not counted.
"""

from __future__ import annotations

import re

from cleaner.model import Finding

MIN_MARKS = 4  # "?" a line must hold: 1/2? or 3? is a fraction or a number with a question
_LINE = re.compile(r"[^\n]+")
_RUN = re.compile(r"\?{2,}")


def is_lost(line: str) -> bool:
    """Does ``line`` hold only lost characters (``?``), digits, ASCII signs and spaces?

    >>> is_lost("?????30????1????1?"), is_lost("1. ????2.5???"), is_lost("What??"), is_lost("1/2?")
    (True, True, False, False)
    """
    if line.count("?") < MIN_MARKS or not _RUN.search(line):
        return False
    return not any(ch.isalpha() for ch in line)


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each lost line: kept as it is (its "?" are no questions to make ？)."""
    if "??" not in text:
        return []
    return [m.span() for m in _LINE.finditer(text) if is_lost(m.group())]


def findings(text: str) -> list[Finding]:
    """One ``lost-text`` finding for each block of lost lines (next to each other, or with blank
    lines between), at its first line's place in ``text``."""
    if "??" not in text:
        return []
    out: list[Finding] = []
    start = count = 0
    last_end = -1
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        if is_lost(line):
            if not count:
                start = m.start()
            count += 1
            last_end = m.end()
            continue
        if count and "??" in line and not any(ch.isalpha() for ch in line):
            count += 1  # a short lost line (a heading's ???) inside the block goes with it
            last_end = m.end()
            continue
        if count:
            out.append(_finding(start, count, last_end))
            count = 0
    if count:
        out.append(_finding(start, count, last_end))
    return out


def _finding(start: int, count: int, end: int) -> Finding:
    return Finding("lost-text", start, f"{count} line(s) ({end - start} characters) with every character but "
                   "digits and signs written '?': saved in a code page without them, the text is gone; fetch the source again")
