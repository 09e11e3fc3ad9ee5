"""Line breaks inside a run of mojibake: the run read across the break, the break put back.

Why: misread text is often hard-wrapped AFTER the misreading (an e-mail or BBS archive at 60-80
columns, a tool that wraps at N characters or display columns, a CMS's <br> every so many bytes, a
PDF or Word export). The wrapper counts the characters it shows, so its break falls inside the
bytes of a source character as often as not: UTF-8 室 (e5 ae a4) read as GBK is 瀹 (e5 ae) and
や (a4 with the next character's first byte), and a break between them leaves each line's run a
character short of reading; the repairs read a line at a time and left 举荐 / ¡Œ, 瀹 / や粖.
``hardwrap.join_misread_wraps`` finds a paragraph wrapped at one width (its full lines and
misread clause marks show it): its breaks are taken out here too (a stage joined them for good
until session 32, where the clean text wrapped at the same places keeps some). A single cut,
irregular breaks, a wrap counted in columns, with an indent, or a break in a short misread span of
a clean line fall outside that width. A break right after a decoder's mark is not joined by width:
the mark says the decoder read the break's byte after a lead (the page was wrapped before it was
misread), and joined, the mark would stand for a lead the next line's first byte rejects.

A break is inside a run when the bytes across it parse where neither side's bytes do on their
own: in one of the byte views a wrong decoder leaves (the GBK and Big5 families' and the
single-byte view of ``decoders.encode_char``, and the Japanese and Korean code pages
``code_pages`` re-reads), either the left line ends in a UTF-8 lead byte short of its
continuation bytes and the right line starts with exactly those (``_straddles``), with a whole
UTF-8 character beside it on one side at least; or it ends a run of UTF-8 characters and the
right line starts one, two whole characters a side, of three bytes each as Chinese is (a run cut
at a character boundary, each half too short to be read alone; two-byte ones are a second
misreading's letters, UTF-8 shown as cp1252 twice, whose every line ends whole); or, in the single-byte view, the left line ends a run of high
bytes of odd length (a GBK or Big5 lead byte, the pairs counted from the run's start) and the
right line starts with a byte that completes a pair GBK or Big5 reads (``_dangling_lead``). A
U+FFFD is any byte. Clean Chinese is two-byte GBK, never the single-byte view, and its GBK bytes
make two whole UTF-8 characters a side by chance at about one break in 100 (Wikipedia wrapped at
30-76: 310 of 27,547; review31c, at 3-14: 2,547 of 207,350), each put back exactly.

Such a break (with a trailing space of its line and the next line's quote mark or indent) is taken
out before the repairs read the page (``join``), and put back after (``put_back``) at the
character boundary of the repaired text nearest, in bytes, to where it cut the misread text: an
unchanged stretch keeps it where it was, a re-read one puts it where its share of the stretch's
bytes falls (after a character on a tie). The break is never lost: whether the lines are one
paragraph is the hard-wrap stage's to decide later, as for clean wrapped text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from cleaner import hardwrap, pagefacts
from cleaner.repair.decoders import BIG5_FAMILY, GBK_FAMILY, SINGLE_FAMILY, encode_char, utf8_width

# The code pages whose views are read besides the three families: a Chinese page a Japanese or
# Korean tool showed (code_pages re-reads them by their codec).
OTHER_VIEWS = ("cp932", "cp949", "euc_jp")
FAMILIES = (GBK_FAMILY, BIG5_FAMILY, SINGLE_FAMILY)
VIEWS = (*FAMILIES, *OTHER_VIEWS)
EDGE = 6  # characters read on each side of a break
RUN_MAX = 400  # characters of a single-byte run counted for its pairs' parity
ANY = -1  # a U+FFFD: the byte is unknown

# What a wrapper writes around its break: spaces at the end of the line (``join`` strips them), and
# before the next line's text a quote's marks (an e-mail's "> ") and an indent.
_LEAD = re.compile(r"(?:>[ \t]?)*[ \t\u3000\xa0]*")


@lru_cache(maxsize=1 << 15)
def _char_bytes(ch: str, view: str) -> tuple[int, ...] | None:
    """The bytes a decoder of ``view`` read as ``ch`` (U+FFFD: one unknown byte), else None."""
    if ch == "\ufffd":
        return (ANY,)
    if view not in FAMILIES:  # a code page read by its codec
        try:
            data = ch.encode(view)
        except UnicodeEncodeError:
            return None
    else:
        data = encode_char(ch, view)
    if not data or (len(data) == 1 and data[0] < 0x80):
        return None  # ASCII ends a run: it is read as itself in every view
    return tuple(data)


def _run_bytes(chars: str, view: str) -> tuple[list[int], bool]:
    """The bytes of ``chars`` in ``view`` as far as each character has some, and whether the run
    ended before them (a character the view has none for)."""
    out: list[int] = []
    for ch in chars:
        data = _char_bytes(ch, view)
        if data is None:
            return out, True
        out.extend(data)
    return out, False


def _is_cont(b: int) -> bool:
    return b == ANY or 0x80 <= b <= 0xBF


def _need(lead: int) -> int:
    """Continuation bytes a UTF-8 lead byte takes (0: no lead; ANY, an unknown byte, none)."""
    return max(0, utf8_width(lead) - 1)


def _whole_forward(data: list[int], start: int, most: int = 2, least: int = 2) -> int:
    """Whole UTF-8 characters of ``least`` bytes or more that ``data`` holds from ``start`` on (up to ``most``)."""
    n, i = 0, start
    while n < most and i < len(data) and data[i] != ANY:
        need = _need(data[i])
        if need + 1 < least or i + 1 + need > len(data) or not all(_is_cont(b) for b in data[i + 1 : i + 1 + need]):
            break
        n, i = n + 1, i + 1 + need
    return n


def _whole_backward(data: list[int], end: int, most: int = 2, least: int = 2) -> int:
    """Whole UTF-8 characters of ``least`` bytes or more that ``data[:end]`` ends with (up to ``most``)."""
    n, i = 0, end
    while n < most and i > 0:
        k = i - 1
        while k >= 0 and i - k <= 4 and _is_cont(data[k]):
            k -= 1
        if k < 0 or data[k] == ANY or i - k < max(2, least) or _need(data[k]) != i - k - 1:
            break
        n, i = n + 1, k
    return n


def _straddles(left: list[int], right: list[int], left_ends: bool, right_ends: bool) -> bool:
    """Does a UTF-8 character start at the end of ``left`` and end at the start of ``right``, with a
    whole UTF-8 character beside it on each side? ``left_ends`` / ``right_ends``: the side's run
    ends with these bytes (the character before them is ASCII or none the view has). One
    continuation byte may be gone at the cut (a decoder with ``errors="ignore"`` dropped it), then
    with whole characters on both sides."""
    k = len(left) - 1
    while k >= 0 and len(left) - k <= 3 and _is_cont(left[k]):
        k -= 1
    if k < 0 or left[k] == ANY:
        return False
    rest = _need(left[k]) - (len(left) - k - 1)
    if rest <= 0:
        return False
    before = _whole_backward(left, k, 1)
    for got in (rest, rest - 1):
        if got < 1 or len(right) < got or not all(_is_cont(b) for b in right[:got]):
            continue
        if got < rest and (len(right) == got or _is_cont(right[got])):
            continue  # not short: the next byte goes on as a continuation
        after = _whole_forward(right, got, 1)
        if got < rest:
            return bool(before and after)
        # A whole character each side; or on one side, where the other side's bytes end with the
        # straddling character's (a short span misread inside a clean line).
        if (before or left_ends and k == 0) and (after or right_ends and got == len(right)):
            return True
    return False


def _rejected_at_break(left_text: str, right_text: str) -> bool:
    """Did a two-byte decoder that drops what it rejects (``errors="ignore"``) read this break as it
    stands: in the GBK or Big5 view, does the left line end with a whole UTF-8 character and then
    one short of its last byte, and the right line start with no continuation byte? A wrapper that
    broke the misread text put the break between bytes it kept: where a character is cut short,
    its other bytes start the next line. Here they start nowhere: the break was in the source, and
    the decoder dropped the lead byte it rejected (北 before a break is e5 8c 97 0a: GBK reads e5 8c,
    refuses 97 before 0a). Joined, the hole is read as if the lead stood before the next line's
    first byte, where GBK would have paired them, so the one candidate the bytes allow is never
    asked (上北 / 京 came back 上匀京)."""
    tail, head = left_text[-EDGE:], right_text[:EDGE]
    for view in (GBK_FAMILY, BIG5_FAMILY):
        left, _ = _tail_bytes(tail, view)
        k = len(left) - 1
        while k >= 0 and len(left) - k <= 3 and 0x80 <= left[k] <= 0xBF:
            k -= 1
        if k < 0 or left[k] == ANY or _need(left[k]) - (len(left) - k - 1) != 1:
            continue
        if not _whole_backward(left, k, 1):
            continue
        first = head[:1]
        if not first:
            return False  # nothing after the break (a line of a quote's marks or an indent only)
        data = (ord(first),) if first.isascii() else _char_bytes(first, view)
        if data and data[0] != ANY and not _is_cont(data[0]):
            return True
    return False


def _continues(left: list[int], right: list[int], least: int = 2) -> bool:
    """Does a run of UTF-8 go on across the break between two of its characters: whole characters
    (of ``least`` bytes or more) before and after it, three at least? In the single-byte view only,
    where clean Chinese has no bytes (a line a GBK decoder made ends at a source line's end with a
    mark, 銆\ufffd for 。, and joined there the repairs read across two paragraphs). A short run
    read with the rest of its line reads where alone it was too short."""
    before, after = _whole_backward(left, len(left), least=least), _whole_forward(right, 0, least=least)
    return bool(before and after and before + after >= 3)


def _pair_reads(lead: int, trail: int) -> bool:
    pair = bytes((lead, trail))
    for codec in ("gbk", "cp950"):
        try:
            if len(pair.decode(codec)) == 1:
                return True
        except UnicodeDecodeError:
            pass
    return False


def _dangling_lead(left_text: str, right_text: str) -> bool:
    """In the single-byte view, does the left line end in a two-byte code's lead byte (its codes
    paired from the run's start, a lead taking the byte after it, an ASCII trail 40-7e included)
    that the right line's first byte completes, after three high bytes at least?"""
    last = _char_bytes(left_text[-1], SINGLE_FAMILY) if left_text else None
    if last is None or len(last) != 1 or last[0] < 0x81:
        return False  # (clean Chinese: its characters are no single byte)
    left, _ = _tail_bytes(left_text[-EDGE:], SINGLE_FAMILY)
    right, _ = _run_bytes(right_text[:EDGE], SINGLE_FAMILY)
    if _continues(left, right):
        return False  # UTF-8 cut between two of its characters (。《 shown as ã€‚ã€Š), no GBK lead
    view = []
    for ch in left_text[-RUN_MAX:]:
        data = (ord(ch),) if ch.isascii() else _char_bytes(ch, SINGLE_FAMILY)
        view.append(data[0] if data and len(data) == 1 else None)
    # Paired from after the last two ASCII bytes in a row (no trail is followed by a trail).
    start = 0
    for i in range(len(view) - 1, 0, -1):
        if view[i] is not None and view[i - 1] is not None and view[i] < 0x80 and view[i - 1] < 0x80:
            start = i + 1
            break
    i, high, lead = start, 0, None
    while i < len(view):
        b = view[i]
        if b is None or b == ANY:
            i, high, lead = i + 1, 0, None
            continue
        if b >= 0x81 and i + 1 < len(view) and view[i + 1] is not None and view[i + 1] >= 0x40 and view[i + 1] != 0x7F:
            high, i = high + 1 + (view[i + 1] >= 0x80), i + 2
            continue
        lead = b if b >= 0x81 and i == len(view) - 1 else None
        high = high + 1 if b >= 0x80 else 0
        i += 1
    if lead is None or high < 3:
        return False
    first = right_text[:1]
    if first.isascii():
        trail = ord(first)
        if not 0x40 <= trail <= 0x7E:
            return False
    else:
        data = _char_bytes(first, SINGLE_FAMILY)
        if data is None or data == (ANY,):
            return False
        trail = data[0]
    return _pair_reads(lead, trail)


