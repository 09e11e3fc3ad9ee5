"""A character beyond the Basic Multilingual Plane misread alone in correct text: ``馃憤`` is 👍.

Why: UTF-8 writes emoji and the Han of CJK Extension B and after in four bytes, F0-F4 then three
continuation bytes 80-BF. A comment's emoji stored through a GBK connection, a name's rare
character pasted from a page read as GBK or cp1252, come out as a pair of characters (or four
signs) inside Chinese that was read right: ``好评馃憤，推荐`` for 好评👍，推荐. The byte repairs
start around clusters of misread characters and read Han; a lone pair is no cluster, and an
emoji no Han, so the pair stayed, and script conversion then rewrote it (憤 -> 愤), the bytes lost.

What the decoders show of the four bytes (b1 b2 b3 b4):

- GBK, GB18030 and the browsers' gbk: b1 b2 as one character (F0 9F, the lead of every emoji, is
  馃; F0 A0-AE, Extension B-F, are 馉 稹 稷 ... 甬), b3 b4 as another (both 80-BF, GBK's third
  and fourth areas and the first rows of GB2312's). A b3 of 80 is no GBK lead: marks (or €, the
  browsers' byte 80), which leave b4 unknown: not read.
- cp1252, Latin-1: ð, then a sign or a letter per byte (Ÿ for 9F, ‘ for 91). A byte cp1252 leaves
  undefined (81 8D 8F 90 9D) is a U+FFFD or is dropped: one of five, not read (👍 and 👏 differ
  in it alone).

The bytes read as UTF-8 must give an emoji or another symbol of plane 1 (``So``), or a Han
character of planes 2-3. Clean text almost never holds the pair: 馃 is a word of one dialect
(馃子), and ð is Icelandic. For the Han planes, whose first characters are ordinary (皓, 甬), the
second must be rare to the character model (RARE) and the pair unseen by it: 甬江 stays. A
Traditional form that running text or a converter writes is as rare as its Simplified character:
孫皓寵愛, as OpenCC's s2t writes 孙皓宠爱, stays.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cleaner import pagefacts, warm_tables
from cleaner.langmodel import model
from cleaner.repair.variants import rare_forms

LEAD = 0xF0  # the first byte of UTF-8's planes 1-3 (F1-F4 hold no symbol nor Han)
TRAILS = range(0x80, 0xC0)
EMOJI_SECOND = 0x9F  # F0 9F: U+1F000-1FFFF, the emoji and pictographs
RARE = -12.0  # the model's log-frequency at or below which a character is rare (附 is -8.6, 槀 -16.6)


def _wanted(ch: str) -> bool:
    """Is ``ch`` what the four bytes may have been: a symbol of plane 1 or a Han character of 2-3?"""
    cat = unicodedata.category(ch)
    return cat == "So" if ord(ch) < 0x20000 else cat == "Lo"


def _gbk_pair(b1: int, b2: int) -> str | None:
    try:
        shown = bytes((b1, b2)).decode("gbk")
    except UnicodeDecodeError:
        return None
    return shown if len(shown) == 1 else None


@lru_cache(maxsize=1)
def _firsts() -> dict[str, tuple[int, int]]:
    """{first character: (b1, b2)} as GBK, GB18030 and the browsers' gbk show them: asked of every
    page (64 decodes), where the second characters' table is built only for a page holding one."""
    firsts: dict[str, tuple[int, int]] = {}
    for b2 in TRAILS:
        shown = _gbk_pair(LEAD, b2)
        if shown is not None:
            firsts[shown] = (LEAD, b2)
    return firsts


@warm_tables.table
@lru_cache(maxsize=1)
def _seconds() -> dict[str, tuple[int, int]]:
    """{second character: (b3, b4)} (the tables agree on every code here but a few, left out).
    Kept in the tables cache: its 8,192 decodes cost a process's first page holding a first
    character some 30 ms (a tenth of a clean page's time over the speed corpus)."""
    from cleaner.tablecache import cached

    return cached("astralseconds", [__file__], "1", _read_seconds)


