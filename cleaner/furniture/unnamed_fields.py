"""Rows of the page's record whose keys no lexicon holds, told by where they stand and what they hold.

A site closes an article with rows of its record, and every site names its keys its own way
(both scripts; folded here, so in simplified script):

  内容维护：陈列部                     (a desk)
  值班预报员：刘明                     (a person)
  一审：王丽 二审：张军 三审：李建华      (a review chain)
  文章编号：CJ20260715009              (a code)
  上载日期：2026年3月21日               (a date)

``record_rows`` takes the rows it knows by their keys (发布, 更新, 来源, a credit's 作者 …). A key it
does not know stopped its upward run, and the rows above it stayed, as did a lone unknown row. A new
word a key is no evidence (held-out sites use keys no list has); these are:

  shape     the row opens with a key, every part is a short key (at most ``KEY_SHORT`` characters)
            and a short value (at most ``VALUE_MAX``: a name, a desk, a date, a count, a code, a
            file), no clause mark (``keyed_rows.colon_fields``), and no key is one an article's facts
            give (``[field_rows] facts``: 时间, 地点, 电话, 联系人 …, or a key closing with one: 活动地点),
            no key an attachment's (附件：…, which the text refers to), no value a phone number (a
            contact: 报名咨询：0371-…), a span (受理期间：即日起至…止) or a form's
            blank (姓名：______);
  company   it stands in the run between the article's last prose line and the first line gone
            under it, below a row the lexicon names as the page's record (``record_kind``: 更新日期：…
            over 内容维护：…): the record opened there. Rows of the shape straight under the article's
            prose with no named row above them stay, whatever stands under them (a share row, a
            print row, 责任编辑：…): there an article closes on its own facts as often (型号：… 尺寸：…
            重量：…, 岗位：… 薪资：…, 案号：… 当事人：…, 比分：… 进球：…);
  the body  no rows hanging from the article's facts (a fact's row right above the run: 展览时间：…
            over 票价：…), nor rows whose keys are one pattern (``parallel``: 公开组金奖, 公开组银奖: a
            list's rows, its prizes).

Each row taken is a Step naming the evidence (``unnamed:under-record``).
"""

from __future__ import annotations

import re

from cleaner.furniture.field_breaks import _facts
from cleaner.furniture.keyed_rows import keys_of
from cleaner.furniture.spaced_keys import key_of

KEY_SHORT = 6  # characters of an unnamed key (值班预报员, 内容贡献者): a record's keys are short words
VALUE_MAX = 24  # characters of a value (a name, a desk, a date, a code; a clause is longer or punctuated)
ROW_MAX = 60  # characters of the whole row

# A key's colon inside a row (NFKC: ： is :): a word of Han (or Latin, LV6 is a value) opening the row or
# after a space; a time's colon (9:00) has digits either side and no word before it.
_PART = re.compile(r"(?:^|(?<=\s))([^\s\d:|/·,。!?;、…()\[\]【】《》]{1,12})\s*:\s*")


def _parts(text: str) -> list[tuple[str, str]] | None:
    """(key, value) pairs of ``text`` (normalised) when it opens with a key, else None."""
    found = list(_PART.finditer(text))
    if not found or found[0].start() != 0:
        return None
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(m.group(1), text[m.end() : end].strip()) for m, end in zip(found, ends, strict=True)]


def _fact_key(key: str, value: str, facts: frozenset[str]) -> bool:
    """Is ``key`` one an article's facts give (时间, 地点 …), or a word closing with one (活动地点)? A
    longer key closing with 日期 over a date with its year (上载日期：2026年3月21日, 刊登日期：2026-12-01)
    is the page's stamp of itself: an event's date is a bare 日期, a 时间 (上市时间：…, 活动时间：…),
    its day without the year or a span (展览日期：2026年5月18日至8月31日)."""
    if len(key) > 2 and key.endswith(_STAMP_KEY) and _DATED.fullmatch(value):
        return False
    return key in facts or any(key.endswith(fact) for fact in facts) or key_of(key) in facts


