"""Reference oracle for the native trigram pass (native/src/trigram.rs), kept from
cleaner/repair/trigram_fit.py as session 36 wrote it in Python.

Each run of guesses chosen again by a second-order Viterbi over the likeliest candidates of each
guess, scoring a character after two by the running-text trigram smoothed towards the bigram; a
run changes as a whole, only by a margin over the first choice's path. The property tests
(tests/test_trigram_fit.py) hold the native pass to this one: same changes, same margins.
Not part of the product.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from cleaner.langmodel import model

from cleaner.repair.holes import FINAL_BONUS, SENTENCE_END, VARIANT_TIEBREAK
from cleaner.repair.trigram_fit import MARGIN, MIN_GUESSES, SCORED, SMOOTHING, TOP

# The table the product reads (tests may point this at their own, then ``clear_caches``).
DATA = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "chartri.txt"


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """(trigram -> count, pair -> (count of trigrams it begins, how many different third
    characters)), characters folded as the model keys them."""
    tri: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    with DATA.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            pair, total, types, rest = line.rstrip("\n").split("\t")
            first[pair] = (int(total), int(types))
            for entry in rest.split(" "):
                if entry:
                    tri[pair + entry[0]] = int(entry[1:])
    return tri, first


# Resync's trial windows decide the same runs again from each start, and a lattice asks each
# triple twice (forward and backward): both are kept (``clear_caches`` forgets them).
@lru_cache(maxsize=1 << 17)
def trigram(a: str, b: str, c: str) -> float:
    """log P(c | a b): the trigram count smoothed towards the model's bigram."""
    lm = model()
    low = lm.bigram(b, c)
    tri, first = table()
    ka, kb = lm.key(a), lm.key(b)
    seen = first.get(ka + kb)
    if not seen:
        return low
    total, types = seen
    n = tri.get(ka + kb + lm.key(c), 0)
    weight = SMOOTHING * types
    return math.log((n + weight * math.exp(low)) / (total + weight))


def refit(chars: list[str], candidates: list[list[str]], guessed: list[bool], prev: str, final: bool
          ) -> list[tuple[int, str, float]]:
    """The guesses the trigram pass changes: (index, new character, margin) each.

    ``chars``: the first choice of each item; ``candidates``: each item's candidates (as narrowed);
    ``guessed``: which items were chosen among several; ``prev``: the text before the stream;
    ``final``: the stream ends a paragraph (a last guess is likelier a sentence end).
    """
    out: list[tuple[int, str, float]] = []
    n = len(chars)
    k = 0
    while k < n:
        if not guessed[k]:
            k += 1
            continue
        end = k
        while end + 1 < n and guessed[end + 1]:
            end += 1
        if sum(guessed[max(k - 2, 0) : end + 3]) < MIN_GUESSES:  # the gate: too few guesses around
            k = end + 1
            continue
        out += _run(chars, candidates, k, end, prev, final and end == n - 1)
        k = end + 1
    return out


def _shortlist(chars: list[str], cands: list[str], k: int, prev: str) -> list[str]:
    """The TOP candidates of guess ``k`` by the bigram with the first choice's neighbours (the
    first choice among them)."""
    lm = model()
    left = chars[k - 1] if k > 0 else (prev[-1] if prev else None)
    right = chars[k + 1] if k + 1 < len(chars) else None

    def score(c: str) -> float:
        s = lm.bigram(left, c) if left is not None else lm.unigram(c)
        if right is not None:
            s += lm.bigram(c, right)
        return s + VARIANT_TIEBREAK * lm.frequency(c)

    ranked = sorted(cands[:SCORED], key=score, reverse=True)[:TOP]
    if chars[k] not in ranked:  # the first choice among them, past the candidates scored or not
        ranked = ranked[: TOP - 1] + [chars[k]]
    return ranked


def clear_caches() -> None:
    """Forget the table, the scores and decisions kept (after DATA changed: the tests' own tables)."""
    table.cache_clear()
    trigram.cache_clear()
    _decide.cache_clear()


def _run(chars: list[str], candidates: list[list[str]], lo: int, hi: int, prev: str, final: bool
         ) -> list[tuple[int, str, float]]:
    """Guesses ``lo``..``hi`` decided by what the decision depends on alone (``_decide``)."""
    before = (prev + "".join(chars[:lo]))[-3:]
    found = _decide(before, tuple(chars[lo : hi + 1]), tuple(map(tuple, candidates[lo : hi + 1])),
                    "".join(chars[hi + 1 : hi + 3]), final)
    return [(lo + k, c, margin) for k, c, margin in found]


