"""Small pure fixers: ``str -> str`` functions, each doing one thing, each safe on clean text.

Every fixer returns the new text; the pipeline compares and counts, so a fixer never has to.
"""

from __future__ import annotations

import html
import re

import regex

from cleaner.chardata import (
    CJK,
    COMPAT_PUNCT,
    ENTITY,
    FULLWIDTH_PUNCT,
    HALFWIDTH_ALNUM,
    INDENT_ARTIFACT,
    PAD,
)


def unescape_entities(text: str) -> str:
    """Decode HTML entities, twice at most, so double-escaped ``&amp;nbsp;`` also goes.

    >>> unescape_entities("&ldquo;双创&rdquo;&amp;nbsp;")
    '“双创”\\xa0'
    """
    for _ in range(2):
        if not ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def remove_indent_artifacts(text: str) -> str:
    """Drop the ``? ? ? ?`` left where NBSP indentation was encoded to a legacy code page.

    >>> remove_indent_artifacts("? ? ? ?会议指出")
    '会议指出'
    """
    return INDENT_ARTIFACT.sub("", text)


def halfwidth_alnum(text: str) -> str:
    """Fullwidth letters and digits to ASCII: ``２０２０年`` -> ``2020年``, ``ＡＰＰ`` -> ``APP``."""
    # translate() walks every character (~40 MB/s); the class search skips clean text at C speed.
    return text.translate(HALFWIDTH_ALNUM) if _FULLWIDTH_ALNUM.search(text) else text


def normalize_compat_punct(text: str) -> str:
    """Small and vertical forms (﹐ ︰ ﹔ ﹕) to the ordinary fullwidth signs."""
    return text.translate(COMPAT_PUNCT) if _COMPAT_PUNCT_CHAR.search(text) else text


_FULLWIDTH_ALNUM = re.compile("[" + "".join(map(chr, HALFWIDTH_ALNUM)) + "]")
_COMPAT_PUNCT_CHAR = re.compile("[" + "".join(map(chr, COMPAT_PUNCT)) + "]")


# A sign with Chinese on at least one side (spaces do not count as a side).
_CN = f"[{CJK}]"
_SIMPLE_SIGN = regex.compile(rf"(?<={_CN}[ ]*)([,;:!?])|([,;:!?])(?=[ ]*{_CN})")
_PAREN = regex.compile(r"\(([^()\n]{0,200})\)")
_CN_CHAR = regex.compile(_CN)


def fullwidth_punct(text: str) -> str:
    """ASCII ``, : ; ! ? ( )`` to fullwidth where a neighbour is Chinese; ASCII kept elsewhere.

    Run to a fixpoint: a converted sign makes its ASCII neighbour's neighbour Chinese (``?!中``),
    and cleaning twice must change nothing. Each pass only widens, so this ends quickly.

    Numbers, times and Latin phrases keep theirs: a sign between two digits or inside a URL is
    never touched.

    >>> fullwidth_punct("工信部:推动5G,互联网 13:42:07 1,000 (2020) 创新(体验)中心")
    '工信部：推动5G，互联网 13:42:07 1,000 (2020) 创新（体验）中心'
    """

    for _ in range(len(text) + 1):
        new = _fullwidth_pass(text)
        if new == text:
            return text
        text = new
    return text


def _fullwidth_pass(text: str) -> str:
    def sign(m: regex.Match) -> str:
        ch = m.group(1) or m.group(2)
        i = m.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():
            return ch  # 1,000 / 13:42
        if ch == ":" and after == "/":
            return ch  # http://
        return FULLWIDTH_PUNCT[ch]

    text = _SIMPLE_SIGN.sub(sign, text)

    def paren(m: regex.Match) -> str:
        # A pair is Chinese when it holds Chinese or follows Chinese (a Latin context such as
        # "U.S. (2020)" keeps ASCII).
        inner = m.group(1)
        k = m.start() - 1
        while k >= 0 and text[k] == " ":
            k -= 1
        before = text[k] if k >= 0 else ""
        if _CN_CHAR.search(inner) or (before and _CN_CHAR.fullmatch(before)):
            return f"（{inner}）"
        return m.group(0)

    return _PAREN.sub(paren, text)


# Chinese punctuation closing a clause or sentence; NBSP after it is layout (an &nbsp; typed to
# push the next sentence along), never a word space: Chinese text has no spaces between words.
_NBSP_AFTER_PUNCT = re.compile("(?<=[，。、；：！？”’」』）》】…—])\u00a0+")


def drop_nbsp_after_punct(text: str) -> str:
    """NBSP (``&nbsp;``) between Chinese punctuation and what follows is dropped, not spaced.

    >>> drop_nbsp_after_punct("他说：\u00a0我们。\u00a0\u00a0下一句")
    '他说：我们。下一句'
    """
    if "\u00a0" not in text:
        return text
    return _NBSP_AFTER_PUNCT.sub("", text)


def normalize_paragraphs(text: str) -> str:
    """One paragraph per line: unify line breaks, strip indentation and padding, drop empty lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split("\n")
    kept = [line.strip(PAD) for line in lines]
    return "\n".join(line for line in kept if line)
