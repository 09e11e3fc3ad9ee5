"""Double-encoded text: a page's bytes read by a wrong decoder (浣犲ソ -> 你好, ä¸­ -> 中, ·¢Õ¹ -> 发展).

UTF-8, GBK and Big5 sources, through the GBK-, Big5- and single-byte-family decoders of
``decoders``; lost and dropped bytes are read by ``reread``.

Spans are repaired only where the result is clearly better under the character model; real rare
characters stay.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate, combinations, product
from typing import NamedTuple

import regex

from cleaner import _native, leftovers, pagefacts, warm_tables
from cleaner.langmodel import AFTER_DIGIT, model, per_char
from cleaner.model import Finding
from cleaner.repair import annotation_letters, context, decoders, gbk, holes, latin_layers, reread, startgate, variants
from cleaner.repair.pinyin import SYLLABLE, annotates, has_tone, with_tone_mark, zhuyin_as_pinyin
from cleaner.script.fold import fold, fold_sensitive
from cleaner.textedit import replace_at

# Runs of non-ASCII characters that could be GBK-decoded UTF-8: UTF-8 Chinese is 3 bytes a
# character, so a run of n GBK characters holds about 2n/3 Chinese characters.
# A lone ASCII letter or sign glued after a non-ASCII character belongs to the run: Big5 trail
# bytes 40-7e that GBK did not pair show as that byte (工 = a4 75 reads as "\ufffdu"). Latin
# letters next to ASCII letters are words (pinyin "diào", "Café"), never part of a run.
# One ideographic space between two such characters belongs to it too: it is GBK's a1 a1, which
# UTF-8 writes inside 衡 (e8 a1 a1), so 平衡 read as GBK is 骞宠\u3000 (b3 e8, then a1 a1), and a
# run cut at the space read e8 as a lead whose bytes were lost (平而).
_LATIN = "\u00c0-\u024f"
_CJK_RUN = regex.compile(
    rf"(?:[^\x00-\x7f\s{_LATIN}]"
    rf"|[{_LATIN}](?<![A-Za-z].)(?![A-Za-z])"
    rf"|(?<=[^\x00-\x7f\s{_LATIN}])[\x40-\x7e](?![\x40-\x7e])"
    rf"|(?<=[^\x00-\x7f\s{_LATIN}])\u3000(?=[^\x00-\x7f\s{_LATIN}]))+"
)

@warm_tables.table
@lru_cache(maxsize=1)
def _ftfy_config():
    """ftfy and its configuration, imported on the first page that shows misread UTF-8: ftfy and
    what it imports cost 45-55 ms of every process's start, and most pages never call it."""
    import ftfy

    return ftfy, ftfy.TextFixerConfig(
        # Only undo the encoding mix-up: the defaults also uncurl “ ” and push fullwidth Chinese
        # punctuation to ASCII (fix_character_width), which damages Chinese text.
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


class MojibakeRepair(NamedTuple):
    """What a mojibake repair returns: the text, the spans it re-read, and a finding per guess."""

    text: str
    count: int
    findings: list[Finding]


def splice(text: str, repairs: list[tuple[int, int, MojibakeRepair]]) -> MojibakeRepair:
    """``text`` with each (start, end) span replaced by its repair (spans apart): the counts
    added up, each repair's findings moved to their offsets in the returned text."""
    pieces: list[str] = []
    findings: list[Finding] = []
    done = out_len = count = 0
    for start, end, fixed in sorted(repairs, key=lambda r: r[0]):
        out_len += start - done
        pieces += [text[done:start], fixed.text]
        findings += [replace(f, position=f.position + out_len) for f in fixed.findings]
        out_len += len(fixed.text)
        done = end
        count += fixed.count
    pieces.append(text[done:])
    return MojibakeRepair("".join(pieces), count, findings)


# The kind of the finding for a character chosen among those its lost or dropped bytes allow.
GUESS_KIND = "lost-byte"

# A guessed character: (offset in the repaired text, the choice with its runner-up and margin).
Guessed = tuple[int, holes.Choice]


def fix_utf8_as_gbk(text: str, skip_lines_with: str = "") -> tuple[str, int]:
    """Re-read runs that are UTF-8 (or Big5) bytes decoded as GBK; (text, repairs made).

    ``skip_lines_with``: runs on lines holding this string are left alone, unless the line also
    holds U+FFFD (bytes a lenient GBK decoder lost: the mark of double encoding itself).

    >>> fix_utf8_as_gbk("他说：鍙戝睍是硬道理")
    ('他说：发展是硬道理', 1)
    """
    text, count, _ = repair_utf8_as_gbk(text, skip_lines_with)
    return text, count


def repair_utf8_as_gbk(text: str, skip_lines_with: str = "", guess: bool = True) -> MojibakeRepair:
    """``fix_utf8_as_gbk`` with a ``lost-byte`` finding for every guessed character.

    A guessed character is one whose bytes were under a U+FFFD or dropped: it was chosen by the
    character model among the characters those bytes allow. A finding's position is its offset
    in the text this function returns. ``guess=False``: the readings are chosen as with guessing
    on, then every guessed character is written as U+FFFD (the finding still names the model's
    choice, its runner-up and the margin).
    """
    text, letters = annotation_letters.reread_gbk(text)
    if not _looks_misread(text):
        return MojibakeRepair(text, letters, [])  # the common case, decided by one C-speed search
    plain = _repair_gbk_family(text, skip_lines_with, guess, letters)
    paired, euros = _euro_pairs(text)
    if not euros:
        return plain
    # Tried, not assumed: a browser's € before a mark (80, then a lead byte cut off at the end of
    # a span) is the lone byte. The reading that leaves fewer misread-looking characters is taken.
    trial = _repair_gbk_family(paired, skip_lines_with, guess, letters)
    trial = MojibakeRepair(trial.text.replace(decoders.EURO_PAIR, "\u20ac"), trial.count, trial.findings)
    return trial if _left_misread(trial.text) < _left_misread(plain.text) else plain


def _left_misread(text: str) -> int:
    return count_rare(text) + len(_MARK.findall(text))


def _euro_pairs(text: str) -> tuple[str, bool]:
    """``text`` with each € that stands for the pair a2 e3 written as ``decoders.EURO_PAIR``;
    (text, any written).

    Python's gb18030 reads a2 e3 as € and rejects a lone 80: UTF-8 for a character ending in a2
    before 。 or 、 (e3 80 82, e3 80 81: 院。 is e9 99 a2 e3 80 82) comes out `€�`, and nearly
    every € of such a page stands before a U+FFFD (112 of 115 on the build split). A browser's
    gbk reads the lone 80 as € itself, everywhere (23,258 €, 1,537 of them before a U+FFFD): on a
    page where fewer than 9 in 10 of its € stand before a U+FFFD, each € is tried as the bytes its
    neighbours' UTF-8 needs (``decoders.euros_read``: 院。 is e9 99 a2 e3 80 82, which shows
    闄€€傝, the pair and then the lone byte; read as two lone bytes it came back 陀€傝繖). With
    ``errors="ignore"`` (no U+FFFD on the page) the 80 is gone and every € is tried as the pair.
    """
    if "\u20ac" not in text or decoders.EURO_PAIR in text:
        return text, False
    if "\ufffd" not in text:  # errors="ignore": the 80 after the pair is gone, every € is the pair
        return text.replace("\u20ac", decoders.EURO_PAIR), True
    if 10 * text.count("\u20ac\ufffd") < 9 * text.count("\u20ac"):
        # A browser's gbk: its € is the lone 80 as often as the pair, each read by its neighbours.
        paired = decoders.euros_read(text)
        return paired, paired != text
    return text.replace("\u20ac\ufffd", decoders.EURO_PAIR + "\ufffd"), True


def _repair_gbk_family(text: str, skip_lines_with: str, guess: bool, letters: int) -> MojibakeRepair:
    """``repair_utf8_as_gbk`` on a text that looks misread."""
    tally: Counter = Counter()
    decoder = _page_gbk_decoder(text)
    shown = text
    text, count, guessed = _passes(text, skip_lines_with, [], tally, decoder)
    page_reading = _consensus(tally)
    if page_reading and not skip_lines_with:
        text, lone = _lone_characters(text, *page_reading)
        count += lone
    if _consensus(tally, two_byte=False) == (decoders.GBK_FAMILY, "utf-8") and not skip_lines_with:
        text, units = _units_between_digits(text)
        count += len(units)
        guessed += units
        text, indents = _indentation(text)
        count += len(indents)
        guessed += indents
        text, bullets = _bullets(text, guessed, shown)
        count += bullets
        text, exact, guessed = _exact_utf8_runs(text, guessed)
        count += exact
        text, cut, guessed = _cut_utf8_runs(text, guessed, decoder)
        count += cut
        text, left, guessed = _left_utf8_spans(text, guessed)
        count += left
    text, guessed = context.redecide(text, guessed, page=True)
    # Without guessing every guess is marked; with it, those that would change a number.
    marked = guessed if not guess else _numeral_guesses(text, guessed)
    if marked:
        # A U+FFFD written for a guess may read, with its neighbours, as something new (涓�� is
        # UTF-8 for 一 and two lost bytes): read again, marking, until nothing changes, so that a
        # second clean changes nothing.
        ids = {id(c) for _, c in marked}
        for _ in range(MAX_PASSES):
            text = _marked_text(text, marked)
            text, more, guessed = _passes(text, skip_lines_with, guessed, decoder=decoder)
            marked = guessed if not guess else [g for g in guessed if id(g[1]) in ids]
            if not more:
                break
            count += more
        text = _marked_text(text, marked)
    guessed.sort(key=lambda g: g[0])
    findings = [holes.guess_finding(GUESS_KIND, pos, c.char, c.alternative, c.margin) for pos, c in guessed]
    return MojibakeRepair(text, count + letters, findings)


def _passes(text: str, skip_lines_with: str, guessed: list[Guessed], tally: Counter | None = None,
            decoder: str | None = None) -> tuple[str, int, list[Guessed]]:
    """Passes of ``_fix_once`` until one changes nothing; (text, repairs, guesses moved along).
    ``decoder``: the page's GBK-family decoder, where it says which (``_page_gbk_decoder``).

    A re-read may itself be mojibake of another family (UTF-8 read as Big5, re-read as GBK,
    gives UTF-8-read-as-GBK text): repeated, at most MAX_PASSES times, so a second clean is a no-op.
    """
    count = 0
    for _ in range(MAX_PASSES):
        text, more, edits, again = _fix_once(text, skip_lines_with, tally, decoder)
        if not more:
            break
        guessed = _moved(guessed, edits) + again
        count += more
    return text, count, guessed


def _marked_text(text: str, guessed: list[Guessed]) -> str:
    """``text`` with every guessed character written as U+FFFD (``guess=False``)."""
    return replace_at(text, {pos: holes.LOST for pos, _ in guessed}.items())


def _numeral_guesses(text: str, guessed: list[Guessed]) -> list[Guessed]:
    """The guesses that would change a number (``holes.changes_a_number``): beside a numeral, or
    beside such a guess once it is marked (一二三一六 whose 一 and 六 were both lost)."""
    marked: list[Guessed] = []
    at = frozenset(pos for pos, _ in guessed)
    while True:
        more = [(pos, c) for pos, c in guessed if holes.changes_a_number(text, pos, c, at)]
        if len(more) == len(marked):
            return marked
        marked = more
        text = _marked_text(text, marked)


def _mark(text: str, guessed: list[Guessed], guess: bool) -> tuple[str, list[Finding]]:
    """The findings of the guesses, and the text with each guess as U+FFFD: with ``guess=False``
    every guess, else those that would change a number."""
    guessed = sorted(guessed, key=lambda g: g[0])
    findings = [holes.guess_finding(GUESS_KIND, pos, c.char, c.alternative, c.margin) for pos, c in guessed]
    return _marked_text(text, guessed if not guess else _numeral_guesses(text, guessed)), findings


def _moved(guessed: list[Guessed], edits: list[tuple[int, int, int]]) -> list[Guessed]:
    """Positions of earlier guesses after a pass made ``edits`` (start, end, new length), in order.

    A guess inside a stretch the pass re-read again is gone: its character was read anew, and
    any guess in the new reading is the pass's own.
    """
    out: list[Guessed] = []
    shift = k = 0
    for pos, choice in sorted(guessed, key=lambda g: g[0]):
        while k < len(edits) and edits[k][1] <= pos:
            shift += edits[k][2] - (edits[k][1] - edits[k][0])
            k += 1
        if k < len(edits) and edits[k][0] <= pos:
            continue
        out.append((pos + shift, choice))
    return out


MAX_PASSES = 3


# A re-read stretch: (start, end) in the text before the pass, and the length of its new reading.
Edit = tuple[int, int, int]


def _fix_once(text: str, skip_lines_with: str, tally: Counter | None = None,
              decoder: str | None = None) -> tuple[str, int, list[Edit], list[Guessed]]:
    """One pass of ``fix_utf8_as_gbk`` over the runs around rare characters.

    Returns (text, repairs, the stretches re-read, the guesses at their offsets in the new text).
    """
    pieces: list[str] = []
    edits: list[Edit] = []
    guessed: list[Guessed] = []
    count = done = out_len = 0
    gate: startgate.PageGate | None = None  # built for the first run looked at: one scan of the page
    for start, end in _runs_to_read(text, skip_lines_with, decoder):
        syllable = _annotation_after(text, end)
        gate = gate or _cjk_gate(text)
        run, n, stretches, run_guessed = _fix_run(text[start:end], text[start - 1 : start],
                                                  end == len(text) or text[end] == "\n", syllable, tally,
                                                  (gate, start), decoder)
        if n:
            out_len += start - done
            pieces += [text[done:start], run]
            edits += [(start + a, start + b, k) for a, b, k in stretches]
            guessed += [(out_len + at, c) for at, c in run_guessed]
            out_len += len(run)
            done = end
            count += n
    if not pieces:
        return text, 0, [], []
    pieces.append(text[done:])
    return "".join(pieces), count, edits, guessed


def _runs_to_read(text: str, skip_lines_with: str, decoder: str | None = None):
    """(start, end) of the runs ``_fix_once`` reads, in page order (``_rare_runs``), without those
    on lines holding ``skip_lines_with`` (``_skipping``) or whose bytes are gone (``bytes_gone``)
    and those the native pass refused whole (every window of them refused as ``_repair_window``
    would refuse it, native/src/refusal.rs): one call a page, so the runs of clean text cost no
    Python."""
    # The native pass knows Python's gbk view only: a page a GB18030 decoder made narrows its
    # lost bytes first (_narrow_gb18030), which it does not follow.
    refusal = _refusal() if not skip_lines_with and decoder is None else None
    runs = refusal.page(text) if refusal is not None else None
    if runs is not None:
        return runs  # the native pass leaves out the runs on lines whose bytes are gone too
    line: list = []  # bytes_gone's last line
    return [(start, end) for start, end in _skipping(_rare_runs(text), text, skip_lines_with)
            if not bytes_gone(text, start, end, line)]


def _skipping(runs: list[tuple[int, int]], text: str, skip_lines_with: str) -> list[tuple[int, int]]:
    """``runs`` (in page order) without those on lines holding ``skip_lines_with`` and no U+FFFD
    (a run holds no line break: it is on the line of its start)."""
    if not skip_lines_with:
        return runs
    out, line_end, skip_line = [], -1, False
    for start, end in runs:
        if start > line_end:  # a new line: decided once for all its runs
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            skip_line = text.find(skip_lines_with, line_start, line_end) >= 0 and text.find("\ufffd", line_start, line_end) < 0
        if not skip_line:
            out.append((start, end))
    return out


def _runs(text: str):
    """(start, end) of each run holding a rare character, in page order.

    Only the runs holding a rare character are looked at, found from the rare characters (a
    clean page is one run per paragraph, and a huge one would otherwise be copied run by run).
    """
    pos = 0
    rare = _rare_char()
    while (r := rare.search(text, pos)) is not None:
        m = _CJK_RUN.search(text, max(pos, r.start() - RUN_LOOKBACK))
        if m is None or m.start() > r.start():
            pos = r.end()  # a rare character outside any run (between spaces, say)
            continue
        yield m.start(), m.end()
        pos = m.end()


# How far before a rare character its run is taken to start: enough for any window (LEAD_MARGIN).
RUN_LOOKBACK = 64


def bytes_gone(text: str, start: int, end: int, line: list) -> bool:
    """Is the run ``text[start:end]`` on a line of legacy bytes read by a UTF-8 decoder
    (``legacy_read_as_utf8``), whose bytes are gone, so that any reading is invention? A
    9-character run of a GBK page shown as UTF-8 once came back as four made-up Han, and each
    mark is a hole of 256 candidates (such a page ran at 1.4 KB/s). ``line``: [start, end,
    answer] of the last line asked about, kept by the caller (runs come in page order, so each
    line is found and judged once, however long it is). native/src/refusal.rs asks the same
    before it ranks a window.

    Runs that are mostly marks on other lines are still read: through a Big5 or EUC decoder most
    of UTF-8's bytes are marked too, but the Han between the marks are read (UTF-8 read as big5:
    1,307 errors per 1,000 read, 1,622 left alone, on 15 measured paragraphs).
    """
    if not line or not line[0] <= start <= line[1]:
        # Only past the last line is searched for the line's start, when the run lies past it.
        line_start = text.rfind("\n", line[1] if line and start > line[1] else 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        line[:] = [line_start, line_end, legacy_read_as_utf8(text[line_start:line_end])]
    return line[2]


def legacy_read_as_utf8(line: str) -> bool:
    """GBK or Big5 bytes read by a UTF-8 decoder: over half the line's non-ASCII characters are
    loss marks, and at most half of the rest are Han. A UTF-8 decoder marks every legacy pair
    that is no UTF-8 sequence; what it reads is mostly two-byte UTF-8 (Cyrillic, Greek,
    Hebrew: ``���е��м``), seldom Han. Python's ``gbk`` leaves at most 18 % of UTF-8's non-ASCII
    characters marks (200 Wikipedia paragraphs), and a Big5 or EUC decoder over UTF-8, as
    marked, reads Han between its marks: neither is this.
    """
    marks = len(_MARK.findall(line))
    if not marks:
        return False
    wide, han = beyond_ascii(line), len(_HAN_CHAR.findall(line))
    return 2 * marks > wide and 2 * han <= wide - marks


_HAN_CHAR = re.compile("[\u4e00-\u9fff]")


def _fix_run(run: str, before: str, ends_line: bool, syllable: str | None = None,
             tally: Counter | None = None, gate: tuple[startgate.PageGate, int] | None = None,
             decoder: str | None = None) -> tuple[str, int, list[Edit], list[Guessed]]:
    """Repair the windows of one run around its rare characters.

    Returns (new run, repairs made, stretches re-read in ``run``, guesses at offsets in the new run).

    ``syllable``: the run is followed by a pinyin annotation ``(syllable)`` (a page with the
    seed damage, misread afterwards): its last character must read that syllable. ``gate``: the
    page's start gate and the run's offset in the page (None: a gate of the run alone).
    """
    page_gate, base = gate or (_cjk_gate(run), 0)
    out: list[str] = []
    edits: list[Edit] = []
    guessed: list[Guessed] = []
    count = done = out_len = 0
    # Only the neighbourhood of rare characters is tried: a misread span is dense with them,
    # while a clean paragraph may hold one rare name. Trying every start of a long run would
    # cost its length squared.
    for lo, hi, stop in _rare_windows(run):
        prev = _last_char(out + [run[done:lo]]) or before
        window_tally: Counter = Counter()  # the (family, source) of each repair, for the page's consensus
        fixed, n, stretches, window_guessed = _repair_window(run[lo:hi], stop - lo, prev, ends_line and hi == len(run),
                                                             syllable if hi == len(run) else None, window_tally,
                                                             _window_gate(page_gate, run, base, lo, hi, stop), decoder)
        wide = max(done, lo - (WIDE_MARGIN - LEAD_MARGIN))
        if n and wide < lo:
            # A repair shows the run misread: its span may start further back than the margin.
            prev = _last_char(out + [run[done:wide]]) or before
            lo = wide
            window_tally = Counter()
            fixed, n, stretches, window_guessed = _repair_window(run[lo:hi], stop - lo, prev, ends_line and hi == len(run),
                                                                 syllable if hi == len(run) else None, window_tally,
                                                                 _window_gate(page_gate, run, base, lo, hi, stop), decoder)
        if tally is not None and n:
            tally.update(window_tally)
        out_len += lo - done
        out.append(run[done:lo])
        out.append(fixed)
        edits += [(lo + a, lo + b, k) for a, b, k in stretches]
        guessed += [(out_len + at, c) for at, c in window_guessed]
        out_len += len(fixed)
        count += n
        done = hi
    out.append(run[done:])
    return "".join(out), count, edits, guessed


LEAD_MARGIN = 4  # a misread span starts at most this many characters before its first rare one
TAIL_MARGIN = 8  # and may run on past its last rare one
WIDE_MARGIN = 16  # the lead margin of a window dense with rare characters


def _rare_windows(run: str) -> list[tuple[int, int, int]]:
    """(lo, hi, stop) stretches of ``run`` around its rare characters, merged when they touch.

    A repaired span starts in [lo, stop), where stop is just past the last rare character, and
    may end anywhere up to hi. Native (native/src/refusal.rs, which decides on the same
    windows) where the native refusal is there and the run has no lone surrogate.
    """
    refusal = _refusal()
    windows = refusal.rare_windows(run) if refusal is not None else None
    return _rare_windows_of(run) if windows is None else windows


def _rare_windows_of(run: str) -> list[tuple[int, int, int]]:
    """``_rare_windows`` in Python."""
    windows: list[list[int]] = []
    for m in _rare_char().finditer(run):
        lo, hi = max(0, m.start() - LEAD_MARGIN), min(len(run), m.end() + TAIL_MARGIN)
        if windows and lo <= windows[-1][1]:
            windows[-1][1:3] = [hi, m.end()]
            windows[-1][3] += 1
        else:
            windows.append([lo, hi, m.end(), 1])
    # A window with two rare characters is likely misread throughout, and misread text is not all
    # rare characters (骞达級 = 年）): there a span may start further back.
    floor = 0
    for w in windows:
        if w[3] >= 2:
            w[0] = max(floor, w[0] - (WIDE_MARGIN - LEAD_MARGIN))
        floor = w[1]
    return [(lo, hi, stop) for lo, hi, stop, _ in windows]


def _last_char(parts: list[str]) -> str:
    for part in reversed(parts):
        if part:
            return part[-1]
    return ""


def _repair_window(window: str, stop: int, prev: str, final: bool, syllable: str | None = None,
                   tally: Counter | None = None, gate: startgate.WindowGate | None = None,
                   decoder: str | None = None) -> tuple[str, int, list[Edit], list[Guessed]]:
    """Replace each stretch of ``window`` starting before ``stop`` that reads much better re-decoded.

    Returns (text, count, the stretches replaced, guesses at their offsets in the new text).
    ``gate``: the window's start gate (None: one of the window alone).
    """
    gate = gate or _window_gate(_cjk_gate(window), window, 0, 0, len(window), stop)
    if gate.closed:
        return window, 0, [], []  # no start could be accepted: most windows of clean text
    # The starts a re-read is accepted from, decided natively (None: unsure, every start is read here).
    accepted = _accepted_starts(window, stop, prev, final, gate) if syllable is None and decoder is None else None
    if accepted is not None and not accepted:
        return window, 0, [], []  # every start read, chosen and scored natively, and refused
    out: list[str] = []
    edits: list[Edit] = []
    guessed: list[Guessed] = []
    count = i = out_len = 0
    while i < stop:
        readings = gate.readings(i)
        if (readings is not None and not readings) or (accepted is not None and i not in accepted):
            # No reading from here could be accepted (most starts on clean text): the costly
            # re-read would refuse it too. Passed at once up to the next start that may be.
            upto = _next_start(gate, accepted, i, stop)
            out.append(window[i:upto])
            out_len += upto - i
            i = upto
            continue
        before = out[-1][-1:] if out else prev
        # Only the views and sources the gate let through are read: the others' readings would
        # be refused inside _best_span (``_marked``, ``_evidence``) and could not be the best.
        j, fixed, codec, span_guessed, family = _best_span(window, i, before, final, syllable, readings=readings, decoder=decoder)
        # A stretch ending on a character its pinyin annotation reads needs no fluency test.
        confirmed = bool(syllable) and j == len(window) and annotates(fixed[-1:], syllable)
        # The stretch must hold a rare character itself (``_marked``): rare characters are what
        # marks a misread stretch, and "éé" next to one (a "？" apart) is not re-read into 谷谷.
        # And it must span two non-ASCII characters or a U+FFFD: one rare character alone re-read
        # as Big5 or UTF-8 (蔼 = b0 aa is Big5 高) is a coincidence of the tables (make fuzz).
        kept_to, kept_from = i, j
        accept = (j > i + 1 and _marked(window, i, j, codec) and (confirmed or _evidence(window, i, j, codec))
                  and _reads_better(fixed, window[i:j], confirmed))
        if accept and not confirmed and codec != "utf-8":
            # A stretch read from the first start that reads better may have taken clean
            # characters beside it along (Big5 read as GB18030: 數達[到了] came back 數絻到了):
            # a two-byte source's table reads nearly any pair, UTF-8 only what makes its
            # sequences (and its Latin letters, ì read as 矛, score as nothing Chinese does).
            kept_to, kept_from, fixed, span_guessed = _clean_edges(window, i, j, before, fixed, span_guessed,
                                                                   final, (family, codec), decoder)
        if accept and not confirmed:
            # Asked in place without them: a stretch that took a clean word along was refused
            # for the pair its edge makes with the text beside it (案中 of 培養方案中的本科課 before
            # the misread 祘珹硄), and the misread span after the word stayed, its starts never
            # asked (the native refusal had skipped the whole stretch).
            accept = _reads_better_in_place(fixed, window, kept_to, kept_from, window[kept_to - 1] if kept_to > i else before)
        if accept:
            if kept_from < j:
                pass  # its end is clean text: no character cut or sign after it
            elif split := _split_tail(window, j, codec, family, accepted):  # its last byte read with a letter (和B as 鍜孊)
                fixed += split
                j += 2
                kept_from = j
            elif (tail := _cut_tail(window, j, fixed, codec, family, accepted)) is not None:
                # the stretch's last character, cut by the decoder: read with the text after it
                span_guessed = span_guessed + [(len(fixed), tail)]
                fixed += tail.char
                j += 1
                kept_from = j
            elif sign := _sign_tail(window, j, codec, family):  # a two-byte sign after it (另有楼50)
                fixed += sign
                j += 1
                kept_from = j
            # The stretch from the start it was accepted from, its clean edges as they stand.
            span_guessed = [(kept_to - i + at, c) for at, c in span_guessed]
            fixed = window[i:kept_to] + fixed + window[kept_from:j]
            out.append(fixed)
            edits.append((i, j, len(fixed)))
            guessed += [(out_len + at, c) for at, c in span_guessed]
            out_len += len(fixed)
            count += 1
            if tally is not None:
                tally[family, codec] += 1
            i = j
        else:
            out.append(window[i])
            out_len += 1
            i += 1
    out.append(window[i:])
    return "".join(out), count, edits, guessed


def _clean_edges(window: str, i: int, j: int, before: str, fixed: str, guessed: list[Guessed], final: bool,
                 reading: tuple[str, str], decoder: str | None) -> tuple[int, int, str, list[Guessed]]:
    """The stretch ``window[i:j]`` re-read as ``fixed``, without the clean characters at its edges.

    The window's loop takes the first start whose stretch reads better, and the reading's end is
    where it gains most: clean characters beside a misread span whose bytes the view's source
    reads as other characters go with the span when the whole still reads better (Big5 read as
    GB18030: 數達 before the misread 到了 came back 數絻到了, 近代力 before 學系 輪測薯, 期刊社 after
    the span 期刊扦). Misread text read again makes pairs with its clean neighbours, so the common
    characters at each edge are asked in place: the stretch re-read without the first m of them
    (the last m), where the rest reads to the same characters (the bytes line up), and the m whose
    text, with the characters as they stand and the neighbours of the stretch, scores best is
    kept as it stands where it beats the whole re-read by GAIN (what a re-read must gain, the
    other way).

    Returns (start, end, reading, guesses at offsets in the reading): ``window[start:end]`` is
    replaced by the reading, what lies between ``i`` and ``start`` and between ``end`` and ``j``
    stays as it is.
    """
    readings = {reading}
    end, after = j, window[j : j + 1]
    # Each candidate is another reading of window[i:j]: a shorter stretch re-read (its own end, as
    # _best_span chooses it) and the rest as it stands.
    best, found = total_score(before + fixed + after) + EDGE_GAIN, None
    for m in range(1, j - i):
        if not _plain(window[i + m - 1]):
            break
        k, rest, _, own, _ = _best_span(window[:j], i + m, window[i + m - 1], final and j == len(window), readings=readings, decoder=decoder)
        if (rest and _goes_on(before, window[i])
                and (score := total_score(before + window[i : i + m] + rest + window[k:j] + after)) > best):
            best, found = score, (i + m, k, rest, own)
    if found:
        i, j, fixed, guessed = found
        before = window[i - 1]
    best, found = total_score(before + fixed + window[j:end] + after) + EDGE_GAIN, None
    for m in range(1, j - i):
        if not _plain(window[j - m]):
            break
        k, rest, _, own, _ = _best_span(window[: j - m], i, before, False, readings=readings, decoder=decoder)
        if (rest and _goes_on(window[end - 1], after)
                and (score := total_score(before + rest + window[k:end] + after)) > best):
            best, found = score, (k, rest, own)
    if found:
        j, fixed, guessed = found
    return i, j, fixed, guessed


# What the characters at a re-read stretch's edge must gain as they stand over the whole re-read
# (log-probability of the text around them): 非常 before the misread 努力地 scores 2.0 over 非都.
EDGE_GAIN = 1.0


def total_score(text: str) -> float:
    """The model's log-probability of ``text`` (``per_char`` times its length)."""
    return per_char(text) * len(text)


def _goes_on(a: str, b: str) -> bool:
    """Does the clean text beyond a stretch go on into the character kept at its edge: ``a`` and
    ``b`` a pair the model has seen, of Han characters or a Han character and a clause mark?
    Misread characters almost never make one with the clean text beside them
    (``_reads_better_in_place``); with the re-read text inside they may (現金 of a misread 現 and
    the re-read 金), and a bracket's pairs say nothing (现 after an annotation's ）, read 政)."""
    if not a or not b or not (_HAN.match(a) or a in _CLAUSE_MARKS) or not (_HAN.match(b) or b in _CLAUSE_MARKS):
        return False
    return (_HAN.match(a) is not None or _HAN.match(b) is not None) and model().follows(a, b)


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CLAUSE_MARKS = "，、。；：！？"


def _plain(ch: str) -> bool:
    """Could ``ch`` be clean text beside a misread span: a character beyond ASCII that is no mark
    of lost bytes and not rare (``_rare_char``)."""
    return ord(ch) > 0x7F and not _MARK.match(ch) and not _rare_char().match(ch)


# Characters a misread stretch's last one may be read as when a byte was cut from it: text.
_CUT_TAIL_READ = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]")


def _cut_tail(window: str, j: int, fixed: str, source: str, family: str, accepted: list[int] | None) -> holes.Choice | None:
    """The character ``window[j]``, right after a stretch read as UTF-8 (``fixed``), read as the
    lead and continuation byte its bytes are and the byte UTF-8 needs after them; None if it does
    not read better so.

    A short span misread inside a correct line was decoded alone, and a decoder that drops what
    it cannot read (errors="ignore") dropped the last byte of its last character: 利用里 (e5 88
    a9 e7 94 a8 e9 87 8c) shows 鍒╃敤閲, and the re-read, whose bytes must all be there, reads
    利用 and leaves 閲. Its neighbours are real: the reading is chosen by the model with the
    character read before it and the correct one after it (the cut byte is the one unknown; a
    guess with its finding), and taken only where it reads better there than the character as
    it stands, by GAIN."""
    if source != "utf-8" or j >= len(window) or (accepted is not None and j in accepted):
        return None
    data = decoders.encode_char(window[j], family)
    if data is None or len(data) != 2 or not (0xE0 <= data[0] <= 0xEF and 0x80 <= data[1] <= 0xBF):
        return None
    nxt = window[j + 1 : j + 2]
    after = decoders.encode_char(nxt, family) if nxt else None
    if after and len(after) == 2 and 0x80 <= after[0] <= 0xBF and 0xC2 <= after[1] <= 0xF4:
        return None  # the bytes go on as UTF-8 (间、 is e9 97 b4 e3 80 81, 闂淬): the next pair holds the byte
    lm = model()
    prev = fixed[-1]

    def score(ch: str) -> float:
        return lm.bigram(prev, ch) + (lm.bigram(ch, nxt) if nxt else 0.0)

    found = []
    for last in range(0x80, 0xC0):
        ch = (data + bytes((last,))).decode("utf-8", errors="replace")
        if len(ch) == 1 and _CUT_TAIL_READ.match(ch):
            found.append((score(ch), ch))
    if len(found) < 2:
        return None
    found.sort(reverse=True)
    (best, ch), (second, runner_up) = found[:2]
    if best < score(window[j]) + GAIN:
        return None
    return holes.Choice(ch, 0, True, runner_up, best - second, tuple(c for _, c in found))


def _split_tail(window: str, j: int, source: str, family: str, accepted: list[int] | None) -> str:
    """``window[j:j + 2]`` read as the UTF-8 character and the ASCII letter their bytes are, right
    after a stretch read as UTF-8: the first is a lead and a continuation byte, the second the
    last byte UTF-8 needs and a letter; "" if not.

    A GBK-family decoder pairs a character's last byte with an ASCII letter after it (和B is e5
    92 8c 42: 鍜孊; （H is 锛圚). Where the stretch before it was read taking dropped bytes back
    (errors="ignore"), the re-read makes no new ASCII, and ``_cut_tail`` took the byte for one the
    decoder dropped: 和孊eatles. Every byte is there (no guess); the character must be text, and
    the pair misread-looking (rare or private-use): a span misread inside a correct line ends
    before clean text, and GBK's Traditional characters of leads 81-a0 have such trails (揮 is 93
    5d: 指 cut before it is no 挓])."""
    if source != "utf-8" or j + 1 >= len(window) or (accepted is not None and j in accepted):
        return ""
    if not (_rare_char().match(window, j + 1) or _PRIVATE_USE.match(window, j + 1)):
        return ""
    data = decoders.encode_char(window[j], family)
    after = decoders.encode_char(window[j + 1], family)
    if data is None or after is None or len(data) != 2 or len(after) != 2:
        return ""
    if not (0xE0 <= data[0] <= 0xEF and 0x80 <= data[1] <= 0xBF and 0x80 <= after[0] <= 0xBF
            and (0x41 <= after[1] <= 0x5A or 0x61 <= after[1] <= 0x7A)):
        return ""
    ch = (data + after[:1]).decode("utf-8", errors="replace")
    return ch + chr(after[1]) if len(ch) == 1 and _CUT_TAIL_READ.match(ch) else ""


# Two-byte UTF-8 signs (c2 a1-bf, and × ÷ of c3): the currency, measure and typographic signs a
# Chinese page writes beside numbers and Latin text.
TAIL_SIGNS = frozenset([chr(c) for c in range(0xA1, 0xC0)] + ["\u00d7", "\u00f7"]) - {"\u00ad"}
_HAN_AFTER = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _sign_tail(window: str, j: int, source: str, family: str) -> str:
    """The sign ``window[j]`` is, right after a stretch read as UTF-8, where its bytes are one
    two-byte UTF-8 sign and no Han follows it; "" if not.

    ¥ and £ (c2 a5, c2 a3) read as GBK are 楼 and 拢, common characters the model keeps, and a
    sign's stretch is one character: the re-read of the stretch before it stops there (另有¥50 read
    back as 另有楼50). The bytes go on as UTF-8 from a stretch that was UTF-8 read as GBK, which
    clean text's 大楼 never does; a Han after it would be a line that is clean from here on."""
    if source != "utf-8" or j >= len(window) or _HAN_AFTER.match(window, j + 1):
        return ""
    data = decoders.encode_char(window[j], family)
    if data is None or len(data) != 2:
        return ""
    sign = data.decode("utf-8", errors="replace")
    return sign if sign in TAIL_SIGNS else ""


def _next_start(gate: startgate.WindowGate, accepted: list[int] | None, i: int, stop: int) -> int:
    """The first start after ``i`` (and before ``stop``, else ``stop``) that ``_repair_window``
    reads: one the gate gives a reading and, where the native refusal answered, accepted."""
    k = bisect_left(accepted, i + 1) if accepted is not None else 0
    at = i + 1
    while at < stop:
        at = gate.next_start(at) if accepted is None else (accepted[k] if k < len(accepted) else None)
        if at is None or at >= stop:
            return stop
        readings = gate.readings(at)
        if readings is None or readings:
            return at
        at, k = at + 1, k + 1
    return stop


def beyond_ascii(text: str) -> int:
    """How many characters of ``text`` are beyond ASCII (at C speed)."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _accepted_starts(window: str, stop: int, prev: str, final: bool, gate: startgate.WindowGate) -> list[int] | None:
    """The starts of ``window`` from which ``_repair_window`` accepts a re-read (its loop with
    each accepted stretch skipped), decided in one native call (native/src/refusal.rs:
    ``_best_span``, ``_keeping_shape``, ``_best_end``, ``_marked``, ``_evidence`` and
    ``_reads_better`` as they are here, step for step), so that the windows of clean text around
    rare characters (almost all of them) cost no Python and a misread one is read only where a
    stretch is accepted. None where it is unsure: every start is read here, as before."""
    refusal = _refusal()
    return None if refusal is None else refusal.window(window, stop, prev, final, gate.starts)


@lru_cache(maxsize=1)
def _refusal() -> _native.Refusal | None:
    """The native refusal, with this module's constants (None without OpenCC's dictionaries)."""
    sensitive = fold_sensitive()
    if sensitive is None:
        return None
    params = (GAIN, FLUENT, CUT_GAIN, BIG5_MIN_CHARS, IGNORE_MIN_CHARS, MAX_SPAN, CUT_MARGIN,
              startgate.UTF8_LIKE_BYTES, holes.SCRIPT_MAJORITY, MAX_UNKNOWN_SHARE)
    margins = (RUN_LOOKBACK, LEAD_MARGIN, TAIL_MARGIN, WIDE_MARGIN)
    views = [(family, [(source, _CJK_MIN_WIDE[source]) for source in sources]) for family, sources in CJK_VIEWS]
    # The sets of the steps before the Viterbi (holes.narrowing_sets).
    scripts = holes.narrowing_sets()
    # _CJK_RUN's \s beyond ASCII, as the regex module reads it.
    spaces = "".join(regex.findall(r"\s", "".join(map(chr, range(0x80, 0x10000)))))
    # fold: the texts holding a sensitive character are folded as per_char folds them (OpenCC).
    return _native.Refusal(decoders.native_codes(), reread._reader(), model().native, params, margins, views, RARE,
                           sensitive, scripts, spaces, fold)


def _cjk_gate(text: str) -> startgate.PageGate:
    """The start gate of a page's windows: an accepted stretch holds a rare character
    (``_marked``) and has ``_evidence``'s non-ASCII characters."""
    return startgate.PageGate(text, CJK_VIEWS, _rare_known(), _CJK_MIN_WIDE, MAX_SPAN)


