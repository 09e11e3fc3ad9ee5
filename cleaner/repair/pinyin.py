"""Tone-marked pinyin: recognise a syllable and tell which characters read it.

Readings come from ``pypinyin``'s character table (MIT licence, shipped in its wheel).
"""

from __future__ import annotations

import json
import os
import unicodedata
from functools import lru_cache
from importlib.util import find_spec

import regex

from cleaner import warm_tables
from cleaner.script.fold import fold_char

# Letters a tone-marked syllable is made of; all of them exist in GBK (a8 a1..a8 c0).
SYLLABLE = regex.compile(r"[a-zü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec"
                         r"\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u00ea"
                         r"\u0144\u0148\u01f9\u1e3f]{1,7}")
TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """pypinyin's character table, {code point: "reading,reading"}, in its file's order.

    Read from the wheel's ``pinyin_dict.json`` as ``pypinyin.pinyin_dict`` reads it, without
    importing the package: its ``__init__`` also loads the 2.5 MB phrase table, which took 0.3-0.8 s
    of every process that met a parenthesis (issue 17) and which nothing here needs.
    """
    path = _table_path()
    if not path:  # another layout of the wheel: its own module reads it
        from pypinyin.pinyin_dict import pinyin_dict

        return pinyin_dict
    return _kept("pinyintable", lambda: _read_table(path))


def _read_table(path: str) -> dict[int, str]:
    with open(path, encoding="utf-8") as fh:
        return {int(code): value for code, value in json.load(fh).items()}


@lru_cache(maxsize=1)
def _table_path() -> str:
    spec = find_spec("pypinyin")
    path = os.path.join(os.path.dirname(spec.origin), "pinyin_dict.json") if spec and spec.origin else ""
    return path if os.path.exists(path) else ""


def _kept(name: str, build):
    """``build()``, kept on disk with the other tables when the wheel's table file is there: the
    table and its indexes took 0.2 s of CPU in every process, on its first page with a
    parenthesis (issue 17)."""
    from cleaner.tablecache import cached

    path = _table_path()
    return cached(name, [path, __file__], "1", build) if path else build()


@lru_cache(maxsize=65536)
def readings(ch: str) -> frozenset[str]:
    """All tone-marked readings of a character (empty for non-Han)."""
    raw = _table().get(ord(ch))
    return frozenset(raw.split(",")) if raw else frozenset()


@lru_cache(maxsize=65536)  # asked of every character a page's annotations read
def main_reading(ch: str) -> str:
    """The character's first reading in the table, its commonest (个 gè of gè, gě, gàn; "" for non-Han)."""
    raw = _table().get(ord(ch))
    return raw.split(",", 1)[0] if raw else ""


def has_tone(s: str) -> bool:
    return not TONE_MARKS.isdisjoint(s)  # at C speed: asked of every annotation a page holds


def reads_as(ch: str, syllable: str) -> bool:
    """True when ``ch`` has ``syllable`` among its readings."""
    return syllable in readings(ch)


@warm_tables.table
@lru_cache(maxsize=1)
def _by_reading() -> dict[str, tuple[str, ...]]:
    return _kept("pinyinbyreading", _build_by_reading)


def _build_by_reading() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for code, raw in _table().items():
        for syllable in raw.split(","):
            index.setdefault(syllable, []).append(chr(code))
    return {k: tuple(v) for k, v in index.items()}


def chars_reading(syllable: str) -> tuple[str, ...]:
    """Every character with ``syllable`` among its readings (built once from the table)."""
    return _by_reading().get(syllable, ())


def is_annotation_syllable(s: str) -> bool:
    return s in all_syllables()


def annotates(ch: str | None, syllable: str) -> bool:
    """Could ``(syllable)`` after ``ch`` be the damage's annotation of ``ch``?

    The damage annotated Traditional characters only, with tone-marked pinyin; toneless readings
    (neutral tone) are accepted only on characters that differ from their Simplified form.
    """
    if ch is None or not reads_as(ch, syllable):
        return False
    return has_tone(syllable) or fold_char(ch) != ch


