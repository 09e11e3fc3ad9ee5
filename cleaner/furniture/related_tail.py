"""A list of links at the page's foot, under a heading of a related list's shape.

Below an article a site sets its lists of other pages: ``相关公告`` over two titles with their
dates, ``相关链接`` over the names of other offices, ``同类应用推荐`` over two apps with their
ratings. None of their rows reads as a sentence, and there are too few of them, or too unlike,
to make a list of one form (``lists.py``); they stand under the article's signature or its last
row, where short lines are left to the model and lean article (a notice's signature is short too).
What marks them is the heading: a word that names a relation to the page (相关, 关联, 同类, 延伸,
推荐, 更多, 热门) and a noun, or a noun and a word that names a box of links (推荐, 链接, 排行). An
article's last section under such a heading is prose (``相关规定`` over the clauses): here the
heading stands below the article's last prose line, so nothing of the article follows it. Nor
are works named alone in title marks (``相关作品`` over ``《蒙娜丽莎》``, ``《最后的晚餐》``) other pages:
a painter's works close an article about the painter.

So the heading and every later line of a title's length that ends no sentence go (Step
``generic/related-tail``), as the tail sweep takes the lines under a line gone there
(``generic.tail_sweep``). When its titles went already (dated at their ends, by their scores), the
heading right over them goes alone: it is their list's. A page without a body found (a list article, rows alone) is read the
same way when the heading and its rows are at most a third of the page: a short box at the foot.

A box whose titles read as sentences (``图解：药品抽检不合格，消费者如何维权？``: a headline may ask)
keeps a prose line below the heading. Such a box is still the site's when furniture frames it
(``framed_box``): a line gone between the body and the heading (a share row, a source line) and a
line gone, or the page's end, right under its last title, the titles running without a break
(each of a title's length, no paragraph, ending in no stop but a headline's ``?`` or ``!``).
"""

from __future__ import annotations

import re

from collections.abc import Callable

from cleaner.furniture.features import Line, is_paragraph, prose_line
from cleaner.furniture.related_words import alternation, load_related

# Folded text (Traditional read as Simplified, NFKC): 相關連結 is 相关连结. The words are the
# lexicon's ``[related]`` entry (``related_words``).
# A relation to the page (相关, 关联, 同类, 延伸) heads a box of other pages whatever it names
# (相关访谈, 相关菜谱); 热门, 推荐, 更多 and 其他 head an article's last section as often (review29a:
# 热门景点 over a guide's sights, 推荐书目 over a reading list, 更多消息), so with them the noun
# names a site's pieces or links; so does the noun before 推荐 or 排行 (品牌销量排行榜 is a report's).
# Not a person's works (``works``: 作品推荐 over a writer's books is a profile's last section).
_WORDS = load_related()
_PIECES = "(?:" + alternation([w for w in _WORDS.stories + _WORDS.pieces if w not in _WORDS.works]) + ")"
_BOXES = "(?:" + alternation(_WORDS.boxes) + ")"
_HEADING = re.compile(
    r"^[【\[]?\s*(?:(?:" + alternation(_WORDS.relations) + r")[\u4e00-\u9fff]{2,4}"
    r"|(?:" + alternation(_WORDS.leads + _WORDS.others) + r")[\u4e00-\u9fff]{0,2}" + _PIECES + _BOXES + "?"
    r"|(?:" + alternation(_WORDS.pickers) + ")?" + _PIECES + "?" + _BOXES
    + r"|[\u4e00-\u9fff]{0,4}(?:" + alternation(_WORDS.links) + r"))\s*[】\]]?\s*:?$"
)
# A box furniture frames (``framed_box``) has evidence besides its heading: any noun will do there.
_FRAMED_HEADING = re.compile(
    r"^[【\[]?\s*(?:(?:" + alternation(_WORDS.relations + _WORDS.leads) + r")[\u4e00-\u9fff]{2,4}"
    r"|[\u4e00-\u9fff]{2,4}(?:" + alternation(_WORDS.boxes + _WORDS.links) + r"))\s*[】\]]?\s*:?$"
)
ROW_MAX = 40  # characters: a title, a name, a rating row; no paragraph
# A work's name alone in title marks (《最后的晚餐》): a painter's works or a writer's books under 相关作品
# are the article's last section, not links to other pages of the site (portals._headlines_below).
_WORK = re.compile(r"《[^》]{1,30}》(?:\s*\(?\d{4}年?\)?)?")
FOOT_SHARE = 3  # without a body, the heading and its rows are at most a third of the page's lines


