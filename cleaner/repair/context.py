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
- the words of the line: a candidate that completes a dictionary word with its neighbours
  (原声带, whose 带 lost its last byte, came back 原声币: 币 is commoner after 声);
- the words of other registers: a pair inside a word of news, subtitles or web text that jieba's
  dictionary and Wikipedia's running text never wrote (绝食 came back 绝速, 口臭 口自: the
  commoner character's unigram won), from the pairs of wordfreq's words (``WEB_PAIR_WEIGHT``);
- the brackets of the line: a closing mark answers an opening one before it (``（南开大学经济学院）``),
  an opening one a closing one after it (``（1989）``), and a mark that answers none is rare (a
  guessed closing one, too, where the line's later closing marks of its kind are as many as the
  opening ones still pending before it: taken, it leaves one of them answering none; 「…高大、更加
  壮丽」 whose 、 and 」 both lost a byte came back 「…高大」更加壮丽」).

Each guessed character whose candidates are known (``holes.Choice.candidates``) is decided again,
its neighbours as the repair left them: the pair before it, the pair after it (each with the web
words' pair beside the model's), the longest
dictionary word it completes with them (``WORD_WEIGHT``), the bonus of a sentence end at a line's
end (``holes.FINAL_BONUS``), and the brackets. A choice the stream's own
reading already made best keeps its place unless the line says otherwise.

