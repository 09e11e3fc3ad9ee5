"""Memory of corpus-level learning (cleaner/furniture/learn.py): the learner per million documents,
and the peak resident memory of a learning folder run against the same run with --no-learn.

    .venv/bin/python benchmarks/learn_memory.py [--docs 1000000] [--sites 2000] [--pages 3000] [--skip-run | --skip-learner]

Documents are built from the wiki corpus (``../shared/corpora/wiki``): each has 20 article lines
(pairs of sentences, so almost every line is unique, as in a crawl) and the 8 furniture lines of
one of ``--sites`` synthetic portals, with counters and dates that vary. The learner's memory is
its filter's bytes plus the deep size of its candidate table and site counters, printed every
fifth of the run: it must stop growing once the table is full. Timings are of a shared machine:
noisy.
"""

from __future__ import annotations

import argparse
import pickle
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wiki"


def sentences() -> list[str]:
    if not CORPUS.is_dir():
        sys.exit(f"benchmarks/learn_memory.py: {CORPUS} is missing (the wiki corpus, see ../shared/corpora/README.md)")
    out = []
    for name in ("zh-hans.txt", "zh-hant.txt"):
        for para in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            out.extend(s + "。" for s in para.split("。") if 10 <= len(s) <= 120)
    return out


FURNITURE = ["{s}网 | 首页 | 新闻 | 财经 | 体育 | 娱乐", "当前位置：首页 > 新闻 > 正文", "发布时间：2023-{m}-{d} {h}:{mi}  浏览：{n}次",
             "分享到：微信 微博 QQ空间", "【打印本页】【关闭窗口】", "扫一扫，关注{s}网官方微信",
             "{s}网版权所有，未经授权不得转载。", "Copyright © 2005-2023 {s}网 ICP备{n}号"]


def document(rng: random.Random, pool: list[str], sites: int) -> tuple[str, str]:
    site = rng.randrange(sites)
    name = f"站{chr(0x4E00 + site % 20000)}{chr(0x4E00 + site // 20000)}"
    lines = [f.format(s=name, m=rng.randint(1, 12), d=rng.randint(1, 28), h=rng.randint(0, 23), mi=rng.randint(0, 59),
                      n=rng.randint(1, 99999)) for f in FURNITURE]
    body = [rng.choice(pool) + rng.choice(pool) for _ in range(20)]
    return "\n".join(lines[:4] + body + lines[4:]), f"site{site}.example.cn"


def deep_size(learner) -> int:
    size = len(learner.seen) + sys.getsizeof(learner.table) + sys.getsizeof(learner.site_docs)
    for h, entry in learner.table.items():
        size += sys.getsizeof(h) + sys.getsizeof(entry) + sys.getsizeof(entry.norm) + (sys.getsizeof(entry.example) if entry.example else 0)
    size += sum(sys.getsizeof(k) + 28 for k in learner.site_docs)
    return size


def learner_memory(docs: int, sites: int) -> None:
    from cleaner.furniture.learn import Learner

    rng = random.Random(0)
    pool = sentences()
    learner = Learner()
    start = time.perf_counter()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"learner: {docs:,} documents of {sites:,} sites, 28 lines each")
    for i in range(1, docs + 1):
        learner.add(*document(rng, pool, sites))
        if i % (docs // 5) == 0:
            print(f"  {i:>9,} docs: learner {deep_size(learner) / 1e6:6.1f} MB (filter {len(learner.seen) / 1e6:.1f} MB, "
                  f"{len(learner.table):,} candidates, {len(learner.site_docs):,} sites, {learner.evictions} evictions), "
                  f"{(time.perf_counter() - start) / i * 1e6:.0f} µs/doc with the generation")
    learned = learner.learned()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"  peak RSS growth of this process {(rss - rss0) / 1e3:.0f} MB; learned {learned.line_count():,} lines of "
          f"{len(learned.lines):,} sites; table for the workers pickles to {len(pickle.dumps(learned.for_workers())) / 1e3:.0f} kB")


def folder_run(pages: int, jobs: int) -> None:
    import measure

    rng = random.Random(1)
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "pages"
        src.mkdir()
        size = 0
        for i in range(pages):
            text, _ = document(rng, pool, 20)
            size += (src / f"{i:06d}.txt").write_text(text + "\n", encoding="utf-8")
        print(f"folder run: {pages:,} pages of 20 portals ({size / 1e6:.1f} MB), --jobs {jobs}")
        for extra in ([], ["--no-learn"]):
            seconds, tree, single, code = measure.run_cli([str(src), "-o", str(Path(tmp) / f"out{len(extra)}"), "--jobs", str(jobs), *extra])
            print(f"  {' '.join(extra) or 'learning':10s} {seconds:6.1f} s  peak RSS: all processes {tree / 1e6:6.0f} MB, "
                  f"largest process {single / 1e6:5.0f} MB  (exit {code})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--sites", type=int, default=2000)
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-run", action="store_true", help="only the learner, no folder run")
    ap.add_argument("--skip-learner", action="store_true", help="only the folder runs")
    args = ap.parse_args()
    if not args.skip_learner:
        learner_memory(args.docs, args.sites)
    if not args.skip_run:
        folder_run(args.pages, args.jobs)


if __name__ == "__main__":
    main()
