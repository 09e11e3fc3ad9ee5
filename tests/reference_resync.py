"""Reference oracle for the native resync lattice (native/src/resync.rs), kept from cleaner/repair/resync.py.

The Python original of the lattice that reads a two-byte source misread by a decoder that lost
bytes back in step (``best_path``), of the byte view it reads (``view``) and of the ranked
candidates of a lost byte, unchanged but for the constants, which it takes from the product so
that both read with the same ones. ``read`` is the native ``ResyncLattice.read`` in Python: the
property tests (tests/test_resync.py) put it in the product's place and ask for the same repair.
Not part of the product.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.langmodel import model
from cleaner.repair import ascii_pairs, decoders
from cleaner.repair.resync import BEAM, CHOICE_CANDIDATES, KEEP_COST, LATTICE_CANDIDATES, LOST_COST

# The codec holding each source's table.
_CODEC = {"gbk": "gb18030", "big5": "cp950", "big5hkscs": "big5hkscs"}


# The product's tables the lattice reads by: ``decoders.native_codes``, or (``dropping``) those
# whose single-byte family drops a page's deleted set (``invisible_bytes.single_byte_drops``).
_CODES = [decoders.native_codes]


def _rejects(family: str, first: int, second: int | None) -> bool:
    """The family's rejected bytes, as the product's native table holds them."""
    return _CODES[0]().rejects(family, first, second)


class dropping:  # noqa: N801 - stands in for the module, as the product's second lattice does
    """``read`` with the single-byte family dropping ``dropped`` (the product's
    ``resync._lattice(lm, dropped)``)."""

    def __init__(self, dropped: tuple[int, ...]) -> None:
        self.dropped = dropped

    def read(self, *args) -> list[list] | None:
        _CODES[0] = lambda: decoders.native_codes_dropping(self.dropped)
        _clear()
        try:
            return read(*args)
        finally:
            _CODES[0] = decoders.native_codes
            _clear()


def _clear() -> None:
    for cached in (_lost_lead, _lost_trail, _lost_both, _swallowed, _rejected_pairs):
        cached.cache_clear()


@lru_cache(maxsize=1 << 16)
def _pair(codec: str, lead: int, trail: int) -> str | None:
    """The character ``lead trail`` is in ``codec``'s table, if it is one a Chinese page writes."""
    try:
        ch = bytes((lead, trail)).decode(codec)
    except UnicodeDecodeError:
        return None
    if len(ch) != 1 or "\ue000" <= ch <= "\uf8ff" or not ch.isprintable():
        return None
    return ch


def _four_bytes(data: list[int | None]) -> str | None:
    """The character a GB18030 four-byte code is (Hangul, Thai, signs GBK lacks), or None."""
    if len(data) < 4 or None in data or not (0x30 <= data[1] <= 0x39 and 0x81 <= data[2] <= 0xFE and 0x30 <= data[3] <= 0x39):
        return None
    try:
        ch = bytes(data).decode("gb18030")
    except UnicodeDecodeError:
        return None
    return ch if ch.isprintable() and not "\ue000" <= ch <= "\uf8ff" else None


@lru_cache(maxsize=1 << 14)
def _lost_lead(codec: str, family: str, trail: int) -> tuple[str, ...]:
    """Characters ``X trail`` whose lead X the view's ``family`` rejects before ``trail``."""
    return _ranked(ch for lead in range(0x81, 0xFF)
                   if _rejects(family, lead, trail) and (ch := _pair(codec, lead, trail)) is not None)


@lru_cache(maxsize=1 << 14)
def _lost_trail(codec: str, family: str, lead: int, after: int | None) -> tuple[str, ...]:
    """Characters ``lead X`` whose trail X the view's ``family`` rejects before ``after``."""
    return _ranked(ch for trail in range(0x40, 0xFF)
                   if _rejects(family, trail, after) and (ch := _pair(codec, lead, trail)) is not None)


@lru_cache(maxsize=1 << 10)
def _lost_both(codec: str, family: str, after: int | None) -> tuple[str, ...]:
    """Characters ``X Y`` both of whose bytes the view's ``family`` rejects (X before Y, Y before
    ``after``): a character lost whole, which only its neighbours can name."""
    return _ranked(ch for trail, ch in _rejected_pairs(codec, family) if _rejects(family, trail, after))


@lru_cache(maxsize=4)
def _swallowed(codec: str, family: str) -> tuple[str, ...]:
    """Characters ``X Y`` whose pair the view's ``family`` rejects, Y beyond ASCII: what one mark
    before another high byte stands for where the decoder swallows the trail of a pair it rejects
    (a browser's big5: 人 is GBK c8 cb, one U+FFFD), whatever byte comes after."""
    return _ranked(ch for trail, ch in _rejected_pairs(codec, family) if trail >= 0x80)


