"""Marks the width and script steps keep as written: a PDF extractor's ``(cid:N)`` and a sign quoted alone.

Why: pdfminer writes ``(cid:123)`` for a glyph whose font has no map to Unicode. It is a record
of what was lost (a later tool may map the id back with the font), not prose: made ``（cid：123）``
by the width step beside Chinese, no tool reads it again. And a sentence about punctuation quotes
the vertical or small forms it talks about (标点“︒”和“︐”用于竖排): folded to 。 and ， the
sentence no longer says what it says. A form standing alone between quote marks is quoted; one
in running text (a vertical PDF's ︒ after a clause) is no quote and is folded as before.
"""

from __future__ import annotations

import re

from cleaner import pagefacts

_CID = re.compile(r"\(cid:\d+\)")
# Small and vertical forms (U+FE10-FE19, U+FE30-FE4F, U+FE50-FE6B), one between quote marks.
_QUOTED_FORM = re.compile("(?<=[“「『\"'‘])[\ufe10-\ufe19\ufe30-\ufe4f\ufe50-\ufe6b](?=[”」』\"'’])")
_holds_form = pagefacts.any_of(re.compile("[\ufe10-\ufe19\ufe30-\ufe4f\ufe50-\ufe6b]"))


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each ``(cid:N)`` and each form quoted alone, in order.

    >>> t = "标点“︒”和“︐”用于竖排，正文(cid:12)字。"
    >>> [t[a:b] for a, b in spans(t)]
    ['︒', '︐', '(cid:12)']
    """
    found = [m.span() for m in _CID.finditer(text)] if "(cid:" in text else []
    if _holds_form(text):
        found += [m.span() for m in _QUOTED_FORM.finditer(text)]
    return sorted(found)
