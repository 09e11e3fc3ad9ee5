"""Choosing the characters of bytes with holes (cleaner/repair/holes.py): double-encoded text that lost bytes.

The byte streams with holes are read by the GBK hole reader the product used before
``reread.read`` (kept in tests/reference_holes.py): the simplest reading of a misread line.
"""

import pytest
import reference_holes
from conftest import FIXTURES
from damage import naive_s2t

from cleaner import Cleaner
from cleaner.repair import holes
from cleaner.repair.mojibake import fix_utf8_as_gbk
from cleaner.script.fold import fold

SEED_EXPECTED = sorted((FIXTURES / "seeds" / "expected-zh-hans").glob("*.txt"))


def misread(text: str, source: str) -> str:
    return text.encode(source).decode("gbk", errors="replace")


def test_hole_is_one_byte_and_keeps_order():
    stream, ends = reference_holes.byte_view("宸\ufffd")
    assert stream == [0xE5, 0xB7, None] and ends == [2, 3]


def test_hole_byte_must_make_a_pair_gbk_rejects():
    # 0x80 is never a GBK lead; 0xB0 0xA1 is 啊, so 0xB0 before 0xA1 cannot have been lost.
    assert reference_holes.gbk_rejects(0x80, 0xA1)
    assert not reference_holes.gbk_rejects(0xB0, 0xA1)


@pytest.mark.parametrize(
    "sentence",
    [
        "国家卫生健康委员会表示，将继续深化医药卫生体制改革。",
        "海关总署新闻发言人表示，当前外部环境依然复杂严峻。",
    ],
)
def test_utf8_line_with_lost_bytes_comes_back(sentence):
    broken = misread(sentence, "utf-8")
    assert "\ufffd" in broken  # the test must exercise lost bytes
    assert fix_utf8_as_gbk(broken)[0] == sentence


# Where a byte is lost the character is a guess from context; on whole articles the share of
# wrong guesses must stay small. Thresholds are wrong characters per 1,000 misread characters
# (measured when written: UTF-8 3.8, Big5 34 - Big5 loses far more bytes to GBK's gaps).
@pytest.mark.parametrize("source,per_mille", [("utf-8", 5), ("big5", 40)])
def test_misread_articles_come_back(source, per_mille):
    from test_repair import errors

    wrong = total = 0
    for path in sorted((FIXTURES / "clean").glob("*.txt")) + SEED_EXPECTED:
        for line in path.read_text(encoding="utf-8").splitlines():
            original = naive_s2t(line) if source == "big5" else line
            fixed = fold(fix_utf8_as_gbk(misread(original, source))[0])
            wrong += errors(fixed, fold(original))
            total += len(line)
    assert 1000 * wrong / total <= per_mille


def test_two_lost_bytes_at_paragraph_end_read_as_full_stop():
    broken = misread("推动数字化转型。", "utf-8")
    assert broken.endswith("\ufffd\ufffd")
    assert fix_utf8_as_gbk(broken)[0] == "推动数字化转型。"


def test_pinyin_words_are_not_runs():
    text = "調(diào)研，Café 與 naïve"
    assert fix_utf8_as_gbk(text)[0] == text


def _whole_chain_viterbi(chosen, prev, final):
    """The Viterbi over the whole chain, as written before runs were decided one by one."""
    import math

    from cleaner.langmodel import model
    from cleaner.script.fold import fold_char

    lm = model()
    beam = {fold_char(prev[-1:]) if prev else "": (0.0, ())}
    for k, item in enumerate(chosen):
        cands, nxt = item[2], {}
        for c in cands:
            f = fold_char(c)
            bonus = holes.FINAL_BONUS if final and k == len(chosen) - 1 and c in holes.SENTENCE_END else 0.0
            bonus += holes.VARIANT_TIEBREAK * lm.frequency(c)
            best, best_path = -math.inf, ()
            for p, (score, path) in beam.items():
                value = score + (lm.bigram(p, f) if p else lm.unigram(f))
                if value > best:
                    best, best_path = value, path
            key = f if len(cands) < 2 else c
            if key not in nxt or best + bonus > nxt[key][0]:
                nxt[key] = (best + bonus, (c, best_path))
        beam = nxt
    path = max(beam.values(), key=lambda sp: sp[0])[1]
    out = []
    while path:
        c, path = path
        out.append(c)
    return out[::-1]


