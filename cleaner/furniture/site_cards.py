"""A card the site closes with its buttons, under the article or between its paragraphs (session 41):
a listing's (推荐房源 / 租金：1800元/月 户型：1室1厅 / 联系经纪人 预约看房 收藏), a hotel's, a doctor's, a
course's, a job's or an app's box, and a strip of a box's figures (a quote, the weather, a video's or a
product's counts: 最新价 18.62 涨跌幅 -3.47%, 今天 多云 6~14℃ 东北风3级, 播放 12.6万 弹幕 328).

A row of fields or of short items split by spaces is also what the article's own facts look like (an
event's 时间：… 地点：…, a notice's contact rows, a recipe's items), so neither a row's keys nor its
shape are evidence alone. A card's evidence is the row closing it: every item a button, an action on
the site (a verb of ``data/site_boxes.toml`` ``[cards]`` opening or closing it: 预约看房, 在线咨询,
安卓下载), a site's row word (收藏, 对比: ``data/site_sections.toml``) or a picture counter (1/8). An
article lists no buttons. That row goes wherever it stands below the article's first line. Where the
article's prose resumes under it (within ``RESUME_REACH`` lines), the card interrupts the article, and
the lines right above the buttons up to the article's prose go with them (at most ``CARD_REACH``: the
card's label and its rows, each short, ending no sentence, a field, a figure, a label or a row of short
items: ``card_row``). Under the article's end the rows over the buttons may be the page's own listing
(a rental's or an adoption's facts over 预约看房, 我要领养) and stay.

A strip of figures is a row of three items or more split by spaces, at least two of them figures (a
price, a change, a score, a temperature, a count) and one a word, no sentence or clause mark, no date.
The article's own rows of that shape come in runs of rows (a table of results, prices or flights, whose
other rows may hold clauses or a single figure), under the sentence that sets them out, or close the
article (积分榜前三：海港 9分 泰山 7分 申花 5分 over the editor's credit); a box's strip stands alone, one
or two rows between two of the article's sentences.

Only rows below the article's first line are asked, never a row the article counts, lists or sets out
(``generic.decide`` passes which): above the body a score or a price under the headline may be the
article's own first line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from cleaner import warm_tables
from cleaner.furniture.site_boxes import load
from cleaner.furniture.spaced_rows import load_words

ITEM_MAX = 6  # characters of one button (预约看房, 查看空房, 课程咨询)
ROW_MAX = 40  # characters of a row of buttons or figures
LINE_MAX = 40  # characters of a card's line above its buttons: a label, a row of fields or of figures
CARD_REACH = 5  # lines above the buttons a card holds (its label and a few rows)
RESUME_REACH = 2  # lines under a card's buttons within which the article's prose resumes
STRIPS_MAX = 2  # strips of figures in a row between two sentences: a box's (three or more are a table)

# A sentence's or a clause's mark (a key's colon is a box's too: 换手率：2.31%).
_MARKS = re.compile(r"[。!?！？,，、;；“”\"()（）《》〈〉「」【】\[\]]")
_BUTTON_MARKS = re.compile(r"[。!?！？,，、;；:：“”\"()（）《》〈〉「」]")
_COUNTER = re.compile(r"\d{1,3}/\d{1,3}")  # a gallery's picture counter (1/8)
# A line ending a sentence or setting something out: the article's, never a card's row. A card's row of
# fields may read as prose (擅长：冠心病、高血压、心力衰竭的诊治), but ends no sentence.
_ENDS = re.compile(r"[。!?！？…:：]$")
_SENTENCE_END = re.compile(r"[。!?！？…”」』]$")
# A date is no box's figure: a diary's or a programme's dated row is the article's (2026年11月3日 星期二).
_DATE = re.compile(r"\d{1,4}\s*年|\d{1,2}\s*月|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_DIGIT = re.compile(r"\d")
_KEY = re.compile(r"[^\s:：]{1,8}[:：]\S")  # a field's key and its value
_HAN = re.compile(r"[\u3400-\u9fff]")
# A score written with spaces around its colon (118 : 112): one figure.
_SCORE = re.compile(r"(\d)\s*[:：]\s*(\d)")


@warm_tables.table
@lru_cache(maxsize=1)
def _verbs() -> tuple[tuple[str, ...], tuple[str, ...]]:
    cards = load()["cards"]
    return cards["leads"], cards["ends"]


def _button(item: str) -> bool:
    """Is an item an action on the site (预约看房, 在线咨询, 安卓下载, 看大图)?"""
    if not 2 <= len(item) <= ITEM_MAX or not _HAN.search(item):
        return False
    leads, ends = _verbs()
    return any(item.startswith(v) and len(item) > len(v) for v in leads) or \
        any(item.endswith(v) and len(item) > len(v) for v in ends)


def button_row(text: str, words: frozenset[str] | None = None) -> bool:
    """Is a folded line a row of the site's buttons: two items or more split by spaces, no mark, one of
    them or more an action on the site, the rest its row words (two of those and actions at least) or a
    picture counter (1/8 上一张 下一张 看大图)?"""
    if len(text) > ROW_MAX or _BUTTON_MARKS.search(text):
        return False
    items = text.split()
    if len(items) < 2 or any(len(item) > ITEM_MAX for item in items):
        return False
    words = words if words is not None else load_words()
    acts = sum(1 for item in items if _button(item))
    site = sum(1 for item in items if item in words)
    return acts >= 1 and acts + site >= 2 and all(_button(item) or item in words or _COUNTER.fullmatch(item) for item in items)


def figure_strip(text: str) -> bool:
    """Is a folded line a strip of a box's figures: three items or more split by spaces, two of them
    or more holding a figure and at least a third, one a word, no sentence or clause mark, no date?"""
    if len(text) > ROW_MAX or _MARKS.search(text) or _DATE.search(text):
        return False
    items = _SCORE.sub(r"\1:\2", text).split()
    if len(items) < 3:
        return False
    figures = sum(1 for item in items if _DIGIT.search(item))
    return figures >= 2 and 3 * figures >= len(items) and any(_HAN.search(item) and not _DIGIT.search(item) for item in items)


def card_row(text: str) -> bool:
    """Can a folded line be a card's row above its buttons: short, ending no sentence, and a field (a key's
    colon), a figure, a label (at most ``ITEM_MAX`` characters) or three short items split by spaces
    (刘建华 主任医师 心血管内科)? A poem's or a song's lines, plain phrases, are none: the article's last lines
    over a player's buttons."""
    if len(text) > LINE_MAX or _ENDS.search(text):
        return False
    items = text.split()
    return bool(_KEY.search(text) or _DIGIT.search(text)) or (len(items) == 1 and len(text) <= ITEM_MAX) or \
        (len(items) >= 3 and all(len(item) <= ITEM_MAX for item in items))


