"""Cut a huge text into bounded pieces at paragraph or sentence ends.

Stages whose working memory grows with what they hold at once (a token per character, a list
of sentences) take a huge single-line page piece by piece, so memory stays a small multiple of
the page whatever its shape. Pieces are cut after a line break or a sentence end when there is
one in the second half of the piece, else after a clause mark or closing bracket there, else at the
limit; joined, they give the text back.
"""

from __future__ import annotations

from collections.abc import Iterator

LIMIT = 1 << 16  # characters per piece
ENDS = "\n。！？!?"
# Where a line with no sentence end is cut: after a clause mark or a closing bracket, so that what
# a repair reads whole (an annotation `國(guó)`, a quoted name) is not split between two pieces.
SOFT_ENDS = "，、；：,;)）」』】》"


def pieces(text: str, limit: int = LIMIT) -> Iterator[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after a paragraph or sentence end.

    >>> list(pieces("甲。乙。丙丁", 3))
    ['甲。', '乙。', '丙丁']
    """
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = max(text.rfind(ch, start + limit // 2, end) for ch in ENDS)
        if cut < 0:
            cut = max(text.rfind(ch, start + limit // 2, end) for ch in SOFT_ENDS)
        end = cut + 1 if cut >= 0 else end
        yield text[start:end]
        start = end
    yield text[start:]