@lru_cache(maxsize=1)
def _misread_near() -> re.Pattern:
    """A character a misread run shows near a break: rare to the model (mojibake of a two-byte or
    CJK decoder), a Latin letter or sign beyond ASCII (a single-byte decoder's), or a mark."""
    from cleaner.repair.mojibake import _rare_char

    source = _rare_char().pattern
    assert source.startswith("[^\\x00-\\u024f"), "the rare class's lead changed"
    return re.compile(f"{source}|[\\x80-\\u024f\\u2013-\\u203a\\u20ac\\u2122\\ufffd]")


def _inside_run(left_text: str, right_text: str, near_only: bool = False) -> bool:
    """Is the break between ``left_text`` and ``right_text`` inside a run of misread bytes?
    ``near_only``: on a page with no decoder's mark, only where a misread character stands within
    EDGE of the break (a Big5 decoder's reading of UTF-8 shows common Traditional characters
    between its marks, so a marked page is asked of every break)."""
    if not left_text or not right_text or left_text[-1].isascii():
        return False
    if right_text[0].isascii():
        return _dangling_lead(left_text, right_text)
    tail, head = left_text[-EDGE:], right_text[:EDGE]
    if near_only and not _misread_near().search(tail + head):
        return _dangling_lead(left_text, right_text)  # common Chinese both sides: clean text's break
    for view in VIEWS:
        left, left_ends = _tail_bytes(tail, view)
        right, right_ends = _run_bytes(head, view) if left else ([], False)
        if right and _straddles(left, right, left_ends or len(tail) == len(left_text), right_ends or len(head) == len(right_text)):
            return True
        # Chinese is three bytes a character: a run of two-byte ones is itself a misreading's letters
        # (UTF-8 shown as cp1252 twice, Ã§Â¾ for ç¾, every line ends and starts whole), and its
        # breaks are the text's own; joined, the repaired lines took them back at wrong places.
        if view == SINGLE_FAMILY and right and _continues(left, right, least=3):
            return True
    return _dangling_lead(left_text, right_text)


