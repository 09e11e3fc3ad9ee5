"""Damage of the PDF-glyph family: ordinary characters copied out of a PDF as the radical drawn the
same (一 as the Kangxi radical ⼀, 长 as the supplement's ⻓) or as a compatibility ideograph, for a
share of the characters that have one or for all of them."""

from __future__ import annotations

import random
import unicodedata
from functools import lru_cache

from cleaner.repair.pdf_glyphs import table


@lru_cache(maxsize=None)
def glyphs_for(kind: str) -> dict[str, str]:
    """Ordinary character -> a glyph that stands for it: ``radical`` (both radical blocks) or
    ``compat`` (the compatibility ideographs); the first in code-point order where several do."""
    out: dict[str, str] = {}
    for glyph, char in sorted(table().items()):
        compat = unicodedata.decomposition(glyph) != "" or ord(glyph) >= 0xF900
        if (kind == "compat") == compat:
            out.setdefault(char, glyph)
    return out


def swap(text: str, kind: str, rng: random.Random, share: float = 1.0) -> str:
    """``text`` with ``share`` of the characters that have a glyph of ``kind`` written as it."""
    glyphs = glyphs_for(kind)
    return "".join(glyphs[ch] if ch in glyphs and rng.random() < share else ch for ch in text)
