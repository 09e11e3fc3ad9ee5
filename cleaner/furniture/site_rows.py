"""Rows of a site's own outside the article's prose: credit rows, last-updated lines, a shop's
price lines, a tag key over its items.

Each is a row of keys, values, dates or prices and no sentence, and each is the site's where it
stands: below the article's last prose line (a credit row ``本文来源：中国新闻网 作者：王晓``,
``（撰稿：王敏 摄影：刘洋 编辑：李华）``), or outside the prose altogether (a last-updated line
``最后更新日期：2024-04-10``, a tag key alone with its items on the next line ``文章标签`` /
``台南 安平 老街``, and on a shop's page a price ``¥ 368.00``, ``原价：¥ 498.00``, and its quantity
picker ``数量： - 1 + 件 库存 89 件``). Inside the
prose the same rows may be the article's (a notice's own 来源 and 编辑 sentences, a table of
prices), so they stay there. ``portals.portal_lines`` calls ``site_rows`` once; the families are
``credit-row``, ``dateline``, ``price`` and ``tags``. A credit row holding an end marker of the
lexicon (``编辑：``, ``责任编辑``) is the line model's evidence of where the article ends (the lines
under it are past its end): ``portal_lines`` leaves it to the model, and ``portals.portal_stamps``
takes it after the model if the model kept it, as it does a post's stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROW_MAX = 80  # characters of a credit row
PRICE_MAX = 40  # characters of a price line (a product's name and its price)
TAG_ITEMS_MAX = 40  # characters of a line of tags under a bare tag key
TAG_ITEM = 8  # characters of one tag

_SENTENCE_END = re.compile(r"[。!?！？]")
_DATE = r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
_TIME = r"(?:\d{1,2}\s*[:时]\s*\d{2}(?:\s*[:分]\s*\d{2}\s*秒?)?分?)"
# A last-updated line: the key, a date, perhaps a time, nothing else (最后更新：2024/03/18 13:42,
# 更新时间 2023-11-02, 最後修改日期：2024-03-12 after folding), or created (菜谱创建时间：2019-03-12 20:41,
# the key naming what was created). Not 发布时间: the publication date
# over an article is kept by hand copies, and the line model reads it as where the article starts.
UPDATED = re.compile(rf"[(\[【]?\s*[\u3400-\u9fff]{{0,4}}?(?:最后|最近)?(?:更新|修改|修订|创建)(?:日期|时间|于)?\s*:?\s*{_DATE}(?:\s*{_TIME})?\s*[)\]】]?")
# A price with its currency sign (NFKC folds ￥ to ¥).
_PRICE = re.compile(r"¥\s*\d[\d,]*(?:\.\d{1,2})?")
# What a price line holds besides prices: its key (原价, 券后价), a colon, separators.
_PRICE_WORDS = re.compile(r"(?:原价|现价|售价|价格|促销价|优惠价|活动价|到手价|券后价|划线价|会员价|市场价|参考价|定价|起)?\s*[:|/·\s-]*")
# A shop's quantity picker with its stock (数量： - 1 + 件 库存 89 件).
_QUANTITY = re.compile(r"数量\s*:?\s*-?\s*\d+\s*\+?\s*[件个套只把台份]?(?:\s*(?:库存|剩余|仅剩)\s*\d+\s*[件个套只把台份]?)?")
_TAG_SPLIT = re.compile(r"\s*[,，、;；|/\s]\s*")


@dataclass(frozen=True)
class RowWords:
    """The lexicon's words these rows are read with (``[portals]``)."""

    credit_key: re.Pattern  # a credit key with its colon, at the row's start or after a space
    licence: re.Pattern  # a practising licence's key, its colon and its number (执业证书编号：S0100519080002)
    tags: frozenset  # tag keys (标签, 词条标签), a row's key alone on its line
    shop: frozenset  # words of a shop's buttons and counters: a page holding one is a shop's


