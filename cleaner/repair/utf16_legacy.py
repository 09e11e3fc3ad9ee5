"""A page of GBK (GB18030) or Big5 bytes read as UTF-16: read back whole, in the encoding it was.

Why: a file without a byte-order mark taken for "Unicode" (UTF-16, little or big endian: a
Windows tool's guess, a reader told the wrong encoding) turns each pair of its bytes into one code
unit. A GBK page's characters are mostly two bytes, so each became a unit of its own: 中 d6 d0 is
U+D0D6 (a hangul syllable) read little-endian, 国 b9 fa U+FAB9; an ASCII byte pairs with its
neighbour. The text is hangul, Yi syllables, private-use and compatibility characters that no page
holds side by side, and no byte view of the other repairs sees bytes in it. ``utf16_read`` reads
a page of UTF-8 so; this module the legacy pages, whose bytes UTF-8 rejects.

Nearly nothing is lost: the units written back as UTF-16 are the page's bytes, but a unit that
is half a surrogate pair with no other half (its high byte d8-df) is one U+FFFD for its two
bytes. That byte is a GBK or Big5 lead or trail like any other, so the page keeps its step: a lost
unit is one character whose two bytes are unknown (the high one among d8-df), or, where the
reading is inside a character there, the trail of one and the lead of the next, each with one
unknown byte. The character model chooses among the characters those bytes allow (a guess, with
its finding: ``holes.choose_ranked``).

Clean text never reads so: Chinese in UTF-16 is ASCII bytes beside high ones (中 is 2d 4e: `-N`
read as GBK), and the reading must be mostly Han that reads as Chinese, not noise (Korean text's
hangul units read as random GBK pairs). Whole pages: a line break is one byte, paired with a
neighbour, so such a page has no lines of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.langmodel import per_char
from cleaner.model import Finding
from cleaner.repair import byte_runs, holes, utf16_gbk

MIN_HAN = 20  # Han characters the reading must hold, at least
HAN_SHARE = 0.6  # of the characters beyond ASCII it reads as
MISREAD_SHARE = 0.3  # of the page's characters beyond ASCII: units U+A000-U+FEFF, as a pair of high bytes gives
MAX_REJECTED = 0.02  # of the reading's characters: known bytes the encoding rejects (a page of it rejects none)
MAX_LOST = 0.15  # of the reading's characters: a byte lost to a lone surrogate
LOST = "\ufffd"
GUESS_KIND = "lost-byte"
# The legacy encodings a page may have been written in, by the tables that read them: GB18030 reads
# every GBK code (and its four-byte codes), Big5-HKSCS every Big5 one.
CODECS = ("gb18030", "big5hkscs")
SURROGATE_HIGH_BYTES = range(0xD8, 0xE0)  # the high byte of a unit UTF-16 rejects alone

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MISREAD = re.compile("[\ua000-\ufeff]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


def repair(text: str, guess: bool = True) -> tuple[str, int, list[Finding]]:
    """``text`` read back as the GBK or Big5 bytes its UTF-16 code units hold, where that is
    Chinese text; (text, 1 when read else 0, a finding a character guessed).

    >>> page = "北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心，人口约两千万。"
    >>> repair(page.encode("gbk").decode("utf-16-le", "replace"))[0] == page
    True
    """
    if not _MISREAD.search(text):  # a clean page: nothing a pair of high bytes reads as
        return text, 0, []
    best = _best_reading(text)
    if best is not None:
        return _chosen(best, guess, 0)
    if "\n" not in text:
        return text, 0, []
    # Lines misread among lines that were not (a record's field, a pasted paragraph): each alone.
    out: list[str] = []
    findings: list[Finding] = []
    count = offset = 0
    for line in text.split("\n"):
        items = _best_reading(line)
        if items is not None:
            line, _, found = _chosen(items, guess, offset)
            count += 1
            findings += found
        out.append(line)
        offset += len(line) + 1
    return "\n".join(out), count, findings


def _best_reading(text: str) -> list[list] | None:
    """The items of the reading of ``text``'s units, of both byte orders and both encodings, that
    reads as Chinese and scores best; None when none does."""
    if len(text) < MIN_HAN or not _MISREAD.search(text) or not _looks_misread(text):
        return None
    best, best_score = None, float("-inf")
    for little in (True, False):
        data, high, ends = _bytes(text, little)
        for codec in CODECS:
            items = _read(data, high, ends, codec)
            if items is None:
                continue
            score = per_char("".join(_HAN.findall("".join(item[0] for item in items if len(item[2]) == 1))))
            if score > best_score:
                best, best_score = items, score
    return best


def _chosen(items: list[list], guess: bool, offset: int) -> tuple[str, int, list[Finding]]:
    """The reading with its guesses chosen, and a finding a guess (at ``offset`` + its place)."""
    chosen = holes.choose_ranked(items, "", True, guess)
    read = "".join(c.char for c in chosen)
    findings = [holes.guess_finding(GUESS_KIND, offset + at, c.char, c.alternative, c.margin)
                for at, c in enumerate(chosen) if c.guessed]
    return read, 1, findings


def _looks_misread(text: str) -> bool:
    """Most of its characters beyond ASCII are what pairs of high bytes read as (hangul, Yi,
    private use, compatibility ideographs: U+A000-U+FEFF), which Chinese text seldom writes."""
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return wide > 0 and len(_MISREAD.findall(text)) >= MISREAD_SHARE * wide


def _bytes(text: str, little: bool) -> tuple[list[int | None], frozenset[int], frozenset[int]]:
    """The page's bytes as the units hold them, None for each byte of a unit read as U+FFFD; where
    those unknown bytes are a unit's high byte; and where a U+FFFD ends a stretch of units (it may
    be an odd last byte alone). An ASCII character is no unit (that would hold a NUL byte): it is the
    page's own, a line break between lines read one at a time, and stays."""
    codec = "utf-16-le" if little else "utf-16-be"
    data: list[int | None] = []
    high: set[int] = set()
    ends: set[int] = set()
    for k, ch in enumerate(text):
        if ch < "\x80":
            data.append(ord(ch))
        elif ch == LOST:
            high.add(len(data) + (1 if little else 0))
            if k + 1 == len(text) or text[k + 1] < "\x80":
                ends.add(len(data))
            data += (None, None)
        else:
            data += ch.encode(codec, "surrogatepass")
    return data, frozenset(high), frozenset(ends)


