"""Compressed files, chosen by extension (or, without one, by their first bytes), read and written as streams.

Why: web dumps arrive as ``.jsonl.gz``/``.zst``/``.xz`` of many gigabytes, and outputs should keep
the compression the user asked for. Everything here streams: memory stays flat whatever the file
size, and reading yields a binary stream that iterates line by line.

A stream with no name to go by (standard input: ``zcat``'s input piped on without it) or a file
whose name has no compression suffix is read by its magic bytes: gzip, bz2, xz and zstd each begin
with a signature that no UTF-8 text (and no plausible page) begins with. A name that says
compressed is trusted: its bytes must be that compression, or reading fails with one line.

Formats: ``.gz`` (gzip), ``.bz2`` (bz2), ``.xz`` (xz/lzma) from the standard library, ``.zst``
(Zstandard) from the ``zstandard`` package; multi-member/multi-frame files read as one stream.

A damaged file raises one of :data:`COMPRESSION_ERRORS` while it is read (or at close, for a
truncated gzip/zstd tail): catch that tuple and report ``f"{path}: {exc}"`` as one line.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import re
import zlib
from typing import BinaryIO

import zstandard

SUFFIXES = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}

#: What reading a corrupt or truncated compressed file can raise. ``OSError`` covers
#: ``gzip.BadGzipFile`` and bz2's "Invalid data stream"; ``EOFError`` a truncated gzip/bz2/xz
#: stream; ``zlib.error`` a damaged deflate block; ``lzma.LZMAError`` damaged xz data;
#: ``zstandard.ZstdError`` damaged or truncated zstd data. (zstandard's own stream reader ends
#: silently inside a cut frame, so ``.zst`` is read here frame by frame.) Damage inside a zstd
#: frame is caught only if the writer stored checksums, as ours does.
COMPRESSION_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError, zstandard.ZstdError)

_BUFFER = 1 << 20
# A compressed page is read a piece at a time: what a read that breaks off had decompressed is
# lost with it, so a break loses at most this much of what came before it.
_PIECE = 1 << 16
_ZSTD_CHUNK = 1 << 12
# Signatures: gzip (with deflate, its only method), zstd frame, xz stream, bz2 block or empty stream.
_MAGIC = (("gzip", re.compile(rb"\x1f\x8b\x08")), ("zstd", re.compile(rb"\x28\xb5\x2f\xfd")),
          ("xz", re.compile(rb"\xfd7zXZ\x00")), ("bz2", re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")))
SNIFF_BYTES = 10  # the longest signature (bz2's)


# Compressions a user may name an output after that this tool does not write: written under such
# a name, the data was plain text a decompressor then refused (``-o out.jsonl.lz4``, probe45).
UNWRITTEN_SUFFIXES = {".lz4": "lz4", ".br": "brotli", ".zip": "zip", ".7z": "7z", ".lzma": "lzma", ".lz": "lzip",
                      ".lzo": "lzop", ".z": "compress", ".sz": "snappy", ".snappy": "snappy", ".tgz": "tar+gzip",
                      ".tbz2": "tar+bz2", ".txz": "tar+xz"}


def unwritten_compression(name: str | os.PathLike) -> str | None:
    """The compression a name asks for that is not written here (``out.jsonl.lz4``: 'lz4'), or None.

    >>> unwritten_compression("out.jsonl.lz4"), unwritten_compression("out.jsonl.zst"), unwritten_compression("a.txt")
    ('lz4', None, None)
    """
    return UNWRITTEN_SUFFIXES.get(os.path.splitext(os.fspath(name))[1].lower())


def compression_of(name: str | os.PathLike) -> str | None:
    """The compression a file name asks for: 'gzip', 'bz2', 'xz', 'zstd', or None.

    >>> compression_of("dump.jsonl.zst"), compression_of("page.HTML.GZ"), compression_of("a.txt")
    ('zstd', 'gzip', None)
    """
    return SUFFIXES.get(os.path.splitext(os.fspath(name))[1].lower())


def base_name(name: str | os.PathLike) -> str:
    """The name without its compression suffix.

    >>> base_name("a.jsonl.gz"), base_name("a.jsonl")
    ('a.jsonl', 'a.jsonl')
    """
    name = os.fspath(name)
    return os.path.splitext(name)[0] if compression_of(name) else name


def sniffed_compression(head: bytes) -> str | None:
    """The compression whose signature ``head`` (a stream's first bytes) begins with, or None.

    >>> sniffed_compression(gzip.compress(b"{}")), sniffed_compression(b'{"text": 1}'), sniffed_compression(b"BZh")
    ('gzip', None, None)
    """
    return next((kind for kind, magic in _MAGIC if magic.match(head)), None)


def file_compression(path: str | os.PathLike) -> str | None:
    """The compression of a file: by its name's suffix, else by its first bytes."""
    kind = compression_of(path)
    if kind is None:
        with open(path, "rb") as fh:
            kind = sniffed_compression(fh.read(SNIFF_BYTES))
    return kind


def open_reader(path: str | os.PathLike) -> BinaryIO:
    """A buffered binary stream of the decompressed bytes of ``path``; iterate it for lines.

    Use it as a context manager; closing it closes the file. Compression by the name's suffix,
    else by the file's first bytes.
    """
    kind = compression_of(path)
    if kind is None:
        fh = open(path, "rb", buffering=_BUFFER)
        try:
            kind = sniffed_compression(fh.peek(SNIFF_BYTES)[:SNIFF_BYTES])
        except BaseException:
            fh.close()
            raise
        if kind is None:
            return fh
        fh.close()
    if kind == "gzip":
        return gzip.open(path, "rb")
    if kind == "bz2":
        return bz2.open(path, "rb")
    if kind == "xz":
        return lzma.open(path, "rb")
    if kind == "zstd":
        return io.BufferedReader(_ZstdReader(open(path, "rb")), buffer_size=_BUFFER)
    return open(path, "rb", buffering=_BUFFER)


def wrap_reader(fh: BinaryIO, name: str | os.PathLike) -> BinaryIO:
    """The decompressed bytes of an open binary stream, by ``name``'s compression suffix.

    Like :func:`wrap_writer`, closing the wrapper never closes ``fh``: the caller owns it. Engines
    that get a stream from elsewhere (Ray's file system layer) read compressed inputs through
    this, with the same decoders (and the same truncation errors) as the local engines. A name
    with no compression suffix (or ``-``, standard input): the stream's first bytes decide.
    """
    return _open_stream(fh, name)[1]


def _open_stream(fh: BinaryIO, name: str | os.PathLike) -> tuple[str | None, BinaryIO]:
    """(compression or None, the decompressed stream) for :func:`wrap_reader`."""
    kind = compression_of(name)
    if kind is None:
        source = _Reads(fh)  # read through its first end only (a terminal's Ctrl-D)
        head = _read_exactly(source, SNIFF_BYTES)
        kind = sniffed_compression(head)
        fh = io.BufferedReader(_Reads(source, head), buffer_size=_BUFFER)  # iterable by lines, whatever fh is
        if kind is None:
            return None, fh
    return kind, _decompressing(fh, kind)


def _decompressing(fh: BinaryIO, kind: str) -> BinaryIO:
    if kind == "gzip":
        return gzip.GzipFile(fileobj=fh, mode="rb")
    if kind == "bz2":
        return bz2.BZ2File(fh, "rb")
    if kind == "xz":
        return lzma.LZMAFile(fh, "rb")
    if kind == "zstd":
        return io.BufferedReader(_ZstdReader(fh, closefd=False), buffer_size=_BUFFER)
    raise ValueError(f"unknown compression {kind!r}")


class BrokeOff(OSError):
    """A compressed page that broke off (a download cut short) after whole lines: ``data`` holds
    them, to be cleaned and written as a compressed records file keeps the records before its
    break; the message says where it broke and that the rest is lost. A stream that breaks off
    before its first line end raises a plain ``OSError``: nothing of it can be kept."""

    def __init__(self, message: str, data: bytes) -> None:
        super().__init__(message)
        self.data = data


def read_all(path: str | os.PathLike, max_bytes: int = 0) -> bytes:
    """The whole of a file, decompressed by its name (a page saved as ``page.html.gz``) or its
    first bytes (a gzipped page saved as ``page.txt``).

    A compressed file that breaks off after some lines raises :class:`BrokeOff` holding them; a
    truncated or corrupt one unreadable before that raises ``OSError``, one line saying so; one of
    more than ``max_bytes`` bytes (0: no limit), decompressed, raises ``DocumentTooLarge`` as
    soon as it passes them (``Config.max_bytes``), never reading on.
    """
    with open(path, "rb") as fh:
        return read_stream(fh, os.fspath(path), max_bytes)


def _bounded(head: bytes, stream: BinaryIO, max_bytes: int) -> bytes:
    """``head`` and the rest of ``stream``; past ``max_bytes`` (when given), ``DocumentTooLarge``."""
    if not max_bytes:
        return head + stream.read()
    data = head + stream.read(max(max_bytes + 1 - len(head), 0))
    if len(data) > max_bytes:
        from cleaner.config import DocumentTooLarge

        raise DocumentTooLarge(f"over {max_bytes:,} bytes, more than {max_bytes // 4:,} characters can take (max_chars)")
    return data


def read_stream(fh: BinaryIO, name: str | os.PathLike = "-", max_bytes: int = 0) -> bytes:
    """The whole of an open stream (standard input), decompressed as :func:`wrap_reader` decides.

    A compressed stream that breaks off raises :class:`BrokeOff` or ``OSError`` as for
    :func:`read_all`; a stream whose first bytes are binary data raises ``NotText`` without reading on; ``max_bytes`` as
    for :func:`read_all`.
    """
    from cleaner.io.decode import SNIFF, refuse_binary

    kind, stream = _open_stream(fh, name)
    with stream:
        if kind is None:  # a read error is the file's own (EIO), told as it is
            head = _read_exactly(stream, SNIFF)
            refuse_binary(head)  # NotText before an endless device or a large binary is read whole
            return _bounded(head, stream, max_bytes)
        parts: list[bytes] = []  # what was read, kept in pieces: a break keeps the lines before it
        try:
            head = _read_exactly(stream, SNIFF)
            refuse_binary(head)
            return _bounded_parts(head, stream, max_bytes, parts)
        except COMPRESSION_ERRORS as exc:
            why = f"cannot read the compressed data ({type(exc).__name__}: {exc})"
            data = b"".join(parts)
            end = data.rfind(b"\n") + 1  # whole lines only: the last one may stop inside a character
            if not end:
                raise OSError(why) from None
            lines = data.count(b"\n", 0, end)
            raise BrokeOff(f"{why} after line {lines}: the lines before it were cleaned, the rest is lost", data[:end]) from None


def _bounded_parts(head: bytes, stream: BinaryIO, max_bytes: int, parts: list[bytes]) -> bytes:
    """``_bounded`` a buffer at a time, each kept in ``parts`` as it comes (for a stream that
    may break off)."""
    parts.append(head)
    size = len(head)
    while (want := _PIECE if not max_bytes else min(_PIECE, max_bytes + 1 - size)) > 0:
        part = stream.read(want)
        if not part:
            break
        parts.append(part)
        size += len(part)
    if max_bytes and size > max_bytes:
        from cleaner.config import DocumentTooLarge

        raise DocumentTooLarge(f"over {max_bytes:,} bytes, more than {max_bytes // 4:,} characters can take (max_chars)")
    return b"".join(parts)


def _read_exactly(fh, n: int) -> bytes:
    """Up to ``n`` bytes: fewer only at the end of the stream (a pipe gives what it has)."""
    head = b""
    while len(head) < n:
        part = fh.read(n - len(head))
        if not part:
            break
        head += part
    return head


def wrap_writer(fh: BinaryIO, name: str | os.PathLike) -> BinaryIO:
    """Wrap an open binary file so that what is written to it is compressed as ``name`` says.

    Closing the wrapper (or leaving its ``with`` block) writes the compressed trailer and flushes,
    but never closes ``fh``: the caller still owns it (to fsync and rename an atomic write)::

        with open(tmp, "wb") as fh:
            with wrap_writer(fh, "out.jsonl.zst") as out:
                out.write(b"...")
            os.fsync(fh.fileno())
    """
    kind = compression_of(name)
    if kind == "gzip":  # no file name or time in the header: the same input gives the same bytes
        return gzip.GzipFile(filename="", mode="wb", compresslevel=6, fileobj=fh, mtime=0)
    if kind == "bz2":
        return bz2.BZ2File(fh, "wb")
    if kind == "xz":
        return lzma.LZMAFile(fh, "wb")
    if kind == "zstd":
        return zstandard.ZstdCompressor(level=3, write_checksum=True).stream_writer(fh, closefd=False)
    return _KeepOpen(fh)


class _KeepOpen(io.RawIOBase):
    """Uncompressed pass-through whose close() flushes but leaves the file open, like the others."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return self._fh.write(data)

    def flush(self) -> None:
        if not self.closed:
            self._fh.flush()


class _Reads(io.RawIOBase):
    """Any object with ``read(n)`` (a pyarrow stream) as a raw stream, after ``head`` (bytes
    already read from it to sniff its compression); close() leaves it open.

    It ends at the first empty read, for good: a terminal gives one at each Ctrl-D at a line's
    start and reads on after it, so each later read would wait for another (four of them, with
    the sniffing and the buffers, before a page typed in was cleaned)."""

    def __init__(self, fh, head: bytes = b"") -> None:
        self._fh, self._head, self._ended = fh, head, False

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n], self._head = self._head[:n], self._head[n:]
            return n
        if self._ended:
            return 0
        # read1 where the stream has it: what has come, at most one read of a pipe; a buffered
        # stream's read(n) waits for n bytes, so a record on a pipe waited for a megabyte of others.
        data = (self._fh.read1 if hasattr(self._fh, "read1") else self._fh.read)(len(buf))
        self._ended = not data
        buf[: len(data)] = data
        return len(data)


def standard_input() -> BinaryIO:
    """Standard input's bytes; from a terminal, unbuffered: a buffered read waits for its size or
    an end, so each read would need its own Ctrl-D; unbuffered, a read gives a typed line, and
    the first Ctrl-D at a line's start ends the input (``_Reads``)."""
    import errno
    import sys

    if sys.stdin is None:  # started with standard input closed (`<&-`): an OSError its callers tell in one line
        raise OSError(errno.EBADF, "standard input is closed")
    stream = sys.stdin.buffer
    try:
        terminal = stream.isatty()
    except (OSError, ValueError, AttributeError):
        terminal = False
    return getattr(stream, "raw", stream) if terminal else stream


class _ZstdReader(io.RawIOBase):
    """Zstandard frames back to back, in order; the file ending inside a frame raises ZstdError.

    Memory: the output of one 4 KB compressed chunk at a time (4 KB x the compression ratio).
    """

    def __init__(self, fh: BinaryIO, closefd: bool = True) -> None:
        self._fh, self._dctx, self._closefd = fh, zstandard.ZstdDecompressor(), closefd
        self._frame = None  # decompressobj of the frame being read
        self._input, self._out, self._at = b"", b"", 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        while self._at >= len(self._out):
            if not self._fill():
                return 0
        n = min(len(buf), len(self._out) - self._at)
        buf[:n] = self._out[self._at : self._at + n]
        self._at += n
        return n

    def _fill(self) -> bool:
        chunk, self._input = self._input or self._fh.read(_ZSTD_CHUNK), b""
        if not chunk:
            if self._frame is not None:
                raise zstandard.ZstdError("truncated zstd data: the file ends inside a frame")
            return False
        if self._frame is None:
            self._frame = self._dctx.decompressobj()
        self._out, self._at = self._frame.decompress(chunk), 0
        if self._frame.eof:
            self._input, self._frame = self._frame.unused_data, None
        return True

    def close(self) -> None:
        if not self.closed and self._closefd:
            self._fh.close()
        super().close()
