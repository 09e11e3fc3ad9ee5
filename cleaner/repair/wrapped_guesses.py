"""A guess that ends a line, decided again with the first character of the next line.

A byte is lost beside ASCII: UTF-8 read as GBK loses a character's last byte before a line break
(四 is e5 9b 9b: GBK reads e5 9b as 鍥 and rejects 9b before 0a; ， is ef bc 8c, and 8c goes the
same way). The repair chooses that character from its own line, where it ends the text it sees;
on a page wrapped at a width (old pages, mail, forum posts, text copied as laid out) the sentence
goes on below, and what follows is what tells the candidates apart: 四 before 月 of 四\\n月十五日
came back 因, the likeliest after 是 with nothing after it, and a comma before a break came back
？, since a paragraph seldom ends with a comma.

A line break is only sometimes a wrap, so the break and the next line's first character ``n``
count as a mixture: log(W P(n | c) + (1 - W) P(break | c) P(n)), where W is the share of the
page's lines, read for sure, that end on a character (Han, a letter, a digit) rather than a mark
(what a wrapped page shows, and a page of a paragraph a line does not: its lines end with 。), and
P(break | c) is the model's with the sentence end's bonus (``holes.FINAL_BONUS``) that ``context``
gives a paragraph's last mark, and for a Han character the share of paragraphs that end on one
(HAN_END). Decided so: a guess before a line that starts with Han at once
(no indent, no list number), among its candidates that are no bracket or quote (their pairs are
``context``'s), on a page that wraps more often than not (WRAPPED_PAGE). A change needs MARGIN: a
choice the line made is not overturned by a whisker.
"""

from __future__ import annotations

import math

from cleaner.langmodel import model
from cleaner.repair import holes

MARGIN = 1.0
# log P(a paragraph ends | a Han character): the model scores a break after any character as free
# (its tables hold no break), so the mixture's unwrapped side outweighed the wrapped one whenever
# the next line's first character was common (是四 / 月 came back 是因: 因 before a paragraph's end
# cost nothing). A paragraph of running text ends on a mark; one in twenty ends on Han (a heading,
# a byline), and -3 is that share. -3 and -6 measured alike (benchmarks/web_text_repair.py).
HAN_END = -3.0
# A page whose lines end on a mark more often than not is not decided so: its lines are
# paragraphs, titles and fields, and the next line's first character is no neighbour (a seed
# page's line ending 第01版 above a headline came back ending 的, which goes before anything).
WRAPPED_PAGE = 0.5
MIN_LINE = 6  # characters a line holds at least to count for the page's share of wraps
# The share's bounds: a page of three lines says little either way.
LOW, HIGH = 0.05, 0.95
# Marks that open or close a pair: the line's brackets decide them (``context.bracket``).
BRACKETS = frozenset("（）()《》“”‘’「」『』【】〔〕〈〉〖〗[]{}＂\"'＇")


def _han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _decided_here(ch: str) -> bool:
    """A candidate this pass weighs: Han, or a mark that is no bracket or quote."""
    return _han(ch) or (not ch.isalnum() and not ch.isspace() and ch not in BRACKETS)


def redecide(text: str, guessed: list[tuple[int, holes.Choice]]) -> tuple[str, list[tuple[int, holes.Choice]]]:
    """``text`` (a whole page) with each guess ending a line before a line starting with Han
    decided again (see the module); the guesses, those changed with the old choice as their
    runner-up and the margin."""
    todo = [k for k, (pos, c) in enumerate(guessed)
            if len(c.candidates) > 1 and _decided_here(c.char) and pos + 2 < len(text) and text[pos + 1] == "\n"
            and _han(text[pos + 2])]
    if not todo:
        return text, guessed
    share = _wrapped_share(text, {pos for pos, _ in guessed})
    if share < WRAPPED_PAGE:
        return text, guessed
    lm = model()
    chars = list(text)
    out = list(guessed)
    for k in todo:
        pos, choice = out[k]
        prev = chars[pos - 1] if pos > 0 and chars[pos - 1] != "\n" else ""
        nxt = chars[pos + 2]
        first = math.exp(lm.unigram(nxt))

        def score(c: str) -> float:
            left = lm.bigram(prev, c) if prev else lm.unigram(c)
            ends = lm.bigram(c, "\n") + (holes.FINAL_BONUS if c in holes.SENTENCE_END else HAN_END if _han(c) else 0.0)
            return left + math.log(share * math.exp(lm.bigram(c, nxt)) + (1 - share) * math.exp(ends) * first)

        scored = sorted(((score(c), c) for c in choice.candidates if _decided_here(c)), reverse=True)
        if not scored:
            continue
        best, ch = scored[0]
        if ch != choice.char and best - score(choice.char) >= MARGIN:
            out[k] = (pos, choice._replace(char=ch, alternative=choice.char, margin=best - score(choice.char)))
            chars[pos] = ch
    return "".join(chars), out


def _wrapped_share(text: str, guessed_at: set[int]) -> float:
    """The share of the page's lines (MIN_LINE characters or more, their last one read for sure)
    that end on a character rather than a mark, within [LOW, HIGH]."""
    ended = on_char = 0
    start = 0
    for line in text.split("\n"):
        end = start + len(line.rstrip())
        if len(line.strip()) >= MIN_LINE and end - 1 not in guessed_at:
            ended += 1
            on_char += text[end - 1].isalnum()
        start += len(line) + 1
    if not ended:
        return LOW
    return min(HIGH, max(LOW, on_char / ended))
