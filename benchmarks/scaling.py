"""How ``cleaner --jsonl`` and a folder run scale with worker processes, end to end and in steady state.

    .venv/bin/python benchmarks/scaling.py [--mix crawl] [--jobs 1,2] [--repeat 3] [--folder]

The input is one mix of the speed corpus (``speed_corpus.py``: real text, no document twice) as
JSON Lines. Each run is a fresh ``cleaner --jsonl FILE -o OUT --jobs N`` (learning on, as by
default), timed from start to exit. The same command on a start-up input (records of plain ASCII
filler, enough batches for the worker pool to start too, nearly nothing to clean) gives
that configuration's fixed cost: import, tables, pool, learning pass. Steady state is the corpus
rate with the fixed cost taken off: ``size / (seconds - start-up seconds)``.

Runs are interleaved (1, 2, 1, 2, ...) so that load on a shared machine falls on all alike; the
table gives min-max over the repeats, and the load average. Scaling is per repeat, N jobs over 1.

Every run's CPU is given beside its wall time (on a shared machine the wall time measures the
other users too): the command's own (the parent's) and its workers', from the kernel's
accounting. "CPU-bound" is the scaling N jobs would show alone on N idle cores if the parent's
CPU were never overlapped with its workers' (it partly is: a learning pass's warm-up runs beside
the workers), so a floor: ``T1 CPU / (parent CPU + workers' CPU / N)``. ``engine_cpu.py`` splits
a JSON Lines run by phase for the finer bound.

``--folder``: the same mix's pages, each a file of one folder (the speed corpus's documents:
distinct pages, none repeated), cleaned by ``cleaner DIR -o OUT --jobs N`` (learning on), the
start-up input a folder of ASCII filler pages.
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


def write_folders(mix: str, tmp: Path) -> tuple[Path, Path, float]:
    """The mix's pages as one folder of text files, and a start-up folder of filler pages."""
    import speed_corpus

    corpus = tmp / f"{mix}-pages"
    corpus.mkdir()
    size = 0
    for i, (_, text) in enumerate(speed_corpus.build(mix)):
        data = text.encode("utf-8")
        (corpus / f"page{i:05d}.txt").write_bytes(data)
        size += len(data)
    startup = tmp / "startup-pages"
    startup.mkdir()
    for i in range(8):
        (startup / f"filler{i}.txt").write_text(f"lorem ipsum {i} " * 200, encoding="utf-8")
    return corpus, startup, size / 1e6


# Runs the command in this child and writes its own CPU and its waited children's (the workers') at exit.
_ACCOUNTED = """
import atexit, json, resource, runpy, sys
out = sys.argv[1]
def _account():
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as fh:
        json.dump([me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime], fh)
atexit.register(_account)
sys.argv = ["cleaner", *sys.argv[2:]]
runpy.run_module("cleaner", run_name="__main__", alter_sys=True)
"""


def timed(args: list[str], tmp: Path) -> tuple[float, float, float, int]:
    """(wall seconds, the parent's CPU seconds, its workers' CPU seconds, exit code) of ``cleaner ARGS``."""
    import subprocess
    import time

    account = tmp / "cpu.json"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _ACCOUNTED, str(account), *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, cwd=HERE.parent)
    seconds = time.perf_counter() - start
    if proc.returncode:
        print(proc.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
    parent, workers = json.loads(account.read_text())
    return seconds, parent, workers, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", default="crawl")
    ap.add_argument("--jobs", default="1,2", help="worker counts, comma-separated (the first is the base)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--folder", action="store_true", help="a folder of the mix's pages instead of one JSON Lines file")
    args = ap.parse_args()

    jobs = [int(j) for j in args.jobs.split(",")]
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.folder:
            corpus, startup, size = write_folders(args.mix, tmp)
            pages = len(list(corpus.iterdir()))
            print(f"mix {args.mix}: {size:.2f} MB in {pages} distinct pages, one file each; start-up input 8 filler pages")
        else:
            corpus, startup, size = write_inputs(args.mix, tmp)
            print(f"mix {args.mix}: {size:.2f} MB of JSON Lines; start-up input {startup.stat().st_size / 1e6:.2f} MB of filler")
        runs: dict[int, list[tuple[float, float]]] = {n: [] for n in jobs}
        cpu: dict[int, list[tuple[float, float]]] = {n: [] for n in jobs}  # (parent, workers)
        for k in range(args.repeat):
            for n in jobs:
                if args.folder:  # a fresh output folder each run: nothing is skipped as up to date
                    fixed_args = [str(startup), "-o", str(tmp / f"out-startup-{k}-{n}"), "--jobs", str(n)]
                    run_args = [str(corpus), "-o", str(tmp / f"out-{k}-{n}"), "--jobs", str(n)]
                else:
                    out = str(tmp / "out.jsonl")
                    fixed_args = ["--jsonl", str(startup), "-o", out, "--jobs", str(n)]
                    run_args = ["--jsonl", str(corpus), "-o", out, "--jobs", str(n)]
                fixed, _, _, code_fixed = timed(fixed_args, tmp)
                seconds, parent, workers, code = timed(run_args, tmp)
                if code or code_fixed:
                    print(f"!! --jobs {n} exited {code or code_fixed}")
                runs[n].append((seconds, fixed))
                cpu[n].append((parent, workers))
        base = jobs[0]
        print(f"{'jobs':>4} {'seconds':>12} {'CPU s (parent)':>16} {'start-up s':>12} {'end-to-end MB/s':>16} {'steady MB/s':>12} "
              f"{'scaling e2e':>12} {'scaling steady':>15} {'CPU-bound':>10}")
        for n in jobs:
            e2e = [size / s for s, _ in runs[n]]
            steady = [size / max(s - f, 1e-9) for s, f in runs[n]]
            scale_e2e = [b[0] / r[0] for b, r in zip(runs[base], runs[n], strict=True)]
            scale_steady = [(b[0] - b[1]) / max(r[0] - r[1], 1e-9) for b, r in zip(runs[base], runs[n], strict=True)]
            bound = [sum(b) / (r[0] + r[1] / n) for b, r in zip(cpu[base], cpu[n], strict=True)]
            used = f"{span([sum(c) for c in cpu[n]])} ({span([c[0] for c in cpu[n]])})"
            print(f"{n:>4} {span([s for s, _ in runs[n]]):>12} {used:>16} {span([f for _, f in runs[n]]):>12} "
                  f"{span(e2e):>16} {span(steady):>12} {span(scale_e2e) + 'x':>12} {span(scale_steady) + 'x':>15} "
                  f"{span(bound) + 'x':>10}")
        print(f"min-max over {args.repeat} interleaved runs; nproc={os.cpu_count()}; load average "
              f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
