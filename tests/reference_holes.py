"""Reference oracle for the native choice (native/src/viterbi.rs), kept from cleaner/repair/holes.py.

The Python original of the Viterbi choice (``choose_ranked``), unchanged but for its model (the
reference twin), so that property tests can check that the native one chooses the same
characters with the same runners-up and margins. Also the GBK hole reader the product used before
``reread.read`` (``read``, ``byte_view``: bytes with holes, UTF-8 or Big5 read as GBK), which the
product no longer calls; its tests keep it as the simplest reading of a misread line.
Not part of the product.
"""

from __future__ import annotations

import math
from functools import lru_cache

from reference_langmodel import model

from cleaner.chardata import HAN
from cleaner.repair import gbk, variants
from cleaner.repair.holes import FINAL_BONUS, LOST, SCRIPT_MAJORITY, SENTENCE_END, VARIANT_TIEBREAK, Choice, _scripts
from cleaner.repair.pinyin import TONE_MARKS
from cleaner.script.fold import fold_char

# Punctuation that a double-encoded Chinese span may contain besides Han characters.
SPAN_PUNCT = frozenset("，。、“”：；！？（）《》·—…")
Hole = None
ByteOrHole = int | None



@lru_cache(maxsize=None)
def gbk_rejects(first: int, second: int | None) -> bool:
    """Would a GBK decoder turn ``first`` (followed by ``second``) into one U+FFFD?"""
    if first < 0x80:
        return False
    if first == 0x80 or first == 0xFF or second is None:
        return True
    return gbk.pair_char(first, second) is None


# Which byte values each position of a character can take, by codec and role.
UTF8_LEAD = range(0xE0, 0xF0)
UTF8_CONTINUATION = range(0x80, 0xC0)
BIG5_LEAD = range(0x81, 0xFF)
BIG5_TRAIL = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
MAX_FILLS = 8192  # two lost bytes of one character (64 x 64 in UTF-8, fewer in Big5)


def _shape(stream: list[ByteOrHole], i: int, codec: str) -> list[range | list[int]]:
    """The byte ranges of the character starting at ``i``, or [] if none can start there."""
    first = stream[i]
    second = stream[i + 1] if i + 1 < len(stream) else None
    if first is not None and first < 0x80:
        return [range(first, first + 1)]
    if codec == "big5":
        return [BIG5_LEAD, BIG5_TRAIL]
    if first is None:
        # A lost lead byte: Chinese in UTF-8 is three bytes; the next one must continue it.
        return [UTF8_LEAD, UTF8_CONTINUATION, UTF8_CONTINUATION] if second is not None and second in UTF8_CONTINUATION else []
    if 0xC2 <= first <= 0xDF:
        return [range(first, first + 1), UTF8_CONTINUATION]
    if 0xE0 <= first <= 0xEF:
        return [range(first, first + 1), UTF8_CONTINUATION, UTF8_CONTINUATION]
    return []


def _fills(stream: list[ByteOrHole], i: int, shape: list) -> list[bytes]:
    """Every byte string the items from ``i`` can stand for, within ``shape``.

    A hole's byte made a rejected pair with the byte after it; when that byte is itself a hole
    of the same character, the two are chosen together.
    """
    end = i + len(shape)
    fills: list[tuple[int, ...]] = [()]
    for k in range(end - 1, i - 1, -1):  # right to left: each hole sees its successor's value
        allowed = shape[k - i]
        b = stream[k]
        grown = []
        for tail in fills:
            if b is not None:
                if b in allowed:
                    grown.append((b, *tail))
                continue
            nxt = tail[0] if tail else (stream[k + 1] if k + 1 < len(stream) else None)
            grown.extend((x, *tail) for x in allowed if gbk_rejects(x, nxt))
        if not grown or len(grown) > MAX_FILLS:
            return []
        fills = grown
    return [bytes(f) for f in fills]


def _acceptable(ch: str) -> bool:
    # Pinyin letters too: a page annotated with pinyin (the seed damage) may be misread as well.
    return bool(HAN.match(ch)) or ch in SPAN_PUNCT or ch in TONE_MARKS


