"""Character classes and compiled patterns shared by fixers and detectors. Tables, and counting with them."""

from __future__ import annotations

import re

import regex

# What counts as "Chinese" next to a punctuation sign: Han, CJK punctuation, fullwidth forms,
# and the curly quotes Chinese text uses.
CJK = r"\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
CJK_CHAR = regex.compile(f"[{CJK}]")
HAN = regex.compile(r"\p{Han}")
# The same set as ``re`` ranges (Unicode 16 Script=Han), for counting at C speed.
_HAN_RANGES = (
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007), (0x3021, 0x3029),
    (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3),
    (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E), (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0),
    (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A), (0x31350, 0x33479),
)
HAN_CLASS = "".join(f"{chr(a)}-{chr(b)}" for a, b in _HAN_RANGES)  # inside a ``re`` character class
_NOT_HAN_RUN = re.compile(f"[^{HAN_CLASS}]+")


def count_han(text: str) -> int:
    """How many Han characters ``text`` holds (one C pass)."""
    from cleaner.chunks import pieces

    return sum(len(_NOT_HAN_RUN.sub("", piece)) for piece in pieces(text))

# ASCII sign -> the fullwidth form Chinese text uses.
FULLWIDTH_PUNCT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}

# Small and vertical presentation forms -> ordinary fullwidth punctuation.
COMPAT_PUNCT = str.maketrans({
    "\ufe50": "，", "\ufe51": "、", "\ufe52": "．", "\ufe54": "；", "\ufe55": "：", "\ufe56": "？",
    "\ufe57": "！", "\ufe59": "（", "\ufe5a": "）", "\ufe10": "，", "\ufe11": "、", "\ufe12": "。",
    "\ufe13": "：", "\ufe14": "；", "\ufe15": "！", "\ufe16": "？", "\ufe30": "：", "\ufe35": "（",
    "\ufe36": "）", "\ufe19": "…",
    # The brackets' vertical and small forms (a vertical page's text, a PDF of one): NFKC's
    # targets, in their fullwidth forms as the signs above.
    "\ufe37": "｛", "\ufe38": "｝", "\ufe39": "〔", "\ufe3a": "〕", "\ufe3b": "【", "\ufe3c": "】",
    "\ufe3d": "《", "\ufe3e": "》", "\ufe3f": "〈", "\ufe40": "〉", "\ufe41": "「", "\ufe42": "」",
    "\ufe43": "『", "\ufe44": "』", "\ufe17": "〖", "\ufe18": "〗", "\ufe47": "［", "\ufe48": "］",
    "\ufe5b": "｛", "\ufe5c": "｝", "\ufe5d": "〔", "\ufe5e": "〕",
})

# Fullwidth letters and digits -> ASCII (U+FF10-FF19, FF21-FF3A, FF41-FF5A).
HALFWIDTH_ALNUM = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
)

# Whitespace that indents or pads a paragraph.
# What cp1252 shows for the bytes 80-9f it defines (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ
# ž Ÿ): with Latin-1's 80-ff, every character a cp1252 or Latin-1 decoder writes for a high byte.
CP1252_SIGNS = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
PAD = " \t\u00a0\u3000\u2002\u2003\u200b\ufeff"

# "? ? ? ?" where NBSP indentation could not be encoded (docs/corruption.md §1.5).
INDENT_ARTIFACT = regex.compile(r"^[ \t]*(?:\?[ \u00a0\u3000]+)+\?(?=[ \u00a0\u3000]*\S)|^[ \t]*(?:\?[ \u00a0\u3000]+)+(?=\S)", regex.M)

ENTITY = regex.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")

# Mojibake that cannot be undone: GBK read as UTF-8 and re-encoded, and replacement characters.
UNRECOVERABLE = regex.compile(r"(?:锟斤拷|嚙踝蕭|烫烫烫|屯屯屯)+|\ufffd+")
