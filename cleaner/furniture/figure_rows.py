"""Rows of figures the article states between its paragraphs: statistics, prices, results.

An article reporting figures sets them out one a line between its paragraphs (``第二产业增加值612.40亿元，
增长6.8%``, ``临川站 29.86米 低于警戒水位0.64米``, ``高麗菜每公斤批發價42.5元``): rows cut from one form,
which ``lists.list_blocks`` finds as it finds a site's list, and outside the body a list goes as a
block. What tells the article's rows from a site's list standing between paragraphs (a related box,
a ticker, a hot list) is what each row holds: a quantity, a number with its unit (``亿元``, ``%``,
``米``, ``分``), and none of a list's signs: no machine's date or count closing or opening it
(``item_runs.machine_row``), no change signed as a ticker signs it (``+0.52%``, ``▲86.45``), no
count of readers (``2.3万阅读``).
"""

from __future__ import annotations

import re

ROW_MAX = 60  # characters of a row (a line, not a paragraph)

# Folded, NFKC lines. A number with its unit: a quantity the article states.
_QUANTITY = re.compile(r"\d(?:[\d,.]*\d)?\s*(?:%|‰|亿|万|千|百|元|美元|港元|港币|吨|噸|米|公里|千米|公尺|公斤|斤|克|毫米|厘米|平方米|立方米|亩|畝"
                       r"|人|名|个|個|家|户|戶|件|套|台|辆|輛|所|座|项|項|次|场|場|票|分|秒|岁|歲|倍|度|℃|天|年|月|日|小时|小時|分钟|分鐘|级|級|胜|勝|败|敗)")
# A change signed as a ticker signs it, a count of readers or plays: a list's, not a statement's.
_LIST_SIGN = re.compile(r"(?:^|\s)[+\-−▲▼△▽↑↓]\s*\d|\d\s*(?:万|萬|千)?\s*(?:阅读|閱讀|浏览|瀏覽|播放|点击|點擊|评论|評論|人看过|热度|熱度)")


def figure_row(text: str) -> bool:
    """Does ``text`` (a folded, NFKC line) state a quantity (a number with its unit) with none of
    a list's signs (a ticker's signed change, a count of readers)? The caller asks for no machine's
    date (``item_runs.machine_row``)."""
    return len(text) <= ROW_MAX and bool(_QUANTITY.search(text)) and not _LIST_SIGN.search(text)
