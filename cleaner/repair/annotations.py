"""Undo the pinyin-annotation damage line by line (docs/corruption.md §1.2–§2).

A line with no ``?`` was decoded in step throughout, so its annotations ``X(pīn)`` are removed by
a fast regex pass. A shifted run can only start at a ``?`` (a swallowed byte), so a line with one
is re-decoded on its GBK byte view from that point on (``realign``); the text before the first
``?`` is in step and takes the fast pass. The other forms of annotation (any bracket, zhuyin, a
word followed by its syllables: annotation_notes) go where the page shows the damage's pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from cleaner import chunks
from cleaner.model import Finding
from cleaner.repair import annotation_notes as notes
from cleaner.repair.annotation_notes import BOPOMOFO, LETTERS, OPEN
from cleaner.repair.holes import guess_finding
from cleaner.repair.pinyin import SYLLABLE, TONE_MARKS, annotates, is_annotation_syllable
from cleaner.repair.pinyin import with_tone_mark as _with_tone_mark  # noqa: F401 (test_repair.py names it here)
from cleaner.repair.realign import realign
from cleaner.script.fold import fold_char

ANNOTATION = regex.compile(r"(?<=(\p{Han}))\((" + SYLLABLE.pattern + r")\)")
# What any other form of annotation needs: an opening bracket, a tone-marked letter (bare ruby),
# zhuyin.
_VARIANT_SIGN = re.compile("[" + OPEN + "".join(sorted(TONE_MARKS)) + BOPOMOFO + "]")


@dataclass
class PinyinRepair:
    text: str
    annotations: int = 0
    realigned_lines: int = 0
    inserted_bytes: int = 0
    findings: list[Finding] = field(default_factory=list)


def strip_annotations(text: str, forms: set[tuple[str, str]] | None = None) -> tuple[str, int]:
    """Drop well-formed annotations ``X(pīn)`` where X reads pīn, and the other forms' annotations
    (annotation_notes) in ``forms``, the forms the page shows the damage in (None: as ``text``
    shows it).

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

    if "(" in text:  # the damage's own bracket: most lines hold none
        text = ANNOTATION.sub(drop, text)
    if _VARIANT_SIGN.search(text) and _VARIANT_LETTER.search(text):
        text, variants = _strip_variants(text, forms)
        count += variants
    return text, count


# What every note holds: a letter of a syllable or zhuyin. A line with brackets but none of these
# (（2020）, 《书名》) is passed over at once.
_VARIANT_LETTER = re.compile("[" + LETTERS + BOPOMOFO + "]")


def _strip_variants(text: str, forms: set[tuple[str, str]] | None = None) -> tuple[str, int]:
    """``國（guó）務 (wu4) 院`` -> ``國務院`` where the damage's pattern shows.

    >>> _strip_variants("國（guó）務（wù）院")
    ('國務院', 2)
    >>> _strip_variants("这里的“长（zhǎng）”读第三声")
    ('这里的“长（zhǎng）”读第三声', 0)
    """
    found = notes.notes(text)
    if forms is None:
        forms = notes.damaged_forms(text, found)
    else:  # the page's pass judged ruby with the lines beside it, which this piece cannot see
        forms = forms | notes.damaged_forms(text, found, lesson_near=True)
    gone = notes.removable(text, found, forms)
    if not gone:
        return text, 0
    parts, last = [], 0
    for n in gone:
        parts.append(text[last:n.start])
        last = n.end
    parts.append(text[last:])
    return "".join(parts), len(gone)


@dataclass
class _Ruby:
    """A line (or a piece of a huge one) under ruby: where it is, and its notes."""
    start: int
    end: int
    piece: str
    found: tuple[notes.Note, ...]


def page_forms(text: str) -> set[tuple[str, str]]:
    """The forms of annotation ``text`` shows the damage in, on some line (or piece of a huge line)
    or scattered over its lines: once it does, every note of those forms on the page goes."""
    forms = _page_forms(text, skip_known=True)
    return forms if forms is not None else _page_forms(text, skip_known=False)


