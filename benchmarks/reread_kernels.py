"""The re-read's kernels, native against their Python originals, on the same inputs.

    .venv/bin/python benchmarks/reread_kernels.py [--lines 600] [--repeat 3]

Inputs: lines of the speed corpus's damage mix (``speed_corpus``, needs ``../shared/corpora``),
written in UTF-8 and read as GBK with ``errors="replace"`` (the commonest misreading), as
``mojibake`` hands them to the kernels: the byte view (``decoders.byte_view``), its reading
(``reread.read``), the choice (``holes.choose_ranked``) and the model's score of each line
(``CharModel.score``). The originals are tests/reference_*.py; every answer is checked equal.
Best of ``--repeat`` timings; the machine may be shared, so say so with the figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import reference_decoders
    import reference_holes
    import reference_langmodel
    import reference_reread
    import speed_corpus

    from cleaner.langmodel import model
    from cleaner.repair import decoders, holes, reread

    pages = [text for _, text in speed_corpus.build("damage")]
    lines = [line for page in pages for line in page.split("\n") if len(line) >= 8][: args.lines]
    misread = [line.encode("utf-8").decode("gbk", "replace") for line in lines]
    lm, ref_lm = model(), reference_langmodel.model()
    views = [decoders.byte_view(text, "gbk")[0] for text in misread]
    # Warm both sides (tables, indexes, caches) before timing.
    for v in views[:20]:
        reread.read(v, "utf-8", "gbk")
        reference_reread.read(v, "utf-8", "gbk")
    items = [reread.read(v, "utf-8", "gbk")[0] for v in views]
    kernels = {
        "byte_view": (lambda: [decoders.byte_view(t, "gbk") for t in misread],
                      lambda: [reference_decoders.byte_view(t, "gbk") for t in misread]),
        "reread.read": (lambda: [reread.read(v, "utf-8", "gbk") for v in views],
                        lambda: [reference_reread.read(v, "utf-8", "gbk") for v in views]),
        "choose_ranked": (lambda: [holes.choose_ranked([list(i) for i in it], "", True) for it in items],
                          lambda: [reference_holes.choose_ranked([list(i) for i in it], "", True) for it in items]),
        "score": (lambda: [lm.score(t) for t in lines], lambda: [ref_lm.score(t) for t in lines]),
    }
    chars = sum(map(len, misread))
    print(f"{len(lines)} misread lines, {chars:,} characters; best of {args.repeat}")
    print(f"{'kernel':15} {'native s':>9} {'python s':>9} {'speed-up':>9}")
    for name, (native, python) in kernels.items():
        t_native, a = best(native, args.repeat)
        t_python, b = best(python, args.repeat)
        if a != b:
            raise SystemExit(f"{name}: native and reference answers differ")
        print(f"{name:15} {t_native:9.3f} {t_python:9.3f} {t_python / t_native:8.1f}x")


if __name__ == "__main__":
    main()
