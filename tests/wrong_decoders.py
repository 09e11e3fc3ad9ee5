"""The wrong decoders that make mojibake, exactly: the damage the repairs are measured against.

The repairs (cleaner/repair/decoders.py, reread.py, mojibake.py) never decode with these: they
turn text back into bytes. These simulate how the page was broken, for the damage generator
(tests/damage.py), the property tests and the benchmarks:

- Python's codecs ``gbk``, ``gb18030``, ``big5``, ``cp950``, ``big5hkscs``, ``cp1252``,
  ``cp1250``, ``latin-1``.
- Two decoders of the WHATWG Encoding Standard, which browsers and browser-like tools use, written
  here from the standard's algorithms (Python has neither): ``whatwg-gbk`` (the ``gbk`` label
  decodes as GB18030: every two-byte code, the user-defined areas included, is a character, and
  the lone byte 0x80 is ``€``) and ``whatwg-big5`` (Big5 with the HKSCS extensions). A lead byte
  followed by a byte that cannot complete it gives one U+FFFD, which swallows the second byte too
  unless it is ASCII (then the ASCII byte is read again on its own). The code tables are Python's
  ``gb18030`` and ``big5hkscs``, which agree with the standard's indexes for the codes Chinese
  pages use.

- glibc's ``iconv -c -f GBK`` (``iconv-gbk``), as the ``iconv`` program and PHP's ``iconv()`` with
  ``//IGNORE`` read a page: only ``ignore`` (``-c`` drops what it cannot read; without it iconv
  stops). Its table is Python's ``gbk`` for every pair (checked against the ``iconv`` binary,
  tests/test_wrong_decoders.py), but it reads the lone byte 0x80 as ``€`` and drops a pair its
  table lacks *whole* when the second byte could be a trail (0x40 or above), where Python's
  codecs drop the lead alone and read on from the second byte: UTF-8 ``个中`` (e4 b8 aa e4 b8
  ad) loses ``aa e4``, the next character's lead with it. A lead before a byte below 0x40 (an
  ASCII digit, space or sign) is dropped alone.

- Japanese and Korean decoders, Python's ``cp932``, ``shift_jis``, ``shift_jis_2004``, ``euc_jp``,
  ``euc_jis_2004``, ``cp949``, ``euc_kr`` and ``johab``: a Chinese page shown by a tool set to a
  Japanese or Korean locale, or by one that took a detector's guess (charset_normalizer names
  ``shift_jis_2004`` and ``johab`` for short Big5 pages, ``cp949`` for short GBK ones); and ``hz``, which reads nothing above 7f (UTF-8 through it is all marks). And decoders with
  a narrower table than the page's own: a GBK page read by Python's strict ``gb2312``, a
  Big5-HKSCS page by ``cp950`` (``cp950-hkscs``); and ``ascii``, which rejects every byte above 7f.
  No byte view of
  the repairs models them (family ``OTHER_FAMILY``); ``cleaner/repair/code_pages.py`` re-reads
  them by re-encoding with the codec. Only ``replace`` is in the matrix for them.
- Every other single-byte code page Python has (``CODE_PAGES``: the DOS, Windows, ISO-8859, KOI8,
  Mac and Thai pages, enumerated from the ``encodings`` package, not listed by hand): a tool set
  to another locale. Those that leave bytes undefined mark each with one U+FFFD (``replace``) or
  drop it (``ignore``); the others are lossless. ``cleaner/repair/code_pages.py`` reads them back
  by their exact inverse. Family ``CODE_PAGE_FAMILY``; their cells are ``code_page_cells()``
  (tests/damage.py), apart from the main matrix.
- UTF-8 read as Python's ``gbk`` twice (``gbk-twice``): the first reading saved as UTF-8 and read
  as GBK again, both layers with the same errors mode. Only from a UTF-8 source.
- GB18030 text read by Python's ``gbk`` (the matrix's source ``gb18030``): only the characters
  GB18030 writes in four bytes (outside GBK: Latin letters with marks, Thai, hangul, rare Han
  after 䶵) are damaged, each leaving its two ASCII digits between marks (``Espa�0�9a``).

Each decoder that marks what it cannot read also has the errors mode ``question``: the mark is a
``?``, as many converting tools write it.

- The WHATWG Encoding Standard's ``windows-1252`` (``whatwg-1252``: what a browser does with a page
  labelled ``iso-8859-1``, ``latin1`` or ``windows-1252``): cp1252, but the five bytes cp1252 leaves
  undefined (81 8d 8f 90 9d) are the C1 controls Latin-1 reads them as. Lossless.
- The WHATWG Encoding Standard's Japanese and Korean decoders (``whatwg-shift_jis``,
  ``whatwg-euc-kr``, ``whatwg-euc-jp``: a browser, or a tool built on encoding_rs, showing a
  Chinese page labelled or sniffed as one of them), written here from the standard's algorithms
  over Python's tables (cp932, cp949, euc_jp). Unlike Python's decoders, a lead whose pair is
  unassigned gives one U+FFFD that swallows its second byte unless that byte is ASCII (read again
  on its own): marks of two bytes. Only ``replace``; their cells are ``damage.browser_cells()``,
  apart from the main matrix (UTF-8 through them is read by ``cleaner/repair/whatwg_marks.py``, GBK
  and Big5 not yet: docs/repair.md §5.3.1).
- UTF-16 (``utf-16-le``, ``utf-16-be``): a file without a byte-order mark taken for "Unicode" by
  a Windows tool or a reader told the wrong encoding. Each pair of bytes is one code unit (a line's
  odd last byte one U+FFFD), and a unit that is half a surrogate pair with no other half one
  U+FFFD for its two bytes; nothing else is lost. Only ``replace`` (UTF-16 rejects too little for
  ``ignore`` to differ much); their cells are ``damage.utf16_cells()``, apart from the main matrix.
- Invisible characters removed after a single-byte decoder read the page (``INVISIBLE_DELETIONS``,
  errors modes of their own: ``shy-deleted``, ``c1-deleted``, ``invisible-deleted``): the decoder
  reads with ``replace``, then a later tool (an HTML sanitizer, an ``isprintable`` filter, an XML
  cleaner, a browser's copy) deletes the soft hyphen (byte ad), the C1 controls (80-9f under Latin-1,
  81 8d 8f 90 9d under the WHATWG page) and the no-break space (a0) it showed, without a mark.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

from cleaner.repair.code_pages import ascii_code_pages
from cleaner.repair.decoders import BIG5_FAMILY, GBK_FAMILY, SINGLE_FAMILY

# Decoders no byte view of the repairs models: Japanese and Korean code pages.
OTHER_FAMILY = "other"
# Single-byte code pages outside the single-byte view (cp1252, Latin-1, cp1250).
CODE_PAGE_FAMILY = "code-page"
MAIN_SOURCES = ("utf-8", "gbk", "big5")


@dataclass(frozen=True)
class Decoder:
    name: str
    family: str
    codec: str  # the Python codec holding its table
    whatwg: bool = False
    glibc: bool = False  # glibc iconv with -c: drops what it cannot read, never marks it
    twice: bool = False  # read, saved as UTF-8, and read by the same decoder again
    sources: tuple[str, ...] = MAIN_SOURCES  # the matrix's sources it reads
    ignore: bool = True  # is errors="ignore" a cell of the matrix?
    cells: bool = True  # has cells of the main matrix (whatwg-1252: only the invisible-deletion cells)

    def decode(self, data: bytes, errors: str = "replace") -> str:
        if errors in INVISIBLE_DELETIONS:  # read with replace, then a later tool deleted what shows as nothing
            return self.decode(data, "replace").translate(dict.fromkeys(map(ord, INVISIBLE_DELETIONS[errors])))
        if errors == "question":  # as iconv, PHP, MySQL and Java write it: "?" where U+FFFD would be
            return self.decode(data, "replace").replace("\ufffd", "?")
        if errors in SOFTWARE_MARKS:  # a real program's own marks (SOFTWARE_MARKS, below)
            return _as_software(self, data, errors)
        if self.twice:
            return data.decode(self.codec, errors).encode("utf-8").decode(self.codec, errors)
        if self.glibc:
            return _glibc_gbk(data, errors)
        if self.name == "whatwg-gbk":
            return _whatwg_gb18030(data, errors)
        if self.name == "whatwg-big5":
            return _whatwg_big5(data, errors)
        if self.name in _WHATWG_OTHERS:
            return _WHATWG_OTHERS[self.name](data, errors)
        if self.name == "whatwg-1252":
            return data.decode("latin-1").translate(_WHATWG_1252)
        return data.decode(self.codec, errors)

    def tokens(self, data: bytes, errors: str = "replace") -> tuple[list[int], list[tuple[int, int]]]:
        """(where each token the decoder reads starts, the byte spans it rejects) for ``data``.

        A rejected span gives one U+FFFD (``replace``) or nothing (``ignore``): the same parse
        either way, so its bytes are what the cell loses. For what the bytes allow
        (``benchmarks/byte_bound.py``).
        """
        starts: list[int] = []
        spans: list[tuple[int, int]] = []
        if errors in INVISIBLE_DELETIONS:  # one byte a character: the bytes whose character went are lost too
            if self.family != SINGLE_FAMILY:
                raise ValueError("invisible deletions follow a single-byte decoder")
            starts, spans = self.tokens(data)
            gone = INVISIBLE_DELETIONS[errors]
            spans += [(i, i + 1) for i in range(len(data)) if self.decode(data[i : i + 1]) in gone]
            return starts, sorted(spans)
        if self.twice:
            raise ValueError("two layers have no single parse")
        if self.name == "whatwg-1252":  # lossless: every byte a character
            return list(range(len(data))), []
        if self.whatwg or self.glibc:
            reader = (_glibc_gbk if self.glibc else _whatwg_gb18030 if self.name == "whatwg-gbk"
                      else _WHATWG_OTHERS.get(self.name, _whatwg_big5))
            reader(data, "replace", starts, spans)
            return starts, spans
        decoder = codecs.getincrementaldecoder(self.codec)(errors="replace")
        for i in range(len(data)):
            if not decoder.getstate()[0]:  # nothing pending: a token starts here
                starts.append(i)
            decoder.decode(data[i : i + 1])
        _RECORDED.clear()
        data.decode(self.codec, _RECORD)
        return starts, list(_RECORDED)

    @property
    def marks(self) -> bool:
        """Does it mark what it cannot read (``replace``)? glibc iconv with -c only drops."""
        return not self.glibc

    @property
    def lossless(self) -> bool:
        """Does every byte string read back to the same bytes (no U+FFFD ever)?"""
        if self.family == CODE_PAGE_FAMILY:
            return "\ufffd" not in bytes(range(256)).decode(self.codec, "replace")
        return self.name in ("latin-1", "whatwg-1252")


# A real program's reading of bytes its table rejects, as it writes it (errors modes of their own,
# damage.SOFTWARE_CELLS): {mode: (mark, pairs)}. "pairs": the Windows grammar, where a lead byte
# always takes the byte after it (ASCII too, so a digit after a bad lead is lost with it) and the
# pair gets one mark; otherwise Python's (and ICU's, Java's) grammar, one mark a rejected sequence,
# the byte after a bad lead read again.
# - icu-sub: ICU's ucnv_toUChars with its SUBSTITUTE callback through a table with a one-byte
#   substitution (IBM's GBK, ibm-1386): U+001A for a one-byte illegal sequence, U+FFFD otherwise.
# - win32: MultiByteToWideChar(936): the code page's default character U+30FB for a bad pair.
# - excel-csv: a UTF-8 CSV opened as ANSI (936) by Excel and saved back as ANSI: the U+30FB of
#   its reading has no code in 936 and is written A1A4 by best fit, which reads back as U+00B7.
# - dotnet: .NET's Encoding.GetEncoding(936).GetString: "?" (its replacement fallback) a bad pair.
# - surrogateescape: Python's surrogateescape, the text then written with backslashreplace: each
#   rejected byte as the six characters \udcHH between the characters the decoder read.
SOFTWARE_MARKS = {
    "icu-sub": ("\x1a", False),
    "win32": ("\u30fb", True),
    "excel-csv": ("\u00b7", True),
    "dotnet": ("?", True),
    "surrogateescape": ("", False),
}


def _as_software(decoder: Decoder, data: bytes, errors: str) -> str:
    mark, pairs = SOFTWARE_MARKS[errors]
    if errors == "surrogateescape":
        return data.decode(decoder.codec, "surrogateescape").encode("utf-8", "backslashreplace").decode("utf-8")
    if not pairs:  # Python's parse, each one-byte mark the program's
        out = []
        for i, ch in enumerate(data.decode(decoder.codec, "replace")):
            out.append(mark if ch == "\ufffd" else ch)
        return "".join(out)
    # The Windows grammar: a lead byte (81-fe) takes the next byte whatever it is; 80 is the euro
    # sign and ff no code (cp936); user-defined rows read as the private use area (cp936's EUDC,
    # as gb18030 reads two bytes).
    out, i = [], 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif b == 0x80:
            out.append("\u20ac")
            i += 1
        elif b == 0xFF or i + 1 == len(data):
            out.append(mark)
            i += 1
        else:
            try:
                ch = data[i : i + 2].decode("gb18030")
            except UnicodeDecodeError:
                ch = mark
            out.append(ch if len(ch) == 1 else mark)
            i += 2
    return "".join(out)


# What a later tool deleted from a single-byte decoder's reading (errors modes of the damage
# matrix): characters that show as nothing, so sanitizers, printable filters and copy-paste drop them.
C1_CONTROLS = "".join(map(chr, range(0x80, 0xA0)))
INVISIBLE_DELETIONS = {
    "shy-deleted": "\xad",  # the soft hyphen alone (a hyphenation cleaner; cp1252's replace keeps its marks)
    "c1-deleted": C1_CONTROLS,  # the C1 controls (XML 1.0 cleaners, isprintable filters)
    "invisible-deleted": C1_CONTROLS + "\xa0\xad",  # every one of them (an HTML sanitizer, a browser's copy)
}
# The WHATWG windows-1252 decoder: Latin-1 but for 80-9f, which are cp1252's signs where cp1252
# defines them (its five undefined bytes stay C1 controls).
_WHATWG_1252 = {b: bytes((b,)).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


DECODERS: dict[str, Decoder] = {
    d.name: d
    for d in (
        Decoder("gbk", GBK_FAMILY, "gbk"),
        Decoder("gb18030", GBK_FAMILY, "gb18030"),
        Decoder("whatwg-gbk", GBK_FAMILY, "gb18030", whatwg=True),
        Decoder("iconv-gbk", GBK_FAMILY, "gbk", glibc=True),
        Decoder("big5", BIG5_FAMILY, "big5"),
        Decoder("cp950", BIG5_FAMILY, "cp950"),
        Decoder("big5hkscs", BIG5_FAMILY, "big5hkscs"),
        Decoder("whatwg-big5", BIG5_FAMILY, "big5hkscs", whatwg=True),
        Decoder("cp1252", SINGLE_FAMILY, "cp1252"),
        Decoder("latin-1", SINGLE_FAMILY, "latin-1"),
        Decoder("cp1250", SINGLE_FAMILY, "cp1250"),
    )
}
# Paths no single byte view of the repairs models (code_pages.py and layers.py read them back):
# in the damage matrix, not in the tests that hold the byte views to the decoders above.
UNMODELLED: dict[str, Decoder] = {
    d.name: d
    for d in (
        Decoder("gbk-twice", GBK_FAMILY, "gbk", twice=True, sources=("utf-8",)),
        *(Decoder(codec, OTHER_FAMILY, codec, ignore=False) for codec in ("cp932", "shift_jis", "euc_jp", "cp949", "euc_kr")),
        # A narrower table than the page's own (cleaner/repair/narrow_tables.py): a GBK page read
        # by a strict gb2312 decoder (a crawler's r.encoding = "gb2312"), a Hong Kong page in
        # Big5-HKSCS read by cp950 (the matrix's Big5 source is Big5-HKSCS: its own family's cp950
        # cells are the Big5 view's, and skipped).
        Decoder("gb2312", OTHER_FAMILY, "gb2312", sources=("gbk", "utf-8")),
        # UTF-8 read by decoders that mark a quarter of it or more (cleaner/repair/utf8_marks.py),
        # and by HZ, which reads no byte above 7f: UTF-8 Chinese comes out all marks.
        *(Decoder(codec, OTHER_FAMILY, codec, sources=("utf-8",), ignore=False) for codec in ("euc_jis_2004", "hz")),
        # Johab, and JIS X 0213's Shift_JIS: what charset_normalizer (requests' apparent_encoding)
        # names for short Big5 and GBK pages (cleaner/repair/code_pages.py, MULTI_BYTE).
        *(Decoder(codec, OTHER_FAMILY, codec, ignore=False) for codec in ("johab", "shift_jis_2004")),
        Decoder("cp950-hkscs", OTHER_FAMILY, "cp950", sources=("big5",)),
        # Python's ascii, which rejects every byte above 7f (a Python 2-era tool's
        # .decode("ascii", "replace")): one mark a high byte, only the ASCII-range trail bytes
        # of GBK and Big5 survive; nothing is left to read back but the marks (ignore: nothing).
        Decoder("ascii", OTHER_FAMILY, "ascii", ignore=False),
        # A browser's windows-1252 (whatwg-1252): only its invisible-deletion cells (lossless alone).
        Decoder("whatwg-1252", SINGLE_FAMILY, "cp1252", whatwg=True, cells=False),
        # A browser's Japanese and Korean decoders: only the cells of damage.browser_cells.
        *(Decoder(name, OTHER_FAMILY, codec, whatwg=True, ignore=False, cells=False)
          for name, codec in (("whatwg-shift_jis", "cp932"), ("whatwg-euc-kr", "cp949"), ("whatwg-euc-jp", "euc_jp"))),
        # UTF-16 without a byte-order mark (cleaner/repair/utf16_read.py, utf16_legacy.py): only the
        # cells of damage.utf16_cells.
        *(Decoder(codec, OTHER_FAMILY, codec, ignore=False, cells=False) for codec in ("utf-16-le", "utf-16-be")),
    )
}


# The single-byte code pages the single-byte view models are in DECODERS; every other one here.
CODE_PAGES: dict[str, Decoder] = {
    name: Decoder(name, CODE_PAGE_FAMILY, name)
    # Every single-byte page of Python's ``encodings`` that keeps ASCII (the repair's own list of
    # them is enumerated the same way: code_pages.ascii_code_pages).
    for name in ascii_code_pages()
    if name not in DECODERS
}
MATRIX_DECODERS = {**DECODERS, **UNMODELLED, **CODE_PAGES}


_RECORD = "wrong-decoders-record"
_RECORDED: list[tuple[int, int]] = []


def _record(exc: UnicodeDecodeError) -> tuple[str, int]:
    _RECORDED.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error(_RECORD, _record)


def _error(out: list[str], errors: str) -> None:
    if errors == "replace":
        out.append("\ufffd")
    elif errors != "ignore":
        raise UnicodeDecodeError("whatwg", b"", 0, 1, "invalid sequence")


def _span(spans: list[tuple[int, int]] | None, start: int, length: int) -> None:
    if spans is not None:
        spans.append((start, start + length))


@lru_cache(maxsize=None)
def _pair(codec: str, lead: int, trail: int) -> str | None:
    """The character a two-byte code is in ``codec``'s table, or None."""
    try:
        return bytes((lead, trail)).decode(codec)
    except UnicodeDecodeError:
        return None


