"""Addresses in running text: URLs and file paths, which no fixer of prose may change.

A URL or a path is typed, not written: its ``?``, ``,``, ``(`` and ``)`` are part of the address
even beside Chinese (``https://zh.wikipedia.org/wiki/北京?action=edit``,
``/home/用户/报告(2024).pdf``), and converting its Chinese to the other script or its signs to
fullwidth makes it lead nowhere. The pipeline keeps these spans out of script conversion and
width folding (``pipeline._Outside``).

An address ends at white space, at Chinese punctuation (a sentence goes on after it:
``见https://x.cn，然后``), at an ASCII sign that Chinese without an address's structure follows
(``见https://x.cn,然后``), and before ASCII punctuation that ends it as a sentence would
(``见 http://x.cn/a.``): a closing parenthesis stays when the address opened one
(``https://zh.wikipedia.org/wiki/北京市_(中国)``).

A query string is an address too where the article quotes it without its host (``URL 参数
?utm_source=weibo&utm_medium=social``, ``在地址后加?id=5``): a ``?`` right before a parameter's
name and ``=`` opens it, and made ``？`` (with the space before it dropped) it is no query.
"""

from __future__ import annotations

import re

# Characters no address here holds: white space, quotes and brackets around it, Chinese punctuation.
_STOP = r"\s<>\"'“”‘’「」『』《》【】（），。！？；：、…"
_BODY = re.compile(f"[^{_STOP}]+")  # a URL from its scheme or its www.
_SEGMENTS = re.compile(rf"(?:[^{_STOP}/\\]+[/\\])+[^{_STOP}/\\]*")  # a path after its first separator
_SCHEME = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-")
_TRAILING = ".,;:!?"
# A query string's start: "?", then a parameter's name (ASCII, as a URL writes it) and "=" with a
# value after it. A question mark is followed by a sentence, not by name=value (吗?他说 / 吗?x 的值).
_QUERY = re.compile(r"\?[A-Za-z_][A-Za-z0-9_.\-\[\]]{0,40}=[^\s=]")


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each URL and file path in ``text``, in order.

    A URL starts at its scheme (``http://``, ``ftp://``) or a bare ``www.``; a path at the root, the
    home or the current directory, or a Windows drive, and has two separators or more (男/女, 1/2
    and 2024/05/06 are none: a path starts at a separator after no letter or digit). Found from
    their anchors (``://``, ``www.``, a separator), not tried at every character: a page has few.

    >>> t = "详见 https://zh.wikipedia.org/wiki/北京?action=edit 页面，或 /home/用户/报告(2024).pdf。"
    >>> [t[a:b] for a, b in address_spans(t)]
    ['https://zh.wikipedia.org/wiki/北京?action=edit', '/home/用户/报告(2024).pdf']
    >>> t = "链接(https://x.cn/a_(b)),见 www.x.cn."
    >>> [t[a:b] for a, b in address_spans(t)]
    ['https://x.cn/a_(b)', 'www.x.cn']
    """
    if "/" not in text and "\\" not in text and "www." not in text and "?" not in text:
        return []
    spans: list[tuple[int, int]] = []
    done = 0  # anchors inside an address found already are part of it
    for at, anchor in _anchors(text):
        if at < done:
            continue
        found = _address_at(text, at, anchor)
        if found is not None:
            end = _trimmed(text, *found)
            if end > found[0]:
                spans.append((found[0], end))
                done = end
    return spans


def _anchors(text: str) -> list[tuple[int, str]]:
    """Where an address may be anchored, in order: each ``://``, ``www.``, ``/`` and ``\\``
    (found by ``str.find``, a memchr in C: a regex tried at every character cost a quarter of a
    clean page's time)."""
    found = []
    for needle in ("/", "\\", "www.", "?"):
        at = text.find(needle)
        while at >= 0:
            if needle == "?":
                if _QUERY.match(text, at):  # a query string's "?", not a question's
                    found.append((at, needle))
            elif needle == "/" and text[at - 1 : at] == ":" and text[at + 1 : at + 2] == "/":
                found.append((at - 1, "://"))
            elif needle != "/" or text[at - 2 : at] != ":/":  # the second / of :// is no anchor
                found.append((at, needle))
            at = text.find(needle, at + 1)
    found.sort()
    return found


def _address_at(text: str, at: int, anchor: str) -> tuple[int, int] | None:
    """The address whose anchor stands at ``at``: (start, end before trimming), or None."""
    if anchor == "://":
        start = at
        while start and text[start - 1] in _SCHEME:
            start -= 1
        while start < at and not text[start].isascii() or start < at and not text[start].isalpha():
            start += 1  # a scheme starts with a letter
        if start == at:
            return None
        return start, _url_end(text, start)
    if anchor == "www.":
        if at and text[at - 1] in _SCHEME:
            return None
        return at, _url_end(text, at)
    if anchor == "?":  # a query string without its host, from its "?"
        return at, _url_end(text, at)
    # A separator: a path from the root (/), the home (~/), the current or parent directory (./, ../)
    # or a drive (C:\\).
    start = at
    if anchor == "\\":
        if at < 2 or text[at - 1] != ":" or not (text[at - 2].isascii() and text[at - 2].isalpha()):
            return None
        start = at - 2
    elif text[at - 1 : at] == "~":
        start = at - 1
    else:
        while start > at - 2 and text[start - 1 : start] == ".":
            start -= 1
    before = text[start - 1 : start]
    if before and (before.isalnum() or before in "_./\\"):
        return None
    tail = _SEGMENTS.match(text, at + 1)
    if tail is None or (start == at and anchor == "/" and not _ASCII_WORD.search(text, at, tail.end())):
        return None  # from the root, a path names an ASCII directory somewhere (/后来/的事 is prose)
    return start, tail.end()


_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# Chinese right after a host's or a path's letter, digit or dot is the sentence going on
# (http://example.com获取更多, www.gov.tw網站的): the URL ends there. After /, =, ?, &, #, _, -
# or ( it is the address's own (wiki/北京, q=北京, 北京市_(中国)).
_PROSE_AFTER = re.compile(r"(?<=[A-Za-z0-9.])[^\x00-\x7f]")


def _url_end(text: str, start: int) -> int:
    end = _BODY.match(text, start).end()
    prose = _PROSE_AFTER.search(text, start, end)
    return prose.start() if prose else end


_SIGN = re.compile(r"[,;:!)](?=[^\x00-\x7f])")
_STRUCTURE = re.compile(r"[/?=&#%]")


def _trimmed(text: str, start: int, end: int) -> int:
    """Where the address ends: before an ASCII sign followed by Chinese when nothing after it is
    built like an address (``a_(b)),见`` is prose after the address; ``q=北京,天气&hl=zh`` is
    the address), then without the sentence punctuation after it, and without a closing
    parenthesis it did not open."""
    for m in _SIGN.finditer(text, start, end):
        if not _STRUCTURE.search(text, m.end(), end):
            end = m.end()
            break
    while end > start:
        last = text[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last == ")" and text.count("(", start, end) < text.count(")", start, end):
            end -= 1
        else:
            break
    return end
