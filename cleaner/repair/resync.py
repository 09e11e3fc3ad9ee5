"""Read a two-byte source back in step where a two-byte decoder lost bytes (GBK read as Big5, Big5 as GBK).

A GBK page read by a Big5 decoder (or a Big5 page by a GBK one) loses a byte wherever the
decoder's table lacks a pair: Python's CJK codecs reject the lead byte alone and read on from
the next, so from there every pair is read out of step (a GBK trail byte with the next lead)
until another byte is rejected. ``errors="replace"`` marks each lost byte with a U+FFFD;
``errors="ignore"`` marks nothing, and the main re-read (``mojibake``) cannot say where the pairs
went out of step. The bytes can: a lost byte stood at a boundary between what the decoder read
(a token of the byte view), and a reading in step is Chinese while one out of step is nonsense.

So a misread line's byte view is read as a lattice: at each byte a character of the source (one
ASCII byte, a pair of bytes, a GB18030 four-byte code), or, at a token boundary, a pair with a
lost byte there (its value any byte the decoder rejects before the byte after it), or a character
lost whole. The path the character model likes best (a Viterbi over the lattice, each node keeping
its best paths by last character) says where bytes were lost; the characters holding lost bytes
keep all their candidates, and ``holes.choose_ranked`` chooses them jointly with their neighbours,
each choice a guess with its finding, decided again with the page around it (``context``).
The same lattice reads GBK or Big5 read one byte a character by cp1252 or cp1250 with
``errors="ignore"``, which drop the bytes they leave undefined. docs/repair.md §5.1.2.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.langmodel import model, per_char
from cleaner.repair import context, decoders, holes, mojibake
from cleaner.repair.mojibake import MojibakeRepair

# The codec holding each source's table.
_CODEC = {"gbk": "gb18030", "big5": "cp950", "big5hkscs": "big5hkscs"}

# Log-probability a lost byte costs: a reading in step must gain at least this over one that
# does not lose a byte. Chosen on the build split (benchmarks/decoders.py --split build).
LOST_COST = 3.0
# A single-byte decoder drops only the five bytes it leaves undefined (0.6 % of a GBK page's
# bytes), and a byte may be lost between any two: without a higher price a rare character read in
# step (ㄑ, a sign) loses to a reading taken out of step on purpose.
SINGLE_LOST_COST = 8.0
# The cost of a lead lost before a byte of the ASCII range (a Big5 trail 40-7e, which a GBK decoder
# then shows as a letter): the model scores a Latin letter flat, as likely between Han as
# anywhere, where a letter alone between Han characters is rare.
ASCII_TRAIL_COST = -2.0
# And a letter read as it stands alone between non-ASCII characters pays this more: the model
# scores a Latin letter flat (-6 after anything), where the build split has 184 lone letters in
# 1,042,302 places between two non-ASCII characters (ln = -8.6, before the pair after it).
LONE_LETTER_COST = 3.0
# Candidates of a character with a lost byte the lattice scores (likeliest by unigram first).
LATTICE_CANDIDATES = 24
# Candidates the final choice (``holes.choose_ranked``, with both neighbours) sees. A character
# lost whole has thousands (9,459 GBK codes Python's big5 drops byte by byte), and the likeliest
# by unigram are Traditional forms of GBK's third region (國 為 個): with 64, 赛 (c8 fc) was
# not among them (build split, GBK -> big5 page: 35.0 errors per 1,000 with 64, 27.5 with 256).
CHOICE_CANDIDATES = 256


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
                   if decoders.rejects(family, lead, trail) and (ch := _pair(codec, lead, trail)) is not None)


@lru_cache(maxsize=1 << 14)
def _lost_trail(codec: str, family: str, lead: int, after: int | None) -> tuple[str, ...]:
    """Characters ``lead X`` whose trail X the view's ``family`` rejects before ``after``."""
    return _ranked(ch for trail in range(0x40, 0xFF)
                   if decoders.rejects(family, trail, after) and (ch := _pair(codec, lead, trail)) is not None)


@lru_cache(maxsize=1 << 10)
def _lost_both(codec: str, family: str, after: int | None) -> tuple[str, ...]:
    """Characters ``X Y`` both of whose bytes the view's ``family`` rejects (X before Y, Y before
    ``after``): a character lost whole, which only its neighbours can name."""
    return _ranked(ch for trail, ch in _rejected_pairs(codec, family) if decoders.rejects(family, trail, after))


@lru_cache(maxsize=4)
def _rejected_pairs(codec: str, family: str) -> tuple[tuple[int, str], ...]:
    return tuple((trail, ch) for lead in range(0x81, 0xFF) for trail in range(0x40, 0xFF)
                 if decoders.rejects(family, lead, trail) and (ch := _pair(codec, lead, trail)) is not None)


def _ranked(chars) -> tuple[str, ...]:
    # Ties by the character itself: a set's order follows the process's hash seed, and the cut to
    # CHOICE_CANDIDATES would then differ from run to run (seen as a changed finding).
    unigram = model().unigram
    return tuple(sorted(set(chars), key=lambda ch: (-unigram(ch), ch))[:CHOICE_CANDIDATES])


Node = tuple[int, bool]  # (byte offset, a lost byte already put at this offset)
# Paths kept at each node (by their last character, which the next one is scored after): with
# one, a lost byte's character loses to an ASCII byte read as it stands before the character
# after it can say which reads on.
BEAM = 4


def best_path(stream: list[int | None], ends: list[int], source: str, family: str, prev: str = "",
              lost_cost: float = LOST_COST) -> list[list] | None:
    """The characters of the best reading of ``stream`` in ``source``, lost bytes put back where
    the decoder did not mark them: [character, end offset in the stream, candidates] each (several
    candidates: the character holds a lost byte), as ``holes.choose_ranked`` takes them; None
    where no reading covers the stream.

    ``ends``: where each token the wrong decoder read ends: an unmarked lost byte stood at one of
    them (or at the start); none given, none was lost unmarked. Where the stream holds marks (U+FFFD, None here: ``errors="replace"``)
    the decoder marked its lost bytes, and only a mark may stand for one more (a browser's mark
    swallows the byte after a lead it rejects).
    """
    codec = _CODEC[source]
    lm = model()
    n = len(stream)
    marked = None in stream
    # The gain is a two-byte family's signature; a single-byte decoder drops its five bytes before
    # an ASCII byte no likelier than elsewhere (with the gain a clean "}" after Han became 恾, 90
    # 7d, on the measure split), but a GBK trail in the ASCII range alone among high bytes is a
    # lead's loss there too: it pays nothing (build split, GBK -> cp1252 ignore: 1.8 errors per
    # 1,000 with LOST_COST, 1.0 with nothing).
    trail_cost = 0.0 if family == decoders.SINGLE_FAMILY else ASCII_TRAIL_COST
    boundary = set() if marked or not ends else {0, *ends}
    # node -> {last character: (score, back: (node, character) or None, the character's
    # candidates (several: it holds a lost byte), the offsets where it put a lost byte)}
    paths: dict[Node, dict[str, tuple]] = {(0, False): {prev[-1:]: (0.0, None, (), ())}}

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
                if b is not None and b < 0x80:
                    alone = chr(b).isalpha() and last > "\x7f" and (nxt is None or nxt >= 0x80)
                    offer((p + 1, False), score + _step(lm, last, chr(b)) - (LONE_LETTER_COST if alone else 0.0), chr(b), back)
                    if b >= 0x40 and p in boundary and not used:  # an ASCII-range trail whose lead was lost
                        offer_all((p + 1, False), score, last, _lost_lead(codec, family, b), back, (p,), trail_cost)
                    continue
                if b is None:  # a marked lost byte: a lead, or a trail, or two bytes (one swallowed)
                    if nxt is not None:
                        offer_all((p + 2, False), score, last, _lost_lead(codec, family, nxt), back, ())
                        if nxt >= 0x80:
                            offer_all((p + 1, False), score, last, _lost_both(codec, family, nxt), back, (p + 1,))
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
    return lm.bigram(last, ch) if last else lm.unigram(ch)


def view(text: str, family: str, codecs_: tuple[str, ...] | None) -> tuple[list[int | None], list[int]]:
    """The byte view of ``text`` as one decoder of ``family`` read it: ``codecs_``, the tables
    its characters are written back by first (None: the family's view, ``decoders.byte_view``).

    Python's big5 and cp950 give 261 characters (box drawing, ／ ＼, kana at c6-c7) codes that
    Big5-HKSCS, which the family's view writes first, puts elsewhere: 器 (GBK c6 f7) read by
    Python's big5 is ん, which the family's view turns back into c7 7a. Stops before a character
    none of them writes.
    """
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


# The views a misread line is read in, with the source each is read in: a two-byte source misread
# by the other two-byte family (each family's view, and Python's big5/cp950: see ``view``; Big5 in
# cp950's table and in Big5-HKSCS's, which writes some signs elsewhere: its － is cp950's ㄜ), and a
# two-byte source misread one byte a character (cp1252 and cp1250 drop the bytes they leave
# undefined, 81 8d 8f 90 9d and 81 83 88 90 98: GBK leads and trails both).
TWO_BYTE_VIEWS = ((decoders.BIG5_FAMILY, None, "gbk"), (decoders.BIG5_FAMILY, ("cp950",), "gbk"),
                  (decoders.GBK_FAMILY, None, "big5"), (decoders.GBK_FAMILY, None, "big5hkscs"))
SINGLE_VIEWS = ((decoders.SINGLE_FAMILY, None, "gbk"), (decoders.SINGLE_FAMILY, None, "big5"))


def read_in_step(text: str, family: str, source: str, codecs_: tuple[str, ...] | None = None, prev: str = "",
                 final: bool = False, page: str = "") -> list[holes.Choice] | None:
    """``text`` (a stretch a ``family`` decoder misread) read in ``source`` with its lost bytes
    put back: one choice per character, or None where the view does not read whole.

    A GBK-family text holding private-use characters was read by a GB18030 decoder (Python's
    gb18030, a browser's gbk: GBK's user-defined pairs, where Big5 keeps common characters, are
    private-use code points to it), which reads every Big5 pair: nothing was lost unmarked.
    ``page``: the page ``text`` is a line of, which says so for all its lines.
    """
    stream, ends = view(text, family, codecs_)
    if len(ends) < len(text) or not stream:
        return None
    lost_cost = SINGLE_LOST_COST if family == decoders.SINGLE_FAMILY else LOST_COST
    lossless = family == decoders.GBK_FAMILY and _PRIVATE_USE.search(page or text) is not None
    items = best_path(stream, [] if lossless else ends, source, family, prev, lost_cost)
    if not items:
        return None
    chosen = holes.choose_ranked(items, prev, final)
    return [c._replace(candidates=tuple(items[k][2])) if c.guessed else c for k, c in enumerate(chosen)]


# A line is read again only if this share of its non-ASCII characters at least is rare (misread
# text is dense with them; a clean line holds a rare name or two), and at least LINE_RARE_MIN.
LINE_RARE_SHARE = 0.2
LINE_RARE_MIN = 3


def repair(text: str, guess: bool = True) -> MojibakeRepair:
    """Lines of ``text`` that are a two-byte source misread by the other two-byte family, read in
    step (``read_in_step``) where the reading is clearly better (``mojibake``'s tests: GAIN per
    character and fluent). A guess for each lost byte's character, with its finding."""
    if sum(1 for ch in mojibake.rare_chars(text) if "\u3400" <= ch <= "\u9fff") < LINE_RARE_MIN:
        return MojibakeRepair(text, 0, [])  # the common case: one C-speed search
    return _lines(text, guess, TWO_BYTE_VIEWS, _misread_two_byte)


def repair_single_byte(text: str, guess: bool = True) -> MojibakeRepair:
    """Lines of ``text`` that are a two-byte source read one byte a character by a decoder that
    dropped the bytes it leaves undefined (``errors="ignore"``), read in step where the reading
    is clearly better. Before the single-byte re-read, which reads such a line out of step from
    the first dropped byte on."""
    if "\ufffd" in text or _single_high_runs().search(text) is None:
        return MojibakeRepair(text, 0, [])  # one C-speed search; a marked page reads in step
    return _lines(text, guess, SINGLE_VIEWS, _misread_single_byte)


def _lines(text: str, guess: bool, views: tuple, misread) -> MojibakeRepair:
    """Each misread line read in step where that is clearly better; then every guess decided
    again with the page around it (``context.redecide``: the line's brackets and ends, the page's
    own pairs read for sure), as the re-read of spans does."""
    pieces: list[str] = []
    guessed: list[tuple[int, holes.Choice]] = []
    count = at = 0  # at: where the line starts in the text returned
    for line in text.split("\n"):
        chosen = _line(line, views, text) if misread(line) else None
        if chosen is not None:
            guessed += [(at + i, c) for i, c in enumerate(chosen) if c.guessed]
            line = "".join(c.char for c in chosen)
            count += 1
        pieces.append(line)
        at += len(line) + 1
    if not count:
        return MojibakeRepair(text, 0, [])
    fixed, guessed = context.redecide("\n".join(pieces), guessed, page=True)
    findings = [holes.guess_finding(mojibake.GUESS_KIND, pos, c.char, c.alternative, c.margin) for pos, c in guessed]
    if not guess:
        chars = list(fixed)
        for pos, _ in guessed:
            chars[pos] = holes.LOST
        fixed = "".join(chars)
    return MojibakeRepair(fixed, count, findings)


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _wide(line: str) -> int:
    """How many characters of ``line`` are not ASCII (at C speed)."""
    return len(line) - len(line.encode("ascii", "ignore"))


def _misread_two_byte(line: str) -> bool:
    """Enough of the line's non-ASCII characters are rare Han: what a two-byte table makes of the
    other's pairs. Rare signs are no evidence: a clean line of box drawing (┬───┐) is all rare,
    and its bytes read as fluent Big5."""
    rare = mojibake.rare_chars(line)  # C speed: most lines stop here
    if len(rare) < LINE_RARE_MIN:
        return False
    han = sum(1 for ch in rare if "\u3400" <= ch <= "\u9fff")
    return han >= LINE_RARE_MIN and han >= LINE_RARE_SHARE * _wide(line)


def _misread_single_byte(line: str) -> bool:
    """Most of the line's non-ASCII characters are what a single-byte decoder shows for a high
    byte, and its bytes are no UTF-8 (``_reads_as_utf8``: the single-byte re-read's, which knows
    UTF-8's structure)."""
    high = len(_single_high().findall(line))  # C speed: clean lines' “ ” … — stop here
    if high < LINE_RARE_MIN or 2 * high < _wide(line):
        return False
    # A character of a two-byte source is two high bytes in a row: Latin text's accented letters
    # (Café, à la) stand alone.
    pairs = sum(len(m.group()) // 2 for m in _single_high_runs().finditer(line))
    return pairs >= LINE_RARE_MIN and not _reads_as_utf8(line)


@lru_cache(maxsize=1)
def _single_high_runs():
    """Two such characters in a row, the punctuation Chinese text writes itself left out (——, ……
    and “” are cp1252's 97, 85, 93 94): one search passes most clean pages."""
    shown = {bytes((b,)).decode(codec, "replace") for codec in ("cp1252", "latin-1", "cp1250") for b in range(0x80, 0x100)}
    letters = "".join(re.escape(ch) for ch in sorted(shown) if ch != "\ufffd" and not "\u2000" <= ch <= "\u206f")
    return re.compile(f"[{letters}]{{2,}}")


def _reads_as_utf8(line: str) -> bool:
    """Do the line's single-byte bytes read as UTF-8 for the most part? A two-byte source does
    not: its pairs seldom form UTF-8 sequences, nearly every character comes out U+FFFD; UTF-8
    with a byte in twenty dropped leaves most of its characters whole."""
    stream, _ = decoders.byte_view(line, decoders.SINGLE_FAMILY)
    read = bytes(b for b in stream if b is not None).decode("utf-8", "replace")
    lost = read.count("\ufffd")
    return 2 * lost < sum(1 for ch in read if ch > "\x7f")


@lru_cache(maxsize=1)
def _single_high():
    """A character a single-byte decoder (cp1252, Latin-1, cp1250) shows for a byte 80-ff."""
    shown = {bytes((b,)).decode(codec, "replace") for codec in ("cp1252", "latin-1", "cp1250") for b in range(0x80, 0x100)}
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(shown - {"\ufffd"})) + "]")


def _line(line: str, views: tuple, page: str) -> list[holes.Choice] | None:
    """The best reading of ``line`` (of ``page``) in step among ``views``, if it passes the
    re-read's tests."""
    best: tuple[float, list[holes.Choice]] | None = None
    for family, codecs_, source in views:
        chosen = read_in_step(line, family, source, codecs_, final=True, page=page)
        if chosen is None:
            continue
        score = per_char("".join(c.char for c in chosen))
        if best is None or score > best[0]:
            best = (score, chosen)
    if best is None:
        return None
    score, chosen = best
    if "".join(c.char for c in chosen) == line or score <= mojibake.FLUENT or score <= per_char(line) + mojibake.GAIN:
        return None
    return chosen

