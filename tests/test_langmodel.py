"""The character model (cleaner/langmodel.py): in-word pairs, running-text pairs and the unigram."""

import math
import sys
from pathlib import Path

import pytest

from cleaner import langmodel
from cleaner.script.fold import fold_char

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lm():
    return langmodel.model()


def _in_word_model() -> langmodel.CharModel:
    """The in-word model alone (the model before running text), for comparison."""
    unigrams, bigrams, _ = langmodel.jieba_tables()
    return langmodel.CharModel(unigrams, bigrams)


@pytest.fixture(scope="module")
def old():
    return _in_word_model()


def test_running_text_knows_pairs_across_word_boundaries(lm, old):
    # 在北(京) and ，但 are never inside one dictionary word: the in-word model scores them as
    # unseen; running text has seen them, and scores them above any unseen pair.
    for a, b in ("在", "北"), ("，", "但"):
        assert b not in old.successors(a)
        assert b in lm.successors(a)
        assert lm.bigram(a, b) > lm.unseen(b)
        assert lm.bigram(a, b) > old.bigram(a, b)


def test_words_are_still_known(lm):
    # Interpolation keeps what the in-word counts know: 家 after 国 beats the commoner 的.
    assert lm.bigram("国", "家") > lm.bigram("国", "的")


def test_unseen_is_the_floor_and_depends_on_the_second_character_only(lm):
    # The ranker (tests/reference_ranking.py) relies on both.
    b = "鳞"
    never = [a for a in "的国是了在有" if b not in lm.successors(a)]
    assert len(never) >= 2
    assert {lm.bigram(a, b) for a in never} == {lm.unseen(b)}
    for a in "的国是了在有鱼":
        for c in "鳞家的，":
            assert lm.bigram(a, c) >= lm.unseen(c) - 1e-12


def test_probabilities_after_a_character_sum_to_at_most_one(lm):
    # A proper mixture: over every character the tables know, P(b | a) sums to no more than 1.
    unigrams, _, _ = langmodel.jieba_tables()
    vocabulary = set(unigrams) | langmodel.RUNNING_PUNCT
    for a in "国的，":
        total = sum(math.exp(lm.bigram(a, b)) for b in vocabulary if lm.in_table(b) and b == fold_char(b))
        assert 0.5 < total <= 1.0 + 1e-6, a


def test_punctuation_is_scored_from_running_text(lm, old):
    # Before the running text, a comma cost the same after any character.
    assert old.bigram("了", "，") == old.bigram("的", "，")
    assert lm.bigram("了", "，") > lm.bigram("的", "，")  # 的 is followed by what it qualifies


def test_ascii_punctuation_reads_as_its_fullwidth_mark(lm):
    # A page's NFKC made its punctuation ASCII; the table counts fullwidth marks.
    assert lm.bigram("，", "但") == lm.bigram(",", "但")
    assert lm.in_table(",") and not lm.in_table("a")


def test_the_yen_sign_of_prices_is_a_sign_not_an_unknown_character(lm):
    # At the floor (-16), a re-read that gave a price its ￥ back read worse than the mojibake.
    assert lm.score("￥") == lm.score("%") > langmodel.UNKNOWN


def test_fixed_pairs_of_marks_stay(lm):
    assert lm.bigram("。", "，") == langmodel.DOUBLE_PAUSE_LOGP
    assert lm.bigram("。", "”") == langmodel.CLOSE_AFTER_END_LOGP


def test_lines_and_their_indentation(lm):
    # Web pages indent paragraphs with U+3000 (Wikipedia never does); a line or its indentation
    # never goes on with a pausing mark, and a paragraph seldom ends with a comma.
    assert lm.unigram("\u3000") > lm.unigram("〢") + 5
    assert lm.bigram("\n", "。") == lm.bigram("\u3000", "，") == langmodel.DOUBLE_PAUSE_LOGP
    assert lm.bigram("，", "\n") == langmodel.COMMA_BEFORE_BREAK_LOGP < lm.bigram("？", "\n")


def test_a_bullet_is_likely_where_a_line_starts_and_rare_inside_one(lm):
    # Web pages start list lines with ※ ● ① (Wikipedia's paragraphs, whose counts the tables
    # hold, have none): at a line's start a bullet costs LINE_SIGN_LOGP, inside a line the floor,
    # so a lost byte's guess in mid-sentence is never a bullet.
    for sign in "※●■★":
        assert lm.unigram(sign) == lm.bigram("\n", sign) == lm.bigram("\u3000", sign) == langmodel.LINE_SIGN_LOGP
        assert lm.bigram("司", sign) == lm.bigram("a", sign) == lm.bigram("，", sign) == langmodel.UNKNOWN
        assert lm.bigram(sign, "注") == lm.unigram("注")  # in no table: what follows scores alone


