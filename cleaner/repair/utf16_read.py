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

import re

MIN_HAN = 20  # Han characters the page must read as, at least
HAN_SHARE = 0.8  # of the characters beyond ASCII it reads as
MAX_ASCII_SHARE = 0.1  # of the misread page: ASCII bytes pair up into other code units
END_MARKS = 4  # an odd last byte and the character it cut may be lost, at the end only

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def repair(text: str) -> str:
    """``text`` read back as the UTF-8 its UTF-16 code units hold, where it reads as Chinese."""
    if len(text) < MIN_HAN or len(text.encode("ascii", "ignore")) > MAX_ASCII_SHARE * len(text):
        return text
    for codec in ("utf-16-le", "utf-16-be"):
        data = text.encode(codec, "surrogatepass")
        try:
            read = data.decode("utf-8")
        except UnicodeDecodeError as error:
            # A byte UTF-8 rejects with END_MARKS characters after it (each of at most 4 bytes) is
            # no page of UTF-8: told by the first error, which a clean page meets within a few
            # bytes. A U+FFFD the page itself held (ef bf bd) is UTF-8 like any other character.
            if len(data) - error.end >= 4 * END_MARKS:
                continue
            read = data.decode("utf-8", errors="replace")
        wide = len(read) - len(read.encode("ascii", "ignore"))
        han = len(_HAN.findall(read))
        if han >= MIN_HAN and han >= HAN_SHARE * wide:
            return read
    return text
