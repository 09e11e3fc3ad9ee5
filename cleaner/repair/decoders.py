"""The wrong decoders that make mojibake, exactly, and the byte view of their output.

A page's bytes in one encoding (UTF-8, GBK/GB18030, Big5) read by a decoder for another gives
mojibake. To repair it the text is turned back into the bytes the decoder read ("the byte
view"), which are then read in each candidate source encoding. This module knows the decoders:

- Python's codecs ``gbk``, ``gb18030``, ``big5``, ``cp950``, ``big5hkscs``, ``cp1252``,
  ``cp1250``, ``latin-1`` (with ``errors="replace"``: one U+FFFD per rejected *byte* for the CJK
  codecs, and for the five bytes cp1252 leaves undefined).
- The browsers' (WHATWG) ``gbk`` (GB18030: user-defined pairs become private-use code points, the
  lone byte 0x80 is ``€``) and ``big5`` (Big5-HKSCS), whose U+FFFD may stand for two bytes.

The families group them by how their output is turned back into bytes. The decoders themselves,
which made the damage, are simulated in ``tests/wrong_decoders.py``.

The byte view and the rejected pairs run in the native core (native/src/codes.rs) from tables of
Python's codecs' own answers, built once (``native_codes``); the Python originals are
tests/reference_decoders.py.

What each leaves of the bytes is in ``docs/corruption.md`` (§3.8).
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from cleaner import _native

# The families of wrong decoders, by how their output is turned back into bytes.
GBK_FAMILY = "gbk"
BIG5_FAMILY = "big5"
SINGLE_FAMILY = "single"


# --- the byte view: what bytes a decoder of each family read as a character ------------------


# A stand-in for the € that Python's gb18030 reads from the pair a2 e3 (GB18030-2005 put € there):
# the byte view reads € itself as the lone byte 80, which a browser's decoder makes €, and
# ``mojibake`` writes this in its place where the page says the pair was meant. A noncharacter,
# which no text holds.
EURO_PAIR = "\ufdd0"


EURO_WINDOW = 4  # characters each side of a € whose bytes judge which bytes it was


def euros_read(text: str) -> str:
    """``text`` with each € a GBK-family decoder gave for the pair a2 e3 written as
    ``EURO_PAIR`` (same length); the others left as the lone byte 80.

    A browser's gbk reads both as €: the lone 80 and GB18030's pair a2 e3. Mojibake of UTF-8
    holds both (a character ending in a2 before 。 or 、, e3 80 8x, gives the pair and then the lone
    byte: 院。 is e9 99 a2 e3 80 82, 闄€€傝; an 80 left over where a pair was cut gives the lone
    byte), so neither can be assumed for a page. Each € is read as the bytes that leave fewer
    broken UTF-8 sequences among its neighbours' bytes (the lone byte when they tie).

    >>> euros_read("閻€劌") == "閻\ufdd0劌"  # e9 90 a2 e3 84 a5 is UTF-8 (鐢ㄥ); e9 90 80 84 a5 is not
    True
    """
    if "\u20ac" not in text:
        return text
    chars = list(text)
    for k, ch in enumerate(chars):
        if ch != "\u20ac":
            continue
        before = b"".join(_gbk_bytes(c) for c in chars[max(0, k - EURO_WINDOW) : k])
        after = b"".join(_gbk_bytes(c) for c in chars[k + 1 : k + 1 + EURO_WINDOW])
        if _broken(before + b"\xa2\xe3" + after) < _broken(before + b"\x80" + after):
            chars[k] = EURO_PAIR
    return "".join(chars)


def _gbk_bytes(ch: str) -> bytes:
    """A character's GBK-family bytes; b"\xff" (never UTF-8) for one no such decoder gives."""
    return encode_char(ch, GBK_FAMILY) or b"\xff"


def _broken(data: bytes) -> int:
    """How many sequences of ``data`` strict UTF-8 rejects."""
    return data.decode("utf-8", errors="replace").count("\ufffd")


@lru_cache(maxsize=1 << 16)
def utf8_width(lead: int) -> int:
    """How many bytes a UTF-8 sequence opening with ``lead`` has (0: no lead byte: ASCII, a
    continuation, or a byte UTF-8 never has)."""
    return 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0