def _window_gate(gate: startgate.PageGate, run: str, base: int, lo: int, hi: int, stop: int) -> startgate.WindowGate:
    """The gate of the window ``run[lo:hi]`` (starts before ``stop``), the run at ``base`` in the
    page ``gate`` was built on. A mark of lost bytes is evidence enough (and U+FFFD may be
    marked): a window holding one lets every start through."""
    return gate.window(base + lo, base + hi, stop - lo, open_=_MARK.search(run, lo, hi) is not None)


def _evidence(text: str, i: int, j: int, codec: str) -> bool:
    """Enough of a stretch to call it misread: a lost byte's mark, or enough non-ASCII characters.

    UTF-8 read as GBK must form valid multi-byte sequences, which clean text rarely does by
    chance: two characters will do. Big5's table is dense with common characters, so a short
    stretch of clean GBK-decodable text (或砲, い春, Greek letters) often re-reads as something
    fluent (麼貧, 中景): a Big5 re-read needs a longer stretch (measured on clean Wikipedia
    paragraphs by benchmarks/false_positives.py).
    """
    stretch = text[i:j]
    marked = bool(_MARK.search(stretch))  # U+FFFD, or a private-use character or € a GB18030 decoder made
    wide = [ch for ch in stretch if ord(ch) > 0x7F]
    if codec == "utf-8":
        return marked or len(wide) >= 2
    # Japanese kana and Greek are GBK's rows a4-a6, where Big5 keeps its commonest characters: a
    # run of kana (どうまる) always re-reads as fluent Big5. Big5 text read as GBK is mostly Han.
    if marked:
        return not _kana_beside_marks(stretch)
    han = sum(1 for ch in wide if "\u3400" <= ch <= "\u9fff")
    return len(wide) >= BIG5_MIN_CHARS and 2 * han >= len(wide)


