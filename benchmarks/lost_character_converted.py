"""Clean text with one real lost character (a U+FFFD) must be converted as the same text without it.

    .venv/bin/python benchmarks/lost_character_converted.py [--paragraphs N]

A page's own U+FFFD (a character its source lost) in clean text gives no repair anything to read:
its neighbours are Chinese like the rest. Measured paragraphs (``wiki_split``) of 40-400 characters,
the first N of each script, get a U+FFFD in their middle and are cleaned into the other script
(Simplified into zh-hant, Traditional into zh-hans; furniture removal off); the output, the mark
taken out, is compared with the unmarked paragraph's. Prints, per direction, the paragraphs and
characters that differ (a phrase the mark splits, 砂�巖 for 砂岩, is conversion's own difference).
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
    ap.add_argument("--paragraphs", type=int, default=100, help="the first N measured paragraphs of each script")
    args = ap.parse_args()
    for script, to in (("zh-hans", "zh-hant"), ("zh-hant", "zh-hans")):
        cleaner = Cleaner(to=to, remove_furniture=False)
        paragraphs = [p for p in measure_paragraphs(script) if 40 <= len(p) <= 400][: args.paragraphs]
        chars = differ = 0
        for paragraph in paragraphs:
            k = len(paragraph) // 2
            want = cleaner.clean(paragraph)
            got = cleaner.clean(paragraph[:k] + "\ufffd" + paragraph[k:]).replace("\ufffd", "", 1)
            wrong = sum(a != b for a, b in zip(want, got, strict=False)) + abs(len(want) - len(got))
            chars += wrong
            differ += wrong > 0
        print(f"{script} -> {to}: {differ}/{len(paragraphs)} paragraphs differ, {chars} characters")


if __name__ == "__main__":
    main()
