"""Wrong decoders on news text: errors per 1,000 characters on the 69 hand-copied web articles.

    .venv/bin/python benchmarks/decoders_web.py [CORPUS] [--cell gbk:replace ...] [--show N]

``benchmarks/decoders.py`` measures on Wikipedia paragraphs, which the character model's running
text comes from in kind (the measured paragraphs are never the built ones, but they are the same
kind of writing) and which have no paragraph indentation, dates every line or symbols. News
articles do: this runs each whole article (``CORPUS/cleaned/*.txt``, default
``../shared/corpora/webpages``), written in UTF-8 and read by a wrong decoder, through the
cleaner (``to="keep"``, furniture removal off) and compares it with the cleaner's output on the
undamaged article: lost + wrong + extra characters per 1,000 characters of that output.

Honesty note: the families fixed in December (indentation U+3000, signs, the script of a guess)
were found by reading this corpus's errors; the Wikipedia figures of ``decoders.py`` moved with
them where they apply (README).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from wrong_decoders import DECODERS  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.config import Config  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "webpages"
CELLS = ["gbk:replace", "gbk:ignore", "gb18030:replace", "whatwg-gbk:replace", "cp1252:replace", "cp1250:replace",
         "latin-1:replace"]


def errors(out: str, ref: str) -> list[tuple[str, str]]:
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    return [(out[i1:i2], ref[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--cell", nargs="*", default=CELLS, help="decoder:errors cells")
    ap.add_argument("--show", type=int, default=0, help="the N commonest differences of each cell")
    args = ap.parse_args()
    articles = sorted((args.corpus / "cleaned").glob("*.txt"))
    if not articles:
        sys.exit(f"decoders_web.py: no {args.corpus}/cleaned/*.txt (the dev set of web pages; see ../shared/corpora/README.md)")
    cleaner = Cleaner.for_config(Config(to="keep", remove_furniture=False))
    texts = [p.read_text(encoding="utf-8") for p in articles]
    refs = [cleaner.run(t, details=False).text for t in texts]
    print(f"{len(texts)} articles, {sum(map(len, refs)):,} characters")
    print(f"{'decoder':12s} {'errors':8s} {'per 1,000':>9s}")
    for cell in args.cell:
        name, errs = cell.split(":")
        wrong, total = Counter(), 0
        for text, ref in zip(texts, refs, strict=True):
            damaged = DECODERS[name].decode(text.encode("utf-8"), errs)
            for got, want in errors(cleaner.run(damaged, details=False).text, ref):
                wrong[(got, want)] += max(len(got), len(want))
            total += len(ref)
        print(f"{name:12s} {errs:8s} {1000 * sum(wrong.values()) / total:9.1f}")
        for (got, want), n in wrong.most_common(args.show):
            print(f"    {n:5d}  {got!r} for {want!r}")


if __name__ == "__main__":
    main()
