"""A document's date note under its headline: ``（2027年2月18日）``, ``（2026年12月28日市人大常委会通过）``.

A speech, a government work report, a regulation or a resolution dates itself on a line of its
own right under its headline (or its subtitle), in brackets and in words: the day it was given,
adopted or amended. The model read the line as a site's date line under the headline
(``generic/head+date``) and took it. A site dates its page as a machine does (``2027-02-18 10:30``,
``发布时间：…``), with a time of day or a record key, and without brackets around the whole line.

A story's dated line stands there too, with a clause after the date: ``截至5月11日，已有126户居民签约``,
``2027年5月11日，东门老街改造一周年``. A site's stamp puts a time, a weekday, a source or a name after its
date, never a comma and a clause (``dated_clause``).
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


# A date in words or figures opening the line (截至 / 到 before it), a comma, then a clause of Han text.
_DATED_CLAUSE = re.compile(r"^(?:截至|截止|到)?(?:\d{2,4}年)?\d{1,2}月\d{1,2}日(?:清晨|早上|上午|中午|下午|傍晚|晚上|晚间|夜间|凌晨|早|晚)?[,，]"
                           r"(?P<clause>[^:：()]{6,})$")
_HAN = re.compile(r"[\u3400-\u9fff]")
_WEEKDAY = re.compile(r"星期|礼拜|周[一二三四五六日天]|农历")
CLAUSE_HAN = 6  # Han characters after the comma: a clause, not a weekday or a name
CLAUSE_LINE_MAX = 40  # characters: a lede's line or a deck, not a paragraph


def dated_clause(text: str) -> bool:
    """The line is a story's dated line: a date opening it, a comma and a clause of ``CLAUSE_HAN`` Han
    characters or more after it, with no time of day, weekday, colon, brackets or key of the page's
    record (来源, 编辑, 记者 …) in it."""
    text = text.strip()
    found = _DATED_CLAUSE.match(text) if len(text) <= CLAUSE_LINE_MAX else None
    return bool(found) and len(_HAN.findall(found.group("clause"))) >= CLAUSE_HAN \
        and not _TIME.search(text) and not _RECORD.search(text) and not _WEEKDAY.search(text)