def read(stream: list[ByteOrHole], codec: str) -> tuple[list[list], bool]:
    """The candidates of each character ``stream`` reads as in ``codec``, as far as it does.

    Returns ([character, end offset, candidates] per character, whether the whole stream was
    read); ``choose`` picks among the candidates. Split so a caller comparing codecs pays for
    choosing only in the one it keeps.
    """
    chosen: list[list] = []
    i = 0
    n = len(stream)
    while i < n:
        # A character whose bytes are all known is decoded by its own bytes only: the cache key
        # leaves out the byte after it, which says something only about a hole.
        width = _known_width(stream, i, codec)
        window = stream[i : i + width] if width and None not in stream[i : i + width] else stream[i : i + 4]
        found = _candidates(codec, tuple(window))
        if found is None:
            break
        width, candidates = found
        chosen.append([candidates[0], i + width, candidates])
        i += width
    if i < len(stream) and i and stream[i - 1] is None:
        # The span ends in a hole and the next byte is not part of it (it came from another
        # decode), so it says nothing about the hole: read the span again on its own.
        return read(stream[:i], codec)[0], False
    return chosen, i == len(stream)


def choose(items: list[list], prev: str, final: bool, guess: bool = True) -> list[tuple[str, int, bool]]:
    """Pick each ambiguous character (``_choose``); (character, end offset, guessed) per item.

    ``guess=False``: every character chosen among several is written as U+FFFD instead.
    """
    return [(c.char, c.end, c.guessed) for c in choose_ranked(items, prev, final, guess)]


def choose_ranked(items: list[list], prev: str, final: bool, guess: bool = True) -> list[Choice]:
    """``choose`` with each guess's rank-2 alternative and margin, for a finding per guess.

    The candidates are first narrowed by the steps before the Viterbi (``narrow``: the script
    around them, no fullwidth digit alone): they are not part of the Viterbi this file keeps as
    the oracle.
    """
    narrow(items, prev)
    runners_up = _choose(items, prev, final)
    out = []
    for k, (ch, end, cands) in enumerate(items):
        if len(cands) < 2:
            out.append(Choice(ch, end, False))
            continue
        alternative, margin = runners_up.get(k, ("", 0.0))
        out.append(Choice(ch if guess else LOST, end, True, alternative, margin))
    return out


def _known_width(stream: list[ByteOrHole], i: int, codec: str) -> int:
    """The byte width of the character at ``i`` as its first byte tells (``_shape``), or 0."""
    first = stream[i]
    if first is None:
        return 0
    if first < 0x80:
        return 1
    if codec == "big5":
        return 2 if i + 2 <= len(stream) else 0
    width = 2 if 0xC2 <= first <= 0xDF else 3 if 0xE0 <= first <= 0xEF else 0
    return width if i + width <= len(stream) else 0


@lru_cache(maxsize=1 << 16)
def _candidates(codec: str, window: tuple[ByteOrHole, ...]) -> tuple[int, list[str]] | None:
    """(byte width, characters) of the character starting a 4-item window, or None.

    Cached: a misread page repeats the same few byte patterns around its holes.
    """
    stream = list(window)
    shape = _shape(stream, 0, codec)
    if not shape or len(shape) > len(stream):
        return None
    candidates = []
    for data in _fills(stream, 0, shape):
        try:
            ch = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and (_acceptable(ch) or (len(data) == 1 and ch.isascii())):
            candidates.append(ch)
    if len(candidates) > MAX_CANDIDATES:  # the likeliest, by the model's unigram
        unigram = model().unigram
        candidates = sorted(candidates, key=lambda c: unigram(fold_char(c)), reverse=True)[:MAX_CANDIDATES]
    return (len(shape), candidates) if candidates else None


def _choose(chosen: list[list], prev: str, final: bool) -> dict[int, tuple[str, float]]:
    """Pick the ambiguous characters jointly (Viterbi over the character bigram model).

    ``final``: the stream ends a paragraph, so sentence-final punctuation is likelier there.
    Returns, for each ambiguous item's index, its runner-up and margin (``_viterbi``).

    A character with one candidate joins every path into one, so what comes before it no longer
    matters after it: each run of ambiguous characters is decided on its own, between the known
    characters around it, and the long known stretches cost nothing.
    """
    runners_up: dict[int, tuple[str, float]] = {}
    last = len(chosen) - 1
    k = 0
    while k <= last:
        if len(chosen[k][2]) == 1:
            k += 1
            continue
        end = k
        while end < last and len(chosen[end + 1][2]) > 1:
            end += 1
        before = chosen[k - 1][0] if k else prev[-1:]
        # Up to and including the known character after the run, which decides its last guess.
        found = _viterbi(chosen[k : end + 2], before, final and end + 1 >= last)
        runners_up.update((k + j, found[j]) for j in range(end - k + 1))
        k = end + 2
    return runners_up


