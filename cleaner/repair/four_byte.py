"""GB18030's four-byte codes read by a GBK decoder: ``Espa�0�9a`` is España.

GB18030 writes what GBK lacks (Latin letters with marks, Greek and Cyrillic beyond GBK's rows,
Thai, hangul, the Han of CJK Extension A after 䶵 and a few signs) in four bytes: a lead 81-fe,
a digit, a lead, a digit. A GBK decoder (Python's ``gbk`` with ``errors="replace"``) rejects a
lead before a digit: one U+FFFD, then the digit read as itself, twice. The digits are two of the
four bytes, exactly; the leads are lost. For a character of the Basic Multilingual Plane the
first lead is 81-84 and the second 81-fe: each pair of digits leaves 504 codes, of which the
assigned characters GBK does not hold (about 466) are the candidates. The character model
chooses between the neighbours (``holes.choose_ranked``), but it knows none of these characters
from running Chinese text (ñ, ö, Thai, hangul are all at its floor), so a choice that does not
lead its runner-up by GUESS_MARGIN is no choice: the code is written as one U+FFFD (the page
holds one character there, which the bytes do not name), reported as a ``lost-byte`` finding
with the model's top two, as ``--no-guess`` writes every guess.

UTF-8 and Big5 bytes read by GBK never put a digit where a GBK trail byte goes (a lead of theirs
before a digit is the last byte of a character cut off, which GBK pairs with what precedes), but
other decoders do write a mark before a digit: a UTF-8 decoder reading GBK (岖1岬2 is `�1�2`),
and such a page is all marks. So the codes are read only on a page that shows what a GBK decoder
of GB18030 text shows: Chinese read as it was (``MIN_HAN`` Han characters at least) and, of its
U+FFFD, nine in ten or more in runs of codes (or in pairs before ASCII: a two-byte code GB18030
has and GBK lacks, € above all, is two marks there, and is left). A run of the marks touching another digit or
U+FFFD (``2004�3�1�``, a date whose units ``--no-guess`` wrote as U+FFFD) is not read.
``errors="ignore"`` leaves the digits alone, with nothing to tell them from a number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from cleaner.langmodel import model
from cleaner.repair import holes, mojibake

LOST = "\ufffd"
# Whole codes only: one or more (mark, digit, mark, digit), with no digit or mark on either side.
_CODES = re.compile("(?<![0-9\ufffd])(?:\ufffd[0-9]\ufffd[0-9])+(?![0-9\ufffd])")
# A two-byte code GB18030 has and GBK lacks (€ is a2 e3) before ASCII: GBK marks its lead (the pair
# is unassigned), then its trail, a lead before an ASCII byte: two marks (价格��100). Such a page's
# other marks; they count with the codes' marks below, and are not read (one of a few dozen codes).
_TWO_BYTE = re.compile("(?<![0-9\ufffd])\ufffd\ufffd(?=[\x20-\x7e])")
LEADS = range(0x81, 0x85)  # first byte of the four-byte codes of the Basic Multilingual Plane
SECOND_LEADS = range(0x81, 0xFF)


@lru_cache(maxsize=1)
def _candidates() -> dict[tuple[int, int], tuple[str, ...]]:
    """The assigned characters of each pair of digits (bytes two and four of the code)."""
    out: dict[tuple[int, int], list[str]] = {}
    for first in LEADS:
        for third in SECOND_LEADS:
            for d1 in range(10):
                for d2 in range(10):
                    try:
                        ch = bytes((first, 0x30 + d1, third, 0x30 + d2)).decode("gb18030")
                    except UnicodeDecodeError:
                        continue
                    if len(ch) == 1 and unicodedata.category(ch)[0] in "LNPS" and not 0xE000 <= ord(ch) <= 0xF8FF \
                            and not _in_gbk(ch):
                        out.setdefault((d1, d2), []).append(ch)
    return {k: tuple(v) for k, v in out.items()}


def _in_gbk(ch: str) -> bool:
    """Does GBK write ``ch`` in two bytes (then no page writes it in four)?"""
    try:
        ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def _known(candidates: tuple[str, ...]) -> list[str]:
    """The candidates the character model has seen (the others it cannot rank, nor choose)."""
    unigram = model().unigram
    floor = unigram("\U0010fffd")
    # Not by another character's counts: the model folds compatibility ideographs (U+F900 ...,
    # four-byte codes in GB18030) into the ideographs GBK holds, and knows them only as those.
    return [ch for ch in candidates if unigram(ch) > floor and unicodedata.normalize("NFKC", ch) == ch]


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    """How often running text writes each four-byte character (``cleaner/data/four_byte_counts.txt``,
    scripts/build_four_byte_counts.py: the build split's counts, those seen twice or more)."""
    table = {}
    for line in COUNTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, count = line.split("\t")
            table[chr(int(code, 16))] = int(count)
    return table


def _written(candidates: tuple[str, ...]) -> tuple[str, str, float] | None:
    """(the candidate running text writes, the runner-up, the log of their counts' ratio) where one
    is seen ``MIN_WRITTEN`` times at least and makes ``WRITTEN_SHARE`` of the counts of the
    candidates; None where text does not say."""
    counts = _counts()
    seen = sorted(((counts.get(ch, 0), ch) for ch in candidates), reverse=True)
    total = sum(n for n, _ in seen)
    if not seen or seen[0][0] < MIN_WRITTEN or seen[0][0] < WRITTEN_SHARE * total:
        return None
    runner = seen[1] if len(seen) > 1 else (0, "")
    return seen[0][1], runner[1], math.log(seen[0][0] / max(runner[0], 0.5))


def _fits_beside(ch: str, beside: tuple[str, str]) -> bool:
    """A sign fits anywhere; a letter only beside a letter of its script read for sure (an ASCII
    letter for a Latin one, a Han character for Extension A's): ä is no guess inside Cyrillic (Көк)
    or Hebrew shown as marks, 㑩 none between brackets."""
    if not unicodedata.category(ch).startswith("L"):
        return True
    script = unicodedata.name(ch, "").split(" ")[0]
    return any(n and ((n.isascii() and n.isalpha() and script == "LATIN")
                      or (not n.isascii() and unicodedata.name(n, "").split(" ")[0] == script)) for n in beside)


COUNTS = Path(__file__).resolve().parent.parent / "data" / "four_byte_counts.txt"
# A character written this often in the build split's text, and this share of what its digits'
# candidates are written, is named (a guess, with its finding); chosen before measuring, and checked
# on half the build split counted from the other half: 61 of 137 codes named right, 5 wrong.
MIN_WRITTEN = 3
WRITTEN_SHARE = 0.8
GUESS_MARGIN = 2.0  # log-probability by which a choice must lead its runner-up to be written
MIN_HAN = 4  # Han characters a page shows before its marks are read as four-byte codes
_HAN = re.compile(r"[\u3400-\u9fff]")


def repair(text: str, guess: bool = True) -> mojibake.MojibakeRepair:
    """Each run of four-byte codes a GBK decoder marked read back, a guess per character.

    >>> repair("西班牙语写作Espa\\ufffd0\\ufffd9a").text  # ñ, Á, Ë, Õ, â ... fit its digits; the model knows none
    '西班牙语写作Espa\\ufffda'
    """
    if LOST not in text:
        return mojibake.MojibakeRepair(text, 0, [])  # the common case: one search
    runs = list(_CODES.finditer(text))
    marks = sum(len(m.group()) // 2 for m in runs) + 2 * len(_TWO_BYTE.findall(text))
    if not runs or 10 * marks < 9 * text.count(LOST) or len(_HAN.findall(text, 0, 4096)) < MIN_HAN:
        return mojibake.MojibakeRepair(text, 0, [])  # no GBK reading of GB18030 text (see the module)
    pieces: list[str] = []
    findings = []
    done = count = written = 0
    for m in runs:
        codes = [(int(m.group()[k + 1]), int(m.group()[k + 3])) for k in range(0, len(m.group()), 4)]
        table = _candidates()
        if any(code not in table for code in codes):
            continue
        known = [_known(table[code]) for code in codes]
        items = [[cands[0] if cands else LOST, k + 1, cands or [LOST]] for k, cands in enumerate(known)]
        after = text[m.end() : m.end() + 1]
        if after and not after.isspace():
            items.append([after, len(items) + 1, [after]])  # the next character conditions the last choice
        chosen = holes.choose_ranked(items, text[max(0, m.start() - 8) : m.start()], final=not after.strip())[: len(codes)]
        at = written + (m.start() - done)
        read = []
        for k, c in enumerate(chosen):
            # A margin over the runner-up means something only between candidates the model knows:
            # one known among hundreds it does not (a hangul syllable's digits) is no choice.
            named = len(table[codes[k]]) == 1 or (guess and len(known[k]) >= 2 and c.margin >= GUESS_MARGIN)
            beside = (text[m.start() - 1 : m.start()] if k == 0 else "", after if k == len(codes) - 1 else "")
            if (not named and len(known[k]) < 2 and (written_so := _written(table[codes[k]])) is not None
                    and _fits_beside(written_so[0], beside)):
                # What the model cannot rank, running text may: one character that text writes
                # far more than the others of its digits (• ・ ‧ − ə ä).
                c = c._replace(char=written_so[0], alternative=written_so[1], margin=written_so[2])
                named = guess
            read.append(c.char if named else LOST)
            if len(table[codes[k]]) > 1:
                findings.append(holes.guess_finding(mojibake.GUESS_KIND, at + k, c.char, c.alternative, c.margin))
        pieces += [text[done : m.start()], "".join(read)]
        written = at + len(read)
        done = m.end()
        count += 1
    if not count:
        return mojibake.MojibakeRepair(text, 0, [])
    pieces.append(text[done:])
    return mojibake.MojibakeRepair("".join(pieces), count, findings)
