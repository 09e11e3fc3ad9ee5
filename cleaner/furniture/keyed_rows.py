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
_FIGURE_PAUSE = re.compile(r"(?<=\d)、(?=\d)")
_CLAUSE = re.compile(r"[。!?;,、:…]")


def colon_fields(text: str) -> bool:
    """Is ``text`` (normalised) a row of fields whose clause marks are all structure: at least one
    key's colon, and no clause mark left once the keys' and times' colons and the 、 between two
    figures are set aside (so no sentence end either)?"""
    if ":" not in text:
        return False  # nearly every line: no colon, no field
    keyed = _KEY_COLON.sub("", text)
    if keyed == text:
        return False
    rest = _FIGURE_PAUSE.sub("", _TIME_COLON.sub("", keyed))
    return not _CLAUSE.search(rest)


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
