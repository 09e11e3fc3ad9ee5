"""Reference oracle for the native stretch scan of the two-layer repair (native/src/stretches.rs),
kept from cleaner/repair/layers.py.

The Python original, unchanged: an incremental strict UTF-8 decoder fed each character's bytes in
a family's view. The property tests check that the native scan finds the same stretches. Not
part of the product.
"""

from __future__ import annotations

import codecs

from cleaner.repair import decoders
from cleaner.repair.layers import LOST, MIN_CHARS


def utf8_stretches(text: str, family: str, i: int = 0, n: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text[i:n]`` whose ``family`` bytes are whole UTF-8 characters, at least
    MIN_CHARS characters long and beyond ASCII: where a first layer of mojibake can be. Clean
    Chinese text's GBK or Big5 bytes are almost never UTF-8 for more than a character or two."""
    out: list[tuple[int, int]] = []
    n = len(text) if n is None else n
    while i < n:
        if text[i] < "\x80":
            i += 1
            continue
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        end = j = i
        while j < n and text[j] != "\n":
            if text[j] == LOST and j > i:
                # Bytes this layer's decoder lost: the first layer's character there is lost too.
                # (Reading on out of step after it, as a lenient decoder would, did worse.)
                decoder.reset()
                j += 1
                continue
            data = decoders.encode_char(text[j], family)
            if data is None:
                break
            try:
                decoder.decode(data)
            except UnicodeDecodeError:
                break
            j += 1
            if decoder.getstate()[0] == b"" and text[j - 1] >= "\x80":
                end = j  # a character boundary in both readings (ASCII at the end is left out)
        if end - i >= MIN_CHARS:
            out.append((i, end))
            i = end
        else:
            i += 1
    return out


def dense_lines(text: str) -> list[tuple[int, int]]:
    """layers._dense_lines as it searched every line of the page (the native line scan of the page
    facts now names the lines holding MIN_CHARS rare characters)."""
    from cleaner.repair import mojibake
    from cleaner.repair.layers import DENSE

    rare = mojibake._rare_char()
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(found := rare.findall(line)) >= MIN_CHARS:
            wide = len(line) - len(line.encode("ascii", "ignore"))
            if len(found) * DENSE >= wide:
                out.append((start, end))
        start = end + 1
    return out
