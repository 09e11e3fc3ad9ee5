"""Percent-encoded text (``%E4%B8%AD``, GBK's ``%D6%D0``, Big5's ``%A4%A4``) and JavaScript's
``escape()`` (``%u4E2D``) left in an article: read back as the characters they stand for.

Why here, whole words: an encoder writes a whole string, not its non-ASCII pieces. ``quote()``
leaves letters, digits and ``_.-~`` as they are (``%E4%BA%8E1998%E5%B9%B4`` is 于1998年, and a
GBK or Big5 trail byte 40-7E is written as the letter it is: Big5's 你 is ``%A7A``, 許
``%B3%5C``), a space as ``%20`` (``quote``) or ``+`` (a form's ``quote_plus``); ``escape()``
writes ``%uXXXX`` beyond Latin-1 and ``%XX`` below, and leaves letters, digits and ``@*_+-./``.
So the unit read is the stretch of ASCII without a space that holds the escapes, literal ASCII
inside taken as the bytes it is.

Which encoding: UTF-8's structure is evidence enough (its continuation bytes are never ASCII)
for a reading with CJK or in Latin (GBK's pairs c0-df 80-bf also read as UTF-8's Greek and
Cyrillic: there a Chinese legacy reading comes first); else byte_runs.read, the judge every
exact-bytes family uses (GBK/GB18030 or Big5-HKSCS, the one the character model scores best, 4
characters or more, scoring as Chinese does). A search word (``搜索%D6%D0%CE%C4``) or a name is
shorter, or scores lower, than byte_runs' bar for text alone: its reading is taken when it is all
Han and CJK signs and scores as words do (WORD_MIN_SCORE), in the encoding its sentence reads
best in.

A word encoded twice (``%25E5%2588%2598``: every escape one of ``%``, before two hex digits) is
decoded once and read as a word encoded once is.

What stays (docs/repair.md, stage 2): an address or a query keeps its escapes (``https://…/%E4``,
``q=%D6%D0``, ``%E6%8A%A5.pdf``, ``/wiki/%E4``, ``x.cn/%E4``: _ADDRESS below); a percent sign in
prose (``增长5%``, ``50%D``): one escape is no run; bytes that no encoding reads as text, and one
character alone (``%AB%CD``, Big5's 屍).
"""

from __future__ import annotations

import re
import unicodedata

from cleaner.chardata import HAN_CLASS
from cleaner.langmodel import per_char
from cleaner.repair import byte_runs

# An ASCII stretch without spaces that holds a percent sign (from its first character: a stretch
# is scanned once).
_WORD = re.compile(r"(?<![!-~])[!-~]*%[!-~]*")
_BYTE = r"%[0-9a-fA-F]{2}"
_UNIT = r"%u[0-9a-fA-F]{4}"
# What makes a stretch encoded text at all: two escapes of bytes 80-ff (one character of GBK or
# Big5 at least, whose trail byte may be a letter: 臺南人 is %BBO%ABn%A4H; one ``%DA`` is
# ``50%DAU``'s), or two ``%uXXXX``.
_HIGH = re.compile(r"%[89a-fA-F][0-9a-fA-F]")
_BYTE_RUN = re.compile(rf"(?:{_BYTE}){{2,}}")
# Encoded twice: %25 (the "%" of an escape) before two hex digits, and no escape of another byte.
_TWICE = re.compile(r"%25(?=[0-9a-fA-F]{2})")
_ONCE = re.compile(r"%(?!25[0-9a-fA-F]{2})")
_UNITS = re.compile(_UNIT)
_TOKEN = re.compile(rf"{_UNIT}|{_BYTE}|.", re.S)
# Signs of an address or a file's name in the stretch: a query's signs, which both encoders write
# as escapes in text (``%3F``, ``%3D``: an escape of a sign is the text's); a scheme, ``www.``, a
# path from the root, a host before a path, a name's extension at the end. Not a ``/`` alone:
# ``quote`` and ``escape()`` leave it, so a paragraph's km/h holds one; ``@`` only between names
# (``user@host``; the text's @ before a user's name, 网友@%B2%BB, is no address). ``%uXXXX`` is
# no address's (no URL standard has it): there only a scheme, ``www.`` or a query's ``=``
# counts, and a ``#3`` or ``?`` an encoder left is the text's.
# A slash may be JSON's ``\/`` (an address in a page's script: ``https:\/\/x.com\/%E6``).
_ADDRESS = re.compile(r"[=?&#]|[\w.-]@[A-Za-z0-9]|:\\?/\\?/|www\.|^\\?/|[A-Za-z0-9-]\.[A-Za-z]{2,}\\?/"
                      r"|\.[A-Za-z][A-Za-z0-9]{1,3}$")
