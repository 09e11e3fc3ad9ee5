"""A document's date note under its headline: ``（2027年2月18日）``, ``（2026年12月28日市人大常委会通过）``.

A speech, a government work report, a regulation or a resolution dates itself on a line of its
own right under its headline (or its subtitle), in brackets and in words: the day it was given,
adopted or amended. The model read the line as a site's date line under the headline
(``generic/head+date``) and took it. A site dates its page as a machine does (``2027-02-18 10:30``,
``发布时间：…``), with a time of day or a record key, and without brackets around the whole line.
"""

from __future__ import annotations

import re

# Folded, NFKC lines: the brackets are ASCII. The whole line in brackets, a full date in words
# inside (a Taiwan document's 民国 year too), no time of day, no key of the page's record.
_NOTE = re.compile(r"^\((?=[^()]*(?:民国)?\d{2,4}年\d{1,2}月\d{1,2}日)[^()]{6,60}\)$")
_TIME = re.compile(r"\d{1,2}:\d{2}")
_RECORD = re.compile("发布|更新|发表|发稿|来源|编辑|责编|浏览|点击|阅读|点阅|访问|作者|记者")


def date_note(text: str) -> bool:
    """The line is a document's date note: a full date in words, the whole line in brackets, no
    time of day and no key of the page's record (来源, 发布, 编辑 …)."""
    return bool(_NOTE.match(text.strip())) and not _TIME.search(text) and not _RECORD.search(text)
