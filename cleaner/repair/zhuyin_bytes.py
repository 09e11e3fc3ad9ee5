"""Zhuyin annotations misread as GBK, with the bytes a bracket or a space took.

A zhuyin letter (ㄅ-ㄯ, U+3105-312F) is three bytes in UTF-8 (e3 84 85-af) and a tone mark two
(ˊ is cb 8a), so an annotation's bytes are odd in number as often as not: ``(ㄌㄧㄡˊ)`` is
``(`` + 11 bytes + ``)``. A GBK decoder reads them in pairs; the last byte, a lead, meets the ASCII
``)`` (or the space between two syllables), which no GBK pair ends with: one U+FFFD, and the
bracket after it (``(銊屻劎銊∷�)``). A pair GBK leaves unassigned is marked the same way, one byte.
``annotation_letters`` reads whole bytes only; the Han runs' repair reads what is left as Han
(``（！83日）``) or leaves it.

Here the annotation's bytes are read with each U+FFFD one unknown byte: every filling that makes
the words zhuyin syllables is a reading. One reading is taken; among several (a lost tone mark:
ㄌㄧㄡ with ˉ ˊ ˇ or ˋ all spell syllables), the one whose syllables spell readings of the
characters annotated (their bytes before the bracket, read as UTF-8: the text there is mojibake
still; a character whose last byte the bracket took weighed by the model between its neighbours),
taken when it leads the next by GUESS_MARGIN. A letter read from a lost byte is a guess and a
``lost-byte`` finding: with one reading alone it names none other; chosen by the reading, it names
the runner-up and the margin (infinite where no other reading spells a reading at all). An
annotation no reading decides is written with the letters its bytes hold and U+FFFD for the rest
(``(ㄌㄧㄡ�)``): a later pass cannot read it as Han, and no letter is invented. ``guess=False``
writes every guessed letter as U+FFFD.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product
from math import prod
from typing import NamedTuple

import regex

from cleaner.langmodel import model
from cleaner.repair import decoders, holes
from cleaner.repair.annotation_letters import ZHUYIN, zhuyin_syllables
from cleaner.repair.mojibake import GUESS_KIND, MojibakeRepair
from cleaner.repair.pinyin import main_reading, pinyin_as_zhuyin, readings, zhuyin_key, zhuyin_reading

LOST = "\ufffd"
MAX_LOST = 3  # unknown bytes an annotation may hold (each one of 128)
MAX_LOST_WORD = 2  # and one word of it: its fillings are tried every one (128 ** 2)
MAX_READINGS = 256  # combinations of the words' readings looked at
GUESS_MARGIN = 2.0  # log-probability by which the likeliest character's reading must lead the next
# What a character's other readings cost against its commonest: an annotation spells the reading
# the text needs, most often the commonest (隆 lóng, not the lōng of 轰隆).
OTHER_READING = 2.0
MAX_BEFORE = 12  # characters before the bracket read for the characters annotated
# An annotation in ASCII parentheses (a ``]`` is a GBK trail byte: the lead before it takes it):
# misread pieces, spaces and apostrophes, at least one U+FFFD.
_BRACKETED = regex.compile(r"\(([^\x00-\x1f!-&(-/:-@\[-`{-~0-9\n]{2,60})\)")
_WORD = regex.compile(r"[^ '’]+")  # the words of an annotation, between spaces or apostrophes
_HAN = regex.compile(r"\p{Han}")


class Read(NamedTuple):
    start: int  # the annotation's words in the text
    end: int
    words: str  # as read; U+FFFD where no letter was decided
    guesses: list[tuple[int, holes.Choice]]  # (offset in ``words``, the letter read from a lost byte)


def read(text: str) -> list[Read]:
    """The zhuyin annotations of ``text`` holding a lost byte, read as far as their bytes allow."""
    if LOST not in text or "(" not in text:
        return []
    out = []
    for m in _BRACKETED.finditer(text):
        inside = m.group(1)
        if LOST not in inside or not any(ch > "\u024f" and ch != LOST for ch in inside):
            continue
        found = _read(inside, _chars_before(text, m.start()), _char_after(text, m.end(1)))
        if found is not None:
            out.append(Read(m.start(1), m.end(1), *found))
    return out


def repair(text: str, guess: bool = True) -> MojibakeRepair:
    """``text`` with its zhuyin annotations read, a ``lost-byte`` finding for each letter read
    from a lost byte (at its offset in the text returned). ``guess=False``: the readings are
    chosen as with guessing on, then each guessed letter is written as U+FFFD."""
    reads = read(text)
    if not reads:
        return MojibakeRepair(text, 0, [])
    pieces: list[str] = []
    findings = []
    done = length = 0
    for r in reads:
        pieces.append(text[done : r.start])
        length += r.start - done
        words = r.words
        if not guess:
            guessed_at = {at for at, _ in r.guesses}
            words = "".join(LOST if k in guessed_at else ch for k, ch in enumerate(words))
        findings += [holes.guess_finding(GUESS_KIND, length + at, c.char, c.alternative, c.margin) for at, c in r.guesses]
        pieces.append(words)
        length += len(words)
        done = r.end
    pieces.append(text[done:])
    return MojibakeRepair("".join(pieces), len(reads), findings)


def _read(inside: str, before: list[set[str]], after: str) -> tuple[str, list[tuple[int, holes.Choice]]] | None:
    words = [(m.start(), m.group()) for m in _WORD.finditer(inside)]
    options: list[list[str]] = []
    lost = 0
    for _, word in words:
        data = _bytes(word)
        if data is None:
            return None
        lost += data.count(None)
        if lost > MAX_LOST or data.count(None) > MAX_LOST_WORD:
            return None
        options.append(_fillings(data))
    if not lost or not all(options):
        return None  # whole bytes are annotation_letters' to read; a word no filling makes zhuyin is no zhuyin
    combos = list(product(*options)) if prod(len(o) for o in options) <= MAX_READINGS else []
    if not combos:
        return None
    chosen = (combos[0], None, float("inf")) if len(combos) == 1 else _by_reading(combos, before, after)
    if chosen is None:
        return _partial(inside, words), []
    return _spliced(inside, words, *chosen)


def _bytes(word: str) -> list[int | None] | None:
    """The bytes a GBK decoder read as ``word``, None for each U+FFFD; None if a character is no
    GBK decoder's."""
    out: list[int | None] = []
    for ch in word:
        if ch == LOST:
            out.append(None)
            continue
        data = decoders.encode_char(ch, decoders.GBK_FAMILY)
        if data is None or len(data) != 2:
            return None  # ASCII inside a word: a zhuyin word has none
        out += list(data)
    return out


