"""A legacy page read by a decoder whose table is a subset of its own: the lost bytes read back.

Why: crawlers and PHP/iconv set ``gb2312`` for pages that are GBK (every character outside
GB2312 -- 镕 喆 堃 啰, names, Traditional forms -- then breaks). Hong Kong pages in Big5-HKSCS
read as ``cp950`` (Cantonese 邨 哋 喺 嘢 啲 咗 break) are the same family, but not read (``PAIRS``). Python's CJK decoders with
``errors="replace"`` write one U+FFFD for the byte they reject and read the next byte again, so
the text is the page's bytes exactly with one byte unknown per mark: ``朱�F基`` is d6ec [e9] 46
bbf9 (镕 is e9 46: e9 rejected before 46), ``陶�矗�双方`` is ccd5 [86] b4 a3 [ac] cbab bdb7
(喆 86 b4, ， a3 ac: the decoder read b4 a3 as 矗, out of step, until ac was rejected too).

The bytes allow the reading back: the page's own encoding (GBK, Big5-HKSCS) is read from the
start of the line, where it is in step, each high byte a lead and the byte after it its trail,
so where the page's characters begin is known without the marks' values. Each mark's byte may
be any value that makes its character one of the page's table and that the narrow decoder,
reading the filled bytes, turns into exactly this line (the mark where the mark is, the rest as
it is); the character model chooses among several (``holes.choose_ranked``), and each choice is
a guess with its finding. A line is taken only if every mark has a value, the narrow decoder
reads the filled line back as it was, and the reading is likelier than the line as it is.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.langmodel import model, per_char
from cleaner.repair import holes, mojibake, multi_byte_marks
from cleaner.repair.mojibake import MojibakeRepair

LOST = "\ufffd"
# (the decoder that read the page, the page's own encoding): the decoder's table is a subset of
# the page's, and both read ASCII as ASCII and a lead byte's trail from the next byte. Not
# ("cp950", "big5hkscs"): its marks before ASCII trail bytes (邨 90 68 is �h) are what a Big5
# page read by cp949 or euc_kr leaves where that repair stops (工�{), so a second clean of such a
# page read them (工梴), and with a trail before ASCII refused, a Cantonese page's second clean
# changed what its first left (measured on Cantonese news text: 284 → 123 per 1,000 with it, one
# page in seven not idempotent with the refusal that kept the Korean decoders' pages so).
PAIRS = (("gb2312", "gbk"),)
# Candidates of a character at most: with both its bytes unknown it may be thousands, and the
# likeliest alone (by unigram) are chosen among, as the in-step reading does (resync.py).
MAX_CANDIDATES = 256


def repair(text: str, guess: bool = True) -> MojibakeRepair:
    """Lines of ``text`` with U+FFFD that a narrow decoder made of a wider encoding's bytes, read
    back in that encoding; a finding for every character chosen among several."""
    if LOST not in text:
        return MojibakeRepair(text, 0, [])  # one C-speed search: nearly every page
    lines = text.split("\n")
    findings = []
    count = at = 0
    for k, line in enumerate(lines):
        if LOST in line:
            read = _line(line, text[at - 1 : at] if at else "")
            # Without guessing, a line with a choice is left as it came: a guess written U+FFFD
            # (one for a whole character, where the decoder's stood for one byte) would be read
            # as the decoder's mark by a second clean.
            if read is not None and (guess or not any(c.guessed for c in read)):
                chosen = read
                line = "".join(c.char for c in chosen)
                pos = at
                for c in chosen:
                    if c.guessed:
                        findings.append(holes.guess_finding(mojibake.GUESS_KIND, pos, c.char, c.alternative, c.margin))
                    pos += len(c.char)
                lines[k] = line
                count += 1
        at += len(lines[k]) + 1
    return MojibakeRepair("\n".join(lines), count, findings) if count else MojibakeRepair(text, 0, [])


# Marks beyond this share of a line's characters beyond ASCII: UTF-8 read as gb2312 (from 0.64 on
# 160 Traditional paragraphs, where their GBK lines reached 0.46), left to the repairs after. A
# cost gate: such a line fails the tests below anyway, after 0.7 s of choosing.
MAX_MARK_SHARE = 0.6


def _line(line: str, prev: str) -> list[holes.Choice] | None:
    """The best reading of ``line`` back in a wider encoding, if one passes the tests."""
    if line.count(LOST) > MAX_MARK_SHARE * mojibake.beyond_ascii(line):
        return None
    best: tuple[float, list[holes.Choice]] | None = None
    for decoder, source in PAIRS:
        chosen = _read(line, decoder, source, prev)
        if chosen is None:
            continue
        score = per_char("".join(c.char for c in chosen))
        if best is None or score > best[0]:
            best = (score, chosen)
    if best is None:
        return None
    score, chosen = best
    if score <= mojibake.FLUENT or score <= per_char(line):
        return None
    # The rest of the line is the page's own text, as it was: clean running text (a Big5 page
    # read as GBK has marks too, among kana and rare Han, and its marks read as anything).
    sure = "".join(c.char for c in chosen if not c.guessed and c.char > "\x7f")
    rare = [ch for ch in mojibake.rare_chars(sure) if not punctuation(ch)]
    if len(sure) < MIN_SURE or len(rare) > MAX_RARE_SHARE * len(sure):
        return None
    return chosen


def punctuation(ch: str) -> bool:
    """Is ``ch`` CJK or fullwidth punctuation? The model finds 「」〈〉 rare, where a Traditional
    page quotes with them on every line; no misreading is told by them."""
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


MIN_SURE = 4  # characters beyond ASCII a line reads for sure, at least
MAX_RARE_SHARE = 0.1  # of which rare (a name or two; misread text is dense with them)


def _read(line: str, decoder: str, source: str, prev: str) -> list[holes.Choice] | None:
    """``line`` read in ``source`` from the bytes ``decoder`` turned into it, a byte unknown at
    each U+FFFD; None where some character cannot be read so."""
    stream = multi_byte_marks.view(line, decoder)
    if stream is None:
        return None  # a character this decoder never gives: it did not read the line
    items: list[list] = []
    placed = 0  # characters with one byte marked and one known that only a narrow decoder leaves
    doubtful = 0  # marks before an ASCII trail that another repair's leftover would show as well
    i = 0
    while i < len(stream):
        b = stream[i]
        if b is not None and b < 0x80:
            items.append([chr(b), i + 1, [chr(b)]])
            i += 1
            continue
        if i + 1 >= len(stream):
            return None  # a lead with no trail: the line is cut inside a character
        trail = stream[i + 1]
        if b is None and trail is not None and trail < 0x80:
            # A mark before an ASCII trail byte shows it alone (朱�F基: 镕 is e9 46). In a word
            # (�Apple, a stray mark in clean text; Espa�a, a code four_byte left marked) the letter
            # may be the word's; at a line's end or before ASCII (提升工�{, 41.5�H�]311) it may be
            # a mark another repair left with the byte after it, which a second clean would read
            # here. Such a mark is read only on a line the narrow decoder's marks place for sure.
            after_letter = bool(items) and len(items[-1][2]) == 1 and items[-1][0].isascii() and items[-1][0].isalpha()
            if _in_word(stream, i + 1, after_letter) or not _text_after(stream, i + 2):
                doubtful += 1
            else:
                placed += 1
        elif (b is None) != (trail is None):
            placed += 1  # a known high byte beside the mark in one character
        candidates = _characters(stream, i, decoder, source)
        if not candidates:
            return None
        items.append([candidates[0], i + 2, candidates])
        i += 2
    if placed < max(1, doubtful * DOUBT_RATIO) or (doubtful and placed < MIN_PLACED):
        # Every mark stands with another for a whole character (U+FFFD written for a whole
        # character: 首尔（��）, a four-byte code four_byte left, a guess --no-guess wrote), or
        # the marks that only a narrow decoder leaves are too few to vouch for the doubtful ones.
        return None
    chosen = holes.choose_ranked(items, prev, final=True)
    for _ in range(ROUNDS):
        # A trail byte unknown before an unknown lead was let be any byte the decoder rejects
        # before some byte: now that the next character is chosen, only those it rejects before
        # that character's first byte (two marks side by side are chosen together so).
        if not _narrowed(items, chosen, stream, decoder, source):
            break
        chosen = holes.choose_ranked(items, prev, final=True)
    # The decoder must read the bytes as chosen back into the line: each mark where it stands.
    data = "".join(c.char for c in chosen).encode(source, errors="replace")
    return chosen if data.decode(decoder, errors="replace") == line else None


# A line's doubtful marks are read when the marks only a narrow decoder leaves are at least
# MIN_PLACED and DOUBT_RATIO times as many: a Traditional page read as gb2312 shows 約9.25 as
# �s9.25 on nearly every line, beside a dozen characters half marked.
MIN_PLACED = 3
DOUBT_RATIO = 1
ROUNDS = 4  # choices made again, each with the unknown trail bytes narrowed by the next choice


def _narrowed(items: list[list], chosen: list[holes.Choice], stream: list[int | None], decoder: str, source: str) -> bool:
    """Narrow each pair whose trail byte is unknown and whose next byte was unknown too to the
    characters whose trail the decoder rejects before the next character's first byte as chosen;
    did any change? (``choose_ranked`` sets each item's character: its candidates are reset.)"""
    changed = False
    for k, item in enumerate(items[:-1]):
        end = item[1]
        if end - 2 < 0 or stream[end - 1] is not None or end >= len(stream) or stream[end] is not None:
            continue
        following = chosen[k + 1].char.encode(source, errors="replace")[0]
        allowed = set(_rejected(decoder, following))
        kept = [ch for ch in item[2] if ch.encode(source, errors="replace")[-1] in allowed]
        if kept and len(kept) < len(item[2]):
            item[2] = kept
            changed = True
    for item in items:
        item[0] = item[2][0]
    return changed


def _characters(stream: list[int | None], i: int, decoder: str, source: str) -> list[str]:
    """The characters of ``source`` the pair at ``i`` may be: each unknown byte one the decoder
    rejects before the byte after it (a mark takes its byte alone; the next one is read again),
    when that byte is known."""
    lead, trail = stream[i], stream[i + 1]
    after = stream[i + 2] if i + 2 < len(stream) else None
    trails = [trail] if trail is not None else _rejected(decoder, after)
    found = [ch for b in trails for a in ([lead] if lead is not None else _rejected(decoder, b)) if (ch := pair(source, a, b))]
    if len(found) > MAX_CANDIDATES:
        # Both bytes unknown: thousands of characters; the likeliest alone are chosen among.
        unigram = model().unigram
        found = sorted(found, key=lambda ch: -unigram(ch))[:MAX_CANDIDATES]
    return found


@lru_cache(maxsize=None)
def _rejected(decoder: str, following: int | None) -> tuple[int, ...]:
    return multi_byte_marks.rejected_before(decoder, following)


def _in_word(stream: list[int | None], i: int, after_letter: bool) -> bool:
    """Is the ASCII byte at ``i``, after the mark at ``i - 1``, a letter of a word: before a
    letter, or after one (``after_letter``: the character before the mark is an ASCII letter,
    not a trail byte of a pair)? A trail letter before a number is none (南部，�L101公)."""
    def letter(k: int) -> bool:
        b = stream[k] if 0 <= k < len(stream) else None
        return b is not None and b < 0x80 and chr(b).isalpha()

    return letter(i) and (letter(i + 1) or after_letter)


def _text_after(stream: list[int | None], k: int) -> bool:
    """Is the byte at ``k`` a mark or a high byte (a character of the running text)?"""
    return k < len(stream) and (stream[k] is None or stream[k] >= 0x80)


@lru_cache(maxsize=1 << 16)
def pair(source: str, lead: int, trail: int) -> str:
    """The character ``lead trail`` is in ``source`` ("" for none, or one no page writes)."""
    try:
        ch = bytes((lead, trail)).decode(source)
    except UnicodeDecodeError:
        return ""
    return ch if len(ch) == 1 and ch.isprintable() and not "\ue000" <= ch <= "\uf8ff" else ""
