"""Big5 read by a GBK decoder, on short lines of Traditional text: errors per 1,000 characters.

    .venv/bin/python benchmarks/big5_short_lines.py [--paragraphs 30] [--split measure|build] [--show N]

The measured part of the wiki corpus (``wiki_split``), Traditional: each paragraph cut into its
sentences, one a line (``sentences``: a forum's short posts, an aggregator's items), or each
sentence after a date, ``1949年1月1日，`` (``dated``: a news item's first line), or after a date in
fullwidth digits with every digit of the line so, as Taiwan's news writes them (``fullwidth``). The page is written in Big5 (cp950; a line it
cannot write is left out) and read by a GBK-family decoder (``errors="replace"``), then cleaned
with ``--to keep`` (furniture off) and compared with the cleaner's output on the undamaged page.
Short lines of Big5's commonest characters show few rare Han in GBK: 年 月 日 中 are a6 7e, a4 eb,
a4 e9, a4 a4, GBK's user-defined pair (a mark and ``~``) and its kana (る ら い). ``dates right``:
the dates that came back whole.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from code_pages import errors  # noqa: E402

DECODERS = ("gbk", "gb18030")
KINDS = ("sentences", "dated", "fullwidth")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
_DATE = re.compile(r"\d{1,4}年\d{1,2}月\d{1,2}日")


def _writable(line: str) -> bool:
    try:
        line.encode("cp950")
    except UnicodeEncodeError:
        return False
    return True


def page(paragraph: str, kind: str, rng: random.Random) -> str:
    lines = [c.strip() for c in _SENTENCE.findall(paragraph) if len(c.strip()) >= 2]
    if kind in ("dated", "fullwidth"):
        lines = [f"{rng.randint(1895, 2024)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{c}" for c in lines]
    if kind == "fullwidth":  # Taiwan's news writes its digits so: ２０２６年４月１０日
        lines = [c.translate(_FULLWIDTH) for c in lines]
    return "\n".join(c for c in lines if _writable(c))


def main() -> None:
    from wiki_split import measured_args, split_paragraphs

    args = measured_args(__doc__.splitlines()[0])

    from cleaner import Cleaner

    cleaner = Cleaner(to="keep", remove_furniture=False)
    paragraphs = split_paragraphs(args.split, "zh-hant", args.paragraphs)
    shown = 0
    print("| decoder, kind | errors per 1,000 | lines right | dates right |")
    print("|---|---|---|---|")
    for decoder in DECODERS:
        for kind in KINDS:
            rng = random.Random(f"{decoder}-{kind}")
            total = errs = lines = right = dates = dates_right = 0
            for paragraph in paragraphs:
                text = page(paragraph, kind, rng)
                if not text:
                    continue
                reference = cleaner.clean(text)
                got = cleaner.clean(text.encode("cp950").decode(decoder, "replace"))
                total += len(reference)
                errs += errors(reference, got)
                want_dates = _DATE.findall(reference)
                dates += len(want_dates)
                dates_right += sum(1 for d in want_dates if d in got)
                for want, line in zip(reference.split("\n"), got.split("\n")):
                    lines += 1
                    right += want == line
                    if want != line and shown < args.show:
                        print(f"  want {want}\n  got  {line}")
                        shown += 1
            date_cell = f"{dates_right}/{dates}" if dates else "-"
            print(f"| {decoder}, {kind} | {1000 * errs / max(total, 1):.1f} | {right}/{lines} | {date_cell} |", flush=True)


if __name__ == "__main__":
    main()