def _page_forms(text: str, skip_known: bool) -> set[tuple[str, str]] | None:
    """``page_forms``; ``skip_known``: a line every note of which could only be of a form already
    found (``notes.possible_forms``) is not read for its notes. On a page with the damage, whose
    first lines show its form, that is nearly every line (the notes were two thirds of the pinyin
    repair's time outside the realign, on the seed chain's pages). Such a line can add a form only
    as part of a block under ruby, beside lines of a form not yet found (its block, a learner's
    layout): when a line under ruby shows one, None, and the page is read again without skipping."""
    forms: set[tuple[str, str]] = set()
    running: list[notes.Note] = []  # the notes of lines that are neither lessons nor ruby
    ruby: list[_Ruby] = []  # lines under ruby, judged with the lines beside them
    sign = _VARIANT_SIGN.search(text)
    while sign is not None:
        line_start = text.rfind("\n", 0, sign.start()) + 1
        line_end = text.find("\n", sign.start())
        line_end = len(text) if line_end < 0 else line_end
        at = line_start
        for piece in chunks.pieces(text[line_start:line_end]):
            if (_VARIANT_LETTER.search(piece) and not (skip_known and forms and notes.possible_forms(piece) <= forms)
                    and (found := notes.notes(piece))):
                if not notes.is_lesson(piece) and notes.under_ruby(piece, found):
                    ruby.append(_Ruby(at, at + len(piece), piece, found))
                elif any(n.form not in forms for n in found):  # a page damaged in one form says so early
                    forms |= notes.damaged_forms(piece, found)
                if notes.running_text(piece, found):
                    running += found
            at += len(piece)
        sign = _VARIANT_SIGN.search(text, line_end + 1)
    if skip_known and any(n.form not in forms for r in ruby for n in r.found):
        return None  # the blocks below may add a form, and the lines passed over may be in them
    blocks = _blocks(text, ruby)
    # A learner's layout (numbered sentences, a dialogue, verse in a block; a pinyin line beside one;
    # sentences each followed by its translation) makes the page a lesson: its other blocks (a
    # title, a second text) are the lesson's too.
    lesson_page = bool(blocks) and notes.lesson_layout([[_bare(r) for r in block] for block in blocks],
                                                       [_line_after(text, block[-1].end) for block in blocks],
                                                       [line for block in blocks for line in _beside(text, block[0].start, block[-1].end).split("\n")])
    for block in blocks:
        lesson_near = lesson_page or notes.LESSON.search(_beside(text, block[0].start, block[-1].end)) is not None
        for r in block:
            if any(n.form not in forms for n in r.found):
                forms |= notes.damaged_forms(r.piece, r.found, lesson_near)
    # Only the forms not yet found can be added (each form is judged on its own notes): a damaged
    # page's notes are mostly of the forms its lines showed already, and were each judged again.
    # (The notes of a line passed over are all of those forms.)
    return forms | notes.scattered_forms([n for n in running if n.form not in forms])


def _line_after(text: str, end: int) -> str:
    """The first non-blank line after ``end``."""
    while end < len(text) and text[end].isspace():
        end += 1
    stop = text.find("\n", end)
    return text[end:len(text) if stop < 0 else stop]


def _bare(r: _Ruby) -> str:
    """A line under ruby without its notes: the text the ruby is over."""
    parts, last = [], 0
    for n in r.found:
        parts.append(r.piece[last:max(last, n.start)])
        last = max(last, n.end)
    parts.append(r.piece[last:])
    return "".join(parts)


def _blocks(text: str, ruby: list[_Ruby]) -> list[list[_Ruby]]:
    """Lines under ruby in a row (blank lines between them allowed): one text, a poem and its
    title, judged as one."""
    out: list[list[_Ruby]] = []
    for r in ruby:
        if out and not text[out[-1][-1].end:r.start].strip():
            out[-1].append(r)
        else:
            out.append([r])
    return out


BESIDE_LINES, BESIDE_CHARS = 2, 200


def _beside(text: str, start: int, end: int) -> str:
    """The lines beside ``text[start:end]``, two non-blank ones before and two after (the nearest
    200 characters of each): where a lesson's heading or instruction stands (拼音儿歌, 请给下列汉字注音)."""
    out = []
    at = start
    for _ in range(BESIDE_LINES):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        if at == 0:
            break
        stop, at = at, text.rfind("\n", 0, at) + 1
        out.append(text[max(at, stop - BESIDE_CHARS):stop])
    at = end
    for _ in range(BESIDE_LINES):
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            break
        begin, at = at, text.find("\n", at)
        at = len(text) if at < 0 else at
        out.append(text[begin:min(at, begin + BESIDE_CHARS)])
    return "\n".join(out)


def _is_annotation(m: regex.Match) -> bool:
    return _annotation_pair(m.group(1), m.group(2))


@lru_cache(maxsize=1 << 16)
def _annotation_pair(ch: str, syllable: str) -> bool:
    """Is ``(syllable)`` after ``ch`` the damage's annotation? A page repeats its pairs (國(guó)
    many times), and each answer takes several table and OpenCC look-ups."""
    return is_annotation_syllable(syllable) and annotates(ch, syllable)


def looks_annotated(text: str) -> bool:
    """Cheap detector: does the text carry at least one pinyin annotation?"""
    return any(_is_annotation(m) for m in ANNOTATION.finditer(text)) or ("?" in text and _has_hole_group(text))


def _only_glosses(text: str, forms: set[tuple[str, str]]) -> bool:
    """Every annotation ``X(pīn)`` on the page sits on a character both scripts write alike
    (荨(qián)麻, a lesson's 银行(háng)和行(xíng)走), and no form shows the damage's pattern
    (``forms``): glosses that explain readings. The damage annotates Traditional characters
    (docs/corruption.md; on the seed pages all 1,008 of its annotations sit on a character the
    Simplified script writes otherwise), or common ones at random."""
    found = False
    for m in ANNOTATION.finditer(text):
        if _is_annotation(m):
            if fold_char(m.group(1)) != m.group(1):
                return False
            found = True
    return found and not forms


