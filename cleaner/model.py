"""Value types shared by every stage: what changed (Step), what was noticed (Finding), the outcome (Result)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Step:
    """One kind of change the cleaner made to a text.

    ``action`` is the family (``repair``, ``remove``, ``convert``, ``width``, ``whitespace``,
    ``decode``), ``name`` the fixer or rule id, ``count`` how many places it changed.
    """

    action: str
    name: str
    count: int = 1

    def __str__(self) -> str:
        return f"{self.action}:{self.name} x{self.count}"


class CountedLater(Step):
    """A Step whose count is taken when first read: ``count_of()``, then kept.

    Why: counting the places a fixer changed diffs the text before and after it, a tenth of a
    clean run's time on a page a script conversion rewrites line by line; a caller who asks for
    the text alone (``Cleaner.clean``, ``run(details=False)``) never reads the count. It is the
    same Step to every reader: equal to, hashed, printed and pickled as ``Step(action, name,
    count)`` (pickling counts first, so no text travels with it).
    """

    def __init__(self, action: str, name: str, count_of: Callable[[], int]) -> None:
        object.__setattr__(self, "action", action)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "_count_of", count_of)

    @property
    def count(self) -> int:  # type: ignore[override]
        count_of = self.__dict__["_count_of"]
        if count_of is not None:
            object.__setattr__(self, "_count", count_of())
            object.__setattr__(self, "_count_of", None)  # the texts it counted on are let go
        return self.__dict__["_count"]

    def _as_step(self) -> Step:
        return Step(self.action, self.name, self.count)

    def __eq__(self, other: object) -> bool:
        return self._as_step() == (other._as_step() if isinstance(other, CountedLater) else other)

    def __hash__(self) -> int:
        return hash(self._as_step())

    def __repr__(self) -> str:
        return repr(self._as_step())

    def __reduce__(self):
        return Step, (self.action, self.name, self.count)


@dataclass(frozen=True)
class Finding:
    """Something a detector or a repair noticed without (or beyond) changing the text.

    ``position`` is a character offset into the text the finding was made on (-1 when it is about
    the whole document); ``detail`` is a short human-readable note, e.g. the guessed character.
    """

    kind: str
    position: int = -1
    detail: str = ""
    count: int = 1

    def __str__(self) -> str:
        where = f"@{self.position}" if self.position >= 0 else ""
        extra = f" {self.detail}" if self.detail else ""
        return f"{self.kind}{where}{extra}" + (f" x{self.count}" if self.count != 1 else "")


@dataclass
class Result:
    """The cleaned text plus everything needed to explain it."""

    text: str
    steps: list[Step] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.steps)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "steps": [{"action": s.action, "name": s.name, "count": s.count} for s in self.steps],
            "findings": bounded_findings(self.findings),
            "meta": dict(self.meta),
        }


# What a result's record (``to_dict``: --json, --details, the adapters' metadata) holds of its
# findings, so that it stays a small share of the text whatever the page: a removed line's finding
# carried the whole line (one 500 KB navigation line), and a page of 20,000 U+FFFD runs gave
# 20,002 findings, 21 times the input. The Result itself keeps every finding; each change to the
# text stays a Step, whole: only the findings' record is summarised.
DETAIL_CHARS = 200  # a finding's detail past this is cut, and its full length given (detail_chars)
FINDINGS_PER_KIND = 50  # findings of one kind past this go into one, with their number (more) and summed count


def bounded_findings(findings: list[Finding]) -> list[dict]:
    """The findings as records, bounded: ``detail`` cut at ``DETAIL_CHARS`` (``detail_chars``: its
    length), the findings of one kind past the first ``FINDINGS_PER_KIND`` summed into one record
    where the first of them stood (``more``: how many it stands for; ``count``: their counts summed).

    >>> [len(d["detail"]) for d in bounded_findings([Finding("removed-line", 0, "x" * 500)])], bounded_findings([Finding("removed-line", 0, "x" * 500)])[0]["detail_chars"]
    ([201], 500)
    >>> records = bounded_findings([Finding("mark", k) for k in range(FINDINGS_PER_KIND + 30)])
    >>> len(records), records[-1]["more"], records[-1]["count"]
    (51, 30, 30)
    """
    out: list[dict] = []
    kept: dict[str, int] = {}
    summed: dict[str, dict] = {}
    for finding in findings:
        record = vars(finding).copy()
        if len(finding.detail) > DETAIL_CHARS:  # the summed record's sample too: a cut is always said
            record["detail"] = finding.detail[:DETAIL_CHARS] + "…"
            record["detail_chars"] = len(finding.detail)
        if kept.get(finding.kind, 0) < FINDINGS_PER_KIND:
            kept[finding.kind] = kept.get(finding.kind, 0) + 1
            out.append(record)
        elif (total := summed.get(finding.kind)) is not None:
            total["count"] += finding.count
            total["more"] += 1
        else:  # the first one's detail, as a sample
            summed[finding.kind] = total = {**record, "more": 1}
            out.append(total)
    return out
