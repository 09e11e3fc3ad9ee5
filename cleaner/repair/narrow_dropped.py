"""GBK read by gb2312 with ``errors="ignore"``: the lost characters whose bytes left a trace, read back.

Why: a crawler that sets ``r.encoding = "gb2312"`` on a GBK page and decodes with ``ignore``
loses every character outside GB2312 (Traditional forms, rarer names) without a mark. What
Python's gb2312 decoder does with such a pair ``L T`` (always: ``L`` is rejected alone and
reading starts again at ``T``; docs/repair.md §5.7.1):

- ``T`` 40-7e (a third of GBK's extension): ``T`` is read as ASCII, the lead is gone. The line
  shows a letter or sign among Han (镕 e9 46 in 朱镕基 leaves ``朱F基``): the letter says where
  the character was and is its trail byte, so the character is one of the ~126 whose trail it is.
- ``T`` 80-a0 (every row GB2312 lacks a trail for), or ``T`` a1-fe before an ASCII byte or
  before a byte it makes no GB2312 pair with: ``T`` is rejected too, both bytes gone, nothing
  left to place the loss by.
- ``T`` a1-fe before a byte it makes a GB2312 pair with: read out of step (喆 86 b4 in 陶喆，
  leaves 陶矗 of b4 a3, and the ， after it lost) until a pair fails.

The first two kinds are read here, on a page whose letters say it was read so (``MIN_RUNS``):
each line is read in GBK with a lost lead put before each letter standing alone among Han
(``_trails``), and each run whose reading put back in step reads much likelier in its window
(``_chains``: a run of k characters is k + 1 of the page's, the first with its trail known, the
last with its lead known, those between whole). The character model chooses among the
candidates the bytes leave (``holes.choose_ranked``, both scripts kept: the characters read for
sure are GB2312's and tell nothing of the lost ones'); each character chosen is a guess with its
runner-up and margin. A line is taken only if gb2312 with ``ignore`` reads the chosen bytes back
into it exactly, the reading is fluent and the rest of the line is running text. Characters of
the third kind leave nothing to place them by: they stay lost (36.7 per 1,000 characters of the
measured Wikipedia paragraphs, docs/repair.md §5.7.1). Without guessing, each character chosen is
written U+FFFD: a mark with no known byte of its own beside it, which ``narrow_tables`` leaves.
"""

from __future__ import annotations

import re

from cleaner.langmodel import per_char
from cleaner.repair import holes, mojibake, multi_byte_marks, narrow_tables
from cleaner.repair.mojibake import MojibakeRepair

DECODER = "gb2312"  # the decoder that dropped the bytes
SOURCE = "gbk"  # the page's own encoding
LOST = "\ufffd"
# A page is read when its trail bytes standing alone with Han on both sides show MIN_RUNS
# different runs, MIN_STRANGE of them holding a lowercase letter: clean text glues capitals (A型,
# 維生素C, NBA), signs (11:00～12:00 written ~, 纲|目, [书香], -{后}-), units and variables (5m的,
# 数为n，) to Han, and web text a word or two repeated (uc浏览器, 读到tw的, 推迟了n次), seldom
# many different letters and signs each alone; a page of Traditional text read by gb2312 shows
# dozens (GBK's trails are 26 lowercase letters of 63). Measured: no clean paragraph of the wiki
# corpus, in pages of 1, 5 or 20, and no page of the web-page corpus is read; with any two
# lowercase trails, 26 paragraphs and 3 pages were.
MIN_RUNS = 5
MIN_STRANGE = 3
# ... and at least one lowercase run a line holds per PER_HAN Han characters of the page: a page
# gb2312 read from Traditional GBK shows 32-38 per 1,000 (wiki measure paragraphs, 1 to 40 a
# page), a page a quarter of whose lines it read some 6, a tenth some 3; clean Wikipedia text 0.0075 (3 in
# 400,000 Han characters).
PER_HAN = 1000
# Trail bytes stand beside CJK characters and punctuation (from U+2E80), not beside the Latin,
# Greek or pinyin letters GB2312 also holds (mäki, wēn).
CJK = "\u2e80"
MAX_RUN = 3  # ASCII trail bytes side by side at most (lost characters in a row: 資並開 leaves YK_)


