"""The re-read's kernels, native against their Python originals, on the same inputs.

    .venv/bin/python benchmarks/reread_kernels.py [--lines 600] [--repeat 3]

Inputs: lines of the speed corpus's damage mix (``speed_corpus``, needs ``../shared/corpora``),
written in UTF-8 and read as GBK with ``errors="replace"`` (the commonest misreading), as
``mojibake`` hands them to the kernels: the byte view (``decoders.byte_view``), its reading
(``reread.read``), the choice (``holes.choose_ranked``) and the model's score of each line
(``CharModel.score``). The originals are tests/reference_*.py; every answer is checked equal.
Best of ``--repeat`` passes, answers dropped (as the repairs drop them); the Python originals'
caches are warm, as in a long run. The machine may be shared: say so with the figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))


def best(calls, repeat: int) -> float:
    """Best time of one pass over the calls, each answer dropped as the repairs drop them (held
    answers would time the cyclic garbage collector walking them instead)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for call in calls:
            call()
        times.append(time.perf_counter() - t)
    return min(times)


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
    # Per kernel, (native, Python) calls on the same inputs; default arguments bind each input.
    kernels = {
        "byte_view": ([lambda t=t: decoders.byte_view(t, "gbk") for t in misread],
                      [lambda t=t: reference_decoders.byte_view(t, "gbk") for t in misread]),
        "reread.read": ([lambda v=v: reread.read(v, "utf-8", "gbk") for v in views],
                        [lambda v=v: reference_reread.read(v, "utf-8", "gbk") for v in views]),
        "choose_ranked": ([lambda it=it: holes.choose_ranked([list(i) for i in it], "", True) for it in items],
                          [lambda it=it: reference_holes.choose_ranked([list(i) for i in it], "", True) for it in items]),
        "score": ([lambda t=t: lm.score(t) for t in lines], [lambda t=t: ref_lm.score(t) for t in lines]),
    }
    chars = sum(map(len, misread))
    print(f"{len(lines)} misread lines, {chars:,} characters; best of {args.repeat}")
    print(f"{'kernel':15} {'native s':>9} {'python s':>9} {'speed-up':>9}")
    for name, (native, python) in kernels.items():
        if [call() for call in native] != [call() for call in python]:
            raise SystemExit(f"{name}: native and reference answers differ")
        t_native = best(native, args.repeat)
        t_python = best(python, args.repeat)
        print(f"{name:15} {t_native:9.3f} {t_python:9.3f} {t_python / t_native:8.1f}x")


if __name__ == "__main__":
    main()