def _tail_bytes(tail: str, view: str) -> tuple[list[int], bool]:
    """The bytes of ``tail``'s last characters in ``view``, back to the first one it has none for,
    and whether the run began there."""
    out: list[int] = []
    for ch in reversed(tail):
        data = _char_bytes(ch, view)
        if data is None:
            return out, True
        out[:0] = data
    return out, False


@dataclass(frozen=True)
class Cut:
    at: int  # offset in the joined text where the break stood
    removed: str  # what was taken out: trailing spaces, the break, the next line's quote mark or indent


# What a page shows where a single-byte decoder read UTF-8 or a two-byte code: a lead byte's Latin
# letter (c2-f4) and the byte after it (ä¸, ÖÐ). With a rare character (the two-byte decoders'
# mojibake) or a U+FFFD, the page's one scan says whether any break needs its bytes read at all.
# Rare to the model are also a clean page's 「」【】 and its names' characters: 241 of the 256 clean
# crawl pages pass (review31c); on an unmarked page only breaks near a misread character are read
# (``_inside_run``'s ``near_only``).
# The lead may end a line whose next line (after a wrapper's trailing space, quote mark or indent)
# starts with the byte after it.
_LATIN_PAIR = re.compile("[\u00c2-\u00f4](?:[ \t]*\r?\n(?:>[ \t]?)*[ \t\u3000\xa0]*)?[\u0080-\u02ff\u2013-\u203a\u20ac\u2122]")


