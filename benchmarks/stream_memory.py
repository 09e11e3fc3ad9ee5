"""Peak memory of a compressed JSON Lines run: records stream, so memory stays flat in the input.

    .venv/bin/python benchmarks/stream_memory.py [--mb 1000] [--jobs 1] [--wiki ../shared/corpora/wiki]

Writes a ``.jsonl.gz`` of ``--mb`` megabytes (uncompressed) whose records are Wikipedia paragraphs
of both scripts (``--wiki``; consecutive runs of 1-6 paragraphs, so records differ, though a 1 GB
corpus must reuse paragraphs), some put through the damage processes of tests/damage.py, then
runs ``cleaner IN.jsonl.gz -o OUT.jsonl.zst`` as a child process and prints seconds and the peak
resident memory (largest process, and all processes together: by RSS, which counts the tables the
workers share with their parent once in each, and by PSS, which shares them out).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import measure  # noqa: E402


def paragraphs(wiki: Path) -> list[str]:
    out = []
    for name in ("zh-hans.txt", "zh-hant.txt"):
        out += [p.strip() for p in (wiki / name).read_text(encoding="utf-8").split("\n") if len(p.strip()) > 20]
    return out


def write_corpus(path: Path, megabytes: float, paras: list[str]) -> int:
    from damage import damage_lines

    rng = random.Random(0)
    written = 0
    with gzip.open(path, "wb", compresslevel=1) as fh:
        i = 0
        while written < megabytes * 1e6:
            start = rng.randrange(len(paras))
            text = "\n".join(paras[start : start + rng.randint(1, 6)])
            if rng.random() < 0.2:
                text = damage_lines(text, rng.choice(["utf8-as-gbk", "html-entities", "fullwidth"]), rng)
            line = (json.dumps({"id": f"{i:09d}", "text": text, "n": rng.random()}, ensure_ascii=False) + "\n").encode()
            fh.write(line)
            written += len(line)
            i += 1
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1000.0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--wiki", type=Path, default=Path("../shared/corpora/wiki"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl.gz"
        size = write_corpus(src, args.mb, paragraphs(args.wiki))
        print(f"corpus: {size / 1e6:.0f} MB of JSON Lines, {src.stat().st_size / 1e6:.0f} MB gzip-compressed")
        seconds, total, largest, code = measure.run_cli([str(src), "-o", str(Path(tmp) / "out.jsonl.zst"), "--jobs", str(args.jobs)])
        print(f"--jobs {args.jobs}: {seconds:.0f} s ({size / 1e6 / seconds:.2f} MB/s), peak RSS {largest / 1e6:.0f} MB the largest "
              f"process, {total / 1e6:.0f} MB all processes (pages shared copy-on-write counted in each), "
              f"{measure.last_peak_pss / 1e6:.0f} MB all processes by PSS (exit {code})")


if __name__ == "__main__":
    main()