_HOLE_GROUP = regex.compile(r"\?(" + SYLLABLE.pattern + r")\)")


def _has_hole_group(text: str) -> bool:
    return any(is_annotation_syllable(m.group(1)) for m in _HOLE_GROUP.finditer(text))


_SHIFT_SIGNATURE = regex.compile(r"\?!(?:\p{Han}|\?|$)")


SHIFT_REACH = 2  # characters after a shift's sign that its swallowed bytes shifted (realign's to read)


def shift_spans(line: str) -> list[tuple[int, int]]:
    """Where ``line`` shows a shifted run realign reads: each "?" before a syllable and its ")"
    (变?yōu)榧夹g), or a ``?!`` shift, with the ``SHIFT_REACH`` characters after it, which the
    swallowed bytes put out of step. Other stages leave these places to realign."""
    if "?" not in line:
        return []
    signs = [m for m in _HOLE_GROUP.finditer(line) if is_annotation_syllable(m.group(1))]
    signs += list(_SHIFT_SIGNATURE.finditer(line))
    return [(m.start(), m.end() + SHIFT_REACH) for m in signs]
# What every change below needs: a "?" (the realign of a shifted run) or what strip_annotations
# matches (_VARIANT_SIGN: a bracket, a tone-marked letter for bare ruby, zhuyin).
_MAY_CHANGE = re.compile("[?" + OPEN + "".join(sorted(TONE_MARKS)) + BOPOMOFO + "]")


def _may_change(piece: str) -> bool:
    """Can ``_repair_piece`` change ``piece``? Most lines of a page hold none of the signs, and
    are passed over by one class search."""
    return _MAY_CHANGE.search(piece) is not None


def repair_pinyin(text: str, *, guess: bool = True, page_damaged: bool | None = None) -> PinyinRepair:
    """Undo the annotation damage; ``page_damaged``: ``looks_annotated(text)`` if already known."""
    result = PinyinRepair(text)
    if not _MAY_CHANGE.search(text):
        return result
    # Question marks are only re-decoded on pages that show the annotation damage at all:
    # elsewhere a "?" is a question mark.
    if page_damaged is None:
        page_damaged = looks_annotated(text)
    forms = page_forms(text) if _VARIANT_LETTER.search(text) else set()
    if _only_glosses(text, forms) and not ("?" in text and _has_hole_group(text)) and not _SHIFT_SIGNATURE.search(text):
        return result
    # Only a line holding a sign _repair_piece needs can change (_may_change): those are found
    # by one search over the page, and every other line is passed over without a look (nor a
    # copy: a page none of whose lines changed is returned as it came).
    out: list[str] = []
    done = delta = 0  # where the text is copied up to; how much longer the changed lines made it
    sign = _MAY_CHANGE.search(text)
    while sign is not None:
        line_start = text.rfind("\n", 0, sign.start()) + 1
        line_end = text.find("\n", sign.start())
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        offset = line_start + delta  # the line's place in the repaired text, for the findings
        # A huge line goes piece by piece (cut at sentence ends), so realign holds one piece's
        # tokens at a time; each piece reads on from the character before it.
        parts: list[str] = []
        changed = False
        for piece in chunks.pieces(line):
            before = parts[-1][-1:] if parts and parts[-1] else ""
            new = _repair_piece(piece, before, page_damaged, forms, guess, offset, result)
            changed = changed or new != piece
            parts.append(new)
            offset += len(new)
        if changed:  # an unchanged line is kept as it is: joining its pieces would copy a huge line
            new_line = "".join(parts)
            out += [text[done:line_start], new_line]
            done, delta = line_end, delta + len(new_line) - len(line)
        sign = _MAY_CHANGE.search(text, line_end + 1)  # the next line's sign, if any
    if out:
        out.append(text[done:])
        result.text = "".join(out)
    return result


def _repair_piece(piece: str, before: str, page_damaged: bool, forms: set[tuple[str, str]], guess: bool, offset: int,
                  result: PinyinRepair) -> str:
    if not _may_change(piece):
        return piece
    # The one-byte shift (docs/corruption.md §2.4: 。“ read as ?!半) marks a damaged line on any page.
    q = piece.find("?") if page_damaged or _SHIFT_SIGNATURE.search(piece) else -1
    head, tail = (piece, "") if q < 0 else (piece[:q], piece[q:])
    head, n = strip_annotations(head, forms)
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
        if forms:  # realign drops the damage's own (pīn); the page's other damaged notes go as before the "?"
            tail, n = strip_annotations(tail, forms)
            result.annotations += n
    return head + tail
