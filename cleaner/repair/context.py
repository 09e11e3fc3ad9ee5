"""Guesses decided again with what their stream did not see: the line around them.

A re-read stream is chosen (``holes.choose_ranked``) from its own characters and the one before
it. What comes after it, and the rest of its line, it never sees:

- the line break after a stream that ends a line: a line seldom ends with a comma (the model's
  own ``COMMA_BEFORE_BREAK_LOGP``), so a lost last byte of ``）`` before a break (ef bc 89, whose
  89 GBK rejects before 0a) came back as ``，``, which the model likes best after most characters;
- the line start before a stream that begins one (the stream's reading saw no character before
  it: a line never starts with a pausing mark, ``（1）`` lost a byte of each mark);
- the character after a stream that stops before clean text or a digit (``9:20—9:50``: a lost
  byte of ``—`` came back as ``”``, which never comes before a digit);
- the brackets of the line: a closing mark answers an opening one before it (``（南开大学经济学院）``),
  an opening one a closing one after it (``（1989）``), and a mark that answers none is rare.

Each guessed character whose candidates are known (``holes.Choice.candidates``) is decided again,
its neighbours as the repair left them: the pair before it, the pair after it, the bonus of a
sentence end at a line's end (``holes.FINAL_BONUS``), and the brackets. A choice the stream's own
reading already made best keeps its place unless the line says otherwise.
"""

from __future__ import annotations

import math
from collections import Counter

from cleaner.chardata import HAN
from cleaner.langmodel import model
from cleaner.repair import holes

# Opening and closing marks (fullwidth and ASCII count as one kind: pages mix them).
_KINDS = {"（": "(", "(": "(", "）": ")", ")": ")", "《": "<", "》": ">", "“": "“", "”": "”",
          "【": "[", "】": "]", "「": "「", "」": "」", "『": "『", "』": "』", "〔": "〔", "〕": "〕"}
_PAIRS = {"(": ")", "<": ">", "“": "”", "[": "]", "「": "」", "『": "』", "〔": "〕"}
_OPENER = {close: open_ for open_, close in _PAIRS.items()}
# log P(an opening mark is pending | a closing mark) / P(one is pending at any place in a line),
# and the same for a mark that answers none: on the build part of the Wikipedia split, 99.8 % of
# closing parentheses answer an opening one on their line, and one is pending at 2.3 % of places
# (ln(0.998 / 0.023) = 3.8); a mark that answers none is taken as 2 % of marks in pages (lists
# numbered "1）" and quotes across lines are commoner there than on Wikipedia): ln(0.02 / 0.98) = -3.9.
BRACKET_ANSWERS = 3.8
BRACKET_ALONE = -3.9
# The page's own pairs (a cache model): names and terms a page repeats (孙启勤 twenty times) are
# pairs the model may never have seen, and a character a guess could be is likelier where the
# page shows it, read for sure, beside the same neighbour. Interpolated with the model's pair:
# (1 - CACHE) P_model + CACHE P_page, P_page = the page's count of the pair / of its first.
CACHE = 0.1
# How far a guess's line is looked at, each way: a bracket answers within a sentence or two, and
# a page of one long line (records joined with spaces) must not cost its length for every guess.
REACH = 300


def redecide(text: str, guessed: list[tuple[int, holes.Choice]], before: str = "",
             after: str = "", page: bool = False) -> tuple[str, list[tuple[int, holes.Choice]]]:
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
        seen = cache.get(lm.key(a))
        if not seen:
            return lm.bigram(a, b)
        return math.log((1 - CACHE) * math.exp(lm.bigram(a, b)) + CACHE * seen.get(lm.key(b), 0) / seen.total())
    out: list[tuple[int, holes.Choice]] = []
    for pos, choice in sorted(guessed, key=lambda g: g[0]):
        at = pos + shift
        if len(choice.candidates) < 2 or chars[at] != choice.char:
            out.append((pos, choice))
            continue
        prev = chars[at - 1] if at > 0 else "\n"  # the text starts a line
        nxt = chars[at + 1] if at + 1 < len(chars) else "\n"
        start = _line_start(chars, at)
        end = _line_end(chars, at)

        def score(ch: str) -> float:
            s = pair(prev, ch) + pair(ch, nxt)
            if nxt == "\n" and ch in holes.SENTENCE_END:
                s += holes.FINAL_BONUS
            return s + bracket(ch, chars, start, at, end)

        scored = sorted(((score(ch), ch) for ch in choice.candidates), reverse=True)
        (best, ch), kept = scored[0], score(choice.char)
        if ch != choice.char and best > kept:
            chars[at] = ch
            choice = choice._replace(char=ch, alternative=choice.char, margin=best - kept)
        out.append((pos, choice))
    new = "".join(chars[shift : len(chars) - len(after)])
    return new, out


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
