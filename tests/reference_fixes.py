"""Reference oracles for the native fixers (native/src/fixes.rs), kept from cleaner/fixes.py.

The Python originals of the fixers that moved to the native core, unchanged, so that property
tests can check that the native ones give the same text. Not part of the product.
"""

from __future__ import annotations

import re

import regex

from cleaner.chardata import CJK, COMPAT_PUNCT, FULLWIDTH_PUNCT, HALFWIDTH_ALNUM, PAD


def halfwidth_alnum(text: str) -> str:
    return text.translate(HALFWIDTH_ALNUM) if _FULLWIDTH_ALNUM.search(text) else text


def normalize_compat_punct(text: str) -> str:
    if not _COMPAT_PUNCT_CHAR.search(text):
        return text
    # A bracket's vertical or small form only beside text: between drawing signs, a drawing's.
    return "".join(ch if ord(ch) in COMPAT_PUNCT and _BRACKET_FORM.match(ch) and not _beside_text(text, k)
                   else ch.translate(COMPAT_PUNCT) for k, ch in enumerate(text))


_BRACKET_FORM = re.compile("[\ufe35-\ufe44\ufe17\ufe18\ufe47\ufe48\ufe59-\ufe5e]")


def _beside_text(text: str, k: int) -> bool:
    def texty(ch: str) -> bool:
        return bool(_CN_CHAR.match(ch)) or ch.isdigit() or (ch.isascii() and ch.isalnum()) or ord(ch) in COMPAT_PUNCT

    return (k > 0 and texty(text[k - 1])) or (k + 1 < len(text) and texty(text[k + 1]))


_FULLWIDTH_ALNUM = re.compile("[" + "".join(map(chr, HALFWIDTH_ALNUM)) + "]")
_COMPAT_PUNCT_CHAR = re.compile("[" + "".join(map(chr, COMPAT_PUNCT)) + "]")

_CN = f"[{CJK}]"
# Chinese after a sign: a closing quote is not (it closes what the sign ends: “Hello, world!”).
_SIMPLE_SIGN = regex.compile(rf"(?<={_CN}[ ]*)([,;:!?])|([,;:!?])(?=[ ]*(?![”’」』]){_CN})")
# "." right after four Han (fewer: 一. 总则, 王明, 李华. 题名), before the line's end or spaces and then Chinese.
_FULL_STOP = regex.compile(rf"(?<=\p{{Han}}{{4}})\.(?=[ ]*(?:\n|$)|[ ]+{_CN})")
_PAREN = regex.compile(r"\(([^()\n]{0,200})\)")
_CN_CHAR = regex.compile(_CN)
_AREA_CODE = regex.compile(r"0[0-9]{0,4}|\+[0-9]{1,4}")  # a trunk 0 or a country's +: no list's (1)


def fullwidth_punct(text: str) -> str:
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

    # Signs and full stops are decided on the text as the pass found it; the spaces around a sign
    # made fullwidth go with it.
    pieces, last = [], 0
    for m in sorted([*_SIMPLE_SIGN.finditer(text), *_FULL_STOP.finditer(text)], key=lambda m: m.start()):
        wide = "。" if m.group(0) == "." else sign(m)
        if wide == m.group(0):
            continue
        pieces.append(text[last:m.start()].rstrip(" "))
        pieces.append(wide)
        last = m.end()
        while last < len(text) and text[last] == " ":
            last += 1
    pieces.append(text[last:])
    text = "".join(pieces)

    def paren(m: regex.Match) -> str:
        inner = m.group(1)
        if _AREA_CODE.fullmatch(inner) and text[m.end():m.end() + 1].isdigit() and text[m.end()].isascii():
            return m.group(0)  # (07)5360238: a phone number's own brackets
        k = m.start() - 1
        while k >= 0 and text[k] == " ":
            k -= 1
        before = text[k] if k >= 0 else ""
        if _CN_CHAR.search(inner) or (before and _CN_CHAR.fullmatch(before)):
            return f"（{inner}）"
        return m.group(0)

    return _PAREN.sub(paren, text)


_NBSP_AFTER_PUNCT = re.compile("(?<=[，。、；：！？”’」』）》】…—])[\u00a0\t]+")


def drop_nbsp_after_punct(text: str) -> str:
    if "\u00a0" not in text and "\t" not in text:
        return text
    return _NBSP_AFTER_PUNCT.sub("", text)


def normalize_paragraphs(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split("\n")
    kept = [line.strip(PAD) for line in lines]
    return "\n".join(line for line in kept if line)
