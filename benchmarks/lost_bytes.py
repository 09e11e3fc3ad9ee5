"""Lost-byte inference per character model: errors per 1,000 characters where bytes were lost.

    .venv/bin/python benchmarks/lost_bytes.py [--variants NAME ...] [--limit N] [--seeds N]

Held-out text only: the measure part of ``../shared/corpora/wiki/`` (``wiki_split``; the model's
counts come from the build part). Two damages with lost bytes (tests/damage.py):

- ``seed-chain``: naive S->T, byte-level pinyin, lossy GBK decoding, NFKC (realign's holes),
  on the paragraph folded to Simplified; cleaned to Simplified;
- ``utf8-as-gbk``: UTF-8 read as GBK with errors="replace" (the mojibake holes: one U+FFFD per
  lost byte), on the paragraph in its own script; cleaned with ``to="keep"``.

The reference is what the cleaner makes of the undamaged paragraph, so only what the damage did
counts (a substitution, a loss or an extra counts one, as in benchmarks/accuracy.py); the
number of guess findings is printed beside it. Each model variant runs in a process of its own
(the repairs cache what the model said).

Measured 2026-12-03 on the first 100 measured paragraphs of each script (2 seeds), errors per
1,000: the in-word model alone 12.13, running text alone 11.58, interpolated (0.6, 0.2, 0.2:
``langmodel.WEIGHTS``) 10.79; pruning the table to pairs seen twice (0.55 MB) 10.79, keeping all
(1.2 MB) 10.77, three times (0.37 MB) 10.95, five (0.24 MB) 11.10. Word frequencies from
``wordfreq``'s Chinese list as a fourth component: 10.83 (no gain; not a dependency).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

# Name -> (running-text table file or None, weights (running, in-word, unigram)).
VARIANTS = {
    "old": (None, None),
    "running-only": ("charlm.txt", (0.8, 0.0, 0.2)),
    "mix-0.5": ("charlm.txt", (0.5, 0.25, 0.25)),
    "mix-0.6": ("charlm.txt", (0.6, 0.2, 0.2)),
    "mix-0.7": ("charlm.txt", (0.7, 0.15, 0.15)),
    "mix-0.8": ("charlm.txt", (0.8, 0.1, 0.1)),
}
DAMAGES = ("seed-chain", "utf8-as-gbk")


def make_model(table: str | None, weights):
    from cleaner import langmodel

    unigrams, bigrams, _ = langmodel.jieba_tables()
    if table is None:
        return langmodel.CharModel(unigrams, bigrams)
    path = Path(table) if "/" in table else ROOT / "cleaner" / "data" / table
    return langmodel.CharModel(unigrams, bigrams, langmodel.read_running(str(path)), tuple(weights))


def measure(variant: str, table: str | None, weights, limit: int, seeds: int) -> dict:
    import difflib

    from damage import damage_page, utf8_read_as_gbk
    from wiki_split import measure_paragraphs

    from cleaner import Cleaner, langmodel
    from cleaner.script.fold import fold

    langmodel.use(make_model(table, weights))
    to_hans = Cleaner(remove_furniture=False)
    keep = Cleaner(to="keep", remove_furniture=False)
    out: dict[str, list[int]] = {}
    start = time.perf_counter()
    for script in ("zh-hans", "zh-hant"):
        paragraphs = measure_paragraphs(script)[: limit or None]
        for damage in DAMAGES:
            chars = errors = guesses = 0
            for i, paragraph in enumerate(paragraphs):
                if damage == "seed-chain":
                    source = fold(paragraph)
                    cleaner = to_hans
                    damaged = [damage_page(source, seed * 1000 + i) for seed in range(seeds)]
                else:
                    source, cleaner = paragraph, keep
                    damaged = [utf8_read_as_gbk(paragraph)]
                ref = cleaner.clean(source)
                for text in damaged:
                    result = cleaner.run(text, details=False)
                    sm = difflib.SequenceMatcher(None, result.text, ref, autojunk=False)
                    errors += sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
                    guesses += sum(1 for f in result.findings if f.kind.startswith("lost"))
                    chars += len(ref)
            out[f"{script} {damage}"] = [chars, errors, guesses]
    return {"variant": variant, "cells": out, "seconds": time.perf_counter() - start}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", nargs="*", default=list(VARIANTS))
    ap.add_argument("--table", help="a running-text table to measure as variant 'table' (with --weights)")
    ap.add_argument("--weights", type=float, nargs=3, default=(0.6, 0.2, 0.2))
    ap.add_argument("--limit", type=int, default=0, help="paragraphs per script (default: all measured ones)")
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--worker", nargs=3, metavar=("VARIANT", "TABLE", "WEIGHTS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        variant, table, weights = args.worker
        print(json.dumps(measure(variant, None if table == "-" else table, json.loads(weights), args.limit, args.seeds)))
        return
    runs = {name: VARIANTS[name] for name in args.variants}
    if args.table:
        runs[f"table:{Path(args.table).name}"] = (args.table, tuple(args.weights))
    results = []
    for name, (table, weights) in runs.items():
        cmd = [sys.executable, __file__, "--limit", str(args.limit), "--seeds", str(args.seeds),
               "--worker", name, table or "-", json.dumps(weights)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode:
            sys.exit(f"{name}: {done.stderr}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    cells = list(results[0]["cells"])
    print(f"{'variant':16s} " + " ".join(f"{c:>24s}" for c in cells) + f" {'all':>8s}")
    for r in results:
        row, chars, errs = [], 0, 0
        for c in cells:
            n, e, g = r["cells"][c]
            chars, errs = chars + n, errs + e
            row.append(f"{1000 * e / n:7.2f} ({e:5d}, {g:5d} g)")
        print(f"{r['variant']:16s} " + " ".join(f"{x:>24s}" for x in row) + f" {1000 * errs / chars:8.2f}")
    n = {c: results[0]["cells"][c][0] for c in cells}
    print("errors per 1,000 characters (errors, guess findings); characters per cell: " + ", ".join(f"{c} {v:,}" for c, v in n.items()))


if __name__ == "__main__":
    main()