_holds_mark = pagefacts.any_of(re.compile("\ufffd"))
_holds_latin_lead = pagefacts.any_of(re.compile("[\u00c2-\u00f4]"))


def _may_hold_runs(text: str) -> bool:
    from cleaner.repair.mojibake import _holds_rare

    return _holds_mark(text) or _holds_latin_lead(text) and _LATIN_PAIR.search(text) is not None or _holds_rare(text)


def join(text: str) -> tuple[str, list[Cut]]:
    """``text`` with each break inside a run of misread bytes taken out, and where they were."""
    if "\n" not in text or not _may_hold_runs(text):
        return text, []
    lines = text.split("\n")
    # A clean page passes the gate above on its names' rare characters and its 「」: most of its
    # breaks stand between common characters, which no misread run shows (180 -> 96 us a clean
    # crawl page, review31c).
    near_only = not _holds_mark(text)
    # On such a page only the breaks ``_breaks_to_read`` names can be inside a run, besides those
    # whose edge reads on past a short line or a joined one (``_read_on``, a cut before): the
    # others are passed over without a look at their lines (every break of a clean page was read,
    # 86-240 us a clean crawl page). tests/reference_cut_runs.py reads every break.
    hot = _hot_lines(text) if near_only else None
    asked = None if hot is None else _next_to(hot, len(lines))
    if asked is not None and not asked:
        return text, []
    by_width = _joined_by_width(text, lines)
    looked = None if hot is None else asked | by_width | _short_breaks(lines, hot)
    out: list[str] = [lines[0]]
    cuts: list[Cut] = []
    size = len(lines[0])
    joined = False  # the break before this one was taken out
    for k, line in enumerate(lines[1:]):
        if looked is not None and not joined and k not in looked:
            # Neither asked nor short nor after a cut: the loop below would find it unread and
            # keep it, without its two regexes a line (most of a clean page's breaks).
            out.append(line)
            size += 1 + len(line)
            continue
        previous = out[-1]
        # The line's trailing spaces (a search for ``[ \t]*$`` tried every character of the line: at each
        # break read, 2-4 µs a line, and a joined line grows).
        trail = previous[len(previous.rstrip(" \t")):]
        lead = _LEAD.match(line).group()
        left, right = previous[: len(previous) - len(trail)], line[len(lead):]
        read = asked is None or k in asked or joined or len(right.rstrip(" \t")) < EDGE
        joined = True
        # A decoder's mark right before the break says the break was there when the page was read
        # (a two-byte lead rejected for the break's byte, 0a): the page was wrapped before it was
        # misread, and joined, the mark would be taken as rejected by the next line's first byte
        # (告诉 wrapped before 我: its lost 89 is no lead before e6, and came back 告诫). A decoder
        # that drops what it rejects leaves no mark: ``_rejected_at_break`` reads the bytes instead.
        if k in by_width and not left.endswith("\ufffd") and not _rejected_at_break(left, right):
            # A paragraph of one width: joined as ``join_misread_wraps`` joins it (the line's
            # quote marks go with the break; a trailing space too, which would cut the run), and
            # its breaks put back after the repairs too.
            quote = hardwrap._quote(line)
            size -= len(trail)
            cuts.append(Cut(size, trail + "\n" + quote))
            out[-1] = previous[: len(previous) - len(trail)] + line[len(quote):]
            size += len(line) - len(quote)
        elif read and _inside_run(left, _read_on(right, lines, k + 2), near_only):
            size -= len(trail)
            cuts.append(Cut(size, trail + "\n" + lead))
            out[-1] = left + right
            size += len(right)
        else:
            joined = False
            out.append(line)
            size += 1 + len(line)
    if not cuts:
        return text, []
    return "\n".join(out), cuts


