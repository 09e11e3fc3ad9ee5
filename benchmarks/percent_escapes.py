"""Percent-encoded and JavaScript-escaped text (docs/repair.md 5.9): Wikipedia paragraphs of the
measuring half (benchmarks/wiki_split.py) damaged as a URL encoder or ``escape()`` writes them,
scored against the cleaner's own output on the undamaged text.

    .venv/bin/python benchmarks/percent_escapes.py [--docs 20]

Kinds: a whole paragraph (``quote``: spaces ``%20``, letters and digits as they are; ``quote_plus``:
spaces ``+``) or a 2-6 character phrase in a sentence, in UTF-8, GBK (Simplified) and Big5
(Traditional); ``escape()`` of a paragraph and of a phrase; and, as false positives, the undamaged
text with an address holding escapes appended (it must come out as the text does). Errors per
1,000 characters of the reference (whitespace left out) of the output and of the damaged input,
and how many outputs change when cleaned again. Where the encoding cannot hold a character, the
reference is the text it could hold.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path
from urllib.parse import quote, quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from escape_damage import js_escape_all as js_escape  # noqa: E402
from transfer_encodings import score_kinds  # noqa: E402
from wiki_split import measure_paragraphs  # noqa: E402

_HAN_STRETCH = re.compile(r"[\u4e00-\u9fff]{2,}")


def _phrase(encode, rng: random.Random):
    """A 2-6 character stretch of Han in one paragraph, encoded; the rest as it is."""
    def damage(text: str) -> str:
        stretches = [m for m in _HAN_STRETCH.finditer(text)]
        m = rng.choice(stretches)
        k = rng.randint(2, min(6, len(m.group())))
        at = rng.randint(m.start(), m.end() - k)
        return text[:at] + encode(text[at:at + k]) + text[at + k:]
    return damage


def _paragraph(encode, rng: random.Random):
    """One of the document's paragraphs encoded whole (a line break stays one)."""
    def damage(text: str) -> str:
        lines = text.split("\n")
        k = rng.randrange(len(lines))
        lines[k] = encode(lines[k])
        return "\n".join(lines)
    return damage


def _with_address(rng: random.Random):
    """The text with a line holding an address appended (the address is ``damage.address``)."""
    def damage(text: str) -> str:
        word = rng.choice(_HAN_STRETCH.findall(text))[:4]
        address = rng.choice((f"https://zh.wikipedia.org/wiki/{quote(word)}",
                              f"https://www.baidu.com/s?wd={quote(word, encoding='gbk')}&ie=gbk", f"附件：{quote(word)}.pdf"))
        damage.address = address
        return text + "\n参见 " + address
    return damage


def kinds(rng: random.Random) -> dict:
    """kind: (script, what the encoding can hold, damage)."""
    return {
        "utf8-quote-para": ("hans", None, _paragraph(quote, rng)),
        "utf8-plus-para": ("hant", None, _paragraph(quote_plus, rng)),
        "utf8-phrase": ("hans", None, _phrase(quote, rng)),
        "gbk-quote-para": ("hans", "gbk", _paragraph(lambda t: quote(t, encoding="gbk"), rng)),
        "gbk-plus-para": ("hans", "gbk", _paragraph(lambda t: quote_plus(t, encoding="gbk"), rng)),
        "gbk-phrase": ("hans", "gbk", _phrase(lambda t: quote(t, encoding="gbk"), rng)),
        "big5-quote-para": ("hant", "big5", _paragraph(lambda t: quote(t, encoding="big5"), rng)),
        "big5-plus-para": ("hant", "big5", _paragraph(lambda t: quote_plus(t, encoding="big5"), rng)),
        "big5-phrase": ("hant", "big5", _phrase(lambda t: quote(t, encoding="big5"), rng)),
        "js-escape-para": ("hans", None, _paragraph(js_escape, rng)),
        "js-escape-phrase": ("hant", None, _phrase(js_escape, rng)),
        "address-kept (fp)": ("hans", None, _with_address(rng)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20)
    args = ap.parse_args()
    paragraphs = {script: [p for p in measure_paragraphs(f"zh-{script}") if len(p) > 40]
                  for script in ("hans", "hant")}
    rng = random.Random(22)
    score_kinds(kinds(rng), paragraphs, args.docs, rng, 20)

if __name__ == "__main__":
    main()