@lru_cache(maxsize=1)
def all_syllables() -> frozenset[str]:
    return _kept("pinyinsyllables", lambda: frozenset(r for v in _table().values() for r in v.split(",")))


# Written forms of a reading: tone marks (guó), a tone number (guo2, lv4), lower case without tone
# (guo), zhuyin (ㄍㄨㄛˊ). Each answer is the tone-marked reading of the table it names, or "".
_MARKED = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


@lru_cache(maxsize=1 << 14)
def written_reading(ch: str, written: str) -> str:
    """Which of ``ch``'s readings does ``written`` spell (any case; tone marks, a tone number, or
    lower-case without tone: a capitalised toneless word is a romanised name, 李 (Li), and reads
    nothing)? "" when none.

    >>> written_reading("國", "guo2"), written_reading("國", "Guó"), written_reading("李", "Li")
    ('guó', 'guó', '')
    """
    written = unicodedata.normalize("NFKC", written)  # ｇｕó: the width fix would make it guó
    if written.lower() in readings(ch) and (written.islower() or has_tone(written)):
        return written.lower()  # as the table writes it (嗯 ń, ḿ: no vowel to carry a mark)
    if written[-1] in "05":  # the neutral tone: any reading's syllable, unstressed (这个 ge5, 尾巴 ba5)
        return _neutral(ch, written[:-1].lower().replace("v", "ü"))
    if written[-1].isdigit():
        syllable = with_tone_mark(written[:-1].lower().replace("v", "ü"), int(written[-1]))
    elif any(c in "".join(_MARKED.values()) for c in written.lower()):
        syllable = written.lower()
    elif written.islower():
        return _neutral(ch, written)
    else:
        return ""
    return syllable if syllable in readings(ch) else ""


def _neutral(ch: str, base: str) -> str:
    """The reading of ``ch`` whose syllable is ``base`` without its tone ("" when none): a
    toneless spelling, or the neutral tone, which any syllable takes unstressed in a word."""
    return next((r for r in sorted(readings(ch)) if toneless(r) == base), "")


def with_tone_mark(base: str, tone: int) -> str:
    """``guo``, 2 -> ``guó``: the mark goes on a or e, on the o of ou, else on the last vowel."""
    if not 1 <= tone <= 4:
        return base  # 0 or 5: the neutral tone, written without a mark
    vowels = [i for i, c in enumerate(base) if c in _MARKED]
    if not vowels:
        return base
    at = next((i for i, c in enumerate(base) if c in "ae"), None)
    if at is None:
        at = base.find("ou") if "ou" in base else vowels[-1]
    return base[:at] + _MARKED[base[at]][tone - 1] + base[at + 1:]


def toneless(syllable: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c) or c == "\u0308").replace("u\u0308", "ü")


@lru_cache(maxsize=1 << 12)
def zhuyin_reading(ch: str, written: str) -> str:
    """Which of ``ch``'s readings does the zhuyin ``written`` (ㄍㄨㄛˊ) spell? "" when none."""
    key = zhuyin_key(written)
    if key.endswith("5"):  # the neutral tone: any reading's syllable, unstressed (這個 ˙ㄍㄜ)
        return next((r for r in sorted(readings(ch)) if pinyin_as_zhuyin(r)[:-1] == key[:-1]), "")
    return next((r for r in sorted(readings(ch)) if pinyin_as_zhuyin(r) == key), "")


def zhuyin_key(written: str) -> str:
    """Zhuyin with its tone as a trailing digit: ㄍㄨㄛˊ -> ㄍㄨㄛ2, ˙ㄉㄜ -> ㄉㄜ5, ㄧ and ㄧˉ -> ㄧ1."""
    tone = 1
    for mark, t in (("ˉ", 1), ("ˊ", 2), ("ˇ", 3), ("ˋ", 4), ("˙", 5)):
        if mark in written:
            tone = t
    return "".join(c for c in written if c not in "ˉˊˇˋ˙") + str(tone)


