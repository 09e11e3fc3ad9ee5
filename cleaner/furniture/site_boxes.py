"""The words of the site's boxes (``data/site_boxes.toml``), validated at load, as alternations for
the readers of those boxes (``fact_cards``, ``author_notes``, ``comment_blocks``, ``site_cards``).

Validated because each list becomes a regex alternation: an empty list is an alternation that
matches nothing at every place (``(?:)``), and a vote row of only counts (``2026``) would then be the
comments' furniture on every page; a word with spaces around it never matches a folded line.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "site_boxes.toml"
# Each section's lists of words, and nothing else (besides [provenance]).
LISTS = {"fact_cards": ("subjects", "boxes"), "author_notes": ("headings",), "comments": ("votes",), "cards": ("leads", "ends")}


@lru_cache(maxsize=4)
def load(path: Path = DATA) -> dict[str, dict[str, tuple[str, ...]]]:
    """The word lists of ``path`` by section and key; ValueError names what is wrong."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    provenance = data.get("provenance")
    if not isinstance(provenance, dict) or not provenance.get("source") or not provenance.get("licence"):
        raise ValueError(f"{path}: [provenance] needs a source and a licence")
    if unknown := sorted(set(data) - set(LISTS) - {"provenance"}):
        raise ValueError(f"{path}: unknown section(s) {', '.join(unknown)}")
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, keys in LISTS.items():
        table = data.get(section)
        if not isinstance(table, dict) or set(table) != set(keys):
            raise ValueError(f"{path}: [{section}] holds {', '.join(keys)} and nothing else")
        for key in keys:
            words = table[key]
            if (not isinstance(words, list) or not words or len(set(words)) != len(words)
                    or not all(isinstance(w, str) and w and w.strip() == w for w in words)):
                raise ValueError(f"{path}: [{section}] {key} must be a list of distinct words, none empty or spaced")
        out[section] = {key: tuple(table[key]) for key in keys}
    return out


def alternation(section: str, key: str, path: Path = DATA) -> str:
    """The words of ``[section] key`` as a regex alternation, longest first (作者有话要说 before 作者有话说)."""
    return "|".join(re.escape(w) for w in sorted(load(path)[section][key], key=lambda w: (-len(w), w)))
