"""A two-byte stream one byte out of step: read again after the one-byte edit that puts it back.

One byte foreign to a GBK or Big5 stream, or one missing from it, shifts the pairing of what
follows until an ASCII byte puts it back in step, and the decoder reads the shifted pairs as
other characters of its own table (rare ones, mostly):

- a lead the decoder's table does not know (HKSCS's 87-a0, c6-c8, f9-fe read by plain Big5 or
  cp950; GB18030's two-byte additions such as fe 93 read by GBK): it writes U+FFFD for the lead
  (or drops it) and pairs the trail with the next lead;
- a single byte of another code page (Word's cp1252 quotes 91-94 in a GBK file): it becomes the
  lead of the next pair;
- a byte removed (``stripslashes`` takes the 5c trail of 許 or 功): the lead pairs with the next
  lead.

So at each place where the pairing may have gone out of step (a U+FFFD, or the first of a
cluster of rare characters) the line's byte view (the decoder's own table widened to its
superset: Big5-HKSCS for Big5, GB18030 for GBK) is edited by one byte a few bytes either side:
a marked byte given a value, a byte dropped (kept as its cp1252 reading where that is a quote or
a dash), a byte inserted; and the edit the character model likes best is taken where it gains
enough and leaves fewer rare characters than it found. A byte given a value is a guess, with its
finding (``--no-guess``: U+FFFD). The other two-byte family's misreadings are ``resync``'s.
docs/repair.md §5.1.3.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from cleaner import pagefacts
from cleaner.chardata import HAN_CLASS
from cleaner.langmodel import model
from cleaner.repair import holes, mojibake
from cleaner.repair.mojibake import MojibakeRepair

# (the decoder's codec, the wider table its stream is read again by)
FAMILIES = (("gbk", "gb18030"), ("cp950", "big5hkscs"))
# Bytes either side of a suspect's first byte where the edit is tried: a lost lead stands up
# to a character before the first rare character the shift makes (the pairs it shifts may read
# as common characters first).
BEFORE, AFTER = 4, 2
# A byte given a value: a lead (what a decoder rejects), or the 5c trail a tool removes.
FILLS = tuple(range(0x81, 0xFF))
REMOVED = 0x5C  # the trail byte ``stripslashes`` removes
# Log-probability an edit must gain over the reading as it stands. A marked byte (U+FFFD) given
# a value costs least: the decoder says a byte was there. Chosen on the probe's build cases and
# held so that no clean Wikipedia paragraph changes (benchmarks/false_positives.py).
MARKED_COST = 2.0
DROP_COST = 6.0
INSERT_COST = 8.0
# Edits per line at most: each is one foreign or lost byte.
MAX_EDITS = 32
ROUNDS = 4  # passes over a line at most
# Log-probability credited per character a reading has more (an average character's): a reading
# with fewer characters is not likelier for having fewer to score.
LENGTH_CREDIT = 6.0
# What a U+FFFD left standing costs: the model scores the mark leniently, where a character it
# stands for is known to be there and unread.
MARK_COST = 6.0
# A foreign single byte kept as what cp1252 shows for it: Word's quotes and dashes.
KEPT = {0x91: "\u2018", 0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x96: "\u2013", 0x97: "\u2014",
        0x85: "\u2026"}
PAIRED = 64  # bytes after a foreign quote byte searched for its closing one
MAX_LINE = 4096  # characters of a line edited, at most (each suspect tries a few hundred edits)
# Marks at most this share of a page's characters beyond ASCII: the stream is mostly read.
MOSTLY_READ = 0.5
# Rare characters this close (in characters) are one cluster: the shift's run, edited from its first.
CLUSTER = 3
# Rare characters a line without a U+FFFD holds, at least, as a share of its Han: a stream out of
# step reads rare pairs more often than not; clean text holds a few percent.
RARE_SHARE = 0.15
_HAN = re.compile(f"[{HAN_CLASS}]")
# Bytes of an edit's reading judged against the old (a shifted run may go on further).
WINDOW = 24


def repair(text: str, guess: bool = True, protect: Callable[[str], list[tuple[int, int]]] | None = None) -> MojibakeRepair:
    """Lines of ``text`` put back in step by one-byte edits where the model clearly prefers it.

    ``protect``: the spans of a line no edit may touch; a line whose edits would is left as it is
    (on a page showing the pinyin damage, a shifted run is realign's: it reads the run with its
    swallowed bytes, and a one-byte edit here read 主要?jiǎng)恿 as 主要？jiǎng)御力 first; the
    line's other places, and lines with only a question mark, are still read)."""
    # A line is read only with a U+FFFD or a cluster of rare Han (``_suspects``), two at least:
    # the lines holding two are counted in one native pass, and the others are passed whole (a
    # Python test of each line cost a clean page 0.1-0.15 ms).
    if MOSTLY_READ * mojibake.beyond_ascii(text) < text.count("\ufffd"):
        # One byte out of step presumes the rest of the stream decoded. A page read with every
        # high byte rejected (.decode("ascii", "replace"), a Python 2-era tool: 他說：「這個 in
        # GBK is ���f�����@) holds marks and the ASCII trail bytes alone, and a value given to a
        # mark there (强 from a mark and the L of Leandro) had nothing to be chosen by. Judged on
        # the page, not the line: a line's share moves with where a wrapper broke it, and a
        # second clean of a page whose breaks were put back elsewhere would judge it otherwise.
        return MojibakeRepair(text, 0, [])
    read = None if "\ufffd" in text else set(_rare_pairs(text))
    if read is not None and not read:
        return MojibakeRepair(text, 0, [])
    out: list[str] = []
    findings = []
    count = at = 0
    for k, line in enumerate(text.split("\n")):
        if read is not None and k not in read:
            out.append(line)
            at += len(line) + 1
            continue
        fixed, guesses, edits = _line(line, guess) if len(line) <= MAX_LINE else (line, [], 0)
        if edits and protect is not None and _touches(line, fixed, protect(line)):
            fixed, guesses, edits = line, [], 0
        findings += [holes.guess_finding(mojibake.GUESS_KIND, at + pos, ch, alt, margin)
                     for pos, ch, alt, margin in guesses]
        count += edits
        out.append(fixed)
        at += len(fixed) + 1
    return MojibakeRepair("\n".join(out), count, findings) if count else MojibakeRepair(text, 0, [])


