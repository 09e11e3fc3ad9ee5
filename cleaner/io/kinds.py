"""What an input file holds, by its name: text, HTML, JSON Lines or WARC (compressed or not)."""

from __future__ import annotations

from cleaner.io.compressed import base_name

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".wet")


def input_kind(name: str) -> str:
    """``text``, ``html``, ``jsonl`` or ``warc``; compression suffixes are looked through.

    >>> [input_kind(n) for n in ("a.txt", "b.HTML", "c.jsonl.zst", "d.warc.gz", "e")]
    ['text', 'html', 'jsonl', 'warc', 'text']
    """
    base = base_name(name).lower()
    if base.endswith(WARC_SUFFIXES):
        return "warc"
    if base.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if base.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def output_name(name: str) -> str:
    """The output's file name: text for pages, JSON Lines (same compression) for records.

    >>> [output_name(n) for n in ("a.txt", "b.html", "c.jsonl.gz", "d.warc.gz", "e.wet")]
    ['a.txt', 'b.txt', 'c.jsonl.gz', 'd.jsonl.gz', 'e.jsonl']
    """
    kind = input_kind(name)
    base = base_name(name)
    compression = name[len(base):]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    if kind == "html":
        return stem + ".txt"
    if kind == "warc":
        return stem + ".jsonl" + compression
    return name
