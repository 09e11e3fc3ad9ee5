"""UTF-8 of a script other than Chinese read by a GBK- or Big5-family decoder, read back.

Japanese or Korean text (or Cyrillic, Greek, Thai, emoji inside Chinese text) saved as UTF-8 and
read as GBK gives Han mojibake (서울 -> 靹滌毟) that the Chinese repairs cannot read: they read
the GBK byte view as UTF-8 *Chinese*, with candidates among Han and Chinese signs only, so they
refuse the stretch or read islands of it (the hanja, the kanji) on their own and fill the bytes
between with invented Chinese (観光客 -> 観光学, 対策について -> 王勾中). What they leave is then
converted between scripts and width-folded, and its bytes are gone for good.

The byte view of such a stretch reads as UTF-8 exactly, with kana, hangul or another script in
it: that reading is the text. Where the wrong decoder lost a byte (``errors="replace"``: one
U+FFFD per byte; ``errors="ignore"``: a character's bytes cut short), the character is written
U+FFFD with a ``lost-byte`` finding: no character model chooses among hangul or kana here
(Chinese beside an emoji, Cyrillic, Greek or Thai is the model's to choose: ``_chinese_holes``).

A stretch is read when (``_reading``) its bytes read as UTF-8 from a character of the stretch to a
character of it, at least two characters of another script are among those read, at most
MAX_LOST_SHARE of the characters lost a byte, and the stretch itself looks misread (rare
characters, or U+FFFD): clean Chinese whose GBK bytes happen to read as UTF-8 for a character or
two is no such stretch. On a line with one such stretch the short ones beside it (a Korean word
of one syllable, a hanja word: 澶ч煋姘戝湅 -> 大韓民國) are read too, if they read exactly or
at least half of their characters kept their bytes.

A stretch that reads so but lost too many bytes to be read (UTF-8 read as Big5 loses about one
byte in three) is left as it came: ``unread_spans`` names it, for the byte views' repairs to
set aside (``set_aside``) and for conversion and width folding to keep byte for byte.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from cleaner import _native
from cleaner.langmodel import model
from cleaner.model import Finding
from cleaner.repair import decoders, holes
from cleaner.repair.mojibake import GUESS_KIND, MojibakeRepair, count_rare, rare_table

# A non-ASCII stretch a CJK decoder may have made (U+FFFD among it): what is read as one.
_RUN = re.compile(r"[^\x00-\x7f]+")
UNKNOWN = 0xFF  # an unknown byte in the byte view: no UTF-8 byte, so it stands for any one
# A UTF-8 character of two to four bytes, any of them unknown (three-byte first: a lost lead
# before two continuation bytes is a character of three).
_CHAR = rb"(?:[\xe0-\xef\xff][\x80-\xbf\xff]{2}|[\xf0-\xf4\xff][\x80-\xbf\xff]{3}|[\xc2-\xdf\xff][\x80-\xbf\xff])"
UTF8_RUN = re.compile(rb"(?:" + _CHAR + rb")+")
_ONE = re.compile(_CHAR)
# Scripts no Chinese reading gives, each with the letters a stretch must read to be taken on its
# own: two kana or hangul (three-byte UTF-8, which clean GBK text seldom forms by chance); four
# Cyrillic or Greek letters (two-byte UTF-8: a GBK character of lead c2-df and trail a1-bf reads
# as one, 蔚 as ε); three Thai; one emoji or Han beyond the Basic Multilingual Plane (four bytes,
# which Chinese read by chance seldom forms: the chat text's 😂 and a name's 𡈽, which the Chinese
# repairs, reading up to three bytes a character, cannot read), or a sign of the dingbat and
# miscellaneous-symbol blocks (❤ ✨ ☀ ⭐: three bytes e2 98-9f, the lead of rare GBK characters,
# 鉂). Only the basic letters of each count.
SCRIPTS = {
    "kana": ("\u3041-\u3096\u30a1-\u30fa", "\u30fc\u30fb", 2),
    "hangul": ("\uac00-\ud7a3", "", 2),
    "cyrillic": ("\u0410-\u044f\u0401\u0451", "", 4),
    "greek": ("\u0391-\u03a9\u03b1-\u03c9\u03ac-\u03ce", "", 4),
    "thai": ("\u0e01-\u0e3a\u0e40-\u0e4e", "", 3),
    # The dingbats and symbols but those GBK and Big5 hold (★ ☆ ☉ ♀ ♁ ♂ ✽): a clean page has them.
    "emoji": ("\U0001f300-\U0001faff\u2600-\u2604\u2607\u2608\u260a-\u263f\u2643-\u273c\u273e-\u27bf\u2b50\u2b55"
              "\U00020000-\U0003134f", "\ufe0f\u200d", 1),
}
# What a reading of another script may hold besides that script's letters: Han, Chinese and
# fullwidth punctuation (with the quotes, dashes, ellipsis and middle dot Chinese text writes from
# General Punctuation: a line of dialogue around an emoji, “啊，🔥但是……”), U+FFFD for a lost
# character. Anything else (ڵ, Ħ, Ϊ) is no reading.
_SHARED = "\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\ufffd\U00020000-\U0003134f"
_LETTERS = {name: re.compile(f"[{letters}]") for name, (letters, _, _) in SCRIPTS.items()}
_ONLY = {name: re.compile(f"[{letters}{extra}{_SHARED}]+") for name, (letters, extra, _) in SCRIPTS.items()}
_HAN_ONLY = re.compile(f"[{_SHARED}]+")
# A UTF-8 lead byte as cp1252 shows it, then a continuation byte as it shows it (or U+FFFD).
_SINGLE_LEAD = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                          "\u02dc\u2013-\u203a\u20ac\u2122\ufffd]")
MAX_LOST_SHARE = 0.4  # of a stretch's characters, at most this many may have lost a byte
OWN_SCRIPT_SHARE = 0.3  # of a line's readings, the letters of its script when Han beside them is read too
MIN_READ = 3  # characters a stretch taken on its own reads at least
FAMILIES = (decoders.GBK_FAMILY, decoders.BIG5_FAMILY, decoders.SINGLE_FAMILY)
# The bytes cp1252 leaves undefined: a U+FFFD in its mojibake is one of them (decoders).
UNDEFINED_SINGLE = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


# A reading: (start, end, text, lost characters, the characters filled in: (offset in the text,
# the runner-up, the margin), "" and 0.0 where no other character was possible).
Reading = tuple[int, int, str, int, tuple[tuple[int, str, float], ...]]


def _views(run: str, family: str) -> list[tuple[int, str, list[int | None], list[int]]]:
    """(offset, piece, stream, ends) of each piece of ``run`` a ``family`` decoder can give (U+FFFD
    among them), each viewed once (``decoders.byte_view``): the characters viewed are at most the
    run's. The run is cut into its pieces in one native pass over the code tables (the Python
    original, a regex of every code point's answer, is tests/reference_other_scripts.py: its
    class took 20 ms a process to compile and 0.15 s to build on a fresh cache). Cutting at each
    character the family never gives, one byte view of the rest of the run a cut, was quadratic
    (Simplified text in the Big5 family, Chinese before cp1252 mojibake)."""
    out = []
    for a, b in decoders.native_codes().given_pieces(run, family):
        piece = run[a:b]
        out.append((a, piece, *decoders.byte_view(piece, family)))
    return out


def _pieces(stream: list[int | None], ends: list[int], family: str) -> list[Reading]:
    """The readings of one piece's byte view (``_views``): each stretch whose bytes read as UTF-8,
    from a character of the piece to a character of it; lost characters are written U+FFFD in
    the reading, and a character cp1252's lost byte leaves one letter of is filled (``_filled``)."""
    if not ends:
        return []
    stream = stream[: ends[-1]]
    if None in stream or UNKNOWN in stream:
        # A real ff (ÿ in cp1252) is no UTF-8 byte either: written fe, which the pattern never takes.
        data = bytes(UNKNOWN if b is None else 0xFE if b == UNKNOWN else b for b in stream)
    else:
        data = bytes(stream)
    matches = list(UTF8_RUN.finditer(data))
    if not matches:
        return []
    fills = UNDEFINED_SINGLE if family == decoders.SINGLE_FAMILY else ()
    char_at = {0: 0, **{end: k + 1 for k, end in enumerate(ends)}}  # byte offset -> character offset
    out = []
    for m in matches:
        chars = [(c.start(), c.end()) for c in _ONE.finditer(data, m.start(), m.end())]
        first = next((k for k, (a, _) in enumerate(chars) if a in char_at), None)
        last = next((k for k in range(len(chars) - 1, -1, -1) if chars[k][1] in char_at), None)
        # Clean characters beside the stretch whose bytes happen to read as UTF-8 (水 is cb ae, ˮ;
        # 變 is d7 83) are no part of it: cut from each end back to a character boundary.
        while first is not None and last is not None and first <= last and _stray(data, chars[first]):
            first = next((k for k in range(first + 1, last + 1) if chars[k][0] in char_at), None)
        while first is not None and last is not None and first <= last and _stray(data, chars[last]):
            last = next((k for k in range(last - 1, first - 1, -1) if chars[k][1] in char_at), None)
        if first is None or last is None or last < first:
            continue
        reading, lost, filled, holes_at = [], 0, [], []
        for a, b in chars[first : last + 1]:
            piece = data[a:b]
            if UNKNOWN in piece:
                ch = _filled(piece, fills)
                if ch == "\ufffd":
                    lost += 1
                    holes_at.append((len(reading), piece))
                else:
                    filled.append((len(reading), "", 0.0))
                reading.append(ch)
                continue
            try:
                reading.append(piece.decode("utf-8"))
            except UnicodeDecodeError:  # overlong or surrogate: no UTF-8
                reading, lost, filled = [], 0, []
                break
        if reading:
            filled += _chinese_holes(reading, holes_at)
            out.append((char_at[chars[first][0]], char_at[chars[last][1]], "".join(reading), lost, tuple(sorted(filled))))
    return out


