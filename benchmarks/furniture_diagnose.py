"""Why the generic model kept the furniture it kept: every leftover line of a set, with its cause.

    .venv/bin/python benchmarks/furniture_diagnose.py [--set fit|dev|unseen|...|unseen8] [--lines] [--lost]

For each page, the model's last reading is caught (``generic.decide``: the lines it judged, the
body it found) and every line left on the page that is furniture (a template's ``F`` line of
``benchmarks/furniture_portals.py``; on the dev set's fit split, a line most of whose characters
do not align with the hand-copied article) is put under one cause:

  no-body     the page got no body: only structure removes lines
  rule-kept   a rule rewrote the line (judged already)
  held        a block the model never takes (``kept_blocks``: code, tables, fixed-form headlines)
  headline    kept as the headline
  protected   a sentence without a furniture sign of its own (``generic.protected``)
  introduced  in a list an article sentence introduces (``generic.introduced``)
  inside      inside the body span, score under the threshold (and margin)
  head/tail   above / below the body, score under the threshold; ``near`` when within 0.5 of it

Summed as characters per cause and per zone. ``--lines`` prints each line with its score and the
features that weighed most; ``--lost`` also lists article lines the model removed, with the
decision's reasons. Never run on ``unseen9``, ``unseen11``, ``unseen12``, ``unseen13``, ``unseen14``, ``unseen16``, ``wild39`` or the report split: they are held out.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import furniture as bench  # noqa: E402
import furniture_portals as portal_bench  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.furniture import generic  # noqa: E402
from cleaner.furniture.features import prose_line  # noqa: E402
from cleaner.io.page import load_page  # noqa: E402

HELD_OUT = ("unseen9", "unseen11", "unseen12", "unseen13", "unseen14", "unseen16", "wild39", "report")


class Catch:
    """The last reading of ``generic.decide`` on a page: its arguments, lines, body, decisions."""

    def __init__(self) -> None:
        self.last = None
        self.removed: dict[str, str] = {}  # a removed line's text -> why, over every reading
        self._decide, self._prepare = generic.decide, generic.prepare

    def __enter__(self):
        catch = self

        def prepare(*args, **kwargs):
            gone, scored, body = catch._prepare(*args, **kwargs)
            catch.parts = (gone, scored, body)
            return gone, scored, body

        def decide(lines, folded, alive, model=None, lexicon=None, keep=frozenset(), title=None, foot=frozenset(),
                   held=frozenset(), take_headline=False, **evidence):  # an HTML page's linked lines and roles
            out = catch._decide(lines, folded, alive, model, lexicon, keep, title, foot, held, take_headline, **evidence)
            catch.last = (lines, set(keep), set(held), title, catch.parts, out)
            for d in out:
                catch.removed[lines[d.index].strip()] = "/".join(d.reasons) + f" ({d.score})"
            return out

        generic.prepare, generic.decide = prepare, decide
        return self

    def __exit__(self, *exc):
        generic.prepare, generic.decide = self._prepare, self._decide

    def reset(self) -> None:
        self.last, self.removed = None, {}


def unaligned(pieces: list[str], article: str) -> list[int]:
    """Characters of each piece that do not align with the article, by one alignment of them all."""
    out = "".join(pieces)
    matched = [False] * len(out)
    for block in difflib.SequenceMatcher(None, out, article, autojunk=False).get_matching_blocks():
        matched[block.a : block.a + block.size] = [True] * block.size
    counts, at = [], 0
    for piece in pieces:
        counts.append(len(piece) - sum(matched[at : at + len(piece)]))
        at += len(piece)
    return counts


def cause(scored, pos: int, body, keep: set[int], held: set[int], model, lexicon) -> str:
    line = scored[pos]
    if body is None:
        return "no-body"
    if line.index in keep:
        return "rule-kept"
    if line.index in held:
        return "held"
    if pos == generic.headline_position(scored, body[0], model):
        return "headline"
    kept, _ = generic.judged(line, pos, body, lexicon)
    if kept:
        return "protected"
    if pos in generic.introduced(scored, body):
        return "introduced"
    s = generic.score(line.features, model)
    inside = body[0] <= pos <= body[1]
    need = model.threshold + (model.body_margin if inside and prose_line(line) else 0.0)
    zone = "inside" if inside else ("head" if pos < body[0] else "tail")
    return f"{zone}{'-near' if s > need - 0.5 else ''}"


def top_features(features: dict[str, float], model, n: int = 5) -> str:
    parts = sorted(((model.weights.get(k, 0.0) * v, k) for k, v in features.items() if v), key=lambda x: -abs(x[0]))
    return " ".join(f"{k}{w:+.1f}" for w, k in parts[:n])


def pages_of(name: str):
    """(key, page text, article, title, evidence) of each page of a set; ``evidence``: an HTML
    page's link lines and where its lines stood (``run(linked=, roles=)``), as ``cleaner page.html`` passes them."""
    if name == "fit":
        cleaner_input = []
        for page_id in bench.fit_ids():
            page = load_page((bench.DEFAULT_CORPUS / "original" / f"{page_id}.html").read_bytes(), f"{page_id}.html")
            article = (bench.DEFAULT_CORPUS / "cleaned" / f"{page_id}.txt").read_text(encoding="utf-8")
            cleaner_input.append((page_id, page.text, article, page.meta.get("title"),
                                  {"linked": page.linked, "roles": page.roles}))
        return cleaner_input
    pool: dict[str, list[str]] = {}
    return [(p.stem, *portal_bench.build(p, pool), {}) for p in sorted((portal_bench.PAGES / name).glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev")
    ap.add_argument("--lines", action="store_true")
    ap.add_argument("--lost", action="store_true")
    args = ap.parse_args()
    if args.set in HELD_OUT:
        sys.exit(f"furniture_diagnose.py: {args.set} is held out")
    cleaner = Cleaner(to="keep")
    # The fit split's pages are HTML, cleaned as ``cleaner page.html`` cleans them (their
    # headline goes to meta); a template's page is text.
    extracted = Cleaner.for_config(cleaner.config.for_extracted_text())
    model, lexicon = generic.load_model(), generic.load_lexicon()
    by_cause: Counter = Counter()
    lines_by_cause: Counter = Counter()
    lost_by: Counter = Counter()
    examples = defaultdict(list)
    with Catch() as catch:
        for key, text, article, title, evidence in pages_of(args.set):
            catch.reset()
            output = (extracted if args.set == "fit" else cleaner).run(text, details=False, title=title, **evidence).text
            want = {bench.comparable(x) for x in article.splitlines() if x.strip()}
            art = bench.comparable(article)
            kept = {bench.comparable(x) for x in output.splitlines() if x.strip()}
            if catch.last is None:
                continue
            lines, keep, held, _, (gone, scored, body), _ = catch.last
            if args.lines:
                print(f"== {key} body={body} of {len(scored)}")
            other = unaligned([bench.comparable(lines[line.index]) for line in scored], art) if args.set == "fit" else None
            for pos, line in enumerate(scored):
                c = bench.comparable(lines[line.index])
                if not c or c not in kept:
                    continue
                # A template line says what it is; a dev page's line is furniture when most of its
                # characters do not align with the hand copy (as scripts/fit_furniture.py labels).
                furniture = c not in want if other is None else other[pos] * 2 > len(c)
                if not furniture:
                    continue
                why = cause(scored, pos, body, keep, held, model, lexicon)
                by_cause[why] += len(c)
                lines_by_cause[why] += 1
                if args.lines:
                    s = generic.score(line.features, model)
                    print(f"  {why:<12} {s:+6.2f} [{pos}] {lines[line.index].strip()[:60]}  | {top_features(line.features, model)}")
            if args.lost:
                for x in text.splitlines():
                    c = bench.comparable(x)
                    if c and c in want and c not in kept and x.strip() in catch.removed:
                        lost_by[catch.removed[x.strip()].split(" (")[0]] += len(c)
                        print(f"  LOST {catch.removed[x.strip()]}: {x.strip()[:70]}")
    total = sum(by_cause.values())
    print(f"leftover lines judged by the model, {args.set}: {total} characters")
    for why, n in by_cause.most_common():
        print(f"  {why:<12} {n:>6} chars {lines_by_cause[why]:>4} lines")
    if lost_by:
        print("lost by decision:", dict(lost_by.most_common(10)))


if __name__ == "__main__":
    main()
