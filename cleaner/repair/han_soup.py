"""Chinese bytes an EUC-JP decoder showed as kanji: runs of Han that read as nothing.

GB2312 and JIS X 0208 are laid out on the same bytes (two bytes a1-fe each), and Big5's
characters whose second byte is a1-fe fall there too: a GBK page read by a Japanese decoder
(a browser guessing EUC-JP, a Japanese tool) shows nearly every character as some kanji
(国务院发布通知 is 忽暦垪窟下宥岑), fullwidth ，！？（） as two U+FFFD (JIS X 0208's row 3 holds
only digits and letters), and a Big5 character whose second byte is ASCII (40-7e) as a U+FFFD and
that sign (要求 is `�n�D`). No halfwidth katakana or hangul shows, so ``code_pages``, which looks
for those, never saw such a page (GBK through euc_jp left 907 errors per 1,000 characters, Big5
1,119: nothing read).

The runs are found by the model: a stretch of characters EUC-JP shows (with marks, and ASCII
between), cut at anything else, is looked at only where its Han read far below any Chinese
(``SOUP``: clean Wikipedia's runs of such characters score -8.0 per character at their 1st
percentile, GBK and Big5 read through euc_jp -9.8 at their 99th). Its bytes are then read back as
``code_pages`` reads a Japanese decoder's (the marks filled by the decoder's rules,
``multi_byte_marks``; the reading by the single-byte repair, exactly), and kept only where the
reading is Chinese and clearly likelier than the run (§5's test, ``mojibake._reads_better``):
clean Japanese, which the model does not know either, reads as no Chinese.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from cleaner.langmodel import model, per_char
from cleaner.repair import code_pages, holes, mojibake, multi_byte_consensus, multi_byte_marks, resync

CODEC = "euc_jp"
SOURCE_CODECS = {"gbk": "gb18030", "big5": "cp950"}  # multi_byte_marks' two-byte sources, by the codec reading them (GB18030 holds GBK; cp950 Big5 with Taiwan's extensions)
LOST = "\ufffd"
SOUP = -9.0  # per character, the Han of a run at most this likely to be looked at
MIN_CHARS = 4  # characters a run must show beyond ASCII and U+FFFD to be judged (fewer: too few bytes to tell sources apart)
# Rare characters (the model's, U+FFFD among them) a run must hold, and their share of it: GBK
# read through euc_jp makes 18 % of a run's characters rare at its 1st percentile, Big5 63 %;
# clean Wikipedia's runs of such characters holding one rare character, 14 % at the median.
MIN_RARE = 2
NEAR = 6  # characters between two rare ones at most, for a run to be looked at
RARE_SHARE = 0.15
# Of a run's bytes at most this share unknown (a U+FFFD each): GBK through euc_jp leaves about
# one in ten, Big5 one in three; more is a guess at every other byte (mojibake.MAX_UNKNOWN_SHARE).
MAX_UNKNOWN = mojibake.MAX_UNKNOWN_SHARE
PLAIN_SLACK = 2.0  # per character, what filling the marks may add to a plain reading's score


def _shown() -> str:
    """Every character EUC-JP reads from a two-byte code (JIS X 0208's rows)."""
    shown = []
    for c in range(0x80, 0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        try:
            data = chr(c).encode(CODEC)
        except UnicodeEncodeError:
            continue
        if len(data) == 2 and data[0] >= 0xA1 and data[1] >= 0xA1:
            shown.append(chr(c))
    return "".join(shown)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a run of what EUC-JP shows for two-byte codes, a character that ends one, a rare one of
    them or U+FFFD).

    A run: JIS X 0208's characters and U+FFFD, with ASCII signs between (digits; a Big5 trail the
    decoder read alone, after a lead it rejected or after it went out of step). One class each:
    searched at C speed. The characters are kept on disk (``tablecache``: asking the codec for
    every code point takes 0.2 s)."""
    from cleaner.tablecache import cached

    shown = cached("eucjp-shown", [__file__], "1", _shown)
    # The rare ones among its Han: kana, Greek, Cyrillic and box drawing are rare to the model too,
    # and a clean katakana word (アークハウンド) is no misread run.
    rare = "".join(ch for ch in mojibake._rare_char().findall(shown) if "\u4e00" <= ch <= "\u9fff")  # noqa: SLF001
    cls = re.escape(shown) + LOST + "!-~"
    return re.compile(f"[{cls}]+"), re.compile(f"[^{cls}]"), re.compile(f"[{re.escape(rare)}{LOST}]")


def repair(text: str, guess: bool = True) -> mojibake.MojibakeRepair:
    """``text`` with each run an EUC-JP decoder made of GBK or Big5 bytes read back.

    >>> repair("忽暦垪窟下宥岑").text
    '国务院发布通知'
    """
    if not mojibake._looks_misread(text):  # noqa: SLF001 - no rare character: clean Chinese (the page's one scan)
        return mojibake.MojibakeRepair(text, 0, [])
    rare_at = [m.start() for m in _patterns()[2].finditer(text)]
    # Where two lie close: clean text's rare characters stand alone (a name's), a misread run is
    # dense with them.
    rare_at = [at for k, at in enumerate(rare_at)
               if (k and at - rare_at[k - 1] <= NEAR) or (k + 1 < len(rare_at) and rare_at[k + 1] - at <= NEAR)]
    if len(rare_at) < MIN_RARE:
        return mojibake.MojibakeRepair(text, 0, [])
    by_line: dict[int, list[tuple[int, int, mojibake.MojibakeRepair, str | None]]] = {}  # line start -> runs read
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for start, end in _runs_around(text, rare_at):
        run = text[start:end]
        rare = bisect_left(rare_at, end) - bisect_left(rare_at, start)
        if not _unreadable(run, rare) or not _may_read(run):
            continue
        # Judged with its guesses made (as code_pages judges): without guessing they are then
        # written U+FFFD, the findings still naming the choice.
        judged = code_pages._reread(run, CODEC, True)  # noqa: SLF001 - code_pages' reading of a Japanese decoder's run
        if not judged.count or not mojibake._reads_better(judged.text, run):  # noqa: SLF001 - one acceptance rule for every re-read
            continue
        filled = multi_byte_marks.fill(run, CODEC)
        source = filled.source if filled is not None else None
        if source == "gbk":
            judged = _pairs_chosen(judged)
        line_start = line_starts[bisect_right(line_starts, start) - 1]
        by_line.setdefault(line_start, []).append((start, end, _with_leftovers(run, judged, source), source))
    taken: list[tuple[int, int, mojibake.MojibakeRepair]] = []
    for line_start, runs in by_line.items():
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        found = [(a, b, fixed) for a, b, fixed, _ in runs]
        sources = {source for *_, source in runs}
        if len(sources) == 1 and None not in sources:
            found += _short_runs(text, line_start, line_end, SOURCE_CODECS.get(source := next(iter(sources)), source), found)
        if _beats_the_views(text, line_start, line_end, found):
            taken += [(a, b, fixed if guess else code_pages._unguessed(fixed)) for a, b, fixed in found]  # noqa: SLF001
    return mojibake.splice(text, sorted(taken, key=lambda s: s[0]))


def _runs_around(text: str, rare_at: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each run holding a rare character of ``text`` (at ``rare_at``), its ASCII
    ends trimmed (one after a U+FFFD kept: a Big5 trail). A line break ends a run."""
    _, stop, _ = _patterns()
    backwards = text[::-1]
    runs: list[tuple[int, int]] = []
    for at in rare_at:
        if runs and at < runs[-1][1]:
            continue
        m = stop.search(text, at)
        if m is not None and m.start() == at:
            continue  # a rare character EUC-JP does not show
        end = m.start() if m else len(text)
        m = stop.search(backwards, len(text) - at)
        start = len(text) - m.start() if m else 0
        while start < end and text[start] < "\x80":
            start += 1
        while end > start and text[end - 1] < "\x80" and text[end - 2 : end - 1] != LOST:
            end -= 1
        # Nor a clause mark that ends it (。 is a1 a3 in EUC-JP and GBK alike): the run read with
        # it read nothing, and without it, once conversion had changed a character after it (匯
        # to 汇, which EUC-JP lacks), it read on a second clean.
        while end - start > MIN_CHARS and text[end - 1] in _CLOSING:
            end -= 1
        runs.append((start, end))
    return runs


