"""GBK and Big5 read by a browser's Shift_JIS, EUC-KR or EUC-JP decoder: each mark filled at the
character level, from the source's characters whose codes fit what the mark consumed.

The standard's decoders (``whatwg_marks``) swallow with one mark a lead and the byte after it
unless that byte is ASCII: through EUC-KR a GBK character whose pair cp949's table lacks (lead
c7-fe before a second byte 80-a0) goes whole into one U+FFFD, and ``code_pages``' pieces, which
take a mark for one byte, read everything after it out of step (GBK through the browser's EUC-KR:
128 errors per 1,000 on whole pages, Python's euc_kr 66). Filling such a mark byte by byte, every
lead with every second byte, cost thousands of fillings a mark (session 39, taken out).

So the run is read as ``utf8_marks`` reads UTF-8, with the source's grammar instead: the
browser's view (its known characters' bytes, each mark given the places of its widest shape,
``whatwg_marks.expand``) is cut by a cheapest path into the source's two-byte characters; a
character with unknown bytes gets the source characters the model has seen whose code fits
(known bytes as they are, each unknown byte as its kind in the browser's description allows:
``whatwg_marks.fits``), the likeliest ``WIDE``; ``holes.choose_ranked`` chooses them jointly.
The source (GBK or Big5) and the browser are the ones whose reading leaves fewest bytes over,
then the likeliest; a reading that leaves any byte over is none.

Python's decoders of the same tables (cp932, shift_jis, euc_jp, cp949, euc_kr) mark a byte a
mark, and read as a browser's, such a mark taken for two bytes still parses, often: the page,
not the run, says which kind of decoder made its marks (``_browser_page``), and a page Python's
made is left whole to ``code_pages``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from typing import NamedTuple

from cleaner.langmodel import model, per_char
from cleaner.repair import holes, mojibake, multi_byte_marks, utf8_marks, whatwg_marks

LOST = "\ufffd"
# The sources read: GBK, and Big5 by Big5-HKSCS's table (its encoder writes Big5's codes).
SOURCES = ("gbk", "big5hkscs")
# The table whose characters a character with unknown bytes is guessed among, by source: Big5's
# own (cp950's, as Windows writes Big5), not Big5-HKSCS's added rows (leads 87-a0, c6-c8, f9-fe),
# which hold the simplified characters a model of both scripts likes best (国 98 c7, 个 9f c4):
# Big5's 的 (aa ba) through Python's gbk, two marks, took the browser's EUC-JP reading of one
# rejected byte (87-a0 alone) and a lead at the end, and came back 国. A Big5 page seldom holds
# them; one that does has its known codes read whole all the same.
GUESSED_FROM = {"gbk": "gbk", "big5hkscs": "cp950"}
# The browsers whose marks swallow a second byte and whose table is no Chinese one.
BROWSERS = ("whatwg-shift_jis", "whatwg-euc-kr", "whatwg-euc-jp")
# Characters a character with unknown bytes keeps, likeliest first (``utf8_marks.WIDE``).
WIDE = 128
LEFT_OVER = 10.0  # a byte no character takes
# Known high bytes a reading takes at least: a short run parses by chance, and a run of marks and
# ASCII trails (a page read as ASCII) chooses every character from the model alone.
MIN_KNOWN = 4
# The share of Python's cost a browser's reading of a page must save where both leave the same
# bytes over (``_browser_page``).
MARGIN = 0.07
# The share of the marks of a page's runs that the runs both kinds read must hold: a page whose
# marks stand mostly in runs neither reads is judged on too little (Big5 read as Python's gbk, its
# runs mostly no view of the browsers' tables: one run of a few characters, one mark, made pages
# of 30 to 132 marks a browser's, accuracy.py's Big5 read as GBK 279.75 -> 280.05).
MIN_READ_MARKS = 0.5
# A run: characters that are no ASCII, with the ASCII byte after a mark or after a character a
# browser reads from one high byte (cp932's halfwidth katakana a1-df), which may be a GBK or Big5
# lead whose trail 40-7e the browser read again as ASCII, and a lone such byte after any
# character that is no ASCII (Big5 研究, ac e3 a8 73, through Shift_JIS: ｬ, e3 a8 as one kanji,
# then 73 alone as s); a word's letters are not taken.


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern:
    singles = sorted({ch for name in BROWSERS for ch in _single_high(whatwg_marks.BY_NAME[name].codec)})
    before = re.escape(LOST + "".join(singles))
    return re.compile(f"(?:[^\\x00-\\x7f]|(?<=[{before}])[\\x40-\\x7e]|(?<=[^\\x00-\\x7f])[\\x40-\\x7e](?![\\x40-\\x7e]))+")


def _single_high(codec: str) -> list[str]:
    """The characters ``codec`` reads from one high byte alone."""
    found = []
    for b in range(0x80, 0x100):
        ch = bytes((b,)).decode(codec, "replace")
        if len(ch) == 1 and ch != LOST and utf8_marks.round_trip(ch, codec) == bytes((b,)):
            found.append(ch)
    return found


ASCII_ALONE = 0.5
# The tables whose view of a run, a byte a mark, is asked whether it is UTF-8 (``_utf8``): the
# browsers', and GBK's and Big5's own (UTF-8 read as gbk is the byte views': read here too, its
# runs lost, accuracy.py's utf8-as-gbk 6.14 -> 8.96 per 1,000).
UTF8_TABLES = ("cp932", "cp949", "euc_jp", *SOURCES)  # an ASCII byte read as itself, not as a trail: a pair is likelier


def repair(text: str, guess: bool = True, browser: bool | None = None) -> tuple[list[tuple[int, int, mojibake.MojibakeRepair]], bool]:
    """(start, end, repair) of each run of ``text`` with a mark before a character that is no
    ASCII (a mark that may have swallowed two bytes) read back from GBK or Big5, on a page a
    browser's decoder marked; and whether it did. ``browser``: that judgement made before (on
    the page as it came: ``code_pages``' later rounds see only what the first left), else made
    here (``_browser_page``)."""
    runs = _runs(text)
    if browser is None:
        browser = _browser_page([(m.group(), reading) for m, reading in runs])
    spans = []
    for m, reading in runs if browser else []:
        fixed = _chosen(m.group(), reading, guess)
        if fixed is not None:
            spans.append((m.start(), m.end(), fixed))
    return spans, browser


def _runs(text: str) -> list[tuple[re.Match, Reading | None]]:
    """Each run of ``text`` with a mark before another of its characters, no view of it UTF-8,
    with its browser's reading."""
    found = []
    for m in _run_pattern().finditer(text):
        run = m.group()
        if _two_byte_marks(run) and not any(_utf8(run, codec) for codec in UTF8_TABLES):
            found.append((m, _reading(run, text[m.start() - 1] if m.start() else "\n",
                                      m.end() == len(text) or text[m.end()] == "\n")))
    return found


