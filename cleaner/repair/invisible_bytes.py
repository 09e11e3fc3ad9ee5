"""UTF-8 read by a single-byte decoder whose invisible characters a later tool deleted.

Why: cp1252, Latin-1 and the browsers' windows-1252 show some bytes of UTF-8 as characters that
show as nothing: ad as a soft hyphen, a0 as a no-break space, 80-9f as C1 controls (Latin-1; the
browsers' page for its five undefined bytes 81 8d 8f 90 9d). HTML sanitizers, ``isprintable``
filters, XML 1.0 cleaners and a browser's copy delete them without a mark, and each deletion cuts
a UTF-8 character: 中 (e4 b8 ad), the commonest character of news, loses its last byte to a soft
hyphen cleaner and stays ``ä¸``; through Latin-1 with the C1 controls gone a third of the bytes
go, and the single-byte re-read made the rest into other characters (中卽卽坡...).

The bytes say much: a deleted byte was a continuation byte (no lead byte is invisible), so UTF-8's
grammar places each gap (a lead byte with fewer continuation bytes after it than it needs: which
of its slots the kept bytes fill is open), and its value is one of the few bytes the page's path
deletes. That set is data, per decoder (``INVISIBLE``), narrowed to the page: a kind of invisible
byte the page's misread runs still show (a soft hyphen, a C1 control, a cp1252 sign for 80-9f, a
U+FFFD that cp1252 wrote for an undefined byte) was not deleted. Each cut character's candidates
are the characters its kept bytes and those values make; the character model chooses along the
run (``holes.choose_ranked``), and the chosen bytes are written back as the characters the decoder
showed, for the single-byte re-read (run next) to read the run whole. A choice among several is a
``lost-byte`` finding with its runner-up; ``--no-guess`` (and a guess that may change a number)
writes U+FFFD for the bytes put back. Where only a decoder's undefined bytes can have gone (cp1252
with ``errors="ignore"``), the re-read's own reading of dropped bytes is left to it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations, product
from typing import NamedTuple

from cleaner import chardata
from cleaner.langmodel import model
from cleaner.model import Finding
from cleaner.repair import holes, latin_layers
from cleaner.textedit import rewrite_matches

LOST = "\ufffd"
GUESS_KIND = latin_layers.GUESS_KIND
SHY, NBSP = 0xAD, 0xA0
UNDEFINED = latin_layers.UNDEFINED  # the bytes cp1252 leaves undefined (its U+FFFD; C1 controls in a browser)
C1 = tuple(range(0x80, 0xA0))
# The bytes a single-byte decoder shows as a character that shows as nothing, per decoder: what a
# later tool may delete from its reading. cp1252's undefined bytes are its U+FFFD (``replace``) or
# dropped by the decoder itself (``ignore``).
INVISIBLE = {
    "cp1252": (NBSP, SHY),
    "whatwg-1252": (*UNDEFINED, NBSP, SHY),
    "latin-1": (*C1, NBSP, SHY),
}
# Kinds of invisible bytes, each seen (not deleted) if a misread run of the page shows one of them.
_KINDS = (
    tuple(b for b in C1 if b not in UNDEFINED),  # shown as cp1252's signs or as C1 controls
    UNDEFINED,  # shown as C1 controls (Latin-1, a browser) or as cp1252's U+FFFD
    (NBSP,),
    (SHY,),
)
MIN_MISREAD = 2  # misread UTF-8 characters (a lead and a continuation byte) a run must show
# A run is read as UTF-8 only if at most one token in MAX_LONE is a byte no character takes (a
# deletion never orphans a continuation byte: no lead byte is invisible).
MAX_LONE = 8
MAX_CANDIDATES = 256  # a character that lost two bytes to the C1 controls has a thousand: the commonest

_HIGH = "\\x80-\\xff" + re.escape(chardata.CP1252_SIGNS) + "\\ufffd"
_RUN = re.compile(f"[{_HIGH}]+")


def deleted_bytes(text: str) -> tuple[int, ...]:
    """The invisible bytes ``text``'s misread runs show none of (each decoder's, together): those a
    later tool may have deleted. None of the kinds a decoder's reading shows in the runs is."""
    shown: set[int] = set()
    for m in _RUN.finditer(text):
        if len(latin_layers.MISREAD_UTF8.findall(m.group())) >= MIN_MISREAD:
            shown.update(UNDEFINED[0] if ch == LOST else _byte(ch) for ch in m.group())
    if not shown:
        return ()
    seen = {b for kind in _KINDS if shown.intersection(kind) for b in kind}
    return tuple(sorted({b for bytes_ in INVISIBLE.values() for b in bytes_} - seen))


