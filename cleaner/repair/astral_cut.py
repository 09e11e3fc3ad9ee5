"""An emoji (or Extension B character) whose last byte a GBK decoder lost, out of step: ``吧🙏 `` is ``鍚ю煓� ``.

Why: UTF-8 writes an emoji in four bytes (f0 9f b3 b4). Read by a GBK decoder after a character
of three bytes, it is out of step: the byte before it pairs with f0, b2 b3 are a pair, and b4
pairs with whatever follows. Before a space, a letter or the end of a post (where emoji stand),
b4 and an ASCII byte are no GBK pair: the decoder marks b4 (U+FFFD) and keeps the ASCII. The byte
repairs read UTF-8 that lost bytes, but their candidates are Chinese (Han, punctuation, signs),
never an emoji: the stretch holding the four-byte character reads nowhere, and the character
before the emoji stayed misread with it (应该能进复试鍚ю煓� 加油; 87 Han edits against 36 on the
same posts without the emoji, in a held-out probe).

What is read: a stretch of characters a GBK decoder gives, just before a mark that stands before
ASCII or the end, whose bytes are UTF-8 characters and then the first three bytes of a four-byte
one (f0 90-bf 80-bf: planes 1-3). The UTF-8 characters come back, and the four-byte one, whose
last byte is lost, is a U+FFFD: 64 characters share its first three bytes and nothing in the text
tells them apart (no guess). The stretch is the shortest that reads so, only where it held a rare
character (what the decoder made of the bytes) and its reading holds none (clean text's GBK bytes
are almost never UTF-8 with such an end).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.repair import decoders, mojibake

LOST = "\ufffd"
LONGEST = 8  # characters of a stretch at most: one or two characters and the emoji's first bytes


@lru_cache(maxsize=1)
def _cut() -> re.Pattern:
    # A stretch of characters beyond ASCII (no mark among them), then a mark before ASCII or the end.
    return re.compile(f"[^\\x00-\\x7f{LOST}]{{2,{LONGEST}}}{LOST}(?![^\\x00-\\x7f])")


def _read(stretch: str) -> str | None:
    """The shortest end of ``stretch`` that is UTF-8 characters and a four-byte one's first three
    bytes as GBK shows them, read: (what stays of ``stretch``) + the characters + U+FFFD."""
    for k in range(len(stretch) - 2, -1, -1):
        tail = stretch[k:]
        stream, ends = decoders.byte_view(tail, decoders.GBK_FAMILY)
        if len(ends) != len(tail) or None in stream or len(stream) < 4:
            continue
        b1, b2, b3 = stream[-3:]
        if not (b1 == 0xF0 and 0x90 <= b2 <= 0xBF and 0x80 <= b3 <= 0xBF):
            continue
        try:
            head = bytes(stream[:-3]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not mojibake.count_rare(tail) or mojibake.count_rare(head) or not all(ch > "\x7f" for ch in head):
            continue
        return stretch[:k] + head + LOST
    return None


def repair(text: str) -> str:
    """Each such stretch and its mark read back: the UTF-8 characters and U+FFFD for the four-byte one."""
    if LOST not in text:
        return text

    def back(m: re.Match) -> str:
        read = _read(m.group()[:-1])
        return m.group() if read is None else read

    return _cut().sub(back, text)
