"""The break join of cleaner/repair/cut_runs.py as it read every break of a page: the reference
its gated form (``cut_runs.join``, which reads only the breaks ``_breaks_to_read`` names on a page
without a decoder's mark) is held to in tests/test_cut_runs.py."""

import re

from cleaner import hardwrap
from cleaner.repair import cut_runs

_TRAIL = re.compile(r"[ \t]*$")


def join(text: str) -> tuple[str, list[cut_runs.Cut]]:
    if "\n" not in text or not cut_runs._may_hold_runs(text):
        return text, []
    lines = text.split("\n")
    by_width = cut_runs._joined_by_width(text, lines)
    near_only = not cut_runs._holds_mark(text)
    out: list[str] = [lines[0]]
    cuts: list[cut_runs.Cut] = []
    size = len(lines[0])
    for k, line in enumerate(lines[1:]):
        previous = out[-1]
        trail = _TRAIL.search(previous).group()
        lead = cut_runs._LEAD.match(line).group()
        left, right = previous[: len(previous) - len(trail)], line[len(lead):]
        if k in by_width and not left.endswith("\ufffd") and not cut_runs._rejected_at_break(left, right):
            quote = hardwrap._quote(line)
            size -= len(trail)
            cuts.append(cut_runs.Cut(size, trail + "\n" + quote))
            out[-1] = left + line[len(quote):]
            size += len(line) - len(quote)
        elif cut_runs._inside_run(left, cut_runs._read_on(right, lines, k + 2), near_only):
            size -= len(trail)
            cuts.append(cut_runs.Cut(size, trail + "\n" + lead))
            out[-1] = left + right
            size += len(right)
        else:
            out.append(line)
            size += 1 + len(line)
    if not cuts:
        return text, []
    return "\n".join(out), cuts