# What a misread run shows near a break besides the rare class (``_misread_near``), and every
# character the single-byte view reads as one byte 81-ff (one may be a two-byte code's lead:
# ``_dangling_lead``), as one class of the page's scan.
_SINGLE_HIGH = sorted({bytes([b]).decode(codec, "ignore") for codec in ("cp1252", "latin-1", "cp1250") for b in range(0x81, 0x100)} - {""})
_MISREAD_SHOWN = re.compile("[\x80-\u024f\u2013-\u203a\u20ac\u2122\ufffd" + re.escape("".join(_SINGLE_HIGH)) + "]")
_lines_with_rare = pagefacts.lines_with(lambda: _rare_near(), 1)
_lines_with_shown = pagefacts.lines_with(_MISREAD_SHOWN, 1)


def _rare_near() -> re.Pattern:
    from cleaner.repair.mojibake import _rare_char

    return _rare_char()


def _breaks_to_read(text: str, lines: list[str]) -> set[int]:
    """The breaks (after line k) that ``_inside_run`` with ``near_only`` may find inside a run,
    when no break before them was: it reads the last EDGE characters of line k and the first of
    line k + 1 only, and finds none unless one of them is a misread character (``_misread_near``)
    or line k ends in a byte of the single-byte view (``_dangling_lead``'s first test). Two native
    line scans a page; tests/test_cut_runs.py holds the join to the one of every break."""
    return _next_to(_hot_lines(text), len(lines))


