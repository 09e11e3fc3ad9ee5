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
then the likeliest; a reading that leaves any byte over is none (a mark of one byte of Python's
decoders leaves the source out of step: those pages stay ``code_pages``').
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from cleaner.langmodel import model, per_char
from cleaner.repair import holes, mojibake, multi_byte_marks, utf8_marks, whatwg_marks

LOST = "\ufffd"
# The sources read: GBK, and Big5 by Big5-HKSCS's table (its encoder writes Big5's codes).
SOURCES = ("gbk", "big5hkscs")
# The browsers whose marks swallow a second byte and whose table is no Chinese one.
BROWSERS = ("whatwg-shift_jis", "whatwg-euc-kr", "whatwg-euc-jp")
# Characters a character with unknown bytes keeps, likeliest first (``utf8_marks.WIDE``).
WIDE = 128
LEFT_OVER = 10.0  # a byte no character takes
# Known high bytes a reading takes at least: a short run parses by chance, and a run of marks and
# ASCII trails (a page read as ASCII) chooses every character from the model alone.
MIN_KNOWN = 4
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
        if len(ch) == 1 and ch != LOST and _code(ch, codec) == bytes((b,)):
            found.append(ch)
    return found


ASCII_ALONE = 0.5
# The tables whose view of a run, a byte a mark, is asked whether it is UTF-8 (``_utf8``): the
# browsers', and GBK's and Big5's own (UTF-8 read as gbk is the byte views': read here too, its
# runs lost, accuracy.py's utf8-as-gbk 6.14 -> 8.96 per 1,000).
UTF8_TABLES = ("cp932", "cp949", "euc_jp", *SOURCES)  # an ASCII byte read as itself, not as a trail: a pair is likelier


def repair(text: str, guess: bool = True) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """(start, end, repair) of each run of ``text`` with a mark before a character that is no
    ASCII (a mark that may have swallowed two bytes) read back from GBK or Big5."""
    spans = []
    for m in _run_pattern().finditer(text):
        run = m.group()
        if not _two_byte_marks(run):
            continue
        fixed = read(run, guess, text[m.start() - 1] if m.start() else "\n",
                     m.end() == len(text) or text[m.end()] == "\n")
        if fixed is not None:
            spans.append((m.start(), m.end(), fixed))
    return spans


def _two_byte_marks(run: str) -> bool:
    """Does ``run`` hold a mark before another of its characters (no ASCII, or a trail's byte)?"""
    return LOST in run[:-1]


def read(run: str, guess: bool = True, prev: str = "", final: bool = False) -> mojibake.MojibakeRepair | None:
    """``run`` read back from the GBK or Big5 bytes a browser's decoder made it of, or None."""
    best: tuple[tuple[int, float], list[list], str] | None = None
    if any(_utf8(run, codec) for codec in UTF8_TABLES):
        return None
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
                    best = (key, items, browser.codec)
    if best is None or best[0][0]:
        return None
    items = best[1]
    choices = holes.choose_ranked(items, prev, final)
    judged = "".join(c.char for c in choices)
    if not mojibake._reads_better(judged, run) or _python_reads_better(run, best[2], judged):  # noqa: SLF001 - one acceptance rule for every re-read
        return None
    guessed = [(k, c._replace(candidates=tuple(items[k][2]))) for k, c in enumerate(choices) if c.guessed and c.alternative]
    fixed, findings = mojibake._mark(judged, guessed, guess)  # noqa: SLF001 - one rule for every guess
    return mojibake.MojibakeRepair(fixed, 1, findings)


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
        code = _code(ch, codec)
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


def _python_reads_better(run: str, codec: str, judged: str) -> bool:
    """Does Python's decoder of the same table (cp932, cp949, euc_jp), a byte a mark and the byte
    after it read again (``multi_byte_marks.fill``, ``code_pages``' reading), read ``run`` back
    whole and likelier? Then Python's decoder made it: read as a browser's, its marks of one byte
    taken for two left the source out of step and still parsed (GBK through cp932: 25.6 -> 79.2
    errors per 1,000 without this test)."""
    filled = multi_byte_marks.fill(run, codec)
    if filled is None or filled.source == "utf-8":
        return False
    text = filled.data.decode(filled.source, "replace")
    return LOST not in text and per_char(text) >= per_char(judged)


def _kinds(marked: list[int | None]) -> list[int | str]:
    """``whatwg_marks.kinds`` where a mark before an ASCII byte is one at a run's end too: a lead
    alone, its trail the ASCII byte."""
    n = len(marked)
    return [b if b is not None else whatwg_marks.END_MARK if k + 1 == n or (marked[k + 1] is not None and marked[k + 1] < 0x80)
            else whatwg_marks.MARK for k, b in enumerate(marked)]


@lru_cache(maxsize=1 << 14)
def _code(ch: str, codec: str) -> bytes | None:
    try:
        code = ch.encode(codec)
    except UnicodeEncodeError:
        return None
    return code if code.decode(codec, "replace") == ch else None


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
    items: list[list] = []
    at = n
    while at > 0:
        prev, item = back[at]
        items.append(item if item is not None else [LOST, at, [LOST]])
        if item is None:
            break
        at = prev
    items.reverse()
    return items


@lru_cache(maxsize=1 << 16)
def _fitting(part: tuple[int | None, ...], kinds: tuple[str, ...], name: str, source: str) -> tuple[str, ...]:
    """The source's characters the model has seen whose two bytes fit ``part`` (known bytes as
    they are, each unknown one as its kind allows under browser ``name``), likeliest first."""
    if None not in part:
        ch = bytes(part).decode(source, "replace")  # type: ignore[arg-type]
        return (ch,) if len(ch) == 1 and ch != LOST and _code(ch, source) == bytes(part) else ()  # type: ignore[arg-type]
    browser = whatwg_marks.BY_NAME[name]
    known = tuple(k for k in range(2) if part[k] is not None)
    found: list[str] = []
    for data, ch in _by_known(source, known).get(tuple(part[k] for k in known), ()):  # type: ignore[misc]
        if whatwg_marks.fits(data, part, kinds, browser):
            found.append(ch)
            if len(found) == WIDE:
                break
    return tuple(found)


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
    two bytes: (its code, itself), likeliest first.

    Kept on disk with the model's tables (``tablecache``, as ``multi_byte_marks``' UTF-8 one):
    made in a process's first page read here, it took about 0.2 s for the two sources. Built in
    memory only while another model is in use (``langmodel.use``)."""
    from cleaner import langmodel
    from cleaner.tablecache import cached

    sources = langmodel.model_sources()
    if sources is None:
        return _build_vocabulary(source)
    return tuple((bytes(code), ch) for code, ch in cached(f"vocabulary-{source}", [*sources, __file__], "1",
                                                          lambda: _build_vocabulary(source)))


def _build_vocabulary(source: str) -> tuple[tuple[bytes, str], ...]:
    lm = model()
    floor = lm.unigram("\U0010fff0")
    found = []
    for c in range(0x80, 0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        code = _code(ch, source)
        if code is None or len(code) != 2:
            continue
        score = lm.unigram(ch)
        if score > floor:
            found.append((score, code, ch))
    found.sort(key=lambda t: -t[0])
    return tuple((code, ch) for _, code, ch in found)
