"""UTF-8 read as GBK whose full-width characters a pipeline then folded to ASCII.

Why: search indexes, input normalisers and NFKC fold full-width forms to ASCII (ｇ to g, ＄ to
$). A GBK decoder shows UTF-8 Chinese as pairs of bytes, and where a pair is a full-width form's
(a3 a1-fe, a1 e7 for ＄) the fold leaves one ASCII byte for two: 计算 (e8 ae a1 e7 ae 97) read
as 璁＄畻 came back 璁$畻, and the GBK reader, two bytes short, left the pair of characters.

An ASCII character inside GBK mojibake stands for itself or for the pairs the fold maps onto it
(``preimages``: ＄ and ﹩ for $, ｇ for g, １ and ① for 1 under NFKC). UTF-8 decides, as in
``folded_bytes``: the bytes of the characters before it are read as UTF-8, and where they stop
inside a character (a lead byte short of its continuation bytes) an ASCII byte cannot go on
with it, so the character is one of its pairs; a pair that continues the reading into Chinese
characters is written back as the character the decoder showed, and the GBK reader after reads
the whole stretch. Where two pairs would (rare: ① and １ for 1), the character model chooses
between the readings, with a finding (``KIND``) if it cannot with ``MARGIN`` to spare. Only inside a stretch that reads as UTF-8
Chinese for ``2 * CONTEXT`` characters around the folded one: clean Chinese read as GBK bytes
is no UTF-8 for two characters running.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from functools import lru_cache

from cleaner import _native, langmodel
from cleaner.model import Finding
from cleaner.repair.folded_bytes import CHINESE_RANGES, chinese_character

KIND = "width-folded-guess"
LOST = "\ufffd"
EURO = "\u20ac"
LOST_BYTE = 0x00  # stands for a byte a decoder lost (no byte of UTF-8 Chinese is 00)
CONTEXT = 2  # UTF-8 Chinese characters a stretch must read as, twice over, around a folded one
MARGIN = 4.0
MAX_PRODUCT = 3  # characters NFKC makes of one at most, among those looked for (㈣ is (四))
MIN_WIDE = 4  # characters beyond ASCII a line must hold
# CJK characters (chinese_character's ranges) a line's GBK bytes read as UTF-8, per character beyond
# ASCII: mojibake 0.5-0.7 (5th percentile 0.54 after NFKC, 200 paragraphs of the measuring part);
# clean text at most 0.09 (600 paragraphs), whose GBK bytes read as UTF-8 give two-byte Latin and
# Cyrillic letters, which the share leaves out: counting them, clean lines reached 0.43 and paid
# the whole line's reading (about 26 ms a line; 0.35 ms a clean page on average).
MIN_SHARE = 0.2
BEAM = 8  # readings of a stretch kept at once (two pairs for one character are rare)
RARE = -12.0  # unigram at most this: a rare character (mojibake.RARE), which no fold is read into


@lru_cache(maxsize=1)
def preimages() -> dict[str, tuple[str, ...]]:
    """Each character NFKC (which folds width, and more) makes of a GBK pair's character, to
    those characters (＄ ﹩ for $, ﹂ for 」, ″ for ′′, ℃ for °C). Not "?": inside mojibake it is
    the mark converting tools write for bytes they lost (``question_marks``) far more often than
    a folded ？, and taken for ？ it would stand for two bytes the page never held.

    Kept in the tables cache (its key holds the Python version, whose codec and NFKC make it):
    reading GBK's 24,000 pairs is 25 ms of every process's warm-up."""
    from cleaner.tablecache import cached

    return cached("widthpreimages", [__file__], "1", _read_preimages)


def _read_preimages() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for a in range(0x81, 0xFF):
        for b in range(0x40, 0xFF):
            try:
                ch = bytes((a, b)).decode("gbk")
            except UnicodeDecodeError:
                continue
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and len(folded) <= MAX_PRODUCT and folded != "?":
                out.setdefault(folded, []).append(ch)
    return {k: tuple(v) for k, v in out.items()}


def _gbk(ch: str) -> bytes | None:
    """The pair a GBK decoder (or a browser's, whose user-defined pairs are private-use
    characters) read as ``ch``."""
    try:
        data = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


class _Chain:
    """A list shared by copies: frozen pieces (each a tuple, chained to the one before) and a tail
    of this copy's own. ``share`` freezes the tail once and hands the copy the chain."""

    __slots__ = ("frozen", "tail")

    def __init__(self, frozen: tuple | None = None) -> None:
        self.frozen = frozen  # (piece before, tuple of items) or None
        self.tail: list = []

    def append(self, item: object) -> None:
        self.tail.append(item)

    def share(self) -> _Chain:
        if self.tail:
            self.frozen, self.tail = (self.frozen, tuple(self.tail)), []
        return _Chain(self.frozen)

    def identity(self) -> tuple[int, tuple]:
        return id(self.frozen), tuple(self.tail)

    def items(self) -> list:
        pieces = []
        node = self.frozen
        while node is not None:
            node, piece = node
            pieces.append(piece)
        out = [item for piece in reversed(pieces) for item in piece]
        return out + self.tail


class _Reading:
    """One way to read a stretch as UTF-8: the bytes of a character begun, characters done, the
    folded characters taken for pairs (index, pair's character), and what each choice read.

    The beam copies a reading at every character that may stand for a pair (a space may be an
    ideographic one): the characters done and the pairs taken are kept as a chain of frozen
    pieces shared by the copies and a tail of each one's own, so a copy costs what was read since
    the last one, not the whole stretch (copying lists made one long mojibake line quadratic:
    100,000 characters in 2.6 s)."""

    __slots__ = ("pending", "_done", "_chosen", "size")

    def __init__(self) -> None:
        self.pending: bytes = b""
        self._done = _Chain()
        self._chosen = _Chain()  # (span in line, character, characters done before)
        self.size = 0  # characters done

    def copy(self) -> _Reading:
        r = _Reading()
        r.pending, r.size = self.pending, self.size
        r._done, r._chosen = self._done.share(), self._chosen.share()
        return r

    @property
    def done(self) -> list[str]:
        return self._done.items()

    @property
    def chosen(self) -> list[tuple[int, int, str, int]]:
        return self._chosen.items()

    def choose(self, start: int, end: int, option: str) -> None:
        self._chosen.append((start, end, option, self.size))

    def chosen_key(self) -> tuple[int, tuple]:
        """Equal for two readings of one stretch only when they took the same pairs: the frozen
        pieces by identity (their contents would cost the whole list), and the tail since."""
        return self._chosen.identity()

    def _append(self, ch: str) -> None:
        self._done.append(ch)
        self.size += 1

    def feed(self, data: bytes) -> bool:
        for b in data:
            if b == LOST_BYTE:  # a byte the decoder lost: any, so the character it is in is any
                if not self.pending:
                    self.pending = bytes((LOST_BYTE,))
                    continue
                self.pending += bytes((LOST_BYTE,))
                if len(self.pending) == 3:
                    self._append(LOST)
                    self.pending = b""
                continue
            if self.pending[:1] == bytes((LOST_BYTE,)) and not 0x80 <= b <= 0xBF:
                # A character begun by a lost byte may have been shorter: this byte begins the next.
                self._append(LOST)
                self.pending = b""
            if not self.pending:
                if b < 0x80:
                    self._append(chr(b))
                    continue
                if 0xE0 <= b <= 0xEF:
                    self.pending = bytes((b,))
                    continue
                return False
            if not 0x80 <= b <= 0xBF:
                return False
            self.pending += bytes((b,))
            if len(self.pending) == 3:
                if LOST_BYTE in self.pending:
                    self._append(LOST)
                    self.pending = b""
                    continue
                if not chinese_character(self.pending):
                    return False
                self._append(self.pending.decode("utf-8"))
                self.pending = b""
        return True


def _taken(reading: _Reading, marked: bool, done: list[str]) -> list[tuple[int, int, str, int]]:
    """The pairs of ``reading`` inside a stretch read as UTF-8 Chinese characters: the one the
    pair is in, and 2 * CONTEXT more around it; on a page without a U+FFFD (``marked`` false),
    one more after it."""
    chinese = [k for k, ch in enumerate(done) if not ch.isascii() and ch != LOST]
    unigram = langmodel.model().unigram
    out = []
    for start, end, ch, before in reading.chosen:
        # The character the pair completes must be common: a decoder with errors="ignore" drops
        # the bytes before an ASCII byte, and a digit after such a cut lead (好。2 is e5 a5 bd e3
        # 80 82 32, shown 濂姐2) read as its full-width pair makes a rare one (e3 a3 b2, 㣲).
        if before < len(done) and done[before] != LOST and unigram(done[before]) <= RARE:
            continue
        left = bisect_left(chinese, before)  # chinese is in order: counted by halving, not a pass a pair
        right = len(chinese) - left
        # The character the pair is in, and 2 * CONTEXT more on either side (a line may begin
        # with the folded character's own).
        # Without a mark on the page a decoder may have dropped bytes unmarked (``ignore``): a
        # digit after a character it cut ends the stretch (年8, e5 b9 b4 38, shown 骞8), and read as
        # a fold it makes a pair (骞⑧) no later reading takes back. A fold inside the mojibake
        # has the stretch go on past it.
        if right >= (1 if marked else 2) and left + right > 2 * CONTEXT:
            out.append((start, end, ch, before))
    return out


def _own(ch: str) -> bytes | None:
    if ch == LOST:
        return bytes((LOST_BYTE,))
    if ch == EURO:  # a browser's GBK decoder reads byte 80 alone as €
        return b"\x80"
    return ch.encode() if ch.isascii() else _gbk(ch)


def _tokens(line: str) -> list[tuple[int, int, tuple[tuple[bytes, str], ...]]]:
    """The line cut into what each may stand for: (start, end, [(bytes, pair's character to
    write back, or "" for the text's own bytes)]); a product of several characters (°C) is one
    token, its own bytes those of its characters."""
    products = preimages()
    out = []
    i, n = 0, len(line)
    while i < n:
        for width in range(MAX_PRODUCT, 0, -1):
            piece = line[i:i + width]
            if len(piece) == width and (width == 1 or piece in products):
                break
        out.append((i, i + width, _options(piece)))
        i += width
    return out


@lru_cache(maxsize=1 << 14)
def _options(piece: str) -> tuple[tuple[bytes, str], ...]:
    """What ``piece`` (a character, or a product of several) may stand for: (bytes, pair's
    character to write back, or "" for the text's own bytes). Kept: a page's lines repeat a few
    thousand characters, and each asked two codecs (most an exception), 40 % of the stage."""
    products = preimages()
    own_parts = [_own(ch) for ch in piece]
    options = [(b"".join(own_parts), "")] if all(own_parts) else []  # type: ignore[arg-type]
    options += [(data, p) for p in products.get(piece, ()) if (data := _gbk(p))]
    return tuple(options)


def _line(line: str, marked: bool) -> tuple[str, int, list[Finding]]:
    out = list(line)
    count = 0
    findings: list[Finding] = []
    readings: list[_Reading] = []

    def settle() -> None:
        nonlocal count
        if not readings:
            return
        # The readings that end at a character's end, the longest first: the stretch read. Each
        # reading's characters and key once (the model scores the whole stretch).
        lm = langmodel.model()
        done = [r.done for r in readings]
        keys = [(not r.pending, len(d), lm.score("".join(d))) for r, d in zip(readings, done)]
        taken_at = [{s0: c for s0, _, c, _ in r.chosen} for r in readings]
        top = max(range(len(readings)), key=keys.__getitem__)
        best = readings[top]
        for start, end, ch, _ in _taken(best, marked, done[top]):
            out[start:end] = [ch] + [""] * (end - start - 1)
            count += 1
            # Another reading as long that took another pair here, nearly as likely: a guess.
            rivals: dict[str, float] = {}
            for k in range(len(readings)):
                c = taken_at[k].get(start)
                if keys[k][:2] == keys[top][:2] and c is not None and c != ch:
                    rivals[c] = keys[k][2]
            if any(keys[top][2] - score < MARGIN for score in rivals.values()):
                findings.append(Finding(KIND, start, f"{ch} (of {ch}{''.join(rivals)})"))

    for start, end, options in _tokens(line):
        if not options:
            settle()
            readings = []
            continue
        nxt: list[_Reading] = []
        for r in readings or [_Reading()]:
            for data, option in options:
                if option and r.pending[:1] == bytes((LOST_BYTE,)):  # a lost lead: its need unknown
                    continue
                r2 = r.copy() if len(options) > 1 else r
                if option:
                    r2.choose(start, end, option)
                if r2.feed(data):
                    nxt.append(r2)
        if not nxt:  # not UTF-8 from here: what was read before stands, a new stretch may begin
            settle()
            readings = []
            for data, option in options:
                fresh = _Reading()
                if not option and fresh.feed(data):
                    readings.append(fresh)
            continue
        # Readings that agree on what is pending and on the pairs taken so far are one.
        seen: dict[tuple[bytes, tuple[int, tuple]], _Reading] = {}
        for r in nxt:
            seen.setdefault((r.pending, r.chosen_key()), r)
        readings = list(seen.values())[:BEAM]
    settle()
    # Findings at their offsets in the line as written back (a pair replaced several characters).
    shift = [0]
    for piece in out:
        shift.append(shift[-1] + len(piece))
    findings = [Finding(f.kind, shift[f.position], f.detail) for f in findings]
    return ("".join(out), count, findings) if count else (line, 0, [])


@lru_cache(maxsize=1)
def _reading() -> _native.Gb18030Reading:
    """The native test of which lines show UTF-8 read as GBK (native/src/gb18030_reading.rs):
    each BMP character's GB18030 bytes, read from the codec once and kept in the tables cache,
    and the ranges counted as Chinese (``chinese_character``'s)."""
    from cleaner.tablecache import cached

    return _native.Gb18030Reading(cached("gb18030codes", [__file__], "1", _gb18030_table), list(CHINESE_RANGES))


def _gb18030_table() -> bytes:
    """65536 x [count, b0, b1, b2, b3]: each code point's ``encode("gb18030", errors="replace")``."""
    table = bytearray(0x10000 * 5)
    for cp in range(0x10000):
        data = chr(cp).encode("gb18030", errors="replace")
        table[5 * cp] = len(data)
        table[5 * cp + 1 : 5 * cp + 1 + len(data)] = data
    return bytes(table)


def repair(text: str) -> tuple[str, int, list[Finding]]:
    """``text`` with the full-width characters a fold made ASCII inside GBK mojibake written
    back; (text, characters written back, findings at their offsets)."""
    if text.isascii():
        return text, 0, []
    lines = text.split("\n")
    count = 0
    findings: list[Finding] = []
    offset = 0
    # The lines whose GB18030 bytes read as UTF-8 Chinese for a good part (MIN_SHARE of their
    # characters beyond ASCII): clean Chinese read so gives almost none. One native pass a page
    # (tests/reference_width_folded.py is the Python original).
    shown = set(_reading().lines_reading_chinese(text, MIN_WIDE, MIN_SHARE))
    if not shown:
        return text, 0, []
    # Marks on the lines read, not anywhere on the page: a U+FFFD in a clean footer says nothing
    # of how the mojibake's decoder treated what it could not read.
    marked = any(LOST in lines[k] for k in shown)
    for k, line in enumerate(lines):
        if k in shown:
            fixed, done, found = _line(line, marked)
            if done:
                lines[k] = fixed
                count += done
                findings += [Finding(f.kind, f.position + offset, f.detail) for f in found]
        offset += len(lines[k]) + 1
    return ("\n".join(lines), count, findings) if count else (text, 0, [])