_KANA = re.compile("[\u3041-\u30ff]")


def _kana_beside_marks(stretch: str) -> bool:
    """Japanese that lost characters, not Big5 read as GBK: what the decoder showed beside its
    marks is kana alone, and no mark is followed by an ASCII byte. A mark says bytes were lost, not
    that the kana are Big5's commonest characters (ありがとう�� read as Big5 was 曰互午丹 and a
    guess). Big5 read as GBK shows its a4-a8 rows as kana, Greek, Cyrillic and bopomofo together,
    with Han, and its sign row's pairs with a trail 40-7e as a mark and that letter (，is a1 41,
    shown �A)."""
    shown = [ch for ch in stretch if ord(ch) > 0x7F and not _MARK.match(ch)]
    if len(shown) < BIG5_MIN_CHARS or not all(_KANA.match(ch) for ch in shown):
        return False
    if any(_MARK.match(a) and b.isascii() for a, b in zip(stretch, stretch[1:])):
        return False
    # Big5's a4-a5 rows are its commonest characters, and a run of them reads as running Chinese
    # (化市內的 shown てカず��: 化市內 scores -5.3 a character); kana a Japanese text writes read so
    # as a jumble (ありがとう as 丐曰互午丹: -10.4). Japanese only while its reading is no prose.
    return per_char(_kana_as_big5("".join(shown))) <= KANA_AS_BIG5_PROSE


# Per character, the score over which kana shown beside marks read back as Big5 are running
# Chinese (Big5 read as GBK) rather than Japanese: 4- and 6-character windows of both splits' Big5
# paragraphs refused by the rule above, 153 -> 13; 50 Japanese kana words and phrases (written for
# the test) from -7.9 down, none over it.
KANA_AS_BIG5_PROSE = -7.5


def _kana_as_big5(kana: str) -> str:
    """``kana`` (GBK's rows a4-a5) read as Big5."""
    return kana.encode("gbk").decode("cp950", "replace")


# Running Chinese around a stretch: each side's two characters score above this per character
# (clean pairs score -5 to -7; two characters of UTF-8 read as GBK, 鍙戝 or 涓枃, -10.5 to -16).
PROSE_SIDE = -8.0


def _lost_in_prose(run: str, start: int, n: int, prev: str) -> bool:
    """The stretch ``run[start:start + n]`` is marks and at most one character, with running
    Chinese on both sides: a character lost where the mark stands (妃嫔�号最多: 称 lost before
    号, in text a first clean left so), not a misread stretch. Read as one, it took the 号 with it
    (妃嫔班最多, and with ``--no-guess`` 妃嫔�最多: a second clean deleted characters)."""
    stretch = run[start : start + n]
    marks = len(_MARK.findall(stretch))
    if not marks or n - marks > 1:
        return False
    left, right = (prev + run[:start])[-2:], run[start + n : start + n + 2]
    return (len(left) == len(right) == 2 and all("\u3400" <= ch <= "\u9fff" for ch in left + right)
            and per_char(left) > PROSE_SIDE and per_char(right) > PROSE_SIDE)


BIG5_MIN_CHARS = 3
# The non-ASCII characters ``_evidence`` asks of a stretch at least, by source (without a mark).
_CJK_MIN_WIDE = {"utf-8": 2, "big5": BIG5_MIN_CHARS, "gbk": BIG5_MIN_CHARS}


# A re-read must be clearly likelier than what it replaces (GAIN per character) and read as
# running Chinese on its own (FLUENT): otherwise a pair of rare characters that happens to
# re-decode into another pair of rare characters would be "repaired", and again on a second pass.
# Accepted repairs on the damage benchmark score -7.1 per character at worst; ó垲 -> 车趀 scores -12.
GAIN = 3.0
FLUENT = -9.0


def _reads_better(fixed: str, original: str, confirmed: bool = False) -> bool:
    score = per_char(fixed)
    return (confirmed or score > FLUENT) and score > per_char(original) + GAIN


def _reads_better_in_place(fixed: str, window: str, i: int, j: int, before: str) -> bool:
    """Does ``fixed`` still read better than ``window[i:j]`` with the characters beside it that make
    a seen pair with the stretch's edge characters?

    A re-read is judged on the stretch alone, and a stretch of clean text that re-reads fluently
    (a name's rare characters: 黃睿靚 before 瑞士 as GBK read as Big5 gives 和璋风) gains the
    GAIN by itself; but its edge character made a word with the character beside it (瑞士, 攝入
    in 宕攝入聲, 寵愛), which the re-read cuts. Misread characters almost never make a pair the
    model has seen with the clean text beside them, so only such an edge is asked: the stretch is
    judged again with that neighbour on each such side. Refuses only: the native refusal
    (``_accepted_starts``) accepts a superset."""
    original = window[i:j]
    lm = model()
    left = before if before and lm.follows(before, original[0]) else ""
    after = window[j : j + 1]
    right = after if after and lm.follows(original[-1], after) else ""
    if not left and not right:
        return True
    return per_char(left + fixed + right) > per_char(left + original + right) + GAIN


RARE = -12.0  # unigram log-probability below which a character is rare in running text


def _looks_misread(run: str) -> bool:
    """Cheap detector: misread bytes make rare characters (鍙戝睍, 浣犲ソ); most real runs have none."""
    return _holds_rare(run)


@lru_cache(maxsize=1)
def _rare_char() -> re.Pattern:
    """A character beyond Latin whose unigram is at most RARE, as one class: searched at C speed.

    Built once from the model over the Basic Multilingual Plane (kept on disk with the model: it
    takes 63k lookups); every astral character counts as rare (the model gives them the floor).
    """
    import opencc

    from cleaner import langmodel
    from cleaner.tablecache import cached

    # Sources: the counts, the scoring code, OpenCC's folding and this file (RARE).
    sources = [langmodel.dictionary_path(), langmodel.__file__, opencc.__file__, __file__]
    common = cached("commonchars", sources, "1", _common_chars)
    return re.compile(f"[^\\x00-\\u024f{common}]")  # re: big classes become a bitmap


_holds_rare = pagefacts.any_of(lambda: _rare_char())  # the page's one scan answers for every stage


def _marked(text: str, i: int, j: int, source: str) -> bool:
    """Does ``text[i:j]`` hold what marks a misread stretch, read from ``source``?

    A rare character; U+FFFD only in a UTF-8 reading with other non-ASCII characters (涓�銆� is
    一。: UTF-8's structure says what each hole was). Elsewhere U+FFFD is no byte to read: holes
    among clean characters, or the U+FFFD that ``guess=False`` wrote, would be read as characters
    made up from nothing (他说�� -> 他说的, 很�� -> 竭為), and a second clean would change the first's.
    """
    if _rare_known().search(text, i, j):
        return True
    if source != "utf-8" or text.find("\ufffd", i, j) < 0:
        return False
    return any("\x7f" < ch != "\ufffd" for ch in text[i:j])


@lru_cache(maxsize=1)
def _rare_known() -> re.Pattern:
    """A rare character (``_rare_char``) other than U+FFFD: one that still holds its bytes."""
    return re.compile(_rare_char().pattern[:-1] + "\ufffd]")


def _common_chars() -> str:
    unigram = model().unigram
    return "".join(re.escape(ch) for c in range(0x250, 0x10000) if not 0xD800 <= c < 0xE000 and unigram(ch := chr(c)) > RARE)


MAX_SPAN = 1024  # characters looked ahead at once; a longer span continues from where it stops
CUT_MARGIN = 4  # characters before a MAX_SPAN cut that a reading taking bytes back may not pass

# The byte views a misread run is turned back into, and the sources each is read in: a run of
# CJK-looking mojibake came from a GBK-family decoder (gbk, gb18030, WHATWG gbk) or a Big5-family
# one (big5, cp950, big5hkscs, WHATWG big5); see decoders.py. The first pair is the common case
# and is also tried first, so ties go to it.
CJK_VIEWS = ((decoders.GBK_FAMILY, ("utf-8", "big5")), (decoders.BIG5_FAMILY, ("utf-8", "gbk")))
SINGLE_VIEWS = ((decoders.SINGLE_FAMILY, ("utf-8", "gbk", "big5")),)


