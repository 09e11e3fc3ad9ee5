"""A ``?`` written where a decoder met bytes it could not read: tried as a mark of lost bytes.

Why: many tools write ``?``, not U+FFFD, for a byte sequence they cannot decode or encode (iconv
and PHP's converters, a MySQL connection in the wrong character set, Java encoders, export
tools). UTF-8 read so as GBK leaves ``鍏?鍙稿湪鍖椾含銆?`` for 公司在北京。: the ``?`` stands
where U+FFFD would, and the byte repair, which reads U+FFFD as lost bytes, stops at it.

A ``?`` is also a question mark, so the mark is tried, not assumed, and only where the line is
misread right there: a ``?`` beside what the plain run of the repair re-read, or among rare
characters, is read as U+FFFD in a second run (in up to three rounds: each reading puts more
``?`` beside what is read), and a line takes that run's reading only where it leaves fewer
characters that look misread. A mark the trial could not place stays U+FFFD, so a second clean
reads the line as the first did, unless it stands where a question mark ends a sentence. Not
tried: a page that already holds U+FFFD (its decoder marked with it), a page whose marks are too
many to read back (MAX_MARK_SHARE), nor, by the pipeline, a page with the pinyin damage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher

from cleaner import chardata, lost_chars
from cleaner.langmodel import per_char
from cleaner.model import Finding
from cleaner.repair import decoder_marks, decoders, latin_layers, mojibake

MARK = "\ufffd"
# Stands, in a trial, for the character whose byte a Windows mark took with its lead (ASCII: no
# GBK trail, so its one byte; unit separator: no text holds it and no line ends at it), so that
# the reading steps over it as the decoder's input did; written U+FFFD where the mark is read.
LOST_AFTER_PAIR = "\x1f"
# A line whose Windows marks (decoder_marks.BYTES: a dot for a pair) were read: the byte after
# each lead is lost, unread.
PAIR_KIND = "lost-byte-after-mark"
PAIR_DETAIL = "a Windows decoder's mark stood for a pair: the character its second byte was (an ASCII digit or sign) is lost, written U+FFFD"
# Marks beyond this share of the page's characters beyond ASCII: a path that lost a third of its
# bytes or more (UTF-8 read by a Big5 decoder marks 80-225 %), which no repair reads back; the "?"
# stay as they are. UTF-8 read as GBK or cp1252 marks about one character in ten; Big5 read as
# GBK, counting only the marks that lost more than a lead byte (_lost), 21-28 %.
MAX_MARK_SHARE = 0.4
MIN_SHARE_CHARS = 40  # a share of a few characters says nothing: a short text is always tried
MIN_RARE = 2  # rare characters beside a "?" for it to be tried as a mark
NEAR = 2  # characters between a "?" and what the plain repair re-read, for it to be tried
AROUND = 3  # characters each side of a "?" looked at for rare ones
MAX_ROUNDS = 3  # trials, each with the marks beside what the last one read
# A run of "?" next to a character beyond ASCII, or before an ASCII byte that could be a
# two-byte code's second (a GBK decoder gives the mark, then that byte again as ASCII: ?x灣 for
# Big5 台灣; ?U?a?[ for 各地加), itself before such a pair or beyond ASCII: where a decoder's
# lost-byte mark would sit. What follows a run of "?" for the second (``_candidates`` asks it of
# each run: a run is such a run whole or not at all).
_AFTER_MARK = re.compile(r"(?:[\x40-\x7e]\?+)*[\x40-\x7e]?[^\x00-\x7f]")
# A chain of such marks, each before its second byte, after a character beyond ASCII: the later
# marks stand where a decoder's would too, though an ASCII byte is on each side (Big5 read as GBK:
# 有人口 is Τ?H?f, a1 48 a4 66 after a6 b3; ?f is then followed by digits).
_CHAIN = re.compile(r"(?:\?+[\x40-\x7e])+\?*")  # from a run after a character beyond ASCII
_MARKS = re.compile(r"\?\?*")  # not \?+: re skips ahead to a named first character, which a repeat does not name


# UTF-8 read as cp1252 or Latin-1 and saved where U+FFFD cannot go (a latin1 database column, an
# export): each byte cp1252 leaves undefined (81 8d 8f 90 9d, all continuation bytes) is a "?".
# Where UTF-8 needs a continuation byte no question's "?" (3f) can stand, so a "?" there is a mark
# for certain, not a trial: in a run of such mojibake (``latin_layers.MIN_MISREAD`` misread
# characters) whose bytes, each mark a continuation byte, are UTF-8 throughout (GBK read as cp1252,
# ÖÐÎÄ? for 中文?, is not: its "?" stays a question).
_LATIN_RUN = re.compile(f"[\\x80-\\xff{re.escape(chardata.CP1252_SIGNS)}{MARK}?]+")
_STAND_IN = 0x80  # a continuation byte standing for the byte a mark lost, to test the run's shape


def inside_misread_utf8(text: str) -> mojibake.MojibakeRepair:
    """``text`` with each "?" standing where its run of cp1252-read UTF-8 needs a continuation byte
    written U+FFFD, the mark the single-byte re-read fills (see ``_LATIN_RUN``); (text, runs
    changed, no findings: the re-read makes the guesses)."""
    if "?" not in text or not latin_layers.shows_misread_utf8(text):
        return mojibake.MojibakeRepair(text, 0, [])
    changed = 0

    def marked(m: re.Match) -> str:
        nonlocal changed
        run = m.group()
        if "?" not in run or len(latin_layers.MISREAD_UTF8.findall(run)) < latin_layers.MIN_MISREAD:
            return run
        data = bytearray(_STAND_IN if ch in "?" + MARK else ord(ch) if ch <= "\xff" else ch.encode("cp1252")[0]
                         for ch in run)
        slots = [i for i in _continuations(data) if run[i] == "?"]
        try:
            bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            return run
        if not slots:
            return run
        changed += 1
        chars = list(run)
        for i in slots:
            chars[i] = MARK
        return "".join(chars)

    out = _LATIN_RUN.sub(marked, text)
    return mojibake.MojibakeRepair(out, changed, [])


def _continuations(data: bytearray) -> list[int]:
    """Offsets of ``data`` where UTF-8 needs a continuation byte (after a lead c2-f4)."""
    found, need = [], 0
    for i, b in enumerate(data):
        if need and 0x80 <= b < 0xC0:
            found.append(i)
            need -= 1
            continue
        need = 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else 0
    return found


def _candidates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of "?" standing where a decoder's lost-byte mark would sit.

    Found from the runs of "?" (a search for a literal), each asked what stands before and after
    it: a pattern opening with a look-behind was tried at every character of the text, a tenth of
    a millisecond a page with any "?" and again on each of its lines (tests/test_question_marks.py
    holds this to those patterns)."""
    if "?" not in text:
        return []
    spans = set()
    for run in _MARKS.finditer(text):
        a, b = run.span()
        after_wide = a > 0 and not text[a - 1].isascii()
        if after_wide or _AFTER_MARK.match(text, b):
            spans.add((a, b))
        if after_wide and (chain := _CHAIN.match(text, a)):
            spans.update(m.span() for m in _MARKS.finditer(text, a, chain.end()))
    return sorted(spans)


