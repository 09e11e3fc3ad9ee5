"""Undo the pinyin-annotation damage line by line (docs/corruption.md §1.2–§2).

A line with no ``?`` was decoded in step throughout, so its annotations ``X(pīn)`` are removed by
a fast regex pass. A shifted run can only start at a ``?`` (a swallowed byte), so a line with one
is re-decoded on its GBK byte view from that point on (``realign``); the text before the first
``?`` is in step and takes the fast pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from cleaner import chunks
from cleaner.model import Finding
from cleaner.repair.holes import guess_finding
from cleaner.repair.pinyin import SYLLABLE, annotates, is_annotation_syllable
from cleaner.repair.realign import realign

ANNOTATION = regex.compile(r"(?<=(\p{Han}))\((" + SYLLABLE.pattern + r")\)")


@dataclass
class PinyinRepair:
    text: str
    annotations: int = 0
    realigned_lines: int = 0
    inserted_bytes: int = 0
    findings: list[Finding] = field(default_factory=list)


def strip_annotations(text: str) -> tuple[str, int]:
    """Drop well-formed annotations ``X(pīn)`` where X reads pīn.

    >>> strip_annotations("國(guó)務(wù)院(2020)應用(體驗)")
    ('國務院(2020)應用(體驗)', 2)
    """
    count = 0

    def drop(m: regex.Match) -> str:
        nonlocal count
        if _is_annotation(m):
            count += 1
            return ""
        return m.group(0)

    return ANNOTATION.sub(drop, text), count


def _is_annotation(m: regex.Match) -> bool:
    return is_annotation_syllable(m.group(2)) and annotates(m.group(1), m.group(2))


def looks_annotated(text: str) -> bool:
    """Cheap detector: does the text carry at least one pinyin annotation?"""
    return any(_is_annotation(m) for m in ANNOTATION.finditer(text)) or ("?" in text and _has_hole_group(text))


_HOLE_GROUP = regex.compile(r"\?(" + SYLLABLE.pattern + r")\)")


def _has_hole_group(text: str) -> bool:
    return any(is_annotation_syllable(m.group(1)) for m in _HOLE_GROUP.finditer(text))


_SHIFT_SIGNATURE = regex.compile(r"\?!(?:\p{Han}|\?|$)")


def repair_pinyin(text: str, *, guess: bool = True, page_damaged: bool | None = None) -> PinyinRepair:
    """Undo the annotation damage; ``page_damaged``: ``looks_annotated(text)`` if already known."""
    result = PinyinRepair(text)
    if "(" not in text and "?" not in text:
        return result
    # Question marks are only re-decoded on pages that show the annotation damage at all:
    # elsewhere a "?" is a question mark.
    if page_damaged is None:
        page_damaged = looks_annotated(text)
    out_lines = []
    offset = 0
    for line in text.split("\n"):
        # A huge line goes piece by piece (cut at sentence ends), so realign holds one piece's
        # tokens at a time; each piece reads on from the character before it.
        parts: list[str] = []
        changed = False
        for piece in chunks.pieces(line):
            before = parts[-1][-1:] if parts and parts[-1] else ""
            new = _repair_piece(piece, before, page_damaged, guess, offset, result)
            changed = changed or new != piece
            parts.append(new)
            offset += len(new)
        # An unchanged line is kept as it is: joining its pieces would copy a huge line.
        out_lines.append("".join(parts) if changed else line)
        offset += 1
    result.text = "\n".join(out_lines)
    return result


def _repair_piece(piece: str, before: str, page_damaged: bool, guess: bool, offset: int, result: PinyinRepair) -> str:
    # The one-byte shift (docs/corruption.md §2.4: 。“ read as ?!半) marks a damaged line on any page.
    q = piece.find("?") if page_damaged or _SHIFT_SIGNATURE.search(piece) else -1
    head, tail = (piece, "") if q < 0 else (piece[:q], piece[q:])
    head, n = strip_annotations(head)
    result.annotations += n
    if tail:
        rep = realign(tail, head[-1:] if head else before, guess=guess)
        if rep.text != tail:
            result.realigned_lines += 1
            result.annotations += rep.annotations
            result.inserted_bytes += rep.inserted_bytes
            for g in rep.guesses:
                result.findings.append(guess_finding(g.kind, offset + len(head) + g.position, g.char, g.alternative, g.margin))
        tail = rep.text
    return head + tail
