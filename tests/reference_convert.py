"""Reference oracle for the native sentence pass of script conversion (native/src/charsets.rs's
``sentences_with``, asked through ``CharClass.sentences_holding``), kept from
cleaner/script/convert.py's ``_foreign_sentences``.

The Python original: each sentence found by the ``_SENTENCE`` pattern, searched for a member of
the class one by one. The property tests check that the native pass finds the same sentences.
Not part of the product.
"""

from __future__ import annotations

import re

from cleaner.charclass import CharClass
from cleaner.script.convert import _SENTENCE


def sentences_holding(cls: CharClass, text: str) -> list[tuple[int, int]]:
    """(start, end) of each ``_SENTENCE`` of ``text`` holding a member of ``cls``, in order."""
    return [(a, b) for a, b in map(re.Match.span, _SENTENCE.finditer(text)) if cls.holds(text, a, b)]
