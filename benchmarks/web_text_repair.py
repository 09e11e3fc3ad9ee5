"""Errors per 1,000 characters after repair on real web article text, not Wikipedia's.

    .venv/bin/python benchmarks/web_text_repair.py [--cell SRC:DECODER:MODE ...] [--show N]

The matrix (benchmarks/decoders.py) measures Wikipedia paragraphs, one to a line. Web articles
differ: their lines follow the page's layout (hard-wrapped paragraphs, a break every few dozen
characters), and they hold what Wikipedia seldom writes (【】〔〕 labels and document numbers, 一、
headings, prices, dates in rows). Here the hand-copied article of each of the 69 pages of
``../shared/corpora/webpages/cleaned`` (blank lines and each line's edge spaces out) is encoded
in the source, read by the wrong decoder (tests/wrong_decoders.py) and cleaned with ``--to keep``
and no furniture removal; errors (a substitution, a loss or an extra, by a character alignment)
against the cleaner's output on the undamaged article (as ``benchmarks/decoders.py`` compares), per
1,000 characters of the article. Until session 41 the reference was the article itself, so the
punctuation stage's own work (ASCII brackets and quotes in Chinese sentences made fullwidth)
counted as errors. The repairs were not fitted on these pages; one session-40
change (cut_runs: a break right after a decoder's mark is not joined) was found by reading this
benchmark's differences, so its figures are no longer wholly held out. From session 41 on, the
pages split as the furniture benchmark splits them (``benchmarks/furniture.py``, by site: a third
to report): differences are read (``--show``) on the fit pages only, and the report pages' figure
is the one still held out.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from furniture import split_of  # noqa: E402
from wrong_decoders import MATRIX_DECODERS  # noqa: E402

from cleaner import Cleaner  # noqa: E402

ARTICLES = ROOT.parent / "shared" / "corpora" / "webpages" / "cleaned"
CELLS = ("utf-8:gbk:replace", "utf-8:whatwg-gbk:replace", "utf-8:gbk:ignore", "utf-8:cp1252:replace")
CONTEXT = 6  # characters shown on each side of a difference


def articles(split: str) -> list[str]:
    """The articles of ``split`` (fit, report or all), each line's edge spaces and the blank lines out."""
    out = []
    for path in sorted(ARTICLES.glob("*.txt")):
        if split != "all" and split_of(path.stem) != split:
            continue
        text = path.read_text(encoding="utf-8")
        out.append("\n".join(line.strip() for line in text.split("\n") if line.strip()))
    return out


def errors(text: str, out: str, show: list[str] | None = None) -> int:
    """Characters wrong, lost or extra in ``out`` against ``text``; each difference into ``show``."""
    count = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, text, out, autojunk=False).get_opcodes():
        if op != "equal":
            count += max(i2 - i1, j2 - j1)
            if show is not None:
                show.append(f"{text[max(0, i1 - CONTEXT):i2 + CONTEXT]!r} -> {out[max(0, j1 - CONTEXT):j2 + CONTEXT]!r}")
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cell", nargs="*", default=list(CELLS), help="source:decoder:errors cells")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print N differences of each cell (fit pages only: the report pages stay unread)")
    ap.add_argument("--split", choices=("fit", "report", "all"), default="all",
                    help="the pages measured (the furniture benchmark's split by site)")
    args = ap.parse_args()
    if args.show and args.split != "fit":
        sys.exit("web_text_repair: --show reads differences, so only with --split fit")
    if not ARTICLES.is_dir():
        sys.exit(f"web_text_repair: {ARTICLES} is not here (../shared/corpora/webpages)")
    texts = articles(args.split)
    cleaner = Cleaner(to="keep", remove_furniture=False, generic_furniture=False)
    # What the cleaner makes of the undamaged article: its punctuation stage writes ASCII brackets
    # and quotes in Chinese sentences as fullwidth ones, which is no damage left by the misreading.
    references = {text: cleaner.run(text).text for text in texts}
    print(f"{'cell':28} {'characters':>10} {'errors':>7} {'per 1,000':>10}")
    for cell in args.cell:
        source, decoder, mode = cell.split(":")
        total = wrong = 0
        shown: list[str] = []
        for text in texts:
            try:
                data = text.encode(source)
            except UnicodeEncodeError:
                continue  # a character the source cannot write
            out = cleaner.run(MATRIX_DECODERS[decoder].decode(data, mode)).text
            total += len(text)
            wrong += errors(references[text], out, shown if len(shown) < args.show else None)
        for line in shown[: args.show]:
            print(f"   {cell}: {line}")
        print(f"{cell:28} {total:>10,} {wrong:>7} {1000 * wrong / max(total, 1):>10.2f}")


if __name__ == "__main__":
    main()
