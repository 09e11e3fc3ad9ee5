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
"""

from __future__ import annotations

import re

# Characters no address here holds: white space, quotes and brackets around it, Chinese punctuation.
_STOP = r"\s<>\"'“”‘’「」『』《》【】（），。！？；：、…"
# A URL: a scheme (http://, ftp://) or a bare www. host.
_URL = rf"(?:(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://|(?<![A-Za-z0-9.-])www\.)[^{_STOP}]+"
# A path: from the root, the home or the current directory, or a Windows drive, with two
# separators or more (男/女 and 1/2 are none: a path starts at a separator after no letter).
_PATH = rf"(?<![\w./\\])(?:[A-Za-z]:\\|~/|\.{{0,2}}/)(?:[^{_STOP}/\\]+[/\\])+[^{_STOP}/\\]*"
_ADDRESS = re.compile(f"{_URL}|{_PATH}")
_TRAILING = ".,;:!?"


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each URL and file path in ``text``, in order.

    >>> t = "详见 https://zh.wikipedia.org/wiki/北京?action=edit 页面，或 /home/用户/报告(2024).pdf。"
    >>> [t[a:b] for a, b in address_spans(t)]
    ['https://zh.wikipedia.org/wiki/北京?action=edit', '/home/用户/报告(2024).pdf']
    >>> t = "链接(https://x.cn/a_(b)),见 www.x.cn."
    >>> [t[a:b] for a, b in address_spans(t)]
    ['https://x.cn/a_(b)', 'www.x.cn']
    """
    if "/" not in text and "www." not in text and "\\" not in text:
        return []
    spans = []
    for m in _ADDRESS.finditer(text):
        end = _trimmed(text, m.start(), m.end())
        if end > m.start():
            spans.append((m.start(), end))
    return spans


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
