"""One long clean line, cleaned whole: CPU seconds by its length, for the shapes that were slow.

    .venv/bin/python benchmarks/long_lines.py [--chars 15000,60000,138000] [--repeat 1]

Each shape is a clean Chinese line that other decoders' stretches are searched in: a Korean name
beside a Latin word (the multi-byte decoders' stretches take in Latin letters since session 43,
and each name is read by three Korean decoders), the same name repeated along the line or a new
one each time (built from hangul syllables, so that no stretch repeats), and Korean words spaced
from the Latin ones. Each line must come back unchanged (it is clean text); the figure is
``Cleaner(to="keep").clean`` of the line, CPU time of this process after one warm-up page, the best
of ``--repeat``. The machine may be shared: say so with the figures.
"""

from __future__ import annotations

import argparse
import time

SYLLABLES = "김이박최정강조윤장임민재수영호준서현지우성훈"


def distinct_names(count: int) -> list[str]:
    """``count`` different three-syllable names, in a fixed order."""
    n = len(SYLLABLES)
    return [SYLLABLES[k % n] + SYLLABLES[(k // n) % n] + SYLLABLES[(k // n // n) % n] for k in range(count)]


def shapes(chars: int) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (chars // len(unit) + 1))[:chars]

    names = distinct_names(chars // 15 + 1)
    return {
        "a repeated Korean name beside a Latin word": fill("据报道，김민재和Smith说，"),
        "a new Korean name beside a Latin word each time": "".join(f"据报道，{name}和Smith说，" for name in names)[:chars],
        "Korean and Latin words spaced": fill("김민재 said hello to Smith，"),
        "a Korean name between Latin words": fill("新闻김민재abc"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", default="15000,60000,138000")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    from cleaner import Cleaner

    cleaner = Cleaner(to="keep")
    cleaner.clean("热身。김민재和Smith说。")
    for chars in (int(c) for c in args.chars.split(",")):
        for name, line in shapes(chars).items():
            best = float("inf")
            for _ in range(args.repeat):
                start = time.process_time()
                out = cleaner.clean(line)
                best = min(best, time.process_time() - start)
            print(f"{chars:8d} chars  {best:7.2f} s CPU  {'unchanged' if out == line else 'CHANGED'}  {name}", flush=True)


if __name__ == "__main__":
    main()