@lru_cache(maxsize=4)
def _rejected_pairs(codec: str, family: str) -> tuple[tuple[int, str], ...]:
    return tuple((trail, ch) for lead in range(0x81, 0xFF) for trail in range(0x40, 0xFF)
                 if _rejects(family, lead, trail) and (ch := _pair(codec, lead, trail)) is not None)


def _ranked(chars) -> tuple[str, ...]:
    # Ties by the character itself: a set's order follows the process's hash seed, and the cut to
    # CHOICE_CANDIDATES would then differ from run to run (seen as a changed finding).
    unigram = model().unigram
    return tuple(sorted(set(chars), key=lambda ch: (-unigram(ch), ch))[:CHOICE_CANDIDATES])


Node = tuple[int, bool]  # (byte offset, a lost byte already put at this offset)


def best_path(stream: list[int | None], ends: list[int], source: str, family: str, prev: str = "",
              lost_cost: float = LOST_COST, shown: list[tuple[int, int, str]] = ()) -> list[list] | None:
    """The characters of the best reading of ``stream`` in ``source``, lost bytes put back where
    the decoder did not mark them: [character, end offset in the stream, candidates] each (several
    candidates: the character holds a lost byte), as ``holes.choose_ranked`` takes them; None
    where no reading covers the stream.

    ``ends``: where each token the wrong decoder read ends: an unmarked lost byte stood at one of
    them (or at the start); none given, none was lost unmarked. Where the stream holds marks (U+FFFD, None here: ``errors="replace"``)
    the decoder marked its lost bytes, and only a mark may stand for one more (a browser's mark
    swallows the byte after a lead it rejects).

    ``shown``: tokens that may be kept as the decoder showed them, (start, end, character), each
    at ``KEEP_COST`` beyond the model's score: one place nothing explains (a GB18030 four-byte
    code with marked bytes, a sign a view writes elsewhere) no longer loses the whole line.
    """
    codec = _CODEC[source]
    lm = model()
    n = len(stream)
    marked = None in stream
    boundary = set() if marked or not ends else {0, *ends}
    # node -> {last character: (score, back: (node, character) or None, the character's
    # candidates (several: it holds a lost byte), the offsets where it put a lost byte)}
    paths: dict[Node, dict[str, tuple]] = {(0, False): {prev[-1:]: (0.0, None, (), ())}}
    kept_at: dict[int, list[tuple[int, str]]] = {}
    for start, end, ch in shown:
        if start < end <= n:
            kept_at.setdefault(start, []).append((end, ch))

    def offer(node: Node, score: float, ch: str, back: tuple[Node, str], candidates: tuple[str, ...] = (),
              lost: tuple[int, ...] = ()) -> None:
        at = paths.setdefault(node, {})
        old = at.get(ch)
        if old is None or score > old[0]:
            at[ch] = (score, back, candidates or (ch,), lost)

    def offer_all(node: Node, score: float, last: str, candidates: tuple[str, ...], back: tuple[Node, str],
                  lost: tuple[int, ...], cost: float | None = None) -> None:
        cost = lost_cost if lost and cost is None else cost or 0.0
        for c in candidates[:LATTICE_CANDIDATES]:
            offer(node, score + _step(lm, last, c) - cost, c, back, candidates, lost)

    for p in range(n):
        for used in (False, True):
            at = paths.get((p, used))
            if not at:
                continue
            kept = sorted(at.items(), key=lambda kv: -kv[1][0])[:BEAM]
            paths[(p, used)] = dict(kept)
            b = stream[p]
            nxt = stream[p + 1] if p + 1 < n else None
            after = stream[p + 2] if p + 2 < n else None
            for last, (score, *_) in kept:
                back = ((p, used), last)
                for end, ch in kept_at.get(p, ()):  # the token as the decoder showed it
                    offer((end, False), score + _step(lm, last, ch) - KEEP_COST, ch, back)
                if b is not None and b < 0x80:
                    offer((p + 1, False), score + _step(lm, last, chr(b)), chr(b), back)
                    if b >= 0x40 and p in boundary and not used:  # an ASCII-range trail whose lead was lost: no cost
                        offer_all((p + 1, False), score, last, _lost_lead(codec, family, b), back, (p,), 0.0)
                    continue
                if b is None:  # a marked lost byte: a lead, or a trail, or two bytes (one swallowed)
                    if nxt is not None:
                        offer_all((p + 2, False), score, last, _lost_lead(codec, family, nxt), back, ())
                        if nxt >= 0x80:
                            offer_all((p + 1, False), score, last, _swallowed(codec, family), back, (p + 1,))
                    elif p + 1 >= n:
                        offer_all((p + 1, False), score, last, _lost_both(codec, family, None), back, (p + 1,))
                    else:  # two marks: a character lost whole
                        offer_all((p + 2, False), score, last, _lost_both(codec, family, after), back, ())
                    continue
                if nxt is not None and nxt >= 0x40:
                    if (ch := _pair(codec, b, nxt)) is not None:
                        offer((p + 2, False), score + _step(lm, last, ch), ch, back)
                elif nxt is not None and codec == "gb18030" and (ch := _four_bytes(stream[p : p + 4])) is not None:
                    offer((p + 4, False), score + _step(lm, last, ch), ch, back)
                elif nxt is None and p + 1 < n:
                    offer_all((p + 2, False), score, last, _lost_trail(codec, family, b, after), back, ())
                if p in boundary and not used:
                    # A lost lead before this byte, or a character lost whole before it.
                    offer_all((p + 1, False), score, last, _lost_lead(codec, family, b), back, (p,))
                    offer_all((p, True), score, last, _lost_both(codec, family, b), back, (p, p))
                if p + 1 in boundary and b >= 0x81:
                    offer_all((p + 1, True), score, last, _lost_trail(codec, family, b, nxt), back, (p + 1,))
    finals = [(s[0], (node, ch)) for node in ((n, False), (n, True)) for ch, s in paths.get(node, {}).items()]
    if not finals:
        return None
    ref: tuple[Node, str] | None = max(finals)[1]
    items: list[list] = []
    while ref is not None:
        _, back, candidates, lost = paths[ref[0]][ref[1]]
        if back is not None:
            items.append([ref[1], ref[0][0], list(candidates)])
        ref = back
    return items[::-1]


