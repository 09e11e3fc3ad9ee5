"""Build ``cleaner/data/chartri.txt``: character trigram counts of running text (cleaner/repair/trigram_fit.py).

    .venv/bin/python scripts/build_chartri.py [--min-count N]

Counts come from the build part of ``../shared/corpora/wiki/`` only (``benchmarks/wiki_split.py``
fixes the split; the measured part is never read here), folded and normalised as
``scripts/build_charlm.py`` counts pairs (Simplified, ASCII signs fullwidth, 「」 as “”, digits as
0), over table characters only (a Latin letter or a space is a boundary).

Pruning: a trigram seen fewer than ``--min-count`` times is dropped, and a pair none of whose
trigrams is kept is not written; each pair kept keeps the full count of trigrams it begins, so the
trigrams kept keep their true probabilities and the rest fall to the bigram (the smoothing of
``trigram_fit.trigram``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_charlm import paragraphs, table_char  # noqa: E402

from cleaner import langmodel  # noqa: E402
from cleaner.script.fold import fold  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "chartri.txt"
HEADER = """\
# Character trigram counts of running Chinese text, folded to Simplified (cleaner/repair/trigram_fit.py).
# Derived from Wikipedia paragraphs (CC BY-SA; see README.md here) by scripts/build_chartri.py.
# One line per first pair: the pair, times it was followed by a table character, by how many
# different ones (pruned or not), then
# "third count" for each trigram seen at least {min_count} times.
"""


def count(texts: list[str]) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for paragraph in texts:
        text = langmodel.normalize_punct(fold(paragraph))
        for a, b, c in zip(text, text[1:], text[2:], strict=False):
            if table_char(a) and table_char(b) and table_char(c):
                out.setdefault(a + b, Counter())[c] += 1
    return out


def write(triples: dict[str, Counter], min_count: int, out: Path = OUT) -> tuple[int, int]:
    lines, kept = [], 0
    for pair in sorted(triples):
        after = triples[pair]
        seen = sorted((c for c, n in after.items() if n >= min_count), key=lambda c: (-after[c], c))
        if not seen:
            continue
        kept += len(seen)
        lines.append(f"{pair}\t{sum(after.values())}\t{len(after)}\t" + " ".join(f"{c}{after[c]}" for c in seen))
    out.write_text(HEADER.format(min_count=min_count) + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines), kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    pairs, kept = write(count(paragraphs()), args.min_count, args.out)
    print(f"{args.out}: {pairs} pairs, {kept} trigrams, {args.out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
