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
# (2027-04-23, 4.23, 04/23); not inside a longer number.
_DAY = r"(?<![\d.])(?:(?:19|20)\d{2}\s*(?:年|[-/.])\s*)?(?:\d{1,2}\s*(?:月\s*\d{1,2}\s*[日号號]|[-/.]\s*\d{1,2}(?![\d:]))|\d{1,2}\s*[日号號])"
_RANGE = r"\s*(?:[-－–—~～至到]|——)\s*"
# A weekday or a lunar day in brackets may follow the first day: 4月23日（周五）至4月30日（周五）.
_AFTER = r"(?:\s*\([^()]{1,8}\))?"
_SPAN = re.compile(_DAY + _AFTER + _RANGE + _DAY + r"|\d{1,2}:\d{2}" + _RANGE + r"\d{1,2}:\d{2}")
# The page's record beside a date: its keys and the words of its stamp.
_RECORD = re.compile("发布|發布|更新|发表|發表|发稿|發稿|来源|來源|编辑|編輯|责编|責編|浏览|瀏覽|点击|點擊|阅读|閱讀|点阅|點閱|"
                     "访问|訪問|作者|记者|記者|报道|報導|报导")
_SENTENCE = re.compile(r"[。!?！？;；]")


def date_span(text: str) -> bool:
    """The line states a span of days or hours (``_SPAN``) in at most ``SPAN_MAX`` characters, with
    none of the page's record words (``_RECORD``) and no sentence's end."""
    return len(text.strip()) <= SPAN_MAX and bool(_SPAN.search(text)) and not _RECORD.search(text) \
        and not _SENTENCE.search(text)
