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
    """
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
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
