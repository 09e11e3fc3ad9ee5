"""Tone-marked letters of a pinyin annotation, misread with the text around them.

A page annotated with tone-marked pinyin (``国(guó)``, ``北京[běi jīng]``) whose UTF-8 was then read
as GBK or as a single-byte code page shows each tone letter as mojibake between plain ASCII
letters: ``ó`` (c3 b3) read as GBK is ``贸``, ``ō`` (c5 8d) is ``艒``; read as cp1252, ``ó`` is ``Ã³``.
A tone letter is two bytes, both high (lead c3-c7, trail 80-bf), so GBK reads it as one pair and a
single-byte code page as two characters, and either is in step again at the next ASCII letter.
These pieces are too short for a run of the Han repair, so they are read here, inside an
annotation's brackets only (``()``, ``（）``, ``[]``, ``【】``), with every word of it: each misread
piece's bytes must read as UTF-8 tone letters, and each word must then split into pinyin
syllables. The annotation stage then sees pinyin, as it would have on the page before the misreading.

A byte Python's cp1252 could not read (81 8d 8f 90 9d) is a U+FFFD after the lead (``ā`` is c4 81:
``Ä�``). Among those five bytes, the one whose letter makes every word pinyin is taken when it is
the only one (``ā``, never ``č`` c4 8d in pinyin): a guess, which ``lost_letters`` makes, with a
finding, after the runs are read; ``guess=False`` leaves it.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product
from typing import Callable

import regex

from cleaner import warm_tables
from cleaner.model import Finding
from cleaner.repair import decoders, gbk, holes
from cleaner.repair.pinyin import TONE_MARKS, all_syllables, pinyin_as_zhuyin, toneless, zhuyin_key

LOST = "\ufffd"
# The bytes Python's cp1252 decoder has no character for (errors="replace" writes U+FFFD).
CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
MAX_SYLLABLE = 6  # zhuang, shuang: the longest pinyin syllable
_CLOSING = {"(": ")", "（": "）", "[": "]", "【": "】"}
# An annotation: an opening bracket, words of ASCII letters and misread pieces (anything but a
# bracket, a line break or an ASCII sign), spaces or apostrophes between them.
_BRACKETED = regex.compile(r"([(（\[【])([^()（）\[\]【】\n\x00-\x1f!-&*-/:-@^-`{-~0-9]{2,60})([)）\]】])")
_WORD_BREAK = regex.compile(r"[ '’]+")


def _single_pieces() -> str:
    chars = set()
    for codec in ("cp1252", "latin-1", "cp1250"):
        chars.update(bytes(range(0x80, 0x100)).decode(codec, errors="replace"))
    return "".join(sorted(chars))


# A misread piece: GBK gives CJK, no Latin (``[^\x00-\u024f]``); a single-byte code page gives the
# characters of bytes 80-ff (and U+FFFD, a byte Python's cp1252 lost).
_GBK_PIECE = regex.compile(r"[^\x00-\u024f ’]+")
_SINGLE_PIECE = regex.compile("[" + regex.escape(_single_pieces()) + "]+")


def reread_gbk(text: str) -> tuple[str, int]:
    """Annotations whose tone letters are UTF-8 read as GBK, read back; (text, annotations read).

    >>> reread_gbk("中国(zh艒ng gu贸)")
    ('中国(zhōng guó)', 1)
    """
    text, glued = _reread_glued(text)
    if "銆" in text or "锛" in text:
        text, between = _reread_between(text)
        glued += between
    if not _has_bracket(text):
        return text, glued
    text, count = _reread(text, _GBK_PIECE, lambda piece: _gbk_bytes(piece), lost=False,
                          may_read=lambda piece: _may_be_letters(piece))
    return text, count + glued


def _may_be_letters(piece: str) -> bool:
    """Could the GBK piece read as tone letters or zhuyin? Each character one already, or one
    whose GBK bytes are all bytes of their UTF-8 (``_letter_bytes_chars``): a character with
    another byte puts that byte in any reading, which is then no letters. A test of the
    characters alone: a clean page's bracketed Chinese is refused without encoding it."""
    chars = _letter_bytes_chars()
    return all(ch in chars for ch in piece)


