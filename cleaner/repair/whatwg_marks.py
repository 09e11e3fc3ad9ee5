"""UTF-8 read by a browser's two-byte decoder (the WHATWG Encoding Standard's big5, Shift_JIS,
EUC-KR and EUC-JP): marks that may stand for two bytes, cut into UTF-8 characters.

Python's decoders write one U+FFFD per byte they reject (``utf8_marks``): a lead whose next byte
completes no code is marked alone, and the next byte read again. The standard's decoders do not:
a lead whose next byte completes no code gives one U+FFFD that swallows that next byte too unless
it is ASCII (then the ASCII byte is read again); a high byte that neither stands alone nor leads
is one mark of its own; EUC-JP's 8f leads three bytes, and a failed one swallows its second and
third (an ASCII third is read again). Through big5 UTF-8 Chinese comes out with a mark on every
other character, most marks two bytes (a character's last byte and the next one's lead: UTF-8's
leads e4-e9 are Big5 trails, its continuation bytes 81-86 leads no pair has); through EUC-JP
every continuation byte 80-a0 is a mark of its own, and a lead a1-fe before one a mark of two.
``utf8_marks``' path, which takes each mark for one byte, never parses them (errors per 1,000 on
whole pages: about 1,000 through big5, 1,634 through EUC-JP).

So each decoder is described once (``Browser``): the high bytes it rejects alone, the bytes that
lead a code, its codes. From that, a mark in the middle of a run is one of the shapes the decoder
can have consumed: one byte it rejects alone; two unknown bytes, a lead and a byte that is no
ASCII, which together are no code of the table when one character holds both; for EUC-JP three,
8f, a second byte a1-fe and a third that is no ASCII. A mark before ASCII or the line's end may
also be one lead alone. The cheapest path over the run's byte places (``utf8_marks``' costs)
chooses where characters begin, and ``utf8_marks`` fills the characters with marks from the
model's vocabulary and chooses them jointly, as for Python's decoders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cleaner.repair.multi_byte_marks import HIGH, byte_class, packed

LOST = "\ufffd"


@dataclass(frozen=True)
class Browser:
    """What one of the standard's two-byte decoders consumes with a mark."""

    name: str  # the decoder's name in the damage matrix
    codec: str  # the Python codec whose table it reads (the view re-encodes read characters with it)
    alone: frozenset[int]  # high bytes it rejects on their own, whatever follows: a mark of one byte
    leads: frozenset[int]  # bytes that lead a two-byte code
    trails: frozenset[int]  # second bytes a two-byte code may have
    three: frozenset[int] = frozenset()  # leads of three-byte codes (EUC-JP's 8f)
    three_second: frozenset[int] = frozenset()  # their second bytes


def _span(lo: int, hi: int) -> frozenset[int]:
    return frozenset(range(lo, hi + 1))


BROWSERS = (
    # Big5-HKSCS's table; 81-fe lead a pair with 40-7e or a1-fe; 80 and ff alone.
    Browser("whatwg-big5", "big5hkscs", frozenset((0x80, 0xFF)), _span(0x81, 0xFE), _span(0x40, 0x7E) | _span(0xA1, 0xFE)),
    # 80 is U+0080 and a1-df halfwidth katakana, read alone; 81-9f and e0-fc lead a pair with
    # 40-7e or 80-fc; a0 and fd-ff alone.
    Browser("whatwg-shift_jis", "cp932", frozenset((0xA0, 0xFD, 0xFE, 0xFF)), _span(0x81, 0x9F) | _span(0xE0, 0xFC),
            _span(0x40, 0x7E) | _span(0x80, 0xFC)),
    # Unified Hangul Code: 81-fe lead a pair with 41-fe; 80 and ff alone.
    Browser("whatwg-euc-kr", "cp949", frozenset((0x80, 0xFF)), _span(0x81, 0xFE), _span(0x41, 0xFE)),
    # 8e before a1-df a halfwidth katakana, a1-fe lead a JIS X 0208 pair with a1-fe, 8f three
    # bytes (JIS X 0212); every other high byte alone.
    Browser("whatwg-euc-jp", "euc_jp", _span(0x80, 0x8D) | _span(0x90, 0xA0) | {0xFF}, _span(0xA1, 0xFE) | {0x8E},
            _span(0xA1, 0xFE), frozenset((0x8F,)), _span(0xA1, 0xFE)),
)
BY_NAME = {b.name: b for b in BROWSERS}
NAMES = tuple(BY_NAME)
# The big5 one, as earlier sessions named it.
NAME = "whatwg-big5"
CODEC = BY_NAME[NAME].codec