def repair(text: str, guess: bool = True) -> MojibakeRepair:
    """Lines of ``text`` that gb2312 read from GBK dropping bytes, with each character whose trail
    byte it left read back; a finding for every character chosen."""
    # At C speed, the runs between Han of the whole page: every run a line's trails show below is
    # one of them (a run of one to MAX_RUN trail bytes, maximal, Han both sides), so the page is
    # passed over where they are too few (nearly every page), or too few of them lowercase (a
    # clean page with many runs glues capitals and signs: its every line was scanned for trails).
    page_runs = set(_RUN_BETWEEN_HAN.findall(text))
    if len(page_runs) < MIN_RUNS or sum(1 for run in page_runs if _strange(run)) < MIN_STRANGE:
        return MojibakeRepair(text, 0, [])
    lines = text.split("\n")
    found = [_trails(line) for line in lines]
    # The page is one decoder's reading: its lines' trail letters together say whether it lost
    # bytes so (a Simplified page loses a rare name now and then, one letter a line: 凉茶m for 舖).
    per_line = [_between_han(line, trails) for line, trails in zip(lines, found)]
    runs = set().union(*per_line)
    if len(runs) < MIN_RUNS or sum(1 for run in runs if _strange(run)) < MIN_STRANGE:
        return MojibakeRepair(text, 0, [])
    # Counts alone open on a long clean page (a thousand Wikipedia paragraphs show 24 runs, 3 of
    # them lowercase): its lowercase runs must also stand as densely as a misread text's.
    strange = sum(1 for line_runs in per_line for run in line_runs if _strange(run))
    if strange * PER_HAN < len(_HAN.findall(text)):
        return MojibakeRepair(text, 0, [])
    findings = []
    count = at = 0
    for k, line in enumerate(lines):
        read = _line(line, found[k], text[at - 1 : at] if at else "") if found[k] else None
        if read is not None:
            out = []
            for c in read:
                char = c.char if guess or not c.guessed else LOST
                if c.guessed:
                    findings.append(holes.guess_finding(mojibake.GUESS_KIND, at + len("".join(out)), c.char, c.alternative, c.margin))
                out.append(char)
            lines[k] = "".join(out)
            count += 1
        at += len(lines[k]) + 1
    return MojibakeRepair("\n".join(lines), count, findings) if count else MojibakeRepair(text, 0, [])


_HAN = re.compile("[\u3400-\u9fff]")


def _strange(run: str) -> bool:
    """A run holding a lowercase letter: clean text glues capitals, signs and units to Han."""
    return any("a" <= ch <= "z" for ch in run)


# Runs of trail bytes with Han on both sides (found overlapping: 盧R安_的 holds R and _). The Han
# before a run is matched, not looked behind at: re skips ahead to a pattern's first character
# only when it names one, which a look-behind does not (the run is group 1 either way).
_RUN_BETWEEN_HAN = re.compile("[\u3400-\u9fff]([\x40-\x7e]{1,%d})(?=[\u3400-\u9fff])" % MAX_RUN)