# High characters a page's single-byte runs must show before the absence of a kind says it was
# deleted (a Big5 page holds no byte 80-9f at all: it is read with them droppable, at the in-step
# reading's price for a lost byte).
MIN_EVIDENCE = 64
# Misread characters (two continuation bytes each, about) a page must show before its lack of a0
# says a tool deleted no-break spaces: a0 is one continuation byte in 119, so 360 characters
# show six on average, and none by chance on one page in 400.
MIN_EVIDENCE_NBSP = 360
MIN_ODD_RUNS = 2  # runs of odd length the page shows at least
# What cp1252, Latin-1 and cp1250 show for a byte 80-ff, and for a byte 80-9f (their signs,
# cp1250's letters Ś Ť Ź ś ť ź, the C1 controls).
_SHOWN = {codec: [bytes((b,)).decode(codec, "replace") for b in range(0x80, 0x100)] for codec in ("cp1252", "latin-1", "cp1250")}
_SINGLE_RUN = re.compile("[" + re.escape("".join(sorted({c for shown in _SHOWN.values() for c in shown} - {LOST}))) + "]+")
_SHOWN_C1 = re.compile("[" + re.escape("".join(sorted({c for shown in _SHOWN.values() for c in shown[:0x20]} - {LOST}))) + "]")
_LATIN_1 = re.compile("[\xa1-\xff]")


def single_byte_drops(text: str) -> tuple[int, ...] | None:
    """The bytes a GBK or Big5 page shown one byte a character lost without a mark, where a later
    tool deleted invisible characters: the C1 controls (bytes 80-9f, GBK leads and trails), with
    the no-break space and soft hyphen if the page shows none either; None where the page shows a
    byte of 80-9f (cp1252's signs, Latin-1's controls: then only what the decoder itself leaves
    undefined can have gone, the in-step reading's own set)."""
    # Misread runs: high characters, one of them a Latin-1 letter or sign at least (a clean
    # line's “……” is Chinese punctuation, which cp1252 writes at 85 93 94).
    high = [m.group() for m in _SINGLE_RUN.finditer(text) if _LATIN_1.search(m.group())]
    if sum(map(len, high)) < MIN_EVIDENCE or any(_SHOWN_C1.search(run) for run in high):
        return None
    # A byte gone from a two-byte character leaves a run of odd length (a run read whole is its
    # pairs): a Simplified page, which seldom writes a byte 80-9f, shows none unless bytes went.
    if sum(len(run) % 2 for run in high) < MIN_ODD_RUNS:
        return None
    shown = set("".join(high))
    return (*C1, *(b for b in (NBSP, SHY) if chr(b) not in shown))