def _hot_lines(text: str) -> set[int]:
    """The lines holding a misread character (``_misread_near``) or a byte of the single-byte view."""
    return {*_lines_with_rare(text), *_lines_with_shown(text)}


def _next_to(hot: set[int], count: int) -> set[int]:
    """The breaks (after line k, of ``count`` lines) beside a hot line."""
    return {k for h in hot for k in (h - 1, h) if 0 <= k < count - 1}


def _short_breaks(lines: list[str], hot: set[int]) -> set[int]:
    """The breaks (after line k) before a line that may be shorter than EDGE once its quote marks
    and indent are off, whose edge ``join`` reads on into the lines after it (``_read_on``), and
    that may find a run there: one of those next EDGE lines is hot (each adds a character to the
    edge at least; lines k and k + 1 name the break in ``_breaks_to_read`` already). A line is
    taken as short if it is with all of a lead's characters stripped from its start (that strips
    the lead and maybe more); an empty one is not: nothing follows its break to read across
    (``_inside_run`` finds none). Read without these, a clean page's every short line (a heading,
    a byline, a row of links) cost its break two regexes and a read."""
    return {k - 1 for k in range(1, len(lines))
            if lines[k] and len(lines[k].lstrip(_LEAD_CHARS).rstrip(" \t")) < EDGE
            and any(h in hot for h in range(k + 1, k + 1 + EDGE))}


_LEAD_CHARS = "> \t\u3000\xa0"  # every character _LEAD may take


def _read_on(right: str, lines: list[str], after: int) -> str:
    """``right`` (a line's text after its quote mark and indent) and, while it is shorter than the
    EDGE a break is read by, the text of the lines after it (from ``lines[after]`` on, each after
    its mark and indent; up to a blank line): a wrapper's line can hold less than a character's
    bytes (年 then 第, e5 b9 b4 e7 ac ac, shown 骞 / 寸 / ��, 寸 being b4 e7), and read alone
    neither of its breaks parsed."""
    seen = right
    while right and len(seen) < EDGE and after < len(lines):
        body = lines[after][len(_LEAD.match(lines[after]).group()):].rstrip(" \t")
        if not body:
            break
        seen, after = seen + body, after + 1
    return seen


def _joined_by_width(text: str, lines: list[str]) -> set[int]:
    """The breaks (after line k) that ``hardwrap.join_misread_wraps`` joins: a paragraph of
    mojibake wrapped at one width (its lines show the width), whose breaks are taken out as that
    join takes them, whether or not their bytes parse across."""
    joined = hardwrap.join_misread_wraps(text)
    if joined == text:
        return set()
    # The join takes out breaks and, on the lines it joins, a quote's marks: the input lines each
    # output line holds, by their lengths.
    out, k = set(), 0
    for line in joined.split("\n"):
        covered = len(lines[k])
        while covered < len(line) and k + 1 < len(lines):
            out.add(k)
            k += 1
            covered += len(lines[k]) - len(hardwrap._quote(lines[k]))
        k += 1
    return out


def _weight(ch: str) -> int:
    """Bytes a wrong decoder read as ``ch``, as far as it matters here: one for what a single-byte
    view shows (and U+FFFD, half-width katakana), two for the two-byte decoders' characters."""
    if ch.isascii() or ch == "\ufffd" or "\uff61" <= ch <= "\uff9f" or encode_char(ch, SINGLE_FAMILY):
        return 1
    return 2


