"""A Japanese or Korean decoder's marks, filled with the bytes that decoder's rules allow.

Python's ``cp932``, ``shift_jis``, ``euc_jp``, ``cp949`` and ``euc_kr`` read with
``errors="replace"`` write one U+FFFD per byte they reject, and reject a byte in two ways only: a
byte they have no character for on its own (cp949's 80 and ff), or a lead byte whose next byte
does not complete a code with it. The mark then takes the lead alone and the next byte is read
again on its own (cp932: 85 40 is U+FFFD then ``@``; UTF-8 continuation bytes 81-9f are cp932
leads, and a row cp932 leaves empty, 85 86 eb ec ef, marks them). So a mark is one byte, and
which bytes it can be depends on the byte after it: the bytes the decoder rejects before it
(``rejected_before``). UTF-8 through cp932 marks 4.6 % of its bytes, through cp949 15.4 %; each
mark had been filled from the single-byte view's undefined bytes (81 83 88 8d 8f 90 98 9d),
which holds the right byte seldom.

The marks are filled as ``code_page_marks`` fills a single-byte page's: marks side by side
together (every combination the rules allow, the first mark's byte rejected before the second's),
read with the bytes around in a source, fewest rejected sequences first, then the character
model; every group twice, the second time with its neighbours' choices around it. The source is
chosen by the same evidence: each source fills the marks its own way, and the one reading with
fewest rejected sequences, then the likeliest, is taken. A mark chosen among several readings is
a guess (``code_page_marks.Guess``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import product
from operator import itemgetter

from cleaner import warm_tables
from cleaner.langmodel import model, per_char
from cleaner.repair import holes
from cleaner.repair.code_page_marks import SOURCES, Filled, Guess, best_filling

LOST = "\ufffd"
CONTEXT = 6  # bytes read each side of a group of marks: the characters around it
MAX_TRIES = 1024  # combinations of a group of marks tried together at most (as code_page_marks); past it, each mark alone


def rejected_before(codec: str, following: int | None) -> tuple[int, ...]:
    """The high bytes ``codec`` turns into one U+FFFD of their own when ``following`` comes next
    (the mark takes that byte alone and ``following`` is read again). None: the next byte is not
    known (a mark, or the end of the run): any byte some following byte leaves rejected."""
    return _rejected_table(codec)[UNKNOWN_NEXT if following is None else following]


UNKNOWN_NEXT = 256  # the index of "the next byte is not known" in a code page's table of rejected bytes


@lru_cache(maxsize=None)
def _rejected_table(codec: str) -> list[tuple[int, ...]]:
    """``rejected_before`` for every following byte, and at UNKNOWN_NEXT for an unknown one.

    Kept on disk with the other tables (``tablecache``; its key holds the Python version, whose
    codecs made it): its 33,000 decodes took 0.1 s in every process, on its first page read
    through the code page."""
    from cleaner.tablecache import cached

    return cached(f"rejected-{codec}", [__file__], "1", lambda: _build_rejected(codec))


def _build_rejected(codec: str) -> list[tuple[int, ...]]:
    table = [_rejected_after(codec, following) for following in range(0x100)]
    unknown = set(b for b in range(0x80, 0x100) if bytes((b,)).decode(codec, "replace") == LOST)
    for found in table:
        unknown.update(found)
    return [*table, tuple(sorted(unknown))]


def _rejected_after(codec: str, following: int) -> tuple[int, ...]:
    # Then an ASCII byte: a lead of three bytes (euc_jp's 8f) before a byte that cannot be its
    # second is rejected alone, but the pair alone, cut short, read as one mark.
    alone = bytes((following, 0x41)).decode(codec, "replace")
    return tuple(b for b in range(0x80, 0x100) if bytes((b, following, 0x41)).decode(codec, "replace") == LOST + alone)


def view(run: str, codec: str) -> list[int | None] | None:
    """The bytes ``codec`` read as ``run``, None at each U+FFFD (one rejected byte), or None if
    ``codec`` cannot give a character of ``run``. A character with several codes has its
    encoder's (``other_codes`` says where the others may be meant)."""
    out: list[int | None] = []
    for ch in run:
        if ch == LOST:
            out.append(None)
            continue
        try:
            out += code(ch, codec)
        except UnicodeEncodeError:
            return None
    return out


