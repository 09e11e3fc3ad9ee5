"""The writer's name alone under the headline: ``张若溪`` between ``故乡的槐花`` and the essay.

An essay site, a literary supplement or a column prints the writer's name on a line of its own
under the headline, with no key (作者：), no slash (文/) and no date: a short line of two to four
Han characters. The model read it as a short line beside the body and kept it; the hand copy of
the article is its headline and its text. A byline of that form is the page's record of who wrote
the piece, not the piece.

A name opens with a surname (``data/surnames.toml``, read by ``name_bylines.load_surnames``):
a section's word under the headline (``前言`` over a blog's first paragraph, ``导语``, ``摘要``)
opens with none of them.

What is no such name either: a line under the headline that the lines below it continue as rows of their
own (a poem's first line, a recipe's 食材 over its ingredients, a timetable's 星期一 over its times):
the name stands right over the body's first paragraph, or over a byline row the model took. And a
line the page's title holds (the headline's own words, a column's name the title gives) is the
article's or the site's heading, decided elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleaner.furniture.name_bylines import load_surnames

# Folded (Simplified), NFKC: a name of two to four Han characters, a minority name's middle dot inside.
_NAME = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:·[\u4e00-\u9fff]{1,4})?[\u4e00-\u9fff]$")
NAME_MAX = 4  # Han characters of a name alone (a compound surname and a two-character given name)


def surname_opens(text: str) -> bool:
    single, compound = load_surnames()
    return text[:1] in single or text.startswith(compound)


def lone_author(texts: list[str], headline: int, first: int, paragraph: Callable[[int], bool], gone: Callable[[int], bool],
                title: str) -> int:
    """The position of the writer's name alone under the headline (``headline``, the line the
    page's title names) and above the body (``first``, its first line), or -1. ``paragraph``: is
    the line at a position a line of the article's prose; ``gone``: did a decision already take
    it (a byline row). The name is the line right under the headline; under it stands the body's
    first paragraph, or a line gone and then that paragraph."""
    pos = headline + 1
    if headline < 0 or pos >= first:
        return -1
    text = texts[pos].strip()
    if len(text.replace("·", "")) > NAME_MAX or not _NAME.match(text) or text in title or not surname_opens(text):
        return -1
    below = pos + 1
    while below < first and gone(below):
        below += 1
    return pos if below == first and paragraph(first) else -1