def reads(line: str) -> bool:
    """Would the edits change ``line`` (a line the page's share of marks lets them read)?"""
    if MOSTLY_READ * mojibake.beyond_ascii(line) < line.count("\ufffd") or len(line) > MAX_LINE:
        return False
    return _line(line, False)[2] > 0


def _touches(line: str, fixed: str, spans: list[tuple[int, int]]) -> bool:
    """Does a change from ``line`` to ``fixed`` fall in one of ``spans`` (of ``line``)?"""
    if not spans:
        return False
    changed = [(i1, max(i2, i1 + 1)) for op, i1, i2, _, _ in
               difflib.SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes() if op != "equal"]
    return any(a < end and start < b for a, b in changed for start, end in spans)


def _line(line: str, guess: bool) -> tuple[str, list, int]:
    """The line with its edits (the family whose edits gain most), its guesses and edit count."""
    if not _suspects(line, 0):
        return line, [], 0
    if "\ufffd" not in line and mojibake.count_rare(line) < RARE_SHARE * len(_HAN.findall(line)):
        # No mark, and rare characters as clean text holds them (names): no stream out of step,
        # whose pairs read rare more often than not. Trying the edits around each cluster cost
        # a clean page 9 ms.
        return line, [], 0
    best = (0.0, line, [], 0)
    for narrow, wide in FAMILIES:
        if not _read_by(line, narrow):
            continue  # a character the decoder cannot have written: not its reading
        fixed, guesses, edits, gain = _edit(line, narrow, wide, guess)
        for _ in range(ROUNDS - 1):
            # An edit further on may let one before it read (its window was out of step): again,
            # as a second clean would, until nothing gains.
            again, more, n, g = _edit(fixed, narrow, wide, guess)
            if not n:
                break
            fixed, guesses, edits, gain = again, _moved(guesses, fixed, again) + more, edits + n, gain + g
        if edits and gain > best[0]:
            best = (gain, fixed, guesses, edits)
    return best[1], best[2], best[3]


def _moved(guesses: list, before: str, after: str) -> list:
    """Earlier guesses whose characters still stand at their places after another round."""
    return [g for g in guesses if g[0] < len(after) and after[g[0]] == before[g[0]]]


def _read_by(line: str, narrow: str) -> bool:
    """Can a ``narrow`` decoder have written every character of ``line``?"""
    try:
        line.replace("\ufffd", "").encode(narrow)
    except UnicodeEncodeError:
        return False
    return True


