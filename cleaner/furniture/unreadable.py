"""Lines the furniture model cannot read as language: damaged text, no evidence of furniture.

A line of Chinese that stays mojibake after repair (UTF-8 read as Mac Roman or cp1252 and left
unrepaired: ``‚Äú‰Ωú‰∏∫Ê∂àË¥π…``), or that holds private-use characters and U+FFFD runs (a
broken original), says nothing the model's signs could be read from: its words are no words,
and the signs it happens to hold are bytes. The byte 0xA9 reads ``©`` in Mac Roman and Latin-1,
so one such line in the middle of an article read as a copyright line, the site's foot, and the
four paragraphs under it went as past the article's end. Such a line neither ends the article
nor is removed as furniture (generic.py, kept_blocks.py); a person or a later version may still
repair it from its bytes.

The test is the share of characters that Chinese text does not use outside a foreign word: the
Latin-1 and Latin Extended letters and signs a single-byte decoder makes of UTF-8's lead and
continuation bytes, the Mac Roman and cp1252 signs beyond them (‚ „ † ‰ ™ ∂ ∑ π ◊ ﬁ), private-use
characters and U+FFFD. Pinyin with tone marks (Zhōngguó) and a French or German name hold far
fewer (a quarter of a pinyin line at most); the signs Chinese text does use (· × ° ± “ ” ‘ ’ …
— –) never count. Cyrillic and Greek are letters of real languages and never count either, so a
UTF-8 line read as cp1251 is not recognised here (it stays as the model reads it).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Characters a single-byte decoder makes of UTF-8 Chinese, or marks of bytes lost or unmapped.
ODD = re.compile(
    "[\u0080-\u009f\u00a1-\u00a6\u00a8-\u00ac\u00ae\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u02ff"  # Latin-1, Latin Extended, spacing marks (not the no-break space, soft hyphen, § ° ± · × ÷)
    "\u201a\u201e\u2020\u2021\u2030\u2039\u203a\u2122\u2202\u2206\u220f\u2211\u221a\u221e\u222b\u2248\u2260"
    "\u2264\u2265\u25ca\u03a9\u03c0\ufb01\ufb02"  # cp1252 and Mac Roman signs beyond Latin-1 (‚ „ † ‰ ™ ∂ ∑ π ◊ ﬁ)
    "\ue000-\uf8ff\ufffd]")                         # private use, the replacement character
_SPACE = re.compile(r"\s+")

MIN_ODD = 10  # odd characters a line needs: a name with two accents is no damage
MIN_SHARE = 0.4  # of the line's non-space characters (a pinyin line holds a quarter at most)


@lru_cache(maxsize=4096)  # asked of a line by several readers a page (its odd characters counted over the whole line)
def unreadable(text: str) -> bool:
    """Whether ``text`` is a line of damaged text (see the module's doc)."""
    odd = len(ODD.findall(text))
    if odd < MIN_ODD:
        return False
    return odd >= MIN_SHARE * len(_SPACE.sub("", text))


# A sign a few characters after a UTF-8 lead byte as a single-byte decoder shows it (æ--© is 早's
# e6 97 a9 with its 97 made "--"): a continuation byte, not the sign. A real © follows a space,
# a word or a year.
_BYTE_SIGN = re.compile(r"(?<=[\u00c2-\u00ef])\S{0,2}\u00a9")


def legible(text: str) -> str:
    """The part of ``text`` its signs may be read from: a line of damaged text without its odd
    characters (a ``©`` in it is a byte; ``Copyright`` beside the mojibake is still a word), any
    other line without the signs that stand as bytes of a misread UTF-8 character (``_BYTE_SIGN``)."""
    return ODD.sub("", text) if unreadable(text) else _BYTE_SIGN.sub("", text) if "\u00a9" in text else text