def test_a_letter_that_starts_a_line_is_no_latin_run(lm):
    # A repair that guesses a line break (a lost ASCII byte) must not have the letter after it
    # scored as a Latin word going on: 中國。\nI互聯 read better than 中國工業互聯 for that.
    assert lm.bigram("a", "I") == langmodel.ASCII_RUN_LOGP
    assert lm.bigram("\n", "I") == lm.unigram("I") == langmodel.ALNUM_LOGP


def test_numbers_are_followed_by_what_running_text_puts_after_them(lm, old):
    # The in-word model scores every unit after a digit alike (10月1日 or 10月1时); running text
    # knows dates are commoner, whatever the digit and its width.
    assert old.bigram("1", "日") == old.bigram("1", "时") == langmodel.AFTER_DIGIT_LOGP
    assert lm.bigram("1", "日") > lm.bigram("1", "时")
    assert lm.bigram("1", "日") == lm.bigram("7", "日") == lm.bigram("１", "日")
    assert lm.bigram("第", "3") == lm.bigram("第", "0") > lm.unseen("3")


def test_traditional_is_folded(lm):
    assert lm.bigram("國", "家") == lm.bigram("国", "家")
    assert lm.score("國家") == lm.score("国家")


def test_old_model_is_the_in_word_model(old):
    # No running text, weights (0, 0.5, 0.5): the model before this one, for comparison.
    unigrams, bigrams, _ = langmodel.jieba_tables()
    pair = bigrams["国"]["家"] / unigrams["国"]
    expected = math.log(0.5 * pair + 0.5 * math.exp(old.unigram("家")))
    assert old.bigram("国", "家") == pytest.approx(expected)
    assert not old.in_table("，")


def test_public_api(lm):
    assert lm.score("") == 0.0
    assert lm.score("国家") == pytest.approx(lm.unigram("国") + lm.bigram("国", "家"))
    assert lm.frequency("术") > lm.frequency("朮")
    # Word counts are kept for the words the naive S->T made ambiguous (着/著) only.
    assert langmodel.word_frequency("看着") > 0 and langmodel.word_frequency("着没有这个词") == 0


def test_use_swaps_the_model_for_every_repair():
    other = _in_word_model()
    langmodel.use(other)
    try:
        assert langmodel.model() is other
    finally:
        langmodel.use(None)
    assert langmodel.model() is not other


def test_running_table_file_is_well_formed():
    table = langmodel.read_running(langmodel.running_path())
    assert len(table) > 3000
    for first, (total, after) in table.items():
        assert len(first) == 1 and total >= sum(after.values())
        assert all(len(b) == 1 and n >= 2 for b, n in after.items())  # pruned: pairs seen once dropped


def test_running_table_is_built_from_the_build_part_only():
    # Recount the build part of the wiki corpus: the shipped file must be exactly that, so no
    # measured paragraph went into it.
    split = ROOT / "benchmarks" / "wiki_split.py"
    wiki = ROOT.parent / "shared" / "corpora" / "wiki"
    if not wiki.exists():
        pytest.skip("../shared/corpora/wiki is not here")
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(split.parent))
    import build_charlm

    counts = build_charlm.count(build_charlm.paragraphs())
    shipped = langmodel.read_running(langmodel.running_path())
    assert set(shipped) == set(counts)
    for first, (total, after) in shipped.items():
        assert total == sum(counts[first].values())
        assert after == {b: n for b, n in counts[first].items() if n >= 2}


# --- the native model against its Python original (tests/reference_langmodel.py) -------------

from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402
from reference_langmodel import CharModel as ReferenceModel  # noqa: E402
from reference_langmodel import model as reference_model  # noqa: E402

# Characters the scores treat apart: punctuation in both widths, digits, pauses, quotes, units
# after a digit, corner brackets, Traditional forms and characters no table knows.
SPECIAL = "，。、“”：；！？（）《》·—…,.:;!?()「」『』【】〔〕〖〗〈〉０１２３0123456789 \n\u3000\"'%+-/年月日号万元國際經濟發展為與龘𠀀aZ※●①"
token = st.one_of(st.just(""), st.sampled_from(SPECIAL), st.characters(exclude_categories=("Cs",)))


def _same(a: float, b: float) -> bool:
    return a == b and math.copysign(1, a) == math.copysign(1, b)  # to the last bit