def _suspects(line: str, start: int) -> list[int]:
    """Indices (from ``start``) where the pairing may have gone out of step: a U+FFFD, or the
    first rare character of a cluster of at least two."""
    rare = [m.start() for m in _rare().finditer(line, start)]
    found = [m.start() for m in re.finditer("\ufffd", line[start:])]
    found = [start + k for k in found]
    # A cluster's first: a rare character with another within CLUSTER after it and none within
    # CLUSTER before (a lone rare character is a name's, and trying a few hundred edits around
    # each cost a clean page of names 90 ms).
    for k, pos in enumerate(rare):
        opens = k == 0 or pos - rare[k - 1] > CLUSTER
        if opens and k + 1 < len(rare) and rare[k + 1] - pos <= CLUSTER:
            found.append(pos)
    return sorted(set(found))


@lru_cache(maxsize=1)
def _rare() -> re.Pattern:
    return mojibake.rare_han_pattern()


_rare_pairs = pagefacts.lines_with(_rare, 2)  # the lines holding two rare Han at least


def _view(line: str, wide: str) -> tuple[list[int], list[int]] | None:
    """The line's bytes in the ``wide`` table (-1 for a U+FFFD: a byte of unknown value) and
    each character's first byte; None where a character is in no such table."""
    data: list[int] = []
    starts: list[int] = []
    for ch in line:
        starts.append(len(data))
        if ch == "\ufffd":
            data.append(-1)
            continue
        try:
            data += ch.encode(wide)
        except UnicodeEncodeError:
            return None
    starts.append(len(data))
    return data, starts


def _decode(items: list, wide: str) -> str:
    """Bytes (ints; -1 a byte of unknown value, read as U+FFFD) and literal strings (a foreign
    quote kept), read. Each run of bytes between marks is read in one codec call (most edits
    tried hold neither marks nor strings: the whole list at C speed; a loop over each item was
    half the stage's time on Big5 read as GBK); a list holding a string is read item by item."""
    out: list[str] = []
    start = 0
    try:
        while True:
            end = _next_mark(items, start)
            if end > start:
                out.append(bytes(items[start:end]).decode(wide, "replace"))  # TypeError at a string
            if end == len(items):
                return "".join(out)
            out.append("\ufffd")
            start = end + 1
    except TypeError:
        return _decode_mixed(items, wide)


def _decode_mixed(items: list, wide: str) -> str:
    """``_decode`` item by item: runs of bytes, a mark, a literal string."""
    out: list[str] = []
    run: list[int] = []
    for it in items + [None]:
        if isinstance(it, int) and it >= 0:
            run.append(it)
            continue
        if run:
            out.append(bytes(run).decode(wide, "replace"))
            run = []
        if it == -1:
            out.append("\ufffd")
        elif isinstance(it, str):
            out.append(it)
    return "".join(out)


def _edit(line: str, narrow: str, wide: str, guess: bool) -> tuple[str, list, int, float]:
    """The line with the edits that gain, left to right, read in ``wide``; its guesses (position,
    character, runner-up, margin), the number of edits and their total gain."""
    lm = model()
    guesses: list = []
    edits = 0
    total = 0.0
    start = 0
    while edits < MAX_EDITS:
        suspects = _suspects(line, start)
        if not suspects:
            break
        view = _view(line, wide)
        if view is None:
            return line, [], 0, 0.0
        data, starts = view
        aligned = _reads_back(line, data, starts, wide)
        found = None
        for at in suspects:
            found = _best_edit(line, data, starts, at, narrow, wide, lm, aligned)
            if found is not None:
                break
        if found is None:
            break
        k, old_end, new_mid, gain, guessed, alternative, margin = found
        if guessed:
            guesses.append((k, new_mid[0], alternative, margin))
            if not guess:
                new_mid = holes.LOST + new_mid[1:]
        if line[k:old_end] == new_mid:
            break  # without guesses a filled byte is a U+FFFD again: nothing to write
        line = line[:k] + new_mid + line[old_end:]
        # On from the first character read again: the reading after it may be out of step again.
        start = k + 1
        edits += 1
        total += gain
    return line, guesses, edits, total