def code(ch: str, codec: str) -> bytes:
    """The bytes ``codec`` read as ``ch``: an ASCII character is its own byte. JIS X 0213's
    Shift_JIS shows 5c and 7e as ¥ and ‾ and writes \\ and ~ as pairs (81 5f, 81 b0): Big5 漢,
    ba 7e, through Python's shift_jis is ｺ~, which re-encoded so read as two bytes too many, out
    of step to the end of the run (a paragraph read so lost 260 characters)."""
    return ch.encode("ascii") if ch < "\x80" else ch.encode(codec)


@lru_cache(maxsize=None)
def _duplicates(codec: str) -> dict[str, tuple[bytes, ...]]:
    """Characters ``codec`` reads from several two-byte codes, with every code: cp932 reads the
    NEC-selected IBM rows (ed ee) and the IBM rows (fa-fc) as the same kanji, and its encoder
    gives the first (GBK 国的, b9 fa b5 c4, through cp932 is ｹ嶹ﾄ: 嶹 re-encoded as ed 7a read
    鬼櫮).

    Kept on disk with the other tables (``tablecache``; its key holds the Python version, whose
    codecs made it): decoding 32,000 pairs took 40-65 ms in every worker, on its first page read
    through a multi-byte code page."""
    from cleaner.tablecache import cached

    return cached(f"duplicates-{codec}", [__file__], "1", lambda: _build_duplicates(codec))


def _build_duplicates(codec: str) -> dict[str, tuple[bytes, ...]]:
    codes: dict[str, list[bytes]] = {}
    for lead in range(0x80, 0x100):
        for trail in range(0x40, 0x100):
            pair = bytes((lead, trail))
            got = pair.decode(codec, "replace")
            if len(got) == 1 and got != LOST:
                codes.setdefault(got, []).append(pair)
    return {ch: tuple(found) for ch, found in codes.items() if len(found) > 1}


def other_codes(run: str, codec: str) -> list[tuple[int, tuple[bytes, ...]]]:
    """(byte offset in ``view``, every code) of each character of ``run`` ``codec`` reads from
    several codes."""
    dups = _duplicates(codec)
    found, at = [], 0
    for ch in run:
        if ch in dups:
            found.append((at, dups[ch]))
        at += 1 if ch == LOST else len(code(ch, codec))
    return found


@lru_cache(maxsize=1 << 12)
def fill(run: str, codec: str) -> Filled | None:
    """``run``'s bytes with every mark filled as ``codec``'s rules allow, in the source that reads
    them best; None if ``codec`` cannot have given ``run``."""
    marked = view(run, codec)
    if marked is None:
        return None
    marks = [i for i, b in enumerate(marked) if b is None]
    if not marks and not other_codes(run, codec):
        data = bytes(marked)  # type: ignore[arg-type]
        return Filled(data, _rejects_and_source(data)[1], ())
    # UTF-8 says of each mark whether it was a lead or a continuation byte: where the bytes the
    # decoder kept parse as UTF-8 with the marks in some places of it, the source is UTF-8 (GBK
    # and Big5 bytes hardly ever do, over a stretch), and each mark keeps only the bytes of its
    # place. Otherwise GBK and Big5, which accept nearly any pair, each fill the marks.
    places = utf8_places(marked)
    sources = ("utf-8",) if places is not None else tuple(s for s in SOURCES if s != "utf-8")
    best: tuple[int, float, Filled] | None = None
    others = other_codes(run, codec)
    for source in sources:
        filled = _fill_in(marked, marks, codec, source, places)
        if others:
            filled = _other_codes_chosen(filled, others)
        text = filled.data.decode(source, "replace")
        key = (text.count(LOST), -per_char(text) * len(text))
        if best is None or key < best[:2]:
            best = (key[0], key[1], filled)
    assert best is not None
    return best[2]


def _other_codes_chosen(filled: Filled, others: list[tuple[int, tuple[bytes, ...]]]) -> Filled:
    """``filled`` with each character of several codes given the code reading best around it in
    its source (fewest rejected sequences, then the character model); a choice the model made is
    a guess."""
    data = bytearray(filled.data)
    guesses = list(filled.guesses)
    for at, codes in others:
        lo, hi = _window(data, at - CONTEXT, at + 2 + CONTEXT, filled.source)
        scored = []
        for code in codes:
            data[at : at + 2] = code
            text = bytes(data[lo:hi]).decode(filled.source, "replace")
            scored.append((text.count(LOST), -per_char(text) * len(text), text, code))
        scored.sort()
        data[at : at + 2] = scored[0][3]
        rivals = [t for t in scored[1:] if t[0] == scored[0][0] and t[2] != scored[0][2]]
        if rivals:
            text, other = scored[0][2], rivals[0][2]
            differ = next((k for k, (a, b) in enumerate(zip(text, other, strict=False)) if a != b), 0)
            guesses.append(Guess((at,), other[differ : differ + 1], rivals[0][1] - scored[0][1]))
    return Filled(bytes(data), filled.source, tuple(guesses))


