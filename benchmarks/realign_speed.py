"""The pinyin repair's beam (realign), the product's against its original, on the same spans.

    .venv/bin/python benchmarks/realign_speed.py [--mix damage] [--repeat 3]

Inputs: every span the pipeline hands to ``realign`` while cleaning a mix of the speed corpus
(``speed_corpus``, needs ``../shared/corpora``), collected by running ``Cleaner.run`` over it
once, with guessing on and off. Each side then reads every span: the product's
``cleaner.repair.realign`` (its beam native, native/src/realign.rs) and the Python original kept
in ``tests/reference_realign.py``; their answers (text, counts, guesses with options, runners-up
and margins) are checked equal. The first pass starts from cold caches (candidate rankings are
cached per preceding character, as in a fresh process; the native beam is made anew, and the
time to make it is shown apart); later passes are warm, and the best of ``--repeat`` is shown. CPU time of this
process; the machine may be shared, so say so with the figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))


def spans_of(mix: str) -> list[tuple[str, str, bool]]:
    """(span, character before it, guess) of every realign call the pipeline makes on ``mix``."""
    import speed_corpus

    from cleaner import Cleaner
    from cleaner.config import Config
    from cleaner.repair import annotations

    seen: list[tuple[str, str, bool]] = []
    original = annotations.realign

    def record(span, before="", *, guess=True, **kw):
        seen.append((span, before, guess))
        return original(span, before, guess=guess, **kw)

    annotations.realign = record
    try:
        pages = [text for _, text in speed_corpus.build(mix)]
        for guess in (True, False):
            cleaner = Cleaner.for_config(Config(guess_lost=guess))
            for text in pages:
                cleaner.run(text, details=False)
    finally:
        annotations.realign = original
    return list(dict.fromkeys(seen))


def answer(rep) -> tuple:
    return (rep.text, rep.annotations, rep.inserted_bytes,
            tuple((g.position, g.char, g.kind, g.options, g.alternative, g.margin) for g in rep.guesses))


def timed(fn, spans) -> tuple[float, list]:
    t = time.process_time()
    out = [answer(fn(span, before, guess=guess)) for span, before, guess in spans]
    return time.process_time() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", default="damage")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    spans = spans_of(args.mix)
    # Collecting ran the product's beam; start both sides from empty caches.
    import reference_realign

    from cleaner.repair import realign

    reference_realign._RANKED.clear()
    reference_realign._RANKERS.clear()
    realign._BEAM.clear()
    t = time.process_time()
    realign._beam()
    made = time.process_time() - t
    chars = sum(len(span) for span, _, _ in spans)
    print(f"{len(spans)} spans ({chars:,} characters) from the {args.mix} mix")
    print(f"  native beam made in {made:.2f} s (once per process)")
    results = {}
    for name, fn in (("product", realign.realign), ("original", reference_realign.realign)):
        cold, out = timed(fn, spans)
        warm = min(timed(fn, spans)[0] for _ in range(max(1, args.repeat)))
        results[name] = out
        print(f"  {name:9s} first pass {cold:6.2f} s   warm best of {args.repeat} {warm:6.2f} s")
    differ = sum(a != b for a, b in zip(results["product"], results["original"]))
    print(f"  answers: {len(spans) - differ} equal, {differ} differ")
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