_INITIALS = {"zh": "ㄓ", "ch": "ㄔ", "sh": "ㄕ", "b": "ㄅ", "p": "ㄆ", "m": "ㄇ", "f": "ㄈ", "d": "ㄉ", "t": "ㄊ",
             "n": "ㄋ", "l": "ㄌ", "g": "ㄍ", "k": "ㄎ", "h": "ㄏ", "j": "ㄐ", "q": "ㄑ", "x": "ㄒ", "r": "ㄖ",
             "z": "ㄗ", "c": "ㄘ", "s": "ㄙ"}
_FINALS = {"a": "ㄚ", "o": "ㄛ", "e": "ㄜ", "ê": "ㄝ", "ai": "ㄞ", "ei": "ㄟ", "ao": "ㄠ", "ou": "ㄡ", "an": "ㄢ",
           "en": "ㄣ", "ang": "ㄤ", "eng": "ㄥ", "ong": "ㄨㄥ", "er": "ㄦ", "i": "ㄧ", "ia": "ㄧㄚ", "ie": "ㄧㄝ",
           "iao": "ㄧㄠ", "iu": "ㄧㄡ", "ian": "ㄧㄢ", "in": "ㄧㄣ", "iang": "ㄧㄤ", "ing": "ㄧㄥ", "iong": "ㄩㄥ",
           "u": "ㄨ", "ua": "ㄨㄚ", "uo": "ㄨㄛ", "uai": "ㄨㄞ", "ui": "ㄨㄟ", "uan": "ㄨㄢ", "un": "ㄨㄣ",
           "uang": "ㄨㄤ", "ü": "ㄩ", "üe": "ㄩㄝ", "üan": "ㄩㄢ", "ün": "ㄩㄣ"}
# y and w write a syllable without an initial (yi = i, wu = u, yu = ü).
_ZERO_INITIAL = {"yi": "i", "ya": "ia", "ye": "ie", "yao": "iao", "you": "iu", "yan": "ian", "yin": "in",
                 "yang": "iang", "ying": "ing", "yong": "iong", "yu": "ü", "yue": "üe", "yuan": "üan", "yun": "ün",
                 "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai", "wei": "ui", "wan": "uan", "wen": "un",
                 "wang": "uang", "weng": "ong"}


@lru_cache(maxsize=1 << 12)
def pinyin_as_zhuyin(syllable: str) -> str:
    """A tone-marked pinyin syllable in zhuyin, tone as a digit: guó -> ㄍㄨㄛ2, zhī -> ㄓ1, jù -> ㄐㄩ4
    ("" for the few that have no zhuyin spelling here: m, ng, hm)."""
    tone = 5
    base = []
    for c in unicodedata.normalize("NFD", syllable):
        if c in "\u0304\u0301\u030c\u0300":
            tone = "\u0304\u0301\u030c\u0300".index(c) + 1
        else:
            base.append(c)
    plain = unicodedata.normalize("NFC", "".join(base))
    plain = _ZERO_INITIAL.get(plain, plain)
    initial = next((i for i in _INITIALS if plain.startswith(i) and plain != i), "")
    final = plain[len(initial):]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]  # ju, que, xuan: the u of j q x is ü
    if initial in ("zh", "ch", "sh", "r", "z", "c", "s") and final == "i":
        return _INITIALS[initial] + str(tone)  # zhi, ci, si: the initial alone
    if final not in _FINALS:
        return ""
    return _INITIALS.get(initial, "") + _FINALS[final] + str(tone)


@lru_cache(maxsize=1)
def _pinyin_by_zhuyin() -> dict[str, str]:
    out: dict[str, str] = {}
    for syllable in sorted(all_syllables()):
        key = pinyin_as_zhuyin(syllable)
        if key and not key.endswith("5"):
            out.setdefault(key, syllable)
    return out


def zhuyin_as_pinyin(written: str) -> str:
    """The tone-marked pinyin syllable a zhuyin syllable spells (ㄌㄧㄡˊ -> liú; "" for none, and
    for the neutral tone, which any syllable takes)."""
    return _pinyin_by_zhuyin().get(zhuyin_key(written), "")
