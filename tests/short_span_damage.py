"""Short-span mojibake inside correct text: what real damaged files hold (issue 16).

A whole page read by the wrong decoder is the matrix's page cell (tests/damage.py). Files found
in the wild more often hold a short stretch misread inside a correct article: a title line, a
quoted phrase or a name pasted from a misread source, WeChat or Weibo text whose emoji and
supplementary characters went through the wrong decoder with it. This builds such text from one
correct paragraph:

- ``kind`` ``span``: 2-12 characters inside the paragraph; ``name``: 2-4 Han in a row; ``title``:
  a short title line (the paragraph's first clause) above the correct paragraph, misread whole.
- ``extra`` ``none``; ``emoji`` (an emoji, some with a variation selector or a ZWJ sequence) or
  ``ext-b`` (a CJK Extension B character): put inside the span before it is misread, and so in
  the correct text too. Only from a UTF-8 source (GBK and Big5 cannot write them).
- the cell: (source encoding, wrong decoder, errors), the decoders of tests/wrong_decoders.py.

``short_span(paragraph, cell, kind, extra, rng)`` gives (damaged text, correct text).
"""

from __future__ import annotations

import random

from damage import SOURCES
from wrong_decoders import DECODERS

# (source, decoder, errors): the wrong readings of short spans that real files hold.
CELLS = (
    ("utf-8", "gbk", "replace"), ("utf-8", "gbk", "ignore"),
    ("utf-8", "gb18030", "replace"), ("utf-8", "gb18030", "ignore"),
    ("utf-8", "whatwg-gbk", "replace"),
    ("utf-8", "cp1252", "replace"), ("utf-8", "cp1252", "ignore"),
    ("utf-8", "big5", "replace"),
    ("gbk", "big5", "replace"), ("gbk", "cp1252", "replace"), ("gbk", "latin-1", "replace"),
    ("big5", "gbk", "replace"), ("big5", "whatwg-gbk", "replace"),
)
KINDS = ("span", "name", "title")
EXTRAS = ("none", "emoji", "ext-b")
# Emoji as chat text holds them: plain, with a variation selector, a ZWJ sequence, a flag.
EMOJI = ("😂", "👍", "🎉", "❤️", "🔥", "👨‍👩‍👧", "🇨🇳", "😭", "🙏", "✨")
EXT_B = ("𠀀", "𡈽", "𪚥", "𠮷", "𨭎", "𩸽", "𣎴", "𤋮")
SPAN = (2, 12)
NAME = (2, 4)
TITLE = (6, 20)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def cell_extras(cell: tuple[str, str, str]) -> tuple[str, ...]:
    """The extras a cell can carry: emoji and Extension B only through a UTF-8 source."""
    return EXTRAS if cell[0] == "utf-8" else ("none",)


def misread(text: str, cell: tuple[str, str, str]) -> str:
    source, decoder, errors = cell
    return DECODERS[decoder].decode(text.encode(SOURCES[source], errors="replace"), errors)


def _fit(paragraph: str, source: str) -> str:
    codec = SOURCES[source]
    return paragraph.encode(codec, errors="replace").decode(codec)


def _choose(paragraph: str, kind: str, rng: random.Random) -> tuple[int, int] | None:
    """(start, end) of the span to misread, or None when the paragraph has no place for it."""
    if kind == "name":
        starts = [i for i in range(len(paragraph) - NAME[1]) if all(map(_is_han, paragraph[i : i + NAME[1]]))]
        if not starts:
            return None
        start = rng.choice(starts)
        return start, start + rng.randint(*NAME)
    if len(paragraph) < SPAN[1] + 4:
        return None
    width = rng.randint(*SPAN)
    start = rng.randrange(1, len(paragraph) - width)
    return start, start + width


def short_span(paragraph: str, cell: tuple[str, str, str], kind: str, extra: str,
               rng: random.Random) -> tuple[str, str] | None:
    """(damaged, correct) for ``paragraph`` with one short misread span, or None if it has no room."""
    source = cell[0]
    paragraph = _fit(paragraph, source)
    if kind == "title":
        end = next((i for i, ch in enumerate(paragraph) if ch in "，。；：" and i >= TITLE[0]), None)
        if end is None or end > TITLE[1]:
            end = min(len(paragraph), rng.randint(*TITLE))
        title = paragraph[:end].rstrip("，。；：")
        if extra != "none":
            at = rng.randint(1, max(1, len(title) - 1))
            title = title[:at] + rng.choice(EMOJI if extra == "emoji" else EXT_B) + title[at:]
        return f"{misread(title, cell)}\n{paragraph}", f"{title}\n{paragraph}"
    chosen = _choose(paragraph, kind, rng)
    if chosen is None:
        return None
    start, end = chosen
    span = paragraph[start:end]
    if extra != "none":
        at = rng.randint(0, len(span))
        span = span[:at] + rng.choice(EMOJI if extra == "emoji" else EXT_B) + span[at:]
    before, after = paragraph[:start], paragraph[end:]
    return before + misread(span, cell) + after, before + span + after
