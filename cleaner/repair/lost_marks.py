"""锟斤拷 and its kin: a reader's U+FFFD marks, written as UTF-8 and read as GBK, written back as
the U+FFFD they are.

Why: text that lost its bytes to a UTF-8 ``replace`` reader (a GBK page read as UTF-8) holds a
U+FFFD for each byte or pair that reader rejected; saved as UTF-8 (``ef bf bd`` each) and read
as GBK, the marks come out as 锟斤拷 (two marks in phase), or, where a mark follows a character
of odd length (ASCII, or a pair of the lost text that happened to be valid UTF-8), as 锟皆ｏ拷:
the marks' bytes paired with their neighbours'. Nothing of the lost text can be recovered, but
the byte repairs saw a page of rare characters and searched it (13 s for 10 KB), read some groups
and not others, and a second clean changed more.

The mechanism: each line holding 锟 is written back as the GBK bytes it was read from and cut
into the units UTF-8 reads there: a mark (``ef bf bd``), an ASCII byte, another character, a byte
UTF-8 rejects. Units that share a character of the line are one group (锟斤拷锟斤拷's 斤 holds the
end of one mark and the start of the next). A group whose units beyond ASCII are half marks or
more is lost text (UTF-8 read as cp1252, then as GBK, holds a mark now and then among the first
layer's characters, which are no loss): it is written
as its units are, a U+FFFD for each mark and for each character made of bytes of two lost
characters (锟皆ｏ拷's ``d4 a3``), its ASCII as it is. A character whose bytes are one unit of
its own (谭 ``cc b7``, valid UTF-8 that came through) is the text's and stays. A U+FFFD the GBK
reader wrote after 锟 (the line ended inside the mark) is the mark's last byte.

The same marks read as Big5 (a Taiwan forum's 嚙踝蕭, the GBK 锟斤拷's twin: ``ef bf`` is 嚙
there) are read the same way from the line's Big5 bytes (``READERS``).

What stays: a line whose runs hold fewer than MIN_MARKS marks each: a lone 锟斤拷 (the word
itself, in an article about garbled text: “锟斤拷”是什么), a name's 锟 (王锟, 锟斤). On a line
that shows a longer run, every run is read alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = b"\xef\xbf\xbd"  # U+FFFD in UTF-8
# Of a line's characters beyond ASCII, this many marks once the runs are read make the line lost
# text: GBK and Big5 paragraphs of the wiki corpus through the reader and back show 86-98 %.
LOST_LINE = 0.75
_NO_BYTE = b"\xff"  # a character with no GBK pair (or U+FFFD): a byte UTF-8 never has
MIN_MARKS = 3  # a run of fewer may be the word 锟斤拷 (two marks in phase) or a name's 锟


def repair(text: str) -> str:
    """``text`` with every group of lost marks written as its U+FFFD (see the module's docstring).

    >>> repair("他说锟斤拷锟斤拷是")
    '他说\\ufffd\\ufffd\\ufffd\\ufffd是'
    >>> repair("谭锟斤拷锟皆ｏ拷锟叫癸拷，他参加了北京奥运会的射箭比赛。")
    '谭\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd，他参加了北京奥运会的射箭比赛。'
    >>> repair("“锟斤拷”是什么")
    '“锟斤拷”是什么'
    """
    readers = [reader for reader in READERS if reader.lead in text]
    if not readers:
        return text
    lines = text.split("\n")
    for reader in readers:
        lines = [_line(line, reader) if reader.lead in line else line for line in lines]
    return "\n".join(lines)


@dataclass(frozen=True)
class _Reader:
    """A double-byte decoder that read UTF-8's U+FFFD marks: the character it shows for a mark's
    first two bytes ``ef bf``, the codec that gives back its bytes, and the marks in phase as it
    shows them (the word, written about)."""

    lead: str
    codec: str
    word: str


# GBK shows two marks in phase as 锟斤拷; Big5 (a Taiwan page: PTT, a forum) as 嚙踝蕭.
READERS = (_Reader("锟", "gb18030", "锟斤拷"), _Reader("嚙", "cp950", "嚙踝蕭"))


def _line(line: str, reader: _Reader) -> str:
    data, owner = _bytes(line, reader)
    units = _units(data)
    # Units sharing a character are one group: a group is a run of consecutive units, since a
    # character's bytes are consecutive.
    groups: list[list[tuple[int, int, bytes]]] = []
    last_owner = -1
    for unit in units:
        start, end, _ = unit
        if groups and owner[start] == last_owner:
            groups[-1].append(unit)
        else:
            groups.append([unit])
        last_owner = owner[end - 1]
    # Groups holding a mark, and those next to each other one run (锟斤拷锟斤拷: two in phase).
    runs: list[tuple[bool, list[tuple[int, int, bytes]]]] = []
    for group in groups:
        # Half its units beyond ASCII marks at least: UTF-8 read as cp1252 and then as GBK also
        # holds a mark now and then (a byte cp1252 leaves undefined), among the cp1252 mojibake's
        # own characters, which the layer repairs read back.
        marks = sum(unit == MARK for _, _, unit in group)
        lost = marks > 0 and 2 * marks >= sum(not unit.isascii() for _, _, unit in group)
        if lost and runs and runs[-1][0]:
            runs[-1][1].extend(group)
        else:
            runs.append((lost, list(group)))
    # The word itself quoted (“锟斤拷锟斤拷” in a line about garbled text) is the text's, not a loss.
    runs = [(lost and not _quoted_word(run, owner, line, reader), run) for lost, run in runs]
    # Two marks may be the word 锟斤拷, one a name's 锟 (王锟, 锟斤): the line must show a run of
    # MIN_MARKS at least, and then every run on it is read alike.
    if not any(lost and sum(unit == MARK for _, _, unit in run) >= MIN_MARKS for lost, run in runs):
        return line
    read = _written(runs, data, owner, line, False)
    wide = sum(not ch.isascii() for ch in read)
    if read.count("\ufffd") < LOST_LINE * wide:
        return read
    # A line whose text is lost: the characters between the marks are what the UTF-8 reader made
    # of lost bytes (a pair in phase, valid UTF-8, mostly another character than the text's: a
    # Big5 pair read as GBK) or pieces of marks a decoder cut: marks as well; not the text
    # written around them (_written_around).
    return _written(runs, data, owner, line, True)


def _written(runs: list[tuple[bool, list[tuple[int, int, bytes]]]], data: bytes, owner: list[int], line: str,
             line_lost: bool) -> str:
    """The line with each lost run written as its marks (a U+FFFD for each unit beyond ASCII) and,
    where ``line_lost``, every other character beyond ASCII as a mark too."""
    out: list[str] = []
    kept = _written_around(runs, data, owner, len(line)) if line_lost else set()
    for lost, run in runs:
        if lost:
            out += [unit.decode("ascii") if unit.isascii() else "\ufffd" for _, _, unit in run]
        elif line_lost:
            first = owner[run[0][0]]
            out += [ch if ch.isascii() or first + i in kept else "\ufffd"
                    for i, ch in enumerate(_chars(run, owner, line))]
        else:
            out.append(_chars(run, owner, line))
    return "".join(out)


def _written_around(runs: list[tuple[bool, list[tuple[int, int, bytes]]]], data: bytes, owner: list[int],
                    size: int) -> set[int]:
    """Indexes of the characters of a lost line that were written around its lost text: before
    the first lost run, up to the last character holding a byte UTF-8 rejects, and after the
    last, from the first such character on. The reader made a mark of every byte it rejected, so
    such a character was never through it (他 cb fb in 他说：锟斤拷…, a template's label and the
    lost field after it); characters between it and the marks may be either and are marks."""
    lost_at = [k for k, (lost, _) in enumerate(runs) if lost]
    if not lost_at:
        return set()

    def rejected(part: list[tuple[bool, list[tuple[int, int, bytes]]]]) -> list[int]:
        # Not a byte rejected for what stands within a character's length after it: a byte the
        # GBK reader could not read (U+FFFD, 0xff here), which UTF-8 may have read (帷� ending a
        # line is e1 a1 a3, U+1863 come through, cut by the reader).
        return [owner[start] for _, run in part for start, end, unit in run
                if end - start == 1 and unit[0] >= 0x80 and _NO_BYTE not in data[start : start + 4]]

    head, tail = rejected(runs[: lost_at[0]]), rejected(runs[lost_at[-1] + 1 :])
    return set(range(max(head) + 1 if head else 0)) | set(range(min(tail) if tail else size, size))


# The word quoted: whole 锟斤拷 (marks in phase) filling a quotation, on a line that speaks of garbled
# text or encodings. A name lost in quotes (他说“锟斤拷锟斤拷”) reads the same; the line's words tell
# them apart.
_QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’", "《": "》"}
_SPEAKS_OF_GARBLING = re.compile(r"[乱亂编編解][码碼]|字符集|字元|替换字符|替換字元|UTF|GBK|Big5|Unicode|encod", re.I)


def _quoted_word(run: list[tuple[int, int, bytes]], owner: list[int], line: str, reader: _Reader) -> bool:
    a, b = owner[run[0][0]], owner[run[-1][1] - 1] + 1
    quoted = line[a:b]
    return (0 < a and b < len(line) and _QUOTES.get(line[a - 1]) == line[b]
            and len(quoted) % len(reader.word) == 0 and quoted == reader.word * (len(quoted) // len(reader.word))
            and bool(_SPEAKS_OF_GARBLING.search(line)))


def _chars(group: list[tuple[int, int, bytes]], owner: list[int], line: str) -> str:
    return line[owner[group[0][0]]:owner[group[-1][1] - 1] + 1]


def _bytes(line: str, reader: _Reader) -> tuple[bytes, list[int]]:
    """The bytes the reader read as ``line`` and, for each, the index of its character. A character
    the reader does not have (and a U+FFFD not ending a mark) is one byte UTF-8 rejects, its own unit."""
    data = bytearray()
    owner: list[int] = []
    for i, ch in enumerate(line):
        if ch == "\ufffd" and data.endswith(b"\xef\xbf") and i and line[i - 1] == reader.lead:
            code = b"\xbd"  # the mark's last byte, cut off by what followed it
        else:
            try:
                code = ch.encode(reader.codec)
            except UnicodeEncodeError:
                code = _NO_BYTE
            if ch == "\ufffd" or len(code) > 2:
                code = _NO_BYTE  # never UTF-8: a unit of its own, kept as written
        data += code
        owner += [i] * len(code)
    return bytes(data), owner


def _units(data: bytes) -> list[tuple[int, int, bytes]]:
    """(start, end, bytes) of each unit UTF-8 reads in ``data``: a character, or a byte it rejects."""
    units = []
    i, n = 0, len(data)
    while i < n:
        size = 1
        lead = data[i]
        if lead >= 0xC2:
            want = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            try:
                data[i:i + want].decode("utf-8")
                size = want
            except UnicodeDecodeError:
                pass
        units.append((i, i + size, data[i:i + size]))
        i += size
    return units
