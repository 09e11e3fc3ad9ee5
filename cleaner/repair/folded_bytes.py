"""UTF-8 read as cp1252 (or Latin-1) whose characters NFKC normalisation then folded.

Why: pipelines normalise text to NFKC (search indexes, language-model corpora, dedup tools), and
NFKC rewrites seventeen of the characters a cp1252 decoder shows for bytes 80-ff: ² ³ ¹ (b2 b3
b9) become the digits 2 3 1, ª º (aa ba) the letters a o, µ (b5) Greek μ, ¼ ½ ¾ (bc bd be)
1⁄4 1⁄2 3⁄4, ¨ ¯ ´ ¸ ˜ (a8 af b4 b8 98) a space and a combining mark, … (85) three dots, ™
(99) TM, and the no-break space (a0) a space. In UTF-8 Chinese those bytes are continuation
bytes of one character in four, so the single-byte re-read took the pieces between them and the
page came back as mojibake of another kind (2,000 errors per 1,000 characters,
``benchmarks/decoders_after.py``).

Each product stands for exactly one byte (no two bytes fold to the same text), so where UTF-8
needs a continuation byte, after a lead byte short of its continuation bytes, a product there
*is* that byte: written back as the character the decoder showed, with nothing to guess. Only
where the character it completes is one a Chinese page holds (CJK characters, punctuation and
full-width forms), and only on a line that shows misread UTF-8 elsewhere (``MIN_MISREAD``
characters) and something only NFKC makes (``_FOLDED``): a name in Latin letters (José1) is
never taken for one, nor a digit after a character a decoder cut short. A space inside such a
character is the no-break space (a0) NFKC made one; a space alone is left to ``blank_bytes``
(it may stand for a0 or for a mark a decoder wrote), which runs next.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cleaner.repair import latin_layers

LOST = "\ufffd"
NBSP = 0xA0
UNDEFINED = 0x81  # one of the bytes cp1252 has no character for, all continuation bytes
MIN_MISREAD = 3  # misread UTF-8 characters a line shows besides the folded ones
# Code points a completed character must be in: what UTF-8 Chinese is made of.
CHINESE_RANGES = ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF), (0x2000, 0x206F))


# What only NFKC makes of a cp1252 character: a combining mark (¨ ¯ ´ ¸ ˜ folded to a space and
# one), the fraction slash of ¼ ½ ¾, Greek μ for µ. A line must hold one before an ASCII product
# (2 3 1 a o, TM, ...) is taken for a folded byte: in UTF-8 read as cp1252 with errors="ignore"
# a character cut short stands before a digit as it would before a folded ² (大道2930 became 大铲930).
_FOLDED = re.compile("[\u0301\u0303\u0304\u0308\u0327\u2044\u03bc]")


@lru_cache(maxsize=1)
def folds() -> dict[str, str]:
    """NFKC's product of each character cp1252 shows for a byte 80-ff that NFKC changes, to that
    character (the plain space, blank_bytes' case, left out); longest products first."""
    out = {}
    for b in range(0x80, 0x100):
        try:
            ch = bytes((b,)).decode("cp1252")
        except UnicodeDecodeError:
            continue
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch and folded != " ":
            out[folded] = ch
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))


def _byte(ch: str) -> int | None:
    """The byte a cp1252 or Latin-1 decoder showed as ``ch``, or None."""
    if ch <= "\xff":
        return ord(ch)
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def _width(lead: int) -> int:
    return 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 0


def chinese_character(data: bytes) -> bool:
    """Do ``data`` read as UTF-8 as one character a Chinese page holds (CJK, its punctuation,
    full-width forms, general punctuation)?"""
    try:
        cp = ord(data.decode("utf-8"))
    except (UnicodeDecodeError, TypeError):
        return False
    return any(a <= cp <= b for a, b in CHINESE_RANGES)


def _unfolded_line(line: str) -> tuple[str, int]:
    """``line`` with each folded product inside a misread UTF-8 character written back; (line,
    characters completed)."""
    products = folds()
    out: list[str] = []
    done = 0
    i, n = 0, len(line)
    while i < n:
        lead = _byte(line[i])
        width = _width(lead) if lead is not None else 0
        if not width:
            out.append(line[i])
            i += 1
            continue
        # Read the character's continuation bytes, each a shown character or a folded product.
        shown, data, j, folded = [line[i]], [lead], i + 1, False
        while len(data) < width and j < n:
            # A folded product first: some begin with a space (¸ is " \u0327").
            product = next((p for p in products if line.startswith(p, j)), None)
            if product is not None:
                shown.append(products[product])
                data.append(_byte(products[product]))
                j += len(product)
                folded = True
                continue
            # A mark the decoder wrote for a byte cp1252 leaves undefined (81 8d 8f 90 9d) is one
            # continuation byte too; the single-byte re-read fills it. NFKC made the no-break
            # space (a0) a space: inside a character with a folded byte it is that byte (alone,
            # blank_bytes weighs it against a decoder's mark).
            b = UNDEFINED if line[j] == LOST else NBSP if line[j] == " " else _byte(line[j])
            if b is None or not 0x80 <= b < 0xC0:
                break
            shown.append("\u00a0" if b == NBSP else line[j])
            data.append(b)
            j += 1
        if folded and len(data) == width and chinese_character(bytes(data)):
            out.extend(shown)
            done += 1
            i = j
        else:
            out.append(line[i])
            i += 1
    return "".join(out), done


def repair(text: str) -> tuple[str, int]:
    """``text`` with the bytes NFKC folded inside misread UTF-8 written back; (text, characters
    completed)."""
    if not latin_layers.shows_misread_utf8(text):
        return text, 0
    lines = text.split("\n")
    count = 0
    for k, line in enumerate(lines):
        if len(latin_layers.MISREAD_UTF8.findall(line)) < MIN_MISREAD or not _FOLDED.search(line):
            continue
        # A line NFKC never touched holds what it folds (the no-break space, µ, ﬁ ﬂ): another code
        # page's reading whose own signs look like its products (Mac Roman shows ⁄ for da, and
        # è ƒ 25 read as e8 83 b2 with 2 taken for ² broke the page's Mac Roman run).
        if not unicodedata.is_normalized("NFKC", line):
            continue
        fixed, done = _unfolded_line(line)
        if done:
            lines[k] = fixed
            count += done
    return ("\n".join(lines), count) if count else (text, 0)
