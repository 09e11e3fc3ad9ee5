"""How ``cleaner --jsonl`` scales with worker processes, end to end and in steady state.

    .venv/bin/python benchmarks/scaling.py [--mix crawl] [--jobs 1,2] [--repeat 3]

The input is one mix of the speed corpus (``speed_corpus.py``: real text, no document twice) as
JSON Lines. Each run is a fresh ``cleaner --jsonl FILE -o OUT --jobs N`` (learning on, as by
default), timed from start to exit. The same command on a start-up input (records of plain ASCII
filler, enough batches for the worker pool to start too, nearly nothing to clean) gives
that configuration's fixed cost: import, tables, pool, learning pass. Steady state is the corpus
rate with the fixed cost taken off: ``size / (seconds - start-up seconds)``.

Runs are interleaved (1, 2, 1, 2, ...) so that load on a shared machine falls on all alike; the
table gives min-max over the repeats, and the load average. Scaling is per repeat, N jobs over 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def span(values: list[float], fmt: str = "{:.2f}") -> str:
    lo, hi = fmt.format(min(values)), fmt.format(max(values))
    return lo if lo == hi else f"{lo}-{hi}"


def write_inputs(mix: str, tmp: Path) -> tuple[Path, Path, float]:
    import speed_corpus

    from cleaner.engines.jsonl import BATCH_BYTES, WORKERS_FROM

    corpus = tmp / f"{mix}.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i, (kind, text) in enumerate(speed_corpus.build(mix)):
            fh.write(json.dumps({"id": i, "kind": kind, "text": text}, ensure_ascii=False) + "\n")
    startup = tmp / "startup.jsonl"
    filler = "lorem ipsum " * 2000  # 24 KB of ASCII: every stage passes it at once
    with open(startup, "w", encoding="utf-8") as fh:
        for i in range((WORKERS_FROM + 1) * BATCH_BYTES // len(filler) + 2):
            fh.write(json.dumps({"id": i, "text": filler}) + "\n")
    return corpus, startup, corpus.stat().st_size / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", default="crawl")
    ap.add_argument("--jobs", default="1,2", help="worker counts, comma-separated (the first is the base)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import measure

    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus, startup, size = write_inputs(args.mix, tmp)
        print(f"mix {args.mix}: {size:.2f} MB of JSON Lines; start-up input {startup.stat().st_size / 1e6:.2f} MB of filler")
        runs: dict[int, list[tuple[float, float]]] = {n: [] for n in jobs}
        for _ in range(args.repeat):
            for n in jobs:
                out = str(tmp / "out.jsonl")
                fixed, _, _, code_fixed = measure.run_cli(["--jsonl", str(startup), "-o", out, "--jobs", str(n)])
                seconds, _, _, code = measure.run_cli(["--jsonl", str(corpus), "-o", out, "--jobs", str(n)])
                if code or code_fixed:
                    print(f"!! --jobs {n} exited {code or code_fixed}")
                runs[n].append((seconds, fixed))
        base = jobs[0]
        print(f"{'jobs':>4} {'seconds':>12} {'start-up s':>12} {'end-to-end MB/s':>16} {'steady MB/s':>12} "
              f"{'scaling e2e':>12} {'scaling steady':>15}")
        for n in jobs:
            e2e = [size / s for s, _ in runs[n]]
            steady = [size / max(s - f, 1e-9) for s, f in runs[n]]
            scale_e2e = [b[0] / r[0] for b, r in zip(runs[base], runs[n], strict=True)]
            scale_steady = [(b[0] - b[1]) / max(r[0] - r[1], 1e-9) for b, r in zip(runs[base], runs[n], strict=True)]
            print(f"{n:>4} {span([s for s, _ in runs[n]]):>12} {span([f for _, f in runs[n]]):>12} {span(e2e):>16} "
                  f"{span(steady):>12} {span(scale_e2e) + 'x':>12} {span(scale_steady) + 'x':>15}")
        print(f"min-max over {args.repeat} interleaved runs; nproc={os.cpu_count()}; load average "
              f"{os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
