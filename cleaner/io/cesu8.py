"""CESU-8: UTF-8 as Java's "modified UTF-8", MySQL's three-byte ``utf8`` and Oracle write it.

A character beyond the Basic Plane (an emoji, a rare Han of Extension B: 😀, 𩸽) is written as its
UTF-16 surrogate pair, each half as a three-byte sequence (``ed a0-af xx`` then ``ed b0-bf xx``),
where UTF-8 writes one four-byte sequence. Strict UTF-8 refuses surrogates, so the file fails
UTF-8, and a legacy reading (GB18030 reads nearly any bytes) turns each pair into three wrong Han
(😀 as 頎巾竴) with nothing to say so. The shape is unambiguous: a high half followed by a low
half is a surrogate pair and nothing else; its six bytes become the character's four.
"""

from __future__ import annotations

import re

from cleaner.model import Finding

# A high surrogate's three bytes (U+D800-DBFF), then a low one's (U+DC00-DFFF).
_PAIR = re.compile(rb"\xed([\xa0-\xaf])([\x80-\xbf])\xed([\xb0-\xbf])([\x80-\xbf])")


def rejoin(data: bytes) -> tuple[bytes, int]:
    """``data`` with each CESU-8 surrogate pair written as the UTF-8 of its character; how many.

    >>> rejoin(b"\\xed\\xa0\\xbd\\xed\\xb8\\x80")
    (b'\\xf0\\x9f\\x98\\x80', 1)
    """
    if b"\xed" not in data:
        return data, 0
    return _PAIR.subn(_four_bytes, data)


def rejoin_lines(data: bytes) -> tuple[bytes, int]:
    """``rejoin`` line by line, a line's pairs taken only where that makes the line UTF-8: in a
    legacy file the same six bytes are three characters (GBK ed a1 b0 ed b0 a1 is 頎绊啊, Big5
    瞴堅陛), and made four bytes they would cut the characters after them. For bytes that are not
    UTF-8 whole (a stray byte elsewhere, lines in several encodings)."""
    if b"\xed" not in data:
        return data, 0
    out, total = [], 0
    for line in data.splitlines(keepends=True):
        paired, pairs = rejoin(line)
        if pairs:
            try:
                paired.decode("utf-8")
            except UnicodeDecodeError:
                paired, pairs = line, 0
        out.append(paired)
        total += pairs
    return b"".join(out), total


def _four_bytes(m: re.Match) -> bytes:
    high = 0xD800 | (m.group(1)[0] & 0x0F) << 6 | (m.group(2)[0] & 0x3F)
    low = 0xDC00 | (m.group(3)[0] & 0x0F) << 6 | (m.group(4)[0] & 0x3F)
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).encode("utf-8")


def finding(count: int) -> Finding:
    return Finding("cesu-8", -1, f"{count} character(s) beyond the Basic Plane written as CESU-8 surrogate pairs "
                                 "(Java's modified UTF-8, MySQL utf8) read as the characters they stand for", count)
