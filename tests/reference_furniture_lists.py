"""Reference oracle for the native row forms of list blocks (native/src/furniture.rs,
``skeleton`` and ``row_form``), kept from cleaner/furniture/lists.py.

The Python originals of a line's skeleton, its edges and its stamp, unchanged, so that property
tests can check that the native ones give the same for every line. Not part of the product.
"""

from __future__ import annotations

import re

from cleaner.furniture.lists import EDGE, MAX_ROW

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
