"""Other pages' headlines at the article's foot, counted or bulleted, under no heading a lexicon knows.

Below an article a portal sets a box of its other stories: a hot list counted from one
(``头条热榜`` over ``1 高温天气持续 多地发布预警``, ``2 暑运首日铁路发送旅客超千万``), a column of
bulleted links (``▪ 台中捷運綠線延伸彰化 環評過關``) over or under a heading the rules take. Its heading,
when it has one, names the site's box in words no lexicon can list (热榜, 快讯, 看点, 排行 in a
portal's own brand), so ``related_tail`` does not read it, and two rows make no list block
(``lists.MIN_ROWS``). Scored alone, a title under the article's last line leans article: a short
line with no sentence mark, right under the body.

What marks the box is its rows' own form. Each opens with the box's marker, the same bullet on
every row or ordinals counting up by one, and is a headline: a title's length, no clause or
sentence mark (a headline's ``?`` or ``!`` aside), and at least one row written as headlines are,
two clauses split by a space (``高温天气持续 多地发布预警``), as the page's own headline often is.
An article's closing list is written otherwise: its steps and tips end in ``；`` or ``。``, its
terms are shorter than a title, its names and figures split by several spaces, and it stands
under a sentence that introduces it (``lists.introduced``, kept by the caller). And the box is the
site's where it stands: below the page's last prose line with nothing of the article after it, the
next line gone (a rule took the heading under it, ``延伸閱讀``, or the site's foot) or the page's end.
Three rows or more counted up may have been read into the body as the article's steps
(``counted_rows``): none of them is prose, so the page's last prose line, not the body's end, is
where the search starts.

Then the rows go, with a short heading right above them (two to eight characters, two Han in a
row, no mark) unless it shares two Han characters in a row with the page's headline: the
article's own section over its ranking repeats its subject (``年度十大新闻`` under ``本报年度十大新闻揭晓``),
a site's box names itself (Step ``generic/title-run``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleaner.furniture.features import Line, prose_line

ROWS_MIN = 2  # titles that make a box under its own heading
BARE_ROWS_MIN = 3  # without one (two headline-like rows closing an article are as often its own points)
TITLE_MIN = 8  # characters of a title after its marker: shorter is a term or a name
TITLE_MAX = 40  # characters of a title: longer is a paragraph
HEADING_MAX = 8  # characters of the box's own heading (头条热榜, 看点, 今日快讯)

# A row's marker: a bullet (the same on every row) or an ordinal (1, 1., 1、, 01) apart from its title.
# Not Markdown's - * > (an article's own list or quote as a writer types it).
_BULLET = re.compile(r"^([▪•·■□●○◆◇▶►▸▷★☆※])\s*(.+)$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:\s+|[.、]\s*)(\D.+)$")
# A headline's words: Han characters, letters, figures and the marks a headline holds (quotes,
# title marks, a colon after a speaker), no clause or sentence mark.
_CLAUSE_OR_STOP = re.compile(r"[，,；;。、]|[.。](?!\d)")
# Two clauses split by one space, each of three Han characters or more: how headlines are written.
_TWO_CLAUSES = re.compile(r"[\u3400-\u9fff\w“”《》]{3,}[\u3400-\u9fff] [\u3400-\u9fff][\u3400-\u9fff\w“”《》]{2,}")
_HEADING = re.compile(r"^(?=.*[\u3400-\u9fff]{2})[\u3400-\u9fff0-9A-Za-z]{2,8}$")  # 头条热榜, 24小时热点
_HAN2 = re.compile(r"[\u3400-\u9fff]{2}")
# The article's own sign-off (its editor, source, writer): a box of the site's stands below it, so
# rows right above it are the article's.
_SIGN_OFF = re.compile(r"^\s*[（(【\[]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|来源|來源|作者|记者|記者|校对|校對|审核|審核|审校|審校|监制|監製|主编|主編|签发|簽發)")


def _marked(text: str) -> tuple[str, int | None, str] | None:
    """(marker kind, ordinal or None, title) of a counted or bulleted row, else None."""
    m = _ORDINAL.match(text)
    if m:
        return "ordinal", int(m.group(1)), m.group(2).strip()
    m = _BULLET.match(text)
    if m:
        return m.group(1), None, m.group(2).strip()
    return None


def _headline(title: str) -> bool:
    """A title's length and no clause or sentence mark (a headline's closing ``?`` or ``!`` aside)."""
    body = title.rstrip("?!？！")
    return TITLE_MIN <= len(title) <= TITLE_MAX and not _CLAUSE_OR_STOP.search(body) and title.count(" ") <= 1


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1) if _HAN2.fullmatch(text[i:i + 2])}


def title_run(scored: list[Line], body: tuple[int, int] | None, removed: list[bool], keep: set[int],
              taken_between: Callable[[int], list[str]], subject: str = "") -> list[int]:
    """Positions of a box of other pages' headlines at the article's foot: its rows (``ROWS_MIN``
    or more, one marker, ordinals counting up by one, each a headline, one of two clauses split by a
    space) as the first live lines below the body and the page's last prose line, with a short
    heading right above them; the line under the last row gone (``removed``, or a rule's,
    ``taken_between``: the lines a rule took between two judged lines) or the page's end, and not
    the article's sign-off (its editor or source line: the rows above it are the article's). A row
    sharing two Han characters in a row with the article's prose is the article's own point. ``keep``: line indexes no reading takes (an introduced list's
    rows end the search). ``subject``: the page's headline (or its title's first part); a heading sharing two Han
    characters in a row with them names the article's own section (``年度十大新闻`` under
    ``本报年度十大新闻揭晓``), not the site's box, and its rows stay."""
    if body is None:
        return []
    # Below the page's last prose line: the body may have grown over the rows (three or more counted
    # up read as the article's steps, ``counted_rows``), but none of them is prose.
    last_prose = max((pos for pos, line in enumerate(scored) if prose_line(line)), default=-1)
    live = [pos for pos in range(max(last_prose, body[0]) + 1, len(scored)) if not removed[pos]]
    if not live:
        return []
    heading = []
    first = live[0]
    if (scored[first].index not in keep and _HEADING.match(scored[first].text) and len(scored[first].text) <= HEADING_MAX
            and not _bigrams(scored[first].text) & _bigrams(subject)):
        heading, live = [first], live[1:]
    rows, kind, count, clauses = [], None, None, False
    for pos in live:
        marked = _marked(scored[pos].text)
        if scored[pos].index in keep or marked is None or not _headline(marked[2]):
            break
        if rows and (pos != rows[-1] + 1 or marked[0] != kind or (count is not None and marked[1] != count + 1)):
            break
        if not rows and heading and pos != heading[0] + 1:
            break
        kind, count = marked[0], marked[1]
        clauses = clauses or bool(_TWO_CLAUSES.search(marked[2]))
        rows.append(pos)
    if len(rows) < (ROWS_MIN if heading else BARE_ROWS_MIN) or not clauses:
        return []
    end = rows[-1] + 1
    below = taken_between(end)
    under = below[0] if below else scored[end].text if end < len(scored) else ""
    if _SIGN_OFF.match(under) or not (end == len(scored) or removed[end] or below):
        return []
    prose = set().union(*(_bigrams(line.text) for line in scored[body[0]:last_prose + 1] if prose_line(line)))
    if any(_bigrams(_marked(scored[pos].text)[2]) & prose for pos in rows):
        return []
    return heading + rows
