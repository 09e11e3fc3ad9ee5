"""Build ``cleaner/data/charlm.txt``: character pair counts of running text (cleaner/langmodel.py).

    .venv/bin/python scripts/build_charlm.py [--min-count N] [--heldout]

Counts come from the build part of ``../shared/corpora/wiki/`` only (``benchmarks/wiki_split.py``
fixes the split; the measured part is never read here). Both scripts are counted, folded to
Simplified first (``cleaner.script.fold.fold``: the model scores folded characters), so one table
serves both. Only pairs of table characters are counted (Han, the CJK punctuation of
``langmodel.RUNNING_PUNCT`` and digits, all counted as 0; other brackets count as what
``langmodel.normalize_punct`` makes them, 「」 as “”): a Latin letter or a
space is a boundary.

Pruning: a pair seen fewer than ``--min-count`` times is dropped (the interpolation with the
in-word and unigram models covers it), but each first character keeps its full count, so the pairs
kept keep their true probabilities. ``--heldout`` instead prints the log-likelihood of the last
tenth of the build part under a model built from the rest, for a few interpolation weights
(how ``langmodel.WEIGHTS`` was chosen), and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from wiki_split import build_paragraphs  # noqa: E402

from cleaner import langmodel  # noqa: E402
from cleaner.chardata import HAN  # noqa: E402
from cleaner.script.fold import fold  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "charlm.txt"
HEADER = """\
# Character pair counts of running Chinese text, folded to Simplified (cleaner/langmodel.py).
# Derived from Wikipedia paragraphs (CC BY-SA; see README.md here) by scripts/build_charlm.py.
# One line per first character: character, times it was followed by a table character, then
# "second count" for each pair seen at least {min_count} times.
"""


def table_char(ch: str) -> bool:
    return bool(HAN.match(ch)) or ch in langmodel.RUNNING_PUNCT or ch == langmodel.DIGIT


def count(paragraphs: list[str]) -> dict[str, Counter]:
    pairs: dict[str, Counter] = {}
    for paragraph in paragraphs:
        text = langmodel.normalize_punct(fold(paragraph))
        for a, b in pairwise(text):
            if table_char(a) and table_char(b):
                pairs.setdefault(a, Counter())[b] += 1
    return pairs


def paragraphs() -> list[str]:
    return build_paragraphs("zh-hans") + build_paragraphs("zh-hant")


def write(pairs: dict[str, Counter], min_count: int, out: Path = OUT) -> tuple[int, int]:
    lines, kept = [], 0
    for a in sorted(pairs):
        after = pairs[a]
        seen = sorted((b for b, n in after.items() if n >= min_count), key=lambda b: (-after[b], b))
        kept += len(seen)
        lines.append(f"{a}\t{sum(after.values())}\t" + " ".join(f"{b}{after[b]}" for b in seen))
    out.write_text(HEADER.format(min_count=min_count) + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines), kept


def heldout() -> None:
    """Log-likelihood per pair of held-out build text, for a grid of interpolation weights."""
    paras = [p for script in ("zh-hans", "zh-hant") for p in _tenths(build_paragraphs(script))[0]]
    held = [p for script in ("zh-hans", "zh-hant") for p in _tenths(build_paragraphs(script))[1]]
    running = {a: (sum(c.values()), dict(c)) for a, c in count(paras).items()}
    tests = [(a, b) for p in held for a, b in pairwise(langmodel.normalize_punct(fold(p))) if HAN.match(a) and HAN.match(b)]
    print(f"{len(tests):,} held-out Han pairs")
    for weights in [(0.0, 0.5, 0.5), (0.3, 0.35, 0.35), (0.5, 0.25, 0.25), (0.6, 0.2, 0.2), (0.7, 0.15, 0.15), (0.5, 0.4, 0.1), (0.6, 0.3, 0.1), (0.45, 0.45, 0.1)]:
        lm = langmodel.CharModel(*langmodel.jieba_tables()[:2], running=running, weights=weights)
        total = sum(lm.bigram(a, b) for a, b in tests)
        print(f"weights running/in-word/unigram {weights}: {total / len(tests):.4f} per pair")


def _tenths(paras: list[str]) -> tuple[list[str], list[str]]:
    cut = len(paras) - len(paras) // 10
    return paras[:cut], paras[cut:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--heldout", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write (to measure another pruning: benchmarks/lost_bytes.py --table)")
    args = ap.parse_args()
    if args.heldout:
        heldout()
        return
    firsts, kept = write(count(paragraphs()), args.min_count, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {firsts:,} first characters, {kept:,} pairs, {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
