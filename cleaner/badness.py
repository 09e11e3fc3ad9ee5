"""Detectors: where text looks broken and how. They report findings and never change text."""

from __future__ import annotations

from cleaner.charclass import CharClass
from cleaner.chardata import UNRECOVERABLE, count_han
from cleaner.model import Finding


def unrecoverable(text: str) -> list[Finding]:
    """锟斤拷 / 烫烫烫 runs and U+FFFD: bytes that were replaced before we saw them.

    >>> [str(f) for f in unrecoverable("发展锟斤拷锟斤拷和\\ufffd")]
    ['replaced-bytes@2 锟斤拷锟斤拷', 'replaced-bytes@9 \\ufffd']
    """
    return [Finding("replaced-bytes", m.start(), m.group(0)) for m in UNRECOVERABLE.finditer(text)]


def script_shares(text: str, simplified_only: CharClass, traditional_only: CharClass) -> dict[str, float]:
    """Share of Han characters that are Simplified-only and Traditional-only (the rest are common).

    >>> script_shares("国務院", CharClass("国务"), CharClass("國務"))
    {'simplified': 0.3333, 'traditional': 0.3333}
    """
    # Counted by C passes over the text: no per-character objects (a 100 MB page would make
    # tens of millions of them).
    han = count_han(text)
    if not han:
        return {}
    simp = simplified_only.count(text)
    trad = traditional_only.count(text) if traditional_only.search(text) else 0
    return {"simplified": round(simp / han, 4), "traditional": round(trad / han, 4)}
