"""Mojibake that a script converter rewrote before it reached us: its characters put back.

Why: a page misread (UTF-8 read as GBK: 挪威 shows as 鎸�濞) and then converted between scripts
by another tool (OpenCC t2s on a mirror, s2t on a Taiwan or Hong Kong site, a wiki's variant
conversion) has some of its wrong characters replaced by their other-script forms (鎸 becomes 镌,
紙 纸, 鐨 镄). Their GBK bytes are no longer the bytes the decoder read, so the byte repairs either
leave the run as mojibake or read it wrong around the changed characters.

The mechanism: on each line the byte repairs changed or left holding a stretch judged mojibake,
each character of the line *as it was before those repairs* may stand for itself or for any GBK
character a converter turns into it (the inverse of t2s and of s2t over GBK's characters). The
choice that makes the line's GBK bytes most nearly UTF-8 is taken (a UTF-8 byte automaton; a
U+FFFD is a byte that could be anything; ties keep the character as written), and the byte repair
reads the restored lines again. The result is kept only where those lines then read clearly
better under the character model (``MIN_GAIN``). A line the repairs neither changed nor judged
misread is never touched, so clean text in either script is not.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import opencc

from cleaner import warm_tables
from cleaner.langmodel import per_char
from cleaner.repair import mojibake
from cleaner.repair.mojibake import MojibakeRepair
from cleaner.script.fold import converter
from cleaner.tablecache import cached

_CHANGE = 0.01  # the cost of reading a character as another: ties keep it as written


def restore(before: str, repaired: MojibakeRepair, reread: Callable[[str], MojibakeRepair]) -> MojibakeRepair:
    """``repaired`` (``reread(before)``), or the reading of ``before`` with the converted
    characters of its misread lines put back, when those lines then read better."""
    spans = mojibake.unrepaired_spans(repaired.text)
    if repaired.text == before and not spans:
        return repaired  # the common case: nothing misread
    lines, read = before.split("\n"), repaired.text.split("\n")
    if len(lines) != len(read):
        return repaired  # the repairs moved line breaks: lines no longer correspond
    flagged = {repaired.text.count("\n", 0, start) for start, _ in spans}
    # The model's judgement first: the converters' table is built only for a page that has a
    # line worth trying (most pages whose mojibake the re-read repaired have none).
    suspects = [i for i, line in enumerate(lines) if _misread(line, read[i], i in flagged)]
    if not suspects:
        return repaired
    sources = _sources()
    restored = list(lines)
    for i in suspects:
        if any(ch in sources for ch in lines[i]):  # holds a character a converter writes
            restored[i] = unconvert(lines[i])
    changed = [i for i, (a, b) in enumerate(zip(lines, restored, strict=True)) if a != b]
    if not changed:
        return repaired
    return read_if_better(restored, read, changed, reread, _line_score, MIN_GAIN) or repaired


def read_if_better(restored: list[str], read: list[str], changed: list[int], reread: Callable[[str], MojibakeRepair],
                   score: Callable[[str], float], min_gain: float) -> MojibakeRepair | None:
    """The reading of the ``restored`` lines (their converted characters put back), if its
    ``changed`` lines read better than in the first reading ``read`` by ``min_gain`` a line under
    ``score``; None if not, or if the reading moved line breaks."""
    again = reread("\n".join(restored))
    read_again = again.text.split("\n")
    if len(read_again) != len(read):
        return None
    gain = sum(score(read_again[i]) - score(read[i]) for i in changed)
    if gain <= min_gain * len(changed):
        return None
    return MojibakeRepair(again.text, again.count + len(changed), again.findings)


MIN_GAIN = 1.0  # mean gain of the model's log-probability per character, per restored line
# A line the re-read made read better than this per character is taken as read: lines of UTF-8
# read as GBK and re-read score -5.1 per character (median, the lowest -7.1, on 60 Wikipedia
# paragraphs), the same lines converted with t2s before the re-read -10.2 (the highest -6.6).
TRY_BELOW = -6.5


def _misread(line: str, read: str, flagged: bool) -> bool:
    """A line the re-read left misread, or changed into something that still reads badly."""
    return flagged or (line != read and _line_score(read) < TRY_BELOW)


def _line_score(line: str) -> float:
    """Per character; a U+FFFD counts as a character the model finds very unlikely."""
    return per_char(line) - 10.0 * line.count("\ufffd") / max(len(line), 1)


def unconvert(line: str) -> str:
    """``line`` with each character read as the one (itself or a GBK character a converter turns
    into it) that makes the line's GBK bytes most nearly UTF-8.

    >>> unconvert("镌�濞佹捣铻�铏撅纸瀛﹀悕")  # 挪威海螯虾（学名, misread, then t2s
    '鎸�濞佹捣铻�铏撅紙瀛﹀悕'
    """
    sources = _sources()
    if not any(ch in sources for ch in line):
        return line
    # Viterbi over characters; the state between two is how many UTF-8 continuation bytes are due.
    costs = {0: 0.0}
    back: list[dict[int, tuple[int, str]]] = []
    for ch in line:
        step: dict[int, tuple[float, int, str]] = {}
        for option in (ch, *sources.get(ch, ())):
            data = _gbk(option)
            extra = 0.0 if option == ch else _CHANGE
            for state, cost in costs.items():
                for end, penalty in _run(state, data):
                    total = cost + penalty + extra
                    if end not in step or total < step[end][0]:
                        step[end] = (total, state, option)
        costs = {end: value[0] for end, value in step.items()}
        back.append({end: (value[1], value[2]) for end, value in step.items()})
    state = min(costs, key=lambda s: (costs[s] + (s > 0), s))
    out = []
    for choice in reversed(back):
        state, option = choice[state]
        out.append(option)
    out.reverse()
    return "".join(_by_model(line, out, sources))


WINDOW = 4  # characters each side of a choice whose bytes the model reads to decide it


def _by_model(line: str, chosen: list[str], sources: dict[str, tuple[str, ...]]) -> list[str]:
    """``chosen`` with each character that had other options decided again, left to right, by
    the reading of its neighbourhood: where several options keep the bytes UTF-8 (醑 and 金's
    misread forms both do), the character model picks the one that reads as Chinese."""
    for i, ch in enumerate(line):
        options = (ch, *sources.get(ch, ()))
        if len(options) < 2:
            continue
        lo, hi = max(0, i - WINDOW), min(len(line), i + WINDOW + 1)
        best, best_key = chosen[i], None
        for option in options:
            key = (*_reading(chosen[lo:i], option, chosen[i + 1 : hi]), option == ch)
            if best_key is None or key > best_key:
                best, best_key = option, key
        chosen[i] = best
    return chosen


def _reading(before: list[str], option: str, after: list[str]) -> tuple[int, float]:
    """(minus the U+FFFD, the model's score per character) of the UTF-8 reading of a window's
    bytes. A U+FFFD right beside the option is a byte that could be anything: each continuation
    byte is tried there (the best counts); farther ones read as a bad byte."""
    window = [*before, option, *after]
    at = len(before)
    hole = next((j for j in (at + 1, at - 1) if 0 <= j < len(window) and window[j] == "\ufffd"), None)
    # The bytes around the hole are the same for every fill: joined once.
    parts = [_gbk(c) or b"\x80" for c in window]
    if hole is None:
        fills, head, tail = (b"",), b"".join(parts), b""
    else:
        fills, head, tail = _FILLS, b"".join(parts[:hole]), b"".join(parts[hole + 1 :])
    reads = {}
    for fill in fills:
        read = (head + fill + tail).decode("utf-8", errors="replace")
        reads.setdefault(read, -read.count("\ufffd"))
    # The fewest U+FFFD come first in the key: only those readings are scored (the model's score
    # is the cost; most of the 64 fills of a hole read as one of a few texts).
    fewest = max(reads.values())
    return fewest, max(per_char(read) for read, marks in reads.items() if marks == fewest)


_FILLS = tuple(bytes([fill]) for fill in range(0x80, 0xC0))  # what a byte under a U+FFFD beside a choice may be


def _run(state: int, data: bytes | None) -> list[tuple[int, float]]:
    """(state after, invalid bytes) of ``data`` read from ``state`` by a UTF-8 decoder; None is
    a byte that could be anything (under a U+FFFD)."""
    if data is None:
        return [(state - 1, 0.0)] if state else [(0, 0.0), (1, 0.0), (2, 0.0)]
    bad = 0
    for byte in data:
        if state and 0x80 <= byte <= 0xBF:
            state -= 1
            continue
        if state:
            bad += 1  # a character cut short: the decoder starts again at this byte
            state = 0
        if byte < 0x80:
            state = 0
        elif 0xC2 <= byte <= 0xDF:
            state = 1
        elif 0xE0 <= byte <= 0xEF:
            state = 2
        elif 0xF0 <= byte <= 0xF4:
            state = 3
        else:
            bad += 1
    return [(state, float(bad))]


@lru_cache(maxsize=1 << 14)
def _gbk(ch: str) -> bytes | None:
    if ch == "\ufffd":
        return None
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        return b"\xff"  # no GBK decoder shows it: a byte no UTF-8 has


@warm_tables.table
@lru_cache(maxsize=1)
def _sources() -> dict[str, tuple[str, ...]]:
    """{a character a converter writes: the GBK characters it writes it for} (``CONFIGS``), saved
    for the next process (a third of a second to build: every GBK character through OpenCC)."""
    return cached("converted_sources", [opencc.__file__, __file__], "2", _build_sources)


# The converters whose writing is undone: both directions, and the regional forms.
CONFIGS = ("t2s.json", "s2t.json", "s2tw.json", "s2hk.json", "tw2s.json", "hk2s.json")


def gbk_chars() -> list[str]:
    """Every character of GBK's two-byte codes, in code order."""
    chars = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                chars.append(bytes([lead, trail]).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return chars


def _build_sources() -> dict[str, tuple[str, ...]]:
    chars = gbk_chars()
    out: dict[str, set[str]] = {}
    # Taiwan's and Hong Kong's forms too: s2tw writes 嫻 for 娴 (s2t: 嫺), 潀 for 潨.
    for config in CONFIGS:
        # A character a line, so that no phrase of the converter spans two.
        converted = converter(config).convert("\n".join(chars)).split("\n")
        for ch, new in zip(chars, converted, strict=True):
            if new != ch and len(new) == 1:
                out.setdefault(new, set()).add(ch)
    return {new: tuple(sorted(olds)) for new, olds in out.items()}
