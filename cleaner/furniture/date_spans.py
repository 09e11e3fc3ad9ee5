"""An event's span of days or hours under the article's headline: ``2027年4月23日—4月30日``,
``3月13日 9:00-16:00 临川会展中心``.

A festival's, a fair's or an exhibition's report states when it runs on a line of its own right
under its headline, without a key (the keyed ``活动时间：…`` is ``generic._event_time``'s). The
model read such a short dated line there as the page's stamp (``generic/head+date``) and took it.
A page is put out at one moment: its stamp holds one date and one time of day (``2027-04-23
08:30``), with the page's record keys beside them (来源, 编辑, 发布 …). A span, a day or an hour
to another joined by a range mark (—, ~, 至, 到, -), is the time of something that lasts: the
article's event, not the page.
"""

from __future__ import annotations

import re

SPAN_MAX = 40  # characters of the line: a span, a weekday, a place; no sentence

# Folded, NFKC lines. A day: in words (2027年4月23日, 4月23日, 23日) or in figures with its month
# (2027-04-23, 4.23, 04/23), not inside a longer number nor before a unit (a price's 15.98-19.98万,
# a change's 11.02 -0.45%: ``_day`` asks that the month and the day are a calendar's).
_DAY = re.compile(r"(?<![\d.])(?:(?:19|20)\d{2}\s*(?:年|[-/.])\s*)?"
                  r"(?:(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号號]|[-/.]\s*(\d{1,2})(?![\d:.%万元亿])))|(?<![\d.])(\d{1,2})\s*[日号號]")
# What stands between a span's two days: a weekday or a lunar day in brackets after the first
# (4月23日（周五）至4月30日), then a range mark (—, ~, 至, 到, -).
_BETWEEN = re.compile(r"(?:\s*\([^()]{1,8}\))?\s*(?:[-－–—~～至到]|——)\s*")
_HOURS = re.compile(r"(?<![\d.])(\d{1,2}):(\d{2})\s*(?:[-－–—~～至到])\s*(\d{1,2}):(\d{2})(?![\d.])")
# The page's record beside a date: its keys and the words of its stamp.
_RECORD = re.compile("发布|發布|更新|发表|發表|发稿|發稿|来源|來源|编辑|編輯|责编|責編|浏览|瀏覽|点击|點擊|阅读|閱讀|点阅|點閱|"
                     "访问|訪問|作者|记者|記者|报道|報導|报导")
_SENTENCE = re.compile(r"[。!?！？;；]")


def date_span(text: str) -> bool:
    """The line states a span of days or hours (``_day_span``, ``_hour_span``) in at most ``SPAN_MAX`` characters, with
    none of the page's record words (``_RECORD``) and no sentence's end."""
    return len(text.strip()) <= SPAN_MAX and (_day_span(text) or _hour_span(text)) and not _RECORD.search(text) \
        and not _SENTENCE.search(text)


def _day(match: re.Match) -> bool:
    """The day matched is one of a calendar: a month of 1 to 12, a day of 1 to 31."""
    month, day = match.group(1), match.group(2) or match.group(3) or match.group(4)
    return (month is None or 1 <= int(month) <= 12) and 1 <= int(day) <= 31


def _day_span(text: str) -> bool:
    """Two days (``_DAY``) with a range mark between them (``_BETWEEN``)."""
    days = [m for m in _DAY.finditer(text) if _day(m)]
    return any(_BETWEEN.fullmatch(text[a.end():b.start()]) for a, b in zip(days, days[1:]))


def _hour_span(text: str) -> bool:
    """Two times of day with a range mark between them (9:00-16:00)."""
    return any(int(m.group(1)) <= 24 and int(m.group(3)) <= 24 and int(m.group(2)) < 60 and int(m.group(4)) < 60
               for m in _HOURS.finditer(text))
