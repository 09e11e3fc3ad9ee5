"""Top candidates after a character without scoring every pair (tests/reference_ranking.py)."""

import pytest

from cleaner.langmodel import model
from cleaner.repair import gbk
from reference_ranking import RankedCandidates

# Preceding characters of every kind the model scores differently: common and rare Han,
# Traditional, punctuation (pausing, sentence end), ASCII letters and digits, a fullwidth digit,
# Latin with a tone mark, and the start of the text.
PREVS = ["国", "的", "發", "鍦", "，", "。", "？", "“", "a", "5", "５", "ó", "\n", ""]


# Long and short lists: the ranker walks the smaller of a character's successors and the list.
@pytest.mark.parametrize("candidates", [gbk.chars_after_unassigned(), gbk.chars_before_unassigned(), gbk.chars_with_lead(0xB9),
                                        gbk.chars_with_trail(0xA1), gbk.chars_with_lead_opening_unassigned(0xB9)],
                         ids=["after-unassigned", "before-unassigned", "lead-b9", "trail-a1", "lead-b9-opening"])
def test_top_equals_scoring_every_candidate(candidates):
    lm = model()
    chars = [ch for _, ch in candidates]
    ranker = RankedCandidates(chars, lm)
    for prev in PREVS:
        for k in (1, 24):
            if prev:
                expected = sorted(range(len(chars)), key=lambda i: -lm.bigram(prev, chars[i]))[:k]
            else:
                expected = sorted(range(len(chars)), key=lambda i: -lm.unigram(chars[i]))[:k]
            assert ranker.top(prev, k) == expected, prev


def test_seen_pair_outranks_its_base_order():
    # 国 is followed by 家 in many words: after 国, 家 must come before characters that are
    # commoner on their own but never follow 国 inside a word.
    lm = model()
    chars = ["的", "是", "家", "了"]
    assert RankedCandidates(chars, lm).top("国", 1) == [2]
    assert RankedCandidates(chars, lm).top("，", 1) == [1]  # 是, the commonest alone
