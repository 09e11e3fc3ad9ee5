"""Mojibake from the single-byte code pages the byte views do not model.

The single-byte view (``decoders.SINGLE_FAMILY``) knows cp1252, Latin-1 and cp1250: the decoders
of Western tools. Chinese bytes are also shown by tools set to other code pages — ISO-8859-15 and
-2, cp1251/KOI8-R (Cyrillic systems), cp1253, cp1254, cp1257, Mac Roman, the DOS pages cp437,
cp850 and cp866 — and each makes its own mojibake (Mac Roman: ‰∏≠Êñá for 中文; cp866: ф╕нцЦЗ).
Read through the single-byte view, such text comes back wrong or not at all (ISO-8859-15 has ž
at b8 where cp1252 has it at 9e: 中华人民 came back as 䞭华人民).

A run of such characters is turned back into the bytes each code page gives it; the code page
whose bytes read best in UTF-8, GBK or Big5 (fewest rejected sequences) is taken to be the one
that made the run. The run is then rewritten as Latin-1 would have shown those bytes and repaired
by the single-byte repair (``mojibake.repair_single_byte``: its sources, lost bytes and guesses),
and the repair is kept only if it reads as Chinese and much better than the run. A run whose
best code page is one the single-byte view models is left to that repair.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import re

from cleaner.model import Finding
from cleaner.repair import mojibake

# The code pages the single-byte view models (left to ``repair_single_byte``), then the others,
# in the order ties between them go: the common Western and Central European pages first.
MODELED = ("cp1252", "latin-1", "cp1250")
OTHERS = ("iso8859_15", "iso8859_2", "cp1254", "cp1257", "cp1251", "koi8_r", "koi8_u", "cp1253",
          "iso8859_5", "iso8859_7", "iso8859_4", "iso8859_13", "mac_roman", "mac_cyrillic",
          "cp437", "cp850", "cp852", "cp866", "cp874")
SOURCES = ("utf-8", "gbk", "big5")
LOST = "\ufffd"
MIN_HIGH = 3  # distinct non-ASCII characters in a run: one UTF-8 character, or a GBK pair and a half


def _high_chars(codec: str) -> frozenset[str]:
    """What ``codec`` shows for the bytes 80-ff (U+FFFD where it has none)."""
    return frozenset(bytes(range(0x80, 0x100)).decode(codec, errors="replace")) - {LOST}


@lru_cache(maxsize=1)
def _tables() -> dict[str, frozenset[str]]:
    return {codec: _high_chars(codec) for codec in MODELED + OTHERS}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The page hint and the run.

    A run is a stretch of characters some code page shows for a high byte, with U+FFFD (a byte a
    code page left undefined) and ASCII between them (UTF-8 never has ASCII inside a character,
    but GBK and Big5 trail bytes can be ASCII). The hint, searched first on the whole text, is two
    such characters close together that Chinese text does not use as they are: letters, box
    drawing, math signs (“ ” — … · are cp1252 characters too, and common in Chinese text).
    ``re``, not ``regex``: its big character classes are bitmaps, a hundred times faster here.
    """
    union = set().union(*_tables().values())
    common = set("“”‘’—–…·•、。，") | {chr(c) for c in range(0x3000, 0xA000)}
    odd = "".join(sorted(union - common))
    high = re.escape("".join(sorted(union)) + LOST)
    hint = re.compile(f"[{re.escape(odd)}][{high}\\x20-\\x7e]{{0,3}}[{re.escape(odd)}]")
    run = re.compile(f"[{high}](?:[{high}\\x20-\\x7e]*[{high}])?")
    return hint, run


def _byte_view(run: str, codec: str) -> bytes | None:
    """The bytes ``codec`` read as ``run`` (a U+FFFD as a byte no source reads: 0xff), or None."""
    table = _tables()[codec]
    if any(ch >= "\x80" and ch != LOST and ch not in table for ch in run):
        return None
    return b"".join(b"\xff" if ch == LOST else ch.encode(codec) for ch in run)


def _reading(data: bytes) -> tuple[int, str]:
    """The source reading of ``data`` with fewest rejected sequences: (their number, the text)."""
    return min((text.count(LOST), text) for text in (data.decode(s, errors="replace") for s in SOURCES))


def best_code_page(run: str) -> str | None:
    """The code page whose bytes for ``run`` read best in some source.

    Fewest rejected sequences first (UTF-8 rejects almost any other code page's bytes); between
    pages tied on that (GBK and Big5 accept nearly any byte pair, and neighbouring pages share
    most of their tables), the reading the character model likes best; then the earlier page.
    """
    tied: list[tuple[int, str, str]] = []
    for rank, codec in enumerate(MODELED + OTHERS):
        data = _byte_view(run, codec)
        if data is None:
            continue
        rejects, text = _reading(data)
        if tied and rejects > tied[0][0]:
            continue
        if tied and rejects < tied[0][0]:
            tied = []
        tied.append((rejects, text, codec))
    if len(tied) < 2:
        return tied[0][2] if tied else None
    scores = {text: _per_char(text) for _, text, _ in tied}
    return max(tied, key=lambda t: scores[t[1]])[2]  # max keeps the first of equal scores


def _per_char(text: str) -> float:
    return mojibake._per_char(text)  # noqa: SLF001 - the score every re-read is judged by


def repair_code_pages(text: str, guess: bool = True) -> mojibake.MojibakeRepair:
    """Re-read runs that are UTF-8, GBK or Big5 bytes shown by a code page of ``OTHERS``.

    Returns the text, the runs re-read, and the repair's findings (``lost-byte`` guesses) at
    their offsets in the returned text.

    >>> repair_code_pages("他说：‰∏≠Êñá是中文").text
    '他说：中文是中文'
    """
    hint, run_pattern = _patterns()
    if not hint.search(text):
        return mojibake.MojibakeRepair(text, 0, [])  # the common case, one search
    pieces: list[str] = []
    findings: list[Finding] = []
    done = out_len = count = 0
    for m in run_pattern.finditer(text):
        run = m.group()
        # Distinct characters: a rule of box drawing (────, cp437's c4 c4 c4 c4) is a dash in
        # Chinese text, and its bytes read as GBK 哪哪; misread bytes of Chinese are varied.
        if len({ch for ch in run if ch >= "\x80"}) < MIN_HIGH or not hint.search(run):
            continue
        codec = best_code_page(run)
        if codec is None or codec in MODELED:
            continue
        # As Latin-1 would have shown the same bytes: the single-byte repair reads that exactly.
        latin = "".join(LOST if ch == LOST else ch.encode(codec).decode("latin-1") for ch in run)
        fixed = mojibake.repair_single_byte(latin, guess=guess)
        if not fixed.count or not _reads_better(fixed.text, run):
            continue
        out_len += m.start() - done
        pieces += [text[done : m.start()], fixed.text]
        findings += [dataclasses.replace(f, position=f.position + out_len) for f in fixed.findings]
        out_len += len(fixed.text)
        done = m.end()
        count += fixed.count
    if not pieces:
        return mojibake.MojibakeRepair(text, 0, [])
    pieces.append(text[done:])
    return mojibake.MojibakeRepair("".join(pieces), count, findings)


def _reads_better(fixed: str, run: str) -> bool:
    """Chinese, and clearly likelier than the run (the single-byte repair's own test)."""
    return mojibake._reads_better(fixed, run)  # noqa: SLF001 - one acceptance rule for every re-read
