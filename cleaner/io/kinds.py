"""What an input file holds, by its name: text, HTML, RTF, JSON Lines or WARC (compressed or not)."""

from __future__ import annotations

from cleaner.io.compressed import base_name

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".wet")
RTF_SUFFIXES = (".rtf",)  # a page: its text is read by the pipeline's rtf stage (cleaner/rtf.py)


def input_kind(name: str) -> str:
    """``text``, ``html``, ``rtf``, ``jsonl`` or ``warc``; compression suffixes are looked through.

    >>> [input_kind(n) for n in ("a.txt", "b.HTML", "c.jsonl.zst", "d.warc.gz", "e", "f.RTF")]
    ['text', 'html', 'jsonl', 'warc', 'text', 'rtf']
    """
    base = base_name(name).lower()
    if base.endswith(WARC_SUFFIXES):
        return "warc"
    if base.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if base.endswith(HTML_SUFFIXES):
        return "html"
    if base.endswith(RTF_SUFFIXES):
        return "rtf"
    return "text"


def looks_like_rtf(head: bytes) -> bool:
    """Does a file start as an RTF document does (``{\\rtf``, after a byte-order mark or blanks)?

    >>> looks_like_rtf(b"{\\\\rtf1\\\\ansi\\\\ansicpg936 x}"), looks_like_rtf(b"\\\\rtf is a format")
    (True, False)
    """
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def output_name(name: str) -> str:
    """The output's file name: text for pages, JSON Lines (same compression) for records.

    >>> [output_name(n) for n in ("a.txt", "b.html", "c.jsonl.gz", "d.warc.gz", "e.wet", "f.rtf")]
    ['a.txt', 'b.txt', 'c.jsonl.gz', 'd.jsonl.gz', 'e.jsonl', 'f.txt']
    """
    kind = input_kind(name)
    base = base_name(name)
    compression = name[len(base):]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    if kind in ("html", "rtf"):
        return stem + ".txt"
    if kind == "warc":
        return stem + ".jsonl" + compression
    return name
