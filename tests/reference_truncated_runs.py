"""The Python original of truncated_runs' search for cut ends (cleaner/repair/truncated_runs.py),
which native/src/truncated.rs replaces (``GbkPairs.cut_ends``): kept as the oracle the property
tests of tests/test_truncated_runs.py hold the native pass to."""

from __future__ import annotations

from cleaner.repair.truncated_runs import _MARKS, _dangling, _tail_bytes


def ends(text: str) -> list[int]:
    """Where a cut text may end: each line's end, and the start of each truncation mark."""
    found = [len(text)]
    for mark in ("\n", *_MARKS):
        at = text.find(mark)
        while at >= 0:
            if mark == "\n" or not at or text[at - 1] != mark[0]:  # a run of dots starts once
                found.append(at)
            at = text.find(mark, at + 1)
    return sorted(set(found))


def ends_cut(text: str, end: int, floor: int) -> bool:
    """Do the bytes before ``end`` end as a cut character's do (``_read_cut``'s tests, on the last
    four characters before the marks)? Most line ends of clean text stop here."""
    k = end
    while k > floor and text[k - 1] == "\ufffd":
        k -= 1
    marks = end - k
    tail = _tail_bytes(text, k, floor)
    cut, need = _dangling(tail)
    if not ((need > marks) if cut else marks == 1):
        return False
    # The bytes before the cut character read as UTF-8 from one of the first three (clean text's
    # GBK bytes seldom do, for four characters).
    whole = tail[: len(tail) - cut]
    for at in range(min(3, len(whole))):
        try:
            whole[at:].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return not whole


def cut_ends(text: str, floor: int) -> list[int]:
    """The ends after ``floor`` the stage reads on, as ``GbkPairs.cut_ends`` gives them."""
    return [end for end in ends(text) if end > floor and ends_cut(text, end, floor)]
