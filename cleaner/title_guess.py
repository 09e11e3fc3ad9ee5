"""The title of a page that names none (a text file, HTML without ``<title>``): its first line,
when that line reads as a title.

A page's first line is its headline as often as not, and ``meta["title"]`` takes it. But the
first line left may be page furniture that nothing removed: a label waiting for its value
(``本站永久域名：``, ``相关文章：``), a date alone (``2003年5月``), a bulleted section label
(``◎简　　介``), a byline or source (``来源：新华网``), an address, a menu or button row
(``首页 > 新闻``, ``打印 关闭 收藏``), or a line mostly of furniture words (``网友评论``). Such a
line names no article: the page then gets no guessed title, rather than a wrong one. The line's
shape is read with the furniture model's own features (``cleaner.furniture.features``), so what
the model calls a key-value row or a menu row is one here too.
"""

from __future__ import annotations

import re

TITLE_MOST = 80  # a longer first line is a paragraph
# A first character of the geometric shapes (■ ◆ ◎ ● ▶), stars, or a middle dot: a list item's or
# a section label's bullet, which a headline does not begin with.
_BULLET = re.compile(r"[\u25a0-\u25ff\u2605\u2606\u2022\u00b7\u203b\u2756]")
# Nothing but a date or a time: digits with their units or separators, a weekday (``1984`` alone
# may be a title).
_DATE_ONLY = re.compile(r"(?=.*\d)(?=.*[年月日号時时分:：/.\-])[\d\s年月日号時时分秒:：/.\-－—至~～()（）星期周一二三四五六七日天]+")
# Features of the furniture model that name a line's form as furniture, whatever the page.
_FORMS = ("kv_empty", "kv_filled", "kv_many", "url", "item_row", "notice")
MOSTLY_FURNITURE_WORDS = 0.5  # share of the line's characters in furniture phrases


def guessed_title(first_line: str) -> str | None:
    """``first_line`` as the page's title, or None when it reads as no title.

    >>> guessed_title("拆房屡出命案 管理形同虚设"), guessed_title("本站永久域名："), guessed_title("2003年5月")
    ('拆房屡出命案 管理形同虚设', None, None)
    >>> guessed_title("◎简　　介"), guessed_title("来源：新华网"), guessed_title("习近平：坚持改革开放不动摇"), guessed_title("1984")
    (None, None, '习近平：坚持改革开放不动摇', '1984')
    """
    from cleaner import lost_text

    if not first_line or len(first_line) > TITLE_MOST or first_line.endswith("。") or lost_text.is_lost(first_line):
        return None
    line = first_line.strip()
    if line.endswith((":", "：")) or _BULLET.match(line) or _DATE_ONLY.fullmatch(line):
        return None
    if _furniture_form(line):
        return None
    return first_line


def _furniture_form(line: str) -> bool:
    from cleaner.furniture.features import normalise, text_features
    from cleaner.furniture.lexicon import load_lexicon
    from cleaner.script.fold import fold

    features = text_features(normalise(fold(line)), load_lexicon())
    return any(features.get(name) for name in _FORMS) or features.get("lex_cover", 0.0) >= MOSTLY_FURNITURE_WORDS
