"""Tone-marked pinyin: recognise a syllable and tell which characters read it.

Readings come from ``pypinyin``'s character table (MIT licence, shipped in its wheel).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib.util import find_spec

import regex

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


def has_tone(s: str) -> bool:
    return any(c in TONE_MARKS for c in s)


def reads_as(ch: str, syllable: str) -> bool:
    """True when ``ch`` has ``syllable`` among its readings."""
    return syllable in readings(ch)


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
    return s in _all_syllables()


def annotates(ch: str | None, syllable: str) -> bool:
    """Could ``(syllable)`` after ``ch`` be the damage's annotation of ``ch``?

    The damage annotated Traditional characters only, with tone-marked pinyin; toneless readings
    (neutral tone) are accepted only on characters that differ from their Simplified form.
    """
    if ch is None or not reads_as(ch, syllable):
        return False
    return has_tone(syllable) or fold_char(ch) != ch


@lru_cache(maxsize=1)
def _all_syllables() -> frozenset[str]:
    return _kept("pinyinsyllables", lambda: frozenset(r for v in _table().values() for r in v.split(",")))
