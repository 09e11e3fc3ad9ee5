"""One page's bytes as text: HTML or not, decoded, with what decoding noticed.

The single-page run and folder runs read pages through this one function, so a page is HTML, is
decoded, and counts as changed the same way whichever mode cleans it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from cleaner.io.decode import NotText, decode_with_findings
from cleaner.io.kinds import input_kind, looks_like_rtf
from cleaner.model import Finding

SNIFF = 8192  # bytes looked at to tell HTML from text


@dataclass
class Page:
    text: str
    is_html: bool
    findings: list[Finding] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    read_as: str = ""  # why it was read as it was, for --explain ("HTML, by its content")
    linked: frozenset[str] = frozenset()  # an HTML page's lines of link text (HtmlPage.linked)
    roles: dict[str, str] = field(default_factory=dict)  # where its lines stood in the markup (HtmlPage.roles)


_BYTE_ORDER_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def is_blank(data: bytes) -> bool:
    """Nothing to clean: no bytes, whitespace, or a byte-order mark alone (an editor's empty file
    saved as UTF-8 with BOM): said ``empty file``, as a failed fetch often is.

    >>> is_blank(b""), is_blank(b" \\r\\n"), is_blank(codecs.BOM_UTF8), is_blank(codecs.BOM_UTF8 + b"a")
    (True, True, True, False)
    """
    if len(data) >= 64:
        return False
    if data.startswith(codecs.BOM_UTF8):
        return not data[3:].strip()
    if data.startswith(_BYTE_ORDER_MARKS):  # UTF-16: each space's unit holds a NUL
        return not data[2:].replace(b"\x00", b"").strip()
    return not data.strip()


_WARC_HEAD = re.compile(rb"\AWARC/1\.\d\r?\n(?:[^\r\n]*\r?\n){0,20}?WARC-Type:", re.IGNORECASE)


def looks_like_warc(head: bytes) -> bool:
    r"""Whether bytes start as a WARC file does: a ``WARC/1.x`` line, then its headers with ``WARC-Type``.
    Cleaned as a page, its records' headers and payloads (gzip bodies as mojibake) would be one text.

    >>> looks_like_warc(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), looks_like_warc("WARC/1.0 是一种格式".encode())
    (True, False)
    """
    return _WARC_HEAD.match(head) is not None


def load_page(data: bytes, name: str = "", *, html: bool = False, sniff: bool = True) -> Page:
    """``html``: the caller says so; otherwise HTML by the name, or by content that looks like it.

    ``sniff=False`` (``--keep-markup``: the text is about HTML, its tags are to stay): content
    that looks like HTML is read as text; only ``html`` or an HTML name make it HTML.
    """
    from cleaner.io.html import html_to_text, looks_like_html

    if looks_like_warc(data[:SNIFF]):
        raise NotText("WARC data (a web archive), not a page: give it as a file named .warc or .warc.gz, whose records are read "
                      "one page each (cleaner crawl.warc.gz -o pages.jsonl.gz; a WARC is read with seeks, not from a pipe)")
    why = "--html" if html else "its name" if input_kind(name) == "html" else \
        "its content" if sniff and looks_like_html(data[:SNIFF]) else ""
    if why:
        extracted = html_to_text(data)
        return Page(extracted.text, True, list(extracted.findings) + symbol_font_finding(extracted.text), dict(extracted.meta),
                    read_as=f"HTML, by {why}", linked=extracted.linked, roles=extracted.roles)
    decoded = decode_with_findings(data)
    # RTF is read as text and its source turned into its text by the pipeline (cleaner/rtf.py).
    rtf = "its name" if input_kind(name) == "rtf" else "its content" if looks_like_rtf(data[:SNIFF]) else ""
    return Page(decoded.text, False, decoded.findings + symbol_font_finding(decoded.text), read_as=f"RTF, by {rtf}" if rtf else "text")


_SYMBOL_FONT = re.compile("[\uf020-\uf0ff]")


def symbol_font_finding(text: str) -> list[Finding]:
    r"""A finding for private-use U+F020-U+F0FF: Word's Symbol and Wingdings characters (bullets
    U+F075, arrows U+F0D8), which a page copied from Word keeps and no other font shows. Their
    meaning depends on the font the page named, so they are told, not changed.

    >>> [f.count for f in symbol_font_finding("\uf075 第一条\n\uf075 第二条")]
    [2]
    """
    found = _SYMBOL_FONT.findall(text)
    if not found:
        return []
    kinds = " ".join(f"U+{ord(c):04X}" for c in sorted(set(found))[:5])
    return [Finding("symbol-font-pua", -1, f"private-use characters of the Symbol or Wingdings font ({kinds}): shown as "
                    "boxes outside Word; left as they are", len(found))]


def as_file_text(text: str) -> str:
    """Text files end with a newline; an empty article stays empty."""
    return text + "\n" if text else ""


def page_changed(page: Page, cleaned: str) -> bool:
    """Whether the cleaned text says something other than the page: HTML always (markup went);
    otherwise a difference in the file written, except the encoding and one missing final newline.
    Trailing blank lines are a change: ``--check`` must say so when writing would drop them."""
    if page.is_html:
        return True
    written = as_file_text(cleaned)
    return written != page.text and written != as_file_text(page.text)
