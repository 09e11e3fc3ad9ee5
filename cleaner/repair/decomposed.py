"""UTF-8 read one byte a character, then stored decomposed (NFD): each lead byte's letter composed again.

Why: macOS writes file names decomposed, and so do some tools that normalise to NFD. UTF-8 read
by cp1252 or Latin-1 shows a lead byte e8 as ``è``; stored as NFD it is ``e`` and U+0300, two
characters, and the byte views read ``e`` as byte 65 and the combining mark as no byte of any
decoder: 期末考试 (``æœŸæœ«è€ƒè¯•``) came back as ``æœŸ末è€ƒè¯•``, only the characters whose lead
had no accent read.

A letter and its combining marks whose composed form (NFC) is a character a single-byte decoder
shows for a high byte (Latin-1's è, cp1252's Š) are composed where the composed character makes
a pair UTF-8 needs with the character beside it: a lead byte's (c2-ef: Â-ï) then a continuation
byte's (80-bf, as Latin-1 or cp1252 shows it), or a continuation byte's after a lead's or another
continuation byte's. Decomposed clean text does not form them (``café``,
``réélu`` stay decomposed as they came).
"""

from __future__ import annotations

import re
import unicodedata

from cleaner import chardata

_DECOMPOSED = re.compile("[A-Za-z][\u0300-\u036f]+")
_MARK = re.compile("[\u0300-\u036f]")
_LEAD = re.compile("[\u00c2-\u00ef]")
_CONTINUATION = re.compile(f"[\\x80-\\xbf{re.escape(chardata.CP1252_SIGNS)}]")


def repair(text: str) -> str:
    """``text`` with each decomposed character of single-byte mojibake composed (see the module's doc).

    >>> repair("e\u0300\u20ac\u0192")  # 考 is e8 80 83: è€ƒ, its è decomposed
    'è€ƒ'
    >>> repair("\u00e6S\u030c\u00a5")  # 报 is e6 8a a5: æŠ¥, its Š decomposed
    'æŠ¥'
    >>> repair("cafe\u0301 re\u0301e\u0301lu")
    'cafe\u0301 re\u0301e\u0301lu'
    """
    if _MARK.search(text) is None:  # most pages hold no combining mark at all
        return text
    out: list[str] = []
    at = 0
    for m in _DECOMPOSED.finditer(text):
        composed = unicodedata.normalize("NFC", m.group())
        if len(composed) != 1:
            continue
        before = out[-1][-1:] if out and m.start() == at else text[m.start() - 1 : m.start()]
        after = _composed_next(text, m.end())
        if (_LEAD.match(composed) and _CONTINUATION.match(after)) or (_CONTINUATION.match(composed) and (_LEAD.match(before) or _CONTINUATION.match(before))):
            out += [text[at : m.start()], composed]
            at = m.end()
    return "".join(out) + text[at:] if out else text


def _composed_next(text: str, k: int) -> str:
    """The character at ``text[k]``, composed with the combining marks after it."""
    m = _DECOMPOSED.match(text, k)
    if m is None:
        return text[k : k + 1]
    composed = unicodedata.normalize("NFC", m.group())
    return composed if len(composed) == 1 else text[k : k + 1]
