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
# The misread page hard-wrapped afterwards (``wrapped_cell``): a scope of its own, not in the
# default four, since its reference is the clean page wrapped at the same places.
WRAPPED = "wrapped"


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
            if (decoder.family == CODE_PAGE_FAMILY) != code_pages or not decoder.cells:
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


# A single-byte decoder's reading with its invisible characters then deleted by a later tool
# (wrong_decoders.INVISIBLE_DELETIONS; cleaner/repair/invisible_bytes.py reads UTF-8 back): the
# soft hyphen (ad) under cp1252, the C1 controls (80-9f) under Latin-1, and every one of them
# with the no-break space (a0) under cp1252, Latin-1 and a browser's windows-1252. GBK and Big5
# through Latin-1 lose their lead and trail bytes 81-9f the same way.
INVISIBLE_CELLS = (
    ("utf-8", "cp1252", "shy-deleted"),
    ("utf-8", "cp1252", "invisible-deleted"),
    ("utf-8", "latin-1", "c1-deleted"),
    ("utf-8", "latin-1", "invisible-deleted"),
    ("utf-8", "whatwg-1252", "invisible-deleted"),
    ("gbk", "latin-1", "c1-deleted"),
    ("big5", "latin-1", "c1-deleted"),
)


# UTF-8 read as GBK by real programs that mark what they reject otherwise than with U+FFFD
# (wrong_decoders.SOFTWARE_MARKS: ICU's SUB, Win32's and Excel's dots, .NET's "?" a pair, Python's
# surrogateescape printed), each errors mode named after the software.
SOFTWARE_CELLS = tuple(("utf-8", "gbk", mode) for mode in ("icu-sub", "win32", "excel-csv", "dotnet", "surrogateescape"))


# A page read as UTF-16 (no byte-order mark: a Windows tool's "Unicode", a reader told the wrong
# encoding), little- and big-endian, from each source: a pair of bytes a code unit.
UTF16_CELLS = tuple((source, codec, "replace") for source in ("utf-8", "gbk", "big5") for codec in ("utf-16-le", "utf-16-be"))


def utf16_cells() -> list[tuple[str, str, str]]:
    """The cells of a page read as UTF-16 (after the main matrix)."""
    return list(UTF16_CELLS)


# A Chinese page shown by a browser's Japanese or Korean decoder (the WHATWG Encoding Standard's:
# a rejected pair's mark takes its second byte unless ASCII), from each source.
BROWSER_CELLS = tuple((source, name, "replace") for source in ("utf-8", "gbk", "big5")
                      for name in ("whatwg-shift_jis", "whatwg-euc-kr", "whatwg-euc-jp"))


def browser_cells() -> list[tuple[str, str, str]]:
    """The cells of a browser's Japanese and Korean decoders (after the main matrix)."""
    return list(BROWSER_CELLS)


def software_cells() -> list[tuple[str, str, str]]:
    """The cells of a real program's own marks (after the main matrix)."""
    return list(SOFTWARE_CELLS)


def invisible_cells() -> list[tuple[str, str, str]]:
    """The cells whose damage is a single-byte reading with its invisible characters deleted."""
    return list(INVISIBLE_CELLS)


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
    if scope == WRAPPED:
        return wrapped_cell(text, source, decoder, errors, rng)[0]
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


# --- Hong Kong pages: Big5-HKSCS with Cantonese (source "hkscs") --------------------------------
#
# The matrix's Big5 source is written in Big5-HKSCS, but encyclopedic Traditional text seldom
# holds a character only HKSCS has (13 of 400 measured paragraphs). A Hong Kong page writes
# Cantonese, whose characters (嘅 嘢 啲 咗 喺 哋 㗎) are HKSCS's own, with leads 87-a0 and c6-c8
# that GBK reads as other characters (嘅 9d ef is 濓) and cp950 rejects. Source ``hkscs``: each
# Traditional paragraph with one Cantonese sentence of CANTONESE (written for these measurements)
# after its first full stop. Its cells (HKSCS_CELLS) come after the main matrix.

