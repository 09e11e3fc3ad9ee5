"""Reference oracle for the pinyin repair's beam (cleaner/repair/realign.py), kept as it was before issue 17.

The Python original of ``realign``: a frozen dataclass per beam state copied by
``dataclasses.replace``, ``Guess`` objects made for every state, candidate lists sorted by their
bigram after each new preceding character. The product's version makes the same states with the
same scores in the same order, only cheaper; the property tests of tests/test_realign.py check
that both give the same text, counts and guesses (with their options, runners-up and margins)
on damaged and clean input. A native port of the beam would be checked against this file too.
Not part of the product.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from cleaner.langmodel import model
from cleaner.repair import gbk, holes, pinyin
from cleaner.repair.realign import (BEAM, CANDIDATES, FULLWIDTH_COST, GUESS_BONUS, LITERAL_GROUP_COST, LOST,
                                    PRUNE_MARGIN, Guess, Repair, mark_guessed, runner_up, tokenize)
from reference_ranking import RankedCandidates

# The constants, the results, the tokens and the runner-up are the product's (cleaner/repair/
# realign.py): only the beam is the original, as it was before the native port.
UNKNOWN_LEAD = -1


@dataclass(frozen=True)
class _State:
    score: float
    lead: int | None  # pending lead byte, UNKNOWN_LEAD after a lost lead, None at a boundary
    last2: tuple[int, int]  # last two bytes of the stream (-1 where unknown)
    prev: str  # last emitted character, for the language model
    out: tuple  # linked list of emitted strings: (text, rest) or ()
    annotations: int = 0
    inserted: int = 0
    guesses: tuple = ()
    length: int = 0
    doubt: tuple = ()  # the leads an annotation allowed, when the pending lead was one of several
    mark: bool = False  # guessing is off: the doubted character is written as U+FFFD

    def key(self) -> tuple:
        # States that agree on the decoder's position and on the model's context have the same
        # future; only the best of them needs to be kept.
        return (self.lead, self.last2, self.prev)


def _emit(st: _State, text: str, score_delta: float, lead=None, last2=None, **kw) -> _State:
    lm = model()
    s = st.score + score_delta
    prev = st.prev
    guesses = kw.get("guesses", st.guesses)
    if st.doubt and text and last2 is not None and last2[1] >= 0:
        # (An unknown trail, -1: the character is a guess of its own, reported where it is made.)
        # The character completed here starts with a byte the annotation did not single out, and
        # another of the allowed bytes would have made a character with this trail too.
        readings = tuple(ch for lead in st.doubt if (ch := gbk.pair_char(lead, last2[1])) is not None)
        if len(readings) > 1:
            if st.mark:
                text = LOST + text[1:]
            guesses = guesses + (Guess(st.length, text[0], "lost-lead", readings),)
    for ch in text:
        s += lm.bigram(prev, ch) if prev else lm.unigram(ch)
        prev = ch
    return _State(
        score=s,
        lead=lead,
        last2=st.last2 if last2 is None else last2,
        prev=prev,
        out=(text, st.out),
        annotations=kw.get("annotations", st.annotations),
        inserted=kw.get("inserted", st.inserted),
        guesses=guesses,
        length=st.length + len(text),
    )


def _feed_byte(st: _State, b: int, extra: float = 0.0, guess: bool = True) -> list[_State]:
    """Advance the in-step GBK decoder by one byte; may branch after a lost lead byte."""
    last2 = (st.last2[1], b)
    if st.lead is None:
        if b < 0x80:
            return [_emit(st, chr(b), extra, last2=last2)]
        if gbk.is_lead(b):
            return [replace(st, score=st.score + extra, lead=b, last2=last2)]
        return []
    if st.lead == UNKNOWN_LEAD:
        if not gbk.is_trail(b):
            return []
        out = []
        ranked = _guesses(gbk.chars_with_trail(b), st, guess)
        for lead, ch in ranked:
            g = st.guesses + (Guess(st.length, ch, "lost-lead", _options(ranked)),)
            out.append(_emit(st, ch, extra + GUESS_BONUS, last2=(lead, b), guesses=g))
        return out
    if not gbk.is_trail(b):
        return []
    ch = gbk.pair_char(st.lead, b)
    if ch is None:
        return []
    return [_emit(st, ch, extra, last2=last2)]


def _feed_bytes(st: _State, data: bytes, extra: float = 0.0, guess: bool = True) -> list[_State]:
    states = [st]
    for i, b in enumerate(data):
        states = [n for s in states for n in _feed_byte(s, b, extra if i == 0 else 0.0, guess)]
        if not states:
            break
    return states




_RANKED: dict[tuple[int, str], list] = {}
_RANKERS: dict[int, RankedCandidates] = {}
LONG_LIST = 256  # candidates from which a list is ranked from its base orders (tests/reference_ranking.py)


def _guesses(candidates, st: _State, guess: bool):
    """Rank candidate (byte, char) pairs by context; with guessing off, one U+FFFD stands in."""
    if not guess:
        return [(-1, LOST)]
    # Only gbk's tuples are cached by identity: they live as long as the process.
    key = (id(candidates), st.prev) if isinstance(candidates, tuple) else None
    ranked = _RANKED.get(key) if key else None
    if ranked is None:
        lm = model()
        if key and len(candidates) >= LONG_LIST:
            # gbk's long lists (up to 20,000): scoring all of them after every new character
            # cost 0.1 s each; the ranker scores only the pairs the model knows.
            ranker = _RANKERS.get(id(candidates))
            if ranker is None:
                ranker = _RANKERS[id(candidates)] = RankedCandidates([ch for _, ch in candidates], lm)
            ranked = [candidates[i] for i in ranker.top(st.prev, CANDIDATES)]
        elif st.prev:
            ranked = sorted(candidates, key=lambda bc: -lm.bigram(st.prev, bc[1]))[:CANDIDATES]
        else:
            ranked = sorted(candidates, key=lambda bc: -lm.unigram(bc[1]))[:CANDIDATES]
        if key:
            if len(_RANKED) > 1 << 14:
                _RANKED.clear()
            _RANKED[key] = ranked
    return ranked


def _advance(st: _State, token: tuple[str, str], guess: bool, at_end: bool = False) -> list[_State]:
    kind, value = token
    if kind == "c":
        return _advance_char(st, value, guess)
    if kind == "?":
        return _advance_question(st, guess, at_end)
    if kind == "n":
        return _advance_image(st, value, guess)
    if kind == "(":
        out = []
        if pinyin.annotates(_pair_char(st.last2), value):
            out.append(replace(st, annotations=st.annotations + 1))
        if st.lead is None:
            out.append(_emit(st, f"({value})", -LITERAL_GROUP_COST, last2=(0x29, -1)))
        return out
    # "?(": annotation inserted mid-pair; the byte after the last stream byte was lost with "(".
    out = []
    first = st.last2[1]
    if first >= 0x81:
        # The lost byte made "?" with "(": the decoder took it for a lead, so it is >= 0x81.
        trails = [trail for trail, ch in gbk.chars_with_lead(first) if trail >= 0x81 and pinyin.annotates(ch, value)]
        for trail in trails:
            for n in _feed_byte(st, trail):
                # Several characters may read the syllable (級 极 即 after bc): then the byte is a
                # guess, reported on the character it starts (found by make fuzz: 思壓 -> 思春).
                doubt = tuple(trails) if len(trails) > 1 and n.lead is not None else ()
                out.append(replace(n, annotations=n.annotations + 1, inserted=n.inserted + 1, doubt=doubt, mark=not guess))
    if st.lead == UNKNOWN_LEAD:
        # The annotated character's lead went into the unassigned pair before (with the previous
        # trail byte) and its trail was lost with "(": only the syllable tells it, a guess.
        readings = _annotated_after_unassigned(first, value)
        options = tuple(ch for ch, _ in readings)
        if not guess and readings:  # one mark for whichever it was; its bytes stay unknown
            readings = ((LOST, b"\xff\xff"),)
        for ch, data in readings:
            g = st.guesses + (Guess(st.length, ch, "lost-pair", options),)
            last2 = (data[0], data[1]) if guess else (-1, -1)
            emitted = _emit(st, ch, GUESS_BONUS, last2=last2, guesses=g)
            out.append(replace(emitted, annotations=emitted.annotations + 1))
    if st.lead is None:
        out.extend(_emit(s, f"{value})", -LITERAL_GROUP_COST, last2=(0x29, -1)) for s in _advance_question(st, guess))
    return out


@lru_cache(maxsize=4096)
def _annotated_after_unassigned(previous: int, syllable: str) -> tuple[tuple[str, bytes], ...]:
    """Characters annotated with ``syllable`` whose lead byte makes an unassigned pair after ``previous``."""
    if previous < 0x81:
        return ()
    out = []
    for ch in pinyin.chars_reading(syllable):
        data = gbk.encode_char(ch)
        if data and len(data) == 2 and data[1] >= 0x81 and gbk.pair_char(previous, data[0]) is None and pinyin.annotates(ch, syllable):
            out.append((ch, data))
    return tuple(out)


def _advance_char(st: _State, ch: str, guess: bool) -> list[_State]:
    data = gbk.encode_char(ch)
    if data is None:
        # Not a GBK character: the damage cannot have produced it, so it pins a boundary.
        return [_emit(st, ch, 0.0, last2=(-1, -1))] if st.lead is None else []
    out = _feed_bytes(st, data, 0.0, guess)
    if ch.isascii():
        for alt in gbk.NFKC_SOURCES.get(ch, ()):
            if st.lead is None:
                # At a boundary the fullwidth reading yields the same sign; only its bytes differ,
                # which matters if a lost lead byte follows.
                out.append(_emit(st, ch, -FULLWIDTH_COST, last2=(alt[0], alt[1])))
            else:
                out.extend(_feed_bytes(st, alt, -FULLWIDTH_COST, guess))
    return out


def _advance_image(st: _State, text: str, guess: bool) -> list[_State]:
    """ASCII signs NFKC may have spelt one pair as (``13.`` of ⒔): read as written, each sign in
    turn as a character token, or as that pair (at a boundary the signs stay, as for one sign)."""
    out = [st]
    for ch in text:
        out = [n for s in out for n in _advance_char(s, ch, guess)]
        if not out:
            break
    for pair in gbk.NFKC_IMAGES[text]:
        if st.lead is None:
            out.append(_emit(st, text, -FULLWIDTH_COST, last2=(pair[0], pair[1])))
        else:
            out.extend(_feed_bytes(st, pair, -FULLWIDTH_COST, guess))
    return out


def _advance_question(st: _State, guess: bool, at_end: bool = False) -> list[_State]:
    if st.lead is None:
        real = _emit(st, "?", 0.0, last2=(0x3F, -1))
        lost_lead = replace(st, lead=UNKNOWN_LEAD)
        return [real, lost_lead]
    out = []
    if st.lead == UNKNOWN_LEAD:
        # Two unknown bytes in a row inside a run: a character whose bytes were both read into
        # unassigned pairs. Only its trail byte is constrained (it opened the next such pair).
        ranked = _guesses(gbk.chars_before_unassigned(), st, guess)
        for trail, ch in ranked:
            g = st.guesses + (Guess(st.length, ch, "lost-pair", _options(ranked)),)
            out.append(_emit(st, ch, GUESS_BONUS, lead=UNKNOWN_LEAD, last2=(-1, trail), guesses=g))
        # Or this "?" is the trail byte of a character whose lead went into the unassigned pair
        # before: alone at the end of the data, or read with the ASCII byte after it, which is
        # then lost too (after a sentence end, most likely the paragraph's newline).
        cands = [*_guesses(gbk.chars_after_unassigned(), st, guess), *([(0xA3, "。")] if guess else [])]  # 。 is a1 a3
        options = _options(cands)
        for trail, ch in dict.fromkeys(cands):
            g = st.guesses + (Guess(st.length, ch, "lost-pair", options),)
            bonus = GUESS_BONUS + (holes.FINAL_BONUS if ch in holes.SENTENCE_END else 0.0)
            text = ch
            if not at_end:
                text = ch + "\n" if ch in holes.SENTENCE_END else ch
                g += (Guess(st.length + 1, text[1:], "lost-ascii"),)
            out.append(_emit(st, text, bonus, last2=(-1, trail), guesses=g))
        return out
    # A decoder out of step read this lead byte with an ASCII byte it could not pair: the trail
    # byte of the character and that ASCII byte are gone. Guess the character from context.
    # After a closing quote the lost ASCII byte is most likely the paragraph's newline.
    ranked = _guesses(gbk.chars_with_lead(st.lead), st, guess)
    for trail, ch in ranked:
        text = ch + "\n" if ch == "”" else ch
        g = st.guesses + (Guess(st.length, ch, "lost-trail", _options(ranked)), Guess(st.length + 1, text[1:], "lost-ascii"))
        out.append(_emit(st, text, GUESS_BONUS, last2=(st.lead, -1), guesses=g))
    # Or it read the trail byte and the next lead as a pair GBK leaves unassigned: the character
    # is completed by a trail that opens such a pair, and the next lead byte is unknown.
    cands = [(t, c) for t, c in gbk.chars_with_lead(st.lead) if gbk.opens_unassigned(t)]
    ranked = _guesses(cands, st, guess)
    for trail, ch in ranked:
        g = st.guesses + (Guess(st.length, ch, "lost-pair", _options(ranked)),)
        out.append(_emit(st, ch, GUESS_BONUS, lead=UNKNOWN_LEAD, last2=(st.lead, trail), guesses=g))
    return out


def realign(span: str, before: str = "", *, guess: bool = True, fast_forward: bool = True) -> Repair:
    """The product's ``realign`` with the original beam (``fast_forward``: ``_fast_forward``)."""
    rep = _realign(span, before, fast_forward)
    return rep if guess else mark_guessed(rep)


