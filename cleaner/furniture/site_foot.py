"""The site's foot below the article: sponsor and host lines of government and portal sites.

Chinese government and portal sites close every page with the site's sponsor and host (``主办：…
承办：…``, ``网站主办单位：…``), its technical support, contact address, post code and telephone.
Each is a key with its colon and no sentence; the registration numbers (``ICP备``) and the
copyright line stand beside them. The same keys open lines of an event notice (``主办单位：市文化局``,
``联系电话：…``), which are the notice's text: what tells the site's foot is its position (below the
article's last prose line) and its company (joined to a line that names the site itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleaner.furniture.features import normalise
from cleaner.furniture.notice_contacts import SITE_KEY, row_keys

FOOT_MAX = 100  # characters of a line of the site's foot
_SENTENCE_END = re.compile(r"[。!?！？]")


def site_foot(folded, alive: list[int], prose: list[bool], keys: re.Pattern, own: re.Pattern,
              signed: Callable[[str], bool] = lambda text: False) -> list[int]:
    """Positions in ``alive`` of the site's foot lines: below the last prose line (``prose``, by
    position in ``alive``), a line of at most ``FOOT_MAX`` characters holding a foot key and its
    colon (``keys``) and no sentence end, joined to a line of the site's own (``own``: a key that
    names the site, 网站主办, 技术支持, 网站标识码; a registration number; a copyright line),
    directly or through other foot lines. The site's own line may be one the rules already took
    (an ICP line): the tail is read in page order (``folded``, every line of the page), removed
    lines too. An event notice's 主办单位 and 联系电话 lines stand apart from the site's foot, and so do a
    notice's contact rows right under its signing date or sign-off (``signed``: a normalised line)."""
    last = max((p for p, x in enumerate(prose) if x), default=-1)
    if last < 0:
        return []
    tail = [i for i in range(alive[last] + 1, len(folded)) if folded[i].strip()]
    texts = [folded[i].strip() for i in tail]
    # Cheap gates first: a foot line holds a colon; the site's own line matters only next to one.
    keyed = [len(t) <= FOOT_MAX and (":" in t or "：" in t) and not _SENTENCE_END.search(t) and bool(keys.search(normalise(t)))
             for t in texts]
    # A notice's contact rows right under its signing date or sign-off (中華民國114年8月15日 over 承辦人：…
    # 聯絡電話：…) are the notice's, however near the site's own line stands under them: the run of rows of
    # fields opening there (notice_contacts.row_keys) stays, down to a row naming the site's roles (主办, 网站…).
    for k in range(1, len(texts)):
        if (":" in texts[k] or "：" in texts[k]) and signed(normalise(texts[k - 1])):  # a row of fields under it, first
            run = k
            while run < len(texts) and (names := row_keys(normalise(texts[run]))) and not any(SITE_KEY.match(n) for n in names):
                keyed[run], run = False, run + 1
    near = [any(keyed[max(k - 1, 0) : k + 2]) for k in range(len(texts))]
    joined = [near[k] and len(t) <= FOOT_MAX and bool(own.search(t)) for k, t in enumerate(texts)]
    changed = True
    while changed:  # grow the foot through adjacent foot lines
        changed = False
        for k in range(len(tail)):
            if keyed[k] and not joined[k] and ((k > 0 and joined[k - 1]) or (k + 1 < len(tail) and joined[k + 1])):
                joined[k] = changed = True
    where = {index: pos for pos, index in enumerate(alive)}
    return [where[i] for k, i in enumerate(tail) if joined[k] and keyed[k] and i in where]

