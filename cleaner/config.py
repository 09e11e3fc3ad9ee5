"""The immutable settings of one Cleaner: one field per fixer, plus the target script."""

from __future__ import annotations

from dataclasses import dataclass

TARGETS = ("zh-hans", "zh-hant", "zh-tw", "zh-hk", "keep")


@dataclass(frozen=True)
class Config:
    to: str = "zh-hans"
    site: str | None = None
    # Fixers, in pipeline order; each can be switched off on its own.
    unescape_html: bool = True
    fix_mojibake: bool = True
    repair_pinyin: bool = True
    guess_lost: bool = True  # infer characters whose bytes were lost; off -> U+FFFD marks the spot
    remove_furniture: bool = True
    convert_script: bool = True
    fix_width: bool = True
    normalize_whitespace: bool = True
    # Safety limits for user-supplied rule regexes and huge documents.
    regex_timeout: float = 1.0  # seconds a rule may search one line before it is skipped and reported
    max_chars: int = 0  # a longer document is refused (DocumentTooLarge); 0 means no limit

    def __post_init__(self) -> None:
        if self.regex_timeout <= 0 or self.max_chars < 0:
            raise ValueError("regex_timeout must be positive and max_chars not negative")
        if self.to not in TARGETS:
            raise ValueError(f"unknown target script {self.to!r}; choose one of {', '.join(TARGETS)}")


class DocumentTooLarge(ValueError):
    """A document is longer than ``Config.max_chars``."""
