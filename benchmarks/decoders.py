"""Errors per 1,000 characters after repair, for every cell of the damage matrix.

    .venv/bin/python benchmarks/decoders.py [--paragraphs N] [--scope page lines title spans] [--show N]
                                            [--split measure|build] [--skip K] [--family single-byte]

Pages of measured Wikipedia paragraphs (``benchmarks/wiki_split.py``'s ``measure_paragraphs``,
never the part models are built from; both scripts, Traditional only for a Big5 source) are
written in the cell's source encoding, read by its wrong decoder over the scope
(``tests/damage.py``'s ``damage_cell``), and cleaned with ``to="keep"`` and furniture removal
off. The reference is the same cleaner's output on the undamaged page, so only what the damage
left counts: lost + wrong + extra characters, by a character alignment, per 1,000 characters of
the reference. "bytes" says what the damage left of the page's bytes: lossless, the share of
bytes under a U+FFFD (known to be there, value unknown) or the share dropped without a mark.

``--show N`` prints up to N differences of each cell and scope (what came out, what was
expected, with the expected text around it) and counts every cell's differences by kind.
``--bound`` adds what the bytes allow (``benchmarks/byte_bound.py``), page scope: per 1,000
characters, those no byte decides (another character reads to the same damaged text) and those an
oracle choosing by the build split's unigram and bigram counts, with both true neighbours, gets
wrong. A cell's errors above the oracle's are the repair's to win back; below it, context beyond
a bigram is doing the work.
``--family single-byte`` measures, instead of the main matrix, every single-byte code page of
Python's outside the single-byte view (``tests/wrong_decoders.py``'s ``CODE_PAGES``, enumerated
from ``encodings``; page scope unless ``--scope`` says otherwise), each source and errors mode,
and ends with a summary a code page a line: its undefined bytes and, per source, errors per 1,000
with ``replace`` and ``ignore`` and the share of bytes marked.
Source ``gb18030`` (GB18030 text read by Python's ``gbk``) is measured on the paragraphs that
hold a character GB18030 writes in four bytes, the only ones that cell damages.
Source ``hkscs`` (``damage.hkscs_cells``, after the others): Hong Kong pages, each Traditional
paragraph with a Cantonese sentence whose characters only Big5-HKSCS holds.
The cells whose single-byte reading then lost its invisible characters to a later tool (errors
``shy-deleted``, ``c1-deleted``, ``invisible-deleted``: ``damage.invisible_cells``) come after the
main matrix; "dropped" counts the bytes deleted.
A real program's own marks for what it rejects come last (errors ``icu-sub``, ``win32``,
``excel-csv``, ``dotnet``, ``surrogateescape``: ``damage.software_cells``, UTF-8 read as GBK;
``wrong_decoders.SOFTWARE_MARKS`` says what each program writes); "marked" counts the bytes
under their marks (a Windows mark: a pair).
After them, each source read as UTF-16 without a byte-order mark (``damage.utf16_cells``, decoders
``utf-16-le`` and ``utf-16-be``, a line at a time as every cell reads: a pair of bytes a code unit,
a unit UTF-16 rejects alone, half a surrogate pair, one U+FFFD for its two bytes), and last each
source read by a browser's Japanese or Korean decoder (``damage.browser_cells``: the WHATWG
Shift_JIS, EUC-KR and EUC-JP decoders, whose mark for a rejected pair takes its second byte).
``--split build`` measures on the paragraphs models are built from instead: for working out a
change without looking at the measured text; the figures that count are the default split's.
``--scope wrapped`` (not in the default four): the misread page hard-wrapped as a tool wraps what
it shows (``tests/damage.py``'s ``wrapped_cell``: fixed widths of 30-76 in characters, display
columns or UTF-8 bytes, or one to three irregular breaks a paragraph; an indent, a quote's mark or
a trailing space; LF or CRLF), its breaks inside sequences; the reference is the cleaner's output
on the clean page broken at the nearest character boundaries.
``--skip K`` starts after the first K paragraphs a script (``--skip 40``: measured paragraphs the
reported figures never read, for working a change out on text the character model did not see).
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from byte_bound import page_bound  # noqa: E402
from wrong_decoders import SOFTWARE_MARKS  # noqa: E402
from damage import SCOPES, SOURCES, WRAPPED, code_page_cells, damage_cell, hkscs_cells, hong_kong_paragraph, invisible_cells, matrix_cells, misdecode, software_cells, source_text, utf16_cells, wrapped_cell, browser_cells  # noqa: E402
from wiki_split import build_paragraphs, measure_paragraphs  # noqa: E402
from wrong_decoders import MATRIX_DECODERS as DECODERS  # noqa: E402
from wrong_decoders import CODE_PAGE_FAMILY, OTHER_FAMILY  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.repair.decoders import byte_view  # noqa: E402

PAGE_LINES = 5  # paragraphs per page
HEAVY_LOSS = 0.2  # share of bytes lost past which --bound reads two pages of the cell, not all


def pages(source: str, n: int, split: str = "measure", skip: int = 0) -> list[str]:
    scripts = ("zh-hant",) if source in ("big5", "hkscs") else ("zh-hans", "zh-hant")
    taken = measure_paragraphs if split == "measure" else build_paragraphs
    out = []
    for script in scripts:
        chosen = taken(script)
        if source == "gb18030":  # the cell damages only GB18030's four-byte codes: paragraphs holding one
            chosen = [p for p in chosen if any(len(ch.encode("gb18030")) == 4 for ch in p if ch > "\x7f")]
        if source == "hkscs":  # a Hong Kong page: a Cantonese sentence in each paragraph
            chosen = [hong_kong_paragraph(p, k) for k, p in enumerate(chosen)]
        paragraphs = [source_text(p, source) for p in chosen[skip : skip + n]]
        out += ["\n".join(paragraphs[i : i + PAGE_LINES]) for i in range(0, len(paragraphs), PAGE_LINES)]
    return out


CONTEXT = 6  # characters of the expected text shown each side of a difference


def errors(out: str, ref: str) -> list[tuple[str, str, str]]:
    """(what came out, what was expected, the expected text around it) per difference."""
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    return [(out[i1:i2], ref[j1:j2], f"{ref[max(0, j1 - CONTEXT):j1]}[{ref[j1:j2]}]{ref[j2:j2 + CONTEXT]}")
            for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def line_errors(out: str, ref: str) -> list[tuple[str, str, str]]:
    """Aligned line by line when the line counts agree (fast), else as a whole."""
    a, b = out.split("\n"), ref.split("\n")
    if len(a) != len(b):
        return errors(out, ref)
    return [d for x, y in zip(a, b, strict=True) if x != y for d in errors(x, y)]


def kind(got: str, expected: str) -> str:
    """What a difference is about, for ``--show``'s counts: by the expected (else the got) text."""
    text = expected or got
    if all("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text):
        what = "han"
    elif all(ch < "\x80" for ch in text):
        what = "ascii"
    elif not any("\u3400" <= ch <= "\u9fff" for ch in text):
        what = "signs"
    else:
        what = "mixed"
    how = "lost" if not got else "extra" if not expected else "wrong"
    return f"{how} {what}"


def bytes_left(page: str, source: str, decoder: str, errs: str) -> tuple[int, int]:
    """(bytes under a U+FFFD, bytes dropped) when ``page`` goes through the cell."""
    data = page.encode(SOURCES[source], errors="replace")
    text = misdecode(page, source, decoder, errs)
    dec = DECODERS[decoder]
    if errs in SOFTWARE_MARKS:  # a program's own marks: Python's parse, or one mark for a pair of bytes
        mark, pairs = SOFTWARE_MARKS[errs]
        if pairs:
            return 2 * (text.count(mark) - page.count(mark)), 0
        return bytes_left(page, source, decoder, "replace")
    marked = text.count("\ufffd")
    if dec.codec.startswith("utf-16"):  # read a line at a time: a mark is a unit's two bytes (a line's odd last byte: one)
        lost = 0
        for line in page.split("\n"):
            shown = misdecode(line, source, decoder, errs)
            lost += len(line.encode(SOURCES[source], errors="replace")) - len(shown.replace("\ufffd", "").encode(dec.codec, "surrogatepass"))
        return lost, 0
    if dec.twice:  # two layers: what the outer one marked or dropped, in the inner one's bytes
        inner = DECODERS[dec.codec].decode(data, errs).encode("utf-8")
        return marked, max(0, len(inner) - len(text.replace("\ufffd", "").encode(dec.codec)))
    if dec.family in (OTHER_FAMILY, CODE_PAGE_FAMILY):  # the codec itself gives back the bytes it read
        return marked, max(0, len(data) - len(text.replace("\ufffd", "").encode(dec.codec)))
    stream, _ = byte_view(text, dec.family)
    return marked, max(0, len(data) - len(stream))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=40, help="measured paragraphs per script")
    ap.add_argument("--scope", nargs="*", default=None, choices=(*SCOPES, WRAPPED),
                    help="default: page, lines, title, spans (page only with --family); wrapped: the misread page hard-wrapped")
    ap.add_argument("--cell", nargs="*", default=None, help="source:decoder:errors cells (default: all)")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N differences of each cell and scope, and count them by kind")
    ap.add_argument("--bound", action="store_true",
                    help="also what the bytes allow (benchmarks/byte_bound.py): characters undetermined and an oracle's errors per 1,000, page scope")
    ap.add_argument("--split", choices=("measure", "build"), default="measure",
                    help="the paragraphs measured on (build: for working a change out; the figures are measure's)")
    ap.add_argument("--skip", type=int, default=0, metavar="K",
                    help="start after the first K paragraphs of the split (tuning on measured paragraphs the reported figures, K=0, do not use)")
    ap.add_argument("--family", choices=("single-byte",), default=None,
                    help="the single-byte code pages outside the single-byte view instead of the main matrix, with a summary")
    args = ap.parse_args()
    args.scope = args.scope or (["page"] if args.family else list(SCOPES))
    cleaner = Cleaner(to="keep", remove_furniture=False)
    cells = code_page_cells() if args.family else matrix_cells() + invisible_cells() + hkscs_cells() + software_cells() + utf16_cells() + browser_cells()
    summary: dict[tuple[str, str, str], tuple[float, float]] = {}  # cell: (errors per 1,000, share marked)
    if args.cell:
        cells = [c for c in cells if ":".join(c) in args.cell]
    bound_head = f" {'undet':>6s} {'counts':>6s} {'model':>6s} " if args.bound else ""
    print(f"{'source':6s} {'decoder':12s} {'errors':7s} {'bytes':>16s}{bound_head} " + " ".join(f"{s:>7s}" for s in args.scope))
    start = time.perf_counter()
    worst: dict[str, float] = {}
    for source, decoder, errs in cells:
        refs = [(p, cleaner.clean(p)) for p in pages(source, args.paragraphs, args.split, args.skip)]
        total = sum(len(p.encode(SOURCES[source], errors="replace")) for p, _ in refs)
        marked = dropped = 0
        for p, _ in refs:
            m, d = bytes_left(p, source, decoder, errs)
            marked, dropped = marked + m, dropped + d
        if (DECODERS[decoder].lossless and not errs.endswith("-deleted")) or not (marked or dropped):
            allow = "lossless"
        elif errs == "ignore" or (errs.endswith("-deleted") and not marked):
            allow = f"{100 * dropped / total:.1f}% dropped"
        elif errs.endswith("-deleted"):  # the decoder's marks, and what a later tool deleted
            allow = f"{100 * marked / total:.1f}% m. {100 * dropped / total:.1f}% d."
        else:
            allow = f"{100 * marked / total:.1f}% marked"
        bound = ""
        if args.bound and DECODERS[decoder].twice:
            bound = f" {'':>6s} {'':>6s} {'':>6s} "  # two layers: no single parse to bound
        elif args.bound:
            undetermined, wrong = 0, Counter()
            # A path that loses a fifth of the bytes or more (UTF-8 through a Big5 decoder)
            # leaves thousands of candidates per character: one page a script says enough (*).
            share = (marked + dropped) / max(total, 1)
            sample = refs if share < HEAVY_LOSS else [refs[0], refs[len(refs) // 2]]
            for p, _ in sample:
                u, w = page_bound(p, source, decoder, errs)
                undetermined += u
                wrong.update(w)
            size = sum(len(p) for p, _ in sample)
            star = "*" if len(sample) < len(refs) else " "
            bound = f" {1000 * undetermined / size:6.1f} {1000 * wrong['counts'] / size:6.1f} {1000 * wrong['model'] / size:6.1f}{star}"
        row = []
        kinds: Counter = Counter()
        for scope in args.scope:
            err = chars = 0
            shown = 0
            for k, (page, ref) in enumerate(refs):
                if scope == WRAPPED:  # the reference is the clean page wrapped at the same places
                    damaged, wrapped = wrapped_cell(page, source, decoder, errs, random.Random(k))
                    ref = cleaner.clean(wrapped)
                else:
                    damaged = damage_cell(page, source, decoder, errs, scope, random.Random(k))
                # A wrapped page is compared as a whole: a break the hard-wrap stage joined on one
                # side and not the other is one difference, not two lines out of step.
                diffs = (errors if scope == WRAPPED else line_errors)(cleaner.clean(damaged), ref)
                err += sum(max(len(a), len(b)) for a, b, _ in diffs)
                chars += len(ref)
                for got, expected, around in diffs:
                    kinds[kind(got, expected)] += max(len(got), len(expected))
                    if shown < args.show:
                        print(f"   {source}:{decoder}:{errs} {scope}: {got!r} for {expected!r} in {around!r}")
                        shown += 1
            rate = 1000 * err / max(chars, 1)
            worst[scope] = max(worst.get(scope, 0.0), rate)
            row.append(f"{rate:7.1f}")
            summary.setdefault((source, decoder, errs), (rate, 100 * marked / max(total, 1)))
        print(f"{source:6s} {decoder:12s} {errs:7s} {allow:>16s}{bound} " + " ".join(row), flush=True)
        if args.show:
            print("   by kind (characters):", ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print(f"{len(cells)} cells, {time.perf_counter() - start:.0f} s (a shared machine: timings are noisy)")
    if args.family:
        print_family_summary(summary, args.scope[0])


def print_family_summary(summary: dict[tuple[str, str, str], tuple[float, float]], scope: str) -> None:
    """A code page a line: its undefined bytes, and per source errors per 1,000 (``scope``) with
    ``replace`` / ``ignore`` and the share of the source's bytes it marked."""
    print(f"\nerrors per 1,000 ({scope} scope): replace / ignore (share of bytes marked)")
    print("| code page | undefined | " + " | ".join(s for s in ("utf-8", "gbk", "big5")) + " |")
    print("|---|---|---|---|---|")
    for decoder in sorted({d for _, d, _ in summary}):
        undefined = bytes(range(0x80, 0x100)).decode(DECODERS[decoder].codec, "replace").count("\ufffd")
        cells = []
        for source in ("utf-8", "gbk", "big5"):
            rate, share = summary.get((source, decoder, "replace"), (float("nan"), 0.0))
            ignore = summary.get((source, decoder, "ignore"))
            cells.append(f"{rate:.1f}" + (f" / {ignore[0]:.1f} ({share:.1f}%)" if ignore else ""))
        print(f"| {decoder} | {undefined} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
