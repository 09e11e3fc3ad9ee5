"""Errors per 1,000 characters on damage that layout, export and copy tools leave (not decoders).

    .venv/bin/python benchmarks/layout_damage.py [--paragraphs N] [--skip K] [--split measure|build] [--family F ...] [--show N]

Each family takes measured Wikipedia paragraphs (``wiki_split.measure_paragraphs``, Simplified,
two of them a page) and damages the page; the cleaner runs as a user runs it (``to="keep"``,
furniture removal on). The reference is the cleaner's output on the undamaged page, so only what
the damage left counts, by a character alignment (``decoders.errors``). ``non-idempotent``: pages
whose output a second clean changes.

- ``char-per-line``: a vertical PDF copied row by row, one character a line (a space too), a blank
  line between the paragraphs (a digit of a year alone on its line);
- ``json-lone-surrogate``: the page as a JSON string's ``\\uXXXX`` escapes, cut between the two
  halves of an emoji's surrogate pair (the reference: the page, the half emoji a U+FFFD);
- ``bom-files-gbk``: each paragraph a UTF-8 file with its byte-order mark, the files joined and
  read as GBK (``replace``);
- ``files-gbk``: the same without the marks, the floor of ``bom-files-gbk`` (GBK's ``replace``
  loses bytes the repairs guess);
- ``bidi-controls``: directional marks, embeddings and isolates around the numbers and Latin
  words, as a right-to-left locale's editor leaves them;
- ``latin-ligatures``: Latin words with fi, fl, ff, ffi, ffl written as a PDF's ligatures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from decoders import errors  # noqa: E402
from wiki_split import build_paragraphs, measure_paragraphs  # noqa: E402

BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
LIGATURES = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]
WORDS = ["efficient", "fine-tuning", "workflow", "offline", "profile", "buffer", "official", "traffic", "affluent", "field"]
EMOJI = "😀😂👍🎉🚀"


def _char_per_line(page: str) -> str:
    return "\n\n".join("\n".join(para) for para in page.split("\n"))


def _json_cut(page: str, rng: random.Random) -> tuple[str, str]:
    """(reference, damaged): the page escaped, an emoji's first half at the end of one paragraph."""
    paras = page.split("\n")
    k = rng.randrange(len(paras))
    emoji = rng.choice(EMOJI)
    high = "\\u%04x" % (0xD800 + ((ord(emoji) - 0x10000) >> 10))
    escaped = ["".join("\\u%04x" % ord(ch) if ord(ch) > 0x7F else ch for ch in p) for p in paras]
    escaped[k] += high
    paras[k] += "\ufffd"
    return "\n".join(paras), "\n".join(escaped)


def _bidi(page: str, rng: random.Random) -> str:
    def mark(m: re.Match) -> str:
        if rng.random() < 0.5:
            return m.group()
        return rng.choice(BIDI) + m.group() + rng.choice(BIDI)

    return re.sub(r"[0-9A-Za-z][0-9A-Za-z.]*", mark, page)


def _ligatures(page: str, rng: random.Random) -> tuple[str, str]:
    sentences = page.split("。")
    for _ in range(3):
        k = rng.randrange(len(sentences))
        sentences[k] += f"，其英文为 {rng.choice(WORDS)}"
    ref = "。".join(sentences)
    damaged = ref
    for letters, lig in LIGATURES:
        damaged = damaged.replace(letters, lig)
    return ref, damaged


def families(page: str, rng: random.Random) -> dict[str, tuple[str, object]]:
    """{family: (reference page, damaged input)}."""
    bom = "\n".join("\ufeff" + p for p in page.split("\n")).encode("utf-8").decode("gbk", "replace")
    lig_ref, lig = _ligatures(page, rng)
    return {
        "char-per-line": (page, _char_per_line(page)),
        "json-lone-surrogate": _json_cut(page, rng),
        "bom-files-gbk": (page, bom),
        # The same files without their marks: what GBK's replace loses anyway (bom-files-gbk's floor).
        "files-gbk": (page, page.encode("utf-8").decode("gbk", "replace")),
        "bidi-controls": (page, _bidi(page, rng)),
        "latin-ligatures": (lig_ref, lig),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=40)
    ap.add_argument("--split", choices=("measure", "build"), default="measure")
    ap.add_argument("--skip", type=int, default=0, help="measure the paragraphs after the first K (held out)")
    ap.add_argument("--family", nargs="*", default=None)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    from cleaner import Cleaner

    cleaner = Cleaner(to="keep")
    source = measure_paragraphs if args.split == "measure" else build_paragraphs
    paragraphs = [p for p in source("zh-hans") if 60 <= len(p) <= 400][args.skip : args.skip + args.paragraphs]
    pages = ["\n".join(paragraphs[k : k + 2]) for k in range(0, len(paragraphs) - 1, 2)]
    totals: dict[str, list[int]] = {}
    shown: dict[str, int] = {}
    for k, page in enumerate(pages):
        rng = random.Random(3540 + args.skip + k)
        for family, (ref, damaged) in families(page, rng).items():
            if args.family and family not in args.family:
                continue
            want = cleaner.run(ref).text
            got = cleaner.run(damaged).text
            errs = errors(got, want)
            t = totals.setdefault(family, [0, 0, 0, 0])
            t[0] += len(errs)
            t[1] += len(want)
            t[2] += got == want
            t[3] += cleaner.run(got).text != got
            if errs and shown.get(family, 0) < args.show:
                shown[family] = shown.get(family, 0) + 1
                print(f"[{family}] {errs[:3]}")
    print(f"| family | pages | exact | errors per 1,000 | non-idempotent |  ({args.split} split, {len(pages)} pages)")
    print("|---|---|---|---|---|")
    for family, (errs, chars, exact, moved) in totals.items():
        print(f"| {family} | {len(pages)} | {exact} | {1000 * errs / max(chars, 1):.1f} | {moved} |")


if __name__ == "__main__":
    main()
