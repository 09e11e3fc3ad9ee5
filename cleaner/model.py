"""Value types shared by every stage: what changed (Step), what was noticed (Finding), the outcome (Result)."""

from __future__ import annotations

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
            "steps": [vars(s) for s in self.steps],
            "findings": [vars(f) for f in self.findings],
            "meta": dict(self.meta),
        }
