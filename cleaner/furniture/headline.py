"""Which of the lines a page's title names is its headline, when several above the body do.

A service guide or a notice repeats its subject right under its headline (``残疾人两项补贴申领办事指南``
over ``一、事项名称`` / ``残疾人两项补贴申领``): the title names both, and the nearer one to the body
is the item, not the headline. The fuller line is the headline when it starts with the nearer one
and is longer. Not a copy of the page's title set as a line (``标题__频道_新浪网``: it holds the
title's separators) nor the headline repeated (the same text: the nearer one stays).
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[_|]|\s[-—–·]\s|--|::|>>|»")  # what joins a page title's parts, not a headline's words


def fuller_headline(named: list[str]) -> int:
    """Index into ``named`` (the lines the title names, nearest to the body first) of the headline."""
    for k, text in enumerate(named[1:], 1):
        if len(text) > len(named[0]) and text.startswith(named[0]) and not _SEPARATORS.search(text):
            return k
    return 0
