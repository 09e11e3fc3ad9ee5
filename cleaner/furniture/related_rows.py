"""A related box written on one line: its heading, a colon, and its titles split by commas.

A site sets its box of other pages on one line as often as under a heading, between paragraphs
and under the article, in both scripts: ``相关推荐：倒春寒来了吗，春季如何预防感冒，本周末出行指南``,
``相關食譜：麻油雞，三杯中卷，宮保雞丁``, ``更多视频：周末带娃去哪玩，春季赏花地图出炉``,
``相关公告：华森股份2025年年度报告，华森股份关于收到问询函的公告``. Its commas split titles, so the
line features read it as a sentence of clauses, and ``interleaved``'s related leads name a fixed
list of headings (相关新闻, 延伸阅读 …) that misses the rest: 相关游记, 相关案例, 相关股票, 更多视频.

The heading is read with the lexicon's grammar of a box's heading (``[related]``, as ``boxes``
reads a heading alone): a relation to the page with any noun (相关, 延伸, 同类 + 游记, 食谱, 案例),
a lead word with a noun of the site's stories or pieces (热门, 推荐, 更多 + 视频, 文章, 链接), or a
whole heading of the list. Then a colon and ``ITEMS_MIN`` items or more split by commas,
semicolons, 、 or ``|``, and no sentence's end anywhere (a title that asks keeps no ？ in such a row).
An article's line of the same shape names people, bodies or what to bring (相关负责人：…,
相关部门：…, 相关材料：身份证、户口本): a noun the lexicon lists in ``[related] not_boxes`` is none.

The same box is set with spaces as often, the heading's colon dropped (``spaced_row``): ``相关新闻
港铁 东涌 基建``, ``热门游戏 原神 黑神话 王者荣耀``, ``猜你喜欢 可乐鸡翅 糖醋排骨 红烧鱼``, ``相关楼盘 远洋天著
保利和光``. A spaced row of an article opens with a word of its own (``第一天 庾村 剑池``, ``主料 五花肉
500克``, ``可能原因 过敏性咳嗽 咽喉炎``), so only a heading the lexicon knows as the site's reads so: a
whole heading, a relation with a noun of the site's pages (not a relation with any noun: ``相关症状 发热
咳嗽`` is an article's), or a lead with one; items split by spaces, ``ITEMS_MIN`` or more, each at
most ``SPACED_ITEM_MAX`` characters, and no colon, clause mark or sentence's end anywhere.

A box lists pages by their headlines, which say something (``TITLE_MIN`` characters or more); an
article lists terms, which name (相关症状：发热，咳嗽，咽痛; 相关药物：奥司他韦，玛巴洛沙韦; 相關景點：
士林官邸，芝山岩). After a relation and a noun the lexicon does not know as the site's (its stories,
pieces and headings), at least half the items are headline-long. A site's pages titled by a name
(``[related] named_pages``: 食谱, 股票, 车型) are listed by their short names: 相關食譜：麻油雞，三杯中卷.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner import warm_tables
from cleaner.furniture.related_words import alternation, load_related

ITEMS_MIN = 2  # titles after the heading
NOUN_MAX = 4  # characters of the noun after a relation (游记, 食谱, 案例, 公告文件)
TITLE_MIN = 6  # characters of a headline-long item (五一青龙峡一日游; not 全身乏力, 芝山岩)
_ITEM_BREAK = re.compile(r"\s*[,;、|]\s*")
_SENTENCE = re.compile(r"[。!?…]")


@warm_tables.table
@lru_cache(maxsize=1)
def _heading() -> re.Pattern:
    words = load_related()
    nouns = alternation(words.stories + words.pieces)
    not_boxes = alternation(words.not_boxes)
    known = alternation(words.stories + words.pieces + words.named_pages)
    return re.compile(
        rf"^[\[【(]?\s*(?:(?P<known>{alternation(words.headings)}|(?:{alternation(words.relations)})(?:{known}))(?=\s*[\]】)]?\s*:)"
        rf"|(?:{alternation(words.relations)})(?!(?:{not_boxes})\s*[\]】)]?\s*:)[\u3400-\u9fff]{{1,{NOUN_MAX}}}"
        rf"|(?P<lead>(?:{alternation(words.leads)})(?:{nouns})))\s*[\]】)]?\s*:\s*(?=\S)")


SPACED_ITEM_MAX = 16  # characters of an item of a box set with spaces (a name, a tag, a short title)
_NOT_SPACED = re.compile(r"[:,;、|。!?…]")


@warm_tables.table
@lru_cache(maxsize=1)
def _spaced_heading() -> re.Pattern:
    words = load_related()
    known = alternation(words.stories + words.pieces + words.named_pages)
    nouns = alternation(words.stories + words.pieces)
    return re.compile(rf"^[\[【(]?\s*(?:{alternation(words.headings)}|(?:{alternation(words.relations)})(?:{known})"
                      rf"|(?:{alternation(words.leads)})(?:{nouns}))\s*[\]】)]?\s+(?=\S)")


def spaced_row(text: str) -> bool:
    """Is ``text`` (folded, NFKC) a related box on one line set with spaces (module docstring)?"""
    if " " not in text or _NOT_SPACED.search(text):
        return False  # most lines: a sentence, a clause, a row with its colon (related_row)
    m = _spaced_heading().match(text)
    if not m:
        return False
    items = text[m.end():].split()
    return len(items) >= ITEMS_MIN and all(len(x) <= SPACED_ITEM_MAX for x in items)


def related_row(text: str) -> bool:
    """Is ``text`` (folded, NFKC) a related box on one line (module docstring)?"""
    if ":" not in text or _SENTENCE.search(text):
        return False  # most lines: no colon; a sentence's end: an article's line
    m = _heading().match(text)
    if not m:
        return False
    items = [x for x in _ITEM_BREAK.split(text[m.end():].strip()) if x]
    if len(items) < ITEMS_MIN or any(":" in x for x in items):
        return False  # another key: a row of fields, not titles
    # A noun the lexicon does not know as the site's: headlines, not the article's terms (module docstring).
    return bool(m.group("known") or m.group("lead")) or 2 * sum(len(x.replace(" ", "")) >= TITLE_MIN for x in items) >= len(items)
