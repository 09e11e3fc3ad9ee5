"""Guessed punctuation decided by the shape of its line and of its page, which pairs do not see.

A fullwidth mark whose last byte was lost (``锛�``: ef bc and a byte GBK rejects before the next
one) may be any of the forms ef bc 80-bf (，：；？！）…); ``context.redecide`` chooses among them by
the pairs around it. Two shapes decide it better than any pair:

- a field key before its value: ``发布时间：2005-03-21``, ``作者：尹剑``. The key (a byline's,
  a record's: the furniture lexicon's keys) starts its line or a field of it (after a space, an
  ideographic space, a bar or a closing bracket) and a value follows; prose puts no comma
  between a label and its value, while after 时间 a comma is what the pairs like best. Where
  ``：`` is among the candidates, it is taken.
- a line end on a page whose lines end alike: subtitles and verse end their lines with ``，``,
  which the model dislikes before a break (a line seldom ends with a comma in prose), so a lost
  one came back as ``；`` or ``？``. A guess that ends a line takes the mark the page's other lines
  end with, read for sure, when it is among its candidates and ends ``HABIT_LINES`` lines at
  least and most of those that end with one of the candidates; not a closing bracket that
  closes none on its line (lines ending ``【关闭】`` had turned ``死去。`` into ``死去】``).
- a numbered heading: a guess that starts a line before ``、`` (or a full stop of numbering) on a
  page whose other lines are numbered so with numerals read for sure takes the numeral the count
  gives there: one more than the heading above it and one less than the heading below (where
  the two disagree, one if the heading below is a list's second, else none). 一 is e4
  b8 80, and 80 is no byte GBK reads: every ``一、`` starting a line of UTF-8 read as GBK lost it,
  and its candidates (一三七万丈上下不中…) read alike to the pairs (``中、`` came back, by 0.08).

A changed guess keeps the old choice as its runner-up (margin 0: a rule, not a score).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from cleaner.repair import holes

COLONS = ("：", ":")
# Before a key: the line's start, or the end of the field before it.
FIELD_BREAK = frozenset(" \u3000\t|｜]】》>")
HABIT_LINES = 3  # lines ending with one mark before it is the page's habit
NUMERALS = "一二三四五六七八九十"  # a heading's count, 1 to 10, one character each
NUMBERING_MARKS = frozenset("、．.")  # what follows a heading's numeral
LONGEST_KEY = 6


@lru_cache(maxsize=1)
def _keys() -> frozenset[str]:
    from cleaner.furniture.lexicon import key_words

    return frozenset(k for k in key_words() if len(k) <= LONGEST_KEY)


def redecide(text: str, guessed: list[tuple[int, holes.Choice]], start: int = 0, end: int | None = None,
             page: bool = False) -> tuple[str, list[tuple[int, holes.Choice]]]:
    """``text`` with each guess in ``text[start:end]`` decided again by the shapes (see the module);
    positions are offsets in ``text``. ``page``: ``text`` is the whole page (its line ends are
    the habit's evidence)."""
    end = len(text) if end is None else end
    todo = [(k, pos, c) for k, (pos, c) in enumerate(guessed) if len(c.candidates) > 1 and start <= pos < end]
    if not todo:
        return text, guessed
    chars = list(text)
    guessed_at = {pos for pos, _ in guessed}
    habit = _line_end_habit(text, guessed_at) if page else Counter()
    numbered = _numbered_lines(text, guessed_at) if page else []
    out = list(guessed)
    for k, pos, choice in todo:
        new = _shaped(chars, pos, choice, habit) or (_heading_numeral(chars, pos, choice, numbered) if numbered else None)
        if new and new != chars[pos]:
            out[k] = (pos, choice._replace(char=new, alternative=chars[pos], margin=0.0))
            chars[pos] = new
    return "".join(chars), out


def _shaped(chars: list[str], pos: int, choice: holes.Choice, habit: Counter) -> str | None:
    colon = next((c for c in COLONS if c in choice.candidates), None)
    if colon and _key_before(chars, pos) and _value_after(chars, pos):
        return colon
    if habit and (pos + 1 == len(chars) or chars[pos + 1] == "\n"):
        # Not a mark that closes no bracket of its line (lines ending 【关闭】 made 死去。 死去】).
        ends = [(habit[c], c) for c in choice.candidates if habit[c] and _brackets_say(chars, pos, c) >= 0]
        if ends:
            n, mark = max(ends)
            if n >= HABIT_LINES and n * 2 > sum(m for m, _ in ends):
                return mark
    return None


def _brackets_say(chars: list[str], pos: int, ch: str) -> float:
    """The brackets' say on ``ch`` at ``pos`` of its line (``context.bracket``)."""
    from cleaner.repair import context  # context imports this module to call it

    start = pos
    while start > 0 and chars[start - 1] != "\n":
        start -= 1
    return context.bracket(ch, "".join(chars[start : pos + 1]), pos - start)


def _key_before(chars: list[str], pos: int) -> bool:
    for n in range(1, LONGEST_KEY + 1):
        at = pos - n
        if at < 0:
            return False
        if "".join(chars[at:pos]) in _keys() and (at == 0 or chars[at - 1] == "\n" or chars[at - 1] in FIELD_BREAK):
            return True
    return False


def _value_after(chars: list[str], pos: int) -> bool:
    nxt = chars[pos + 1] if pos + 1 < len(chars) else "\n"
    return nxt.isalnum()


def _line_end_habit(text: str, guessed_at: set[int]) -> Counter:
    """{mark: lines ending with it, read for sure} of the page."""
    habit: Counter = Counter()
    at = text.find("\n")
    while at > 0:
        if at - 1 not in guessed_at and not text[at - 1].isalnum() and not text[at - 1].isspace():
            habit[text[at - 1]] += 1
        at = text.find("\n", at + 1)
    return habit


def _numbered_lines(text: str, guessed_at: set[int]) -> list[tuple[int, int]]:
    """(position, count) of each numeral read for sure that starts a line (after its indent)
    before a numbering mark: the page's numbered headings, in order."""
    out = []
    start = 0
    while start < len(text):
        at = start
        while at < len(text) and text[at] in " \u3000\t":
            at += 1
        if (at + 1 < len(text) and text[at] in NUMERALS and text[at + 1] in NUMBERING_MARKS
                and at not in guessed_at):
            out.append((at, NUMERALS.index(text[at]) + 1))
        nl = text.find("\n", start)
        if nl < 0:
            break
        start = nl + 1
    return out


def _heading_numeral(chars: list[str], pos: int, choice: holes.Choice, numbered: list[tuple[int, int]]) -> str | None:
    """The numeral the page's numbered headings give a guess that starts a line before a
    numbering mark, where it is among its candidates; None if they give none."""
    if pos + 1 >= len(chars) or chars[pos + 1] not in NUMBERING_MARKS:
        return None
    at = pos
    while at > 0 and chars[at - 1] in " \u3000\t":
        at -= 1
    if at > 0 and chars[at - 1] != "\n":
        return None
    above = [n for p, n in numbered if p < pos]
    below = [n for p, n in numbered if p > pos]
    after_above = above[-1] + 1 if above else None
    before_below = below[0] - 1 if below else None
    if after_above is not None and before_below is not None and after_above != before_below:
        # The count does not run through the line: a list numbered again from one (its second
        # heading right below), or no heading at all (中、美两国 between 二、 and 三、 is a sentence).
        count = 1 if before_below == 1 else 0
    else:
        count = after_above if after_above is not None else before_below if before_below is not None else 0
    if not 1 <= count <= len(NUMERALS):
        return None
    numeral = NUMERALS[count - 1]
    return numeral if numeral in choice.candidates else None
