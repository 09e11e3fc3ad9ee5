"""Percent-encoded text (``%E4%B8%AD``, GBK's ``%D6%D0``, Big5's ``%A4%A4``) and JavaScript's
``escape()`` (``%u4E2D``) left in an article: read back as the characters they stand for.

Why here, whole words: an encoder writes a whole string, not its non-ASCII pieces. ``quote()``
leaves letters, digits and ``_.-~`` as they are (``%E4%BA%8E1998%E5%B9%B4`` is 于1998年, and a
GBK or Big5 trail byte 40-7E is written as the letter it is: Big5's 你 is ``%A7A``, 們 ``%AD%CC``,
許 ``%B3%5C``), a space as ``%20``
(``quote``) or ``+`` (a form's ``quote_plus``); ``escape()`` writes ``%uXXXX`` beyond Latin-1 and
``%XX`` below, and leaves letters, digits and ``@*_+-./``. So the unit read is the stretch of
ASCII without a space that holds the escapes, literal ASCII inside taken as the bytes it is.

Which encoding: UTF-8's structure is evidence enough (its continuation bytes are never ASCII);
else byte_runs.read, the judge every exact-bytes family uses (GBK/GB18030 or Big5-HKSCS, the one
the character model scores best, 4 characters or more, scoring as Chinese does). A percent run of
two or three characters is no transfer encoding's: it is a search word (``搜索%D6%D0%CE%C4``),
which the model cannot tell from noise at that length; such a reading is taken only when it is
all Han and scores as short Chinese words do (SHORT_MIN_SCORE).

What stays (docs/repair.md, stage 2): an address or a query keeps its escapes (``https://…/%E4``,
``q=%D6%D0``, ``%E6%8A%A5.pdf``, ``/wiki/%E4``, ``x.cn/%E4``: _ADDRESS below); a percent sign in
prose (``增长5%``, ``50%D``): one escape is no run; bytes that no encoding reads as text, and one character alone (``%AB%CD``, Big5's 屍).
"""

from __future__ import annotations

import re
import unicodedata

from cleaner.langmodel import per_char
from cleaner.repair import byte_runs

# An ASCII stretch without spaces that holds a percent sign (from its first character: a stretch
# is scanned once).
_WORD = re.compile(r"(?<![!-~])[!-~]*%[!-~]*")
_BYTE = r"%[0-9a-fA-F]{2}"
_UNIT = r"%u[0-9a-fA-F]{4}"
# What makes a stretch encoded text at all: two escapes of bytes side by side (one character of
# GBK or Big5 at least; one ``%DA`` is ``50%DAU``'s), or two ``%uXXXX``.
_BYTE_RUN = re.compile(rf"(?:{_BYTE}){{2,}}")
_UNITS = re.compile(_UNIT)
_TOKEN = re.compile(rf"{_UNIT}|{_BYTE}|.", re.S)
# Signs of an address or a file's name in the stretch: a query's signs, which both encoders write
# as escapes in text (``%3F``, ``%3D``: an escape of a sign is the text's); a scheme, ``www.``, a
# path from the root, a host before a path, a name's extension at the end. Not a ``/`` alone:
# ``quote`` and ``escape()`` leave it, so a paragraph's km/h holds one; nor ``@``, which
# ``escape()`` leaves (for ``quote`` it is a sign).
_ADDRESS = re.compile(r"[=?&#]|://|www\.|^/|[A-Za-z0-9-]\.[A-Za-z]{2,}/|\.[A-Za-z][A-Za-z0-9]{1,3}$")
_QUOTE_ADDRESS = re.compile(r"@")
# Han and the CJK signs: what a short legacy reading must be made of.
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SHORT_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
SHORT_MIN_CHARS = 2
# 2-3 Han characters of a legacy reading must score this well a character: (figures in
# docs/repair.md §5.9: random GBK/Big5 pairs that read as Han score below it at the 99th
# percentile, words of Chinese articles above it at the 95th).
SHORT_MIN_SCORE = -9.0
# Line breaks and tabs an encoder wrote as %0A, %09: the text's; other controls are not text.
_NOT_SHOWN = ("Cc", "Cs", "Cn", "Zl", "Zp")


def decode(text: str) -> str:
    """Each percent-encoded stretch of ``text`` read back (see the module's docstring).

    >>> decode("这部漫画由A.D.%20Vision%E4%BA%8E2004%E5%B9%B4出版，搜索%D6%D0%CE%C4，见 https://x.cn/%E4%B8%AD")
    '这部漫画由A.D. Vision于2004年出版，搜索中文，见 https://x.cn/%E4%B8%AD'
    """
    if "%" not in text:
        return text
    return _WORD.sub(_read_word, text)


def _read_word(m: re.Match) -> str:
    word = m.group()
    if len(_UNITS.findall(word)) >= 2:
        return word if _ADDRESS.search(word) else _read_js(word)
    if not _BYTE_RUN.search(word) or _ADDRESS.search(word) or _QUOTE_ADDRESS.search(word):
        return word
    read = _read_bytes(_bytes(word, plus_is_space="%20" not in word))
    if read is not None:
        return read
    # Not one encoding's as a whole (two encoders side by side, a literal % beside a run): each
    # run of escapes alone.
    return _BYTE_RUN.sub(lambda r: _read_bytes(_bytes(r.group(), False)) or r.group(), word)


def _bytes(word: str, plus_is_space: bool) -> bytes:
    out = bytearray()
    for token in _TOKEN.findall(word):
        if len(token) == 3 and token[0] == "%":
            out.append(int(token[1:], 16))
        elif token == "+" and plus_is_space:
            out.append(0x20)
        else:
            out += token.encode("ascii")
    return bytes(out)


def _read_bytes(data: bytes) -> str | None:
    """``data`` as UTF-8, else as the legacy encoding that reads it as Chinese text; None when it
    is ASCII or none does."""
    if data.isascii():
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text if _shown(text) else None
    read = byte_runs.read(data)
    return read if read is not None else _read_short(data)


def _read_short(data: bytes) -> str | None:
    """A search word's two or three characters of GBK or Big5: the reading that is all Han and
    scores best, when it scores as short Chinese words do."""
    best, best_score = None, SHORT_MIN_SCORE
    for codec in byte_runs.LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = "".join(ch for ch in text if not ch.isascii())
        if not SHORT_MIN_CHARS <= len(wide) < byte_runs.ALONE_MIN_CHARS or not _SHORT_TEXT.fullmatch(wide):
            continue
        if not _HAN.search(wide):
            continue
        score = per_char(wide)
        if score >= best_score:
            best, best_score = text, score
    return best


def _read_js(word: str) -> str:
    """escape()'s output: ``%uXXXX`` a UTF-16 code unit (a pair for the planes beyond), ``%XX``
    a Latin-1 character, the rest as written."""
    units = []
    for token in _TOKEN.findall(word):
        if token[:2] in ("%u", "%U") and len(token) == 6:
            units.append(int(token[2:], 16))
        elif len(token) == 3 and token[0] == "%":
            units.append(int(token[1:], 16))
        else:
            units.append(ord(token))
    try:
        text = b"".join(u.to_bytes(2, "big") for u in units).decode("utf-16-be")
    except UnicodeDecodeError:
        return word  # a lone surrogate: not text
    return text if _shown(text) else word


def _shown(text: str) -> bool:
    """Text beyond ASCII with no character that shows nothing but what a text holds (line
    breaks, tabs, format and private-use characters)."""
    return not text.isascii() and all(ch in "\n\t\r" or unicodedata.category(ch) not in _NOT_SHOWN for ch in text)
