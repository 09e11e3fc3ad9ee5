"""Files in a two-byte encoding that lost one byte: does the decoder get back in step?

    .venv/bin/python benchmarks/dropped_bytes.py [--paragraphs 300] [--seed 1] [--clean]

A download cut and resumed, a bad sector or a byte-counting bug drops one byte from a GBK or Big5
file; everything after it on that line is read one byte out of step (a page of wrong characters,
all of them valid) until a byte rejects the reading. For paragraphs of the measuring part of
the Wikipedia corpus (``wiki_split``), Simplified as GBK and Traditional as Big5, one character's
lead byte is dropped and the file decoded (``cleaner.io.decode.decode``, as for any file).
Printed: errors per 1,000 characters against the paragraph (the lost character counts one), and
the share of cases where the paragraph is back in step within 3 characters of the drop.
``--clean``: the decoded text cleaned too (repairs only: no script conversion, width, whitespace
or furniture), so that the pipeline's repairs of a stream out of step (``one_byte``) count.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from wiki_split import measure_paragraphs  # noqa: E402

from cleaner.io.decode import decode  # noqa: E402

RESYNC_WITHIN = 3  # characters after the drop by which the reading must be back in step


def _lead_bytes(raw: bytes) -> list[int]:
    """Offsets of the first byte of each two-byte character."""
    out, i = [], 0
    while i < len(raw):
        if raw[i] >= 0x81:
            out.append(i)
            i += 2
        else:
            i += 1
    return out


def _distance(a: str, b: str) -> int:
    try:
        import Levenshtein
    except ImportError:  # pure Python: fine for paragraphs
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]
    return Levenshtein.distance(a, b)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--paragraphs", type=int, default=300, help="paragraphs per script")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--clean", action="store_true", help="clean the decoded text (repairs only)")
    args = ap.parse_args()
    if args.clean:
        from cleaner import Cleaner
        cleaner = Cleaner(to="keep", remove_furniture=False, fix_width=False, normalize_whitespace=False)
    rng = random.Random(args.seed)
    print(f"{'encoding':8} {'cases':>6} {'errors/1000':>12} {'in step':>8}")
    for script, codec in (("zh-hans", "gbk"), ("zh-hant", "big5")):
        cases = errors = chars = in_step = 0
        for para in measure_paragraphs(script)[: args.paragraphs]:
            raw = para.encode(codec, errors="ignore")
            text = raw.decode(codec)
            leads = _lead_bytes(raw)
            if len(leads) < 10:
                continue
            i = rng.choice(leads[:-5])
            out = decode(raw[:i] + raw[i + 1 :]).rstrip("\n")
            if args.clean:
                out = cleaner.clean(out).rstrip("\n")
            before = len(raw[:i].decode(codec))
            cases += 1
            chars += len(text)
            errors += _distance(out, text)
            tail = text[before + 1 + RESYNC_WITHIN :]
            in_step += out.endswith(tail)
        print(f"{codec:8} {cases:6d} {1000 * errors / max(chars, 1):12.1f} {in_step / max(cases, 1):8.1%}")


if __name__ == "__main__":
    main()
