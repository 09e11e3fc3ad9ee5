"""Where the article body stands on a page: the densest run of long punctuated lines.

Each live line earns a gain: a prose line (``features.is_prose``) its length, any other line a
fixed penalty. The body is the run with the largest total (Kadane's maximum subarray), so a short
subheading or a caption between paragraphs stays inside it, while a menu, a byline block or a
comment thread (short lines between short posts) ends it. Head and tail zones are what lies before
and after that run: position is measured from the body, not from the page ends, so a long footer
cannot push a disclaimer out of "the bottom".
"""

from __future__ import annotations

from collections.abc import Sequence


def find_body(lengths: Sequence[int], prose: Sequence[bool], penalty: float, cap: int) -> tuple[int, int]:
    """(first, last) positions of the body run among the given lines; (0, -1) when there is none.

    ``cap`` bounds the gain of one line, so one huge paragraph (a pasted comment, a footer blob)
    does not outweigh a body of many ordinary paragraphs.
    """
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, (n, is_prose) in enumerate(zip(lengths, prose)):
        gain = min(n, cap) if is_prose else -penalty
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i)
    return best_span
