"""Short stretches a Japanese or Korean decoder made, read where the page says which decoder.

``code_pages`` reads a piece of a multi-byte decoder's run only when it mixes kana or hangul
with at least two Han or U+FFFD (``_mixed``): a word of kana or hangul alone is Japanese or
Korean. So the short stretches such a decoder makes of Chinese punctuation and of a character
between digits stay: Big5 年 (a6 7e) through cp932 is ``ｦ~``, 。 (a1 43) ``｡C``, GBK 月 (d4
c2) ``ﾔﾂ`` in ``2ﾔﾂ29``; on Big5 pages through cp932 they were most of the errors left.

Once at least MIN_AGREED of a page's re-read stretches, and AGREED_SHARE of them, were made by
one decoder from one source, the page was read that way throughout, and each stretch of
halfwidth katakana or hangul (with ASCII between: a trail byte may be ASCII) that decoder shows
is read in that source too: its bytes decoded, kept where the reading is Chinese (every changed
character common Han or CJK punctuation, none lost) and reads clearly better than the stretch.
A clean page has no such repairs, and a second clean finds no stretch left to agree on.
"""

from __future__ import annotations

import re
from collections import Counter

from cleaner.repair import mojibake, multi_byte_marks

MIN_AGREED = 3  # re-read stretches a page needs before its short stretches are read
AGREED_SHARE = 0.9  # of them made by one decoder from one source
LOST = "\ufffd"
# Halfwidth katakana (and ｡｢｣､) or hangul, with ASCII signs between and one after (a trail
# byte). Not across a mark: its filling would be a guess, and these stretches are short.
_STRETCH = re.compile("[\uff61-\uff9f\u3131-\u318e\uac00-\ud7a3](?:[\uff61-\uff9f\u3131-\u318e\uac00-\ud7a3!-~]*"
                      "[\uff61-\uff9f\u3131-\u318e\uac00-\ud7a3!-~])?")


def agreed_stretches(text: str, repairs: list[tuple[int, int, str, str | None]],
                     guess: bool) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """(start, end, repair) of each short stretch of ``text`` read through the decoder and source
    the page's ``repairs`` ((start, end, decoder, source) of each stretch re-read) agree on."""
    made = Counter((codec, source) for _, _, codec, source in repairs if source)
    if not made:
        return []
    (codec, source), n = made.most_common(1)[0]
    if n < MIN_AGREED or n < AGREED_SHARE * len(repairs):
        return []
    found = []
    for m in _STRETCH.finditer(text):
        a, b = m.span()
        if any(a < end and start < b for start, end, _, _ in repairs):
            continue
        reading = _reading(m.group(), codec, source)
        if reading is not None:
            found.append((a, b, mojibake.MojibakeRepair(reading, 1, [])))
    return found


def _reading(stretch: str, codec: str, source: str) -> str | None:
    """``stretch`` read in ``source`` (``strict_reading``) where it reads clearly better."""
    reading = strict_reading(stretch, codec, source)
    return reading if reading is not None and mojibake._reads_better(reading, stretch) else None  # noqa: SLF001 - one acceptance rule


def strict_reading(stretch: str, codec: str, source: str) -> str | None:
    """``stretch`` read from the bytes ``codec`` read as it, in ``source``, nothing rejected; None
    unless it changes and is Chinese (``_chinese``). A stretch holding a mark is not read (its
    filling would be a guess without a finding). The caller judges whether it reads better."""
    if LOST in stretch:
        return None
    data = multi_byte_marks.view(stretch, codec)
    if data is None:
        return None
    try:
        reading = bytes(data).decode(source)  # type: ignore[arg-type]
    except UnicodeDecodeError:
        return None
    if reading == stretch or not all(_chinese(ch) for ch in reading if ch not in stretch or ch > "~"):
        return None
    return reading


def _chinese(ch: str) -> bool:
    """Common Han, or CJK or fullwidth punctuation, or ASCII given back as itself."""
    if ch <= "~":
        return True
    if "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff60" or ch in "“”‘’—…·":
        return True
    return "\u4e00" <= ch <= "\u9fff" and mojibake._rare_char().match(ch) is None  # noqa: SLF001 - one notion of rare
