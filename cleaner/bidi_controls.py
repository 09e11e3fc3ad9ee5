"""Bidirectional controls in Chinese text: taken out where no right-to-left script needs them.

Why: Word, editors set to a right-to-left locale and copies from bidi-aware interfaces leave the
directional marks (U+200E LRM, U+200F RLM, U+061C ALM), embeddings and overrides (U+202A-202E)
and isolates (U+2066-2069) around numbers and Latin words. They show nothing, but they stay in
the text a model or a search index reads (药效会在 \\u202e1\\u2069 小时内), and an override reorders
what a viewer shows. Chinese and Latin are both left-to-right: the controls order nothing there.

Where a line holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and the other
right-to-left blocks), the controls on it are what keep its numbers and words in order: that
line keeps them. Removing them is recorded as a step of its own (``bidi-controls``).
"""

from __future__ import annotations

import re

from cleaner import pagefacts

_CONTROLS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROLS}]")
# The right-to-left blocks: Hebrew to N'Ko and the Arabic extensions (U+0590-08FF), the Hebrew and
# Arabic presentation forms (U+FB1D-FDFF, U+FE70-FEFF), and the historic right-to-left scripts
# and Arabic mathematical letters beyond the Basic Plane (U+10800-10FFF, U+1E800-1EFFF).
_RTL = re.compile("[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]")
_holds_control = pagefacts.any_of(_CONTROL)


def remove(text: str) -> str:
    """``text`` without bidi controls on the lines that hold no right-to-left letter.

    >>> remove("药效会在 \\u202e1\\u2069 小时内发挥，\\u2066Lasix\\u202c 为商品名。")
    '药效会在 1 小时内发挥，Lasix 为商品名。'
    >>> remove("希伯来语\\u200f שלום\\u200f 意为和平") == "希伯来语\\u200f שלום\\u200f 意为和平"
    True
    """
    if not _holds_control(text):
        return text
    if not _RTL.search(text):
        return _CONTROL.sub("", text)
    return "\n".join(line if _RTL.search(line) else _CONTROL.sub("", line) for line in text.split("\n"))