_STAMP_KEY = "日期"
# A value that is a form's blank (学生姓名：__________): a field to fill in, the article's form.
_BLANK = re.compile(r"[_\s.…—\-]*")
# A phone number in a value (0371-65901234, (05)1234567, 400-880-6655, 13812345678; a code's digits are no phone:
# CJ20260715009): a contact the article
# gives (报名咨询：…, 预约专线：…), as its facts' 电话 is.
_PHONE = re.compile(r"\d{3,4}-\d{7,8}|\(\d{2,4}\)\s*\d{3,4}-?\d{4}|(?<!\d)\d{3,4}-\d{4}(?!\d)|\d{3}-\d{3}-\d{4}|(?<![A-Za-z\d])\d{7,}(?![A-Za-z\d])")
# An attachment's key (附件：…, 附件2：…, 附档：…): a file the article's text refers to, its own (a related
# one, 相关附件：…, is record_rows' ``related``).
_ATTACHMENT = re.compile(r"附(?:件|档)\d*")
# A span (即日起至115年6月30日止, 9:00~17:00): a period the article gives (受理期间, 开放时间), no record's value.
_SPAN = re.compile(r"至|~|～")
# A value that is one date with its year and at most its time: 2026-12-01, 2026/07/15 10:12, 2026年3月21日,
# 115-06-11 (a Minguo year); no span (2026年5月18日至8月31日 is an event's).
_DATED = re.compile(r"(?:(?:19|20)\d\d|1\d\d)\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?")


def unnamed_field(text: str) -> bool:
    """Is ``text`` (normalised) a row of the record's shape (module docstring: ``shape``)?"""
    if len(text) > ROW_MAX or keys_of(text) == 0 or (parts := _parts(text)) is None:
        return False
    facts = _facts(dated=True)
    return all(0 < len(key) <= KEY_SHORT and 0 < len(value) <= VALUE_MAX and not _BLANK.fullmatch(value)
               and not _PHONE.search(value) and not _SPAN.search(value) and not _fact_key(key, value, facts) and not _ATTACHMENT.fullmatch(key) for key, value in parts)


def parallel(texts: list[str]) -> bool:
    """Do two of the rows ``texts`` open with one key (新增：… over 新增：…) or keys of one pattern, of
    one length and one character apart (公开组金奖：… over 公开组银奖：…, 第一名：… over 第二名：…)? Then
    they are a list's rows, the article's (its changes, its prizes, its ranking): a record's keys are
    different words (内容维护, 审核人)."""
    keys = [parts[0][0] for text in texts if (parts := _parts(text))]
    return any(len(a) == len(b) and (a == b or len(a) >= 2 and sum(x != y for x, y in zip(a, b, strict=True)) == 1)
               for i, a in enumerate(keys) for b in keys[i + 1 :])


BYLINE_FIELDS = 2  # fields a row under the headline holds at least to be its byline by shape
# A count as a value: 342, 2.1万, 3,046 (a post's, a recipe's or a page's tally).
# A code (证券代码：002987, 688000) is none: no leading zero, at most five digits ungrouped.
_COUNT = re.compile(r"[1-9]\d{0,4}|[1-9]\d{0,2}(?:,\d{3})+|\d+(?:\.\d+)?万")


def byline_rows(texts: list[str], headline: int, done: set[int]) -> list[int]:
    """Positions of the rows right under the article's headline (``headline``, a position; -1 when the
    title names none) that are its byline by shape: ``BYLINE_FIELDS`` fields or more, each of the
    record's shape (``unnamed_field``: 楼主：… 等级：LV6 发帖：342 注册：2019-03-02), one of them a date with
    its year or a count. A byline's keys are every site's own; an article's facts under its headline
    give a fact's key (比赛时间：… 比赛地点：…: no such row), a work's card no date and no count
    (导演：… 主演：…), and a period two dates and no count (生于：1932年4月5日 卒于：2026年11月30日, 开幕：… 闭幕：…:
    a byline stamps the page once). The run stops at the first other row (``done``: gone already, passed over)."""
    out: list[int] = []
    if headline < 0:
        return out
    for pos in range(headline + 1, len(texts)):
        if pos in done:
            continue
        text = texts[pos]
        if keys_of(text) < BYLINE_FIELDS or not unnamed_field(text):
            break
        values = [value for _, value in _parts(text) or []]
        dates = sum(bool(_DATED.fullmatch(v)) for v in values)
        if not any(_COUNT.fullmatch(v) for v in values) and dates != 1:
            break
        out.append(pos)
    return out