def test_brackets_the_web_uses_count_as_what_they_stand_for():
    # Wikipedia's running text has few 【】〔〕: counted at the floor, a misread 【关闭】 came back 【关闭。
    lm = langmodel.model()
    assert [lm.key(c) for c in "【】〔〕〈〉"] == list("（）（）〈〉")
    assert lm.bigram("年", "】") == lm.bigram("年", "）") > lm.unseen("】")


@pytest.fixture(scope="module")
def pair_of_old():
    unigrams, bigrams, _ = langmodel.jieba_tables()
    return langmodel.CharModel(unigrams, bigrams), ReferenceModel(unigrams, bigrams)


@SETTINGS
@given(a=token, b=token)
def test_native_scores_are_the_reference_scores_to_the_last_bit(a, b):
    lm, ref = langmodel.model(), reference_model()
    assert _same(lm.unigram(a), ref.unigram(a))
    assert _same(lm.frequency(a), ref.frequency(a))
    assert _same(lm.bigram(a, b), ref.bigram(a, b)), (a, b)
    assert lm.key(a) == ref.key(a)
    assert lm.in_table(a) == ref.in_table(a)
    if a:
        assert _same(lm.unseen(a), ref.unseen(a))


@SETTINGS
@given(text=text_inputs)
def test_native_text_scores_are_the_reference_scores(text):
    lm, ref = langmodel.model(), reference_model()
    assert _same(lm.score(text), ref.score(text))
    folded = langmodel.normalize_punct(text)
    assert _same(lm.score(folded), ref.score(folded))


@SETTINGS
@given(text=text_inputs)
def test_native_prefix_scores_are_the_reference_sums_to_the_last_bit(text):
    from reference_langmodel import prefix_scores

    native, ref = langmodel.model().native.prefix_scores(text), prefix_scores(reference_model(), text)
    assert len(native) == len(ref) and all(_same(a, b) for a, b in zip(native, ref, strict=True))


# Texts holding characters whose fold in a text is not their own (復甦 is 复苏, 甦 alone stays),
# which the native per_char leaves to OpenCC, besides the other inputs.
sensitive_text = st.lists(st.sampled_from(["復甦", "乾隆", "瞭解", "於是", "國家", "藉口", "甦", "乾", "\uf900", "龘", "，", "a"]),
                          max_size=8).map("".join)


@SETTINGS
@given(text=st.one_of(text_inputs, sensitive_text))
def test_per_char_is_the_reference_score_of_the_text_folded_whole(text):
    from reference_langmodel import per_char

    assert _same(langmodel.per_char(text), per_char(text)), text


def test_per_char_is_native_for_a_text_that_folds_character_by_character(lm):
    native = langmodel._per_char(langmodel.model())
    assert native is not None
    assert native("國家發展的龘a，") is not None
    assert native("復甦") is None  # OpenCC folds it as a phrase: left to the caller


@SETTINGS
@given(a=token, b=token)
def test_the_in_word_model_agrees_with_its_reference(pair_of_old, a, b):
    old, ref = pair_of_old
    assert _same(old.bigram(a, b), ref.bigram(a, b)), (a, b)
    assert old.in_table(a) == ref.in_table(a) and old.key(a) == ref.key(a)


def test_every_seen_pair_scores_as_the_reference(lm):
    # Every pair the tables hold (in words and in running text), folded and not.
    ref = reference_model()
    unigrams, bigrams, _ = langmodel.jieba_tables()
    pairs = [(a, b) for a, after in bigrams.items() for b in after][::7]
    pairs += [(a, b) for a, (_, after) in langmodel.running_table().items() for b in after][::3]
    assert len(pairs) > 70_000
    assert all(_same(lm.bigram(a, b), ref.bigram(a, b)) for a, b in pairs)
    assert all(_same(lm.unigram(c), ref.unigram(c)) for c in unigrams)


def test_fold_pairs_are_fold_char_for_every_code_point():
    # The native model folds by a table of OpenCC's answers, asked in one conversion.
    pairs = dict(langmodel.fold_pairs())
    for c in [*range(0x80, 0xD800), *range(0xE000, 0x10000), *range(0x20000, 0x2A6E0, 7)]:
        ch = chr(c)
        assert pairs.get(ch, ch) == fold_char(ch), hex(c)


def test_tokens_longer_than_a_character_are_refused(lm):
    with pytest.raises(ValueError):
        lm.bigram("国家", "的")


# --- the compact table the native core reads (langmodel.native_table) ------------------------


@pytest.fixture(scope="module")
def dict_built():
    """The model of model()'s counts, handed over as dicts (as before the table)."""
    unigrams, bigrams, _ = langmodel.jieba_tables()
    return langmodel.CharModel(unigrams, bigrams, langmodel.running_table())


