"""Why the guesses left wrong on the fit pages of web_text_repair.py lost: a classification.

    .venv/bin/python benchmarks/guess_errors.py [--cell SRC:DECODER:MODE] [--show N]

Each fit page's article (``web_text_repair.articles("fit")``: the report pages stay held out) is
misread and cleaned as ``web_text_repair.py`` does; the page's guesses, as ``context.redecide``
leaves them (with every candidate their bytes allowed), are aligned with the cleaned output, and
each character still wrong where a guess stands is put in the first class that fits:

- ``no candidate``: the right character is not among the guess's candidates;
- ``neighbour a guess``: a character beside it is a guess too (two lost bytes in a row);
- ``longer word``: the right character completes a longer dictionary word with its neighbours
  than the guess does (``reference_context.longest_word``);
- ``pair unseen``: a pair of the right character with a neighbour was never seen in the model;
- ``both seen``: the rest.

Wrong characters that are no guess, and characters lost or extra, are counted apart. Session 43
read these (docs/repair.md §5.1, "Guesses decided again in their line").
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import reference_context  # noqa: E402
from web_text_repair import articles  # noqa: E402
from wrong_decoders import MATRIX_DECODERS  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.langmodel import model  # noqa: E402
from cleaner.repair import context  # noqa: E402


def _recording(calls: list):
    """``context.redecide`` that keeps what each whole-page call left: (text, guesses)."""
    redecide = context.redecide

    def recorded(text, guessed, before="", after="", page=False, web=True):
        text, guessed = redecide(text, guessed, before, after, page, web)
        if page:
            calls.append((text, guessed))
        return text, guessed
    return recorded


def _guesses_in(out: str, calls: list) -> dict[int, tuple]:
    """Each guess that stands in ``out`` unchanged: its place there -> (choice, text, place in it, guessed places)."""
    found = {}
    for text, guessed in calls:
        at = {}
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, text, out, autojunk=False).get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                at.update((i1 + k, j1 + k) for k in range(i2 - i1))
        places = {pos for pos, _ in guessed}
        for pos, choice in guessed:
            if pos in at and out[at[pos]] == choice.char:
                found[at[pos]] = (choice, text, pos, places)
    return found


def classify(right: str, choice, text: str, pos: int, places: set[int]) -> str:
    lm = model()
    if right not in choice.candidates:
        return "no candidate"
    if pos - 1 in places or pos + 1 in places:
        return "neighbour a guess"
    chars = list(text)
    if reference_context.longest_word(chars, pos, right) > reference_context.longest_word(chars, pos, choice.char):
        return "longer word"
    prev = text[pos - 1] if pos else "\n"
    nxt = text[pos + 1] if pos + 1 < len(text) else "\n"
    if not lm.follows(prev, right) or not lm.follows(right, nxt):
        return "pair unseen"
    return "both seen"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cell", default="utf-8:gbk:replace", help="source:decoder:errors")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N wrong guesses of each class")
    args = ap.parse_args()
    source, decoder, mode = args.cell.split(":")
    calls: list = []
    context.redecide = _recording(calls)
    cleaner = Cleaner(to="keep", remove_furniture=False, generic_furniture=False)
    classes: Counter = Counter()
    apart: Counter = Counter()
    shown: dict[str, list[str]] = {}
    commoner = 0
    for article in articles("fit"):
        reference = cleaner.run(article).text
        calls.clear()
        out = cleaner.run(MATRIX_DECODERS[decoder].decode(article.encode(source), mode)).text
        guesses = _guesses_in(out, calls)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, reference, out, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            if op != "replace" or i2 - i1 != j2 - j1:
                apart["lost, extra or a run of another length"] += max(i2 - i1, j2 - j1)
                continue
            for k in range(i2 - i1):
                right, j = reference[i1 + k], j1 + k
                if right == out[j]:
                    continue
                if j not in guesses:
                    apart["wrong, no guess"] += 1
                    continue
                choice, text, pos, places = guesses[j]
                kind = classify(right, choice, text, pos, places)
                classes[kind] += 1
                commoner += model().unigram(choice.char) > model().unigram(right)
                if len(shown.setdefault(kind, [])) < args.show:
                    shown[kind].append(f"{reference[max(0, i1 + k - 3):i1 + k + 4]!r} -> {text[max(0, pos - 3):pos + 4]!r}"
                                       f" ({len(choice.candidates)} candidates, margin {choice.margin:.2f})")
    for kind, n in classes.most_common():
        print(f"{kind:24} {n:>6}")
        for line in shown.get(kind, []):
            print(f"    {line}")
    print(f"{'(the guess commoner)':24} {commoner:>6}")
    for kind, n in apart.most_common():
        print(f"{kind:40} {n:>6}")


if __name__ == "__main__":
    main()