def _two_byte_marks(run: str) -> bool:
    """Does ``run`` hold a mark before another of its characters (no ASCII, or a trail's byte)?"""
    return LOST in run[:-1]


def read(run: str, guess: bool = True, prev: str = "", final: bool = False) -> mojibake.MojibakeRepair | None:
    """``run``, a page of one run, read back from the GBK or Big5 bytes a browser's decoder made
    it of, or None."""
    if any(_utf8(run, codec) for codec in UTF8_TABLES):
        return None
    reading = _reading(run, prev, final)
    return _chosen(run, reading, guess) if _browser_page([(run, reading)]) else None


class Reading(NamedTuple):
    """A browser's reading of a run: its cut (``holes`` items), the bytes it leaves over, and its
    characters chosen jointly (``holes.choose_ranked``) and their cost in nats."""

    items: list[list]
    left: int
    choices: list
    cost: float


def _reading(run: str, prev: str, final: bool) -> Reading | None:
    """The browser's and source's cut of ``run`` that leaves fewest bytes over, then the likeliest
    by each character's likeliest candidate, its characters chosen jointly (``prev``: the
    character before the run, ``final``: the run ends its line); None where none cuts it (too
    few known bytes, a character no table reads)."""
    best: tuple[tuple[int, float], list[list]] | None = None
    for name in BROWSERS:
        browser = whatwg_marks.BY_NAME[name]
        for marked in _views(run, browser.codec):
            nodes = whatwg_marks.expand(_kinds(marked), browser)
            for source in SOURCES:
                items = _cheapest(nodes, browser, source)
                if items is None:
                    continue
                text = "".join(item[0] for item in items)
                key = (sum(1 for item in items if item[2] == [LOST]), -per_char(text) * len(text))
                if best is None or key < best[0]:
                    best = (key, items)
    if best is None:
        return None
    items = best[1]
    choices = holes.choose_ranked(items, prev, final)
    judged = "".join(c.char for c in choices)
    return Reading(items, best[0][0], choices, -per_char(judged) * len(judged))


