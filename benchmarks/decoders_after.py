"""Errors per 1,000 characters for what happens around and after a misdecoding on real pages.

    .venv/bin/python benchmarks/decoders_after.py [--paragraphs N] [--only SUBSTRING ...] [--show N]

The families of ``tests/damage.py`` (issue 16): each base misdecoding of ``AFTER_BASES`` followed
by each step of ``AFTER_STEPS`` (HTML-escaped, numeric references, NFKC and NFC, whitespace
collapsed, lines stripped, wrapped, controls removed, U+FFFD as ``?``, private-use dropped,
lowercased, CRLF, each line written as a JSON string), and the families of ``AROUND`` (misread twice, beside ASCII words, figures,
addresses and emoji, a quoted block, several misdecodings on one page, no-break spaces made
spaces, lines cut inside a character). Pages of measured Wikipedia paragraphs
(``benchmarks/wiki_split.py``, both scripts; Traditional only for a Big5 source), cleaned with
``to="keep"`` and furniture removal off; the reference is the same cleaner's output on what a
perfect repair reaches (the page, or what a lossy step left of it: lowercased ASCII, cut lines).
Errors are lost + wrong + extra characters (``benchmarks/decoders.py``'s alignment).

Columns: errors per 1,000; pages a second clean changes (guessing on; with ``--no-guess``); pages
whose output still holds text judged mojibake (``mojibake.unrepaired_spans``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from damage import AROUND, after_cells, around_source, damage_after, source_text  # noqa: E402
from decoders import PAGE_LINES, line_errors  # noqa: E402
from wiki_split import measure_paragraphs  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.repair import mojibake  # noqa: E402


def pages(source: str, n: int, skip: int = 0) -> list[str]:
    scripts = ("zh-hant",) if source == "big5" else ("zh-hans", "zh-hant")
    out = []
    for script in scripts:
        paragraphs = [source_text(p, source) for p in measure_paragraphs(script)[skip : skip + n]]
        out += ["\n".join(paragraphs[i : i + PAGE_LINES]) for i in range(0, len(paragraphs), PAGE_LINES)]
    return out


def families() -> list[tuple[str, str, object]]:
    """(name, source, damage(text, rng) -> (damaged, reached))."""
    out = []
    for source, decoder, errors, step in after_cells():
        out.append((f"{source}>{decoder} {step}", source,
                    (lambda s, d, e, st: lambda text, rng: damage_after(text, s, d, e, st, rng))(source, decoder, errors, step)))
    out += [(name, around_source(name), damage) for name, damage in AROUND.items()]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=20, help="measured paragraphs per script (default 20)")
    ap.add_argument("--skip", type=int, default=0, help="start after this many measured paragraphs a script")
    ap.add_argument("--only", nargs="*", default=None, help="families whose name holds one of these")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N differences of each family")
    args = ap.parse_args()
    cleaner = Cleaner(to="keep", remove_furniture=False)
    strict = Cleaner(to="keep", remove_furniture=False, guess_lost=False)
    print(f"{'family':40s} {'errors':>7s} {'unstable':>8s} {'no-guess':>8s} {'left':>5s}  (of pages)")
    start = time.perf_counter()
    for name, source, damage in families():
        if args.only and not any(s in name for s in args.only):
            continue
        err = chars = unstable = unstable_strict = left = 0
        shown = 0
        texts = pages(source, args.paragraphs, args.skip)
        for k, text in enumerate(texts):
            damaged, reached = damage(text, random.Random(k))
            if damaged == reached:
                continue
            ref = cleaner.clean(reached)
            out = cleaner.clean(damaged)
            diffs = line_errors(out, ref)
            err += sum(max(len(a), len(b)) for a, b, _ in diffs)
            chars += len(ref)
            unstable += cleaner.clean(out) != out
            once = strict.clean(damaged)
            unstable_strict += strict.clean(once) != once
            left += bool(mojibake.unrepaired_spans(out))
            for got, expected, around in diffs[: max(0, args.show - shown)]:
                print(f"   {name}: {got!r} for {expected!r} in {around!r}")
                shown += 1
        if not chars:
            print(f"{name:40s} {'-':>7s}  (the step changes nothing here)")
            continue
        print(f"{name:40s} {1000 * err / chars:7.1f} {unstable:8d} {unstable_strict:8d} {left:5d}  ({len(texts)})", flush=True)
    print(f"{time.perf_counter() - start:.0f} s (a shared machine: timings are noisy)")


if __name__ == "__main__":
    main()