@pytest.mark.parametrize("source", ["utf-8", "big5"])
def test_runs_decided_one_by_one_equal_the_whole_chain(source):
    # Each run of ambiguous characters is decided between the known characters around it; a
    # known character joins all paths, so this must pick exactly what the whole-chain Viterbi does.
    compared = 0
    for path in SEED_EXPECTED[:3]:
        for line in path.read_text(encoding="utf-8").splitlines()[:12]:
            original = naive_s2t(line) if source == "big5" else line
            stream, _ = reference_holes.byte_view(misread(original, source))
            items, complete = reference_holes.read(stream, source)
            if sum(len(item[2]) > 1 for item in items) < 2:
                continue
            narrowed = [list(item) for item in items]
            holes._narrowing().narrow(narrowed, "，")  # the product's steps before its Viterbi
            expected = _whole_chain_viterbi(narrowed, "，", complete)
            assert [ch for ch, _, _ in holes.choose(items, "，", complete, trigram=False)] == expected
            compared += 1
    assert compared >= 5


def _misread_items(sentence: str):
    stream, _ = reference_holes.byte_view(misread(sentence, "utf-8"))
    items, complete = reference_holes.read(stream, "utf-8")
    assert complete
    return items


GUESSED_SENTENCE = "国家卫生健康委员会表示，将继续深化医药卫生体制改革。"


def test_every_guess_has_its_runner_up_and_margin():
    from cleaner.langmodel import model

    lm = model()
    items = _misread_items(GUESSED_SENTENCE)
    chosen = holes.choose_ranked([list(i) for i in items], "", True)
    text = "".join(c.char for c in chosen)
    assert text == GUESSED_SENTENCE
    guesses = [k for k, c in enumerate(chosen) if c.guessed]
    assert guesses
    checked = 0
    for k in guesses:
        c = chosen[k]
        assert c.alternative and c.alternative != c.char and c.alternative in items[k][2]
        assert c.margin >= 0
        isolated = (k == 0 or not chosen[k - 1].guessed) and (k + 1 == len(chosen) or not chosen[k + 1].guessed)
        if isolated and c.char not in holes.SENTENCE_END and c.alternative not in holes.SENTENCE_END:
            # The best reading through the runner-up differs in this character only: the margin
            # is the difference of the two texts' scores (and of the variant tie-break).
            other = text[:k] + c.alternative + text[k + 1 :]
            expected = lm.score(text) - lm.score(other)
            expected += holes.VARIANT_TIEBREAK * (lm.frequency(c.char) - lm.frequency(c.alternative))
            assert c.margin == pytest.approx(expected)
            checked += 1
    assert checked


def test_choose_keeps_its_triples():
    items = _misread_items(GUESSED_SENTENCE)
    ranked = holes.choose_ranked([list(i) for i in items], "", True)
    assert holes.choose([list(i) for i in items], "", True) == [(c.char, c.end, c.guessed) for c in ranked]


def test_guessing_off_writes_a_mark_for_every_guessed_character():
    items = _misread_items(GUESSED_SENTENCE)
    marked = holes.choose([list(i) for i in items], "", True, guess=False)
    guessed = holes.choose([list(i) for i in items], "", True)
    assert any(g for _, _, g in guessed)
    for (ch, _, g), (right, _, _) in zip(marked, guessed, strict=True):
        assert ch == ("\ufffd" if g else right)


def test_guess_finding_names_the_runner_up_and_margin():
    f = holes.guess_finding("lost-byte", 7, "国", "图", 3.14159)
    assert (f.kind, f.position, f.detail) == ("lost-byte", 7, "国 (rank 2: 图, margin 3.14)")
    assert holes.guess_finding("lost-byte", 7, "国").detail == "国"


# --- the native choice against the Python original (tests/reference_holes.py) ----------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402

from cleaner.repair import reread  # noqa: E402
from cleaner.repair.decoders import BIG5_FAMILY, GBK_FAMILY, byte_view  # noqa: E402


def _agree(items, prev, final, guess):
    mine, theirs = [list(i) for i in items], [list(i) for i in items]
    assert holes.choose_ranked(mine, prev, final, guess, trigram=False) == reference_holes.choose_ranked(theirs, prev, final, guess)
    assert mine == theirs  # each item's character set to the chosen one, as the original does


@SETTINGS
@given(text=text_inputs, family=st.sampled_from([GBK_FAMILY, BIG5_FAMILY]), source=st.sampled_from(["utf-8", "gbk", "big5"]),
       ignore=st.booleans(), prev=st.sampled_from(["", "，", "国", "a", "國家", "1"]), final=st.booleans(), guess=st.booleans())
def test_native_choice_is_the_reference(text, family, source, ignore, prev, final, guess):
    stream, _ = byte_view(text, family)
    items, _ = reread.read(stream, source, family, ignore)
    _agree(items, prev, final, guess)