def _chosen(run: str, reading: Reading | None, guess: bool) -> mojibake.MojibakeRepair | None:
    """``reading``'s characters, where it takes every byte and reads clearly better than ``run``."""
    if reading is None or reading.left:
        return None
    return utf8_marks.accepted(run, reading.items, reading.choices, guess)


def _browser_page(runs: list[tuple[str, Reading | None]]) -> bool:
    """Did a browser's decoder mark the page's runs, not one of Python's (``code_pages.
    MULTI_BYTE``, read there a byte a mark)? One decoder marked them all, as ``utf8_marks.
    _browser_page`` takes it, and each kind's reading of the page says how well its marks explain
    it: the bytes it leaves over (a mark of two bytes read as one leaves Python's reading out of
    step; a mark of one read as two seldom leaves the browser's so, the source's pairs taking
    nearly any byte, but puts a character too many in its text), then its cost in nats (each
    kind's reading is a whole text the page's bytes could be, a guess at each mark included).

    Counted over the runs both kinds read, which must hold ``MIN_READ_MARKS`` of the marks of the
    page's runs: the page is Python's where its readings leave fewer
    bytes over than the browser's; the browser's where they leave more and the browser's
    reading is the likelier, or as many and the browser's saves ``MARGIN`` of Python's cost.
    Neither count alone will do. Run by run, a browser's reading of Python's marks was likelier
    often enough to cost Python's own cells (GBK through euc_jp 89.3 -> 117.0 per 1,000). Python's
    readings leave bytes over on some of its own pages (Big5 through shift_jis, measure split:
    3 and 2 on 2 of 8 pages, 20.0 -> 93.6 where two bytes more made a page the browser's whatever
    its cost). With as many bytes over, the cost alone took 2 of 16 GBK pages through euc_jp
    (89.3 -> 93.1; the browser's reading 0.8 % and 1.9 % cheaper). Build split, pages of GBK
    through the browsers' decoders, cp932, shift_jis and euc_jp and of Big5 through the
    browsers', cp932, shift_jis and euc_jp, the four scopes (423 with a run both read): on
    Python's pages where both left as many bytes over, the browser's reading was up to 6.0 %
    cheaper, but on one page (GBK through euc_jp, 14-51 % in its scopes: Python's fillings of
    its marks read poorly); on the browsers', 7.6 % and more in the sentences of
    ``tests/test_legacy_browser_marks.py``. Judged so, 6 of Python's pages go to the browser
    (that page in three scopes, and misread spans of a few characters in clean lines) and 25 of
    the browsers' 234 stay ``code_pages``' (Big5 through Shift_JIS and EUC-JP above all: few
    marks, or Python's reading whole out of step; 23 of them lines, a title or spans)."""
    left = {True: 0, False: 0}
    cost = {True: 0.0, False: 0.0}
    marks = read = 0
    for run, reading in runs:
        marks += run.count(LOST)
        python = _python_reading(run) if reading is not None else None
        if reading is None or python is None:
            continue
        read += run.count(LOST)
        left[True] += reading.left
        cost[True] += reading.cost
        left[False] += python[0]
        cost[False] += python[1]
    if read < MIN_READ_MARKS * marks or left[False] < left[True]:
        return False
    return cost[True] < cost[False] * (1 - MARGIN if left[False] == left[True] else 1)