def _best_span(run: str, start: int, prev: str, final: bool, syllable: str | None = None,
               views: tuple = CJK_VIEWS, readings: set[tuple[str, str]] | None = None,
               unknown: frozenset[int] | None = None, decoder: str | None = None) -> tuple[int, str, str, list[Guessed], str]:
    """The stretch from ``start`` that reads best as Chinese in one of the views and sources.

    Returns (end index in ``run``, its repaired text, the source, its guessed characters at their
    offsets in the repaired text, the view's family); the end is a character boundary both in the
    misread text and in the re-read bytes. Each view and source gives its longest stretch; the one gaining most
    under the model (per character, times its length) wins. Guesses are always made here (the
    choice of reading must not depend on ``--no-guess``); callers mark them. ``readings``: only
    these (family, source) pairs are read (``startgate``; None: all). ``unknown``: the bytes a
    U+FFFD of a single-byte view can stand for, when the page says which decoder made it
    (``_page_unknown``; None: any the family leaves undefined). ``decoder``: "gb18030" where the
    page says a GB18030 decoder made its GBK-family view (``_page_gbk_decoder``): a U+FFFD there
    stands only for a byte that decoder rejects (``_narrow_gb18030``).
    """
    capped = len(run) - start > MAX_SPAN
    final = final and not capped
    piece = run[start : start + MAX_SPAN]
    best: tuple[float, int, str, str, list[holes.Choice], str] | None = None
    for family, sources in views:
        if readings is not None:
            sources = tuple(source for source in sources if (family, source) in readings)
            if not sources:
                continue
        stream, ends = decoders.byte_view(piece, family)
        if len(ends) < 2:
            continue
        for source in sources:
            # errors="ignore" leaves no mark: a UTF-8 reading may take dropped bytes back.
            for ignore in ((False, True) if source == "utf-8" and None not in stream and _utf8_like(stream) else (False,)):
                items, complete = reread.read(stream, source, family, ignore)
                if unknown is not None and not ignore and None in stream:
                    _narrow_unknown(items, stream, source, unknown)
                if decoder == "gb18030" and family == decoders.GBK_FAMILY and not ignore and None in stream:
                    _narrow_gb18030(items, stream, source, piece, ends)
                if decoder == "gb18030" and family == decoders.GBK_FAMILY and ignore:
                    _narrow_gb18030_dropped(items, stream, piece, ends)
                by_offset = {end: k for k, (_, end, _) in enumerate(items)}
                # A capped piece may end inside a character's bytes, and a reading that takes
                # dropped bytes back would "take back" the ones past the cut: it must stop short.
                top = len(ends) - (CUT_MARGIN if capped and ignore else 0)
                # Every length whose end is a character boundary in both the misread text and the
                # reading; the longest first.
                aligned = [(n, k) for n in range(top, 1, -1) if (k := by_offset.get(ends[n - 1])) is not None]
                if not aligned:
                    continue
                n_chars, k = aligned[0]
                # What the caller would refuse anyway is not chosen (choosing is the costly part).
                # A shorter stretch holds no more marks nor evidence than the longest.
                if family != decoders.SINGLE_FAMILY and (not _marked(piece, 0, n_chars, source) or not _evidence(piece, 0, n_chars, source)):
                    continue
                if _lost_in_prose(run, start, n_chars, prev):
                    continue
                if family == decoders.BIG5_FAMILY and source != "utf-8" and "\ufffd" not in run and _hong_kong_only(piece, n_chars):
                    continue
                if syllable and n_chars == len(ends) and not capped:
                    _keep_reading(items[k], syllable)
                # The tests on how many bytes a reading takes back and how much ASCII it makes are
                # decided before choosing too: an item's candidates all have its bytes' length and
                # none is ASCII unless its one byte is, so the unchosen reading (each item's first
                # candidate) answers them as the chosen one will.
                ascii_kept = not ((source != "utf-8" or ignore or family == decoders.BIG5_FAMILY) and family != decoders.SINGLE_FAMILY)
                unchosen = "".join(item[0] for item in items[: k + 1])
                if ignore or not ascii_kept:
                    aligned = _keeping_shape(aligned, unchosen, piece, ends, family, ignore, ascii_kept)
                if aligned and None in stream:  # only lengths whose reading does not rest on unknown bytes
                    aligned = _on_known_bytes(aligned, items, stream)
                if not aligned:
                    continue
                n_chars, k = aligned[0]
                decoded = holes.choose_ranked(items, prev, final and complete and n_chars == len(ends))[: k + 1]
                decoded = [c._replace(candidates=tuple(items[at][2])) if c.guessed else c for at, c in enumerate(decoded)]
                fixed = "".join(c.char for c in decoded)
                # The reading may run on past the misread stretch into clean text (a Big5 reading of
                # clean characters a GBK view gives is nonsense): the stretch ends where it gains most.
                # Not where a pinyin annotation after the window confirms its end.
                if not (syllable and n_chars == len(ends) and not capped):
                    n_chars, k = _best_end(aligned, fixed, piece, source, family)
                fixed, decoded = fixed[: k + 1], decoded[: k + 1]
                gain = (per_char(fixed) - per_char(piece[:n_chars])) * n_chars
                if best is None or gain > best[0]:
                    best = (gain, start + n_chars, fixed, source, decoded, family)
                if complete and n_chars == len(ends) and not ignore:
                    break  # the whole stretch read without taking bytes back: enough
    if best is None:
        return start, "", "", [], ""
    # One item per character: an item's index is its offset in the repaired text.
    return best[1], best[2], best[3], [(at, c) for at, c in enumerate(best[4]) if c.guessed], best[5]


def _hong_kong_only(piece: str, n: int) -> bool:
    """Are the rare characters of ``piece[:n]`` all Hong Kong's own (HKSCS, which Big5 proper,
    cp950, lacks)? Then the stretch is clean Cantonese (啱 嘅 咗 嘢), not GBK a Big5-HKSCS decoder
    misread: those bytes read so show rare characters of Big5 proper too, since most of their
    pairs fall in its table. Read back as GBK through the Big5 view, 啱啱落 became 曏曏辅 (曏
    scores as 向, which it folds to). Asked of GBK readings only: UTF-8's continuation bytes are
    HKSCS's leads (87-a0), and its misread stretches are often all HKSCS characters; and not on
    a run holding a decoder's mark, which clean text does not."""
    rare = _rare_known().findall(piece, 0, n)
    return bool(rare) and all(_hkscs_only(ch) for ch in rare)


@lru_cache(maxsize=1 << 12)
def _hkscs_only(ch: str) -> bool:
    """Is ``ch`` in Big5-HKSCS and not in Big5 proper (cp950)?"""
    try:
        ch.encode("cp950")
        return False
    except UnicodeEncodeError:
        pass
    try:
        ch.encode("big5hkscs")
        return True
    except UnicodeEncodeError:
        return False


# At most this share of the bytes of the characters a reading makes may be unknown (a U+FFFD's).
# UTF-8 misread as GBK loses about one byte in twenty, Big5 misread so about one in six, and a
# stretch of them a little more; a GBK page shown as UTF-8 (���й���) is nearly all U+FFFD, and
# reading it back would be writing an article of guesses (首先後的爭衕時的). benchmarks/decoders.py
# chose 0.4: at 0.34 Big5 read as GBK lost 3 per 1,000, at 0.5 a GBK page shown as UTF-8 still
# got 7 invented characters per 1,000.
MAX_UNKNOWN_SHARE = 0.4


def _on_known_bytes(aligned: list[tuple[int, int]], items: list[list], stream: list) -> list[tuple[int, int]]:
    """The lengths of ``aligned`` (characters of the piece, items read) whose reading does not
    rest on unknown bytes: at most MAX_UNKNOWN_SHARE of the bytes of the characters it makes. An
    item left as U+FFFD (its only candidate) invents nothing and is not counted."""
    last = aligned[0][1]
    fine = []
    begin = unknown = total = 0
    for item in items[: last + 1]:
        part = stream[begin : item[1]]
        begin = item[1]
        if item[0] != "\ufffd":
            unknown += part.count(None)
            total += len(part)
        fine.append(unknown <= MAX_UNKNOWN_SHARE * total)
    return [(n, k) for n, k in aligned if fine[k]]


def _narrow_unknown(items: list[list], stream: list, source: str, unknown: frozenset[int]) -> None:
    """Keep of each character's candidates those whose bytes under a U+FFFD are in ``unknown``
    (the decoder that made the page rejects those bytes only); an item none fits keeps all."""
    codec = {"gbk": "gb18030", "big5": "cp950"}.get(source, source)
    begin = 0
    for item in items:
        end = item[1]
        holes_at = [p - begin for p in range(begin, end) if stream[p] is None]
        if holes_at and len(item[2]) > 1:
            fits = [c for c in item[2] if _bytes_fit(c, codec, end - begin, holes_at, unknown)]
            if fits:
                item[2] = fits
                item[0] = fits[0]
        begin = end


def _narrow_gb18030(items: list[list], stream: list, source: str, piece: str, ends: list[int]) -> None:
    """Keep of each character's candidates those whose bytes under a U+FFFD a GB18030 decoder
    rejects, with the byte after them (``_gb18030_rejects``); an item none fits keeps all.

    The family's reader takes a U+FFFD as any byte one of its decoders rejects, and Python's gbk
    rejects GBK's user-defined pairs (aa-af, f8-fe with a1-fe), which UTF-8's continuation and
    lead bytes often form: 个 (e4 b8 aa) or 中 (e4 b8 ad) before another character lose their last
    byte there, and so the lost byte of 一 (e4 b8 80) had 个 and 中 for rivals. GB18030 reads every
    pair: where it made the page, that U+FFFD before a high byte can only be 80 (一).

    The byte after a hole counts only where its character (``piece``'s, ending at ``ends``) or
    one of the TOLD_CHARS from it is misread-looking (rare, private-use, U+FFFD): a misread span
    or line was decoded on its own, and at its end the decoder saw no next byte (地's b0 at the
    end of a span, before clean 區); misread text holds common characters too (涓 is 中's first
    two bytes), but not several in a row.
    """
    codec = {"gbk": "gb18030", "big5": "cp950"}.get(source, source)
    rare = _rare_char()
    # The holes whose next byte the decoder saw.
    told = {p for p, b in enumerate(stream) if b is None and p + 1 < len(stream) and stream[p + 1] is not None
            and rare.search(piece, bisect_right(ends, p + 1), bisect_right(ends, p + 1) + TOLD_CHARS)}
    begin = 0
    for item in items:
        end = item[1]
        holes_at = [p for p in range(begin, end) if stream[p] is None]
        if holes_at and len(item[2]) > 1:
            fits = [c for c in item[2] if _gb18030_fits(c, codec, stream, begin, end, holes_at, told)]
            if fits:
                item[2] = fits
                item[0] = fits[0]
        begin = end


TOLD_CHARS = 3


def _narrow_gb18030_dropped(items: list[list], stream: list, piece: str, ends: list[int]) -> None:
    """``_narrow_gb18030`` for bytes taken back (errors="ignore": nothing marks where): keep of
    each character read with bytes taken back the candidates whose missing bytes a GB18030
    decoder drops, each before the byte after it; an item none fits keeps all.

    Python's gbk drops GBK's user-defined pairs' first bytes, which GB18030 reads: the dropped 80
    of 一 (e4 b8 80) before another character had 个 (e4 b8 aa) and 中 (ad) for rivals, and the
    model chose them (这个传统 for 这一传统). Where a GB18030 decoder made the page, only 80, ff or
    a lead before a byte no pair ends with can have gone. Which of a character's bytes went is
    not known: a candidate fits if its bytes, some of them left out, give the bytes read, and
    every byte left out is one the decoder drops there. The byte after the character counts as
    ``_narrow_gb18030`` has it: only among misread-looking characters."""
    rare = _rare_char()
    begin = 0
    for item in items:
        end = item[1]
        if len(item[2]) > 1:
            got = bytes(stream[begin:end])
            told = end < len(stream) and rare.search(piece, bisect_right(ends, end), bisect_right(ends, end) + TOLD_CHARS)
            after = stream[end] if told else None
            fits = [c for c in item[2] if _dropped_by_gb18030(c, got, after)]
            if fits and len(fits) < len(item[2]):
                item[2] = fits
                item[0] = fits[0]
        begin = end


def _dropped_by_gb18030(ch: str, got: bytes, after: int | None) -> bool:
    """Does ``ch`` in UTF-8 give ``got`` once bytes a GB18030 decoder drops are left out?"""
    data = ch.encode("utf-8", "surrogatepass")
    lost = len(data) - len(got)
    if lost <= 0:
        return lost == 0 and data == got
    for gone in combinations(range(len(data)), lost):
        if bytes(b for p, b in enumerate(data) if p not in gone) != got:
            continue
        if all(_gb18030_rejects(data[p], data[p + 1] if p + 1 < len(data) else after) for p in gone):
            return True
    return False


def _gb18030_fits(ch: str, codec: str, stream: list, begin: int, end: int, holes_at: list[int], told: set[int]) -> bool:
    try:
        data = ch.encode(codec)
    except UnicodeEncodeError:
        return True  # not a code of this table (the re-read's own): no say
    if len(data) != end - begin:
        return True
    for p in holes_at:
        after = data[p + 1 - begin] if p + 1 < end else (stream[p + 1] if p in told else None)
        if not _gb18030_rejects(data[p - begin], after):
            return False
    return True


def _gb18030_rejects(first: int, second: int | None) -> bool:
    """Would a GB18030 decoder (Python's gb18030, a browser's gbk) give U+FFFD for ``first``
    followed by ``second`` (None: unknown, or nothing)? Only for 80 or ff (80 is € to a browser),
    or a lead byte before a byte no pair ends with (ASCII below 40, which a digit may be as the
    start of a four-byte code that failed, 7f, ff): every other pair of 81-fe and 40-7e/80-fe is
    a code of GB18030 (its user-defined areas as private-use code points)."""
    if first < 0x80:
        return False
    if first in (0x80, 0xFF) or second is None:
        return True
    return not (0x40 <= second <= 0x7E or 0x80 <= second <= 0xFE)


# Private-use characters beside misread ones a page holds at least for it to say that a GB18030
# decoder made it (``_page_gbk_decoder``).
PAGE_PUA_MIN = 3


def _page_gbk_decoder(text: str) -> str | None:
    """"gb18030" where ``text`` says a GB18030 decoder (Python's gb18030, or a browser's gbk) made
    its GBK-family mojibake: at least PAGE_PUA_MIN private-use characters beside a rare one.
    GB18030 reads GBK's user-defined pairs as private-use code points, and UTF-8 read so forms
    them every few characters; Python's gbk gives U+FFFD there. A page's own private-use
    characters (icon fonts) stand among clean text. None: the page does not say (a U+FFFD is any
    byte one of the family's decoders rejects).
    """
    if not holds_private_use(text):
        return None
    rare = _rare_known()
    seen = 0
    for m in _PRIVATE_USE.finditer(text):
        around = text[max(0, m.start() - 1) : m.start()] + text[m.end() : m.end() + 1]
        if any(rare.match(ch) and not _PRIVATE_USE.match(ch) for ch in around) or _straddles_utf8(text, m.start()):
            seen += 1
            if seen >= PAGE_PUA_MIN:
                return "gb18030"
    return None


def _straddles_utf8(text: str, k: int) -> bool:
    """Do the GBK-family bytes around ``text[k]`` read as UTF-8 Chinese through its bytes: from a
    character boundary in the two characters before it to one in the two after, two Chinese
    characters or more, every byte in one (猫王 is e7 8c ab e7 8e 8b, 鐚\ue0a4帇 to a GB18030
    decoder)? A page's own private-use character (an icon font's) stands among characters whose
    bytes are no UTF-8, so a common misread character beside one tells as a rare one does; it
    tells without U+FFFD too (errors="ignore")."""
    parts = [decoders.encode_char(ch, decoders.GBK_FAMILY) for ch in text[max(0, k - 2) : k + 3]]
    if any(p is None for p in parts):
        return False
    at = min(k, 2)
    bounds = list(accumulate((len(p) for p in parts), initial=0))
    data = b"".join(parts)
    for begin in bounds[: at + 1]:
        for end in bounds[at + 1 :]:
            try:
                read = data[begin:end].decode("utf-8")
            except UnicodeDecodeError:
                continue
            if sum(1 for ch in read if "\u3000" <= ch <= "\u9fff" or "\uff01" <= ch <= "\uff5e") >= 2 and read.isprintable():
                return True
    return False


def _bytes_fit(ch: str, codec: str, width: int, holes_at: list[int], unknown: frozenset[int]) -> bool:
    try:
        data = ch.encode(codec)
    except UnicodeEncodeError:
        return True  # not a code of this table (the re-read's own): no say
    return len(data) == width and all(data[p] in unknown for p in holes_at)


# The bytes each single-byte decoder leaves undefined (one U+FFFD each with errors="replace").
_UNDEFINED = {codec: frozenset(b for b in range(0x80, 0x100) if bytes((b,)).decode(codec, "replace") == "\ufffd")
              for codec in ("cp1252", "cp1250")}