def _one_byte_gbk(b: int, out: list[str]) -> bool:
    """A byte a GBK decoder reads alone (ASCII, and 80 as ``€``: WHATWG's and glibc's) is read."""
    if b > 0x80:
        return False
    out.append(chr(b) if b < 0x80 else "\u20ac")
    return True


def _whatwg_gb18030(data: bytes, errors: str, starts: list[int] | None = None,
                    spans: list[tuple[int, int]] | None = None) -> str:
    """The WHATWG gb18030 decoder (what a browser does with a page labelled ``gbk``)."""
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        if starts is not None:
            starts.append(i)
        b = data[i]
        if _one_byte_gbk(b, out):
            i += 1
        elif b == 0xFF or i + 1 >= n:
            _error(out, errors)
            _span(spans, i, 1)
            i += 1
        else:
            b2 = data[i + 1]
            if 0x30 <= b2 <= 0x39:
                # Four bytes; a failed sequence gives back all but its first byte.
                if i + 3 < n and 0x81 <= data[i + 2] <= 0xFE and 0x30 <= data[i + 3] <= 0x39:
                    try:
                        out.append(data[i : i + 4].decode("gb18030"))
                        i += 4
                        continue
                    except UnicodeDecodeError:
                        pass
                _error(out, errors)
                _span(spans, i, 1)
                i += 1
                continue
            ch = _pair("gb18030", b, b2) if (0x40 <= b2 <= 0x7E or 0x80 <= b2 <= 0xFE) else None
            if ch is not None:
                out.append(ch)
                i += 2
            else:
                _error(out, errors)
                _span(spans, i, 1 if b2 < 0x80 else 2)
                i += 1 if b2 < 0x80 else 2  # an ASCII byte is read again on its own
    return "".join(out)


