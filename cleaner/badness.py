"""Detectors: where text looks broken and how. They report findings and never change text."""

from __future__ import annotations

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
    han = [ch for ch in text if HAN.match(ch)]
    if not han:
        return {}
    simp = sum(1 for ch in han if ch in simplified_only)
    trad = sum(1 for ch in han if ch in traditional_only)
    return {"simplified": round(simp / len(han), 4), "traditional": round(trad / len(han), 4)}
