"""Stretches another decoder made, set aside while the GBK and Big5 views read a page.

A Chinese page read by a Japanese or Korean decoder (``code_pages.MULTI_BYTE``) shows kana and
hangul among Han and U+FFFD. ``code_pages`` re-reads the stretches whose bytes that decoder kept;
the rest (UTF-8 read as EUC-KR loses about half its bytes) used to reach the byte views' repairs,
which read the Han among them as GBK bytes of UTF-8 and filled the U+FFFD between: 獰�鰲 became
礼傳达. The page came out worse than it went in (invented characters where the mojibake could at
least be read back later), and a second clean, cutting the stretch anew around what the first
had invented, changed it again. No GBK- or Big5-family decoder gives hangul or halfwidth
katakana for UTF-8, GBK or Big5 bytes, so those stretches are none of theirs.

UTF-8 read by EUC-JP loses every byte 80-a0 (half its continuation bytes): kanji, kana and
fullwidth forms with U+FFFD every other character (``euc_jp_stretches``). Read through the GBK
view, its wildcards let the Chinese readings write fluent inventions into it (Traditional text:
2626 -> 2896 errors per 1,000). Such a stretch is set aside too where its EUC-JP bytes read as
UTF-8 (U+FFFD standing for any byte) better than its GBK or Big5 bytes do; clean Japanese holds no
U+FFFD and is never one.

``hidden`` writes each such stretch as a placeholder of the same length (an ASCII control no
byte view reads as part of a character, and no run of mojibake crosses), so offsets the stages
report stay offsets of the page; ``Hidden.restore`` puts the stretches back, in order, after
them. The pipeline hides them after the single-byte stages (ftfy's reading drops controls, and
would drop the placeholders) and restores them before anything else reads the text. A page
without halfwidth katakana or hangul is not copied.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from cleaner.repair import code_pages, decoders, other_scripts
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

_EUC_RUN = re.compile(r"[^\x00-\x7f]{4,}")
EUC_MIN = 4  # characters of a stretch: shorter ones are too few bytes to tell the decoders apart
EUC_MARKS = 1 / 3  # of a stretch's characters at least this many U+FFFD (GBK's misreadings: under 0.1)
EUC_READ = 0.9  # of its EUC-JP bytes at least this many in UTF-8 characters
# Of a line's characters beyond ASCII at least this many U+FFFD. EUC-JP loses every byte 80-a0,
# which is one UTF-8 byte in three or more: 61-82 % of a wiki paragraph's characters are marks
# (300 paragraphs of each script), where Big5 read as GBK marks 24-48 %. A short stretch alone
# does not tell them apart (a Big5 clause between ASCII signs may be 3 marks and a kanji, ���欷).
EUC_LINE_MARKS = 0.55
EUC_LINE_MIN = 20  # characters beyond ASCII to count them over: a short line is counted with its page


@lru_cache(maxsize=1 << 14)
def _euc_jp(ch: str) -> bytes | None:
    """The bytes an EUC-JP decoder read as ``ch`` (U+FFFD: one unknown byte, ff), or None."""
    if ch == "\ufffd":
        return b"\xff"
    try:
        return ch.encode("euc_jp")
    except UnicodeEncodeError:
        return None


def _utf8_share(data: bytes) -> float:
    """Share of ``data`` in UTF-8 characters, an ff byte standing for any byte."""
    return sum(m.end() - m.start() for m in other_scripts.UTF8_RUN.finditer(data)) / max(len(data), 1)


def _family_share(piece: str, family: str) -> float:
    """``_utf8_share`` of ``piece``'s ``family`` byte view; 0 where the family never gives it."""
    stream, ends = decoders.byte_view(piece, family)
    if len(ends) < len(piece):
        return 0.0
    return _utf8_share(bytes(other_scripts.UNKNOWN if b is None else b for b in stream))


def euc_jp_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` an EUC-JP decoder made of UTF-8 that lost bytes
    (see the module's doc): at least EUC_MIN characters EUC-JP gives, EUC_MARKS of them U+FFFD,
    whose EUC-JP bytes are EUC_READ UTF-8 characters and read so better than their GBK or Big5
    bytes, in a run whose GBK or Big5 bytes do not read so, on a line (or a short line's page)
    with EUC_LINE_MARKS of its characters beyond ASCII U+FFFD."""
    if "\ufffd" not in text:
        return []
    spans: list[tuple[int, int]] = []
    marked = _marked_lines(text)
    for m in _EUC_RUN.finditer(text):
        run = m.group()
        if run.count("\ufffd") < EUC_MARKS * len(run) or not marked(m.start()):
            continue
        if any(_family_share(run, f) >= EUC_READ for f in (decoders.GBK_FAMILY, decoders.BIG5_FAMILY)):
            continue  # the run is another decoder's, read whole (a Big5 run cut where EUC-JP has no kanji)
        start = 0
        for k in range(len(run) + 1):
            if k < len(run) and _euc_jp(run[k]) is not None:
                continue
            piece = run[start:k]
            if len(piece) >= EUC_MIN and piece.count("\ufffd") >= EUC_MARKS * len(piece):
                euc = _utf8_share(b"".join(_euc_jp(ch) for ch in piece))
                if euc >= EUC_READ and all(_family_share(piece, f) < euc for f in (decoders.GBK_FAMILY, decoders.BIG5_FAMILY)):
                    spans.append((m.start() + start, m.start() + k))
            start = k + 1
    return spans


def _marked_lines(text: str) -> Callable[[int], bool]:
    """Whether the line holding an offset has EUC_LINE_MARKS of its characters beyond ASCII
    U+FFFD, counted over the line where it has EUC_LINE_MIN such characters, else over the page
    (which needs as many); each line measured once, when first asked (a long line holds many runs)."""
    ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]
    known: dict[int, bool] = {}

    def counts(part: str) -> tuple[int, int]:
        return part.count("\ufffd"), len(part) - len(part.encode("ascii", "ignore"))

    page = counts(text)

    def marked(at: int) -> bool:
        k = bisect_left(ends, at)
        if k not in known:
            marks, beyond = counts(text[ends[k - 1] + 1 if k else 0 : ends[k]])
            if beyond < EUC_LINE_MIN:
                marks, beyond = page
            known[k] = beyond >= EUC_LINE_MIN and marks >= EUC_LINE_MARKS * beyond
        return known[k]

    return marked


def hidden(text: str, cache: dict | None = None) -> tuple[str, Hidden]:
    """``text`` with the stretches a Japanese or Korean decoder made written as placeholders.
    ``cache``: the page's readings of ``other_scripts`` (its ``repair`` made them)."""
    # Another script's UTF-8 read by a CJK decoder that lost too many bytes to be read back
    # (other_scripts.py): the Chinese readings would fill it with invented characters.
    spans = joined_spans(code_pages.multi_byte_stretches(text) + other_scripts.unread_spans(text, cache)
                         + euc_jp_stretches(text))
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