_JS_ADDRESS = re.compile(r"=|:\\?/\\?/|www\.")
# Han; Han and the CJK signs, what a word's legacy reading must be made of, and what a UTF-8
# reading must hold to be taken before a legacy one (else Latin only).
_HAN = re.compile(f"[{HAN_CLASS}]")
_WORD_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LATIN = re.compile(r"[\x00-\u024f\u1e00-\u1eff\u2000-\u206f]+")  # Latin letters, general punctuation
WORD_MIN_CHARS = 2
CONTEXT = 6  # characters of the sentence on each side that choose a word's encoding
# A legacy reading of a search word or a name, all Han and CJK signs, must score this well a
# character. On the build half of the wiki corpus (benchmarks/wiki_split.py), stretches of the
# articles' Han fall below it 1.3 % at 2 characters, 0.6 % at 3, 0.3 % at 4; random GBK and Big5
# bytes that read as Han all the same pass it 4.3 %, 1.3 %, 0.5 % (and escapes of random bytes
# in prose, outside an address, are rare to begin with).
WORD_MIN_SCORE = -10.0
# Line breaks and tabs an encoder wrote as %0A, %09: the text's; other controls are not text.
_NOT_SHOWN = ("Cc", "Cs", "Cn", "Zl", "Zp")


def decode(text: str) -> str:
    """Each percent-encoded stretch of ``text`` read back (see the module's docstring).

    >>> decode("由A.D.%20Vision%E4%BA%8E2004%E5%B9%B4出版，搜索%D6%D0%CE%C4，见 https://x.cn/%E4%B8%AD")
    '由A.D. Vision于2004年出版，搜索中文，见 https://x.cn/%E4%B8%AD'
    """
    if "%" not in text:
        return text
    return _WORD.sub(_read_word, text)


def _read_word(m: re.Match) -> str:
    word = m.group()
    if "%25" in word and not _ONCE.search(word):
        # Encoded twice (a referrer's keywords quoted again: %25E5%2588): every escape is of "%",
        # one decoding gives the encoded word, which is read as a word encoded once is.
        inner = _TWICE.sub("%", word)
        if len(_HIGH.findall(inner)) >= 2 and not _ADDRESS.search(inner):
            read = _read_bytes(_bytes(inner, plus_is_space="%20" not in inner), _context(m))
            if read is not None:
                return read
        return word
    if len(_UNITS.findall(word)) >= 2:
        return word if _JS_ADDRESS.search(word) else _read_js(word)
    if len(_HIGH.findall(word)) < 2 or _ADDRESS.search(word):
        return word
    context = _context(m)
    read = _read_bytes(_bytes(word, plus_is_space="%20" not in word), context)
    if read is not None:
        return read
    # Not one encoding's as a whole (two encoders side by side, a literal % beside a run): each
    # run of escapes alone.
    return _BYTE_RUN.sub(lambda r: _read_bytes(_bytes(r.group(), False), context) or r.group(), word)


def _context(m: re.Match) -> tuple[str, str]:
    """Up to CONTEXT characters of the line on each side of the stretch: which encoding a search
    word of two characters is in, its sentence helps say (not always: 金钮 in GBK reads as Big5's
    踢聽 beside 我在网上搜索…的相关信息). Only CONTEXT characters are looked at, however long the line."""
    text = m.string
    before = text[max(0, m.start() - CONTEXT):m.start()]
    after = text[m.end():m.end() + CONTEXT]
    return before.rpartition("\n")[2], after.partition("\n")[0]


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


def _read_bytes(data: bytes, context: tuple[str, str] = ("", "")) -> str | None:
    """``data`` as UTF-8 text with CJK, else as the legacy encoding that reads it as Chinese, else
    as UTF-8 of another script; None when it is ASCII or none of them reads it."""
    if data.isascii():
        return None
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None and _shown(utf8) and (_CJK.search(utf8) or _LATIN.fullmatch(utf8)):
        return utf8
    # GBK's pairs c0-df 80-bf are UTF-8 too (同学 is cd ac d1 a7, UTF-8's ͬѧ): a reading in
    # Greek, Cyrillic or Hebrew yields to a Chinese one.
    read = byte_runs.read(data) if utf8 is None else None
    read = read or _read_words(data, context)
    return read if read is not None else utf8 if utf8 is not None and _shown(utf8) else None


def _read_words(data: bytes, context: tuple[str, str]) -> str | None:
    """Bytes byte_runs.read found too short or scoring too low for text alone (a search word, a
    name): the legacy reading that is all Han and CJK signs, scores above WORD_MIN_SCORE, and
    reads best in its sentence."""
    best, best_score = None, None
    before, after = context
    for codec in byte_runs.LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = "".join(ch for ch in text if not ch.isascii())
        if len(wide) < WORD_MIN_CHARS or not _WORD_TEXT.fullmatch(wide) or not _HAN.search(wide):
            continue
        if per_char(wide) < WORD_MIN_SCORE:
            continue
        score = per_char(before + text + after)
        if best_score is None or score > best_score:
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