@warm_tables.table  # built by the engines' warm-up, not on a worker's first bracket
@lru_cache(maxsize=1)
def _letter_bytes_chars() -> frozenset[str]:
    """The letters themselves, and the characters whose GBK code holds only bytes of the letters'
    UTF-8 (some 3,000: a two-byte code of those bytes, read back to the same code)."""
    letters = set(TONE_MARKS) | {"ü"} | ZHUYIN
    used = sorted({b for ch in letters for b in ch.encode("utf-8")})
    chars = set(letters)
    for lead in used:
        for trail in used:
            code = bytes([lead, trail])
            try:
                ch = code.decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and gbk.encode_char(ch) == code:
                chars.add(ch)
    return frozenset(chars)


# A fullwidth or CJK bracket's three bytes before a letter, read as GBK in step: its first two one
# character (銆 e3 80, 锛 ef bc), its last with the letter another (恎 is 90 67: 【 and g). The
# closing one glues to the character after it the same way (銆戝 is 】 and the lead of 工), which is
# the Han runs' to read: the words end before it.
_GLUED_PAIRS = {"（": "）", "【": "】", "〔": "〕", "〖": "〗", "「": "」", "『": "』", "《": "》", "〈": "〉"}
_GLUED_OPENING = regex.compile(r"([銆锛])([^\x00-\u024f])")
MAX_WORDS = 60


def _reread_glued(text: str) -> tuple[str, int]:
    if "銆" not in text and "锛" not in text:
        return text, 0
    out: list[str] = []
    done = count = 0
    for m in _GLUED_OPENING.finditer(text):
        if m.start() < done:
            continue
        data = _gbk_bytes(m.group())
        if not data or len(data[0]) != 4 or not chr(data[0][3]).isalpha() or not data[0][3] < 0x80:
            continue
        try:
            opening = data[0][:3].decode("utf-8")
        except UnicodeDecodeError:
            continue
        closing = _GLUED_PAIRS.get(opening)
        end = _glued_end(text, m.end(), closing.encode("utf-8")) if closing else None
        if end is None:
            continue
        inside = chr(data[0][3]) + text[m.end() : end]
        # Words with no tone letter misread (Chan Chan, a name) are the Han runs' to read with
        # the bracket: they read an opening glued to a letter themselves.
        read = _read_words(inside, _GBK_PIECE, _gbk_bytes, lost=False) if _GBK_PIECE.search(inside) else None
        if read is None:
            continue
        words = read[0]
        out += [text[done : m.start()], opening, words]
        done = end
        count += 1
    if not count:
        return text, 0
    out.append(text[done:])
    return "".join(out), count


_LETTERS_AFTER_HIGH = regex.compile(r"(?<=[^\x00-\u024f])[a-z]")


def _reread_between(text: str) -> tuple[str, int]:
    """Words between a fullwidth or CJK bracket pair whose bytes the characters beside them hold
    out of step (``滐紙g艒ng zu貌锛変``: 紙 is bc 88, the end of （, and 锛変 hold ） and the
    next lead): the words are read; the brackets are the Han runs' to read."""
    out: list[str] = []
    done = count = 0
    for m in _LETTERS_AFTER_HIGH.finditer(text):
        i = m.start()
        if i < done or i < 2:
            continue
        before = b"".join(gbk.encode_char(ch) or b"\x00" for ch in text[i - 2 : i])
        opening = next((o for o in _GLUED_PAIRS if before.endswith(o.encode("utf-8"))), None)
        if opening is None:
            continue
        end = _glued_end(text, i, _GLUED_PAIRS[opening].encode("utf-8"))
        if end is None or not _GBK_PIECE.search(text, i, end):
            continue
        read = _read_words(text[i:end], _GBK_PIECE, _gbk_bytes, lost=False)
        if read is None:
            continue
        out += [text[done:i], read[0]]
        done = end
        count += 1
    if not count:
        return text, 0
    out.append(text[done:])
    return "".join(out), count


