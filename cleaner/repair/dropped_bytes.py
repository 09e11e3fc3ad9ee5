"""Where a decoder reading UTF-8 with ``errors="ignore"`` dropped bytes: UTF-8's grammar places them.

A multi-byte decoder (Python's Big5, EUC, gb2312, johab, cp932, shift_jis, cp949 ...) rejects a
byte one at a time (``multi_byte_marks``: a byte it has no character for, or a lead whose next
byte does not complete a code with it); with ``replace`` each such byte is one U+FFFD, with
``ignore`` it is gone without a mark. But each character the decoder did read came from bytes
that stood together (it reads a code in one go), so the dropped bytes fell between its
characters, never inside one: the run's bytes through the decoder's encoder are UTF-8 with gaps
at known places. This module is the one notion of such a gap, and both readers of it:

- A gap is before a character of the run (``len(run)``: after the last). Up to ``MAX_AT_A_GAP``
  bytes may be put back at one, each one the decoder rejects (the last before the byte after
  the gap, an earlier one before a byte it leaves rejected too), in a place UTF-8 allows
  (``_edges_before``; ``multi_byte_marks._step`` is UTF-8's state: continuation bytes still
  needed).
- ``gaps``: the fewest bytes put back that make the run parse, found by a walk over the view
  forward and backward. A gap every placement of the fewest gives the same bytes is decided by
  the bytes, and gets that many U+FFFD: what ``replace`` would have written, which the marks'
  repair reads (``code_pages``: cp932, shift_jis and cp949, which drop a few bytes of UTF-8 and
  read the rest as kanji and kana). Gaps the placements disagree on (a byte dropped inside a
  UTF-8 character the decoder read across two of its own) form small regions, whose ways
  (``choices``) ``code_pages`` reads on a window around each and chooses among by the model.
- ``walks``: where the decoder dropped about half of UTF-8 (Big5, EUC, gb2312: ``utf8_marks``),
  too many for the fewest alone to place, every way to read a UTF-8 character from a place of
  the view with bytes put back at the gaps it crosses, for ``utf8_marks``' cheapest cut, whose
  characters the model then fills; each byte put back costs ``PUT_BACK``.

UTF-8 through cp932 with ``ignore`` (闭 e9 97 ad, 、 e3 80 81, 等 e7 ad 89: 髣ｭ縲遲) loses the 81
of 、 between 縲 and 遲, and the byte views read the rest out of step: a reading resting on a byte
nobody marked (开展 → 开屏, 等 → 迟) was taken as confidently as one resting on none, and the
halfwidth katakana left of ， (ｼ of ef bc 8c) stayed between Han. Put back where the grammar
says, it reads as ``replace``'s marks do.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from cleaner.repair import multi_byte_marks
from cleaner.repair.multi_byte_marks import _step  # noqa: PLC2701 - one UTF-8 state machine

LOST = "\ufffd"
# Bytes dropped side by side at one gap, at most: a character's last, the next one's lead and
# second (Big5 and gb2312 reading UTF-8; cp932 drops two at most: a lead rejected, then the next
# byte rejected too).
MAX_AT_A_GAP = 3
MAX_SHARE = 0.34  # dropped bytes per character of the run at most: past it, too little is left to read
# Placements of the fewest kept: a byte dropped inside a character read across two of the decoder's
# (及翅 e5 8f 8a e7 bf 85 through cp932: 蜿顔ｿ, 85 dropped) may have gone on either side of one.
# Past them (several such ties in one run) the bytes decide too little to try each.
MAX_WAYS = 16
# The cost of a byte put back on ``walks``' cheapest cut: it puts back no more than UTF-8 needs
# (measured, the cost hardly matters).
PUT_BACK = 0.3


@lru_cache(maxsize=None)
def _mark_states(state: int, codec: str, following: int | None) -> frozenset[int]:
    """The states after one dropped byte in ``state``: a byte ``codec`` rejects before
    ``following`` (any it rejects before some byte, when unknown), in a place UTF-8 allows."""
    rejected = multi_byte_marks.rejected_before(codec, following) or multi_byte_marks.rejected_before(codec, None)
    return frozenset(nxt for b in rejected if (nxt := _step(state, b)) is not None)


def placements(run: str, codec: str) -> tuple[int, list[tuple[int, ...]]] | None:
    """The fewest bytes put back (at gaps before characters of ``run``; ``len(run)``: after the
    last) that make ``codec``'s bytes of ``run`` parse as UTF-8, and up to MAX_WAYS distinct sets of
    gap positions doing it (a gap listed once per byte put back there). The run may begin or end
    inside a character (the rest of it outside the run). None if ``codec`` cannot give ``run``
    or no placement makes it parse."""
    codes = _codes(run, codec)
    walked = None if codes is None else _forward(codes, codec, {s: (0, [()]) for s in range(4)},
                                                 lambda ways, k, gap: [w + (gap,) * k for w in ways], _merge)
    if walked is None:
        return None
    best = walked[1]  # state after the last gap: (cost, up to MAX_WAYS distinct placements reaching it)
    fewest = min(cost for cost, _ in best.values())
    ways: list[tuple[int, ...]] = []
    for cost, found in best.values():
        if cost == fewest:
            ways += [w for w in found if w not in ways]
    return fewest, ways[:MAX_WAYS]


def _forward(codes: list[bytes], codec: str, start: dict, extend: Callable, add: Callable) -> tuple[list[dict], dict] | None:
    """The walk over ``codes`` gap by gap, each state's (cost, what reached it): the tables before
    each gap's marks and the one after the last gap's. ``extend(what, k, gap)`` is what reached a
    state with ``k`` bytes put back at ``gap``, ``add`` keeps the cheapest per state (``placements``
    keeps the ways, ``gaps`` counts them). None if no state reads a character through."""
    before = [start]
    for gap in range(len(codes) + 1):
        mid: dict = {}
        edges = _edges(codes, gap, codec)
        for state, (cost, what) in before[-1].items():
            for k, nxt in sorted(edges[state]):
                add(mid, nxt, cost + k, extend(what, k, gap))
        if gap == len(codes):
            return before, mid
        moved: dict = {}
        for state, (cost, what) in mid.items():
            nxt = _through(state, codes[gap])
            if nxt is not None:
                add(moved, nxt, cost, what)
        if not moved:
            return None
        before.append(moved)
    raise AssertionError("unreachable: the last gap returns")


def _merge(table: dict[int, tuple[int, list[tuple[int, ...]]]], state: int, cost: int, ways: list[tuple[int, ...]]) -> None:
    old = table.get(state)
    if old is None or cost < old[0]:
        table[state] = (cost, ways[:MAX_WAYS])
    elif cost == old[0]:
        table[state] = (cost, (old[1] + [w for w in ways if w not in old[1]])[:MAX_WAYS])


def _codes(run: str, codec: str) -> list[bytes] | None:
    try:
        return [multi_byte_marks.code(ch, codec) for ch in run]
    except UnicodeEncodeError:
        return None


def _edges(codes: list[bytes], gap: int, codec: str) -> dict[int, frozenset[tuple[int, int]]]:
    return _edges_before(codec, codes[gap][0] if gap < len(codes) else None)


@lru_cache(maxsize=None)
def _edges_before(codec: str, following: int | None) -> dict[int, frozenset[tuple[int, int]]]:
    """At ``gap``: for each state before it, (bytes put back, state after them) for 0 to
    MAX_AT_A_GAP bytes (the last rejected before the next byte, any earlier one before a byte
    some byte after it leaves rejected)."""
    out: dict[int, frozenset[tuple[int, int]]] = {}
    for state in range(4):
        found = {(0, state)}
        layer = {state}
        for k in range(1, MAX_AT_A_GAP + 1):
            # Only the last byte put back is before the next byte; an earlier one before a mark.
            last = {nxt for s in layer for nxt in _mark_states(s, codec, following)}
            found |= {(k, nxt) for nxt in last}
            layer = {nxt for s in layer for nxt in _mark_states(s, codec, None)}
        out[state] = frozenset(found)
    return out


def _through(state: int, code: bytes) -> int | None:
    for b in code:
        nxt = _step(state, b)
        if nxt is None:
            return None
        state = nxt
    return state


def gaps(run: str, codec: str) -> tuple[int, dict[int, int], list[list[int]]] | None:
    """Where ``codec``'s bytes of ``run`` lost bytes, by the fewest put back that make them parse
    as UTF-8 (the run may begin or end inside a character): their number, the gaps every such
    placement puts the same number at (gap: bytes; a gap ``i`` is before character ``i``), and the
    regions of neighbouring gaps the placements disagree on. The run may begin inside a character
    (its lead in the clean text before), not end inside one. None if ``codec`` cannot give the run
    or no placement parses."""
    codes = _codes(run, codec)
    if codes is None:
        return None
    n = len(codes)
    edges = [_edges(codes, g, codec) for g in range(n + 1)]
    inf = float("inf")
    # Forward: (fewest, ways) per state before gap g's marks.
    walked = _forward(codes, codec, {s: (0, 1) for s in range(4)}, lambda ways, k, gap: ways, _add)
    if walked is None:
        return None
    fwd = walked[0]
    # Backward: (fewest, ways) from a state after gap g's marks to the end.
    bwd_mid: list[dict[int, tuple[float, int]]] = [{} for _ in range(n + 1)]
    # The run ends on a whole character: what follows it is no byte of UTF-8's (a space, ASCII, a
    # character the decoder does not show), so a character left open there lost its last bytes
    # (。 e3 80 82 at a paragraph's end through cp932 is 縲, its 82 a lead with nothing after it).
    bwd_mid[n] = {0: (0, 1)}
    bwd_before: list[dict[int, tuple[float, int]]] = [{} for _ in range(n + 1)]
    for g in range(n, -1, -1):
        if g < n:
            for s in range(4):
                t = _through(s, codes[g])
                if t is not None and t in bwd_before[g + 1]:
                    _add(bwd_mid[g], s, *bwd_before[g + 1][t])
        for s in range(4):
            for k, t in edges[g][s]:
                if t in bwd_mid[g]:
                    c, w = bwd_mid[g][t]
                    _add(bwd_before[g], s, c + k, w)
    total = min((c + bwd_before[0].get(s, (inf, 0))[0] for s, (c, _) in fwd[0].items()), default=inf)
    if total == inf:
        return None
    fixed: dict[int, int] = {}
    open_gaps: list[int] = []
    for g in range(n + 1):
        counts: dict[int, int] = {}
        for s, (c, w) in fwd[g].items():
            for k, t in edges[g][s]:
                if t in bwd_mid[g]:
                    c2, w2 = bwd_mid[g][t]
                    if c + k + c2 == total:
                        counts[k] = counts.get(k, 0) + w * w2
        # The numbers of bytes the placements of the fewest put here (and how many placements each).
        if len(counts) == 1:
            k = next(iter(counts))
            if k:
                fixed[g] = k
        else:
            open_gaps.append(g)
    regions: list[list[int]] = []
    for g in open_gaps:
        if regions and g - regions[-1][-1] <= REGION_REACH:
            regions[-1].append(g)
        else:
            regions.append([g])
    return int(total), fixed, regions


REGION_REACH = 3  # open gaps this close are one choice (the bytes of one or two UTF-8 characters)


def _add(table: dict[int, tuple[float, int]], state: int, cost: float, ways: int) -> None:
    old = table.get(state)
    if old is None or cost < old[0]:
        table[state] = (cost, ways)
    elif cost == old[0]:
        table[state] = (cost, old[1] + ways)


def choices(run: str, codec: str, region: list[int], fixed: dict[int, int]) -> list[dict[int, int]]:
    """The placements of the fewest on ``region``'s gaps (gap: bytes put back), found on a window
    of the run around it (the run's placements agree outside their open regions)."""
    lo, hi = max(0, region[0] - WINDOW), min(len(run), region[-1] + WINDOW)
    found = placements(run[lo:hi], codec)
    if found is None:
        return []
    out: list[dict[int, int]] = []
    for way in found[1]:
        placed = {lo + g: way.count(g) for g in set(way)}
        # Outside the region, the window's way must agree with the run's fixed gaps.
        if any(placed.get(g, 0) != fixed.get(g, 0) for g in range(lo + 1, hi) if g not in region
               and region[0] - REGION_REACH <= g <= region[-1] + REGION_REACH):
            continue
        choice = {g: placed.get(g, 0) for g in region}
        if choice not in out:
            out.append(choice)
    return out


WINDOW = 8  # characters each side of an open region its choices are found and read on


def marked(run: str, placed: dict[int, int]) -> tuple[str, tuple[int, ...]]:
    """``run`` with ``placed[g]`` U+FFFD before character ``g`` (after the last: ``len(run)``),
    and the positions of those marks in the text given."""
    out: list[str] = []
    marks: list[int] = []
    for i in range(len(run) + 1):
        for _ in range(placed.get(i, 0)):
            marks.append(len(out))
            out.append(LOST)
        if i < len(run):
            out.append(run[i])
    return "".join(out), tuple(marks)


Walks = Callable[[int, int], list[tuple[tuple[int | None, ...], tuple[str, ...], int]]]


def walks(view: list[int], starts: list[int]) -> Walks:
    """The ways to read a UTF-8 character of ``length`` bytes from place ``i`` of ``view`` (the
    decoder's bytes of a run; ``starts``: where each of its characters' bytes begin), each a
    (bytes, None where put back; kinds, none here; the place after): at each gap the walk
    crosses, up to ``MAX_AT_A_GAP`` unknown bytes may be put back. Which bytes they may be (each
    one the decoder rejects before the byte after it) is the reader's to check, against the
    characters it fits (``multi_byte_marks._fitting``). A character of put-back bytes alone is
    not offered: nothing shows where one went."""
    n = len(view)
    boundaries = frozenset([*starts, n])

    def ways(i: int, length: int) -> list[tuple[tuple[int | None, ...], tuple[str, ...], int]]:
        found: list[tuple[tuple[int | None, ...], tuple[str, ...], int]] = []

        def walk(at: int, part: tuple, put: int) -> None:
            if len(part) == length:
                if put < length:
                    found.append((part, (), at))
                return
            if at < n:
                walk(at + 1, (*part, view[at]), put)
            if at in boundaries and _put_at_end(part) < MAX_AT_A_GAP:
                walk(at, (*part, None), put + 1)

        walk(i, (), 0)
        return found

    return ways


def put_back_cost(part: tuple[int | None, ...]) -> float:
    """What the bytes ``walks`` put back in ``part`` cost on a cheapest cut."""
    return PUT_BACK * part.count(None)


def _put_at_end(part: tuple) -> int:
    """Bytes put back at the end of ``part``."""
    k = 0
    for b in reversed(part):
        if b is not None:
            break
        k += 1
    return k
