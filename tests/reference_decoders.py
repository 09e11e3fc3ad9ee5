"""Reference oracle for the native byte view and rejected pairs (native/src/codes.rs), kept from
cleaner/repair/decoders.py. Not part of the product.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.repair.decoders import _SINGLE_UNDEFINED, GBK_FAMILY, SINGLE_FAMILY, encode_char


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