def _glued_end(text: str, start: int, closing: bytes) -> int | None:
    """Where the words after a glued opening end: before the character that holds the closing
    bracket's first two bytes, whose last byte leads the character after it."""
    for k in range(start, min(len(text) - 1, start + MAX_WORDS)):
        ch = text[k]
        if ch == "\n" or (ch.isascii() and not (ch.isalpha() or ch in " '")):
            return None
        if gbk.encode_char(ch) == closing[:2] and (nxt := gbk.encode_char(text[k + 1])) and nxt[0] == closing[2]:
            return k
    return None


def reread_single_byte(text: str) -> tuple[str, int]:
    """The same for UTF-8 read as cp1252/Latin-1/cp1250, whole bytes only (``楷(kÇŽi)``)."""
    if not _has_bracket(text):
        return text, 0
    # Not in []: ] is a byte a two-byte code's trail may be (5d), and the runs read through it,
    # tone letters and all (yuÃ¨]ï¼Œ is yuè]，); read before them, è]ï¼Œ read as 興 and a guess.
    return _reread(text, _SINGLE_PIECE, _single_bytes, lost=False, brackets="(（【")


def lost_letters(text: str, guess: bool = True) -> list[tuple[int, int, str, list[Finding]]]:
    """Annotations whose tone letter lost its trail byte to Python's cp1252 (``该(gÄ�i)``), read
    with the only byte that makes pinyin: (start, end, the words read, a ``lost-byte`` finding a
    letter guessed, at its offset in the words). ``guess=False``: none is read."""
    if not guess or LOST not in text or not _has_bracket(text):
        return []
    spans = []
    for m in _BRACKETED.finditer(text):
        if LOST not in m.group(2) or _CLOSING[m.group(1)] != m.group(3):
            continue
        read = _read_words(m.group(2), _SINGLE_PIECE, _single_bytes, lost=True)
        if read is not None:
            words, guessed = read
            spans.append((m.start(2), m.end(2), words, [holes.guess_finding("lost-byte", at, ch) for at, ch in guessed]))
    return spans


def _has_bracket(text: str) -> bool:
    return any(b in text for b in _CLOSING)


def _reread(text: str, piece: regex.Pattern, encode: Callable[[str], list[bytes]], lost: bool,
            brackets: str = "".join(_CLOSING), may_read: Callable[[str], bool] | None = None) -> tuple[str, int]:
    count = 0

    def bracket(m: regex.Match) -> str:
        nonlocal count
        if _CLOSING[m.group(1)] != m.group(3) or m.group(1) not in brackets:
            return m.group(0)
        read = _read_words(m.group(2), piece, encode, lost, may_read)
        if read is None:
            return m.group(0)
        count += 1
        return m.group(1) + read[0] + m.group(3)

    return _BRACKETED.sub(bracket, text), count


def _read_words(inside: str, piece: regex.Pattern, encode: Callable[[str], list[bytes]],
                lost: bool, may_read: Callable[[str], bool] | None = None) -> tuple[str, list[tuple[int, str]]] | None:
    """``inside`` with each misread piece read as tone letters, if then every word is pinyin and one
    piece at least was read; with the letters read from a lost byte (offset, letter). None otherwise.
    ``may_read``: a test of a piece's characters that every piece read as letters passes (one
    that fails it makes the whole None), asked before any piece is encoded."""
    pieces = list(piece.finditer(inside))
    if not pieces:
        return None
    if any(LOST in p.group() for p in pieces) != lost:
        return None
    if may_read is not None and not all(may_read(p.group()) for p in pieces):
        return None
    options = []
    for p in pieces:
        letters = {r for data in encode(p.group()) if (r := _tone_letters(data)) is not None}
        if _letters_already(p.group()):
            letters.add(p.group())  # read by a repair before (xiàn beside fÄ�): a word's own letters
        if not letters:
            return None
        options.append(sorted(letters))
    if all(opts == [p.group()] for opts, p in zip(options, pieces)):
        return None  # nothing misread
    fits = []
    for choice in product(*options):
        text = _spliced(inside, pieces, choice)
        if _all_pinyin(text):
            fits.append((text, choice))
            if len(fits) > 1:
                return None  # two readings make pinyin: the bytes do not say which
    if not fits:
        return None
    text, choice = fits[0]
    guessed = []
    shift = 0
    for p, letters in zip(pieces, choice):
        if LOST in p.group():
            guessed += [(p.start() + shift + k, ch) for k, ch in enumerate(letters)]
        shift += len(letters) - (p.end() - p.start())
    return text, guessed