def _fillings(data: list[int | None]) -> list[str]:
    """Every reading of ``data`` as UTF-8 zhuyin syllables, each unknown byte any high byte."""
    return [word for word in _utf8_readings(data, range(0x80, 0x100)) if all(ch in ZHUYIN for ch in word) and zhuyin_syllables(word)]


def _utf8_readings(data: list[int | None], values: range) -> Iterator[str]:
    """Every strict UTF-8 reading of ``data``, each unknown byte any of ``values``."""
    slots = [k for k, b in enumerate(data) if b is None]
    for filling in product(values, repeat=len(slots)):
        filled = list(data)
        for k, v in zip(slots, filling):
            filled[k] = v
        try:
            yield bytes(filled).decode("utf-8")  # type: ignore[arg-type]
        except UnicodeDecodeError:
            continue


Chosen = tuple[tuple[str, ...], tuple[str, ...] | None, float]  # a reading, its runner-up, the margin


def _by_reading(combos: list[tuple[str, ...]], before: list[set[str]], after: str) -> Chosen | None:
    """The reading whose syllables spell readings of the characters annotated, if one does.

    A syllable spells a reading by its tone (``ˊ`` on 流 liú); the neutral tone's ``˙``, which any
    syllable takes unstressed, only where no toned one spells. A character whose last byte the
    bracket took is any its known bytes allow: each reading is weighed by the likeliest character
    it spells (between the characters before it and after the annotation), and taken when it leads
    the next by GUESS_MARGIN.
    (the reading, the runner-up, the margin: infinite where no other reading spells one).
    """
    if not before:
        return None
    for neutral in (False, True):
        scored = [(score, c) for c in combos if (score := _spelled(c, before, after, neutral)) is not None]
        if scored:
            break
    else:
        return None
    scored.sort(key=lambda sc: -sc[0])
    if len(scored) == 1:  # the runner-up: another reading the bytes allow, which no character spells
        runner = next(c for c in combos if c != scored[0][1])
        return scored[0][1], runner, float("inf")
    margin = scored[0][0] - scored[1][0]
    return (scored[0][1], scored[1][1], margin) if margin >= GUESS_MARGIN else None


