"""The fixed split of ``../shared/corpora/wiki/`` into a part to build from and a part to measure on.

Fixed before any model was built from the corpus: the last fifth of each file (paragraphs come
grouped by article, so a contiguous tail keeps the names and topics of measured paragraphs out of
what was built from). Everything that builds from the corpus reads ``build_paragraphs``; every
benchmark that measures on it reads ``measure_paragraphs``; nothing else decides.
"""

from __future__ import annotations

import argparse
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


def measured_args(description: str, paragraphs: int = 30) -> argparse.Namespace:
    """The options of a benchmark of short pages cut from the corpus: how many paragraphs a script,
    which part (build: for working a change out; the figures are measure's), and how many
    differences to show."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--paragraphs", type=int, default=paragraphs)
    ap.add_argument("--split", choices=("measure", "build"), default="measure")
    ap.add_argument("--show", type=int, default=0)
    return ap.parse_args()


def split_paragraphs(split: str, script: str, count: int) -> list[str]:
    """The first ``count`` paragraphs of ``script`` in ``split`` ("measure" or "build")."""
    return (measure_paragraphs if split == "measure" else build_paragraphs)(script)[:count]
