"""Re-create the damage processes of notes/corruption.md on clean Simplified text.

Used by tests, the property tests and the benchmarks to make damaged pages whose correct
output is known. Each function is one process of the chain, applied in the note's order.
"""

from __future__ import annotations

import random
import unicodedata
from functools import lru_cache

import opencc
from pypinyin import Style, pinyin

from cleaner import gbk


@lru_cache(maxsize=1)
def _s2t():
    return opencc.OpenCC("s2tw.json")  # the seeds show Taiwan forms (為, 眾)


# Characters with several Traditional forms that the naive conversion left alone (note §1.1).
LEFT_ALONE = set("于云并范余征斗占峰杰筑采干里后只系面发台着")
FIXED = {"台": "臺", "发": "發", "着": "著"}


def naive_s2t(text: str) -> str:
    """Character-by-character Simplified -> Traditional, as the crawl did it."""
    out = []
    for ch in text:
        if ch in FIXED:
            out.append(FIXED[ch])
        elif ch in LEFT_ALONE:
            out.append(ch)
        else:
            t = _s2t().convert(ch)
            out.append(t if len(t) == 1 else ch)
    return "".join(out)


def annotate_bytes(text: str, rng: random.Random, distinct: tuple[int, int] = (25, 65)) -> bytes:
    """Byte-level search-and-replace of GBK pairs with pair + (pinyin), for a random subset."""
    data = text.encode("gbk", errors="replace")
    t2s = opencc.OpenCC("t2s.json")
    trad = sorted({ch for ch in text if ord(ch) > 0x2E80 and t2s.convert(ch) != ch})
    rng.shuffle(trad)
    chosen = trad[: rng.randint(*distinct)]
    for ch in chosen:
        code = ch.encode("gbk", errors="ignore")
        if len(code) != 2:
            continue
        syl = pinyin(ch, style=Style.TONE)[0][0]
        try:
            ann = b"(" + syl.encode("gbk") + b")"
        except UnicodeEncodeError:
            continue
        data = data.replace(code, code + ann)
    return data


def lossy_decode(data: bytes) -> str:
    """GBK decoding where a lead byte with an invalid trail becomes '?' and swallows that byte."""
    out, i, n = [], 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if i + 1 < n and gbk.is_trail(data[i + 1]):
            ch = gbk.pair_char(b, data[i + 1])
            out.append(ch if ch else "?")
            i += 2
            continue
        out.append("?")
        i += 2
    return "".join(out)


def nfkc_punct(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def damage_page(clean: str, seed: int, distinct: tuple[int, int] = (25, 65)) -> str:
    """The whole seed chain: naive S->T, byte-level pinyin, lossy GBK decoding, NFKC."""
    rng = random.Random(seed)
    return nfkc_punct(lossy_decode(annotate_bytes(naive_s2t(clean), rng, distinct)))
