"""The article's run of like lines between its headline and its body: a poem, prize lines, a roll.

Body finding (``body.py``) weighs prose, and an article of short lines has little: a poem's lines
(``弯弯地绕过村口``), a sports day's results (``田径男子组100公尺 第一名 北屯区 林冠宇 10秒85``), a
roll of names and units, a menu's dishes and prices, a speaker's turns, stand between the headline
and a paragraph or two of prose that became the body. There, in the head zone, short lines go as
a byline's or a menu's (``head``, ``short_run``), and the article lost its first part. Counted
rows (``counted_rows.py``: ordinals, a rising time, a block of facts) are one such shape; the
article's rows take many others, and what they share is a **shape** one line to the next:

- ``label``: a key before a colon (a speaker ``记者：``, a prize ``一等奖：``, a caption ``图一：``);
- ``mark``: a marker in brackets opening the line (``【主持人】``, ``[问]``);
- ``spaced``: items parted by spaces (``秃黄油拌面 68元``, ``王秀兰 南川市第一人民医院``);
- ``plain``: words alone, without a mark of punctuation or a digit (a poem's or a song's line).

Furniture between a headline and its article has other forms, or signs the caller knows: a
byline's stamp, date and keys (``来源``, ``作者``: the lexicon's keys; ``RECORD_KEY``), a share row's
furniture words, a video card's link, a pager. So the body grows upwards over a run of at least
``MIN_ROWS`` consecutive lines of one shape (``shaped_runs``), each ``ROW_MAX`` characters at most
and ``fits`` (the caller: no furniture sign, no stamp, key or date), ending at most ``REACH`` lines
above the body with only fitting lines between, and lying wholly below the line the page's title
names (the headline: no run grows without one, since above the article's top stand the site's
menus, whose items are runs of one shape too). Below the body the article's like lines are left to the
model: a related list's titles, a blog's other posts and a comment's lines are runs of one shape there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cleaner.furniture.counted_rows import RECORD_KEY

MIN_ROWS = 3  # consecutive lines of one shape that make a run
REACH = 2  # lines at most between the run and the body
ROW_MAX = 60  # characters of a row (a line, not a paragraph)

# Folded and NFKC lines: full-width colons and brackets are ASCII or kept as they are.
_LABEL = re.compile(r"^([^:\s]{1,12})\s*:\s*\S")
_MARK = re.compile(r"^(?:【[^】]{1,10}】|\[[^\]]{1,10}\])\s*\S")
_PUNCT_OR_DIGIT = re.compile(r"[\d\W_]")


def shape(text: str) -> str | None:
    """The shape of one line (see the module's docstring), or None."""
    text = text.strip()
    if not text or len(text) > ROW_MAX:
        return None
    m = _LABEL.match(text)
    if m:
        return None if RECORD_KEY.search(m.group(1)) else "label"
    if _MARK.match(text):
        return "mark"
    if len(text.split()) >= 2:
        return "spaced"
    return None if _PUNCT_OR_DIGIT.search(text) else "plain"


def shaped_runs(texts: Sequence[str], fits: Callable[[int], bool]) -> list[tuple[int, int]]:
    """(first, last) of the runs of at least ``MIN_ROWS`` consecutive lines of one ``shape``, each
    one the caller ``fits``."""
    out: list[tuple[int, int]] = []
    start, kind = 0, None
    for pos in range(len(texts) + 1):
        here = shape(texts[pos]) if pos < len(texts) and fits(pos) else None
        if here is not None and here == kind:
            continue
        if kind is not None and pos - start >= MIN_ROWS:
            out.append((start, pos - 1))
        start, kind = pos, here
    return out


def grow_over_runs(texts: Sequence[str], first: int, last: int, fits: Callable[[int], bool], headline: int,
                   taken: Callable[[int], bool] = lambda pos: False) -> int:
    """The body's new first position: ``first`` moved up over each run of ``shaped_runs`` ending
    at most ``REACH`` lines above it, the lines between fitting too, the run below ``headline``
    (the position of the line the page's title names; -1: none, and nothing grows), and no line
    taken before the model judged between the run and the body (``taken(pos)``: by a rule or a
    portal family, right above ``pos``)."""
    if last < first or headline < 0 or first - headline <= MIN_ROWS:
        return first
    below = headline + 1  # the runs among the lines under the headline (a headline may have a label's shape)
    runs = [(below + a, below + b) for a, b in shaped_runs(texts[below:first], lambda pos: fits(below + pos))]
    for start, end in reversed(runs):
        if first - end - 1 > REACH:
            break
        if all(fits(p) for p in range(end + 1, first)) and not any(taken(p) for p in range(end + 1, first + 1)):
            first = start
    return first