def _whatwg_big5(data: bytes, errors: str, starts: list[int] | None = None,
                 spans: list[tuple[int, int]] | None = None) -> str:
    """The WHATWG big5 decoder (Big5-HKSCS; what a browser does with a page labelled ``big5``):
    ASCII alone, 81-fe lead a pair with 40-7e or a1-fe."""
    return _whatwg_pairs(
        data, errors, starts, spans,
        single=lambda b: chr(b) if b < 0x80 else None,
        lead=lambda b: 0x81 <= b <= 0xFE,
        pair=lambda b, b2: _pair("big5hkscs", b, b2) if (0x40 <= b2 <= 0x7E or 0xA1 <= b2 <= 0xFE) else None)


def _glibc_gbk(data: bytes, errors: str, starts: list[int] | None = None,
               spans: list[tuple[int, int]] | None = None) -> str:
    """glibc's GBK converter with ``-c`` (iconvdata/gbk.c): what ``iconv -c -f GBK`` gives.

    ``errors="replace"`` is only for ``tokens``' parse (iconv -c marks nothing): a U+FFFD where
    it drops bytes.
    """
    out: list[str] = []
    at = 0
    while at < len(data):
        if starts is not None:
            starts.append(at)
        at = _glibc_gbk_token(data, at, out, errors, spans)
    return "".join(out)


