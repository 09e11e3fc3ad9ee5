"""Wrong or missing characters per 1,000 after repair, on pages damaged by tests/damage.py.

    .venv/bin/python benchmarks/accuracy.py [--seeds N] [--family NAME ...] [--show] [--wiki N]

Each clean article (the seeds' expected files and fixtures/clean; with ``--wiki N``, N Simplified
paragraphs of 60-600 characters from the measuring part of ../shared/corpora/wiki instead, from
the 93rd on: the first 93 are left for looking at cases; Simplified, as the chain starts from a
Simplified article and the cleaner gives Simplified back) is damaged with the seed chain
(naive S->T, byte-level pinyin, lossy GBK decoding, NFKC) under N random seeds, and optionally one
family of docs/corruption.md §3 on some of its lines; the cleaner (furniture removal off) must give the article
back. Errors are counted by a character alignment: a substitution, a loss or an extra counts one.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from damage import FAMILIES, damage_lines, damage_page  # noqa: E402

from cleaner import Cleaner  # noqa: E402


WIKI_SKIP = 93  # measuring paragraphs looked at while working on cases (session 13: the first 40 of 80-400 characters reach the 93rd)


def wiki_articles(count: int) -> list[tuple[str, str]]:
    """``count`` Simplified measuring paragraphs, past the ones looked at (``WIKI_SKIP``)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import wiki_split

    paragraphs = [p for p in wiki_split.measure_paragraphs("zh-hans") if 60 <= len(p) <= 600]
    return [(f"wiki-{k}", p) for k, p in enumerate(paragraphs[WIKI_SKIP:WIKI_SKIP + count])]


def clean_articles() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "fixtures" / "seeds" / "expected-zh-hans").glob("*.txt"))
    paths += sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    return [(p.stem[:12], p.read_text(encoding="utf-8").strip()) for p in paths]


def errors(out: str, ref: str) -> list[tuple[str, str]]:
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    return [(out[i1:i2], ref[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def error_count(diffs: list[tuple[str, str]]) -> int:
    return sum(max(len(a), len(b)) for a, b in diffs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=8)
    ap.add_argument("--family", nargs="*", default=[None, *FAMILIES], help="§3 families; seed-chain for the chain alone (default: the chain alone and each)")
    ap.add_argument("--alone", action="store_true", help="apply the family to clean text, without the seed chain")
    ap.add_argument("--show", action="store_true", help="print every difference")
    ap.add_argument("--wiki", type=int, default=0, help="N Simplified Wikipedia paragraphs instead of the articles")
    args = ap.parse_args()
    articles = wiki_articles(args.wiki) if args.wiki else clean_articles()
    cleaner = Cleaner(remove_furniture=False)
    total_chars = total_err = 0
    for family in [None if f == "seed-chain" else f for f in args.family]:
        chars = err = 0
        for name, ref in articles:
            for seed in range(args.seeds):
                # Fullwidth letters cannot survive the seed chain (its last step is NFKC).
                alone = family and (args.alone or family == "fullwidth")
                damaged = ref if alone else damage_page(ref, seed)
                if family:
                    damaged = damage_lines(damaged, family, random.Random(seed))
                diffs = errors(cleaner.clean(damaged), ref)
                chars += len(ref)
                err += error_count(diffs)
                if args.show and diffs:
                    print(f"  {family or 'seed-chain'} {name} seed {seed}: {diffs[:8]}")
        print(f"{family or 'seed-chain':16s} {chars:8d} chars {err:6d} errors {1000 * err / chars:6.2f} per 1,000")
        total_chars += chars
        total_err += err
    print(f"{'all':16s} {total_chars:8d} chars {total_err:6d} errors {1000 * total_err / total_chars:6.2f} per 1,000")


if __name__ == "__main__":
    main()