def _sentences(texts: list[str], prose: Callable[[int], bool]) -> Callable[[int], bool]:
    """``sentence(pos)``: the line at ``pos`` is the article's prose ending a sentence (the card's and the
    strip's edge; a card's row of fields may read as prose but ends none)."""
    return lambda pos: 0 <= pos < len(texts) and prose(pos) and _SENTENCE_END.search(texts[pos]) is not None


def card_lines(texts: list[str], prose: Callable[[int], bool], first: int, own: Callable[[int], bool]) -> set[int]:
    """Positions of the site's cards (their buttons and the rows above them) in ``texts`` (folded lines)
    below ``first`` (the article's first line): ``prose(pos)``, the line is the article's prose;
    ``own(pos)``, the article counts, lists or sets out the line (no card's)."""
    out: set[int] = set()
    sentence = _sentences(texts, prose)
    for pos in range(first + 1, len(texts)):
        if own(pos) or prose(pos):
            continue
        if button_row(texts[pos]):
            out.add(pos)
            if not any(sentence(down) for down in range(pos + 1, min(len(texts), pos + 1 + RESUME_REACH))):
                continue  # under the article's end, the rows over the buttons may be the page's own listing
            above = []
            for up in range(pos - 1, max(first - 1, pos - 1 - CARD_REACH), -1):
                text = texts[up]
                if sentence(up):
                    out.update(above)  # the card stands right under the article's prose
                    break
                if own(up) or not card_row(text):
                    break
                above.append(up)
    return out


def strip_lines(texts: list[str], prose: Callable[[int], bool], first: int, own: Callable[[int], bool]) -> set[int]:
    """Positions of the site's strips of figures in ``texts`` below ``first`` (as ``card_lines`` reads them)."""
    out: set[int] = set()
    strips = {pos for pos in range(first + 1, len(texts)) if not own(pos) and not prose(pos) and figure_strip(texts[pos])}
    sentence = _sentences(texts, prose)

    # A box's strip stands between two of the article's sentences, one or two strips alone: a row under
    # another row, or over the lines under the article, is the article's table or closing row (进口 1320亿元
    # 增长3.9% under 出口 …, 积分榜前三：海港 9分 … over the editor's credit).
    # Each block of strips one after another is judged once (a block asked of each of its rows was
    # quadratic in a long table's rows).
    for lo in sorted(pos for pos in strips if pos - 1 not in strips):
        hi = lo
        while hi + 1 in strips:
            hi += 1
        if hi - lo < STRIPS_MAX and sentence(lo - 1) and sentence(hi + 1):
            out.update(range(lo, hi + 1))
    return out


