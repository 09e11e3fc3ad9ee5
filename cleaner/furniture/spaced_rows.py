"""A row of short items split by spaces alone, outside the article: a site's channels (热门 推荐 排行
专题, 新房 二手房 租房 装修 家居), its buttons (询底价 预约看房 户型图, 上一道 下一道 全部菜谱) and a
rating widget (7.8分 读过 想读) and its count of raters alone on its line (12034人评价).

Split by spaces and not by the explicit separators of a menu row (``generic.structural``: 热点 | 社会),
such a row is also what a caption's names or an article's own list look like (王涛 李明 张强, 盐 糖 酱油),
so its shape alone is no evidence: its words are. A row is the site's when it has at least
``ITEMS_MIN`` items of at most ``ITEM_MAX`` characters, no sentence, clause or key mark, and most of its
items (``SHARE_MIN``, at least two) are the site's words (``data/site_sections.toml``), the lexicon's
labels (回首页, 分享到) or a rating's score (8.1分). The article's own rows of that shape are keyed
(配料：葱 姜 八角, 城市队首发：…, 曲目：…) or hold words no site sets as a row; and only rows outside the
article's body are asked (``generic.decide``): a row of the site's inside the body is left to the model.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from cleaner import warm_tables

DATA = Path(__file__).resolve().parent / "data" / "site_sections.toml"
ITEMS_MIN = 3  # items of a row: two words split by a space are a name, a phrase or a pair of labels
ITEM_MAX = 6  # characters of one item (询底价, 预约看房, QQ空间)
ROW_MAX = 40  # characters of the whole row
SHARE_MIN = 0.6  # of the items, the site's words

# A sentence's, a clause's or a key's mark: an article's row of items is introduced by its key (配料：…).
_MARKS = re.compile(r"[。!?！？,，、;；:：“”\"()（）《》〈〉「」]")
_SCORE = re.compile(r"\d{1,2}(?:\.\d)?分")  # a rating's score beside its choices
# A rating's count of raters under its score, alone on its line (12034人评价, 2,315人評分 folded).
_RATERS = re.compile(r"\(?\d[\d,]*\s*人(?:评价|评分|打分|参与评分|看过|想看|读过|想读|听过|玩过)\)?")


@warm_tables.table
@lru_cache(maxsize=2)
def load_words(path: Path = DATA) -> frozenset[str]:
    """The site's row words of the data file (every list under ``[rows]``), folded as lines are."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = data.get("rows", {})
    words = {unicodedata.normalize("NFKC", w).strip() for group in rows.values() for w in group}
    if not words or "" in words:
        raise ValueError(f"{path}: [rows] needs lists of non-empty words")
    return frozenset(words)


def spaced_row(text: str, label: Callable[[str], bool], words: frozenset[str] | None = None) -> bool:
    """Is a folded line a row of the site's short items split by spaces? ``label(item)``: the item is
    one of the lexicon's furniture labels."""
    if len(text) > ROW_MAX or _MARKS.search(text):
        return False
    items = text.split()
    if len(items) < ITEMS_MIN or any(len(item) > ITEM_MAX for item in items):
        return False
    words = words if words is not None else load_words()
    site = sum(1 for item in items if item in words or _SCORE.fullmatch(item) or label(item))
    return site >= 2 and site >= SHARE_MIN * len(items)


def raters(text: str) -> bool:
    """Is a folded line a rating widget's count of raters alone (12034人评价)?"""
    return _RATERS.fullmatch(text.strip()) is not None
