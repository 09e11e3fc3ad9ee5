"""Which of the lines a page's title names is its headline, when several above the body do.

A service guide or a notice repeats its subject right under its headline (``残疾人两项补贴申领办事指南``
over ``一、事项名称`` / ``残疾人两项补贴申领``): the title names both, and the nearer one to the body
is the item, not the headline. The fuller line is the headline when it starts with the nearer one
and is longer. Not a copy of the page's title set as a line (``标题__频道_新浪网``: it holds the
title's separators) nor the headline repeated (the same text: the nearer one stays). Nor the
page's whole title when it has parts (``标题-搜狐财经``, the separator unspaced): a site's header
bar echoing the ``<title>``, with the headline itself nearer the body.

On HTML input the headline leaves the text for ``meta["headline"]`` (``Config.keep_headline``):
a headline set on two lines (``内蒙古延续部分到期税收优惠政策助企纾困`` over ``预计4年为纳税人减负180亿元``, the
``<title>`` their two halves joined) goes whole, the lines under the named one that the title
goes on with (``headline_lines``), never past the body's first line.
"""

from __future__ import annotations

import re
import unicodedata

from cleaner.furniture.entries import title_parts, title_words

_SEPARATORS = re.compile(r"[_|]|\s[-—–·]\s|--|::|>>|»")  # what joins a page title's parts, not a headline's words


def fuller_headline(named: list[str], title: str | None = None) -> int:
    """Index into ``named`` (the lines the title names, nearest to the body first) of the headline.
    ``title``: the page's title (folded), if known."""
    for k, text in enumerate(named[1:], 1):
        if len(text) > len(named[0]) and text.startswith(named[0]) and not _SEPARATORS.search(text) \
                and not (title and title_copy(text, title)):
            return k
    return 0


FIRST_PART_MIN = 6  # characters of a title's first part that can be a headline (a column's 【评论】 tag is shorter)
FIRST_PART_REACH = 4  # lines at most between the headline and the nearer line a later part names (its subtitle)


def first_part_headline(named: list[tuple[int, str]], title: str) -> int | None:
    """The headline among the lines the title names (``named``: (position, text), nearest to the
    body first) when the nearest one holds none of the title's first part and a line at most
    ``FIRST_PART_REACH`` above it is that part (its words begin with it): a page's title opens with
    its headline (``三十年守护一座灯塔——记全国劳动模范林德顺_人物_东南网``), so the nearer line a later
    part names is the headline's subtitle or a column's name set under it, not the headline (it
    went as ``above_headline``). None when no such line is, or the line holds words the title has not."""
    parts = title_parts(title)
    if len(parts) < 2 or len(parts[0]) < FIRST_PART_MIN or not named or parts[0] in title_words(named[0][1]):
        return None
    near = named[0][0]
    # Its words are the title's own (the first part, or it and what follows it): a site's header that
    # opens with the title's first part and goes on with its own words (``Joel on Software 周思博趣谈软件``
    # over ``给计算机系学生的建议``, the title ``Joel on Software - 给计算机系学生的建议``) is the site's
    # name, and the nearer line is the headline.
    whole = "".join(parts)
    return next((pos for pos, text in named[1:] if near - pos <= FIRST_PART_REACH and title_words(text).startswith(parts[0])
                 and title_words(text) in whole), None)


def title_copy(text: str, title: str) -> bool:
    """``text`` is the page's whole title, and the title has two parts or more (a headline and
    the site's name): the ``<title>`` echoed in a header bar, not the headline as the page sets it."""
    parts = title_parts(title)
    return len(parts) >= 2 and "".join(title_parts(text)) == "".join(parts)


def headline_lines(texts: list[str], named: int, first: int, title: str) -> list[int]:
    """Positions of the headline's lines: ``named`` (the line the title names) and the lines under
    it, above ``first`` (the body's first line), that one part of the title holds joined to it,
    word for word (a headline set on two lines; not the site's name under it, ``标题_新浪网``, another
    part), or that opens with a dash and goes on with the title's next words (a subtitle,
    ``——记全国劳动模范林德顺``, the title ``三十年守护一座灯塔——记…_人物_东南网``). ``texts``: the page's live lines (folded); ``title``: folded."""
    parts = title_parts(title)
    whole = "".join(parts)
    out, joined = [named], title_words(texts[named])
    for pos in range(named + 1, first):
        more = title_words(texts[pos])
        joined += more
        if not more or not (any(joined in part for part in parts) or _DASHED.match(texts[pos]) and whole.startswith(joined)):
            break
        out.append(pos)
    return out


# A subtitle's opening dash (——记全国劳动模范林德顺): the title joins it to the headline at a dash,
# which splits the title's parts, so no one part holds the two lines.
_DASHED = re.compile(r"^\s*(?:——|—|--)")


UNNAMED_MIN = 4  # characters of words a headline guessed from its shape holds (a section's label, ◎简　　介, is shorter)


def unnamed_headline(texts: list[str], headline: int, title: str | None, named: bool, gone_above: list[bool]) -> bool:
    """Does the headline guessed from its shape alone (``generic._title_position``: the nearest line
    above the body that reads as one) leave an HTML page's text as the named one does? When the page
    has no title that names a line (``named``: a line the title names is on the page), the
    title holds none of its words (a title that splits the headline at its own ``|`` names no line,
    and its hand copy keeps it as the article's), and it is the first line the page keeps
    (``gone_above``: whether each line above it goes): an untitled page, or one whose ``<title>``
    is the site's name (``网易娱乐``, ``显示``, ``谢谢您访问…``), opens its article with its headline,
    under the menus that go. Not a label of fewer than ``UNNAMED_MIN`` characters of words (``◎简　　介``).
    A line the page keeps above it (a headline's first line, a column's
    name) leaves the guess in doubt: it stays, as before."""
    if named or not all(gone_above):
        return False
    words = title_words(texts[headline])
    return len(words) >= UNNAMED_MIN and not (title and words in title_words(title))


def dashed(text: str) -> bool:
    """The line opens with a subtitle's dash (``——对文化革命的政治心理学分析``)."""
    return bool(_DASHED.match(text))

