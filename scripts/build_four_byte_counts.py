"""Build ``cleaner/data/four_byte_counts.txt``: how often running text writes each character GB18030 writes in four bytes.

    .venv/bin/python scripts/build_four_byte_counts.py

Counts come from the build part of ``../shared/corpora/wiki/`` only (``benchmarks/wiki_split.py``
fixes the split; the measured part is never read here), both scripts together. Counted: every
character of the Basic Multilingual Plane that GB18030 writes in four bytes (what GBK lacks:
• ・ ‧ − ə ä ³, Thai, hangul, CJK Extension A). A GBK decoder leaves two digits of such a code
and about 466 characters that fit them, none of which the character model knows
(``cleaner/repair/four_byte.py``); these counts say which of them running text writes.
Characters seen fewer than ``MIN_COUNT`` times are left out.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from wiki_split import build_paragraphs  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "four_byte_counts.txt"
MIN_COUNT = 2  # seen once says little, and the file stays small
HEADER = """\
# How often running text writes each character of the Basic Multilingual Plane that GB18030 writes
# in four bytes (cleaner/repair/four_byte.py). Derived from Wikipedia paragraphs (CC BY-SA; see
# README.md here) by scripts/build_four_byte_counts.py. One line a character: the character (as
# its code point in hex, as some are combining marks or spaces) and its count.
"""


def four_byte(ch: str) -> bool:
    return "\x80" <= ch < "\U00010000" and len(ch.encode("gb18030")) == 4


def main() -> None:
    counts: Counter[str] = Counter()
    for script in ("zh-hans", "zh-hant"):
        for paragraph in build_paragraphs(script):
            counts.update(ch for ch in paragraph if four_byte(ch))
    lines = [f"{ord(ch):04x}\t{n}" for ch, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= MIN_COUNT]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} characters written to {OUT}")


if __name__ == "__main__":
    main()
