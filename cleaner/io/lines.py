"""The lines of a records stream: split at every line end, held in bounded memory.

A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (as Python's universal newlines and
``bytes.splitlines`` end them): a JSON Lines file written with classic Mac line ends was one
line of the whole file, failed whole (probe45). JSON keeps no raw CR inside a string, so a lone CR
in a record's line can only be a line end or blanks between its tokens; read as a line end, a
record pretty-printed across CRs fails as two lines, told and passed through byte for byte.

A line is held until its end comes, up to ``LINE_LIMIT`` bytes. Past that (a JSON array saved as
``.jsonl``, a file with no line ends, a record no article comes near) it is given on as it comes,
a piece at a time (``LongStart``, then ``LongMore`` pieces, the last a ``LongEnd``), and the
records run passes it through unchanged and reports it: memory stays flat whatever the line's
length, where the whole line was held (and cleaning takes about 30 times a line's size, README).
Pieces are ``bytes`` of their own types, so that every consumer may treat them as any line.
"""

from __future__ import annotations

from collections.abc import Iterator

LINE_LIMIT = 1 << 25  # 32 MiB: no record of a web page comes near it; cleaning it would take about 1 GB
READ = 1 << 20  # the most a read takes at a time: a piece of a long line is at most this


class LongStart(bytes):
    """The first piece of a line longer than ``LINE_LIMIT`` (the line's number goes with it)."""


class LongMore(bytes):
    """A later piece of a long line, not its last."""


class LongEnd(bytes):
    """The last piece of a long line, with its line end (if the stream has one)."""


LONG_PIECES = (LongStart, LongMore, LongEnd)


def ends_no_line(line: bytes) -> bool:
    """Whether ``line`` (from ``LineSplitter``) is a piece before a long line's last: not a line."""
    return isinstance(line, (LongStart, LongMore))


class LineSplitter:
    """Push bytes in (``feed``), take whole lines out; ``end`` gives what the stream ended with.

    >>> s = LineSplitter()
    >>> list(s.feed(b'{"a": 1}\\r{"b": 2}\\r')) + list(s.feed(b'\\n{"c"')) + list(s.end())
    [b'{"a": 1}\\r', b'{"b": 2}\\r\\n', b'{"c"']
    """

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit or LINE_LIMIT
        self.parts: list[bytes] = []  # the line begun and not yet ended (in a long line: its one piece not given yet)
        self.size = 0
        self.long = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self.parts and self.parts[-1].endswith(b"\r") and not data.startswith(b"\n"):
            yield from self._ended(b"")  # the held line ended with a lone CR, not a CR LF cut in two
        pieces = data.splitlines(keepends=True)
        last = len(pieces) - 1
        for i, piece in enumerate(pieces):
            # A CR that ends the data may be the first half of a CR LF: the next data says.
            if piece.endswith(b"\n") or (i < last and piece.endswith(b"\r")):
                yield from self._ended(piece)
            else:
                yield from self._held(piece)

    def count_ended(self, data: bytes) -> tuple[int, int, bytes]:
        """Where ``data`` holds no CR, nor the line held before it, and the first line it ends is
        no long one: the lines it ends (the held line first) counted at C speed, not given, as
        (lines, their bytes, the rest to ``feed``). Otherwise (0, 0, data): ``feed`` it all."""
        first = data.find(b"\n")
        if first < 0 or self.long or self.size + first + 1 > self.limit or b"\r" in data \
                or any(b"\r" in part for part in self.parts):
            return 0, 0, data
        last = data.rfind(b"\n") + 1  # the lines after the first are shorter than data: none long
        ended = self.size + last
        self.parts, self.size = [], 0
        return data.count(b"\n", 0, last), ended, data[last:]

    def end(self) -> Iterator[bytes]:
        if self.parts:
            yield from self._ended(b"")

    def _ended(self, piece: bytes) -> Iterator[bytes]:
        parts, long = self.parts, self.long
        self.parts, self.size, self.long = [], 0, False
        if not long:
            line = b"".join(parts) + piece if parts else piece
            if line:
                yield line
            return
        if not piece:  # the pending piece is the last (long mode holds exactly one)
            piece = parts.pop()
        for part in parts:
            yield LongMore(part)
        yield LongEnd(piece)

    def _held(self, piece: bytes) -> Iterator[bytes]:
        self.parts.append(piece)
        self.size += len(piece)
        if self.long:
            while len(self.parts) > 1:  # one piece is kept back: the stream may end after it
                yield LongMore(self.parts.pop(0))
        elif self.size > self.limit and len(self.parts) > 1:
            self.long = True
            yield LongStart(self.parts[0])
            for part in self.parts[1:-1]:
                yield LongMore(part)
            self.parts = self.parts[-1:]
            self.size = len(self.parts[0])


def read_lines(fh, limit: int | None = None) -> Iterator[bytes]:
    """The lines of a binary stream (``LineSplitter``), read a line (or ``READ`` bytes) at a time:
    a compressed stream that breaks off keeps every line before the break."""
    splitter = LineSplitter(limit)
    readline = fh.readline
    while data := readline(READ):
        # The usual line, whole and ended by LF (or CR LF) alone, goes as it is: a fifth of the cost.
        if data[-1:] == b"\n" and not splitter.parts and data.find(b"\r", 0, len(data) - 2) < 0:
            yield data
        else:
            yield from splitter.feed(data)
    yield from splitter.end()
