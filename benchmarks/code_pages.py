"""Decoders outside the repair's byte views: errors per 1,000 characters, per code page and source.

    .venv/bin/python benchmarks/code_pages.py [--paragraphs 20] [--codecs mac_roman,cp437,...]

The measured part of the wiki corpus (``wiki_split``; the character model never saw it), both
scripts: each paragraph is encoded in a source encoding (UTF-8, GBK, Big5), read through a code
page (``errors="replace"``), cleaned with ``--to keep`` (furniture off) and compared with the
cleaner's output on the undamaged paragraph (as the source encoding holds it: Big5 has no 华). Errors are lost + wrong + extra characters.
``benchmarks/decoders.py`` measures the decoders the byte views model; this one the others —
single-byte code pages the repair reads through ``cleaner/repair/code_pages.py``, and multi-byte
Japanese and Korean decoders, which it does not repair.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CODECS = ("iso8859_15", "iso8859_2", "cp1251", "koi8_r", "mac_roman", "cp437", "cp850", "cp866", "cp932",
          "cp1253", "cp1254", "cp1257", "cp874", "shift_jis", "euc_jp", "euc_kr", "cp949", "gb2312")
SOURCES = ("utf-8", "gbk", "big5")


def errors(a: str, b: str) -> int:
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=20, help="per script (default 20)")
    ap.add_argument("--codecs", default=",".join(CODECS))
    args = ap.parse_args()
    from wiki_split import measure_paragraphs

    from cleaner import Cleaner

    cleaner = Cleaner(to="keep", remove_furniture=False)
    by_script = {script: measure_paragraphs(script)[: args.paragraphs] for script in ("zh-hans", "zh-hant")}
    # Big5 holds Traditional text only: Simplified paragraphs would be full of "?" before any damage.
    texts = {source: by_script["zh-hant"] if source == "big5" else by_script["zh-hans"] + by_script["zh-hant"]
             for source in SOURCES}
    print(f"{args.paragraphs} paragraphs a script (Big5: Traditional only); errors per 1,000 characters (share of bytes the decoder marked)")
    print(f"| code page | {' | '.join(SOURCES)} |\n|---|{'---|' * len(SOURCES)}")
    for codec in args.codecs.split(","):
        cells = []
        for source in SOURCES:
            wrong = total = marked = size = 0
            for paragraph in texts[source]:
                # What the source encoding can hold (GBK lacks a few Traditional characters).
                data = paragraph.encode(source, errors="replace")
                reference = cleaner.clean(data.decode(source))
                broken = data.decode(codec, errors="replace")
                marked += broken.count("\ufffd")
                size += len(data)
                wrong += errors(reference, cleaner.clean(broken))
                total += len(reference)
            cells.append(f"{1000 * wrong / total:.1f} ({100 * marked / size:.1f} %)")
        print(f"| {codec} | {' | '.join(cells)} |", flush=True)


if __name__ == "__main__":
    main()
