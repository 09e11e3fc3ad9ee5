"""Mojibake of mojibake: text misread, saved, and misread again.

UTF-8 Chinese read as GBK (我是 -> 鎴戞槸), saved as UTF-8 and read as GBK again, is 閹存垶妲. The
double-encoding repair re-reads one layer at a time and keeps a re-read only if it reads as
Chinese (``mojibake._reads_better``): the first layer's text is mojibake itself, so it was never
taken, and the page stayed as it came.

After the repairs, each stretch of a page with rare characters whose bytes in a GBK- or
Big5-family view are whole UTF-8 characters (clean text's almost never are) is peeled: read as
UTF-8, and the result given to the double-encoding repair. The peel is kept only if the repaired text
reads as Chinese and much better than the stretch; its lost bytes are guessed and reported as the
repair reports them.
"""

from __future__ import annotations

import re
from functools import partial

from cleaner.langmodel import per_char
from cleaner.repair import decoders, mojibake, rounds

LOST = "\ufffd"
FAMILIES = (decoders.GBK_FAMILY, decoders.BIG5_FAMILY, decoders.SINGLE_FAMILY)
# A UTF-8 lead byte and a continuation byte as a single-byte decoder shows them (Ã¤Â¸): the
# second layer of mojibake whose first layer was itself single-byte or GBK mojibake.
_UTF8_AS_LATIN = re.compile("[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
MIN_CHARS = 4  # a peel of fewer characters is a coincidence of the tables, not a second layer


def peel(stretch: str, family: str) -> str:
    """The UTF-8 reading of the bytes a ``family`` decoder read as ``stretch``."""
    # U+FFFD is bytes this layer's decoder lost (GB18030 could encode it: 84 31 a4 37, read as
    # "1�7"); 0xff is never UTF-8, so the first layer's character there reads as U+FFFD.
    data = b"".join(b"\xff" if ch == LOST else decoders.encode_char(ch, family) or b"\xff" for ch in stretch)
    return data.decode("utf-8", errors="replace")


# Rounds of peeling at most: a peeled stretch's neighbours, cut from it, are stretches of their
# own in the next round (and would be in the next clean), until a round peels nothing.
MAX_ROUNDS = 3


def repair_second_layer(text: str, guess: bool = True) -> mojibake.MojibakeRepair:
    """Re-read stretches the double-encoding repair left that are mojibake of mojibake, round
    after round until none is left.

    >>> repair_second_layer("他说：閹存垶妲告稉锟介崶鎴掓眽").text
    '他说：我是中国人'
    """
    return rounds.until_settled(text, partial(_round_spans, guess=guess), MAX_ROUNDS)


def _round_spans(text: str, guess: bool) -> rounds.Spans:
    """The stretches one round peels, each with its repair."""
    lines = {decoders.GBK_FAMILY: [], decoders.BIG5_FAMILY: [], decoders.SINGLE_FAMILY: []}
    if mojibake._looks_misread(text):  # noqa: SLF001 - one cheap test for rare characters
        lines[decoders.GBK_FAMILY] = lines[decoders.BIG5_FAMILY] = _dense_lines(text)
    if _UTF8_AS_LATIN.search(text):
        lines[decoders.SINGLE_FAMILY] = _lines_with(text, _UTF8_AS_LATIN)
    found: list[tuple[int, int, mojibake.MojibakeRepair]] = []
    for family in FAMILIES:
        for start, end in _utf8_stretches(text, family, lines[family]):
            if any(start < b and a < end for a, b, _ in found):
                continue
            fixed = _peeled(text[start:end], family, guess)
            if fixed is not None:
                found.append((start, end, fixed))
    # Counted by stretch peeled (the inner repair's count is of the first layer's stretches).
    return [(a, b, fixed._replace(count=1)) for a, b, fixed in found]


def _lines_with(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of the lines where ``pattern`` matches at least MIN_CHARS times."""
    out, start = [], 0
    for line in text.split("\n"):
        if len(pattern.findall(line)) >= MIN_CHARS:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _dense_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines where rare characters are most of the non-ASCII ones: a second
    layer is mojibake through and through (閹存垶妲告稉), clean text with names is not."""
    rare = mojibake._rare_char()  # noqa: SLF001 - one notion of a rare character
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(found := rare.findall(line)) >= MIN_CHARS:
            wide = len(line) - len(line.encode("ascii", "ignore"))  # at C speed
            if len(found) * DENSE >= wide:
                out.append((start, end))
        start = end + 1
    return out


DENSE = 3  # at least one non-ASCII character in three is rare


def _dense(text: str) -> bool:
    """Is ``text`` mojibake through and through: at least one non-ASCII character in DENSE rare,
    or UTF-8 shown one byte a character (Ã¤Â¸)?"""
    if len(_UTF8_AS_LATIN.findall(text)) >= MIN_CHARS:
        return True
    found = len(mojibake._rare_char().findall(text))  # noqa: SLF001 - one notion of a rare character
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return found >= 2 and found * DENSE >= wide


def _utf8_stretches(text: str, family: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` within each (start, end) range, in order, whose
    ``family`` bytes are whole UTF-8 characters, at least MIN_CHARS characters long and beyond
    ASCII: where a first layer of mojibake can be. Clean Chinese text's GBK or Big5 bytes are
    almost never UTF-8 for more than a character or two.

    From each non-ASCII character the bytes are read on to the line's end until strict UTF-8
    refuses one; the stretch ends at the last character boundary of both readings (ASCII at the
    end left out). U+FFFD is bytes this layer's decoder lost: the first layer's character there
    is lost too, and the reading starts afresh after it (reading on out of step, as a lenient
    decoder would, did worse). Native (native/src/stretches.rs), one call per page and family;
    the Python original is tests/reference_layers.py.
    """
    return decoders.native_codes().utf8_stretches(text, family, ranges, MIN_CHARS) if ranges else []


def _peeled(stretch: str, family: str, guess: bool) -> mojibake.MojibakeRepair | None:
    """The stretch read back through one layer and repaired, if that reads clearly better.

    The first layer may be GBK- or Big5-family mojibake or single-byte mojibake: both repairs
    are tried, and the one that reads better is kept.
    """
    inner = peel(stretch, family)
    if not _dense(inner):
        return None  # the peel reads as text already: one layer, the double-encoding repair's
    best = None
    for repair in (mojibake.repair_utf8_as_gbk, mojibake.repair_single_byte):
        fixed = repair(inner, guess=guess)
        if not fixed.count or not mojibake._reads_better(fixed.text, stretch):  # noqa: SLF001 - one acceptance rule
            continue
        score = per_char(fixed.text)  # the score every re-read is judged by
        if best is None or score > best[0]:
            best = (score, fixed)
    return best[1] if best else None
