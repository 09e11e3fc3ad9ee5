"""Errors per 1,000 characters on damage families outside the damage matrix's cells.

    .venv/bin/python benchmarks/misread_shapes.py [--paragraphs N] [--skip K] [--split measure|build] [--family F ...]

Each family takes measured Wikipedia paragraphs (``wiki_split.measure_paragraphs``, Simplified),
damages them as pages in the wild are damaged, and cleans them with ``to="keep"`` and furniture
removal off. The reference is the cleaner's output on the page before the last damage (the
annotated page, the page with its private-use character, the byline), so only what that damage
left counts, by a character alignment (``decoders.errors``).

- ``pinyin-gbk``: tone-marked pinyin after words, in ``()``, ``（）``, ``[]`` or ``【】``, syllables
  spaced or joined (``tests/annotation_damage.py``), then the UTF-8 read as GBK (Python, replace);
- ``pinyin-cp1252``: the same read by Python's cp1252 with ``replace`` (bytes 81 8d 8f 90 9d lost:
  ā, ō and ǐ lose their trail byte);
- ``numbers-gbk``: readings with tone numbers after single characters, ``个(ge4)``, then GBK;
- ``zhuyin-gbk``: zhuyin readings after single characters, ``河(ㄏㄜˊ)``, then GBK;
- ``private-use-gbk``: a private-use character of GBK's user-defined area (U+E000-E765, as GB18030
  reads it) after a sentence's end, then GBK;
- ``cesu8-bytes``: emoji and Extension B characters in the text, written as CESU-8 (surrogate
  pairs, three bytes a half) and cleaned as bytes;
- ``byline-gbk``: a byline line ``作者：… 发布时间：2005-03-21 11:21`` above the paragraph, all read
  as GBK (the colon before the date loses its last byte);
- ``utf16-gbk``: the paragraph as a UTF-16 file (with its byte-order mark) read as GBK (replace).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from annotation_damage import annotate, annotate_words  # noqa: E402
from decoders import errors  # noqa: E402
from wiki_split import build_paragraphs, measure_paragraphs  # noqa: E402

ASTRAL = "😀😂👍🎉🚀𩸽𠀋𡈽𤭢𠮷"
KEYS = ("发布时间", "日期", "更新时间", "来源", "作者", "时间")


def _cesu8(text: str) -> bytes:
    out = []
    for ch in text:
        if ord(ch) > 0xFFFF:
            v = ord(ch) - 0x10000
            out.append(chr(0xD800 + (v >> 10)) + chr(0xDC00 + (v & 0x3FF)))
        else:
            out.append(ch)
    return "".join(out).encode("utf-8", "surrogatepass")


def _with_astral(text: str, rng: random.Random) -> str:
    cut = [m for m, ch in enumerate(text) if ch in "，。"]
    for at in sorted(rng.sample(cut, min(2, len(cut))), reverse=True):
        text = text[:at] + rng.choice(ASTRAL) + text[at:]
    return text


def _with_private_use(text: str, rng: random.Random) -> str:
    ends = [m + 1 for m, ch in enumerate(text[:-1]) if ch == "。"]
    if not ends:
        return text
    at = rng.choice(ends)
    return text[:at] + chr(0xE000 + rng.randrange(0x766)) + text[at:]


def _byline(rng: random.Random) -> str:
    date = f"{rng.randrange(1998, 2024)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    key = rng.choice(KEYS[:3])
    return f"作者：{rng.choice(['尹剑', '王晓明', '李华'])}\u3000{key}：{date} {rng.randrange(24):02d}:{rng.randrange(60):02d}"


def families(paragraph: str, rng: random.Random) -> dict[str, tuple[str, object, bool]]:
    """{family: (reference page, damaged input, input is bytes)}."""
    brackets = rng.choice(["()", "（）", "[]", "【】"])
    words = annotate_words(paragraph, rng, brackets, join=rng.choice(["spaced", "joined"]), share=0.2)
    single = annotate(paragraph, rng, "()", style="numbers", share=0.15)
    zhuyin = annotate(paragraph, rng, "()", style="zhuyin", share=0.15)
    private = _with_private_use(paragraph, rng)
    astral = _with_astral(paragraph, rng)
    byline = _byline(rng) + "\n" + paragraph
    gbk = lambda t: t.encode("utf-8").decode("gbk", "replace")  # noqa: E731
    return {
        "pinyin-gbk": (words, gbk(words), False),
        "pinyin-cp1252": (words, words.encode("utf-8").decode("cp1252", "replace"), False),
        "numbers-gbk": (single, gbk(single), False),
        "zhuyin-gbk": (zhuyin, gbk(zhuyin), False),
        "private-use-gbk": (private, gbk(private), False),
        "cesu8-bytes": (astral, _cesu8(astral), True),
        "byline-gbk": (byline, gbk(byline), False),
        "utf16-gbk": (paragraph, paragraph.encode("utf-16").decode("gbk", "replace"), False),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=30)
    ap.add_argument("--split", choices=("measure", "build"), default="measure")
    ap.add_argument("--skip", type=int, default=0, help="measure the paragraphs after the first K (held out)")
    ap.add_argument("--family", nargs="*", default=None)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    from cleaner import Cleaner

    cleaner = Cleaner(to="keep", remove_furniture=False)
    source = measure_paragraphs if args.split == "measure" else build_paragraphs
    paragraphs = [p for p in source("zh-hans") if 60 <= len(p) <= 600][args.skip : args.skip + args.paragraphs]
    totals: dict[str, list[int]] = {}
    shown: dict[str, int] = {}
    for k, paragraph in enumerate(paragraphs, args.skip):
        rng = random.Random(3300 + k)
        for family, (ref, damaged, as_bytes) in families(paragraph, rng).items():
            if args.family and family not in args.family:
                continue
            want = cleaner.run(ref).text
            got = (cleaner.run_bytes(damaged) if as_bytes else cleaner.run(damaged)).text
            errs = errors(got, want)
            t = totals.setdefault(family, [0, 0, 0])
            t[0] += len(errs)
            t[1] += len(want)
            t[2] += got == want
            if errs and shown.get(family, 0) < args.show:
                shown[family] = shown.get(family, 0) + 1
                print(f"[{family}] {errs[:3]}")
    print(f"| family | pages | exact | errors per 1,000 |  ({args.split} split, {len(paragraphs)} paragraphs)")
    print("|---|---|---|---|")
    for family, (errs, chars, exact) in totals.items():
        print(f"| {family} | {len(paragraphs)} | {exact} | {1000 * errs / max(chars, 1):.1f} |")


if __name__ == "__main__":
    main()
