"""Peak memory of the cleaner on one huge single-line document (issue: resource bounds).

    .venv/bin/python benchmarks/memory.py [--mb 100] [--kind clean seed-chain utf8-as-gbk ...]

For each kind, the clean articles of the fixtures are put through that damage process (as in
benchmarks/speed.py), their line breaks removed, and concatenated into one line of the given
size. ``cleaner FILE -o OUT`` runs on it as a child process; the script reports seconds, peak
resident memory as a multiple of the input size, and the part above an idle cleaner (start-up:
model and tables, about 150 MB) as a multiple too.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402
from speed import articles, furniture_pages, make_record  # noqa: E402


def one_line(path: Path, megabytes: float, kind: str) -> int:
    rng = random.Random(0)
    arts, pages = articles(), furniture_pages()
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < megabytes * 1e6:
            piece = make_record(kind, rng, arts, pages).replace("\n", "")
            fh.write(piece)
            size += len(piece.encode("utf-8"))
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--kind", nargs="*", default=["clean", "traditional", "seed-chain", "utf8-as-gbk"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        idle = Path(tmp) / "idle.txt"
        idle.write_text("他说：鍙戝睍。國(guó)務(wù)院\n", encoding="utf-8")  # loads every model and table
        _, _, base, _ = measure.run_cli([str(idle), "-o", str(Path(tmp) / "idle.out")])
        print(f"idle cleaner (start-up, one short page): {base / 1e6:.0f} MB")
        for kind in args.kind:
            src = Path(tmp) / f"{kind}.txt"
            size = one_line(src, args.mb, kind)
            seconds, _, peak, code = measure.run_cli([str(src), "-o", str(Path(tmp) / f"{kind}.out")])
            print(f"{kind:14s} {size / 1e6:6.1f} MB one line: {seconds:6.1f} s, peak {peak / 1e6:6.0f} MB = "
                  f"{peak / size:4.1f}x the input ({max(0, peak - base) / size:4.1f}x above idle; exit {code})")
            src.unlink()


if __name__ == "__main__":
    main()
