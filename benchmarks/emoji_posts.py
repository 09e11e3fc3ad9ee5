"""Short posts ending in an emoji, UTF-8 read by a GBK decoder: errors per 1,000 characters.

    .venv/bin/python benchmarks/emoji_posts.py [--paragraphs 40] [--split measure|build]

The measured part of the wiki corpus (``wiki_split``), Simplified: each paragraph's first sentence
cut to 6-30 characters is a post; an emoji follows it, at the end or before a space and a second
clause (``end``, ``space``), or none (``none``: the same posts, the baseline). Each post is read
by Python's gbk and gb18030 (``errors="replace"``) and cleaned alone with ``--to keep``,
furniture off. Errors: an alignment against the cleaner's output on the clean post, an emoji
that came back U+FFFD not counted (its last byte is lost: 64 emoji share the first three), so
the figure is what the damage cost the text around the emoji.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from code_pages import errors  # noqa: E402

EMOJI = "🙏😭😊🔥👍🎉😂🌕👌💪"
KINDS = ("none", "end", "space")
_SENTENCE = re.compile(r"[^。！？]+")


def posts(paragraphs: list[str], kind: str, rng: random.Random) -> list[str]:
    out = []
    for p in paragraphs:
        m = _SENTENCE.match(p)
        if not m:
            continue
        words = m.group()[: rng.randint(6, 30)]
        emoji = rng.choice(EMOJI)
        if kind == "end":
            out.append(words + emoji)
        elif kind == "space":
            out.append(words + emoji + " 大家怎么看")
        else:
            out.append(words)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=40)
    ap.add_argument("--split", choices=("measure", "build"), default="measure")
    args = ap.parse_args()
    from wiki_split import build_paragraphs, measure_paragraphs

    from cleaner import Cleaner

    cleaner = Cleaner(to="keep", remove_furniture=False)
    paragraphs = (measure_paragraphs if args.split == "measure" else build_paragraphs)("zh-hans")[: args.paragraphs]
    print("| decoder, emoji | posts | errors per 1,000 | posts right |")
    print("|---|---|---|---|")
    for decoder in ("gbk", "gb18030"):
        for kind in KINDS:
            total = errs = right = 0
            texts = posts(paragraphs, kind, random.Random(kind))
            for post in texts:
                reference = cleaner.clean(post)
                got = cleaner.clean(post.encode("utf-8").decode(decoder, "replace"))
                # The emoji itself as U+FFFD is what the bytes allow: compared as the emoji.
                for ch in EMOJI:
                    if ch in reference and ch not in got:
                        got = got.replace("\ufffd", ch, 1)
                total += len(reference)
                e = errors(reference, got)
                errs += e
                right += not e
            print(f"| {decoder}, {kind} | {len(texts)} | {1000 * errs / max(total, 1):.1f} | {right}/{len(texts)} |", flush=True)


if __name__ == "__main__":
    main()