def _stray(data: bytes, char: tuple[int, int]) -> bool:
    """Do the bytes ``data[a:b]`` of one UTF-8 character read as no script a reading may hold?"""
    piece = data[char[0] : char[1]]
    if UNKNOWN in piece:
        return False
    try:
        ch = piece.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(only.fullmatch(ch) for only in _ONLY.values())


# Scripts a Chinese page quotes inside its own sentences (an emoji, a Russian or Greek name): the
# Han beside them in a reading is the page's Chinese, whose lost characters the character model
# chooses, as the Chinese readings would. Beside hangul, or kana with hiragana (Japanese writes
# its particles and endings in it), Han is hanja or kanji: no model here knows it, and a lost
# character stays U+FFFD. Katakana alone among Han is a Chinese sentence quoting names and titles
# (an anime's 『挑战模式』（バトロードフォーメーション）), as conversion tells a sentence.
_CHINESE_CONTEXT = ("emoji", "cyrillic", "greek", "thai")
_HIRAGANA = re.compile("[\u3041-\u3096]")
_HAN_OR_SIGN = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]")


def _chinese_context(reading: str) -> bool:
    """Is ``reading`` Chinese around another script's letters (see ``_CHINESE_CONTEXT``)?"""
    script = _script(reading)
    return script in _CHINESE_CONTEXT or (script == "kana" and not _HIRAGANA.search(reading))


