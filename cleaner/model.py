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
            "findings": [vars(f) for f in self.findings],
            "meta": dict(self.meta),
        }
