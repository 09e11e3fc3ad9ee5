"""Re-decode a damaged span in step on its GBK byte view (the seed damage: docs/corruption.md §1.2–§2; design in docs/repair.md §3).

The damaged text is re-encoded to GBK character by character. Each decoded character gives back
exactly the bytes it came from, so the byte stream of the page is recovered except at a few
ambiguous tokens, and decoding it again *in step* undoes every shifted run. The ambiguous tokens
are explored by a small beam search scored with a character language model:

- ``(pīn)`` after the bytes of a character that reads ``pīn``: a pinyin annotation, dropped.
- ``?pīn)``: an annotation inserted in the middle of a character pair; the decoder turned its
  first byte and ``(`` into ``?``. The lost byte is the annotated character's second byte, found
  from the byte before it and the syllable; it is put back and decoding goes on.
- ``?`` with no syllable: a real question mark; or a hole where a decoder out of step swallowed a
  lead byte and one ASCII byte (the character is guessed from context, the ASCII byte is lost);
  or a character whose lead byte alone was lost and whose trail byte starts a shifted run.
- ASCII signs and letters inside a shifted run may be NFKC images of fullwidth pairs (``！``).

Everything here is pure: a span goes in, the repaired span and what was guessed come out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from cleaner.langmodel import model
from cleaner.repair import gbk, holes, pinyin

# Adjustments in log-probability units (natural log) on top of the language model; a state's
# score is a log-probability, higher is better.
# A guess fills bytes that are gone; the competing reading of the same stretch (a real "?" and
# out-of-step characters after it) leaves bytes unexplained at no cost, so a guess gets credit.
# Measured on the seed chain: 0.17 wrong per 1,000 with it, 1.37 without.
GUESS_BONUS = 6.0
LITERAL_GROUP_COST = 12.0  # keeping "(pīn)" as text although it looks like an annotation
FULLWIDTH_COST = 0.5  # reading an ASCII sign as the NFKC image of a fullwidth pair
# The beam holds twice a hole's candidates: every candidate of one hole stays with as many states
# of other readings until the next known byte ranks them. A candidate ranked by the character
# before it only can be the right one far down (中國 + lost pair + lost lead + I: 工 is 26th after
# 國, and 業 after it makes the reading best): with 24 candidates in a beam of 32 the seed chain
# read 中國政業 and, a line break before the I costing no more than a Latin letter, 中國。\nI.
BEAM = 64
PRUNE_MARGIN = 30.0
CANDIDATES = 32  # guesses kept per hole (the next character decides among them)

GROUP = regex.compile(r"([(?])(" + pinyin.SYLLABLE.pattern + r")\)")


@dataclass(frozen=True)
class Guess:
    position: int  # offset in the repaired span
    char: str
    kind: str  # "lost-trail", "lost-lead", "lost-pair" or "lost-ascii"
    # The characters the lost bytes allowed (the likeliest few), for ``alternative``.
    options: tuple[str, ...] = field(default=(), compare=False, repr=False)
    alternative: str = ""  # the runner-up in the same place of the chosen reading ("" if none)
    margin: float = 0.0  # log-probability of the chosen reading minus that with the runner-up


@dataclass(frozen=True)
class Repair:
    text: str
    annotations: int  # pinyin groups dropped
    inserted_bytes: int  # bytes put back from annotated characters
    guesses: tuple[Guess, ...]


# Tokens: (kind, payload). kinds: "c" plain character, "?" question mark, "(" / "?(" pinyin group,
# "n" a run of ASCII signs that NFKC may have made of one GBK pair (gbk.NFKC_IMAGES).
def tokenize(span: str) -> list[tuple[str, str]]:
    return [(_KIND_NAMES[kind], value) for kind, value, _ in _tokens(span)]


_KINDS = {"c": 0, "?": 1, "(": 2, "?(": 3, "n": 4}  # token kinds as the native beam takes them
_KIND_NAMES = {code: kind for kind, code in _KINDS.items()}


def _tokens(span: str) -> list[tuple[int, str, bytes | None]]:
    """``tokenize``'s tokens as the native beam takes them: (kind code, payload, GBK bytes of a
    character or the pair of an NFKC image, None for the others), in one pass, each character's
    token made once (``_char_token``): built from ``tokenize``'s pairs in a second loop they took
    1.6 times as long (the speed mixes' 277 damaged spans, 46,000 characters: 16 ms, now 10)."""
    tokens: list[tuple[int, str, bytes | None]] = []
    pos = 0
    for m in GROUP.finditer(span):
        _plain(span[pos : m.start()], tokens)
        syllable = m.group(2)
        if pinyin.is_annotation_syllable(syllable):
            tokens.append((2 if m.group(1) == "(" else 3, syllable, None))
        else:
            _plain(m.group(0), tokens)
        pos = m.end()
    _plain(span[pos:], tokens)
    return tokens


def _plain(text: str, tokens: list) -> None:
    """Characters and question marks, with each multi-sign NFKC image as one token."""
    pos = 0
    for m in _IMAGE.finditer(text):
        tokens += map(_char_token, text[pos : m.start()])
        tokens.append((4, m.group(), b"".join(gbk.NFKC_IMAGES[m.group()])))
        pos = m.end()
    tokens += map(_char_token, text[pos:])


@lru_cache(maxsize=1 << 16)
def _char_token(ch: str) -> tuple[int, str, bytes | None]:
    """A character's token, made once: a page's damaged lines repeat a few thousand characters."""
    return (1, ch, None) if ch == "?" else (0, ch, gbk.encode_char(ch))


# A run of signs NFKC spells one pair as (gbk.NFKC_IMAGES), longest first: 13. before 1, (10) before (1).
_IMAGE = regex.compile("|".join(regex.escape(k) for k in sorted(gbk.NFKC_IMAGES, key=lambda k: (-len(k), k))))


LOST = "\ufffd"

# The native beam of the model in use (langmodel.use may change it): (model, beam).
_BEAM: list = []


def _beam():
    """The native beam (native/src/realign.rs) for the model in use, made once: the module's
    constants, gbk's pair table and NFKC sources are handed over when it is made."""
    lm = model()
    if not _BEAM or _BEAM[0] is not lm:
        from cleaner import _native

        params = (GUESS_BONUS, LITERAL_GROUP_COST, FULLWIDTH_COST, BEAM, PRUNE_MARGIN, CANDIDATES, holes.FINAL_BONUS)
        beam = _native.Realigner(lm.native, params, "".join(sorted(holes.SENTENCE_END)), _pairs(),
                                 [(ch, list(alts)) for ch, alts in gbk.NFKC_SOURCES.items()])
        _BEAM[:] = [lm, beam]
    return _BEAM[1]


def _pairs() -> list[tuple[int, int, str]]:
    """Every (lead, trail, character) of ``gbk.pair_char``: 32k codec calls (0.07 s), kept on disk
    with the other tables so a process reads them back."""
    from cleaner.tablecache import cached

    return cached("gbkpairs", [gbk.__file__], "1", lambda: [(lead, trail, ch) for lead in range(0x81, 0xFF) for trail in range(256)
                                                             if (ch := gbk.pair_char(lead, trail)) is not None])


@lru_cache(maxsize=None)
def _annotated(syllable: str) -> list[tuple[str, bytes | None]]:
    """The characters ``(syllable)`` annotates, in ``pinyin.chars_reading`` order, with their GBK bytes."""
    chars = pinyin.chars_reading(syllable)
    if not pinyin.has_tone(syllable):
        # A toned syllable annotates every character that reads it (pinyin.annotates); only a
        # toneless one asks about each character's Simplified form, which costs an OpenCC call.
        chars = [ch for ch in chars if pinyin.annotates(ch, syllable)]
    return list(zip(chars, _gbk_bytes("".join(chars)), strict=True))


def _gbk_bytes(chars: str) -> list[bytes | None]:
    """``gbk.encode_char`` of each character of ``chars``, from one codec call: a syllable reads
    some sixty characters, most of its lists hold one GBK cannot (an exception each, per
    character), and a page of the seed damage meets a few hundred syllables the process has not
    (a tenth of the pinyin repair's time on the seed chain's pages, per character).
    GBK writes every non-ASCII character it holds in two bytes and ASCII in one;
    ``replace`` writes one ``?`` for a character it cannot hold."""
    data = chars.encode("gbk", "replace")
    out: list[bytes | None] = []
    at = 0
    for ch in chars:
        if ch < "\x80":
            out.append(data[at : at + 1])
            at += 1
        elif data[at] < 0x80:  # the ``?`` of a character GBK cannot hold
            out.append(None)
            at += 1
        else:
            out.append(data[at : at + 2])
            at += 2
    return out


def realign(span: str, before: str = "", *, guess: bool = True, fast_forward: bool = True) -> Repair:
    """Decode ``span`` again in step; ``before`` is the in-step character just before it, if any.

    ``guess=False``: every guessed character (and guessed newline) is written as U+FFFD. The
    reading is the one chosen with guessing on, so the rest of the span comes back the same: a
    mark scored by the model (an unknown character) would make readings that guess less, such as
    an annotation kept as text, look better than they are.

    ``fast_forward``: where the beam has narrowed to one state at a character boundary, the
    tokens up to the one before the next ``?`` are read in step directly (native/src/realign.rs);
    the result is the same, and most of a damaged line is read at string speed.
    """
    rep = _realign(span, before, fast_forward)
    return rep if guess else mark_guessed(rep)


def mark_guessed(rep: Repair) -> Repair:
    """``rep`` with every guessed character written as U+FFFD (``guess=False``)."""
    if not rep.guesses:
        return rep
    text = list(rep.text)
    marked = []
    for g in rep.guesses:
        if g.char:
            text[g.position] = LOST
            g = replace(g, char=LOST, alternative="", margin=0.0)
        marked.append(g)
    return replace(rep, text="".join(text), guesses=tuple(marked))


def _realign(span: str, before: str, fast_forward: bool) -> Repair:
    """The beam, in one native call per span (native/src/realign.rs; the Python original it
    must equal is tests/reference_realign.py); the runners-up are found here."""
    beam = _beam()
    tokens = _tokens(span)
    for kind, value, _ in tokens:
        if kind in (2, 3) and not beam.has_syllable(value):
            beam.add_syllable(value, _annotated(value))
    found = beam.realign(tokens, before, gbk.encode_char(before) if before else None, fast_forward)
    if found is None:
        return Repair(span, 0, 0, ())  # no consistent reading: leave the span alone
    text, annotations, inserted, made = found
    return Repair(text, annotations, inserted, tuple(runner_up(Guess(*g), text, before) for g in made))


def runner_up(g: Guess, text: str, before: str) -> Guess:
    """``g`` with the best other character its bytes allowed, in the same place of the reading.

    Every option of a guess leaves the bytes after it as they are (the options are the
    characters those bytes allow), so the reading with the runner-up differs from the chosen
    one by this character only, and the margin is the difference of its two pairs.
    """
    if g.char == LOST or len(g.options) < 2:
        return g
    lm = model()
    prev = text[g.position - 1] if g.position else before
    nxt = text[g.position + 1 : g.position + 2]

    def score(ch: str) -> float:
        value = lm.bigram(prev, ch) if prev else lm.unigram(ch)
        return value + (lm.bigram(ch, nxt) if nxt else 0.0)

    best_other = max((c for c in g.options if c != g.char), key=score)
    return replace(g, alternative=best_other, margin=score(g.char) - score(best_other))
