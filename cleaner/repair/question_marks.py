"""A ``?`` written where a decoder met bytes it could not read: tried as a mark of lost bytes.

Why: many tools write ``?``, not U+FFFD, for a byte sequence they cannot decode or encode (iconv
and PHP's converters, a MySQL connection in the wrong character set, Java encoders, export
tools). UTF-8 read so as GBK leaves ``鍏?鍙稿湪鍖椾含銆?`` for 公司在北京。: the ``?`` stands
where U+FFFD would, and the byte repair, which reads U+FFFD as lost bytes, stops at it.

A ``?`` is also a question mark, so the mark is tried, not assumed: every ``?`` touching a
character beyond ASCII is read as U+FFFD in a second run of the repair, and a line takes that
run's reading only where it leaves fewer characters that look misread (rare characters and
marks the repair could not place) than the plain run. A ``?`` the trial could not place is
written back as ``?``. Pages that already hold U+FFFD used it as their mark: the trial is not
run there (nor, by the pipeline, on pages whose ``?`` belong to the pinyin damage).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from cleaner.model import Finding
from cleaner.repair import mojibake

MARK = "\ufffd"
# A run of "?" next to a character beyond ASCII, or before an ASCII byte that could be a
# two-byte code's second (a GBK decoder gives the mark, then that byte again as ASCII: ?x灣 for
# Big5 台灣; ?U?a?[ for 各地加), itself before such a pair or beyond ASCII: where a decoder's
# lost-byte mark would sit.
_CANDIDATE = re.compile(r"(?<=[^\x00-\x7f])\?+|\?+(?=(?:[\x40-\x7e]\?+)*[\x40-\x7e]?[^\x00-\x7f])")


def tried(repair: Callable[[str], mojibake.MojibakeRepair], text: str) -> tuple[mojibake.MojibakeRepair, int]:
    """``repair(text)``, with each "?" beside a character beyond ASCII also tried as lost bytes;
    (the repair, how many lines took the trial's reading). ``repair`` is a byte repair that reads
    U+FFFD as lost bytes (the GBK re-read, the single-byte re-read)."""
    plain = repair(text)
    if "?" not in text or MARK in text:
        return plain, 0
    marked = _CANDIDATE.sub(lambda m: MARK * len(m.group()), text)
    if marked == text:
        return plain, 0
    trial = repair(marked)
    plain_lines, trial_lines = plain.text.split("\n"), trial.text.split("\n")
    if len(plain_lines) != len(trial_lines):
        return plain, 0  # the repairs never join or split lines; if they did, keep the plain run
    guessed = {f.position for f in trial.findings if f.position >= 0}
    unplaced = _unplaced_marks(trial.text, guessed)

    pieces: list[str] = []
    findings = [f for f in plain.findings if f.position < 0]
    taken = out = plain_at = trial_at = 0
    for plain_line, trial_line in zip(plain_lines, trial_lines):
        # A mark the trial could not place is a "?" again (one character for one: offsets hold).
        restored = "".join("?" if trial_at + i in unplaced else ch for i, ch in enumerate(trial_line))
        take = restored != plain_line and _badness(restored) < _badness(plain_line)
        line, source, start = (restored, trial, trial_at) if take else (plain_line, plain, plain_at)
        taken += take
        findings.extend(_moved(f, start, out) for f in source.findings if start <= f.position <= start + len(line))
        pieces.append(line)
        out += len(line) + 1
        plain_at += len(plain_line) + 1
        trial_at += len(trial_line) + 1
    if not taken:
        return plain, 0
    return mojibake.MojibakeRepair("\n".join(pieces), plain.count, findings), taken


def _unplaced_marks(text: str, guessed: set[int]) -> set[int]:
    """Offsets of U+FFFD the trial left as they were (not a guessed character written as U+FFFD)."""
    return {i for i, ch in enumerate(text) if ch == MARK and i not in guessed}


def _badness(line: str) -> int:
    """Characters of ``line`` that look misread: rare ones, and "?" where a lost-byte mark would sit."""
    return mojibake.count_rare(line) + sum(len(m.group()) for m in _CANDIDATE.finditer(line))


def _moved(finding: Finding, start: int, out: int) -> Finding:
    return replace(finding, position=finding.position - start + out)
