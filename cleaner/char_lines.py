"""Text set one character a line (a vertical-layout PDF copied row by row), joined back into lines.

Why: a PDF of vertical text (an old book, a Taiwan or Japanese layout) copied by a tool that
reads its glyphs row by row, or a narrow column one glyph wide, gives each character a line of
its own, a blank line between paragraphs (``上\\n海\\n成\\n立\\n于\\n1\\n9\\n9\\n5\\n年``). Every later
stage reads lines: the furniture model saw a lone digit as a page number and removed it (the
year 1995 became 195), a character repeated a page apart as a running head.

Evidence: RUN_MIN lines or more in a row, each holding one character of text (a letter, a
digit, a punctuation mark or an ASCII sign: 2007~2008), at least HAN_SHARE of them Han, and a
clause mark (，。、；) among its lines, or a run holding one beside it with blank lines only between
(a title cut before its clause mark, above its text). Prose never writes a paragraph so (a poem's
shortest line has three characters, a list's items are words); a list of single characters is
short, or not Han, or holds no clause and stands under a heading of its own; a
diagram's labels set vertically beside its arrows and box lines (环/境 beside │) hold no clause
and stay as drawn. Such a run is joined into one line; a blank line, another symbol (│ ↓ ☆), or
any line of two characters or more (a page number 12, a heading) ends it and stays as it stood.
A line of one space inside a run is the space between two words, a character of the column too.
Only the line breaks go: every character is kept.
"""

from __future__ import annotations

import re
import unicodedata

from cleaner import chardata

RUN_MIN = 8  # one-character lines in a row at least
_CLAUSE = frozenset("，。、；！？,;!?")
HAN_SHARE = 0.3  # of them Han at least (a paragraph quoting English titles is half Latin letters)
# Two one-character lines in a row after a line break: the cheap test a page passes before its lines
# are read (a run of RUN_MIN holds such a pair after its first line; the literal "\n" first lets
# the search skip to each line break at memchr's speed).
_TWO = re.compile(r"\n[ \t\u3000]*\S[ \t\u3000]*\n[ \t\u3000]*\S[ \t\u3000]*(?:\n|$)")


def join(text: str) -> str:
    """``text`` with each run of one-character lines joined (see the module's docstring).

    >>> join("\\n".join("上海公司成立于1995年，总部设于上海。") + "\\n\\n下一段。")
    '上海公司成立于1995年，总部设于上海。\\n\\n下一段。'
    >>> join("甲\\n乙\\n丙\\n\\n正文。") == "甲\\n乙\\n丙\\n\\n正文。"
    True
    """
    if not _TWO.search(text):
        return text
    lines = text.split("\n")
    runs: list[tuple[int, int]] = []  # (first, end) line indices of each run of RUN_MIN lines or more
    first = last = None
    for k, line in enumerate(lines + [""]):
        if len(chars := line.strip()) == 1 and (chars.isascii() or unicodedata.category(chars)[0] in "LNP"):
            first, last = k if first is None else first, k
            continue
        if line == " " and first is not None:
            continue  # the space between two words, a character of the column too (Sara / ␠ / Lee)
        if first is not None and last is not None and last + 1 - first >= RUN_MIN:
            runs.append((first, last + 1))  # a space line after the run's last character is no part of it
        first = last = None
    runs = _beside_a_clause([(a, b) for a, b in runs if _written(lines[a:b])], lines)
    if not runs:
        return text
    for a, b in reversed(runs):
        lines[a:b] = ["".join(line.strip() or line for line in lines[a:b])]
    return "\n".join(lines)


def _beside_a_clause(runs: list[tuple[int, int]], lines: list[str]) -> list[tuple[int, int]]:
    """The runs that hold a clause, and the runs with none that stand beside them, blank lines
    only between: a column copied so is so throughout, and a run cut before its clause mark (a
    title, a paragraph's short first part) is joined with its text. A list of single characters
    (一 / 二 / 三 … under a heading of its own) on a page that also holds such a column is no part of it."""
    out: list[tuple[int, int]] = []
    group: list[tuple[int, int]] = []  # runs with blank lines only between them
    clause = False
    for a, b in runs:
        if group and any(line.strip() for line in lines[group[-1][1]:a]):
            out += group if clause else []
            group, clause = [], False
        group.append((a, b))
        clause = clause or bool(_CLAUSE.intersection(line.strip() for line in lines[a:b]))
    return out + (group if clause else [])


def _written(run: list[str]) -> bool:
    """Is a run of one-character lines (spaces aside) Han enough to be Chinese text?"""
    chars = [line.strip() for line in run if line.strip()]
    return len(chars) >= RUN_MIN and sum(bool(chardata.HAN.match(ch)) for ch in chars) >= HAN_SHARE * len(chars)
