"""Reference oracle for the native byte view and rejected pairs (native/src/codes.rs), kept from
cleaner/repair/decoders.py. Not part of the product.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.repair.decoders import _rejects, encode_char


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


# Python's codecs' own answer, from which the product builds the native table (decoders._rejects).
rejects = lru_cache(maxsize=None)(_rejects)