# What an unknown byte of the view is: a byte rejected alone, a lead alone (before ASCII or the
# end of the run), the first or second of a mark of two bytes, the first, second or third of a
# mark of three.
ONE, ALONE, FIRST, SECOND, THREE_1, THREE_2, THREE_3 = "1", "l", "a", "b", "x", "y", "z"
MARK, END_MARK = "m", "e"  # a mark's first place in the view, inside the run and at its end
# Characters a character with marks keeps, likeliest first: a mark of two bytes leaves a whole
# row of UTF-8 open (元, e5 85 83, is not among e5's likeliest 48). 48 → 128: 425 → 410 errors per
# 1,000 on whole pages (browser big5; measured paragraphs the reported figures do not read, --skip 40).
MAX_CANDIDATES = 128
# Bytes UTF-8 holds: continuation bytes and leads.
_UTF8 = _span(0x80, 0xBF) | _span(0xC2, 0xF4)


def width(browser: Browser) -> int:
    """Byte places the view gives each mark: its widest shape."""
    return 3 if browser.three else 2


def kinds(marked: list[int | None]) -> list[int | str]:
    """The decoder's view of a run (``utf8_marks._view``: its bytes, None at each mark) with a
    kind for each mark: ``MARK``, and ``END_MARK`` for the run's last character (before ASCII or
    the line's end, where a lead alone is a mark too)."""
    last = len(marked) - 1
    return [b if b is not None else END_MARK if k == last else MARK for k, b in enumerate(marked)]


def expand(view: list[int | str], browser: Browser) -> list[int | str]:
    """Each mark given a place for each byte it may hold past its first (-1, -2: its second and
    third), so a place is one byte's."""
    out: list[int | str] = []
    for item in view:
        out.append(item)
        if item in (MARK, END_MARK):
            out += [-k for k in range(1, width(browser))]
    return out


def steps(view: list[int | str], node: int, browser: Browser) -> list[tuple[int | None, str, int]]:
    """The ways to read one byte at place ``node`` of ``view``: (byte or None, kind, next place).
    A mark's place leads on to the place after its widest shape once its shape is read."""
    item = view[node]
    if isinstance(item, int) and item >= 0:
        return [(item, "", node + 1)]
    if isinstance(item, int):  # a later byte of the mark begun -item places before
        start = node + item
        after = start + width(browser)
        if item == -1:
            found: list[tuple[int | None, str, int]] = [(None, SECOND, after)]
            if browser.three:
                found.append((None, THREE_2, node + 1))
            return found
        return [(None, THREE_3, after)]
    after = node + width(browser)
    alone = sorted(browser.alone & _UTF8)
    found = [(alone[0], "", after)] if len(alone) == 1 else [(None, ONE, after)] if alone else []
    if item == END_MARK:  # before ASCII: a lead alone
        found.append((None, ALONE, after))
    found.append((None, FIRST, node + 1))
    if browser.three:
        found.append((None, THREE_1, node + 1))
    return found


def walks(view: list[int | str], node: int, length: int, browser: Browser) -> list[tuple[tuple[int | None, ...], tuple[str, ...], int]]:
    """Every way to read ``length`` bytes from ``node``: (bytes, their kinds, the place after)."""
    found: list[tuple[tuple[int | None, ...], tuple[str, ...], int]] = []

    def walk(at: int, part: tuple, kinds: tuple) -> None:
        if len(part) == length:
            found.append((part, kinds, at))
            return
        if at >= len(view):
            return
        for b, kind, nxt in steps(view, at, browser):
            walk(nxt, (*part, b), (*kinds, kind))

    walk(node, (), ())
    return found


@lru_cache(maxsize=None)
def _codes(name: str) -> frozenset[int]:
    """The decoder's two-byte codes (lead << 8 | trail) it reads as one character, and its
    three-byte ones (first << 16 | second << 8 | third). Kept on disk (``tablecache``; its key
    holds the Python version, whose codecs made them): their decodes took 15-30 ms a decoder in
    every process that read a browser's marks."""
    from cleaner.tablecache import cached

    return frozenset(cached(f"whatwg-codes-{name}", [__file__], "1", lambda: sorted(_built_codes(name))))


def _built_codes(name: str) -> set[int]:
    browser = BY_NAME[name]
    found = set()
    for lead in browser.leads:
        for trail in browser.trails:
            if lead == 0x8E and browser.three and not 0xA1 <= trail <= 0xDF:
                continue  # EUC-JP's 8e leads only halfwidth katakana
            if _one(bytes((lead, trail)), browser.codec):
                found.add(lead << 8 | trail)
    for first in browser.three:
        for second in browser.three_second:
            for third in browser.three_second:
                if _one(bytes((first, second, third)), browser.codec):
                    found.add(first << 16 | second << 8 | third)
    return found