def _short_runs(text: str, line_start: int, line_end: int, codec: str, taken: list) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """On a line whose runs were read from one source, the runs left (too short to judge: 年
    between digits, 定 in ``2026定8``) read strictly in it: the decoder read the whole line."""
    found = []
    for m in _patterns()[0].finditer(text, line_start, line_end):
        start, end = m.span()
        if any(a < end and start < b for a, b, _ in taken):
            continue
        reading = multi_byte_consensus.strict_reading(m.group(), CODEC, codec)
        # Likelier than what stands there: a clean word on the line (北京, 中国 beside a misread
        # clause) reads as nonsense in the line's source (review30b: 颂叠, 面柜).
        if reading is not None and per_char(reading) > per_char(m.group()):
            found.append((start, end, mojibake.MojibakeRepair(reading, 1, [])))
    return found


_CLOSING = "。，、；：？！）」』】"  # signs both tables hold at the same bytes, which end a clause

_PIECE = re.compile(f"[^\x00-\x7f{LOST}]+")


@lru_cache(maxsize=1)
def _marked_pairs() -> tuple[str, ...]:
    """The GBK characters EUC-JP marks both bytes of (，！？（）： and the rows JIS X 0208 lacks)
    that the model knows: the candidates of a character read from two marks."""
    unigram = model().unigram
    found = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            pair = bytes((lead, trail))
            try:
                ch = pair.decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and pair.decode(CODEC, "replace") == LOST * 2 and unigram(ch) > mojibake.RARE:
                found.append(ch)
    return tuple(found)