@SETTINGS
@given(items=st.lists(st.lists(st.sampled_from("国家的了，。”！龘發展为為1a"), min_size=1, max_size=6, unique=True), max_size=10),
       prev=st.sampled_from(["", "。", "国"]), final=st.booleans())
def test_native_choice_of_any_candidates_is_the_reference(items, prev, final):
    # Candidate lists of any shape: runs of guesses, known characters between, variants.
    _agree([[cands[0], k + 1, cands] for k, cands in enumerate(items)], prev, final, True)


# Characters for wide candidate lists: common ones (many seen pairs), signs, digits, Latin, a rare one.
_WIDE_POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龘。，、“”！1a"


@pytest.mark.parametrize("seed", range(4))
def test_native_choice_of_wide_candidate_lists_is_the_reference(seed):
    # Lists of 64 candidates or more (utf8_marks.WIDE) score their pairs from the successors in
    # the native Viterbi (viterbi.rs's pair_table): the same choice and margins as asked pair by
    # pair, with a known character, a digit and a pause among them.
    import random

    rng = random.Random(seed)
    pool = list(_WIDE_POOL)
    items = [[c[0], k + 1, c] for k, c in enumerate(rng.sample(pool, rng.randint(64, 100)) for _ in range(3))]
    items.insert(rng.randint(0, 3), ["国", 0, ["国"]])
    _agree(items, rng.choice(["", "。", "国", "1"]), bool(seed % 2), True)


def test_damaged_lines_are_chosen_as_the_reference():
    from native_inputs import CLEAN_LINES

    for line in CLEAN_LINES[:60]:
        for source in ("utf-8", "big5"):
            original = naive_s2t(line) if source == "big5" else line
            stream, _ = byte_view(misread(original, source), GBK_FAMILY)
            items, complete = reread.read(stream, source if source == "utf-8" else "big5", GBK_FAMILY)
            _agree(items, "，", complete, True)


@pytest.mark.parametrize("line", ["公司碰头。放下电话，迎面看到我班上的两位学生，一位姓黄，一位姓周。",
                                  "中国种植业生产风险分区研究——以粮棉为例"])
def test_a_guess_keeps_the_script_around_it(line):
    # The model scores characters folded to Simplified: 壓 (压) beat 姓 and 來 (来) beat 例 in
    # Simplified text, where a Traditional-only character cannot be.
    from cleaner import Cleaner
    from cleaner.config import Config

    cleaner = Cleaner.for_config(Config(to="keep", remove_furniture=False))
    assert cleaner.run(line.encode().decode("gbk", "replace")).text == line


def test_both_scripts_keep_their_candidates_when_the_text_is_mixed():
    items = [["国", 3, ["国"]], ["國", 6, ["國"]], ["师", 9, ["师", "師", "席"]]]
    holes._narrowing().narrow(items, "")
    assert items[2][2] == ["师", "師", "席"]
    items = [["国", 3, ["国"]], ["说", 6, ["说"]], ["師", 9, ["師", "席"]]]
    holes._narrowing().narrow(items, "")
    assert items[2] == ["席", 9, ["席"]]


def test_where_the_known_characters_cannot_tell_the_script_both_are_kept():
    # A narrower table (gb2312 reading GBK) lost exactly the characters outside it: the ones left
    # look Simplified (挡 欢 read out of step) while the lost ones are Traditional.
    items = [["国", 3, ["国"]], ["说", 6, ["说"]], ["師", 9, ["師", "席"]]]
    holes._narrowing().narrow(items, "", script_known=False)
    assert items[2][2] == ["師", "席"]
    holes._narrowing().narrow(items, "")
    assert items[2][2] == ["席"]


def test_a_guess_is_no_fullwidth_digit_alone():
    # ！ (ef bc 81) and ０ (ef bc 90) both fit a hole of cp1252; the model scores ０ as any digit.
    items = [["他", 1, ["他"]], ["０", 2, ["０", "！", "，"]], ["。", 3, ["。"]]]
    holes._narrowing().narrow(items, "")
    assert items[1][2] == ["！", "，"] and items[1][0] == "！"


def test_a_fullwidth_digit_beside_one_stays_a_candidate():
    items = [["２", 1, ["２"]], ["０", 2, ["０", "！"]]]
    holes._narrowing().narrow(items, "")
    assert items[1][2] == ["０", "！"]
    items = [["０", 1, ["０", "！"]]]
    holes._narrowing().narrow(items, "１")
    assert items[0][2] == ["０", "！"]


