"""Clean SHORT text must come through untouched: repairs that fire on short clean inputs alone.

    .venv/bin/python benchmarks/false_positives_short.py [--paragraphs N] [--show K]

A data pipeline cleans titles, names, captions and table cells one field at a time: a repair that
needs a page's evidence has only a few characters. From the measuring part of the Wikipedia corpus
(both scripts; ``wiki_split``) each paragraph gives three short clean texts:

- ``clause``: its first clause holding a rare character (cut at ，。；：！？、), 2-20 characters;
- ``window``: 3-8 characters of running text around a rare character;
- ``list``: its rare characters (up to 5) joined by a space, by ``、`` or by ``/`` (the three
  take turns): a list of names, fish or minerals as a table cell writes them;
- ``words``: the two characters from each of its rare characters on (up to 5), joined the same
  way: a row of place or people's names.

"Rare" is what the repairs call rare (``mojibake._rare_char``: the model's unigram floor), so
these are the inputs a misreading detector looks at. Each is cleaned alone with conversion,
width and whitespace fixes and furniture removal off (only the repair stages can change it);
the changed ones are counted per kind and per Step, and the first ``--show`` printed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wiki_split import measure_paragraphs  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.repair.mojibake import _rare_char  # noqa: E402

_CLAUSE = re.compile(r"[^，。；：！？、\n]{2,20}")
_JOINS = (" ", "、", "/")


def short_texts(paragraph: str, k: int) -> list[tuple[str, str]]:
    """(kind, text) cut from ``paragraph``; ``k`` picks the list's separator."""
    rare = _rare_char()
    at = [m.start() for m in rare.finditer(paragraph) if "\u4e00" <= m.group() <= "\u9fff"]
    if not at:
        return []
    out = []
    for m in _CLAUSE.finditer(paragraph):
        if rare.search(m.group()):
            out.append(("clause", m.group().strip()))
            break
    first = at[0]
    width = 3 + k % 6
    start = max(0, first - width // 2)
    out.append(("window", paragraph[start:start + width]))
    names = list(dict.fromkeys(paragraph[i] for i in at))[:5]
    if len(names) >= 2:
        out.append(("list", _JOINS[k % len(_JOINS)].join(names)))
    words = list(dict.fromkeys(paragraph[i:i + 2] for i in at if i + 2 <= len(paragraph)))[:5]
    if len(words) >= 2:
        out.append(("words", _JOINS[(k + 1) % len(_JOINS)].join(words)))
    return [(kind, text) for kind, text in out if text.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=0, help="the first N measured paragraphs a script (0: all)")
    ap.add_argument("--show", type=int, default=10, help="print the first K changed texts")
    args = ap.parse_args()
    cleaner = Cleaner(to="keep", remove_furniture=False, fix_width=False, normalize_whitespace=False)
    shown = 0
    for script in ("zh-hans", "zh-hant"):
        paragraphs = measure_paragraphs(script)
        if args.paragraphs:
            paragraphs = paragraphs[: args.paragraphs]
        texts = Counter()
        changed = Counter()
        by_step = Counter()
        for k, paragraph in enumerate(paragraphs):
            for kind, text in short_texts(paragraph, k):
                texts[kind] += 1
                result = cleaner.run(text, details=True)
                if result.text == text:
                    continue
                changed[kind] += 1
                for step in {s.name for s in result.steps}:
                    by_step[step] += 1
                if shown < args.show:
                    shown += 1
                    print(f"{script} {kind}: {text!r} -> {result.text!r} {sorted({s.name for s in result.steps})}")
        row = ", ".join(f"{kind} {changed[kind]}/{texts[kind]}" for kind in ("clause", "window", "list", "words"))
        print(f"{script}: changed {row}; by step {dict(by_step.most_common())}")


if __name__ == "__main__":
    main()
