"""The Python original of width_folded's test of which lines show UTF-8 read as GBK
(cleaner/repair/width_folded.py), which native/src/gb18030_reading.rs replaces
(``Gb18030Reading.lines_reading_chinese``): kept as the oracle the property tests of
tests/test_width_folded.py hold the native pass to."""

from __future__ import annotations

import re

from cleaner.repair.folded_bytes import CHINESE_RANGES
from cleaner.repair.width_folded import MIN_SHARE, MIN_WIDE

_CJK_READ = re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in CHINESE_RANGES) + "]")


def shows_utf8_as_gbk(line: str, read: str) -> bool:
    """Do the line's GBK bytes (``read``: them read as UTF-8) read as UTF-8 Chinese for a good
    part (``MIN_SHARE`` of its characters beyond ASCII)?"""
    wide = len(line) - len(line.encode("ascii", errors="ignore"))
    return wide >= MIN_WIDE and len(_CJK_READ.findall(read)) >= MIN_SHARE * wide


def read_lines(text: str) -> list[str]:
    """Each line's GB18030 bytes read as UTF-8 (what a decoder could not read left out), the
    page encoded and read at once: a line break is the byte 0a in both, never inside another
    character's bytes, and a byte UTF-8 cannot read is left out up to it, so the page's reading
    cut at its breaks is each line's own."""
    return text.encode("gb18030", errors="replace").decode("utf-8", errors="ignore").split("\n")


def lines_reading_chinese(text: str) -> list[int]:
    """The lines ``width_folded.repair`` reads, as ``Gb18030Reading.lines_reading_chinese`` gives them."""
    return [k for k, (line, read) in enumerate(zip(text.split("\n"), read_lines(text), strict=True))
            if shows_utf8_as_gbk(line, read)]
