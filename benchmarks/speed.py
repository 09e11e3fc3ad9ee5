"""Throughput (MB/s of input) of the cleaner against two chains users assemble themselves.

    .venv/bin/python benchmarks/speed.py [--repeat 3] [--mix crawl,damage] [--jobs 2] [--no-cli] [--batch N]

The corpus (``speed_corpus.py``) is real text never repeated: the measured part of the wiki
corpus in both scripts, grouped into 1-4 KB pages, and the article text of
``../shared/corpora/webpages``, dressed in furniture and damaged in two stated mixes, ``crawl``
(80 % clean) and ``damage`` (60 % damaged, half of it the seed chain). Fixed seed.

Measured in the same run, each repeat in a fresh process (so no cache is warm that a real run
would not have warm, and no page is seen twice):

- ``cleaner``: ``Cleaner.for_config(Config()).run(text, details=False)``, as the engines run it,
  on one core; with ``--batch N``, ``run_many`` on N pages at a time instead (the same results,
  each phase of the pipeline over the N pages before the next: no time per kind of page then);
- ``naive``: ``ftfy.fix_text`` then OpenCC ``t2s``;
- ``careful``: ftfy with a Chinese-safe configuration (no width folding, quotes kept curly),
  a regex that strips pinyin annotations after Han characters, OpenCC ``t2s``, and a regex that
  restores fullwidth punctuation next to Han characters;
- ``cleaner --jsonl --jobs 1`` and ``--jobs N`` as a child process, end to end (start-up, JSON,
  cleaning, writing), for the scaling.

Cold start is the import, the construction and the first page; steady state is every other page,
each once. Figures are min-max over the repeats. The machine may be shared: say so with them;
the steady rates are also given per second of the worker's own CPU time, which a busy machine
disturbs much less than the wall clock.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHAINS = ("cleaner", "naive", "careful")


# --- the chains, each built inside its worker process --------------------------------------------------


def build_chain(name: str):
    if name == "cleaner":
        from cleaner import Cleaner
        from cleaner.config import Config

        cleaner = Cleaner.for_config(Config())
        return lambda text: cleaner.run(text, details=False).text
    if name == "cleaner-batch":  # a list of pages at once (--batch)
        from cleaner import Cleaner
        from cleaner.config import Config

        cleaner = Cleaner.for_config(Config())
        return lambda texts: [r.text for r in cleaner.run_many(texts, details=False)]
    import ftfy
    import opencc

    t2s = opencc.OpenCC("t2s")
    if name == "naive":
        return lambda text: t2s.convert(ftfy.fix_text(text))
    if name == "careful":
        import re

        config = ftfy.TextFixerConfig(fix_character_width=False, uncurl_quotes=False, explain=False)
        han = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
        annotation = re.compile(rf"(?<=[{han}])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{{1,7}}[1-5]?\)")
        signs = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
        punct = re.compile(rf"(?<=[{han}])[,:;!?]|[,:;!?](?=[{han}])")

        def careful(text: str) -> str:
            text = ftfy.fix_text(text, config)
            text = annotation.sub("", text)
            text = t2s.convert(text)
            return punct.sub(lambda m: signs[m.group()], text)

        return careful
    raise ValueError(name)


def worker(name: str, pages_path: str, batch: int = 1) -> None:
    """One repeat in this fresh process: cold start, then every other page once; JSON on stdout.
    ``batch`` > 1: the cleaner's pages ``batch`` at a time (``Cleaner.run_many``), timed whole."""
    start = time.perf_counter()
    batched = name == "cleaner" and batch > 1
    fn = build_chain("cleaner-batch" if batched else name)
    with open(pages_path, encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh]
    load = time.perf_counter()
    fn([pages[0]["text"]] if batched else pages[0]["text"])
    cold = (load - start) + (time.perf_counter() - load)  # corpus reading is not the chain's
    per_kind: dict[str, list[float]] = {}
    failed: list[str] = []  # a page that raises is counted and told, never hidden
    steady_start, steady_cpu = time.perf_counter(), time.process_time()
    for at in range(1, len(pages), batch) if batched else ():
        chunk = pages[at : at + batch]
        try:
            fn([page["text"] for page in chunk])
        except Exception as exc:  # noqa: BLE001  as below: told, the run goes on
            failed.append(f"pages {chunk[0]['id']}-{chunk[-1]['id']}: {exc!r}"[:200])
    for page in () if batched else pages[1:]:
        t = time.perf_counter()
        try:
            fn(page["text"])
        except Exception as exc:  # noqa: BLE001  a bug in the chain; the run goes on and says so
            failed.append(f"page {page['id']} ({page['kind']}): {exc!r}"[:200])
        spent = per_kind.setdefault(page["kind"], [0.0, 0])
        spent[0] += time.perf_counter() - t
        spent[1] += len(page["text"].encode("utf-8"))
    steady = time.perf_counter() - steady_start
    cpu = time.process_time() - steady_cpu
    size = sum(len(p["text"].encode("utf-8")) for p in pages[1:])
    print(json.dumps({"cold": cold, "steady": steady, "cpu": cpu, "bytes": size, "per_kind": per_kind, "failed": failed}))


