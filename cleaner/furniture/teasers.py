"""Blocks of other posts' teasers: a title, then the first lines of that post cut short.

A blog page lists its other posts under the article, a portal its other stories: each a title
line and an excerpt cut off mid-sentence (``腊八节前一周就要开始泡蒜了，……``, ``...[阅读全文]``).
The excerpts read as prose, so body finding can take them for the article's last paragraphs, and
a heading that would end the article (其他日志, 相关文章) is often missing or unknown. Their form
is the sign: three or more excerpts cut short, each under a title of its own. An article's
paragraph may trail off (``他说：我想……``), but not three times, each after a headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.furniture.features import Line

MIN_TEASERS = 3  # excerpts under titles that make a block
TITLE_MIN = 4  # characters of a title line: a speaker's name (张三, 李四) is shorter
TITLE_MAX = 40
TEASER_MIN = 20  # characters of an excerpt
REACH = 3  # lines from one excerpt to the next (a title and a date line between)

# Cut short: an ellipsis at the end (after NFKC "…" is "...", "……" is "......"), or a read-more
# link, optionally bracketed, after it or alone at the end.
_CUT = re.compile(r"(?:\.{3,}|…+|。。。)\s*[)\]】>»]*\s*$"
                  r"|[\[(【<]?\s*(?:阅读全文|查看全文|阅读更多|全文|详细|详情|更多|点击阅读|继续阅读)\s*(?:>>|»|>)?\s*[\])】>]?\s*$")


# A numbered heading is a section of the article (一、井边, 第二章, (三), 2. 院门), not a post's title:
# an essay's sections may each be one paragraph trailing off.
_SECTION = re.compile(r"^(?:第?[一二三四五六七八九十百零〇\d]+\s*[、.章节部篇回:)]|\(\s*[一二三四五六七八九十\d]+\s*\))")


# The last character before _CUT's closing spaces, whichever way it matches: a cut's (… or the
# last of ... or 。。。), a closing bracket or arrow, or the last of a read-more word. A line ending
# otherwise cannot match, and most lines are asked only this (the search tries every position of
# a long paragraph, and most paragraphs end in a single 。).
_CUT_LAST = frozenset(".…。)]】>»文多细情读")


def cut_short(text: str) -> bool:
    """An excerpt: a line of some length ending in an ellipsis or a read-more link."""
    if len(text) < TEASER_MIN:
        return False
    end = text.rstrip()  # _CUT's \s and str.rstrip() take the same (Unicode) white space
    if not end or end[-1] not in _CUT_LAST or end[-1] in ".。" and not end.endswith(("...", "。。。")):
        return False
    return bool(_CUT.search(text))


def teaser_blocks(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """(first, last) positions of the blocks of teasers: at least ``MIN_TEASERS`` excerpts
    (``cut_short``), each right under a title line (short, no sentence end, not an excerpt) and
    each within ``REACH`` lines of the last, the titles all different; a numbered heading
    (``_SECTION``) is no title. A block runs from the first title to the last excerpt."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # (title, excerpt) positions of the current block
    for pos, line in enumerate(lines):
        if not cut_short(line.text) or pos == 0:
            continue
        title = pos - 1
        above = lines[title]
        if not (TITLE_MIN <= len(above.text) <= TITLE_MAX and not above.features["final_punct"] and not cut_short(above.text)) \
                or _SECTION.match(above.text):
            continue
        if run and title - run[-1][1] > REACH:
            if _teasers(run, lines):
                out.append((run[0][0], run[-1][1]))
            run = []
        run.append((title, pos))
    if _teasers(run, lines):
        out.append((run[0][0], run[-1][1]))
    return out


def _teasers(run: list[tuple[int, int]], lines: Sequence[Line]) -> bool:
    """Enough excerpts, under titles all different: the same "title" twice is a speaker in a
    dialogue whose lines trail off (张三 / 我一直在想…… / 李四 / ……), not a list of posts."""
    titles = [lines[title].text for title, _ in run]
    return len(run) >= MIN_TEASERS and len(set(titles)) == len(titles)