SOURCES["hkscs"] = "big5hkscs"
CANTONESE = (
    "佢哋話呢啲嘢唔係咁簡單嘅。", "我哋喺度等咗成個鐘頭都未見人嚟。", "你睇吓嗰間舖頭啲嘢幾貴㗎。",
    "佢琴日攞咗啲文件返屋企做嘢。", "呢條路好多車，行嘅時候要小心啲。", "阿媽話今晚唔使煮飯，出去食嘢。",
    "嗰個老師講嘢好快，我哋成日聽唔清楚。", "你想食乜嘢就自己揀啦，唔使客氣。", "佢話聽日先嚟攞返啲書。",
    "呢間茶餐廳嘅奶茶好出名㗎。", "我啱啱先返到嚟，仲未食飯。", "唔好嘥咗啲食物，食唔晒就打包。",
    "佢哋喺公司做咗十幾年嘢。", "你搵唔搵到嗰本書呀？", "我諗佢唔會咁早嚟嘅。", "啲細路成日喺公園度玩。",
    "呢個問題我哋之前已經傾過喇。", "佢冇講過要搬屋，你聽邊個講㗎？", "噉樣做好似唔係幾啱。",
    "我畀咗錢佢，佢仲未找返畀我。", "嗰日落大雨，我哋冇帶遮，成身濕晒。", "佢嘅廣東話講得好流利。",
    "你知唔知點去嗰度呀？", "呢啲係我哋屋企人整嘅點心。", "佢一路行一路同我哋傾偈。",
    "我哋等陣先決定去邊度食飯。", "嗰部電腦壞咗好耐都未整返。", "你咪理佢講乜，做好自己嘢就得。",
    "今朝巴士好多人，我企咗成程車。", "佢哋話呢個計劃要遲啲先開始。",
)
# A Hong Kong page read as GBK (marks or drops what GBK rejects), by a GB18030 decoder (reads
# every pair: lossless) and by cp950 (rejects HKSCS's own pairs: a mark each, lossy).
HKSCS_CELLS = (("hkscs", "gbk", "replace"), ("hkscs", "gbk", "ignore"), ("hkscs", "gb18030", "replace"),
               ("hkscs", "cp950-hkscs", "replace"))


def hkscs_cells() -> list[tuple[str, str, str]]:
    """The cells of Hong Kong pages (source ``hkscs``), measured after the main matrix."""
    return list(HKSCS_CELLS)


def hong_kong_paragraph(paragraph: str, k: int) -> str:
    """``paragraph`` (Traditional) with the ``k``-th Cantonese sentence after its first full stop."""
    clause = CANTONESE[k % len(CANTONESE)]
    cut = paragraph.find("。") + 1
    return paragraph[:cut] + clause + paragraph[cut:] if cut else paragraph + clause


# --- Another script's phrase in a Chinese page (Japanese or Korean, misread with the page) --------
#
# A Chinese page quoting a Japanese title or a Korean name is misread whole: the other-script
# repair reads the phrase back (cleaner/repair/other_scripts.py) and the Chinese around it is
# left to the Chinese readings, then converted. Phrases written for these tests.

OTHER_SCRIPT_PHRASES = (
    "君の名はまだ知らない", "ありがとうございます", "東京の夜はとても静かです", "さくらさくら、やよいの空は",
    "新しい経済対策を発表した", "사랑의 불시착", "대한민국의 수도는 서울이다", "오늘 날씨가 좋네요",
)


def with_other_script(text: str, k: int) -> str:
    """``text`` with the ``k``-th phrase of OTHER_SCRIPT_PHRASES quoted (「」) after its first
    full stop or, with none, at its end."""
    phrase = "「" + OTHER_SCRIPT_PHRASES[k % len(OTHER_SCRIPT_PHRASES)] + "」"
    cut = text.find("。") + 1
    return text[:cut] + phrase + text[cut:] if cut else text + phrase


# --- The misread page hard-wrapped (scope "wrapped") --------------------------------------------
#
# A tool wraps the MOJIBAKE (an e-mail or BBS archive at 60-80 columns, ``fold``, a CMS putting a
# <br> every so many bytes, a PDF or Word export), so its breaks fall inside the bytes of a source
# character as often as not (室 is e5 ae a4: GBK shows 瀹 then や with the next byte, and a break
# between them cuts 室). Each page is wrapped one way, drawn from ``rng``: at a fixed width of
# 30-76 counted in characters, in display columns (a Han or any wide character two) or in the
# UTF-8 bytes of what was shown, or cut at one to three irregular places a paragraph; each line
# then with nothing, a trailing space, an indent (two spaces or an ideographic one) or a quote's
# "> " before it, and the breaks LF or CRLF. The reference is the clean page broken the same way,
# each break at the source character boundary nearest (in bytes) to where it cut the mojibake
# (after the character on a tie): where a perfect repair puts it back.

WRAP_KINDS = ("chars", "columns", "bytes", "irregular")
WRAP_DRESS = ("none", "space", "indent", "quote")


def _shown_columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _cuts(shown: str, kind: str, width: int, rng: random.Random) -> list[int]:
    """Where a wrapper of ``kind`` breaks the line ``shown`` (character offsets, ascending)."""
    if kind == "irregular":
        if len(shown) < 4:
            return []
        return sorted(rng.sample(range(1, len(shown)), min(len(shown) - 1, rng.randint(1, 3))))
    weigh = {"chars": lambda ch: 1, "columns": _shown_columns,
             "bytes": lambda ch: len(ch.encode("utf-8", "surrogatepass"))}[kind]
    cuts, used = [], 0
    for k, ch in enumerate(shown):
        w = weigh(ch)
        if used + w > width and used:
            cuts.append(k)
            used = 0
        used += w
    return cuts


def _byte_offset(data: bytes, shown: str, k: int, read) -> int:
    """The fewest bytes of ``data`` whose reading begins with ``shown[:k]``: where a break after the
    k-th character shown falls in the source's bytes (bisected: a longer prefix reads more)."""
    lo, hi = 0, len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        if read(data[:mid]).startswith(shown[:k]):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _nearest_boundary(offsets: list[int], at: int) -> int:
    """The character boundary (index into ``offsets``, each boundary's byte offset) nearest the byte
    offset ``at`` (the later one on a tie: the line keeps the character whose first bytes it holds)."""
    return min(range(len(offsets)), key=lambda k: (abs(offsets[k] - at), -k))


def wrapped_cell(text: str, source: str, decoder: str, errors: str, rng: random.Random) -> tuple[str, str]:
    """``text`` (in ``source``'s repertoire) misread over the page and hard-wrapped as a tool wraps
    what it shows: (the damaged page, the clean page wrapped at the same places)."""
    kind, dress = rng.choice(WRAP_KINDS), rng.choice(WRAP_DRESS)
    width = rng.randint(30, 76)
    prefix = {"indent": rng.choice(("  ", "\u3000\u3000")), "quote": "> "}.get(dress, "")
    suffix = " " if dress == "space" else ""
    newline = rng.choice(("\n", "\r\n"))
    codec = SOURCES[source]

    def read(data: bytes) -> str:
        return DECODERS[decoder].decode(data, errors)

    damaged, clean = [], []
    for line in text.split("\n"):
        data = line.encode(codec, errors="replace")
        shown = read(data)
        cuts = _cuts(shown, kind, width, rng)
        offsets = [0]
        for ch in line:
            offsets.append(offsets[-1] + len(ch.encode(codec, errors="replace")))
        at = [_nearest_boundary(offsets, _byte_offset(data, shown, k, read)) for k in cuts]
        for pieces, out, marks in ((shown, damaged, cuts), (line, clean, at)):
            edges = [0, *marks, len(pieces)]
            out.append(newline.join(prefix + pieces[a:b] + (suffix if b < len(pieces) else "")
                                    for a, b in zip(edges, edges[1:])))
    return newline.join(damaged), newline.join(clean)


# --- What happens around and after the misdecoding on real pages (issue 16) ----------------------
#
# Real pages rarely hold one clean misdecoding: the mojibake goes on through what pipelines do to
# text (escaped for HTML, normalised, whitespace collapsed, wrapped or cut, controls stripped,
# lowercased), is misread a second time, or shares the page with correct text and other damage.
# ``AFTER_BASES`` are the misdecodings, ``AFTER_STEPS`` what happens to them after;
# ``around_cells`` the families that are no base-and-step pair. Each cell gives (damaged page,
# the text a perfect repair gives back): a step that loses information for good (lowercasing the
# page's ASCII, cutting a line) changes the second too.

import html as _html  # noqa: E402
import json as _json  # noqa: E402
import re as _re  # noqa: E402

