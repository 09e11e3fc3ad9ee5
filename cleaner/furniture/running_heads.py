"""Running heads and page numbers of a document copied out of a PDF.

Text copied from a PDF keeps what the printer set on every page: a page number at each page's
foot (``1``, ``- 2 -``, ``第 3 页 共 9 页``, ``4/9``) and a running head at each page's top (the
filing's ``证券代码：600519　证券简称：…``, the report's title). The generic model takes the 第 3 页
rows as a pager; a bare ``2`` or ``- 2 -`` and the head are lines of the document to it.

Evidence: the page numbers of one document count up one by one (1, 2, 3 …) at regular
intervals, a page's worth of lines apart (``PAGE_MIN`` lines at least; the last page, at the
document's end, may be short): that chain is the
pages' numbering, whatever form each number takes. A line whose every occurrence stands right
beside a number of the chain (or first in the document: the first page's head) and which occurs
at least twice is the running head. Bare numbers go only when the chain is long enough to be
no accident (``CHAIN_MIN``), or a running head confirms it; a table's column of numbers counts
up line by line, far less than a page apart. A chain of bare numbers alone (no head, no ``- 2 -``
or ``第 2 页``) must also stand as pages' feet do, ``BARE_PAGE_MIN`` lines apart and the first a
page into the document: a poem sequence numbers its short sections 1, 2, 3 at their heads. Where the hard-wrap stage has joined most bare page
numbers to the lines above them, the document's first line repeated ``REPEATS`` times a page
apart, once beside a page number that is left, is the running head (``_repeated_heads``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import accumulate

PAGE_MIN = 8  # lines between two page numbers at least: a page of a PDF holds more
CHAIN_MIN = 3  # page numbers counting up that are a numbering without a running head
BARE_PAGE_MIN = 12  # lines between two bare page numbers without a head (a poem's sections are shorter)
REGULAR = 2.0  # the longest page (but the last) at most this many times the shortest
BESIDE = 2  # lines between a running head and its page's number at most
HEAD_MAX = 80  # characters: a running head is a line, no paragraph
HEAD_MIN = 6  # characters of a running head repeated without its page numbers (a title, a filing's codes)
REPEATS = 3  # occurrences of such a head
SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?")  # what a running head, a title, does not end with
PAGE_CHARS = 200  # characters between two page numbers at least, where the join left pages a paragraph long
_WORDS = re.compile(r"[^\W\d_]{2}")  # a title holds words: two letters or Han together
_NUMBER = re.compile(r"\s*(?:[-—–]\s*)?(\d{1,4})(?:\s*[-—–])?\s*"  # 2, - 2 -
                     r"|\s*第\s*(\d{1,4})\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*"  # 第 2 页 共 9 页
                     r"|\s*(\d{1,4})\s*/\s*\d{1,4}\s*"  # 2/9
                     r"|\s*[Pp]age\s*(\d{1,4})(?:\s*of\s*\d{1,4})?\s*")


def page_number(text: str) -> int | None:
    m = _NUMBER.fullmatch(text)
    if not m:
        return None
    return int(next(g for g in m.groups() if g is not None))


def _chain(numbered: list[tuple[int, int]], end: int, page_min: int = PAGE_MIN) -> list[int]:
    """The longest run of (position, number) whose numbers count up by one, each a page apart
    from the one before (``page_min`` lines; the last page, ending the document at ``end``, may be
    short), at regular intervals: the positions."""
    best: list[int] = []
    for start in range(len(numbered)):
        chain = [numbered[start]]
        for pos, n in numbered[start + 1 :]:
            if n == chain[-1][1] + 1 and (pos - chain[-1][0] >= page_min or end - pos <= BESIDE):
                chain.append((pos, n))
        gaps = [b[0] - a[0] for a, b in zip(chain, chain[1:])]
        full = gaps[:-1] or gaps  # the last page may be short
        if page_min == PAGE_MIN and full and max(full) > REGULAR * min(full):
            continue
        if len(chain) > len(best):
            best = [pos for pos, _ in chain]
    return best


def _in_character_column(texts: Sequence[str], pos: int) -> bool:
    """Is ``texts[pos]`` one character between two lines of one character? A vertical PDF copied a
    character a line (``于 / 0 / 7 / 年``): its lone digit is a year's, no page's number."""
    return (len(texts[pos]) == 1 and 0 < pos < len(texts) - 1
            and len(texts[pos - 1]) == 1 and len(texts[pos + 1]) == 1)


def running_heads(texts: Sequence[str]) -> list[int]:
    """Positions in ``texts`` (the document's non-empty lines, stripped) of its page numbers and
    running heads, or [] (see the module's docstring)."""
    numbered = [(pos, n) for pos, t in enumerate(texts)
                if len(t) <= 20 and (n := page_number(t)) is not None and not _in_character_column(texts, pos)]
    # Of the two readings of the pages, the longer chain (a joined copy's short last "pages" can
    # make a spurious short chain of the first reading).
    chain, headed = _chain(numbered, len(texts) - 1), _headed_chain(texts, numbered)
    if len(headed) > len(chain):
        chain = headed
    if len(chain) < 2:
        return _repeated_heads(texts, [pos for pos, _ in numbered])
    near = {p for c in chain for p in range(c - BESIDE, c + BESIDE + 1)} | {0}
    places = defaultdict(list)
    for pos, t in enumerate(texts):
        if len(t) <= HEAD_MAX and pos not in chain:
            places[t].append(pos)
    # Beside numbers a few lines apart (a joined copy's), a repeated sentence of the body may
    # stand beside them too: a head there is a title, no sentence.
    heads = [p for t, ps in places.items() if len(ps) >= 2 and page_number(t) is None and all(p in near for p in ps)
             and not (chain is headed and t.endswith(SENTENCE_END)) for p in ps]
    if not heads and (len(chain) < CHAIN_MIN or (all(texts[p].isdigit() for p in chain) and not _pages(chain))):
        return []
    return sorted(chain + heads)


def _headed_chain(texts: Sequence[str], numbered: list[tuple[int, int]]) -> list[int]:
    """The page numbers counting up with a running head beside each, however few lines apart:
    where the hard-wrap stage joined each page's lines into a paragraph or two, a page is no
    longer ``PAGE_MIN`` lines long, but it still holds ``PAGE_CHARS`` characters, and its head
    still repeats, the same title (words, no sentence's end) of ``HEAD_MIN`` characters or more,
    ``REPEATS`` times or more, beside each number. The head opens the first page, above its
    number. A hymn's refrain beside its verses' numbers stands a verse apart, shorter than a page;
    a listing's rule (``----------``) beside each entry's number is no title."""
    counts = Counter(texts)
    heads = [pos for pos, t in enumerate(texts) if HEAD_MIN <= len(t) <= HEAD_MAX and counts[t] >= REPEATS
             and page_number(t) is None and not t.endswith(SENTENCE_END) and _WORDS.search(t)]
    if not heads:
        return []
    near = {p for h in heads for p in range(h - BESIDE, h + BESIDE + 1)}
    last = len(texts) - 1
    # The last page's number ends the document, no next page's head beside it.
    headed = [(pos, n) for pos, n in numbered if pos in near or pos == last]
    before = list(accumulate((len(t) for t in texts), initial=0))  # characters before each line
    best: list[int] = []
    taken: set[int] = set()
    for i, (pos, n) in enumerate(headed):
        if pos in taken:
            continue  # inside a chain found already: its rest, no longer
        chain = [(pos, n)]
        for later, m in headed[i + 1 :]:
            if m == chain[-1][1] + 1 and (before[later] - before[chain[-1][0]] >= PAGE_CHARS or later == last):
                chain.append((later, m))
        taken.update(p for p, _ in chain)
        if len(chain) > len(best):
            best = [p for p, _ in chain]
    if len(best) < CHAIN_MIN:
        return []
    first = {}
    for pos, t in enumerate(texts):
        first.setdefault(t, pos)
    beside = {texts[h] for h in heads if any(abs(c - h) <= BESIDE for c in best)}
    return best if any(first[t] < best[0] for t in beside) else []


def _pages(chain: list[int]) -> bool:
    """Bare numbers counting up with no head beside them are a poem's or a list's section numbers
    unless they stand as a page's: ``BARE_PAGE_MIN`` lines apart at least, and at pages' feet, the
    first after a page's worth of the document (a section's number heads its section, the first
    one right under the title)."""
    gaps = [b - a for a, b in zip(chain, chain[1:])]
    return chain[0] >= PAGE_MIN and min(gaps[:-1] or gaps) >= BARE_PAGE_MIN  # the last page may be short


def _repeated_heads(texts: Sequence[str], numbers: list[int]) -> list[int]:
    """Running heads whose page numbers are mostly gone (a bare ``2`` joined to the line above it
    as a hard wrap's end): a line of ``HEAD_MIN`` characters or more repeated ``REPEATS`` times or
    more, a page apart at regular intervals, first at the document's top, one occurrence beside
    a page number that is left. A song's refrain repeats too, but no page number stands beside it."""
    if not numbers or len(texts) < 2:
        return []
    first = texts[0]
    places = [pos for pos, t in enumerate(texts) if t == first]
    gaps = [b - a for a, b in zip(places, places[1:])]
    if len(first) < HEAD_MIN or len(places) < REPEATS or min(gaps) < PAGE_MIN or max(gaps) > REGULAR * min(gaps):
        return []
    if not any(abs(p - n) <= BESIDE for p in places for n in numbers):
        return []
    return sorted(places + [n for n in numbers if any(abs(p - n) <= BESIDE for p in places)])