def _spelled(words: tuple[str, ...], before: list[set[str]], after: str, neutral: bool) -> float | None:
    """How likely the characters are that ``words`` spell, read from the end of ``before`` (0 where
    each is known and read its commonest way; ``after``: the character after the annotation); None
    if they spell none."""
    syllables = [s for w in words for s in _split(w)]
    if len(syllables) > len(before):
        return None
    at = len(before) - len(syllables)
    score = 0.0
    lm = model()
    for k, syllable in enumerate(syllables):
        options = before[at + k]
        chars = [ch for ch in options if _reads(ch, syllable, neutral)]
        if not chars:
            return None
        prev = next(iter(before[at + k - 1])) if at + k and len(before[at + k - 1]) == 1 else ""
        nxt = after if at + k == len(before) - 1 else ""

        def weight(ch: str) -> float:
            other = 0.0 if _reads(ch, syllable, neutral, main=True) else OTHER_READING
            if len(options) == 1:
                return -other
            return (lm.bigram(prev, ch) if prev else lm.unigram(ch)) + (lm.bigram(ch, nxt) if nxt else 0.0) - other

        score += max(weight(ch) for ch in chars)
    return score


def _reads(ch: str, syllable: str, neutral: bool, main: bool = False) -> bool:
    """Does ``syllable`` spell a reading of ``ch`` (``main``: its commonest)?"""
    if neutral:
        read = zhuyin_reading(ch, syllable)
        return bool(read) and (not main or read == main_reading(ch))
    key = zhuyin_key(syllable)
    return any(pinyin_as_zhuyin(r) == key for r in ((main_reading(ch),) if main else readings(ch)))


def _split(word: str) -> list[str]:
    """``word`` cut into zhuyin syllables (the first cut ``zhuyin_syllables`` accepts)."""
    for k in range(min(5, len(word)), 0, -1):
        head, rest = word[:k], word[k:]
        if rest and rest[0] in "ˉˊˇˋ˙" and head[-1] not in "ˉˊˇˋ˙":
            continue
        if zhuyin_syllables(head) and zhuyin_syllables(rest):
            return [head] + (_split(rest) if rest else [])
    return [word]


def _spliced(inside: str, words: list[tuple[int, str]], chosen: tuple[str, ...], runner: tuple[str, ...] | None,
             margin: float) -> tuple[str, list[tuple[int, holes.Choice]]]:
    out, guesses = [], []
    done = length = 0
    for k, ((at, word), read) in enumerate(zip(words, chosen)):
        out.append(inside[done:at])
        length += at - done
        # A letter whose bytes hold a lost one is a guess; its runner-up, the letter the
        # runner-up reading writes there.
        other = runner[k] if runner else ""
        for j, ch in enumerate(read):
            if _from_lost(word, read, j):
                rival = other[j] if len(other) == len(read) and other[j] != ch else ""
                choice = holes.Choice(ch, 0, True, rival, margin) if rival else holes.Choice(ch, 0, True)
                guesses.append((length + j, choice))
        out.append(read)
        length += len(read)
        done = at + len(word)
    out.append(inside[done:])
    return "".join(out), guesses