@lru_cache(maxsize=4096)
def _decide(before: str, run: tuple[str, ...], cands: tuple[tuple[str, ...], ...], after: str, final: bool
            ) -> tuple[tuple[int, str, float], ...]:
    """A run (its first choice ``run``, its candidates ``cands``) between the three characters
    before it and the two after it: the changes, by index in the run."""
    chars = list(before) + list(run) + list(after)
    candidates = [[c] for c in before] + [list(c) for c in cands] + [[c] for c in after]
    lo = len(before)
    return tuple((k - lo, c, margin) for k, c, margin in _lattice(chars, candidates, lo, lo + len(run) - 1, "", final))


def _lattice(chars: list[str], candidates: list[list[str]], lo: int, hi: int, prev: str, final: bool
             ) -> list[tuple[int, str, float]]:
    """Guesses ``lo``..``hi`` (one run) chosen again: a second-order Viterbi (states: the
    candidates of two columns) over the two known characters before the run, its shortlists,
    and the two known characters after it; each changed guess with its max-marginal margin."""
    lm = model()
    before = (prev + "".join(chars[:lo]))[-3:]
    # The character before the lattice conditions its first column, as the hole Viterbi's ``prev``.
    outside, context = (before[:-2] or None), before[-2:]
    cols: list[list[str]] = [[c] for c in context]
    start = len(cols)
    cols += [_shortlist(chars, candidates[k], k, prev) for k in range(lo, hi + 1)]
    stop = len(cols) - 1  # the run's last column
    cols += [[c] for c in chars[hi + 1 : hi + 3]]
    emit = [[0.0] * len(col) for col in cols]
    for j in range(start, stop + 1):
        emit[j] = [VARIANT_TIEBREAK * lm.frequency(c) + (FINAL_BONUS if final and j == stop and c in SENTENCE_END else 0.0)
                   for c in cols[j]]
    if len(cols) == 1:  # a stream of one guess and nothing before: nothing to add to the bigram
        return []
    # fwd[t][(i, j)]: the best path's score ending with candidate i of column t and j of t + 1.
    fwd: list[dict[tuple[int, int], float]] = [{}]
    for i0, c0 in enumerate(cols[0]):
        s0 = (lm.bigram(outside[-1], c0) if outside else lm.unigram(c0)) + emit[0][i0]
        for i1, c1 in enumerate(cols[1]):
            fwd[0][(i0, i1)] = s0 + lm.bigram(c0, c1) + emit[1][i1]
    for t in range(1, len(cols) - 1):
        row: dict[tuple[int, int], float] = {}
        for (i0, i1), s in fwd[t - 1].items():
            a, b = cols[t - 1][i0], cols[t][i1]
            for i2, c in enumerate(cols[t + 1]):
                v = s + trigram(a, b, c) + emit[t + 1][i2]
                if v > row.get((i1, i2), -math.inf):
                    row[(i1, i2)] = v
        fwd.append(row)
    bwd: list[dict[tuple[int, int], float]] = [{} for _ in fwd]
    bwd[-1] = dict.fromkeys(fwd[-1], 0.0)
    for t in range(len(fwd) - 2, -1, -1):
        for (i0, i1) in fwd[t]:
            a, b = cols[t][i0], cols[t + 1][i1]
            bwd[t][(i0, i1)] = max(trigram(a, b, c) + emit[t + 2][i2] + bwd[t + 1][(i1, i2)]
                                   for i2, c in enumerate(cols[t + 2]))
    changed = []
    for j in range(start, stop + 1):
        # The best whole path through each candidate of column j (state (j-1, j), or (j, j+1) for column 0).
        t, side = (j - 1, 1) if j else (0, 0)
        through: dict[int, float] = {}
        for key, s in fwd[t].items():
            v = s + bwd[t][key]
            if v > through.get(key[side], -math.inf):
                through[key[side]] = v
        best = max(through, key=lambda i: (through[i], -i))  # ties to the earlier (likelier) candidate
        old = chars[lo + j - start]
        if cols[j][best] != old:
            changed.append((lo + j - start, cols[j][best], through[best] - through[cols[j].index(old)]))
    if not changed:
        return []
    # The run changes as a whole, or not at all: a guess changed alone beside one kept would make
    # a path neither model chose (令以 from 令人 and 力以).
    first = [col[0] for col in cols[:start]] + chars[lo : hi + 1] + [col[0] for col in cols[stop + 1 :]]
    gain = max(through.values()) - _path_score(cols, first, emit, outside)
    return changed if gain >= MARGIN else []


def _path_score(cols: list[list[str]], path: list[str], emit: list[list[float]], outside: str | None) -> float:
    """The lattice's score of one path (a character of each column)."""
    lm = model()
    picks = [col.index(c) for col, c in zip(cols, path, strict=True)]
    score = (lm.bigram(outside[-1], path[0]) if outside else lm.unigram(path[0])) + emit[0][picks[0]]
    score += lm.bigram(path[0], path[1]) + emit[1][picks[1]]
    for j in range(2, len(path)):
        score += trigram(path[j - 2], path[j - 1], path[j]) + emit[j][picks[j]]
    return score