def _glibc_gbk_token(data: bytes, i: int, out: list[str], errors: str, spans: list[tuple[int, int]] | None) -> int:
    """Read the token at ``i`` as glibc does; where the next one starts."""
    b = data[i]
    if _one_byte_gbk(b, out):
        return i + 1
    if b == 0xFF or i + 1 >= len(data) or data[i + 1] < 0x40 or (b == 0xFE and data[i + 1] > 0xA0):
        # A lead alone at the end, before a byte no trail can be, or fe before a byte past the
        # table's last row (fe a0).
        _error(out, errors)
        _span(spans, i, 1)
        return i + 1
    ch = _pair("gbk", b, data[i + 1])
    if ch is not None:
        out.append(ch)
    else:
        _error(out, errors)  # the pair goes whole, its second byte with it
        _span(spans, i, 2)
    return i + 2


def _whatwg_pairs(data: bytes, errors: str, starts: list[int] | None, spans: list[tuple[int, int]] | None,
                  single, lead, pair) -> str:
    """A WHATWG two-byte decoder: ``single(b)`` the character of a byte read alone (None if it
    leads or is rejected), ``lead(b)`` whether it leads a pair, ``pair(b, b2)`` the pair's
    character or None. A rejected pair is one mark, its second byte with it unless ASCII."""
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        if starts is not None:
            starts.append(i)
        b = data[i]
        ch = single(b)
        if ch is not None:
            out.append(ch)
            i += 1
        elif not lead(b) or i + 1 >= n:
            _error(out, errors)
            _span(spans, i, 1)
            i += 1
        else:
            b2 = data[i + 1]
            ch = pair(b, b2)
            if ch is not None:
                out.append(ch)
                i += 2
            else:
                _error(out, errors)
                _span(spans, i, 1 if b2 < 0x80 else 2)
                i += 1 if b2 < 0x80 else 2
    return "".join(out)


