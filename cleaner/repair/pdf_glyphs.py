"""Radicals and compatibility ideographs standing for ordinary characters: ``⼀⼈⽣⾁`` is ``一人生肉``.

Why: a PDF maps each glyph of its embedded font back to a code point through the font's own
table, and many Chinese fonts (and the tools that subset them) map the glyph of 一, 人, 大, 长, 门
to the code point of the radical drawn the same: a Kangxi radical (U+2F00-2FD5, ``⼀⼈⼤``) or a
form of the CJK Radicals Supplement (U+2E80-2EF3, ``⻓⻔⻚``). Copied text looks right and is
wrong: search, segmentation and every model see a symbol where a word's character is. The same
tools, and old Korean and Japanese encodings, write CJK Compatibility Ideographs (U+F900-FAFF,
U+2F800-2FA1F), which Unicode itself decomposes to a unified ideograph (``F92C`` is 郎).

The mapping: the Kangxi radicals and the Supplement's forms through Unicode's
EquivalentUnifiedIdeograph (cleaner/data/radicals.txt, built by scripts/build_radical_table.py);
a compatibility ideograph through its canonical decomposition (``unicodedata``).

The evidence: a radical is also a radical, written so in a dictionary's radical index (``部首：⼀
⼁⼂⼃``) and in text about characters. One is read as a character where it stands among Han: in
a run of Han characters and digits (no space or sign between) that holds an ordinary character
or a digit besides it.
On a page where that was found (the page is such a copy, MIN_AMONG_HAN runs at least), a run of
them alone is read too (``⼈⼝``, every character of the word a radical; ``⼀、`` before a
heading), unless the run before or after it on its line is of them alone as well: the entries of
a radical index (``⼀ ⼁ ⼂``) stay.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from cleaner import pagefacts
from cleaner.chardata import HAN_CLASS

_TABLE = Path(__file__).resolve().parent.parent / "data" / "radicals.txt"
# Runs of the page's glyphs among Han proving it is a copy of this kind.
MIN_AMONG_HAN = 2
_COMPAT = "\uf900-\ufaff\U0002f800-\U0002fa1f"
_GLYPHS = f"\u2e80-\u2eff\u2f00-\u2fdf{_COMPAT}"
_HAS_GLYPH = re.compile(f"[{_GLYPHS}]")
_holds_glyph = pagefacts.any_of(_HAS_GLYPH)  # from the page's one scan: nearly no page holds one
# A run of Han characters (the glyphs are Han by script) and digits (10⽉13⽇ is a date), nothing
# between them.
# A text naming the code points of these blocks (如⼈（U+2F08）与人（U+4EBA）) writes about the glyphs
# themselves: every one of them stays as written.
_NAMES_A_GLYPH = re.compile(r"(?i)U\+(?:2E[89A-F][0-9A-F]|2F[0-9A-D][0-9A-F]|F[9A][0-9A-F]{2}|2F[89A][0-9A-F]{2})\b")
_HAN_RUN = re.compile(f"[{HAN_CLASS}0-9\uff10-\uff19]+")


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Each glyph that has an ordinary character: the radicals' from the shipped table, the
    compatibility ideographs' from their canonical decompositions (the twelve unified
    ideographs inside the compatibility block, 﨎 and the like, have none and are no glyphs)."""
    out = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            glyph, char = line.split("\t")
            out[glyph] = char
    for first, last in ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for code in range(first, last + 1):
            glyph = chr(code)
            char = unicodedata.normalize("NFD", glyph)
            if char != glyph and len(char) == 1:
                out[glyph] = char
    return out


def repair(text: str) -> str:
    """Each glyph standing among Han written as its ordinary character (see the module's docstring).

    >>> repair("⼤家好，⻓江⼤桥。部首：⼀ ⼁ ⼂")
    '大家好，长江大桥。部首：⼀ ⼁ ⼂'
    """
    if not _holds_glyph(text) or _NAMES_A_GLYPH.search(text):
        return text
    glyphs = table()
    runs = list(_HAN_RUN.finditer(text))
    among = {k for k, m in enumerate(runs) if _mixed(m.group(), glyphs)}
    if not among:
        return text
    proven = len(among) >= MIN_AMONG_HAN
    pieces, last = [], 0
    for k, m in enumerate(runs):
        if k in among or proven and not _in_a_list(text, runs, k, glyphs):
            pieces += [text[last:m.start()], "".join(glyphs.get(ch, ch) for ch in m.group())]
            last = m.end()
    return "".join(pieces) + text[last:]


def _mixed(run: str, glyphs: dict[str, str]) -> bool:
    return any(ch in glyphs for ch in run) and any(ch not in glyphs for ch in run)


def _in_a_list(text: str, runs: list[re.Match], k: int, glyphs: dict[str, str]) -> bool:
    """Is run ``k`` (of glyphs alone) an entry of a list of them: the run before or after it on
    its line is glyphs alone too (部首：⼀ ⼁ ⼂)? A run without glyphs is no list's either."""
    if not any(ch in glyphs for ch in runs[k].group()):
        return True
    for j in (k - 1, k + 1):
        if 0 <= j < len(runs) and "\n" not in _between(text, runs[k], runs[j]) \
                and all(ch in glyphs for ch in runs[j].group()):
            return True
    return False


def _between(text: str, a: re.Match, b: re.Match) -> str:
    return text[a.end():b.start()] if a.start() < b.start() else text[b.end():a.start()]
