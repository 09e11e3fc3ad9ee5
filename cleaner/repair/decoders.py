"""The wrong decoders that make mojibake, exactly, and the byte view of their output.

A page's bytes in one encoding (UTF-8, GBK/GB18030, Big5) read by a decoder for another gives
mojibake. To repair it the text is turned back into the bytes the decoder read ("the byte
view"), which are then read in each candidate source encoding. This module knows the decoders:

- Python's codecs ``gbk``, ``gb18030``, ``big5``, ``cp950``, ``big5hkscs``, ``cp1252``,
  ``cp1250``, ``latin-1`` (with ``errors="replace"``: one U+FFFD per rejected *byte* for the CJK
  codecs, and for the five bytes cp1252 leaves undefined).
- Two decoders of the WHATWG Encoding Standard, which browsers and browser-like tools use, written
  here from the standard's algorithms (Python has neither): ``whatwg-gbk`` (the ``gbk`` label
  decodes as GB18030: every two-byte code, the user-defined areas included, is a character —
  user-defined pairs become private-use code points — and the lone byte 0x80 is ``€``) and
  ``whatwg-big5`` (Big5 with the HKSCS extensions). Their error handling differs from Python's: a
  lead byte followed by a byte that cannot complete it gives one U+FFFD, which swallows the second
  byte too unless it is ASCII (then the ASCII byte is read again on its own). The code tables are
  Python's ``gb18030`` and ``big5hkscs``, which agree with the standard's indexes for every code
  a Chinese page uses (they differ on a handful of compatibility code points, not on Han
  characters).

What each leaves of the bytes is in ``docs/corruption.md`` (§3.8).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

# The families of wrong decoders, by how their output is turned back into bytes.
GBK_FAMILY = "gbk"
BIG5_FAMILY = "big5"
SINGLE_FAMILY = "single"


@dataclass(frozen=True)
class Decoder:
    name: str
    family: str
    codec: str  # the Python codec holding its table
    whatwg: bool = False

    def decode(self, data: bytes, errors: str = "replace") -> str:
        if self.name == "whatwg-gbk":
            return _whatwg_gb18030(data, errors)
        if self.name == "whatwg-big5":
            return _whatwg_big5(data, errors)
        return data.decode(self.codec, errors)

    @property
    def lossless(self) -> bool:
        """Does every byte string read back to the same bytes (no U+FFFD ever)?"""
        return self.name == "latin-1"


DECODERS: dict[str, Decoder] = {
    d.name: d
    for d in (
        Decoder("gbk", GBK_FAMILY, "gbk"),
        Decoder("gb18030", GBK_FAMILY, "gb18030"),
        Decoder("whatwg-gbk", GBK_FAMILY, "gb18030", whatwg=True),
        Decoder("big5", BIG5_FAMILY, "big5"),
        Decoder("cp950", BIG5_FAMILY, "cp950"),
        Decoder("big5hkscs", BIG5_FAMILY, "big5hkscs"),
        Decoder("whatwg-big5", BIG5_FAMILY, "big5hkscs", whatwg=True),
        Decoder("cp1252", SINGLE_FAMILY, "cp1252"),
        Decoder("latin-1", SINGLE_FAMILY, "latin-1"),
        Decoder("cp1250", SINGLE_FAMILY, "cp1250"),
    )
}


def _error(out: list[str], errors: str) -> None:
    if errors == "replace":
        out.append("\ufffd")
    elif errors != "ignore":
        raise UnicodeDecodeError("whatwg", b"", 0, 1, "invalid sequence")


@lru_cache(maxsize=None)
def _gb18030_pair(lead: int, trail: int) -> str | None:
    try:
        return bytes((lead, trail)).decode("gb18030")
    except UnicodeDecodeError:
        return None


def _whatwg_gb18030(data: bytes, errors: str) -> str:
    """The WHATWG gb18030 decoder (what a browser does with a page labelled ``gbk``)."""
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif b == 0x80:
            out.append("\u20ac")
            i += 1
        elif b == 0xFF or i + 1 >= n:
            _error(out, errors)
            i += 1
        else:
            b2 = data[i + 1]
            if 0x30 <= b2 <= 0x39:
                # Four bytes; a failed sequence gives back all but its first byte.
                if i + 3 < n and 0x81 <= data[i + 2] <= 0xFE and 0x30 <= data[i + 3] <= 0x39:
                    try:
                        out.append(data[i : i + 4].decode("gb18030"))
                        i += 4
                        continue
                    except UnicodeDecodeError:
                        pass
                _error(out, errors)
                i += 1
                continue
            ch = _gb18030_pair(b, b2) if (0x40 <= b2 <= 0x7E or 0x80 <= b2 <= 0xFE) else None
            if ch is not None:
                out.append(ch)
                i += 2
            else:
                _error(out, errors)
                i += 1 if b2 < 0x80 else 2  # an ASCII byte is read again on its own
    return "".join(out)


@lru_cache(maxsize=None)
def _big5_pair(lead: int, trail: int) -> str | None:
    try:
        return bytes((lead, trail)).decode("big5hkscs")
    except UnicodeDecodeError:
        return None


def _whatwg_big5(data: bytes, errors: str) -> str:
    """The WHATWG big5 decoder (Big5-HKSCS; what a browser does with a page labelled ``big5``)."""
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif b == 0x80 or b == 0xFF or i + 1 >= n:
            _error(out, errors)
            i += 1
        else:
            b2 = data[i + 1]
            ch = _big5_pair(b, b2) if (0x40 <= b2 <= 0x7E or 0xA1 <= b2 <= 0xFE) else None
            if ch is not None:
                out.append(ch)
                i += 2
            else:
                _error(out, errors)
                i += 1 if b2 < 0x80 else 2
    return "".join(out)


# --- the byte view: what bytes a decoder of each family read as a character ------------------


@lru_cache(maxsize=1 << 16)
def encode_char(ch: str, family: str) -> bytes | None:
    """The bytes a decoder of ``family`` read as ``ch``, or None (it never gives ``ch``).

    GBK family: GBK's bytes, else GB18030's (the user-defined areas, as private-use code points,
    and four-byte codes); ``€`` is the lone byte 0x80 (the WHATWG decoder; Python's never gives it
    for anything else). Big5 family: Big5-HKSCS, else cp950's (its ``€`` and extra symbols).
    Single-byte family: cp1252, else Latin-1 (C1 controls), else cp1250.
    """
    if family == GBK_FAMILY:
        if ch == "\u20ac":
            return b"\x80"
        tries = ("gbk", "gb18030")
    elif family == BIG5_FAMILY:
        tries = ("big5hkscs", "cp950")
    else:
        tries = ("cp1252", "latin-1", "cp1250")
    for codec in tries:
        try:
            data = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if family != SINGLE_FAMILY and len(data) == 1 and data[0] >= 0x80:
            continue
        return data
    return None


def byte_view(text: str, family: str) -> tuple[list[int | None], list[int]]:
    """The bytes ``text`` was read from by a ``family`` decoder, U+FFFD as one unknown byte.

    Returns (stream, the byte offset where each character ends). Stops before the first
    character such a decoder cannot have given.
    """
    stream: list[int | None] = []
    ends: list[int] = []
    for ch in text:
        if ch == "\ufffd":
            stream.append(None)
        else:
            data = encode_char(ch, family)
            if data is None:
                break
            stream.extend(data)
        ends.append(len(stream))
    return stream, ends


# --- which bytes a decoder rejects: the values an unknown byte can take ----------------------


@lru_cache(maxsize=None)
def rejects(family: str, first: int, second: int | None) -> bool:
    """Would some decoder of ``family`` turn ``first`` (followed by ``second``) into U+FFFD/nothing?

    Taken over the family (the decoder that made a page is not known): a byte any of them rejects.
    """
    if first < 0x80:
        return False
    if family == SINGLE_FAMILY:
        return first in _SINGLE_UNDEFINED
    if first in (0x80, 0xFF) or second is None:
        return True
    pair = bytes((first, second))
    codecs_ = ("gbk", "gb18030") if family == GBK_FAMILY else ("big5", "cp950", "big5hkscs")
    for codec in codecs_:
        try:
            if "\ufffd" in pair.decode(codec, "replace") or len(pair.decode(codec)) != 1:
                return True
        except UnicodeDecodeError:
            return True
    return False


# Bytes cp1252 leaves undefined (Python's codec gives U+FFFD); cp1250 leaves five others.
_SINGLE_UNDEFINED = frozenset(b for b in range(0x80, 0xA0) if codecs.decode(bytes((b,)), "cp1252", "replace") == "\ufffd"
                              or codecs.decode(bytes((b,)), "cp1250", "replace") == "\ufffd")


