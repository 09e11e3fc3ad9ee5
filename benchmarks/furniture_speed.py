"""CPU time of the furniture stage alone, on the pages as the pipeline hands them to it.

    .venv/bin/python benchmarks/furniture_speed.py [--set crawl,damage,dev] [--runs 5]

Each page of the speed benchmark's mixes (``speed_corpus``) and of the 69 dev web pages
(``../shared/corpora/webpages``, read as ``cleaner page.html`` reads them) goes through
``Cleaner.run`` once, and the arguments of every ``remove_furniture`` call are kept; then those
calls alone are timed, ``--runs`` times, and the best run is printed (CPU seconds). What the stage
remembers of the lines it read (text features, portal families, the answers of a line alone its
modules keep: ``REMEMBERED``) is emptied before each run, so a run never reads a page it has read before. ``benchmarks/profile_pipeline.py --timer`` times the
stage inside the whole pipeline, where a loaded machine makes the figures swing more.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from cleaner import Cleaner  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.furniture import boilerplate, features, forms, interleaved, item_runs, portals, shaped_runs, unreadable  # noqa: E402

# The answers of a line alone that furniture modules keep (functools.lru_cache), by line.
REMEMBERED = (forms.caption, forms.imprint, features.pager, unreadable.unreadable, shaped_runs.key, interleaved._widget_form,
              item_runs.article_dated)


def calls(cleaner: Cleaner, name: str) -> list[tuple[str, tuple, dict]]:
    """The (text, rules, keywords) of each remove_furniture call of one set's pages."""
    kept: list[tuple[str, tuple, dict]] = []
    stage = boilerplate.remove_furniture

    def keep(text, rules, **kwargs):
        kept.append((text, rules, kwargs))
        return stage(text, rules, **kwargs)

    boilerplate.remove_furniture = keep
    try:
        if name == "dev":
            from furniture import DEFAULT_CORPUS, fit_ids, report_ids

            from cleaner.io.page import load_page

            for page_id in fit_ids() + report_ids():
                path = DEFAULT_CORPUS / "original" / f"{page_id}.html"
                page = load_page(path.read_bytes(), path.name)
                cleaner.run(page.text, details=False, title=page.meta.get("title"), linked=page.linked, roles=page.roles)
        else:
            import speed_corpus

            for _, text in speed_corpus.build(name):
                cleaner.run(text, details=False)
    finally:
        boilerplate.remove_furniture = stage
    return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="crawl,damage,dev")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    cleaner = Cleaner.for_config(Config())
    for name in args.set.split(","):
        work = calls(cleaner, name)
        best = float("inf")
        for _ in range(args.runs):
            features._ROWS.clear()
            portals._FORMS.clear()
            for remembered in REMEMBERED:
                remembered.cache_clear()
            start = time.process_time()
            for text, rules, kwargs in work:
                boilerplate.remove_furniture(text, rules, **kwargs)
            best = min(best, time.process_time() - start)
        size = sum(len(text.encode("utf-8")) for text, _, _ in work) / 1e6
        print(f"{name}: {len(work)} pages, {size:.2f} MB, remove_furniture best of {args.runs}: {best:.3f} s CPU")


if __name__ == "__main__":
    main()