# Their tables of the bytes 80-ff.
_SHOWN = {codec: frozenset(bytes(range(0x80, 0x100)).decode(codec, "replace")) - {"\ufffd"} for codec in _UNDEFINED}
PAGE_DECODER_MIN = 3  # characters only the other decoder shows, for a page to say which made it


def _page_unknown(text: str) -> frozenset[int] | None:
    """The bytes a U+FFFD of ``text``'s single-byte runs stands for, if the runs say which of the
    decoders that leave bytes undefined (cp1252, cp1250) made them: every high character one
    shows and at least PAGE_DECODER_MIN the other does not (Õ is cp1252, Ő cp1250). A page read
    whole by one decoder says so; None where it does not."""
    if "\ufffd" not in text:
        return None
    return _page_undefined(text)


def _page_undefined(text: str) -> frozenset[int] | None:
    """``_page_unknown`` without asking for a U+FFFD: the bytes the decoder that made the page's
    single-byte runs leaves undefined, if they say which (with errors="ignore" those bytes were
    dropped, and no U+FFFD shows)."""
    missing = dict.fromkeys(_UNDEFINED, 0)
    for m in _SINGLE_RUN.finditer(text):
        for ch in m.group():
            if ch >= "\x80" and ch != "\ufffd":
                for codec in missing:
                    missing[codec] += ch not in _SHOWN[codec]
    made = [codec for codec, n in missing.items() if n == 0]
    if len(made) == 1 and max(missing.values()) >= PAGE_DECODER_MIN:
        return _UNDEFINED[made[0]]
    return None


def _keeping_shape(aligned: list[tuple[int, int]], reading: str, piece: str, ends: list[int], family: str,
                   ignore: bool, ascii_kept: bool) -> list[tuple[int, int]]:
    """The (length in ``piece``, last index in ``reading``) of ``aligned`` that pass the tests on
    a reading's shape: few bytes taken back, and no new ASCII where two-byte codes are re-read as
    two-byte codes.

    A dropped byte is invented from the model, and short clean text often re-reads fluently once
    bytes may be invented anywhere (护暹 -> 铰链): at most one byte taken back per 2 characters, from
    a stretch of at least IGNORE_MIN_CHARS misread characters. A single-byte decoder drops only
    its five undefined bytes, which pins them down: one in three bytes may be taken back there.

    Two-byte codes re-read as two-byte codes keep their ASCII; a new ASCII sign is a pair read
    out of step (clean "：" is Big5 a1 47: "員G"). UTF-8 read as GBK may give one (a last byte
    read with the ASCII byte after it), but not around bytes taken back; through Big5 it was more
    often clean text (頝。-> 跡C). Counted once along both texts, so each length costs one step.
    """
    made = list(accumulate((ch < "\x80" for ch in reading), initial=0))
    had = list(accumulate((ch < "\x80" for ch in piece), initial=0))
    utf8 = list(accumulate((len(ch.encode("utf-8")) for ch in reading), initial=0))
    out = []
    for n, k in aligned:
        taken = utf8[k + 1] - ends[n - 1]
        share = 3 if family == decoders.SINGLE_FAMILY else 6
        if ignore and taken > 0 and (n - had[n] < IGNORE_MIN_CHARS or share * taken > ends[n - 1]):
            continue
        if not ascii_kept and made[k + 1] > had[n]:
            continue
        out.append((n, k))
    return out


def _best_end(aligned: list[tuple[int, int]], fixed: str, piece: str, source: str, family: str) -> tuple[int, int]:
    """The (length in ``piece``, last index in ``fixed``) of ``aligned`` that gains most under the
    model, among those the caller would accept (``_marked``, ``_evidence``): per character, times
    the length, as readings are compared. Prefix scores are summed once (each character given the
    one before it), so every end costs one step.

    A stretch is cut short of its reading only where the rest reads clearly worse re-read than as
    it stands (clean text: GAIN per character), and the cut must gain CUT_GAIN per character: a clean rare word re-read
    alone may come out fluent by chance (埴輪 -> 圆近), and its misread neighbours are no longer
    there to say so.
    """
    gained = _prefix_scores(fixed)
    kept = _prefix_scores(piece)

    def cut_gain(a: tuple[int, int]) -> float:
        return gained[a[1] + 1] / (a[1] + 1) - kept[a[0]] / a[0]

    longest = aligned[0]

    def tail_gains(a: tuple[int, int]) -> bool:
        """Does the reading past the cut lose less than GAIN per character against the text it
        would replace there? Clean text read as nonsense loses more; a misread tail may even
        gain (a rare character at the end of a misread run, 挐（, lowers the mean of the reading
        but is no clean text), or lose a little (Big5 數 read as GBK is 计, fluent after 大)."""
        loss = (kept[longest[0]] - kept[a[0]]) - (gained[longest[1] + 1] - gained[a[1] + 1])
        return loss < GAIN * (longest[0] - a[0])

    for n, k in sorted(aligned, key=lambda a: -cut_gain(a) * a[0]):
        # A cut must also read as running Chinese on its own, as the caller will ask.
        if (n, k) != longest and (cut_gain((n, k)) < CUT_GAIN or tail_gains((n, k)) or per_char(fixed[: k + 1]) <= FLUENT):
            continue
        if family == decoders.SINGLE_FAMILY or (_marked(piece, 0, n, source) and _evidence(piece, 0, n, source)):
            return n, k
    return longest


CUT_GAIN = 2 * GAIN


def _prefix_scores(text: str) -> list[float]:
    """The model's log-probability of each prefix of ``text`` (script-neutral, as ``per_char``):
    the first character by its unigram, each other by its bigram, summed in order (natively, one
    call; the Python original is tests/reference_langmodel.py's ``prefix_scores``)."""
    return model().native.prefix_scores(text)


# Could bytes be UTF-8 Chinese with some dropped (worth taking dropped bytes back)? See startgate.
_utf8_like = startgate.utf8_like


IGNORE_MIN_CHARS = 4


def _ascii(text: str) -> int:
    return sum(1 for ch in text if ch < "\x80")


def _keep_reading(item: list, syllable: str) -> None:
    """Narrow a character's candidates to those the annotation after it reads, if any does."""
    reading = [c for c in item[2] if annotates(c, syllable)]
    if reading:
        item[2] = reading
        item[0] = reading[0]


_ANNOTATION_AFTER = regex.compile(r"\((" + SYLLABLE.pattern + r")([1-5]?)\)")
_ZHUYIN_AFTER = regex.compile(r"\(([\u3105-\u312fˉˊˇˋ]+)\)")


def _annotation_after(text: str, end: int) -> str | None:
    """The syllable of an annotation ``(guó)`` or ``(guo2)`` right after ``end``, tone-marked
    (``guó``); None when there is none. A tone number is evidence as a mark is: 个(ge4) reads gè;
    so is a zhuyin syllable with its tone (流(ㄌㄧㄡˊ) reads liú)."""
    m = _ANNOTATION_AFTER.match(text, end)
    if not m:
        z = _ZHUYIN_AFTER.match(text, end)
        return (zhuyin_as_pinyin(z.group(1)) or None) if z else None
    if m.group(2) and not has_tone(m.group(1)):
        return with_tone_mark(m.group(1).replace("v", "ü"), int(m.group(2)))
    return m.group(1)


def _single_byte_chars() -> str:
    """Every character cp1252, Latin-1 or cp1250 gives for a byte 80-ff, and U+FFFD."""
    chars = {"\ufffd"}
    for codec in ("cp1252", "latin-1", "cp1250"):
        chars.update(bytes(range(0x80, 0x100)).decode(codec, errors="replace"))
    return "".join(sorted(chars))


_HIGH = regex.escape(_single_byte_chars())
# A run a single-byte decoder made of CJK bytes: its characters, and a lone ASCII sign after one
# (a Big5 or GBK trail byte 40-7e, as in "¤@" for 一).
# In re, as the other plain patterns here (classes, a look-behind of one character): the regex
# module runs them several times slower (a page's runs: 4x).
# A run opens with a high character: a trail byte after one is taken into the run that character opened
# (the run's first character written apart: re skips ahead to a first character a pattern names, and
# (?:…|…)+ named none: tried at every character of a page, 78 -> 19 µs a page). Searched from a text's start.
_SINGLE_RUN = re.compile(rf"[{_HIGH}](?:[{_HIGH}]|(?<=[{_HIGH}])[\x40-\x7e](?![\x40-\x7e]))*")
# The cheap test for a page: two Latin-1 or cp1250 letters or signs in one run. Chinese text's
# own “ ” — … are cp1252 characters too, but not letters.
_SINGLE_HINT = re.compile(rf"[\xa1-\xff\u0100-\u017f\ufffd][{_HIGH}]*[\xa1-\xff\u0100-\u017f]")
# What every _SINGLE_HINT ends on: most pages hold none (the page's one scan, pagefacts).
_holds_latin_end = pagefacts.any_of(re.compile("[\xa1-\xff\u0100-\u017f]"))
SINGLE_MIN_BYTES = 4  # two Chinese characters in GBK or Big5
# The high characters an accepted single-byte stretch holds at least, by source: two Chinese
# characters (SINGLE_MIN_BYTES), or one whole UTF-8 character (three bytes).
_SINGLE_MIN_WIDE = {"utf-8": 3, "gbk": SINGLE_MIN_BYTES, "big5": SINGLE_MIN_BYTES}


def fix_single_byte(text: str) -> tuple[str, int]:
    """Re-read runs that are UTF-8, GBK or Big5 bytes decoded as cp1252, Latin-1 or cp1250.

    Runs before ftfy (``fix_latin_mojibake``), which would take GBK read as Latin-1 for UTF-8
    (Í³ is cd b3, UTF-8 for U+0373): this reads each run in UTF-8, GBK and Big5 and keeps the
    best; ftfy takes what is left.

    >>> fix_single_byte("他说：·¢Õ¹是硬道理")
    ('他说：发展是硬道理', 1)
    """
    text, count, _ = repair_single_byte(text)
    return text, count


def repair_single_byte(text: str, guess: bool = True) -> MojibakeRepair:
    """``fix_single_byte`` with a ``lost-byte`` finding for every guessed character.

    Positions are offsets in the text this function returns; ``guess=False`` writes U+FFFD for
    every guessed character, as ``repair_utf8_as_gbk`` does.
    """
    if not _holds_latin_end(text) or not _SINGLE_HINT.search(text):
        return MojibakeRepair(text, 0, [])
    text, count = annotation_letters.reread_single_byte(text)
    repairs: list[tuple[int, int, MojibakeRepair]] = []  # per run re-read: (start, end, its repair)
    unknown = _page_unknown(text)
    sources: Counter = Counter()  # the source of each repair, for the page's consensus
    page_gate: startgate.PageGate | None = None  # built for the first run read: one scan of the page
    for m in _SINGLE_RUN.finditer(text):
        span = m.group()
        if beyond_ascii(span) < 3:  # one UTF-8 character at least (see below)
            continue
        out: list[str] = []
        run_guessed: list[Guessed] = []
        run_len = 0
        i = n = 0
        ends_line = m.end() == len(text) or text[m.end()] == "\n"
        # A start from which no reading covers enough high characters (see below) is refused
        # before the costly re-read.
        page_gate = page_gate or startgate.PageGate(text, SINGLE_VIEWS, None, _SINGLE_MIN_WIDE, MAX_SPAN)
        gate = page_gate.window(m.start(), m.end(), len(span), open_="\ufffd" in span)
        if gate.closed:
            continue  # no start could be accepted: the run stays as it is
        while i < len(span):
            if not gate.may_start(i):
                # The refused starts up to the next one let through, passed at once.
                upto = gate.next_start(i)
                upto = len(span) if upto is None else upto
                out.append(span[i:upto])
                run_len += upto - i
                i = upto
                continue
            prev = _last_char(out) or text[m.start() - 1 : m.start()]
            j, fixed, source, span_guessed, _ = _best_span(span, i, prev, ends_line, views=SINGLE_VIEWS, unknown=unknown)
            high = beyond_ascii(span[i:j])
            cjk = sum(1 for ch in fixed if ch >= "\u3000")  # Han and Chinese punctuation (年（)
            # Two characters, or one in UTF-8 with all its bytes: a lead and two continuation
            # bytes in a row (å¹´) is no Latin word.
            two = high >= SINGLE_MIN_BYTES and cjk >= 2
            whole_utf8 = source == "utf-8" and high >= 3 and cjk >= 1 and "\ufffd" not in span[i:j]
            # Whole UTF-8 characters need no fluency test: a rare one alone (å¾¹ = 彻) is still right.
            # Some of a reading must come from bytes that are there: a run of U+FFFD (GBK read as
            # UTF-8, ˾�ڱ�������) holds nothing to read, and guessing every character would write
            # a fluent-looking stretch (彎彎彎) over what is only a record of loss.
            read = len(span_guessed) < len(fixed)
            if j > i + 1 and read and (two or whole_utf8) and _reads_better(fixed, span[i:j], confirmed=whole_utf8 and not two):
                out.append(fixed)
                run_guessed += [(run_len + at, c) for at, c in span_guessed]
                run_len += len(fixed)
                n += 1
                sources[source] += 1
                i = j
            else:
                out.append(span[i])
                run_len += 1
                i += 1
        if n:
            # The line around the run, as far as a guess's context reaches (a long one-line page
            # would otherwise be copied for every run).
            line_start = max(text.rfind("\n", max(0, m.start() - context.REACH), m.start()) + 1, m.start() - context.REACH)
            line_end = text.find("\n", m.end(), m.end() + context.REACH)
            line_end = min(len(text), m.end() + context.REACH) if line_end < 0 else line_end
            run_text, run_guessed = context.redecide("".join(out), run_guessed, text[line_start : m.start()], text[m.end() : line_end])
            run_text, findings = _mark(run_text, run_guessed, guess)
            repairs.append((m.start(), m.end(), MojibakeRepair(run_text, n, findings)))
    page_source = _consensus(sources, two_byte=False)
    if page_source:
        repairs = _agreed_runs(text, page_source, repairs, unknown, guess)
    fixed = splice(text, repairs)
    if page_source:
        # And what the main pass left of a run it re-read in part (a sign between re-read Han,
        # ¡ï in 标有¡ï号 where a byte elsewhere in the run was unknown).
        # No U+FFFD is read there: it may be a guess written as one (``guess=False``).
        fixed = _spliced_again(fixed, _agreed_runs(fixed.text, page_source, [], frozenset()))
    # Last, once the runs are read: a tone letter of an annotation whose byte was lost is a guess
    # with its finding, at its place in the text returned.
    fixed = _spliced_again(fixed, [(a, b, MojibakeRepair(words, 1, found))
                                   for a, b, words, found in annotation_letters.lost_letters(fixed.text, guess)])
    return MojibakeRepair(fixed.text, count + fixed.count, fixed.findings)


def _spliced_again(done: MojibakeRepair, repairs: list[tuple[int, int, MojibakeRepair]]) -> MojibakeRepair:
    """``splice`` on a repair's text, its findings moved along (none is inside a span re-read: a
    guess is a Chinese character or U+FFFD, which no exact reading takes)."""
    if not repairs:
        return done
    fixed = splice(done.text, repairs)
    moved = []
    shift = k = 0
    for f in sorted(done.findings, key=lambda f: f.position):
        while k < len(repairs) and repairs[k][1] <= f.position:
            shift += len(repairs[k][2].text) - (repairs[k][1] - repairs[k][0])
            k += 1
        moved.append(replace(f, position=f.position + shift))
    return MojibakeRepair(fixed.text, done.count + fixed.count, sorted(moved + fixed.findings, key=lambda f: f.position))


# A page read through one wrong decoder was read through it everywhere: once enough of its runs
# were re-read from one source (CONSENSUS_MIN, all but a CONSENSUS_SHARE of them), a run too short
# to be evidence on its own (one GBK or Big5 character between digits: 2018Äê3ÔÂ is 2018年3月)
# is re-read from that source too, if it reads as common Chinese.
CONSENSUS_MIN = 3
CONSENSUS_SHARE = 0.9


def _consensus(sources: Counter, two_byte: bool = True):
    """The reading most of a page's repairs agree on (a source, or a (family, source) pair), if
    enough of them agree (and with ``two_byte``, it reads two-byte codes: GBK, Big5, not UTF-8);
    else ""."""
    if not sources:
        return ""
    reading, n = sources.most_common(1)[0]
    source = reading[1] if isinstance(reading, tuple) else reading
    if (two_byte and source == "utf-8") or n < CONSENSUS_MIN or n < CONSENSUS_SHARE * sum(sources.values()):
        return ""
    return reading


# Characters no clean page holds: private-use code points (what a browser's GB18030 decoder
# makes of codes it leaves user-defined, as Big5's signs and many of its characters are).
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Asked of every page by the GBK re-read and the in-step reading: from the page's one scan.
holds_private_use = pagefacts.any_of(_PRIVATE_USE)


def _lone_characters(text: str, family: str, source: str) -> tuple[str, int]:
    """Re-read, in the page's agreed ``family`` view and ``source``, each character that cannot
    be clean text where it stands: a rare one alone between ASCII (2018\ue6e43る is Big5's
    2018年3月 read as GB18030), a private-use one anywhere (\ue530 is Big5's ℃, \ue53e its °),
    a bracket that answers none (``_lone_brackets``), or one alone between digits that is no unit
    or counter numbers take (``AFTER_DIGIT``) and reads as one (1999爛7月 is GBK's 1999年7月 read
    by Big5: 爛 is common, and a run of one character is too short for the main pass),
    where its bytes are one character of the source that ``_agreed`` takes. Its length is kept,
    so no other offset moves."""
    rare = _rare_char()
    at = {m.start() for m in _CJK_RUN.finditer(text) if len(m.group()) == 1 and rare.match(m.group())}
    at.update(m.start() for m in _PRIVATE_USE.finditer(text))
    at.update(_lone_brackets(text))
    units = {m.start() for m in _BETWEEN_DIGITS.finditer(text) if m.group() not in AFTER_DIGIT} - at
    edits = []
    for pos in sorted(at | units):
        ch = text[pos]
        data = decoders.encode_char(ch, family)
        fixed = _exact_reading(data, source) if data and len(data) == 2 else None
        if fixed is None or len(fixed) != 1 or not _agreed(fixed, ch, source, confirmed=False):
            continue
        if pos in units and fixed not in AFTER_DIGIT:
            continue
        edits.append((pos, fixed))
    return replace_at(text, edits), len(edits)


_BRACKETS = re.compile("[〔〕〈〉《》「」『』〖〗【】﹛﹜﹝﹞（）]")


def _lone_brackets(text: str) -> list[int]:
    """Brackets that answer none in their line (as ``context.bracket`` judges them): a sign the
    other family made of a code (Big5's ○, a1 b3, is GBK's 〕: 一○五四九 read 一〕五四九), which the
    re-read of runs of rare characters does not take."""
    out: list[int] = []
    at = 0
    for line in text.split("\n"):
        if _BRACKETS.search(line):
            out += [at + k for k in _unanswered(line) if _BRACKETS.match(line, k)]
        at += len(line) + 1
    return out


# The brackets ``context.bracket`` pairs, by kind (ASCII and fullwidth parentheses are one), and
# each opening kind's closing one.
_BRACKET_KIND = {"（": "(", "(": "(", "）": ")", ")": ")", "《": "<", "》": ">", "“": "“", "”": "”", "【": "[",
                 "】": "]", "「": "「", "」": "」", "『": "『", "』": "』", "〔": "〔", "〕": "〕", "〈": "〈", "〉": "〉",
                 "〖": "〖", "〗": "〗"}
_CLOSING = {"(": ")", "<": ">", "“": "”", "[": "]", "「": "」", "『": "』", "〔": "〕", "〈": "〉", "〖": "〗"}


def _unanswered(line: str) -> list[int]:
    """Offsets of ``line``'s brackets that answer none: a closing one with no opening one pending
    before it, an opening one with no closing one pending after it (marks of one kind nest). One
    pass each way, as each bracket's own walk would find (a line of many brackets was walked once
    a bracket)."""
    alone = []
    for order, opens in ((range(len(line)), _CLOSING), (range(len(line) - 1, -1, -1), {v: k for k, v in _CLOSING.items()})):
        answers = {close: own for own, close in opens.items()}
        pending = dict.fromkeys(opens, 0)
        for k in order:
            kind = _BRACKET_KIND.get(line[k])
            if kind in pending:
                pending[kind] += 1
            elif kind in answers:
                if pending[answers[kind]]:
                    pending[answers[kind]] -= 1
                else:
                    alone.append(k)
    return sorted(alone)


def _agreed_runs(text: str, source: str, repairs: list[tuple[int, int, MojibakeRepair]],
                 unknown: frozenset[int] | None = None, guess: bool = True) -> list[tuple[int, int, MojibakeRepair]]:
    """``repairs`` (start, end, repair: the runs of ``text`` the main pass re-read), with each run
    whose bytes are, exactly, codes of the page's agreed ``source`` (no byte unknown, none left
    over) read so instead.

    Such a run was refused or cut by the main pass because it is short (one character between
    digits: 2018Äê3ÔÂ), or reads as something the model finds unlikely or the re-read does not
    offer (a sign: ¡ã is °, ¢J is Big5's ℃, ¡ú–| is →東 where the re-read took ú– for 鷸; kana;
    a name's characters), or holds codes the re-read does not read (GB18030's four-byte codes,
    \x810\x877 for É; UTF-8's signs and letters alone between ASCII, â\x84\x83 for ℃). With the
    page's agreement it is taken when every character it reads as is likely in a Chinese page
    (``_agreed``). Repairs inside such a run give way to it. A byte under a U+FFFD is taken as
    each byte the page's decoder leaves undefined (``unknown``; none is read when the page does
    not say which decoder made it, ``_page_unknown``): the run is read if one of them only gives
    such a reading, or one clearly likeliest (``_agreed_reading``: a guess, with its finding;
    ``guess=False`` writes U+FFFD for it).
    """
    agreed: list[tuple[int, int, MojibakeRepair]] = []
    # errors="ignore" marks nothing: the bytes the page's decoder leaves undefined were dropped.
    dropped = (_page_undefined(text) or _DROPPED_ANY) if source == "utf-8" and "\ufffd" not in text else None
    for m in _agreed_run_pattern(source).finditer(text):
        # With its last character, or without it if that is a lone ASCII sign after the run
        # (·Ö~ is 分 and ~).
        for span in (m.group(), m.group()[:-1]) if m.group()[-1] < "\x80" else (m.group(),):
            around = (text[m.start() - 1 : m.start()], text[m.start() + len(span) : m.start() + len(span) + 1])
            fixed = _agreed_reading(span, source, unknown, guess, around)
            if fixed is None and dropped is not None:
                fixed = _dropped_reading(span, dropped, guess, around)
            if fixed is not None:
                agreed.append((m.start(), m.start() + len(span), fixed))
                break
    if not agreed:
        return repairs
    starts = [a for a, _, _ in agreed]
    kept = []
    for start, end, fixed in repairs:
        k = bisect_right(starts, start) - 1
        if k < 0 or agreed[k][1] < end:  # not inside an agreed run
            kept.append((start, end, fixed))
    return sorted(kept + agreed, key=lambda r: r[0])


# Lead bytes of the rows of signs (punctuation, symbols, numbers, Greek, Cyrillic, kana, pinyin
# letters, box drawing): GBK's a1-a9, Big5's a1-a3.
_SIGN_ROWS = {"gbk": range(0xA1, 0xAA), "big5": range(0xA1, 0xA4)}
# The exact codecs of the agreed sources: all of GB18030 (its four-byte codes too), and Big5 with
# the extensions Taiwan's (cp950) and Hong Kong's (HKSCS) pages are written in.
_AGREED_CODECS = {"gbk": ("gb18030",), "big5": ("cp950", "big5hkscs"), "utf-8": ("utf-8",)}


@lru_cache(maxsize=3)
def _agreed_run_pattern(source: str) -> re.Pattern | regex.Pattern:
    """``_SINGLE_RUN``, and for GB18030 its four-byte codes too (a high byte, a digit, a high
    byte, a digit: \x830ô0 is the first half of 백); for Big5 a sign whose trail byte is an ASCII
    letter before Latin text too (《Blick》 is ¡mBlick¡n, ° before C is ¢XC: a trail byte before
    another ASCII letter is not taken into a run otherwise, lest a run eat a Latin word)."""
    if source == "big5":
        sign = regex.escape("".join(_SIGN_LEAD_CHARS))
        return regex.compile(rf"(?:[{sign}][\x40-\x7e]|[{_HIGH}]|(?<=[{_HIGH}])[\x40-\x7e](?![\x40-\x7e]))+")
    if source != "gbk":
        return _SINGLE_RUN
    four = rf"[{_HIGH}][0-9][{_HIGH}][0-9]"
    return regex.compile(rf"(?:{four}|[{_HIGH}]|(?<=[{_HIGH}])[\x40-\x7e](?![\x40-\x7e]))+")


# What the single-byte decoders show for Big5's sign rows' lead bytes (a1-a3: ¡¢£, cp1250's ˇ˘Ł).
_SIGN_LEAD_CHARS = frozenset(bytes((lead,)).decode(codec) for codec in ("cp1252", "latin-1", "cp1250")
                             for lead in range(0xA1, 0xA4))


# One GBK-view character between digits on a page read as UTF-8 through a GBK decoder that drops
# what it cannot read (errors="ignore"): 2004骞3鏈 is 2004年3月, each unit's third byte (b4, 88)
# dropped with nothing to show it, because the digit after it cannot end a GBK pair.
_BETWEEN_DIGITS = regex.compile(r"(?<=[0-9])\p{Han}(?=[0-9])")


def _units_between_digits(text: str) -> tuple[str, list[Guessed]]:
    """Each such character read as its two bytes and the third UTF-8 needs: the likeliest with
    the digits around it, if GUESS_MARGIN likelier than the next and a unit or counter numbers
    take (``AFTER_DIGIT``). A guess each, with its finding; the length is kept."""
    lm = model()
    guessed: list[Guessed] = []
    for m in _BETWEEN_DIGITS.finditer(text):
        data = decoders.encode_char(m.group(), decoders.GBK_FAMILY)
        if not data or len(data) != 2:
            continue
        found = []
        for last in range(0x80, 0xC0):
            try:
                ch = (data + bytes([last])).decode("utf-8")
            except UnicodeDecodeError:
                continue
            found.append((lm.bigram(text[m.start() - 1], ch) + lm.bigram(ch, text[m.end()]), ch))
        if len(found) < 2:
            continue
        (best, ch), (second, runner_up) = sorted(found, reverse=True)[:2]
        if ch in AFTER_DIGIT and best - second >= GUESS_MARGIN:
            guessed.append((m.start(), holes.Choice(ch, 0, True, runner_up, best - second)))
    return replace_at(text, [(pos, choice.char) for pos, choice in guessed]), guessed


# A character alone at a line's start (after its indent) before a space or tab.
_LONE_AT_LINE_START = regex.compile(r"(?m)^[ \t\u3000]*([^\x00-\x7f\s])(?=[ \t])")
# The signs a list's bullet is: many a common character's GBK bytes are UTF-8 for some other sign
# (说 is cb b5, ˵; 楼 is c2 a5, ¥), and a clean line may start with one before a space (楼 主：).
_BULLET_SIGNS = frozenset("·•‧▪※§¶«»¤°")


def _bullets(text: str, guessed: list[Guessed], shown: str) -> tuple[str, int]:
    """On a page whose repairs agree it is UTF-8 read as GBK: each character alone at a line's
    start before a space or tab, as the decoder showed it (no guess of the repairs), on a line the
    repairs changed (``shown``: the page before them, line for line), whose GBK bytes are,
    exactly, UTF-8 for a bullet sign, read so (· is c2 b7, which GBK reads whole as 路, so
    "·\t医疗关注" showed "路\t医疗关注", a common character of a run of one that the main pass never
    reads). Its length is kept."""
    before, after = shown.split("\n"), text.split("\n")
    if len(before) != len(after):
        return text, 0  # the lines cannot be told apart: nothing is read
    edits = []
    at = {pos for pos, _ in guessed}
    line, line_at = 0, 0
    for m in _LONE_AT_LINE_START.finditer(text):
        if m.start(1) in at:
            continue  # a character a lost byte was guessed as (路 of 路 线 图, e8 b7 af before a space)
        line += text.count("\n", line_at, m.start(1))
        line_at = m.start(1)
        if before[line] == after[line]:
            continue  # a line no repair touched: clean text, its first character as written
        data = decoders.encode_char(m.group(1), decoders.GBK_FAMILY)
        fixed = _exact_reading(data, "utf-8") if data and len(data) == 2 else None
        if fixed in _BULLET_SIGNS:
            edits.append((m.start(1), fixed))
    return replace_at(text, edits), len(edits)


def _exact_utf8_runs(text: str, guessed: list[Guessed]) -> tuple[str, int, list[Guessed]]:
    """On a page whose repairs agree it is UTF-8 read as GBK: each run whose GBK bytes are all
    there and are, exactly, UTF-8 read so (年（ is e5 b9 b4
    ef bc 88, 骞达紙 between 3 and 1575), if the reading is text and reads better; the guesses
    moved along. The main pass refuses such a run: two characters between digits are too short
    a stretch for it to trust the model, but UTF-8's structure is evidence itself (a lead byte and
    the continuation bytes it asks for, six bytes without a break), as for the single-byte pages'
    agreed runs (``_agreed``)."""
    repairs: list[tuple[int, int, str]] = []
    at = sorted(pos for pos, _ in guessed)
    for m in _CJK_RUN.finditer(text):
        run = m.group()
        if bisect_right(at, m.end() - 1) > bisect_right(at, m.start() - 1):
            continue  # a run with a guess in it was read already
        try:  # at C speed: the GBK bytes of a repaired (clean) run are seldom UTF-8 for long
            fixed = run.encode("gbk").decode("utf-8")
        except UnicodeError:
            continue
        if _agreed(fixed, run, "utf-8") and _reads_better(fixed, run, confirmed=True):
            repairs.append((m.start(), m.end(), fixed))
    return _spliced_runs(text, [(start, end, fixed, []) for start, end, fixed in repairs], guessed)


def _spliced_runs(text: str, repairs: list[tuple[int, int, str, list[Guessed]]],
                  guessed: list[Guessed]) -> tuple[str, int, list[Guessed]]:
    """``text`` with each run (start, end) replaced by its reading, whose own guesses are at
    offsets in the reading; (text, runs replaced, every guess at its offset in the new text)."""
    if not repairs:
        return text, 0, guessed
    pieces, moved, done, shift = [], [], 0, 0
    ends = iter(repairs)
    nxt = next(ends, None)
    for pos, choice in sorted(guessed, key=lambda g: g[0]):
        while nxt is not None and nxt[1] <= pos:
            shift += len(nxt[2]) - (nxt[1] - nxt[0])
            nxt = next(ends, None)
        moved.append((pos + shift, choice))
    shift = 0
    for start, end, fixed, own in repairs:
        pieces += [text[done:start], fixed]
        moved += [(start + shift + at, choice) for at, choice in own]
        shift += len(fixed) - (end - start)
        done = end
    pieces.append(text[done:])
    moved.sort(key=lambda g: g[0])
    return "".join(pieces), len(repairs), moved


# The decoders that may have dropped the bytes of a page agreed to be UTF-8 read by the GBK
# family with nothing marked: the reading of a run must give the run back through one of them.
_DROPPING = ("gbk", "gb18030")
CUT_CHARS = 6  # characters at the end of a run a stretch the main pass left may begin in


def _cut_utf8_runs(text: str, guessed: list[Guessed], decoder: str | None = None) -> tuple[str, int, list[Guessed]]:
    """On a page whose repairs agree it is UTF-8 read by a GBK-family decoder, and which holds no
    U+FFFD (errors="ignore": rejected bytes dropped without a mark): each run still holding a
    rare character, read with the dropped bytes taken back (``reread.read``), where that reading,
    read again by such a decoder, gives the run exactly; guesses with their findings.

    The decoder drops a lead before a byte no pair ends with, so a run between ASCII loses its
    last bytes: 或 between quotes (e6 88 96 22) shows 鎴", 至 between years 鑷, － between
    numbers 锛, 年、 before a number 骞淬; and a lone 80 inside (器—— is e5 99 a8 e2 80 94 e2 80
    94: 鍣ㄢ斺). The main pass refuses such runs: one to three characters, and taking bytes back
    anywhere, clean text reads fluently by chance. Here the page has said how it was read, and the
    decoder's own reading pins every byte taken back to where it drops them; where the page says a
    GB18030 decoder made it (``decoder``), only bytes that one drops (``_narrow_gb18030_dropped``)."""
    if "\ufffd" in text:
        return text, 0, guessed
    rare = _rare_char()
    at = sorted(pos for pos, _ in guessed)
    repairs: list[tuple[int, int, str, list[Guessed]]] = []
    for m in _CJK_RUN.finditer(text):
        end = m.end()
        # What the main pass read of the run stands (up to its last guess). What is left is read
        # whole, or its last CUT_CHARS characters from one whose bytes begin with a lead of UTF-8
        # (a stretch the main pass read ends at a character boundary of the bytes) with no rare
        # character before it (it reads after text read right, not after mojibake): the first
        # start that reads.
        first = at[bisect_right(at, end - 1) - 1] + 1 if bisect_right(at, end - 1) > bisect_right(at, m.start() - 1) else m.start()
        lead = _utf8_lead_chars()
        starts = [first] + [k for k in range(max(first + 1, end - CUT_CHARS), end)
                            if lead.match(text, k) and not rare.search(text, first, k)]
        for start in starts:
            read = _cut_reading(text, start, end, decoder)
            if read is not None:
                repairs.append((start, end, *read))
                break
    return _spliced_runs(text, repairs, guessed)


