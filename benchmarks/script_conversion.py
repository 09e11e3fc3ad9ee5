"""Wrong characters after converting naively-converted text back to Simplified.

    .venv/bin/python benchmarks/script_conversion.py

Clean Simplified text (the fixtures' articles, and the 20,000 most frequent words of jieba's
dictionary) is converted character by character to Traditional as the crawl did (docs/corruption.md §1.1:
tests/damage.naive_s2t), then back with plain OpenCC t2s, OpenCC tw2s, and ours (zh-hans).
Errors are characters that differ from the original.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from damage import naive_s2t  # noqa: E402

from cleaner.langmodel import dictionary_path  # noqa: E402
from cleaner.script.convert import convert  # noqa: E402


def corpora() -> dict[str, str]:
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds" / "expected-zh-hans").glob("*.txt"))]
    articles += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "clean").glob("*.txt"))]
    with open(dictionary_path(), encoding="utf-8") as fh:
        words = [line.split(" ") for line in fh]
    top = sorted(((w, int(f)) for w, f, *_ in words if len(w) > 1), key=lambda wf: -wf[1])[:20000]
    return {"articles": "\n".join(articles), "jieba top 20k words": "，".join(w for w, _ in top)}


def wrong(out: str, ref: str) -> int:
    if len(out) != len(ref):
        raise ValueError("conversion changed the length")
    return sum(a != b for a, b in zip(out, ref))


def main() -> None:
    t2s, tw2s = opencc.OpenCC("t2s.json"), opencc.OpenCC("tw2s.json")
    methods = {"opencc t2s": t2s.convert, "opencc tw2s": tw2s.convert, "cleaner zh-hans": lambda t: convert(t, "zh-hans")}
    print(f"{'corpus':22s} {'chars':>8s}  " + "  ".join(f"{m:>16s}" for m in methods))
    for name, text in corpora().items():
        naive = naive_s2t(text)
        counts = [wrong(fn(naive), text) for fn in methods.values()]
        cells = "  ".join(f"{c:6d} ({100 * c / len(text):.3f}%)" for c in counts)
        print(f"{name:22s} {len(text):8d}  {cells}")


if __name__ == "__main__":
    main()