def _from_lost(word: str, read: str, j: int) -> bool:
    """Is the ``j``-th letter of ``read`` one a lost byte of ``word`` was part of? (Letters are
    read in order: the k-th character of ``read`` takes the UTF-8 bytes after the k-1 before.)"""
    data = _bytes(word) or []
    at = sum(len(ch.encode("utf-8")) for ch in read[:j])
    return any(b is None for b in data[at : at + len(read[j].encode("utf-8"))])


def _partial(inside: str, words: list[tuple[int, str]]) -> str:
    """The annotation with the letters its bytes hold for sure and U+FFFD for each one they do not."""
    out = []
    done = 0
    for at, word in words:
        out.append(inside[done:at])
        out.append(_sure_letters(word))
        done = at + len(word)
    out.append(inside[done:])
    return "".join(out)


def _sure_letters(word: str) -> str:
    data = _bytes(word) or []
    out = []
    k = 0
    while k < len(data):
        size = 3 if data[k] == 0xE3 else 2 if data[k] == 0xCB else 1
        chunk = data[k : k + size]
        if None in chunk or len(chunk) < size:
            out.append(LOST)
        else:
            try:
                out.append(bytes(chunk).decode("utf-8"))  # type: ignore[arg-type]
            except UnicodeDecodeError:
                out.append(LOST)
        k += size
    return "".join(out)


def _chars_before(text: str, at: int) -> list[set[str]]:
    """The characters the text before ``at`` holds, last ones first decided: each a set of the
    characters it may be (one where its bytes are known; those a lost last byte allows). The
    text there is UTF-8 read as GBK still, or already read (the Han runs' repair came first)."""
    k = at
    while k > 0 and at - k < MAX_BEFORE and _gbk_read(text[k - 1]):
        k -= 1
    run = text[k:at]
    if not run:
        return []
    data: list[int | None] = []
    for ch in run:
        if ch == LOST:
            data.append(None)
        else:
            data += list(decoders.encode_char(ch, decoders.GBK_FAMILY) or b"")
    read = _utf8_tail(data)
    if read:
        return read
    return [{ch} for ch in run if _HAN.match(ch)]  # text read already, or clean


def _char_after(text: str, at: int) -> str:
    """The character after an annotation ending at ``at`` (the ``)``), read as UTF-8 from the GBK
    bytes after it (in step: the bracket is ASCII); "" where it does not read."""
    k = at + 1
    data = b""
    while k < len(text) and len(data) < 4 and text[k] != LOST and text[k] > "\x7f":
        data += decoders.encode_char(text[k], decoders.GBK_FAMILY) or b"\xff"
        k += 1
    for size in (3, 2, 4):
        try:
            ch = data[:size].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return ch if len(ch) == 1 else ""
    return text[at + 1 : at + 2] if _HAN.match(text, at + 1) else ""


def _gbk_read(ch: str) -> bool:
    return ch == LOST or (ch > "\x7f" and decoders.encode_char(ch, decoders.GBK_FAMILY) is not None)


def _utf8_tail(data: list[int | None]) -> list[set[str]]:
    """The characters at the end of ``data`` read as UTF-8, back to the first byte that does not
    read (a last character whose last byte is unknown: every Han character it may be)."""
    out: list[set[str]] = []
    end = len(data)
    while end > 0:
        for size in (3, 4, 2):
            chunk = data[max(0, end - size) : end]
            if len(chunk) < size:
                continue
            chars = _utf8_options(chunk)
            if chars:
                out.append(chars)
                end -= size
                break
        else:
            break
    return out[::-1]


def _utf8_options(chunk: list[int | None]) -> set[str]:
    """The Han characters ``chunk`` may be in UTF-8, each unknown byte (after the first) any
    continuation byte: a lost byte is one a GBK decoder marked (a lead before ``(``, or both
    bytes of a pair in GBK's user-defined area, aa-af: 学 is e5 ad a6)."""
    if chunk[0] is None or chunk.count(None) > 2:
        return set()
    return {ch for ch in _utf8_readings(chunk, range(0x80, 0xC0)) if _HAN.match(ch)}
