"""The likeliest few of a long list of candidate characters after a given one, without scoring all.

Realign guesses a lost byte among every GBK character that fits it: lists of up to 20,000
characters, ranked by the bigram model after the character before the hole. Scoring the whole
list costs about 0.1 s for each new preceding character, and a real crawl keeps bringing new ones.

But the model scores most pairs the same way whatever the first character is. After a character
in the pair table, a pair never seen (inside a word or in running text) scores ``unseen(b)``, a
function of the second character's unigram; after punctuation, Latin text or nothing, the second character's unigram
itself (but for units after a digit). So each list is sorted once by that base score, and for a
given preceding character only the exceptions (the pairs the model has seen, found from its
successor table, units after a digit, and the candidates outside the pair table) are scored one
by one. The result is exactly ``sorted(range(n), key=lambda i: -score(chars[i]))[:k]``, ties
included, with ``score`` the bigram after ``prev`` (the unigram when there is none).
"""

from __future__ import annotations

import heapq

from cleaner.langmodel import AFTER_DIGIT, PUNCTUATION, CharModel
from cleaner.script.fold import fold_char


class RankedCandidates:
    """One candidate list, with its orders by base score computed once."""

    def __init__(self, chars: list[str], lm: CharModel) -> None:
        self.chars = chars
        self.lm = lm
        self.special: list[int] = []  # outside the pair table: scored one by one after any character
        self.by_fold: dict[str, list[int]] = {}  # folded candidate -> its positions
        table: list[int] = []
        for i, ch in enumerate(chars):
            # Punctuation in the table is scored one by one too: some pairs of marks have fixed
            # scores (two pauses, a closing quote after a sentence end), not the table's.
            # (So is a character that counts as another, a fullwidth digit as 0.)
            if lm.in_table(ch) and ch not in PUNCTUATION and lm.key(ch) == fold_char(ch):
                table.append(i)
                self.by_fold.setdefault(fold_char(ch), []).append(i)
            else:
                self.special.append(i)
        self.units = [i for i in table if chars[i] in AFTER_DIGIT]  # scored apart after a digit
        folds = {i: fold_char(chars[i]) for i in table}
        # Two orders: after a character in the table (the unseen score) and after anything else
        # (the unigram). The first is a rounding of the second, so they are kept apart to stay exact.
        self.after_table = sorted(table, key=lambda i: (-lm.unseen(folds[i]), i))
        self.after_other = sorted(table, key=lambda i: (-lm.unigram(chars[i]), i))

    def top(self, prev: str, k: int) -> list[int]:
        """Positions of the ``k`` likeliest candidates after ``prev``, best first (earlier on ties)."""
        lm, chars = self.lm, self.chars
        score = (lambda ch: lm.bigram(prev, ch)) if prev else lm.unigram
        exact = set(self.special)
        if prev and lm.in_table(prev):
            order = self.after_table
            succ = lm.successors(prev)
            # The seen pairs are the candidates among prev's successors: walk the smaller side
            # (a common character has thousands of successors, a lead byte ~190 characters).
            if len(succ) <= len(self.by_fold):
                for b in succ:
                    exact.update(self.by_fold.get(b, ()))
            else:
                for b, positions in self.by_fold.items():
                    if b in succ:
                        exact.update(positions)
        else:
            order = self.after_other
        if prev.isdigit():
            exact.update(self.units)
        scored = [(-score(chars[i]), i) for i in exact]
        taken = 0
        for i in order:  # already in the order of their score: the first k not scored above
            if taken == k:
                break
            if i not in exact:
                scored.append((-score(chars[i]), i))
                taken += 1
        return [i for _, i in heapq.nsmallest(k, scored)]