# The one view and source of a page agreed to be UTF-8 read by the GBK family.
_UTF8_VIEW = ((decoders.GBK_FAMILY, ("utf-8",)),)
# What a stretch left misread must gain, per character, read as UTF-8 on a page agreed so. Below
# the main pass's GAIN: the page's agreement and UTF-8's structure are evidence of their own.
LEFT_GAIN = 2.0


def _left_utf8_spans(text: str, guessed: list[Guessed]) -> tuple[str, int, list[Guessed]]:
    """On a page whose repairs agree it is UTF-8 read by the GBK family: each stretch the main
    pass left and that is still judged misread (``unrepaired_spans``), read as UTF-8 from where
    it reads (the run's first start at most LEAD_MARGIN before it), the lost bytes guessed;
    (text, stretches read, guesses moved along).

    The main pass asks a re-read to read as running Chinese (FLUENT) because it does not know
    how the page was read; a name of rare characters fails that (章柏青 scores -9.3 a character,
    贾磊磊 -9.7), and its misreading (绔犳煆闈�, in a table cell between tabs) was left whole. Here
    the page has said how it was read and the stretch is judged misread already: the reading must
    be UTF-8 (``_agreed``), reach past a mark or two wide characters (``_marked``, ``_evidence``)
    and gain LEFT_GAIN a character."""
    spans = unrepaired_spans(text)
    if not spans:
        return text, 0, guessed
    repairs: list[tuple[int, int, str, list[Guessed]]] = []
    done = 0
    for lo, hi in spans:
        # The run the span lies in (the first one ending past its start), read from where it may begin.
        run = next((r for r in _CJK_RUN.finditer(text, max(done, lo - LEAD_MARGIN)) if r.end() > lo), None)
        if run is None or run.start() >= hi:
            continue
        base, end = max(run.start(), lo - LEAD_MARGIN, done), run.end()
        piece, final = text[base:end], end == len(text) or text[end] == "\n"
        i = base
        while i < min(hi, end):
            j, fixed, _, own, _ = _best_span(piece, i - base, text[i - 1 : i], final, views=_UTF8_VIEW)
            j += base
            stretch = text[i:j]
            if (j > i + 1 and _marked(text, i, j, "utf-8") and _evidence(text, i, j, "utf-8")
                    and _agreed(fixed, stretch, "utf-8")
                    and per_char(fixed) > per_char(stretch) + LEFT_GAIN):
                repairs.append((i, j, fixed, own))
                i = j
            else:
                i += 1
        done = max(done, i)
    return _spliced_runs(text, repairs, guessed)


@warm_tables.table
@lru_cache(maxsize=1)
def _utf8_lead_chars() -> re.Pattern:
    """A character a GBK-family decoder shows for a pair whose first byte is a lead of UTF-8's
    multi-byte characters (c2-f4): where a stretch of UTF-8 read so can begin."""
    chars = set()
    for lead in range(0xC2, 0xF5):
        for trail in range(0x40, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return re.compile("[" + "".join(sorted(chars)) + "]")


def _cut_reading(text: str, start: int, end: int, decoder: str | None = None) -> tuple[str, list[Guessed]] | None:
    """``text[start:end]`` read as UTF-8 with the bytes a dropping decoder lost taken back, and its
    guesses at offsets in the reading; None unless the reading, read again by such a decoder,
    gives the stretch exactly, and reads better."""
    run = text[start:end]
    stream, ends = decoders.byte_view(run, decoders.GBK_FAMILY)
    if len(ends) != len(run) or None in stream:
        return None
    items, complete = reread.read(stream, "utf-8", decoders.GBK_FAMILY, True)
    if not complete or not items or items[-1][1] != len(stream):
        return None
    if decoder == "gb18030":  # the run's last byte taken back is judged by the reading read again, below
        _narrow_gb18030_dropped(items, stream, run, ends)
    final = end == len(text) or text[end] == "\n"
    decoded = holes.choose_ranked(items, text[start - 1 : start], final)
    fixed = "".join(c.char for c in decoded)
    after = text[end : end + 1]
    if not any((fixed + after).encode("utf-8", "surrogatepass").decode(codec, "ignore") == run + after for codec in _DROPPING):
        return None
    if not _agreed(fixed, run, "utf-8") or not _reads_better(fixed, run, confirmed=True):
        return None
    return fixed, [(k, c._replace(candidates=tuple(items[k][2]))) for k, c in enumerate(decoded) if c.guessed]


# The GBK view of a line's indentation on a page read as UTF-8 through a GBK decoder that drops
# what it cannot read (errors="ignore"): U+3000 is e3 80 80, GBK reads e3 80 as 銆 and drops the
# 80, which no pair starts; a line of 　　18时许 comes back as 銆銆18时许, too short a stretch to
# take its bytes back (_keeping_shape), and clean text never starts a line with 銆.
_INDENT = regex.compile(r"(?m)^銆+")
_IDEOGRAPHIC_ROW = tuple(bytes((0xE3, 0x80, last)).decode("utf-8") for last in range(0x80, 0xC0))


def _indentation(text: str) -> tuple[str, list[Guessed]]:
    """Each 銆 of a run that starts a line read as e3 80 and the byte UTF-8 needs after them
    (U+3000-303F: the ideographic space, 、。《》「」...): the likeliest after the line start (or
    the character chosen before it) and before the next character, with the line's brackets
    (``context.bracket``), if GUESS_MARGIN likelier than the next. A guess each, with its
    finding; the length is kept. Only on a page with no U+FFFD: one read with errors="replace"
    marks the 80 (銆�), and there a lone 銆 is e3 80 with a third byte that paired with the next."""
    if "�" in text or not _INDENT.search(text):
        return text, []
    lm = model()
    chars = list(text)
    guessed: list[Guessed] = []
    for m in _INDENT.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        for k in range(m.start(), m.end()):
            prev = chars[k - 1] if k else "\n"
            nxt = chars[k + 1] if k + 1 < len(chars) else "\n"
            line = "".join(chars[m.start() : end])
            found = sorted(((lm.bigram(prev, ch) + lm.bigram(ch, nxt) + context.bracket(ch, line, k - m.start()), ch)
                            for ch in _IDEOGRAPHIC_ROW), reverse=True)
            (best, ch), (second, runner_up) = found[:2]
            if best - second < GUESS_MARGIN:
                break  # the rest of the run is read after this one
            chars[k] = ch
            guessed.append((k, holes.Choice(ch, 0, True, runner_up, best - second)))
    return ("".join(chars) if guessed else text), guessed


def _exact_reading(data: bytes, source: str) -> str | None:
    """``data`` read strictly in ``source``, or None: bytes no code of the source takes."""
    for codec in _AGREED_CODECS[source]:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


MAX_AGREED_HOLES = 2  # U+FFFD a run read exactly may hold (each tried as every undefined byte)


def _agreed_reading(span: str, source: str, unknown: frozenset[int] | None, guess: bool,
                    around: tuple[str, str] = ("", "")) -> MojibakeRepair | None:
    """``span``'s single-byte view read in ``source`` as ``_agreed`` takes it, its U+FFFD taken
    as each byte of ``unknown``; None if there is no such reading, or no clear choice.

    Where several fit, a four-byte code's first byte decides the plane (81 the BMP, 90 and up
    the planes beyond, which a page's text hardly uses: \ufffd0\x877 is É, not U+10043); then
    the model, with the characters ``around`` the span, if the likeliest is GUESS_MARGIN likelier
    than the next (UTF-8's 2ćś\ufffd29 through cp1250 is 2月29, e6 9c 88, or 2會29, e6 9c 83): a
    guess, with its finding.
    """
    holes_at = [k for k, ch in enumerate(span) if ch == "\ufffd"]
    # A hole is read only where the page says which decoder made it: code_pages hands over runs
    # of other code pages, whose U+FFFD stand for bytes cp1252 and cp1250 define.
    if holes_at and not unknown:
        return None
    data = bytearray(b"".join(decoders.encode_char(ch, decoders.SINGLE_FAMILY) or b"\xff" for ch in span))
    if source == "gbk" and holes_at:
        holes_at = _four_byte_leads(data, holes_at, unknown)
    if len(holes_at) > MAX_AGREED_HOLES:
        return None
    found: set[str] = set()
    for values in product(sorted(unknown or ()), repeat=len(holes_at)):
        for k, b in zip(holes_at, values, strict=True):
            data[k] = b
        fixed = _exact_reading(bytes(data), source)
        if fixed is not None and _agreed(fixed, span, source):
            found.add(fixed)
    if len(found) > 1:
        found = {fixed for fixed in found if all(ch <= "\uffff" for ch in fixed)}
    if len(found) == 1:
        return MojibakeRepair(found.pop(), 1, [])
    if len(found) < 2 or len({len(fixed) for fixed in found}) > 1:
        return None
    before, after = around
    # Where the readings differ, the line's brackets have their say too (context.bracket): the
    # model counts 【 as （, and 24、25日 read as well as 24【25日, whose 【 answers nothing.
    differ = [k for k in range(len(next(iter(found)))) if len({f[k] for f in found}) > 1]

    def score(f: str) -> float:
        line = before + f + after
        return model().score(fold(line)) + sum(context.bracket(f[k], line, len(before) + k) for k in differ)
    (best, top), (second, runner_up) = sorted(((score(f), f) for f in found), reverse=True)[:2]
    if best - second < GUESS_MARGIN:
        return None
    # The guessed characters: where the likeliest and the next differ.
    at = [k for k, (a, b) in enumerate(zip(top, runner_up, strict=True)) if a != b]
    findings = [holes.guess_finding(GUESS_KIND, k, top[k], runner_up[k], best - second) for k in at]
    text = top if guess else "".join(holes.LOST if k in at else ch for k, ch in enumerate(top))
    return MojibakeRepair(text, 1, findings)


GUESS_MARGIN = 2.0  # log-probability by which a guess in a run read exactly must lead the next

_DROPPED_ANY = frozenset().union(*_UNDEFINED.values())  # where the page does not say which decoder
# What a UTF-8 character with a byte dropped may be read as: Latin and other letters in two
# bytes; in three, general punctuation and signs, CJK punctuation, kana, Han, fullwidth forms.
_DROPPED_READ = re.compile("[\u00a0-\u07ff\u2000-\u2bff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffef]")
MAX_DROPPED = 2  # bytes one character may have lost


def _dropped_reading(span: str, dropped: frozenset[int], guess: bool, around: tuple[str, str]) -> MojibakeRepair | None:
    """``span``'s single-byte view read as UTF-8 on a page agreed to be UTF-8, where the decoder
    dropped (errors="ignore") the bytes it leaves undefined (``dropped``: cp1252's 81 8d 8f 90 9d,
    cp1250's 81 83 88 90 98); None if the bytes are no such UTF-8.

    UTF-8 says where: a lead with too few continuation bytes lost the rest, each one of the
    dropped values at one of its places (要 is e8 a6 81, shown è¦; 品川来 is e5 93 81 e5 b7 9d
    e6 9d a5, shown å“å·æ¥), at most MAX_DROPPED a character; every other byte is there. So few
    readings fit that the characters are chosen jointly by the model (``holes.choose_ranked``)
    over the whole run, each a guess with its finding. The main pass takes a byte back only in a
    stretch of four characters, one in three bytes at most, any byte a single-byte decoder
    rejects: a run read in pieces kept its short misread stretches (要, 子 between re-read ones).
    """
    data = b"".join(decoders.encode_char(ch, decoders.SINGLE_FAMILY) or b"\xff" for ch in span)
    lm = model()
    items: list[list] = []
    k = holes_in = 0
    while k < len(data):
        lead = data[k]
        if lead < 0x80:
            items.append([chr(lead), k + 1, [chr(lead)]])
            k += 1
            continue
        need = 1 if 0xC2 <= lead <= 0xDF else 2 if 0xE0 <= lead <= 0xEF else 3 if 0xF0 <= lead <= 0xF4 else 0
        if not need:
            return None  # a byte no UTF-8 character begins with: not this run's reading
        j = k + 1
        while j < len(data) and j - k <= need and 0x80 <= data[j] <= 0xBF:
            j += 1
        got = data[k + 1 : j]
        missing = need - len(got)
        if missing > MAX_DROPPED or (missing and need != 2):
            # Only a three-byte character is read with bytes taken back: a two-byte one is a
            # Latin letter, and a lone Ã is as likely the first byte of à (c3 a0) whose a0 a
            # page made a space as a lead whose byte was dropped.
            return None
        found = set()
        for places in combinations(range(need), missing):
            for values in product(sorted(dropped), repeat=missing):
                fill, rest = iter(values), iter(got)
                code = bytes((lead, *(next(fill) if p in places else next(rest) for p in range(need))))
                try:
                    ch = code.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if not missing or _DROPPED_READ.match(ch):
                    found.add(ch)
        if not found:
            return None
        holes_in += missing > 0
        items.append([None, j, sorted(found, key=lambda c: -lm.unigram(c))])
        items[-1][0] = items[-1][2][0]
        k = j
    if not holes_in or beyond_ascii(span) < 2:
        return None  # read exactly (``_agreed_reading``'s), or one letter alone (the é of Café)
    decoded = holes.choose_ranked(items, around[0], around[1] in ("", "\n"))
    fixed = "".join(c.char for c in decoded)
    if not any(fixed.encode("utf-8").decode(codec, "ignore") == span for codec in _UNDEFINED) or not _agreed(fixed, span, "utf-8"):
        return None
    at = [k for k, c in enumerate(decoded) if c.guessed]
    findings = [holes.guess_finding(GUESS_KIND, k, decoded[k].char, decoded[k].alternative, decoded[k].margin) for k in at]
    text = fixed if guess else "".join(holes.LOST if k in at else ch for k, ch in enumerate(fixed))
    return MojibakeRepair(text, 1, findings)


def _four_byte_leads(data: bytearray, holes_at: list[int], unknown: frozenset[int]) -> list[int]:
    """The holes of ``data`` left once each that opens a GB18030 four-byte code (a digit, a high
    byte and a digit after it) is filled, in ``data``, with the undefined byte that makes it a code
    of the Basic Multilingual Plane.

    A four-byte code's first byte is 81-84 for the BMP (Thai, −, ™, É: \ufffd2Ó0 through cp1252 is
    81 32 d3 30, ส) and 90-e3 beyond it, which a page hardly uses. cp1252 leaves 81 (and 90)
    undefined; cp1250 81 and 83 (and 90, 98): 81 holds the letters and signs a Chinese page quotes
    (Latin, Thai, Devanagari, −, ™), 83 the second half of Hangul and private use, and on the
    build split of the wiki corpus 298 four-byte characters start with 81, 11 with 83, 8 with 82:
    81 where it fits, else the one BMP byte that fits. Each code's first byte decides that code
    only, so a run of Thai (a four-byte code a letter) is read however many such holes it holds.
    """
    left = []
    for k in holes_at:
        rest = bytes(data[k + 1 : k + 4])
        if len(rest) == 3 and 0x30 <= rest[0] <= 0x39 and rest[1] >= 0x81 and 0x30 <= rest[2] <= 0x39:
            fits = [b for b in sorted(unknown) if 0x81 <= b <= 0x84 and _exact_reading(bytes((b,)) + rest, "gbk")]
            if len(fits) == 1 or fits[:1] == [0x81]:
                data[k] = fits[0]
                continue
        left.append(k)
    return left


def _agreed(fixed: str, span: str, source: str, confirmed: bool = True) -> bool:
    """Is ``fixed`` (``span`` read exactly in the page's agreed ``source``) what the page said?

    UTF-8's structure is evidence itself (a lead byte and its continuation bytes: â\x84\x83 is
    ℃): any character that is text. In GBK and Big5 a sign's code is evidence too (the model
    hardly knows ℃ or kana, and no clean text shows a sign row's lead byte, one of ¡¢£¤¥¦§¨©,
    before another high one), and so is a GB18030 four-byte code; Han must be common and read
    better than the run (``confirmed``: without the fluency test, the page's agreement stands
    for it: 唐鼓 scores -9.5 a character).
    """
    if fixed == span or not any(ch >= "\x80" for ch in fixed):
        return False
    if any("\ue000" <= ch <= "\uf8ff" or not ch.isprintable() for ch in fixed):
        return False  # a user-defined code or a control: no page's text
    if source == "utf-8":
        return True
    rare = _rare_char()
    signs = False
    for ch in fixed:
        if ch < "\x80":
            continue
        code = _code(ch, source)
        if code is not None and (len(code) == 4 or code[0] in _SIGN_ROWS[source]):
            signs = True
        elif rare.match(ch):
            return False
    return signs or _reads_better(fixed, span, confirmed=confirmed)


def _code(ch: str, source: str) -> bytes | None:
    for codec in _AGREED_CODECS[source]:
        try:
            return ch.encode(codec)
        except UnicodeEncodeError:
            continue
    return None


def fix_latin_mojibake(text: str) -> str:
    """UTF-8 read as cp1252/Latin-1, via ftfy with a Chinese-safe configuration.

    Seen without the invisible characters a later stage drops (a control character between the
    bytes of one character): read with them, a second clean would repair what the first left.
    """
    seen = leftovers.remove_invisible(text)
    # Any UTF-8 lead byte, not only Han's (e4-e9: ä-é): the same mix-up leaves CJK punctuation
    # (ã€‚), fullwidth forms (ï¼Œ) and the accented Latin of names (Ã©, Ã¼) inside Chinese lines.
    # ftfy decides whether a match is mojibake.
    if not latin_layers.shows_misread_utf8(seen):
        return text
    ftfy, config = _ftfy_config()
    fixed = ftfy.fix_text(seen, config=config)
    return fixed if fixed != seen else text


# --- What is still mojibake after the repairs: kept byte for byte ------------------------------

# Marks no clean Chinese text holds in a run of Han: the replacement character, private-use code
# points (GB18030's user-defined area as a browser decodes it) and € (a lone 0x80).
_LOSS_MARKS = "\ufffd\u20ac\ue000-\uf8ff"
PROTECT_GAP = 3  # rare characters at most this far apart belong to one misread stretch
PROTECT_EDGE = 1  # a character each side: converted, it changes what a later pass reads (��劐當 -> 當 as 当)


def unrepaired_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of stretches still judged mojibake: left as they are by later stages.

    A stretch is judged misread when it holds a mark of lost bytes or several rare characters
    close together, at least half of its characters rare: what a wrong decoder leaves and clean
    text almost never has (a rare name is one or two rare characters among common ones). A
    stretch of pure rare Han with no mark must also re-read, in part, as UTF-8 in a byte view,
    so that a run of rare but real characters (鑫森淼焱垚) is not kept from conversion.

    Asked twice a page (converted mojibake on the re-read's result, then the kept spans before
    conversion), mostly of a text no stage changed in between, which is then the same str
    object: the last answer is kept for it, as ``pagefacts`` keeps its last scan.
    """
    global _last_unrepaired
    seen, spans = _last_unrepaired
    if seen is not text:
        spans = tuple(_unrepaired_spans(text))
        # Held until the next text is asked about (a str cannot be referenced weakly); one pair,
        # so that a reader never sees one text with another's spans.
        _last_unrepaired = (text, spans)
    return list(spans)  # the caller's own list, which it may extend


_last_unrepaired: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())


def _unrepaired_spans(text: str) -> list[tuple[int, int]]:
    """``unrepaired_spans``, worked out."""
    if not _looks_misread(text):
        return []
    spans = _lone_rare_spans(text)
    if not _close_rare_pair(text):
        return spans  # no cluster (_rare_clusters) anywhere: most clean pages, rare names and all
    return _joined(spans + _cluster_spans(text))


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and out[-1][1] >= lo:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _lone_rare_spans(text: str) -> list[tuple[int, int]]:
    """Stretches around a single rare character that are a character or two of UTF-8 read by a
    GBK- or Big5-family decoder and cut off at an end: a short misread span inside a correct
    line, whose other characters the model does not find rare (手机 cut inside 机 is 鎵嬫, and
    嬫 is common enough). Clusters of rare characters are ``_cluster_spans``'.

    A window of two or three Han around each rare Han character is taken when its GBK or Big5
    bytes read as one common Han character of UTF-8 and a lead of the Han of UTF-8 (e4-e9, with
    at most one of its continuation bytes) cut off at the end; only at the end: continuation
    bytes at the start are what a Traditional character's GBK code begins with (為 is 9e e9),
    and clean Traditional text read so by chance too often (為捍). Stricter than
    ``_reads_to_a_cut`` alone, which clean text passes by chance once in a few hundred rare
    characters. Each is kept with PROTECT_EDGE characters a side (and the ``?`` beside it). A
    window whose last character makes a pair the model has seen with the next one is no cut
    stretch (黃睿靚瑞士 as a converter writes it: 靚瑞 reads so as Big5, but 瑞士 is a word):
    clean text, kept from conversion, stayed Traditional under ``--to zh-hans``.

    Nearly every clean page holds rare Han (names, terms) and is asked twice (repairs, then what
    later stages keep), so the windows are read in one native pass a page
    (native/src/lone_rare.rs, from the code tables and the page scan's rare class); the Python
    original is tests/reference_lone_rare.py, which the property tests hold it to.
    """
    sets, index = rare_table()
    return _native.lone_rare_spans(decoders.native_codes(), sets, index, model().native, text)


# The rare class (``_rare_char``) in the page scan's native table, for native passes that ask it
# character by character (this one, other_scripts' line gate): the class _holds_rare scans for.
rare_table = pagefacts.table_of(lambda: _rare_char())


def _cluster_spans(text: str) -> list[tuple[int, int]]:
    """``unrepaired_spans`` of the clusters of rare characters."""
    # Where a cluster may start: a run without one of these places has none (a rare name), and
    # is passed over without listing its rare characters.
    starts = [m.start() for m in _cluster_start().finditer(text)]
    spans: list[tuple[int, int]] = []
    for start, end in _rare_runs(text):
        k = bisect_left(starts, start)
        if k == len(starts) or starts[k] >= end:
            continue
        run, base = text[start:end], start
        for lo, hi in _rare_clusters(run):
            if _judged_misread(run[lo:hi]) or _beside_question_mark(text, base, run, lo, hi):
                lo, hi = max(0, lo - PROTECT_EDGE), min(len(run), hi + PROTECT_EDGE)
                while lo < hi and run[lo] < "\x80":
                    lo += 1
                while hi > lo and run[hi - 1] < "\x80":
                    hi -= 1
                lo, hi = _with_question_marks(text, base + lo, base + hi)
                if spans and spans[-1][1] >= lo:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
                else:
                    spans.append((lo, hi))
    return spans


def _with_question_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) widened over the ``?`` right before and after it: in mojibake a ``?`` is a
    lost byte's mark (a decoder or a database wrote it for bytes it could not show), part of the
    stretch, and a later clean reads it as one (§5.6); made fullwidth, it was read as a wrong
    guess on the second clean (骞寸?诲紑 -> 骞寸？诲紑 -> 年磨翻开)."""
    while start > 0 and text[start - 1] == "?":
        start -= 1
    while end < len(text) and text[end] == "?":
        end += 1
    return start, end


def _rare_runs(text: str):
    """(start, end) of each run holding a rare character, in page order: ``_runs`` with no line
    skipped, found in one native pass (native/src/refusal.rs) where the native core is there and
    the text has no lone surrogate (a page's runs in Python: a ``regex`` search a rare character)."""
    refusal = _refusal()
    runs = refusal.rare_runs(text) if refusal is not None else None
    return list(_runs(text)) if runs is None else runs


def _close_rare_pair(text: str) -> bool:
    """Are two rare characters of ``text`` (Chinese punctuation aside) less than PROTECT_GAP
    apart? A cluster of a run (``_rare_clusters``) holds two such characters in a row, and a
    run is a stretch of the text: without such a pair on the page there is none."""
    return _close_pair().search(text) is not None


@warm_tables.table
@lru_cache(maxsize=1)
def _close_pair() -> re.Pattern:
    """Two rare characters, not Chinese punctuation (``_PUNCT_BLOCKS``), less than PROTECT_GAP
    apart: one search at C speed."""
    one = _rare_sign()
    return re.compile(f"{one}(?s:.){{0,{PROTECT_GAP - 1}}}{one}")


def _rare_sign() -> str:
    """A rare character that is no Chinese punctuation, as one class (of ``_close_pair``)."""
    return _rare_char().pattern[:-1] + _PUNCT_BLOCKS.pattern[1:]  # [^...] widened: neither common, Latin nor punctuation


@warm_tables.table
@lru_cache(maxsize=1)
def _cluster_start() -> re.Pattern:
    """The first of two rare characters, not Chinese punctuation, that ``_rare_clusters`` puts in
    one cluster (fewer than PROTECT_GAP characters from the end of one to the next): every
    cluster starts with such a pair, so a run holding none of these places has no cluster."""
    one = _rare_sign()
    return re.compile(f"{one}(?=(?s:.){{0,{PROTECT_GAP - 1}}}{one})")


def _rare_clusters(run: str) -> list[tuple[int, int]]:
    """Stretches of ``run`` from a rare character to a rare one, no two more than PROTECT_GAP apart.

    Chinese punctuation (「」, fullwidth signs) is left out: the model may find it rare, but it
    is no sign of misreading.
    """
    clusters: list[list[int]] = []
    for m in _rare_char().finditer(run):
        if _PUNCT_BLOCKS.match(m.group()):
            continue
        if clusters and m.start() - clusters[-1][1] < PROTECT_GAP:
            clusters[-1][1] = m.end()
            clusters[-1][2] += 1
        else:
            clusters.append([m.start(), m.end(), 1])
    return [(lo, hi) for lo, hi, n in clusters if n >= 2]


def _beside_question_mark(text: str, base: int, run: str, lo: int, hi: int) -> bool:
    """Is a stretch ``run[lo:hi]`` of mostly rare characters at an end of its run, where a "?"
    stands (a decoder's mark of bytes it could not read, as iconv or a database connection
    writes it)? The mark is then what U+FFFD is to ``_judged_misread``: the stretch is kept as it
    is. Converted (闡牉芵ㄟ譫 -> 阐牉芵ㄟ谵, a GBK page read as Big5), its neighbours change and
    a second clean re-reads it otherwise."""
    end = base + len(run)
    before = lo <= PROTECT_EDGE and base > 0 and text[base - 1] == "?"
    after = hi >= len(run) - PROTECT_EDGE and end < len(text) and text[end] == "?"
    if not (before or after):
        return False
    stretch = run[lo:hi]
    rare = sum(1 for ch in _rare_char().findall(stretch) if not _PUNCT_BLOCKS.match(ch))
    return 2 * rare >= len(stretch)


IGNORE_JUDGE_CHARS = 6
_PUNCT_BLOCKS = re.compile("[\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f\uff00-\uff65]")
_MARK = re.compile(f"[{_LOSS_MARKS}]")


@lru_cache(maxsize=4096)
def _judged_misread(stretch: str) -> bool:
    # Cached: a page's clusters are judged again by each later caller (the converted-mojibake
    # check, the re-read of joined wraps, the spans kept from conversion), each with byte views
    # and up to twelve re-reads; the answer depends on the stretch alone.
    rare = sum(1 for ch in _rare_char().findall(stretch) if not _PUNCT_BLOCKS.match(ch))
    if 2 * rare < len(stretch):
        return False
    if _MARK.search(stretch):
        return True
    # No mark: the bytes must say so. A GBK- or Big5-family byte view of the stretch that reads,
    # for two characters or more, as UTF-8 is the mark of double encoding.
    for family in (decoders.GBK_FAMILY, decoders.BIG5_FAMILY):
        stream, ends = decoders.byte_view(stretch, family)
        if len(ends) < len(stretch):
            continue  # a character this family never gives: not its mojibake
        for start in range(min(3, len(stream))):
            # Bytes may have been dropped without a mark; taken back, they make many short
            # stretches read (鄔賀銓), so only a long stretch is read so.
            for ignore in (False, True) if len(stretch) >= IGNORE_JUDGE_CHARS else (False,):
                items, _ = reread.read(stream[start:], "utf-8", family, ignore)
                # Most of the bytes must read: two characters somewhere in a stretch are chance.
                covered = items[-1][1] if items else 0
                read = "".join(ch for ch, _, _ in items)
                if (sum(1 for ch in read if ch >= "\u3400") >= (3 if ignore else 2) and 3 * covered >= 2 * (len(stream) - start)
                        and _ascii(read) <= _ascii(stretch)):
                    return True
        if _reads_with_four_byte(stream) or _reads_to_a_cut(stream):
            return True
    return False


# A character's bytes cut off at an end of a stretch: its continuation bytes without their lead
# (at the start), or a lead with fewer continuation bytes than it needs (at the end).
_CUT_START = re.compile(rb"^[\x80-\xbf]{1,2}")
_CUT_END = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf]?|[\xf0-\xf4][\x80-\xbf]{0,2})$")