def _realign(span: str, before: str, fast_forward: bool, guess: bool = True) -> Repair:
    tokens = tokenize(span)
    start_bytes = gbk.encode_char(before) if before else None
    last2 = (start_bytes[0], start_bytes[1]) if start_bytes and len(start_bytes) == 2 else (-1, -1)
    states = [_State(0.0, None, last2, before, ())]
    next_question = _next_question_index(tokens)
    k = 0
    while k < len(tokens):
        if fast_forward and len(states) == 1 and states[0].lead is None:
            stop = next_question[k] - 1  # the token before a "?" keeps its alternative readings
            if stop > k:
                states = [_fast_forward(states[0], tokens[k:stop])]
                k = stop
                continue
        nxt: dict[tuple, _State] = {}
        for st in states:
            for n in _advance(st, tokens[k], guess, at_end=k == len(tokens) - 1):
                key = n.key()
                if key not in nxt or nxt[key].score < n.score:
                    nxt[key] = n
        if not nxt:
            return Repair(span, 0, 0, ())  # no consistent reading: leave the span alone
        states = sorted(nxt.values(), key=lambda s: -s.score)[:BEAM]
        # A reading this far behind the best never catches up (each wrong character costs several
        # units); dropping it lets the beam narrow to one state and fast-forward.
        states = [s for s in states if s.score > states[0].score - PRUNE_MARGIN]
        k += 1
    finals = [s for s in states if s.lead is None]
    if not finals:
        return Repair(span, 0, 0, ())
    best = finals[0]
    parts = []
    node = best.out
    while node:
        parts.append(node[0])
        node = node[1]
    text = "".join(reversed(parts))
    return Repair(text, best.annotations, best.inserted, tuple(runner_up(g, text, before) for g in best.guesses))


