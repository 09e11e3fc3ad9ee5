"""The label over a link the model removed above the article: ``本站永久域名：`` over
``chinaha.126.com``, ``姊妹站Bcbhome`` over ``bcbhome.126.com``.

An old site's banner names its domains on lines of their own, each under a short label. The
domain line goes as a link (``url``); the label, a few words ending in a colon, or a site word
(站, 网, 网址, 域名, 链接) beside a name in letters, has no furniture sign of its own and stayed, the page's first line, where
an HTML page without a ``<title>`` takes its title from. Above the body, right over a bare
domain or address the model took, such a label is that link's: it goes with it. A headline is
none: the model keeps it apart, and a headline naming a site (滨江市开通政务服务网) names it in
Chinese, with no colon.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

LABEL_MAX = 16  # characters: a label, not a headline or a sentence
_BARE_LINK = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?", re.I)
_SITE_WORD = re.compile(r"站|网|網|网址|網址|域名|链接|鏈接")
_SENTENCE_END = re.compile(r"[。!?;]$")
_LATIN_NAME = re.compile(r"[A-Za-z]{2,}")  # a site named in letters (姊妹站Bcbhome)


def link_labels(texts: Sequence[str], first: int, gone: Collection[int], keep: Collection[int]) -> list[int]:
    """Positions above ``first`` (the body's first line) of the kept labels right over a removed
    line (``gone``) that is a bare link; ``keep``: positions never taken."""
    out = []
    for pos in range(min(first, len(texts)) - 1):
        text = texts[pos]
        if pos in gone or pos in keep or pos + 1 not in gone or not _BARE_LINK.fullmatch(texts[pos + 1].strip()):
            continue
        if len(text) <= LABEL_MAX and not _SENTENCE_END.search(text) and not _BARE_LINK.fullmatch(text) \
                and (text.endswith(":") or _SITE_WORD.search(text) and _LATIN_NAME.search(text)):
            out.append(pos)
    return out
