"""Issue 16's small families (tests/small_family_damage.py): character errors before and after.

    .venv/bin/python benchmarks/small_families.py [--paragraphs N] [--family four_byte ...] [--show N]

Per family and cell, on the measured Wikipedia paragraphs (``wiki_split.measure_paragraphs``,
both scripts), cleaned with furniture removal off and ``--to keep``:

- ``in``: character errors per 1,000 of the damaged text against the correct one;
- ``out``: of the cleaner's output against the cleaner's output on the correct text;
- ``exact``: cases whose output is that reference;
- ``clean``: correct texts the cleaner changed beyond what it does to the paragraph alone
  (must be 0).
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import small_family_damage as dmg  # noqa: E402
import wiki_split  # noqa: E402

from cleaner import Cleaner  # noqa: E402


def errors(out: str, ref: str) -> int:
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


def cells() -> dict[str, list[tuple[str, object]]]:
    """{family: [(cell name, maker(paragraph, rng))]}."""
    out: dict[str, list[tuple[str, object]]] = {"four_byte": [], "bytes_repr": [], "price_sign": [], "pdf_pages": []}
    for decoder in dmg.FOUR_BYTE_DECODERS:
        for errs in dmg.ERRORS:
            for kind, chars in (("emoji", dmg.EMOJI), ("ext-b", dmg.EXTENSION_B)):
                out["four_byte"].append((f"{kind}:{decoder}:{errs}",
                                         lambda p, r, d=decoder, e=errs, c=chars: dmg.four_byte(p, r, d, e, c)))
    out["bytes_repr"].append(("log", dmg.bytes_repr))
    out["bytes_repr"].append(("code (kept)", lambda p, r: dmg.bytes_repr(p, r, code=True)))
    for decoder in dmg.SIGN_DECODERS:
        for errs in dmg.ERRORS:
            out["price_sign"].append((f"{decoder}:{errs}", lambda p, r, d=decoder, e=errs: dmg.price_sign(p, r, d, e)))
    # A PDF's copy of four paragraphs with its pages' heads and numbers (furniture removal on).
    out["pdf_pages"].append(("4 paragraphs", None))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=20, help="per script (default 20)")
    ap.add_argument("--family", nargs="*", default=None)
    ap.add_argument("--show", type=int, default=0, help="print up to N wrong outputs a cell")
    ap.add_argument("--wiki", type=Path, default=wiki_split.WIKI, help="the wiki corpus (a worktree's ../shared may sit elsewhere)")
    args = ap.parse_args()
    wiki_split.WIKI = args.wiki
    cleaner = Cleaner(to="keep", remove_furniture=False)
    with_furniture = Cleaner(to="keep")
    paragraphs = [p for script in ("zh-hans", "zh-hant") for p in wiki_split.measure_paragraphs(script)[: args.paragraphs]]
    print(f"{'family':<11} {'cell':<28} {'n':>4} {'in/1k':>7} {'out/1k':>7} {'exact':>6} {'clean':>6}")
    for family, made in cells().items():
        if args.family and family not in args.family:
            continue
        for name, maker in made:
            n = bad_in = bad_out = ref_len = exact = changed = shown = 0
            for k, paragraph in enumerate(paragraphs):
                rng = random.Random(f"{family}{name}{k}")
                if family == "pdf_pages":
                    if k % 4:
                        continue
                    damaged, correct = dmg.pdf_pages(paragraphs[k:k + 4], rng)
                    ref, out = with_furniture.clean(correct), with_furniture.clean(damaged)
                    paragraph = correct
                    n += 1
                    ref_len += len(ref)
                    bad_in += errors(damaged, correct)
                    bad_out += (e := errors(out, ref))
                    exact += e == 0
                    continue
                case = maker(paragraph, rng)
                if case is None:
                    continue
                damaged, correct = case
                ref = cleaner.clean(correct)
                out = cleaner.clean(damaged)
                if family == "bytes_repr" and damaged == correct:
                    # Code and examples are kept as written: the last line exactly, whatever the
                    # cleaner does to the paragraph above it (and to its own output of it).
                    ref = ref.rsplit("\n", 1)[0] + "\n" + correct.rsplit("\n", 1)[1]
                n += 1
                ref_len += len(ref)
                bad_in += errors(damaged, correct)
                e = errors(out, ref)
                bad_out += e
                exact += e == 0
                # What the cleaner does to the paragraph alone it may do to the case's correct text.
                changed += errors(ref, correct) != errors(cleaner.clean(paragraph), paragraph)
                if e and shown < args.show:
                    shown += 1
                    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
                    for op, i1, i2, j1, j2 in sm.get_opcodes():
                        if op != "equal":
                            print(f"    {op}: {out[max(0, i1 - 8):i2 + 8]!r} -> {ref[max(0, j1 - 8):j2 + 8]!r}")
            per = 1000 / max(ref_len, 1)
            print(f"{family:<11} {name:<28} {n:>4} {bad_in * per:>7.2f} {bad_out * per:>7.2f} {exact:>6} {changed:>6}")


if __name__ == "__main__":
    main()
