"""UTF-8 read by a multi-byte decoder that marks a third of it: the marks filled by UTF-8's own
grammar, the decoder's rules and the character model.

Python's EUC and narrow Chinese decoders (``euc_jp``, ``euc_jis_2004``, ``euc_kr``, ``johab``,
``gb2312``) read UTF-8 Chinese with ``errors="replace"`` as one U+FFFD for each byte they reject,
and reject a byte in two ways only: a byte with no character of its own, or a lead whose next
byte does not complete a code with it (the mark takes the lead alone, and the next byte is read
again). So every character the decoder did read gives its bytes back exactly (its own encoder),
and every mark is one byte, one the decoder rejects before the byte after it
(``multi_byte_marks.rejected_before``, asked of the codec itself). UTF-8's continuation bytes
80-a0 are no EUC byte at all: through euc_jp or euc_kr two in three characters hold a mark, too
many for ``code_pages``' pieces (which need kana or hangul and at most half the characters
marked), and nothing was read back.

UTF-8 says where its characters begin, and the marks do not hide it: the run is cut into UTF-8
characters by a shortest path over its bytes (a known lead says its length; a mark may be a lead
of any length, three bytes first, as Chinese is; a byte no character takes is one U+FFFD), each
character with marks gets the characters the model has seen whose bytes fit (known bytes as they
are, each mark a byte the decoder rejects before the next; ``multi_byte_marks._fitting``), and
``holes.choose_ranked`` chooses them jointly (the Viterbi of the byte views). Each choice among
several is a guess with its finding; with ``guess=False`` it is written U+FFFD.

With ``errors="ignore"`` there is no mark: the bytes went at the gaps between the characters the
decoder read, which ``dropped_bytes`` owns (``walks``: the ways to read a character with bytes
put back at them); the cut is the same cheapest path, and where it read one character that two
could be, the two are taken where the model reads them likelier (``_split_merged``).

The decoder is the one whose reading takes every known byte into a character with fewest bytes
left over, then the likeliest. The reading replaces the run only where it reads clearly better
than the run (``mojibake``'s test), and a run must have a mark on a quarter of its characters at
least: what marks less is the byte views' and ``code_pages``' (UTF-8 through gbk marks at most
18 %, through cp949 15 % of its bytes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from cleaner.chardata import HAN
from cleaner.langmodel import model, per_char
from cleaner.repair import dropped_bytes, holes, mojibake, multi_byte_marks, whatwg_marks
from cleaner.repair.multi_byte_marks import MAX_CANDIDATES, _duplicates, _fitting, _step, rejected_before  # noqa: PLC2701 - one notion of a fitting character

LOST = "\ufffd"


def traced(back: list, n: int) -> list[list]:
    """The items of a walk's cheapest reading, traced back from byte ``n``: ``back[j]`` is (the
    byte it came from, the item read there); an item of None stands for the bytes before the
    first character read, which come back as one lost item."""
    items: list[list] = []
    at = n
    while at > 0:
        prev, item = back[at]
        if item is None:  # the bytes before the first character
            items.append([LOST, at, [LOST]])
            break
        items.append(item)
        at = prev
    items.reverse()
    return items
# The decoders read here: each marks one byte per byte it rejects (checked by the tests against
# the codec itself). The Japanese and Korean code pages that mark less (cp932, shift_jis, cp949)
# are code_pages'.
CODECS = ("euc_jp", "euc_jis_2004", "euc_kr", "johab", "gb2312", "big5", "cp950", "big5hkscs")
# And the browsers' two-byte decoders, whose marks may stand for two bytes (``whatwg_marks``).
READERS = (*CODECS, *whatwg_marks.NAMES)
# The browser's reading is taken for a page where Python's leave this many times the bytes over.
# Build split, 150 paragraphs a script: through Python's big5 every paragraph left Python's
# readings fewer; through big5hkscs 3 of 300 left them more (1.1, 2.1, 2.6 times: readings that
# mostly failed); through the browser's decoder Python's left 1.1 times on 2 of 300, 1.2 or more
# on the rest (measured paragraphs: one big5hkscs paragraph at 1.1, browser ones from 1.2 up).
BROWSER_MARGIN = 1.15
# errors="ignore": a run with no mark is read when it is this long and its bytes are UTF-8's.
MIN_DROPPED_RUN = 4
MIN_UTF8_SHARE = 0.95
# And reads as no text: under this many nats a character. Clean Wikipedia runs of 4 or more
# characters score over -7.4 but one in a hundred; UTF-8 through big5, big5hkscs, gb2312 or
# euc_kr with ignore under -10 but one in a thousand. (EUC's kanji rows are UTF-8's bytes too: by
# its bytes alone half the clean runs were searched, five times the time of a clean page.)
MAX_DROPPED_SCORE = -9.0
# And half its characters letters of a script (Han, kana, hangul): what a legacy decoder makes of
# UTF-8 Chinese (Big5 and gb2312 with ignore: 0.73 and 0.5 of them at least, but one run in a
# thousand), where a run of signs reads as no text too and its GB2312 bytes are UTF-8's (★★★★★,
# a review's rating, came back 無視視視視).
MIN_DROPPED_LETTERS = 0.5
# And Han among them: every decoder here makes Han of UTF-8 Chinese, kana or hangul only beside it
# (build split, 300 paragraphs a decoder: no run without Han but through euc_kr and johab, 5 and 6
# of 2,200 and 2,400, short runs of hangul). A run of kana or hangul alone is Japanese or Korean,
# which the model does not know (it reads as no text): its search took 0.15 s a KB of hiragana.
MIN_MARK_SHARE = 0.25  # marks per character of a run, at least
MIN_MARKS = 3
MIN_KNOWN = 6  # known high bytes the UTF-8 reading takes, at least: a short run parses by chance
MIN_KNOWN_SHARE = 0.3  # known bytes per byte, at least (EUC and Big5 keep about half of UTF-8's)
MAX_LEFT = 0.1  # bytes no UTF-8 character takes, per byte, at most
MAX_BEFORE = 3  # bytes a run may begin with that end a character begun before it
# UTF-8's e3 row (U+3000-3FFF) holds CJK punctuation and the kana. The model knows no kana, and
# a mark-filled Japanese run read as Chinese fills its kana with punctuation (東京都。地。”条).
# Where the bytes of over 40 % of a run's characters allow a character of that row, the run is
# taken for Japanese and left as it came (the test's sentences: Chinese 6-32 %, Japanese 50-53 %).
KANA_ROW = ("\u3000", "\u3fff")
MAX_KANA_ROW = 0.4
_RUN = re.compile("[^\x00-\x7f]+")

# Costs of the shortest path: a character of 3 bytes (Chinese), 2 or 4, a byte left over.
_COST = {3: 0.0, 2: 0.5, 4: 1.0}
LEFT_OVER = 10.0


def repair(text: str, guess: bool = True, unmarked: list[tuple[int, int]] | None = None) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """(start, end, repair) of each run of ``text`` read back: runs with marks, and runs without
    any whose bytes are all UTF-8's (``errors="ignore"``: ``dropped``); then, on a page where a
    run with marks was read, its short runs of marks (``_short_runs``). ``unmarked``: the runs
    without marks that may be read at all (``dropped_runs.runs``: the page's native scan), the
    others not tested; None: every run is."""
    found, short = [], []
    scanned = None if unmarked is None else set(unmarked)
    for m in _RUN.finditer(text):
        run = m.group()
        marks = run.count(LOST)
        if not marks and scanned is not None and m.span() not in scanned:
            continue
        if marks:
            if marks < MIN_MARK_SHARE * len(run):
                readings = _sparse_readings(run)
                if readings:
                    found.append((m, readings))
                continue
            if marks < MIN_MARKS:
                short.append(m)
                continue
        elif (len(run) < MIN_DROPPED_RUN or _letters(run) < MIN_DROPPED_LETTERS or not HAN.search(run)
              or per_char(run) > MAX_DROPPED_SCORE):
            continue
        found.append((m, _unclaimed(run, _readings(run, dropped=not marks))))
    browser = _browser_page([(m.group(), readings) for m, readings in found if LOST in m.group()])
    spans = []
    read_by: set[str] = set()  # the decoders whose readings of runs with marks were taken
    for m, readings in found:
        if LOST in m.group():
            readings = [r for r in readings if (r[1] in whatwg_marks.BY_NAME) == browser]
            if not readings:  # too few bytes known to cut: a short run's, if the page shows its decoder
                short.append(m)
                continue
        fixed = _chosen(m.group(), readings, guess, *_around(text, m))
        if fixed is not None:
            spans.append((m.start(), m.end(), fixed))
            if LOST in m.group():
                read_by.add(min(readings, key=lambda r: r[0])[1])
    if read_by and short:
        spans += _short_runs(text, short, read_by, guess)
        spans.sort(key=lambda span: span[0])
    return spans


def _sparse_readings(run: str) -> list[Reading]:
    """A run with few marks (under ``MIN_MARK_SHARE``: UTF-8 through a browser's Shift_JIS marks
    5 % of its bytes) is ``code_pages``' where each mark is one byte; but a browser's mark of two
    bytes leaves its view no UTF-8 with a byte a mark, and there it read nothing back (UTF-8
    through the browser's Shift_JIS: 258 errors per 1,000, Python's shift_jis 15). Such a run is
    read here by the browsers' decoders alone, where one reading takes every byte into a character
    and the view of that decoder's table with a byte a mark is no UTF-8 (``multi_byte_marks.
    utf8_places``, what ``code_pages`` asks)."""
    readers = tuple(name for name in whatwg_marks.NAMES if not _python_parses(run, whatwg_marks.BY_NAME[name].codec))
    return [r for r in _readings(run, dropped=False, readers=readers) if r[0][0] == 0] if readers else []


def _unclaimed(run: str, readings: list[Reading]) -> list[Reading]:
    """``readings`` without a browser's whose table is that of a Python decoder not read here
    (cp949, cp932: ``code_pages``') and whose view with a byte a mark is UTF-8: that decoder's
    page (UTF-8 through cp949 marks a third of a run's characters, and the browser's EUC-KR,
    marks of two bytes allowed, read it too, worse: 中华人民 came back 万·华人民)."""
    return [r for r in readings if r[1] not in whatwg_marks.BY_NAME or r[1] == whatwg_marks.NAME
            or r[0][0] == 0 and (whatwg_marks.BY_NAME[r[1]].codec in CODECS
                                 or not _python_parses(run, whatwg_marks.BY_NAME[r[1]].codec))]


def _python_parses(run: str, codec: str) -> bool:
    """Is ``codec``'s view of ``run``, a byte a mark, UTF-8 (``multi_byte_marks.utf8_places``,
    what ``code_pages`` asks)?"""
    return multi_byte_marks.utf8_places(_view(run, codec) or []) is not None


def _around(text: str, m: re.Match) -> tuple[str, bool]:
    """The character before a run (a line's start reads as one) and whether the run ends its line."""
    return text[m.start() - 1] if m.start() else "\n", m.end() == len(text) or text[m.end()] == "\n"


def _short_runs(text: str, short: list[re.Match], read_by: set[str], guess: bool) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """The runs with marks too few or too few known bytes to be read alone (a run of marks alone,
    a character with one mark: 《战国无双 through big5 is 2 bytes known of 15), read on a page
    where a decoder's reading of a longer run was taken, by that decoder alone: the page says
    what made the marks, and a mark left is a character lost anyway. (Build split, big5 replace:
    25 characters in 1,000 stood in such runs.)"""
    spans = []
    for m in short:
        readings = _readings(m.group(), dropped=False, min_known=0, readers=tuple(r for r in READERS if r in read_by))
        fixed = _chosen(m.group(), readings, guess, *_around(text, m))
        if fixed is not None:
            spans.append((m.start(), m.end(), fixed))
    return spans


def read(run: str, guess: bool = True, prev: str = "", final: bool = False) -> mojibake.MojibakeRepair | None:
    """``run``, a run with marks, read back from the bytes the decoder that reads best made it of,
    or None. ``prev``: the character before it; ``final``: the run ends its line
    (``holes.choose_ranked``)."""
    readings = _readings(run, dropped=False)
    browser = _browser_page([(run, readings)])
    readings = [r for r in readings if (r[1] in whatwg_marks.BY_NAME) == browser]
    return _chosen(run, readings, guess, prev, final)


Reading = tuple[tuple[int, float], str, list, list]  # (bytes left over, score), codec, view, path


def _readings(run: str, dropped: bool, min_known: int = MIN_KNOWN, readers: tuple[str, ...] = READERS) -> list[Reading]:
    """Each decoder's reading of ``run`` that parses as UTF-8: its key (bytes left over, then
    the likeliest first), the decoder, its view and its path. ``min_known``: known high bytes a
    reading with marks takes at least (``_cheapest``); ``readers``: the decoders asked, of a run
    with marks."""
    out: list[Reading] = []
    for codec in CODECS if dropped else readers:
        starts: list[int] = []
        browser = whatwg_marks.BY_NAME.get(codec)
        view_codec = browser.codec if browser else codec
        # A short run's reading takes no letter back: beside one or two marks, a clean character
        # with a trail 40-7e (以 before B) would be read as a lead and the letter (review29b: A��以B
        # came back A来HB on a page whose other runs were read).
        marked, tail = (_view_and_tail(run, view_codec, starts) if dropped or min_known
                        else (_view(run, view_codec, starts), ""))
        if dropped:
            if marked is None or not _all_utf8(marked):
                continue
            path = _dropped_path(marked, starts, codec)
        else:
            if marked is None:
                continue
            path = (_whatwg_path(whatwg_marks.kinds(marked), min_known, browser) if browser
                    else _path(marked, codec, min_known))
        if path is None:
            continue
        if tail:  # the ASCII byte the decoder paired with the run's last byte, given back after it
            path = [*path, [tail, path[-1][1], [tail]]]
        text = "".join(item[0] for item in path)
        out.append(((_left_over(path), -per_char(text) * len(text)), codec, marked, path))
    return out


def _left_over(path: list[list]) -> int:
    return sum(1 for item in path if item[0] == LOST and item[2] == [LOST])


def _browser_page(runs: list[tuple[str, list[Reading]]]) -> bool:
    """Did a browser's decoder mark the page's runs, not one of Python's? One decoder
    marked them all: the browser's where its readings leave clearly fewer bytes over on the page
    (``BROWSER_MARGIN``), else Python's. Run by run, the browser's reading (marks of two bytes)
    also parsed some runs of Python's marks: UTF-8 through big5 and big5hkscs lost 3 and 5 per
    1,000.

    Counted over the runs both kinds parse, where they tell the two apart: there the bytes left
    over compare like with like. A run only one kind parses counts each of its characters
    against the other only on a page without such runs: one long run Python's reading missed (a
    character of the run read some other way) outweighed every run both parsed, where the
    browser's left seven times the bytes over, and the whole page was read as a browser's
    (UTF-8 through big5hkscs: one page of 16 of the measure split, 992 -> 2,617 errors)."""
    left = {True: 0, False: 0}
    both = {True: 0, False: 0}
    shared = False
    for run, readings in runs:
        kinds = {browser: [r[0][0] for r in readings if (r[1] in whatwg_marks.BY_NAME) == browser] for browser in left}
        for browser, kind in kinds.items():
            left[browser] += min(kind) if kind else len(run)
        if kinds[True] and kinds[False]:
            shared = True
            for browser, kind in kinds.items():
                both[browser] += min(kind)
    if shared and both[True] != both[False]:
        left = both
    return left[True] * BROWSER_MARGIN < left[False]


def _chosen(run: str, readings: list[Reading], guess: bool, prev: str, final: bool) -> mojibake.MojibakeRepair | None:
    """The best of ``readings``, chosen character by character, if it reads clearly better."""
    if not readings:
        return None
    items = min(readings, key=lambda r: r[0])[3]
    if _japanese(items):
        return None
    return accepted(run, items, holes.choose_ranked(items, prev, final), guess)


def accepted(run: str, items: list[list], choices: list[holes.Choice], guess: bool) -> mojibake.MojibakeRepair | None:
    """The reading ``choices`` (of ``items``) as the repair of ``run``, if it reads clearly better:
    each guess a finding, written U+FFFD without guessing, and with it where it may have written
    another number (the byte views' rule: holes.changes_a_number)."""
    judged = "".join(c.char for c in choices)
    if not mojibake._reads_better(judged, run):  # noqa: SLF001 - one acceptance rule for every re-read
        return None
    guessed = [(k, c._replace(candidates=tuple(items[k][2]))) for k, c in enumerate(choices) if c.guessed and c.alternative]
    fixed, findings = mojibake._mark(judged, guessed, guess)  # noqa: SLF001 - one rule for every guess
    return mojibake.MojibakeRepair(fixed, 1, findings)


def _japanese(items: list[list]) -> bool:
    """Is the cut run Japanese (``MAX_KANA_ROW``)? Every candidate of each character is asked: the
    row U+3000-U+3FFF is exactly UTF-8's lead e3, so a WIDE list (its lead known) is all in the row
    or none of it, as a list of 48 is, and one whose lead was marked holds 。 and 、 among its
    likeliest. Asking only the likeliest 48, as session 29 did, changed no run's answer (build
    split, 80 paragraphs, every reading of big5, big5hkscs, euc_kr, gb2312 and euc_jp)."""
    kana = sum(1 for item in items if any(KANA_ROW[0] <= ch <= KANA_ROW[1] for ch in item[2]))
    return kana > MAX_KANA_ROW * len(items)


def _view_and_tail(run: str, codec: str, starts: list[int]) -> tuple[list[int | None] | None, str]:
    """``_view`` of ``run``, and the ASCII character its last one swallowed, if it did: a Big5
    decoder pairs a lead with a trail 40-7e, so UTF-8's last byte a1-bf before a Latin letter or
    a sign reads as one character with it (赛季，…转会到O, 记 for 到's last byte and O), no view
    of UTF-8 held it, and the whole run was left. Its lead is the run's last byte, and the
    letter, given back, the text's after it."""
    marked = _view(run, codec, starts)
    if marked is not None or len(run) < 2:
        return marked, ""
    code = _encoded_pair(run[-1], codec)
    if code is None:
        return None, ""
    del starts[:]
    head = _view(run[:-1], codec, starts)
    if head is None:
        return None, ""
    starts.append(len(head))
    return [*head, code[0]], chr(code[1])


@lru_cache(maxsize=1 << 12)
def _encoded_pair(ch: str, codec: str) -> bytes | None:
    """``ch``'s two bytes in ``codec`` where they are a high lead and an ASCII trail, else None."""
    code = round_trip(ch, codec)
    if code is None or len(code) != 2 or code[0] < 0x80 or not 0x40 <= code[1] < 0x80:
        return None
    return code


def _view(run: str, codec: str, starts: list[int] | None = None) -> list[int | None] | None:
    """The bytes ``codec`` read as ``run``, None at each mark; None if a character is none it
    gives for high bytes (UTF-8 holds no ASCII inside a character). ``starts`` gets where each
    character's bytes begin."""
    out: list[int | None] = []
    dups = _codes(codec)
    need: int | None = 0  # continuation bytes UTF-8 still needs here (None: not known, after a mark)
    for ch in run:
        if starts is not None:
            starts.append(len(out))
        if ch == LOST:
            out.append(None)
            need = None
            continue
        code = _encoded(ch, codec)
        if code is None:
            return None
        if ch in dups:
            # A character the decoder reads from several codes (euc_jis_2004, cp932): the one
            # UTF-8 goes on with (its encoder's may be none).
            code = max(dups[ch], key=lambda c: _fit(c, need))
        out += code
        need = _after(code, need)
    return out


@lru_cache(maxsize=None)
def _codes(codec: str) -> dict[str, tuple[bytes, ...]]:
    """Characters ``codec`` reads from several codes, with every code: two-byte ones
    (``multi_byte_marks._duplicates``), and for EUC-JP's and EUC-JIS-2004's three-byte codes
    (8f, then two bytes a1-fe) a character of a two-byte code too (8f e6 b5 is fb db's).

    EUC's three-byte codes are kept on disk (``tablecache``; its key holds the Python version,
    whose codecs made them): their 8,800 decodes took 10-15 ms a code page in every process."""
    if not codec.startswith("euc_j"):
        return _duplicates(codec)
    from cleaner.tablecache import cached

    return cached(f"threebytecodes-{codec}", [__file__], "1", lambda: _build_codes(codec))


def _build_codes(codec: str) -> dict[str, tuple[bytes, ...]]:
    codes = {ch: list(found) for ch, found in _duplicates(codec).items()}
    if codec.startswith("euc_j"):
        for second in range(0xA1, 0xFF):
            for third in range(0xA1, 0xFF):
                code = bytes((0x8F, second, third))
                ch = code.decode(codec, "replace")
                if len(ch) == 1 and ch != LOST and ch.encode(codec) != code:
                    codes.setdefault(ch, [ch.encode(codec)]).append(code)
    return {ch: tuple(found) for ch, found in codes.items()}


def _fit(code: bytes, need: int | None) -> int:
    """How many of ``code``'s bytes go on a UTF-8 parse needing ``need`` continuation bytes."""
    fits = 0
    for b in code:
        if need is None:
            need = 0 if 0x80 <= b <= 0xBF else None
            continue
        need = _step(need, b)
        if need is None:
            return fits
        fits += 1
    return fits


def _after(code: bytes, need: int | None) -> int | None:
    for b in code:
        need = None if need is None else _step(need, b)
    return need


@lru_cache(maxsize=1 << 16)
def _encoded(ch: str, codec: str) -> bytes | None:
    """``ch``'s bytes in ``codec`` where all are high, else None."""
    code = round_trip(ch, codec)
    return None if code is None or min(code) < 0x80 else code


@lru_cache(maxsize=1 << 14)
def round_trip(ch: str, codec: str) -> bytes | None:
    """``ch``'s bytes in ``codec``, where ``codec`` reads them back as ``ch`` (kept: the mark
    readers ask it of each candidate of every mark)."""
    try:
        code = ch.encode(codec)
    except UnicodeEncodeError:
        return None
    return code if code.decode(codec, "replace") == ch else None


def _path(marked: list[int | None], codec: str, min_known: int = MIN_KNOWN) -> list[list] | None:
    """The run cut into UTF-8 characters by the cheapest path (``holes`` items: character, byte
    end, candidates), or None where too little of it is UTF-8. Each mark is one byte, one
    ``codec`` rejects before the byte after it."""
    n = len(marked)

    def walks(i: int, length: int) -> list[tuple[tuple[int | None, ...], tuple[str, ...], int]]:
        return [(tuple(marked[i : i + length]), (), i + length)] if i + length <= n else []

    def fit(part: tuple[int | None, ...], kinds: tuple[str, ...], end: int) -> tuple[str, ...]:
        return _fitting_cached(part, len(part), marked[end] if end < n else None, codec)

    return _cheapest(n, sum(1 for b in marked if b is not None), walks, fit, min_known=min_known, places=marked)


def _letters(run: str) -> float:
    """The share of ``run``'s characters that are letters of a script (Han, kana, hangul)."""
    return sum(1 for ch in run if unicodedata.category(ch) == "Lo") / len(run)


# Bytes UTF-8 Chinese is made of: continuation bytes, leads c2-ef.
UTF8_BYTES = frozenset([*range(0x80, 0xC0), *range(0xC2, 0xF0)])


def _all_utf8(marked: list[int | None]) -> bool:
    """Every byte one UTF-8 Chinese is made of (``UTF8_BYTES``): what a decoder that drops what
    it rejects keeps of it. Clean text read back in a legacy code page is not: Big5's and GBK's
    second bytes 40-7e, leads c0-e3 and ea-fe, GB2312's above bf."""
    known = [b for b in marked if b is not None]
    return sum(1 for b in known if b in UTF8_BYTES) >= MIN_UTF8_SHARE * len(known)


def _dropped_path(marked: list[int | None], starts: list[int], codec: str) -> list[list] | None:
    """``_path`` for a decoder that dropped the bytes it rejected (``errors="ignore"``): bytes put
    back at the gaps between the characters it read (``dropped_bytes.walks``), each one it
    rejects (before the byte after it, where the character holds it; else before some byte)."""
    view = [b for b in marked if b is not None]  # a dropping decoder's view has no mark
    walks = dropped_bytes.walks(view, starts)

    def fit(part: tuple[int | None, ...], kinds: tuple[str, ...], end: int) -> tuple[str, ...]:
        return _fitting_cached(part, len(part), None, codec)

    items = _cheapest(len(view), len(view), walks, fit, dropped_bytes.put_back_cost)
    return None if items is None else _split_merged(items, walks, fit)


# The cheapest cut puts back no more bytes than UTF-8 needs, so where a character and its
# neighbour both lost bytes at one gap it reads them as one character (的报, e7 9a 84 e6 8a a5,
# through big5 keeps e7 .. a5: 知, e7 9f a5, one byte put back, not four). Both readings give the
# decoder's text; only the model tells them apart. Each character of the cut that two characters
# could be is read both ways on a window of SPLIT_WINDOW characters each side and the likelier
# taken, the one character unless the two read SPLIT_MARGIN nats likelier (a second character is
# one more probability). Measured paragraphs the reported figures do not read (--skip 40), page
# scope, big5 / big5hkscs / gb2312 ignore: 558.3 / 301.6 / 602.0 errors per 1,000 before; margin
# 0: 505.4 / 276.3 / 534.9, 2: 502.6 / 268.4 / 533.3, 4: 508.8 / 273.1 / 542.3; a window of 2 or
# 5 characters, 503.1-504.2 / 268.4 / 533.6-534.1.
SPLIT_MARGIN = 2.0
SPLIT_WINDOW = 3
MAX_SPLITS = 4  # ways to read a character as two tried, at most


def _split_merged(items: list[list], walks: Walks, fit: Fit) -> list[list]:
    """``items``, the cheapest cut of a dropping decoder's view, with each character that two
    characters read likelier in its window replaced by them (``SPLIT_MARGIN``)."""
    lm = model()
    out = list(items)
    k = 0
    while k < len(out):
        i = out[k - 1][1] if k else 0
        j = out[k][1]
        if j - i < 2 or out[k][2] == [LOST]:
            k += 1
            continue
        alternatives = _two_characters(i, j, walks, fit)
        if not alternatives:
            k += 1
            continue
        lo, hi = max(0, k - SPLIT_WINDOW), min(len(out), k + SPLIT_WINDOW + 1)

        def score(window: list[list]) -> float:
            copied = [[it[0], it[1], list(it[2])] for it in window]
            return lm.score("".join(c.char for c in holes.choose_ranked(copied, "", False)))

        best, chosen = score(out[lo:hi]) + SPLIT_MARGIN, None
        for m, first, second in alternatives:
            pair = [[first[0], m, list(first)], [second[0], j, list(second)]]
            got = score(out[lo:k] + pair + out[k + 1 : hi])
            if got > best:
                best, chosen = got, pair
        if chosen is None:
            k += 1
            continue
        out[k : k + 1] = chosen
        k += 2
    return out


def _two_characters(i: int, j: int, walks: Walks, fit: Fit) -> list[tuple[int, tuple[str, ...], tuple[str, ...]]]:
    """The ways to read places ``i`` to ``j`` of the view as two characters, bytes put back at the
    gaps (``walks``): (where the second begins, each one's candidates)."""
    found = []
    for first_length in (3, 2, 4):
        for part, kinds, m in walks(i, first_length):
            if m >= j:
                continue
            first = _read_part(part, kinds, m, fit)
            if not first:
                continue
            for second_length in (3, 2, 4):
                for part2, kinds2, end in walks(m, second_length):
                    if end != j:
                        continue
                    second = _read_part(part2, kinds2, end, fit)
                    if second:
                        found.append((m, first, second))
    return found[:MAX_SPLITS]


def _read_part(part: tuple[int | None, ...], kinds: tuple[str, ...], end: int, fit: Fit) -> tuple[str, ...]:
    """The characters a UTF-8 character of bytes ``part`` (None where unknown) may be."""
    if part[0] is not None and _lead_length(part[0]) != len(part):
        return ()
    if any(x is not None and not 0x80 <= x <= 0xBF for x in part[1:]):
        return ()
    if None in part:
        return fit(part, kinds, end)
    ch = bytes(part).decode("utf-8", "replace")  # type: ignore[arg-type]
    return (ch,) if len(ch) == 1 and ch != LOST else ()


def _whatwg_path(view: list[int | str], min_known: int = MIN_KNOWN,
                 browser: whatwg_marks.Browser = whatwg_marks.BY_NAME[whatwg_marks.NAME]) -> list[list] | None:
    """``_path`` for a browser's decoder, whose marks may stand for two bytes or three
    (``whatwg_marks``: what each of its marks may have consumed)."""
    nodes = whatwg_marks.expand(view, browser)

    def walks(i: int, length: int) -> list[tuple[tuple[int | None, ...], tuple[str, ...], int]]:
        return whatwg_marks.walks(nodes, i, length, browser)

    def fit(part: tuple[int | None, ...], kinds: tuple[str, ...], end: int) -> tuple[str, ...]:
        return whatwg_marks.fitting(part, kinds, browser.name)

    return _cheapest(len(nodes), sum(1 for b in nodes if isinstance(b, int) and b >= 0), walks, fit, min_known=min_known,
                     places=nodes)


Walks = dropped_bytes.Walks
Fit = Callable[[tuple[int | None, ...], tuple[str, ...], int], tuple[str, ...]]


def _cheapest(n: int, known: int, walks: Walks, fit: Fit, extra: Callable[[tuple[int | None, ...]], float] | None = None,
              min_known: int = MIN_KNOWN, places: list | None = None) -> list[list] | None:
    """The cheapest cut of ``n`` byte places into UTF-8 characters: ``walks(i, length)`` gives
    the ways to read ``length`` bytes from place ``i`` (bytes, None where unknown; their kinds;
    the place after), ``fit`` the characters whose bytes fit such a reading. ``min_known``: the
    known bytes it needs (0: a short run on a page whose decoder is known, ``_short_runs``).
    ``places``: the ``n`` places themselves (a known byte an int from 0, anything else a mark's),
    when each character's bytes are read from places in order, a place's byte as it stands
    (``_path``, ``_whatwg_path``; not ``_dropped_path``, which puts bytes back between them)."""
    if min_known and (known < min_known or known < MIN_KNOWN_SHARE * n):
        return None  # all or nearly all marks (HZ reads no high byte): nothing to read, and no cost
    if places is not None and fewest_left(places) > MAX_LEFT * n + 1:
        # More known bytes than a reading may leave over stand where no UTF-8 character can take
        # them, whatever the marks are: the search below would end in None (Big5 read as GBK,
        # re-encoded by the decoders here: 7 runs in 10 of such a page, a tenth of its time).
        return None
    inf = float("inf")
    cost = [inf] * (n + 1)
    back: list[tuple[int, list | None]] = [(0, None)] * (n + 1)
    cost[0] = 0.0
    for k in range(1, MAX_BEFORE + 1):  # bytes that end a character begun before the run
        for part, _, j in walks(0, k):
            if all(b is None or 0x80 <= b <= 0xBF for b in part) and LEFT_OVER * k * 0.5 < cost[j]:
                cost[j] = LEFT_OVER * k * 0.5
                back[j] = (0, None)
    for i in range(n):
        if cost[i] == inf:
            continue
        # A byte left over: one U+FFFD.
        for _, _, j in walks(i, 1):
            if cost[i] + LEFT_OVER < cost[j]:
                cost[j] = cost[i] + LEFT_OVER
                back[j] = (i, [LOST, j, [LOST]])
        for length in (3, 2, 4):
            for part, kinds, j in walks(i, length):
                step = _COST[length] + (extra(part) if extra else 0.0)
                same = cost[i] + step == cost[j] and back[j][0] == i and back[j][1] is not None
                if cost[i] + step > cost[j] or (cost[i] + step == cost[j] and not same):
                    continue
                found = _read_part(part, kinds, j, fit)
                if not found:
                    continue
                if same:  # another reading of the same bytes (a WHATWG mark at the end: 80, or a lead)
                    item = back[j][1]
                    if item[2] != [LOST]:
                        # Asked of a set: a mark's reading fits up to WIDE characters, and a list
                        # asked for each of them was a tenth of a Big5-as-GBK page's time here.
                        have = set(item[2])
                        item[2] += [ch for ch in found if ch not in have]
                        continue
                cost[j] = cost[i] + step
                back[j] = (i, [found[0], j, list(found)])
    if cost[n] == inf:
        return None
    items = traced(back, n)
    left = sum(1 for item in items if item[2] == [LOST])
    if left > MAX_LEFT * n + 1:
        return None
    return items


# Places one character's bytes may span: four bytes, each read from up to three places (a mark of
# a browser's three-byte decoder jumps over the places of its later bytes: whatwg_marks.steps).
CHAR_SPAN = 12


def fewest_left(places: list) -> int:
    """The fewest known bytes of ``places`` (each an int from 0; anything else a mark's place)
    that any cut into UTF-8 characters, as ``_cheapest`` makes one, leaves over: a bound below
    ``_cheapest``'s count of left items, so a run whose bound is over ``MAX_LEFT`` needs no search.

    A cut reads each known byte as it stands and never skips one, so a known byte is in a
    character or left over. Here a character is looser than any the walks read: a lead (or a
    mark's place) then places that are marks' or continuation bytes, at most ``CHAR_SPAN`` in
    all and at most as many known continuations as the lead's length allows (three after a
    mark), any character fitting; a mark's place is passed for nothing, and so are the bytes a
    character begun before the run ends (three at most: continuations or marks). Every cut
    ``_cheapest`` can make is one of these, so it leaves over at least as many known bytes."""
    n = len(places)
    known = [isinstance(b, int) and b >= 0 for b in places]
    tail = [not k or 0x80 <= b <= 0xBF for k, b in zip(known, places)]  # may stand after a character's first byte
    fewest = [n + 1] * (n + 1)
    fewest[0] = 0
    seen = 0
    for j in range(min(n, CHAR_SPAN)):  # the end of a character begun before the run
        seen += known[j]
        if not tail[j] or seen > MAX_BEFORE:
            break
        fewest[j + 1] = 0
    for i in range(n):
        here = fewest[i]
        if here > n:
            continue
        fewest[i + 1] = min(fewest[i + 1], here + known[i])  # left over (a mark's place: passed)
        room = (_lead_length(places[i]) - 1) if known[i] else 3  # known continuations the character may hold
        if room < 1:
            continue
        seen = 0
        for j in range(i + 1, min(n, i + CHAR_SPAN)):
            if not tail[j]:
                break
            seen += known[j]
            if seen > room:
                break
            if here < fewest[j + 1]:
                fewest[j + 1] = here
    return fewest[n]


# A character none of whose continuation bytes is known (UTF-8 through Big5: a lead rejected
# before a byte 80-a0, which is rejected too) fits hundreds of characters of its row, and the
# likeliest 48 by the unigram missed the true one for 182 of every 1,000 characters of the text
# (benchmarks/utf8_marks_why.py, build split, big5 replace; 研 is the 141st, 府 after e5 the
# 105th): such a character keeps the likeliest WIDE, and the joint choice, with its neighbours,
# names it. Build split, 20 paragraphs a script, page scope, big5 replace / ignore, gb2312, euc_kr:
# 48: 478.5 / 491.9 / 519.0 / 508.5 errors per 1,000; 128: 451.3 / 474.9 / 497.4 / 479.8; 192 and
# 256: big5 442.9 and 435.0, but a damaged page's time 1.5-2.1 times (euc_kr 3-5 times) 48's,
# where 128 costs 1.35 (big5) to 1.8 times (euc_kr).
WIDE = 128


@lru_cache(maxsize=1 << 16)
def _fitting_cached(part: tuple[int | None, ...], length: int, following: int | None, codec: str) -> tuple[str, ...]:
    """``multi_byte_marks._fitting``, kept: a page repeats its characters, and their marks. A
    character with no continuation byte known keeps WIDE."""
    limit = WIDE if length > 1 and all(b is None for b in part[1:]) else MAX_CANDIDATES
    return tuple(_fitting(list(part), length, following, codec, limit))


def _lead_length(b: int) -> int:
    if 0xC2 <= b <= 0xDF:
        return 2
    if 0xE0 <= b <= 0xEF:
        return 3
    if 0xF0 <= b <= 0xF4:
        return 4
    return 0
