"""A web-novel author's note under the chapter: its heading (``作者有话说：``, ``作者的話：``) and the few lines
under it, down to the chapter's pager or the page's end.

Reading sites set the author's note between the chapter and its pager: thanks for gifts, a promise
of more chapters, a call for votes (``週末雙更！喜歡的話請幫忙投票、收藏``). Its sentences are prose to the
line model and end with the chapter's last line. What tells it is its heading (``[author_notes]
headings``), alone on its line or opening it before a colon, below the chapter's prose. A book's
preface titled 作者的话 stands above its prose, not under it, and runs on for paragraphs: the note is at
most ``NOTE_LINES`` lines and ends at a line of a family (a pager, buttons) or the page's end. A
heading whose colon opens a quotation is an article quoting its author (``作者说：“……”``), no note.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cleaner.furniture.site_boxes import DATA, alternation

NOTE_LINES = 4  # lines of a note under its heading
NOTE_LINE_MAX = 200  # characters of one
# A quotation opening after the heading's colon: the article quoting its author (a review's 作者说：“我想写的
# 不是英雄……”), a sentence, not a note's heading; its paragraphs below are the article's.
_QUOTE = re.compile(r"[“「『\"‘']")


@lru_cache(maxsize=1)
def heading_pattern(path: Path = DATA) -> re.Pattern:
    alt = alternation("author_notes", "headings", path)
    return re.compile(rf"^[\[【(]?(?:{alt})[\]】)]?\s*(?::|$)")


def author_notes(texts: list[str], families: list[str], prose: list[bool]) -> list[int]:
    """Positions of a note's heading (prose above it) and of its lines (the module's docstring)."""
    heading = heading_pattern()
    for pos, text in enumerate(texts):
        m = heading.match(text.strip())
        if not m or not any(prose[:pos]) or _QUOTE.match(text.strip()[m.end():].lstrip()):
            continue
        end = pos + 1
        while end < len(texts) and not families[end] and len(texts[end]) <= NOTE_LINE_MAX:
            end += 1
        if end - pos - 1 <= NOTE_LINES and (end == len(texts) or families[end]):
            return list(range(pos, end))
    return []