NUMBER_LINES = ["東犬燈塔由地面至風標的總高為六十四英尺，即一九點五公尺。其基地呈長方形，長約一八四公尺，寬約六一.五公尺，面積約一二三一六平方公尺。",
                "该公司去年营收约八百六十亿元，同比增长一成七，员工总数为三万四千六百人。"]


@pytest.mark.parametrize("line", NUMBER_LINES)
def test_a_guess_beside_a_numeral_never_changes_a_number(line):
    # 八 and 六 are e5 85 ab and e5 85 ad, 一 and 中 e4 b8 80 and e4 b8 ad: a numeral whose bytes
    # were lost is marked (U+FFFD, with its finding), never written as another numeral.
    from cleaner import Cleaner

    damaged = line.encode("utf-8").decode("gbk", errors="replace")
    result = Cleaner(remove_furniture=False, to="keep").run(damaged)
    assert len(result.text) == len(line)
    for got, want in zip(result.text, line, strict=True):
        if want in holes.NUMERALS:
            assert got in (want, holes.LOST)
    marked = [i for i, ch in enumerate(result.text) if ch == holes.LOST]
    assert len([f for f in result.findings if f.kind == "lost-byte"]) >= len(marked)


def test_a_guess_away_from_numbers_is_written():
    choice = holes.Choice("六", 3, True, "八", 1.0, ("六", "八"))
    assert holes.changes_a_number("约一六四公尺", 2, choice)
    # The same numeral beside the same numerals, with no other numeral its bytes allow: written.
    assert not holes.changes_a_number("约一六四公尺", 2, holes.Choice("六", 3, True, "谈", 1.0, ("六", "谈")))


def test_a_numeral_whose_bytes_allow_only_another_kind_is_written():
    # 十 (e5 8d 81: cp1252 loses 8d and 81) allows 叁 alone among numerals, a formal one: no
    # everyday number is written 二叁九 (review19 F2: 二十九 came back 二�九).
    choice = holes.Choice("十", 3, True, "叁", 1.0, ("十", "叁", "名"))
    assert not holes.changes_a_number("二十九岁", 1, choice)
    assert holes.changes_a_number("二十九岁", 1, holes.Choice("十", 3, True, "千", 1.0, ("十", "千")))
    damaged = "他今年二十九岁，第十一届。".encode().decode("cp1252", "replace")
    assert Cleaner(to="keep").clean(damaged) == "他今年二十九岁，第十一届。"


# --- the native steps before the Viterbi against the Python original (tests/reference_holes.py) ---

def _narrowing_pool() -> str:
    """Characters each step asks about: either script's own, rare forms and the words that keep
    them, fullwidth digits, and common characters both scripts write."""
    simplified, traditional, rare, pairs = holes.narrowing_sets()
    return "".join(sorted(set(simplified[:40] + traditional[:40] + "".join(r[:20] for r in rare) + pairs[:40]
                              + "０１２３的国家在是了國說師席叮噹當地，。")))


@SETTINGS
@given(data=st.data(), prev=st.sampled_from(["", "国", "國", "叮", "１", "，"]), script_known=st.booleans())
def test_native_narrowing_is_the_reference(data, prev, script_known):
    pool = _narrowing_pool()
    chars = st.sampled_from(pool)
    items = []
    for k in range(data.draw(st.integers(1, 8))):
        candidates = data.draw(st.lists(chars, min_size=1, max_size=5, unique=True))
        items.append([data.draw(st.sampled_from(candidates)), k + 1, candidates])
    mine, theirs = [list(i) for i in items], [list(i) for i in items]
    holes._narrowing().narrow(mine, prev, script_known)
    reference_holes.narrow(theirs, prev, script_known)
    assert mine == theirs
    # And inside the choice: the same candidates, each item's character the chosen one.
    mine, theirs = [list(i) for i in items], [list(i) for i in items]
    chosen = holes.choose_ranked(mine, prev, True, script_known=script_known)
    reference_holes.narrow(theirs, prev, script_known)
    assert [m[2] for m in mine] == [t[2] for t in theirs]
    assert [m[0] for m in mine] == [c.char for c in chosen]


def test_a_line_that_writes_fullwidth_digits_may_have_one_guessed():
    # Big5 read by GBK: 第１季's １ (a2 b0) lost a byte, its neighbours 第 and 季 no digits; the
    # line's １２％ read for sure says it writes its digits fullwidth (the guess was 為).
    from cleaner import Cleaner

    line = "今年第１季營收成長１２％，較去年同期增加。"
    out = Cleaner(to="keep", remove_furniture=False).clean(line.encode("cp950").decode("gbk", "replace"))
    assert "第1季" in out and "12%" in out
