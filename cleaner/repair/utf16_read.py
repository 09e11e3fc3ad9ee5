"""A page of UTF-8 read as UTF-16 (a file without a byte-order mark opened as "Unicode", as
Windows tools call UTF-16-LE): read back whole.

Why: each pair of the page's UTF-8 bytes became one code unit (香港 e9 a6 99 e6 b8 af read as
U+A6E9 U+E699 U+B8E6 …: hangul, private-use and Han code points no text holds side by side), and
the byte views of the other repairs see nothing they know. Nothing is lost but a last odd byte: the
code units written back as UTF-16 are the page's bytes. Clean text almost never reads so: Chinese
in UTF-16 is ASCII and control bytes as UTF-8 (中 is 2d 4e), hangul and private use no UTF-8 at
all, so a page is read back only when its UTF-16 bytes are strict UTF-8 (a U+FFFD the page held is
a character like any other) but for a mark or two at its end and what they read is mostly Han. Whole pages only: a line break read as UTF-16 pairs
with a byte beside it, so such a page has no lines.
"""

from __future__ import annotations

import codecs
import re

from cleaner.langmodel import per_char
from cleaner.repair import byte_runs

MIN_HAN = 20  # Han characters the page must read as, at least
HAN_SHARE = 0.8  # of the characters beyond ASCII it reads as
MAX_ASCII_SHARE = 0.1  # of the misread page: ASCII bytes pair up into other code units
END_MARKS = 4  # an odd last byte and the character it cut may be lost, at the end only

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def repair(text: str) -> str:
    """``text`` read back as the UTF-8 its UTF-16 code units hold, where it reads as Chinese."""
    read = _read(text)
    if read is not None or "\n" not in text or not _UNITS_OF_UTF8.search(text):
        return text if read is None else read
    # Lines misread among lines that were not (a record's field, a pasted paragraph): each alone.
    return "\n".join((_UNITS_OF_UTF8.search(line) and _read(line)) or line for line in text.split("\n"))


def _read(text: str) -> str | None:
    """``text`` read as UTF-8 in the byte order that reads it as Chinese, or None."""
    if len(text) < MIN_HAN or len(text.encode("ascii", "ignore")) > MAX_ASCII_SHARE * len(text):
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        read = _units_read(text, codec)
        if read is None:
            continue
        wide = len(read) - len(read.encode("ascii", "ignore"))
        han = len(_HAN.findall(read))
        if han >= MIN_HAN and han >= HAN_SHARE * wide:
            return read
    return None


_WIDE_RUNS = re.compile("[^\x00-\x7f]+")
# A lead byte beside a continuation byte, read as one unit, is a private-use code (e4 b8 read
# big-endian, b8 e4 little-endian: U+E4B8) or hangul: a line of UTF-8 read so holds some.
_UNITS_OF_UTF8 = re.compile("[\ue000-\uf8ff\uac00-\ud7af]")


def _units_read(text: str, codec: str) -> str | None:
    """Each stretch of ``text`` beyond ASCII read as the UTF-8 its ``codec`` units hold, or None
    where one is no UTF-8. An ASCII character is no unit (it would hold a NUL byte): it is the
    page's own, a line break between lines read one at a time, and stays; each such line may end
    in a U+FFFD for its odd last byte. Stretch by stretch, lazily: a clean page fails on its first."""
    out = []
    at = 0
    for m in _WIDE_RUNS.finditer(text):
        out.append(text[at : m.start()])
        at = m.end()
        piece = m.group()
        if piece.endswith("\ufffd"):
            # The line's odd last byte, alone: the character it ended (begun in the units before
            # it, else an ASCII one) is lost, one U+FFFD.
            try:
                read = codecs.getincrementaldecoder("utf-8")().decode(piece[:-1].encode(codec, "surrogatepass"))
            except UnicodeDecodeError:
                pass
            else:
                out.append(read + "\ufffd")
                continue
        data = piece.encode(codec, "surrogatepass")
        try:
            out.append(data.decode("utf-8"))
        except UnicodeDecodeError as error:
            # A byte UTF-8 rejects with END_MARKS characters after it (each of at most 4 bytes) is
            # no page of UTF-8: told by the first error, which a clean page meets within a few
            # bytes. A U+FFFD the page itself held (ef bf bd) is UTF-8 like any other character.
            # The last stretch only: a line's own odd end is read above.
            if len(data) - error.end >= 4 * END_MARKS or text[at:].strip("\n\r\t "):
                return None
            out.append(data.decode("utf-8", errors="replace"))
    out.append(text[at:])
    return "".join(out)


# UTF-16 shown one byte a character (a tool read a UTF-16 file as Latin-1 or cp1252 and handed over
# the text): 中文 is "-N\x87e", every ASCII letter a letter and a NUL, a line break "\n\x00", the
# byte-order mark "ÿþ". The bytes are all there; read before anything takes the NULs, form feeds
# and line feeds inside its characters for the page's own (the line-break and invisible-character
# stages would). English read this way is Han too (each pair of letters one character: "he" is
# 敨), but no Chinese: so the reading must also score as Chinese text does (byte_runs.reads_as_chinese).
LATIN_MIN_WIDE = 0.2  # of the characters: UTF-16 of Chinese has a high byte in most pairs
LATIN_HAN_SHARE = 0.5  # of the characters beyond ASCII read: Chinese quoting kana, hangul, Greek
_CP1252 = {ch: bytes([b]) for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}


def latin1_repair(text: str) -> str:
    """``text`` read back as the UTF-16 whose bytes it shows one a character, where that is
    Chinese text; else ``text``.

    >>> latin1_repair("中文是汉藏语系的一种语言，汉字是它的文字，已有三千多年的历史。".encode("utf-16").decode("latin-1"))
    '中文是汉藏语系的一种语言，汉字是它的文字，已有三千多年的历史。'
    """
    if len(text) < MIN_HAN or not text.startswith(("\xff\xfe", "\xfe\xff")) and (
            "\x00" not in text and len(text.encode("ascii", "ignore")) > (1 - LATIN_MIN_WIDE) * len(text)):
        return text
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        try:
            data = b"".join(_CP1252.get(ch) or ch.encode("latin-1") for ch in text)
        except UnicodeEncodeError:
            return text  # a character no single byte shows: not a byte a character
    best, best_score = text, float("-inf")
    for codec in ("utf-16", "utf-16-le", "utf-16-be") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-16-le", "utf-16-be"):
        # An odd last byte (a copy cut short) is dropped: at most one character lost, at the end.
        try:
            read = data[: len(data) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        wide = "".join(ch for ch in read if not ch.isascii())
        han = "".join(_HAN.findall(wide))
        if (len(han) < MIN_HAN or len(han) < LATIN_HAN_SHARE * len(wide) or _NOT_TEXT.search(read)
                or not byte_runs.reads_as_chinese(han)):
            continue
        score = per_char(han)
        if score > best_score:
            best, best_score = read, score
    return best


_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