# A stretch both texts share is an anchor only from this many characters on: a misread run holds
# characters that also stand in its reading by chance (北 in 北涓溿 and in 河北), and matched there
# the rewritten stretches around it would be cut in the wrong places.
ANCHOR = 3


def _anchors(old: str, new: str) -> list[tuple[int, int, int]]:
    """The stretches ``old`` and ``new`` share (ANCHOR characters or more), in order, and the end."""
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    return [blk for blk in blocks if blk[2] >= ANCHOR] + [(len(old), len(new), 0)]


def _place(old: str, new: str, at: int) -> int:
    """Where offset ``at`` of ``old`` falls in ``new``, its rewriting: the same place in a stretch
    both share; in a rewritten stretch the boundary whose share of the new stretch's bytes is
    nearest the old stretch's bytes before ``at`` (the later boundary on a tie); at the edge of a
    stretch only one of them holds (a character put in at the break: a lost byte guessed), after it."""
    i = j = 0
    for a, b, size in _anchors(old, new):
        if at == a:
            return b
        if at == i:
            return j
        if i < at < a:
            return j + _share(old[i:a], new[j:b], at - i)
        if a < at < a + size:
            return b + at - a
        i, j = a + size, b + size
    return len(new)


def _share(old: str, new: str, at: int) -> int:
    """The boundary of ``new`` (a rewritten stretch) nearest, in bytes, to offset ``at`` of ``old``
    (what was misread there): placed first by the share of the stretches' bytes, then made exact
    by the bytes themselves, in a window about it (``_by_bytes``)."""
    before = sum(map(_weight, old[:at]))
    total_old = sum(map(_weight, old))
    # The new stretch's bytes as UTF-8 wrote it, or as a two-byte code page did (GBK, Big5): the
    # one nearer the old stretch's bytes (the source the misread bytes were).
    utf8 = [len(ch.encode("utf-8", "surrogatepass")) for ch in new]
    pairs = [1 if ch.isascii() else 2 for ch in new]
    sizes = min(utf8, pairs, key=lambda sz: abs(sum(sz) - total_old))
    total_new = sum(sizes)
    if not total_old or not total_new:
        return len(new) if at else 0
    best, guess, done = None, 0, 0
    for k in range(len(new) + 1):
        gap = abs(done * total_old - before * total_new)
        if best is None or gap <= best:
            best, guess = gap, k
        if k < len(new):
            done += sizes[k]
    exact = _by_bytes(old, new, at, guess)
    return guess if exact is None else exact


WINDOW = 16  # characters of the misread text read on each side of a break to place it exactly
SOURCES = ("utf-8", "gb18030", "cp950")


def _char_list(text: str, encode) -> list[int] | None:
    out: list[int] = []
    for ch in text:
        data = encode(ch)
        if data is None:
            return None
        out.extend(data)
    return out


def _view_bytes(ch: str, view: str) -> tuple[int, ...] | None:
    return (ord(ch),) if ch.isascii() else _char_bytes(ch, view)


def _source_bytes(ch: str, codec: str) -> bytes | None:
    try:
        return ch.encode(codec)
    except UnicodeEncodeError:
        return None


_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _best_view(shown: str, read: str, views: tuple[str, ...]) -> tuple[int, str, str, list] | None:
    """(bytes shared, view, source, matching blocks) of the view of ``shown`` and the source of
    ``read`` that share the most bytes; None where no view has bytes for every character."""
    best = None
    for view in views:
        ob = _char_list(shown, lambda ch, v=view: _view_bytes(ch, v))
        if ob is None:
            continue
        for codec in SOURCES:
            nb = _char_list(read, lambda ch, c=codec: _source_bytes(ch, c))
            if nb is None:
                continue
            blocks = difflib.SequenceMatcher(None, ob, nb, autojunk=False).get_matching_blocks()
            matched = sum(size for _, _, size in blocks)
            if best is None or matched > best[0]:
                best = matched, view, codec, blocks
    return best


