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
- ``spaced``: items parted by spaces, one of them short or a number (``秃黄油拌面 68元``,
  ``王秀兰 南川市第一人民医院``; phrases alone, ``李嘉欣不如靠自己 知心伴侣难找``, are teasers' titles);
- ``plain``: words alone, two characters or more, without a mark of punctuation or a digit (a
  poem's or a song's line; a heading set upright gives one character a line).

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
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from cleaner.furniture.body_forms import FORM_ROWS  # lines of the body sharing a form (here: a key) for it to be the article's
from cleaner.furniture.counted_rows import RECORD_KEY, ordinal

MIN_ROWS = 3  # consecutive lines of one shape that make a run
REACH = 2  # lines at most between the run and the body
ROW_MAX = 60  # characters of a row (a line, not a paragraph)
APART = 4  # lines at most between a run the model keeps and the body (an advertisement's slot, a video card)

# Folded and NFKC lines: full-width colons and brackets are ASCII or kept as they are.
_LABEL = re.compile(r"^([^:\s]{1,12})\s*:\s*\S")
_MARK = re.compile(r"^(【[^】]{1,10}】|\[[^\]]{1,10}\])\s*\S")
_PUNCT_OR_DIGIT = re.compile(r"[\d\W_]")
_DIGIT = re.compile(r"\d")
ITEM_SHORT = 4  # characters of a row's short item (a name, a unit, a dish)


def shape(text: str) -> str | None:
    """The shape of one line (see the module's docstring), or None."""
    text = text.strip()
    if not text or len(text) > ROW_MAX or ordinal(text):
        return None  # a line opening with an ordinal is counted_rows.py's (above the body: a table of contents)
    m = _LABEL.match(text)
    if m:
        return None if RECORD_KEY.search(m.group(1)) else "label"
    if _MARK.match(text):
        return "mark"
    items = text.split()
    if len(items) >= 2:
        # A row's items are a name, a unit, a price, a score; a row of phrases only is titles (teasers).
        return "spaced" if any(len(item) <= ITEM_SHORT or _DIGIT.search(item) for item in items) else None
    return None if len(text) < 2 or _PUNCT_OR_DIGIT.search(text) else "plain"  # one character: a heading set upright


def shaped_runs(texts: Sequence[str], fits: Callable[[int], bool],
                keyed: Callable[[int], bool] = lambda pos: False) -> list[tuple[int, int]]:
    """(first, last) of the runs of at least ``MIN_ROWS`` consecutive lines of one ``shape``, each
    one the caller ``fits``, at most one more of them ``keyed`` than not, and two not (a furniture
    key of the lexicon opens the line: a byline set one field a line, ``作者：`` ``来源：`` ``摄影：``,
    is all keys; a reporter's questions, ``记者：``, alternate with the answers of a speaker the
    lexicon does not know, and a run cut where the body starts may hold one more question)."""
    out: list[tuple[int, int]] = []
    start, kind = 0, None
    for pos in range(len(texts) + 1):
        here = shape(texts[pos]) if pos < len(texts) and fits(pos) else None
        if here is not None and here == kind:
            continue
        if kind is not None and pos - start >= MIN_ROWS and _speakers(sum(map(keyed, range(start, pos))), pos - start):
            out.append((start, pos - 1))
        start, kind = pos, here
    return out


def _speakers(keyed: int, rows: int) -> bool:
    """A run of ``rows`` lines, ``keyed`` of them opened by a furniture key, is no byline's."""
    return rows - keyed >= 2 and keyed <= rows - keyed + 1


def grow_over_runs(texts: Sequence[str], first: int, last: int, fits: Callable[[int], bool], headline: int,
                   taken: Callable[[int], bool] = lambda pos: False, stop: Callable[[int], bool] = lambda pos: False) -> int:
    """The body's new first position: ``first`` moved up over each run of ``shaped_runs`` ending
    at most ``REACH`` lines above it, the lines between fitting too, the run below ``headline``
    (the position of the line the page's title names; -1: none, and nothing grows) with no
    ``stop`` between them (a furniture heading: ``目录`` over a table of contents), and no line
    taken before the model judged between the run and the body (``taken(pos)``: by a rule or a
    portal family, right above ``pos``)."""
    if last < first or headline < 0 or first - headline <= MIN_ROWS:
        return first
    below = headline + 1  # the runs among the lines under the headline (a headline may have a label's shape)
    runs = [(below + a, below + b) for a, b in shaped_runs(texts[below:first], lambda pos: fits(below + pos))]
    for start, end in reversed(runs):
        if first - end - 1 > REACH:
            break
        if all(fits(p) for p in range(end + 1, first)) and not any(taken(p) for p in range(end + 1, first + 1)) \
                and not any(stop(p) for p in range(headline + 1, start)):
            first = start
    return first


@lru_cache(maxsize=4096)  # asked of a page's lines by several readers of its runs
def key(text: str) -> str | None:
    """The speaker's or the field's key a ``label`` or ``mark`` line opens with (``记者``,
    ``【主持人】``), or None."""
    text = text.strip()
    m = _LABEL.match(text) or _MARK.match(text)
    return m.group(1) if m and shape(text) in ("label", "mark") else None


def own_keys(lines: Sequence[str]) -> set[str]:
    """The keys (``key``) at least ``FORM_ROWS`` of ``lines`` open with: the article's speakers or fields.
    A line of more than ``ROW_MAX`` characters has no shape, so no key: a body's paragraphs are not read."""
    counts = Counter(k for text in lines if (len(text) <= ROW_MAX or len(text.strip()) <= ROW_MAX) and (k := key(text)))
    return {k for k, n in counts.items() if n >= FORM_ROWS}


def head_rows(texts: Sequence[str], headline: int, first: int, fits: Callable[[int], bool],
              stop: Callable[[int], bool], keyed: Callable[[int], bool] = lambda pos: False) -> set[int]:
    """Positions of the rows of the runs of ``shaped_runs`` between the headline (``headline``:
    the position of the line the page's title names, -1: none) and the body's first line
    (``first``), with no ``stop`` (a furniture heading, an end marker: 相关阅读 over titles) between
    the headline and the run, and at most ``APART`` lines between the run and the body (an
    advertisement's slot, a video card, or a box's heading: an article of turns has no prose, and a
    box of prose under it, an author's bio under ``作者简介``, read as the body; the lines between
    are the model's to judge). What stands under a headline is the article's or a byline's, a
    share row's, an advertisement's, none of which is a run of like lines that fit."""
    if headline < 0 or first - headline <= MIN_ROWS:
        return set()
    below = headline + 1
    out: set[int] = set()
    for start, end in shaped_runs(texts[below:first], lambda pos: fits(below + pos), lambda pos: keyed(below + pos)):
        start, end = below + start, below + end
        if first - end - 1 <= APART and not any(stop(p) for p in range(below, start)):
            out.update(range(start, end + 1))
    return out


def tail_rows(texts: Sequence[str], body: tuple[int, int], fits: Callable[[int], bool], stop: Callable[[int], bool],
              keyed: Callable[[int], bool] = lambda pos: False) -> set[int]:
    """Positions of the rows of the runs of ``label`` or ``mark`` lines below the body, starting at
    most ``APART`` lines under it with no ``stop`` between, every row's key (``key``) one that
    ``FORM_ROWS`` lines of the body open with: the article's dialogue or questions and answers
    going on past an advertisement's slot (``问：`` ``答：`` above and below it). Comments and
    related titles below an article open with keys of their own (网友, 相关)."""
    first, last = body
    own = own_keys(texts[first : last + 1])
    if not own:
        return set()
    below, edge = last + 1, last
    out: set[int] = set()
    for start, end in shaped_runs(texts[below:], lambda pos: fits(below + pos), lambda pos: keyed(below + pos)):
        start, end = below + start, below + end
        if start - edge - 1 > APART or any(stop(p) for p in range(edge + 1, start)):
            break
        if all(key(texts[p]) in own for p in range(start, end + 1)):
            out.update(range(start, end + 1))
            edge = end
    return out


RESUME_REACH = 8  # lines at most of a box between the article's turns (a heading and its titles)
KEYS_ABOVE = 12  # lines above a box whose keys are the article's


def resumed_turns(above: Sequence[str], under: Sequence[str]) -> int | None:
    """How many lines under a box's heading (``under``: folded, NFKC) are the box before the
    article's turns resume: the first line of two in a row opening with a key (``key``) that
    ``FORM_ROWS`` of the last ``KEYS_ABOVE`` lines above the heading open with (``above``), within
    ``RESUME_REACH`` lines; None when none does. A related box set inside a dialogue or a list of
    questions and answers (``【延伸閱讀】`` and its titles between two ``【問】``/``【答】`` pairs): the
    article goes on under it in rows, not in the prose a rule's ``resume_prose`` waits for."""
    own = own_keys(above[-KEYS_ABOVE:])
    if not own:
        return None
    keys = [key(text) for text in under[: RESUME_REACH + 2]]
    for k in range(1, min(len(keys) - 1, RESUME_REACH + 1)):
        if keys[k] in own and keys[k + 1] in own:
            return k
    return None
