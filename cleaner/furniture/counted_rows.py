"""The article's own rows beside its body: steps it counts, a timetable, a block of facts.

Body finding (``body.py``) weighs prose, and an article made of short lines has little: a notice's
steps (``第一步 下载并打开APP`` … ``第六步 申领成功``), a day's programme (``09:00 校友签到`` …
``14:00 院系座谈``), an event's facts (``活动时间：…``, ``集合地点：…``, ``适合年龄：…``) stand under or
over a few lines of prose, outside the body, where short lines without sentence marks lean
furniture (a time makes a programme a "stamped" list, which goes as a block). Furniture beside an
article has other shapes: a related list dates or counts its titles at their ends
(``标题 04-27``, ``鱼香茄子 12.5万浏览``) and stands under a heading (相关, 推荐: a barrier); a
byline's fields say when, where from and how often read (发布时间, 来源, 浏览: ``RECORD_KEY``).

So the body grows over a run of the article's rows right beside it, with nothing between that
ends an article or carries a furniture sign (the caller's ``stop``) nor the headline:

- **a counted sequence** (``sequences``), starting at most ``REACH`` lines below the body:
  ``MIN_ROWS`` rows or more opening with one kind of
  ordinal that counts up by one (``1.`` ``2.``; ``一、`` ``二、``; ``第一步`` ``第二步``; ``(1)``
  ``(2)``) or with a time of day that rises (``8:00-8:30`` ``8:40-10:00``), at most ``GAP`` other
  lines between two of them (a section's heading: ``新增``, ``优化``), most rows ending in no date
  nor count (a ranking of titles with their dates counts up too). Above the body a numbered
  list is a table of contents, which goes as a list (``tests/test_generic_furniture.py``);
- **a block of facts** (``fact_runs``), ending at most ``REACH`` lines above the body (between
  the headline and the text: an event's time, place and speaker): ``MIN_ROWS`` consecutive rows
  of one field each (``key：value``, a key of two to six Han characters, short), no key of them a
  field of the page's record of itself (``RECORD_KEY``: a byline's, a metadata table's). Below
  the body a blog's ``前一篇：…`` ``后一篇：…`` over a comment's ``重要提示：…`` read as three fields
  (the spent set ``unseen2``), so facts there are left to the model, as before.

A grown run's rows lie inside the body, and ``rows`` (every sequence's and block's rows) inside
the body are kept whatever their score (``generic.decide``): ``日期：2026年8月30日（六）`` among a
talk's facts scored as a site's date line. A step of a sequence is also held back from the
generic rules (``boilerplate._counted_step``: ``第一步 下载并打开“掌上人社”APP`` is no app prompt).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import wraps

MIN_ROWS = 3  # rows of a sequence or a block of facts
GAP = 3  # other lines at most between two rows of a sequence (a section's heading)
REACH = 2  # lines at most between the body and the run (its heading, its introduction)
FACT_MAX = 40  # characters of a row of facts (a field, not a paragraph)

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_OPENERS = frozenset("一二三四五六七八九十(第")  # what an ordinal but a digit opens with (the patterns below)
# A page's record of itself (a byline, a metadata table): when, where from, by whom edited, how often read.
RECORD_KEY = re.compile("发布|更新|发表|发稿|来源|编辑|责编|浏览|点击|阅读|点阅|访问|字号|索引|文号|分类")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?!\d)")
_ARABIC = re.compile(r"^(\d{1,2})(?:[.、)]|\s)(?!\d)")  # 1. 1、 1) (NFKC: the full-width marks are ASCII or kept)
_HAN_ORDINAL = re.compile(r"^([一二三四五六七八九十]{1,3})、")
_STEP = re.compile(r"^第([一二三四五六七八九十]{1,3}|\d{1,2})([\u3400-\u9fff])")
_BRACKET = re.compile(r"^\(([一二三四五六七八九十]{1,3}|\d{1,2})\)")
_FACT = re.compile(r"^([\u3400-\u9fff]{2,6})\s*:\s*\S")
_TAIL_STAMP = re.compile(r"(\d{1,4}[-/.]\d{1,2}|\d+[万千]?\s*(浏览|阅读|评论|点击|次|人)|\(\d+\))\s*$")


def _number(word: str) -> int:
    """The value of an Arabic number or a Han one up to 99 (十, 十二, 二十, 二十三)."""
    if word.isdigit():
        return int(word)
    if "十" not in word:
        return _CN_DIGITS.get(word, -1) if len(word) == 1 else -1
    tens, _, ones = word.partition("十")
    return (_CN_DIGITS.get(tens, -1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, -1) if ones else 0)


def ordinal(text: str) -> tuple[str, int] | None:
    """(kind, value) of the ordinal or the time of day a line opens with, or None. A time's value
    is its minutes; ``第一步`` and ``第二条`` are of a kind with their measure word."""
    text = text.lstrip()
    # Every ordinal opens with a digit (``\d``: any decimal digit), a Han numeral, a bracket or 第:
    # most lines open with none, and are answered without the patterns (asked of every line twice a page).
    if not text or not (text[0].isdecimal() or text[0] in _OPENERS):
        return None
    m = _TIME.match(text)
    if m:
        return "time", int(m.group(1)) * 60 + int(m.group(2))
    for kind, pattern in (("arabic", _ARABIC), ("han", _HAN_ORDINAL), ("bracket", _BRACKET)):
        m = pattern.match(text)
        if m:
            return kind, _number(m.group(1))
    m = _STEP.match(text)
    if m:
        return "step" + m.group(2), _number(m.group(1))
    return None


def _last_page(find: Callable[[Sequence[str]], list[tuple[int, int]]]) -> Callable[[Sequence[str]], list[tuple[int, int]]]:
    """``find``, its answer for the lines it was last asked of kept: body finding (``grow_over_rows``)
    and the model's reading (``rows``) ask it of the same lines of a page in turn. The caller gets
    a list of its own; the lines are compared whole (a tuple of them), so an answer never serves
    other lines."""
    last: list = [None]

    @wraps(find)
    def remembered(texts: Sequence[str]) -> list[tuple[int, int]]:
        key = tuple(texts)
        kept = last[0]  # one read: another thread may replace it meanwhile
        if kept is None or kept[0] != key:
            kept = last[0] = (key, find(key))
        return list(kept[1])

    return remembered


@_last_page
def sequences(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) of the counted sequences among the lines (see the module's docstring)."""
    marks = [ordinal(text) for text in texts]
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(texts):
        mark = marks[pos]
        if mark is None or mark[1] < 0:
            pos += 1
            continue
        rows, last = [pos], pos
        for nxt in range(pos + 1, len(texts)):
            if nxt - last > GAP + 1:
                break
            other = marks[nxt]
            if other is None or other[0] != mark[0]:
                continue
            prev = marks[last][1]
            if (other[1] > prev) if mark[0] == "time" else (other[1] == prev + 1):
                rows.append(nxt)
                last = nxt
            else:
                break
        stamped = sum(1 for r in rows if _TAIL_STAMP.search(texts[r]))
        if len(rows) >= MIN_ROWS and 2 * stamped < len(rows):
            out.append((rows[0], rows[-1]))
            pos = rows[-1] + 1
        else:
            pos += 1
    return out


