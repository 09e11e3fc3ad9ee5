"""Damage of the escape family: text written out as the escapes a pipeline writes, and bytes a
decoder could not read written as ``\\xHH`` (errors="backslashreplace").

Each form is how a real tool writes text it was not meant to: Python's repr of bytes (``\\xe4``),
``unicode_escape`` and JSON with ``ensure_ascii`` (``\\u4e2d``, ``\\U0001f600``), percent-encoding
(``%E4%B8%AD``) and JavaScript's ``escape()`` (``%u4E2D``), each also of text indented with
U+3000 as Chinese news pages are; and a page's bytes read by every decoder Python has that leaves
some undefined (cleaner/repair/escaped_bytes.py DECODERS), written with backslashreplace.
"""

from __future__ import annotations

import json
from urllib.parse import quote


def x_bytes(text: str) -> str:
    """Each non-ASCII character as the ``\\xHH`` escapes of its UTF-8 (ASCII kept)."""
    return "".join(c if c.isascii() else "".join(f"\\x{b:02x}" for b in c.encode()) for c in text)


def u_escapes(text: str) -> str:
    """Python's ``unicode_escape`` of the non-ASCII characters (``\\u4e2d``, ``\\U0001f600``), ASCII kept."""
    return "".join(c if c.isascii() else c.encode("unicode_escape").decode("ascii") for c in text)


def json_escapes(text: str) -> str:
    """JSON's ``ensure_ascii`` form of a string (surrogate pairs for the planes beyond), unquoted."""
    return json.dumps(text)[1:-1]


def percent(text: str) -> str:
    """Percent-encoding of the non-ASCII characters, as a URL writes them."""
    return "".join(c if c.isascii() else quote(c) for c in text)


def js_escape(text: str) -> str:
    """JavaScript's ``escape()`` of the characters beyond Latin-1 (``%u4E2D``; a surrogate pair
    for the planes beyond, as JavaScript's strings hold them)."""
    out = []
    for c in text:
        if ord(c) < 0x100:
            out.append(c)
        else:
            units = c.encode("utf-16-be")
            out += [f"%u{units[k]:02X}{units[k + 1]:02X}" for k in range(0, len(units), 2)]
    return "".join(out)


def js_escape_all(text: str) -> str:
    """JavaScript's ``escape()`` as it is: letters, digits and ``@*_+-./`` as they are, ``%XX``
    below 256 (a space is ``%20``), ``%uXXXX`` (UTF-16 code units) above."""
    out = []
    for c in text:
        if c.isascii() and (c.isalnum() or c in "@*_+-./"):
            out.append(c)
        elif ord(c) < 0x100:
            out.append(f"%{ord(c):02X}")
        else:
            out.append(js_escape(c))
    return "".join(out)


FORMS = {"x-bytes": x_bytes, "u-escapes": u_escapes, "json": json_escapes, "percent": percent, "js-escape": js_escape}


def read_with_escapes(text: str, source: str, decoder: str) -> str:
    """``text`` written in ``source`` and read by ``decoder`` with errors="backslashreplace"."""
    return text.encode(source).decode(decoder, errors="backslashreplace")
