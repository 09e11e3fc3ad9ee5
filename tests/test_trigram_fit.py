"""The trigram pass over runs of guesses (cleaner/repair/trigram_fit.py, native/src/trigram.rs),
its table, and the native pass held to its Python original (tests/reference_trigram_fit.py)."""

import math

import pytest
import reference_trigram_fit as ref
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import _native
from cleaner.langmodel import model
from cleaner.repair import holes, trigram_fit


def test_table_parses_and_counts_add_up():
    tri, first = ref.table()
    assert len(first) > 10_000 and len(tri) > 30_000
    assert len(trigram_fit.fit()) == len(tri)  # the native table holds what the Python one holds
    kept: dict[str, int] = {}
    for key, n in tri.items():
        assert len(key) == 3 and n >= 3  # pruned at the build's --min-count
        kept[key[:2]] = kept.get(key[:2], 0) + n
    for pair, (total, types) in first.items():
        assert len(pair) == 2 and 1 <= types <= total
        assert kept.get(pair, 0) <= total  # each pair keeps its full count, the kept trigrams' share of it


def test_a_broken_table_is_an_error_not_an_empty_one(tmp_path):
    bad = tmp_path / "chartri.txt"
    bad.write_text("我们\t500\n", encoding="utf-8")
    broken = _native.TrigramFit(str(bad), (8, 48, 10.0, 1.0, 1))
    with pytest.raises(ValueError, match="chartri line 1"):
        len(broken)
    with pytest.raises(ValueError):
        _native.TrigramFit(str(bad), (0, 48, 10.0, 1.0, 1))


def test_pair_never_seen_first_scores_the_bigram():
    lm = model()
    # Two rare characters never written together: the table has no trigram starting with them.
    assert trigram_fit.fit().trigram(lm.native, "龘", "鱻", "的") == lm.bigram("鱻", "的")


def test_seen_trigram_beats_its_bigram_and_unseen_falls_below_it():
    lm = model()
    tri = trigram_fit.fit().trigram
    assert tri(lm.native, "中", "华", "人") > lm.bigram("华", "人")
    # 华 after 中 goes on with 人 or 民 far more than with 大: the trigram says so, the bigram cannot.
    assert tri(lm.native, "中", "华", "大") < lm.bigram("华", "大")


def test_trigram_is_a_distribution_where_the_pair_is_known():
    # Summed over every character the bigram can follow 华 with, the smoothed trigram stays a
    # probability (at most one, as the bigram's own sum is).
    lm = model()
    chars = {k[2] for k in ref.table()[0] if k[:2] == "中华"} | set("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里")
    total = sum(math.exp(trigram_fit.fit().trigram(lm.native, "中", "华", c)) for c in chars)
    bigram_total = sum(math.exp(lm.bigram("华", c)) for c in chars)
    assert total <= 1.0 + 1e-9 and total > bigram_total


# Characters the property tests draw from: common ones (many trigrams among them), a few variants
# and sentence ends (the final bonus), so that runs do change.
POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高程现当。，！？”華國會說"
LM_POOL = st.sampled_from(POOL)


@st.composite
def streams(draw):
    n = draw(st.integers(1, 9))
    chars, cands, guessed = [], [], []
    for _ in range(n):
        if draw(st.booleans()):
            options = draw(st.lists(LM_POOL, min_size=2, max_size=12, unique=True))
            chars.append(draw(st.sampled_from(options)))
            cands.append(options)
            guessed.append(True)
        else:
            c = draw(LM_POOL)
            chars.append(c)
            cands.append([c])
            guessed.append(False)
    prev = draw(st.text(alphabet=POOL, max_size=4))
    return chars, cands, guessed, prev, draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(streams())
