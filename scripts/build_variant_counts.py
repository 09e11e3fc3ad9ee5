"""Build ``cleaner/data/variant_counts.txt``: how running text of each script writes each form of a character.

    .venv/bin/python scripts/build_variant_counts.py

Counts come from the build part of ``../shared/corpora/wiki/`` only (``benchmarks/wiki_split.py``
fixes the split; the measured part is never read here). Counted: every character the character
model folds to another, or that another folds to (OpenCC's Traditional -> Simplified folds,
``langmodel.fold_pairs``: 當 噹 当, 為 爲 为, 麵 麪 面), in the Simplified paragraphs and in the
Traditional ones apart. The model scores a character folded to Simplified, so a rare form (噹, 爲,
傢) scores as the common character it folds to; these counts say which forms running text of a
script actually writes (``cleaner/repair/variants.py``). Characters seen in neither script are left
out (their count is 0).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from wiki_split import build_paragraphs  # noqa: E402

from cleaner.langmodel import fold_pairs  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "variant_counts.txt"
HEADER = """\
# How often running text writes each form of a character that folds to another or that another folds to
# (cleaner/repair/variants.py). Derived from Wikipedia paragraphs (CC BY-SA; see README.md here) by
# scripts/build_variant_counts.py. One line a character: the character, its count in Simplified
# paragraphs, its count in Traditional ones.
"""


def main() -> None:
    forms = {ch for pair in fold_pairs() for ch in pair}
    counts = {script: Counter(ch for p in build_paragraphs(script) for ch in p if ch in forms)
              for script in ("zh-hans", "zh-hant")}
    seen = sorted(set(counts["zh-hans"]) | set(counts["zh-hant"]))
    lines = [HEADER.rstrip("\n")] + [f"{ch}\t{counts['zh-hans'][ch]}\t{counts['zh-hant'][ch]}" for ch in seen]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(seen)} characters of {len(forms)} forms")


if __name__ == "__main__":
    main()
