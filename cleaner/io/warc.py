"""WARC and WET files -> one text document per page, in file order, streaming.

Why: crawls (Common Crawl and the like) come as ``.warc.gz`` of HTML responses or ``.wet.gz`` of
extracted text. FastWARC reads them (plain, gzip, zstd, lz4, detected from the bytes) one record
at a time, so memory stays flat: one record's payload, capped at :data:`MAX_PAYLOAD`.

* ``response`` (and ``resource``) records with an HTML or plain-text payload become documents:
  HTML through :func:`cleaner.io.html.html_to_text`, with the HTTP ``Content-Type`` charset first.
* ``conversion`` records (WET) are text already: UTF-8, else :func:`cleaner.io.decode.decode`.
* Everything else is skipped and counted: requests, metadata, warcinfo, revisits, non-2xx
  responses, images and other non-text payloads (pass a ``Counter`` as ``counts``).

HTTP ``Transfer-Encoding: chunked`` and ``Content-Encoding`` (gzip, deflate, br, zstd) are undone
here, not by FastWARC's ``auto_decode``: with it, one record with a broken gzip body also breaks
the iterator for the rest of the file. Here a record that cannot be decoded becomes a
:class:`WarcDocument` with ``error`` set (one line) and the next record is read. Damage to the
WARC stream itself (garbage between records, a wrong Content-Length) is one error document too: an
uncompressed file is read on from the next ``WARC/1.x`` line; in a compressed one (a corrupt gzip
member) it ends the file. So does a file cut short, which FastWARC passes over in silence (a short last
payload, or a cut last gzip member dropped): both are checked here.
"""

from __future__ import annotations

import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from cleaner import interrupts

