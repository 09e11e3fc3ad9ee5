"""The site's own contact row under the article: its name, then its address, telephone or numbers.

A hospital's, a school's or a foundation's site closes each page with one row that names the
owner and gives its fields: ``临川市第一人民医院 地址：临川市中山路120号 急救电话：0794-8120120``,
``希望基金會 統一編號：12345678 地址：花蓮縣…``. The site's foot (``site_foot.py``) knows its fields by
their keys, but takes them only beside a line of the site's own (网站主办, ICP备, ©), and this row
stands alone among the site's notes and buttons. What marks it is the name it opens with: the
site's, as the page's title gives it after the headline (``…_临川市第一人民医院``) or as the page's
first line, its banner, opens with it (``希望基金會 首頁 關於我們 …``). A notice's contact row under
its text names the office to call (联系人：…, 联系电话：…), not the site by the name it gives itself
in its title and banner. Nor is a row with a notice's signature under it (the issuer's name over its
signing date): the site's foot ends in its copyright or registration line, a notice in its
signature, and the rows above that are the notice's, its contact row opening with its own name
too (a hospital's recruitment notice: ``临川市第一人民医院 地址：… 联系电话：…`` over
``临川市第一人民医院`` / ``2027年5月10日``; ``closing_rows.py`` keeps them).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cleaner.furniture.closing_rows import signatures
from cleaner.furniture.entries import title_parts

ROW_MAX = 100  # characters of the row
NAME_MIN = 4  # characters of a site's name read at the row's start
_SENTENCE_END = re.compile(r"[。!?！？]")


def site_names(title: str | None, banner: str | None) -> list[str]:
    """The site's names: the parts of the page's title after its first, and the first item of
    the page's first line (split by spaces), each of ``NAME_MIN`` characters or more."""
    names = title_parts(title)[1:] if title else []
    if banner and " " in banner.strip():
        names.append(banner.split()[0])
    return [n for n in dict.fromkeys(names) if len(n) >= NAME_MIN]


def contact_rows(texts: list[str], prose: list[bool], names: list[str], keys: re.Pattern,
                 dated: Collection[int] = ()) -> list[int]:
    """Positions below the last prose line (``prose``) of rows opening with one of the site's
    ``names`` followed by a space and a field of the site's foot (``keys``: 地址, 电话, 传真 …, with
    its colon), of at most ``ROW_MAX`` characters and no sentence end, and above no notice's
    signature (``closing_rows.signatures``; ``dated``: the positions of a signer over a bare date
    and of that date). ``texts``: folded, NFKC."""
    last = max((p for p, x in enumerate(prose) if x), default=-1)
    if last < 0 or not names:
        return []
    signed = signatures(texts, last, dated)
    start = signed[0][1] + 1 if signed else last + 1  # the rows above a notice's signature are the notice's
    out = []
    for pos in range(start, len(texts)):
        text = texts[pos]
        if len(text) > ROW_MAX or ":" not in text or _SENTENCE_END.search(text):
            continue
        head, _, rest = text.partition(" ")
        if head in names and rest and ":" in rest and keys.search(rest):
            out.append(pos)
    return out
