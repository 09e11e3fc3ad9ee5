"""Choose among the candidates of a re-read: the characters of double-encoded text that lost bytes.

When UTF-8 (or Big5) bytes were read as GBK by a lenient decoder, every pair GBK could not read
became one U+FFFD standing for one lost byte, and a hole's byte is not free: it is a byte that,
with the byte after it, made a pair GBK rejects. ``reread.read`` gives each character the
candidates its bytes allow; here the ambiguous ones are chosen jointly, by the character model
(a Viterbi over each run of ambiguous characters, between the known characters around it), and
each guess keeps its runner-up and margin for its finding.

The choice runs in the native core (native/src/viterbi.rs), one call per stream; the Python
original is tests/reference_holes.py, which the property tests hold it to.
"""

from __future__ import annotations

from typing import NamedTuple

from functools import lru_cache

from cleaner import _native
from cleaner.langmodel import model
from cleaner.model import Finding
from cleaner.repair import trigram_fit, variants
from cleaner.script.fold import script_only

# A guess is likelier a sentence end at the end of a paragraph (scored FINAL_BONUS higher), and
# between variants of one character the commoner wins (VARIANT_TIEBREAK times its unigram).
SENTENCE_END = frozenset("。！？”")
FINAL_BONUS = 3.0
VARIANT_TIEBREAK = 0.01
LOST = "\ufffd"


class Choice(NamedTuple):
    """One character read from the byte view; for a guess, the runner-up and by how much it lost."""

    char: str
    end: int  # byte offset where the character ends
    guessed: bool  # chosen among several candidates (its bytes were not all known)
    alternative: str = ""  # the best reading of this character on any other path ("" if none)
    margin: float = 0.0  # log-probability of the best path minus that of the best path through the alternative
    # For a guess, every character its bytes allowed (as the stream was read): ``context`` decides
    # again with the line the stream did not see. Set by the repair that made the guess.
    candidates: tuple[str, ...] = ()


# Chinese numerals: a guess among them, beside one, changes a number (一八四 read back 一六四:
# 八 and 六 are e5 85 ab and e5 85 ad), which no reader can tell from the text. Digits are no
# such neighbour: a number is written in one or the other (50公尺 is not 50六尺).
# Numerals of two kinds: the everyday ones and the formal ones of cheques and contracts, which a
# number is written in throughout. 十 (e5 8d 81, both lost to cp1252) allows only 叁 among the
# numerals: another kind, no other number a page would write beside 二 (二十九).
EVERYDAY_NUMERALS = frozenset("〇○零一二三四五六七八九十百千万萬亿億两兩廿卅")
FORMAL_NUMERALS = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
NUMERALS = EVERYDAY_NUMERALS | FORMAL_NUMERALS


def changes_a_number(text: str, pos: int, choice: Choice, guessed_at: frozenset[int] = frozenset()) -> bool:
    """Is the guess ``choice`` at ``pos`` of ``text`` one that may have written another number?
    Such a guess is written U+FFFD (its finding still names the choice).

    A numeral chosen where its bytes allow another of its kind (六 where 八 fits) beside a numeral; a word
    chosen over a numeral runner-up inside a number or after two numerals (六世.五 of 六一.五). A neighbour counts
    read for sure (not at ``guessed_at``, the other guesses: 一个 whose 一 and 个 were both chosen
    is no number), or marked, or a guessed numeral beside one read for sure (三一 of 一二三一六).
    A numeral chosen over words alone (一 over 中) is no other number, and a word whose bytes
    merely allow a numeral among dozens (名, e5 and two lost bytes, as 十 is) is the model's.
    """
    kind = FORMAL_NUMERALS if choice.char in FORMAL_NUMERALS else EVERYDAY_NUMERALS
    numerals = (set(choice.candidates) | {choice.char, choice.alternative}) & kind

    def sure(k: int) -> bool:
        return 0 <= k < len(text) and text[k] in NUMERALS and k not in guessed_at

    def in_a_number(k: int) -> bool:
        if not 0 <= k < len(text):
            return False
        if text[k] == LOST or sure(k):
            return True
        return text[k] in NUMERALS and any(sure(j) for j in (k - 1, k + 1) if j != pos)

    if choice.char in NUMERALS and len(numerals) > 1:
        return in_a_number(pos - 1) or in_a_number(pos + 1)
    if choice.char not in NUMERALS and choice.alternative in NUMERALS and in_a_number(pos - 1):
        # Inside a number, or after one of two numerals or more (一二三一公 of 一二三一六; 一个 stays).
        return in_a_number(pos + 1) or text[pos + 1 : pos + 2] in (".", "．", "点", "點") or (
            pos >= 2 and text[pos - 2] in NUMERALS | {LOST})
    return False


