"""Throughput (MB/s) and peak memory of the cleaner against the naive chain, on one corpus.

    .venv/bin/python benchmarks/speed.py [--mb 20] [--jobs N] [--big-mb 1000] [--kinds a=0.5,b=0.5]

The corpus is JSON Lines built from the clean articles of the fixtures (the seeds' expected files
and fixtures/clean) and the furniture fixtures, each record put through one of the damage
processes of tests/damage.py, in the shares of ``MIX`` (a crawl where most pages are fine). It
reports, in one run:

- per kind of record, our pipeline in this process (one core) and the naive chain
  (``ftfy.fix_text`` then OpenCC t2s) on the same records;
- the whole corpus: naive chain in this process, ``cleaner --jsonl`` with 1 job and with all
  jobs as a child process (end to end: JSON parsing, cleaning, writing), with the peak resident
  memory of its process tree (sum over processes) and of its largest process;
- with ``--big-mb``: the peak memory of ``cleaner --jsonl --jobs 1`` on a corpus that large.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402
from damage import damage_lines, damage_page, naive_s2t  # noqa: E402

# Kind of record -> share of the corpus (by records). Most pages of a crawl are clean; the damaged
# ones carry one of the notes' processes.
MIX = {
    "clean": 0.50,
    "traditional": 0.10,
    "furniture": 0.08,
    "seed-chain": 0.02,
    "utf8-as-gbk": 0.06,
    "big5-as-gbk": 0.06,
    "utf8-as-cp1252": 0.06,
    "html-entities": 0.06,
    "fullwidth": 0.06,
}


def articles() -> list[str]:
    paths = sorted((ROOT / "fixtures" / "seeds" / "expected-zh-hans").glob("*.txt")) + sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    return [p.read_text(encoding="utf-8").strip() for p in paths]


def furniture_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "furniture").glob("*.txt"))]


def make_record(kind: str, rng: random.Random, arts: list[str], pages: list[str]) -> str:
    text = rng.choice(arts)
    if kind == "clean":
        return text
    if kind == "traditional":
        return naive_s2t(text)
    if kind == "furniture":
        return rng.choice(pages)
    if kind == "seed-chain":
        return damage_page(text, rng.randrange(1 << 30))
    return damage_lines(text, kind, rng)


def build_corpus(path: Path, megabytes: float, mix: dict[str, float], seed: int = 0) -> dict[str, list[str]]:
    """Write the corpus; return a sample of each kind's texts (for the per-kind figures)."""
    rng = random.Random(seed)
    arts, pages = articles(), furniture_pages()
    kinds, weights = list(mix), list(mix.values())
    samples: dict[str, list[str]] = {k: [] for k in kinds}
    size, n = 0, 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < megabytes * 1e6:
            kind = rng.choices(kinds, weights)[0]
            text = make_record(kind, rng, arts, pages)
            if len(samples[kind]) < 200:
                samples[kind].append(text)
            line = json.dumps({"id": n, "kind": kind, "text": text}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return samples


def naive_chain():
    import ftfy
    import opencc

    converter = opencc.OpenCC("t2s")
    return lambda text: converter.convert(ftfy.fix_text(text))


def rate(fn, texts: list[str], repeat: int = 3) -> float:
    """MB/s of ``fn`` over ``texts`` (best of ``repeat`` passes, after one warm-up pass)."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts:
        fn(t)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - start)
    return size / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes for the all-jobs run")
    ap.add_argument("--big-mb", type=float, default=0.0, help="also measure peak memory on a corpus this large")
    ap.add_argument("--kinds", help="override the mix, e.g. clean=0.9,seed-chain=0.1")
    args = ap.parse_args()
    mix = dict(MIX)
    if args.kinds:
        mix = {k: float(v) for k, v in (item.split("=") for item in args.kinds.split(","))}

    from cleaner import Cleaner

    naive = naive_chain()
    cleaner = Cleaner()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        samples = build_corpus(corpus, args.mb, mix)
        size = corpus.stat().st_size / 1e6
        print(f"corpus: {size:.1f} MB, {sum(1 for _ in open(corpus, encoding='utf-8'))} records; mix {mix}")
        print(f"\n{'kind':16s} {'share':>6s} {'ours MB/s':>10s} {'naive MB/s':>11s}")
        for kind, texts in samples.items():
            if texts:
                print(f"{kind:16s} {mix[kind]:6.2f} {rate(cleaner.clean, texts):10.2f} {rate(naive, texts):11.2f}")

        texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
        naive_rate = rate(naive, texts, repeat=1)
        del texts
        print(f"\nwhole corpus, one core: naive chain {naive_rate:.2f} MB/s (in process)")
        results = {}
        for jobs in sorted({1, args.jobs}):
            seconds, tree, single, code = measure.run_cli(["--jsonl", str(corpus), "-o", str(Path(tmp) / f"out{jobs}.jsonl"), "--jobs", str(jobs)])
            results[jobs] = size / seconds
            print(f"cleaner --jsonl --jobs {jobs}: {size / seconds:6.2f} MB/s ({seconds:.1f} s, start-up included), "
                  f"peak RSS {tree / 1e6:.0f} MB in all processes, {single / 1e6:.0f} MB the largest (exit {code})")
        print(f"ours / naive on one core: {results[1] / naive_rate:.1f}x")
        if args.jobs > 1:
            print(f"scaling 1 -> {args.jobs} jobs: {results[args.jobs] / results[1]:.2f}x")
        if args.big_mb:
            big = Path(tmp) / "big.jsonl"
            with open(big, "wb") as out:
                while out.tell() < args.big_mb * 1e6:
                    with open(corpus, "rb") as fh:
                        out.write(fh.read())
            big_size = big.stat().st_size / 1e6
            corpus.unlink()
            seconds, tree, single, code = measure.run_cli(["--jsonl", str(big), "--jobs", "1"])  # to stdout, discarded
            print(f"\n{big_size:.0f} MB corpus, --jobs 1: {big_size / seconds:.2f} MB/s, peak RSS {tree / 1e6:.0f} MB "
                  f"(largest process {single / 1e6:.0f} MB, exit {code})")


if __name__ == "__main__":
    main()
