"""The lines a records run reads: JSON Lines (compressed or not) or WARC pages turned into records.

A WARC file's pages become JSON Lines records ``{"url", "warc_record_id", "warc_date", ...,
"text"}`` before they are cleaned, so WARC and JSON Lines runs share one cleaning path and one
output format. The page's URL picks its site's rules, and what its HTML says of itself (``title``,
``date``, ``author``, each only when the page has it) travels in the record: the cleaner takes a
record's ``title`` for the page's own title, as it takes an HTML file's ``<title>`` (on a blog
page of several entries the title names the one to keep), and the user keeps them.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator

from cleaner.io.compressed import COMPRESSION_ERRORS, open_reader, wrap_reader
from cleaner.io.lines import read_lines
from cleaner.io.once import opened_once, paced_lines, shown_name
from cleaner.io.jsonl import HTML_EVIDENCE, evidence_value


# What a WARC page's record carries beside its text, in this order (WarcDocument.meta's keys).
RECORD_META = ("warc_date", "title", "date", "author")


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's marks start as UTF-16's
# A record's first two ASCII characters in UTF-16 without its mark (`{"` as 7b 00 22 00): UTF-8
# JSON holds no NUL, so no UTF-8 record starts so (probe46: each line failed as "not UTF-8").
_UTF16_LE_START = re.compile(rb"[\t\r\n {\[]\x00[\x01-\x7f]\x00")
_UTF16_BE_START = re.compile(rb"\x00[\t\r\n {\[]\x00[\x01-\x7f]")


def utf16_refusal(first: bytes) -> str | None:
    """Why a records stream whose first line is ``first`` is refused as UTF-16, or None."""
    if first.startswith(UTF16_BOMS):
        return "UTF-16 text (its byte-order mark says so); JSON Lines are read as UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)"
    for pattern, name in ((_UTF16_LE_START, "UTF-16LE"), (_UTF16_BE_START, "UTF-16BE")):
        if pattern.match(first):
            return (f"{name} text (a NUL beside each ASCII byte, no byte-order mark); JSON Lines are read as UTF-8: "
                    f"convert it first (iconv -f {name} -t UTF-8)")
    return None


class InputError(OSError):
    """The input stream itself broke (a truncated or corrupt compressed file): one line."""


def refuse_unopenable(path: str) -> None:
    """Refuse, naming the input, a file that cannot be opened (no read permission): the first
    reader to meet it would tell it as something else (the size for the progress bar raised it as
    the output's failure, ``o.jsonl: Permission denied``; a stream's open as damaged compressed
    data). Never for an input read once (a pipe: opening it again would take its data)."""
    try:
        open(path, "rb").close()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def record_lines(path: str, kind: str, *, log, use: str = "cleaned") -> Iterator[bytes]:
    """Lines of JSON records from ``path``; a WARC record that cannot be read is logged and skipped.

    A compressed file that breaks off (a download cut short) keeps the records read before the
    break: they are cleaned and written, and the break is one failure in the log, as ``zcat``
    does. A file unreadable from its start raises :class:`InputError`. ``use``: what became of the
    records before a break, as the failure says it (``learned from`` by ``cleaner rules learn``).
    """
    if kind == "warc":
        yield from _warc_lines(path, log)
        return
    yield from _lines(lambda: open_reader(path), path, log, use=use)


def stream_lines(src: str, *, log, use: str = "cleaned") -> Iterator[bytes]:
    """Lines of JSON records from an input read once (``cleaner.io.once``: standard input, a pipe,
    ``/dev/fd/N``), decompressed if its name or its first bytes say it is compressed
    (``cleaner --jsonl < dump.jsonl.gz``); a break is told as for a file."""
    with opened_once(src) as fh:
        yield from _lines(lambda: wrap_reader(fh, src), shown_name(src), log, paced=_descriptor(fh), use=use)


def _descriptor(fh) -> int | None:
    try:
        return fh.fileno()
    except (OSError, ValueError, AttributeError):
        return None


def _lines(opened, name: str, log, paced: int | None = None, use: str = "cleaned") -> Iterator[bytes]:
    """The lines of the stream ``opened()`` gives; with ``paced`` (the descriptor of an input read
    once, not compressed), ``PAUSE`` where it stopped coming (``cleaner.io.once.paced_lines``)."""
    read = 0
    try:
        stream = opened()
    except OSError as exc:  # the file cannot be opened (permissions): no damaged data, told as what it is
        raise InputError(exc.strerror or str(exc)) from None
    try:
        with stream as fh:
            # A compressed stream's decoder holds bytes the descriptor no longer shows: not paced.
            # Lines end at LF, CR LF or a lone CR, and one past LINE_LIMIT comes in pieces (cleaner.io.lines).
            lines = paced_lines(fh, paced) if paced is not None and isinstance(fh, io.BufferedReader) else read_lines(fh)
            for line in lines:
                if not read and (refusal := utf16_refusal(line)):
                    # Read as UTF-8 each of its records failed, and the NUL after its last newline
                    # made one more (PowerShell 5's `> out.jsonl` writes UTF-16): refused once.
                    raise InputError(refusal)
                read += bool(line)
                yield line
    except COMPRESSION_ERRORS as exc:
        if isinstance(exc, InputError):  # the input's own refusal (UTF-16), not a decompressor's
            raise
        why = f"cannot read the compressed data ({type(exc).__name__}: {exc})"
        if not read:
            raise InputError(why) from None
        log.fail(name, f"{why} after line {read}: the records before it were {use}, the rest is lost")


def _warc_lines(path: str, log) -> Iterator[bytes]:
    from collections import Counter

    from cleaner.io.warc import iter_warc

    refuse_unopenable(path)  # not as unreadable WARC data
    counts: Counter = Counter()  # records that are no page (requests, images, a 404): counted, as every unit is
    try:
        for doc in iter_warc(path, counts):
            if doc.error:  # a broken file is one failure of the file, as a cut .jsonl.gz is
                log.fail(path if doc.broken else f"{path}:record {doc.offset}", doc.error)
                continue
            if not doc.text.strip():
                counts["skipped no text"] += 1
                continue  # nothing to clean (a record cut short is reported by its error document)
            record = {"url": doc.url, "warc_record_id": doc.record_id}
            record.update((key, doc.meta[key]) for key in RECORD_META if doc.meta.get(key))
            if doc.linked or doc.roles:  # the page's evidence for the furniture model, cut from the record when it is cleaned
                record[HTML_EVIDENCE] = evidence_value(doc.text, doc.linked, doc.roles)
            record["text"] = doc.text
            yield (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except COMPRESSION_ERRORS as exc:
        raise InputError(f"cannot read the WARC data ({type(exc).__name__}: {exc})") from None
    for reason, count in sorted(counts.items()):
        if reason.startswith("skipped "):
            log.skip(reason.removeprefix("skipped ") + " record", count)
