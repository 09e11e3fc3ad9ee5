"""Errors per 1,000 characters for mojibake a pipeline then folded: lowercased, uppercased,
width-folded, NFKC-normalised.

    .venv/bin/python benchmarks/folded_mojibake.py [--paragraphs N] [--only SUBSTRING ...] [--show N] [--before]

Each fold after each decoder it can meet (UTF-8 read as cp1252 or Latin-1, then lower() or
upper(); UTF-8 read as GBK by Python or a browser, then full-width forms folded to ASCII or
NFKC), over the whole page or over some of its lines (``lines``: the others clean, the fold over
the page, as a search index folds it). Pages of measured Wikipedia paragraphs
(``benchmarks/wiki_split.py``, both scripts), cleaned with ``to="keep"`` and furniture removal
off; the reference is the same cleaner's output on what a perfect repair reaches: the source,
with the fold applied to its clean lines and to the ASCII of its damaged ones (which the fold
took for good). Errors are lost + wrong + extra characters (``benchmarks/decoders.py``).
``--before``: with the fold repairs (cleaner/repair/case_folded.py, width_folded.py) off.

Row ``none``: the misread with no fold, what the folds' rows add to. Columns: errors per 1,000; pages a second clean changes; findings of a guessed fold; pages.
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from damage import misdecode  # noqa: E402
from decoders import PAGE_LINES, line_errors  # noqa: E402
from wiki_split import measure_paragraphs  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.repair import case_folded, width_folded  # noqa: E402

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _ascii(fold):
    return lambda t: "".join(fold(ch) if ch.isascii() else ch for ch in t)


# fold: (what it does to a line, what it does to the ASCII a damaged line kept, decoders)
FOLDS = {
    # The misread alone, as the reference the folds add to.
    "none": (lambda t: t, lambda t: t, ("cp1252", "latin-1", "gbk", "whatwg-gbk")),
    "lower": (str.lower, _ascii(str.lower), ("cp1252", "latin-1")),
    "upper": (str.upper, _ascii(str.upper), ("cp1252", "latin-1")),
    "width": (lambda t: t.translate(_WIDTH), lambda t: t, ("gbk", "whatwg-gbk")),
    "nfkc": (lambda t: unicodedata.normalize("NFKC", t), lambda t: unicodedata.normalize("NFKC", t) if t.isascii() else t,
             ("gbk", "whatwg-gbk")),
}
SCOPES = ("page", "lines")


def pages(n: int) -> list[str]:
    out = []
    for script in ("zh-hans", "zh-hant"):
        paragraphs = measure_paragraphs(script)[:n]
        out += ["\n".join(paragraphs[i : i + PAGE_LINES]) for i in range(0, len(paragraphs), PAGE_LINES)]
    return out


def damage(text: str, fold: str, decoder: str, scope: str, rng: random.Random) -> tuple[str, str]:
    """(the page misread, then folded; what a perfect repair reaches)."""
    do, kept, _ = FOLDS[fold]
    lines = text.split("\n")
    picked = set(range(len(lines))) if scope == "page" else (
        {i for i in range(len(lines)) if rng.random() < 0.4} or {rng.randrange(len(lines))})
    damaged = [do(misdecode(line, "utf-8", decoder)) if i in picked else do(line) for i, line in enumerate(lines)]
    reached = ["".join(kept(ch) for ch in line) if i in picked else do(line) for i, line in enumerate(lines)]
    return "\n".join(damaged), "\n".join(reached)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=20, help="measured paragraphs per script (default 20)")
    ap.add_argument("--only", nargs="*", default=None, help="cells whose name holds one of these")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N differences of each cell")
    ap.add_argument("--before", action="store_true", help="with the fold repairs off")
    args = ap.parse_args()
    if args.before:
        case_folded.repair = lambda text: (text, 0, [])  # type: ignore[assignment]
        width_folded.repair = lambda text: (text, 0, [])  # type: ignore[assignment]
    cleaner = Cleaner(to="keep", remove_furniture=False)
    texts = pages(args.paragraphs)
    print(f"{'cell':32s} {'errors':>7s} {'unstable':>8s} {'guessed':>7s}  (of pages)")
    for fold, (_, _, decoders) in FOLDS.items():
        for decoder in decoders:
            for scope in SCOPES:
                name = f"utf-8>{decoder} {fold} {scope}"
                if args.only and not any(s in name for s in args.only):
                    continue
                err = chars = unstable = guessed = shown = 0
                for k, text in enumerate(texts):
                    damaged, reached = damage(text, fold, decoder, scope, random.Random(k))
                    ref = cleaner.clean(reached)
                    result = cleaner.run(damaged)
                    out = result.text
                    guessed += sum(f.kind in (case_folded.KIND, width_folded.KIND) for f in result.findings)
                    diffs = line_errors(out, ref)
                    err += sum(max(len(a), len(b)) for a, b, _ in diffs)
                    chars += len(ref)
                    unstable += cleaner.clean(out) != out
                    for got, expected, around in diffs[: max(0, args.show - shown)]:
                        print(f"   {name}: {got!r} for {expected!r} in {around!r}")
                        shown += 1
                print(f"{name:32s} {1000 * err / max(chars, 1):7.1f} {unstable:8d} {guessed:7d}  ({len(texts)})", flush=True)


if __name__ == "__main__":
    main()
