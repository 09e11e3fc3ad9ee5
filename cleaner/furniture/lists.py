"""Lists of rows cut from one template: forum reply lists, related-article lists, bullet lists.

A page's lists repeat a form, not words: ``标题【作者】08-11 16:06 298字 [4321/87]`` a hundred
times with other titles and numbers, ``[2005-08-21] 标题`` under a blog post, ``• 标题`` in a
sidebar, ``1. 标题 (40819)`` in a ranking. A line's **skeleton** keeps that form and drops the
words: a run of letters or Han characters becomes ``a``, a run of digits ``0``, spaces one space,
punctuation, brackets and bullets stay. Rows of one list share the start or the end of their
skeleton (its first or last ``EDGE`` tokens): the **edges**. An edge holding structure (a digit, a
bracket, a bullet, a separator; ``a。`` is only a sentence end and counts for nothing) that recurs
on at least ``MIN_ROWS`` lines, each within ``MAX_GAP`` lines of the last, makes a block: the rows
and the few odd lines between them (an advert, a page-number row).

Article text repeats forms too, and stays: numbered paragraphs (``1、……。``), dialogue
(``【甲】……。``) and quoted lists end their rows as sentences; a block where at least half the rows
end a sentence, or where paragraphs (``features.is_paragraph``) make up half the characters, is
no list. The block is a fact about the page; ``generic.py`` decides what it does with it (its
lines are no article prose when the body is sought, and outside the body they go as a block).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner._native import furniture_list_blocks, furniture_row_forms, furniture_skeleton

EDGE = 3  # skeleton tokens at either end that make a row's edges
MIN_ROWS = 3  # rows sharing an edge that make a list
MAX_GAP = 3  # a row at most this many lines below the last one continues the list (two odd lines between)
MAX_ROW = 120  # characters: a longer line is a paragraph, never a list row
TITLE_MAX = 24  # characters: a row this short ending in "?" or "!" without clauses is a headline
RESTATED_MIN = 6  # characters: a shorter row opening a line below may be a list's common word (回复：)


def skeleton(text: str) -> str:
    """A line's form, one character a token: ``"[2005-08-21] 标题"`` -> ``"[0-0-0] a"`` (a run of
    digits ``0``, of letters or Han characters ``a``, of spaces one space; native,
    ``furniture::skeleton``)."""
    return furniture_skeleton(text)


def row_forms(texts: Sequence[str]) -> list[tuple[str | None, str | None, bool]]:
    """(head edge, tail edge, stamped) of each line, in one native call for the page
    (``furniture::row_form``). The edges are the skeleton's first and last ``EDGE`` tokens, each
    None when it holds no structure: a bracket, a bullet, a separator, or a number standing apart
    (``08-11 16:06``, ``1. ``, ``(40819)``; a number glued to words, ``2005年``, ``第3版``, is a
    word of the sentence, and sentence and clause marks are no structure). A line over
    ``MAX_ROW`` characters or of a single token has no edges. ``stamped``: a row's skeleton holds
    a date, a time or a count pair (``0-0``, ``0:0``, ``0/0`` not glued to words) or a bracketed
    count (``(0)``)."""
    return furniture_row_forms(list(texts), MAX_ROW, EDGE)


def list_blocks(texts: Sequence[str], paragraphs: Sequence[bool]) -> list[tuple[int, int, bool]]:
    """(first, last, stamped) of the list blocks among the given lines (folded, NFKC), by
    position, in one native call for the page (``furniture::list_blocks``). Rows share an edge
    (``row_forms``), each within ``MAX_GAP`` lines of the last, at least ``MIN_ROWS`` of them; they
    are a list when fewer than half end a sentence (a "?" or "!" only on a row with clauses or
    longer than ``TITLE_MAX``; "..." is a title cut short) and paragraphs make up less than half
    the characters of their span; overlapping blocks are merged. ``paragraphs``: which lines are
    paragraphs (``features.is_paragraph``). ``stamped``: most rows carry a date, a time, a count
    pair or a bracketed count (``08-11 16:06``, ``[4321/87]``, ``(40819)``): rows that say when and
    how often, as lists of posts and links do; an article's own list (a table, the subjects of an
    exam) numbers its items at most."""
    global _LAST_BLOCKS
    key = (tuple(texts), tuple(paragraphs))
    last = _LAST_BLOCKS  # read once: another thread may replace the pair meanwhile
    if last is not None and last[0] == key:
        return list(last[1])
    rows, prose = list(key[0]), list(key[1])
    for pos in restated(rows):
        rows[pos], prose[pos] = "", False  # no row of the list: its words open the line below
    blocks = furniture_list_blocks(rows, prose, MAX_ROW, EDGE, MIN_ROWS, MAX_GAP, TITLE_MAX)
    _LAST_BLOCKS = (key, blocks)
    return list(blocks)


def restated(texts: Sequence[str]) -> list[int]:
    """Positions of lines whose whole text (``RESTATED_MIN`` characters or more) opens a longer
    line at most ``MAX_GAP + 1`` lines below: a headline over the paragraph it opens (市政府召开常务
    会议 over 市政府召开常务会议　3月5日，市长…, a byline between them; a wrapped page's title cut
    from its first line). The two share their edges because they share their words, not a form:
    counted as two rows of a list with one more line of that form (the next paragraph's 某某（）…),
    they made a block that took the headline, the byline and the first paragraph. A list's rows
    are items of their own; one standing for the start of another is no row of it. The line below
    goes on as prose past the words they share (a clause or a sentence mark: ``_GOES_ON``); a
    series' items in a related list go on with a number or a part's name (· 一图读懂政府工作报告 over
    · 一图读懂政府工作报告（二）): rows of one list."""
    out = []
    for pos, text in enumerate(texts):
        head = text.strip()
        if len(head) >= RESTATED_MIN and any(
                below.strip().startswith(head) and _GOES_ON.search(below.strip()[len(head):])
                for below in texts[pos + 1 : pos + MAX_GAP + 2]):
            out.append(pos)
    return out


_GOES_ON = re.compile("[，。；,;]")  # a clause or sentence mark: prose past a headline's words


# The lines asked last and their blocks: the model asks the blocks of a page's lines when it finds
# their body (generic.page_lines) and again, of the same lines, for the article's runs of items.
_LAST_BLOCKS: tuple | None = None


def in_blocks(count: int, blocks: Sequence[tuple[int, int, bool]]) -> list[bool]:
    out = [False] * count
    for first, last, _ in blocks:
        out[first : last + 1] = [True] * (last - first + 1)
    return out
