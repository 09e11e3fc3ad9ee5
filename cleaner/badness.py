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


def script_shares(text: str, fold) -> dict[str, float]:
    """Share of Han characters that are Simplified-only, Traditional-only, or common to both."""
    han = [ch for ch in text if HAN.match(ch)]
    if not han:
        return {}
    trad = sum(1 for ch in han if fold(ch) != ch)
    return {"traditional": round(trad / len(han), 4), "other": round(1 - trad / len(han), 4)}