def _viterbi(chosen: list[list], prev: str, final: bool) -> list[tuple[str, float]]:
    """Set each item's character to the best path's (``_choose``); ``final``: the path ends a paragraph.

    Forward and backward best scores give each candidate the best path through it (max-marginal);
    returned per item: the best candidate off the chosen path (one that folds differently if
    any does) and how much worse the best path through it is.
    """
    lm = model()
    bigram, unigram = lm.bigram, lm.unigram
    last = len(chosen) - 1
    folded = [[fold_char(c) for c in item[2]] for item in chosen]
    emit = [[(FINAL_BONUS if final and k == last and c in SENTENCE_END else 0.0)
             + VARIANT_TIEBREAK * lm.frequency(c) for c in item[2]] for k, item in enumerate(chosen)]
    start = fold_char(prev) if prev else ""
    # forward[k][j]: best score of a path ending in candidate j of item k; back: its predecessor.
    forward = [[(bigram(start, f) if start else unigram(f)) + e for f, e in zip(folded[0], emit[0])]]
    back: list[list[int]] = [[]]
    for k in range(1, last + 1):
        row, ptr = [], []
        for f, e in zip(folded[k], emit[k]):
            best, arg = -math.inf, 0
            for i, (p, score) in enumerate(zip(folded[k - 1], forward[k - 1])):
                value = score + bigram(p, f)
                if value > best:  # ties go to the earlier candidate
                    best, arg = value, i
            row.append(best + e)
            ptr.append(arg)
        forward.append(row)
        back.append(ptr)
    backward = [[0.0] * len(item[2]) for item in chosen]
    for k in range(last - 1, -1, -1):
        nxt = [b + e for b, e in zip(backward[k + 1], emit[k + 1])]
        backward[k] = [max(bigram(p, f) + v for f, v in zip(folded[k + 1], nxt)) for p in folded[k]]
    j = max(range(len(forward[last])), key=lambda i: (forward[last][i], -i))
    picks = [0] * (last + 1)
    for k in range(last, -1, -1):
        picks[k] = j
        chosen[k][0] = chosen[k][2][j]
        if k:
            j = back[k][j]
    out = []
    for k, item in enumerate(chosen):
        through = [fw + bw for fw, bw in zip(forward[k], backward[k])]
        pick = picks[k]
        others = [i for i in range(len(through)) if i != pick]
        different = [i for i in others if folded[k][i] != folded[k][pick]] or others
        if not different:
            out.append(("", 0.0))
            continue
        alt = max(different, key=lambda i: (through[i], -i))
        out.append((item[2][alt], through[pick] - through[alt]))
    return out


MAX_CANDIDATES = 48


def byte_view(text: str) -> tuple[list[ByteOrHole], list[int]]:
    """GBK bytes of ``text`` with U+FFFD as a hole, and the byte offset where each character ends.

    Stops before the first character GBK cannot hold: no misread text contains one.
    """
    stream: list[ByteOrHole] = []
    ends: list[int] = []
    for ch in text:
        if ch == "\ufffd":
            stream.append(Hole)
        else:
            data = gbk.encode_char(ch)
            if data is None:
                break
            stream.extend(data)
        ends.append(len(stream))
    return stream, ends


# --- the steps before the Viterbi (holes.py before native/src/narrowing.rs) -------------------

def narrow(items: list[list], prev: str, script_known: bool = True) -> None:
    """The steps before the Viterbi that narrow each guess's candidates, as holes.py had them
    before native/src/narrowing.rs (which ``holes.choose_ranked`` runs in its native call): the
    script around it, the forms that script writes, no fullwidth digit alone.
    ``script_known=False``: the forms either script writes."""
    if script_known:
        _one_script(items, prev)
    _usual_forms(items, prev, script_known)
    _no_lone_fullwidth_digits(items, prev)


def _stream_script(items: list[list], prev: str) -> str | None:
    """"simplified" or "traditional" where the characters a stream read for sure (and the one
    before it) are SCRIPT_MAJORITY times likelier one script than the other, at least two of
    them; else None."""
    simplified, traditional = _scripts()
    known = [item[0] for item in items if len(item[2]) == 1]
    known.append(prev[-1:])
    simple = sum(1 for ch in known if ch in simplified)
    trad = sum(1 for ch in known if ch in traditional)
    if max(simple, trad) < 2 or min(simple, trad) * SCRIPT_MAJORITY > max(simple, trad):
        return None
    return "simplified" if simple > trad else "traditional"


