"""Pages of short lines (table rows, headings, verse-like clauses, price and time rows) built from a
correct paragraph, and the damage that reads them wrong (issue 16): the repairs that judge a
stretch by how much better it reads need length, and these pages have little of it on any line.

``short_line_page(paragraph, kind, rng)`` cuts one paragraph into a page of short lines:

- ``clauses``: each clause on its own line, its mark kept (lyrics, lists of points);
- ``table``: a heading (一、 and a clause's first words), then rows of a clause's first words and
  two or three figures apart by ideographic spaces (a report's table);
- ``prices``: rows of a clause's first words, an ideographic space and a price in ￥ or ＄ (a
  menu; Big5 writes ＄ only);
- ``times``: rows of a time, a space and a clause (a news flash).

The damage, exactly as the tools did it (the decoders of tests/wrong_decoders.py):

- ``through_latin(text, source, outer)``: the page in a two-byte ``source`` (gbk or big5) shown as
  Latin-1, saved as UTF-8 and read by the ``outer`` GBK decoder (证券 is 脰陇脠炉);
- ``as_gbk(text, decoder)``: the UTF-8 page read once by a GBK decoder (￥ is 锟� before a digit).

Lines a source cannot write are left out of the page (the correct text is what was damaged).
"""

from __future__ import annotations

import random
import re

from wrong_decoders import DECODERS

KINDS = ("clauses", "table", "prices", "times")
_CLAUSE = re.compile(r"[^，。；：、！？]+[，。；：、！？]?")
SIGNS = ("￥", "＄")
_WORDS = (2, 6)  # characters of a clause a row or heading keeps


def _clauses(paragraph: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.findall(paragraph) if len(c.strip()) >= 2]


def _figure(rng: random.Random) -> str:
    whole = rng.choice((rng.randrange(1, 100), rng.randrange(100, 100_000), rng.randrange(10**6, 10**9)))
    return f"{whole:,}.{rng.randrange(100):02d}" if rng.random() < 0.6 else f"{rng.uniform(-20, 40):.2f}"


def _words(clause: str, rng: random.Random) -> str:
    return clause[: rng.randint(*_WORDS)].rstrip("，。；：、！？")


def short_line_page(paragraph: str, kind: str, rng: random.Random) -> str:
    """One paragraph as a page of short lines of ``kind`` (KINDS)."""
    clauses = _clauses(paragraph)
    if kind == "clauses":
        lines = clauses
    elif kind == "table":
        lines = [f"一、{_words(clauses[0], rng)}"] if clauses else []
        lines += ["　".join([_words(c, rng)] + [_figure(rng) for _ in range(rng.randint(2, 3))]) for c in clauses[1:]]
    elif kind == "prices":
        lines = [f"{_words(c, rng)}　{rng.choice(SIGNS)}{rng.randrange(8, 200)}" for c in clauses]
    elif kind == "times":
        lines = [f"{rng.randrange(8, 18):02d}:{rng.randrange(60):02d} {c}" for c in clauses]
    else:
        raise ValueError(kind)
    return "\n".join(line for line in lines if line)


def writable(text: str, source: str) -> str:
    """The lines of ``text`` that ``source`` can write."""
    def ok(line: str) -> bool:
        try:
            line.encode(source)
        except UnicodeEncodeError:
            return False
        return True
    return "\n".join(line for line in text.split("\n") if ok(line))


def through_latin(text: str, source: str, outer: str) -> str:
    """``text`` in ``source`` bytes shown as Latin-1, saved as UTF-8, read by the ``outer`` decoder."""
    return DECODERS[outer].decode(text.encode(source).decode("latin-1").encode("utf-8"))


def as_gbk(text: str, decoder: str) -> str:
    """``text`` as UTF-8 read by a GBK ``decoder`` once."""
    return DECODERS[decoder].decode(text.encode("utf-8"))
