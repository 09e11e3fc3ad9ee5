"""RTF (Rich Text Format) read as its text: ``{\\rtf1\\ansicpg936 \\'c3\\'bf\\'b8\\'f6\\par}`` is ``每个``.

Why: RTF is text in a form meant for a program (a word processor), and Chinese text in it is
hardly readable: characters beyond ASCII are written as code-page bytes (``\\'c3\\'bf`` is 每 in
GBK), as decimal UTF-16 units (``\\u27599?``, negative above U+7FFF: ``\\u-28419?`` is 都), or as
both (Word: ``\\u27599\\'c3\\'bf``, the bytes a fallback for readers without Unicode). A document
saved as ``.rtf``, the source of a rich-text box copied out of an editor, or a fragment of one
pasted into a text field (``\\'b3\\'d0\\'c3\\'c9…\\par``) reaches a corpus as that source.

Reading it is the format's own rules (the RTF 1.9.1 specification): groups ``{…}``, control words
``\\word-12`` (ended by a space, which they take, or any other character), ``\\'hh`` bytes read in
the code page of the current font (``\\fN`` whose ``\\fcharsetN`` the font table gives: 134 GBK,
136 Big5, 128 Shift-JIS, 129 Korean, else the document's ``\\ansicpgN``), ``\\uN`` as a signed 16-bit
unit whose fallback (``\\ucN`` characters after it, default 1) is skipped, surrogate halves joined;
``\\par``, ``\\line``, ``\\row`` and ``\\page`` end a line, ``\\tab`` and ``\\cell`` are tabs,
``\\{ \\} \\\\`` are the signs themselves, and a raw line break is no text. Groups that hold no text
of the document go whole: ``{\\*\\…}`` (a destination a reader may ignore) and the tables, pictures,
objects, headers, footers, footnotes and field instructions named in SKIP; so do hidden text
(``\\v`` … ``\\v0``) and binary data (``\\binN`` and its N bytes).

Where: a whole document is ``{\\rtf`` at the start of a line, up to its closing brace (or the
text's end when it starts the text: a file cut off), with a writer's header before its first text
(``\\ansi``, ``\\ansicpgN``, ``\\deffN``, a font table). A ``{\\rtf1`` and then prose (a tutorial's line
about the format), one left open after other text, or one amid other text that shows characters
beyond ASCII as themselves (writers escape them: it is an example someone typed) is none. A fragment
without that header is a stretch of text dense with RTF's own escapes (``\\'hh`` bytes or
``\\uN`` units with their fallback; control words alone, as in a TeX formula or a Windows path,
are not enough), and its bytes are read in the encoding the character model finds them text in
(the project's judge of bytes alone, ``cleaner.repair.byte_runs``). A stray backslash, code that
escapes a quote, or a ``\\u4e2d`` escape (four hex digits: literal-escapes' business) is not RTF, nor is a stretch
beside one (``\\u4f1a\\u67085`` is JSON's 会月5, not the unit 67085).

A source wrapped at a fixed width (copied through a terminal or a mail body) breaks the lines
inside its tokens (``\\'b5\\'\\nc4``, ``\\u20\\n197``): when most of a document's (or fragment's)
lines have one length and some end inside a token, those lines are joined before reading.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from cleaner.langmodel import per_char
from cleaner.repair import byte_runs

# \fcharsetN -> code page (Windows GDI charsets). 0 (ANSI) and 1 (default) mean the document's
# \ansicpg; 2 (symbol) has no text.
CHARSETS = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950", 161: "cp1253",
    162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
    238: "cp1250", 254: "cp437",
}
# \ansicpgN -> codec; the others are Python's cpN.
CODE_PAGES = {936: "gbk", 950: "cp950", 54936: "gb18030", 65001: "utf-8", 10000: "mac_roman", 20936: "gb2312"}
# Destinations whose group holds no text of the document.
SKIP = frozenset((
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "header", "headerl", "headerr",
    "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "fldinst", "listtable", "listoverridetable",
    "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore", "filetbl",
    "revtbl", "pgdsctbl", "nonshppict", "shpinst", "sp", "bkmkstart", "bkmkend", "fldtype", "template",
    "listpicture", "protusertbl", "mmathPr", "userprops", "docvar", "annotation", "atnid", "atnauthor",
))
# Control words that stand for text.
CHARACTERS = {
    "par": "\n", "line": "\n", "row": "\n", "page": "\n", "sect": "\n", "tab": "\t", "cell": "\t",
    "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
    "ldblquote": "\u201c", "rdblquote": "\u201d", "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005",
}
SYMBOLS = {"{": "{", "}": "}", "\\": "\\", "~": "\u00a0", "_": "\u2011", "-": "", "\n": "\n", "\r": "\n"}

_TOKEN = re.compile(r"\\([a-z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|(\r\n|\r|\n)|([^\\{}\r\n]+)",
                    re.DOTALL)
_HEAD = re.compile(r"(?m)^[ \t\ufeff]*\{\\rtf")
# What a writer puts in a document's header: its character set, default font or font table. A
# "{\\rtf1" alone (a tutorial's example, a line quoted in prose) has none.
# Characters beyond ASCII written as themselves: RTF writers write 7-bit source (\'hh, \uN), so a
# document among other text that shows them is an example someone typed (a whole .rtf file of raw
# 8-bit bytes is still read).
_TYPED = re.compile(r"[^\x00-\x7f\ufeff]")
# A document's header: the control words and group openings before its first text.
_HEADER = re.compile(r"\{\\rtf\d*(?:[\s{]|\\\*|\\[a-z]{1,32}-?\d{0,10} ?)*")
_REAL_HEAD = re.compile(r"\\(?:ansi|ansicpg\d+|pca?|mac|deff\d*|fonttbl)(?![a-z])")

# A fragment: RTF's escapes with what stands between them (plain text up to GAP characters).
# (``\\u`` before a digit is a unit or nothing: ``\\u4`` of ``\\u4f1a`` is no control word.)
_ESCAPE = re.compile(r"\\'[0-9a-fA-F]{2}|\\u-?\d{1,6}(?![0-9a-fA-F])\??|\\(?!u-?\d)[a-z]{1,32}-?\d{0,10} ?|\\[{}\\~]")
# A ``\\u`` escape of four hex digits with a letter among them (``\\u4f1a``, ``\\ud83d``): the stretch
# is JSON's, Java's or JavaScript's escape text (the literal-escapes stage reads it), and its
# all-digit escapes are hex too (``\\u67085`` is 月 and 5, not the unit 67085).
_HEX_ESCAPE = re.compile(r"\\u(?=\d{0,3}[a-fA-F])[0-9a-fA-F]{4}")
GAP = 40
# A fragment holds this many byte escapes, or this many sure Unicode escapes (a fallback after
# them, or a value no four-hex-digit escape writes: negative or five digits; 16-bit, UNIT_RANGE) ...
FRAGMENT_BYTES = 6
FRAGMENT_UNITS = 3
# ... and its escapes are this share of its characters at least: an article quoting one line of
# RTF, or code with escapes in its strings, is mostly something else.
FRAGMENT_SHARE = 0.5
_SURE_UNIT = re.compile(r"\\u(-\d{1,5}|\d{5})(?!\d)|\\u(\d{1,5})(?:\?|\\')")
# A unit is a 16-bit value, signed or (some writers) not: \u67085 is none.
UNIT_RANGE = range(-32768, 65536)
_BYTE = re.compile(r"\\'[0-9a-fA-F]{2}")
# Fixed-width wraps: most lines this long at least, and this share of the lines of one length.
WRAP_MIN_WIDTH = 40
WRAP_SHARE = 0.5
_CUT_TOKEN = re.compile(r"\\'[0-9a-fA-F]?$|\\$|\\u-?\d*$")


def repair(text: str) -> str:
    """Every RTF document and fragment in ``text`` read as its text; anything else untouched.

    >>> repair("{\\\\rtf1\\\\ansi\\\\ansicpg936{\\\\fonttbl{\\\\f0\\\\fcharset134 \\\\'cb\\\\'ce;}}\\\\f0 \\\\'c3\\\\'bf\\\\'b8\\\\'f6\\\\par}")
    '每个'
    >>> repair("路径 C:\\\\temp\\\\new 和 \\\\u4e2d 不变")
    '路径 C:\\\\temp\\\\new 和 \\\\u4e2d 不变'
    """
    if "\\" not in text:
        return text
    if _HEAD.search(text):
        text = _read_documents(text)
    if "\\" in text:
        text = _read_fragments(text)
    return text


def _read_documents(text: str) -> str:
    out, last = [], 0
    for m in _HEAD.finditer(text):
        start = text.index("{", m.start())
        if start < last:
            continue
        end = _group_end(text, start)
        if not _REAL_HEAD.search(_HEADER.match(text, start).group()):
            continue  # "{\\rtf1" and then text, as prose shows it: no writer's header
        if end is None:
            if text[:start].strip():
                continue  # unclosed after other text: a line quoted, not a document to swallow it
            end = len(text)  # a document cut off (a file truncated) is read to the end
        if _TYPED.search(text, start, end) and (text[:start].strip() or text[end:].strip()):
            continue  # an example typed amid prose: a writer escapes what is not ASCII
        out.append(text[last:start])
        read = read_document(text[start:end])
        # A document is a block of its own: what follows it on its closing line starts a line.
        out.append(read + "\n" if read and end < len(text) and text[end] != "\n" else read)
        last = end
    out.append(text[last:])
    return "".join(out)


def _group_end(text: str, start: int) -> int | None:
    """The index after the brace that closes the group opened at ``start`` (None if none does)."""
    depth = 0
    for m in re.finditer(r"\\.|[{}]", text[start:], re.DOTALL):
        if m.group() == "{":
            depth += 1
        elif m.group() == "}":
            depth -= 1
            if depth == 0:
                return start + m.end()
    return None


def read_document(source: str) -> str:
    """A whole RTF document's text."""
    source = unwrap(source)
    cpg = re.search(r"\\ansicpg(\d+)", source)
    default = _codec(int(cpg.group(1))) if cpg else ("cp437" if re.match(r"\{\\rtf1?\\pc\b", source) else
                                                     "mac_roman" if re.match(r"\{\\rtf1?\\mac\b", source) else "cp1252")
    return _Reader(default, fragment=False).read(source).strip("\n")


