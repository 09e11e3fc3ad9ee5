"""UTF-8 read as cp1252 (or Latin-1) whose characters a pipeline then case-folded.

Why: search indexes and dedup tools lowercase text, and report generators uppercase it. A cp1252
decoder shows a letter with a case for some bytes 80-ff, and the fold rewrites it as the letter
of the other case, which is another byte's: ``lower()`` makes Š Œ Ž (8a 8c 8e) š œ ž (9a 9c 9e),
Ÿ (9f) ÿ (ff) and À-Þ (c0-de) à-þ (e0-fe); ``upper()`` the reverse, µ (b5) Greek Μ, and the
UTF-8 lead bytes ä..ï (e4-ef) Ä..Ï. After ``lower()`` the page still reads as UTF-8, but one
character in five or so is another one, valid and wrong (务 e5 8a a1 came back 嚡 e5 9a a1, ，
ef bc 8c came back ＜ ef bc 9c); after ``upper()`` nothing reads at all.

Each shown character stands for the small set of bytes the fold maps onto it (``preimages``):
most for one byte, š for 8a or 9a, Ä for c4 or e4. Where the bytes of a UTF-8 character need it
(a lead byte, then its continuation bytes), every reading the sets allow is tried, those that are
no character a Chinese page holds are dropped, and the character model chooses among the rest
along the line (a best path over each run of characters, so 务 is chosen beside 国 and 院). The
line is written back as the decoder showed it before the fold, and the single-byte readers after
read it as any other page misread once. A choice the model cannot make with ``MARGIN`` to spare
is still the model's best, with a finding (``KIND``), never a silent one: leaving the folded text
would let the readers take the fold's own reading, which is the wrong one here by construction.

Only on a line the fold shows on: ``MIN_CELLS`` characters read this way, none of the characters
the fold cannot leave (an uppercase Š Œ Ž Ÿ À-Þ after ``lower()``, and so on), and, after
``lower()`` (whose text still reads), ``MIN_FOLDED`` of its š œ ž ÿ inside characters (misread
text no fold touched shows Š Œ Ž as often) or a character whose folded bytes do not read, and
the model's own word: a reading other than the folded one chosen by ``MARGIN`` for at least one
character, or the folded reading of one invalid (ÿ in a character). On a page where a line
showed the fold, one folded byte will do for its other lines (a heading lowercased with its
article). A line left as it reads where the model would take another reading by ``MARGIN``
gets an ``UNSURE_KIND`` finding there: said, not done.

``title()`` and ``capitalize()`` (a template's headline) mix the folds letter by letter: upper
after a non-letter, lower after a letter. Their fold (``MIXED``) lets each shown character stand
for its own byte or either case's; it is tried after the two whole folds, only on a page showing
a lead byte only an upper fold shows (À-Ï) before two continuation bytes' characters, and only on
a line with characters that do not read as they stand (misread text no fold touched reads) and
whose readings cover ``MIXED_COVER`` of its non-ASCII characters (GBK shown as cp1252 is all
such letters, and a few of its pairs read as UTF-8 through either case by chance).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from cleaner import langmodel
from cleaner.model import Finding
from cleaner.repair.folded_bytes import CHINESE_RANGES
from cleaner.repair.latin_layers import UNDEFINED  # a U+FFFD in a character is one of these

KIND = "case-folded-guess"
UNSURE_KIND = "case-folded-unsure"  # a line left as it reads where the model would read a fold
LOST = "\ufffd"
MIN_CELLS = 3  # characters read through the fold a line must show
MIN_FOLDED = 3  # continuation characters a lowercased line must show that lower() makes (š œ ž ÿ)
_LOWERED = "šœžÿ"
MARGIN = 4.0  # log-probability the best reading of a character must win by to be taken silently
# Code points a character read through the fold may be: what UTF-8 Chinese is made of
# (folded_bytes.CHINESE_RANGES), and the few two-byte signs Chinese pages use (· × ÷ ° ±).
_SIGNS = frozenset("·×÷°±")
FOLDS: dict[str, Callable[[str], str]] = {"lower": str.lower, "upper": str.upper}
# title() or capitalize() (a template's headline): each letter upper after a non-letter, lower
# after a letter, so each shown character stands for its own byte or either case's.
MIXED = "mixed"
MIXED_COVER = 0.8  # share of a line's non-ASCII characters the mixed fold's readings must cover
def _outputs(fold: str, ch: str) -> tuple[str, ...]:
    """What ``fold`` may have made of ``ch``."""
    return (ch, ch.lower(), ch.upper()) if fold == MIXED else (FOLDS[fold](ch),)


def _shown(b: int) -> str:
    """The character a cp1252 decoder shows for byte ``b`` (Latin-1's control for its undefined)."""
    try:
        return bytes((b,)).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


@lru_cache(maxsize=None)
def preimages(fold: str) -> dict[str, tuple[int, ...]]:
    """Each character ``fold`` leaves of what cp1252 or Latin-1 shows for a byte 80-ff, to the
    bytes that come out as it (one character products only: ß's SS is no byte's)."""
    out: dict[str, set[int]] = {}
    for b in range(0x80, 0x100):
        for shown in {_shown(b), chr(b)}:
            for folded in _outputs(fold, shown):
                if len(folded) == 1:
                    out.setdefault(folded, set()).add(b)
    return {ch: tuple(sorted(bs)) for ch, bs in out.items()}


@lru_cache(maxsize=None)
def unfoldable(fold: str) -> frozenset[str]:
    """Characters ``fold`` never leaves among the bytes' shown characters (after lower(), Š;
    a mixed fold leaves any)."""
    if fold == MIXED:
        return frozenset()
    return frozenset(ch for b in range(0x80, 0x100) for ch in {_shown(b), chr(b)} if FOLDS[fold](ch) != ch)


@lru_cache(maxsize=None)
def _shape(fold: str) -> re.Pattern[str]:
    """A three-byte UTF-8 character as ``fold`` leaves it shown: a character that may be a lead
    byte e0-ef, then two that may be continuation bytes (a decoder's U+FFFD among them). Found at
    C speed: a line without MIN_CELLS of them is no line of this kind."""
    pre = preimages(fold)
    lead = "".join(re.escape(ch) for ch, bs in pre.items() if any(0xE0 <= b <= 0xEF for b in bs))
    cont = "".join(re.escape(ch) for ch, bs in pre.items() if any(0x80 <= b <= 0xBF for b in bs))
    return re.compile(f"[{lead}][{cont}{LOST}]{{2}}")


@lru_cache(maxsize=1)
def _mixed_sign() -> re.Pattern[str]:
    """A lead byte e0-ef as only an upper fold shows it (À-Ï), then two characters that may be
    continuation bytes through either case: what title() or capitalize() leaves of a Chinese
    character after a non-letter, and no misread text no fold touched holds (c0-cf lead
    two-byte characters, which take one continuation byte)."""
    cont = "".join(re.escape(ch) for ch, bs in preimages(MIXED).items() if any(0x80 <= b <= 0xBF for b in bs))
    return re.compile(f"[\u00c0-\u00cf][{cont}{LOST}]{{2}}")


def _chinese(ch: str) -> bool:
    cp = ord(ch)
    return ch in _SIGNS or any(a <= cp <= b for a, b in CHINESE_RANGES)


def _bytes_of(ch: str, fold: str, lead: bool) -> tuple[int, ...]:
    if ch == LOST:
        return () if lead else UNDEFINED
    return preimages(fold).get(ch, ())


def _readings(line: str, i: int, fold: str) -> tuple[int, list[tuple[str, bytes]]]:
    """The UTF-8 characters the fold's preimages allow at ``line[i]``: (width in characters,
    [(character, its bytes)]), three-byte readings first; (0, []) if none is a Chinese one."""
    leads = _bytes_of(line[i], fold, True)
    for width, low, high in ((3, 0xE0, 0xEF), (2, 0xC2, 0xDF)):
        if i + width > len(line):
            continue
        firsts = [b for b in leads if low <= b <= high]
        if not firsts:
            continue
        seqs = [(b,) for b in firsts]
        for ch in line[i + 1:i + width]:
            conts = [b for b in _bytes_of(ch, fold, False) if 0x80 <= b <= 0xBF]
            seqs = [s + (b,) for s in seqs for b in conts]
        found = []
        for s in seqs:
            try:
                ch = bytes(s).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _chinese(ch):
                found.append((ch, bytes(s)))
        if found:
            return width, found
    return 0, []


Cell = tuple[int, int, list[tuple[str, bytes]]]


def _cells(line: str, fold: str) -> list[Cell]:
    cells: list[Cell] = []
    i = 0
    while i < len(line):
        width, found = _readings(line, i, fold)
        if width:
            cells.append((i, i + width, found))
            i += width
        else:
            i += 1
    return cells


def _chains(cells: list[Cell]) -> list[list[Cell]]:
    """Runs of cells next to each other: the model reads each run as one stretch of text."""
    chains: list[list[Cell]] = []
    for cell in cells:
        if chains and chains[-1][-1][1] == cell[0]:
            chains[-1].append(cell)
        else:
            chains.append([cell])
    return chains


def _context(ch: str) -> bool:
    """Can ``ch`` beside a run of cells be read as it stands (ASCII, CJK, not mojibake)?"""
    return ch.isascii() and not ch.isspace() or _chinese(ch)


def _best_path(chain: list[Cell], before: str, after: str) -> tuple[list[int], list[float]]:
    """The model's best reading of each cell of ``chain`` and, per cell, how much the best path
    through any other of its readings loses (infinite where a cell has one reading). ``before``
    and ``after``: the characters beside the run, if they read as they stand ("" if not)."""
    lm = langmodel.model()
    n = len(chain)
    chars = [[c for c, _ in cell[2]] for cell in chain]
    # Forward: best score of the chain up to cell k ending in reading r (back pointers kept).
    fwd = [[lm.bigram(before, c) if before else lm.unigram(c) for c in chars[0]]]
    back: list[list[int]] = [[0] * len(chars[0])]
    for k in range(1, n):
        row, ptr = [], []
        for c in chars[k]:
            scores = [fwd[k - 1][p] + lm.bigram(prev, c) for p, prev in enumerate(chars[k - 1])]
            best = max(range(len(scores)), key=scores.__getitem__)
            row.append(scores[best])
            ptr.append(best)
        fwd.append(row)
        back.append(ptr)
    # Backward: best score of the rest of the chain after cell k, given reading r at k.
    bwd = [[0.0] * len(chars[k]) for k in range(n)]
    if after:
        bwd[-1] = [lm.bigram(c, after) for c in chars[-1]]
    for k in range(n - 2, -1, -1):
        for r, c in enumerate(chars[k]):
            bwd[k][r] = max(lm.bigram(c, nxt) + bwd[k + 1][q] for q, nxt in enumerate(chars[k + 1]))
    path = [max(range(len(chars[-1])), key=lambda r: fwd[-1][r] + bwd[-1][r])]
    for k in range(n - 1, 0, -1):
        path.append(back[k][path[-1]])
    path.reverse()
    margins = []
    for k in range(n):
        totals = [fwd[k][r] + bwd[k][r] for r in range(len(chars[k]))]
        others = [t for r, t in enumerate(totals) if r != path[k]]
        margins.append(totals[path[k]] - max(others) if others else float("inf"))
    return path, margins


def _folded_reading(line: str, cell: Cell) -> bytes | None:
    """The bytes the folded characters stand for as they are (no fold undone), if they read."""
    start, end, _ = cell
    try:
        # A C1 control is the byte a Latin-1 decoder showed it for; the rest are cp1252's.
        data = b"".join(bytes((ord(ch),)) if ch <= "\xff" else ch.encode("cp1252") for ch in line[start:end])
        data.decode("utf-8")
        return data
    except UnicodeError:
        return None


def _unfolded_line(line: str, fold: str, page_folded: bool = False) -> tuple[str, int, list[Finding]]:
    """``line`` written back as the decoder showed it before ``fold``; (line, characters changed,
    findings), or the line unchanged where the fold does not show on it. ``page_folded``: other
    lines of the page showed the fold, so a short line need not show it again by itself."""
    if len(_shape(fold).findall(line)) < MIN_CELLS or not unfoldable(fold).isdisjoint(line):
        return line, 0, []
    cells = _cells(line, fold)
    if len(cells) < MIN_CELLS:
        return line, 0, []
    if fold == MIXED and MIXED_COVER * sum(1 for ch in line if ch >= "\x80") > sum(b - a for a, b, _ in cells):
        # Letting each character be either case, other bytes read as UTF-8 here and there by
        # chance (GBK shown as cp1252 is all such letters): a title-cased line reads nearly whole.
        return line, 0, []
    out = list(line)
    changed = 0
    # An uppercased line does not read at all: the cells are the evidence. A lowercased one
    # reads, and must show the fold's characters where UTF-8 continues a character (9a 9c 9e
    # are as common there as 8a 8c 8e, which a fold never leaves lowercase) MIN_FOLDED times.
    evidence = fold == "upper" or page_folded
    shown = sum(line[a + 1:b].count(ch) for a, b, _ in cells for ch in _LOWERED)
    # A character whose folded bytes do not read (ÿ inside it, a lead c2 lowered to e2) is
    # the fold's by itself: Latin-1 shows no š œ ž, only its lead bytes fold.
    unread = any(LOST not in line[a:b] and _folded_reading(line, (a, b, f)) is None for a, b, f in cells)
    # A mixed fold is read only where characters do not read as they stand: misread text no
    # fold touched reads, and would be re-read through both cases for nothing.
    weak = (fold == "lower" and shown < (1 if page_folded else MIN_FOLDED) and not unread) or (fold == MIXED and not unread)
    findings: list[Finding] = []
    unsure: list[Finding] = []
    for chain in _chains(cells):
        first, last = chain[0][0], chain[-1][1]
        before = line[first - 1] if first and _context(line[first - 1]) else ""
        after = line[last] if last < len(line) and _context(line[last]) else ""
        path, margins = _best_path(chain, before, after)
        for (start, end, found), r, margin in zip(chain, path, margins):
            ch, data = found[r]
            as_folded = _folded_reading(line, (start, end, found))
            if LOST in line[start:end]:
                pass  # a lost byte's character is no evidence either way
            elif as_folded is None or as_folded != data:
                evidence = evidence or as_folded is None or margin >= MARGIN
                if margin >= MARGIN and as_folded is not None:
                    unsure.append(Finding(UNSURE_KIND, start, f"{as_folded.decode('utf-8')} may be {ch}"))
            shown = [LOST if line[start + k] == LOST else _shown(b) for k, b in enumerate(data)]
            if "".join(shown) != line[start:end]:
                out[start:end] = shown
                changed += 1
            if margin < MARGIN and LOST not in line[start:end]:  # a lost byte is the readers' to guess
                findings.append(Finding(KIND, start, f"{ch} (of {''.join(c for c, _ in found)})"))
    if weak or not evidence or not changed:
        # Left as it reads: where the model would take another reading, a finding says so
        # (a short line lowercased alone, or misread text no fold touched).
        return line, 0, unsure if fold == "lower" else []
    return "".join(out), changed, findings


def repair(text: str) -> tuple[str, int, list[Finding]]:
    """``text`` with lines of misread UTF-8 that ``lower()`` or ``upper()`` folded written back
    as the decoder showed them; (text, characters changed, findings at their offsets)."""
    if text.isascii():
        return text, 0, []
    # A line shows a fold only with MIN_CELLS of its shapes (``_unfolded_line``), and no shape
    # spans a line break: a page holding fewer in all has no such line, and its lines are not
    # asked one by one (two regex calls a line, a tenth of a millisecond a clean page).
    folds = [fold for fold in FOLDS if len(_shape(fold).findall(text)) >= MIN_CELLS]
    if _mixed_sign().search(text) and len(_shape(MIXED).findall(text)) >= MIN_CELLS:
        folds.append(MIXED)  # tried last: a line one case folded reads through that case alone
    if not folds:
        return text, 0, []
    lines = text.split("\n")
    count = 0
    found_at: dict[int, list[Finding]] = {}
    folded: set[str] = set()
    unsure_at: dict[int, list[Finding]] = {}
    # Lines that show a fold by themselves first; then, on a page that showed one, the short
    # lines (a heading lowercased with its article shows too few folded bytes to tell alone).
    for page_folded in (False, True):
        if page_folded and not folded:
            break
        for k, line in enumerate(lines):
            if k in found_at or line.isascii():
                continue
            for fold in folds if not page_folded else sorted(folded):
                fixed, done, found = _unfolded_line(line, fold, page_folded)
                if done:
                    lines[k] = fixed
                    count += done
                    found_at[k] = found
                    unsure_at.pop(k, None)
                    folded.add(fold)
                    break
                if found:
                    unsure_at[k] = found
    findings: list[Finding] = []
    offset = 0
    for k, line in enumerate(lines):
        findings += [Finding(f.kind, f.position + offset, f.detail) for f in found_at.get(k, unsure_at.get(k, []))]
        offset += len(line) + 1
    return ("\n".join(lines), count, findings) if count else (text, 0, findings)
