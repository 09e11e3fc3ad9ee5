"""UTF-8 read as cp1252 whose byte a0 (shown as a no-break space) became an ordinary space.

Why: in UTF-8 many common characters hold the byte a0 (标 e6 a0 87, 因 e5 9b a0, 造 e9 80 a0);
cp1252 and Latin-1 show it as U+00A0, and HTML extractors, whitespace normalisers and copy-paste
turn that into a space. The stretch then no longer reads back: the single-byte re-read takes the
pieces on either side of the space on their own (标准的格式 came back as æ ‡准的成 ¼式).

A space is put back as the byte it stood for only where UTF-8 cannot hold a space: inside a
character, after its lead byte or a continuation byte the character still needs, in a run of
misread UTF-8 (at least ``MIN_MISREAD`` characters). The byte is chosen among a0 and the bytes
cp1252 leaves undefined (a decoder's U+FFFD may have become a space too) by how the run's bytes
then read (``code_page_marks``): a0 is written back as U+00A0, an undefined byte as U+FFFD, the
mark the single-byte re-read (run next) fills from those bytes. A choice among several readings
is a ``lost-byte`` finding.
"""

from __future__ import annotations

import re
from functools import partial

from cleaner import chardata
from cleaner.model import Finding
from cleaner.repair import code_page_marks, holes, latin_layers
from cleaner.textedit import rewrite_matches

NBSP = 0xA0
LOST = "\ufffd"
MIN_MISREAD = 3  # misread UTF-8 characters in a run: a name in Latin letters (Müller) holds one
# What a cp1252 or Latin-1 decoder writes for a byte 80-ff, and U+FFFD; runs of them with single
# spaces between (a space only before another such character), and one space ending the run: a
# character's last byte a0 before ASCII (了2005 read twice is Ã¤Âºâ€ 2005; 因2005 once å› 2005).
# _spaces_inside_characters takes only the spaces a character still needs.
_HIGH = "\\x80-\\xff" + re.escape(chardata.CP1252_SIGNS) + "\\ufffd"
_RUN = re.compile(f"[{_HIGH}](?:[{_HIGH}]| (?=[{_HIGH}]))* ?")
_SPACE_AFTER_MISREAD = re.compile(f"[\\u00c2-\\u00ef{_HIGH}] ")
CHOICES = (NBSP, *latin_layers.UNDEFINED)
# Latin-1 shows byte 85 as NEL (U+0085), which Python's str.split() takes for whitespace as it does
# the no-break space: a scraper's " ".join(s.split()) made both a space. A page showing C1 controls
# beyond cp1252's five undefined bytes (a browser's windows-1252 shows those five so) was read by
# Latin-1, which leaves no byte undefined: there a space is a0 or 85 (cp1252 shows 85 as …, which
# no split touches).
NEL = 0x85
# Bytes each side of a space read when the run is a layer over another misreading: a character of
# the text under it is about seven bytes of the outer layer (a Chinese character's three bytes, each
# shown as a two- or three-byte character), and the choice needs a few of its neighbours.
LAYER_CONTEXT = 42
LATIN1_CHOICES = (NBSP, NEL)


def repair(text: str, guess: bool = True) -> tuple[str, int, list[Finding]]:
    """``text`` with each space standing inside a misread UTF-8 character written back as the
    character its byte was shown as; (text, runs changed, findings)."""
    if not latin_layers.shows_misread_utf8(text) or not _SPACE_AFTER_MISREAD.search(text):
        return text, 0, []
    choices = LATIN1_CHOICES if _C1.search(text) else CHOICES

    def rewrite(m: re.Match) -> tuple[str, list] | None:
        run = m.group()
        if " " not in run or len(latin_layers.MISREAD_UTF8.findall(run)) < MIN_MISREAD:
            return None
        fixed, chosen = _filled(run, choices)
        if fixed == run:
            return None
        if not guess:
            fixed = "".join(LOST if any(slot == i for slot, _, _ in chosen) else ch for i, ch in enumerate(fixed))
        return fixed, chosen

    fixed_text, runs = rewrite_matches(text, _RUN, rewrite)
    findings = [holes.guess_finding("lost-byte", at + slot, read, g.alternative, g.margin)
                for at, chosen in runs for slot, g, read in chosen]
    return fixed_text, len(runs), findings


