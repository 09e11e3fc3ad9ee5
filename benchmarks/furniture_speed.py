"""CPU time of the furniture stage alone, on the pages as the pipeline hands them to it.

    .venv/bin/python benchmarks/furniture_speed.py [--set crawl,damage,dev] [--runs 5]

Each page of the speed benchmark's mixes (``speed_corpus``) and of the 69 dev web pages
(``../shared/corpora/webpages``, read as ``cleaner page.html`` reads them) goes through
``Cleaner.run`` once, and the arguments of every ``remove_furniture`` call are kept; then those
calls alone are timed, ``--runs`` times, and the best run is printed (CPU seconds). What the stage
remembers of the lines it read (text features, portal families, the answers of a line alone its
modules keep: ``REMEMBERED``) is emptied before each run, so a run never reads a page it has read before. ``benchmarks/profile_pipeline.py --timer`` times the
stage inside the whole pipeline, where a loaded machine makes the figures swing more.

``--kind clean``: only the mixes' pages of that damage kind (the dev pages are all kept).
``--routines``: after the timed runs, one more run with a CPU clock around each of the stage's
main routines (``ROUTINES``: each called once or twice a page, so the clock's own reads, about
1.3 µs a call, stay small), printed as µs a page, inclusive of what each calls: where the stage's
time goes, routine by routine. (``kept_blocks.unrepaired_lines`` reads the page's unrepaired
spans, which the pipeline's repairs have read for the same text just before: there it is a
kept answer, here it is read again.)
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from cleaner import Cleaner  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.furniture import boilerplate, features, forms, interleaved, item_runs, portals, shaped_runs, unreadable  # noqa: E402

# The stage's main routines (module, name), in the order they run: each is clocked wherever its
# name is bound (the modules that import it too). Inclusive: prepare holds portal_lines and page_lines.
ROUTINES = (
    ("cleaner.furniture.boilerplate", "_Hits"),  # the rules' native matcher over the page's lines
    ("cleaner.furniture.boilerplate", "_apply_rules"),
    ("cleaner.furniture.kept_blocks", "unrepaired_lines"),
    ("cleaner.furniture.kept_blocks", "kept_lines"),
    ("cleaner.furniture.generic", "decide"),
    ("cleaner.furniture.generic", "prepare"),
    ("cleaner.furniture.portals", "portal_lines"),
    ("cleaner.furniture.features", "normalised_lines"),  # the native text features, read first here
    ("cleaner.furniture.portals", "_forms"),
    ("cleaner.furniture.generic", "page_lines"),
    ("cleaner.furniture.generic", "judged"),
    ("cleaner.furniture.boilerplate", "_forms"),
)

# The answers of a line alone that furniture modules keep (functools.lru_cache), by line.
REMEMBERED = (forms.caption, forms.imprint, features.pager, unreadable.unreadable, shaped_runs.key, interleaved._widget_form,
              item_runs.article_dated)


def calls(cleaner: Cleaner, name: str, kind: str = "") -> list[tuple[str, tuple, dict]]:
    """The (text, rules, keywords) of each remove_furniture call of one set's pages (of a mix, only
    its pages of the damage ``kind`` when one is given)."""
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

            for page_kind, text in speed_corpus.build(name):
                if not kind or page_kind == kind:
                    cleaner.run(text, details=False)
    finally:
        boilerplate.remove_furniture = stage
    return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="crawl,damage,dev")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--kind", default="", help="only the mixes' pages of this damage kind (clean: the clean path)")
    ap.add_argument("--routines", action="store_true", help="print the CPU of the stage's main routines (ROUTINES)")
    args = ap.parse_args()
    cleaner = Cleaner.for_config(Config())
    for name in args.set.split(","):
        work = calls(cleaner, name, args.kind)
        best = float("inf")
        for _ in range(args.runs):
            _forget()
            start = time.process_time()
            for text, rules, kwargs in work:
                boilerplate.remove_furniture(text, rules, **kwargs)
            best = min(best, time.process_time() - start)
        size = sum(len(text.encode("utf-8")) for text, _, _ in work) / 1e6
        print(f"{name}: {len(work)} pages, {size:.2f} MB, remove_furniture best of {args.runs}: {best:.3f} s CPU")
        if args.routines:
            _print_routines(work)


def _forget() -> None:
    """Empty what the stage remembers of the lines it read (a run reads no page it has read before)."""
    features._ROWS.clear()
    portals._FORMS.clear()
    for remembered in REMEMBERED:
        remembered.cache_clear()


def _print_routines(work: list[tuple[str, tuple, dict]]) -> None:
    """One run of ``work`` with a CPU clock around each of ``ROUTINES``: µs a page and calls a page."""
    spent: dict[str, list] = {}
    undo: list[tuple[object, str, object]] = []
    for module_name, fn in ROUTINES:
        original = getattr(importlib.import_module(module_name), fn)
        tally = spent[f"{module_name.rsplit('.', 1)[-1]}.{fn}"] = [0, 0.0]

        def clocked(*args, _original=original, _tally=tally, **kwargs):
            start = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                _tally[0] += 1
                _tally[1] += time.process_time() - start

        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("cleaner.") and getattr(module, fn, None) is original:
                undo.append((module, fn, original))
                setattr(module, fn, clocked)
    _forget()
    start = time.process_time()
    try:
        for text, rules, kwargs in work:
            boilerplate.remove_furniture(text, rules, **kwargs)
    finally:
        for module, fn, original in undo:
            setattr(module, fn, original)
    pages = max(len(work), 1)
    print(f"  {'remove_furniture':28} {(time.process_time() - start) * 1e6 / pages:7.0f} us a page (clocks included)")
    for routine, (count, seconds) in spent.items():
        print(f"  {routine:28} {seconds * 1e6 / pages:7.0f} us a page {count / pages:6.2f} calls a page")


if __name__ == "__main__":
    main()