def _best_edit(line: str, data: list[int], starts: list[int], at: int, narrow: str, wide: str, lm, aligned: bool):
    """The best one-byte edit around the character ``at``: (first character changed, end of the
    old characters replaced, the new ones, gain, whether a byte was given a value, the runner-up
    reading of the first new character, margin), or None if none gains enough. ``aligned``: each
    run of the line's bytes between marks reads back as its own characters (``_reads_back``)."""
    first = starts[at]
    lo, hi = max(0, first - BEFORE), min(len(data), first + AFTER + 1)
    if all(b == -1 for b in data[lo:hi + 1]):
        return None  # marks only, and a mark after them: a value given to one pairs with none
    if _reads_as_utf8(data[max(0, first - WINDOW):first + WINDOW]):
        return None  # UTF-8 read as GBK, left unread: the re-reads' (its bytes are no shifted pairs)
    # The edit is read from the character holding its byte on: before it the pairing stands.
    tried: list[tuple[float, int, int, str, bool]] = []
    for pos in range(lo, hi):
        k = _char_at(starts, pos)
        head = data[starts[k]:pos]
        # A byte of unknown value ends every reading (``_decode`` reads the runs between them
        # apart): past the first one beyond what an edit can change (the marked byte given a
        # value, or a quote byte and its closing one), each candidate's reading is the old one,
        # read once here. Without this a line of marks (UTF-8 read by HZ: every byte one) cost
        # each edit tried a reading of the whole rest of the line: minutes a page.
        marked = pos < len(data) and data[pos] == -1
        cut = _next_mark(data, pos + 1 if marked else pos + PAIRED + 2)
        if aligned:
            # The rest from the mark reads as the line's own characters from it: no reading of it
            # (a line alternating marks and digits read it once per place tried: quadratic).
            rest_at = bisect_left(starts, cut)
        else:
            unchanged = _decode(data[cut:], wide)
            rest_at = len(line) - len(unchanged)
            if not line.endswith(unchanged) or rest_at < k:
                cut, rest_at = len(data), len(line)
        tail = data[pos:cut]
        candidates: list[tuple[list, float, bool]] = []
        if tail and tail[0] == -1 and not _in_latin_word(line, _char_at(starts, pos)):
            after = tail[1] if len(tail) > 1 else -1
            candidates += [(head + [b] + tail[1:], MARKED_COST, True) for b in _fills(narrow, after)]
        elif tail and tail[0] in KEPT:
            rest = tail[1:]
            candidates.append((head + [KEPT[tail[0]]] + rest, DROP_COST, False))
            # Quotes come in pairs: the closing byte shifts the stream back, and the stretch
            # after it read in step already (撝富影魯她跟 for “指挥棒”她跟) is only kept so with both.
            close = next((j for j, b in enumerate(rest[:PAIRED]) if b in KEPT), None)
            if close is not None:
                candidates.append((head + [KEPT[tail[0]]] + rest[:close] + [KEPT[rest[close]]] + rest[close + 1:],
                                   DROP_COST, False))
        if "\ufffd" not in line and tail:
            candidates += [(head + [b] + tail, INSERT_COST, True) for b in _fills(narrow, tail[0], removed=True)]
        old_head = line[k:rest_at]
        for items, cost, guessed in candidates:
            new_head = _decode(items, wide)
            if new_head == old_head:
                continue
            same = _common_suffix(old_head, new_head)
            old_changed, new_changed = old_head[:len(old_head) - same], new_head[:len(new_head) - same]
            old_mid, new_mid = old_changed, new_changed
            before = line[k - 1] if k else ""
            after = (old_head[len(old_head) - same:] or line[rest_at:rest_at + 1])[:1]
            old_w, new_w = _head(old_mid, wide), _head(new_mid, wide)
            if (old_w, new_w) != (old_mid, new_mid):
                # Judged on the next WINDOW bytes: further on the stream may be out of step
                # again (a second byte lost), which its own edit puts back.
                old_mid, new_mid, after = old_w, new_w, ""
            # Scored against an average character each: a reading that drops characters is not
            # thereby likelier.
            gain = (lm.score(before + new_mid + after) - lm.score(before + old_mid + after)
                    + (0.0 if cost == MARKED_COST else LENGTH_CREDIT * (len(new_mid) - len(old_mid))) - cost
                    + MARK_COST * (old_mid.count("\ufffd") - new_mid.count("\ufffd")))
            if not _fewer_misread(old_mid, new_mid, marked=cost == MARKED_COST):
                continue
            tried.append((gain, k, k + len(old_changed), new_changed, guessed))
    if not tried:
        return None
    tried.sort(key=lambda t: -t[0])
    gain, k, end, new_mid, guessed = tried[0]
    if gain <= 0:
        return None
    alternative, margin = "", 0.0
    if guessed:
        for other in tried[1:]:
            if other[1] == k and other[3][:1] != new_mid[:1]:
                alternative, margin = other[3][:1], gain - other[0]
                break
    return k, end, new_mid, gain, guessed, alternative, margin