def test_native_pass_equals_the_python_original(stream):
    chars, cands, guessed, prev, final = stream
    mine = trigram_fit.fit().refit(model().native, chars, cands, guessed, prev, final)
    theirs = ref.refit(chars, cands, guessed, prev, final)
    assert [(k, c) for k, c, _ in mine] == [(k, c) for k, c, _ in theirs]
    assert [m for _, _, m in mine] == pytest.approx([m for _, _, m in theirs], abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(POOL), st.sampled_from(POOL), st.sampled_from(POOL))
def test_native_trigram_equals_the_python_original(a, b, c):
    assert trigram_fit.fit().trigram(model().native, a, b, c) == pytest.approx(ref.trigram(a, b, c), abs=1e-12)


def test_native_pass_equals_the_python_original_on_runs_that_change():
    # A real run: 中华人民共和国 with every other character a guess among look-alikes; the pass
    # must change something here, or the property test above could pass on empty lists alone.
    chars = list("中化人明共合国")
    cands = [["中"], ["化", "华", "花"], ["人"], ["明", "民", "名"], ["共"], ["合", "和", "河"], ["国"]]
    guessed = [len(c) > 1 for c in cands]
    mine = trigram_fit.fit().refit(model().native, chars, cands, guessed, "", True)
    theirs = ref.refit(chars, cands, guessed, "", True)
    assert mine and [(k, c) for k, c, _ in mine] == [(k, c) for k, c, _ in theirs]
    assert [m for _, _, m in mine] == pytest.approx([m for _, _, m in theirs])


SMALL = "# a table that knows one trigram well (我们丙, which the bigram alone never writes)\n我们\t500\t1\t丙500\n"


@pytest.fixture
def small_table(tmp_path, monkeypatch):
    """The pass with a table that knows 我们丙 alone: it must follow it where 我们 stands before a
    guess, and change nothing elsewhere."""
    path = tmp_path / "chartri.txt"
    path.write_text(SMALL, encoding="utf-8")
    small = _native.TrigramFit(str(path), (trigram_fit.TOP, trigram_fit.SCORED, trigram_fit.SMOOTHING, trigram_fit.MARGIN, 1))
    monkeypatch.setattr(trigram_fit, "fit", lambda: small)
    monkeypatch.setattr(ref, "DATA", path)
    ref.clear_caches()
    yield small
    ref.clear_caches()


def bigram_choice(items, prev=""):
    return "".join(c.char for c in holes.choose_ranked([list(i) for i in items], prev, False, trigram=False))


ITEMS = [["我", 3, ["我"]], ["们", 6, ["们"]], ["的", 9, ["的", "丙"]], ["人", 12, ["人"]]]
CANDS = [i[2] for i in ITEMS]


def refit(small, chars, cands, guessed, prev=""):
    return small.refit(model().native, chars, cands, guessed, prev, False)


def test_refit_follows_the_trigram(small_table):
    first = bigram_choice(ITEMS)
    assert first == "我们的人"  # the bigram's choice
    assert [(k, c) for k, c, _ in refit(small_table, list(first), CANDS, [False, False, True, False])] == [(2, "丙")]


def test_refit_changes_nothing_without_context_or_guesses(small_table):
    assert refit(small_table, list("我们的人"), CANDS, [False] * 4) == []  # no guess
    # 我 not before 们: no trigram the table knows, so the bigram's choice stands.
    assert bigram_choice(ITEMS[1:]) == "们的人"
    assert refit(small_table, list("们的人"), CANDS[1:], [False, True, False]) == []
    # ... and 我 in the text before the stream counts as context.
    assert [c for _, c, _ in refit(small_table, list("们的人"), CANDS[1:], [False, True, False], "我")] == ["丙"]


def test_refit_margin_is_how_much_the_path_gains(small_table):
    (k, char, margin), = refit(small_table, list("我们的人"), CANDS, [False, False, True, False])
    lm = model()

    def tri(a, b, c):
        return small_table.trigram(lm.native, a, b, c)

    gain = (tri("我", "们", "丙") + tri("们", "丙", "人") + holes.VARIANT_TIEBREAK * lm.frequency("丙")) - (
        tri("我", "们", "的") + tri("们", "的", "人") + holes.VARIANT_TIEBREAK * lm.frequency("的"))
    assert char == "丙" and margin == pytest.approx(gain)
    assert ref.refit(list("我们的人"), CANDS, [False, False, True, False], "", False) == [(k, char, pytest.approx(margin))]


