"""Korean words in Chinese text: Hangul that is Korean, not a decoder's misreading.

Why: GBK or Big5 bytes read by a Korean decoder (cp949, EUC-KR) show as Hangul mixed with Hanja,
syllable beside character (櫓빽훙췽묾): a lead byte 81-c8 gives a syllable, a lead ca-fd a Hanja.
Korean quoted in Chinese text (韩语则是「감사합니다」。) is a word of Hangul alone, between signs
or spaces, never touching a Han character, and its syllables are the 2,350 common ones of KS X
1001 (EUC-KR), where misread leads 81-a0 give cp949's rare extension syllables (뾝, 퉣).

``words_only(piece)``: every Hangul run of the piece is such a word. The repairs that read
Hangul as a Korean decoder's mojibake ask it first: a stretch whose Hangul are words is text.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")
# What a misread stretch puts beside its syllables: Han (with Hanja and compatibility
# ideographs), private use, U+FFFD, kana and Hangul jamo.
_HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]")
_MISREAD_NEIGHBOUR = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\ue000-\ufaff\uff61-\uffdc\ufffd]")


def words_only(piece: str) -> bool:
    """Does ``piece`` hold Hangul, all of it in words of common syllables that touch no Han (and
    no halfwidth katakana, which a Japanese decoder's misreading shows)?

    >>> words_only("是「감사합니다」。老"), words_only("櫓빽훙췽묾"), words_only("韩国首尔（서울）")
    (True, False, True)
    >>> words_only("是「감사뾝니다」。老"), words_only("老师")
    (False, False)
    """
    runs = list(_HANGUL_RUN.finditer(piece))
    if not runs or _HALFWIDTH_KANA.search(piece):  # a Japanese decoder's misreading beside them
        return False
    for m in runs:
        a, b = m.span()
        if a and _MISREAD_NEIGHBOUR.match(piece[a - 1]) or b < len(piece) and _MISREAD_NEIGHBOUR.match(piece[b]):
            return False
        if not all(common(ch) for ch in m.group()):
            return False
    return True


@lru_cache(maxsize=4096)
def common(syllable: str) -> bool:
    """One of KS X 1001's 2,350 syllables (the ones EUC-KR can write)."""
    # Python's euc_kr writes the others as eight-byte jamo sequences (a4 d4 ...): two bytes or none.
    try:
        return len(syllable.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False
