"""Time to extract an HTML page (``html_to_text``), with and without the markup evidence.

    .venv/bin/python benchmarks/html_speed.py [CORPUS] [--rounds N]

Reads every page of ``CORPUS/original`` (default ``../shared/corpora/webpages``, the 69 dev
pages) once into memory, then times ``cleaner.io.html.html_to_text`` on all of them, ``--rounds``
times (the best round counts, in CPU time of this process: the machine is shared), in three settings:

  evidence  as the product runs: link marks and block marks (``html_structure``), roles read
  links     link marks only (the block marks' ``mark_blocks`` made a no-op)
  none      neither (the page read as if it held the marks' noncharacters)

and prints milliseconds per page and the evidence's share of the extraction time. No assertion:
speed is measured here, never in tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.io import html, html_structure  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "webpages"


def best_time(pages: list[bytes], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for data in pages:
            html.html_to_text(data)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    pages = [p.read_bytes() for p in sorted((args.corpus / "original").glob("*.html"))]
    if not pages:
        sys.exit(f"html_speed.py: no pages in {args.corpus}/original")
    times = {"evidence": best_time(pages, args.rounds)}
    mark_blocks, mark_links = html_structure.mark_blocks, html._mark_links
    try:
        html_structure.mark_blocks = lambda tree, elements: None
        times["links"] = best_time(pages, args.rounds)
        html._mark_links = lambda tree, elements: False
        times["none"] = best_time(pages, args.rounds)
    finally:
        html_structure.mark_blocks, html._mark_links = mark_blocks, mark_links
    for name, seconds in times.items():
        print(f"{name:<9} {1000 * seconds / len(pages):7.2f} ms/page of CPU  ({len(pages)} pages, best of {args.rounds})")
    print(f"evidence over none: +{100 * (times['evidence'] / times['none'] - 1):.0f} %")


if __name__ == "__main__":
    main()
