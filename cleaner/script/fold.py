"""The script-neutral fold (Traditional -> Simplified) and the script character classes.

Matching and scoring must not care which script a page is in: rules and the character model see
every character in its Simplified form. This is not conversion (``convert``), which decides per
sentence what the reader gets; the fold is only ever compared, never written out.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import opencc

from cleaner.charclass import CharClass


@lru_cache(maxsize=None)
def converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration and process (they do not pickle)."""
    return opencc.OpenCC(config)


@lru_cache(maxsize=None)
def script_only(name: str) -> frozenset[str]:
    """Characters that belong to one script only (cleaner/data, generated from OpenCC's tables)."""
    data = resources.files("cleaner") / "data" / f"{name}_only.txt"
    return frozenset(data.read_text(encoding="utf-8").strip())


# Characters with several Traditional forms that character-by-character converters leave alone
# (docs/corruption.md §1.1). They are valid Traditional too, but inside a Traditional sentence they
# are almost always Simplified leftovers (于 for 於, 后 for 後).
NAIVE_LEFTOVERS = frozenset("于云并范余征斗占峰杰筑采后")


@lru_cache(maxsize=None)
def script_class(name: str) -> CharClass:
    """``script_only(name)`` as a class searched and counted at C speed."""
    return CharClass(script_only(name))


@lru_cache(maxsize=None)
def foreign_class(target: str) -> CharClass:
    """What is foreign to ``target``: the other script's own characters (and naive leftovers)."""
    return CharClass(script_only("traditional") if target == "zh-hans" else script_only("simplified") | NAIVE_LEFTOVERS)


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """The Simplified form of one character (itself when it has none); used for matching/scoring."""
    if ch.isascii():
        return ch
    out = converter("t2s.json").convert(ch)
    return out if len(out) == 1 else ch


def fold(text: str) -> str:
    """Script-neutral form of a text for matching rules: Traditional folded to Simplified."""
    return converter("t2s.json").convert(text)