def _step(lm, last: str, ch: str) -> float:
    """``ch`` after ``last`` by the model, but a pair with an ASCII letter or sign 40-7e on
    either side by running text's counts (``ascii_pairs``), with the model's unigram of a second
    character beyond ASCII."""
    if not last:
        return lm.unigram(ch)
    if ("\x40" <= last <= "\x7e" or "\x40" <= ch <= "\x7e"):
        a, b = ascii_pairs.token(last), ascii_pairs.token(ch)
        if a is not None and b is not None:
            pair = ascii_pairs.table()[ascii_pairs.index(a) * ascii_pairs.SIZE + ascii_pairs.index(b)]
            return pair + lm.unigram(ch) if ch > "\x7f" else pair
    return lm.bigram(last, ch)


def view(text: str, family: str, codecs_: tuple[str, ...] | None) -> tuple[list[int | None], list[int]]:
    """The byte view of ``text`` as one decoder of ``family`` read it: ``codecs_``, the tables
    its characters are written back by first (None: the family's view, ``decoders.byte_view``).
    Stops before a character none of them writes."""
    if codecs_ is None:
        return decoders.byte_view(text, family)
    stream: list[int | None] = []
    ends: list[int] = []
    for ch in text:
        data = None if ch == "\ufffd" else _encode(ch, codecs_) or decoders.encode_char(ch, family)
        if ch == "\ufffd":
            stream.append(None)
        elif data is None:
            break
        else:
            stream += data
        ends.append(len(stream))
    return stream, ends


@lru_cache(maxsize=1 << 14)
def _encode(ch: str, codecs_: tuple[str, ...]) -> bytes | None:
    for codec in codecs_:
        try:
            data = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(data) == 2 or data[0] < 0x80:
            return data
    return None


def read(text: str, family: str, cp950: bool, source: str, prev: str, lost_cost: float,
         lossless: bool) -> list[list] | None:
    """The native ``ResyncLattice.read``: ``text``'s view read by the lattice, or None where the
    view does not read all of it (or is empty) or no reading covers it."""
    stream, ends = view(text, family, ("cp950",) if cp950 else None)
    if len(ends) < len(text) or not stream:
        return None
    kept = [] if family == decoders.SINGLE_FAMILY else shown(text, ends)  # a single-byte view: nothing to keep
    return best_path(stream, [] if lossless else ends, source, family, prev, lost_cost, kept) or None


def shown(text: str, ends: list[int]) -> list[tuple[int, int, str]]:
    """Each character of ``text`` beyond ASCII as a token that may be kept as it stands: (start,
    end in the view, character)."""
    return [(start, end, ch) for ch, start, end in zip(text, [0, *ends], ends, strict=False) if ch > "\x7f"]
