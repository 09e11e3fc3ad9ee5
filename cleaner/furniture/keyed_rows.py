"""Rows of fields whose only clause marks are their keys' colons.

The line features count a colon as a clause mark (``他说：…`` opens a clause), and a line with two
clause marks or more reads as prose. A row of fields holds one colon a key: a site's foot
(``新竹县政府 地址：302新竹县竹北市光明六路10号 总机：(03)551-8101``), a page's record of itself
(``最后更新日期：115-03-12 累计浏览人次：12345678``), an opening-hours row (``服务时间：周一至周五
08:00-12:00、13:00-17:00``). Read as prose, such a row below the article joined the body or became
the page's last prose line, and the furniture under it was read as the article's last lines. Its
colons are structure, not clauses: a time's colon (``08:00``) and a key's colon (a word of at most
``KEY_MAX`` characters opening the line or standing after a space or a separator) are no clause,
nor a 、 between two figures (``08:00-12:00、13:00-17:00``). A row whose marks are all of these
and that ends no sentence is no prose. An article's field row of a notice (``招募对象：年满18岁，
每月可服务8小时以上者。``) holds a comma or a stop and stays prose.
"""

from __future__ import annotations

import re

KEY_MAX = 8  # characters of a field's key (累计浏览人次, 网站标识码, 联系地址)
# A key's colon: a word of 1..KEY_MAX characters (no space, digit, mark or separator: 9:00 is a time) opening the line or
# after a space, a separator or a closing bracket. Text is NFKC-normalised (： is :).
_KEY_COLON = re.compile(rf"(?:^|(?<=[\s|/·)\]】]))[^\s\d:|/·,。!?;、…()\[\]【】]{{1,{KEY_MAX}}}\s*:")
_TIME_COLON = re.compile(r"(?<=\d):(?=\d)")
_DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_FIGURE_PAUSE = re.compile(r"(?<=\d)、(?=\d)")
_CLAUSE = re.compile(r"[。!?;,、:…]")
# The clause marks that none of the patterns above removes (a key holds none of them): one found
# leaves a clause mark whatever they remove.
_KEPT_MARKS = re.compile(r"[。!?;…]")


def colon_fields(text: str) -> bool:
    """Is ``text`` (normalised) a row whose clause marks are all structure: at least one key's or
    time's colon or figures' comma, and no clause mark left once the keys' and times' colons, the
    commas grouping a figure's digits (12,304) and the 、 between two figures are set aside (so no
    sentence end either)? A counter row (今日访问量 12,304 累计访问量 98,765,432) and opening hours
    (客服热线 400-880-6655 周一至周日 9:00-21:00) are of this form too."""
    if ":" not in text and "," not in text:
        return False  # nearly every line: no colon, no comma, no field
    if _KEPT_MARKS.search(text):
        return False  # a mark no key, time or figure accounts for (most prose: a stop): no pattern need run
    rest, marks = _KEY_COLON.subn("", text)
    rest, times = _TIME_COLON.subn("", rest)
    rest, groups = _DIGIT_GROUP.subn("", rest)
    if not (marks or times or groups):
        return False
    return not _CLAUSE.search(_FIGURE_PAUSE.sub("", rest))


def field_foot(texts: list[str], prose: list[bool], first: int, last: int) -> int:
    """The body's last line (``last``, a position in ``texts``) once the rows of fields that end it
    are set aside: from ``last`` up, while the line is no prose or a row of fields (``colon_fields``),
    down to the last prose line that is none (never above ``first``). Unchanged unless a row of
    fields was passed: the body ends at a prose line. A site's foot of rows of fields under the
    article (地址：… 总机：…) read as prose and ended the body, so the furniture under it was read as
    the article's last lines; the body still ends at the article's own prose."""
    end, passed = last, False
    while end > first and (not prose[end] or colon_fields(texts[end])):
        passed = passed or (prose[end] and colon_fields(texts[end]))
        end -= 1
    return end if passed else last


FOOT_KEYS = 2  # keys on a row of the site's foot above its copyright line (地址：… 电话：…)


def keys_of(text: str) -> int:
    """The keys' colons of a row whose clause marks are all structure (``colon_fields``), else 0
    (at once for a line without a colon: a key is a word and its colon)."""
    return len(_KEY_COLON.findall(text)) if ":" in text and colon_fields(text) else 0


def rows_over_foot(texts: list[str], start: int, foot: int) -> list[int]:
    """Positions of the rows right above position ``foot`` (the site's copyright or registration
    line), at ``start`` or below, each a row of ``FOOT_KEYS`` fields or more whose marks are all
    structure (``keys_of``: 总编室：… 广告部：… 发行部：…, 地址：… 总机：…): the site's contact rows,
    which stood between the article's last line and its foot, where the tail sweep, reading down
    from the first line gone, never looked. The run stops at the first other line: a notice's
    signature and date, its facts one to a line (联系人：王老师), a sentence. A notice's row of two
    contacts right above the site's copyright, with no signature between, goes with it."""
    out = []
    for pos in range(foot - 1, start - 1, -1):
        if keys_of(texts[pos]) < FOOT_KEYS:
            break
        out.append(pos)
    return out
