"""Detectors: where text looks broken and how. They report findings and never change text."""

from __future__ import annotations

from collections import Counter

from .chardata import HAN, UNRECOVERABLE
from .model import Finding


def unrecoverable(text: str) -> list[Finding]:
    """锟斤拷 / 烫烫烫 runs and U+FFFD: bytes that were replaced before we saw them.

    >>> [str(f) for f in unrecoverable("发展锟斤拷锟斤拷和\\ufffd")]
    ['replaced-bytes@2 锟斤拷锟斤拷', 'replaced-bytes@9 \\ufffd']
    """
    return [Finding("replaced-bytes", m.start(), m.group(0)) for m in UNRECOVERABLE.finditer(text)]


def script_shares(text: str, simplified_only: frozenset[str], traditional_only: frozenset[str]) -> dict[str, float]:
    """Share of Han characters that are Simplified-only and Traditional-only (the rest are common).

    >>> script_shares("国務院", frozenset("国务"), frozenset("國務"))
    {'simplified': 0.3333, 'traditional': 0.3333}
    """
    # Counted from a Counter of distinct characters: no per-character list (a 100 MB page would
    # hold tens of millions of one-character strings).
    counts = Counter(text)
    han = sum(n for ch, n in counts.items() if HAN.match(ch))
    if not han:
        return {}
    simp = sum(n for ch, n in counts.items() if ch in simplified_only)
    trad = sum(n for ch, n in counts.items() if ch in traditional_only)
    return {"simplified": round(simp / han, 4), "traditional": round(trad / han, 4)}
