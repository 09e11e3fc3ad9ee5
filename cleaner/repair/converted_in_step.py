"""Big5 mojibake that a script converter rewrote: its characters put back before the in-step reading.

Why: a Taiwan or Hong Kong page read as GBK (Big5 read by a GBK decoder: 作家 shows as ェ產ェ…)
is often converted to Simplified afterwards (OpenCC t2s on a mirror or an aggregator). The
mojibake's Traditional-form characters are rewritten (產 becomes 产, 緄 绲), their GBK bytes are
no longer the Big5 bytes the decoder read, and the in-step reading (``resync``) reads a wrong
Traditional character at each (療養 came back 療蝯, 寫 譝, 鋼鐵 鋼婄).

``converted_mojibake`` puts such characters back for a UTF-8 source, where the bytes decide: the
choice must make the line UTF-8. Big5's pairs take almost any GBK character's two bytes, so the
bytes do not decide here, and the script does: a GBK reading of Big5 holds characters of both
scripts' own forms (3 Traditional-only ones at least in each of 53 measured Wikipedia paragraphs,
``script_only``), a page converted to one script afterwards holds none of the other's. Only lines
the in-step reading changed are looked at, only where all of them together hold none of one
script's own forms (and ``MIN_HAN`` Han characters at least, so that the absence says something);
each character a converter to the other script writes may then stand for itself or for any GBK
character that converter turns into it, chosen by the character model on the Big5 reading of a
window around it (ties keep it as written). The in-step reading reads the restored lines again,
and the result is kept only where those lines then read better (``MIN_GAIN`` a character).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from cleaner.langmodel import per_char
from cleaner.repair.converted_mojibake import WINDOW, _gbk, gbk_chars, read_if_better
from cleaner.repair.mojibake import MojibakeRepair
from cleaner.script.fold import converter, script_only
from cleaner.tablecache import cached

# Han characters the changed lines must hold for the absence of one script's forms to count. A
# GBK reading of Big5 shows a Traditional-only form for 6.3 % of its Han (measured Wikipedia
# paragraphs), so 12 Han without one happen by chance about one line in two: the absence only
# opens the way, each character put back must still make the line's reading better (``_kept``),
# and the line as a whole too (``MIN_GAIN``). A title line of Big5 read as GBK shows 12-20 Han.
MIN_HAN = 12
# Mean gain of the model's log-probability per character of a restored line the reading must
# show: the choice was made by the model already, so a reading that only moves noise is refused.
MIN_GAIN = 0.05


def restore(before: str, repaired: MojibakeRepair, reread: Callable[[str], MojibakeRepair]) -> MojibakeRepair:
    """``repaired`` (``reread(before)``, the in-step reading), or the reading of ``before`` with the
    converted characters of the lines it changed put back, when those lines then read better."""
    if repaired.text == before:
        return repaired  # the common case: nothing read in step
    lines, read = before.split("\n"), repaired.text.split("\n")
    if len(lines) != len(read):
        return repaired  # the reading moved line breaks: lines no longer correspond
    changed = [i for i, (a, b) in enumerate(zip(lines, read, strict=True)) if a != b]
    config = converted_by(lines[i] for i in changed)
    if config is None:
        return repaired
    restored = list(lines)
    for i in changed:
        restored[i] = _kept(lines[i], unconvert(lines[i], config), reread)
    tried = [i for i in changed if restored[i] != lines[i]]
    if not tried:
        return repaired
    return read_if_better(restored, read, tried, reread, per_char, MIN_GAIN) or repaired


def _kept(line: str, restored: str, reread: Callable[[str], MojibakeRepair]) -> str:
    """``restored`` without each character put back whose own reading of the line reads worse
    than the one written: the window a character is chosen by is short, and a choice that reads
    better there may put the in-step reading of the whole line out of step (花蓮 for 索契)."""
    if restored == line:
        return line
    best, best_score = restored, _score(reread(restored).text)
    for at in [k for k, (a, b) in enumerate(zip(line, restored, strict=True)) if a != b]:
        trial = best[:at] + line[at] + best[at + 1 :]
        score = _score(reread(trial).text)
        if score > best_score:
            best, best_score = trial, score
    return best


def _score(text: str) -> float:
    """The model's log-probability of a reading; a U+FFFD counts as a very unlikely character."""
    return per_char(text) * len(text) - 10.0 * text.count("\ufffd")


