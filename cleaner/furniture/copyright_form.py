"""Copyright words in the form a site's foot writes them, not words a sentence speaks of.

A site's foot writes its copyright words as a notice: bare or after its name (版权所有 © 2020 某某网,
某某网版权所有, Copyright © 2005-2021). An article's sentence speaks of them: glued into a longer
word (该歌曲的版权所有人为唱片公司, 版权所有权的归属, 素材版权所有者, Copyright一词), or quoting
them between its own words (他在扉页上写下“版权所有，翻印必究”八个字). Only the first form tells
where the article ends (generic.py: the site's foot, past the article's end) or that a line is the
site's own (text_kind.py); the rules of rules/_common.toml leave quoted words alone (boilerplate.py)
and write the glued forms out of their patterns.
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u9fff\uf900-\ufaff"
# 所有 heads a longer word after 版权: 所有人, 所有者, 所有权, 所有制, 所有方 (the holder, the right).
COPYRIGHT = re.compile(rf"(?i)©|\(c\)\s*\d{{4}}|copyright(?![{_HAN}])|版权所有(?![人者权制方])|all rights reserved")
# A character every form of COPYRIGHT holds, case folded as it is (©, c, a, 版): a class re skips ahead
# to. COPYRIGHT's alternatives name it none, and its search tried every character of every line
# (1.4 µs a line, 0.6 with this asked first; most lines hold none of them).
_MAY_HOLD = re.compile("(?i)[©ca版]")
# The marks of a quotation a sentence makes (NFKC leaves the CJK quotes as they are).
_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_SENTENCE_END = re.compile(r"[。!?！？]")
_HAN_CHAR = re.compile(f"[{_HAN}]")
OUTSIDE_MIN = 2  # Han characters of the sentence's own before the quotation (他写下, 印着)


def quoted(text: str, start: int, end: int) -> bool:
    """The span [start, end) of ``text`` stands inside a quotation that a sentence of the line
    makes: the sentence's own words before the quotation, and after it either more of its words
    or the sentence's end (写下“版权所有，翻印必究”八个字。). A notice quotes nothing."""
    opens = [(text.rfind(o, 0, start), o) for o in _QUOTES]
    at, mark = max(opens)
    if at < 0 or _QUOTES[mark] in text[at:start]:
        return False  # no quotation open at the span
    close = text.find(_QUOTES[mark], end)
    if close < 0 or len(_HAN_CHAR.findall(text[:at])) < OUTSIDE_MIN:
        return False
    after = text[close + 1 :]
    return bool(_HAN_CHAR.search(after) or _SENTENCE_END.search(after))


def copyright_notice(text: str) -> bool:
    """``text`` (folded, NFKC) holds copyright words in a notice's form: neither glued into a
    longer word (the pattern) nor quoted by a sentence."""
    return _MAY_HOLD.search(text) is not None and any(not quoted(text, m.start(), m.end()) for m in COPYRIGHT.finditer(text))