def _python_reading(run: str) -> tuple[int, float] | None:
    """(bytes left over, cost in nats) of the best reading of ``run`` by Python's decoders of the
    browsers' tables, a byte a mark and the byte after it read again (``multi_byte_marks.fill``,
    ``code_pages``' reading); None if none of them can have given it. A mark ending the run is
    no byte left over: its trail is the byte after the run (Python's cp932 reads GBK's （ö, a3 a8
    a8 a6, as ｣ｨ, a mark, then ¦ outside the run)."""
    from cleaner.repair.code_pages import MULTI_BYTE  # noqa: PLC0415 - code_pages reads this module first

    best = None
    for codec in MULTI_BYTE:
        filled = multi_byte_marks.fill(run, codec)
        if filled is None:
            continue
        text = filled.data.decode(filled.source, "replace")
        key = (text.count(LOST) - (run.endswith(LOST) and text.endswith(LOST)), -per_char(text) * len(text))
        if best is None or key < best:
            best = key
    return best


def _views(run: str, codec: str) -> list[list[int | None]]:
    """The bytes the browser read as ``run`` (its table's, ``codec``), None at each mark; none if
    a character is none its table reads back. A character the table reads from several codes
    (cp932's NEC-selected and IBM rows: GBK 国粮, b9 fa c1 b8, through Shift_JIS holds fa c1,
    whose kanji cp932's encoder writes ed xx) gives a second view with each such character's last
    code."""
    out: list[int | None] = []
    other: list[int | None] = []
    dups = multi_byte_marks._duplicates(codec)  # noqa: SLF001 - one table of a character's codes
    for ch in run:
        if ch == LOST:
            out.append(None)
            other.append(None)
            continue
        code = utf8_marks.round_trip(ch, codec)
        if code is None:
            return []
        out += code
        other += dups[ch][-1] if ch in dups else code
    return [out, other] if other != out else [out]


def _utf8(run: str, codec: str) -> bool:
    """Is the view of ``run`` by ``codec``'s table, a byte a mark, UTF-8 (``multi_byte_marks.
    utf8_places`` of ``utf8_marks``' view, what ``code_pages`` asks; a run the table cannot give
    is not)? UTF-8 through cp932 is ``code_pages``' (or
    ``utf8_marks``'), and GBK and Big5 hardly ever parse so: asked first, the readings here cost
    UTF-8 pages through cp932 half their time again."""
    marked = utf8_marks._view(run, codec)  # noqa: SLF001 - one notion of a view that is UTF-8
    return marked is not None and multi_byte_marks.utf8_places(marked) is not None


def _kinds(marked: list[int | None]) -> list[int | str]:
    """``whatwg_marks.kinds`` where a mark before an ASCII byte is one at a run's end too: a lead
    alone, its trail the ASCII byte."""
    n = len(marked)
    return [b if b is not None else whatwg_marks.END_MARK if k + 1 == n or (marked[k + 1] is not None and marked[k + 1] < 0x80)
            else whatwg_marks.MARK for k, b in enumerate(marked)]


def _cheapest(nodes: list[int | str], browser: whatwg_marks.Browser, source: str) -> list[list] | None:
    """The cheapest cut of the view's places into the source's two-byte characters (``holes``
    items: character, place after, candidates), a byte left over one U+FFFD; None where no
    character fits or too few bytes are known."""
    n = len(nodes)
    if sum(1 for b in nodes if isinstance(b, int) and b >= 0x80) < MIN_KNOWN:
        return None
    inf = float("inf")
    cost = [inf] * (n + 1)
    back: list[tuple[int, list | None]] = [(0, None)] * (n + 1)
    cost[0] = 0.0
    for _, _, j in whatwg_marks.walks(nodes, 0, 1, browser):  # the trail of a character begun before the run
        if LEFT_OVER * 0.5 < cost[j]:
            cost[j] = LEFT_OVER * 0.5
            back[j] = (0, None)
    for i in range(n):
        if cost[i] == inf:
            continue
        for _, _, j in whatwg_marks.walks(nodes, i, 1, browser):
            if cost[i] + LEFT_OVER < cost[j]:
                cost[j] = cost[i] + LEFT_OVER
                back[j] = (i, [LOST, j, [LOST]])
        item = nodes[i]
        if isinstance(item, int) and 0 <= item < 0x80 and cost[i] + ASCII_ALONE < cost[i + 1]:
            cost[i + 1] = cost[i] + ASCII_ALONE
            back[i + 1] = (i, [chr(item), i + 1, [chr(item)]])
        for part, kinds, j in whatwg_marks.walks(nodes, i, 2, browser):
            if cost[i] > cost[j]:
                continue
            found = _fitting(part, kinds, browser.name, source)
            if not found:
                continue
            if cost[i] == cost[j] and back[j][0] == i and back[j][1] is not None and back[j][1][2] != [LOST]:
                back[j][1][2] += [ch for ch in found if ch not in back[j][1][2]]
                continue
            if cost[i] == cost[j]:
                continue
            cost[j] = cost[i]
            back[j] = (i, [found[0], j, list(found)])
    if cost[n] == inf:
        return None
    return utf8_marks.traced(back, n)


