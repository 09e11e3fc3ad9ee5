"""Which removal took the article text a set loses: lost characters summed by rule or model reason.

    .venv/bin/python benchmarks/furniture_lost_by.py [--set NAME ...] [--top N]

NAME: a set of ``benchmarks/portal_pages`` (``benchmarks/furniture_portals.py``), ``fit`` or
``report`` (the dev set of real pages, ``benchmarks/furniture.py``), or ``all``. Counts only: no
line's text is printed, so it may be run on the held-out sets (``unseen9``, ``unseen11``,
``unseen12``, ``unseen13``, ``unseen14``, ``unseen16``, ``wild39``, ``report``).

Every line the cleaner removes is a ``removed-line`` finding ("rule id: the line"). On a template
page the characters of each article line (``A``/``P``) a removal took (as ``benchmarks/furniture.py``
compares them) go to the id that removed it; what the article misses beyond them (the figure
``benchmarks/furniture_portals.py`` prints) goes to ``(not removed: rewritten)``. On a real page the article is a hand copy: each
removed line's characters that align with the article (one alignment of the page's lines) go to
its id. On a wild set's page (``wild39``: damaged, so its article lines are not its lines) each removed
line's characters (as the finding names it) that align with article characters the output misses go
to its id, the rest of what it misses to ``(not removed: rewritten)``. Printed per set: lost
characters by id, as % of the set's article length.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import furniture as bench  # noqa: E402
import furniture_portals as portal_bench  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.io.page import load_page  # noqa: E402

SETS = ("dev", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8", "unseen9",
        "unseen10", "unseen11", "unseen12", "unseen13", "unseen14", "unseen16", "lists28", "turns29", "items30", "tails31", "inside31", "notes32", "keeps32", "lists33", "fields33", "rows34", "losses34", "rows35", "losses35", "rows36", "losses36", "fit37", "losses37", "losses38", "contact38", "wild39", "kinds39", "tails39", "shapes40", "losses41", "losses42", "left43", "left44", "real46", "real47")


def removed_by(findings) -> dict[str, str]:
    """A removed line's text (stripped) -> the id that removed it."""
    out = {}
    for f in findings:
        if f.kind == "removed-line":
            rule, _, line = f.detail.partition(": ")
            out[line] = rule
    return out


def template_set(cleaner: Cleaner, name: str) -> tuple[Counter, int]:
    lost: Counter = Counter()
    length, pool = 0, {}
    for path in sorted((portal_bench.PAGES / name).glob("*.txt")):
        page, article, title = portal_bench.build(path, pool)
        result = cleaner.run(page, title=title)
        kept, by = set(result.text.splitlines()), removed_by(result.findings)
        _, missing, size = bench.compare(result.text, article)
        length += size
        taken = 0
        for line in article.splitlines():
            if line not in kept and line.strip() in by:
                taken += len(bench.comparable(line))
                lost[by[line.strip()]] += len(bench.comparable(line))
        if missing > taken:
            lost["(not removed: rewritten)"] += missing - taken
    return lost, length


def _matched(a: str, b: str) -> list[bool]:
    """Which characters of ``a`` one alignment with ``b`` matches."""
    out = [False] * len(a)
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        out[block.a : block.a + block.size] = [True] * block.size
    return out


def wild_set(cleaner: Cleaner, name: str) -> tuple[Counter, int]:
    """Lost characters by id on a wild set: its pages' lines are damaged, so a removed line is known
    by its finding's text, aligned with the article characters the output misses."""
    lost: Counter = Counter()
    length = 0
    for _, page, article, title in portal_bench.set_pages(name, {}):
        result = cleaner.run(page, title=title)
        ref = bench.comparable(article)
        length += len(ref)
        missing = [not kept for kept in _matched(ref, bench.comparable(result.text))]
        removed = [(rule, bench.comparable(line)) for line, rule in removed_by(result.findings).items()]
        taken = 0
        for block in difflib.SequenceMatcher(None, "".join(p for _, p in removed), ref, autojunk=False).get_matching_blocks():
            at = 0
            for rule, piece in removed:  # the block's characters that fall in each removed line
                lo, hi = max(at, block.a), min(at + len(piece), block.a + block.size)
                if lo < hi and any(missing[block.b + lo - block.a : block.b + hi - block.a]):
                    chars = sum(missing[block.b + lo - block.a : block.b + hi - block.a])
                    lost[rule] += chars
                    taken += chars
                at += len(piece)
        if sum(missing) > taken:
            lost["(not removed: rewritten)"] += sum(missing) - taken
    return lost, length


def real_set(cleaner: Cleaner, ids: list[str]) -> tuple[Counter, int]:
    lost: Counter = Counter()
    length = 0
    html_cleaner = Cleaner.for_config(cleaner.config.for_extracted_text())
    for page_id in ids:
        page = load_page((bench.DEFAULT_CORPUS / "original" / f"{page_id}.html").read_bytes(), f"{page_id}.html")
        article = bench.comparable((bench.DEFAULT_CORPUS / "cleaned" / f"{page_id}.txt").read_text(encoding="utf-8"))
        length += len(article)
        run = (html_cleaner if page.is_html else cleaner).run(page.text, title=page.meta.get("title"),
                                                               linked=page.linked, roles=page.roles)
        by = removed_by(run.findings)
        lines = [line for line in page.text.splitlines() if line.strip()]
        pieces = [bench.comparable(line) for line in lines]
        joined = "".join(pieces)
        matched = [False] * len(joined)
        for block in difflib.SequenceMatcher(None, joined, article, autojunk=False).get_matching_blocks():
            matched[block.a : block.a + block.size] = [True] * block.size
        at = 0
        for line, piece in zip(lines, pieces):
            if line.strip() in by:
                lost[by[line.strip()]] += sum(matched[at : at + len(piece)])
            at += len(piece)
    return lost, length


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", nargs="+", default=["all"])
    ap.add_argument("--top", type=int, default=8, help="ids printed per set")
    args = ap.parse_args()
    names = [*SETS, "fit", "report"] if args.set == ["all"] else args.set
    cleaner = Cleaner(to="keep")
    total: Counter = Counter()
    for name in names:
        if name in ("fit", "report"):
            lost, length = real_set(cleaner, bench.fit_ids() if name == "fit" else bench.report_ids())
        elif name in portal_bench.WILD:
            lost, length = wild_set(cleaner, name)
        else:
            lost, length = template_set(cleaner, name)
        total.update(lost)
        share = 100 * sum(lost.values()) / max(length, 1)
        print(f"{name:<10} lost {sum(lost.values()):>6} of {length:>7} ({share:.2f} %)")
        for rule, chars in lost.most_common(args.top):
            print(f"    {chars:>6} {100 * chars / max(length, 1):>6.2f} %  {rule}")
    if len(names) > 1:
        print("all sets")
        for rule, chars in total.most_common(args.top * 2):
            print(f"    {chars:>6}  {rule}")


if __name__ == "__main__":
    main()