def _whatwg_shift_jis(data: bytes, errors: str, starts: list[int] | None = None,
                      spans: list[tuple[int, int]] | None = None) -> str:
    """The WHATWG Shift_JIS decoder: ASCII and 80 alone, a1-df halfwidth katakana, 81-9f and e0-fc
    lead a pair with 40-7e or 80-fc (f0-f9 rows: private use, as cp932 reads them)."""
    return _whatwg_pairs(
        data, errors, starts, spans,
        lambda b: chr(b) if b <= 0x80 else chr(0xFF61 - 0xA1 + b) if 0xA1 <= b <= 0xDF else None,
        lambda b: 0x81 <= b <= 0x9F or 0xE0 <= b <= 0xFC,
        lambda b, b2: _pair("cp932", b, b2) if (0x40 <= b2 <= 0x7E or 0x80 <= b2 <= 0xFC) else None)


def _whatwg_euc_kr(data: bytes, errors: str, starts: list[int] | None = None,
                   spans: list[tuple[int, int]] | None = None) -> str:
    """The WHATWG EUC-KR decoder (Unified Hangul Code, cp949's table): 81-fe lead a pair with 41-fe."""
    return _whatwg_pairs(
        data, errors, starts, spans,
        lambda b: chr(b) if b < 0x80 else None,
        lambda b: 0x81 <= b <= 0xFE,
        lambda b, b2: _pair("cp949", b, b2) if 0x41 <= b2 <= 0xFE else None)