@lru_cache(maxsize=1 << 16)
def _fitting(part: tuple[int | None, ...], kinds: tuple[str, ...], name: str, source: str) -> tuple[str, ...]:
    """The source's characters the model has seen whose two bytes fit ``part`` (known bytes as
    they are, each unknown one as its kind allows under browser ``name``), likeliest first: the
    source's own where both bytes are known, else those of its guessing table (``GUESSED_FROM``).

    The characters with ``part``'s known bytes are searched as one string of their codes
    (``_packed``) by a pattern of a byte class a place (``_shape``), as ``whatwg_marks.fitting``
    searches UTF-8's: each unknown place's test at C speed, where the loop over them asked
    ``whatwg_marks.fits`` of hundreds of characters a call, each call a new part. The test of the
    two places together, that the pair is no code of the browser's table, is a character's own
    (every code is two bytes): the characters it refuses are left out of the packed string, so
    every match is a character that fits. tests/reference_legacy_browser_marks.py holds the loop it
    replaces, which the tests hold this to."""
    if None not in part:
        ch = bytes(part).decode(source, "replace")  # type: ignore[arg-type]
        return (ch,) if len(ch) == 1 and ch != LOST and utf8_marks.round_trip(ch, source) == bytes(part) else ()  # type: ignore[arg-type]
    known = tuple(k for k in range(len(part)) if part[k] is not None)
    shape, refused = _shape(kinds, tuple(b is None for b in part), name)
    packed_bytes, chars = _packed(source, known, tuple(part[k] for k in known), refused, name if refused else "")  # type: ignore[misc]
    return tuple(chars[m.start() // _STEP] for m in islice(shape.finditer(packed_bytes), WIDE))


_APART = b"\x00"  # between two characters' codes in ``_packed``: no byte of a GBK or Big5 code
_STEP = 3  # a code's two bytes and the ``_APART`` before it
_ANY = b"[\x01-\xff]"  # a place whose byte is known (the packed characters' own) or untested
# What ``fits`` refuses of a code whose first byte is unknown, by that byte's kind (``_shape``):
# a lead before a second byte that is a code of the browser's table (it would have been read),
# or a lead alone before an ASCII trail that is one.
_PAIR, _LONE = "pair", "lone"


@lru_cache(maxsize=1 << 12)
def _packed(source: str, known: tuple[int, ...], key: tuple[int, ...], refused: str = "",
            name: str = "") -> tuple[bytes, tuple[str, ...]]:
    """The codes of the source's characters with bytes ``key`` at places ``known`` (``_by_known``),
    likeliest first, each after an ``_APART``, without those the browser ``name``'s table refuses
    as ``refused`` says (``_PAIR``: the code is one of the table's; ``_LONE``: that, and its second
    byte ASCII); and the characters, in that order. No place's class takes ``_APART``, so a match
    of two bytes stands inside one character's code."""
    group = _by_known(source, known).get(key, ())
    if refused:
        codes = whatwg_marks._codes(name)  # noqa: SLF001 - the table fits asks
        group = tuple((data, ch) for data, ch in group
                      if not ((data[0] << 8 | data[1]) in codes and (refused == _PAIR or data[1] < 0x80)))
    return _APART + _APART.join(data for data, _ in group), tuple(ch for _, ch in group)


@lru_cache(maxsize=1 << 10)
def _shape(kinds: tuple[str, ...], unknown: tuple[bool, ...], name: str) -> tuple[re.Pattern[bytes], str]:
    """For a two-byte part, each place's kind, where its byte is ``unknown``: the pattern of a
    code's bytes that each unknown place's test in ``whatwg_marks.fits`` allows (a known place: any
    byte but ``_APART``, the packed characters' own); and what the test of the two bytes together
    refuses (``_PAIR``, ``_LONE``, or nothing: a first byte known, or of another kind; a code's
    three bytes, EUC-JP's, never stand in two)."""
    browser = whatwg_marks.BY_NAME[name]
    allowed = {whatwg_marks.ONE: browser.alone, whatwg_marks.FIRST: browser.leads, whatwg_marks.ALONE: browser.leads,
               whatwg_marks.SECOND: multi_byte_marks.HIGH, whatwg_marks.THREE_3: multi_byte_marks.HIGH,
               whatwg_marks.THREE_1: browser.three, whatwg_marks.THREE_2: browser.three_second}
    places = b"".join(multi_byte_marks.byte_class(allowed[kind]) if unknown[k] and kind in allowed else _ANY
                      for k, kind in enumerate(kinds))
    refused = ""
    if unknown[0] and kinds[0] == whatwg_marks.FIRST and kinds[1] == whatwg_marks.SECOND:
        refused = _PAIR
    elif unknown[0] and kinds[0] == whatwg_marks.ALONE:
        refused = _LONE
    return re.compile(places), refused


@lru_cache(maxsize=None)
def _by_known(source: str, known: tuple[int, ...]) -> dict[tuple[int, ...], tuple[tuple[bytes, str], ...]]:
    """The source's two-byte characters the model has seen, by their bytes at ``known``,
    likeliest first."""
    entries = _vocabulary(source)
    if not known:
        return {(): entries}
    key = itemgetter(*known) if len(known) > 1 else (lambda data, k=known[0]: (data[k],))
    table: dict[tuple[int, ...], list[tuple[bytes, str]]] = {}
    for entry in entries:
        table.setdefault(key(entry[0]), []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=None)
def _vocabulary(source: str) -> tuple[tuple[bytes, str], ...]:
    """Every character the model has seen (unigram above its floor) that ``source`` writes in
    two bytes, and its guessing table (``GUESSED_FROM``) with the same two: (its code, itself),
    likeliest first.

    Kept on disk with the model's tables (``tablecache``, as ``multi_byte_marks``' UTF-8 one):
    made in a process's first page read here, it took about 0.2 s for the two sources. Built in
    memory only while another model is in use (``langmodel.use``)."""
    from cleaner import langmodel
    from cleaner.tablecache import cached

    sources = langmodel.model_sources()
    if sources is None:
        return _build_vocabulary(source)
    return tuple((bytes(code), ch) for code, ch in cached(f"vocabulary-{source}", [*sources, __file__], "2",
                                                          lambda: _build_vocabulary(source)))


def _build_vocabulary(source: str) -> tuple[tuple[bytes, str], ...]:
    lm = model()
    floor = lm.unigram("\U0010fff0")
    found = []
    for c in range(0x80, 0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        code = utf8_marks.round_trip(ch, source)
        if code is None or len(code) != 2 or utf8_marks.round_trip(ch, GUESSED_FROM[source]) != code:
            continue
        score = lm.unigram(ch)
        if score > floor:
            found.append((score, code, ch))
    found.sort(key=lambda t: -t[0])
    return tuple((code, ch) for _, code, ch in found)
