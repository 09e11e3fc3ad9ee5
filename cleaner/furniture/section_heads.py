"""Headings of the article's sections that share a form: ``【基本案情】`` … ``【裁判结果】`` … ``【法官说法】``.

A case report, a guide or a notice heads its sections alike (``【基本案情】``, ``【案例一】``,
``〔背景〕``), each over a paragraph or two. Their shared bracketed edge made them rows of a list
block (``lists.list_blocks``), the paragraphs between them the block's odd lines (a paragraph under
80 characters counts as none of the block's paragraphs), and the block, above a body found in the
last section, went whole as a list (``generic/list``) with the prose inside it. A list's rows are
one under another, or parted by an advert's label or a page-number row; a sentence of prose under
each row before the next one makes the rows headings of the text they stand over.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from cleaner.furniture.lists import row_forms


def section_heads(texts: Sequence[str], block: tuple[int, int, bool], sentence: Callable[[int], bool]) -> bool:
    """The rows of ``block`` ((first, last, stamped) positions into ``texts``: the lines sharing its
    commonest edge, ``lists.row_forms``) are two or more, with a ``sentence`` (a position's line is
    prose ending a sentence) between each row and the next: headings of sections, not a list."""
    start, end, _ = block
    forms = row_forms(texts[start : end + 1])
    edges = Counter(edge for head, tail, _ in forms for edge in (head, tail) if edge)
    if not edges:
        return False
    common = edges.most_common(1)[0][0]
    rows = [start + k for k, (head, tail, _) in enumerate(forms) if common in (head, tail)]
    return len(rows) >= 2 and all(any(map(sentence, range(above + 1, below))) for above, below in zip(rows, rows[1:]))