def unwrap(source: str) -> str:
    """``source`` with the line breaks of a fixed-width wrap taken out, when its lines show one:
    most lines of one length (at least WRAP_MIN_WIDTH) and some of them cut inside a token."""
    lines = source.split("\n")
    if len(lines) < 3:
        return source
    width, count = Counter(len(line.rstrip("\r")) for line in lines[:-1]).most_common(1)[0]
    if width < WRAP_MIN_WIDTH or count < 2 or count < WRAP_SHARE * (len(lines) - 1):
        return source
    full = [len(line.rstrip("\r")) == width for line in lines]
    if not any(f and _CUT_TOKEN.search(line.rstrip("\r")) for f, line in zip(full, lines)):
        return source
    # A line of the width joins the next; so does one cut inside a token at another width (the
    # first line of a body wrapped after a header line's own start).
    out = []
    for k, line in enumerate(lines):
        bare = line.rstrip("\r")
        last = k + 1 == len(lines)
        out.append(line if last else bare if full[k] or _CUT_TOKEN.search(bare) else line + "\n")
    return "".join(out)


def _codec(page: int) -> str:
    name = CODE_PAGES.get(page, f"cp{page}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"


class _Group:
    __slots__ = ("skip", "uc", "codec", "font_table", "hidden")

    def __init__(self, skip: bool, uc: int | None, codec: str | None, font_table: bool, hidden: bool = False) -> None:
        self.skip, self.uc, self.codec, self.font_table, self.hidden = skip, uc, codec, font_table, hidden


class _Reader:
    """One pass over the tokens: groups on a stack, text and pending bytes out."""

    def __init__(self, default: str | None, *, fragment: bool) -> None:
        self.default = default  # None: a fragment's bytes, read by the model at the end
        self.fragment = fragment
        self.fonts: dict[int, str] = {}
        self.out: list[str] = []
        self.pending = bytearray()
        self.pending_codec: str | None = None
        self.high: str = ""  # a high surrogate waiting for its low half

    def read(self, source: str) -> str:
        stack: list[_Group] = []
        group = _Group(False, None if self.fragment else 1, self.default, False)
        skip_units = 0  # fallback characters still to skip after \uN
        new_group = False  # the token just before was "{": a destination's name may follow
        font_no: int | None = None
        pos = 0
        while m := _TOKEN.match(source, pos):
            pos = m.end()
            word, arg, hexbyte, symbol, brace, brk, plain = m.groups()
            first_in_group, new_group = new_group, False
            if brace:
                skip_units = 0
                if brace == "{":
                    stack.append(group)
                    group = _Group(group.skip, group.uc, group.codec, group.font_table, group.hidden)
                    new_group = True
                else:
                    if group.font_table and font_no is not None:
                        font_no = None
                    group = stack.pop() if stack else group
                continue
            if brk:
                # A raw line break is no text in RTF; a fragment pasted as lines keeps its breaks
                # where no \par stands before them.
                if self.fragment and not group.skip and not self._ends_line():
                    self._text("\n")
                continue
            if symbol == "*":
                group.skip = True
                continue
            if word is not None:
                if word in SKIP and (first_in_group or word in ("fonttbl",)):
                    if word == "fonttbl":
                        group.font_table = True
                    else:
                        group.skip = True
                    continue
                if group.font_table:
                    if word == "f" and arg is not None:
                        font_no = int(arg)
                    elif word == "fcharset" and arg is not None and font_no is not None:
                        self.fonts[font_no] = CHARSETS.get(int(arg), "")
                    continue
                if word == "bin" and arg is not None:
                    pos += max(int(arg), 0)  # binary data (a picture's): no token, no text
                    continue
                if group.skip:
                    continue
                if skip_units and word != "u":
                    skip_units -= 1
                    continue
                if word == "u" and arg is not None:
                    if not group.hidden:
                        self._unit(int(arg))
                    skip_units = _fallback_length(source, m.end()) if group.uc is None else group.uc
                    continue
                if word == "uc" and arg is not None:
                    group.uc = int(arg)
                elif word == "f" and arg is not None:
                    group.codec = self._font_codec(int(arg))
                elif word == "ansicpg" and arg is not None:
                    self.default = group.codec = _codec(int(arg))
                elif word in ("v", "plain"):
                    group.hidden = word == "v" and arg != "0"  # hidden text (\v ... \v0) is no text shown
                elif word in CHARACTERS and not group.hidden:
                    self._text(CHARACTERS[word])
                continue
            if group.skip or group.font_table:
                continue
            if hexbyte is not None:
                if skip_units:
                    skip_units -= 1
                    continue
                if not group.hidden:
                    self._byte(int(hexbyte, 16), group.codec)
                continue
            if symbol is not None:
                if skip_units:
                    skip_units -= 1
                    continue
                if not group.hidden:
                    self._text(SYMBOLS.get(symbol, symbol) if symbol not in "\r\n" or not self._ends_line() else "")
                continue
            if plain:
                if skip_units:
                    cut = min(skip_units, len(plain))
                    skip_units -= cut
                    plain = plain[cut:]
                if plain and not group.hidden:
                    self._text(plain)
        self._flush()
        return "".join(self.out)

    def _font_codec(self, number: int) -> str | None:
        codec = self.fonts.get(number, "")
        return codec or self.default

    def _ends_line(self) -> bool:
        return bool(self.out) and self.out[-1].endswith("\n") and not self.pending

    def _byte(self, value: int, codec: str | None) -> None:
        if self.pending and codec != self.pending_codec:
            self._flush()
        self.pending_codec = codec
        self.pending.append(value)

    def _unit(self, value: int) -> None:
        value &= 0xFFFF
        self._flush()
        if 0xD800 <= value < 0xDC00:
            self.high = chr(value)
            return
        if 0xDC00 <= value < 0xE000 and self.high:
            self.out.append((self.high + chr(value)).encode("utf-16", "surrogatepass").decode("utf-16"))
            self.high = ""
            return
        self.high = ""
        if not 0xD800 <= value < 0xE000:
            self.out.append(chr(value))

    def _text(self, text: str) -> None:
        self._flush()
        self.high = ""
        self.out.append(text)

    def _flush(self) -> None:
        if not self.pending:
            return
        data = bytes(self.pending)
        self.pending.clear()
        self.out.append(_decode_bytes(data, self.pending_codec, self.default) if self.pending_codec else _Bytes(data))


class _Bytes(str):
    """A fragment's byte run, held as its Latin-1 reading until the fragment's code page is chosen."""

    def __new__(cls, data: bytes) -> _Bytes:
        return super().__new__(cls, data.decode("latin-1"))


def _fallback_length(source: str, at: int) -> int:
    """A fragment (no ``\\ucN`` seen) skips the fallback that stands after ``\\uN``: a ``?``, or
    the character's bytes (one or two ``\\'hh``)."""
    if source.startswith("?", at):
        return 1
    count = 0
    while count < 2 and source.startswith("\\'", at + 4 * count):
        count += 1
    return count


def _decode_bytes(data: bytes, codec: str, default: str | None = None) -> str:
    """Bytes in the font's code page; bytes that are not text there (a font table that names a
    wrong charset) in the document's, then cp1252's; else the font's, with U+FFFD marks."""
    for name in dict.fromkeys((codec, default or codec, "cp1252")):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return data.decode(codec, errors="replace")


# The encodings a fragment's bytes are tried in: the project's sources (byte_runs judges them).
FRAGMENT_CODECS = ("utf-8",) + byte_runs.LEGACY


def _fragment_codec(runs: list[bytes]) -> str | None:
    """The encoding a fragment's byte runs are text in, by the character model; None when none is."""
    data = b"".join(runs)
    best, best_score = None, byte_runs.ALONE_MIN_SCORE
    for codec in FRAGMENT_CODECS:
        try:
            texts = [run.decode(codec) for run in runs]
        except UnicodeDecodeError:
            continue
        wide = "".join(ch for t in texts for ch in t if not ch.isascii())
        if codec == "utf-8":
            if byte_runs.read(data, legacy=False) is not None:
                return codec
            continue
        if len(wide) < byte_runs.ALONE_MIN_CHARS:
            continue
        score = per_char(wide)
        if score >= best_score:
            best, best_score = codec, score
    return best


def _read_fragments(text: str) -> str:
    out, last = [], 0
    for start, end in _fragments(text):
        piece = text[start:end]
        read = read_fragment(piece)
        if read is None:
            continue
        out.append(text[last:start])
        out.append(read)
        last = end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _fragments(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` dense with RTF escapes (FRAGMENT_BYTES / FRAGMENT_UNITS, FRAGMENT_SHARE)."""
    spans: list[list[int]] = []
    for m in _ESCAPE.finditer(text):
        if spans and m.start() - spans[-1][1] <= GAP:
            spans[-1][1] = m.end()
            spans[-1][2] += m.end() - m.start()
        else:
            spans.append([m.start(), m.end(), m.end() - m.start()])
    out = []
    for start, end, escaped in spans:
        piece = text[start:end]
        if _HEX_ESCAPE.search(text, max(start - GAP, 0), end + GAP):
            continue
        sure = sum(int(a or b) in UNIT_RANGE for a, b in _SURE_UNIT.findall(piece))
        if len(_BYTE.findall(piece)) < FRAGMENT_BYTES and sure < FRAGMENT_UNITS:
            continue
        if escaped < FRAGMENT_SHARE * len("".join(piece.split())):
            continue
        out.append((start, end))
    return out


def read_fragment(piece: str) -> str | None:
    """A fragment's text, its bytes read in the encoding the model finds them text in (or the one
    its own ``\\ansicpgN`` names); None when its bytes are text in no encoding."""
    piece = unwrap(piece)
    cpg = re.search(r"\\ansicpg(\d+)", piece)
    reader = _Reader(_codec(int(cpg.group(1))) if cpg else None, fragment=True)
    parts = reader.read(piece)
    runs = [bytes(p, "latin-1") for p in reader.out if isinstance(p, _Bytes)]
    if not runs:
        return parts
    codec = _fragment_codec(runs)
    if codec is None:
        return None
    return "".join(_decode_bytes(bytes(p, "latin-1"), codec) if isinstance(p, _Bytes) else p for p in reader.out)