def repair(text: str, guess: bool = True) -> tuple[str, int, list[Finding]]:
    """``text`` with the invisible bytes a later tool deleted from misread UTF-8 written back as the
    characters the decoder showed; (text, runs changed, a ``lost-byte`` finding per choice among
    several)."""
    if not latin_layers.shows_misread_utf8(text):
        return text, 0, []
    gone = deleted_bytes(text)
    beyond = set(gone) - set(UNDEFINED)
    if not beyond:
        return text, 0, []  # nothing invisible deleted, or only what cp1252 itself drops (the re-read's)
    if not beyond & set(C1) and LOST not in text and len(latin_layers.MISREAD_UTF8.findall(text)) < (
            MIN_EVIDENCE_NBSP if beyond == {NBSP} else MIN_EVIDENCE):
        # Only a0 and ad unseen, and no mark: the decoder may have dropped its own undefined bytes
        # (cp1252's, or another code page's: cp1254 drops 8e 9e too, code_pages' to read), and a
        # short page shows no ad by chance; a0 alone unseen is weaker still (one continuation byte in 119 on the
        # Wikipedia corpus: 37 of its 1,104 Simplified paragraphs show 64 misread characters and
        # no a0, and cp1254's own drops were filled as a0, 后 read 名: review31c).
        return text, 0, []
    def rewrite(m: re.Match) -> tuple[str, list] | None:
        run = m.group()
        if len(latin_layers.MISREAD_UTF8.findall(run)) < MIN_MISREAD:
            return None
        # A run ends where the decoder's characters do, or at ASCII: a character cut there was cut
        # by a deletion only before a line end, an ASCII character other than a space, or Chinese
        # read right (a space may be its no-break space made one: ``blank_bytes``; a letter outside
        # the decoder, Ĺ or ∏, is another code page's reading).
        after = text[m.end() : m.end() + 1]
        closed = not after or after == "\n" or (after < "\x80" and after != " ") or after >= "\u2e80"
        fixed, chosen = _filled(run, gone, text[max(0, m.start() - 8) : m.start()], guess, closed)
        return None if fixed == run else (fixed, chosen)

    fixed_text, runs = rewrite_matches(text, _RUN, rewrite)
    findings = [holes.guess_finding(GUESS_KIND, at + slot, c.char, c.alternative, c.margin)
                for at, chosen in runs for slot, c in chosen]
    return fixed_text, len(runs), findings


def _filled(run: str, gone: tuple[int, ...], prev: str, guess: bool, closed: bool
            ) -> tuple[str, list[tuple[int, holes.Choice]]]:
    """``run`` with each cut UTF-8 character's deleted bytes written back, and the choices made
    among several (at the offset of the first byte put back). A character cut at the run's end
    is filled only if the run is ``closed`` (what follows it cannot be the rest of its bytes)."""
    tokens = _tokens(run, gone)
    if tokens and tokens[-1].cut and not closed:
        tokens[-1] = _Token(tokens[-1].text, False, {})
    if MAX_LONE * sum(not t.candidates and t.text != LOST for t in tokens) > len(tokens):
        return run, []  # not UTF-8 (a GBK or Big5 page shown as Latin-1 parses into lone bytes)
    if not any(t.cut for t in tokens):
        return run, []
    out: list[str] = []
    written = 0
    chosen: list[tuple[int, holes.Choice]] = []
    for stream in _streams(tokens):
        if not any(t.cut for t in stream) or not stream[0].candidates:
            for t in stream:
                out.append(t.text)
                written += len(t.text)
            continue
        items = [[next(iter(t.candidates)), k + 1, list(t.candidates)] for k, t in enumerate(stream)]
        ranked = holes.choose_ranked(items, prev, final=False)
        reading = "".join(c.char for c in ranked)
        guessed = frozenset(k for k, c in enumerate(ranked) if c.guessed)
        for k, (t, pick) in enumerate(zip(stream, ranked, strict=True)):
            if not t.cut:
                out.append(t.text)
                written += len(t.text)
                continue
            filling, put_back = t.candidates[pick.char]
            shown = [_shown(b) if b is not None else LOST for b in filling]
            if len(t.candidates) > 1:
                pick = pick._replace(candidates=tuple(items[k][2]))
                chosen.append((written + put_back[0], pick))
                if not guess or holes.changes_a_number(reading, k, pick, guessed):
                    shown = [LOST if i in put_back else s for i, s in enumerate(shown)]
            piece = "".join(shown)
            out.append(piece)
            written += len(piece)
        prev = reading
    return "".join(out), chosen


