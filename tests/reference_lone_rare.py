"""Reference oracle for the native lone-rare-character pass (native/src/lone_rare.rs), kept from
cleaner/repair/mojibake.py's ``_lone_rare_spans``.

The Python original: each rare Han character, each window of two or three Han around it, its byte
view in the GBK and Big5 families (``decoders.byte_view``) read by ``_reads_to_a_cut`` with the
cuts of the Han of UTF-8. The property tests check that the native pass gives the same spans. Not
part of the product.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.langmodel import model
from cleaner.repair import decoders
from cleaner.repair.mojibake import _HAN_READ, PROTECT_EDGE, _joined, _rare_char, _reads_to_a_cut, _with_question_marks

LONE_WIDTH = 3  # characters a stretch around a lone rare character holds at most


def lone_rare_spans(text: str) -> list[tuple[int, int]]:
    """mojibake._lone_rare_spans as it was in Python."""
    spans = []
    for m in _rare_han().finditer(text):
        i = m.start()
        for lo in range(max(0, i - LONE_WIDTH + 1), i + 1):
            for hi in range(i + 1, min(len(text), lo + LONE_WIDTH) + 1):
                if (hi - lo >= 2 and _HAN_READ.fullmatch(text, lo, hi) and not _seen(text, hi)
                        and _cut_read(text[lo:hi])):
                    spans.append(_with_question_marks(text, max(0, lo - PROTECT_EDGE), min(len(text), hi + PROTECT_EDGE)))
    return _joined([_wide_only(text, lo, hi) for lo, hi in spans])


def _seen(text: str, hi: int) -> bool:
    """Does the window's last character make a pair the model has seen with the next one (瑞士)?"""
    if hi >= len(text):
        return False
    lm, a, b = model(), text[hi - 1], text[hi]
    return lm.in_table(a) and lm.in_table(b) and lm.bigram(a, b) > lm.unseen(b)


def _wide_only(text: str, lo: int, hi: int) -> tuple[int, int]:
    """(lo, hi) without ASCII at its ends (a neighbour kept is a character beyond ASCII)."""
    while lo < hi and text[lo] < "\x80":
        lo += 1
    while hi > lo and text[hi - 1] < "\x80":
        hi -= 1
    return lo, hi


@lru_cache(maxsize=4096)
def _cut_read(stretch: str) -> bool:
    """Is ``stretch`` (two or three Han, one rare) common Chinese in UTF-8, cut at one end, read
    by a GBK- or Big5-family decoder?"""
    for family in (decoders.GBK_FAMILY, decoders.BIG5_FAMILY):
        stream, ends = decoders.byte_view(stretch, family)
        if len(ends) == len(stretch) and _reads_to_a_cut(stream, _HAN_LEADS):
            return True
    return False


# A lead of the Han of UTF-8, with at most one of its continuation bytes, cut off at the end.
_HAN_LEADS = re.compile(rb"[\xe4-\xe9][\x80-\xbf]?$")


@lru_cache(maxsize=1)
def _rare_han() -> re.Pattern:
    """A rare character (``_rare_char``) that is Han: where a lone misread stretch may be."""
    return re.compile(f"(?=[\u3400-\u4dbf\u4e00-\u9fff]){_rare_char().pattern}")
