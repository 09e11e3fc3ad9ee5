"""Inputs that can be read only once: standard input, and any path that is not a regular file.

``/dev/stdin``, a shell's ``<(cat x.jsonl)`` (``/dev/fd/N``), a named pipe or a terminal give
their bytes once: a second ``open`` of a pipe waits for a writer that never comes, a second read
of ``/dev/fd/N`` finds what the first left, and a sniff that opens, reads a buffer and closes
loses that buffer. Such an input is opened once and read as ``-`` is: as one stream, its
compression told by its own first bytes (or a name that says so), never learned from in two passes.
A folder's entries that are not regular files are skipped (``cleaner.engines.folder``).
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from cleaner.io.compressed import standard_input


def reads_once(src: str | os.PathLike) -> bool:
    """Whether ``src`` is ``-`` or a path to something other than a regular file or a folder.

    A path that cannot be stat'ed is not one (its open fails, told as today)."""
    if os.fspath(src) == "-":
        return True
    try:
        mode = os.stat(src).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def shown_name(src: str | os.PathLike) -> str:
    """The input's name in messages: ``<stdin>`` for ``-``; else as ``printable`` writes it."""
    return "<stdin>" if os.fspath(src) == "-" else printable(os.fspath(src))


# Control characters (C0, DEL, C1): a newline in a file name would cut a one-line message in two,
# and an escape sequence would reach the terminal raw.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(name: str) -> str:
    r"""A file name as one line can show it: bytes that were not UTF-8 (a GBK name from a Windows
    zip, kept by Python as lone surrogates) as ``\xd6`` escapes, and control characters as
    Python writes them (``\n``, ``\x1b``).

    >>> printable("evil\nname.txt"), printable("esc\x1b[31m.txt")
    ('evil\\nname.txt', 'esc\\x1b[31m.txt')

    Messages that name files inside their text (``its output OUT/a\nb.txt exists ...``) are
    shown through it whole, so it takes any text.
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no decoder kept for a byte (a message quoting a record's text)
        raw = name.encode("utf-8", "backslashreplace")
    name = raw.decode("utf-8", "backslashreplace")
    return _CONTROLS.sub(lambda m: repr(m.group())[1:-1], name) if _CONTROLS.search(name) else name


@contextmanager
def opened_once(src: str | os.PathLike) -> Iterator[BinaryIO]:
    """The input's one binary stream; closed at the end unless it is standard input.

    A terminal (``/dev/tty`` as well as ``-``) is read unbuffered, as ``standard_input`` says why.
    """
    if os.fspath(src) == "-":
        yield standard_input()
        return
    fh = open(src, "rb", buffering=0)
    try:
        yield fh if fh.isatty() else io.BufferedReader(fh)
    finally:
        fh.close()


# Where a paced input (``paced_lines``) stopped giving bytes for a while. No line is empty (each
# ends with its line end, or is the last one and holds something), so this marks only a pause:
# the records before it are cleaned and written, and the output flushed (``write_stream``), as
# a slow producer (``tail -f log.jsonl | cleaner --jsonl``) needs; a stream that flows has none.
PAUSE = b""
PAUSE_AFTER = 0.2  # seconds without a byte: a producer between records, not a busy pipe
_CHUNK = 1 << 20  # at least the stream's buffer (``compressed._BUFFER``): read1 then empties it


def paced_lines(fh: BinaryIO, fd: int) -> Iterator[bytes]:
    """The lines of ``fh`` (a buffered reader over file descriptor ``fd``), with ``PAUSE`` where
    no byte came for ``PAUSE_AFTER`` seconds after the last whole line.

    Lines are split here rather than by ``readline``: its buffer hides whether more bytes are
    waiting, and a line read through it would wait for a whole buffer of input. ``read1`` gives
    what has come (one read of the pipe at most), and emptying the buffer each time leaves the
    descriptor to tell whether more is waiting.
    """
    import select

    from cleaner.io.lines import LineSplitter

    splitter = LineSplitter()  # lines end as a file's do (LF, CR LF, a lone CR), long ones in pieces
    paused = False
    while True:
        try:
            waiting = bool(select.select([fd], [], [], PAUSE_AFTER)[0])
        except (OSError, ValueError):  # not a descriptor select can wait on: read as it comes
            waiting = True
        if not waiting and not paused:
            yield PAUSE
            paused = True
        chunk = fh.read1(_CHUNK)
        if not chunk:
            break
        paused = False
        yield from splitter.feed(chunk)
    yield from splitter.end()