# (source, decoder, errors): the misdecodings real pages hold most (UTF-8 read as GBK by Python
# and by a browser, UTF-8 and GBK shown by a Western tool, Big5 read as GBK).
AFTER_BASES = (("utf-8", "gbk", "replace"), ("utf-8", "whatwg-gbk", "replace"), ("utf-8", "cp1252", "replace"),
               ("gbk", "latin-1", "replace"), ("gbk", "cp1252", "replace"), ("big5", "gbk", "replace"))

_SPACES = _re.compile(r"[ \u00a0\u3000]+")
_CONTROLS = _re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PRIVATE = _re.compile("[\ue000-\uf8ff]")


def _lower_ascii(text: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def _wrap(text: str, rng: random.Random) -> str:
    width = rng.randint(30, 70)
    return "\n".join("\n".join(line[i : i + width] for i in range(0, len(line), width)) or line for line in text.split("\n"))


# step: (what it does to the damaged page, what it does to the text a repair can reach). A step
# whose second is None loses nothing the bytes held.
AFTER_STEPS = {
    # Escaped for HTML by a template, and the page read back from its markup with entities left.
    "html-escape": (lambda t, rng: _html.escape(t, quote=True), None),
    # Every non-ASCII character as a numeric reference (written to an ASCII-only store).
    "html-hex": (lambda t, rng: "".join(ch if ch.isascii() else f"&#x{ord(ch):x};" for ch in t), None),
    # Characters outside Latin-1 as decimal references (a form posted to a Latin-1 page).
    "html-latin1": (lambda t, rng: t.encode("latin-1", "xmlcharrefreplace").decode("latin-1"), None),
    "nfkc": (lambda t, rng: unicodedata.normalize("NFKC", t), None),
    "nfc": (lambda t, rng: unicodedata.normalize("NFC", t), None),
    # No-break and ideographic spaces made spaces, runs of spaces made one.
    "spaces": (lambda t, rng: _SPACES.sub(" ", t), lambda t: _re.sub(" +", " ", t)),
    "strip": (lambda t, rng: "\n".join(line.strip() for line in t.split("\n")),
              lambda t: "\n".join(line.strip() for line in t.split("\n"))),
    "wrap": (_wrap, None),
    "controls": (lambda t, rng: _CONTROLS.sub("", t), None),
    "question": (lambda t, rng: t.replace("\ufffd", "?"), None),
    "private-use": (lambda t, rng: _PRIVATE.sub("", t), None),
    "lower": (lambda t, rng: t.lower(), _lower_ascii),
    "crlf": (lambda t, rng: t.replace("\n", "\r\n"), None),
    # A mirror or a Taiwan site converting the page between scripts (OpenCC), mojibake and all.
    "t2s": (lambda t, rng: _opencc("t2s.json").convert(t), None),
    "s2tw": (lambda t, rng: _opencc("s2tw.json").convert(t), None),
    # A scraper's ``" ".join(line.split())``: every run of what Python calls whitespace (Latin-1's
    # NEL, U+0085, and no-break space among them) made one space.
    "split-join": (lambda t, rng: "\n".join(" ".join(line.split()) for line in t.split("\n")),
                   lambda t: "\n".join(" ".join(line.split()) for line in t.split("\n"))),
    # Each line written as the inside of a JSON string with ASCII escapes (``json.dumps``: an API's
    # field copied from its raw response), mojibake and all: 中 misread as cp1252 is \u00e4\u00b8\u00ad.
    "json": (lambda t, rng: "\n".join(_json.dumps(line)[1:-1] for line in t.split("\n")), None),
}


@lru_cache(maxsize=4)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def after_cells() -> list[tuple[str, str, str, str]]:
    """(source, decoder, errors, step) for every base and step."""
    return [(*base, step) for base in AFTER_BASES for step in AFTER_STEPS]


def damage_after(text: str, source: str, decoder: str, errors: str, step: str, rng: random.Random) -> tuple[str, str]:
    """``text`` (in ``source``'s repertoire) misread over the page, then put through ``step``:
    (the damaged page, what a repair can reach)."""
    do, lost = AFTER_STEPS[step]
    damaged = do("\n".join(misdecode(line, source, decoder, errors) for line in text.split("\n")), rng)
    return damaged, lost(text) if lost else text


def _cut_bytes(text: str, source: str, decoder: str, errors: str, rng: random.Random) -> tuple[str, str]:
    """Each line's bytes cut at a random byte of its last third (a column's length, a wrapped
    field), often inside a character, then misread."""
    damaged, reached = [], []
    codec = SOURCES[source]
    for line in text.split("\n"):
        data = line.encode(codec)
        cut = rng.randint(2 * len(data) // 3, len(data)) if data else 0
        damaged.append(DECODERS[decoder].decode(data[:cut], errors))
        reached.append(data[:cut].decode(codec, "ignore"))
    return "\n".join(damaged), "\n".join(reached)


def _twice(chain: tuple[str, ...]):
    """A source read by one decoder, saved as UTF-8, read by the next (``chain``: source, decoders)."""

    def damage(text: str, rng: random.Random) -> tuple[str, str]:
        source, *readers = chain
        out = []
        for line in text.split("\n"):
            data = line.encode(SOURCES[source])
            for k, reader in enumerate(readers):
                shown = DECODERS[reader].decode(data, "replace")
                data = shown.encode("utf-8")
            out.append(shown)
        return "\n".join(out), text

    return damage


# ASCII words, figures, addresses and emoji as news pages hold them beside Chinese.
_INLINE = ("iPhone 15", "2023年", "COVID-19", "https://www.example.com/a/b?id=42", "3.5%", "NBA", "😀", "❤️",
           "(AP)", "5G", "GDP", "¥1,299", "《Nature》", "@xinhua", "#话题#")


def _inline(decoder: str, source: str = "utf-8"):
    """Each line with ASCII words, figures, an address or an emoji put in between its characters,
    the whole line misread (the mojibake next to what the decoder read right)."""

    def damage(text: str, rng: random.Random) -> tuple[str, str]:
        lines = []
        for line in text.split("\n"):
            for _ in range(3):
                at = rng.randrange(len(line) + 1)
                line = line[:at] + rng.choice(_INLINE) + line[at:]
            lines.append(source_text(line, source))
        page = "\n".join(lines)
        return "\n".join(misdecode(line, source, decoder) for line in lines), page

    return damage


def _quoted(text: str, rng: random.Random) -> tuple[str, str]:
    """Only a quoted block misread: two lines after the first, each marked ``> `` as mail and
    forums quote (UTF-8 read as GBK)."""
    lines = text.split("\n")
    start = 1 if len(lines) > 2 else 0
    out = list(lines)
    for i in range(start, min(len(lines), start + 2)):
        out[i] = "> " + misdecode(lines[i], "utf-8", "gbk")
        lines[i] = "> " + lines[i]
    return "\n".join(out), "\n".join(lines)


# Several misdecodings on one page, a line each in turn (a page put together from sources).
_MIXED = (("utf-8", "gbk"), ("gbk", "cp1252"), ("utf-8", "cp1252"), ("gbk", "latin-1"))


def _mixed(text: str, rng: random.Random) -> tuple[str, str]:
    lines = text.split("\n")
    first = rng.randrange(len(_MIXED))
    out = [misdecode(line, *_MIXED[(first + k) % len(_MIXED)]) for k, line in enumerate(lines)]
    return "\n".join(out), text


def _nbsp_spaces(text: str, rng: random.Random) -> tuple[str, str]:
    """UTF-8 read as cp1252 whose no-break spaces (byte a0) a pipeline made spaces."""
    return misdecode(text, "utf-8", "cp1252").replace("\u00a0", " "), text


def _nbsp_spaces_twice(text: str, rng: random.Random) -> tuple[str, str]:
    """UTF-8 read twice as a browser reads windows-1252 (saved as UTF-8 between), its no-break
    spaces made spaces: the outer layer holds a0 for inner characters (†, e2 80 a0, is byte 86)."""
    shown = text
    for _ in range(2):
        shown = DECODERS["whatwg-1252"].decode(shown.encode("utf-8"), "replace")
    return shown.replace("\u00a0", " "), text


def _cut_marked(cut_in: str, mark: str, decoder: str):
    """Each line cut to a listing's length with a truncation mark after it, then or before misread:
    ``cut_in="bytes"`` is PHP's ``substr()`` on the UTF-8 bytes (often inside a character) with the
    mark added and the page read by ``decoder``; ``"shown"`` cuts the misread text to a number of
    characters (a summary field) and adds the mark after the misreading, as text."""

    def damage(text: str, rng: random.Random) -> tuple[str, str]:
        damaged, reached = [], []
        for line in text.split("\n"):
            data = line.encode("utf-8")
            if cut_in == "bytes":
                cut = rng.randint(min(len(data), 12), max(min(len(data), 12), min(len(data), 90)))
                damaged.append(DECODERS[decoder].decode(data[:cut] + mark.encode("utf-8"), "replace"))
                reached.append(data[:cut].decode("utf-8", "ignore") + mark)
                continue
            shown = DECODERS[decoder].decode(data, "replace")
            cut = rng.randint(min(len(shown), 8), max(min(len(shown), 8), min(len(shown), 60)))
            damaged.append(shown[:cut] + mark)
            # The bytes the kept characters were read from: the shortest prefix read as exactly them.
            kept = next((p for p in range(len(data) + 1) if DECODERS[decoder].decode(data[:p], "replace") == shown[:cut]),
                        len(data))
            reached.append(data[:kept].decode("utf-8", "ignore") + mark)
        return "\n".join(damaged), "\n".join(reached)

    return damage


# name: damage(text in the name's source, rng) -> (damaged page, what a repair can reach)
AROUND = {
    "twice utf-8>gbk>gbk": _twice(("utf-8", "gbk", "gbk")),
    "twice utf-8>cp1252>gbk": _twice(("utf-8", "cp1252", "gbk")),
    "twice utf-8>gbk>cp1252": _twice(("utf-8", "gbk", "cp1252")),
    "twice gbk>latin-1>gbk": _twice(("gbk", "latin-1", "gbk")),
    "twice utf-8>whatwg-gbk>whatwg-gbk": _twice(("utf-8", "whatwg-gbk", "whatwg-gbk")),
    "inline utf-8>gbk": _inline("gbk"),
    "inline utf-8>whatwg-gbk": _inline("whatwg-gbk"),
    "inline utf-8>cp1252": _inline("cp1252"),
    "inline gbk>cp1252": _inline("cp1252", "gbk"),
    "quoted utf-8>gbk": _quoted,
    "mixed": _mixed,
    "nbsp-spaces utf-8>cp1252": _nbsp_spaces,
    "nbsp-spaces utf-8>whatwg-1252>whatwg-1252": _nbsp_spaces_twice,
    "split-join utf-8>latin-1": lambda t, rng: damage_after(t, "utf-8", "latin-1", "replace", "split-join", rng),
    "substr-cut ... utf-8>gbk": _cut_marked("bytes", "...", "gbk"),
    "shown-cut … utf-8>gbk": _cut_marked("shown", "…", "gbk"),
    **{f"cut {s}>{d}": (lambda s, d: lambda t, rng: _cut_bytes(t, s, d, "replace", rng))(s, d)
       for s, d in (("utf-8", "gbk"), ("utf-8", "cp1252"), ("gbk", "cp1252"))},
}


def around_source(name: str) -> str:
    """The source encoding a family's text must be written in."""
    parts = name.split()[-1].split(">") if " " in name else ["utf-8"]
    return "gbk" if name == "mixed" else parts[0]


# One byte foreign to a two-byte stream, or missing from it (cleaner/repair/one_byte.py): the
# pairing of what follows shifts until an ASCII byte puts it back in step.
ONE_BYTE_KINDS = ("hkscs-as-big5", "gb18030-as-gbk", "cp1252-quotes-in-gbk", "stripslashes-big5")


def one_byte_out_of_step(text: str, kind: str, errors: str = "replace") -> str:
    """``text`` written and read with one byte out of step at each place the ``kind`` makes one:
    HKSCS written, plain Big5 reading (its unknown leads); GB18030 written, GBK reading; Word's
    cp1252 quotes in a GBK file; Big5 with its 5c trail bytes removed (``stripslashes``)."""
    if kind == "hkscs-as-big5":
        return text.encode("big5hkscs").decode("big5", errors)
    if kind == "gb18030-as-gbk":
        return text.encode("gb18030").decode("gbk", errors)
    if kind == "cp1252-quotes-in-gbk":
        data = b"".join(ch.encode("cp1252") if ch in "\u201c\u201d\u2018\u2019" else ch.encode("gbk") for ch in text)
        return data.decode("gbk", errors)
    if kind == "stripslashes-big5":
        data = b"".join(ch.encode("cp950").replace(b"\\", b"") if len(ch.encode("cp950")) == 2 else ch.encode("cp950")
                        for ch in text)
        return data.decode("cp950", errors)
    raise ValueError(kind)