def test_choose_ranked_runs_the_pass_and_keeps_the_first_choice_as_alternative(small_table):
    items = [list(i) for i in ITEMS]
    refit_ = holes.choose_ranked(items, "", False)
    assert refit_[2].char == "丙" and refit_[2].alternative == "的" and refit_[2].guessed and refit_[2].margin > 0
    assert items[2][0] == "丙"  # the item's character set to the choice, as the Viterbi sets it
    assert [c.char for c in holes.choose_ranked([list(i) for i in ITEMS], "", False, guess=False)][2] == "\ufffd"


def test_refit_keeps_the_first_choice_below_the_margin(small_table, tmp_path):
    (_, _, margin), = refit(small_table, list("我们的人"), CANDS, [False, False, True, False])
    path = tmp_path / "chartri.txt"
    stricter = _native.TrigramFit(str(path), (trigram_fit.TOP, trigram_fit.SCORED, trigram_fit.SMOOTHING, margin + 0.01, 1))
    assert refit(stricter, list("我们的人"), CANDS, [False, False, True, False]) == []


def test_clean_text_never_reads_the_table(tmp_path):
    # A stream with nothing to guess never reads the table: a path that does not exist is no error.
    missing = _native.TrigramFit(str(tmp_path / "none.txt"), (8, 48, 10.0, 1.0, 1))
    assert missing.refit(model().native, list("我们的人"), [[c] for c in "我们的人"], [False] * 4, "", False) == []
    assert not missing.loaded()


def test_the_gate_leaves_a_guess_among_known_characters_to_the_viterbi(tmp_path):
    path = tmp_path / "chartri.txt"
    path.write_text(SMALL, encoding="utf-8")
    gated = _native.TrigramFit(str(path), (trigram_fit.TOP, trigram_fit.SCORED, trigram_fit.SMOOTHING, trigram_fit.MARGIN, 2))
    lone = [False, False, True, False]
    assert refit(gated, list("我们的人"), CANDS, lone) == []  # one guess, known characters around it
    # A second guess two characters on puts the first in a guessed neighbourhood: both chosen again.
    cands = [*CANDS, ["的", "丙"]]
    changes = refit(gated, list("我们的人的"), cands, [*lone, True])
    assert (2, "丙") in [(k, c) for k, c, _ in changes]
    # The Python original gates alike.
    ref.clear_caches()
    try:
        ref.DATA, ref.MIN_GUESSES = path, 2
        assert ref.refit(list("我们的人"), CANDS, lone, "", False) == []
        assert [(k, c) for k, c, _ in ref.refit(list("我们的人的"), cands, [*lone, True], "", False)] == [(k, c) for k, c, _ in changes]
    finally:
        ref.DATA, ref.MIN_GUESSES = trigram_fit.DATA, trigram_fit.MIN_GUESSES
        ref.clear_caches()


def test_a_clean_page_never_loads_the_table_and_a_misread_one_does(monkeypatch):
    import cleaner

    fresh = _native.TrigramFit(str(trigram_fit.DATA), (trigram_fit.TOP, trigram_fit.SCORED, trigram_fit.SMOOTHING, trigram_fit.MARGIN, trigram_fit.MIN_GUESSES))
    monkeypatch.setattr(trigram_fit, "fit", lambda: fresh)
    cleaner.clean("他说：“这个问题很复杂，我们明天再谈。”会议在北京举行，共有三百人参加。")
    assert not fresh.loaded()
    cleaner.clean("他說：「這個問題很複雜」".encode().decode("big5", "replace"))  # UTF-8 read as Big5: guesses
    assert fresh.loaded()
