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
from typing import NamedTuple

from cleaner import chardata, pagefacts
from cleaner.langmodel import per_char
from cleaner.model import Finding
from cleaner.repair import code_page_marks, holes

GUESS_KIND = "lost-byte"  # mojibake.GUESS_KIND (which imports this module)
LOST = "\ufffd"

# A run of what a cp1252 or Latin-1 decoder writes (ASCII, C1 controls, Latin-1, cp1252's signs)
# plus U+FFFD: one misread stretch of bytes.
# cp1252's characters for bytes 0x80-0x9f, exactly (its neighbours in Unicode, ′ or U+2028, are
# no byte of it: a run holding one is not read here).
_CP1252_SIGNS = re.escape(chardata.CP1252_SIGNS)
_RUN = re.compile(f"[\\x00-\\xff{_CP1252_SIGNS}\\ufffd]+")
# Latin-1 mojibake of one UTF-8 character: a lead byte c2-ef read as Â-ï and a continuation byte.
MISREAD_UTF8 = re.compile(f"[\\u00c2-\\u00ef][\\x80-\\xbf{_CP1252_SIGNS}]")
_holds_utf8_lead = pagefacts.any_of(re.compile("[\u00c2-\u00ef]"))


def shows_misread_utf8(text: str) -> bool:
    """Does ``text`` hold Latin-1 mojibake of a UTF-8 character? Its lead byte first, from the
    page's one scan (pagefacts): most Chinese pages hold no Â-ï at all."""
    return _holds_utf8_lead(text) and MISREAD_UTF8.search(text) is not None


def utf8_share(line: str) -> float:
    """The share of ``line``'s high bytes, its characters taken for a cp1252 or Latin-1 decoder's
    (U+FFFD one of cp1252's undefined bytes), that stand in a whole UTF-8 sequence. Misread UTF-8
    is nearly all such sequences, even with a byte in three lost or rewritten by a later tool; GBK
    or Big5 shown by a Western code page makes one by chance (a lead c2-ef, then 80-bf) now and
    then. 0.0 for a line with no high byte."""
    data = bytearray()
    for ch in line:
        if ch <= "\xff":
            data.append(ord(ch))
        elif ch == LOST:
            data.append(UNDEFINED[0])
        else:
            try:
                data += ch.encode("cp1252")
            except UnicodeEncodeError:
                data.append(0x20)  # no byte of cp1252's: a break, as ASCII is
    high = whole = i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        need = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 1
        try:
            data[i : i + need].decode("utf-8") if need > 1 else b"\x80".decode("utf-8")
        except UnicodeDecodeError:
            high += 1
            i += 1
            continue
        high += need
        whole += need
        i += need
    return whole / high if high else 0.0


# A layer is peeled only if its run holds this many misread characters: a name (Müller) is one.
MIN_MISREAD = 3
MAX_LAYERS = 3
UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # the bytes cp1252 has no character for


def peel(text: str, guess: bool = True) -> tuple[str, int, list[Finding]]:
    """``text`` with every outer layer of repeated cp1252/Latin-1 misreading removed; (text, layers
    peeled, counted per run, and a ``lost-byte`` finding for each character under a layer chosen
    among the few an outer lost byte allowed; with ``guess`` off each is written U+FFFD)."""
    if not shows_misread_utf8(text):
        return text, 0, []
    count = 0
    pieces: list[str] = []
    findings: list[Finding] = []
    done = at = 0
    for m in _RUN.finditer(text):
        run, peeled, chosen = m.group(), 0, []
        while peeled < MAX_LAYERS and (inner := _inner(run)) is not None:
            (run, chosen), peeled = inner, peeled + 1
        if peeled:
            at += m.start() - done
            pieces += [text[done : m.start()], run if guess else _unguessed(run, chosen)]
            findings += [holes.guess_finding(GUESS_KIND, at + c.at, c.char, c.alternative, c.margin) for c in chosen]
            at += len(run)
            done = m.end()
            count += peeled
    if not count:
        return text, 0, []
    pieces.append(text[done:])
    return "".join(pieces), count, findings


class _Chosen(NamedTuple):
    at: int  # the character's offset in the layer under
    char: str  # what the chosen byte reads as there, in the source the layer's bytes read best in
    alternative: str  # the runner-up's character
    margin: float


def _unguessed(run: str, chosen: list[_Chosen]) -> str:
    marked = {c.at for c in chosen}
    return "".join(LOST if i in marked else ch for i, ch in enumerate(run))


def _inner(run: str) -> tuple[str, list[_Chosen]] | None:
    """What ``run`` reads as, its characters taken for cp1252 bytes of UTF-8, if that is itself
    Latin mojibake of UTF-8 (a layer under it), with the characters chosen among several; else
    None."""
    if len(MISREAD_UTF8.findall(run)) < MIN_MISREAD:
        return None
    data, open_marks = _bytes(run)
    inner = data.decode("utf-8", errors="replace")
    # Under a layer there must be another: characters of the same kind, as many misread ones as
    # the layer allows, or another code page's reading the code-page repair reads back (UTF-8
    # shown by a Cyrillic system's cp1251, saved as UTF-8, shown by cp1252); and few marks of
    # bytes the outer misreading lost.
    if not (len(MISREAD_UTF8.findall(inner)) >= MIN_MISREAD and _RUN.fullmatch(inner)) and not _other_page_under(inner):
        return None
    lost = inner.count(LOST) - run.count("ï¿½")  # U+FFFD that was a mark of the layer under
    if lost * 4 > len(inner):
        return None
    return _chosen(inner, data, open_marks)


def _other_page_under(inner: str) -> bool:
    """Is ``inner`` (what an outer cp1252 layer read as UTF-8 gives) another code page's reading
    of Chinese bytes, one ``code_pages`` reads back? Not a run of cp1252's own characters (that
    layer is the test above's), and not text of another script read right (Русский: no run of
    it reads as Chinese)."""
    if _RUN.fullmatch(inner) or inner.isascii():
        return False
    from cleaner.repair import code_pages  # it reads through mojibake, which imports this module

    return code_pages.repair_code_pages(inner).count > 0


def _chosen(inner: str, data: bytes, open_marks: list[tuple[int, tuple[str, ...]]]) -> tuple[str, list[_Chosen]]:
    """``inner`` with each character an outer lost byte left open (Ã and a lost byte: Á Í Ï Ð or
    Ý, GBK's c1 cd cf d0 dd) chosen by how the layer's bytes read in the source they read best
    in (``code_page_marks``), twice, the second time with its neighbours' choices made."""
    if not open_marks:
        return inner, []
    slots = list(zip(_characters_before(data, [cut for cut, _ in open_marks]), (fits for _, fits in open_marks)))
    slots = [(i, fits) for i, fits in slots if i < len(inner) and inner[i] == fits[0]]  # where it was put
    if not slots:
        return inner, []
    # The layer's bytes, one a character; a mark of the layer under is a byte cp1252 leaves
    # undefined (any of them: the source is what is judged here).
    layer = bytearray(UNDEFINED[0] if ch == LOST else ord(ch) if ch <= "\xff" else ch.encode("cp1252")[0]
                      for ch in inner)
    source = _source(bytes(layer))
    guesses: dict[int, code_page_marks.Guess] = {}
    for _ in range(2):
        starts = code_page_marks.char_starts(layer, source)
        for i, fits in slots:
            guess = code_page_marks.choose(layer, i, tuple(_layer_byte(ch) for ch in fits), source, starts)
            if guess is not None:
                guesses[i] = guess
    by_byte = {i: {_layer_byte(ch): ch for ch in fits} for i, fits in slots}
    chars = list(inner)
    for i, _ in slots:
        chars[i] = by_byte[i][layer[i]]
    made = sorted(guesses.items())
    read = code_page_marks.read_at(bytes(layer), [i for i, _ in made], source)
    chosen = [_Chosen(i, ch, g.alternative, g.margin) for (i, g), ch in zip(made, read)]
    return "".join(chars), chosen


def _characters_before(data: bytes, cuts: list[int]) -> list[int]:
    """How many characters ``data[:cut]`` reads as in UTF-8, for each of ``cuts`` (in order, each
    where a sequence starts: a UTF-8 decoder starts afresh there, so the pieces between cuts are
    read on their own, once, not every prefix again)."""
    out, last, count = [], 0, 0
    for cut in cuts:
        if cut < last:  # out of order: read from the start (never, as _bytes makes them)
            last, count = 0, 0
        count += len(data[last:cut].decode("utf-8", errors="replace"))
        last = cut
        out.append(count)
    return out