MAX_PAYLOAD = 32 << 20  # larger payloads (in the WARC, or once decompressed) are reported, not read
DOCUMENT_TYPES = {"response", "resource", "conversion"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
_DEFLATE_HEADS = (b"\x1f\x8b", b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")  # gzip, zlib
_CHUNK_HEADER = re.compile(rb"[0-9A-Fa-f]+[ \t]*(?:;[^\r\n]*)?\r?\n")


@dataclass(frozen=True)
class WarcDocument:
    """One page: its URL, WARC-Record-ID, text (one paragraph a line), meta, error, byte offset.

    ``offset`` is where the record starts in the file (for ``.warc.gz``, its gzip member). When
    ``error`` is set (one line), ``text`` is empty and the caller should report and go on.
    ``broken``: the error is the file's, not one record's (its data is cut short or damaged, and
    nothing after ``offset`` can be read); it is always the last document.
    """

    url: str
    record_id: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    offset: int = 0
    broken: bool = False
    # An HTML page's evidence for the furniture model, as ``cleaner page.html`` has it
    # (``HtmlPage.linked``, ``HtmlPage.roles``: keyed by the lines of ``text``).
    linked: frozenset[str] = frozenset()
    roles: dict[str, str] = field(default_factory=dict)


def iter_warc(path: str | os.PathLike, counts: Counter | None = None) -> Iterator[WarcDocument]:
    """Documents of a WARC/WET file in file order; ``counts`` gets 'documents', 'errors', 'skipped ...'."""
    from fastwarc.warc import ArchiveIterator

    counts = Counter() if counts is None else counts
    start: int | None = 0
    while start is not None:
        resume: list[int] = []
        with open(path, "rb") as fh:  # a file object: FastWARC then sniffs the compression from the bytes
            fh.seek(start)
            yield from _documents(ArchiveIterator(fh, parse_http=True, auto_decode="none"), path, counts, start, resume)
        start = resume[0] if resume else None


def _documents(archive, path: str | os.PathLike, counts: Counter, start: int, resume: list[int]) -> Iterator[WarcDocument]:
    """The documents of ``archive``, read from ``start``; where an uncompressed file's stream is
    damaged, the place to read on from (the next record's start) is put in ``resume``."""
    records, offset, reported = iter(archive), start, -1  # reported: offset of the last error document
    while True:
        try:
            record = next(records)
        except StopIteration:
            if offset != reported and _cut_short(path, offset):
                counts["errors"] += 1
                yield WarcDocument("", "", "", error=f"truncated or damaged data at or after offset {offset}", offset=offset,
                                  broken=True)
            return
        except OSError as exc:  # the stream itself is damaged: read on from the next record, if one is found
            counts["errors"] += 1
            after = _next_record(path, offset)
            where = f"unreadable WARC data after offset {offset}: {_one_line(exc)}"
            if after is None:
                yield WarcDocument("", "", "", error=where, offset=offset, broken=True)
            else:
                yield WarcDocument("", "", "", error=f"{where}; read on from offset {after}", offset=offset)
                resume.append(after)
            return
        offset = record.stream_pos
        kind = str(record.record_type)
        url, record_id = record.headers.get("WARC-Target-URI") or "", record.record_id or ""
        try:
            doc = _document(record, kind, url, record_id) if kind in DOCUMENT_TYPES else f"skipped {kind}"
            if isinstance(doc, str):  # skipped; still read through, so that a cut record is noticed
                if record.reader.consume(-1) < record.content_length:
                    raise ValueError(f"truncated {kind} record")
                counts[doc] += 1
                continue
        except BaseException as exc:  # any failure of one record is reported, not raised; a signal stops the run
            if not interrupts.is_document_failure(exc):
                raise
            interrupts.reraise(exc)
            doc = WarcDocument(url, record_id, "", error=_one_line(exc), offset=offset)
        counts["errors" if doc.error else "documents"] += 1
        reported = offset if doc.error else reported
        yield doc


def _document(record, kind: str, url: str, record_id: str) -> WarcDocument | str:
    """The record's document, or why it is skipped ("skipped image/png")."""
    from cleaner.io.decode import decode
    from cleaner.io.html import decode_html, html_to_text, looks_like_html

    meta = {"warc_date": record.headers.get("WARC-Date") or ""}
    if kind == "conversion":
        data = _read(record)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = decode(data)
        return WarcDocument(url, record_id, _lines(text), meta, offset=record.stream_pos)
    headers = record.http_headers if record.is_http else None
    if record.is_http:
        if headers is None or not (headers.status_line or "").startswith("HTTP/"):
            raise ValueError("invalid HTTP response headers")
        if not 200 <= headers.status_code < 300:
            return f"skipped status {headers.status_code}"
        content_type = headers.get("Content-Type") or ""
    else:  # resource record: the block is the payload, typed by the WARC Content-Type
        content_type = record.headers.get("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in HTML_TYPES and mime != "text/plain":
        return f"skipped {mime}"
    data = _undo_http_encodings(_read(record), headers)
    if not data.strip():
        return "skipped empty"
    meta["content_type"] = mime or "unknown"
    if mime in HTML_TYPES or (not mime and looks_like_html(data)):
        page = html_to_text(data, content_type)
        return WarcDocument(url, record_id, page.text, {**meta, **page.meta}, offset=record.stream_pos,
                            linked=page.linked, roles=page.roles)
    # plain text: the declared charset if it decodes strictly, else detection
    text = decode_html(data, content_type) if "charset" in content_type.lower() else decode(data)
    return WarcDocument(url, record_id, _lines(text), meta, offset=record.stream_pos)


_RECORD_START = re.compile(rb"(?:^|\n)WARC/1\.[01]\r?\n")


def _next_record(path: str | os.PathLike, offset: int) -> int | None:
    """Where the next record starts after ``offset`` in an uncompressed WARC file (a "WARC/1.x" line
    a record's length skipped to or past: one wrong Content-Length must not lose the rest), or
    None: a compressed file (its members are not found by their text) or no record after it."""
    with open(path, "rb") as fh:
        if not fh.read(5) == b"WARC/":
            return None
        pos = offset + 1
        while True:
            fh.seek(pos)
            block = fh.read(1 << 20)
            if not block:
                return None
            found = _RECORD_START.search(block)
            if found and found.end() < len(block):
                return pos + found.start() + (block[found.start() : found.start() + 1] == b"\n")
            if len(block) < 1 << 20:
                return None
            pos += len(block) - 16  # a record's first line may straddle two blocks


def _read(record) -> bytes:
    """The payload; FastWARC returns a cut one (the file ends inside it) without a word."""
    if record.content_length > MAX_PAYLOAD:
        raise ValueError(f"payload of {record.content_length} bytes is over the {MAX_PAYLOAD}-byte limit")
    data = record.reader.read()
    if len(data) < record.content_length:
        raise ValueError(f"truncated record: {len(data)} of {record.content_length} payload bytes")
    return data


def _cut_short(path: str | os.PathLike, offset: int) -> bool:
    """Whether the file goes on, damaged or cut, after the last record read (at ``offset``).

    FastWARC ends quietly at a last record cut inside its headers, or at a cut last gzip member.
    Plain WARC: the last record must end (headers, Content-Length, CRLF CRLF) at the end of the
    file. Gzip: that record's member, and any after it, must inflate to their end (in 1 MB steps);
    a file compressed as one member (the offset is no member start) is inflated from its start.
    Zstd and lz4 files are not checked.
    """
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        fh.seek(offset)
        head = fh.read(1 << 16)
        if head.startswith(b"WARC/"):
            blank = head.find(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length:[ \t]*(\d+)", head[:blank])
            if blank < 0 or not length:
                return True
            end = offset + blank + 4 + int(length.group(1))
            if size - end > 64:
                return True
            fh.seek(end)
            return bool(fh.read().strip())
        if not head.startswith(b"\x1f\x8b"):
            fh.seek(0)
            if fh.read(2) != b"\x1f\x8b":
                return False  # zstd or lz4: not checked
            # One gzip member over many records (WARC asks for one per record, not every writer
            # does): FastWARC's offsets are then not member starts, and the cut may lie in any
            # record, even a skipped one; the whole stream must inflate to its end.
            fh.seek(0)
            head = fh.read(1 << 16)
        data = head
        while True:
            inflater = zlib.decompressobj(31)
            while not inflater.eof:
                data = inflater.unconsumed_tail or data or fh.read(1 << 16)
                if not data:
                    return True
                try:
                    inflater.decompress(data, 1 << 20)
                except zlib.error:
                    return True
                data = b""
            data = inflater.unused_data or fh.read(1 << 16)
            if not data:
                return False


def _undo_http_encodings(data: bytes, headers) -> bytes:
    """Undo chunked transfer encoding, then content encoding, where the bytes still carry them.

    Archivers differ: some store the body as sent, others decoded but with the header kept, so
    each step applies only if the bytes look encoded.
    """
    if headers is None:
        return data
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower() and _CHUNK_HEADER.match(data):
        data = _dechunk(data)
    coding = (headers.get("Content-Encoding") or "").strip().lower()
    if coding in ("gzip", "x-gzip", "deflate") and data[:2] in _DEFLATE_HEADS:
        inflater = zlib.decompressobj(47)  # gzip or zlib header, detected
        data = _inflated(inflater, data, coding)
    elif coding == "deflate":  # raw deflate, as some servers send
        data = _inflated(zlib.decompressobj(-15), data, coding)
    elif coding == "br":
        import brotli  # FastWARC's dependency (>= 1.2: output_buffer_limit)

        data = brotli.Decompressor().process(data, output_buffer_limit=MAX_PAYLOAD + 1)
    elif coding == "zstd" and data[:4] == b"\x28\xb5\x2f\xfd":
        import zstandard

        data = zstandard.ZstdDecompressor().decompress(data, max_output_size=MAX_PAYLOAD + 1)
    if len(data) > MAX_PAYLOAD:
        raise ValueError(f"decoded payload is over the {MAX_PAYLOAD}-byte limit")
    return data


def _inflated(inflater, data: bytes, coding: str) -> bytes:
    """The body ``inflater`` gives, up to the payload limit; a body cut off before its end is an
    error, not text: its last character would be cut in half, and a cut UTF-8 page is read as
    another encoding (a probe's truncated body came out as 锲藉)."""
    out = inflater.decompress(data, MAX_PAYLOAD + 1)
    if not inflater.eof and len(out) <= MAX_PAYLOAD:
        raise ValueError(f"the {coding} body is cut off before its end")
    return out


def _dechunk(data: bytes) -> bytes:
    out, at = [], 0
    while m := _CHUNK_HEADER.match(data, at):
        size = int(m.group().split(b";")[0], 16)
        if size == 0:
            return b"".join(out)
        start = m.end()
        if start + size > len(data):
            raise ValueError("chunked HTTP body ends inside a chunk")
        out.append(data[start : start + size])
        at = start + size + (2 if data[start + size : start + size + 2] == b"\r\n" else 1)
    raise ValueError(f"bad chunk header at byte {at} of the chunked HTTP body")


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip())


def _one_line(exc: BaseException) -> str:
    """``zlib.error: Error -3 while decompressing data: ...`` on one line."""
    kind = type(exc)
    name = kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"
    message = " ".join(str(exc).split())
    return f"{name}: {message}" if message else name
