"""Mojibake of mojibake: text misread, saved, and misread again.

UTF-8 Chinese read as GBK (我是 -> 鎴戞槸), saved as UTF-8 and read as GBK again, is 閹存垶妲. The
double-encoding repair re-reads one layer at a time and keeps a re-read only if it reads as
Chinese (``mojibake._reads_better``): the first layer's text is mojibake itself, so it was never
taken, and the page stayed as it came.

A page shown as Latin-1 between its GBK or Big5 source and a GBK outer reading (脰陇脠炉) is read
first, line by line through the chain the page shows (``page_chain``). After the repairs, each
stretch of a page with rare characters whose bytes in a GBK- or Big5-family view are whole UTF-8
characters (clean text's almost never are) is peeled: read as UTF-8, and the result given to the
double-encoding repair. The peel is kept only if the repaired text
reads as Chinese and much better than the stretch; its lost bytes are guessed and reported as the
repair reports them.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import accumulate

from cleaner import pagefacts
from cleaner.langmodel import per_char
from cleaner.model import Finding
from cleaner.repair import decoders, latin_layers, layer_chain, mojibake, page_chain, rounds

LOST = "\ufffd"
FAMILIES = (decoders.GBK_FAMILY, decoders.BIG5_FAMILY, decoders.SINGLE_FAMILY)
# A UTF-8 lead byte and a continuation byte as a single-byte decoder shows them (Ã¤Â¸): the
# second layer of mojibake whose first layer was itself single-byte or GBK mojibake. The latin
# layers' pattern: whether a page holds one is asked from its lead, in the page's one scan.
UTF8_AS_LATIN = latin_layers.MISREAD_UTF8
MIN_CHARS = 4  # a peel of fewer characters is a coincidence of the tables, not a second layer


def peel(stretch: str, family: str) -> str:
    """The UTF-8 reading of the bytes a ``family`` decoder read as ``stretch``."""
    # U+FFFD is bytes this layer's decoder lost (GB18030 could encode it: 84 31 a4 37, read as
    # "1�7"); 0xff is never UTF-8, so the first layer's character there reads as U+FFFD.
    data = b"".join(b"\xff" if ch == LOST else decoders.encode_char(ch, family) or b"\xff" for ch in stretch)
    return data.decode("utf-8", errors="replace")


# Rounds of peeling at most: a peeled stretch's neighbours, cut from it, are stretches of their
# own in the next round (and would be in the next clean), until a round peels nothing.
MAX_ROUNDS = 3


def repair_second_layer(text: str, guess: bool = True, outer: tuple[str, ...] = FAMILIES) -> mojibake.MojibakeRepair:
    """Re-read stretches the double-encoding repair left that are mojibake of mojibake, round
    after round until none is left; the outer layer read by a decoder of the ``outer`` families.

    >>> repair_second_layer("他说：閹存垶妲告稉锟介崶鎴掓眽").text
    '他说：我是中国人'
    """
    # A page read one byte a character between its source and a GBK outer reading (脰陇脠炉) first:
    # that chain loses nothing, so the page decides it and each line, however short, is read
    # through it (page_chain); the stretches that chain does not read go to the peel.
    chained = page_chain.read(text) if decoders.GBK_FAMILY in outer else mojibake.MojibakeRepair(text, 0, [])
    peeled = rounds.until_settled(chained.text, partial(_round_spans, guess=guess, outer=outer), MAX_ROUNDS)
    return peeled._replace(count=peeled.count + chained.count) if chained.count else peeled


def repair_outer_single_byte(text: str, guess: bool = True) -> mojibake.MojibakeRepair:
    """Mojibake of GBK or Big5 mojibake shown by a single-byte decoder (UTF-8 read as GBK, saved,
    shown as cp1252: 涓枃 is æ¶“æžƒ), read through both layers before the single-byte stages
    read its outer layer alone: they give back the GBK mojibake but for the characters whose
    bytes cp1252 left undefined, whose pieces no later stage can read (1,365 errors per 1,000,
    ``benchmarks/decoders_after.py``; layer_chain chooses those bytes by the page under both)."""
    if not latin_layers.shows_misread_utf8(text):  # UTF8_AS_LATIN's search, its lead from the page's one scan
        return mojibake.MojibakeRepair(text, 0, [])
    return rounds.until_settled(text, partial(_two_layers_only, guess=guess), MAX_ROUNDS)


def _two_layers_only(text: str, guess: bool) -> rounds.Spans:
    """The stretches one round peels under a single-byte outer layer, but only those whose
    reading through both layers reads better than the stretch read through its outer layer
    alone, and whose first layer is CHAIN_MIN characters at least: before the single-byte stages,
    one layer of cp1252 mojibake is still there, and a few rare characters of its reading may read
    on as GBK mojibake by chance (靜憩軒、 is æ†©è»’ã€, whose 憩軒 read as GBK mojibake gave 就癮爲);
    a second layer is mojibake through and through, lines long."""
    spans = _round_spans(text, guess, (decoders.SINGLE_FAMILY,))
    out = []
    for a, b, fixed in spans:
        one = peel(text[a:b], decoders.SINGLE_FAMILY)
        if len(one) >= CHAIN_MIN and mojibake._reads_better(fixed.text, one):  # noqa: SLF001 - one acceptance rule
            out.append((a, b, fixed))
    return out


def _round_spans(text: str, guess: bool, outer: tuple[str, ...] = FAMILIES) -> rounds.Spans:
    """The stretches one round peels, each with its repair."""
    lines = {decoders.GBK_FAMILY: [], decoders.BIG5_FAMILY: [], decoders.SINGLE_FAMILY: []}
    two_byte = decoders.GBK_FAMILY in outer or decoders.BIG5_FAMILY in outer
    if two_byte and mojibake._looks_misread(text):  # noqa: SLF001 - one cheap test for rare characters
        lines[decoders.GBK_FAMILY] = lines[decoders.BIG5_FAMILY] = _dense_lines(text)
    if decoders.SINGLE_FAMILY in outer and latin_layers.shows_misread_utf8(text):
        lines[decoders.SINGLE_FAMILY] = _lines_with(text, UTF8_AS_LATIN)
    found: list[tuple[int, int, mojibake.MojibakeRepair]] = []
    # The outer reading with each € read as the bytes its neighbours' UTF-8 needs (same length, so
    # spans found in it are spans of ``text``); the single-byte family reads € as cp1252's 80.
    paired = decoders.euros_read(text) if two_byte else text
    for family in FAMILIES:
        view = paired if family == decoders.GBK_FAMILY else text
        # Stretches whose outer layer lost bytes first, read through both layers at once. Not
        # under a Big5 reading: it marks half of UTF-8's bytes (more than MAX_MARKED allows), so
        # all it found was Big5 text read as GBK, whose Big5 view reads as UTF-8 by chance.
        chained = _chained(view, family, lines[family], guess) if family != decoders.BIG5_FAMILY else []
        for start, end, fixed in chained:
            if not any(start < b and a < end for a, b, _ in found):
                found.append((start, end, fixed))
        for start, end in _utf8_stretches(view, family, lines[family]):
            if any(start < b and a < end for a, b, _ in found):
                continue
            fixed = _peeled(view[start:end], family, guess)
            if fixed is not None:
                found.append((start, end, fixed))
            else:  # the longest piece from its start that reads, as for a stretch that lost bytes
                found += [(start + i, start + j, piece) for i, j, piece in _pieces(view[start:end], family, guess)]
    # Counted by stretch peeled (the inner repair's count is of the first layer's stretches).
    return [(a, b, fixed._replace(count=1)) for a, b, fixed in found]


def _lines_with(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of the lines where ``pattern`` matches at least MIN_CHARS times."""
    out, start = [], 0
    for line in text.split("\n"):
        if len(pattern.findall(line)) >= MIN_CHARS:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _dense_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines where rare characters are most of the non-ASCII ones: a second
    layer is mojibake through and through (閹存垶妲告稉), clean text with names is not. Only the
    lines holding MIN_CHARS rare characters, found in one native pass of the page facts, are
    measured (a clean page's every line was searched, though few hold four)."""
    rare = mojibake._rare_char()  # noqa: SLF001 - one notion of a rare character
    out = []
    lines: list[str] | None = None
    starts: list[int] = []
    for k in _lines_with_rare(text):
        if lines is None:
            lines = text.split("\n")
            starts = [0, *accumulate(len(line) + 1 for line in lines)]
        line = lines[k]
        wide = len(line) - len(line.encode("ascii", "ignore"))  # at C speed
        if len(rare.findall(line)) * DENSE >= wide:
            out.append((starts[k], starts[k] + len(line)))
    return out


# The lines holding MIN_CHARS rare characters at least (mojibake's rare class, the page scan's).
_lines_with_rare = pagefacts.lines_with(lambda: mojibake._rare_char(), MIN_CHARS)  # noqa: SLF001


DENSE = 3  # at least one non-ASCII character in three is rare


def _dense(text: str) -> bool:
    """Is ``text`` mojibake through and through: at least one non-ASCII character in DENSE rare,
    or UTF-8 shown one byte a character (Ã¤Â¸)?"""
    if len(UTF8_AS_LATIN.findall(text)) >= MIN_CHARS:
        return True
    found = len(mojibake._rare_char().findall(text))  # noqa: SLF001 - one notion of a rare character
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return found >= 2 and found * DENSE >= wide


def _utf8_stretches(text: str, family: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` within each (start, end) range, in order, whose
    ``family`` bytes are whole UTF-8 characters, at least MIN_CHARS characters long and beyond
    ASCII: where a first layer of mojibake can be. Clean Chinese text's GBK or Big5 bytes are
    almost never UTF-8 for more than a character or two.

    From each non-ASCII character the bytes are read on to the line's end until strict UTF-8
    refuses one; the stretch ends at the last character boundary of both readings (ASCII at the
    end left out). U+FFFD is bytes this layer's decoder lost: the first layer's character there
    is lost too, and the reading starts afresh after it (reading on out of step, as a lenient
    decoder would, did worse). Native (native/src/stretches.rs), one call per page and family;
    the Python original is tests/reference_layers.py.
    """
    return decoders.native_codes().utf8_stretches(text, family, ranges, MIN_CHARS) if ranges else []


def _peeled(stretch: str, family: str, guess: bool) -> mojibake.MojibakeRepair | None:
    """The stretch read back through one layer and repaired, if that reads clearly better.

    The first layer may be GBK- or Big5-family mojibake or single-byte mojibake: both repairs
    are tried, and the one that reads better is kept.
    """
    return _repaired(peel(stretch, family), stretch, guess)


def _repaired(inner: str, stretch: str, guess: bool) -> mojibake.MojibakeRepair | None:
    """``inner`` (the first layer under ``stretch``) repaired, if that reads clearly better than
    ``stretch``: as GBK- or Big5-family mojibake or single-byte mojibake, whichever reads better."""
    if not _dense(inner):
        return None  # the peel reads as text already: one layer, the double-encoding repair's
    best = None
    paired = decoders.euros_read(inner)
    for repair in (mojibake.repair_utf8_as_gbk, mojibake.repair_single_byte):
        fixed = repair(paired, guess=guess) if repair is mojibake.repair_utf8_as_gbk else repair(inner, guess=guess)
        fixed = fixed._replace(text=fixed.text.replace(decoders.EURO_PAIR, EURO))
        if not fixed.count or not mojibake._reads_better(fixed.text, stretch):  # noqa: SLF001 - one acceptance rule
            continue
        score = per_char(fixed.text)  # the score every re-read is judged by
        if best is None or score > best[0]:
            best = (score, fixed)
    return best[1] if best else None


EURO = "\u20ac"
def _chained(text: str, outer: str, ranges: list[tuple[int, int]], guess: bool) -> rounds.Spans:
    """The stretches within ``ranges`` whose first layer, under an ``outer`` decoder's reading that
    lost bytes, reads back through both layers (layer_chain), each with its repair."""
    out: rounds.Spans = []
    for a, b in ranges:
        for start, end in _givable_runs(text, a, b, outer):
            run = text[start:end]
            stream, ends = decoders.byte_view(run, outer)
            if len(ends) < len(run) or not _mostly_utf8(stream) or not _mojibake_under(stream):
                continue
            boundaries = {0: 0, **{e: k + 1 for k, e in enumerate(ends)}}
            for inner in FAMILIES:
                spans = _chain_spans(run, stream, boundaries, outer, inner, guess)
                if spans:
                    out += [(start + i, start + j, fixed) for i, j, fixed in spans]
                    break
    return out


def _pieces(stretch: str, family: str, guess: bool) -> rounds.Spans:
    """The longest piece from the start of a stretch whose outer reading lost nothing and whose
    whole peel the repairs refused, read as ``_chain_spans`` reads one (a second clean would read
    it once the clean text before its refused end is cut off)."""
    stream, ends = decoders.byte_view(stretch, family)
    if len(ends) < len(stretch) or not _mostly_utf8(stream) or not _mojibake_under(stream):
        return []
    boundaries = {0: 0, **{e: k + 1 for k, e in enumerate(ends)}}
    for inner in FAMILIES:
        if spans := _chain_spans(stretch, stream, boundaries, family, inner, guess, lost_only=False):
            return spans
    return []


def _mostly_utf8(stream: list) -> bool:
    """Are most of the non-ASCII bytes the outer reading kept whole UTF-8 characters (a first layer
    saved as UTF-8 and read again, each lost byte breaking one character: 83-94 % of them on
    Wikipedia paragraphs read as GBK twice)? A Big5 page read as GBK (its pairs rarely UTF-8 by
    chance) or binary data read as text (a compressed body never unpacked) keeps far fewer, and
    the choices layer_chain weighs for their many broken sequences cost seconds a page."""
    whole, wide = _whole_utf8(_known(stream))
    return whole * UTF8_WHOLE_PARTS >= wide * UTF8_WHOLE_SHARE


def _known(stream: list) -> bytes:
    """The known bytes of a byte view (its unknown ones, None, left out)."""
    return bytes(stream) if None not in stream else bytes([b for b in stream if b is not None])


def _whole_utf8(known: bytes) -> tuple[int, int]:
    """(bytes in whole non-ASCII UTF-8 characters, non-ASCII bytes) of ``known``."""
    text = known.decode("utf-8", errors="replace")
    # Counted at C speed: all the bytes of the reading, less its ASCII and its marks (3 bytes each).
    whole = len(text.encode()) - len(text.encode("ascii", "ignore")) - 3 * text.count(LOST)
    return whole, len(known.translate(None, _ASCII_BYTES))


_ASCII_BYTES = bytes(range(0x80))


def _mojibake_under(stream: list) -> bool:
    """Is the layer under the outer reading, read from the bytes it kept, itself a layer of
    mojibake: do its bytes under some family's reading read as UTF-8 (``_mostly_utf8``)? Read a
    piece at a time between the characters a lost byte broke (splicing the pieces would make
    sequences of bytes that never stood together). One layer of mojibake (UTF-8 read as GBK once)
    has the article's own text under it, whose GBK or Big5 bytes are almost never UTF-8, and
    weighing layer_chain's choices for its lost bytes cost most of the time on pages with one
    layer of damage; a short second layer (北京大学 read as GBK twice) needs no more than one
    whole character to count."""
    pieces = [p for p in _known(stream).decode("utf-8", errors="replace").split(LOST) if p]
    for family in FAMILIES:
        whole = wide = 0
        for piece in pieces:
            view, _ = decoders.byte_view(piece, family)
            got = _whole_utf8(_inner_edges_cut(_known(view)))
            whole, wide = whole + got[0], wide + got[1]
        if whole >= UNDER_MIN_BYTES and whole * UTF8_WHOLE_PARTS >= wide * UTF8_WHOLE_SHARE:
            return True
    return False


def _inner_edges_cut(data: bytes) -> bytes:
    """``data`` without the piece of a character at either end: a piece of the layer under starts
    and ends where a lost byte broke a character, whose other bytes are not there to be whole."""
    start = 0
    while start < len(data) and 0x80 <= data[start] <= 0xBF:
        start += 1
    end = len(data)
    for back in range(1, min(4, end - start) + 1):
        b = data[end - back]
        if b >= 0xC0:  # the last lead byte: cut if its sequence is not all there
            if back < (2 if b < 0xE0 else 3 if b < 0xF0 else 4):
                end -= back
            break
        if b < 0x80:
            break
    return data[start:end]


UNDER_MIN_BYTES = 3  # one whole character of the layer under it at least


def _givable_runs(text: str, a: int, b: int, family: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of text[a:b] every character of which a ``family`` decoder gives."""
    out, start = [], None
    for k in range(a, b):
        ok = text[k] == LOST or decoders.encode_char(text[k], family) is not None
        if ok and start is None:
            start = k
        elif not ok and start is not None:
            out.append((start, k))
            start = None
    if start is not None:
        out.append((start, b))
    return [(s, e) for s, e in out if e - s >= MIN_CHARS]


def _chain_spans(run: str, stream: list, boundaries: dict[int, int], outer: str, inner: str,
                 guess: bool, lost_only: bool = True) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """(start, end, repair) in ``run`` of each stretch whose first layer (``inner``'s mojibake)
    lost bytes in the ``outer`` reading (any, with ``lost_only`` off) and reads back through both
    (layer_chain)."""
    found = layer_chain.slots(stream, outer, inner)
    out = []
    k = 0
    while k < len(found):
        if found[k] is None:
            k += 1
            continue
        m = k
        while m < len(found) and found[m] is not None:
            m += 1
        segment = found[k:m]
        k = m
        # Cut to where a character of the run and one of the first layer both begin and end.
        while segment and segment[0].start not in boundaries:
            segment = segment[1:]
        while segment and segment[-1].end not in boundaries:
            segment = segment[:-1]
        if not segment or (lost_only and not any(_lost_in(s, stream) for s in segment)):
            continue
        marked = stream[segment[0].start : segment[-1].end]
        if marked.count(None) * MAX_MARKED > len(marked):
            continue  # a decoder that marks this much (EUC-JP's reading of UTF-8) leaves no layer to read
        fixed, guessed = None, 0
        least = CHAIN_MIN if lost_only else MIN_CHARS
        # The whole segment, else the longest piece of it from its start that reads (its end may
        # be a character whose lost bytes the repair under it cannot place, read on a second clean
        # once what is before it is text): MAX_CUTS shorter ends at most.
        ends = [m for m in range(len(segment), 0, -1) if segment[m - 1].end in boundaries
                and boundaries[segment[m - 1].end] - boundaries[segment[0].start] >= least]
        # Chosen once for the whole segment: a shorter end keeps the choices before it (each made
        # in a window of a few characters), and choosing again for each end cost most of the time
        # on a page of binary data read as text, where every line is dense.
        cuts = ends[: MAX_CUTS + 1] if lost_only else ends[1 : MAX_CUTS + 1]
        if cuts:
            whole, _ = layer_chain.choose(segment[: cuts[0]], inner, guess)
        for m in cuts:
            first = whole[:m]
            guessed = sum(len(s.candidates) > 1 for s in segment[:m])
            i, j = boundaries[segment[0].start], boundaries[segment[m - 1].end]
            fixed = _repaired(first, run[i:j], guess)
            if fixed is not None:
                break
        if fixed is None:
            continue
        if guessed:
            note = Finding(mojibake.GUESS_KIND, 0, f"{guessed} characters of the layer under the outer one chosen among those its lost bytes allowed")
            fixed = fixed._replace(findings=[note, *fixed.findings])
        out.append((i, j, fixed._replace(count=1)))
    return out


# At most one byte in MAX_MARKED of a stretch read through both layers marked lost: a second GBK
# reading of UTF-8 marks about one in twenty; EUC-JP's and EUC-KR's of UTF-8, one in two.
MAX_MARKED = 6
UTF8_WHOLE_SHARE, UTF8_WHOLE_PARTS = 2, 3  # at least two in three non-ASCII bytes whole UTF-8
MAX_CUTS = 6
# Characters of the outer reading a stretch read through both layers holds at least: one layer of
# mojibake with a mark of its own reads as a short second layer by chance (鐜�澧冧 came back as
# 鐜列旨U戎S); a second layer is mojibake through and through, lines long.
CHAIN_MIN = 2 * MIN_CHARS


def _lost_in(slot: layer_chain.Slot, stream: list) -> bool:
    """Did the outer reading lose a byte of this first-layer character (marked or dropped)?"""
    return slot.end - slot.start != len(slot.candidates[0].encode()) or None in stream[slot.start : slot.end]