def _in_latin_word(line: str, mark: int) -> bool:
    """Do the marks from ``mark`` on stand inside a Latin word: two ASCII letters before them and
    one after, or two after them in lower case? Then they are a Latin letter a decoder rejected
    (Göttingen's ö, Latin-1 read as UTF-8: G\ufffdttingen), not a lead byte whose trail is the
    letter: a value given there paired with it (G⺶tingen) and ate a letter of the word. A lone
    letter between marks (\ufffdb\ufffd\ufffd\ufffdT) is the trail bytes a stream out of step shows."""
    first = mark
    while first and line[first - 1] == "\ufffd":
        first -= 1
    last = mark
    while last < len(line) and line[last] == "\ufffd":
        last += 1

    def letter(at: int, lower: bool = False) -> bool:
        return 0 <= at < len(line) and line[at].isascii() and (line[at].islower() if lower else line[at].isalpha())

    # Lower case after the marks: a word goes on so, where a stream's trail bytes 41-7a fall as
    # they may (Big5 read as GBK shows 藾P, 蛅Tà).
    return letter(last, True) and (letter(last + 1, True) or letter(first - 1) and letter(first - 2))


_OTHER_SCRIPT = re.compile("[\u3040-\u30ff\uac00-\ud7a3]")


def _reads_as_utf8(data: list[int]) -> bool:
    """Do these bytes read as UTF-8 for the most part (two characters beyond ASCII at least, and
    more of them than marks)? Pairs of a GBK or Big5 stream seldom form UTF-8 sequences."""
    text = bytes(b for b in data if b >= 0).decode("utf-8", "replace")
    beyond = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return beyond >= 2 and beyond > 2 * text.count("\ufffd")


def _fewer_misread(old: str, new: str, marked: bool) -> bool:
    """Does the edit leave fewer signs of a misreading (rare characters, U+FFFD) than it found,
    and no new ASCII letter (a shifted trail 40-7e reads as one; a Big5 trail between Han is
    what an out-of-step reading shows, not what an in-step one makes)? A marked byte given a value
    may leave as many: the character it makes may itself be rare (Cantonese 哋)."""
    if sum(ch.isascii() and ch.isalnum() for ch in new) > sum(ch.isascii() and ch.isalnum() for ch in old):
        return False
    if _OTHER_SCRIPT.search(old):
        return False  # Japanese or Korean read in step already (a Chinese model scores it low)
    if any("\ue000" <= ch <= "\uf8ff" or not ch.isprintable() for ch in new):
        return False  # GB18030's user-defined pairs (a1 61) read as private use: no page's text
    before = mojibake.count_rare(old) + old.count("\ufffd")
    after = mojibake.count_rare(new) + new.count("\ufffd")
    return after <= before if marked else after < before


@lru_cache(maxsize=4096)
def _fills(narrow: str, after: int, removed: bool = False) -> tuple[int, ...]:
    """The values a byte before ``after`` may have had: one the ``narrow`` decoder rejects with
    ``after`` (what it marked or dropped), or (``removed``) the 5c a tool removes from a pair."""
    if after < 0:
        return FILLS
    rejected = []
    for b in FILLS:
        try:
            bytes((b, after)).decode(narrow)
        except UnicodeDecodeError:
            rejected.append(b)
    return tuple(rejected) + ((REMOVED,) if removed else ())


def _head(text: str, wide: str) -> str:
    """The characters of ``text`` within its first WINDOW bytes (in ``wide``)."""
    size = 0
    for k, ch in enumerate(text):
        size += 1 if ch < "\x80" else len(ch.encode(wide, "replace"))
        if size > WINDOW:
            return text[:k]
    return text


def _char_at(starts: list[int], pos: int) -> int:
    """The index of the character holding byte ``pos`` (the last character for the end)."""
    lo, hi = 0, len(starts) - 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return max(lo, 0)


def _reads_back(line: str, data: list[int], starts: list[int], wide: str) -> bool:
    """Does each run of the line's bytes between marks read back as the characters it came from?
    Then the reading of the line from any mark on is the line's own from it."""
    at = 0
    while at <= len(data):
        end = _next_mark(data, at)
        if bytes(data[at:end]).decode(wide, "replace") != line[bisect_left(starts, at):bisect_left(starts, end)]:
            return False
        at = end + 1
    return True


def _next_mark(data: list[int], start: int) -> int:
    """The index of the first byte of unknown value (-1) at or after ``start``, or the end."""
    try:
        return data.index(-1, start)
    except ValueError:
        return len(data)


def _common_suffix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` end alike: found by halving, each test one slice
    comparison at C speed (a tail read again is most of the rest of its line, the same in both)."""
    lo, hi = 0, min(len(a), len(b))  # a suffix of lo characters is common; of more than hi, not
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo
