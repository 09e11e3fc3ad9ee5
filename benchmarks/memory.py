"""Peak memory of the cleaner on one huge single-line document (issue: resource bounds).

    .venv/bin/python benchmarks/memory.py [--mb 100] [--kind clean seed-chain utf8-as-gbk ...] [--lines]

For each kind of page of the speed corpus (``speed_corpus.py``: real text, furnished and damaged;
``clean``, ``seed-chain``, ``utf8-as-gbk`` ...), its pages of that kind, their line breaks removed,
are concatenated into one line of the given size (cycling through them again when they run out: a
memory figure, not a speed one). ``cleaner FILE -o OUT`` runs on it as a child process; the script reports seconds, peak
resident memory as a multiple of the input size, and the part above an idle cleaner (start-up:
model and tables, about 150 MB) as a multiple too. ``--lines``: the pages keep their lines and
are separated by a blank line (articles concatenated into one text file), so the stages that work
line by line see a huge number of lines instead of one huge line.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402
import speed_corpus  # noqa: E402


def one_line(path: Path, megabytes: float, kind: str, lines: bool = False) -> int:
    pages = [text + "\n\n" if lines else text.replace("\n", "")
             for mix in speed_corpus.MIXES for k, text in speed_corpus.build(mix) if k == kind]
    if not pages:
        sys.exit(f"memory.py: no page of kind {kind!r} (kinds: {', '.join(speed_corpus.MIXES['crawl'])})")
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for piece in itertools.cycle(pages):
            if size >= megabytes * 1e6:
                break
            fh.write(piece)
            size += len(piece.encode("utf-8"))
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--kind", nargs="*", default=["clean", "seed-chain", "utf8-as-gbk"])
    ap.add_argument("--lines", action="store_true", help="keep the pages' lines (a text of many articles)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        idle = Path(tmp) / "idle.txt"
        idle.write_text("他说：鍙戝睍。國(guó)務(wù)院\n", encoding="utf-8")  # loads every model and table
        _, _, base, _ = measure.run_cli([str(idle), "-o", str(Path(tmp) / "idle.out")])
        print(f"idle cleaner (start-up, one short page): {base / 1e6:.0f} MB")
        for kind in args.kind:
            src = Path(tmp) / f"{kind}.txt"
            size = one_line(src, args.mb, kind, args.lines)
            seconds, _, peak, code = measure.run_cli([str(src), "-o", str(Path(tmp) / f"{kind}.out")])
            shape = "in lines" if args.lines else "one line"
            print(f"{kind:14s} {size / 1e6:6.1f} MB {shape}: {seconds:6.1f} s, peak {peak / 1e6:6.0f} MB = "
                  f"{peak / size:4.1f}x the input ({max(0, peak - base) / size:4.1f}x above idle; exit {code})")
            src.unlink()


if __name__ == "__main__":
    main()
