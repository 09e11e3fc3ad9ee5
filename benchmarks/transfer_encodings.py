"""Transfer encodings and escapes (docs/repair.md 5.9): Wikipedia paragraphs damaged in each family,
scored against the cleaner's own output on the undamaged text.

    .venv/bin/python benchmarks/transfer_encodings.py [--wiki ../shared/corpora/wiki] [--docs 20]

Documents of 2-5 paragraphs (Simplified from paragraph 600 on, Traditional from 1200 on), each
damaged as a kind says; errors per 1,000 characters of the reference (whitespace left out), of
the output and of the damaged input, and how many outputs change when cleaned again. Where the
encoding cannot hold a character (HZ, Big5...), the reference is the text it could hold.
"""

from __future__ import annotations

import argparse
import base64
import difflib
import json
import quopri
import random
import re
from pathlib import Path

from cleaner import Cleaner


def _surrogates(data: bytes) -> str:
    return data.decode("ascii", "surrogateescape").encode("ascii", "backslashreplace").decode()


def _cp1252(data: bytes) -> str:  # its five undefined bytes shown as the C1 controls Latin-1 has
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)


def _q_word(text: str) -> str:
    return "=?utf-8?Q?" + "".join(f"={b:02X}" for b in text.encode()) + "?="


# kind: (script, what the encoding can hold, damage)
KINDS = {
    "qp-gbk": ("hans", "gbk", lambda t: quopri.encodestring(t.encode("gbk")).decode()),
    "qp-utf8-crlf": ("hans", None, lambda t: quopri.encodestring(t.encode()).decode().replace("\n", "\r\n")),
    "qp-big5": ("hant", "big5", lambda t: quopri.encodestring(t.encode("big5")).decode()),
    "encword-q-utf8-title": ("hans", None, lambda t: "Subject: " + _q_word(t.split("\n")[0][:30]) + "\n" + t),
    "encword-b-big5": ("hant", "big5", lambda t: "=?big5?B?" + base64.b64encode(t.split("\n")[0][:40].encode("big5")).decode()
                       + "?=\n" + t),
    "hz": ("hans", "hz", lambda t: t.encode("hz").decode()),
    "utf7": ("hant", None, lambda t: t.encode("utf-7").decode()),
    "iso2022-jp-2": ("hans", "iso2022_jp_2", lambda t: t.encode("iso2022_jp_2").decode()),
    "json-twice-nonascii": ("hans", None, lambda t: json.dumps(json.dumps(t, ensure_ascii=False), ensure_ascii=False)[3:-3]),
    "json-once-per-para": ("hant", None, lambda t: "\n".join(json.dumps(p + "\n", ensure_ascii=False)[1:-1] for p in t.split("\n"))),
    "surrogate-gbk": ("hans", "gbk", lambda t: _surrogates(t.encode("gbk"))),
    "surrogate-big5": ("hant", "big5", lambda t: _surrogates(t.encode("big5"))),
    "utf16be-bom-as-cp1252": ("hans", None, lambda t: _cp1252(b"\xfe\xff" + t.encode("utf-16-be"))),
}


def _errors(a: str, b: str) -> int:
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wiki", type=Path, default=Path("../shared/corpora/wiki"))
    ap.add_argument("--docs", type=int, default=20)
    args = ap.parse_args()
    paragraphs = {script: [p for p in (args.wiki / f"zh-{script}.txt").read_text("utf-8").split("\n") if len(p) > 40][start:]
                  for script, start in (("hans", 600), ("hant", 1200))}
    score_kinds(KINDS, paragraphs, args.docs, random.Random(21), 24)


def score_kinds(kinds: dict, paragraphs: dict[str, list[str]], docs: int, rng: random.Random, width: int) -> None:
    """Print a row a kind: ``docs`` documents of 2-5 paragraphs of its script, held in its encoding
    (``holds``), damaged, cleaned with ``to="keep"`` and compared with the cleaner's own output on
    the undamaged text (errors per 1,000, whitespace left out), of the output and of the damaged
    input, and how many outputs a second clean changes. A damage with an ``address`` is a
    false-positive check: an error each character of the address if it did not come through."""
    cleaner = Cleaner(to="keep")
    squeeze = re.compile(r"\s+")
    print(f'{"kind":{width}s} {"docs":>4s} {"out/1000":>9s} {"input/1000":>10s} {"changed again":>13s}')
    for kind, (script, holds, damage) in kinds.items():
        errors = before = total = again = 0
        for _ in range(docs):
            source = paragraphs[script]
            k = rng.randint(2, 5)
            at = rng.randrange(len(source) - k)
            text = "\n".join(source[at:at + k])
            if holds:
                text = text.encode(holds, "replace").decode(holds)
            damaged = damage(text)
            reference = squeeze.sub("", cleaner.clean(text))
            out = cleaner.clean(damaged)
            again += cleaner.clean(out) != out
            if hasattr(damage, "address"):
                errors += 0 if damage.address in out else len(damage.address)
            else:
                errors += _errors(squeeze.sub("", out), reference)
                before += _errors(squeeze.sub("", damaged), reference)
            total += len(reference)
        print(f"{kind:{width}s} {docs:4d} {1000 * errors / total:9.1f} {1000 * before / total:10.1f} {again:13d}")

if __name__ == "__main__":
    main()