def _keep_only(items: list[list], dropped: frozenset[str], spared=None) -> None:
    """Each guess without the candidates in ``dropped`` (but those ``spared(k, candidate)`` keeps
    at the ``k``-th guess); the only one left is always kept. Guesses are looked at in stream
    order: one left with a single candidate is sure for the next."""
    for k, item in enumerate(items):
        candidates = item[2]
        if len(candidates) < 2 or dropped.isdisjoint(candidates):  # at C speed: most guesses hold none
            continue
        kept = [c for c in candidates if c not in dropped or (spared is not None and spared(k, c))]
        if kept and len(kept) < len(candidates):
            item[2] = kept
            if item[0] not in kept:
                item[0] = kept[0]


def _one_script(items: list[list], prev: str) -> None:
    """Guesses keep the script of the text around them: where the characters a stream read for
    sure (and the one before it) are Simplified, a lost byte is not filled with a Traditional-only
    character, nor the other way round. The model scores characters folded to Simplified, so 師
    (a Traditional form) scored as 师 and beat 席 in Simplified text. A candidate both scripts
    write is always kept, and so is the only one left."""
    if all(len(item[2]) < 2 for item in items):
        return  # nothing to guess (most streams: every byte known)
    script = _stream_script(items, prev)
    if script is not None:
        simplified, traditional = _scripts()
        _keep_only(items, traditional if script == "simplified" else simplified)


def _usual_forms(items: list[list], prev: str, script_known: bool = True) -> None:
    """Guesses are forms the stream's script writes (``variants``): the model scores 噹 as 当 and
    傢 as 家, so in Traditional text a mark for 全國 came back 噹. A form running text of the
    stream's script seldom writes among its fold group is no candidate (of both scripts together
    where the stream says none); the only one left is always kept.

    A rare form stays a candidate beside a character it makes a word with in a standard's
    writing (``variants.word_pairs``: 叮噹, 傢俬, 檯燈): the character read for sure before it
    (``prev`` for the first guess) or after it."""
    if all(len(item[2]) < 2 for item in items):
        return
    pairs = variants.word_pairs()

    def in_a_word(k: int, c: str) -> bool:
        before = prev[-1:] if not k else items[k - 1][0] if len(items[k - 1][2]) == 1 else ""
        after = items[k + 1][0] if k + 1 < len(items) and len(items[k + 1][2]) == 1 else ""
        return bool(before and before + c in pairs) or bool(after and c + after in pairs)

    _keep_only(items, variants.rare_forms(_stream_script(items, prev) if script_known else None), in_a_word)


# Digits written fullwidth (０-９): the model scores them as any digit (what follows a number), but
# Chinese text writes a digit fullwidth about once in 10,000 (4 of 58,303 digits on the build part
# of the Wikipedia split), so a lost byte of ！ (ef bc 81) through cp1252 came back as ０ (ef bc 90),
# and a lost byte of （ or ） after a digit as ０ too, wherever a number may follow.
FULLWIDTH_DIGITS = frozenset(chr(0xFF10 + d) for d in range(10))


def _no_lone_fullwidth_digits(items: list[list], prev: str) -> None:
    """A guess is no fullwidth digit unless a fullwidth digit the stream read for sure (or the
    character before it) stands beside it (２０１０): the rarity the model does not see; in a
    stream that read one for sure, which writes its digits so (４月１０日 with both of １０ guessed,
    第１季 beside １２％), any guess may be one. The only candidate left is always kept."""
    if any(len(it[2]) == 1 and it[0] in FULLWIDTH_DIGITS for it in items):
        return
    for k, item in enumerate(items):
        candidates = item[2]
        if len(candidates) < 2 or not FULLWIDTH_DIGITS.intersection(candidates):
            continue
        before = items[k - 1] if k else None
        after = items[k + 1] if k + 1 < len(items) else None
        beside = [it[0] for it in (before, after) if it is not None and len(it[2]) == 1]
        if not k:
            beside.append(prev[-1:])
        if FULLWIDTH_DIGITS.intersection(beside):
            continue
        kept = [c for c in candidates if c not in FULLWIDTH_DIGITS]
        if kept:
            item[2] = kept
            if item[0] not in kept:
                item[0] = kept[0]
