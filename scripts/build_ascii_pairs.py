"""Build ``cleaner/data/ascii_pairs.txt``: how ASCII stands beside Chinese in running text (cleaner/repair/ascii_pairs.py).

    .venv/bin/python scripts/build_ascii_pairs.py

Counts come from the build part of ``../shared/corpora/wiki/`` only (``benchmarks/wiki_split.py``
fixes the split; the measured part is never read here), both scripts. Each character is a class:
a printable ASCII character itself (any digit counts as ``0``), ``NA`` for any character beyond
ASCII; other characters (controls, line ends) are a boundary. Counted: every pair of classes
(two characters beyond ASCII in a row as one pair of ``NA``: the model scores those), and each
class's total as the first of a pair. The character model scores Latin text flat (a letter
after a letter -1, a letter after Han -6): this is what running text says instead (a lone ``H``
between two Han characters, or ``~`` between a digit and Han, are rare; a Big5 trail byte whose
lead a GBK decoder dropped shows as one).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from wiki_split import build_paragraphs  # noqa: E402

from cleaner.repair.ascii_pairs import token  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "ascii_pairs.txt"
HEADER = """\
# Pairs of ASCII characters and characters beyond it in running Chinese text (cleaner/repair/ascii_pairs.py).
# Derived from Wikipedia paragraphs (CC BY-SA; see README.md here) by scripts/build_ascii_pairs.py.
# One line per first class: class, times it was followed by any class, then "second count" for each
# pair seen. A class is an ASCII character's code in hex (digits all 30), or NA (beyond ASCII).
"""


def main() -> None:
    pairs: Counter = Counter()
    totals: Counter = Counter()
    for script in ("zh-hans", "zh-hant"):
        for paragraph in build_paragraphs(script):
            prev = None
            for ch in paragraph:
                cls = token(ch)
                if cls is None:
                    prev = None
                    continue
                if prev is not None:
                    totals[prev] += 1
                    pairs[prev, cls] += 1
                prev = cls
    lines = [HEADER.rstrip("\n")]
    for first in sorted(totals):
        seconds = sorted(((b, n) for (a, b), n in pairs.items() if a == first), key=lambda kv: (-kv[1], kv[0]))
        lines.append(f"{first}\t{totals[first]}\t" + " ".join(f"{b} {n}" for b, n in seconds))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(totals)} classes, {len(pairs)} pairs")


if __name__ == "__main__":
    main()
