"""A page read one byte a character, saved as UTF-8 and read as GBK: the chain decided once for
the page, then every line read through it.

Why: GBK text shown as Latin-1 (证券 is Ö¤È¯), saved as UTF-8 and read as GBK again is
脰陇脠炉: each byte of the page under both layers became one of the 128 characters GBK reads
UTF-8's two-byte sequences c2 80 - c3 bf as. The peel of ``layers`` reads such a stretch only if
it holds enough characters to read clearly better than the stretch: long lines came back, table
rows, headings and the short lines of lyrics stayed mojibake, the same chain over a Big5 page
(whose trail bytes 40-7e stay ASCII between the layers) was not read at all, nor were the short
lines of a UTF-8 page so misread (忙聢聭 is 我). Yet both layers lose nothing: each of those
characters is exactly one byte of the page under them. So the page decides the chain (the lines
made of those characters read strictly in one source, most of them, and together much better than
they are), and each line made of such characters and ASCII alone is then read through it, as short
as it is, when its bytes read strictly in that source (and, for a line of one or two such
characters, no worse than the line).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.langmodel import per_char
from cleaner.repair import mojibake

# The page under both layers, in the sources a Chinese page is written in (GB18030 reads GBK's
# every code as GBK does; Big5-HKSCS reads Big5's; UTF-8 shown as Latin-1 is the commonest
# mojibake of all, 忙聢聭 for 我 once read as GBK again).
SOURCES = ("utf-8", "gb18030", "big5hkscs")
PAGE_CHARS = 16  # outer characters the lines that read hold together, at least
STRICT_SHARE = (3, 4)  # of the outer characters of the page's lines, in lines that read strictly
# A line of this many outer characters that reads strictly is read on a page that shows the chain
# (clean text's run of them is rarely longer than two); a shorter one must read no worse than it
# is (陆路 is a word, and its bytes bd b7 a GBK code too).
SURE_CHARS = 3
# How much better a character the page's lines read through the chain. Less than one stretch's
# re-read needs (mojibake.GAIN, 3), and no floor (mojibake.FLUENT): a page's rows are many, all
# of the chain's 128 characters, and figures, dates and prices beside names read worse than prose
# (a table of names and prices gained 2.9; a menu of palace halls read -9.1 a character).
GAIN = 2.0


_ASCII = re.compile("[\x00-\x7f]+")


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    """What GBK reads each two-byte UTF-8 sequence of U+0080-U+00FF as, to that byte (聽 is c2 a0,
    that is byte a0): all 128 are GBK codes, none ASCII, so the outer reading kept every byte."""
    return {chr(b).encode("utf-8").decode("gbk"): b for b in range(0x80, 0x100)}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    chars = "".join(_table())
    # A run of three: the cheap test a page passes before any line is read (clean text's run of
    # these characters, 陆路 or 没每, is rarely longer than two). Its first character written apart:
    # re skips ahead to a pattern's first character only when the pattern names it, which a repeat
    # ({3}) does not (tried at every character of a page: 17 -> 6 µs a crawl page).
    return re.compile(f"[{chars}][{chars}]{{2}}"), re.compile(f"[{chars}\\x00-\\x7f]*")


def _bytes(line: str) -> bytes:
    table = _table()
    return bytes(table.get(ch, ord(ch)) for ch in line)


def _reading(line: str, source: str) -> str | None:
    try:
        return _bytes(line).decode(source)
    except UnicodeDecodeError:
        return None


def read(text: str) -> mojibake.MojibakeRepair:
    """``text`` with every line the page's chain reads taken back through it; (text, lines read,
    no findings: the chain loses nothing, so nothing is guessed)."""
    run3, whole = _patterns()
    if not run3.search(text):
        return mojibake.MojibakeRepair(text, 0, [])
    table = _table()
    lines = text.split("\n")
    # Lines of the outer set's characters and ASCII alone, with at least one of the set.
    candidates = [k for k, line in enumerate(lines) if whole.fullmatch(line) and any(ch in table for ch in line)]
    source = _page_source([lines[k] for k in candidates])
    if source is None:
        return mojibake.MojibakeRepair(text, 0, [])
    count = 0
    for k in candidates:
        line = lines[k]
        reading = _reading(line, source)
        if reading is not None and reading != line and (
                sum(ch in table for ch in line) >= SURE_CHARS or per_char(reading) >= per_char(line)):
            lines[k] = reading
            count += 1
    return mojibake.MojibakeRepair("\n".join(lines), count, []) if count else mojibake.MojibakeRepair(text, 0, [])


def _page_source(lines: list[str]) -> str | None:
    """The source the page's lines read in, or None if the page does not show the chain: the
    lines that read strictly in it hold PAGE_CHARS outer characters or more, most of the lines'
    (STRICT_SHARE), and read together GAIN better a character than they are (a table's rows or a
    song's lines are too short to show it one by one). The source with the most such characters,
    the model deciding a tie (a short GBK line may read in Big5 too, as nonsense)."""
    table = _table()
    total = sum(ch in table for line in lines for ch in line)
    best: tuple[int, float, str] | None = None
    for source in SOURCES:
        read = [(line, reading) for line in lines if (reading := _reading(line, source)) is not None]
        chars = sum(ch in table for line, _ in read for ch in line)
        if chars < PAGE_CHARS or chars * STRICT_SHARE[1] < total * STRICT_SHARE[0]:
            continue
        # Judged without ASCII, which both readings share (a table's figures, a price's digits).
        score = per_char(_ASCII.sub("", "".join(r for _, r in read)))
        if score > per_char(_ASCII.sub("", "".join(line for line, _ in read))) + GAIN and (
                best is None or (chars, score) > best[:2]):
            best = (chars, score, source)
    return best[2] if best else None
