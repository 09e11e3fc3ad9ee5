"""Characters of a text replaced by position, without a list of its characters.

``list(text)`` costs about 80 bytes a character (a pointer and a one-character string object for
each CJK character): 600 MB for a 20 MB page in which the repairs change a handful of characters.
The text is rebuilt from the slices between the changed places instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def replace_at(text: str, changes: Iterable[tuple[int, str]]) -> str:
    """``text`` with the character at each position replaced by the given one (one change a position).

    >>> replace_at("一二三四", [(3, "肆"), (1, "贰")])
    '一贰三肆'
    """
    pieces: list[str] = []
    last = 0
    for pos, ch in sorted(changes):
        if pos < last:
            raise ValueError(f"two changes at position {pos}")  # the second would be inserted, not replace
        pieces += [text[last:pos], ch]
        last = pos + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def rewrite_matches(text: str, pattern: re.Pattern, rewrite: Callable[[re.Match], tuple[str, T] | None]) -> tuple[str, list[tuple[int, T]]]:
    """``text`` with each match of ``pattern`` that ``rewrite`` gives a new text for replaced by it,
    and for each one replaced, where its new text starts in the result with what ``rewrite`` said
    of it (findings are placed by it); ``text`` itself when none is.

    >>> rewrite_matches("a1b22c", re.compile(r"\\d+"), lambda m: (m.group() * 2, len(m.group())) if m.group() != "1" else None)
    ('a1b2222c', [(3, 2)])
    """
    pieces: list[str] = []
    done: list[tuple[int, T]] = []
    last = size = 0
    for m in pattern.finditer(text):
        new = rewrite(m)
        if new is None:
            continue
        fixed, said = new
        pieces.append(text[last : m.start()])
        size += m.start() - last
        done.append((size, said))
        pieces.append(fixed)
        size += len(fixed)
        last = m.end()
    if not done:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), done


def joined_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, overlapping ones made one.

    >>> joined_spans([(5, 8), (0, 2), (1, 3), (8, 9)])
    [(0, 3), (5, 9)]
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def until_unchanged(step: Callable[[str], str], text: str, rounds: int | None = None) -> str:
    """``step`` applied again until it changes nothing (at most ``rounds`` times): an edit whose
    result can hold what it edits again (a code taken out joins its neighbours into another, a
    joined line is a longer line to join) must end where a second clean finds nothing to do.

    >>> until_unchanged(lambda t: t.replace("[[m]m]", "[m]").replace("[m]", ""), "精[[m]m]华")
    '精华'
    """
    while rounds is None or rounds > 0:
        done = step(text)
        if done == text:
            break
        text = done
        rounds = None if rounds is None else rounds - 1
    return text