def _chinese_holes(reading: list[str], holes_at: list[tuple[int, bytes]]) -> list[tuple[int, str, float]]:
    """Fill, in place, each character of ``reading`` (at ``holes_at``, with its bytes, one unknown)
    that lost a byte, where the reading is Chinese around another script's letters: the Han or
    Chinese sign its known bytes allow that the model likes best between its neighbours. Offsets
    filled, each with its runner-up and margin; the rest stay U+FFFD. (Before, 尾鳍深分叉😀。体长可达 read as GBK came back 可�50.)"""
    if not holes_at or not _chinese_context("".join(reading)):
        return []
    lm = model()
    done = []
    for k, piece in holes_at:
        if piece.count(UNKNOWN) != 1:
            continue
        before = reading[k - 1] if k and reading[k - 1] != "\ufffd" else ""
        after = reading[k + 1] if k + 1 < len(reading) and reading[k + 1] != "\ufffd" else ""
        if _joins_emoji(piece, before, after):
            reading[k] = ZWJ  # 👨‍👩‍👧 with a byte of a joiner lost: no Han goes between two emoji
            done.append((k, "", 0.0))
            continue
        scored = sorted(((lm.bigram(before, ch) if before else lm.unigram(ch))
                         + (lm.bigram(ch, after) if after else 0.0), ch) for ch in _han_candidates(piece))
        if scored:
            reading[k] = scored[-1][1]
            runner_up = scored[-2] if len(scored) > 1 else (scored[-1][0], "")
            done.append((k, runner_up[1], scored[-1][0] - runner_up[0]))
    return done