def _spliced(inside: str, pieces: list[regex.Match], letters: tuple[str, ...]) -> str:
    out, done = [], 0
    for p, read in zip(pieces, letters):
        out += [inside[done : p.start()], read]
        done = p.end()
    out.append(inside[done:])
    return "".join(out)


def _tone_letters(data: bytes) -> str | None:
    """``data`` as UTF-8, if it reads as tone-marked letters, or as zhuyin (letters and tone marks)."""
    try:
        read = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if read and (all(ch in TONE_MARKS or ch == "ü" for ch in read) or all(ch in ZHUYIN for ch in read)):
        return read
    return None


def _letters_already(piece: str) -> bool:
    return all(ch in TONE_MARKS or ch == "ü" or ch in ZHUYIN for ch in piece)


def _all_pinyin(inside: str) -> bool:
    words = [w for w in _WORD_BREAK.split(inside.strip()) if w]
    return bool(words) and all(_syllables(w.lower()) or zhuyin_syllables(w) for w in words)


# Zhuyin: the letters (U+3105-312F; the last three are dialects') and the tone marks ˉ ˊ ˇ ˋ ˙.
ZHUYIN = frozenset(chr(c) for c in range(0x3105, 0x3130)) | frozenset("ˉˊˇˋ˙")
_ZHUYIN_TONES = "ˉˊˇˋ˙"


@lru_cache(maxsize=4096)
def zhuyin_syllables(word: str) -> bool:
    """Does ``word`` split into zhuyin syllables (ㄍㄨㄛˊ, ˙ㄉㄜ, ㄓㄨㄥㄍㄨㄛˊ), each spelling a reading?"""
    if not word:
        return True
    known = _zhuyin_keys()
    for k in range(min(5, len(word)), 0, -1):
        syllable = word[:k]
        if k < len(word) and word[k] in _ZHUYIN_TONES and syllable[-1] not in _ZHUYIN_TONES:
            continue  # the tone mark after belongs to this syllable
        if zhuyin_key(syllable)[:-1] and (zhuyin_key(syllable) in known or zhuyin_key(syllable)[:-1] + "5" in known
                                           or syllable[0] == "˙") and zhuyin_syllables(word[k:]):
            return True
    return False


@lru_cache(maxsize=1)
def _zhuyin_keys() -> frozenset[str]:
    keys = {pinyin_as_zhuyin(s) for s in all_syllables()}
    return frozenset(k for k in keys if k) | frozenset(k[:-1] + "5" for k in keys if k)


@lru_cache(maxsize=4096)
def _syllables(word: str) -> bool:
    """Does ``word`` split into pinyin syllables, tone-marked or not (``zhōngguó``, ``de``)?"""
    if not word:
        return True
    known = _known_syllables()
    return any(word[:k] in known and _syllables(word[k:]) for k in range(min(MAX_SYLLABLE, len(word)), 0, -1))


@lru_cache(maxsize=1)
def _known_syllables() -> frozenset[str]:
    marked = all_syllables()
    return marked | {toneless(s) for s in marked}


def _gbk_bytes(piece: str) -> list[bytes]:
    data = b"".join(gbk.encode_char(ch) or b"\x00" for ch in piece)
    return [] if b"\x00" in data else [data]


def _single_bytes(piece: str) -> list[bytes]:
    """The bytes a single-byte decoder read as ``piece``: each U+FFFD any of the five bytes
    Python's cp1252 cannot read."""
    known: list[list[bytes]] = []
    for ch in piece:
        if ch == LOST:
            known.append([bytes([b]) for b in CP1252_UNDEFINED])
        else:
            data = decoders.encode_char(ch, decoders.SINGLE_FAMILY)
            if data is None:
                return []
            known.append([data])
    return [b"".join(parts) for parts in product(*known)]