def tried(repair: Callable[[str], mojibake.MojibakeRepair], text: str, *,
          unless: Callable[[str], bool] | None = None) -> tuple[mojibake.MojibakeRepair, int]:
    """``repair(text)``, with each "?" beside a character beyond ASCII also tried as lost bytes;
    (the repair, how many lines took the trial's reading). ``repair`` is a byte repair that reads
    U+FFFD as lost bytes (the GBK re-read, the single-byte re-read). No trial where
    ``unless(plain reading)`` holds: the pipeline's "this page has the pinyin damage", whose "?"
    are the pinyin repair's (首?ràng) is a shifted annotation, also where the line was misread as
    cp1252 and only the plain reading shows it)."""
    plain = repair(text)
    # Other programs' marks (ICU's SUB, Win32's and Excel's dots: decoder_marks.py) are tried the
    # same way, each standing where U+FFFD would.
    questions = "?" in text and MARK not in text
    others = decoder_marks.present(text)
    if not questions and not others:
        return plain, 0
    found = (_candidates(text) if questions else []) + (decoder_marks.candidates(text) if others else [])
    if not found or _too_many(text, _lost(text, found)):
        return plain, 0
    if unless is not None and unless(plain.text):
        return plain, 0
    lines, plain_lines = text.split("\n"), plain.text.split("\n")
    marks_at = _plausible_marks(lines, plain_lines, questions, others)
    best: tuple[mojibake.MojibakeRepair, int] = (plain, 0)
    stand_in = others and LOST_AFTER_PAIR not in text  # a text's own would be taken for a lost character
    # Each round's reading shows more of the line as misread (鈥滀腑鍥解?濈殑鏈?鏉?: once 中国” is
    # read, 的鏈? is beside it), so the marks beside it are tried in the next.
    for _ in range(MAX_ROUNDS):
        if not any(marks_at):
            break
        trial = repair("\n".join(_marked(line, spans, stand_in) for line, spans in zip(lines, marks_at, strict=True)))
        if trial.text.count("\n") != plain.text.count("\n"):
            break  # the repairs never join or split lines; if they did, keep what is chosen
        if stand_in:
            trial = _unplaced_pairs(trial)
        # A line where another program's mark was tried keeps an unplaced SUB as U+FFFD (no "?" of
        # it is a question's) and an unplaced dot as the dot it was.
        questions_only = [all(line[a] == "?" for a, _ in spans) for line, spans in zip(lines, marks_at, strict=True)]
        dots = [_dots_by_neighbours(line, spans) for line, spans in zip(lines, marks_at, strict=True)]
        repair_now, taken, seen = _chosen(plain, trial, [bool(spans) for spans in marks_at], questions_only, dots, stand_in)
        if taken:
            best = (repair_now, taken)
        wider = [sorted(set(a) | set(b)) for a, b in zip(marks_at, _plausible_marks(lines, seen, questions, others), strict=True)]
        if wider == marks_at:
            break
        marks_at = wider
    return best