ZWJ = "\u200d"
_ZWJ_BYTES = ZWJ.encode("utf-8")


def _joins_emoji(piece: bytes, before: str, after: str) -> bool:
    """Is ``piece`` (one byte unknown) the zero-width joiner's bytes between two emoji?"""
    emoji = _LETTERS["emoji"]
    return (len(piece) == len(_ZWJ_BYTES) and all(b in (UNKNOWN, z) for b, z in zip(piece, _ZWJ_BYTES, strict=True))
            and emoji.fullmatch(before) is not None and emoji.fullmatch(after) is not None)


@lru_cache(maxsize=4096)
def _han_candidates(piece: bytes) -> tuple[str, ...]:
    """The Han characters and Chinese signs ``piece`` (UTF-8, one byte unknown) can be."""
    at = piece.index(UNKNOWN)
    out = []
    for value in range(0x80, 0xC0) if at else range(0xE0, 0xF0):
        try:
            ch = (piece[:at] + bytes((value,)) + piece[at + 1 :]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _HAN_OR_SIGN.fullmatch(ch):
            out.append(ch)
    return tuple(out)


def _filled(piece: bytes, fills: tuple[int, ...]) -> str:
    """The character of ``piece`` (UTF-8 with unknown bytes) if the bytes its decoder can have
    lost (``fills``) make exactly one letter of another script of it (cp1252 loses 81 of
    は, e3 81 af; the other four bytes make compatibility signs and rare Han), else U+FFFD."""
    if not fills or piece.count(UNKNOWN) > 2:
        return "\ufffd"
    found = set()
    for values in itertools.product(fills, repeat=piece.count(UNKNOWN)):
        data = piece
        for value in values:
            data = data.replace(bytes((UNKNOWN,)), bytes((value,)), 1)
        try:
            ch = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if any(pattern.match(ch) for pattern in _LETTERS.values()):
            found.add(ch)
    return found.pop() if len(found) == 1 else "\ufffd"


def _script(reading: str) -> str | None:
    """The one other script ``reading`` is written in (with Han and Chinese signs), or None."""
    for name, pattern in _LETTERS.items():
        if pattern.search(reading):
            return name if _ONLY[name].fullmatch(reading) else None
    return None


def _misread(stretch: str, family: str = decoders.GBK_FAMILY) -> int:
    """Characters of ``stretch`` that look misread: rare by the model, or U+FFFD. A single-byte
    decoder's stretch (é, ã, ‚) is judged by the reading alone: the model knows no Latin."""
    if family == decoders.SINGLE_FAMILY:
        return len(stretch)
    return count_rare(stretch) + stretch.count("\ufffd")


def _strong(stretch: str, reading: str, lost: int, script: str, family: str) -> bool:
    """Is this reading of ``stretch`` evidence on its own (see the module's doc)?"""
    letters = len(_LETTERS[script].findall(reading))
    return (letters >= SCRIPTS[script][2] and len(reading) >= MIN_READ and lost <= MAX_LOST_SHARE * len(reading)
            and 3 * _misread(stretch, family) >= len(stretch) and len(_LETTERS[script].findall(stretch)) * 2 < letters)


def _weak(stretch: str, reading: str, lost: int, family: str) -> bool:
    """A short stretch beside a strong one on its line: read if it keeps half its characters."""
    return 2 * lost <= len(reading) and _misread(stretch, family) >= 1


# Bytes that begin a letter of another script in UTF-8: kana, two hangul or two Cyrillic or Greek
# letters in a row, Thai, emoji (a dingbat or symbol too: e2 98-9e, ⭐ e2 ad), Han beyond the
# Basic Multilingual Plane (f0 a0-b1). A line none of whose bytes holds one gives no reading (see _may_read).
_LETTER_BYTES = re.compile(rb"\xe3[\x81-\x83]|(?:[\xea-\xed][\x80-\xbf]{2}){2}|(?:[\xd0\xd1][\x80-\xbf]){2}|(?:[\xce\xcf][\x80-\xbf]){2}"
                           rb"|\xe0[\xb8\xb9]|\xf0[\x9f\xa0-\xb1]|\xe2[\x98-\x9e]|\xe2\xad[\x90\x95]")


def _may_read(views: list[list[tuple[int, str, list[int | None], list[int]]]]) -> bool:
    """Can a line's byte views (``_views`` of each stretch) give a reading at all? Each is searched
    for a letter's bytes: most clean lines are passed over so, without reading each stretch."""
    return any(None in stream or _LETTER_BYTES.search(bytes(stream)) for run in views for _, _, stream, _ in run)


Readings = tuple[list[Reading], list[tuple[int, int]]]


def _line_readings(line: str, cache: dict[str, Readings] | None = None,
                   families: tuple[str, ...] = FAMILIES) -> Readings:
    """The stretches of ``line`` to read (``Reading``), and those that read as another script's
    UTF-8 but lost too many bytes, (start, end). ``cache`` (one page's: ``repair`` and
    ``unread_spans`` ask its lines again) keeps the answers by line; nothing is kept across pages.
    ``families``: those whose views may give a reading (``_gate``, the same for the same line).

    A € may be the lone byte 80 (a browser's gbk) or the pair a2 e3 (Python's gb18030: 転を is
    e8 bb a2 e3 82 92, shown 杌€倰): both are tried, and the one that reads more is taken.
    """
    if cache is not None and line in cache:
        return cache[line]
    found = _family_readings(line, families)
    if "\u20ac" in line:
        paired = _family_readings(line.replace("\u20ac", decoders.EURO_PAIR), families)
        found = paired if _read(paired) > _read(found) else found
    if cache is not None:
        cache[line] = found
    return found


def _read(readings: Readings) -> int:
    """Characters the readings read (lost ones aside)."""
    return sum(len(reading) - lost for _, _, reading, lost, _ in readings[0])


def _family_readings(line: str, families: tuple[str, ...]) -> Readings:
    """``_line_readings`` with € as the lone byte 80, in ``families`` (of FAMILIES, in order)."""
    for family in families:
        if family == decoders.SINGLE_FAMILY and not _SINGLE_LEAD.search(line):
            continue  # no UTF-8 lead as cp1252 shows it, before a continuation byte: none of its mojibake
        runs = list(_RUN.finditer(line))
        views = [_views(m.group(), family) for m in runs]
        if not _may_read(views):
            continue
        strong, weak, unread, scripts = [], [], [], set()
        for m, run_views in zip(runs, views, strict=True):
            for offset, _, stream, ends in run_views:
                for a, b, reading, lost, filled in _pieces(stream, ends, family):
                    a, b = offset + a, offset + b
                    stretch = m.group()[a:b]
                    item = (m.start() + a, m.start() + b, reading, lost, _script(reading), filled)
                    if item[4] is None:
                        if _HAN_ONLY.fullmatch(reading) and not lost:
                            weak.append(item)  # Han alone (a hanja word): read only beside a strong stretch
                        continue
                    elif _strong(stretch, reading, lost, item[4], family):
                        strong.append(item)
                        scripts.add(item[4])
                    elif 2 * lost <= len(reading):
                        weak.append(item)
                    elif len(_LETTERS[item[4]].findall(reading)) >= SCRIPTS[item[4]][2] and 3 * _misread(stretch, family) >= len(stretch):
                        unread.append(item)
        if family == decoders.SINGLE_FAMILY and "hangul" in scripts and "\ufffd" in line:
            continue  # each byte cp1252 marked lost makes a syllable: ftfy's reading does better
        if len(scripts) == 1:
            script = scripts.pop()
            # Han alone is read beside kana or hangul (kanji, hanja); beside Cyrillic, Greek, Thai
            # or emoji it is Chinese text, the Chinese readings' (they take dropped bytes back).
            # Only in a line written in that script: kanji in Chinese text quoting a Japanese name
            # are Chinese, and with bytes dropped a reading cut around them leaves the Chinese
            # readings pieces too short to take the dropped bytes back.
            letters = sum(len(_LETTERS[script].findall(item[2])) for item in strong + weak)
            read = sum(len(item[2]) for item in strong + weak)
            han = (None, script) if script in ("kana", "hangul") and letters >= OWN_SCRIPT_SHARE * read else (script,)
            taken = strong + [w for w in weak if w[4] in han and _weak(line[w[0]:w[1]], w[2], w[3], family)]
            return [(*w[:4], w[5]) for w in sorted(taken)], []
        if unread and not scripts:
            return [], [u[:2] for u in unread]
    return [], []


def _lines(text: str, cache: dict | None = None):
    """(offset, line, families) of each line that may hold such mojibake: one with a rare
    character, whose byte view in each of the families may read (``_gate``). ``cache``: the
    page's, which keeps each line's families (the later asks' text is mostly the same lines)."""
    lines = text.split("\n")
    if cache is None:
        gate = _gate(text)
        verdicts = [gate.get(k) for k in range(len(lines))]
    else:
        known = cache.setdefault(_GATE_KEY, {})
        new = list(dict.fromkeys(line for line in lines if line not in known))
        if new:
            gate = _gate("\n".join(new))
            known.update((line, gate.get(k, ())) for k, line in enumerate(new))
        verdicts = [known[line] for line in lines]
    at = 0
    for line, families in zip(lines, verdicts, strict=True):
        if families and (_misread(line) >= 2 or _SINGLE_LEAD.search(line)):
            yield at, line, families
        at += len(line) + 1


def _letter_ranges(letters: str) -> list[tuple[int, int]]:
    """The (first, last) code points of a class's letters as SCRIPTS writes them ("a-zé")."""
    out, k = [], 0
    while k < len(letters):
        if k + 2 < len(letters) and letters[k + 1] == "-":
            out.append((ord(letters[k]), ord(letters[k + 2])))
            k += 3
        else:
            out.append((ord(letters[k]), ord(letters[k])))
            k += 1
    return out


_GATE_KEY = ("gate",)  # a page cache's key for its lines' families (its other keys are lines)
_GATE_SCRIPTS = [(_letter_ranges(letters), _letter_ranges(letters + extra + _SHARED), least) for letters, extra, least in SCRIPTS.values()]


def _gate(text: str) -> dict[int, tuple[str, ...]]:
    """Line index -> the families whose byte view of that line may give a reading. A reading
    (taken, or named unread) is a stretch of a UTF-8 run of the view whose characters are all of
    one script's class (``_ONLY``) with its least letters; in a GBK or Big5 view, read from
    characters a third of which look misread (``_strong``, and ``unread``: rare or U+FFFD). A
    line holding no such stretch is passed over: most lines, even clean lines rich in rare names,
    and clean lines whose GBK bytes read as a few Greek or Cyrillic letters among Han (one clean
    page in four held one) by the common characters they were read from; the readings (a regex
    per piece of each view) are spared them. A character the single-byte family lost a byte of
    counts as the letter its lost byte makes (``_filled``). One native pass a page
    (native/src/other_scripts.rs, with the page scan's rare class; the Python original is
    tests/reference_other_scripts.py). On a page with €, which may be the pair a2 e3
    (``_line_readings`` reads a line both ways), a family passes if either view may read."""
    masks: dict[int, int] = {}
    gate = native_gate(*rare_table())  # count_rare's class, which _misread counts
    for view in (text, text.replace("\u20ac", decoders.EURO_PAIR)) if "\u20ac" in text else (text,):
        for k, mask in gate.lines(view):
            masks[k] = masks.get(k, 0) | mask
    return {k: tuple(f for bit, f in enumerate(FAMILIES) if mask >> bit & 1) for k, mask in masks.items()}


@lru_cache(maxsize=2)
def native_gate(sets: _native.CharSets, rare: int) -> _native.OtherScriptGate:
    """The native gate of ``_gate`` for the page scan's table ``sets`` (its class ``rare``), its
    families, scripts and bytes converted once, not at each page."""
    return _native.OtherScriptGate(decoders.native_codes(), list(FAMILIES), _GATE_SCRIPTS, list(UNDEFINED_SINGLE), sets, rare)


def repair(text: str, guess: bool = True, cache: dict | None = None) -> MojibakeRepair:
    """``text`` with each stretch of another script's UTF-8 read by a CJK decoder read back; a
    ``lost-byte`` finding for each character whose bytes were lost (written U+FFFD) and for each
    that cp1252's lost byte leaves one letter of, filled only with ``guess`` (else U+FFFD too).
    What of the readings is kept from conversion is the text's to say (``marked_phrases``), not
    the repair's: a second clean, which reads nothing, must keep the same.
    ``cache``: the page's, for ``unread_spans`` to ask the same lines again (``_line_readings``)."""
    pieces, done, count, findings, shift = [], 0, 0, [], 0
    for at, line, families in _lines(text, cache):
        readings, _ = _line_readings(line, cache, families)
        for a, b, reading, _lost, filled in readings:
            pieces.append(text[done : at + a])
            base = at + a + shift
            if filled and not guess:
                chars = list(reading)
                for k, _, _ in filled:
                    chars[k] = "\ufffd"
                reading, filled = "".join(chars), ()
            findings += [holes.guess_finding(GUESS_KIND, base + k, reading[k], alternative, margin)
                         for k, alternative, margin in filled]
            findings += [Finding(GUESS_KIND, base + k, "\ufffd (UTF-8 of another script; its bytes were lost)")
                         for k, ch in enumerate(reading) if ch == "\ufffd"]
            findings.sort(key=lambda f: f.position)
            pieces.append(reading)
            shift += len(reading) - (b - a)
            done = at + b
            count += 1
    if not count:
        return MojibakeRepair(text, 0, [])
    pieces.append(text[done:])
    return MojibakeRepair("".join(pieces), count, findings)


# A run of letters Japanese or Korean write (kana, hangul, Han) and the U+FFFD of lost bytes.
_MARKED_RUN = re.compile("[\u3041-\u3096\u309d-\u30fa\u30fc-\u30ff\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆\ufffd]*"
                         "\ufffd[\u3041-\u3096\u309d-\u30fa\u30fc-\u30ff\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆\ufffd]*")
_MARKS = re.compile("\ufffd+")
# What tells a piece Japanese or Korean, as conversion tells a sentence (convert._OTHER_SCRIPT):
# hiragana or hangul; katakana alone do not, a Chinese sentence spells a loanword so
# (喜歡看ジャンプ雜誌…的漫畫�: Chinese beside a lost character, converted).
_HIRAGANA_HANGUL = re.compile("[\u3041-\u3096\uac00-\ud7a3]")


def marked_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of the Japanese and Korean phrases that U+FFFD of lost bytes cut: from the
    first piece between marks holding kana or hangul to the last, with the marks at either end.
    Conversion would judge each piece alone, too short to tell its language (国際会�は来� ->
    国际), and convert the Han of a quoted title whose closing 」 was lost (「�の�はまだ知らない�).
    Han pieces outside them are Chinese beside the phrase (불시착�在台灣有著: converted).

    Asked of the text as it stands, never of what a repair read on this pass: a second clean
    reads nothing and must keep the same (the readings the repair made were kept whole before,
    Chinese read with them and all, and a second clean converted them: 有著 -> 有着)."""
    if "\ufffd" not in text:
        return []
    spans = []
    for run in _MARKED_RUN.finditer(text):
        start, piece_at, first, last = run.start(), run.start(), None, None
        for mark in [*_MARKS.finditer(run.group()), None]:
            piece_end = start + mark.start() if mark else run.end()
            if _HIRAGANA_HANGUL.search(text, piece_at, piece_end):
                first = piece_at if first is None else first
                last = piece_end
            piece_at = start + mark.end() if mark else run.end()
        if first is None or _HIRAGANA_HANGUL.findall(text, first, last) == ["の"]:
            continue  # a lone の is Chinese netspeak's 的 (我們の學校) as often as Japanese
        while first > start and text[first - 1] == "\ufffd":
            first -= 1
        while last < run.end() and text[last] == "\ufffd":
            last += 1
        spans.append((first, last))
    return spans


def unread_spans(text: str, cache: dict | None = None) -> list[tuple[int, int]]:
    """(start, end) of stretches that read as another script's UTF-8 but lost too many bytes to be
    read: left as they came by every later stage. ``cache``: the page's (``repair``)."""
    spans = []
    for at, line, families in _lines(text, cache):
        _, unread = _line_readings(line, cache, families)
        spans += [(at + a, at + b) for a, b in unread]
    return spans


_KANA_HANGUL = re.compile("[\u3041-\u3096\u30a1-\u30fa\uac00-\ud7a3]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def lines_in_other_script(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines written in Japanese or Korean (kana or hangul OWN_SCRIPT_SHARE of
    their letters) that hold U+FFFD: such a line read back by ``repair`` and cleaned again. The
    U+FFFD of its lost bytes cut it into pieces that conversion would judge one by one, too
    short to tell their language (国際会議は来� -> 国际), so it is kept from conversion whole."""
    if "\ufffd" not in text:
        return []
    spans, at = [], 0
    for line in text.split("\n"):
        if "\ufffd" in line:
            own = len(_KANA_HANGUL.findall(line))
            if own >= MIN_READ and own >= OWN_SCRIPT_SHARE * (own + len(_HAN.findall(line))):
                spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans
