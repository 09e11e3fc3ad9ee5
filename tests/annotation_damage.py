"""Pinyin and zhuyin annotations in the forms pages hold them, beyond the seed chain's byte-level
``X(pīn)`` on Traditional characters (tests/damage.py): any bracket, tone marks, tone numbers or
zhuyin, one character or a whole word at a time, on Simplified or Traditional text.

Readings come from pypinyin read over the whole text (a character in a word takes the word's
reading: 长大 zhǎng, 银行 háng), so annotations are not always a character's commonest reading.
"""

from __future__ import annotations

import random
import re

from pypinyin import Style, lazy_pinyin

HAN = re.compile(r"[\u4e00-\u9fff]")
BRACKETS = ["()", "（）", "[]", "［］", "【】", "〔〕", "〖〗", "<>", "{}"]
# How a reading is written: tone marks, a tone number, zhuyin.
STYLES = {"marks": Style.TONE, "numbers": Style.TONE3, "zhuyin": Style.BOPOMOFO}
# How a word's syllables are put together: joined, spaced, split by apostrophes.
JOINS = {"joined": "", "spaced": " ", "apostrophes": "'"}


def readings(text: str, style: str) -> list[str]:
    """One reading for each character of ``text`` (non-Han characters give themselves)."""
    out = lazy_pinyin(text, style=STYLES[style], neutral_tone_with_five=style == "numbers", errors=lambda s: list(s))
    assert len(out) == len(text)
    return out


def annotate(text: str, rng: random.Random, brackets: str, style: str = "marks", share: float = 0.3) -> str:
    """Annotate about ``share`` of the Han characters, each followed by its reading (``brackets``
    "": bare, as ruby copied out of a page)."""
    said = readings(text, style)
    opening, closing = (brackets[0], brackets[1]) if brackets else ("", "")
    return "".join(ch + (opening + r + closing if HAN.match(ch) and rng.random() < share else "")
                   for ch, r in zip(text, said))


def annotate_words(text: str, rng: random.Random, brackets: str, join: str = "joined", share: float = 0.15,
                   style: str = "marks") -> str:
    """Annotate runs of two to four Han characters, each followed by its syllables."""
    said = readings(text, style)
    out, i = [], 0
    while i < len(text):
        j = i
        if HAN.match(text[i]) and rng.random() < share:
            size = rng.choice((2, 3, 4))
            while j < len(text) and j - i < size and HAN.match(text[j]):
                j += 1
        if j - i >= 2:
            out.append(text[i:j] + brackets[0] + JOINS[join].join(said[i:j]) + brackets[1])
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
