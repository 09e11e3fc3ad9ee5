"""Re-create the damage processes of docs/corruption.md on clean Simplified text.

Used by tests, the property tests and the benchmarks to make damaged pages whose correct
output is known. Each function is one process of the chain, applied in the note's order.
"""

from __future__ import annotations

import random
import unicodedata
from functools import lru_cache

import opencc
from pypinyin import Style, pinyin

from cleaner.repair import gbk


@lru_cache(maxsize=1)
def _s2t():
    return opencc.OpenCC("s2tw.json")  # the seeds show Taiwan forms (為, 眾)


# Characters with several Traditional forms that the naive conversion left alone (docs/corruption.md §1.1).
LEFT_ALONE = set("于云并范余征斗占峰杰筑采干里后只系面发台着")
FIXED = {"台": "臺", "发": "發", "着": "著"}


def naive_s2t(text: str) -> str:
    """Character-by-character Simplified -> Traditional, as the crawl did it."""
    out = []
    for ch in text:
        if ch in FIXED:
            out.append(FIXED[ch])
        elif ch in LEFT_ALONE:
            out.append(ch)
        else:
            t = _s2t().convert(ch)
            out.append(t if len(t) == 1 else ch)
    return "".join(out)


def annotate_bytes(text: str, rng: random.Random, distinct: tuple[int, int] = (25, 65)) -> bytes:
    """Byte-level search-and-replace of GBK pairs with pair + (pinyin), for a random subset."""
    data = text.encode("gbk", errors="replace")
    t2s = opencc.OpenCC("t2s.json")
    trad = sorted({ch for ch in text if ord(ch) > 0x2E80 and t2s.convert(ch) != ch})
    rng.shuffle(trad)
    chosen = trad[: rng.randint(*distinct)]
    for ch in chosen:
        code = ch.encode("gbk", errors="ignore")
        if len(code) != 2:
            continue
        syl = pinyin(ch, style=Style.TONE)[0][0]
        try:
            ann = b"(" + syl.encode("gbk") + b")"
        except UnicodeEncodeError:
            continue
        data = data.replace(code, code + ann)
    return data


def lossy_decode(data: bytes, shift: bool = True) -> str:
    """GBK decoding where a lead byte with an invalid trail becomes '?' and swallows that byte.

    Also the seeds' one-byte shift (docs/corruption.md §2.4): where a pair ending in a3 is followed by a pair
    starting with a1, the crawl's decoder read a3 a1 as ！ and lost the lead byte before it.
    """
    out, i, n = [], 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if shift and data[i + 1 : i + 3] == b"\xa3\xa1":
            out.append("?")
            i += 1
            continue
        if i + 1 < n and gbk.is_trail(data[i + 1]):
            ch = gbk.pair_char(b, data[i + 1])
            out.append(ch if ch else "?")
            i += 2
            continue
        out.append("?")
        i += 2
    return "".join(out)


def nfkc_punct(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def damage_page(clean: str, seed: int, distinct: tuple[int, int] = (25, 65), shift: bool = True) -> str:
    """The whole seed chain: naive S->T, byte-level pinyin, lossy GBK decoding, NFKC."""
    rng = random.Random(seed)
    return nfkc_punct(lossy_decode(annotate_bytes(naive_s2t(clean), rng, distinct), shift))


# --- The other families of docs/corruption.md §3, applied to whole lines after the seed chain -------------


def utf8_read_as_gbk(line: str) -> str:
    """UTF-8 bytes decoded as GBK by a lenient decoder (lossy at odd byte counts)."""
    return line.encode("utf-8").decode("gbk", errors="replace")


def big5_read_as_gbk(line: str) -> str:
    """A Traditional (Big5) page decoded as GBK; the cleaner must give it back in Simplified."""
    return naive_s2t(line).encode("big5", errors="replace").decode("gbk", errors="replace")


def utf8_read_as_cp1252(line: str) -> str:
    """UTF-8 decoded as Windows-1252 the way browsers do it (undefined bytes kept as C1)."""
    import ftfy.bad_codecs  # noqa: F401  registers "sloppy-windows-1252"

    return line.encode("utf-8").decode("sloppy-windows-1252")


_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "&": "&amp;", "—": "&mdash;", "·": "&middot;"}


def html_escaped(line: str, double: bool = False) -> str:
    out = "".join(_ENTITIES.get(ch, ch) for ch in line)
    out = "&nbsp;&nbsp;" + out
    return out.replace("&", "&amp;") if double else out


def fullwidth_alnum(line: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if ch.isascii() and ch.isalnum() else ch for ch in line)


FAMILIES = {
    "utf8-as-gbk": utf8_read_as_gbk,
    "big5-as-gbk": big5_read_as_gbk,
    "utf8-as-cp1252": utf8_read_as_cp1252,
    "html-entities": html_escaped,
    "html-double": lambda line: html_escaped(line, double=True),
    "fullwidth": fullwidth_alnum,
}


def damage_lines(text: str, family: str, rng: random.Random, share: float = 0.3) -> str:
    """Apply one §3 family to a random share of the lines (at least one)."""
    lines = text.split("\n")
    picked = [i for i in range(len(lines)) if rng.random() < share] or [rng.randrange(len(lines))]
    for i in picked:
        lines[i] = FAMILIES[family](lines[i])
    return "\n".join(lines)


# --- The damage matrix: a page's bytes read by a wrong decoder (docs/corruption.md §3.8) ---------
#
# Source encodings × wrong decoders × errors × scope. Left out, with the reason:
# - a source read by a decoder of its own family (GBK by gbk/gb18030/WHATWG gbk, Big5 by any Big5
#   decoder): no damage but on the few characters one table has and the other lacks;
# - ``errors="ignore"`` for latin-1 (it rejects nothing) and for the WHATWG decoders (browsers
#   only replace: the standard has no "ignore" mode);
# - Big5 source for Simplified text: Big5 cannot hold it; Big5 cells use Traditional text;
# - ``errors="replace"`` for glibc iconv (``iconv -c`` drops what it cannot read, marking nothing).

from cleaner.repair.decoders import GBK_FAMILY  # noqa: E402
from wrong_decoders import CODE_PAGE_FAMILY  # noqa: E402
from wrong_decoders import MATRIX_DECODERS as DECODERS  # noqa: E402

SOURCES = {"utf-8": "utf-8", "gbk": "gb18030", "big5": "big5hkscs", "gb18030": "gb18030"}
SCOPES = ("page", "lines", "title", "spans")


def _own_family(source: str, decoder: str) -> bool:
    family = DECODERS[decoder].family
    return (source == "gbk" and family == GBK_FAMILY) or (source == "big5" and family == "big5")


def matrix_cells(code_pages: bool = False) -> list[tuple[str, str, str]]:
    """Every meaningful (source, decoder, errors) cell.

    The main matrix, or (``code_pages``) its single-byte code pages' part: every decoder but the single-byte code pages outside the
    single-byte view (``CODE_PAGE_FAMILY``, sixty of them: ``code_page_cells``), which the tests
    and benchmarks take as a family of their own. Source ``gb18030`` is the ``gbk`` source's own
    text read by Python's ``gbk``: GB18030's four-byte codes, which that decoder rejects (the
    other GBK-family decoders read them).
    """
    cells = []
    for source in ("utf-8", "gbk", "big5"):
        for name, decoder in DECODERS.items():
            if (decoder.family == CODE_PAGE_FAMILY) != code_pages:
                continue
            if _own_family(source, name) or source not in decoder.sources:
                continue
            if decoder.marks:
                cells.append((source, name, "replace"))
            if not decoder.lossless and not decoder.whatwg and decoder.ignore:
                cells.append((source, name, "ignore"))
    if code_pages:
        return cells
    return cells + [("gb18030", "gbk", "replace"), ("gb18030", "gbk", "ignore")]


def code_page_cells() -> list[tuple[str, str, str]]:
    """The cells of every single-byte code page outside the single-byte view, each source and
    errors mode (``ignore`` only where the page leaves bytes undefined)."""
    return matrix_cells(code_pages=True)


def source_text(text: str, source: str) -> str:
    """What the page says once written in ``source`` (characters it cannot hold become "?")."""
    codec = SOURCES[source]
    return text.encode(codec, errors="replace").decode(codec)


def misdecode(text: str, source: str, decoder: str, errors: str = "replace") -> str:
    """``text`` written in ``source`` and read back by ``decoder``."""
    return DECODERS[decoder].decode(text.encode(SOURCES[source], errors="replace"), errors)


def damage_cell(text: str, source: str, decoder: str, errors: str, scope: str, rng: random.Random) -> str:
    """``text`` (already in ``source``'s repertoire) with the cell's damage over ``scope``.

    page: every line; lines: a random share (at least one); title: the first line; spans: a short
    run of 2-8 characters inside each of some lines (a misread quote or name in a correct line).
    """
    lines = text.split("\n")

    def bad(s: str) -> str:
        return misdecode(s, source, decoder, errors)

    if scope == "page":
        return "\n".join(bad(line) for line in lines)
    if scope == "title":
        return "\n".join([bad(lines[0]), *lines[1:]])
    picked = [i for i in range(len(lines)) if rng.random() < 0.3] or [rng.randrange(len(lines))]
    for i in picked:
        line = lines[i]
        if scope == "lines" or len(line) < 4:
            lines[i] = bad(line)
            continue
        width = rng.randint(2, min(8, len(line)))
        start = rng.randrange(len(line) - width + 1)
        lines[i] = line[:start] + bad(line[start : start + width]) + line[start + width :]
    return "\n".join(lines)