ANY_BYTE = range(0x40, 0xFF)  # the low byte of a lost unit, as a lead or a trail


def _unknown(at: int, high: frozenset[int]) -> range:
    """The bytes the unknown byte at ``at`` may be: the high byte of a lost unit is a surrogate's."""
    return SURROGATE_HIGH_BYTES if at in high else ANY_BYTE


@lru_cache(maxsize=None)
def _candidates(codec: str, leads: int | range, trails: int | range) -> tuple[str, ...]:
    """The characters ``codec`` reads from a lead among ``leads`` and a trail among ``trails``
    (a byte, or the range an unknown one may be) that a guess may be."""
    return tuple(ch for lead in (leads if isinstance(leads, range) else (leads,)) if lead >= 0x81
                 for trail in (trails if isinstance(trails, range) else (trails,))
                 if (ch := _pair(codec, lead, trail)) is not None and utf16_gbk.guessable(ch))


@lru_cache(maxsize=None)
def _pair(codec: str, lead: int, trail: int) -> str | None:
    try:
        ch = bytes((lead, trail)).decode(codec)
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None


STEP_CHARS = 6  # characters read after an unknown byte to tell whether it was ASCII
STEP_MARGIN = 1.5  # log-probability a character the reading in step after an ASCII byte must win by


def _known_run(data: list[int | None], i: int, codec: str) -> str:
    """Up to STEP_CHARS characters ``codec`` reads from ``data[i:]``, to the first unknown byte."""
    out = []
    while i + 1 < len(data) and len(out) < STEP_CHARS and data[i] is not None:
        b = data[i]
        if b < 0x80:  # type: ignore[operator]
            out.append(chr(b))  # type: ignore[arg-type]
            i += 1
            continue
        b2 = data[i + 1]
        ch = _pair(codec, b, b2) if b2 is not None else None  # type: ignore[arg-type]
        if ch is None:
            break
        out.append(ch)
        i += 2
    return "".join(out)