# A "?" before a byte that could be a two-byte code's second, shown as ASCII: the decoder read the
# lead alone and the second byte again (Big5 read as GBK: ?A for ，, a1 41), so one byte of the
# character is lost, not the character: such marks are read back however many there are.
_TRAIL_KEPT = re.compile(r"\?[\x40-\x7e]")


def _lost(text: str, found) -> int:
    """Marks among ``found`` (matches or spans) that lost more than a lead byte."""
    total = 0
    for a, b in found:
        total += b - a - bool(_TRAIL_KEPT.match(text, b - 1))
    return total


def _too_many(text: str, marks: int) -> bool:
    """Are ``marks`` too many for the page's characters beyond ASCII to be read back?

    The share counts ？ too: a mark the width fixer made ？ must count as it did, so that a
    second clean judges the page as the first did."""
    wide = len(text) - len(text.encode("ascii", "ignore"))  # characters beyond ASCII, at C speed
    return wide >= MIN_SHARE_CHARS and marks + text.count("？") > MAX_MARK_SHARE * wide


def unread(text: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of "?" left as a decoder's marks: all of them on a page with too
    many to be read (UTF-8 read by a Big5 decoder), else those among misread-looking characters
    (two rare ones within three characters: the trial's own test). Unrepaired damage, kept as it
    is: made ？ by the width fixer, a mark would join the mojibake beside it into one run and no
    longer be tried as a mark, so a second clean would read the line otherwise (鷗?B堵Ю琶?B, a
    Big5 page read as GBK, became 鷗？B黑尾鷗？B)."""
    # A run that ends a question (什么???, 你确定吗???) is a question mark, however many there are.
    found = [(a, b) for a, b in _candidates(text) if not lost_chars.asks(text, a)]
    if found and not _too_many(text, _lost(text, found)):
        found = [(a, b) for a, b in found
                 if _rare_letters(text[max(0, a - AROUND) : a] + text[b : b + AROUND]) >= MIN_RARE]
    # With the character each side beyond ASCII (as unrepaired_spans keeps one): converted, it
    # would change what a second clean reads there (兩??ㄛむ, made 两??ㄛむ, read 坝会，莋).
    return [(a - (a > 0 and text[a - 1] >= "\x80"), b + (b < len(text) and text[b] >= "\x80")) for a, b in found]


def _rare_letters(text: str) -> int:
    """Rare characters that are letters (Han, kana, Cyrillic: what misread bytes give) or marks
    of lost bytes (U+FFFD), not the signs a page draws with (arrows and box drawing, rare to the
    model: 吻合嗎?↓←───)."""
    return sum(1 for ch in mojibake.rare_chars(text) if unicodedata.category(ch)[0] == "L" or mojibake.is_mark(ch))


def _chosen(plain: mojibake.MojibakeRepair, trial: mojibake.MojibakeRepair,
            misread: list[bool], questions_only: list[bool],
            dots: list[dict[tuple[str, str], str]], stand_in: bool) -> tuple[mojibake.MojibakeRepair, int, list[str]]:
    """Per line, the plain reading or the trial's; (the repair, lines taken from the trial, the
    chosen lines with every unplaced mark as "?"). ``stand_in``: the trial holds LOST_AFTER_PAIR
    for the characters Windows marks took."""
    guessed = {f.position for f in trial.findings if f.position >= 0}
    unplaced = _unplaced_marks(trial.text, guessed)
    pieces: list[str] = []
    seen: list[str] = []
    findings = [f for f in plain.findings if f.position < 0]
    taken = out = plain_at = trial_at = 0
    for plain_line, trial_line, looks_misread, asked, dots_at in zip(
            plain.text.split("\n"), trial.text.split("\n"), misread, questions_only, dots, strict=True):
        # Judged with the marks the trial could not place as "?" again (one character for one).
        restored = ("".join("?" if trial_at + i in unplaced else ch for i, ch in enumerate(trial_line))
                    if MARK in trial_line else trial_line)
        if stand_in:
            restored = restored.replace(LOST_AFTER_PAIR, "")
        take = looks_misread and restored != plain_line and _badness(restored) < _badness(plain_line)
        if take and not asked:
            # Another program's mark: the trial must also read no worse by the character model, the
            # marks left out (a clean 钱·钟书 tried as 钱�钟书 reads 钱术书, no rare character
            # either way; 鎴戜滑浜・006 reads 我们于006).
            take = per_char(_unmarked(restored)) >= per_char(_unmarked(plain_line))
        # A line that takes the trial's reading keeps its unplaced marks as U+FFFD: its "?" were
        # marks of loss, and so marked a second clean reads the line as this one did. Only a "?"
        # that ends a sentence after a character read for sure is a question mark again.
        line = "".join("?" if asked and trial_at + i in unplaced and _asks(trial_line, i) else ch
                       for i, ch in enumerate(trial_line)) if take else plain_line
        if take and dots_at and MARK in line:
            # A dot the trial did not place, its neighbours as they were, was the text's own
            # (乔治·梅森 on a line whose "?" were read): the dot again.
            line = "".join(dots_at.get((trial_line[i - 1 : i], trial_line[i + 1 : i + 2]), ch)
                           if trial_at + i in unplaced else ch for i, ch in enumerate(trial_line))
        # Windows' mark stands for a pair: the byte after the lead it read went with it (an ASCII
        # digit or sign), a character no reading gives back: U+FFFD, and a finding, where it stood.
        lost_at = [i for i, ch in enumerate(line) if ch == LOST_AFTER_PAIR] if stand_in else []
        if lost_at:
            line = line.replace(LOST_AFTER_PAIR, MARK)
        source, start = (trial, trial_at) if take else (plain, plain_at)
        taken += take
        findings.extend(_moved(f, start, out) for f in source.findings if start <= f.position <= start + len(line))
        findings.extend(Finding(PAIR_KIND, out + i, PAIR_DETAIL, 1) for i in lost_at)
        pieces.append(line)
        seen.append(restored if take else plain_line)
        out += len(line) + 1
        plain_at += len(plain_line) + 1
        trial_at += len(trial_line) + 1
    return mojibake.MojibakeRepair("\n".join(pieces), plain.count, findings), taken, seen


def _plausible_marks(lines: list[str], plain_lines: list[str], questions: bool = True,
                     others: bool = False) -> list[list[tuple[int, int]]]:
    """Per line, the runs of "?" that may be marks: beside what the plain repair re-read (鍏?鍙稿湪
    came back 鍏?司在: the line is misread right there), or among misread-looking characters
    (two rare ones within three characters). Elsewhere a "?" is a question mark (老闆?我想退貨)."""
    if len(lines) != len(plain_lines):
        return [[] for _ in lines]
    out: list[list[tuple[int, int]]] = []
    for line, plain_line in zip(lines, plain_lines, strict=True):
        found = _candidates(line) if questions else []
        # Another program's mark beside a character beyond ASCII is tried whatever was read near
        # it: a SUB or a dot is no sentence's sign there, and a short misread run (鎴戜滑浜・006,
        # 我们于2006) holds no rare character to find it by. The trial's judge keeps a clean dot.
        tried_anyway = decoder_marks.candidates(line) if others else []
        if not found and not tried_anyway:
            out.append(tried_anyway)
            continue
        repaired = [(i1, i2) for op, i1, i2, _, _ in SequenceMatcher(None, line, plain_line, autojunk=False).get_opcodes()
                    if op != "equal"] if line != plain_line else []
        tried_anyway = [span for span in tried_anyway if not _own_dot(line, span)]
        spans = []
        for start, end in found:
            near = any(i1 - NEAR <= end and start <= i2 + NEAR for i1, i2 in repaired)
            around = line[max(0, start - AROUND) : start] + line[end : end + AROUND]
            if near or mojibake.count_rare(around) >= MIN_RARE:
                spans.append((start, end))
        out.append(sorted(spans + tried_anyway))
    return out


def _own_dot(line: str, span: tuple[int, int]) -> bool:
    """Is ``span`` a lone Windows dot that cannot be Windows' mark in misread UTF-8: the text's own
    dot between two letters beyond ASCII (钱·钟书)?

    Why: Windows reads a GBK lead with the byte after it, and its table lacks a pair only where
    that byte is no GBK trail (an ASCII digit or sign), so in misread UTF-8 its mark's lead is a
    character's last byte: the bytes read before the mark are UTF-8 that stops one byte short of
    a character's end (年 e5 b9 b4 before 1: 骞 is e5 b9). The letters before a clean dot seldom
    are (钱 c7 ae ends a sequence; 乔治 c7 c7 d6 ce is no UTF-8); tried as a mark, 钱·钟书 read
    钱术书, and a line whose misread run held real marks took that reading with theirs."""
    a, b = span
    if b != a + 1 or decoder_marks.BYTES.get(line[a], 1) != 2 or a == 0 or b >= len(line):
        return False
    if any(ch.isascii() or not ch.isalpha() for ch in (line[a - 1], line[b])):
        return False
    start = a - 1
    while start > 0 and a - start < OWN_DOT_LOOKBACK and not line[start - 1].isascii() and line[start - 1].isalpha():
        start -= 1
    try:
        before = line[start:a].encode("gbk")
    except UnicodeEncodeError:
        return False
    return not _utf8_one_short(before)


OWN_DOT_LOOKBACK = 3  # letters before a dot whose GBK bytes are read as UTF-8


def _utf8_one_short(data: bytes) -> bool:
    """Are ``data`` (which may open inside a sequence) UTF-8 whose last character lacks exactly its
    last byte?"""
    skip = 0
    while skip < min(len(data), 3) and 0x80 <= data[skip] < 0xC0:
        skip += 1  # the bytes read may open inside a character
    return _utf8_shortfall(data[skip:]) == 1


def _utf8_shortfall(data: bytes) -> int | None:
    """Bytes the last character of ``data`` read as UTF-8 from their first byte lacks (0: whole);
    None where they are no UTF-8. Python's incremental decoder holds back a cut last character."""
    reader = codecs.getincrementaldecoder("utf-8")()
    try:
        reader.decode(data)
    except UnicodeDecodeError:
        return None
    pending = reader.getstate()[0]
    return decoders.utf8_width(pending[0]) - len(pending) if pending else 0


def _dots_by_neighbours(line: str, spans: list[tuple[int, int]]) -> dict[tuple[str, str], str]:
    """The dots among ``spans`` (one-character runs of a Windows dot), by the characters beside them."""
    return {(line[a - 1 : a], line[b : b + 1]): line[a] for a, b in spans
            if b == a + 1 and decoder_marks.BYTES.get(line[a], 1) == 2}


def _marked(line: str, spans: list[tuple[int, int]], stand_in: bool = True) -> str:
    """``line`` with each span read as U+FFFD; a lone Windows dot also leaves the character its
    pair's second byte was (LOST_AFTER_PAIR) for the reading to step over, where the lead had one
    to take (``_took_a_byte``), unless ``stand_in`` is false (a text holding LOST_AFTER_PAIR)."""
    for start, end in reversed(spans):
        pair = stand_in and end == start + 1 and decoder_marks.BYTES.get(line[start], 1) == 2 and _took_a_byte(line, end)
        line = line[:start] + (MARK + LOST_AFTER_PAIR if pair else MARK * (end - start)) + line[end:]
    return line


_STOPS = MARK + decoder_marks.MARKS  # another mark: where the bytes that are there stop


def _took_a_byte(line: str, end: int) -> bool:
    """Did the Windows mark ending at ``end`` take a byte after its lead? Not at the line's end, nor
    before text beyond ASCII whose GBK bytes do not open as UTF-8: the misread run ended with its
    lead, decoded alone, and clean text follows (a short span misread inside a correct line)."""
    after = line[end : end + OWN_DOT_LOOKBACK]
    if not after:
        return False
    if after[0].isascii():
        return True  # a run of ASCII, the first of it taken (1963年12月: the 1)
    run = after[: next((i for i, ch in enumerate(after) if ch.isascii() or ch in _STOPS), len(after))]
    try:
        return _utf8_shortfall(run.encode("gbk")) is not None  # it may stop inside a character
    except UnicodeEncodeError:
        return False


def _unplaced_pairs(trial: mojibake.MojibakeRepair) -> mojibake.MojibakeRepair:
    """``trial`` without the LOST_AFTER_PAIR of each mark it could not place: such a dot is the
    text's own or stays a mark standing for its pair."""
    if LOST_AFTER_PAIR not in trial.text:
        return trial
    guessed = {f.position for f in trial.findings if f.position >= 0}
    text = trial.text
    gone = [i for i in range(len(text)) if text[i] == LOST_AFTER_PAIR
            and i > 0 and text[i - 1] == MARK and i - 1 not in guessed]
    if not gone:
        return trial
    dropped = set(gone)
    kept = "".join(ch for i, ch in enumerate(text) if i not in dropped)
    findings = [f if f.position < 0 else replace(f, position=f.position - bisect_left(gone, f.position))
                for f in trial.findings]
    return mojibake.MojibakeRepair(kept, trial.count, findings)


def _asks(line: str, i: int) -> bool:
    """Does the mark at ``line[i]`` stand where a question mark would: at the end of the line or
    before a space or closing sign, after a character that does not look misread?"""
    after = line[i + 1 : i + 2]
    before = line[i - 1 : i]
    return (not after or after in " \t”’」』）)") and bool(before) and before != MARK and not mojibake.count_rare(before)


def _unplaced_marks(text: str, guessed: set[int]) -> set[int]:
    """Offsets of U+FFFD the trial left as they were (not a guessed character written as U+FFFD)."""
    return {m.start() for m in re.finditer(MARK, text)} - guessed


def _badness(line: str) -> int:
    """Characters of ``line`` that look misread: rare ones, and "?" where a lost-byte mark would sit."""
    # Another program's mark counts as a "?" would (once, not also as a rare character), so that
    # a line whose dot the trial only made U+FFFD (unplaced: "?" again) reads no better for it.
    for a, b in decoder_marks.candidates(line):
        line = line[:a] + "?" * (b - a) + line[b:]
    return mojibake.count_rare(line) + sum(b - a for a, b in _candidates(line))


_ANY_MARK = re.compile(f"[?{MARK}{decoder_marks.MARKS}]")


def _unmarked(line: str) -> str:
    return _ANY_MARK.sub("", line)


def _moved(finding: Finding, start: int, out: int) -> Finding:
    return replace(finding, position=finding.position - start + out)


def with_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (stretches kept as mojibake) widened over the "?" beside them: a mark the repair
    could not place is part of the record, and made ？ it would not be tried again."""
    out = []
    for start, end in spans:
        while start > 0 and text[start - 1] == "?":
            start -= 1
        while end < len(text) and text[end] == "?":
            end += 1
        out.append((start, end))
    return out