def _reads_to_a_cut(stream: list, cuts: re.Pattern | None = None) -> bool:
    """Is a byte view exactly UTF-8 characters beyond U+3400, but for a character cut off at one
    end, two characters in all? A short misread span inside a correct line (a name, a word pasted
    from a misread source) begins or ends inside a character: 手机 cut after 手 and the lead of 机
    is 鎵嬫, whose byte view e6 89 8b e6 reads as 手 and a lead. The re-read asks two whole
    characters of it, and the stretch was converted (镓嬫), its bytes lost."""
    if None in stream:
        return False
    data = bytes(stream)
    head = _CUT_START.match(data)
    tail = _CUT_END.search(data, head.end() if head else 0)
    if (head is None) == (tail is None):
        return False  # no cut, or a cut at both ends: the re-read's own cases, or too little to go on
    body = data[head.end() if head else 0 : tail.start() if tail else len(data)]
    try:
        read = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if cuts is None:
        return _HAN_READ.fullmatch(read) is not None
    cut = tail.group() if tail else b""
    return (cuts.search(cut) is not None and len(cut) == len(cuts.search(cut).group())
            and _COMMON_HAN.fullmatch(read) is not None and not _rare_char().search(read))


_COMMON_HAN = re.compile("[\u4e00-\u9fff]+")


_HAN_READ = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]+")


# One UTF-8 character of two to four bytes (a four-byte one: an emoji, Han beyond the Basic
# Multilingual Plane), as bytes.
_UTF8_CHAR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _reads_with_four_byte(stream: list) -> bool:
    """Does a byte view read as UTF-8 holding a four-byte character (😂 read as GBK is 馃槀; 𡈽,
    稹埥), two characters or more beyond U+3400 in all, over two thirds of its bytes? The re-read
    (``reread.read``) reads characters of up to three bytes: a short stretch around an emoji or
    a rare name's Extension B character would not be judged misread, and be converted."""
    data = bytes(0xFF if b is None else b for b in stream)  # an unknown byte is no UTF-8 byte
    covered = wide = four = 0
    for m in _UTF8_CHAR.finditer(data):
        try:
            ch = m.group().decode("utf-8")
        except UnicodeDecodeError:  # overlong or a surrogate
            continue
        if not _FOUND_IN_SPANS.match(ch):
            continue  # a letter of another script, a private-use code: chance, not this stretch's text
        covered += len(m.group())
        wide += 1
        four += len(m.group()) == 4
    return four > 0 and wide >= 2 and 3 * covered >= 2 * len(data)


# What a misread span of Chinese chat text holds: Han (beyond the Basic Multilingual Plane too),
# Chinese punctuation, emoji and the signs that go with them.
_FOUND_IN_SPANS = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e\u2600-\u27bf\u200d\ufe0f"
                             "\U0001f000-\U0001faff\U00020000-\U0003134f]")


def is_mark(ch: str) -> bool:
    """Is ``ch`` a mark of lost bytes (U+FFFD, € or a private-use character a decoder made)?"""
    return _MARK.match(ch) is not None


def rare_chars(text: str) -> list[str]:
    """The characters of ``text`` that look misread (rare by the model)."""
    return _rare_char().findall(text)


@lru_cache(maxsize=1)
def rare_han_pattern() -> re.Pattern:
    """A rare character (``_rare_char``) among the CJK ideographs U+3400-9FFF, as one class."""
    source = _rare_char().pattern
    # The rare class is "not ASCII..Latin, not common"; narrowed to the ideographs by its lead.
    assert source.startswith("[^\\x00-\\u024f"), "the rare class's lead changed: narrow it anew"
    return re.compile(source.replace("[^\\x00-\\u024f", "[^\\x00-\\u33ff\\ua000-\\U0010ffff", 1))


def count_rare(text: str) -> int:
    """How many characters of ``text`` look misread (rare by the model): a stretch's badness."""
    return len(_rare_char().findall(text))
