"""Evidence for the learning thresholds (cleaner/furniture/learn.py ``Thresholds``) on real pages.

    .venv/bin/python benchmarks/learn_thresholds.py

The 69 pages of ``../shared/corpora/webpages`` (about 50 sites, original HTML and the article
copied by hand) are extracted and cleaned with their furniture left in, as a folder run's learning
pass counts them (``cleaned_lines``), and learned from as one corpus, as a crawl without URLs would be. For each setting: how many lines are learned, how many of the
pages' line occurrences they remove, and how many of those are article lines (a line of the
hand-copied article of that page: text lost). A good setting removes furniture and no article
line.
"""

from __future__ import annotations

import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "webpages"


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"benchmarks/learn_thresholds.py: {CORPUS} is missing (see ../shared/corpora/README.md)")
    from cleaner.config import Config
    from cleaner.furniture.learn import Learner, Thresholds, cleaned_lines, normalise
    from cleaner.io.page import load_page

    pages = []
    for html in sorted((CORPUS / "original").glob("*.html")):
        text = load_page(html.read_bytes(), html.name).text
        article = (CORPUS / "cleaned" / f"{html.stem}.txt").read_text(encoding="utf-8", errors="replace")
        pages.append((cleaned_lines(text, Config().for_extracted_text()), {normalise(l) for l in article.splitlines() if l.strip()}))
    learner = Learner()
    for lines, _ in pages:
        learner.add_lines(lines, "corpus")
    print(f"{len(pages)} pages, one corpus; a line counts once per page")
    print(f"{'min_docs':>8} {'short':>6} {'sentence':>8} {'learned':>8} {'removed':>8} {'article lines removed':>22}")
    for min_docs in (3, 4, 5, 6, 8):
        for short in (0.0, 0.02, 0.05, 0.1):
            t = Thresholds(min_docs=min_docs, short_share=short, sentence_share=0.5)
            learned = learner.learned(t).lines.get("corpus", frozenset())
            removed = sum(len(learned & lines.keys()) for lines, _ in pages)
            lost = [(n, a) for lines, art in pages for n in learned & lines.keys() & art for a in [n]]
            print(f"{min_docs:>8} {short:>6} {0.5:>8} {len(learned):>8} {removed:>8} {len(lost):>22}"
                  + (f"  e.g. {sorted({n for n, _ in lost})[:3]}" if lost else ""))
    learned = learner.learned().lines.get("corpus", frozenset())
    print("learned with the defaults:", ", ".join(sorted(learned)[:40]))


if __name__ == "__main__":
    main()
