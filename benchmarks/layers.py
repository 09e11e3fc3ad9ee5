"""Mojibake of mojibake: errors per 1,000 characters after a page was misread twice.

    .venv/bin/python benchmarks/layers.py [--paragraphs 10]

The measured part of the wiki corpus (``wiki_split``), both scripts: each paragraph as UTF-8 read
by a wrong decoder, the result saved as UTF-8 and read by a wrong decoder again (the decoders of
``tests/wrong_decoders.py``), then cleaned with ``--to keep`` (furniture off) and compared with the
cleaner's output on the undamaged paragraph. Printed with and without the second-layer stage
(``cleaner/repair/layers.py``), to show what it adds. Then the single-byte layers
(``LATIN_CHAINS``): a GBK or UTF-8 page shown by a Western decoder twice. Last, pages of short
lines (``tests/short_line_damage.py``: clauses, table rows, prices, times, one page a paragraph)
in UTF-8, GBK (Simplified) or Big5 (Traditional) shown as Latin-1, saved as UTF-8 and read as GBK,
with and without the page's chain read line by line (``cleaner/repair/page_chain.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from code_pages import errors  # noqa: E402

PAIRS = (("whatwg-gbk", "whatwg-gbk"), ("gb18030", "gb18030"), ("gbk", "gb18030"), ("gbk", "gbk"),
         ("whatwg-gbk", "cp1252"), ("cp1252", "whatwg-gbk"))
# Single-byte layers (``cleaner/repair/latin_layers.py``): a page in a source shown by a Western
# tool, saved as UTF-8 and shown so again; the outer decoder's errors mode. A GBK page shown as
# Latin-1 (a database column) and then as cp1252 loses at the outer layer the bytes cp1252 leaves
# undefined: Ã and one of them is GBK's c1 cd cf d0 or dd.
LATIN_CHAINS = (("gbk", "latin-1", "cp1252", "replace"), ("gbk", "latin-1", "cp1252", "ignore"),
                ("gbk", "cp1252", "cp1252", "replace"), ("utf-8", "cp1252", "cp1252", "replace"),
                ("utf-8", "latin-1", "cp1252", "replace"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=10, help="per script (default 10)")
    ap.add_argument("--short-lines", action="store_true", help="only the short-line pages")
    args = ap.parse_args()
    if args.short_lines:
        from cleaner import Cleaner

        short_lines(Cleaner(to="keep", remove_furniture=False), args.paragraphs)
        return
    from wiki_split import measure_paragraphs
    from wrong_decoders import DECODERS

    from cleaner import Cleaner
    from cleaner.repair import layers

    cleaner = Cleaner(to="keep", remove_furniture=False)
    paragraphs = [p for script in ("zh-hans", "zh-hant") for p in measure_paragraphs(script)[: args.paragraphs]]
    references = [cleaner.clean(p) for p in paragraphs]
    print(f"{len(paragraphs)} paragraphs; errors per 1,000 characters: without the stage / with it")
    for first, second in PAIRS:
        broken = [DECODERS[second].decode(DECODERS[first].decode(p.encode("utf-8")).encode("utf-8")) for p in paragraphs]
        total = sum(map(len, references))
        with_stage = sum(errors(r, cleaner.clean(b)) for r, b in zip(references, broken, strict=True))
        # Both of the stage's entries: under a GBK-family outer layer, and under a single-byte one
        # (read before the single-byte stages).
        keep = layers.repair_second_layer, layers.repair_outer_single_byte
        layers.repair_second_layer = layers.repair_outer_single_byte = \
            lambda text, guess=True: layers.mojibake.MojibakeRepair(text, 0, [])
        try:
            without = sum(errors(r, cleaner.clean(b)) for r, b in zip(references, broken, strict=True))
        finally:
            layers.repair_second_layer, layers.repair_outer_single_byte = keep
        print(f"| {first} then {second} | {1000 * without / total:.1f} | {1000 * with_stage / total:.1f} |", flush=True)
    print("single-byte layers: errors per 1,000 characters")
    for source, inner, outer, mode in LATIN_CHAINS:
        total = errs = 0
        for p, r in zip(paragraphs, references, strict=True):
            shown = p.encode(source, errors="replace").decode(inner, errors="replace")
            broken = shown.encode("utf-8").decode(outer, errors=mode)
            total += len(r)
            errs += errors(r, cleaner.clean(broken))
        print(f"| {source} as {inner}, then as {outer} ({mode}) | {1000 * errs / total:.1f} |", flush=True)
    short_lines(cleaner, args.paragraphs)


# (source, script of its paragraphs, outer decoder): a two-byte page through Latin-1 and UTF-8.
SHORT_CHAINS = (("utf-8", "zh-hans", "gbk"), ("utf-8", "zh-hant", "whatwg-gbk"), ("gbk", "zh-hans", "gbk"), ("gbk", "zh-hans", "whatwg-gbk"), ("big5", "zh-hant", "gbk"),
                ("big5", "zh-hant", "whatwg-gbk"))


def short_lines(cleaner, count: int) -> None:
    """Errors per 1,000 on pages of short lines through Latin-1 (SHORT_CHAINS), by kind of page:
    without the page's chain / with it."""
    import random

    from short_line_damage import KINDS, short_line_page, through_latin, writable
    from wiki_split import measure_paragraphs

    from cleaner.repair import mojibake, page_chain

    print("short-line pages, source as Latin-1 then as GBK: errors per 1,000 characters, without page_chain / with it")
    for source, script, outer in SHORT_CHAINS:
        for kind in KINDS:
            rng = random.Random(f"{source}-{outer}-{kind}")
            pages = [writable(short_line_page(p, kind, rng), source) for p in measure_paragraphs(script)[:count]]
            pages = [p for p in pages if p]
            references = [cleaner.clean(p) for p in pages]
            broken = [through_latin(p, source, outer) for p in pages]
            total = sum(map(len, references))
            with_chain = sum(errors(r, cleaner.clean(b)) for r, b in zip(references, broken, strict=True))
            keep = page_chain.read
            page_chain.read = lambda text: mojibake.MojibakeRepair(text, 0, [])
            try:
                without = sum(errors(r, cleaner.clean(b)) for r, b in zip(references, broken, strict=True))
            finally:
                page_chain.read = keep
            print(f"| {source} as latin-1, then as {outer}, {kind} | {1000 * without / total:.1f} | "
                  f"{1000 * with_chain / total:.1f} |", flush=True)


if __name__ == "__main__":
    main()
