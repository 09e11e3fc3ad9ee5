"""A link the article names: a label over a URL (``报名入口：`` then ``https://…``), kept when the
article's prose names the label (``跑者可通过上方报名入口在线报名``).

A label and a URL above the headline or beside the body read as the site's (an app's download
link, a mirror's address), and the model takes both. The article's own link is one it points its
reader to: its prose names what the label names (报名入口, 報名網址, 问卷链接), so the label's key,
``KEY_MIN`` characters or more, standing in a line of the body's prose is the evidence that the
label and the link under it (or after its colon) are the article's.

A label with its link on one line right between two lines of the article's prose (``报名网址：
www.…`` between a race's paragraphs) is the article's too, whether or not the prose names it
(``body_links``): a site sets its links above or below the article, and between its paragraphs
it sets them with its furniture words (``下载客户端：…``, the lexicon's) or names the page itself
(``本文链接：…``, ``原文地址：…``: ``_SELF``), never a bare key of what the article speaks of.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

KEY_MIN = 3  # characters of a label's key the prose must name (网址 alone is any site's word)
LABEL_MAX = 12  # characters of a label line (a key and its colon, no sentence)
# A label: a key of Han (and letters) closed by a colon (NFKC: ASCII), the line's end or a URL after it.
_LABEL = re.compile(r"^\s*([^\s:,。!?;()\[\]【】《》<>]{1,10})\s*:\s*(?:$|(?=https?://|www\.))")
_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
# A key naming the page or the site itself (本文链接, 原文地址, 文章網址, 本站地址, 本网网址, 本页).
_SELF = re.compile("本文|原文|文章|本站|本网|本網|本页|本頁|本帖")


def _key(text: str) -> str | None:
    match = _LABEL.match(text)
    if not match or len(match.group(1)) < KEY_MIN or not re.search(r"[\u3400-\u9fff]", match.group(1)):
        return None
    return match.group(1) if len(text.strip()) <= LABEL_MAX or _URL.match(text[match.end():]) else None


def named_links(texts: Sequence[str], prose: Callable[[int], bool]) -> set[int]:
    """Positions of each label (``_LABEL``) with a URL after its colon or on the next line, and of
    that URL's line, whose key a line of prose (``prose``: the body's) names."""
    body = [text for pos, text in enumerate(texts) if prose(pos)]
    out: set[int] = set()
    for pos, text in enumerate(texts):
        key = _key(text)
        if key is None or not any(key in line for line in body):
            continue
        if _URL.match(text[_LABEL.match(text).end():]):
            out.add(pos)
        elif pos + 1 < len(texts) and _URL.match(texts[pos + 1]):
            out.update((pos, pos + 1))
    return out


def body_links(texts: Sequence[str], prose: Callable[[int], bool], plain: Callable[[int], bool]) -> set[int]:
    """Positions of each label with its URL after its colon (``_LABEL``, a key of ``KEY_MIN``
    characters or more) right between two lines of prose (``prose``: the body's), whose key names
    neither the page nor the site (``_SELF``) and whose line holds no furniture word (``plain``)."""
    out: set[int] = set()
    for pos in range(1, len(texts) - 1):
        key = _key(texts[pos])
        if key is None or _SELF.search(key) or not _URL.match(texts[pos][_LABEL.match(texts[pos]).end():]):
            continue
        if prose(pos - 1) and prose(pos + 1) and plain(pos):
            out.add(pos)
    return out
