"""Mojibake split into words: UTF-8 read as GBK (or Big5), then cut by a word segmenter that put a
space every one to three characters: the spaces it put taken out, so the byte repairs read the run.

Why: a corpus pipeline segments what it was given; given mojibake (鍒樺叚鍒樹竷鍙涗贡 for 刘六刘七叛乱),
it writes ``鍒樺叚 鍒樹 竷鍙 涗贡``. A space inside a character's bytes stops the byte repairs'
re-encoding there, so only the pieces that happen to hold whole UTF-8 characters between two
spaces were read (刘六 鍒樹 竷鍙 …), and the spaces were never taken out.

The mechanism: a run of two words or more beyond ASCII, one space between each (a segmenter's
single space), is written back as the decoder's bytes without the spaces (a U+FFFD the decoder
wrote standing for any one byte). Where the spaces stood inside UTF-8 characters (CUT_MIN,
CUT_SHARE: a space of the text's own stands between them), those bytes are UTF-8 (UTF8_SHARE of the bytes beyond
ASCII in UTF-8 characters), and their UTF-8 reading holds CJK and scores better a character by
MIN_GAIN than the run as it stands, the spaces are taken out; the byte repairs then read the run
as any UTF-8 read as GBK (a byte the decoder rejected a guess with its finding). A space between
two ASCII letters is the text's own (Aqua M) and stays; between digits (1 984) it is the
segmenter's. Clean Chinese written with spaces is no UTF-8 once written as GBK.
"""

from __future__ import annotations

import re
from itertools import accumulate

from cleaner.langmodel import per_char
from cleaner.repair.other_scripts import UNKNOWN, UTF8_RUN

DECODERS = ("gbk", "big5")  # the decoders whose misreading of UTF-8 a segmenter then cut
MIN_GAIN = 2.0  # log-probability a character the reading must gain over the run
# Of the spaces taken out, at least CUT_MIN inside a UTF-8 character and CUT_SHARE of those
# placed: a segmenter's cut every 1-3 GBK characters falls inside one about two times in three.
CUT_MIN = 2
CUT_SHARE = 0.4
UTF8_SHARE = 0.95  # of the joined run's bytes beyond ASCII at least this many in UTF-8 characters
# Words of non-space characters, one space between, the first holding a character beyond ASCII
# (ASCII words after the last such are given back: _read).
# Tried at a word's start only, and no word read two ways: linear in the page. Two spaces at
# least: a run with one cut can never show CUT_MIN cuts inside characters (most clean runs).
_RUN = re.compile(r"(?<!\S)(?=[\x21-\x7e]*[^\x00-\x7f\s])\S+(?: \S+){2,}")
_ASCII_TAIL = re.compile(r"(?: [\x21-\x7e]+)+$")
_PRINTABLE = "".join(map(chr, range(0x20, 0x7F)))  # what _ASCII_TAIL matches
_OWN_SPACE = re.compile(r"(?<=[A-Za-z]) (?=[A-Za-z])")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_BEYOND_ASCII = bytes(range(0x80, 0x100))  # deleted from a run's bytes, its ASCII is left to count
_KEPT = "\x00"  # an own space while the run is joined (no text the run holds has it)


def repair(text: str) -> str:
    """``text`` with each segmented run of mojibake read back (see the module's docstring).

    >>> repair("鍒樺叚 鍒樹 竷鍙 涗贡 锛 岀垎 鍙戜簬 鏄庢湞")
    '鍒樺叚鍒樹竷鍙涗贡锛岀垎鍙戜簬鏄庢湞'
    """
    if text.count(" ") < 2:
        return text
    # A run (``_RUN``) holds two spaces at least and no line break: searched on the lines holding two
    # spaces alone. The pattern, opening with a look-behind, is tried at every character it is given
    # (most of a Chinese page's lines hold no space: 70 µs a crawl page searched whole).
    return "\n".join(_RUN.sub(_read, line) if line.count(" ") >= 2 else line for line in text.split("\n"))


def _read(m: re.Match) -> str:
    run = m.group()
    # The tail is made of printable ASCII and spaces to the run's end: searched from where those
    # begin, not tried at every character of the run (a run of Chinese tried it 40 times over).
    tail = _ASCII_TAIL.search(run, len(run.rstrip(_PRINTABLE)))
    if tail:
        return _read_run(run[:tail.start()]) + tail.group()
    return _read_run(run)


def _read_run(run: str) -> str:
    if _KEPT in run or " " not in run:
        return run
    kept = _OWN_SPACE.sub(_KEPT, run)
    pieces = kept.split(" ")
    joined = "".join(pieces).replace(_KEPT, " ")
    cuts = list(accumulate(len(p) for p in pieces[:-1]))  # characters of ``joined`` before each cut
    for decoder in DECODERS:
        data = _bytes(joined, decoder)
        if data is None:
            continue
        wide = len(data) - len(data.translate(None, _BEYOND_ASCII))
        # The bytes in UTF-8 characters (all beyond ASCII): those the runs' removal takes away.
        if not wide or len(data) - len(UTF8_RUN.sub(b"", data)) < UTF8_SHARE * wide:
            continue
        if not _cuts_characters(joined, cuts, data, decoder):
            continue
        read = data.decode("utf-8", "replace").replace("\ufffd", "")
        if _CJK.search(read) and per_char(read) >= per_char(joined.replace("\ufffd", "")) + MIN_GAIN:
            return joined
    return run


def _cuts_characters(joined: str, cuts: list[int], data: bytes, decoder: str) -> bool:
    """Did the spaces taken out (after ``cuts`` characters of ``joined``) stand inside UTF-8
    characters, before a continuation byte, as a segmenter's in mojibake do (a character is
    three bytes, one and a half of GBK's)? At least CUT_MIN of them, and CUT_SHARE of those whose
    place is known. The text's own spaces in mojibake (9鏃� 鏉 for 9日 杨) stand between
    characters, and stay."""
    ends = list(accumulate(1 if ch == "\ufffd" else len(ch.encode(decoder)) for ch in joined))
    inside = between = 0
    for cut in cuts:
        at = ends[cut - 1]
        if at >= len(data) or data[at] == UNKNOWN:
            continue
        if 0x80 <= data[at] < 0xC0:
            inside += 1
        else:
            between += 1
    return inside >= CUT_MIN and inside >= CUT_SHARE * (inside + between)


def _bytes(text: str, decoder: str) -> bytes | None:
    """The bytes ``decoder`` read as ``text`` (a U+FFFD one unknown byte), or None."""
    # Encoded whole between the marks, not a character at a time: every run with spaces on a
    # clean page comes here (a third of the stage's time on clean pages went to the loop).
    try:
        return bytes([UNKNOWN]).join(piece.encode(decoder) for piece in text.split("\ufffd"))
    except UnicodeEncodeError:
        return None
