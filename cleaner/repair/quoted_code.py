"""Mojibake a clean page quotes as code: an example of the damage, not damage.

A tech article about encodings shows what misread text looks like (`` `ä¸­æ–‡` 是“中文”的 UTF-8 被当作
Latin-1 读取``, a shell session printing ``浣犲ソ``): between backticks, in a fenced block, on a line
of program code. The byte repairs read it back like any other misread run, and the example is
gone. Code is quoted material: what it holds is what the author wrote.

A page misread as a whole (a source file with Chinese comments opened as GBK) is damaged in its
prose and its code alike, and is read everywhere. So the rule is the page's: when every change
the byte repairs made lies inside the page's code (``codelines.inline_code_spans`` and
``codelines.code_spans``, found on the page as it came), the page's prose was clean, and the
repairs are left undone; each code span they would have changed is reported as a
``quoted-mojibake`` finding naming what it would have read as. Where any change falls outside code,
the page was damaged and every repair stands.
"""

from __future__ import annotations

import re

from cleaner import codelines
from cleaner.model import Finding

KIND = "quoted-mojibake"
# Han characters the page's prose (outside its code) holds at least for the rule to say anything:
# a source file misread whole, its comments on code lines, has none, and is read.
MIN_PROSE_HAN = 8
_HAN = re.compile(r"[\u3400-\u9fff]")


def confined(before: str, after: str) -> list[Finding] | None:
    """The findings for the code spans of ``before`` that the repairs (``before`` -> ``after``)
    changed, if every change lies inside one; None where a change falls outside code (or the
    page holds none). Compared line by line: the byte repairs keep a page's lines."""
    if before == after or ("`" not in before and not codelines.code_spans(before)):
        return None
    spans = sorted(codelines.inline_code_spans(before) + codelines.code_spans(before))
    if not spans or _prose_han(before, spans) < MIN_PROSE_HAN:
        return None  # a source file misread whole has no prose to have stayed clean
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        return None
    findings: list[Finding] = []
    offset = 0
    for old, new in zip(old_lines, new_lines):
        if old != new:
            start, old_end, new_end = _changed(old, new)
            span = _covering(spans, offset + start, offset + old_end)
            if span is None:
                return None
            a, b = span
            # The span as the repairs read it: its text, with the change inside it.
            reading = before[a : offset + start] + new[start:new_end] + before[offset + old_end : b]
            findings.append(Finding(KIND, a, reading))
        offset += len(old) + 1
    return findings


def _prose_han(text: str, spans: list[tuple[int, int]]) -> int:
    count = done = 0
    for a, b in spans:
        count += len(_HAN.findall(text, done, max(done, a)))
        done = max(done, b)
    return count + len(_HAN.findall(text, done))


def _changed(old: str, new: str) -> tuple[int, int, int]:
    """The stretch where two lines differ: (start, its end in ``old``, its end in ``new``)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, len(old) - end, len(new) - end


def _covering(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The span holding ``start``-``end`` whole (a change at a span's edge is inside it), or None."""
    for a, b in spans:
        if a <= start and end <= b and start < b:
            return a, b
    return None
