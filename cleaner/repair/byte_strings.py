"""Bytes a tool wrote whole as escapes of one kind: read back as the text they are.

Why: a tool that prints bytes it will not show as text writes each as an escape, and the run of
them is one string of bytes: PostgreSQL's bytea in hex (``\\xe4b98ce5b094…``: one ``\\x`` and
two hex digits a byte), git's quoted paths (``core.quotepath``: ``"docs/\\345\\217\\202.md"``)
and GNU ls's shell quoting (``$'\\273\\341.doc'``), three octal digits a byte. The escape readers
knew ``\\xHH`` a byte, so the bytea string was read as its first byte paired with the letter after
it (``\\xe4b`` as GBK e4 62, 鋌) and the octal ones not at all.

The mechanism: a ``\\x`` with an even run of four hex digits or more, standing apart (no letter,
digit or character beyond ASCII on either side), is one string of bytes; a run of two octal escapes of bytes 80-ff or more,
with the ASCII between them (no space, quote or backslash: one name), is another. Each is read by
``byte_runs.read`` (UTF-8, else the legacy encoding that reads it as Chinese text reads), the
judge of every exact-bytes family, and kept as written when nothing reads it; a name too short
to say its encoding alone (three characters of GBK) is read in the one codec the page's other
names were read in, where that gives CJK characters. A quoted name the
tool quoted only for its escapes (``"…"`` of git, ``$'…'`` of ls) loses its quotes with them.
Lossless: no byte is guessed.
"""

from __future__ import annotations

import re

from cleaner.repair import byte_runs, quoted_examples

# bytea's hex output: \x, then pairs of hex digits, standing apart from letters, digits and
# characters beyond ASCII (a decoder's escape amid its mojibake, 浜\x8e2000年, is escaped_bytes').
HEX_STRING = re.compile(r"(?<![0-9A-Za-z\\\x80-\U0010ffff])\\x((?:[0-9a-fA-F]{2}){2,})(?![0-9A-Za-z\x80-\U0010ffff])")
_OCTAL_HIGH = r"\\[23][0-7]{2}"  # bytes 80-ff
_OCTAL = r"\\[0-3][0-7]{2}"
_NAME_ASCII = r"[!#%-&(-\[\]-~]"  # ASCII of a name between escapes: no space, quote or backslash
# A run of octal escapes (two of high bytes at least: _read_octal) with a name's ASCII between,
# and the quotes of git ("…") or ls ($'…') when they hold the run and the name's ASCII alone.
# Without its quotes a run starts where a name's ASCII does: tried inside a stretch of it, the
# pattern scanned to the stretch's end again from every place (a base64 image of 20,000
# characters on a page with a backslash took 4 s). The leftmost run it finds is the same.
_OCTAL_RUN = re.compile(rf"(?:(?P<open>\$'|\")|(?<!{_NAME_ASCII}))(?P<run>{_NAME_ASCII}*(?:{_OCTAL}{_NAME_ASCII}*)+)(?P<close>['\"])?")
_OCTAL_ONE = re.compile(_OCTAL)
_OCTAL_HIGH_ONE = re.compile(_OCTAL_HIGH)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def repair(text: str) -> str:
    """Each hex string and run of octal escapes of ``text`` read back (see the module's docstring).

    >>> repair(" 1 | \\\\xe4b8ade69687")
    ' 1 | 中文'
    >>> repair('modified:   "docs/\\\\344\\\\274\\\\232\\\\350\\\\256\\\\256.md"')
    'modified:   docs/会议.md'
    """
    if "\\" not in text:
        return text
    if "\\x" in text:
        text = HEX_STRING.sub(_read_hex, text)
    read: list[str] = []  # the codecs of the runs read
    text = _OCTAL_RUN.sub(lambda m: _read_octal(m, read), text)
    if len(set(read)) == 1 and "\\" in text:
        # A name too short to say its encoding alone (何法倪.doc) is read in the one the page's
        # other names were read in, when that gives CJK characters.
        text = _OCTAL_RUN.sub(lambda m: _read_octal(m, [], read[0]), text)
    return text


def _read_hex(m: re.Match) -> str:
    read = byte_runs.read(bytes.fromhex(m.group(1)))
    return m.group() if read is None else read


def _read_octal(m: re.Match, codecs_read: list[str], codec: str | None = None) -> str:
    """The run read by byte_runs.read (its codec added to ``codecs_read``), or, given ``codec``,
    in that codec where every character it gives beyond ASCII is CJK; else as written."""
    run = m.group("run")
    if len(_OCTAL_HIGH_ONE.findall(run)) < 2 or quoted_examples.is_example(m.string, *m.span("run")):
        return m.group()  # a C string a call passes or prose quotes (printf("\344\275\240")): code's
    data, last = bytearray(), 0
    for one in _OCTAL_ONE.finditer(run):
        data += run[last:one.start()].encode("ascii") + bytes([int(one.group()[1:], 8)])
        last = one.end()
    data += run[last:].encode("ascii")
    read = byte_runs.read(bytes(data)) if codec is None else _read_in(bytes(data), codec)
    if read is None:
        return m.group()
    if codec is None:
        codecs_read.append(next(c for c in ("utf-8", *byte_runs.LEGACY) if _decodes_as(bytes(data), c, read)))
    opened, closed = m.group("open") or "", m.group("close") or ""
    if opened and closed == opened[-1]:
        return read  # quoted only for its escapes
    return opened + read + closed


def _decodes_as(data: bytes, codec: str, text: str) -> bool:
    try:
        return data.decode(codec) == text
    except UnicodeDecodeError:
        return False


def _read_in(data: bytes, codec: str) -> str | None:
    try:
        read = data.decode(codec)
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in read if not ch.isascii()]
    return read if wide and all(_CJK.match(ch) for ch in wide) else None