def credit_pattern(credits: list[str]) -> re.Pattern:
    """A credit key (文, 来源, 编辑, 摄影 …, 来源 also as 本文来源) and its colon, where a key
    starts: the row's start, a space, a bracket or a separator (原文：… holds 文 and a colon). Keys
    one person holds are joined by slashes before the one colon (策划/拍摄/剪辑：阿梨)."""
    keys = "|".join(re.escape(w) for w in sorted(set(credits), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:^|(?<=[\s(\[【|丨/]))(?:本文|文章|稿件|新闻|信息|图片)?(?:{keys})(?:\s*[/、]\s*(?:{keys}))*\s*:")


def licence_pattern(licences: list[str]) -> re.Pattern:
    """A practising licence's key (执业证书编号, 证监会中央编号), its colon and a number of letters and
    digits with a digit in it (S0100519080002, AXY123)."""
    keys = "|".join(re.escape(w) for w in sorted(set(licences), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:{keys})\s*:\s*(?=[A-Z0-9]*\d)[A-Z0-9]{{5,20}}(?![A-Za-z0-9])")


def _licence_row(text: str, licence: re.Pattern) -> bool:
    """A licence's number with its holder keyed before it on the row (分析师：王立诚 执业证书编号：…): the
    report's credit. A number alone on its row, or after a bare name, is what a notice lists (证书编号：D244012345
    under the company whose certificate it revokes, 张某某，执业证书编号：… in a list of names): the article's."""
    m = licence.search(text)
    return m is not None and ":" in text[: m.start()]


def site_rows(texts: list[str], families: list[str], prose: list[bool], words: RowWords) -> None:
    """Mark the rows of the module docstring in ``families`` (a line of a family keeps it)."""
    first = next((p for p, x in enumerate(prose) if x), None)
    if first is None:
        return  # no article prose: nothing is outside it
    last = max(p for p, x in enumerate(prose) if x)
    shop = any(families[p] in ("actions", "stats") and any(w in texts[p] for w in words.shop) for p in range(len(texts)))
    for pos, text in enumerate(texts):
        if prose[pos] or first <= pos <= last:
            continue
        # Cheap gates first (a set lookup, a substring); a pattern only on the lines they pass.
        if (families[pos] in ("", "tags") and text.rstrip(": ") in words.tags and pos + 1 < len(texts) and not families[pos + 1]
                and not prose[pos + 1] and _tag_items(texts[pos + 1])):
            # A tag key alone (标签, 词条标签：) has its items on the next line; form() may have
            # taken the key itself (a tag key and a colon), never the items.
            families[pos] = families[pos + 1] = "tags"
        elif families[pos]:
            continue
        elif pos > last and len(text) <= ROW_MAX and ":" in text and credit_row(text, words.credit_key):
            families[pos] = "credit-row"
        elif len(text) <= ROW_MAX and ":" in text and not _SENTENCE_END.search(text) and _licence_row(text, words.licence):
            # An analyst's row with the licence number a regulator makes every report print
            # (分析师：王立诚 执业证书编号：S0100519080002): the publisher's, above the report or below it.
            families[pos] = "credit-row"
        elif len(text) <= 40 and ("更新" in text or "修改" in text or "修订" in text or "创建" in text) and UPDATED.fullmatch(text):
            families[pos] = "dateline"
        elif shop and len(text) <= PRICE_MAX and "¥" in text and _price_line(text):
            families[pos] = "price"
        elif shop and len(text) <= PRICE_MAX and text.startswith("数量") and _QUANTITY.fullmatch(text):
            families[pos] = "price"
    _credit_stacks(texts, families, last, words.credit_key)


CREDIT_STACK = 2  # credit lines in a row below the prose that make one credit row set over lines
# Families of credit lines a stack runs through: a photographer's line between two credits
# (策划：郭明 / 摄影：陈立 王森 / 文字：刘芳) is one of the stack's, not its end.
CREDIT_FAMILIES = ("credit-row", "photo-credit", "bar-credit")
CREDIT_VALUE = 32  # characters of one credit's value in a stack (a song and its artist, a camera and its lens)


def _credit_stacks(texts: list[str], families: list[str], last: int, key: re.Pattern) -> None:
    """Credits set one to a line below the article's last prose line (文字：张三 / 摄影：李四 /
    编辑：王五, a programme's 主持人：李婷 over 编导：王强 摄像：孙明): ``CREDIT_STACK`` or more such
    lines in a row are a credit row over several lines. One credit line alone stays (a source
    or an editor under the article: hand copies keep some)."""
    pos = last + 1
    while pos < len(texts):
        end = pos
        while end < len(texts) and (families[end] in CREDIT_FAMILIES or not families[end] and len(texts[end]) <= ROW_MAX
                                    and ":" in texts[end] and _credit_line(texts[end], key)):
            end += 1
        if end - pos >= CREDIT_STACK:
            for k in range(pos, end):
                families[k] = "credit-row"
        pos = end + 1


def credit_row(text: str, key: re.Pattern) -> bool:
    """Two or more credit keys, one opening the row, each value short (a name, an outlet): 本文来源：
    中国新闻网 作者：王晓; (撰稿：王敏 摄影：刘洋 编辑：李华). No clause: a sentence naming its source
    (来源：据新华社报道，…) is the article's."""
    if _SENTENCE_END.search(text):
        return False
    body = text.strip().strip("()[]【】")
    starts = [m.start() for m in key.finditer(body)]
    if len(starts) < 2 or starts[0] != 0 or "," in body or "，" in body:
        return False
    ends = starts[1:] + [len(body)]
    return all(len(body[a:b].split(":", 1)[1].strip()) <= 16 for a, b in zip(starts, ends))


def _credit_line(text: str, key: re.Pattern) -> bool:
    """One credit or more opening the line, each value short, no clause (编辑：王五, （摄影：李四）)."""
    if _SENTENCE_END.search(text):
        return False
    body = text.strip().strip("()[]【】")
    starts = [m.start() for m in key.finditer(body)]
    if not starts or starts[0] != 0 or "," in body or "，" in body:
        return False
    ends = starts[1:] + [len(body)]
    return all(0 < len(body[a:b].split(":", 1)[1].strip()) <= CREDIT_VALUE for a, b in zip(starts, ends))


def _price_line(text: str) -> bool:
    """Prices, their keys and at most a product's name (20 characters) on the line."""
    if _SENTENCE_END.search(text):
        return False
    rest = _PRICE_WORDS.sub("", _PRICE.sub(" ", text)).strip()
    return len(rest) <= 20 and bool(_PRICE.search(text))


def _tag_items(text: str) -> bool:
    """A line of tags: one to eight short items and no sentence (地理 , 文化 , 建筑; 台南 安平 老街)."""
    if len(text) > TAG_ITEMS_MAX or _SENTENCE_END.search(text):
        return False
    items = [x for x in _TAG_SPLIT.split(text.strip()) if x]
    return 1 <= len(items) <= 8 and all(len(x) <= TAG_ITEM for x in items)
