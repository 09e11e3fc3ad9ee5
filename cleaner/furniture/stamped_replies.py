"""Replies whose stamp closes their own line: a thread or comment page where each reply is one line
ending in its writer, date, time and counters (``…正文。【漫游世界】08-22 09:45 0字 [246/0]``).

Forum software of the 2000s and some news sites' comment boxes print a reply's stamp at the end
of its text instead of on a line of its own, so the stamp forms of ``portals.py`` (a line that is
a stamp and nothing else) never see it, and the reply reads as a paragraph of prose. What tells
it is the tail: a bracketed name right before a date and a time, perhaps a character count and a
vote tally, and nothing after. An article's sentence does not end in a bracketed name and a
clock time; a list item's ``（2006-12-19）[836]`` carries no name.

The thread's first post is the article (what the page is about, and what hand copies keep): when
two or more stamped lines by two writers or more stand on the page, those whose text before the
stamp is a paragraph go (``REPLY_MIN`` characters or more, ending a sentence: what the line model
reads as prose), all but the first, with the unstamped lines between two of them (the earlier
paragraphs of the later reply). The first stamped line stays: it ends the first post when that
post carries a stamp (its earlier paragraphs above it), and when it does not, the first reply
left is the lesser loss. One name on every stamp is a source, not a thread of writers: a news
flash's items each end ``【财联社】12-04 09:45``. A shorter stamped line is a row of a list of
the thread's posts (``旅行中，谁忽悠了你？【版主】08-11 16:06 298字 [4321/87]``): the line
model's list blocks (``lists.py``) take those rows, as they take any list cut from one template.
"""

from __future__ import annotations

import re

STAMP_TAIL = 48  # characters at a line's end that hold its stamp
_SENTENCE_END = frozenset("。！？!?.…")  # the reply's text before its stamp ends a sentence: a paragraph
REPLY_MIN = 40  # characters of a reply's paragraph before its stamp (a post's title in a list is shorter)
# The last character of a stamp: a vote tally's bracket, a count of characters, a time's digit.
_LAST = frozenset("]])）字0123456789")
_STAMP = re.compile(r"[【\[〖［]([^】\]〗］\s]{1,20})[】\]〗］]\s*(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
                    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*\d+\s*字)?(?:\s*[\[(（［]\s*\d+\s*/\s*\d+\s*[\])）］])?\s*$")


def stamp_start(text: str) -> int:
    """Where the reply's stamp (a bracketed name, a date and a time) at the line's end starts, with
    text before it; -1 if the line does not end in one."""
    tail = text[-STAMP_TAIL:]
    if text[-1:] not in _LAST or ":" not in tail:  # cheap gates first: most lines end otherwise
        return -1
    found = _STAMP.search(tail)
    start = -1 if found is None else len(text) - len(tail) + found.start()
    return start if start > 0 else -1


def stamped(text: str) -> bool:
    """The line ends in a reply's stamp, with text before it."""
    return stamp_start(text) > 0


def stamped_replies(texts: list[str]) -> list[int]:
    """Positions of ``texts`` that are replies closed by their own stamp (see the module)."""
    starts = [stamp_start(text) for text in texts]
    marks = [pos for pos, start in enumerate(starts) if start > 0]
    if len(marks) < 2 or len({_STAMP.search(texts[pos], starts[pos]).group(1) for pos in marks}) < 2:
        return []
    marks = marks[1:]
    replies = [pos for pos in marks if _paragraph(texts[pos][: starts[pos]].rstrip())]
    out = list(replies)
    for first, second in zip(replies, replies[1:]):
        out += [pos for pos in range(first + 1, second) if starts[pos] < 0]
    return sorted(out)


def _paragraph(text: str) -> bool:
    return len(text) >= REPLY_MIN and text[-1:] in _SENTENCE_END