def _options(ranked) -> tuple[str, ...]:
    return tuple(ch for _, ch in ranked if ch != LOST)


def _next_question_index(tokens: list[tuple[str, str]]) -> list[int]:
    """For each token index, the index of the next "?" or "?(" token at or after it (or the end)."""
    out = [len(tokens)] * (len(tokens) + 1)
    for k in range(len(tokens) - 1, -1, -1):
        out[k] = k if tokens[k][0] in ("?", "?(") else out[k + 1]
    return out


def _fast_forward(st: _State, tokens: list[tuple[str, str]]) -> _State:
    """Read plain characters and well-formed groups in step from a single state at a boundary.

    What the beam would do with one state and no question mark: every GBK character decodes to
    itself, an annotation of the character before it is dropped, any other group stays as text.
    The beam's other branches (a group kept as text, an ASCII sign read as its fullwidth pair)
    cost more and merge back with this path one token later, so they never win here; the score
    is left as it is, because nothing compares it with another state until the beam widens again.
    """
    parts: list[str] = []
    prev, last2, annotations = st.prev, st.last2, st.annotations
    for kind, value in tokens:
        if kind == "c":
            data = gbk.encode_char(value)
            if data is None:
                last2 = (-1, -1)
            elif len(data) == 2:
                last2 = (data[0], data[1])
            else:
                last2 = (last2[1], data[0])
            parts.append(value)
            prev = value
        elif kind == "n":  # ASCII signs read as written
            for ch in value:
                last2 = (last2[1], ord(ch))
            parts.append(value)
            prev = value[-1]
        elif pinyin.annotates(_pair_char(last2), value):
            annotations += 1
        else:
            parts.append(f"({value})")
            prev, last2 = ")", (0x29, -1)
    text = "".join(parts)
    return replace(st, last2=last2, prev=prev, out=(text, st.out) if text else st.out, annotations=annotations, length=st.length + len(text))


def _pair_char(last2: tuple[int, int]) -> str | None:
    a, b = last2
    if a < 0 or b < 0 or not gbk.is_lead(a) or not gbk.is_trail(b):
        return None
    return gbk.pair_char(a, b)