def _ascii_in_step(data: list[int | None], i: int, codec: str) -> bool:
    """Does the unknown byte at ``i`` read better as an ASCII byte (the bytes after it read from
    ``i + 1``) than as the lead of the byte after it? Both readings of what follows, compared by
    the character model."""
    as_ascii = _known_run(data, i + 1, codec)
    as_lead = _known_run(data, i + 2, codec)
    if len(as_ascii) < 2:
        return False
    return per_char(as_ascii) > per_char(as_lead) + STEP_MARGIN if as_lead else True


def _read(data: list[int | None], high: frozenset[int], ends: frozenset[int], codec: str) -> list[list] | None:
    """[character, end, candidates] per character of ``data`` read in ``codec`` (the items of
    ``holes.choose_ranked``), if that reads as Chinese text; None otherwise."""
    items: list[list] = []
    rejected = lost = 0
    i, n = 0, len(data)
    # Each item takes a byte or more, so a reading past these counts fails the shares below
    # whatever follows: it stops there (a Korean page's hangul units, read as pairs the encoding
    # rejects, were each read to their end, four readings a line: 1.2 s of CPU for 150,000 characters).
    most_rejected, most_lost = MAX_REJECTED * n, MAX_LOST * n
    while i < n:
        if rejected > most_rejected or lost > most_lost:
            return None
        b = data[i]
        if b is not None and b < 0x80:
            items.append([chr(b), len(items) + 1, [chr(b)]])
            i += 1
            continue
        if i + 1 >= n or b in (0x80, 0xFF):
            rejected += b is not None
            lost += b is None
            items.append([LOST, len(items) + 1, [LOST]])
            i += 1
            continue
        b2 = data[i + 1]
        if b is not None and b2 is not None:
            if codec == "gb18030" and 0x30 <= b2 <= 0x39 and i + 3 < n and None not in data[i + 2 : i + 4]:
                try:  # GB18030's four-byte codes (a GBK page written by a GB18030 encoder)
                    ch = bytes(data[i : i + 4]).decode(codec)  # type: ignore[arg-type]
                    items.append([ch, len(items) + 1, [ch]])
                    i += 4
                    continue
                except UnicodeDecodeError:
                    pass
            ch = _pair(codec, b, b2)
            if ch is None:
                rejected += 1
                items.append([LOST, len(items) + 1, [LOST]])
                i += 1 if b2 < 0x80 else 2
                continue
            items.append([ch, len(items) + 1, [ch]])
            i += 2
            continue
        # A byte of the pair lost with its unit: the characters the known one and the unknown one's
        # range allow (the bytes of a Chinese page: the unknown ones are taken for high bytes).
        lost += 1
        if b is None and i not in high and b2 is not None and _ascii_in_step(data, i, codec):
            # The low byte of a lost unit was an ASCII byte (a colon, a digit after a character):
            # the reading goes on in step from the byte after it. Which ASCII byte is unknown.
            items.append([LOST, len(items) + 1, [LOST]])
            i += 1
            continue
        leads = b if b is not None else _unknown(i, high)
        trails = b2 if b2 is not None else _unknown(i + 1, high)
        step = 2
        if b is not None and i + 1 in ends:
            # A lead before the mark that ends a line: that mark is the line's odd last byte, the
            # lead's trail (a line of Chinese ends inside no character), not a unit of two.
            trails, step = ANY_BYTE, 3
        candidates = list(_candidates(codec, leads, trails))
        items.append([candidates[0] if candidates else LOST, len(items) + 1, candidates or [LOST]])
        i += step
    known = "".join(item[0] for item in items if len(item[2]) == 1 and item[0] != LOST)
    wide = [ch for ch in known if not ch.isascii()]
    han = "".join(_HAN.findall(known))
    if (len(han) < MIN_HAN or len(han) < HAN_SHARE * len(wide) or rejected > MAX_REJECTED * len(items)
            or lost > MAX_LOST * len(items) or _NOT_TEXT.search(known) or not byte_runs.reads_as_chinese(han)):
        return None
    return items