class _Token(NamedTuple):
    text: str  # the run's characters it spans
    cut: bool  # a UTF-8 character short of continuation bytes
    # What it may be: character -> (its bytes, None where the run shows U+FFFD; offsets put back).
    # Empty for a byte no character takes (a stream breaks there).
    candidates: dict[str, tuple[tuple[int | None, ...], tuple[int, ...]]]


def _tokens(run: str, gone: tuple[int, ...]) -> list[_Token]:
    """The run's bytes parsed as UTF-8 with gaps: a token per lead byte and the continuation bytes
    after it (cut if it needs more), else per byte."""
    view = [None if ch == LOST else _byte(ch) for ch in run]
    out: list[_Token] = []
    i = 0
    while i < len(view):
        b = view[i]
        need = 0 if b is None else 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else 0
        k = i + 1
        while need and k < len(view) and k - i <= need and (view[k] is None or 0x80 <= view[k] < 0xC0):
            k += 1
        kept = tuple(view[i + 1 : k])
        cands = _candidates(b, kept, need, gone if len(kept) < need else ()) if need else {}
        out.append(_Token(run[i:k], len(kept) < need, cands))
        i = k
    return out


def _streams(tokens: list[_Token]) -> list[list[_Token]]:
    """Runs of tokens with candidates (each chosen as one stream), and each token without alone."""
    streams: list[list[_Token]] = []
    for t in tokens:
        if t.candidates and streams and streams[-1][-1].candidates:
            streams[-1].append(t)
        else:
            streams.append([t])
    return streams


@lru_cache(maxsize=1 << 16)
def _candidates(lead: int, kept: tuple[int | None, ...], need: int, gone: tuple[int, ...]
                ) -> dict[str, tuple[tuple[int | None, ...], tuple[int, ...]]]:
    """The characters Chinese text writes whose UTF-8 is ``lead``, the ``kept`` bytes in order
    (None: one of cp1252's undefined bytes, which it marked) and ``need`` minus their number bytes
    of ``gone`` in the other places; the MAX_CANDIDATES likeliest. Each with its bytes (None
    where the run shows U+FFFD) and the offsets of the bytes put back."""
    found: dict[str, tuple[tuple[int | None, ...], tuple[int, ...]]] = {}
    free = need - len(kept)
    for at in combinations(range(1, need + 1), len(kept)):
        put_back = tuple(i for i in range(1, need + 1) if i not in at)
        for values in product(gone, repeat=free):
            filling: list[int | None] = [lead] + [None] * need
            for i, b in zip(at, kept, strict=True):
                filling[i] = b
            for i, b in zip(put_back, values, strict=True):
                filling[i] = b
            for known in product(*[(b,) if b is not None else UNDEFINED for b in filling]):
                ch = bytes(known).decode("utf-8", errors="replace")
                if len(ch) == 1 and ch != LOST and ch not in found and _written(ch):
                    found[ch] = (tuple(filling), put_back)
    if len(found) > MAX_CANDIDATES:
        unigram = model().unigram
        found = dict(sorted(found.items(), key=lambda kv: -unigram(kv[0]))[:MAX_CANDIDATES])
    return found


@lru_cache(maxsize=1 << 16)
def _written(ch: str) -> bool:
    """Does Chinese text write ``ch`` (GBK holds it: Han, Chinese punctuation, the signs of its
    tables)?"""
    try:
        return len(ch.encode("gbk")) == 2
    except UnicodeEncodeError:
        return False


def _byte(ch: str) -> int:
    """The byte a cp1252 (or Latin-1) decoder showed as ``ch``."""
    return ord(ch) if ch <= "\xff" else ch.encode("cp1252")[0]


@lru_cache(maxsize=None)
def _shown(b: int) -> str:
    """What a single-byte decoder shows for byte ``b``: cp1252's character, a C1 control for the
    bytes cp1252 leaves undefined (the single-byte view reads either)."""
    return bytes((b,)).decode("cp1252", errors="ignore") or chr(b)
