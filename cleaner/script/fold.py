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
    """Characters that belong to one script only (cleaner/data, generated from OpenCC's tables by
    scripts/build_script_tables.py), or with ``both``, the characters of both scripts that t2s
    changes alone or in a phrase (於, 乾, 瞭, 藉)."""
    data = resources.files("cleaner") / "data" / ("both_scripts.txt" if name == "both" else f"{name}_only.txt")
    return frozenset(data.read_text(encoding="utf-8").strip())


# Characters with several Traditional forms that character-by-character converters leave alone
# (docs/corruption.md §1.1), with the form they mostly stand for. They are valid Traditional too
# (the surnames 于, 范, 余; 征服, 長征), so they are foreign only on a page a naive converter wrote
# (convert.naive_page: it uses them and not these forms). Not 占 and 峰 of that list: Taiwan's
# standard writes 占領 and 山峰 (OpenCC's 佔, 峯 are older forms).
NAIVE_FORMS = {"于": "於", "云": "雲", "并": "並", "范": "範", "余": "餘", "征": "徵", "斗": "鬥", "杰": "傑", "筑": "築", "采": "採", "后": "後"}
NAIVE_LEFTOVERS = frozenset(NAIVE_FORMS)


@lru_cache(maxsize=None)
def script_class(name: str) -> CharClass:
    """``script_only(name)`` as a class searched and counted at C speed."""
    return CharClass(script_only(name))


@lru_cache(maxsize=None)
def foreign_class(target: str, naive: bool = False) -> CharClass:
    """What is foreign to ``target``: the other script's own characters (and, on a ``naive``
    converter's page, its leftovers)."""
    if target == "zh-hans":
        return script_class("traditional")  # the one class: its answer for a text is kept (CharClass.search)
    return CharClass(script_only("simplified") | NAIVE_LEFTOVERS if naive else script_only("simplified"))


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


# --- where the fold of a text is not the fold of its characters ------------------------------

# The dictionaries of OpenCC's t2s conversion (t2s.json): a normalization of compatibility
# ideographs, then phrases before characters.
_T2S_DICTS = ("CJK_Compatibility_Ideographs", "TSPhrases", "TSCharactersExt", "TSCharacters")


def fold_sensitive() -> str | None:
    """The characters whose fold inside a text may differ from ``fold_char`` of them alone; None
    if OpenCC's dictionaries cannot be read (then nothing may assume a text folds per character).

    ``fold`` converts phrases (復甦 -> 复苏, while 甦 alone stays 甦) and a character alone may
    convert to several; a text without any character listed here folds as its characters do, so
    a native scorer folding per character (native/src/refusal.rs) scores it as ``fold`` would.
    Read from the dictionaries of the installed OpenCC with the ``opencc_dict`` tool its wheel
    ships, and kept on disk with the other tables.
    """
    from cleaner.tablecache import cached

    dicts = _opencc_dicts()
    if dicts is None:
        return None
    return cached("foldsensitive", [opencc.__file__, __file__, *dicts.values()], "1", lambda: _build_fold_sensitive(dicts))


def _opencc_dicts() -> dict[str, str] | None:
    import os

    base = os.path.join(os.path.dirname(opencc.__file__), "clib")
    tool = os.path.join(base, "bin", "opencc_dict")
    paths = {name: os.path.join(base, "share", "opencc", f"{name}.ocd2") for name in _T2S_DICTS}
    if not os.access(tool, os.X_OK) or not all(os.path.exists(p) for p in paths.values()):
        return None
    return paths


def _dump(path: str) -> list[tuple[str, str]]:
    """(key, first value) of an OpenCC dictionary, through ``opencc_dict -t text``."""
    import os
    import subprocess
    import tempfile

    base = os.path.dirname(os.path.dirname(os.path.dirname(path)))
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(filter(None, [os.path.join(base, "lib64"), os.path.join(base, "lib"),
                                                                             os.environ.get("LD_LIBRARY_PATH")])))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "dict.txt")
        subprocess.run([os.path.join(base, "bin", "opencc_dict"), "-i", path, "-o", out, "-f", "ocd2", "-t", "text"],
                       check=True, capture_output=True, env=env)
        with open(out, encoding="utf-8") as f:
            return [(key, values.split(" ")[0]) for key, _, values in (line.rstrip("\n").partition("\t") for line in f)]


def _build_fold_sensitive(dicts: dict[str, str]) -> str:
    sensitive: set[str] = set()
    for name, path in dicts.items():
        for key, value in _dump(path):
            if name == "CJK_Compatibility_Ideographs":
                sensitive.update(key)  # normalized first: may then start a phrase
            elif len(value) != len(key):
                sensitive.update(key)  # a character alone converting to several, or a phrase changing length
            elif len(key) > 1:
                sensitive.update(k for k, v in zip(key, value, strict=True) if v != fold_char(k))
    return "".join(sorted(sensitive))
