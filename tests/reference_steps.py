"""Reference oracle for ``cleaner._native.changed_places`` (native/src/diff.rs).

The Python original of the pipeline's step counting (``cleaner/pipeline.py``'s
``_changed_places``), kept here unchanged so that property tests can check the native count
against it. Not part of the product.
"""

from __future__ import annotations

from difflib import SequenceMatcher

LOOKAHEAD = 8  # lines looked ahead for a line that went missing on one side
DIFF_LIMIT = 4000  # characters of one changed line diffed exactly; a longer change counts once


def changed_places(old: str, new: str) -> int:
    """How many places differ: runs of changed characters, about as a diff counts them.

    Lines are aligned greedily in one pass (a line missing on one side is looked for a few lines
    ahead on the other), and characters are compared only inside lines paired as changed: a
    full line diff costs the square of the page on pages of repeated lines.
    """
    if old == new:
        return 0
    a, b = old.split("\n"), new.split("\n")
    i = j = places = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i, j = i + 1, j + 1
            continue
        ahead_a = _find(a, b[j], i + 1)
        ahead_b = _find(b, a[i], j + 1)
        if ahead_a is not None and (ahead_b is None or ahead_a - i <= ahead_b - j):
            places, i = places + 1, ahead_a  # lines of the old text removed
        elif ahead_b is not None:
            places, j = places + 1, ahead_b  # lines added
        else:
            places, i, j = places + changed_runs(a[i], b[j]), i + 1, j + 1
    return places + (i < len(a)) + (j < len(b))


def _find(lines: list[str], line: str, start: int) -> int | None:
    for k in range(start, min(len(lines), start + LOOKAHEAD)):
        if lines[k] == line:
            return k
    return None


def changed_runs(old: str, new: str) -> int:
    """Runs of changed characters between two lines (1 for a line too long to diff cheaply)."""
    if old == new:
        return 0
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    a, b = old[start : len(old) - end], new[start : len(new) - end]
    if len(a) + len(b) > DIFF_LIMIT:
        return 1
    return sum(1 for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal")
