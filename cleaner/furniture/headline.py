"""Which of the lines a page's title names is its headline, when several above the body do.

A service guide or a notice repeats its subject right under its headline (``残疾人两项补贴申领办事指南``
over ``一、事项名称`` / ``残疾人两项补贴申领``): the title names both, and the nearer one to the body
is the item, not the headline. The fuller line is the headline when it starts with the nearer one
and is longer. Not a copy of the page's title set as a line (``标题__频道_新浪网``: it holds the
title's separators) nor the headline repeated (the same text: the nearer one stays). Nor the
page's whole title when it has parts (``标题-搜狐财经``, the separator unspaced): a site's header
bar echoing the ``<title>``, with the headline itself nearer the body.
"""

from __future__ import annotations

import re
import unicodedata

from cleaner.furniture.entries import title_parts

_SEPARATORS = re.compile(r"[_|]|\s[-—–·]\s|--|::|>>|»")  # what joins a page title's parts, not a headline's words


def fuller_headline(named: list[str], title: str | None = None) -> int:
    """Index into ``named`` (the lines the title names, nearest to the body first) of the headline.
    ``title``: the page's title (folded), if known."""
    for k, text in enumerate(named[1:], 1):
        if len(text) > len(named[0]) and text.startswith(named[0]) and not _SEPARATORS.search(text) \
                and not (title and title_copy(text, title)):
            return k
    return 0


def title_copy(text: str, title: str) -> bool:
    """``text`` is the page's whole title, and the title has two parts or more (a headline and
    the site's name): the ``<title>`` echoed in a header bar, not the headline as the page sets it."""
    parts = title_parts(title)
    return len(parts) >= 2 and "".join(title_parts(text)) == "".join(parts)