def _whatwg_euc_jp(data: bytes, errors: str, starts: list[int] | None = None,
                   spans: list[tuple[int, int]] | None = None) -> str:
    """The WHATWG EUC-JP decoder: 8e before a1-df a halfwidth katakana, 8f before a1-fe leads a
    JIS X 0212 code of three bytes, a1-fe lead a JIS X 0208 pair with a1-fe. A rejected lead takes
    its next byte with it unless that byte is ASCII."""
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        if starts is not None:
            starts.append(i)
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if not (b in (0x8E, 0x8F) or 0xA1 <= b <= 0xFE) or i + 1 >= n:
            _error(out, errors)
            _span(spans, i, 1)
            i += 1
            continue
        b2 = data[i + 1]
        if b == 0x8E and 0xA1 <= b2 <= 0xDF:
            out.append(chr(0xFF61 - 0xA1 + b2))
            i += 2
            continue
        if b == 0x8F and 0xA1 <= b2 <= 0xFE:
            b3 = data[i + 2] if i + 2 < n else None
            ch = None
            if b3 is not None and 0xA1 <= b3 <= 0xFE:
                try:
                    ch = data[i : i + 3].decode("euc_jp")
                except UnicodeDecodeError:
                    ch = None
            if ch is not None:
                out.append(ch)
                i += 3
                continue
            _error(out, errors)  # the three bytes' lead and second go; a third that is ASCII is read again
            width = 2 if b3 is None or b3 < 0x80 else 3
            _span(spans, i, width)
            i += width
            continue
        ch = _pair("euc_jp", b, b2) if 0xA1 <= b <= 0xFE and 0xA1 <= b2 <= 0xFE else None
        if ch is not None:
            out.append(ch)
            i += 2
            continue
        _error(out, errors)
        _span(spans, i, 1 if b2 < 0x80 else 2)
        i += 1 if b2 < 0x80 else 2
    return "".join(out)


_WHATWG_OTHERS = {"whatwg-shift_jis": _whatwg_shift_jis, "whatwg-euc-kr": _whatwg_euc_kr, "whatwg-euc-jp": _whatwg_euc_jp}
