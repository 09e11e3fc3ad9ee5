"""Cleaning twice: does a second clean of the cleaner's own output change it?

    .venv/bin/python benchmarks/html_idempotence.py [CORPUS] [--show]

A user who cleans a corpus and later cleans the output again (a second pipeline stage, a re-run
over a folder of outputs) must get the same text. Two modes, over the dev set's 69 real pages
(``CORPUS``, default ``../shared/corpora/webpages``; see benchmarks/furniture.py for the split):

  html  ``cleaner page.html -o out.txt`` then ``cleaner out.txt``: the first clean has the page's
        title and its structure and link evidence, the second only the text.
  text  the page's visible text as a text dump (``dump.txt``), ``cleaner dump.txt -o out.txt``
        then ``cleaner out.txt``: text both times, no evidence either time.

Each mode prints, per split, the pages whose second clean changed the text and the characters
it changed. ``--show`` lists the fit split's changed pages with their lines removed or changed
(never the report split's pages: its totals only).

``--portals`` adds HTML pages built here from the portal templates of
``benchmarks/portal_pages`` (the sets that are not held out; furniture_portals.py fills their
prose from the Wikipedia corpus): the furniture above the article's first line in a
``<div class="header">`` (short lines as links), everything from its first line to its last in
``<div class="article">`` (bylines, share rows and captions among them: what the container's
evidence weighs), the rest in a ``<div class="footer">``; ``<title>`` from the template's.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from furniture import DEFAULT_CORPUS, fit_ids, report_ids  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.io.page import as_file_text, load_page  # noqa: E402


def clean_file(data: bytes, name: str, config: Config) -> str:
    """The file as ``cleaner NAME -o out.txt`` writes it (engines/single.py's path)."""
    page = load_page(data, name, sniff=config.strip_markup)
    cleaning = config.for_extracted_text() if page.is_html else config
    result = Cleaner.for_config(cleaning).run(page.text, details=False, title=page.meta.get("title"),
                                              linked=page.linked, roles=page.roles)
    return as_file_text(result.text)


def twice(data: bytes, name: str, config: Config) -> tuple[str, str]:
    """(first clean's file, second clean's file)."""
    first = clean_file(data, name, config)
    return first, clean_file(first.encode("utf-8"), "out.txt", config)


PORTAL_SETS = ("dev", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8",
               "unseen10", "lists28")  # not unseen9, 11, 12, 13: held out


def portal_html(path: Path, pool: dict) -> str:
    """A template (furniture_portals.py's) as an HTML page (module docstring)."""
    from html import escape

    import furniture_portals

    page, _, title = furniture_portals.build(path, pool)
    kinds = [line[:1] for line in path.read_text(encoding="utf-8").splitlines() if line[:1] in ("A", "P", "F")]
    lines = page.split("\n")[-len(kinds):] if kinds else []
    body = [i for i, kind in enumerate(kinds) if kind in "AP" and lines[i].strip()]
    if not body:
        return ""
    first, last = body[0], body[-1]

    def para(i: int, link: bool) -> str:
        text = escape(lines[i])
        return f'<p><a href="/{i}.html">{text}</a></p>' if link and len(lines[i]) <= 12 else f"<p>{text}</p>"

    head = "".join(para(i, True) for i in range(first) if lines[i].strip())
    article = "".join(para(i, False) for i in range(first, last + 1) if lines[i].strip())
    foot = "".join(para(i, False) for i in range(last + 1, len(lines)) if lines[i].strip())
    return (f'<html><head><meta charset="utf-8"><title>{escape(title or "")}</title></head><body>'
            f'<div class="header">{head}</div><div class="article">{article}</div>'
            f'<div class="footer">{foot}</div></body></html>')


def changed_chars(first: str, second: str) -> int:
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    same = sum(b.size for b in matcher.get_matching_blocks())
    return max(len(first), len(second)) - same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show", action="store_true", help="list the fit split's changed pages and their lines")
    ap.add_argument("--portals", action="store_true", help="also HTML pages built from the portal templates")
    args = ap.parse_args()
    config = Config()
    print(f"{'mode':<5} {'split':<7} {'pages':>5} {'changed':>7} {'chars':>6}")
    for mode in ("html", "text"):
        for split, ids in (("fit", fit_ids()), ("report", report_ids())):
            pages = changed = chars = 0
            shown = []
            for page_id in ids:
                data = (args.corpus / "original" / f"{page_id}.html").read_bytes()
                if mode == "text":
                    data = as_file_text(load_page(data, "page.html").text).encode("utf-8")
                first, second = twice(data, "page.html" if mode == "html" else "dump.txt", config)
                pages += 1
                if first != second:
                    changed += 1
                    chars += changed_chars(first, second)
                    if split == "fit":
                        shown.append((page_id, first, second))
            print(f"{mode:<5} {split:<7} {pages:>5} {changed:>7} {chars:>6}")
            show(shown if args.show else [])
    if args.portals:
        portals(config, args.show)


def show(pages: list[tuple[str, str, str]]) -> None:
    for name, first, second in pages:
        print(f"  {name}")
        for line in difflib.unified_diff(first.splitlines(), second.splitlines(), lineterm="", n=0):
            if line[:1] in "+-" and line[:3] not in ("+++", "---"):
                print(f"    {line[:120]}")


def portals(config: Config, verbose: bool) -> None:
    """The portal templates as HTML pages (module docstring), per set."""
    pool: dict = {}
    for name in PORTAL_SETS:
        pages = changed = chars = 0
        shown = []
        for path in sorted((HERE / "portal_pages" / name).glob("*.txt")):
            html = portal_html(path, pool)
            if not html:
                continue
            first, second = twice(html.encode("utf-8"), "page.html", config)
            pages += 1
            if first != second:
                changed += 1
                chars += changed_chars(first, second)
                shown.append((f"{name}/{path.stem}", first, second))
        print(f"{'html':<5} {name:<7} {pages:>5} {changed:>7} {chars:>6}")
        show(shown if verbose else [])


if __name__ == "__main__":
    main()