def related_heading(text: str) -> bool:
    """A heading of a related list: ``相关公告``, ``【相关链接】``, ``同类应用推荐``, ``友情链接:``."""
    return len(text) <= 12 and bool(_HEADING.match(text))


def _row(line: Line) -> bool:
    return len(line.text) <= ROW_MAX and not line.features["final_punct"]


def related_tail(scored: list[Line], body: tuple[int, int] | None, removed: list[bool], keep: set[int]) -> list[int]:
    """Positions of the related list at the page's foot: the first related heading below the body
    and below the page's last prose line, when at least one row under it is a title's length and
    ends no sentence, with those rows: the run of them right under it (lines gone already aside;
    a line in ``keep`` or of another shape ends it)."""
    last_prose = max((pos for pos, line in enumerate(scored) if prose_line(line)), default=-1)
    start = max(last_prose, body[1] if body is not None else -1) + 1
    for pos in range(start, len(scored)):
        if removed[pos] or scored[pos].index in keep or not related_heading(scored[pos].text):
            continue
        rows, gone = [], 0
        for p in range(pos + 1, len(scored)):
            if removed[p]:
                gone += 1
                continue
            if scored[p].index in keep or not _row(scored[p]):
                break
            rows.append(p)
        if not rows and gone and pos + 1 < len(scored) and removed[pos + 1]:
            return [pos]  # its titles went already (dated, by their scores): the heading is their list's
        if not rows or 2 * sum(1 for p in rows if _WORK.fullmatch(scored[p].text)) >= len(rows):
            return []
        if body is None and (len(scored) - pos) * FOOT_SHARE > len(scored):
            return []
        return [pos, *rows]
    return []


def _title(line: Line) -> bool:
    """A link's title: a title's length, no paragraph, no stop but a headline's question or exclamation."""
    text = line.text
    return (len(text) <= ROW_MAX and not is_paragraph(text, line.features)
            and (not line.features["final_punct"] or text.endswith(("?", "!"))))


def framed_box(scored: list[Line], body: tuple[int, int] | None, removed: list[bool], keep: set[int],
               taken_above: Callable[[int], bool]) -> list[int]:
    """Positions of a related box framed by furniture at the article's end: its heading
    (``related_heading``) with a line gone right above it (or, below the body, anywhere between the
    body and it), then titles (``_title``) without a break, and right under them a line gone or the
    page's end. The body may have run over the box (its titles read as prose, the line gone above
    it taken by a rule before the body was sought): nothing of the body then stands below it.
    ``taken_above(pos)``: a line the rules or an earlier family took stands right above ``scored[pos]``."""
    if body is None:
        return []
    gone_below_body = False
    for pos in range(body[0] + 1, len(scored)):
        gone_here = removed[pos - 1] or taken_above(pos)
        if pos > body[1]:
            gone_below_body = gone_below_body or gone_here
        text = scored[pos].text
        if removed[pos] or scored[pos].index in keep or not (len(text) <= 12 and _FRAMED_HEADING.match(text)):
            continue
        if not (gone_here or gone_below_body):
            continue
        end = pos + 1
        while (end < len(scored) and not removed[end] and not taken_above(end) and scored[end].index not in keep
               and _title(scored[end])):
            end += 1
        framed = end == len(scored) or removed[end] or taken_above(end)
        rows = range(pos + 1, end)
        if (not rows or not framed or end <= body[1]
                or 2 * sum(1 for p in rows if _WORK.fullmatch(scored[p].text)) >= len(rows)):
            return []
        return [pos, *rows]
    return []
