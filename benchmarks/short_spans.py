"""Short misread spans inside correct text (issue 16): repaired, kept as evidence, or destroyed.

    .venv/bin/python benchmarks/short_spans.py [--paragraphs N] [--cell SRC:DECODER:ERRORS ...]
                                               [--to keep zh-hans] [--show N] [--split measure|build] [--skip K]

Each measured Wikipedia paragraph (``benchmarks/wiki_split.py``'s ``measure_paragraphs``; both
scripts, Traditional only for a Big5 source) gets one short misread span
(``tests/short_span_damage.py``: a 2-12 character span, a 2-4 character name, or a title line,
with nothing, an emoji or an Extension B character inside it) and is cleaned with furniture
removal off, under each ``--to`` (``keep``, and ``zh-hans``, where script conversion could
rewrite mojibake it did not recognise). The reference is the same cleaner's output on the correct
text. Per cell and target:

- ``err/1k``: lost + wrong + extra characters per 1,000 characters of the reference;
- ``fixed``: cases whose output is the reference; ``kept``: the rest where the misread span stands
  in the output byte for byte (evidence a later repair or a person can still read);
  ``lost``: the rest (the span changed but not to the truth: converted, folded, wrongly read);
- ``idem``: cases not changed by a second clean (of all cases);
- ``conv`` (under a converting ``--to``): cases where conversion rewrote mojibake, the evidence
  gone: a character of the misread span, left by the repairs (in the ``keep`` output, and in no
  correct text), that the converting output changes.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from short_span_damage import CELLS, KINDS, cell_extras, misread, short_span  # noqa: E402
from wiki_split import build_paragraphs, measure_paragraphs  # noqa: E402

from cleaner import Cleaner  # noqa: E402


def cases(cell: tuple[str, str, str], n: int, split: str, skip: int = 0) -> list[tuple[str, str, str]]:
    """(damaged, correct, what the span was misread as) for ``n`` paragraphs a script."""
    scripts = ("zh-hant",) if cell[0] == "big5" else ("zh-hans", "zh-hant")
    taken = measure_paragraphs if split == "measure" else build_paragraphs
    out = []
    for script in scripts:
        for k, paragraph in enumerate(taken(script)[skip : skip + n]):
            rng = random.Random(f"{script}{k}{':'.join(cell)}")
            kind = KINDS[k % len(KINDS)]
            extras = cell_extras(cell)
            extra = extras[(k // len(KINDS)) % len(extras)]
            made = short_span(paragraph, cell, kind, extra, rng)
            if made is None:
                continue
            damaged, correct = made
            # The misread part: what differs between the two (a title is the first line).
            sm = difflib.SequenceMatcher(None, damaged, correct, autojunk=False)
            ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
            bad = damaged[ops[0][1] : ops[-1][2]] if ops else ""
            out.append((damaged, correct, bad))
    return out


def errors(out: str, ref: str) -> int:
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


def converted(kept: str, out: str, correct: str, bad: str) -> bool:
    """Did conversion rewrite a character of the misread span ``bad`` that the repairs left (in
    ``kept``, the ``keep`` output) and that no correct text holds? Compared where conversion kept
    the text's length (OpenCC changes a length only for a few phrases)."""
    if len(kept) != len(out):
        sm = difflib.SequenceMatcher(None, kept, out, autojunk=False)
        pairs = [(kept[i1:i2], out[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op == "replace" and i2 - i1 == j2 - j1]
    else:
        pairs = [(kept, out)]
    left = set(bad) - set(correct)
    return any(a != b and a in left for k, o in pairs for a, b in zip(k, o, strict=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=30, help="measured paragraphs per script")
    ap.add_argument("--cell", nargs="*", default=None, help="source:decoder:errors cells (default: all)")
    ap.add_argument("--to", nargs="*", default=["keep", "zh-hans"])
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N cases of each cell not fixed")
    ap.add_argument("--split", choices=("measure", "build"), default="measure")
    ap.add_argument("--skip", type=int, default=0, metavar="K",
                    help="start after the first K paragraphs a script (tuning on measured text the reported figures, K=0, do not use)")
    args = ap.parse_args()
    cells = [c for c in CELLS if not args.cell or ":".join(c) in args.cell]
    cleaners = {to: Cleaner(to=to, remove_furniture=False) for to in args.to}
    keeper = Cleaner(to="keep", remove_furniture=False)
    print(f"{'cell':28s} {'to':7s} {'n':>4s} {'err/1k':>7s} {'fixed':>5s} {'kept':>5s} {'lost':>5s} {'idem':>5s} {'conv':>5s}")
    start = time.perf_counter()
    totals = {to: [0, 0, 0, 0, 0, 0, 0, 0] for to in args.to}
    for cell in cells:
        made = cases(cell, args.paragraphs, args.split, args.skip)
        for to, cleaner in cleaners.items():
            err = chars = fixed = kept = lost = idem = shown = conv = 0
            for damaged, correct, bad in made:
                ref = cleaner.clean(correct)
                out = cleaner.clean(damaged)
                if to != "keep":
                    conv += converted(keeper.clean(damaged), out, correct, bad)
                err += errors(out, ref)
                chars += len(ref)
                if out == ref:
                    fixed += 1
                elif bad and bad in out:
                    kept += 1
                else:
                    lost += 1
                    if shown < args.show:
                        shown += 1
                        print(f"   {bad!r} -> {out[:160]!r}\n      ref {ref[:160]!r}")
                again = cleaner.clean(out)
                idem += again == out
                if again != out and shown < args.show:
                    shown += 1
                    print(f"   not idempotent: {out[:120]!r}\n               -> {again[:120]!r}")
            t = totals[to]
            for i, v in enumerate((len(made), err, chars, fixed, kept, lost, idem, conv)):
                t[i] += v
            print(f"{':'.join(cell):28s} {to:7s} {len(made):4d} {1000 * err / max(chars, 1):7.1f} {fixed:5d} {kept:5d} "
                  f"{lost:5d} {idem:5d} {conv:5d}", flush=True)
    for to, (n, err, chars, fixed, kept, lost, idem, conv) in totals.items():
        print(f"{'all':28s} {to:7s} {n:4d} {1000 * err / max(chars, 1):7.1f} {fixed:5d} {kept:5d} {lost:5d} {idem:5d} {conv:5d}")
    print(f"{len(cells)} cells, {time.perf_counter() - start:.0f} s (a shared machine: timings are noisy)")


if __name__ == "__main__":
    main()