def _one(data: bytes, codec: str) -> bool:
    try:
        return len(data.decode(codec)) == 1
    except UnicodeDecodeError:
        return False


def fits(data: bytes, part: tuple[int | None, ...], kinds: tuple[str, ...], browser: Browser) -> bool:
    """Does ``data``, a character's bytes, fit ``part`` (None where unknown) with each unknown
    byte of the kind ``kinds`` says, under ``browser``'s rules? One character at a time: GBK's and
    Big5's (``legacy_browser_marks``); ``fitting`` asks the same of UTF-8's vocabulary at once."""
    codes = _codes(browser.name)
    n = len(part)
    for k, b in enumerate(part):
        if b is not None:
            continue
        kind, x = kinds[k], data[k]
        if kind == ONE and x not in browser.alone:
            return False
        if kind in (FIRST, ALONE) and x not in browser.leads:
            return False
        if kind in (SECOND, THREE_3) and x < 0x80:
            return False
        if kind == THREE_1 and x not in browser.three:
            return False
        if kind == THREE_2 and x not in browser.three_second:
            return False
        # Where one character holds the whole mark, its bytes are no code: they would have been read.
        if kind == FIRST and k + 1 < n and kinds[k + 1] == SECOND and (x << 8 | data[k + 1]) in codes:
            return False
        # A lead alone before an ASCII byte the character holds (a GBK or Big5 trail 40-7e): the
        # two are no code either.
        if kind == ALONE and k + 1 < n and data[k + 1] < 0x80 and (x << 8 | data[k + 1]) in codes:
            return False
        if kind == THREE_1 and k + 2 < n and (x << 16 | data[k + 1] << 8 | data[k + 2]) in codes:
            return False
    return True


@lru_cache(maxsize=1 << 16)
def fitting(part: tuple[int | None, ...], kinds: tuple[str, ...], name: str = NAME) -> tuple[str, ...]:
    """The characters the model has seen whose UTF-8 bytes fit ``part`` (known bytes as they
    are, each unknown one as its kind allows under decoder ``name``), likeliest first.

    The vocabulary's characters with ``part``'s known bytes are searched as one string of their
    bytes (``multi_byte_marks.packed``) by a pattern of a byte class a place (``_shape``): each place's own test
    at C speed, where a loop over them in Python asked some 600 characters a call, each call a new
    part (a tenth of a crawl page's repairs). Only the matches are asked the tests of two or three
    places together, that one character does not hold the whole mark (a code of the table).
    tests/reference_whatwg_marks.py holds the loop it replaces, which the tests hold this to."""
    length = len(part)
    known = tuple(k for k in range(length) if part[k] is not None)
    packed_bytes, chars = packed(length, known, tuple(part[k] for k in known))  # type: ignore[misc]
    if not chars:
        return ()
    shape, pairs, triples = _shape(kinds, tuple(b is None for b in part), name)
    codes = _codes(name) if pairs or triples else frozenset()
    found: list[str] = []
    step = length + 1
    for m in shape.finditer(packed_bytes):
        data = m.group()
        if any((data[k] << 8 | data[k + 1]) in codes for k in pairs):
            continue
        if any((data[k] << 16 | data[k + 1] << 8 | data[k + 2]) in codes for k in triples):
            continue
        found.append(chars[m.start() // step])
        if len(found) == MAX_CANDIDATES:
            break
    return tuple(found)


@lru_cache(maxsize=1 << 10)
def _shape(kinds: tuple[str, ...], unknown: tuple[bool, ...], name: str) -> tuple[re.Pattern[bytes], tuple[int, ...], tuple[int, ...]]:
    """For each place's kind, where its byte is ``unknown``: the pattern of a character's bytes
    that each unknown place's test allows (a known place: any high byte, the packed characters'
    own), and the unknown places where a pair (``FIRST`` before ``SECOND``) or three bytes
    (``THREE_1``) must be no code of the decoder's table."""
    browser = BY_NAME[name]
    allowed = {ONE: browser.alone, FIRST: browser.leads, ALONE: browser.leads, THREE_1: browser.three,
               THREE_2: browser.three_second}
    n = len(kinds)
    places = b"".join(byte_class(allowed.get(kind, HIGH) if unknown[k] else HIGH) for k, kind in enumerate(kinds))
    pairs = tuple(k for k, kind in enumerate(kinds) if unknown[k] and kind == FIRST and k + 1 < n and kinds[k + 1] == SECOND)
    triples = tuple(k for k, kind in enumerate(kinds) if unknown[k] and kind == THREE_1 and k + 2 < n)
    return re.compile(places, re.DOTALL), pairs, triples