def test_the_table_read_model_is_the_dict_built_model_on_every_seen_pair(lm, dict_built):
    unigrams, bigrams, _ = langmodel.jieba_tables()
    pairs = [(a, b) for a, after in bigrams.items() for b in after]
    pairs += [(a, b) for a, (_, after) in langmodel.running_table().items() for b in after]
    pairs += [(b, a) for a, b in pairs[::11]]  # and pairs never seen
    assert len(pairs) > 400_000
    assert all(_same(lm.bigram(a, b), dict_built.bigram(a, b)) for a, b in pairs)
    assert all(_same(lm.unigram(c), dict_built.unigram(c)) and _same(lm.frequency(c), dict_built.frequency(c))
               for c in unigrams)
    assert all(lm.key(c) == dict_built.key(c) for c, _ in langmodel.fold_pairs())


@SETTINGS
@given(a=token, b=token, text=text_inputs)
def test_the_table_read_model_scores_random_input_as_the_dict_built_model(dict_built, a, b, text):
    lm = langmodel.model()
    assert _same(lm.bigram(a, b), dict_built.bigram(a, b)) and _same(lm.unseen(a), dict_built.unseen(a))
    assert lm.in_table(a) == dict_built.in_table(a)
    assert _same(lm.score(text), dict_built.score(text))
    assert lm.native.prefix_scores(text) == dict_built.native.prefix_scores(text)


def test_a_table_keeps_what_the_dicts_give_even_keys_that_are_no_character():
    # A key longer than one character counts in the unigram total (so in every unigram score)
    # and is never asked for; the in-word model alone (no running pairs) has no running table.
    from cleaner import _native

    unigrams, bigrams = {"国": 30, "家": 20, "的": 50, "国家": 7}, {"国": {"家": 10, "家的": 3}, "国家": {"的": 1}}
    running = {"国": (40, {"家": 8}), "0": (10, {"年": 5})}
    fold = langmodel.fold_pairs()
    for run, weights in ((running, langmodel.WEIGHTS), ({}, langmodel.OLD_WEIGHTS)):
        table = _native.char_model_from_table(langmodel.write_table(unigrams, bigrams, run, fold), weights)
        made = _native.CharModel(unigrams, bigrams, run, weights, fold)
        for a in ["", "国", "國", "家", "的", "0", "7", "年", "，", "\n", "a", "龘"]:
            assert _same(table.unigram(a), made.unigram(a)) and table.key(a) == made.key(a)
            for b in ["国", "家", "的", "年", "，", "龘"]:
                assert _same(table.bigram(a, b), made.bigram(a, b)), (a, b, weights)


def test_a_damaged_table_is_refused_with_a_value_error():
    from cleaner import _native

    table = langmodel.write_table({"国": 3}, {"国": {"家": 1}}, {}, [("國", "国")])
    for bad in (table[:-1], table + b"\0", b"CLCM" + (99).to_bytes(4, "little") + table[8:], b""):
        with pytest.raises(ValueError):
            _native.char_model_from_table(bad, langmodel.WEIGHTS)


def test_successors_of_the_table_read_model_are_read_from_the_counts(lm):
    bigrams, running = langmodel.jieba_tables()[1], langmodel.running_table()
    expected = dict(bigrams["国"])
    for b, n in running["国"][1].items():
        expected[b] = expected.get(b, 0) + n
    assert lm.successors("國") == expected


def test_the_ambiguous_words_are_read_without_the_counts(monkeypatch):
    # word_frequency (the conversion's 着/著) has a small table of its own: a process that converts
    # Traditional text does not read the 4 MB of in-word counts for 800 words.
    langmodel.word_frequency("看着")  # the small table built, if this cache has none yet
    langmodel._words_with_ambiguous.cache_clear()
    langmodel._tables.cache_clear()
    try:
        assert langmodel.word_frequency("看着") > 0
        assert langmodel._tables.cache_info().currsize == 0
    finally:
        langmodel._words_with_ambiguous.cache_clear()


_PAIR_CHARS = st.sampled_from(list("的国家是了在有北京，但鳞鱼國「」“”0９aA .、-\u3000靚瑞士攝入聲寵愛甬江") + ["", "\U00020000"])


@SETTINGS
@given(_PAIR_CHARS, _PAIR_CHARS)
@example("在", "北")
@example("國", "家")
def test_follows_asks_the_table_what_successors_asks_the_counts(lm, old, a, b):
    # The native answer (the pairs of the table the model reads) for either model: the running
    # text one read from its table, and the in-word one made from the counts.
    for model in (lm, old):
        assert model.follows(a, b) == (model.key(b) in model.successors(a)), (a, b)