def _trails(line: str) -> list[int]:
    """Offsets of the ASCII characters of ``line`` that may be a lost character's trail byte:
    40-7e, in a run of at most MAX_RUN such characters at the line's start or after a CJK
    character, that is no word (``_word``: Python3, NBA, The); a trail before a number is one (約200
    leaves s200), and a single one after a number before Han (萬 of 200萬胡 leaves 200f胡)."""
    found = []
    n = len(line)
    i = 0
    while i < n:
        start = i if i == 0 and _trail_byte(line[0]) else i + 1
        if start == i + 1 and (not (line[i] >= CJK or line[i].isdigit()) or start >= n or not _trail_byte(line[start])):
            i += 1
            continue
        j = start
        while j < n and _trail_byte(line[j]):
            j += 1
        after = line[j] if j < n else ""
        # At the line's start the run must be followed by a character beyond ASCII (the next one
        # of the running text), not a sign or a space.
        if start == i + 1 and line[i].isdigit():
            if j == start + 1 and after >= CJK:
                found.append(start)  # one after a number, before Han: 萬 of 200萬 leaves 200f胡, 時 0r至
        elif j - start <= MAX_RUN and not _word(line[start:j], after) and (start or after >= CJK) and not "\x7f" < after < CJK:
            found += range(start, j)
        i = j
    return found


def _between_han(line: str, trails: list[int]) -> set[str]:
    """The runs of trail bytes of ``line`` with Han on both sides (a variable n or a word of
    before punctuation, a unit after a digit are text's), but not a symbol (Na, Cl)."""
    runs = set()
    for k in trails:
        lo, hi = k, k + 1
        while lo > 0 and _trail_byte(line[lo - 1]):
            lo -= 1
        while hi < len(line) and _trail_byte(line[hi]):
            hi += 1
        run = line[lo:hi]
        if _han(line[lo - 1 : lo]) and _han(line[hi : hi + 1]) and not (len(run) == 2 and run.isalpha() and run.istitle()):
            runs.add(run)
    return runs


def _han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _word(run: str, after: str) -> bool:
    """Is ``run`` (trail bytes after Han), with ``after`` the character after it, a word of
    ASCII text: one going on in letters or a space (Python3, The Beatles), an acronym (NBA), a
    short word (now, Bad)? Lost characters side by side leave letters of no case pattern (orI)."""
    if after.isascii() and (after.isalpha() or after == " "):
        return True
    # Two letters of no case but a capital first are as often two trails (學課 leaves Wn) as a word.
    return len(run) > 1 and run.isalpha() and (run.isupper() or (len(run) > 2 and (run.istitle() or run.islower())))


def _trail_byte(ch: str) -> bool:
    return "\x40" <= ch <= "\x7e"


def _line(line: str, trails: list[int], prev: str) -> list[holes.Choice] | None:
    """``line`` read back in GBK with a lead byte lost before each of its trail letters and the
    runs read out of step put back in step; None unless the reading passes."""
    if LOST in line or not _gb2312(line):
        return None  # a replacing decoder's marks (narrow_tables reads those), or not gb2312's text
    taken = set(trails)
    for _ in range(AGAIN):
        chains = _chains(line, taken, prev)
        read = _reading(line, prev, taken, chains)
        if read is None and chains:
            read = _reading(line, prev, taken, {})
        if read is None:
            return None
        # An ASCII byte beside a run read out of step (玄{⒗沃 of 玄劉牢) stands among Han only once
        # the run is read: a trail too, or a second clean (of a page converted to GB2312's script
        # after) would read it there.
        more = _uncovered(line, taken, "".join(c.char for c in read))
        if not more:
            return read
        taken |= more
    return None


# Readings of a line at most, each with the trail bytes the one before showed among Han.
AGAIN = 3


def _uncovered(line: str, trails: set[int], read: str) -> set[int]:
    """The ASCII characters of ``line`` left as they were that ``read`` shows as trail bytes."""
    kept = [k for k, ch in enumerate(line) if ch <= "\x7f" and k not in trails]
    shown = [j for j, ch in enumerate(read) if ch <= "\x7f"]
    if len(kept) != len(shown):
        return set()
    at = dict(zip(shown, kept))
    return {at[j] for j in _trails(read) if j in at}