def _rejects_and_source(data: bytes) -> tuple[int, str]:
    return min((data.decode(s, "replace").count(LOST), s) for s in SOURCES)


# UTF-8's places for a byte: a continuation byte, or the lead of a character of 2, 3 or 4 bytes.
_PLACES = ((0x80, 0xBF), (0xC2, 0xDF), (0xE0, 0xEF), (0xF0, 0xF4))
_NEEDS = (None, 1, 2, 3)  # continuation bytes each lead place needs


def _step(state: int, b: int) -> int | None:
    """The continuation bytes still needed after byte ``b`` when ``state`` were; None: invalid."""
    if state:
        return state - 1 if 0x80 <= b <= 0xBF else None
    if b < 0x80:
        return 0
    for (lo, hi), need in zip(_PLACES[1:], _NEEDS[1:], strict=True):
        if lo <= b <= hi:
            return need
    return None


MAX_BEFORE = 8  # bytes before the first character a view may hold: the end of one begun before, clean text


def utf8_places(marked: list[int | None]) -> tuple[int, list[frozenset[int]]] | None:
    """Where the view's UTF-8 begins, and for each byte from there the UTF-8 places (indices
    into ``_PLACES``) a mark there can hold on some parse of the rest as UTF-8 (a mark any high
    byte; the view may end inside a character). The view may begin with up to MAX_BEFORE bytes
    that are no part of it: a decoder's character holding the end of one UTF-8 character and the
    start of the next, or clean text a piece starts with (道， before 他说 through cp949). None
    if no such parse takes every known byte."""
    # At most a third of the view: the rest of a short view parses as UTF-8 by chance.
    for begin in range(min(MAX_BEFORE, len(marked) // 3) + 1):
        if begin and marked[begin - 1] is not None and marked[begin - 1] < 0x80:
            break  # ASCII is read as itself in every source: no character begun before holds it
        places = _places_from(marked, begin)
        if places is not None:
            return begin, places
    return None


def _places_from(marked: list[int | None], begin: int) -> list[frozenset[int]] | None:
    n = len(marked)
    # forward[i]: the states reachable before byte i.
    forward: list[set[int]] = [set() for _ in range(n + 1)]
    forward[begin] = {0}
    for i in range(begin, n):
        b = marked[i]
        for state in forward[i]:
            if b is not None:
                nxt = _step(state, b)
                if nxt is not None:
                    forward[i + 1].add(nxt)
            else:
                forward[i + 1].update({state - 1} if state else set(_NEEDS[1:]))
        if not forward[i + 1]:
            return None
    # backward: the states before byte i from which the rest parses (any state at the end).
    live = {0, 1, 2, 3}
    places: list[frozenset[int]] = [frozenset()] * n
    for i in range(n - 1, begin - 1, -1):
        b = marked[i]
        before = set()
        kinds = set()
        for state in forward[i]:
            if b is not None:
                nxt = _step(state, b)
                if nxt is not None and nxt in live:
                    before.add(state)
            elif state:
                if state - 1 in live:
                    before.add(state)
                    kinds.add(0)
            else:
                for k in (1, 2, 3):
                    if _NEEDS[k] in live:
                        before.add(state)
                        kinds.add(k)
        places[i] = frozenset(kinds)
        live = before
    return places


def _fill_in(marked: list[int | None], marks: list[int], codec: str, source: str,
             places: tuple[int, list[frozenset[int]]] | None) -> Filled:
    if places is not None:
        chosen = _utf8_chosen(marked, codec, places)
        if chosen is not None:
            return chosen
    # The bytes each mark may be: those the decoder rejects before a next byte, in a place of
    # UTF-8 the parse allows there (reading UTF-8).
    # A mark before a known byte is one rejected before that byte; in GBK or Big5, a byte the
    # source can hold (Big5 has no byte 80-a0 but trail bytes 40-7e).
    pools = {i: _in_source(_in_places(_before_known(marked, i, codec), places[1][i] if places and i >= places[0] else None),
                           source)
             for i in marks}
    # Each mark first holds the first byte it may be before a known next byte, so that the
    # bytes around a group read as they will.
    data = bytearray(b if b is not None else 0 for b in marked)
    for i in reversed(marks):
        data[i] = _choices(marked, data, i, codec, pools[i])[0]
    guesses: list[Guess | None] = []
    groups = _groups(marked, marks, pools)
    starts = _Starts(data, source)
    for _ in range(2):
        guesses = [_choose(data, marked, group, codec, source, pools, starts) for group in groups]
    return Filled(bytes(data), source, tuple(g for g in guesses if g))


def _before_known(marked: list[int | None], i: int, codec: str) -> tuple[int, ...]:
    following = marked[i + 1] if i + 1 < len(marked) else None
    return rejected_before(codec, following) or rejected_before(codec, None)


_SOURCE_BYTES = {"gbk": range(0x81, 0xFF), "big5": range(0xA1, 0xFF)}  # high bytes each source's codes hold


def _in_source(pool: tuple[int, ...], source: str) -> tuple[int, ...]:
    held = _SOURCE_BYTES.get(source)
    kept = pool if held is None else tuple(b for b in pool if b in held)
    return kept or pool


def _in_places(pool: tuple[int, ...], places: frozenset[int] | None) -> tuple[int, ...]:
    if places is None:
        return pool
    kept = tuple(b for b in pool if any(_PLACES[k][0] <= b <= _PLACES[k][1] for k in places))
    return kept or pool


def _choices(marked: list[int | None], data: bytearray, i: int, codec: str, pool: tuple[int, ...]) -> tuple[int, ...]:
    """The bytes mark ``i`` may be: rejected before the byte after it (as filled, if a mark)."""
    following = marked[i + 1] if i + 1 < len(marked) else None
    if i + 1 < len(marked) and following is None:
        following = data[i + 1]
    allowed = set(rejected_before(codec, following))
    return tuple(b for b in pool if b in allowed) or pool


NEAR = 2  # marks this close (one byte between: the trail bytes of two Big5 characters) are filled together


def _groups(marked: list[int | None], marks: list[int], pools: dict[int, tuple[int, ...]]) -> list[list[int]]:
    """Marks side by side or nearly (``NEAR``), in groups of at most MAX_TRIES combinations:
    chosen one at a time, 受到 through cp932 (ｨ�ｨ�, each trail byte a mark) came back 到受."""
    groups: list[list[int]] = []
    size = 1
    for i in marks:
        n = len(pools[i])
        if groups and i - groups[-1][-1] <= NEAR and size * n <= MAX_TRIES:
            groups[-1].append(i)
            size *= n
        else:
            groups.append([i])
            size = n
    return groups


class _Starts:
    """Where the characters of ``data`` start in a two-byte source, walked from its first byte
    once and kept: ``_window`` asked for each group of marks, walking from the first byte every
    time, made a long run's filling quadratic. ``changed(at)`` forgets the starts a byte changed
    at ``at`` may move (a character's width reads its first four bytes)."""

    def __init__(self, data: bytearray, source: str) -> None:
        self.data, self.source, self.starts = data, source, [0]

    def changed(self, at: int) -> None:
        keep = bisect_right(self.starts, at - 4)
        del self.starts[max(keep, 1):]

    def last_at_or_before(self, lo: int) -> int:
        """The start of the character holding byte ``lo`` (``lo`` itself, past the end)."""
        starts, data = self.starts, self.data
        while starts[-1] <= lo and starts[-1] < len(data):
            starts.append(starts[-1] + _width(data, starts[-1], self.source))
        return starts[bisect_right(starts, lo) - 1]


def _window(data: bytearray, lo: int, hi: int, source: str, starts: _Starts | None = None) -> tuple[int, int]:
    """``lo``..``hi`` widened to character boundaries of ``data`` in ``source``: a window cut
    inside a GBK or Big5 pair reads every character after it out of step (官方语言's 语, its
    trail byte marked through cp932, came back 狱: the context had been misread). ``starts``:
    the data's character starts so far (a two-byte source), kept between calls."""
    if lo <= 0:
        start = 0
    elif source == "utf-8":
        start = lo
        while start > 0 and 0x80 <= data[start] <= 0xBF:
            start -= 1
    else:
        start = (starts or _Starts(data, source)).last_at_or_before(lo)
    end = start
    while end < min(hi, len(data)):
        end += _width(data, end, source)
    return start, min(end, len(data))


def _width(data: bytearray, i: int, source: str) -> int:
    """Bytes the character at ``i`` takes in ``source`` (a rejected byte: one)."""
    b = data[i]
    if b < 0x80:
        return 1
    if source == "utf-8":
        need = _step(0, b)
        return 1 if need is None else need + 1
    if source == "gbk":
        if b in (0x80, 0xFF):
            return 1
        if i + 3 < len(data) and 0x30 <= data[i + 1] <= 0x39:
            return 4  # GB18030's four-byte codes, which Python's gbk rejects but reads in step
        return 2
    return 1 if b < 0xA1 or b == 0xFF else 2


def _fillings(marked: list[int | None], data: bytearray, part: list[int], codec: str,
              pools: dict[int, tuple[int, ...]]):
    """Every filling of ``part`` the decoder's rules allow: each mark's byte rejected before the
    byte after it (the next mark's filling, inside the group)."""
    last = part[-1]
    chosen = [pools[i] for i in part[:-1]] + [_choices(marked, data, last, codec, pools[last])]
    # Marks side by side: each rejected before the next one's filling.
    touching = [k for k in range(len(part) - 1) if part[k + 1] == part[k] + 1]
    for combo in product(*chosen):
        if all(combo[k] in _rejected_set(codec, combo[k + 1]) for k in touching):
            yield combo


@lru_cache(maxsize=None)
def _rejected_set(codec: str, following: int) -> frozenset[int]:
    return frozenset(rejected_before(codec, following))


def _choose(data: bytearray, marked: list[int | None], part: list[int], codec: str, source: str,
            pools: dict[int, tuple[int, ...]], starts: _Starts | None = None) -> Guess | None:
    """Fill ``part``'s marks in place with the filling reading best; the guess if several
    readings were left to the character model. ``starts``: ``data``'s character starts, told
    of the bytes filled here."""
    lo, hi = _window(data, part[0] - CONTEXT, part[-1] + CONTEXT + 1, source, starts)
    if starts is not None:
        starts.changed(part[0])
    scored: dict[str, tuple[int, tuple[int, ...]]] = {}
    for combo in _fillings(marked, data, part, codec, pools):
        for i, b in zip(part, combo, strict=True):
            data[i] = b
        text = bytes(data[lo:hi]).decode(source, "replace")
        if text not in scored:
            scored[text] = (text.count(LOST), combo)
    if not scored:
        return None
    return best_filling(data, part, scored, model().score)  # native, folding a character at a time: thousands of readings


# --- UTF-8, a character at a time -------------------------------------------------------------


@warm_tables.table
@lru_cache(maxsize=1)
def _utf8_vocabulary() -> dict[int, tuple[tuple[bytes, str], ...]]:
    """Every character the model has seen (unigram above its floor), by UTF-8 length: (its
    bytes, itself), likeliest first.

    Kept on disk with the model's tables (``tablecache``, made again when the model's files or
    this one change): made in every process on its first page of UTF-8 through a decoder that
    marks it, it took 20-40 ms (63,000 unigram look-ups), read back 3-5 ms. Built in memory only
    while another model is in use (``langmodel.use``)."""
    from cleaner import langmodel
    from cleaner.tablecache import cached

    sources = langmodel.model_sources()
    return _build_utf8_vocabulary() if sources is None else cached("utf8vocabulary", [*sources, __file__], "1", _build_utf8_vocabulary)


def _build_utf8_vocabulary() -> dict[int, tuple[tuple[bytes, str], ...]]:
    lm = model()
    floor = lm.unigram("\U0010fff0")
    table: dict[int, list[tuple[float, bytes, str]]] = {}
    for c in range(0x80, 0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        score = lm.unigram(ch)
        if score > floor:
            data = ch.encode("utf-8")
            table.setdefault(len(data), []).append((-score, data, ch))
    return {length: tuple((data, ch) for _, data, ch in sorted(found)) for length, found in table.items()}


@lru_cache(maxsize=None)
def _by_known(length: int, known: tuple[int, ...]) -> dict[tuple[int, ...], tuple[tuple[bytes, str], ...]]:
    """The vocabulary's characters of ``length`` bytes by their bytes at the offsets ``known``
    (the others a character's marks), likeliest first: a character with marks looks up its
    known bytes instead of scanning thousands. (Built here, a few ms a set: read back from disk it
    took nearly as long.)"""
    entries = _utf8_vocabulary().get(length, ())
    # The first page that reads a run of dropped bytes builds several of these (a clean page's
    # rare run too, before its reading is refused): the two ends of the key made without a loop
    # (no key, one group; every byte, one character a key, as no two characters share a code),
    # and no list made for a group that already has one.
    if not known:
        return {(): tuple(entries)} if entries else {}
    if len(known) == length:
        return {tuple(data): ((data, ch),) for data, ch in entries}
    table: dict[tuple[int, ...], list[tuple[bytes, str]]] = {}
    # The key of each character at C speed (itemgetter gives a tuple for two offsets or more).
    key = itemgetter(*known) if len(known) > 1 else (lambda data, k=known[0]: (data[k],))
    for entry in entries:
        known_bytes = key(entry[0])
        found = table.get(known_bytes)
        if found is None:
            table[known_bytes] = [entry]
        else:
            found.append(entry)
    return {known_bytes: tuple(found) for known_bytes, found in table.items()}


def _utf8_chosen(marked: list[int | None], codec: str, parse: tuple[int, list[frozenset[int]]]) -> Filled | None:
    """The marks of a view that parses as UTF-8 with each mark in one place, filled a character
    at a time: each character with marks has the characters the model has seen whose bytes fit
    (its known bytes, each mark's byte one the decoder rejects before the byte after it), and
    ``holes.choose_ranked`` picks among them jointly by the character model. None where a
    character has no such candidate (the byte enumeration then fills it)."""
    data = bytearray(b if b is not None else 0 for b in marked)
    items: list[list] = []
    spans: list[tuple[int, int]] = []  # each item's bytes
    begin, places = parse
    n = len(marked)
    for i in range(begin):  # bytes before the first character: no part of the reading
        if marked[i] is None:
            data[i] = rejected_before(codec, None)[0]
    i = begin
    while i < n:
        b = marked[i]
        if b is None and len(places[i]) > 1:
            return None  # a mark the parse leaves open: the byte enumeration fills it
        need = next(iter(places[i]), None) if b is None else (0 if b < 0x80 else _step(0, b))
        if need is None:
            return None
        length = 1 if b is not None and b < 0x80 else need + 1
        if i + length > n:  # a character the piece ends inside of: its first bytes as they came
            for k in range(i, n):
                if marked[k] is None:
                    data[k] = rejected_before(codec, None)[0]
            break
        part = marked[i : i + length]
        if None not in part:
            ch = bytes(part).decode("utf-8", "replace")  # type: ignore[arg-type]
            if len(ch) != 1:  # known bytes that are no one UTF-8 character: context for the choice only
                ch = "\ufffd"
            items.append([ch, i + length - begin, [ch]])
        else:
            following = marked[i + length] if i + length < n else None
            found = _fitting(part, length, following, codec)
            if not found:
                return None
            items.append([found[0], i + length - begin, found])
        spans.append((i, i + length))
        i += length
    choices = holes.choose_ranked(items, "", False)
    guesses: list[Guess] = []
    for choice, (a, b) in zip(choices, spans, strict=True):
        if None not in marked[a:b]:
            continue
        data[a:b] = choice.char.encode("utf-8")
        if choice.guessed and choice.alternative:
            guesses.append(Guess(tuple(k for k in range(a, b) if marked[k] is None), choice.alternative, choice.margin))
    return Filled(bytes(data), "utf-8", tuple(guesses))


MAX_CANDIDATES = 48  # characters a character with marks keeps, likeliest by the unigram first


def _fitting(part: list[int | None], length: int, following: int | None, codec: str, limit: int = MAX_CANDIDATES) -> list[str]:
    """The characters the model has seen whose UTF-8 bytes fit ``part`` (known bytes as they
    are, each mark a byte ``codec`` rejects before the byte after it), likeliest first, ``limit``
    at most.

    The characters with ``part``'s known bytes are searched as one string of their bytes
    (``packed``) by a pattern of a byte class a place (``_mark_shape``): a mark before a known
    byte, or last, is one of the bytes rejected before that byte (``following``), at C speed;
    only a mark before another mark, whose bytes depend on the character's next byte, is asked
    of each match. A loop over the characters in Python asked hundreds a call, each call a new
    part; tests/reference_multi_byte_marks.py holds it, and the tests hold this to it."""
    known = tuple(k for k in range(length) if part[k] is not None)
    packed_bytes, chars = packed(length, known, tuple(part[k] for k in known))  # type: ignore[misc]
    if not chars:
        return []
    nexts = tuple(_KNOWN if part[k] is not None else _next_place(part, k, length, following) for k in range(length))
    shape, linked = _mark_shape(nexts, codec)
    found: list[str] = []
    step = length + 1
    for m in shape.finditer(packed_bytes):
        if linked:
            data = m.group()
            if not all(data[k] in _rejected_set(codec, data[k + 1]) for k in linked):
                continue
        found.append(chars[m.start() // step])
        if len(found) == limit:
            break
    return found


_KNOWN, _ANY_NEXT, _MARK_NEXT = -1, -2, -3  # a place's next byte in ``_mark_shape``'s key, besides a byte's value


def _next_place(part: list[int | None], k: int, length: int, following: int | None) -> int:
    """What comes after the mark at place ``k``: a known byte (its value), an unknown one
    (``_ANY_NEXT``: the run ends), or another mark (``_MARK_NEXT``)."""
    nxt = part[k + 1] if k + 1 < length else following
    if nxt is not None:
        return nxt
    return _MARK_NEXT if k + 1 < length else _ANY_NEXT


# Between two characters' bytes in ``packed``: no byte of a character of two bytes or more, so a
# match of a shape (every place a class of high bytes) stands within one character, whole.
_APART = b"\x00"
HIGH = range(0x80, 0x100)


@lru_cache(maxsize=1 << 12)
def packed(length: int, known: tuple[int, ...], key: tuple[int, ...]) -> tuple[bytes, tuple[str, ...]]:
    """The bytes of the vocabulary's characters of ``length`` bytes with bytes ``key`` at places
    ``known`` (``_by_known``), likeliest first, each after an ``_APART``; and the characters, in
    that order: searched by a pattern of a byte class a place (``byte_class``)."""
    group = _by_known(length, known).get(key, ())
    return _APART + _APART.join(data for data, _ in group), tuple(ch for _, ch in group)


@lru_cache(maxsize=1 << 10)
def _mark_shape(nexts: tuple[int, ...], codec: str) -> tuple[re.Pattern[bytes], tuple[int, ...]]:
    """The pattern of a character's bytes (``_fitting``) for what follows each place (``nexts``):
    a known place any high byte; a mark one of the bytes ``codec`` rejects before its next byte,
    before any where that is unknown, and before some high byte where it is a mark, whose places
    (the second result) each match is asked again with its own next byte."""
    classes = []
    for nxt in nexts:
        if nxt == _KNOWN:
            classes.append(byte_class(HIGH))
        elif nxt == _ANY_NEXT:
            classes.append(byte_class(_any_rejected(codec)))
        elif nxt == _MARK_NEXT:
            classes.append(byte_class(_rejected_before_high(codec)))
        else:
            classes.append(byte_class(_rejected_set(codec, nxt)))
    return re.compile(b"".join(classes)), tuple(k for k, nxt in enumerate(nexts) if nxt == _MARK_NEXT)


@lru_cache(maxsize=None)
def _rejected_before_high(codec: str) -> frozenset[int]:
    """The bytes ``codec`` rejects before some high byte: a mark's before another mark's."""
    return frozenset().union(*(_rejected_set(codec, b) for b in HIGH))


@lru_cache(maxsize=1 << 10)
def byte_class(members: frozenset[int] | range) -> bytes:
    """A pattern class of the high bytes among ``members`` (every byte of a character of two bytes
    or more is high), as ranges (a class of single bytes took several times as long to compile);
    a pattern that matches nothing where there are none."""
    high = sorted(b for b in members if b >= 0x80)
    if not high:
        return b"(?!)"
    ranges: list[list[int]] = []
    for b in high:
        if ranges and b == ranges[-1][1] + 1:
            ranges[-1][1] = b
        else:
            ranges.append([b, b])
    return b"[" + b"".join(b"\\x%02x-\\x%02x" % (lo, hi) for lo, hi in ranges) + b"]"


@lru_cache(maxsize=None)
def _any_rejected(codec: str) -> frozenset[int]:
    return frozenset(rejected_before(codec, None))
