"""Furniture rule matching: the per-rule Python ``regex`` loop against the native ``LineMatcher``.

    .venv/bin/python benchmarks/rules_native.py [--seconds 2]

Both compute the same thing for every page: for each of its non-empty folded lines, which of the
page's rules (its site's, then the generic ones) match somewhere in it. The Python side does what
the furniture stage does per rule: skip rules whose needed strings are not on the page, then
``rule.pattern.search(line)`` on each line (with the 1 s time-out for rules that can backtrack
badly, as the stage searches them; also reported without it). The native side is one
``LineMatcher`` per rule list, built once: Aho-Corasick over the page, then one ``RegexSet`` pass
per line. Results are checked equal first. Both sides are timed from the folded page (split
into stripped non-empty lines in the timed part, the same Python work on both sides).

The pages are the real ones of fixtures/ (seed pages, furniture fixtures, clean articles), taken
in turn, so every round goes through all of them; figures are per page, averaged over rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import regex  # noqa: E402

from cleaner._native import LineMatcher  # noqa: E402
from cleaner.furniture import rules as rules_mod  # noqa: E402
from cleaner.furniture.boilerplate import fold_page, recognise  # noqa: E402
from cleaner.furniture.rules import SIZE_LIMIT  # noqa: E402


def pages() -> list[Path]:
    fixtures = ROOT / "fixtures"
    return [*sorted((fixtures / "seeds" / "pages").glob("*.txt")), *sorted((fixtures / "furniture").glob("*.txt")),
            *sorted((fixtures / "clean").glob("*.txt"))]


_PYTHON: dict[str, regex.Pattern] = {}


def python_loop(rules, page: str, lines: list[str], timed: bool) -> list[list[int]]:
    """The stage as it was before the native core: Python's ``regex``, one search per rule and line
    (``timed``: with the 1-second time-out it used on every search of a pattern that could explode)."""
    live = [(k, r) for k, r in enumerate(rules) if r.needs is None or any(s in page for s in r.needs)]
    out = []
    for line in lines:
        hits = []
        for k, rule in live:
            compiled = _PYTHON.get(rule.pattern.pattern) or _PYTHON.setdefault(rule.pattern.pattern, regex.compile(rule.pattern.pattern, regex.V1))
            if compiled.search(line, timeout=1.0 if timed else None):
                hits.append(k)
        out.append(hits)
    return out


def per_page(fn, work, seconds: float) -> float:
    """Microseconds per page: rounds over all pages until ``seconds`` have passed (3 rounds at least)."""
    rounds, start = 0, time.perf_counter()
    while rounds < 3 or time.perf_counter() - start < seconds:
        for item in work:
            fn(item)
        rounds += 1
    return (time.perf_counter() - start) / (rounds * len(work)) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=2.0, help="time per measurement (default 2)")
    args = ap.parse_args()

    ruleset = rules_mod.load()
    work = []
    for path in pages():
        text = path.read_text(encoding="utf-8")
        page = fold_page(text)
        lines = [line.strip() for line in page.split("\n") if line.strip()]
        site = recognise(ruleset, text, page=page)
        work.append((path, site.id if site else None, page, lines))

    start = time.perf_counter()
    matchers = {}
    for _, sid, _, _ in work:
        if sid not in matchers:
            rules = ruleset.rules_for(sid)
            matchers[sid] = (rules, LineMatcher([r.pattern.pattern for r in rules],
                                                [sorted(r.needs) if r.needs is not None else None for r in rules],
                                                size_limit=SIZE_LIMIT))
    built = (time.perf_counter() - start) * 1e3

    # Same answers, and every page's RegexSet compiled once before timing.
    start = time.perf_counter()
    for path, sid, page, lines in work:
        rules, matcher = matchers[sid]
        got, want = matcher.match_lines(lines), python_loop(rules, page, lines, timed=True)
        if got != want:
            sys.exit(f"{path.name}: LineMatcher {got} != Python {want}")
    first = (time.perf_counter() - start) * 1e3

    # Both sides start from the folded page and split it into lines themselves, as the stage
    # will: fresh str objects each time, so the native side also pays for reading them as UTF-8.
    def native(item):
        _, sid, page, _ = item
        matchers[sid][1].match_lines([line.strip() for line in page.split("\n") if line.strip()])

    def python(item, timed=True):
        _, sid, page, _ = item
        python_loop(matchers[sid][0], page, [line.strip() for line in page.split("\n") if line.strip()], timed)

    n_lines = statistics.mean(len(w[3]) for w in work)
    n_chars = statistics.mean(sum(map(len, w[3])) for w in work)
    print(f"{len(work)} pages ({len(matchers)} rule lists), {n_lines:.0f} non-empty lines and {n_chars:,.0f} characters a page on average")
    print(f"LineMatcher construction: {built:.1f} ms for {len(matchers)} rule lists; first pass over all pages (lazy DFA warm-up, and the Python loop): {first:.1f} ms")
    py_timed = per_page(python, work, args.seconds)
    py_plain = per_page(lambda item: python(item, timed=False), work, args.seconds)
    rs = per_page(native, work, args.seconds)
    split = per_page(lambda item: [line.strip() for line in item[2].split("\n") if line.strip()], work, args.seconds)
    print(f"python regex, per rule (time-out as the stage): {py_timed:9.1f} µs/page")
    print(f"python regex, per rule (no time-out):           {py_plain:9.1f} µs/page")
    print(f"native LineMatcher (prefilter + RegexSet):      {rs:9.1f} µs/page   ({py_timed / rs:.1f}x, {py_plain / rs:.1f}x)")
    print(f"(of which splitting the page into lines, on both sides: {split:.1f} µs/page)")
    print("per page (µs):  python  native  lines  site   page")
    for item in work:
        p = per_page(python, [item], args.seconds / len(work))
        n = per_page(native, [item], args.seconds / len(work))
        print(f"               {p:7.1f} {n:7.1f}  {len(item[3]):5d}  {item[1] or '-':8s} {item[0].parent.name}/{item[0].name}")


if __name__ == "__main__":
    main()
