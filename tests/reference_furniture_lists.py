"""Reference oracle for the native list blocks (native/src/furniture.rs, ``skeleton``,
``row_form`` and ``list_blocks``), kept from cleaner/furniture/lists.py.

The Python originals of a line's skeleton, its edges and its stamp, and of the blocks that rows
sharing an edge make, unchanged, so that property tests can check that the native ones give the
same for every line and page. Not part of the product.
"""

from __future__ import annotations

import re

from collections.abc import Sequence

from cleaner.furniture.lists import EDGE, MAX_GAP, MAX_ROW, MIN_ROWS, TITLE_MAX

# Digits -> "0", then letters and Han characters (\w without digits and "_") -> "a", spaces -> " ".
_DIGITS, _WORDS, _SPACES = re.compile(r"\d+"), re.compile(r"[^\W\d_]+"), re.compile(r"\s+")
# Structure (besides numbers standing apart, see _structure): brackets, bullets, separators. (Sentence and clause marks are no structure.)
_STRUCTURE = frozenset("[]()【】〔〕《》<>〈〉「」『』|/·•-*■□◆◇▪●○★☆►▶→»›#@")
# In a skeleton: a date, a time or a count pair (0-0, 0:0, 0/0), or a count in brackets.
_STAMP = re.compile(r"(?<!a)0[-:/]0(?!a)|[(\[【]0[)\]】]")


def skeleton(text: str) -> str:
    """A line's form, one character a token: ``"[2005-08-21] 标题"`` -> ``"[0-0-0] a"``."""
    return _SPACES.sub(" ", _WORDS.sub("a", _DIGITS.sub("0", text)))


def edges(text: str) -> tuple[str | None, str | None]:
    """(head edge, tail edge) of a line: its skeleton's first and last ``EDGE`` tokens, each None
    when it holds no structure. A row of a single token has no edges."""
    if len(text) > MAX_ROW:
        return None, None
    tokens = skeleton(text.strip())
    if len(tokens) < 2:
        return None, None
    n = len(tokens)
    head = tokens[:EDGE] if any(_structure(tokens, k) for k in range(min(EDGE, n))) else None
    tail = tokens[-EDGE:] if any(_structure(tokens, k) for k in range(max(n - EDGE, 0), n)) else None
    return head, tail


def _structure(tokens: str, k: int) -> bool:
    """Whether token ``k`` is structure: a bracket, a bullet, a separator, or a number standing
    apart (``08-11 16:06``, ``1. ``, ``(40819)``). A number glued to words (``2005年``, ``第3版``)
    is a word of the sentence, and sentence and clause marks are no structure."""
    t = tokens[k]
    if t == "0":
        return not ((k > 0 and tokens[k - 1] == "a") or (k + 1 < len(tokens) and tokens[k + 1] == "a"))
    return t in _STRUCTURE


def row_form(text: str) -> tuple[str | None, str | None, bool]:
    """(head edge, tail edge, stamped) as ``lists.list_blocks`` read them: the stamp is asked of
    rows only (a line with an edge), on the skeleton of the line as given."""
    head, tail = edges(text)
    if head is None and tail is None:
        return None, None, False
    return head, tail, bool(_STAMP.search(skeleton(text)))


def list_blocks(texts: Sequence[str], paragraphs: Sequence[bool]) -> list[tuple[int, int, bool]]:
    """(first, last, stamped) of the list blocks among the given lines (folded, NFKC), by
    position. ``paragraphs``: which lines are paragraphs (``features.is_paragraph``). ``stamped``:
    most rows carry a date, a time, a count pair or a bracketed count (``08-11 16:06``,
    ``[4321/87]``, ``(40819)``): rows that say when and how often, as lists of posts and links do;
    an article's own list (a table, the subjects of an exam) numbers its items at most."""
    texts, paragraphs = list(texts), list(paragraphs)
    for pos in range(len(texts)):  # a headline restating the start of a line below is no row
        head = texts[pos].strip()
        if len(head) >= 6 and any(b.strip().startswith(head) and re.search("[，。；,;]", b.strip()[len(head):])
                                     for b in texts[pos + 1 : pos + 5]):
            texts[pos], paragraphs[pos] = "", False
    found: list[tuple[int, int, bool]] = []
    where: dict[tuple[int, str], list[int]] = {}
    forms = [row_form(text) for text in texts]
    for pos, (head, tail, _) in enumerate(forms):
        if head is not None:
            where.setdefault((0, head), []).append(pos)
        if tail is not None:
            where.setdefault((1, tail), []).append(pos)
    for rows in where.values():
        if len(rows) < MIN_ROWS:
            continue
        start = 0
        for k in range(1, len(rows) + 1):
            if k == len(rows) or rows[k] - rows[k - 1] > MAX_GAP:
                run = rows[start:k]
                if len(run) >= MIN_ROWS and _is_list(texts, paragraphs, run):
                    stamped = 2 * sum(1 for pos in run if forms[pos][2]) > len(run)
                    found.append((run[0], run[-1], stamped))
                start = k
    return _merge(found)


def _is_list(texts: Sequence[str], paragraphs: Sequence[bool], rows: list[int]) -> bool:
    """Rows that end no sentence, among lines that are not mostly paragraphs."""
    ended = sum(1 for pos in rows if ends_sentence(texts[pos]))
    if 2 * ended >= len(rows):
        return False
    span = range(rows[0], rows[-1] + 1)
    chars = sum(len(texts[pos]) for pos in span)
    prose = sum(len(texts[pos]) for pos in span if paragraphs[pos])
    return 2 * prose < chars


_FINAL = frozenset("。!?…")
_CLOSING = "”’」』)]\"' "
_CLAUSE_MARKS = re.compile(r"[,，、;；:：。]")


def ends_sentence(text: str) -> bool:
    """Ends with a sentence mark, closing quotes aside; a single "." too (references, English
    items), but not "..." (a title cut short: "永远支..."). A question or an exclamation ends a
    sentence only on a row with clauses or a row longer than a title (``TITLE_MAX``): headlines
    ask and exclaim ("穷男人还买得起爱情吗?", "[情感] 你是容易冲动的人吗?"), and a list of
    them is a list of titles."""
    bare = text.rstrip(_CLOSING)
    if bare[-1:] in "?!":
        return len(bare) > TITLE_MAX or bool(_CLAUSE_MARKS.search(bare[:-1]))
    return bare[-1:] in _FINAL or (bare.endswith(".") and not bare.endswith(".."))


def _merge(blocks: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    for first, last, stamped in sorted(blocks):
        if out and first <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], last), out[-1][2] or stamped)
        else:
            out.append((first, last, stamped))
    return out