def _source(data: bytes) -> str:
    """The source ``data`` reads in with the fewest rejected sequences, the character model
    deciding a tie (a short GBK run often reads in Big5 without a reject, as nonsense)."""
    readings = {s: data.decode(s, errors="replace") for s in code_page_marks.SOURCES}
    fewest = min(r.count(LOST) for r in readings.values())
    return max((s for s, r in readings.items() if r.count(LOST) == fewest), key=lambda s: per_char(readings[s]))


def _layer_byte(ch: str) -> int:
    return ord(ch) if ch <= "\xff" else ch.encode("cp1252")[0]


def _bytes(run: str) -> tuple[bytes, list[tuple[int, tuple[str, ...]]]]:
    """The bytes a cp1252 decoder (or Latin-1, for C1 controls) read as ``run``, and where a
    character under the layer was left open among several.

    A U+FFFD is a byte that decoder could not read, now gone: one of those cp1252 leaves
    undefined. If just one of them completes the character cut before it into a character of the
    layer under (â€ + 9d is ”), it is put back. If several do (Ã and 81 8d 8f 90 or 9d are
    Á Í Ï Ð Ý), the first is put back and the place given with every character that fits, for
    the layer's reading to choose. Else the character's bytes so far and the mark become one 0xff,
    which no UTF-8 holds (one U+FFFD under the layer, as lost as it is)."""
    out = bytearray()
    open_marks: list[tuple[int, tuple[str, ...]]] = []
    for ch in run:
        if ch == LOST:
            if not _put_back(out, open_marks):
                del out[_cut_start(out):]
                out.append(0xFF)
            continue
        code = bytes((ord(ch),)) if ch <= "\xff" else ch.encode("cp1252")
        if not 0x80 <= code[0] < 0xC0 and _one_short(out):
            # A character one byte short and no continuation after it: with errors="ignore"
            # the decoder dropped that byte without a mark (Ã then Ö: a lost 81 8d 8f 90 or 9d).
            _put_back(out, open_marks)
        out += code
    if _one_short(out):
        _put_back(out, open_marks)
    return bytes(out), open_marks


def _put_back(out: bytearray, open_marks: list[tuple[int, tuple[str, ...]]]) -> bool:
    """Put back at the end of ``out`` an undefined byte completing the character cut there, noting
    the place if several do; False if none does."""
    cut = _cut_start(out)
    fits = [b for b in UNDEFINED if cut < len(out) and _completes(out[cut:] + bytes((b,)))]
    if {_layer_byte((out[cut:] + bytes((b,))).decode("utf-8")) for b in fits} == set(UNDEFINED):
        # Â and a lost byte: under the layer a byte cp1252 leaves undefined itself, which the
        # single-byte re-read fills (a U+FFFD there) with the whole line to read by.
        return False
    if len(fits) > 1:
        open_marks.append((cut, tuple((out[cut:] + bytes((b,))).decode("utf-8") for b in fits)))
    if fits:
        out.append(fits[0])
    return bool(fits)


def _one_short(out: bytearray) -> bool:
    """Does ``out`` end with a UTF-8 character short of exactly its last byte?"""
    cut = _cut_start(out)
    if cut == len(out):
        return False
    lead = out[cut]
    need = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4
    return len(out) - cut == need - 1


def _cut_start(out: bytearray) -> int:
    """Where an unfinished UTF-8 sequence at the end of ``out`` starts (``len(out)`` if none)."""
    for back in range(1, min(3, len(out)) + 1):
        byte = out[-back]
        if byte < 0x80 or byte >= 0xC0:  # ASCII or a lead byte: the sequence starts here
            need = 2 if 0xC2 <= byte <= 0xDF else 3 if 0xE0 <= byte <= 0xEF else 4 if 0xF0 <= byte <= 0xF4 else 0
            return len(out) - back if back < need else len(out)
    return len(out)


def _completes(data: bytes) -> bool:
    """Is ``data`` one whole UTF-8 character that a cp1252 or Latin-1 decoder writes?"""
    try:
        ch = data.decode("utf-8")
    except UnicodeError:
        return False
    if len(ch) != 1:
        return False
    if ch <= "\xff":
        return True
    try:
        ch.encode("cp1252")
    except UnicodeError:
        return False
    return True
