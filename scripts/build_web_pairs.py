"""Build ``cleaner/data/web_pairs.txt``: character pairs inside the words of web, news and spoken Chinese.

    .venv/bin/python -m pip install -e '.[data]'   # once: wordfreq 3.1.1, whose word list the build reads
    .venv/bin/python scripts/build_web_pairs.py [--min-count N]

The character model's in-word pairs come from jieba's dictionary and its running pairs from
Wikipedia, so a word of news, subtitles or social media that neither writes (a name, a new word)
leaves its pair unseen, and a lost byte inside it came back as a commoner character. wordfreq's
Chinese list (``wordfreq.get_frequency_dict("zh", "large")``: Wikipedia, subtitles, news, books,
web text, Twitter and jieba's list, combined) gives each word a frequency; every pair of adjacent
Han characters inside a word of two characters or more counts that frequency, in units of 10^-8
(wordfreq's floor, zipf 1), each character keyed as the model keys it (folded to Simplified).
Pairs below ``--min-count`` are dropped; each first character keeps its full total. Only counts
are written, no word list (data CC BY-SA 4.0; see cleaner/data/README.md).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.chardata import HAN  # noqa: E402
from cleaner.langmodel import model  # noqa: E402

OUT = ROOT / "cleaner" / "data" / "web_pairs.txt"
SCALE = 1e8  # wordfreq's frequencies stop at 1e-8: the rarest word counts 1
VERSION = "3.1.1"  # the wordfreq release read (its data is fixed per release)
HEADER = """\
# Character pairs inside the words of wordfreq's Chinese list (wordfreq {version}, data CC BY-SA 4.0; see
# README.md here), weighted by the words' frequencies in units of 1e-8, keyed as the character model keys
# characters. Built by scripts/build_web_pairs.py --min-count {min_count}. One line a first character: the
# character, its total over every pair, then each second character and its count (pairs below the minimum dropped).
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=3, help="drop pairs counted less (default 3)")
    args = ap.parse_args()
    import wordfreq

    if (installed := version("wordfreq")) != VERSION:
        sys.exit(f"build_web_pairs: wordfreq {VERSION} expected, {installed} installed")
    key = model().key
    totals: dict[str, int] = defaultdict(int)
    pairs: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for word, freq in wordfreq.get_frequency_dict("zh", "large").items():
        count = round(freq * SCALE)
        for a, b in zip(word, word[1:]):
            if count and HAN.match(a) and HAN.match(b):
                ka, kb = key(a), key(b)
                totals[ka] += count
                pairs[ka][kb] += count
    lines = [HEADER.format(version=VERSION, min_count=args.min_count).rstrip("\n")]
    kept = 0
    for a in sorted(totals):
        seconds = sorted((b, n) for b, n in pairs[a].items() if n >= args.min_count)
        kept += len(seconds)
        lines.append("\t".join([a, str(totals[a])] + [f"{b}\t{n}" for b, n in seconds]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(totals)} first characters, {kept} pairs, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