@lru_cache(maxsize=1 << 16)
def encode_char(ch: str, family: str) -> bytes | None:
    """The bytes a decoder of ``family`` read as ``ch``, or None (it never gives ``ch``).

    Kept: the byte views ask it of every character of every stretch they read (a page of UTF-8
    read as cp1252: some 4,000 asks, each up to three encodes through a codec's Python wrapper).

    GBK family: GBK's bytes, else GB18030's (the user-defined areas, as private-use code points,
    and four-byte codes); ``€`` is the lone byte 0x80 (the WHATWG decoder; Python's never gives it
    for anything else). Big5 family: Big5-HKSCS, else cp950's (its ``€`` and extra symbols).
    Single-byte family: cp1252, else Latin-1 (C1 controls), else cp1250.
    """
    if family == GBK_FAMILY:
        if ch == "\u20ac":
            return b"\x80"
        if ch == EURO_PAIR:
            return b"\xa2\xe3"
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
    character such a decoder cannot have given. (Native: ``encode_char``'s answers for every
    code point, tabled once; the Python original is tests/reference_decoders.py.)
    """
    return native_codes().byte_view(text, family)


# --- which bytes a decoder rejects: the values an unknown byte can take ----------------------


def _rejects(family: str, first: int, second: int | None) -> bool:
    """Would some decoder of ``family`` turn ``first`` (followed by ``second``) into U+FFFD/nothing?

    Taken over the family (the decoder that made a page is not known): a byte any of them rejects.
    Python's codecs' answers, tabled once for the native byte view and re-read (``native_codes``).
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


# --- the tables of the native core ---------------------------------------------------------

FAMILIES = (GBK_FAMILY, BIG5_FAMILY, SINGLE_FAMILY)
# The two-byte sources a view is read in (reread.py), by the codec that reads them: GB18030 holds
# all of GBK, and cp950 holds Big5 with the extensions Taiwan's pages are written in (碁 銹 裏 墻
# 恒 粧 嫺 at f9d6-f9dc, which plain Big5 lacks: a page's 裏 read through Latin-1 as ùØ never came
# back). Not Big5-HKSCS: its thousands of extra codes (Simplified and rare characters) made clean
# rare words re-read fluently (欸樓逼 -> 鎭国排 on clean Wikipedia).
PAIR_CODECS = ("gb18030", "cp950")


@lru_cache(maxsize=1)
def native_codes() -> _native.Codes:
    """The code tables of the native byte view and re-read (native/src/codes.rs), once per process.

    Python's codecs' own answers (``encode_char``, ``_rejects``, two-byte decoding), so the
    native code cannot drift from them; asking every code point takes about a second, so they
    are kept on disk (``tablecache``, keyed on this file and the Python version).
    """
    from cleaner.tablecache import cached

    return _native.Codes(*cached("codes", [__file__], "1", _build_codes))


@lru_cache(maxsize=4)
def native_codes_dropping(dropped: tuple[int, ...]) -> _native.Codes:
    """``native_codes`` but for the single-byte family, whose bytes dropped without a mark are
    ``dropped`` instead of the bytes cp1252 leaves undefined: a page whose invisible characters a
    later tool deleted (``invisible_bytes.single_byte_drops``: Latin-1 without its C1 controls)."""
    from cleaner.tablecache import cached

    bmp, astral, rejects, _, pairs = cached("codes", [__file__], "1", _build_codes)
    return _native.Codes(bmp, astral, rejects, bytes(b in dropped for b in range(0x80, 0x100)), pairs)


def _build_codes() -> tuple:
    bmp, astral = [], []
    for family in FAMILIES:
        table = bytearray(5 * 0x10000)
        for c in range(0x10000):
            data = None if 0xD800 <= c < 0xE000 else encode_char(chr(c), family)
            if data:
                table[5 * c] = len(data)
                table[5 * c + 1 : 5 * c + 1 + len(data)] = data
        bmp.append(bytes(table))
        # Beyond the BMP only Big5-HKSCS knows characters (in plane 2); GB18030's four-byte
        # codes for all of them are computed natively. Plane 2 is asked, for every family.
        known = []
        if family != GBK_FAMILY:
            for c in range(0x20000, 0x30000):
                data = encode_char(chr(c), family)
                if data:
                    known.append((c, data))
        astral.append(known)
    rejects = tuple(bytes(_rejects(family, first, second) for first in range(0x80, 0x100) for second in range(0x100))
                    for family in (GBK_FAMILY, BIG5_FAMILY))
    undefined = bytes(_rejects(SINGLE_FAMILY, first, None) for first in range(0x80, 0x100))
    pairs = []
    for codec in PAIR_CODECS:
        table = bytearray(4 * 0x8000)
        for first in range(0x80, 0x100):
            for second in range(0x100):
                try:
                    ch = bytes((first, second)).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1:
                    k = 4 * ((first - 0x80) * 256 + second)
                    table[k : k + 4] = ord(ch).to_bytes(4, "little")
        pairs.append(bytes(table))
    return tuple(bmp), tuple(astral), rejects, undefined, tuple(pairs)
