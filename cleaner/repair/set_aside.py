"""Stretches another decoder made, set aside while the GBK and Big5 views read a page.

A Chinese page read by a Japanese or Korean decoder (``code_pages.MULTI_BYTE``) shows kana and
hangul among Han and U+FFFD. ``code_pages`` re-reads the stretches whose bytes that decoder kept;
the rest (UTF-8 read as EUC-KR loses about half its bytes) used to reach the byte views' repairs,
which read the Han among them as GBK bytes of UTF-8 and filled the U+FFFD between: 獰�鰲 became
礼傳达. The page came out worse than it went in (invented characters where the mojibake could at
least be read back later), and a second clean, cutting the stretch anew around what the first
had invented, changed it again. No GBK- or Big5-family decoder gives hangul or halfwidth
katakana for UTF-8, GBK or Big5 bytes, so those stretches are none of theirs.

``hidden`` writes each such stretch as a placeholder of the same length (an ASCII control no
byte view reads as part of a character, and no run of mojibake crosses), so offsets the stages
report stay offsets of the page; ``Hidden.restore`` puts the stretches back, in order, after
them. The pipeline hides them after the single-byte stages (ftfy's reading drops controls, and
would drop the placeholders) and restores them before anything else reads the text. A page
without halfwidth katakana or hangul is not copied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.repair import code_pages, other_scripts
from cleaner.textedit import joined_spans

# Controls a page almost never holds; the first one the page does not hold is the placeholder.
PLACEHOLDERS = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"


@dataclass(frozen=True)
class Hidden:
    placeholder: str  # "" where nothing was set aside
    stretches: tuple[str, ...]

    def restore(self, text: str) -> str:
        """``text`` with the stretches back where their placeholders are, in order.

        The stages in between never join, split or drop a run of placeholders (none reads
        them); if one did, the runs would no longer match, and this raises ValueError rather
        than put a stretch in the wrong place or lose it (the engines report the page as an
        internal error and leave it as it was; the tests fail loud).
        """
        if not self.stretches:
            return text
        runs = list(re.finditer(f"{re.escape(self.placeholder)}+", text))
        if len(runs) != len(self.stretches) or any(len(m.group()) != len(s) for m, s in zip(runs, self.stretches, strict=True)):
            raise ValueError("a stage changed a stretch set aside")
        pieces, done = [], 0
        for m, stretch in zip(runs, self.stretches, strict=True):
            pieces += [text[done : m.start()], stretch]
            done = m.end()
        pieces.append(text[done:])
        return "".join(pieces)


NOTHING = Hidden("", ())


def hidden(text: str) -> tuple[str, Hidden]:
    """``text`` with the stretches a Japanese or Korean decoder made written as placeholders."""
    # Another script's UTF-8 read by a CJK decoder that lost too many bytes to be read back
    # (other_scripts.py): the Chinese readings would fill it with invented characters.
    spans = joined_spans(code_pages.multi_byte_stretches(text) + other_scripts.unread_spans(text))
    if not spans:
        return text, NOTHING
    placeholder = next((ch for ch in PLACEHOLDERS if ch not in text), "")
    if not placeholder:
        return text, NOTHING  # a page of controls: nothing is set aside
    pieces, done = [], 0
    for a, b in spans:
        pieces += [text[done:a], placeholder * (b - a)]
        done = b
    pieces.append(text[done:])
    return "".join(pieces), Hidden(placeholder, tuple(text[a:b] for a, b in spans))
