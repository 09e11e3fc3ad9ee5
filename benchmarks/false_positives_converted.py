"""Clean text as a converter writes it must come through untouched: repairs that fire on it.

    .venv/bin/python benchmarks/false_positives_converted.py [--limit N] [--show]

``benchmarks/false_positives.py`` measures text as people wrote it. Text that went through a
script converter is clean too, but its characters are the converter's: OpenCC's s2t writes 爲,
髮, 寵, 羣 where Taiwan's Wikipedia writes 為, 髮, 寵, 群, and pages on the web (and
``cleaner --to zh-hant`` itself) are written that way. The measured part of the wiki corpus
(``wiki_split``; no model was built from it) is converted as a converter writes it -- the
Simplified paragraphs by OpenCC's s2t, s2tw and s2hk, the Traditional ones by t2s -- and each
is cleaned with script conversion, width and whitespace fixes and furniture removal off, as
false_positives.py cleans. Prints, per conversion, the paragraphs and characters changed by a
repair stage (a ``repair:`` step; the markup paragraphs false_positives.py knows are counted
apart) and those in which a stretch would be judged unrepaired mojibake (and kept from script
conversion: ``cleaner --to zh-hans`` would leave it Traditional); ``--show``: each with its steps.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wiki_split import measure_paragraphs  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.repair.mojibake import unrepaired_spans  # noqa: E402
from cleaner.script.fold import converter  # noqa: E402

CONVERSIONS = (("zh-hans", "s2t.json"), ("zh-hans", "s2tw.json"), ("zh-hans", "s2hk.json"), ("zh-hant", "t2s.json"))


def changed_chars(a: str, b: str) -> int:
    return sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="the first N measured paragraphs of each script")
    ap.add_argument("--show", action="store_true", help="print each changed paragraph's change and steps")
    args = ap.parse_args()
    cleaner = Cleaner(to="keep", remove_furniture=False, fix_width=False, normalize_whitespace=False)
    all_changed = all_chars = 0
    markup = Counter()
    for script, config in CONVERSIONS:
        paragraphs = measure_paragraphs(script)
        if args.limit:
            paragraphs = paragraphs[: args.limit]
        convert = converter(config).convert
        changed = chars = kept = 0
        for paragraph in map(convert, paragraphs):
            result = cleaner.run(paragraph, details=False)
            if spans := unrepaired_spans(result.text):
                kept += 1
                if args.show:
                    print(f"{script} {config}: kept as mojibake: {[result.text[a:b] for a, b in spans]}")
            if result.text == paragraph:
                continue
            if not any(str(step).startswith("repair:") for step in result.steps):
                markup[config] += 1
                continue
            changed += 1
            chars += changed_chars(result.text, paragraph)
            if args.show:
                at = next((k for k, (x, y) in enumerate(zip(result.text, paragraph, strict=False)) if x != y),
                          min(len(result.text), len(paragraph)))
                lo = max(at - 10, 0)
                print(f"{script} {config}: {[str(s) for s in result.steps]}: "
                      f"{paragraph[lo:at + 10]!r} -> {result.text[lo:at + 10]!r}")
        total = sum(map(len, paragraphs))
        all_changed, all_chars = all_changed + changed, all_chars + chars
        print(f"{script} by {config}: {changed} of {len(paragraphs)} paragraphs changed by a repair stage,"
              f" {chars} of {total:,} characters ({markup[config]} changed by other stages); {kept} with a stretch kept as mojibake")
    print(f"all: {all_changed} paragraphs changed by a repair stage, {all_chars} characters")


if __name__ == "__main__":
    main()
