"""UTF-8 read as cp1252 (or Latin-1) more than once: the outer layers peeled, the inner one left.

Why: a page misread twice (``Ã¤Â¹Â Ã¨Â¿â€˜`` for 习近) is common where text passes through two
tools that each take UTF-8 for Windows-1252. ftfy peels every layer at once and writes U+FFFD for
a character whose byte the first misreading lost; the single-byte re-read fills such a byte from
context, but only from the inner layer's characters (``å�‘`` for 发), and read from the outer
layer it takes pairs of Latin letters for GBK codes (家乒). So the outer layers are peeled here,
exactly and only where what is under them is again cp1252 mojibake of UTF-8, and the inner layer
is left to the single-byte re-read and ftfy, which run next.
"""

from __future__ import annotations

import re

from cleaner import pagefacts

# A run of what a cp1252 or Latin-1 decoder writes (ASCII, C1 controls, Latin-1, cp1252's signs)
# plus U+FFFD: one misread stretch of bytes.
# cp1252's characters for bytes 0x80-0x9f, exactly (its neighbours in Unicode, ′ or U+2028, are
# no byte of it: a run holding one is not read here).
_CP1252_SIGNS = re.escape(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_RUN = re.compile(f"[\\x00-\\xff{_CP1252_SIGNS}\\ufffd]+")
# Latin-1 mojibake of one UTF-8 character: a lead byte c2-ef read as Â-ï and a continuation byte.
MISREAD_UTF8 = re.compile(f"[\\u00c2-\\u00ef][\\x80-\\xbf{_CP1252_SIGNS}]")
_holds_utf8_lead = pagefacts.any_of(re.compile("[\u00c2-\u00ef]"))


def shows_misread_utf8(text: str) -> bool:
    """Does ``text`` hold Latin-1 mojibake of a UTF-8 character? Its lead byte first, from the
    page's one scan (pagefacts): most Chinese pages hold no Â-ï at all."""
    return _holds_utf8_lead(text) and MISREAD_UTF8.search(text) is not None


# A layer is peeled only if its run holds this many misread characters: a name (Müller) is one.
MIN_MISREAD = 3
MAX_LAYERS = 3
_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # the bytes cp1252 has no character for


def peel(text: str) -> tuple[str, int]:
    """``text`` with every outer layer of repeated cp1252/Latin-1 misreading removed; (text, layers
    peeled, counted per run)."""
    if not shows_misread_utf8(text):
        return text, 0
    count = 0
    pieces: list[str] = []
    done = 0
    for m in _RUN.finditer(text):
        run, peeled = m.group(), 0
        while peeled < MAX_LAYERS and (inner := _inner(run)) is not None:
            run, peeled = inner, peeled + 1
        if peeled:
            pieces += [text[done : m.start()], run]
            done = m.end()
            count += peeled
    if not count:
        return text, 0
    pieces.append(text[done:])
    return "".join(pieces), count


def _inner(run: str) -> str | None:
    """What ``run`` reads as, its characters taken for cp1252 bytes of UTF-8, if that is itself
    Latin mojibake of UTF-8 (a layer under it); else None."""
    if len(MISREAD_UTF8.findall(run)) < MIN_MISREAD:
        return None
    inner = _bytes(run).decode("utf-8", errors="replace")
    # Under a layer there must be another: characters of the same kind, as many misread ones as
    # the layer allows, and few marks of bytes the outer misreading lost.
    if len(MISREAD_UTF8.findall(inner)) < MIN_MISREAD or not _RUN.fullmatch(inner):
        return None
    lost = inner.count("\ufffd") - run.count("ï¿½")  # U+FFFD that was a mark of the layer under
    return inner if lost * 4 <= len(inner) else None


def _bytes(run: str) -> bytes:
    """The bytes a cp1252 decoder (or Latin-1, for C1 controls) read as ``run``. A U+FFFD (a byte
    that decoder could not read, now gone) becomes 0xff, which no UTF-8 holds: the character it
    was part of reads as one U+FFFD under the layer, as lost as it is."""
    out = bytearray()
    for ch in run:
        if ch <= "\xff":
            out.append(ord(ch))
        elif ch == "\ufffd":
            # The lost byte was one cp1252 leaves undefined. If just one of those completes the
            # character cut before it into a character of the layer under (â€ + 9d is ”), it
            # is put back; else the character's bytes so far and the mark become one 0xff (one
            # U+FFFD under the layer), not a U+FFFD for each piece.
            cut = _cut_start(out)
            fits = [b for b in _UNDEFINED if _completes(out[cut:] + bytes((b,)))]
            if len(fits) == 1 and cut < len(out):
                out.append(fits[0])
            else:
                del out[cut:]
                out.append(0xFF)
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def _cut_start(out: bytearray) -> int:
    """Where an unfinished UTF-8 sequence at the end of ``out`` starts (``len(out)`` if none)."""
    for back in range(1, min(3, len(out)) + 1):
        byte = out[-back]
        if byte < 0x80 or byte >= 0xC0:  # ASCII or a lead byte: the sequence starts here
            need = 2 if 0xC2 <= byte <= 0xDF else 3 if 0xE0 <= byte <= 0xEF else 4 if 0xF0 <= byte <= 0xF4 else 0
            return len(out) - back if back < need else len(out)
    return len(out)


def _completes(data: bytes) -> bool:
    """Is ``data`` one whole UTF-8 character that a cp1252 decoder writes?"""
    try:
        ch = data.decode("utf-8")
        ch.encode("cp1252")
    except UnicodeError:
        return False
    return len(ch) == 1