Then the shapes no pair sees (``punct_shapes``: a mark after a byline key before its value is
the colon; a guess ending a line takes the page's own line-end habit) decide again.

The decisions run in the native core (native/src/context.rs: one call per text, the same scores
to the last bit); the Python original it must equal is tests/reference_context.py. The constants
are here, and handed over with each call.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cleaner import _native
from cleaner.langmodel import dictionary_path, model, model_sources
from cleaner.repair import holes, punct_shapes, trigram_fit, wrapped_guesses
from cleaner.textedit import replace_at

# log P(an opening mark is pending | a closing mark) / P(one is pending at any place in a line),
# and the same for a mark that answers none: on the build part of the Wikipedia split, 99.8 % of
# closing parentheses answer an opening one on their line, and one is pending at 2.3 % of places
# (ln(0.998 / 0.023) = 3.8); a mark that answers none is taken as 2 % of marks in pages (lists
# numbered "1）" and quotes across lines are commoner there than on Wikipedia): ln(0.02 / 0.98) = -3.9.
# Opening and closing marks: （） () 《》 “” 【】 「」 『』 〔〕 〈〉 〖〗, fullwidth and ASCII as one kind (pages
# mix them).
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

_PARAMS = (CACHE, BRACKET_ANSWERS, BRACKET_ALONE, REACH, holes.FINAL_BONUS, "".join(sorted(holes.SENTENCE_END)))
# Each guess is scored with one more character of context where the trigram table of running text
# has it (``trigram_fit``'s table and smoothing): the guess after the two characters before it, the
# next character after the guess and the one before it, as a correction of those pairs' bigrams
# where it raises them (native context.rs says why not where it lowers them), this much of it.
# Session 42, web_text_repair.py errors, bigram alone -> with it: fit pages gbk 1,601 -> 1,567,
# ignore 2,217 -> 2,185, WHATWG gbk 669 -> 654; report pages (held out) gbk 1,201 -> 1,184, ignore
# 1,324 -> 1,307, WHATWG gbk 819 -> 815. 0.6 and 1.5 measured alike, unclamped (the stream's own
# Viterbi already reads runs with it, ``trigram_fit``; this pass saw only pairs: 4、5名 came back
# 4。5名, a digit being likelier after 。 than after 、 in the bigram, where 0、 is followed by a digit
# 99 times in 108 and 0。 9 times in 88).
TRIGRAM_WEIGHT = 1.0
# A candidate that completes a word of jieba's dictionary (two to four characters, the same file
# the model counts) with the characters beside it gains this much for each character of the
# longest such word beyond the first. The bigram knows a word's pairs only mixed with running text
# and the unigram, so a commoner character won a lost byte inside a word (原声带 came back 原声币,
# 初中 初一), and words of three and four characters not at all. Session 43, web_text_repair.py fit
# pages gbk errors by weight: none 1,567, 0.5: 1,489, 1.0: 1,462, 1.5: 1,447, 2.5: 1,460; 1.5 with
# only the words jieba counts ten times or more 1,491 (its rare words pay). A trigram term two
# characters out (the guess and the two after it) instead: 1,562. 1.0, not 1.5: at 1.5 a word of
# two outweighed the running text's pair after the commonest characters (Big5's 內平民的 read as
# GBK, 的's trail lost at the text's end, came back 內平民革: 民革 is a word, 民的 likelier by 1.2;
# tests/test_mojibake.py), and a word's pairs are in the bigram already.
WORD_WEIGHT = 1.0
# Each pair a candidate makes with its neighbours gains this much of the probability the pairs
# inside web words give it (cleaner/data/web_pairs.txt: wordfreq's Chinese list of news,
# subtitles, web and social text, by scripts/build_web_pairs.py), added to the model's inside the
# logarithm. The model's in-word pairs are jieba's and its running pairs Wikipedia's: most
# guesses left wrong on the web pages were a right reading whose pair with a neighbour the model
# never saw (628 of 1,164), where a commoner character's unigram won. Session 44, replaying the fit pages'
# whole-page decisions (wrong of 26,693 gbk guesses / of 39,819 ignore ones): none 1,315 / 2,407,
# 0.1: 1,298, 0.2: 1,278 / 2,328, 0.35: 1,285, 1.0: 1,303. The same words as a word list beside
# jieba's (WORD_WEIGHT's evidence): 1,311; instead of jieba's: 1,316 (wordfreq segments Chinese with
# jieba, so its words are mostly jieba's: what it adds is their frequencies in other registers).
# Not for the guesses of a two-byte source read in step (resync: GBK read as Big5, Big5 as GBK),
# each a whole character whose candidates are a code's row or column: among dozens of them the
# pair of a frequent web word with one neighbour won (進士 came back 進去, 南為 南城). Session 44,
# decoders.py --scope page with them: big5 -> gbk 26.6 -> 27.4, gbk -> big5 22.1 -> 22.5.
WEB_PAIR_WEIGHT = 0.2
WEB_PAIRS = Path(__file__).resolve().parent.parent / "data" / "web_pairs.txt"


@lru_cache(maxsize=1)
def words() -> _native.Words:
    """The dictionary's words of two to four characters (native/src/words.rs), loaded on the first
    guess decided (clean text never loads them): keyed once and kept with the tables
    (``tablecache``), as the character model is, they read back in a few ms where reading and
    keying jieba's dictionary took 0.09-0.11 s and 15 MiB a process. A model made the one in use
    (``langmodel.use``) before the first guess keys them in memory; they are then kept for the
    process, as ``langmodel.use`` says of the repairs' other caches."""
    from cleaner.tablecache import cached_bytes

    sources = model_sources()
    if sources is None:
        return _native.Words(dictionary_path())
    return cached_bytes("words-native", sources, f"1.{_native.WORDS_TABLE_VERSION}",
                        lambda: _native.Words(dictionary_path()).table(model().native), _native.Words.from_table)


@lru_cache(maxsize=1)
def web_pairs() -> _native.WebPairs:
    """The pairs inside web words (native/src/web_pairs.rs), read on the first guess decided:
    clean text never loads them."""
    return _native.WebPairs(str(WEB_PAIRS))


def redecide(text: str, guessed: list[tuple[int, holes.Choice]], before: str = "",
             after: str = "", page: bool = False, web: bool = True) -> tuple[str, list[tuple[int, holes.Choice]]]:
    """``text`` with each guess decided again in its line (see the module); the guesses, those
    that changed with the old character as their runner-up. ``before``/``after``: the text of the
    line before and after ``text``, where ``text`` is a piece of it. ``page``: ``text`` is the
    whole page, whose pairs read for sure are its cache (``CACHE``). ``web``: the web words' pairs
    count (``WEB_PAIR_WEIGHT``); resync's guesses, whole characters of a two-byte code, go without."""
    if not any(len(c.candidates) > 1 for _, c in guessed):
        return text, guessed
    out = sorted(guessed, key=lambda g: g[0])
    shift = len(before)
    changes = _native.context_redecide(model().native, before + text + after,
                                       [(pos + shift, c.char, list(c.candidates)) for pos, c in out], page, _PARAMS,
                                       (trigram_fit.fit(), TRIGRAM_WEIGHT), (words(), WORD_WEIGHT),
                                       (web_pairs(), WEB_PAIR_WEIGHT) if web else None)
    edits = []
    for k, ch, margin in changes:
        pos, choice = out[k]
        edits.append((pos, ch))
        out[k] = (pos, choice._replace(char=ch, alternative=choice.char, margin=margin))
    text = replace_at(text, edits) if edits else text
    # Then the shapes of the line and the page, which no pair sees (a key before its value).
    line, shaped = punct_shapes.redecide(before + text + after, [(pos + shift, c) for pos, c in out],
                                         shift, shift + len(text), page)
    text, guessed = line[shift : shift + len(text)], [(pos - shift, c) for pos, c in shaped]
    # And on a page, a guess ending a line with the line below it, where the page wraps.
    return wrapped_guesses.redecide(text, guessed) if page else (text, guessed)


def bracket(ch: str, line: str, at: int) -> float:
    """The brackets' say on ``ch`` at ``at`` of ``line`` (as far as it is looked at): a closing
    mark that answers an opening one before it, or an opening one answered after it,
    BRACKET_ANSWERS; one that answers none BRACKET_ALONE; anything else nothing. (A guess's
    candidate is asked more: a closing one whose opening mark a later closing one would answer
    counts as answering none, native ``candidate_bracket``.)"""
    return _native.context_bracket(ch, line, at, _PARAMS)
