"""UTF-8 cut short, then read by a GBK decoder: the cut character's bytes taken off the run's end.

Why: listings and summaries cut their text to a length, often inside a character (PHP's
``substr()`` counts bytes; a summary field cuts the misread text to N characters), and add a
truncation mark: ``...``, ``…``. Read as GBK, the run then ends with the first bytes of a character
whose other bytes are gone, paired with the bytes before them (年（ cut after ef bc shows `3骞达`,
e5 b9 b4 ef: 骞 is e5 b9, 达 b4 ef), or with a decoder's mark for a lone byte before an ASCII dot.
The byte repairs read runs whose bytes are whole: such a run was left as it stood, or, with `…`
after it (GBK's a1 ad, two bytes UTF-8 continues with), read with the mark's bytes as the lost
ones (植物… cut inside 物 came back 植硭: e7 a1 ad).

The mechanism: at each line's end and before each truncation mark (``_MARKS``), the stretch of GBK
pairs before it is taken in the byte view; marks (U+FFFD) at its end are bytes of the cut
character. Where its bytes end with a UTF-8 lead short of its continuation bytes (and those only),
the bytes before them, from the first pair after the stretch's last inner mark that starts a UTF-8
character, must read as UTF-8 exactly, ``MIN_CHARS`` characters at least (nine bytes of UTF-8's
structure, which clean text's GBK bytes do not hold by chance), as text (Han, CJK punctuation,
fullwidth forms), and read better than the stretch under the character model. That reading
replaces the stretch and the cut character's bytes are dropped, with a ``cut-character`` finding
naming them: the bytes do not say what it was (the mark stays, as the page showed it). What stands
before an inner mark is left to the byte repairs, which now find a run that ends whole.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from cleaner import _native
from cleaner.langmodel import per_char
from cleaner.model import Finding
from cleaner.repair.mojibake import MojibakeRepair

# Truncation marks a cut text ends with (two or more ASCII dots, an ellipsis, a midline one), besides
# the line's end.
_MARKS = ("..", "…", "⋯")
MIN_CHARS = 3  # characters the exact reading must hold
GAIN = 1.0  # log-probability per character the reading must gain over the stretch as it stands


def repair(text: str) -> MojibakeRepair:
    """``text`` with each run cut short before a line end or a truncation mark read (see above)."""
    if not _cheap_gate(text):
        return MojibakeRepair(text, 0, [])
    pieces, findings, done, count, shift = [], [], 0, 0, 0
    # The ends whose last characters' bytes end as a cut character's do (``_ends_cut`` of
    # tests/reference_truncated_runs.py: native/src/truncated.rs, one pass): most line ends of
    # clean text stop there, and a clean page has some thirty.
    pairs = _gbk_pairs()
    ends, k = pairs.cut_ends(text, done), 0
    # A decoder that marks what it rejects (errors="replace") marks a lead that meets a line's end;
    # one that drops it (errors="ignore") leaves no mark anywhere on the page, and its line ends
    # show a lead short of its bytes wherever the newline took the place of the trail (句。 is
    # e5 8f a5 e3 80 82: ... e3 80 shown, 82 dropped before the newline), as a cut would. On an
    # unmarked page only a truncation mark says a text was cut.
    marked_page = "\ufffd" in text
    while k < len(ends):
        end = ends[k]
        k += 1
        if not marked_page and _bare_end(text, end):
            continue  # a line end on a page that may have dropped bytes: the dropped-byte readers'
        if _wrapped(text, end):
            continue  # the next line holds the character's other bytes: a wrap, not a cut
        start = _stretch_start(text, end, done)
        if end - start < 2:
            continue
        read = _read_cut(text[start:end])
        if read is None:
            continue
        fixed, at, tail = read
        pieces += [text[done : start + at], fixed]
        shift += len(fixed) - (end - start - at)
        findings.append(Finding("cut-character", end + shift, f"bytes {tail} of a character cut short (?? marked)"))
        done = end
        count += 1
        # The later ends' tests look no further back than this end: asked again from it.
        ends, k = pairs.cut_ends(text, done), 0
    if not count:
        return MojibakeRepair(text, 0, [])
    pieces.append(text[done:])
    return MojibakeRepair("".join(pieces), count, findings)


@lru_cache(maxsize=1)
def _gbk_pairs() -> _native.GbkPairs:
    """The native search for cut ends, with each BMP character's two GBK bytes (``_pair``'s),
    read from the codec once and kept in the tables cache."""
    from cleaner.tablecache import cached

    return _native.GbkPairs(cached("gbkcharbytes", [__file__], "1", _pair_table), list(_MARKS))


def _pair_table() -> bytes:
    """65536 x (lead, trail): ``ch.encode("gbk")`` where it is two bytes, else 0 0."""
    table = bytearray(0x20000)
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            data = chr(cp).encode("gbk")
        except UnicodeEncodeError:
            continue
        if len(data) == 2:
            table[2 * cp : 2 * cp + 2] = data
    return bytes(table)


def _cheap_gate(text: str) -> bool:
    """A character of GBK's misread-looking pairs at all: most pages hold none worth a look."""
    return any(ord(ch) > 0x2FFF for ch in text)


def _bare_end(text: str, end: int) -> bool:
    """Is ``end`` a line's end with no truncation mark (rather than a mark's start)?"""
    return not text.startswith(_MARKS, end)