def _pairs_chosen(judged: mojibake.MojibakeRepair) -> mojibake.MojibakeRepair:
    """Each character of ``judged`` read from two marks (two guesses at one place: both its bytes
    were lost) chosen again among the characters EUC-JP marks both bytes of, by the model with the
    characters beside it. ``multi_byte_marks`` fills such a pair a mark at a time (their joint
    fillings are past its MAX_TRIES), and GBK's ， (a3 ac) came back as 开 (bf aa), which EUC-JP
    reads as a kanji and never marks."""
    places = Counter(f.position for f in judged.findings if f.kind == mojibake.GUESS_KIND)
    pairs = {at for at, n in places.items() if n >= 2}
    if not pairs:
        return judged
    text = list(judged.text)
    findings = [f for f in judged.findings if not (f.kind == mojibake.GUESS_KIND and f.position in pairs)]
    for at in sorted(pairs):
        before, after = text[at - 1] if at else "", text[at + 1] if at + 1 < len(text) else ""
        width = len(before) + 1 + len(after)
        scored = sorted(((per_char(before + ch + after) * width, ch) for ch in _marked_pairs()), reverse=True)
        (best, ch), (second, other) = scored[0], scored[1]
        text[at] = ch
        findings.append(holes.guess_finding(mojibake.GUESS_KIND, at, ch, other, best - second))
    return mojibake.MojibakeRepair("".join(text), judged.count, sorted(findings, key=lambda f: f.position))


def _with_leftovers(run: str, judged: mojibake.MojibakeRepair, source: str | None) -> mojibake.MojibakeRepair:
    """``judged`` with the pieces of ``run`` it gave back as they were (too short for the reading
    to take: 定 between digits) read strictly in ``source``, where that keeps their length (the
    findings' offsets hold)."""
    if source is None:
        return judged
    codec = SOURCE_CODECS.get(source, source)
    out = list(judged.text)
    count = judged.count
    for op, i1, i2, j1, _ in difflib.SequenceMatcher(None, run, judged.text, autojunk=False).get_opcodes():
        if op != "equal":
            continue
        for piece in _PIECE.finditer(run, i1, i2):
            reading = multi_byte_consensus.strict_reading(piece.group(), CODEC, codec)
            if reading is not None and len(reading) == len(piece.group()):
                at = j1 + piece.start() - i1
                out[at : at + len(reading)] = reading
                count += 1
    return mojibake.MojibakeRepair("".join(out), count, judged.findings)


def _unreadable(run: str, rare: int) -> bool:
    """Long enough to judge, dense with rare characters (``rare`` of them, U+FFFD counted), not
    mostly unknown bytes, and its Han far below any Chinese."""
    if rare < MIN_RARE:
        return False
    wide = len(run) - len(run.encode("ascii", "ignore"))
    if wide < MIN_CHARS or rare < RARE_SHARE * wide:
        return False
    marks = run.count(LOST)
    if wide - marks < MIN_CHARS:  # characters the decoder showed, not only marks
        return False
    if marks > MAX_UNKNOWN * (2 * (wide - marks) + len(run) - wide + marks):
        return False
    han = _wide(run)
    # Han the decoder showed, signs left out: a table cell of rare names (槻、坂、倶) shows three,
    # and three characters' bytes read as common ones by chance.
    if sum(1 for ch in han if "\u3400" <= ch <= "\u9fff") < MIN_CHARS:
        return False
    return per_char(han) <= SOUP


def _beats_the_views(text: str, line_start: int, line_end: int, found: list[tuple[int, int, mojibake.MojibakeRepair]]) -> bool:
    """Does the line read better with ``found`` read through EUC-JP's bytes than as the GBK and
    Big5 views read it (in step, then by stretches)? Their own mojibake (Big5 read as GBK) also
    reads better through EUC-JP's bytes than as it stands, but best through theirs, the whole
    line at once; an EUC-JP line they read only in pieces."""
    line = text[line_start:line_end]
    viewed = mojibake.repair_utf8_as_gbk(resync.repair(line).text).text
    ours = mojibake.splice(line, sorted((a - line_start, b - line_start, fixed) for a, b, fixed in found)).text
    return per_char(ours) > per_char(viewed)


def _may_read(run: str) -> bool:
    """The cheap test before the reading: the run's bytes read plainly as GBK or Big5, each mark
    a1 (the lead of both tables' punctuation row: Big5's ，。 are a1 41, a1 43, read by EUC-JP as a
    mark and the sign), must gain on the run and read as Chinese (the reading proper fills the
    marks and does better by a little). Clean text whose runs score low (names of rare
    characters, katakana words) stops here."""
    data = b"".join(b"\xa1" if ch == LOST else ch.encode(CODEC) for ch in run)
    own = per_char(_wide(run))
    for codec in ("gb18030", "cp950"):
        plain = "".join(_HAN.findall(data.decode(codec, "replace")))  # the marks' own readings are signs
        score = per_char(plain) if plain else float("-inf")
        if score > own + mojibake.GAIN - PLAIN_SLACK and score > mojibake.FLUENT - PLAIN_SLACK:
            return True
    return False


_HAN = re.compile("[\u4e00-\u9fff]")


def _wide(text: str) -> str:
    """The characters beyond ASCII, marks left out: ASCII signs a decoder read alone score as
    letters, not as the Chinese they belong to."""
    return "".join(ch for ch in text if ch > "\x7f" and ch != LOST)
