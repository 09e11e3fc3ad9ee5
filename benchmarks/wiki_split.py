"""The fixed split of ``../shared/corpora/wiki/`` into a part to build from and a part to measure on.

Fixed before any model was built from the corpus: the last fifth of each file (paragraphs come
grouped by article, so a contiguous tail keeps the names and topics of measured paragraphs out of
what was built from). Everything that builds from the corpus reads ``build_paragraphs``; every
benchmark that measures on it reads ``measure_paragraphs``; nothing else decides.
"""

from __future__ import annotations

from pathlib import Path

WIKI = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "wiki"
FILES = {"zh-hans": "zh-hans.txt", "zh-hant": "zh-hant.txt"}
MEASURE_SHARE = 5  # one paragraph in five, from the end of each file, is measured on


def _paragraphs(script: str) -> list[str]:
    path = WIKI / FILES[script]
    if not path.exists():
        raise SystemExit(f"{path}: not found (the wiki corpus of ../shared/corpora is needed)")
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def _cut(paragraphs: list[str]) -> int:
    return len(paragraphs) - len(paragraphs) // MEASURE_SHARE


def build_paragraphs(script: str) -> list[str]:
    """Paragraphs models may be built (and tuned) from."""
    paragraphs = _paragraphs(script)
    return paragraphs[: _cut(paragraphs)]


def measure_paragraphs(script: str) -> list[str]:
    """Paragraphs only ever measured on."""
    paragraphs = _paragraphs(script)
    return paragraphs[_cut(paragraphs) :]