def _read_seconds() -> dict[str, tuple[int, int]]:
    seconds: dict[str, set[tuple[int, int]]] = {}
    for b3 in TRAILS:
        for b4 in TRAILS:
            for codec in ("gbk", "gb18030"):
                try:
                    shown = bytes((b3, b4)).decode(codec)
                except UnicodeDecodeError:
                    continue
                # Han, and the private-use codes GB18030 gives what GBK lacks: not GBK's signs,
                # kana, zhuyin and fullwidth forms (rows a1-a9), which follow any character (馉。
                # is no 𠡣).
                cat = unicodedata.category(shown) if len(shown) == 1 else ""
                if cat == "Co" or cat == "Lo" and not 0xA1 <= b3 <= 0xA9:
                    seconds.setdefault(shown, set()).add((b3, b4))
    return {ch: next(iter(pairs)) for ch, pairs in seconds.items() if len(pairs) == 1}


@warm_tables.table
@lru_cache(maxsize=1)
def _single_byte() -> dict[str, int]:
    """{character: byte} of the bytes 80-BF as cp1252 shows them (Latin-1's C1 controls for the five
    cp1252 leaves undefined, as the browsers' windows-1252 does)."""
    out = {}
    for b in TRAILS:
        try:
            out[bytes((b,)).decode("cp1252")] = b
        except UnicodeDecodeError:
            out[chr(b)] = b
    return out


@warm_tables.table
@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    gbk = re.compile(f"([{''.join(sorted(_firsts()))}])([{''.join(sorted(_seconds()))}])")
    single = "".join(sorted(_single_byte()))
    cp1252 = re.compile(f"ð([{re.escape(single)}]{{3}})")
    return gbk, cp1252


def _holds_first() -> re.Pattern:
    return re.compile(f"[{''.join(sorted(_firsts()))}ð]")


_holds_any = pagefacts.any_of(_holds_first)


def _utf8(data: bytes) -> str | None:
    try:
        ch = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 and _wanted(ch) else None


def _written_frequency(ch: str) -> float:
    """The model's frequency of ``ch`` as written (it tells 术 from its variant 朮), but a form that
    running text or a standard writes for a Simplified character counts as that character: the
    unigram is jieba's Simplified counts, which call every Traditional character rare, and text a
    converter wrote is clean (孫皓寵愛, as s2t writes 孙皓宠爱: 皓寵 is F0 A9 8C 99, 𩌙). The forms
    neither script's text writes and no standard does (``variants.rare_forms``: 朮, 噹) stay rare."""
    lm = model()
    simplified = lm.key(ch)
    if simplified == ch or ch in rare_forms(None):
        return lm.frequency(ch)
    return max(lm.frequency(ch), lm.frequency(simplified))


def _gbk_reading(first: str, second: str) -> str | None:
    b1, b2 = _firsts()[first]
    ch = _utf8(bytes((b1, b2, *_seconds()[second])))
    if ch is None:
        return None
    if b2 == EMOJI_SECOND:
        return ch  # 馃 before a character of GBK's trail area: an emoji's bytes
    if ord(ch) < 0x20000:
        return None  # another plane-1 block (historic scripts, mathematical letters): not read
    lm = model()
    if _written_frequency(second) > RARE or lm.follows(first, second):
        return None  # an ordinary pair of characters (甬江 is F0 AE BD AD, unassigned anyway)
    return ch


def repair(text: str) -> str:
    """Each such pair (or four signs of cp1252) read back as the character whose bytes it shows."""
    if not _holds_any(text):
        return text
    gbk, cp1252 = _patterns()

    def gbk_back(m: re.Match) -> str:
        return _gbk_reading(m.group(1), m.group(2)) or m.group()

    def single_back(m: re.Match) -> str:
        table = _single_byte()
        return _utf8(bytes((0xF0, *(table[c] for c in m.group(1))))) or m.group()

    return cp1252.sub(single_back, gbk.sub(gbk_back, text))
