"""A fact card of the article's subject under the site's label: the site's database box set above or
beside a profile, a company's news, a review or an exhibition (``人物档案`` over ``姓名：马玉芳`` /
``出生：1952年4月`` / ``职业：林业工程师``; ``公司资料`` over ``成立时间：1998年`` / ``总部：浙江宁波``; ``店家資訊``
over ``地址：…`` / ``營業時間：…``).

Its rows are keyed facts of the article's own subject, so nothing in them is furniture's: the line
model reads a run of short keyed rows as the article's facts, as hand copies keep them under an
event's or a product's headline (``导演：…``, ``屏幕：…``: ``work_cards.py``, ``programme_dates.py``). What
tells the site's box is its label: a word naming the subject (人物, 公司, 景点, ``[fact_cards] subjects``)
and a word naming a box (档案, 资料, 信息, 简介, ``[fact_cards] boxes``), alone on its line, right over
two keyed rows or more. An article introduces its own table with a sentence (主要经营数据如下：) or a
section title of its matter (一、活动安排), not with the name of a box; and a notice's own 项目信息 or
活动信息 is no subject's card (neither word is a subject here).

It stands above the article's first line of prose, between the headline and the body, where the site
sets its box. Below the body the same label and rows are the article's own closing facts: a museum's
release about its own exhibition ends on ``展覽資訊`` over ``展期：…`` and ``地點：…``, and hand copies keep them.

The label and the run of keyed rows under it go (family ``fact-card``); the run ends at the first line
that is no keyed row. Lines are folded and NFKC-normalised (``portals.portal_lines``' texts).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cleaner.furniture.entries import title_parts
from cleaner.furniture.site_boxes import DATA, alternation

ROWS_MIN = 2  # keyed rows under the label that make it a card (one row under a label is a heading's fact)
ROW_MAX = 40  # characters of a card's row
KEY_MAX = 6  # characters of a card's key
# A keyed row: a short key of letters (no digit: not a time's 08:00), its colon, a short value that
# ends no sentence (出生：1961年，香港 holds a comma, no clause of prose).
_ROW = re.compile(rf"^[^\s\d:：。!?]{{1,{KEY_MAX}}}\s*:\s*[^。!?]{{1,{ROW_MAX}}}$")


@lru_cache(maxsize=1)
def label_pattern(path: Path = DATA) -> re.Pattern:
    """A card's label alone on its line: a subject and a box (人物小档案, 公司简介, 景点资讯), perhaps
    bracketed or closed by a colon."""
    subjects, boxes = alternation("fact_cards", "subjects", path), alternation("fact_cards", "boxes", path)
    return re.compile(rf"^[\[【(]?(?:{subjects})(?:{boxes})[\]】)]?\s*:?$")


def keyed_row(text: str) -> bool:
    """A card's row: a short key, its colon and a short value, no sentence."""
    return len(text) <= ROW_MAX + KEY_MAX + 2 and bool(_ROW.match(text.strip()))


def fact_cards(texts: list[str], prose: list[bool]) -> list[int]:
    """Positions of the labels of ``texts`` above its first line of prose (``prose``) and of the keyed
    rows under each (the module's docstring)."""
    label = label_pattern()
    first = next((pos for pos, x in enumerate(prose) if x), len(texts))
    out: list[int] = []
    for pos, text in enumerate(texts[:first]):
        if len(text) > 12 or not label.match(text.strip()):
            continue
        end = pos + 1
        while end < len(texts) and keyed_row(texts[end]):
            end += 1
        if end - pos - 1 >= ROWS_MIN:
            out.extend(range(pos, end))
    return out



# An encyclopedia entry's box of facts (百度百科, 互动百科, 搜狗百科 as a copy gives it: ``中文名 白鹭湖`` /
# ``所属地区 江苏省某县`` / ``面积 约12平方千米``): rows of a short key, a space and a short value, no colon,
# the first keyed by the entry's name (every such box opens with it). An article names its subject in a
# sentence; no paragraph opens with ``中文名`` and a space.
_ENTRY_FIRST = ("中文名", "中文名称", "外文名", "外文名称", "英文名", "英文名称", "本名", "学名")
_ENTRY_ROW = re.compile(r"^([^\s\d:。!?,;]{2,6})\s+([^\s。!?;][^。!?;]{0,29})$")


def entry_boxes(texts: list[str], title: str | None = None) -> list[int]:
    """Positions of the rows of an encyclopedia entry's box of facts: a run of ``ROWS_MIN`` rows or more
    (``_ENTRY_ROW``), the first keyed by one of ``_ENTRY_FIRST`` and naming the entry itself, the
    page's first line or its title (中文名 白鹭湖 on 白鹭湖's page): an article's own box of facts
    between its paragraphs (中文名 阿司匹林 in a piece on medicines) names what it is about."""
    names = {texts[0].strip()} if texts else set()
    if title:
        names.update(title_parts(title))  # 白鹭湖_百度百科
    out: list[int] = []
    pos = 0
    while pos < len(texts):
        text = texts[pos]
        m = _ENTRY_ROW.match(text) if text.startswith(_ENTRY_FIRST) else None
        if m is None or m.group(1) not in _ENTRY_FIRST or m.group(2).strip() not in names:
            pos += 1
            continue
        end = pos + 1
        while end < len(texts) and _ENTRY_ROW.match(texts[end]):
            end += 1
        if end - pos >= ROWS_MIN:
            out.extend(range(pos, end))
        pos = end
    return out
