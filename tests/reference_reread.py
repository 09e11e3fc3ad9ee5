"""Reference oracle for the native re-read (native/src/reread.rs), kept from cleaner/repair/reread.py.

The Python original, unchanged but for where it takes the model and the rejected pairs from (the
reference twins), so that property tests can check that the native reader gives the same
candidates in the same order. Not part of the product.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from reference_decoders import rejects
from reference_holes import SPAN_PUNCT
from reference_langmodel import model

from cleaner.chardata import HAN
from cleaner.repair.decoders import GBK_FAMILY
from cleaner.repair.pinyin import TONE_MARKS
from cleaner.script.fold import fold_char

CONT = range(0x80, 0xC0)
# The Python codec each source is read with (GB18030 holds all of GBK, cp950 all of Big5):
# decoders.PAIR_CODECS.
SOURCE_CODEC = {"utf-8": "utf-8", "gbk": "gb18030", "big5": "cp950"}
MAX_CANDIDATES = 128  # native/src/reread.rs says why


def _acceptable(ch: str, source: str = "utf-8") -> bool:
    """A character a misread Chinese span may hold: Han, Chinese and fullwidth punctuation and
    signs (「」『』【】, ～, fullwidth digits), and the pinyin tone-marked letters."""
    return bool(HAN.match(ch)) or ch in SPAN_PUNCT or ch in TONE_MARKS or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" \
        or "\u2010" <= ch <= "\u2027" or (source == "utf-8" and (ch in symbols() or "\ue000" <= ch <= "\ue765"))


# With the fullwidth yen sign of prices alone of its block (reread.rs SYMBOLS says why).
SYMBOL_RANGES = (("\u2030", "\u203b"), ("\u2100", "\u22ff"), ("\u2460", "\u24ff"), ("\u2500", "\u25ff"), ("\u2600", "\u266f"),
                 ("\uffe5", "\uffe5"))


def symbols() -> frozenset[str]:
    """Signs Chinese pages use (reread.rs SYMBOLS): those of SYMBOL_RANGES that GBK encodes; a
    UTF-8 reading only may give them."""
    out = set()
    for a, b in SYMBOL_RANGES:
        for code in range(ord(a), ord(b) + 1):
            try:
                chr(code).encode("gbk")
            except UnicodeEncodeError:
                continue
            out.add(chr(code))
    return frozenset(out)


def _shapes(window: tuple, source: str, family: str, ignore: bool) -> list[tuple[int, tuple]]:
    """(view items consumed, byte pattern) of each way a character can start the window.

    A pattern holds a known byte or None (unknown: under a U+FFFD, or dropped, which only
    ``ignore`` allows). Several patterns when bytes may have been dropped.
    """
    first = window[0]
    second = window[1] if len(window) > 1 else None
    if first is not None and first < 0x80:
        return [(1, (first,))]
    if source != "utf-8":
        return [(2, (first, second))] if len(window) > 1 else []
    if first is None:
        if second is not None and second in CONT:
            return [(3, tuple(window[:3]))] if len(window) >= 3 else [(2, (None, second, None))] if ignore else []
        return []
    if 0xC2 <= first <= 0xDF:
        return [(2, (first, second))] if len(window) > 1 else []
    if 0xE0 <= first <= 0xEF:
        if not ignore:
            return [(3, tuple(window[:3]))] if len(window) >= 3 else []
        known = 0
        while known < 2 and 1 + known < len(window) and window[1 + known] is not None and window[1 + known] in CONT:
            known += 1
        if _pair_cut(window, source, family, ignore):  # read whole, or cut before a pair dropped whole
            return [(3, tuple(window[:3])), (2, (first, window[1], None))]
        if known == 2 or (len(window) >= 3 and None in window[1:3]):
            return [(3, tuple(window[:3]))]
        if known == 1:  # one continuation byte went: either one
            return [(2, (first, None, window[1])), (2, (first, window[1], None))]
        return [(1, (first, None, None))]
    if ignore and first in CONT:  # the lead byte went
        if second is not None and second in CONT:
            return [(2, (None, first, second))]
        return [(1, (None, first, None)), (1, (None, None, first))]
    return []


def _pair_cut(window: tuple, source: str, family: str, ignore: bool) -> bool:
    """A lead and two continuation bytes, then a continuation byte no lead is left for (ignore).

    A decoder that drops a pair it cannot read whole (glibc's iconv -c: UTF-8 个中, e4 b8 aa e4
    b8 ad, loses ``aa e4``, the last byte of one character and the lead of the next) leaves this;
    read whole, the first character takes a byte of the next (e4 b8 b8, 丸) and orphans the rest.
    Only GBK-family views: single-byte decoders drop bytes one by one, Big5 ones (Python's,
    glibc's BIG5) a rejected lead alone.
    """
    return (ignore and source == "utf-8" and family == GBK_FAMILY and len(window) == 4 and window[0] is not None and 0xE0 <= window[0] <= 0xEF
            and all(b is not None and b in CONT for b in window[1:]))


@lru_cache(maxsize=None)
def _dropped_after(family: str) -> frozenset[int]:
    """Bytes a decoder of ``family`` can drop together with a continuation byte before them (the
    decoder that drops pairs, glibc's, reads a lone 80 as €: no pair starts with it)."""
    return frozenset(b for b in range(0x40, 0x100) if any(rejects(family, x, b) for x in CONT if x != 0x80))  # 80 is €


@lru_cache(maxsize=None)
def _drops_before(family: str) -> frozenset[int]:
    """Continuation bytes a decoder of ``family`` can drop together with a UTF-8 lead after them."""
    return frozenset(x for x in CONT if x != 0x80 and any(rejects(family, x, lead) for lead in range(0xE0, 0xF0)))


# How the stream's decoder dropped bytes (``ignore``): one by one (Python's codecs), or in pairs
# (glibc iconv; the stream shows a ``_pair_cut``), and then whether the character before lost its
# last byte with a pair, so that this one's lead may have gone with it.
# CUT: the cut shape itself (``_pair_cut``), whose last byte went with the next character's lead.
ONE_BY_ONE, PAIRS, AFTER_LOST, CUT = 0, 1, 2, 3


def _may_be_lost(family: str, data: bytes, pos: int, after: int | None, unknown: list[int], pairs: int) -> bool:
    """May ``data[pos]`` be a byte the decoder rejected? Before the byte after it (Python's codecs
    drop a rejected lead alone), or with the rejected byte before it (glibc iconv drops the pair):
    in the same character, or the last byte of the character before (``AFTER_LOST``), where the
    stream shows pairs dropped."""
    if pairs == CUT and pos == len(data) - 1:
        return data[pos] in _drops_before(family)  # the byte after it is the next lead, lost with it
    # A decoder that drops pairs (glibc) reads a lone 80 as €: it is lost only with a lead.
    if not (pairs != ONE_BY_ONE and data[pos] == 0x80) and rejects(family, data[pos], data[pos + 1] if pos < len(data) - 1 else after):
        return True
    if pos == 0:
        return pairs == AFTER_LOST and data[0] in _dropped_after(family)
    return pairs != ONE_BY_ONE and pos - 1 in unknown and rejects(family, data[pos - 1], data[pos])


@lru_cache(maxsize=None)
def _table(source: str, width: int) -> dict[tuple[int, int], list[tuple[bytes, str]]]:
    """Every acceptable character of ``source`` that is ``width`` bytes, by (position, byte)."""
    codec = SOURCE_CODEC[source]
    if source == "utf-8":
        leads = range(0xE0, 0xF0) if width == 3 else range(0xC2, 0xE0)
        codes = (bytes((a, *rest)) for a in leads for rest in product(CONT, repeat=width - 1))
    else:
        codes = (bytes((a, b)) for a in range(0x81, 0xFF) for b in range(0x40, 0xFF))
    index: dict[tuple[int, int], list[tuple[bytes, str]]] = {}
    for data in codes:
        try:
            ch = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and _acceptable(ch, source):
            for pos, b in enumerate(data):
                index.setdefault((pos, b), []).append((data, ch))
            index.setdefault((-1, -1), []).append((data, ch))  # every one, for a fully unknown code
    # Likeliest first, so a lookup stops at the first MAX_CANDIDATES that fit.
    unigram = model().unigram
    for entries in index.values():
        entries.sort(key=lambda e: unigram(fold_char(e[1])), reverse=True)
    return index


@lru_cache(maxsize=1 << 16)
def _exact(source: str, data: bytes) -> str | None:
    try:
        ch = data.decode(SOURCE_CODEC[source])
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 and _acceptable(ch, source) else None


def _matches(pattern: tuple, after: int | None, source: str, family: str, pairs: int = ONE_BY_ONE) -> list[str]:
    """The characters whose bytes fit ``pattern``; an unknown byte must be one the family rejects."""
    if len(pattern) == 1:
        return [chr(pattern[0])]
    if None not in pattern:  # all bytes known: one lookup
        ch = _exact(source, bytes(pattern))
        return [ch] if ch else []
    index = _table(source, len(pattern))
    known = [(pos, b) for pos, b in enumerate(pattern) if b is not None]
    if not known and len(pattern) > 2:
        return []  # three unknown UTF-8 bytes: anything
    pool = min((index.get(k, []) for k in known), key=len) if known else index.get((-1, -1), [])
    unknown = [pos for pos, b in enumerate(pattern) if b is None]
    out = []
    for data, ch in pool:  # likeliest first
        if all(data[pos] == b for pos, b in known) and all(
                _may_be_lost(family, data, pos, after, unknown, pairs) for pos in unknown):
            out.append(ch)
            if len(out) >= MAX_CANDIDATES:
                break
    return out


@lru_cache(maxsize=1 << 16)
def _candidates(source: str, family: str, ignore: bool, window: tuple, pairs: int = ONE_BY_ONE) -> tuple[int, list[str]] | None:
    """(view items consumed, characters) of the character starting a 4-item window, or None.
    ``pairs``: how the stream's decoder dropped bytes."""
    by_consumed: dict[int, dict[str, None]] = {}
    for consumed, pattern in _shapes(window, source, family, ignore):
        after = window[consumed] if consumed < len(window) else None
        cut = consumed == 2 and _pair_cut(window, source, family, ignore)
        for ch in _matches(pattern, after, source, family, CUT if cut else pairs):
            by_consumed.setdefault(consumed, {})[ch] = None
    if not by_consumed:
        return None
    # The reading that keeps the most of the view's bytes; before an orphaned continuation byte,
    # the cut one (the orphan is the next character's, whose lead went with this one's last byte).
    consumed = 2 if _pair_cut(window, source, family, ignore) and 2 in by_consumed else max(by_consumed)
    cands = list(by_consumed[consumed])
    if len(cands) > MAX_CANDIDATES:
        unigram = model().unigram
        cands = sorted(cands, key=lambda c: unigram(fold_char(c)), reverse=True)[:MAX_CANDIDATES]
    return consumed, cands


def read(stream: list, source: str, family: str, ignore: bool = False) -> tuple[list[list], bool]:
    """[character, end offset in the view, candidates] per character ``stream`` reads as in ``source``.

    As far as it reads; the flag says whether it read the whole stream. ``holes.choose`` picks.
    """
    chosen: list[list] = []
    i, n = 0, len(stream)
    # Pairs dropped whole show as a cut somewhere in the stream (Python's codecs never leave one in
    # a two-byte view: a lead before a continuation byte is always a pair there).
    in_pairs = any(_pair_cut(tuple(stream[at : at + 4]), source, family, ignore) for at in range(n))
    pairs = PAIRS if in_pairs else ONE_BY_ONE
    while i < n:
        window = tuple(stream[i : i + 4])
        found = _candidates(source, family, ignore, window, pairs)
        if found is None:
            break
        consumed, cands = found
        chosen.append([cands[0], i + consumed, cands])
        i += consumed
        if in_pairs:
            pairs = AFTER_LOST if consumed == 2 and _pair_cut(window, source, family, ignore) else PAIRS
    if i < n and i and stream[i - 1] is None:
        # Ends in an unknown byte whose successor belongs to another reading: read it alone.
        return read(stream[:i], source, family, ignore)[0], False
    return chosen, i == n
