"""Reference oracle for the native context decision (native/src/context.rs), kept from cleaner/repair/context.py.

The Python original of ``context.redecide`` (every guess of a text decided again in its line:
the pairs around it, a sentence end before a line break, the line's brackets and, on a whole
page, the page's own pairs read for sure) and of ``context.bracket``, unchanged but for the
constants, which it takes from the product so that both decide with the same ones. Property tests
check that the native one makes the same choices with the same margins. Not part of the product.
"""

from __future__ import annotations

import math
from collections import Counter

from cleaner.chardata import HAN
from cleaner.langmodel import model
from cleaner.repair import holes
import reference_trigram_fit

from functools import lru_cache

from cleaner.langmodel import dictionary_path
from cleaner.repair.context import (BRACKET_ALONE, BRACKET_ANSWERS, CACHE, REACH, TRIGRAM_WEIGHT, WEB_PAIR_WEIGHT,
                                    WEB_PAIRS, WORD_WEIGHT)

LONGEST = 4  # the longest word counted (native words.rs LONGEST)


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """The dictionary's words of two to LONGEST characters, keyed as the model keys characters."""
    key = model().key
    with open(dictionary_path(), encoding="utf-8") as fh:
        return frozenset("".join(key(c) for c in word) for word in (line.rstrip("\r\n").split(" ")[0] for line in fh)
                         if 2 <= len(word) <= LONGEST)