def run_worker(name: str, pages_path: Path, batch: int = 1) -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", name, str(pages_path), str(batch)], capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"worker {name} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- reporting -------------------------------------------------------------------------------------------


def span(values: list[float], fmt: str = "{:.3g}") -> str:
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else f"{fmt.format(lo)}-{fmt.format(hi)}"


def measure_mix(mix: str, repeat: int, jobs: int, cli: bool, tmp: Path, batch: int = 1) -> dict:
    import measure
    import speed_corpus

    pages = speed_corpus.build(mix)
    pages_path = tmp / f"{mix}.jsonl"
    with open(pages_path, "w", encoding="utf-8") as fh:
        for i, (kind, text) in enumerate(pages):
            fh.write(json.dumps({"id": i, "kind": kind, "text": text}, ensure_ascii=False) + "\n")
    size = sum(len(t.encode("utf-8")) for _, t in pages) / 1e6
    print(f"\n== mix {mix}: {len(pages)} pages, {size:.2f} MB of text ({pages_path.stat().st_size / 1e6:.2f} MB as JSON Lines); "
          f"shares {speed_corpus.MIXES[mix]}")
    runs: dict[str, list[dict]] = {name: [] for name in CHAINS}
    for _ in range(repeat):
        for name in CHAINS:  # interleaved, so that load on the machine falls on all of them alike
            runs[name].append(run_worker(name, pages_path, batch))
    for name, rs in runs.items():
        for failure in sorted({f for r in rs for f in r["failed"]}):
            print(f"!! {name} raised on {failure}")
    rates = {name: [r["bytes"] / 1e6 / r["steady"] for r in rs] for name, rs in runs.items()}
    result = {"mix": mix, "size": size, "rates": rates, "cold": {n: [r["cold"] for r in rs] for n, rs in runs.items()}}
    # MB per second of the process's own CPU time: on a shared machine (other processes on the
    # cores) wall-clock rates swing with the load, CPU-time rates much less.
    cpu_rates = {name: [r["bytes"] / 1e6 / r["cpu"] for r in rs] for name, rs in runs.items()}
    result["cpu_rates"] = cpu_rates
    print(f"{'chain':10s} {'steady MB/s':>14s} {'MB/s of CPU':>14s} {'cold start s':>14s}")
    for name in CHAINS:
        print(f"{name:10s} {span(rates[name]):>14s} {span(cpu_rates[name]):>14s} {span(result['cold'][name]):>14s}")
    # Ratios per repeat (each repeat ran the three back to back).
    for other in ("naive", "careful"):
        ratios = [a / b for a, b in zip(rates["cleaner"], rates[other], strict=True)]
        result[f"vs_{other}"] = ratios
        cpu_ratios = [a / b for a, b in zip(cpu_rates["cleaner"], cpu_rates[other], strict=True)]
        print(f"cleaner / {other}: {span(ratios)}x (CPU time: {span(cpu_ratios)}x)")
    if batch > 1:
        print(f"cleaner: pages {batch} at a time (run_many), no time per kind of page")
    else:
        print("cleaner per kind of page (steady MB/s of wall-clock time, min-max):")
    for kind in sorted(runs["cleaner"][0]["per_kind"]):
        values = [r["per_kind"][kind][1] / 1e6 / r["per_kind"][kind][0] for r in runs["cleaner"]]
        share = runs["cleaner"][0]["per_kind"][kind][1] / 1e6 / size
        print(f"  {kind:16s} {share:6.1%} of bytes {span(values):>12s}")
    if cli:
        result["cli"] = {}
        for n in sorted({1, jobs}):
            values = []
            for _ in range(repeat):
                seconds, tree, single, code = measure.run_cli(["--jsonl", str(pages_path), "-o", str(tmp / "out.jsonl"), "--jobs", str(n)])
                if code:  # 1: some records failed (told on stderr above); the rate is still the run's
                    print(f"!! cleaner --jsonl --jobs {n} exited {code}")
                values.append(pages_path.stat().st_size / 1e6 / seconds)
            result["cli"][n] = values
            print(f"cleaner --jsonl --jobs {n}: {span(values)} MB/s of JSON Lines, end to end (start-up included), peak RSS "
                  f"{single / 1e6:.0f} MB the largest process, {tree / 1e6:.0f} MB all processes (shared pages counted in each), "
                  f"{measure.last_peak_pss / 1e6:.0f} MB all processes by PSS")
        if jobs > 1:
            scaling = [b / a for a, b in zip(result["cli"][1], result["cli"][jobs], strict=True)]
            result["scaling"] = scaling
            print(f"scaling 1 -> {jobs} jobs: {span(scaling)}x")
    return result


def table(results: list[dict], repeat: int, jobs: int) -> None:
    """The Markdown table README shows."""
    print(f"\n| mix | cleaner MB/s | naive chain MB/s | careful chain MB/s | vs naive | vs careful | cold start s | --jsonl 1 job | {jobs} jobs / 1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        cli = r.get("cli", {})
        print(f"| {r['mix']} ({r['size']:.1f} MB) | {span(r['rates']['cleaner'])} | {span(r['rates']['naive'])} | {span(r['rates']['careful'])} "
              f"| {span(r['vs_naive'])}x | {span(r['vs_careful'])}x | {span(r['cold']['cleaner'])} "
              f"| {span(cli[1]) + ' MB/s' if 1 in cli else '-'} | {span(r['scaling']) + 'x' if 'scaling' in r else '-'} |")
    print(f"\nmin-max over {repeat} runs, one core each, steady state (every page once, cold start apart); "
          f"nproc={os.cpu_count()}; load average {os.getloadavg()[0]:.1f} at the end")


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each chain (fresh processes), default 3")
    ap.add_argument("--mix", default="crawl,damage", help="mixes to measure (speed_corpus.MIXES)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the scaling run (default 2)")
    ap.add_argument("--no-cli", action="store_true", help="skip the cleaner --jsonl runs")
    ap.add_argument("--batch", type=int, default=1, help="the cleaner's pages N at a time (Cleaner.run_many; default 1: run)")
    args = ap.parse_args()
    import measure

    measure.compile_package()  # cold starts read bytecode, as from an installed wheel
    print(f"load average at start: {os.getloadavg()[0]:.1f} (nproc={os.cpu_count()})")
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure_mix(mix, args.repeat, args.jobs, not args.no_cli, Path(tmp), args.batch) for mix in args.mix.split(",")]
    table(results, args.repeat, args.jobs)


if __name__ == "__main__":
    main()