def _wrapped(text: str, end: int) -> bool:
    """Is the line end at ``end`` a wrap inside a misread run rather than a cut: does the next line
    open with the continuation bytes the character before the end asks for? A paragraph wrapped at
    a width in characters breaks inside UTF-8 characters as a cut does, and its next line then
    starts with their last bytes (0x80-0xBF: a GBK lead byte, so the line opens with a pair), which
    no cut text's next line does (its first character starts with a UTF-8 lead or is ASCII).
    Dropping those bytes here would take from the break join (``cut_runs``, the later join's
    re-read) the character it can read whole."""
    if end >= len(text) or text[end] != "\n":
        return False
    k = end
    while k and text[k - 1] == "\ufffd":
        k -= 1
    if k < end:
        return False  # a decoder's mark ends the line: the character's bytes are gone either way
    cut, need = _dangling(_tail_bytes(text, k, 0))
    head = b""
    for ch in text[end + 1 : end + 1 + need]:
        pair = _pair(ch)
        if not pair:
            break
        head += pair
    return bool(cut) and len(head) >= need and all(0x80 <= b <= 0xBF for b in head[:need])


def _tail_bytes(text: str, k: int, floor: int) -> bytes:
    """The GBK bytes of the last four characters before ``k`` (not before ``floor``), from the last
    mark or character of no pair on: the bytes a cut character's lead may end."""
    tail = b""
    for ch in text[max(floor, k - 4) : k]:
        pair = _pair(ch)
        tail = tail + pair if pair else b""  # the bytes after a mark or a character of no pair
    return tail


def _stretch_start(text: str, end: int, floor: int) -> int:
    """Where the stretch of two-byte GBK characters, marks and ASCII letters and digits that ends
    at ``end`` starts."""
    k = end
    while k > floor and _pair(text[k - 1]) is not None:
        k -= 1
    return k


def _pair(ch: str) -> bytes | None:
    """``ch``'s two GBK bytes (an ASCII letter or digit: its byte); b"" for a mark (one byte,
    unknown); None for anything else."""
    if ch == "\ufffd":
        return b""
    if ch < "\u0080":  # a UTF-8 stream's ASCII bytes are themselves (年 in `3骞达`, 3年)
        return ch.encode() if ch.isalnum() else None
    try:
        data = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


def _read_cut(stretch: str) -> tuple[str, int, str] | None:
    """(the exact reading, where in ``stretch`` it starts, the cut character's bytes, ?? for each
    one a mark stands for) of a
    stretch cut inside its last character, or None."""
    n = len(stretch)
    while n and stretch[n - 1] == "\ufffd":
        n -= 1  # the decoder's marks: a byte each of the cut character (a lead before an ASCII dot)
    marks = len(stretch) - n
    body = stretch[:n]
    first = body.rfind("\ufffd") + 1  # the bytes before an inner mark are the byte repairs'
    parts = [_pair(ch) for ch in body[first:]]
    data = b"".join(p for p in parts if p)
    cut, need = _dangling(data)
    if cut and need <= marks:
        return None  # the marks may be its last bytes: a character with lost bytes, not a cut one
    if not cut and marks != 1:
        return None  # ends whole (or marks that may be a whole character's bytes)
    whole = data[: len(data) - cut]
    # Nine bytes of UTF-8's structure; fewer beside a decoder's mark, which says the line was
    # misread already.
    least = MIN_CHARS if not (first or marks) else 0 if first and _misread_before(body[: first - 1]) else 1
    offset = 0
    for k, part in enumerate(parts):
        if offset > len(whole):
            return None  # no character of the stretch starts where a UTF-8 one does
        if offset == len(whole):
            fixed = ""
        elif 0xC2 <= whole[offset] <= 0xF4 or (offset == 0 and whole[0] < 0x80):
            try:
                fixed = whole[offset:].decode("utf-8")
            except UnicodeDecodeError:
                offset += len(part or b"")
                continue
        else:
            offset += len(part or b"")
            continue
        if sum(ch >= "\u0080" for ch in fixed) < least or not all(_is_text(ch) for ch in fixed):
            return None
        original = body[first + k :]
        if fixed and per_char(fixed) <= per_char(original) + GAIN:
            return None
        return fixed, first + k, " ".join([data[len(whole) :].hex(" ")] * bool(cut) + ["??"] * marks)
    return None


def _misread_before(stretch: str) -> bool:
    """Is the stretch before an inner mark UTF-8 read as GBK (``MIN_CHARS`` characters beyond ASCII
    read from its bytes, the mark's character the only one short)? Then the cut character after
    the mark may be all the bytes left: a page read the other way (GBK as UTF-8) shows marks too,
    and characters whose GBK bytes end in a lead (顣 is ee 95), but no UTF-8 before them."""
    parts = [_pair(ch) for ch in stretch]
    k = len(parts)
    while k and parts[k - 1]:
        k -= 1
    data = b"".join(parts[k:])
    for at in range(min(3, len(data))):
        read = data[at:].decode("utf-8", errors="replace")
        if read.count("\ufffd") <= 1 and sum(ch > "\u007f" and ch != "\ufffd" for ch in read) >= MIN_CHARS:
            return True
    return False


def _dangling(data: bytes) -> tuple[int, int]:
    """(how many bytes at the end of ``data`` are a UTF-8 lead and fewer continuation bytes than
    it asks for, how many more it asks for); (0, 0) if the bytes end whole."""
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if 0x80 <= byte <= 0xBF:
            continue
        size = 2 if 0xC2 <= byte <= 0xDF else 3 if 0xE0 <= byte <= 0xEF else 4 if 0xF0 <= byte <= 0xF4 else 0
        return (back, size - back) if size > back else (0, 0)
    return 0, 0


def _is_text(ch: str) -> bool:
    """A character running Chinese text holds: a letter (Han among them), a digit or punctuation."""
    return unicodedata.category(ch)[0] in "LNP" and not ("\ue000" <= ch <= "\uf8ff")
