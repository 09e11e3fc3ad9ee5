"""Which library turns real Chinese web pages into visible text best (cleaner/io/html.py's choice).

    .venv/bin/python benchmarks/html_extractors.py [CORPUS] [--repeat 3] [--only NAME ...]

The other candidates are not dependencies: ``pip install inscriptis trafilatura selectolax``
to compare them too (rows of missing ones say so).

CORPUS (default ``../shared/corpora/webpages``) holds ``original/ID.html`` (the page as saved) and
``cleaned/ID.txt`` (the article copied by hand from the rendered page). Every page is decoded once
with ``cleaner.io.html.decode_html`` and the same text is given to each extractor, so the table
compares extraction only (except the ``resiliparse (bytes)`` row, where Resiliparse also decodes).
``cleaner.io.html`` is the product: Resiliparse plus hidden-element skipping and hard-wrap joining.

Columns, over all pages (article lines: the hand-copied lines of 4+ characters, spaces removed):
  recall   share of the article's character bigrams found in the extracted text (multiset)
  whole    article lines found inside one extracted line
  exact    article lines that are a whole extracted line (one paragraph a line, nothing joined on)
  split    article lines found only across a line break (a paragraph broken into lines)
  joined   article lines (10+ characters) sharing an extracted line with another, per 100 article lines
  lines    extracted non-empty lines per page (mean)
  ms/page  mean extraction time (best of --repeat)
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner.io.html import decode_html  # noqa: E402

_SPACE = re.compile(r"\s+")


def resiliparse_text(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, preserve_formatting=True, main_content=False, alt_texts=False, list_bullets=False)


def resiliparse_bytes(data: bytes) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse_from_bytes(data, detect_encoding(data))
    return extract_plain_text(tree, preserve_formatting=True, main_content=False, alt_texts=False, list_bullets=False)


def inscriptis_text(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def trafilatura_recall(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_recall=True, include_comments=True, include_tables=True, deduplicate=False) or ""


def trafilatura_html2txt(html: str) -> str:
    import trafilatura

    return trafilatura.html2txt(html)


def selectolax_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    body = tree.body or tree.root
    return body.text(deep=True, separator="\n", strip=True) if body else ""


def cleaner_extract(html: str) -> str:
    from cleaner.io.html import extract

    return extract(html).text


EXTRACTORS = {
    "cleaner.io.html": cleaner_extract,
    "resiliparse": resiliparse_text,
    "resiliparse (bytes)": resiliparse_bytes,
    "inscriptis": inscriptis_text,
    "trafilatura extract": trafilatura_recall,
    "trafilatura html2txt": trafilatura_html2txt,
    "selectolax text()": selectolax_text,
}
TAKES_BYTES = {"resiliparse (bytes)"}


def squeeze(line: str) -> str:
    return _SPACE.sub("", line)


def bigrams(lines: list[str]) -> Counter:
    return Counter(line[i : i + 2] for line in lines for i in range(len(line) - 1))


def score(article: str, extracted: str) -> dict[str, float]:
    art = [s for s in map(squeeze, article.splitlines()) if len(s) >= 4]
    ext = [s for s in map(squeeze, extracted.splitlines()) if s]
    want, have = bigrams(art), bigrams(ext)
    found = sum(min(n, have[g]) for g, n in want.items())
    exact_set, flat = set(ext), "".join(ext)
    whole = [a for a in art if any(a in e for e in ext)]
    holders = Counter(next(i for i, e in enumerate(ext) if a in e) for a in whole if len(a) >= 10)
    return {
        "bigrams": sum(want.values()), "found": found, "art": len(art), "whole": len(whole),
        "exact": sum(a in exact_set for a in art), "split": sum(a not in whole and a in flat for a in art),
        "joined": sum(n for n in holders.values() if n > 1), "lines": len(ext),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpora/webpages")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="*", help="extractor names to run")
    args = ap.parse_args()
    root = Path(args.corpus)
    pages = []
    for path in sorted((root / "original").glob("*.html")):
        data = path.read_bytes()
        article = (root / "cleaned" / f"{path.stem}.txt").read_text(encoding="utf-8", errors="replace")
        pages.append((data, decode_html(data), article))
    print(f"{len(pages)} pages from {root}\n")
    print(f"{'extractor':22} {'recall':>7} {'whole':>6} {'exact':>6} {'split':>6} {'joined':>6} {'lines':>6} {'ms/page':>8}")
    for name, fn in EXTRACTORS.items():
        if args.only and name not in args.only:
            continue
        totals: Counter = Counter()
        best = float("inf")
        try:
            fn(pages[0][1])
        except ImportError as exc:  # only resiliparse is a dependency of the cleaner
            print(f"{name:22} not installed ({exc.name}: pip install it to compare)")
            continue
        for _ in range(args.repeat):
            start, outputs = time.perf_counter(), []
            for data, html, _article in pages:
                outputs.append(fn(data if name in TAKES_BYTES else html))
            best = min(best, time.perf_counter() - start)
        for (_d, _h, article), text in zip(pages, outputs, strict=True):
            totals.update(score(article, text))
        art = totals["art"] or 1
        print(
            f"{name:22} {totals['found'] / totals['bigrams']:7.1%} {totals['whole'] / art:6.1%} "
            f"{totals['exact'] / art:6.1%} {totals['split'] / art:6.1%} {100 * totals['joined'] / art:6.1f} "
            f"{totals['lines'] / len(pages):6.0f} {1000 * best / len(pages):8.2f}"
        )


if __name__ == "__main__":
    main()