def converted_by(lines) -> str | None:
    """The converter (``t2s.json`` or ``s2t.json``) the misread ``lines`` went through, when they
    hold none of the other script's own forms and enough Han characters to tell; else None."""
    text = "".join(lines)
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    if han < MIN_HAN:
        return None
    if not any(ch in script_only("traditional") for ch in text):
        return "t2s.json"
    if not any(ch in script_only("simplified") for ch in text):
        return "s2t.json"
    return None


def unconvert(line: str, config: str) -> str:
    """``line`` with each character ``config`` writes read as the one (itself, or a GBK character
    ``config`` turns into it) whose Big5 reading reads best with its neighbours, left to right: one
    that is not as written by ``CHANGE_GAIN`` at least."""
    sources = _sources(config)
    chosen = list(line)
    for i, ch in enumerate(line):
        options = sources.get(ch)
        if not options:
            continue
        lo, hi = max(0, i - WINDOW), min(len(line), i + WINDOW + 1)
        before, after = chosen[lo:i], chosen[i + 1 : hi]
        marks, score = _reading(before, ch, after)
        best_marks, best_score, best = max((*_reading(before, option, after), option) for option in options)
        if best_marks > marks or (best_marks == marks and best_score > score + CHANGE_GAIN):
            chosen[i] = best
    return "".join(chosen)


# Log-probability (the window's sum) a character read otherwise must gain over the one written: a
# converted character's Big5 reading is a rare one beside common ones (療蝯 for 療養 gains about
# 9), one left as written already reads (缂 read out of step, 1.5 from 緙's reading).
CHANGE_GAIN = 4.0


def _reading(before: list[str], option: str, after: list[str]) -> tuple[int, float]:
    """(minus the U+FFFD, the model's score) of a window's Big5 reading, in step or
    one byte out (a decoder's mark is one lost lead: the pairs after it may be shifted by a byte)."""
    data = b"".join(_gbk(c) or LOST_LEAD for c in (*before, option, *after))
    # A window's edges cut pairs: a mark there says nothing about the option.
    reads = (data.decode("cp950", errors="replace").strip("\ufffd"),
             data[1:].decode("cp950", errors="replace").strip("\ufffd"))
    return max((-read.count("\ufffd"), per_char(read) * len(read)) for read in reads)


@lru_cache(maxsize=2)
def _sources(config: str) -> dict[str, tuple[str, ...]]:
    """{a character ``config`` writes: the GBK characters it writes it for}, saved for the next
    process (every GBK character through OpenCC)."""
    import opencc

    return cached(f"converted_sources_{config}", [opencc.__file__, __file__], "1", lambda: _build_sources(config))


def _build_sources(config: str) -> dict[str, tuple[str, ...]]:
    chars = gbk_chars()
    out: dict[str, set[str]] = {}
    # A character a line, so that no phrase of the converter spans two.
    converted = converter(config).convert("\n".join(chars)).split("\n")
    for ch, new in zip(chars, converted, strict=True):
        if new != ch and len(new) == 1:
            out.setdefault(new, set()).add(ch)
    return {new: tuple(sorted(olds)) for new, olds in out.items()}


# What a U+FFFD stands for: a GBK decoder rejects a Big5 pair it lacks by its lead alone and reads
# the trail again, so the mark is a lead byte, and the pair it began is read out of step from the
# trail on. Any lead keeps the window's pairs in step (a4 is Big5's most common).
LOST_LEAD = b"\xa4"