def _by_bytes(old: str, new: str, at: int, guess: int) -> int | None:
    """Offset ``at`` of ``old`` placed in ``new`` by their bytes: the misread window about it in the
    view whose bytes the source reading shares most of, the cut's byte taken to the same byte of
    the reading, and the boundary nearest it (the later on a tie). None: no view shares enough."""
    lo_o, hi_o = max(0, at - WINDOW), min(len(old), at + WINDOW)
    lo_n, hi_n = max(0, guess - 2 * WINDOW), min(len(new), guess + 2 * WINDOW)
    shown, read = old[lo_o:hi_o], new[lo_n:hi_n]
    best = _best_view(shown, read, VIEWS)
    if (best is None or 2 * best[0] < len(shown)) and not _CJK.search(shown):
        # Few bytes shared, and no two-byte decoder's Han, kana or hangul shown: a page a DOS or
        # Cyrillic console showed (cp852's ┐, which GBK has too), read by a code page no view
        # models: that page's bytes.
        from cleaner.repair.code_pages import best_code_page

        page = best_code_page(shown)
        other = _best_view(shown, read, (page,)) if page else None
        if other is not None and (best is None or other[0] > best[0]):
            best = other
    if best is None or best[0] < 4:
        return None
    _, view, codec, blocks = best
    cut = len(_char_list(old[lo_o:at], lambda ch: _view_bytes(ch, view)))
    prev_a = prev_b = 0
    target = None
    for a, b, size in blocks:
        if a <= cut <= a + size and size:
            target = b + cut - a
            break
        if cut < a:
            span = a - prev_a
            target = prev_b + ((cut - prev_a) * (b - prev_b) + span // 2) // max(1, span)
            break
        prev_a, prev_b = a + size, b + size
    if target is None:
        return None
    done, best_k, best_gap = 0, 0, None
    for k, ch in enumerate(read + "\0"):
        gap = abs(done - target)
        if best_gap is None or gap <= best_gap:
            best_gap, best_k = gap, k
        if k < len(read):
            done += len(_source_bytes(ch, codec))
    return lo_n + best_k


def put_back(joined: str, repaired: str, cuts: list[Cut], findings: list | None = None) -> tuple[str, int]:
    """``repaired`` (the repairs' reading of ``joined``) with the breaks ``join`` took out put back:
    (the text, how many fell in a stretch the repairs rewrote). ``findings`` (the repairs' findings
    on the joined text) have their positions moved past the breaks put back before them, in place."""
    if not cuts:
        return repaired, 0
    if joined == repaired:
        places = [c.at for c in cuts]
        moved = 0
    else:
        places, moved = _places(joined, repaired, cuts)
    out, last = [], 0
    shifts = []  # (offset in the repaired text, characters put back there)
    for place, cut in zip(places, cuts, strict=True):
        place = max(place, last)
        out.append(repaired[last:place])
        out.append(cut.removed)
        shifts.append((place, len(cut.removed)))
        last = place
    out.append(repaired[last:])
    for k, finding in enumerate(findings or ()):
        if finding.position >= 0:
            moved_by = sum(size for place, size in shifts if place <= finding.position)
            if moved_by:
                findings[k] = replace(finding, position=finding.position + moved_by)
    return "".join(out), moved


def _places(joined: str, repaired: str, cuts: list[Cut]) -> tuple[list[int], int]:
    """Each cut's offset in ``repaired``: line by line where the repairs kept the lines, else over
    the whole text; and how many fell inside a rewritten stretch."""
    old_lines, new_lines = joined.split("\n"), repaired.split("\n")
    places, moved = [], 0
    if len(old_lines) != len(new_lines):
        return [_place(joined, repaired, cut.at) for cut in cuts], len(cuts)
    old_starts, new_starts = _starts(old_lines), _starts(new_lines)
    k = 0
    for cut in cuts:
        while k + 1 < len(old_starts) and old_starts[k + 1] <= cut.at:
            k += 1
        old, new = old_lines[k], new_lines[k]
        offset = cut.at - old_starts[k]
        if old == new:
            place = offset
        else:
            place = _place(old, new, offset)
            moved += old[:offset] != new[:place] or old[offset:] != new[place:]
        places.append(new_starts[k] + place)
    return places, moved


def _starts(lines: list[str]) -> list[int]:
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts
