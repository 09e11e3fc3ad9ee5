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

The lattice runs in the native core (native/src/resync.rs: one call per line and view, its
tables built once per process, no call back per character); the Python original it must equal
is tests/reference_resync.py.
"""

from __future__ import annotations

import re
from itertools import accumulate
from collections.abc import Callable
from functools import cache, lru_cache

from cleaner import _native, pagefacts
from cleaner.langmodel import model, per_char
from cleaner.repair import ascii_pairs, context, decoders, holes, invisible_bytes, mojibake
from cleaner.repair.mojibake import MojibakeRepair
from cleaner.tablecache import cached

# Log-probability a lost byte costs: a reading in step must gain at least this over one that
# does not lose a byte. Chosen on the build split (benchmarks/decoders.py --split build).
LOST_COST = 1.5
# A single-byte decoder drops only the five bytes it leaves undefined (0.6 % of a GBK page's
# bytes), and a byte may be lost between any two: without a higher price a rare character read in
# step (ㄑ, a sign) loses to a reading taken out of step on purpose.
SINGLE_LOST_COST = 8.0
# A lead lost before a byte of the ASCII range (a Big5 trail 40-7e, which a GBK decoder then shows
# as a letter: 人 a4 48 is `H`) costs nothing: the letter read as it stands is scored by running
# text's counts of ASCII beside Chinese (``ascii_pairs``), so the two readings are weighed by what
# text says. (Before those counts the model's flat Latin scores needed a gain of 2 for the lost
# lead and a cost of 3 for a lone letter; build split, page, with the counts: Big5 -> gbk ignore
# 56.5 with them, 55.1 without, GBK -> big5hkscs ignore 25.9 -> 25.4, GBK -> big5 58.4 -> 58.1.)
# Candidates of a character with a lost byte the lattice scores (likeliest by unigram first).
LATTICE_CANDIDATES = 24
# Candidates the final choice (``holes.choose_ranked``, with both neighbours) sees. A character
# lost whole has thousands (9,459 GBK codes Python's big5 drops byte by byte), and the likeliest
# by unigram are Traditional forms of GBK's third region (國 為 個): with 64, 赛 (c8 fc) was
# not among them (build split, GBK -> big5 page: 35.0 errors per 1,000 with 64, 27.5 with 256).
CHOICE_CANDIDATES = 256


# Paths kept at each node (by their last character, which the next one is scored after): with
# one, a lost byte's character loses to an ASCII byte read as it stands before the character
# after it can say which reads on.
BEAM = 4
# What keeping a character as the wrong decoder showed it costs (beyond the model's score of it):
# a line's reading no longer fails as a whole where one place reads in no way the lattice knows
# (a GB18030 four-byte code whose bytes were marked, `�2�3`; a sign a view writes back elsewhere).
# High enough that a character read in step, lost bytes and all, is always preferred.
KEEP_COST = 16.0
MAX_LINE = 1 << 15  # characters of a line read in step, at most (about 100 MB of lattice)


@lru_cache(maxsize=4)
def _lattice(lm, dropped: tuple[int, ...] | None = None) -> _native.ResyncLattice:
    """The native lattice (native/src/resync.rs) for the model ``lm``, once per process: the
    module's constants, the tables of Python's codecs it reads by (``_tables``) and running text's
    scores of ASCII letters beside Chinese (``ascii_pairs``). Its ``read``
    is a line's byte view read in step: [character, end offset in the view, candidates] per
    character (several candidates: the character holds a lost byte), as ``holes.choose_ranked``
    takes them; ``view`` and ``best_path`` are the two steps apart (for the tests). ``dropped``:
    the bytes a single-byte page lost without a mark, where not the decoder's undefined ones."""
    params = (LATTICE_CANDIDATES, CHOICE_CANDIDATES, BEAM, KEEP_COST)
    codes = decoders.native_codes() if dropped is None else decoders.native_codes_dropping(dropped)
    return _native.ResyncLattice(codes, lm.native, params, *cached("resync", [__file__], "1", _tables),
                                 list(ascii_pairs.table()))


# The codec holding each source's table.
_CODEC = {"gbk": "gb18030", "big5": "cp950", "big5hkscs": "big5hkscs"}


def _tables() -> tuple:
    """What the lattice asks Python's codecs, asked once (and kept on disk: about a second):

    - per source (gbk, big5, big5hkscs), the character each pair ``lead trail`` (lead 80-ff) is
      in its codec's table, if it is one a Chinese page writes (one character, printable, not
      private-use), as 0x8000 little-endian code points (0: none);
    - the same for GB18030's four-byte codes of the BMP (first byte 81-84, by linear index);
    - which supplementary code points are printable (GB18030's four-byte codes 90 30 81 30 on
      run over them in order);
    - Python's cp950's bytes for each BMP character it writes in two bytes or in ASCII (a view
      of Python's big5, see ``TWO_BYTE_VIEWS``), as ``decoders``' code tables hold them.
    """
    def shown(data: bytes, codec: str) -> int:
        try:
            ch = data.decode(codec)
        except UnicodeDecodeError:
            return 0
        if len(ch) != 1 or "\ue000" <= ch <= "\uf8ff" or not ch.isprintable():
            return 0
        return ord(ch)

    pairs = tuple(b"".join(shown(bytes((lead, trail)), codec).to_bytes(4, "little")
                           for lead in range(0x80, 0x100) for trail in range(0x100))
                  for codec in (_CODEC["gbk"], _CODEC["big5"], _CODEC["big5hkscs"]))
    four = bytearray()
    for b0 in range(0x81, 0x85):
        for b1 in range(0x30, 0x3A):
            for b2 in range(0x81, 0xFF):
                for b3 in range(0x30, 0x3A):
                    four += shown(bytes((b0, b1, b2, b3)), "gb18030").to_bytes(4, "little")
    printable = bytes(chr(c).isprintable() for c in range(0x10000, 0x110000))
    cp950 = bytearray(5 * 0x10000)
    for c in range(0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        try:
            data = chr(c).encode("cp950")
        except UnicodeEncodeError:
            continue
        if len(data) == 2 or data[0] < 0x80:
            cp950[5 * c] = len(data)
            cp950[5 * c + 1 : 5 * c + 1 + len(data)] = data
    return pairs, bytes(four), printable, bytes(cp950)


# The views a misread line is read in, as (family, Python's big5, source): a two-byte source
# misread by the other two-byte family (each family's view; and Python's big5/cp950's, whose
# characters Python's cp950 writes back first: they give 261 characters (box drawing, ／ ＼, kana
# at c6-c7) codes that Big5-HKSCS, which the family's view writes first, puts elsewhere: 器 (GBK
# c6 f7) read by Python's big5 is ん, which the family's view turns back into c7 7a; Big5 in
# cp950's table and in Big5-HKSCS's, which writes some signs elsewhere: its － is cp950's ㄜ), and a
# two-byte source misread one byte a character (cp1252 and cp1250 drop the bytes they leave
# undefined, 81 8d 8f 90 9d and 81 83 88 90 98: GBK leads and trails both). A view stops before a
# character none of its tables writes.
TWO_BYTE_VIEWS = ((decoders.BIG5_FAMILY, False, "gbk"), (decoders.BIG5_FAMILY, True, "gbk"),
                  (decoders.GBK_FAMILY, False, "big5"), (decoders.GBK_FAMILY, False, "big5hkscs"))
SINGLE_VIEWS = ((decoders.SINGLE_FAMILY, False, "gbk"), (decoders.SINGLE_FAMILY, False, "big5"))


def read_in_step(text: str, family: str, source: str, cp950: bool = False, prev: str = "",
                 final: bool = False, lossless: bool = False, dropped: tuple[int, ...] | None = None
                 ) -> tuple[list[holes.Choice], list[list]] | None:
    """``text`` (a stretch a ``family`` decoder misread; ``cp950``: Python's big5, see ``TWO_BYTE_VIEWS``)
    read in ``source`` with its lost bytes put back: one choice per character and the lattice's
    items (each guess's candidates: ``with_candidates``), or None where the view does not read
    whole. ``lossless``: the decoder lost nothing unmarked (``lossless``). ``dropped``: the bytes a
    single-byte page lost unmarked, where a later tool deleted them (``invisible_bytes``).
    """
    lost_cost = SINGLE_LOST_COST if family == decoders.SINGLE_FAMILY else LOST_COST
    lattice = _lattice(model()) if dropped is None else _lattice(model(), dropped)
    items = lattice.read(text, family, cp950, source, prev, lost_cost, lossless)
    if items is None:
        return None
    return holes.choose_ranked(items, prev, final), items


def with_candidates(chosen: list[holes.Choice], items: list[list]) -> list[holes.Choice]:
    """Each guess of a reading with every candidate its bytes allowed, for ``context`` to decide
    again (for the reading taken only: a line is read in several views)."""
    return [c._replace(candidates=tuple(items[k][2])) if c.guessed else c for k, c in enumerate(chosen)]


def lossless(page: str, family: str) -> bool:
    """Did a ``family`` decoder lose nothing unmarked on ``page``? A GBK-family page holding
    private-use characters was read by a GB18030 decoder (Python's gb18030, a browser's gbk:
    GBK's user-defined pairs, where Big5 keeps common characters, are private-use code points to
    it), which reads every Big5 pair. The page says so for all its lines: asked once a page."""
    return family == decoders.GBK_FAMILY and mojibake.holds_private_use(page)


# A line is read again only if this share of its non-ASCII characters at least is rare (misread
# text is dense with them; a clean line holds a rare name or two), and at least LINE_RARE_MIN.
LINE_RARE_SHARE = 0.2
LINE_RARE_MIN = 3


def repair(text: str, guess: bool = True) -> MojibakeRepair:
    """Lines of ``text`` that are a two-byte source misread by the other two-byte family, read in
    step (``read_in_step``) where the reading is clearly better (``mojibake``'s tests: GAIN per
    character and fluent). A guess for each lost byte's character, with its finding."""
    suspects = _suspects(text)
    if not suspects:
        return MojibakeRepair(text, 0, [])  # the common case: one native pass
    # A page some of whose lines were read in step was misread whole: its short lines (a heading,
    # a button, 商品详情 shown 妀こ砆① by a Big5 decoder) hold too few rare Han to be taken alone,
    # and are read where one rare character says so and the reading is clearly better.
    return _lines(text, guess, TWO_BYTE_VIEWS, _misread_two_byte, suspects, later=_misread_short)


def _misread_short(line: str) -> bool:
    """A line of a page misread by the other two-byte family that holds a rare character, as much
    of it as ``_misread_two_byte`` asks of a line's share, and no UTF-8 in its GBK bytes."""
    rare = mojibake.rare_chars(line)
    return (bool(rare) and len(rare) >= LINE_RARE_SHARE * mojibake.beyond_ascii(line)
            and not _reads_as_utf8(line, decoders.GBK_FAMILY))



def _suspects(text: str) -> set[int]:
    """The lines (by index) ``_misread_two_byte`` may take: those holding LINE_RARE_MIN rare Han,
    and those holding a mark of Big5 read by a GBK decoder (``_big5_shown``)."""
    suspects = set(_rare_han_lines(text))
    if _big5_marks().search(text) is not None:  # one C-speed search; most pages hold no mark
        suspects.update(k for k, line in enumerate(text.split("\n")) if _big5_marks().search(line))
    return suspects


# The lines holding LINE_RARE_MIN rare Han at least: with the marked lines, the only ones
# ``_misread_two_byte`` can take.
# A clean page's rare names seldom share a line: counted line by line in the page's one native
# pass, its lines are not each searched again.
_rare_han_lines = pagefacts.lines_with(lambda: mojibake.rare_han_pattern(), LINE_RARE_MIN)


def repair_single_byte(text: str, guess: bool = True) -> MojibakeRepair:
    """Lines of ``text`` that are a two-byte source read one byte a character by a decoder that
    dropped the bytes it leaves undefined (``errors="ignore"``), read in step where the reading
    is clearly better. Before the single-byte re-read, which reads such a line out of step from
    the first dropped byte on."""
    if "\ufffd" in text or not _holds_single_high(text) or _single_high_runs().search(text) is None:
        return MojibakeRepair(text, 0, [])  # one C-speed search; a marked page reads in step
    # A page shown as Latin-1 whose C1 controls a later tool deleted lost GBK's leads and trails
    # 80-9f, not cp1252's five undefined bytes: the lattice drops the page's own set.
    # Asked only once a line is taken: most pages that pass the gate have none.
    return _lines(text, guess, SINGLE_VIEWS, _misread_single_byte, drops=lambda: invisible_bytes.single_byte_drops(text))


def _lines(text: str, guess: bool, views: tuple, misread, suspects: set[int] | None = None,
           drops: Callable[[], tuple[int, ...] | None] | None = None,
           later: Callable[[str], bool] | None = None) -> MojibakeRepair:
    """Each misread line read in step where that is clearly better; then every guess decided
    again with the page around it (``context.redecide``: the line's brackets and ends, the page's
    own pairs read for sure), as the re-read of spans does. ``suspects``: the only lines (by
    index) ``misread`` may take, when known. ``drops``: the single-byte page's bytes lost
    unmarked where not its decoder's undefined ones (``invisible_bytes.single_byte_drops``).
    ``later``: what the other lines must show to be read, asked only once a line was read."""
    pieces: list[str] = []
    guessed: list[tuple[int, holes.Choice]] = []
    count = at = 0  # at: where the line starts in the text returned
    lines = text.split("\n")
    # A decoder that marks what it rejects drops nothing unmarked: a mark on a line this re-read
    # takes says so for the page (a U+FFFD in a clean line, typed or pasted, says nothing of it).
    # (A short line ``later`` reads says so as well as a judged one.)
    marked = any("\ufffd" in line and ((suspects is None or k in suspects) and misread(line) or later is not None and later(line))
                 for k, line in enumerate(lines))
    # Asked of the page once, for every line and view.
    whole = {family: lossless(text, family) or marked for family, _, _ in views}
    # The bytes a single-byte page lost unmarked, if not its decoder's undefined ones: asked once.
    dropped = cache(drops) if drops is not None else lambda: None
    # A page indents its paragraphs alike: two lines at least starting so say the marks are spaces.
    indents = sum(1 for line in lines if _indent_pairs(line) >= 2) >= INDENT_LINES
    # A line over MAX_LINE is left to the other repairs: the lattice holds every character's
    # candidates (a 480 kB line took 460 MB), and a line cut anywhere but where its source is in
    # step no longer reads.
    read = {k: _line(line, views, whole, dropped(), indents) for k, line in enumerate(lines)
            if (suspects is None or k in suspects) and len(line) <= MAX_LINE and misread(line)}
    if later is not None and any(chosen is not None for chosen in read.values()):
        read.update((k, _line(line, views, whole, dropped(), indents)) for k, line in enumerate(lines)
                    if k not in read and len(line) <= MAX_LINE and later(line))
    for k, line in enumerate(lines):
        chosen = read.get(k)
        if chosen is not None:
            guessed += [(at + i, c) for i, c in enumerate(chosen) if c.guessed]
            line = "".join(c.char for c in chosen)
            count += 1
        pieces.append(line)
        at += len(line) + 1
    if not count:
        return MojibakeRepair(text, 0, [])
    # Without the web words' pairs: a guess here is a whole character (context.WEB_PAIR_WEIGHT says why).
    fixed, guessed = context.redecide("\n".join(pieces), guessed, page=True, web=False)
    findings = [holes.guess_finding(mojibake.GUESS_KIND, pos, c.char, c.alternative, c.margin) for pos, c in guessed]
    if not guess:
        chars = list(fixed)
        for pos, _ in guessed:
            chars[pos] = holes.LOST
        fixed = "".join(chars)
    return MojibakeRepair(fixed, count, findings)



INDENT = "\u3000"
# Big5's ideographic space (a1 40) as a GBK-family decoder shows it: a mark and "@" (gbk), or the
# private-use code of GBK's user-defined pair (gb18030).
_BIG5_INDENT = re.compile("(?:\ufffd@|" + bytes((0xA1, 0x40)).decode("gb18030") + ")+")


INDENT_LINES = 2  # lines of a page starting with two such marks at least, for them to be its indentation


def _indent_pairs(line: str) -> int:
    """How many Big5 ideographic spaces, as a GBK-family decoder shows them, start ``line``."""
    start = _BIG5_INDENT.match(line)
    return 0 if start is None else len(start.group().replace("\ufffd", ""))  # one "@" or private-use code each


def _indented(line: str, chosen: list[holes.Choice], family: str) -> list[holes.Choice]:
    """``chosen`` with a Big5 line's indentation as it was: two ideographic spaces or more at the
    line's start (`　　`, a1 40 each), which a GBK decoder shows `�@�@`. The lattice reads no
    space (Python calls U+3000 unprintable, and a space among Han read for a lost lead, 一边　国,
    was worse than the Han), and read them as Han (一世). Asked only on a page where INDENT_LINES
    lines start so (a line may start with 一世, a4 40 a5 40, too; a page's paragraphs are indented
    alike). Each is the space where the reading holds a guess for each pair (the model's choice
    its runner-up) or the private-use code as GB18030 showed it (which the lattice keeps, having
    no reading for it)."""
    pairs = _indent_pairs(line) if family == decoders.GBK_FAMILY else 0
    if pairs < 2 or len(chosen) <= pairs:
        return chosen
    # Each pair read alone: a guess for a mark's lost lead, or the private-use code kept as shown.
    if any(c.end != 2 * (k + 1) or not (c.guessed or c.char == line[k]) for k, c in enumerate(chosen[:pairs])):
        return chosen
    spaces = [c._replace(char=INDENT, alternative=c.char, margin=0.0, candidates=(INDENT,)) for c in chosen[:pairs]]
    return spaces + chosen[pairs:]


def _misread_two_byte(line: str) -> bool:
    """Enough of the line's non-ASCII characters are rare Han, or what a GBK decoder shows for
    Big5's Han (``_big5_shown``): what a two-byte table makes of the other's pairs. Rare signs
    alone are no evidence: a clean line of box drawing (┬───┐) is all rare, and its bytes read
    as fluent Big5."""
    rare = mojibake.rare_chars(line)  # C speed: most lines stop here
    if len(rare) < LINE_RARE_MIN:
        return False
    han = sum(1 for ch in rare if "\u3400" <= ch <= "\u9fff") + _big5_shown(line)
    return (han >= LINE_RARE_MIN and han >= LINE_RARE_SHARE * mojibake.beyond_ascii(line)
            and not _reads_as_utf8(line, decoders.GBK_FAMILY))


def _big5_shown(line: str) -> int:
    """How many characters of ``line`` say Big5 read by a GBK decoder, where a decoder's mark does.

    Big5's commonest Han (rows a4-a9: 一 中 日 月 年 are a4 40-a6 7e) are GBK's rows of kana,
    Greek, Cyrillic, bopomofo and box drawing, or, with a trail in the ASCII range (年 a6 7e, and
    the clause marks ，。 a1 41, a1 43), a pair GBK leaves undefined: a mark and the trail's
    letter (`1949�~1る1ら�A`), or GB18030's private-use character. A line of such text holds
    few rare Han (dates, the commonest words), but the marks say what it is; the signs count only
    beside one (a clean Japanese line's kana, a formula's Greek, stand with none)."""
    marks = len(_big5_marks().findall(line))
    if not marks or not _shown_beside_marks(line):
        return 0
    return marks + len(_big5_rows_in_gbk().findall(line))


def _shown_beside_marks(line: str) -> bool:
    """The line holds a character beyond ASCII that is no mark: a GBK decoder reads most of Big5's
    pairs as characters. A line of nothing but ASCII and marks is a decoder that marks every high
    byte (``.decode("ascii", "replace")``): no character there to read a mark's pair by."""
    return any(ch > "\x7f" and ch != "\ufffd" for ch in line)


@lru_cache(maxsize=1)
def _big5_marks() -> re.Pattern:
    """A pair of Big5's rows a1-a7 with an ASCII trail, as a GBK-family decoder shows it: a
    mark before the trail's letter (gbk, ``errors="replace"``), or the private-use character
    GB18030 reads the pair as."""
    private = {bytes((lead, trail)).decode("gb18030", "replace") for lead in range(0xA1, 0xA8)
               for trail in range(0x40, 0x7F)}
    private = "".join(sorted(ch for ch in private if "\ue000" <= ch <= "\uf8ff"))
    return re.compile(f"\ufffd[\x40-\x7e]|[{private}]")


@lru_cache(maxsize=1)
def _big5_rows_in_gbk() -> re.Pattern:
    """A character GBK's rows a4-a9 hold (kana, Greek, Cyrillic, bopomofo, box drawing), or
    GB18030's private-use character for a pair of them GBK leaves empty: Big5's Han there."""
    shown = {bytes((lead, trail)).decode("gb18030", "replace") for lead in range(0xA4, 0xAA)
             for trail in range(0xA1, 0xFF)}
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(shown - {"\ufffd"})) + "]")


def _misread_single_byte(line: str) -> bool:
    """Most of the line's non-ASCII characters are what a single-byte decoder shows for a high
    byte, and its bytes are no UTF-8 (``_reads_as_utf8``: the single-byte re-read's, which knows
    UTF-8's structure)."""
    high = len(_single_high().findall(line))  # C speed: clean lines' “ ” … — stop here
    if high < LINE_RARE_MIN or 2 * high < mojibake.beyond_ascii(line):
        return False
    # A character of a two-byte source is two high bytes in a row: Latin text's accented letters
    # (Café, à la) stand alone.
    pairs = sum(len(m.group()) // 2 for m in _single_high_runs().finditer(line))
    return pairs >= LINE_RARE_MIN and not _reads_as_utf8(line, decoders.SINGLE_FAMILY)


@lru_cache(maxsize=1)
def _single_high_runs():
    """Two characters a single-byte decoder shows for high bytes in a row (``_single_high``, its
    punctuation too): asked only of a page that holds one of them beyond that punctuation."""
    # Its first character written apart (a repeat names re no first character to skip ahead to).
    return re.compile(f"{_single_high().pattern}{_single_high().pattern}+")


@lru_cache(maxsize=1)
def _single_high_letters():
    """A character a single-byte decoder shows for a high byte, the punctuation Chinese text writes
    itself left out (——, …… and “” are cp1252's 97, 85, 93 94)."""
    letters = "".join(re.escape(ch) for ch in sorted(_shown_high()) if not "\u2000" <= ch <= "\u206f")
    return re.compile(f"[{letters}]")


# A page holding none of them is no single-byte reading: asked from the page's one scan (half the
# clean pages stop here).
_holds_single_high = pagefacts.any_of(_single_high_letters)


def _reads_as_utf8(line: str, family: str) -> bool:
    """Do the bytes a ``family`` decoder read the line from read as UTF-8 for the most part? Then
    the line is UTF-8 misread, the re-reads of UTF-8's (``mojibake``), not a two-byte source: its
    pairs seldom form UTF-8 sequences, nearly every character comes out U+FFFD; UTF-8 with a byte
    in twenty dropped leaves most of its characters whole. A GBK decoder's reading of UTF-8 Han is
    dense with rare Han, and each view of it (Big5's and Big5-HKSCS's) holds a dozen candidates a
    character for the bytes it cannot pair: about 25 ms of CPU a page to read and refuse them all."""
    stream, _ = decoders.byte_view(line, family)
    read = bytes(b for b in stream if b is not None).decode("utf-8", "replace")
    lost = read.count("\ufffd")
    return 2 * lost < sum(1 for ch in read if ch > "\x7f")


@lru_cache(maxsize=1)
def _single_high():
    """A character a single-byte decoder shows for a byte 80-ff (``_shown_high``)."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(_shown_high())) + "]")


@lru_cache(maxsize=1)
def _shown_high() -> frozenset[str]:
    """The characters a single-byte decoder (cp1252, Latin-1, cp1250) shows for a byte 80-ff, its
    U+FFFD for a byte it has none for left out: what ``_single_high`` and ``_single_high_letters`` match."""
    return frozenset(bytes((b,)).decode(codec, "replace") for codec in ("cp1252", "latin-1", "cp1250")
                     for b in range(0x80, 0x100)) - {"\ufffd"}


def _line(line: str, views: tuple, whole: dict[str, bool], dropped: tuple[int, ...] | None = None, indents: bool = False
          ) -> list[holes.Choice] | None:
    """The best reading of ``line`` in step among ``views``, if it passes the re-read's tests.
    ``whole``: by family, whether the page says its decoder lost nothing unmarked; ``dropped``:
    the single-byte page's bytes lost unmarked, if not the decoder's undefined ones."""
    best: tuple[float, list[holes.Choice], list[list], str] | None = None
    for family, cp950, source in views:
        read = read_in_step(line, family, source, cp950, final=True, lossless=whole[family], dropped=dropped)
        if read is None:
            continue
        chosen, items = read
        reading = "".join(c.char for c in chosen)
        # The views are weighed as the lattice weighs a path: a character kept as the decoder
        # showed it (one the view's source cannot write) costs KEEP_COST. The model alone does
        # not say it: a Hong Kong page's Cantonese (嘅 9d ef) is unknown to it, scored as low as
        # the GBK reading (濓) Python's cp950 view must keep, and the view that reads it lost.
        score = per_char(reading) - KEEP_COST * _unwritable(reading, source) / max(len(reading), 1)
        if best is None or score > best[0]:
            best = (score, chosen, items, family)
    if best is None:
        return None
    _, chosen, items, family = best
    score = per_char("".join(c.char for c in chosen))
    if "".join(c.char for c in chosen) == line or score <= mojibake.FLUENT or score <= per_char(line) + mojibake.GAIN:
        return None
    if not _bytes_decide(chosen, line):
        return None
    chosen = with_candidates(chosen, items)
    return _clean_edges(line, _indented(line, chosen, family) if indents else chosen, family)


def _unwritable(reading: str, source: str) -> int:
    """Characters of ``reading`` beyond ASCII that ``source``'s codec cannot write: kept as the
    wrong decoder showed them, not read from the source's bytes (a lost byte's guess is a
    character of the source)."""
    codec = _CODEC[source]
    kept = 0
    for ch in set(reading):
        if ch > "\x7f" and ch != holes.LOST:
            try:
                ch.encode(codec)
            except UnicodeEncodeError:
                kept += reading.count(ch)
    return kept


def _clean_edges(line: str, chosen: list[holes.Choice], family: str) -> list[holes.Choice]:
    """``chosen`` with the line's clean edges as they were: a correct stretch before or after a
    misread block (a post's 【引用】 before a quoted Big5 post a GBK decoder read) is read with the
    line, and 【引用】 read as Big5 is ▽竘蚚▼. An edge up to the first (or from the last) rare
    character or decoder's mark is kept, as long as it can be, where the reading cuts the line's
    bytes at the edge's end too (nothing read out of step crosses the cut: the bytes do not demand
    the edge be read otherwise), its reading guessed nothing, and it reads better by EDGE_GAIN a
    character (a misread edge of common characters may score as well as its reading)."""
    rare = mojibake.rare_han_pattern()
    head = next((k for k, ch in enumerate(line) if ch == holes.LOST or rare.match(ch)), len(line))
    tail = next((k for k in range(len(line) - 1, -1, -1) if line[k] == holes.LOST or rare.match(line[k])), -1) + 1
    # A decoder's mark is the one byte it rejected, as the byte view holds it.
    widths = [len(decoders.encode_char(ch, family) or b"") if ch != holes.LOST else 1 for ch in line]
    if head == len(line) or not all(widths):
        return chosen  # a character the view has no bytes for: the reading's offsets are not the line's
    bytes_at = list(accumulate(widths, initial=0))
    ends = {c.end: k for k, c in enumerate(chosen)}
    for n in range(head, 0, -1):  # the longest clean head the reading cuts where the line does
        if (k := ends.get(bytes_at[n])) is not None:
            chosen = _kept_edge(line[:n], chosen, family, 0, k, 0)
            break
    ends = {c.end: k for k, c in enumerate(chosen)}
    if chosen[-1].end != bytes_at[-1]:
        return chosen
    for t in range(tail, len(line)):
        if (k := ends.get(bytes_at[t])) is not None:
            return _kept_edge(line[t:], chosen, family, k + 1, len(chosen) - 1, bytes_at[t])
    return chosen


def _kept_edge(edge: str, chosen: list[holes.Choice], family: str, lo: int, hi: int, start: int) -> list[holes.Choice]:
    """``chosen`` with its characters ``lo``..``hi`` (read from bytes ``start`` on) replaced by
    ``edge``, where none of them was guessed and ``edge`` reads better by EDGE_GAIN a character."""
    if any(c.guessed for c in chosen[lo : hi + 1]):
        return chosen
    read = "".join(c.char for c in chosen[lo : hi + 1])
    if read == edge or per_char(edge) <= per_char(read) + EDGE_GAIN:
        return chosen
    ends = list(accumulate((len(decoders.encode_char(ch, family) or b"") for ch in edge), initial=start))[1:]
    return [*chosen[:lo], *(holes.Choice(ch, e, False) for ch, e in zip(edge, ends, strict=True)), *chosen[hi + 1 :]]


EDGE_GAIN = 1.0  # log-probability per character a clean edge must read better than its reading in step by

# A letter alone between two Han characters (恒取B檇).
_LONE_LETTER = re.compile("(?<=[\u3400-\u9fff])[A-Za-z](?=[\u3400-\u9fff])")


def _bytes_decide(chosen: list[holes.Choice], line: str) -> bool:
    """Do the line's bytes, not the guesses, make the reading? A short clean line of rare
    characters (a table cell of names: 鮪 鰹 鯛) reads "better" through the lattice when most of
    what it reads is guessed (李n 采业 李麦): a search over lost bytes finds common characters for
    any few bytes. So more of the reading's Han must be read from bytes than guessed, and it may
    hold no more ASCII letters alone between Han than the line: read in step, a letter comes from
    a letter (a pair's trail read alone, 恒取B檇 for 箝、羮, is a reading out of step).
    On a line with a decoder's mark the guesses' share is not asked (a short misread line,
    2005年7月20日 as GBK read by Big5, has most of its Han guessed and is still read right), and
    the letters only where no fewer Han were guessed than read from bytes: a decoder
    that rejects a lead re-reads an ASCII trail after its mark (WHATWG big5 shows GBK's 員, 86 54,
    as �T), so a reading made from its bytes keeps a letter between Han where a mark's guess
    stands (這個f議), and a pair read out of step there costs a character, not the line; a
    reading of a line nearly all marks (Big5 shown as UTF-8) rests on its guesses, and its
    letters still say it is out of step."""
    decided = guessed = 0
    for c in chosen:
        if "\u3400" <= c.char <= "\u9fff":
            if c.guessed:
                guessed += 1
            else:
                decided += 1
    if holes.LOST not in line and guessed >= decided:
        return False
    if holes.LOST in line and decided > guessed:
        return True
    return len(_LONE_LETTER.findall("".join(c.char for c in chosen))) <= len(_LONE_LETTER.findall(line))
