"""Where ``utf8_marks`` loses characters of UTF-8 read through a decoder that marks byte by byte.

    .venv/bin/python benchmarks/utf8_marks_why.py [--codec big5] [--paragraphs N] [--skip K] [--split build|measure]

For a marking decoder of Python's (``errors="replace"``: one U+FFFD per rejected byte, so every
place of ``utf8_marks``' view is one byte of the page), each paragraph is written in UTF-8, read by
the decoder, and every run of non-ASCII characters is followed through ``utf8_marks``: a run it
does not take (too few marks, no UTF-8 reading, taken for Japanese, refused by the "reads clearly
better" test) costs each of its characters; a run it reads costs each character of its cut that
is not the true one, by cause:

- **cut**: the character's bytes are not one true character's (where characters begin, or a
  byte left over);
- **candidate**: the cut is right but the true character is not among the candidates (128 for a
  character with no continuation byte known, 48 for another with marks: the likeliest by the
  unigram that fit);
- **choice**: the true character was a candidate and the joint choice (``holes.choose_ranked``)
  took another; split by what the true character's marks were (all continuation bytes marked or
  not), and by whom (``choice by whom``, characters of runs with a wrong choice): the model, where
  it scores the choice at least as high as the choice with the true candidates put back, or the
  search, where that mended path scores higher.

Figures are per 1,000 characters of the text. The build split by default (never tune on the
measured paragraphs the reported figures read).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from wiki_split import build_paragraphs, measure_paragraphs  # noqa: E402

from cleaner.langmodel import model  # noqa: E402
from cleaner.repair import holes, mojibake, utf8_marks  # noqa: E402

LOST = "\ufffd"


def byte_offsets(damaged: str, codec: str) -> list[int]:
    """Where each character of ``damaged`` begins in the bytes ``codec`` read (a mark is one byte)."""
    out, at = [], 0
    for ch in damaged:
        out.append(at)
        at += 1 if ch == LOST else len(ch.encode(codec))
    out.append(at)
    return out


def why(paragraph: str, codec: str, tally: Counter, examples: dict[str, list[str]], show: int) -> None:
    data = paragraph.encode("utf-8")
    damaged = data.decode(codec, "replace")
    offsets = byte_offsets(damaged, codec)
    if offsets[-1] != len(data):
        tally["skipped paragraphs (a character of several codes)"] += 1
        return
    starts = {}  # byte offset where a true character begins -> the character
    at = 0
    for ch in paragraph:
        starts[at] = ch
        at += len(ch.encode("utf-8"))
    tally["characters"] += len(paragraph)
    # Short runs are read in a second pass, on a page whose decoder a longer run showed.
    second = {start: fixed.text for start, _, fixed in utf8_marks.repair(damaged)}
    for m in utf8_marks._RUN.finditer(damaged):  # noqa: SLF001
        run = m.group()
        lo, hi = offsets[m.start()], offsets[m.end()]
        truth = [ch for b, ch in starts.items() if lo <= b < hi]
        marks = run.count(LOST)
        if not marks:
            continue

        def lose(cause: str, n: int = len(truth)) -> None:
            tally[cause] += n
            if len(examples.setdefault(cause, [])) < show:
                examples[cause].append(f"{run} <- {''.join(truth)}")

        if marks < utf8_marks.MIN_MARK_SHARE * len(run):
            lose("run not read: few marks")
            continue
        readings = utf8_marks._readings(run, dropped=False)  # noqa: SLF001
        browser = utf8_marks._browser_page([(run, readings)])  # noqa: SLF001
        readings = [r for r in readings if (r[1] == utf8_marks.whatwg_marks.NAME) == browser]
        if marks < utf8_marks.MIN_MARKS or not readings:
            if m.start() not in second:
                lose("short run not read (no page decoder, or refused)")
            else:
                got = second[m.start()]
                wrong = sum(a != b for a, b in zip(got, truth, strict=False)) + abs(len(got) - len(truth))
                if wrong:
                    lose("short run read on its page's decoder: characters wrong", wrong)
            continue
        best = min(readings, key=lambda r: r[0])
        items = [[it[0], it[1], list(it[2])] for it in best[3]]
        if best[1] != codec:
            tally[f"read as {best[1]}"] += len(truth)
        candidates = [list(it[2]) for it in items]
        prev = damaged[m.start() - 1] if m.start() else "\n"
        final = m.end() == len(damaged)
        choices = holes.choose_ranked(items, prev, final)
        judged = "".join(c.char for c in choices)
        if utf8_marks._japanese(best[3]):  # noqa: SLF001
            lose("run not read: taken for Japanese")
            continue
        if not mojibake._reads_better(judged, run):  # noqa: SLF001
            lose("run not read: refused (reads clearly better)")
            continue
        tally["characters in runs read"] += len(truth)
        begin = 0
        view = best[2]
        mended = [c.char for c in choices]  # the choice with each true candidate it missed put back
        for k, (item, cands, choice) in enumerate(zip(items, candidates, choices, strict=True)):
            end = item[1]
            true = starts.get(lo + begin)
            whole = true is not None and len(true.encode("utf-8")) == end - begin
            part = view[begin:end]
            if not whole:
                lose("cut: bytes not one character", 1)
            elif true not in cands:
                lose("candidate: true one not among them" + (" (all continuation bytes marked)" if all(b is None for b in part[1:]) else ""), 1)
            elif choice.char != true:
                kind = "all continuation bytes marked" if all(b is None for b in part[1:]) else "some known"
                lose(f"choice: {kind}", 1)
                tally[f"choice rank of the true one {min(cands.index(true), 9)}"] += 1
                mended[k] = true
            begin = end
        # Whose is a wrong choice: the model's, where it scores the choice at least as high as
        # the choice mended, or the search's, where the mended path scores higher.
        wrong = sum(a != b for a, b in zip(mended, (c.char for c in choices), strict=True))
        if wrong:
            lm = model()
            chosen = lm.score(prev + judged) - lm.score(prev)
            better = lm.score(prev + "".join(mended)) - lm.score(prev)
            tally["choice by whom: the model scores its wrong choice higher" if chosen >= better
                  else "choice by whom: the search missed a likelier path"] += wrong
        # True characters the cut did not reach (a cut that read fewer characters): counted by length.
        missing = len(truth) - len(items)
        if missing > 0:
            lose("cut: fewer characters than the truth", missing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--codec", default="big5", choices=utf8_marks.CODECS)
    parser.add_argument("--paragraphs", type=int, default=150, help="paragraphs a script")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--split", default="build", choices=("build", "measure"))
    parser.add_argument("--show", type=int, default=0, help="examples of each cause")
    args = parser.parse_args()
    taken = build_paragraphs if args.split == "build" else measure_paragraphs
    tally: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for script in ("zh-hans", "zh-hant"):
        for paragraph in taken(script)[args.skip : args.skip + args.paragraphs]:
            for line in paragraph.split("\n"):
                why(line, args.codec, tally, examples, args.show)
    total = tally.pop("characters")
    print(f"{args.codec} replace, {args.split} split, {total} characters; per 1,000:")
    for cause, n in sorted(tally.items(), key=lambda kv: -kv[1]):
        print(f"  {1000 * n / total:7.1f}  {cause}")
        for example in examples.get(cause, []):
            print(f"           {example}")


if __name__ == "__main__":
    main()
