"""UTF-8 read as GBK once, on pages of short lines: errors per 1,000 characters, by kind of page.

    .venv/bin/python benchmarks/short_lines.py [--paragraphs 20] [--show N]

The measured part of the wiki corpus (``wiki_split``), Simplified: each paragraph cut into a page
of short lines (``tests/short_line_damage.py``: clauses, table rows, prices in ￥ or ＄, times
before news-flash clauses), as UTF-8 read by a GBK decoder (``replace``: each byte it rejected a
U+FFFD; the rows' digits after a character cost that character its last byte), then cleaned with
``--to keep`` (furniture off) and compared with the cleaner's output on the undamaged page. A
row's guess has one line of neighbours to be judged by, not a paragraph. ``--show N`` prints the
first N lines that differ.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from code_pages import errors  # noqa: E402

DECODERS = ("gbk", "gb18030", "whatwg-gbk")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=20)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    from short_line_damage import KINDS, as_gbk, short_line_page
    from wiki_split import measure_paragraphs

    from cleaner import Cleaner

    cleaner = Cleaner(to="keep", remove_furniture=False)
    paragraphs = measure_paragraphs("zh-hans")[: args.paragraphs]
    shown = 0
    print("| decoder, kind | errors per 1,000 |")
    for decoder in DECODERS:
        for kind in KINDS:
            rng = random.Random(f"{decoder}-{kind}")
            pages = [short_line_page(p, kind, rng) for p in paragraphs]
            total = errs = 0
            for page in pages:
                reference, got = cleaner.clean(page), cleaner.clean(as_gbk(page, decoder))
                total += len(reference)
                errs += errors(reference, got)
                for want, line in zip(reference.split("\n"), got.split("\n")):
                    if want != line and shown < args.show:
                        print(f"  want {want}\n  got  {line}")
                        shown += 1
            print(f"| {decoder}, {kind} | {1000 * errs / max(total, 1):.1f} |", flush=True)


if __name__ == "__main__":
    main()
