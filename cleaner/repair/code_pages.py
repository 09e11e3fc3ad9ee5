"""Mojibake from the decoders the byte views do not model: other code pages, Japanese and Korean.

The single-byte view (``decoders.SINGLE_FAMILY``) knows cp1252, Latin-1 and cp1250: the decoders
of Western tools. Chinese bytes are also shown by tools set to other code pages — ISO-8859-15 and
-2, cp1251/KOI8-R (Cyrillic systems), cp1253, cp1254, cp1257, Mac Roman, the DOS pages cp437,
cp850 and cp866 — and each makes its own mojibake (Mac Roman: ‰∏≠Êñá for 中文; cp866: ф╕нцЦЗ).
Read through the single-byte view, such text comes back wrong or not at all (ISO-8859-15 has ž
at b8 where cp1252 has it at 9e: 中华人民 came back as 䞭华人民). Japanese and Korean decoders
(cp932, Shift_JIS and JIS X 0213's, EUC-JP, cp949, EUC-KR, Johab) show Chinese bytes as kanji,
kana and hangul.

A run of such characters is turned back into the bytes each code page gives it; the code page
whose bytes read best in UTF-8, GBK or Big5 (fewest rejected sequences) is taken to be the one
that made the run. The run is then rewritten as Latin-1 would have shown those bytes and repaired
by the single-byte repair (``resync.repair_single_byte``, then ``mojibake.repair_single_byte``: its
sources, lost bytes and guesses),
and the repair is kept only if it reads as Chinese and much better than the run. A run whose
best code page is one the single-byte view models is left to that repair. docs/repair.md §5.3
says how a multi-byte decoder's runs are cut and judged.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import accumulate

from cleaner import korean, pagefacts, warm_tables
from cleaner.langmodel import per_char
from cleaner.model import Finding
from cleaner.repair import code_page_marks, dropped_bytes, dropped_runs, holes, legacy_browser_marks, mojibake, multi_byte_consensus, multi_byte_marks, resync, rounds, utf8_marks

# The code pages the single-byte view models (left to ``repair_single_byte``), then the others:
# every single-byte code page of Python's that keeps ASCII (``ascii_code_pages``), in the order
# ties between them go: the common Western, Central European and Cyrillic pages first.
MODELED = ("cp1252", "latin-1", "cp1250")
COMMON_FIRST = ("iso8859_15", "iso8859_2", "cp1254", "cp1257", "cp1251", "koi8_r", "koi8_u", "cp1253",
                "iso8859_5", "iso8859_7", "iso8859_4", "iso8859_13", "mac_roman", "mac_cyrillic",
                "cp437", "cp850", "cp852", "cp866")


@warm_tables.table
@lru_cache(maxsize=1)
def ascii_code_pages() -> tuple[str, ...]:
    """Every charmap code page of ``encodings`` that keeps ASCII as it is (a 256-character
    ``decoding_table`` agreeing with Latin-1 below 80) but Latin-1's own table (iso8859_1): the
    DOS, Windows, ISO-8859, KOI8, Mac and Thai pages. EBCDIC pages move ASCII itself, and no page
    of Chinese is shown through them with its ASCII intact."""
    import encodings
    import importlib
    import pkgutil

    latin = bytes(range(0x100)).decode("latin-1")
    found = set()
    for module in pkgutil.iter_modules(encodings.__path__):
        try:
            table = getattr(importlib.import_module(f"encodings.{module.name}"), "decoding_table", None)
        except ImportError:  # a platform's own codecs (mbcs, oem) this system lacks
            continue
        if isinstance(table, str) and len(table) == 0x100 and table[:0x80] == latin[:0x80] and table != latin:
            found.add(module.name)
    return tuple(sorted(found))


def _shows_ascii_for_a_high_byte(codec: str) -> bool:
    """Mac Arabic and Mac Farsi show bytes a0-af and others as ASCII signs (spaces, brackets,
    digits' neighbours): their runs cannot be told from ASCII, and the run pattern would take in
    every space and bracket of every page. Left out of the repair (still in the damage matrix)."""
    return any(ch < "\x80" for ch in bytes(range(0x80, 0x100)).decode(codec, "replace"))


def _others() -> tuple[str, ...]:
    """``OTHERS``: COMMON_FIRST, then every other code page of ``ascii_code_pages`` but those that
    show ASCII for a high byte. Kept on disk (``tablecache``; its key holds the Python version,
    whose codecs make it): listing them imports every codec module of Python's (about 120), 25-30
    ms of every process's start."""
    from cleaner.tablecache import cached

    return tuple(cached("codepages", [__file__], "1", lambda: list(
        COMMON_FIRST + tuple(c for c in ascii_code_pages() if c not in COMMON_FIRST + MODELED and not _shows_ascii_for_a_high_byte(c)))))


OTHERS = _others()
# Japanese and Korean decoders: Chinese bytes read by them show as kanji, kana and hangul
# (GBK 中文 through cp932 is ﾖﾐﾎﾄ; UTF-8 through it 荳ｭ譁). Those that keep most of the bytes;
# last, JIS X 0213's Shift_JIS and Johab, which charset_normalizer (requests' apparent_encoding)
# names for short Chinese pages: 6 % of 20-character Big5 snippets of the Wikipedia corpus came
# out shift_jis_2004 and 1 % johab (GBK's: cp949 15 %, which the list had).
MULTI_BYTE = ("cp932", "shift_jis", "euc_jp", "cp949", "euc_kr", "shift_jis_2004", "johab")
SOURCES = ("utf-8", "gbk", "big5")
# Rejected sequences per character of a multi-byte decoder's stretch, its marks filled, beyond
# which it is not re-read; and marks per character: UTF-8 through euc_jp or euc_kr marks two
# characters in three (most of a character's bytes: nothing to read), through cp949 one in four.
MAX_REJECTS = 0.25
MAX_MARKS = 0.5
LOST = "\ufffd"
MIN_HIGH = 3  # distinct non-ASCII characters in a run: one UTF-8 character, or a GBK pair and a half


def _high_chars(codec: str) -> frozenset[str]:
    """What ``codec`` shows for the bytes 80-ff (U+FFFD where it has none)."""
    return frozenset(bytes(range(0x80, 0x100)).decode(codec, errors="replace")) - {LOST}


@lru_cache(maxsize=1)
def _tables() -> dict[str, frozenset[str]]:
    """What each code page shows for the bytes 80-ff, kept on disk as ``OTHERS`` (the decodes
    would import every one of their codec modules on a process's first page)."""
    from cleaner.tablecache import cached

    return cached("codepagechars", [__file__], "1", lambda: {codec: _high_chars(codec) for codec in MODELED + OTHERS})


@lru_cache(maxsize=1)
def shown_high() -> str:
    """Every character a code page the cleaner reads shows for a byte 80-ff, where one stands a
    byte beside it may be a byte too (``leftovers.invisible_format_out``): the single-byte view's
    (``MODELED``) all, and of ``OTHERS`` those no two-byte view shows as a character (box drawing,
    Greek and Cyrillic letters, math signs are GBK's and Big5's too: beside them a soft hyphen is
    as likely a CMS's inside GBK mojibake, 鐮旂┒\xad鏂瑰悜)."""
    from cleaner.tablecache import cached

    def build() -> str:
        modeled = frozenset().union(*(_tables()[codec] for codec in MODELED))
        others = frozenset().union(*(_tables()[codec] for codec in OTHERS))
        return "".join(sorted(modeled | {ch for ch in others - modeled if not _two_byte_char(ch)}))

    # Kept on disk as _tables is: 900 characters encoded through GBK and Big5-HKSCS, 13 ms.
    return cached("codepagehigh", [__file__], "1", build)


def _two_byte_char(ch: str) -> bool:
    """Does GBK or Big5-HKSCS write ``ch`` in two bytes (a character the two-byte views show)?"""
    for codec in ("gbk", "big5hkscs"):
        try:
            if len(ch.encode(codec)) == 2:
                return True
        except UnicodeEncodeError:
            pass
    return False


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The page hint and the run.

    A run is a stretch of characters some code page shows for a high byte, with U+FFFD (a byte a
    code page left undefined) and ASCII between them (UTF-8 never has ASCII inside a character,
    but GBK and Big5 trail bytes can be ASCII). The hint, searched first on the whole text, is two
    such characters close together that Chinese text does not use as they are: letters, box
    drawing, math signs (“ ” — … · are cp1252 characters too, and common in Chinese text).
    ``re``, not ``regex``: its big character classes are bitmaps, a hundred times faster here.
    """
    union = set().union(*_tables().values())
    odd = _odd().pattern
    high = re.escape("".join(sorted(union)) + LOST)
    hint = re.compile(f"{odd}[{high}\\x20-\\x7e]{{0,3}}{odd}")
    # And an ASCII sign or letter after the last: a Big5 or GBK lead's trail byte (Big5 」 is a1 76,
    # Mac Roman's °v), which the reading of the run's bytes takes or leaves.
    run = re.compile(f"[{high}](?:[{high}\\x20-\\x7e]*[{high}])?[\\x40-\\x7e]?")
    return hint, run


@lru_cache(maxsize=1)
def _odd() -> re.Pattern:
    """The characters a hint starts and ends with: what some code page shows for a high byte
    and Chinese text does not use as it is."""
    common = set("“”‘’—–…·•、。，")  # and CJK's blocks, U+3000-9FFF (asked by range: a set of
    # their 28,672 characters cost every process 15 ms)
    odd = (ch for ch in set().union(*_tables().values()) if ch not in common and not "\u3000" <= ch <= "\u9fff")
    return re.compile(f"[{re.escape(''.join(sorted(odd)))}]")


@lru_cache(maxsize=1)
def _multi_byte_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The hint and the run of a Japanese or Korean decoder's reading of Chinese bytes.

    The hint: halfwidth katakana (a Japanese decoder's reading of the bytes a1-df, which UTF-8,
    GBK and Big5 are full of; Japanese text writes its kana fullwidth) or hangul, which Chinese
    text holds only in Korean names. The run: what such a decoder shows (Han, kana, hangul,
    fullwidth and halfwidth forms, Greek and Cyrillic rows, cp932's U+0080 and private use,
    U+FFFD), with ASCII between (a trail byte may be one).
    """
    hint = re.compile("[\u3130-\u318f\uac00-\ud7a3\uff61-\uff9f]")
    # With cp932's private use (bytes a0, fd-ff) and its U+0080 (byte 80: 技 is e6 8a 80); and
    # what JIS X 0213's Shift_JIS adds (shift_jis_2004): Latin letters and IPA with their accents,
    # dingbats and Han of the supplementary planes (GBK 国 is b9 fa, 𨥆 through it).
    shown = ("\u0080\u00a1-\u036f\u0391-\u03c9\u0401-\u0451\u2010-\u27bf\u3000-\u9fff\uac00-\ud7a3"
             "\ue000-\ufaff\uff01-\uffef\ufffd\U00020000-\U0002ffff")
    # And an ASCII sign after a halfwidth katakana: a Big5 or GBK lead a1-df that cp932 shows
    # alone, whose trail byte is that sign (Big5 。 is a1 43, ｡C).
    return hint, re.compile(f"[{shown}](?:[{shown}\\x20-\\x7e]*[{shown}])?(?:(?<=[\uff61-\uff9f])[!-~])?")


# Asked of every page, from its one scan (pagefacts): a page holding no odd character holds no
# code page's hint, and the multi-byte decoders' hint is one character.
_holds_odd = pagefacts.any_of(_odd)
_holds_wide_hint = pagefacts.any_of(lambda: _multi_byte_patterns()[0])


def _byte_view(run: str, codec: str) -> bytes | None:
    """The bytes ``codec`` read as ``run``, or None. A single-byte page's U+FFFD is one of the
    bytes it leaves undefined, and a UTF-8 character short of bytes gets back those it dropped
    (``code_page_marks.fill``); a multi-byte decoder's U+FFFD is a byte that decoder rejects
    before the next one, filled as its rules allow (``multi_byte_marks.fill``)."""
    filled = _filled(run, codec) if codec not in MULTI_BYTE else multi_byte_marks.fill(run, codec)
    return None if filled is None else filled.data


def _filled(run: str, codec: str) -> code_page_marks.Filled | None:
    view = _marked_view(run, codec)
    return None if view is None else code_page_marks.fill(view, codec)


def _marked_view(run: str, codec: str) -> list[int | None] | None:
    """The bytes the single-byte page ``codec`` read as ``run``, None at each U+FFFD; None if
    it shows a character of the run for no byte, or the run holds a U+FFFD and the page leaves
    no byte undefined (a lossless page never writes one)."""
    table = _tables()[codec]
    if any(ch >= "\x80" and ch != LOST and ch not in table for ch in run):
        return None
    if LOST in run and not code_page_marks.undefined(codec):
        return None
    return [None if ch == LOST else ch.encode(codec)[0] if ch >= "\x80" else ord(ch) for ch in run]


def _reading(data: bytes) -> tuple[int, str]:
    """The source reading of ``data`` with fewest rejected sequences: (their number, the text)."""
    return min((text.count(LOST), text) for text in (data.decode(s, errors="replace") for s in SOURCES))


def best_code_page(run: str, codecs: tuple[str, ...] = MODELED + OTHERS) -> str | None:
    """The code page whose bytes for ``run`` read best in some source.

    Fewest rejected sequences first (UTF-8 rejects almost any other code page's bytes); between
    pages tied on that (GBK and Big5 accept nearly any byte pair, and neighbouring pages share
    most of their tables), a page the single-byte view models if its bytes are strict UTF-8, else
    the reading the character model likes best, then the earlier page.
    """
    tied: list[tuple[int, str, str]] = []
    marked = LOST in run  # or bytes dropped: each page fills its marks or gaps its own way
    for codec in codecs:
        filled = _filled(run, codec)
        if filled is None:
            continue
        marked = marked or filled.gapped
        rejects, text = _reading(filled.data)
        if tied and rejects > tied[0][0]:
            continue
        if tied and rejects < tied[0][0]:
            tied = []
        tied.append((rejects, text, codec))
    if len(tied) < 2:
        return tied[0][2] if tied else None
    for _, _, codec in tied if not marked else ():
        # A page the single-byte view models whose bytes are strict UTF-8 made the run: no other
        # page's bytes are UTF-8 by chance. UTF-8 misread twice (Ã¤Â¸Â) also ties in cp850 under
        # GBK, and re-reading it there cost about 3 ms a character for nothing. Not when the run
        # holds marks: each page fills them from its own undefined bytes (cp1254's 8e and 9e
        # are no byte cp1252 leaves undefined), and the readings say which page it was.
        if codec in MODELED and _is_utf8(_byte_view(run, codec)):
            return codec
    # Total log-probability; a page the single-byte view does not model must beat the best
    # one it does by PRIOR: a page with more undefined bytes has more ways to fill a mark.
    scores = {text: per_char(text) * len(text) for _, text, _ in tied}
    modeled = max((scores[text] for _, text, codec in tied if codec in MODELED), default=None)

    def score(t: tuple[int, str, str]) -> float:
        return scores[t[1]] - (PRIOR if marked and modeled is not None and t[2] not in MODELED else 0.0)

    return max(tied, key=score)[2]  # max keeps the first of equal scores


PRIOR = 2.0  # log-probability a mark-filled reading through an unmodelled page must win by


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Rounds of re-reading at most: a round's re-read characters cut the runs left beside them
# anew (a stretch a Japanese decoder made, once its middle is Chinese again, is two pieces), and
# the next clean would re-read those pieces; the rounds go on until one finds nothing, so that a
# second clean finds nothing either.
MAX_ROUNDS = 4


def repair_code_pages(text: str, guess: bool = True) -> mojibake.MojibakeRepair:
    """Re-read runs that are UTF-8, GBK or Big5 bytes shown by a code page of ``OTHERS`` or a
    Japanese or Korean decoder (``MULTI_BYTE``), round after round until none is left.

    Returns the text, the runs re-read, and the repair's findings (``lost-byte`` guesses) at
    their offsets in the returned text.

    >>> repair_code_pages("他说：‰∏≠Êñá是中文").text
    '他说：中文是中文'
    """
    # Whether a browser's decoder marked the page (legacy_browser_marks) is judged once, on the
    # page as it came: a later round sees only the runs the first left, too few to tell (GBK
    # through Python's shift_jis: a page judged Python's had its three marks left judged a
    # browser's in the second round).
    browser: list[bool] = []
    return rounds.until_settled(text, partial(_round_spans, guess=guess, browser=browser), MAX_ROUNDS)


def _round_spans(text: str, guess: bool, browser: list[bool]) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """The runs one round re-reads (no span: the common case, one or two searches). ``browser``:
    the first round's judgement of the page's marks, a browser's or Python's, once it is made."""
    # UTF-8 through a decoder that marks a quarter of it or more (EUC, gb2312, johab) is read by
    # UTF-8's grammar (utf8_marks) first, and hidden from the readings below (an ASCII control
    # none of them reads: positions stay), which cut it into pieces for nothing (johab's hangul).
    # A page fact first; the repair then tests only the runs the fact's scan let through.
    marked = utf8_marks.repair(text, guess, unmarked=dropped_runs.runs(text)) if dropped_runs.may_hold(text) else []
    text = _hidden(text, marked)
    # GBK and Big5 through a browser's Shift_JIS, EUC-KR or EUC-JP, whose marks may have
    # swallowed two bytes: read a character at a time (legacy_browser_marks), before the pieces
    # take each mark for one byte and read on out of step.
    if LOST in text:
        legacy, judged = legacy_browser_marks.repair(text, guess, browser[0] if browser else None)
        browser[:] = [judged]
        text = _hidden(text, legacy)
        marked = sorted(marked + legacy, key=lambda s: s[0])
    hint, run_pattern = _patterns()
    wide_hint, wide_run = _multi_byte_patterns()
    spans: list[tuple[int, int, mojibake.MojibakeRepair]] = []
    if _holds_odd(text) and hint.search(text):
        spans += _reread_runs(text, run_pattern, hint, OTHERS, guess)
    if _holds_wide_hint(text):
        taken = [(a, b) for a, b, _ in spans]
        made_by: list[str] = []
        wide = _reread_runs(text, wide_run, wide_hint, MULTI_BYTE, guess, made_by)
        kept = [(s, codec) for s, codec in zip(wide, made_by, strict=True)
                if not any(a < s[1] and s[0] < b for a, b in taken)]
        spans += [s for s, _ in kept]
        # A page most of whose stretches one decoder made from one source was read so
        # throughout: its short stretches too (multi_byte_consensus).
        spans += multi_byte_consensus.agreed_stretches(
            text, [(a, b, codec, _source(text[a:b], codec)) for (a, b, _), codec in kept], guess)
    return sorted(spans + marked, key=lambda s: s[0])


def _hidden(text: str, spans: list[tuple[int, int, mojibake.MojibakeRepair]]) -> str:
    """``text`` with each span read already hidden from the readings after (an ASCII control none
    of them reads: positions stay)."""
    if not spans:
        return text
    parts, k = [], 0
    for a, b, _ in spans:
        parts += [text[k:a], "\x00" * (b - a)]
        k = b
    return "".join([*parts, text[k:]])


def _source(run: str, codec: str) -> str | None:
    filled = multi_byte_marks.fill(run, codec)
    return None if filled is None else filled.source


def multi_byte_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` a Japanese or Korean decoder made, read back or
    not: each piece of a run that one of them shows, mixing its kana or hangul with Han or U+FFFD
    as misread bytes do (``_candidates``' pieces, however much of them the decoder rejected).

    No GBK- or Big5-family decoder gives hangul or halfwidth katakana for UTF-8, GBK or Big5
    bytes (GBK has neither; GB18030 writes them in four bytes, whose ASCII digits no character
    of those sources holds), so these stretches are no byte view's to read.
    """
    wide_hint, wide_run = _multi_byte_patterns()
    if not _holds_wide_hint(text):
        return []
    found: list[tuple[int, int]] = []
    for m in wide_run.finditer(text):
        if not wide_hint.search(m.group()):
            continue
        found += [(m.start() + a, m.start() + b) for a, b, _ in _pieces(m.group(), wide_hint, MULTI_BYTE)]
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _reread_runs(text: str, run_pattern: re.Pattern, hint: re.Pattern, codecs: tuple[str, ...],
                 guess: bool, made_by: list[str] | None = None) -> list[tuple[int, int, mojibake.MojibakeRepair]]:
    """(start, end, repair) of each run of ``text`` that one of ``codecs`` made, re-read.

    Every candidate (a stretch and a code page) is re-read; among overlapping ones the re-read
    gaining most under the character model (per character, times the length) is kept.
    ``made_by`` gets the code page of each repair kept, in the order returned.
    """
    chosen: list[tuple[float, int, int, mojibake.MojibakeRepair, str]] = []
    # A re-read is the stretch's, its decoder's and the guessing's alone: a stretch a page repeats
    # (a name each time it is named, a line of them) is read once a call, not each time (a line of
    # 138,000 characters naming a Korean beside a Latin word every 15 had each read by three
    # Korean decoders 9,200 times over). Its repair is shared, never changed in place (``splice``).
    reread = lru_cache(maxsize=None)(_reread)
    plain: dict[tuple[str, str], float] = {}  # the same for the plain readings ``_undominated`` scores
    for m in run_pattern.finditer(text):
        scored = []
        candidates = _candidates(m.group(), hint, codecs)
        if codecs is MULTI_BYTE:
            candidates = _undominated(m.group(), candidates, plain)
        for start, end, codec in candidates:
            run = m.group()[start:end]
            # The reading is judged with its guesses made, as with guessing on; without guessing
            # its guesses are then U+FFFD (judged as written, marks lose to the mojibake itself,
            # and --no-guess repaired nothing on pages with undefined bytes).
            judged = reread(run, codec, True)
            if guess or not judged.count:
                fixed = judged
            elif codec in MULTI_BYTE:
                # A multi-byte decoder's guesses hold characters of the reading together (a mark
                # left open, the bytes around it read nothing): the reading is the guessing one,
                # each guessed character then written U+FFFD; the findings still name the choice.
                fixed = _unguessed(judged)
            else:
                fixed = reread(run, codec, False)
            if judged.count and fixed.count and (codec in MULTI_BYTE or _reads_better(judged.text, run)):
                if codecs is MULTI_BYTE and not _beats_korean_words(judged.text, run):
                    continue
                if codecs is MULTI_BYTE:
                    # The pieces overlap at their start (with the common characters before a
                    # stretch and without): what each leaves of the run is unchanged, so the
                    # total log-probability each gains is what tells them apart (per character,
                    # 訝 left before �文 outscored the piece reading 訝� as 中).
                    gain = per_char(judged.text) * len(judged.text) - per_char(run) * len(run)
                else:
                    gain = (per_char(judged.text) - per_char(run)) * len(run)
                scored.append((gain, m.start() + start, m.start() + end, fixed, codec))
        for best in sorted(scored, key=lambda s: -s[0]):
            if not any(best[1] < b and a < best[2] for _, a, b, _, _ in chosen):
                chosen.append(best)
    chosen.sort(key=lambda s: s[1])
    if made_by is not None:
        made_by += [codec for *_, codec in chosen]
    return [(a, b, fixed) for _, a, b, fixed, _ in chosen]


# A multi-byte decoder's stretch whose bytes, plainly read in their source, read this much worse
# per character than those of another decoder's stretch holding it, is not re-read: that decoder
# did not make it (not a stretch merely overlapping it: a short piece reading well beside a long
# one with a bad spot says nothing of the long one; UTF-8 read as cp932 lost 18 characters so). UTF-8 read as cp949, seen through euc_kr (the same bytes, marks filled
# by euc_kr's rules, the stretches cut at cp949's own hangul), reads as Big5 at -12 to -13 where
# cp949's reading is UTF-8 at -4 to -6; the single-byte repair then tries every start of it for
# nothing (three quarters of such a page's cost).
DOMINATED = 4.0


def _undominated(run: str, candidates: list[tuple[int, int, str]],
                 plain: dict[tuple[str, str], float] | None = None) -> list[tuple[int, int, str]]:
    """``candidates`` (pieces of ``run`` and their decoders) without those another one holding
    them reads better, plainly, by DOMINATED per character (``_plain_score``). ``plain``: the
    scores of pieces already read (by piece and decoder), kept across calls."""
    if len({codec for _, _, codec in candidates}) < 2:
        return candidates
    plain = {} if plain is None else plain
    scores = []
    for a, b, codec in candidates:
        if (key := (run[a:b], codec)) not in plain:
            plain[key] = _plain_score(*key)
        scores.append(plain[key])
    kept = [True] * len(candidates)
    # Only candidates that overlap can hold one another: each cluster of overlapping ones is
    # compared within itself (a line of 138,000 characters with a Korean name every few words
    # made thousands of candidates, each compared with every other: 7.8 s, 4.7 s so).
    cluster: list[int] = []
    reach = 0
    for i in sorted(range(len(candidates)), key=lambda k: candidates[k][0]):
        a, b, _ = candidates[i]
        if cluster and a >= reach:
            _drop_dominated(candidates, scores, cluster, kept)
            cluster = []
        reach = max(reach, b) if cluster else b
        cluster.append(i)
    _drop_dominated(candidates, scores, cluster, kept)
    return [candidate for candidate, keep in zip(candidates, kept, strict=True) if keep]


def _drop_dominated(candidates: list[tuple[int, int, str]], scores: list[float], cluster: list[int],
                    kept: list[bool]) -> None:
    """Mark unkept each candidate of ``cluster`` that another holding it reads better, plainly,
    by DOMINATED per character."""
    for i in cluster:
        a, b, _ = candidates[i]
        if any(candidates[j][0] <= a and b <= candidates[j][1] and scores[j] > scores[i] + DOMINATED for j in cluster):
            kept[i] = False


def _plain_score(run: str, codec: str) -> float:
    """Per character, the model's score of the bytes ``codec`` read as ``run``, marks filled, read
    in the source that reads them best, without the sequences that source rejects."""
    filled = multi_byte_marks.fill(run, codec)
    if filled is None:
        return float("-inf")
    text = filled.data.decode(filled.source, "replace").replace(LOST, "")
    return per_char(text) if text else float("-inf")


# A Korean word written in Chinese text (韩国演员황동하在首尔) is scored by the character model as
# unseen characters, UNKNOWN each, and any Chinese reading of its bytes beside a Han character
# outscored it (황동하在 came back 驳壳项). A reading of a stretch whose Hangul could be words
# (runs of KS X 1001's common syllables) must beat the stretch scored as words of another script:
# each such run a switch of script, as a Latin word is, and KOREAN_SYLLABLE a syllable.
KOREAN_SYLLABLE = -6.0  # nats: about 2,350 syllables in use, the common ones far commoner (-5 lost GBK read by a browser's EUC-KR 26.7 -> 32.7 a page)
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")


def _beats_korean_words(reading: str, run: str) -> bool:
    """Does ``reading`` score better, in total, than ``run`` with its Hangul runs of common
    syllables (two or more) scored as Korean words? True where ``run`` holds none."""
    syllables = 0

    def as_word(m: re.Match) -> str:
        nonlocal syllables
        if len(m.group()) < 2 or not all(map(korean.common, m.group())):
            return m.group()
        syllables += len(m.group())
        return "K"  # a switch of script, as a Latin word is scored

    as_words = _HANGUL_RUN.sub(as_word, run)
    if not syllables:
        return True
    return per_char(reading) * len(reading) > per_char(as_words) * len(as_words) + KOREAN_SYLLABLE * syllables


def _unguessed(repair: mojibake.MojibakeRepair) -> mojibake.MojibakeRepair:
    """``repair`` with every character a finding says was guessed written as U+FFFD."""
    guessed = {f.position for f in repair.findings if f.kind == mojibake.GUESS_KIND}
    text = "".join(LOST if i in guessed else ch for i, ch in enumerate(repair.text))
    return mojibake.MojibakeRepair(text, repair.count, repair.findings)


def _candidates(run: str, hint: re.Pattern, codecs: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, code page) of the stretches of ``run`` worth re-reading.

    A single-byte page must show the whole run; the best page (``best_code_page``) is taken, and
    nothing if it is one the single-byte view models. A multi-byte decoder's run is cut where a
    character is not one the decoder shows (a Simplified character beside the misread ones):
    each piece is a candidate for each decoder that shows it, unless the decoder rejected too
    much of it. A piece starting with common Chinese characters is a candidate with them and
    without them: they may be the clean text before the stretch, shown as themselves (据报道，荳ｭ:
    道， read with the stretch becomes 猿，), or its first misread character (貂｡ is 渡).
    """
    if not hint.search(run):
        # Every candidate holds the hint (a piece is a stretch of the run): a run without it is
        # one no other code page made. Most runs of a page with the hint somewhere (a Korean
        # name, a halfwidth katakana) are clean Chinese, and cutting them per decoder is costly.
        return []
    if codecs is OTHERS:
        # Or one block with marks: a run of Thai letters is Thai text, but not with U+FFFD
        # between (UTF-8 through cp874 marks nearly every continuation byte 80-9f).
        # U+FFFD is not counted among the distinct characters: a run of two letters between
        # marks ('�ф�у', EUC-JP's Cyrillic row) leaves half its bytes to guess, and any guess
        # reads as some two characters of GBK or Big5.
        # Or one block with ASCII trail bytes glued between its letters, again and again: Big5 or
        # GBK through a Thai page with errors="ignore" (中華 is คคตุ, 會 ท|), no mark to tell.
        worth = _varied(run.replace(LOST, "")) and (len({_block(ch) for ch in run if ch > "\x7f"}) >= 2 or LOST in run
                                                    or len(_TRAIL_BETWEEN.findall(run)) >= MIN_TRAILS)
        codec = best_code_page(run, MODELED + OTHERS) if worth else None
        return [(0, len(run), codec)] if codec and codec not in MODELED else []
    return [(a, b, codec) for a, b, codec in _pieces(run, hint, codecs)
            if run.count(LOST, a, b) <= MAX_MARKS * (b - a)
            and _reading(_byte_view(run[a:b], codec))[0] <= MAX_REJECTS * (b - a)]


# A high character, one ASCII letter or sign of a two-byte code's trail range (40-7e, never a digit
# or space), a high character: the trail byte of a lead a single-byte page showed alone. Text of
# the page's own script glues no single Latin letter between its letters (ราคา100บาท, iPhoneรุ่น:
# digits, or a word), and a misread run holds such trails again and again.
_TRAIL_BETWEEN = re.compile("(?<=[^\x00-\x7f])[@-~](?=[^\x00-\x7f])")
MIN_TRAILS = 3


def _pieces(run: str, hint: re.Pattern, codecs: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, decoder) of each stretch of ``run`` one of the multi-byte ``codecs`` shows
    that looks misread (varied, with the hint, kana or hangul mixed with Han or U+FFFD).

    A stretch is cut where the decoder shows no character and at spaces and controls (Korean
    and Japanese text spaces its words, misread Chinese hardly ever). Only the stretches holding
    a hint character can look misread, so only those are found, from each hint outwards: a
    clean paragraph with a Korean name is not looked at character by character for each decoder
    (nor at all by a Japanese one, which shows no hangul)."""
    found = []
    hints = [m.start() for m in hint.finditer(run)]
    for codec in codecs:
        end = 0  # where the last stretch found ends: a hint before it is in it
        for at in hints:
            if at < end or not _in_stretch(run[at], codec):
                continue
            start, end = at, at + 1
            while start and _in_stretch(run[start - 1], codec):
                start -= 1
            while end < len(run) and _in_stretch(run[end], codec):
                end += 1
            stretch = run[start:end]
            lead = 0
            while lead < len(stretch) and _common(stretch[lead]):
                lead += 1
            # And with and without the common characters it ends with: the clean text after the
            # stretch, which the decoder shows as itself too (…情况。（完）本文来源于新华社。 through
            # cp932: the tail re-read as GBK came back 乮姰乯杮暥棃尮槹怴华社).
            tail = 0
            while tail < len(stretch) - lead and _common(stretch[-1 - tail]):
                tail += 1
            for skip in {0, lead}:
                for cut in {0, tail}:
                    piece = stretch[skip:len(stretch) - cut]
                    if piece and _varied(piece) and hint.search(piece) and _mixed(piece):
                        found.append((start + skip, end - cut, codec))
    return found


def _in_stretch(ch: str, codec: str) -> bool:
    """Does ``ch`` go on a stretch ``codec`` shows (one it can give, no space or control)?"""
    return ch > "\x20" and _shows(ch, codec)


# Blocks a code page's characters fall in. A misread stretch mixes them (lead and continuation
# bytes land in different parts of a code page: ф╕н, ‰∏≠, Ã¤Â); a run in one block is a word of
# its script or a drawing (Русский, ┌──┬──┐). Thai (cp874) is not read for that reason: the
# Thai code page shows nearly every high byte as a Thai letter, and Thai text is real text.
_BLOCKS = ((0xBF, "latin-1 signs"), (0xFF, "latin-1 letters"), (0x24F, "latin extended"), (0x2FF, "modifiers"),
           (0x3FF, "greek"), (0x4FF, "cyrillic"), (0x206F, "punctuation"), (0x22FF, "symbols"), (0x259F, "box drawing"))


def _block(ch: str) -> str:
    code = ord(ch)
    return next((name for top, name in _BLOCKS if code <= top), "other")


def _mixed(piece: str) -> bool:
    """Kana or hangul mixed with other signs, as a misread stretch is (櫓빽훙췽묾, 荳ｭ蜊惹ｺｺ): a
    word of kana or hangul alone (서울, ドラゴンボール) is Japanese or Korean, not mojibake. Or
    halfwidth katakana with ASCII signs inside the word, again and again: Big5 through cp932
    is mostly that (開始出版 is ｶ}ｩl･Xｪｩ: leads a1-df shown alone, trail bytes as ASCII)."""
    if korean.words_only(piece):  # Korean quoted in Chinese (「감사합니다」), not misread bytes
        return False
    return len(_HAN_OR_LOST.findall(piece)) >= MIN_HAN or len(_KANA_THEN_SIGN.findall(piece)) >= MIN_HAN + 1


_KANA_THEN_SIGN = re.compile("[\uff61-\uff9f][!-~](?=[^\x00-\x7f])")  # ｶ}ｩ: a sign between kana


MIN_HAN = 2  # Han, private-use or U+FFFD characters a misread stretch holds beside its kana or hangul
_HAN_OR_LOST = re.compile("[\u3400-\u9fff\ue000-\ufaff\ufffd]")


def _varied(run: str) -> bool:
    """Distinct characters: a rule of box drawing (────, cp437's c4 c4 c4 c4) is a dash in
    Chinese text, and its bytes read as GBK 哪哪; misread bytes of Chinese are varied."""
    return len({ch for ch in run if ch >= "\x80"}) >= MIN_HIGH


def _common(ch: str) -> bool:
    """A character of running Chinese text (not rare, not kana or hangul)."""
    return ch >= "\u3000" and mojibake._rare_char().match(ch) is None  # noqa: SLF001 - one notion of rare


@lru_cache(maxsize=1 << 16)
def _shows(ch: str, codec: str) -> bool:
    """Can ``codec`` give ``ch`` (U+FFFD: a sequence it rejected)?"""
    if ch == LOST:
        return True
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _reread(run: str, codec: str, guess: bool) -> mojibake.MojibakeRepair:
    """``run`` re-read from the bytes ``codec`` read as it.

    The bytes are written as Latin-1 would have shown them, which the single-byte repair reads
    exactly (its sources, lost bytes and guesses). A multi-byte decoder's run also holds clean
    characters beside the misread ones (Japanese and Korean decoders show Chinese characters
    as themselves): a re-read stretch is kept only where it begins and ends on a character of
    the run, and the rest of the run is given back as it was.
    """
    if codec not in MULTI_BYTE:
        return _reread_single(run, codec, guess)
    if LOST not in run:
        found = dropped_bytes.gaps(run, codec)
        if found is not None and found[0] and found[0] <= dropped_bytes.MAX_SHARE * len(run):
            return _reread_dropped(run, codec, guess, found[1], found[2])
    return _reread_marks(run, codec, guess)


def _reread_dropped(run: str, codec: str, guess: bool, fixed: dict[int, int], regions: list[list[int]]) -> mojibake.MojibakeRepair:
    """``run``, read by ``codec`` with ``ignore``, re-read with a U+FFFD put back where the bytes
    say a byte was dropped (``dropped_bytes``), as ``replace`` would have marked it. Where they
    leave the place open (a byte dropped inside a character the decoder read across two of its
    own), each way is read on a window around it and the likeliest taken; the marks' own fillings
    are then guesses with findings as ``replace``'s are."""
    placed = dict(fixed)
    for region in regions:
        alternatives = dropped_bytes.choices(run, codec, region, fixed)
        if not alternatives:
            continue
        lo, hi = max(0, region[0] - dropped_bytes.WINDOW), min(len(run), region[-1] + dropped_bytes.WINDOW)
        scored = []
        for alternative in alternatives:
            trial = {g - lo: k for g, k in {**placed, **alternative}.items() if lo < g < hi or g in alternative}
            window, marks = dropped_bytes.marked(run[lo:hi], trial)
            fixed_window = _reread_marks(window, codec, True, frozenset(marks))
            text = fixed_window.text if fixed_window.count else window
            scored.append((per_char(text) * len(text), alternative))
        placed.update(max(scored, key=lambda t: t[0])[1])
    text, marks = dropped_bytes.marked(run, placed)
    return _reread_marks(text, codec, guess, frozenset(marks))


def _reread_marks(run: str, codec: str, guess: bool, dropped: frozenset[int] = frozenset()) -> mojibake.MojibakeRepair:
    """``run`` re-read from its bytes, its marks filled (``multi_byte_marks``). ``dropped``: marks
    put back where an ``ignore`` decoder dropped a byte, not written where the run is given back."""
    filled = multi_byte_marks.fill(run, codec)
    if filled is None:
        return mojibake.MojibakeRepair(run, 0, [])
    # Each mark is one byte (``multi_byte_marks``), filled by the decoder's rules; without
    # guessing, a mark chosen among several readings goes to the single-byte repair as a mark,
    # which writes U+FFFD for it.
    guessed = {i for g in filled.guesses for i in g.marks}
    widths = [1 if ch == LOST else len(multi_byte_marks.code(ch, codec)) for ch in run]
    # Characters wholly before where the UTF-8 reading begins (clean text a piece starts with:
    # 道， through cp949 is d4 b3 a3 ac, whose a3 ac the single-byte repair read as GBK's ，
    # and then the UTF-8 after it as GBK too) are given as themselves, which no source reads.
    kept = _before_reading(run, codec, filled.source, widths)
    shift = sum(widths[:kept]) - kept  # byte offsets of the view minus offsets in ``latin``
    latin = run[:kept] + "".join(LOST if i in guessed and not guess else chr(b)
                                 for i, b in enumerate(filled.data) if i >= shift + kept)
    fixed = mojibake.repair_single_byte(latin, guess=guess)
    if not fixed.count:
        return fixed
    # One alignment of the run's bytes with their re-read, for the guesses and the blocks: the
    # matcher is quadratic in the run (two of them were half of a cp949 page's cost).
    opcodes = difflib.SequenceMatcher(None, latin, fixed.text, autojunk=False).get_opcodes()
    if guess and filled.guesses:
        extra = []
        for g in filled.guesses:
            at = _char_at(opcodes, fixed.text, g.marks[0] - shift, filled.source)
            if at is not None:
                extra.append(holes.guess_finding(mojibake.GUESS_KIND, at, fixed.text[at], g.alternative, g.margin))
        fixed = mojibake.MojibakeRepair(fixed.text, fixed.count,
                                        sorted([*fixed.findings, *extra], key=lambda f: f.position))
    starts = list(accumulate([1] * kept + widths[kept:], initial=0))
    # Blocks of the re-read, widened to whole characters of the run: a character of a multi-byte
    # decoder may hold the end of one UTF-8 character and the start of the next (荳ｭ is e8 8d b3
    # ad: 中 is e4 b8 ad). Re-read stretches sharing a character merge; bytes of a widened
    # character left unread (their other bytes lost) become one U+FFFD.
    blocks: list[list[int]] = []  # [first char, end char, j1, j2] in the run and the re-read
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            continue
        first, end = bisect_right(starts, i1) - 1, bisect_left(starts, i2)
        if blocks and blocks[-1][1] > first:
            blocks[-1][1], blocks[-1][3] = max(end, blocks[-1][1]), j2
        else:
            blocks.append([first, end, j1, j2])
    pieces: list[str] = []
    findings: list[Finding] = []
    # Judged against the characters it replaces, not their Latin-1 letters: clean kana, hangul
    # or Han must lose to the re-read clearly. And a block must replace Han or lost characters
    # too: the model knows no kana or hangul, so a Korean or Japanese word alone (서울, ゴンボ)
    # would always lose to Chinese. Once a block of the run does, the run is the decoder's
    # misreading, and its blocks of halfwidth katakana or hangul with ASCII signs (Big5 年 and
    # 。 through cp932: ｦ~ and ｡C; on Big5 pages most of what was left) are read when their
    # reading is Chinese.
    texts = [_ORPHANS.sub(LOST, fixed.text[j1:j2]) for _, _, j1, j2 in blocks]
    sure = [bool(_HAN_OR_LOST.search(run, first, end)) and _shows_misreading(run[first:end])
            and _reads_better(text, run[first:end]) for (first, end, _, _), text in zip(blocks, texts, strict=True)]
    misread = any(sure)
    count = k = 0  # k: the next character of the run not yet given back or replaced
    for (first, end, j1, j2), text, taken in zip(blocks, texts, sure, strict=True):
        if not (taken or misread and _shown_signs(run[first:end]) and _chinese_reading(text)
                and _reads_better(text, run[first:end])):
            continue
        pieces.append(_without(run, k, first, dropped))
        at = sum(map(len, pieces))
        offsets = _collapsed_offsets(fixed.text[j1:j2])
        findings += [dataclasses.replace(f, position=at + offsets[f.position - j1])
                     for f in fixed.findings if j1 <= f.position < j2]
        pieces.append(text)
        count += 1
        k = end
    pieces.append(_without(run, k, len(run), dropped))
    return mojibake.MojibakeRepair("".join(pieces), count, findings)


def _without(run: str, start: int, end: int, dropped: frozenset[int]) -> str:
    """``run[start:end]`` given back as it came: without the marks put back for dropped bytes."""
    return "".join(ch for i, ch in enumerate(run[start:end], start) if i not in dropped) if dropped else run[start:end]


# What a Japanese or Korean decoder's misreading shows inside the stretch it made: halfwidth
# katakana (a lone byte a1-df), a mark, a private-use code or a rare Han.
_MISREAD_SHOWN = re.compile("[\uff61-\uff9f\ufffd\ue000-\uf8ff]")
_KANA = re.compile("[\u3040-\u30ff]")


def _shows_misreading(replaced: str) -> bool:
    """May ``replaced`` be a decoder's misreading? A stretch with fullwidth kana only if it shows
    one itself: clean Japanese (全角カタカナ混排) holds none, and the model, which knows no kana,
    let any Chinese reading beat it (市正市瓜漁怯). Han alone (蜈育函蜿劾, 先生及 through cp932:
    common characters) is left to the reading's own tests."""
    if _KANA.search(replaced) is None:
        return True
    return _MISREAD_SHOWN.search(replaced) is not None or mojibake.rare_han_pattern().search(replaced) is not None


_SIGNS = re.compile("[\uff61-\uff9f\u3131-\u318e\uac00-\ud7a3!-~]+")  # halfwidth katakana, hangul, ASCII signs


def _shown_signs(replaced: str) -> bool:
    """Halfwidth katakana or hangul, with ASCII signs (a trail byte may be one), and no more."""
    return _SIGNS.fullmatch(replaced) is not None and not replaced.isascii()


def _chinese_reading(text: str) -> bool:
    """Common Han, CJK or fullwidth punctuation and ASCII: what such a block must read as."""
    return all(ch <= "~" or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff60" or ch in "“”‘’—…·"
               or ("\u4e00" <= ch <= "\u9fff" and mojibake._rare_char().match(ch) is None)  # noqa: SLF001
               for ch in text)


def _before_reading(run: str, codec: str, source: str, widths: list[int]) -> int:
    """How many characters of ``run`` lie wholly before the byte its UTF-8 reading begins at
    (``multi_byte_marks.utf8_places``); none for the other sources."""
    if source != "utf-8":
        return 0
    marked = multi_byte_marks.view(run, codec)
    parse = multi_byte_marks.utf8_places(marked) if marked is not None else None
    if parse is None:
        return 0
    ends = list(accumulate(widths))
    return bisect_right(ends, parse[0])


def _reread_single(run: str, codec: str, guess: bool) -> mojibake.MojibakeRepair:
    """``run`` re-read from the bytes the single-byte page ``codec`` read as it, its marks filled
    from the bytes that page leaves undefined (``code_page_marks``). A mark chosen among several
    readings is a guess: a finding where its character ends up, or (``guess=False``) left a mark
    for the single-byte repair, which writes U+FFFD for it."""
    view = _marked_view(run, codec)
    if view is None:
        return mojibake.MojibakeRepair(run, 0, [])
    filled = code_page_marks.fill(view, codec)
    data = bytearray(filled.data)
    if not guess:
        for g in filled.guesses:
            for i in g.marks:
                data[i] = ord("?")  # a placeholder, written back as U+FFFD below
    latin = bytes(data).decode("latin-1")
    if not guess:
        marks = {i for g in filled.guesses for i in g.marks}
        latin = "".join(LOST if i in marks else ch for i, ch in enumerate(latin))
    # A run holding marks is read as the pipeline reads a marked page: not in step (resync asks
    # no page holding U+FFFD; a GBK page read as UTF-8, its bytes gone, was made up Han from).
    fixed = _read_latin(latin, guess) if LOST not in run else mojibake.repair_single_byte(latin, guess=guess)
    if not fixed.count or not guess or not filled.guesses:
        return fixed
    findings = list(fixed.findings)
    # One alignment for all the run's guesses: SequenceMatcher is quadratic in the run, and once
    # per guess made a 2,000-character paragraph read through cp1257 take 48 s.
    blocks = difflib.SequenceMatcher(None, latin, fixed.text, autojunk=False).get_opcodes() if filled.guesses else []
    for g in filled.guesses:
        at = _char_at(blocks, fixed.text, g.marks[0], filled.source)
        if at is not None:
            findings.append(holes.guess_finding(mojibake.GUESS_KIND, at, fixed.text[at], g.alternative, g.margin))
    return mojibake.MojibakeRepair(fixed.text, fixed.count, sorted(findings, key=lambda f: f.position))


def _read_latin(latin: str, guess: bool) -> mojibake.MojibakeRepair:
    """``latin`` (a run rewritten as Latin-1 shows its bytes) read as the pipeline reads a page
    shown as Latin-1: in step first (``resync``: a short piece between digits, 月 in ``2¤ë2``,
    which the re-read alone leaves), then the single-byte re-read of what is left."""
    stepped = resync.repair_single_byte(latin, guess=guess)
    rest = mojibake.repair_single_byte(stepped.text, guess=guess)
    if not stepped.count:
        return rest
    if not rest.count:
        return stepped
    # The in-step reading's findings moved to where the re-read left their characters.
    blocks = difflib.SequenceMatcher(None, stepped.text, rest.text, autojunk=False).get_opcodes()
    moved = [dataclasses.replace(f, position=at) for f in stepped.findings
             if f.position >= 0 and (at := _moved_through(blocks, f.position)) is not None]
    return mojibake.MojibakeRepair(rest.text, stepped.count + rest.count,
                                   sorted(moved + list(rest.findings), key=lambda f: f.position))


def _moved_through(blocks: list[tuple[str, int, int, int, int]], position: int) -> int | None:
    """Where ``position`` of the first text of SequenceMatcher ``blocks`` is in the second; None
    where the character there was changed."""
    for op, i1, i2, j1, _ in blocks:
        if i1 <= position < i2:
            return j1 + position - i1 if op == "equal" else None
    return None


def _char_at(blocks: list[tuple[str, int, int, int, int]], text: str, byte: int, source: str) -> int | None:
    """Where in ``text`` (a re-read of ``latin``) the character holding byte ``byte`` of ``latin``
    is, by the re-read's changed ``blocks`` (SequenceMatcher(latin, text)'s opcodes) and the bytes
    each character takes in ``source``."""
    for op, i1, i2, j1, j2 in blocks:
        if not i1 <= byte < i2:
            continue
        if op == "equal":
            return None  # the byte was left as it was: no character was read from it
        at = i1
        for k in range(j1, j2):
            at += len(text[k].encode(source, errors="replace"))
            if at > byte:
                return k
        return None
    return None


def _collapsed_offsets(text: str) -> list[int]:
    """Each character's offset in ``text`` once its runs of orphan letters are one U+FFFD."""
    out, at, orphan = [], 0, False
    for ch in text:
        if "\x80" <= ch <= "\xff":
            at += not orphan  # a run's first letter becomes the U+FFFD
            out.append(at - 1)
            orphan = True
        else:
            out.append(at)
            at += 1
            orphan = False
    return out


_LATIN_LETTERS = "".join(map(chr, range(0x80, 0x100)))
_ORPHANS = re.compile(f"[{_LATIN_LETTERS}]+")  # bytes of the run left as Latin-1 letters


def _reads_better(fixed: str, run: str) -> bool:
    """Chinese, and clearly likelier than the run (the single-byte repair's own test)."""
    return mojibake._reads_better(fixed, run)  # noqa: SLF001 - one acceptance rule for every re-read