_C1 = re.compile("[" + "".join(chr(b) for b in range(0x80, 0xA0) if b not in latin_layers.UNDEFINED) + "]")


def _filled(run: str, choices: tuple[int, ...] = CHOICES) -> tuple[str, list[tuple[int, code_page_marks.Guess, str]]]:
    """``run`` with its spaces inside a UTF-8 character written back (U+00A0 or U+FFFD), and the
    choices made among several readings; ``run`` itself if that reads no better in UTF-8."""
    data = bytearray(_byte(ch) for ch in run)
    slots = _spaces_inside_characters(data)
    if not slots:
        return run, []
    for i in slots:
        data[i] = NBSP
    before = bytes(_byte(ch) for ch in run).decode("utf-8", errors="replace").count(LOST)
    if bytes(data).decode("utf-8", errors="replace").count(LOST) >= before:
        return run, []
    # Read twice, the run is a layer over another misreading: its readings (â€\xa0 †, â€\x9d ”) are
    # Latin letters to the model, and the text under them judges (了 came back 五 from the outer layer).
    # Every filling is read through the same layers, those under the run with its spaces as a0.
    depth = _layers_under(bytes(data).decode("utf-8", errors="replace"))
    under, context = (partial(_through, depth=depth), LAYER_CONTEXT) if depth else (None, code_page_marks.CONTEXT)
    chosen = []
    for _ in range(2):
        chosen = [(i, g) for i in slots
                  if (g := code_page_marks.choose(data, i, choices, "utf-8", under=under, context=context)) is not None]
    read = code_page_marks.read_at(bytes(data), [i for i, _ in chosen], "utf-8")
    chosen = [(i, g, ch) for (i, g), ch in zip(chosen, read)]
    chars = list(run)
    for i in slots:
        chars[i] = "\u00a0" if data[i] == NBSP else "\x85" if data[i] == NEL else LOST
    return "".join(chars), chosen


def _layers_under(text: str) -> int:
    """How many layers of cp1252 misreading of UTF-8 lie under ``text`` (itself one)."""
    depth = 0
    while depth < latin_layers.MAX_LAYERS and len(latin_layers.MISREAD_UTF8.findall(text)) >= MIN_MISREAD:
        text, depth = _peeled(text), depth + 1
    return depth


def _through(text: str, depth: int) -> str:
    """``text`` read through ``depth`` layers: the text a choice of an outer byte is judged by."""
    for _ in range(depth):
        text = _peeled(text)
    return text


def _peeled(text: str) -> str:
    # A character no cp1252 decoder writes (a wrong filling read as U+2001) is a byte lost there.
    return bytes(_byte(ch) if ch <= "\xff" or ch in chardata.CP1252_SIGNS else latin_layers.UNDEFINED[0]
                 for ch in text).decode("utf-8", errors="replace")


def _byte(ch: str) -> int:
    """The byte a cp1252 (or Latin-1) decoder showed as ``ch``; a space is itself, U+FFFD a byte
    cp1252 leaves undefined."""
    if ch == LOST:
        return latin_layers.UNDEFINED[0]
    return ord(ch) if ch <= "\xff" else ch.encode("cp1252")[0]


def _spaces_inside_characters(data: bytearray) -> list[int]:
    """Offsets of the spaces of ``data`` where UTF-8 needs a continuation byte: after a lead
    byte c2-f4 short of its continuation bytes."""
    slots: list[int] = []
    need = 0
    for i, b in enumerate(data):
        if need and (0x80 <= b < 0xC0 or b == 0x20):
            if b == 0x20:
                slots.append(i)
            need -= 1
            continue
        need = 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else 0
    return slots
