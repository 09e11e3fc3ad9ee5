"""Latin ligatures a PDF's text layer wrote for the letters they join: ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ as fi fl ff ffi ffl st st.

Why: a typeset PDF draws ``fi`` in ``fine-tuning`` as one glyph, and its text layer often maps
that glyph to the ligature's code point (U+FB00-FB06), so the copied word is ``ﬁne-tuning``: it
looks right but no search, spelling model or tokenizer finds ``fine``. Unicode's compatibility
decomposition (NFKC) gives each its letters; the width step folds fullwidth ASCII the same way.

A ligature quoted alone (“连字 ﬁ 由两个字母合成”) is the thing a sentence talks about, not a word
a PDF broke: only one with a Latin letter beside it (inside a word) is folded.
"""

from __future__ import annotations

import re

from cleaner import pagefacts

LETTERS = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_holds_ligature = pagefacts.any_of(re.compile("[\ufb00-\ufb06]"))
_IN_WORD = re.compile("(?<=[A-Za-z])[\ufb00-\ufb06]+|[\ufb00-\ufb06]+(?=[A-Za-z])")


def fold(text: str) -> str:
    """``text`` with each ligature inside a Latin word written as its letters.

    >>> fold("论文提出一种 e\\ufb03cient 的 \\ufb01ne-tuning 方法。")
    '论文提出一种 efficient 的 fine-tuning 方法。'
    >>> fold("连字“\\ufb01”由 f 与 i 合成。") == "连字“\\ufb01”由 f 与 i 合成。"
    True
    """
    if not _holds_ligature(text):
        return text
    return _IN_WORD.sub(lambda m: "".join(LETTERS[ch] for ch in m.group()), text)
