"""A span repair run to a fixed point (cleaner/repair/rounds.py)."""

from cleaner.model import Finding
from cleaner.repair.mojibake import MojibakeRepair
from cleaner.repair.rounds import spliced_on, until_settled


def _halve(text: str):
    """A round that re-reads each run of "xx" as "y" (with a finding on it) and "yy" as "z"."""
    spans = []
    for pair, into in (("xx", "y"), ("yy", "z")):
        at = text.find(pair)
        while at >= 0:
            if not any(a < at + 2 and at < b for a, b, _ in spans):
                spans.append((at, at + 2, MojibakeRepair(into, 1, [Finding("lost-byte", 0, into)])))
            at = text.find(pair, at + 2)
    return sorted(spans, key=lambda s: s[0])


def test_rounds_go_on_until_one_finds_nothing():
    done = until_settled("a xxxx b", _halve, max_rounds=5)
    assert done.text == "a z b"
    assert until_settled(done.text, _halve, max_rounds=5).count == 0
    # Each finding is where its character is in the returned text; those re-read again are gone.
    assert [(f.position, f.detail) for f in done.findings] == [(2, "z")]


def test_at_most_max_rounds():
    assert until_settled("xxxx", _halve, max_rounds=1).text == "yy"


def test_findings_before_and_after_a_later_span_move_along():
    done = MojibakeRepair("ab_cd_ef", 2, [Finding("lost-byte", 0, "a"), Finding("lost-byte", 7, "f")])
    later = [(3, 5, MojibakeRepair("Z", 1, []))]
    out = spliced_on(done, later)
    assert out.text == "ab_Z_ef" and out.count == 3
    assert [(f.position, f.detail) for f in out.findings] == [(0, "a"), (6, "f")]