@lru_cache(maxsize=1)
def _web_pairs() -> dict[str, tuple[int, dict[str, int]]]:
    """cleaner/data/web_pairs.txt: by first character, its total and each second character's count."""
    table = {}
    with open(WEB_PAIRS, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            table[fields[0]] = (int(fields[1]), {b: int(n) for b, n in zip(fields[2::2], fields[3::2])})
    return table


def web_pair(a: str, b: str, bigram: float) -> float:
    """``bigram`` with WEB_PAIR_WEIGHT of the web words' P(b | a) added where the table has the pair."""
    key = model().key
    total, seconds = _web_pairs().get(key(a), (0, {}))
    n = seconds.get(key(b))
    if not n or not total:
        return bigram
    return math.log(math.exp(bigram) + WEB_PAIR_WEIGHT * n / total)


def longest_word(chars: list[str], at: int, ch: str) -> int:
    """The longest dictionary word (0 for none) that ``ch`` at ``at`` makes with ``chars`` around it."""
    key = model().key
    words = _words()
    for n in range(LONGEST, 1, -1):
        for start in range(max(0, at - n + 1), at + 1):
            if start + n > len(chars):
                break
            if "".join(key(ch if k == at else chars[k]) for k in range(start, start + n)) in words:
                return n
    return 0

# Opening and closing marks (fullwidth and ASCII count as one kind: pages mix them).
_KINDS = {"（": "(", "(": "(", "）": ")", ")": ")", "《": "<", "》": ">", "“": "“", "”": "”",
          "【": "[", "】": "]", "「": "「", "」": "」", "『": "『", "』": "』", "〔": "〔", "〕": "〕",
          "〈": "〈", "〉": "〉", "〖": "〖", "〗": "〗"}
_PAIRS = {"(": ")", "<": ">", "“": "”", "[": "]", "「": "」", "『": "』", "〔": "〕", "〈": "〉", "〖": "〗"}
_OPENER = {close: open_ for open_, close in _PAIRS.items()}


def redecide(text: str, guessed: list[tuple[int, holes.Choice]], before: str = "",
             after: str = "", page: bool = False, web: bool = True) -> tuple[str, list[tuple[int, holes.Choice]]]:
    """``text`` with each guess decided again in its line (see the module); the guesses, those
    that changed with the old character as their runner-up. ``before``/``after``: the text of the
    line before and after ``text``, where ``text`` is a piece of it. ``page``: ``text`` is the
    whole page, whose pairs read for sure are its cache (``CACHE``)."""
    if not any(len(c.candidates) > 1 for _, c in guessed):
        return text, guessed
    lm = model()
    chars = list(before + text + after)
    shift = len(before)
    cache = _page_pairs(chars, {pos + shift for pos, _ in guessed}) if page else {}

    def pair(a: str, b: str) -> float:
        bigram = web_pair(a, b, lm.bigram(a, b)) if web else lm.bigram(a, b)
        seen = cache.get(lm.key(a))
        if not seen:
            return bigram
        return math.log((1 - CACHE) * math.exp(bigram) + CACHE * seen.get(lm.key(b), 0) / seen.total())

    def scorer(at: int):
        prev = chars[at - 1] if at > 0 else "\n"  # the text starts a line
        nxt = chars[at + 1] if at + 1 < len(chars) else "\n"
        start = _line_start(chars, at)
        end = _line_end(chars, at)
        pending = _pending_bracket(chars, start, at) if nxt == "\n" else None

        before_prev = chars[at - 2] if at > 1 else "\n"

        def more(a: str, b: str, c: str) -> float:
            # One more character of context where the trigram table has it (native context.rs).
            if "\n" in (a, b, c):
                return 0.0
            return TRIGRAM_WEIGHT * max(0.0, reference_trigram_fit.trigram(a, b, c) - lm.bigram(b, c))

        def word(ch: str) -> float:
            n = longest_word(chars, at, ch)
            return WORD_WEIGHT * (n - 1) if n else 0.0

        def score(ch: str, brackets: bool = True) -> float:
            s = pair(prev, ch) + pair(ch, nxt) + more(before_prev, prev, ch) + more(prev, ch, nxt) + word(ch)
            if pending is not None and _OPENER.get(_KINDS.get(ch, "")) != pending:
                s += BRACKET_ALONE  # the line ends with the bracket open: it answers none (no sentence end's bonus)
            elif nxt == "\n" and ch in holes.SENTENCE_END:
                s += holes.FINAL_BONUS
            return s + _candidate_bracket(ch, chars, start, at, end) if brackets else s
        return score

    order = sorted(guessed, key=lambda g: g[0])
    live = [len(choice.candidates) > 1 and chars[pos + shift] == choice.char for pos, choice in order]
    changed: list[tuple[str, float] | None] = [None] * len(order)

    def decide(index: int, brackets: bool) -> None:
        pos, choice = order[index]
        at = pos + shift
        score = scorer(at)
        scored = sorted(((score(ch, brackets), ch) for ch in choice.candidates), reverse=True)
        (best, ch), now = scored[0], chars[at]
        if ch != now and best > score(now, brackets):
            changed[index] = (ch, best - score(choice.char, brackets))
            chars[at] = ch

    # A guess holding a bracket answers first to its neighbours alone (native context.rs says why).
    for index, (_, choice) in enumerate(order):
        if live[index] and choice.char in _KINDS:
            decide(index, brackets=False)
    for index in range(len(order)):
        if live[index]:
            decide(index, brackets=True)
    _pair_brackets([(pos + shift, choice) for pos, choice in order], live, chars, changed, lambda at, ch: scorer(at)(ch))
    out: list[tuple[int, holes.Choice]] = []
    for (pos, choice), change in zip(order, changed, strict=True):
        if change is not None and change[0] != choice.char:
            choice = choice._replace(char=change[0], alternative=choice.char, margin=change[1])
        out.append((pos, choice))
    new = "".join(chars[shift : len(chars) - len(after)])
    return new, out


_PAIR_STOPS = "。！？，；"  # a clause ends between them: no pair (native PAIR_STOPS)
_PAIR_REACH = 8  # how far apart a pair's guesses stand at most (native PAIR_REACH)


def _pair_rank(open_: str, inside: list[str]) -> tuple[bool, str]:
    """A tie's order (native ``pair_rank``): 〔 around a year alone (ASCII or fullwidth digits), else
    【; then the greater mark."""
    year = bool(inside) and all("0" <= c <= "9" or "０" <= c <= "９" for c in inside)
    return (open_ == ("〔" if year else "【"), open_)


def _pair_brackets(order, live, chars, changed, score) -> None:
    """Two guesses of a line whose bytes allow a bracket and its partner, decided together
    (native/src/context.rs ``pair_brackets``)."""
    for i, (a, gi) in enumerate(order):
        if not live[i]:
            continue
        end = _line_end(chars, a)
        best = None  # (gain, opening mark, its partner's guess, closing mark)
        for open_ in gi.candidates:
            own = _KINDS.get(open_)
            close_kind = _PAIRS.get(own)
            if close_kind is None:
                continue
            j = None
            for k in range(i + 1, len(order)):
                if order[k][0] >= min(end, a + _PAIR_REACH + 1):
                    break
                if live[k] and any(_KINDS.get(c) == close_kind for c in order[k][1].candidates):
                    j = k
                    break
            if j is None:
                continue
            b = order[j][0]
            if b <= a or any(_KINDS.get(c) in (own, close_kind) or c in _PAIR_STOPS for c in chars[a + 1 : b]):
                continue
            close = next(c for c in order[j][1].candidates if _KINDS.get(c) == close_kind)
            was_a, was_b = chars[a], chars[b]
            before = score(a, was_a) + score(b, was_b)
            chars[a], chars[b] = open_, close
            gain = score(a, open_) + score(b, close) - before
            chars[a], chars[b] = was_a, was_b
            if gain > 0 and (best is None or gain > best[0] or (gain == best[0] and _pair_rank(open_, chars[a + 1 : b]) > _pair_rank(best[1], chars[a + 1 : b]))):
                best = (gain, open_, j, close)
        if best is not None:
            gain, open_, j, close = best
            chars[a], chars[order[j][0]] = open_, close
            changed[i] = (open_, gain)
            changed[j] = (close, gain)


def _page_pairs(chars: list[str], guessed_at: set[int]) -> dict[str, Counter]:
    """Pairs of Han characters of the page, none of them guessed, by first (folded as the model keys them)."""
    key = model().key
    pairs: dict[str, Counter] = {}
    for k in range(len(chars) - 1):
        a, b = chars[k], chars[k + 1]
        if HAN.match(a) and HAN.match(b) and k not in guessed_at and k + 1 not in guessed_at:
            pairs.setdefault(key(a), Counter())[key(b)] += 1
    return pairs


def _line_start(chars: list[str], at: int) -> int:
    """Where ``at``'s line starts, looking back at most REACH characters."""
    k, stop = at, max(0, at - REACH)
    while k > stop and chars[k - 1] != "\n":
        k -= 1
    return k


def _line_end(chars: list[str], at: int) -> int:
    """Where ``at``'s line ends, looking on at most REACH characters."""
    k, stop = at, min(len(chars), at + REACH)
    while k < stop and chars[k] != "\n":
        k += 1
    return k


def _pending_bracket(chars: list[str], start: int, at: int) -> str | None:
    """The innermost bracket still open before ``at`` on the line ``chars[start:at]`` (a closing
    mark closes its opening one and those opened inside it), quotes left out; None if none."""
    open_: list[str] = []
    for c in chars[start:at]:
        kind = _KINDS.get(c)
        if kind in _PAIRS:
            open_.append(kind)
        elif kind in _OPENER and _OPENER[kind] in open_:
            del open_[len(open_) - 1 - open_[::-1].index(_OPENER[kind]):]
    return next((k for k in reversed(open_) if k not in "“「『"), None)


def bracket(ch: str, chars: list[str], start: int, at: int, end: int) -> float:
    """The brackets' say on ``ch`` at ``at`` of the line ``chars[start:end]``: a closing mark that
    answers an opening one before it, or an opening one answered after it, BRACKET_ANSWERS; one
    that answers none BRACKET_ALONE; anything else nothing."""
    kind = _KINDS.get(ch)
    if kind is None:
        return 0.0
    if kind in _OPENER:  # closing: is its opening mark pending before it?
        return _answered(chars, range(at - 1, start - 1, -1), kind, _OPENER[kind])
    return _answered(chars, range(at + 1, end), kind, _PAIRS[kind])


def _candidate_bracket(ch: str, chars: list[str], start: int, at: int, end: int) -> float:
    """``bracket`` of a guess's candidate: a closing mark is BRACKET_ALONE too where the line's
    later closing marks of its kind that no mark after it opened are as many as the opening marks
    still pending before it (taken, it leaves one of them answering none)."""
    say = bracket(ch, chars, start, at, end)
    kind = _KINDS.get(ch)
    if kind not in _OPENER or say != BRACKET_ANSWERS:
        return say
    open_ = _OPENER[kind]
    pending = 0
    for c in chars[start:at]:
        k = _KINDS.get(c)
        if k == open_:
            pending += 1
        elif k == kind:
            pending = max(0, pending - 1)
    later = depth = 0
    for c in chars[at + 1 : end]:
        k = _KINDS.get(c)
        if k == open_:
            depth += 1
        elif k == kind:
            if depth == 0:
                later += 1
            else:
                depth -= 1
    return BRACKET_ALONE if later >= pending else say

def _answered(chars: list[str], places: range, kind: str, partner: str) -> float:
    """BRACKET_ANSWERS if, walking ``places``, a ``partner`` mark answers ``kind`` (marks of its
    own kind met first nest), else BRACKET_ALONE."""
    depth = 0
    for k in places:
        other = _KINDS.get(chars[k])
        if other == kind:
            depth += 1
        elif other == partner:
            if depth == 0:
                return BRACKET_ANSWERS
            depth -= 1
    return BRACKET_ALONE