def choose(items: list[list], prev: str, final: bool, guess: bool = True, trigram: bool = True) -> list[tuple[str, int, bool]]:
    """Pick each ambiguous character (``choose_ranked``); (character, end offset, guessed) per item.

    ``guess=False``: every character chosen among several is written as U+FFFD instead.
    """
    return [(c.char, c.end, c.guessed) for c in choose_ranked(items, prev, final, guess, trigram=trigram)]


def choose_ranked(items: list[list], prev: str, final: bool, guess: bool = True, script_known: bool = True,
                  trigram: bool = True) -> list[Choice]:
    """Each item ([character, end offset, candidates], as ``reread.read`` gives them) chosen, with
    each guess's rank-2 alternative and margin, for a finding per guess.

    ``prev``: the text before (its last character conditions the first choice); ``final``: the
    stream ends a paragraph, so sentence-final punctuation is likelier there. Each item's
    character is set to the chosen one. ``script_known=False``: the characters read for sure do
    not tell the script of the lost ones (a narrower table lost exactly the characters outside
    it, Traditional forms among them), so the guesses keep both scripts. ``trigram=False``: the
    bigram Viterbi's choice alone (what tests/reference_holes.py computes), without
    ``trigram_fit``'s second pass over each run of guesses.
    """
    # The steps before the Viterbi (the script around a guess, the forms that script writes, no
    # fullwidth digit alone: native/src/narrowing.rs, the Python original tests/reference_holes.py)
    # and the trigram's second pass (native/src/trigram.rs) run in the same native call: each
    # narrowed item is given its new candidates, and a guess the second pass changes keeps the
    # Viterbi's choice as its alternative.
    second = trigram_fit.fit() if trigram else None
    return [Choice(*c) for c in _native.choose_ranked(model().native, items, prev, final, guess, _narrowing(), script_known, second)]


# A stream whose known characters are this many times likelier one script than the other.
SCRIPT_MAJORITY = 4


@lru_cache(maxsize=1)
def _scripts() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(script_only("simplified")), frozenset(script_only("traditional"))


@lru_cache(maxsize=1)
def narrowing_sets() -> tuple[str, str, tuple[str, str, str], str]:
    """What the steps before the Viterbi read (native/src/narrowing.rs), as the native core takes
    them: the characters only Simplified writes and only Traditional (a guess keeps the script of
    the characters read for sure around it: the model scores 師 as 师, and it beat 席 in
    Simplified text); the forms running text of a Simplified stream, a Traditional one and
    either seldom writes (``variants.rare_forms``: the model scores 噹 as 当); and the word pairs
    that keep such a form a guess beside its neighbour (``variants.word_pairs``, two characters
    each, one after the other: 叮噹)."""
    rare = tuple("".join(sorted(variants.rare_forms(script))) for script in ("simplified", "traditional", None))
    simplified, traditional = ("".join(sorted(chars)) for chars in _scripts())
    return simplified, traditional, rare, "".join(sorted(variants.word_pairs()))


@lru_cache(maxsize=1)
def _narrowing() -> _native.Narrowing:
    """The native steps before the Viterbi (``choose_ranked``), their sets handed over once."""
    return _native.Narrowing(narrowing_sets(), SCRIPT_MAJORITY)


def guess_finding(kind: str, position: int, char: str, alternative: str = "", margin: float = 0.0) -> Finding:
    """The finding every repair makes for a guessed character: what was chosen, the runner-up,
    and the margin (log-probability of the chosen reading minus the runner-up's)."""
    if not alternative:
        return Finding(kind, position, char)
    return Finding(kind, position, f"{char} (rank 2: {alternative}, margin {margin:.2f})")
