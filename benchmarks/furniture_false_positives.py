"""Clean articles must lose no line to furniture removal: Wikipedia paragraphs as pages.

    .venv/bin/python benchmarks/furniture_false_positives.py [--per-page 5]

The measured part of the wiki corpus (benchmarks/wiki_split.py; never used to fit anything) is
grouped into pages of a few paragraphs, each page cleaned as a page of an unknown site would be
(rules and the generic model on, `--to keep`), and every removed line is printed with the rule or
the features that removed it. Every line is article text, so every removal is a loss.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wiki_split import measure_paragraphs  # noqa: E402

from cleaner import Cleaner  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-page", type=int, default=5, help="paragraphs a page (default 5)")
    args = ap.parse_args()
    cleaner = Cleaner(to="keep")
    pages = paragraphs = removed = chars = removed_chars = 0
    for script in ("zh-hans", "zh-hant"):
        measured = measure_paragraphs(script)
        for k in range(0, len(measured), args.per_page):
            page = measured[k : k + args.per_page]
            text = "\n".join(page)
            pages, paragraphs, chars = pages + 1, paragraphs + len(page), chars + len(text)
            for finding in cleaner.run(text).findings:
                if finding.kind == "removed-line":
                    removed += 1
                    removed_chars += len(finding.detail.split(": ", 1)[-1])
                    print(f"{script}: {finding.detail[:100]}")
    print(f"{pages} pages, {paragraphs} paragraphs: {removed} lines removed, "
          f"{removed_chars:,} of {chars:,} characters ({100 * removed_chars / max(chars, 1):.2f} %)")


if __name__ == "__main__":
    main()
