"""Compressed files, chosen by extension, read and written as streams.

Why: web dumps arrive as ``.jsonl.gz``/``.zst``/``.xz`` of many gigabytes, and outputs should keep
the compression the user asked for. Everything here streams: memory stays flat whatever the file
size, and reading yields a binary stream that iterates line by line.

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
_ZSTD_CHUNK = 1 << 12


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


def open_reader(path: str | os.PathLike) -> BinaryIO:
    """A buffered binary stream of the decompressed bytes of ``path``; iterate it for lines.

    Use it as a context manager; closing it closes the file.
    """
    kind = compression_of(path)
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
    this, with the same decoders (and the same truncation errors) as the local engines.
    """
    kind = compression_of(name)
    if kind == "gzip":
        return gzip.GzipFile(fileobj=fh, mode="rb")
    if kind == "bz2":
        return bz2.BZ2File(fh, "rb")
    if kind == "xz":
        return lzma.LZMAFile(fh, "rb")
    if kind == "zstd":
        return io.BufferedReader(_ZstdReader(fh, closefd=False), buffer_size=_BUFFER)
    return io.BufferedReader(_Reads(fh), buffer_size=_BUFFER)  # iterable by lines, whatever fh is


def read_all(path: str | os.PathLike) -> bytes:
    """The whole of a file, decompressed by its name (a page saved as ``page.html.gz``).

    A truncated or corrupt compressed file raises ``OSError`` with one line saying so.
    """
    if not compression_of(path):
        with open(path, "rb") as fh:
            return fh.read()
    try:
        with open_reader(path) as fh:
            return fh.read()
    except COMPRESSION_ERRORS as exc:
        raise OSError(f"cannot read the compressed data ({type(exc).__name__}: {exc})") from None


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
    """Any object with ``read(n)`` (a pyarrow stream) as a raw stream; close() leaves it open."""

    def __init__(self, fh) -> None:
        self._fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        data = self._fh.read(len(buf))
        buf[: len(data)] = data
        return len(data)


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
