"""A social platform's syntax in a post: ``@name``, the repost chain's ``//@name:`` and ``#topic#``.

Why: on Weibo and its kind, ``//@北京晨报:有道理`` is the repost chain, written by the platform
with an ASCII colon after the name, and ``@name`` and ``#topic#`` are tokens the platform links;
a handle with its letters made narrow or a topic with its signs made wide is another handle or
topic. The width and punctuation stages (a colon between two Chinese characters is ``：`` in
prose) would rewrite them, so they are kept from those stages, as addresses are. The words of the
post around them are cleaned as usual; a colon the author typed fullwidth (``@name：``) stays so.

A mention is ``@`` not after a letter or digit (``name@example.com`` is an address) and a name
of up to ``NAME_MAX`` characters that are no space or punctuation (emoji are allowed: 一颗柠檬🍋),
with the ASCII colon right after it if there is one. A topic is ``#…#`` on one line, up to
``TOPIC_MAX`` characters that start and end with no space (``## 标题 ##`` is a heading) and hold
a letter or a Han character.
"""

from __future__ import annotations

import re

NAME_MAX = 30
TOPIC_MAX = 40

_NOT_IN_NAME = r"\s@:：,，。、;；!！?？()（）\[\]【】<>《》#\"“”'‘’/\\|"
_MENTION = re.compile(rf"(?<![A-Za-z0-9_.\-])@[^{_NOT_IN_NAME}]{{1,{NAME_MAX}}}:?")
_TOPIC = re.compile(rf"(?<![#A-Za-z0-9_])#(?![#\s])[^#\n]{{1,{TOPIC_MAX}}}(?<!\s)#(?!#)")
_WORDLIKE = re.compile(r"[^\W\d_]")


def syntax_spans(text: str) -> list[tuple[int, int]]:
    """The spans of mentions (with the repost chain's colon) and topics, in order.

    >>> text = "转发理由：顶 //@北京晨报:有道理 #话题(一)# 邮件 a@b.cn"
    >>> [text[a:b] for a, b in syntax_spans(text)]
    ['@北京晨报:', '#话题(一)#']
    """
    if "@" not in text and "#" not in text:
        return []  # nearly every page: two scans at memchr speed
    spans = [m.span() for m in _MENTION.finditer(text)] if "@" in text else []
    if "#" in text:
        spans += [m.span() for m in _TOPIC.finditer(text) if _WORDLIKE.search(m.group())]
    return sorted(spans)
