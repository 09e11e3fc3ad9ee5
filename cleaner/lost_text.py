"""Lines whose every character was lost: ``??????500?`` is a Chinese line saved in a code page that
has none of its characters (a Windows "ANSI" round trip: cp1252, Latin-1, ASCII).

Why: each character such an encoder cannot write becomes ``?``, and a Chinese text through it keeps
only its digits, ASCII signs and line breaks. Nothing can read it back (the bytes are gone, and a
guess would be invented text), so it is kept as it is; but it is no text either, and a corpus
should know: a ``lost-text`` finding names each block of such lines, to fetch again from the
source. Detection only: no text is changed. ``lost_chars`` reports the ``?`` of a few characters
lost among Han; a line here holds no character but ``?`` to stand among.

A line counts when it holds MIN_MARKS ``?`` at least, a run of two at least, and more than
LETTERS_MAX marks for each letter it kept (Han, Latin or other: the code page kept the Latin words
of a Chinese text, ``????LPS????``): a line of a question after digits (``1.?``) or a text that
kept its letters with its questions (``What??``) is not counted.
"""

from __future__ import annotations

import re

from cleaner.model import Finding

MIN_MARKS = 4  # "?" a line must hold: 1/2? or 3? is a fraction or a number with a question
# Letters a lost line may hold, for each "?" beyond this many: the Latin words the code page kept
# (????Marcelo Sergipano????…, ????LPS????); a text that keeps its letters holds many more.
LETTERS_MAX = 2
_LINE = re.compile(r"[^\n]+")
_RUN = re.compile(r"\?{2,}")


def is_lost(line: str) -> bool:
    """Does ``line`` hold lost characters (``?``), digits, signs and spaces, and few letters
    beside them (fewer than one for each LETTERS_MAX marks)?

    >>> is_lost("?????30????1????1?"), is_lost("1. ????2.5???"), is_lost("????LPS????RAW264.7??????")
    (True, True, True)
    >>> is_lost("What??"), is_lost("1/2?"), is_lost("Why??? Because I said so???")
    (False, False, False)
    """
    marks = line.count("?")
    if marks < MIN_MARKS or not _RUN.search(line):
        return False
    return marks > LETTERS_MAX * sum(map(str.isalpha, line))


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
        if count and "??" in line and line.count("?") > LETTERS_MAX * sum(map(str.isalpha, line)):
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
