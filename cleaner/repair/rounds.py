"""A span repair run round after round on its own output, until a round finds nothing.

A repair that re-reads stretches cuts the text around what it re-read: the stretch's leftovers
beside a re-read piece are runs of their own once the piece is Chinese again, and the next clean
would find them (UTF-8 read as cp932, or as GBK twice: 17 of 30 paragraphs changed on a second
clean). Run to a fixed point, the repair leaves nothing for a second clean. Only a page where a
round found something pays for another.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from cleaner.repair import mojibake

Spans = list[tuple[int, int, mojibake.MojibakeRepair]]


def until_settled(text: str, round_spans: Callable[[str], Spans], max_rounds: int) -> mojibake.MojibakeRepair:
    """``text`` with the spans ``round_spans`` re-reads spliced in, round after round (at most
    ``max_rounds``) until a round finds none. Findings are at their offsets in the returned text."""
    done = mojibake.splice(text, round_spans(text))
    for _ in range(max_rounds - 1):
        if not done.count:
            break
        spans = round_spans(done.text)
        if not spans:
            break
        done = spliced_on(done, spans)
    return done


def spliced_on(done: mojibake.MojibakeRepair, spans: Spans) -> mojibake.MojibakeRepair:
    """``done`` with a later round's spans (apart, in order) re-read: its findings moved along,
    those inside a span re-read again dropped (that span's own findings stand for them)."""
    spans = sorted(spans, key=lambda s: s[0])
    fixed = mojibake.splice(done.text, spans)
    kept, shift, k = [], 0, 0
    for f in sorted(done.findings, key=lambda f: f.position):
        while k < len(spans) and spans[k][1] <= f.position:
            shift += len(spans[k][2].text) - (spans[k][1] - spans[k][0])
            k += 1
        if k < len(spans) and spans[k][0] <= f.position:
            continue  # re-read again
        kept.append(dataclasses.replace(f, position=f.position + shift))
    findings = sorted(kept + fixed.findings, key=lambda f: f.position)
    return mojibake.MojibakeRepair(fixed.text, done.count + fixed.count, findings)
