"""The GBK byte view of text: which bytes lead, which trail, and what each pair decodes to.

The seed damage happened on GBK bytes (see ``docs/corruption.md`` §1.2–§1.3 and ``docs/repair.md`` §2), so repairs re-encode the
damaged characters and decode them again in step. This module holds only tables and tiny helpers.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def is_lead(b: int) -> bool:
    return 0x81 <= b <= 0xFE


def is_trail(b: int) -> bool:
    return 0x40 <= b <= 0xFE and b != 0x7F


@lru_cache(maxsize=None)
def pair_char(lead: int, trail: int) -> str | None:
    """The character GBK gives for ``lead trail``, or None if the pair is unassigned."""
    try:
        ch = bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return None
    # Private-use code points are GBK's user-defined area: never real article text.
    if len(ch) != 1 or unicodedata.category(ch) in ("Co", "Cn"):
        return None
    return ch


@lru_cache(maxsize=None)
def chars_with_lead(lead: int) -> tuple[tuple[int, str], ...]:
    """Every (trail byte, character) that completes ``lead``."""
    return tuple((t, c) for t in range(0x40, 0xFF) if is_trail(t) and (c := pair_char(lead, t)))


@lru_cache(maxsize=None)
def chars_with_trail(trail: int) -> tuple[tuple[int, str], ...]:
    """Every (lead byte, character) whose second byte is ``trail``."""
    return tuple((l, c) for l in range(0x81, 0xFF) if (c := pair_char(l, trail)))


@lru_cache(maxsize=65536)
def encode_char(ch: str) -> bytes | None:
    """GBK bytes of one character, or None when GBK cannot hold it."""
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        return None


def _nfkc_images() -> dict[str, tuple[bytes, ...]]:
    """{ASCII text: the two-byte GBK characters NFKC writes as it}.

    A decoder out of step reads ``trail + next lead`` pairs; pairs such as ``a3 a1`` (！) or
    ``a1 a1`` (ideographic space) were then folded to ASCII by NFKC, so when re-encoding a shifted
    run an ASCII sign may stand for these bytes instead of its own, and a run of signs for one
    pair NFKC spells in several (``13.`` for ⒔ a2 bd, ``(1)`` for ⑴, ``IX`` for Ⅸ). Rows a1-a3:
    punctuation, the numbers row (a2: ①, ⒔, Ⅰ, ⅰ, which a lost lead before ``、`` a1 a2 leads
    into) and fullwidth ASCII. Not the vertical forms of row a6 (︵ for ``(``): offered at every
    bracket of a line they crowded the right reading out of the beam, and no damaged page showed one.
    """
    table: dict[str, list[bytes]] = {}
    for lead in (0xA1, 0xA2, 0xA3):
        for trail in range(0xA1, 0xFF):
            ch = pair_char(lead, trail)
            folded = unicodedata.normalize("NFKC", ch) if ch else ""
            if folded and folded != ch and folded.isascii() and folded.isprintable():
                table.setdefault(folded, []).append(bytes((lead, trail)))
    return {k: tuple(v) for k, v in table.items()}


_IMAGES = _nfkc_images()
# One sign (realign reads it as a plain character that may be the pair) and several (a token of its own).
NFKC_SOURCES: dict[str, tuple[bytes, ...]] = {k: v for k, v in _IMAGES.items() if len(k) == 1}
NFKC_IMAGES: dict[str, tuple[bytes, ...]] = {k: v for k, v in _IMAGES.items() if len(k) > 1}


def opens_unassigned(b: int) -> bool:
    """Can ``b`` start a pair GBK leaves unassigned (its user-defined areas)?

    A decoder out of step that reads such a pair prints one ``?`` for two real bytes.
    """
    return 0xAA <= b <= 0xAF or 0xF8 <= b <= 0xFE or 0xA1 <= b <= 0xA7


@lru_cache(maxsize=None)
def chars_before_unassigned() -> tuple[tuple[int, str], ...]:
    """Every (trail, character) whose trail byte could open an unassigned pair."""
    return tuple((t, c) for lead in range(0x81, 0xFF) for t, c in chars_with_lead(lead) if opens_unassigned(t))


@lru_cache(maxsize=None)
def chars_after_unassigned() -> tuple[tuple[int, str], ...]:
    """Every (trail, character) whose lead byte could close an unassigned pair (A1-FE)."""
    return tuple((t, c) for lead in range(0xA1, 0xFF) for t, c in chars_with_lead(lead))


@lru_cache(maxsize=None)
def chars_with_lead_opening_unassigned(lead: int) -> tuple[tuple[int, str], ...]:
    """Every (trail, character) completing ``lead`` whose trail byte could open an unassigned pair."""
    return tuple((t, c) for t, c in chars_with_lead(lead) if opens_unassigned(t))