def one_field(text: str) -> str | None:
    """The key of a line of one short field (``集合地点：绿川湿地公园北门``: a key of two to six Han
    characters, a value, no second key on the line), or None."""
    m = _FACT.match(text)
    if not m or len(text) > FACT_MAX or _FACT_KEYS.search(text[m.end():]):
        return None
    return m.group(1)


_FACT_KEYS = re.compile(r"\s[\u3400-\u9fff]{2,6}\s*:")  # a second field on the line (a byline's row of keys)


@_last_page
def fact_runs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) of the runs of ``MIN_ROWS`` consecutive lines of one field each (``one_field``),
    no key of them a field of the page's record of itself (``RECORD_KEY``: a run holding one,
    ``发布时间：`` or ``来源：``, is a byline's or a metadata table's, all of it)."""
    out, start = [], 0
    keys: list[str] = []
    for pos, text in enumerate(list(texts) + [""]):
        key = one_field(text)
        if key is not None:
            start = pos if not keys else start
            keys.append(key)
            continue
        if len(keys) >= MIN_ROWS and not any(RECORD_KEY.search(k) for k in keys):
            out.append((start, pos - 1))
        keys = []
    return out


def rows(texts: Sequence[str]) -> set[int]:
    """Positions of the rows of every counted sequence (the lines opening with its ordinal) and
    of every block of facts among the lines."""
    out = {pos for a, b in fact_runs(texts) for pos in range(a, b + 1)}
    for a, b in sequences(texts):
        kind = ordinal(texts[a])[0]
        out.update(pos for pos in range(a, b + 1) if (mark := ordinal(texts[pos])) and mark[0] == kind)
    return out


def grow_over_rows(texts: Sequence[str], first: int, last: int, stop: Callable[[int], bool],
                   headline: Callable[[int], bool], stamp: Callable[[int], bool] = lambda pos: False,
                   taken: Callable[[int], bool] = lambda pos: False) -> tuple[int, int]:
    """The body (``first``..``last``, positions in ``texts``) grown over the article's rows beside
    it: each run of ``sequences`` starting at most ``REACH`` lines below the body, each of
    ``fact_runs`` ending at most ``REACH`` lines above it, none of the lines between a
    ``stop`` (a barrier, an end marker, a furniture sign) nor the line the page's title names (``headline``), and
    none of its own lines a ``stop`` but a post's stamp (``stamp``: a barrier for its date and time
    alone; a programme's ``12月10日 08:00-17:00 东湖线`` and an event's ``时间：10月15日 14:30`` say
    when, in the run's own form), and no line taken before the model judged (``taken(pos)``: by a
    rule or a portal family, right above ``pos``) between the body and the run: a disclaimer a rule
    took between an article and ``热门研报`` over ``1. 电子行业：…`` parts them. A run's first row the title names (``学术讲座：…`` over its
    facts) is left to the caller, which starts the body under a headline."""
    if last < first:
        return first, last
    runs = [(a, b, True) for a, b in sequences(texts)] + [(a, b, False) for a, b in fact_runs(texts)]
    between = lambda lo, hi: not any(stop(p) or headline(p) for p in range(lo, hi)) \
        and not any(taken(p) for p in range(lo, hi + 1))  # noqa: E731
    own = lambda lo, hi: not any(stop(p) and not stamp(p) for p in range(lo, hi + 1))  # noqa: E731
    grown = True
    while grown:
        grown = False
        for start, end, counted in sorted(runs):
            if counted and start > last and start - last - 1 <= REACH and between(last + 1, start) and own(start, end):
                last, grown = end, True
            elif not counted and end < first and first - end - 1 <= REACH and between(end + 1, first) and own(start, end):
                first, grown = start, True
    return first, last