def _reading(line: str, prev: str, trails: set[int], chains: dict[int, int]) -> list[holes.Choice] | None:
    """``line`` read with its ``trails`` and ``chains`` put back, if the reading passes."""
    built = _items(line, trails, chains)
    if built is None:
        return None
    items, open_trails = built
    # The surviving characters are GB2312's, which tell nothing of the lost ones' script.
    chosen = holes.choose_ranked(items, prev, final=True, script_known=False)
    for _ in range(narrow_tables.ROUNDS):
        # A run's last character's trail was let be any byte gb2312 rejects before some byte where
        # the next byte is a lost lead: now that that lead is chosen, only those it rejects before it.
        if not _narrowed(items, chosen, open_trails):
            break
        chosen = holes.choose_ranked(items, prev, final=True, script_known=False)
    read = "".join(c.char for c in chosen)
    if read.encode(SOURCE, errors="replace").decode(DECODER, errors="ignore") != line:
        return None
    # Not compared with the line as it is: the model finds an ASCII letter among Han likelier than
    # the character lost there (letters are one class to it); the page's letters said it lost bytes.
    if per_char(read) <= mojibake.FLUENT:
        return None
    # The rest of the line is the page's own text: running text (GBK of a clean page read so).
    sure = "".join(c.char for c in chosen if not c.guessed and c.char > "\x7f")
    rare = [ch for ch in mojibake.rare_chars(sure) if not narrow_tables.punctuation(ch)]
    if len(sure) < narrow_tables.MIN_SURE or len(rare) > narrow_tables.MAX_RARE_SHARE * len(sure):
        return None
    return chosen


def _gb2312(line: str) -> bool:
    try:
        line.encode(DECODER)
    except UnicodeEncodeError:
        return False  # a character gb2312 never gives: it did not read the line
    return True


def _narrowed(items: list[list], chosen: list[holes.Choice], open_trails: list[int]) -> bool:
    """Narrow each item of ``open_trails`` to the characters whose trail gb2312 rejects before
    the next character's lead as chosen; did any change?"""
    changed = False
    for k in open_trails:
        following = chosen[k + 1].char.encode(SOURCE, errors="replace")[0]
        allowed = set(_rejected(following))
        kept = [ch for ch in items[k][2] if ch.encode(SOURCE, errors="replace")[-1] in allowed]
        if kept and len(kept) < len(items[k][2]):
            items[k][2] = kept
            changed = True
    for item in items:
        item[0] = item[2][0]
    return changed


def _items(line: str, trails: set[int], chains: dict[int, int]) -> tuple[list[list], list[int]] | None:
    """The items ``holes.choose_ranked`` chooses among for ``line``: a character at each trail
    letter (its lead lost), k + 1 characters for each run of k read out of step (``chains``: first
    offset -> last), the rest each its own; None where a run's bytes make no GBK character. With
    them the items whose trail byte was dropped before a lost lead (``_narrowed``)."""
    items: list[list] = []
    open_trails: list[int] = []
    end = 0  # byte offset, for the choices' ends
    k = 0
    while k < len(line):
        code = line[k].encode(DECODER)
        if k in trails:
            groups = [[c for c in _characters(code[0]) if c]]
            k += 1
        elif k in chains:
            last = chains[k]
            # The byte after the run, unless it is a lost lead (a trail letter's, another run's).
            after = last + 1
            following = line[after].encode(DECODER)[0] if after < len(line) and after not in trails and after not in chains else None
            groups = _chain(line[k : last + 1].encode(DECODER), following)
            if groups is None:
                return None
            if following is None and after < len(line):
                open_trails.append(len(items) + len(groups) - 1)
            k = last + 1
        else:
            # The page's character for these bytes: gb2312 shows a1aa as ― (U+2015), GBK as —.
            groups = [[code.decode(SOURCE, errors="replace")]]
            k += 1
        for candidates in groups:
            end += 2
            items.append([candidates[0], end, candidates])
    return items, open_trails


