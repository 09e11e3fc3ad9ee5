"""Bytes a transfer encoding or an escape kept whole (quoted-printable ``=E4=B8=AD``, surrogate
escapes ``\\udce4``, HZ and ISO-2022 pairs): which encoding they are text in, if any.

Why one judge: every such family hands over exact bytes and no wrong decoder's characters to
compare with, so the only evidence is the bytes themselves. UTF-8's structure is evidence enough
(random high bytes are almost never UTF-8, and leftovers.decode_escapes reads ``\\xHH`` runs on it
alone); a legacy two-byte encoding reads nearly any even run of high bytes, so its reading must
also be long enough and score as Chinese text does (ALONE_MIN_SCORE below: random bytes
read as GBK score below -9 a character, Chinese articles above -6.8).
"""

from __future__ import annotations

import re

from cleaner.langmodel import per_char

LEGACY = ("gbk", "gb18030", "big5hkscs")  # after UTF-8; Big5-HKSCS reads every Big5 code
# A reading of bytes alone (no character says which decoder) must be this long and score this well
# a character: 2,000 random runs of high bytes read as GBK or Big5 scored -9.5 at best from four
# characters on (-8.1 at two), 40 characters of Chinese articles -6.8 at worst.
ALONE_MIN_CHARS = 4
ALONE_MIN_SCORE = -7.5

_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# Controls (but tab and line breaks): no reading that makes them is text. A legacy reading also
# makes no private-use character (GBK's user-defined codes) nor U+FFFD; UTF-8 may, as the page it
# was held them (a page's own icons, a mark an earlier decoder wrote): its structure is the evidence.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def read(data: bytes, legacy: bool = True) -> str | None:
    """``data`` as the text it is (UTF-8, else the legacy encoding whose reading scores best), or
    None when no encoding reads it as text holding CJK characters."""
    if data.isascii():
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text if _CJK.search(text) and not _CONTROL.search(text) else None
    if not legacy:
        return None
    best, best_score = None, ALONE_MIN_SCORE
    for codec in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = "".join(ch for ch in text if not ch.isascii())
        if len(wide) < ALONE_MIN_CHARS or _NOT_TEXT.search(text) or not _CJK.search(text):
            continue
        score = per_char(wide)
        if score >= best_score:
            best, best_score = text, score
    return best


# Han characters read from letters (HZ's pairs, UTF-7's and UTF-16's code units) score as noise:
# 300 random sets of GB2312 Han scored -8.5 at best at 4 characters and -10.1 at 8, uniform Han
# -10.1 at 4; Chinese articles score above -6.8, Cantonese (佢哋嘅) about -7.6.
LONG_HAN = 8
LONG_MIN_SCORE = -9.0


def reads_as_chinese(han: str) -> bool:
    """Do these Han characters (a reading's, in order) read as Chinese text rather than noise?"""
    if len(han) < ALONE_MIN_CHARS:
        return False
    return per_char(han) >= (LONG_MIN_SCORE if len(han) >= LONG_HAN else ALONE_MIN_SCORE)
