"""Clean text must come through untouched: repairs that fire on clean Wikipedia paragraphs.

    .venv/bin/python benchmarks/false_positives.py [--wiki ../shared/corpora/wiki] [--limit N]

Every paragraph of both scripts (or the first N of each) is cleaned with script conversion,
width and whitespace fixes and furniture removal off, so that only the repair stages (entities,
double encoding, indentation artefacts, pinyin) can change it; each changed paragraph is printed
with the steps that changed it, and the counts per script at the end. Paragraphs in which a
stretch would be judged unrepaired mojibake (and kept from script conversion and width folding)
are printed and counted too: on clean text there should be none.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cleaner import Cleaner
from cleaner.repair.mojibake import unrepaired_spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wiki", type=Path, default=Path("../shared/corpora/wiki"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    cleaner = Cleaner(to="keep", remove_furniture=False, fix_width=False, normalize_whitespace=False)
    for name in ("zh-hans.txt", "zh-hant.txt"):
        paragraphs = [p for p in (args.wiki / name).read_text(encoding="utf-8").split("\n") if p.strip()]
        if args.limit:
            paragraphs = paragraphs[: args.limit]
        changed = chars = kept = 0
        for paragraph in paragraphs:
            result = cleaner.run(paragraph, details=False)
            if result.text != paragraph:
                changed += 1
                chars += sum(1 for a, b in zip(result.text, paragraph, strict=False) if a != b) + abs(len(result.text) - len(paragraph))
                print(f"{name}: {[str(s) for s in result.steps]}: {paragraph[:80]!r} -> {result.text[:80]!r}")
            spans = unrepaired_spans(result.text)
            if spans:
                kept += 1
                print(f"{name}: kept as mojibake: {[result.text[a:b] for a, b in spans]}")
        total = sum(map(len, paragraphs))
        print(f"{name}: {changed} of {len(paragraphs)} paragraphs changed, about {chars} of {total:,} characters;"
              f" {kept} with a stretch kept as mojibake")


if __name__ == "__main__":
    main()
