"""A page misread by the other two-byte family, its short lines: errors per 1,000 characters.

    .venv/bin/python benchmarks/short_lines_two_byte.py [--paragraphs 30] [--split measure|build] [--show N]

Each measured paragraph of the wiki corpus (``wiki_split``; Simplified written in GBK and read by
a Big5-family decoder, Traditional written in Big5 and read by a GBK-family one, ``errors="replace"``)
is made a page as a portal's is: a short heading (its first clause, at most 10 characters),
the paragraph, and two short lines after it (two of its clauses of 2-8 characters: a button, a
label, a related title). A short line holds one or two characters its misreading makes rare,
too few to be read alone (resync's LINE_RARE_MIN); the paragraph on the same page says the page
was misread. Cleaned with ``--to keep`` (furniture off) and compared with the cleaner's output on
the undamaged page; the short lines are also counted apart (``short right``).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from code_pages import errors  # noqa: E402

CELLS = (("zh-hans", "gbk", "big5"), ("zh-hans", "gbk", "cp950"), ("zh-hans", "gbk", "big5hkscs"),
         ("zh-hant", "cp950", "gbk"), ("zh-hant", "cp950", "gb18030"))
_CLAUSE = re.compile(r"[^，。；！？、]+")


def page(paragraph: str, rng: random.Random) -> str | None:
    """The page (its short lines: the first and the last two), or None."""
    clauses = [c.strip() for c in _CLAUSE.findall(paragraph) if c.strip()]
    short = [c for c in clauses if 2 <= len(c) <= 8 and not c.isascii()]
    if not clauses or len(short) < 2:
        return None
    heading = clauses[0][:10]
    return "\n".join([heading, paragraph, *rng.sample(short, 2)])


def main() -> None:
    from wiki_split import measured_args, split_paragraphs

    args = measured_args(__doc__.splitlines()[0])

    from cleaner import Cleaner

    cleaner = Cleaner(to="keep", remove_furniture=False)
    shown = 0
    print("| source, decoder | errors per 1,000 | short lines right |")
    print("|---|---|---|")
    for script, codec, decoder in CELLS:
        paragraphs = split_paragraphs(args.split, script, args.paragraphs)
        rng = random.Random(f"{codec}-{decoder}")
        total = errs = short = right = 0
        for paragraph in paragraphs:
            text = page(paragraph, rng)
            if text is None:
                continue
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            reference = cleaner.clean(text)
            got = cleaner.clean(data.decode(decoder, "replace"))
            total += len(reference)
            errs += errors(reference, got)
            want_lines, got_lines = reference.split("\n"), got.split("\n")
            if len(want_lines) != len(got_lines):
                short += 3
                continue
            for k in (0, len(want_lines) - 2, len(want_lines) - 1):
                short += 1
                right += want_lines[k] == got_lines[k]
                if want_lines[k] != got_lines[k] and shown < args.show:
                    print(f"  want {want_lines[k]}\n  got  {got_lines[k]}")
                    shown += 1
        print(f"| {codec} → {decoder} | {1000 * errs / max(total, 1):.1f} | {right}/{short} |", flush=True)


if __name__ == "__main__":
    main()
