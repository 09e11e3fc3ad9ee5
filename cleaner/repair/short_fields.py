"""A short field misread as GBK inside clean prose, read back where its bytes read exactly.

A page built from a template and database fields may have one field's UTF-8 read as GBK and
joined into clean text (据新华社报道，浜哄伐鏅鸿兘今天宣布…: 人工智能). The mojibake repair looks
for misread stretches by their rare characters, and such a stretch may hold none (浜哄伐鏅鸿兘
and 鍗庝负 are GBK's second-level but not rare characters), so it was neither read nor reported.

Here every run of Han is turned into its GBK bytes, and each stretch of it whose bytes read as
strict UTF-8 Chinese, from a character of the run to a character of it, with no byte lost, is a
candidate. It is taken only if its reading is all common characters, reads as Chinese
(``FLUENT``), and scores at least FIELD_GAIN per character better than the stretch by the
character model, and the stretch itself does not (``JUNK``); one that gains REPORT_GAIN but not
FIELD_GAIN (a two-character field cut from a word: 鍗宠瘺, 即诛) is left as it is and reported. Clean text whose GBK bytes read as
UTF-8 by chance gives Extension A characters (e4 80-b7) or rare ones, and fails there; the
measured false positives stay at zero on every Wikipedia paragraph of both scripts.
"""

from __future__ import annotations

import re

from cleaner.langmodel import per_char
from cleaner.model import Finding
from cleaner.repair import decoders
from cleaner.repair.mojibake import MojibakeRepair, count_rare

_HAN_RUN = re.compile("[\u4e00-\u9fff]{3,}")  # a two-character field is three GBK characters or more
_UTF8_HAN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2})+")  # UTF-8 of U+4E00-9FFF, two or more
FLUENT = -9.0  # per-character log-probability a reading must beat (as mojibake._reads_better)
JUNK = -9.0  # and the stretch must not
FIELD_GAIN = 4.0  # per character, above mojibake.GAIN: nothing marks these stretches but the reading
REPORT_GAIN = 2.5  # per character: a reading this much better is reported, the stretch left as it is


def _best(run: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, reading, taken) of the stretches of ``run`` that read, in order, not
    overlapping: taken, or (gaining REPORT_GAIN only) to be reported and left as they are."""
    stream, ends = decoders.byte_view(run, decoders.GBK_FAMILY)
    if len(ends) < len(run) or None in stream:
        return []
    data = bytes(stream)
    char_at = {0: 0, **{end: k + 1 for k, end in enumerate(ends)}}
    out = []
    for m in _UTF8_HAN.finditer(data):
        bounds = [b for b in range(m.start(), m.end() + 1, 3) if b in char_at]
        best = None
        for i, a in enumerate(bounds):
            for b in bounds[i + 1 :]:
                if b - a < 6:
                    continue
                reading = data[a:b].decode("utf-8")
                stretch = run[char_at[a] : char_at[b]]
                if count_rare(reading):
                    continue
                before, after = per_char(stretch), per_char(reading)
                if after > FLUENT and before < JUNK and after >= before + REPORT_GAIN:
                    taken = after >= before + FIELD_GAIN
                    key = (taken, len(reading), after - before)
                    if best is None or key > best[0]:
                        best = (key, char_at[a], char_at[b], reading, taken)
        if best:
            out.append(best[1:])
    return out


def _starts_a_reading() -> re.Pattern:
    """The characters a stretch's reading starts at: GBK bytes (e4-e9, 80-bf), a UTF-8 lead of
    U+4E00-9FFF and its first continuation. GBK's second-level rows, rare in clean text: a run
    holding none of them has no stretch to read, and is passed over at C speed."""
    chars = []
    for lead in range(0xE4, 0xEA):
        for trail in range(0x80, 0xC0):
            try:
                chars.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return re.compile("[" + "".join(chars) + "]")


_STARTS = _starts_a_reading()


def _runs_with_a_start(text: str) -> list[re.Match]:
    """The runs of Han (``_HAN_RUN``'s matches) holding a character a reading starts at, in
    order, found from those characters (few on a clean page) rather than from every run (a
    paragraph is dozens of runs between its punctuation)."""
    runs: list[re.Match] = []
    end = 0
    for start in _STARTS.finditer(text):
        at = start.start()
        if at < end or not "\u4e00" <= text[at] <= "\u9fff":
            continue  # in the run found last, or no Han (so in no run)
        while at and "\u4e00" <= text[at - 1] <= "\u9fff":
            at -= 1
        m = _HAN_RUN.match(text, at)
        if m is None:  # a run of fewer than three
            end = start.end()
            continue
        runs.append(m)
        end = m.end()
    return runs


def repair(text: str) -> MojibakeRepair:
    """``text`` with each short misread field read back (see the module's doc); a stretch that
    reads, but not by enough to be taken, is left as it is with an ``unrepaired-mojibake``
    finding naming its reading (at its place in the text returned)."""
    pieces, done, count, findings, shift = [], 0, 0, [], 0
    for m in _runs_with_a_start(text):
        for a, b, reading, taken in _best(m.group()):
            if not taken:
                findings.append(Finding("unrepaired-mojibake", m.start() + a + shift,
                                        f"{m.group()[a:b]} (may be UTF-8 read as GBK: {reading})"))
                continue
            pieces += [text[done : m.start() + a], reading]
            done = m.start() + b
            shift += len(reading) - (b - a)
            count += 1
    if not count:
        return MojibakeRepair(text, 0, findings)
    pieces.append(text[done:])
    return MojibakeRepair("".join(pieces), count, findings)