def _chain(data: bytes, following: int | None) -> list[list[str]] | None:
    """The candidates of the characters a run read out of step stood for: ``data`` (its bytes as
    gb2312 read them) is the lost character's trail, then whole characters, then the lead of one
    whose trail gb2312 rejected before ``following`` (the byte after the run; None: not known)."""
    first = [c for lead in _rejected(data[0]) if (c := narrow_tables.pair(SOURCE, lead, data[0]))]
    middle = [narrow_tables.pair(SOURCE, data[i], data[i + 1]) for i in range(1, len(data) - 1, 2)]
    last = [c for trail in _rejected(following) if (c := narrow_tables.pair(SOURCE, data[-1], trail))]
    if not first or not last or not all(middle):
        return None
    return [first, *([c] for c in middle), last]


def _rejected(following: int | None) -> tuple[int, ...]:
    return multi_byte_marks.rejected_before(DECODER, following)


# Runs read out of step: at most this many characters (a run goes on while each misread pair is
# one of GB2312's, about half the time), each run's reading scored on its window of WINDOW
# characters each side, and taken where it reads MIN_GAIN a character likelier than the window.
MAX_CHAIN = 8
WINDOW = 3
MIN_GAIN = 1.5


def _chains(line: str, trails: set[int], prev: str) -> dict[int, int]:
    """The runs of ``line`` read out of step, first offset -> last: each run of 1..MAX_CHAIN
    characters beyond ASCII that reads much likelier put back in step, the best first, none
    overlapping another or a trail letter."""
    scored = []
    n = len(line)

    def reading(lo: int, hi: int, chain: dict[int, int]) -> float | None:
        """The score of ``line[lo:hi]`` read with its trail letters and ``chain`` put back."""
        built = _items(line[lo:hi], {k - lo for k in trails if lo <= k < hi}, chain)
        if built is None:
            return None
        items = built[0]
        before = line[lo - 1] if lo else prev
        return per_char("".join(c.char for c in holes.choose_ranked(items, before, final=hi == n, script_known=False)))

    for a in range(n):
        for b in range(a, min(a + MAX_CHAIN, n)):
            if line[b] <= "\x7f" or b in trails:
                break
            lo, hi = max(0, a - WINDOW), min(n, b + 1 + WINDOW)
            score = reading(lo, hi, {a - lo: b - lo})
            if score is not None and (gain := score - reading(lo, hi, {})) > MIN_GAIN:
                scored.append((gain, a, b))
    taken: dict[int, int] = {}
    used: set[int] = set()
    for _gain, a, b in sorted(scored, reverse=True):
        if used.isdisjoint(range(a - 1, b + 2)):
            taken[a] = b
            used.update(range(a, b + 1))
    return taken


def _characters(trail: int) -> list[str]:
    """The GBK characters gb2312 leaves as ``trail`` alone: its lead rejected, every lead GBK pairs
    with it (GB2312 has no pair with an ASCII trail)."""
    return [narrow_tables.pair(SOURCE, lead, trail) for lead in range(0x81, 0xFF)]


# The codes gb2312 shows otherwise than GBK: a1a4 (GBK's ·, gb2312's ・) and a1aa (—, ―). GBK has
# no ・, and its ― (a8 44) gb2312 shows as D: on a page gb2312 read, each is GBK's.
GBK_FORMS = str.maketrans({"\u30fb": "\u00b7", "\u2015": "\u2014"})


def gbk_forms(text: str) -> MojibakeRepair:
    """The middle dots and dashes of ``text``, a page gb2312 read from GBK (the stages above read
    some of its lines), as GBK writes them, on every line gb2312 could have given: a Simplified
    page loses no character on most lines, but every 约翰・海克特 on them is 约翰·海克特."""
    lines = text.split("\n")
    count = 0
    for k, line in enumerate(lines):
        if ("\u30fb" in line or "\u2015" in line) and _gb2312(line):
            lines[k] = line.translate(GBK_FORMS)
            count += 1
    return MojibakeRepair("\n".join(lines), count, []) if count else MojibakeRepair(text, 0, [])
