"""Byte-level re-decoding of shifted runs (cleaner/repair/realign.py)."""

import pytest

from cleaner.repair.realign import realign, tokenize

# (damaged span, in-step char before it, repaired) — the worked examples of docs/corruption.md §2.
NOTE_CASES = [
    ("轉(zhuǎn)變?yōu)榧夹g(shù)創(chuàng)新", "", "轉變為技術創新"),
    ("的主要?jiǎng)恿χ鸩睫D(zhuǎn)變", "", "的主要動力逐步轉變"),
    ("服務(wù)?!半p創(chuàng)”平臺(tái)", "", "服務。“雙創”平臺"),
]


@pytest.mark.parametrize("span,before,repaired", NOTE_CASES)
def test_note_examples(span, before, repaired):
    assert realign(span, before).text == repaired


def test_second_question_mark_swallowed_a_digit():
    rep = realign("請(qǐng)?jiān)?5日內(nèi)進(jìn)行")
    # 在's trail byte and the digit 1 are gone: one character is guessed, the digit is reported.
    assert rep.text.startswith("請") and rep.text.endswith("5日內進行")
    kinds = [g.kind for g in rep.guesses]
    assert kinds == ["lost-trail", "lost-ascii"]


def test_guessing_off_marks_the_spot():
    rep = realign("請(qǐng)?jiān)?5日內", guess=False)
    assert rep.text == "請\ufffd5日內"


NEGATIVES = [
    "你好吗?我很好。",
    "创新(体验)中心",
    "发布会(2020)在北京举行",
    "他说(OK)没问题",
    "Is it (really) fine? Yes!",
    "第一(a)项",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_clean_text_is_left_alone(text):
    assert realign(text).text == text


def test_tokenize_marks_groups():
    kinds = [k for k, _ in tokenize("國(guó)?yōu)a")]
    assert kinds == ["c", "(", "?(", "c"]


def test_annotation_after_a_realigned_character_is_dropped():
    # Found by `make fuzz`: keeping "(me)" as text used to *earn* its cost instead of paying it.
    assert realign("?nèi)蔹N(me)", "們").text == "容麼"


@pytest.mark.parametrize("clean", ["中國沿海、馬里亞納群島、馬紹爾群島", "湖北、海、江西、廣西、福建",
                                   "空軍子弟學校、臺北市古亭國小"])
def test_shift_before_a_list_comma_reads_the_numbers_nfkc_spelt(clean):
    # A character ending in a3 before 、 (a1 a2): the crawl's decoder lost its lead and read a3 a1
    # as ！ (docs/corruption.md §2.4), so a2 led the next pair into the row of ⒔, ⑴, Ⅸ, which NFKC
    # spells in several signs (13., (1), IX): read as written, the run could not be put in step.
    from damage import lossy_decode, nfkc_punct

    damaged = nfkc_punct(lossy_decode(clean.encode("gbk")))
    q = damaged.index("?")
    assert "?!" in damaged and damaged != clean
    assert damaged[:q] + realign(damaged[q:], damaged[q - 1]).text == clean


def test_keeping_a_group_as_text_costs():
    from cleaner.repair.realign import LITERAL_GROUP_COST

    assert LITERAL_GROUP_COST > 0
    assert realign("麼(me)").text == "麼"


def test_lone_trail_at_the_end_after_an_unassigned_pair():
    # Found by `make fuzz`: 全。 (c8 ab a1 a3) read out of step as (ab a1) -> "?" and a lone a3
    # at the end -> "?". Both characters are guessed and reported, and the span is read again.
    rep = realign("?ér)稳??", "變")
    assert rep.text[:1] == "何" and rep.text.endswith("。") and len(rep.text) == 3  # 何 + a guess + 。
    # 何's lead is one of two bytes that read ér after 變's 83 (児 83 b9, 兒 83 ba): b9 ce would be
    # 刮, so 何 is a guess too, and says so.
    assert [g.kind for g in rep.guesses] == ["lost-lead", "lost-pair", "lost-pair"]


def test_lone_trail_read_with_the_newline_after_it():
    # The same, with a paragraph after: the lone a3 was read with the newline, which is put back.
    rep = realign("?ér)稳??一。", "變")
    assert rep.text.endswith("。\n一。") and rep.guesses[-1].kind == "lost-ascii"


def test_annotation_whose_lead_went_into_an_unassigned_pair():
    # Found by `make fuzz`: 力國 (c1 a6, 87 f8 + "(guó)") read out of step after 昧: (a6 87) is
    # unassigned -> "?", and (f8 "(") -> "?guó)". 國 is told by its syllable, and reported.
    rep = realign("?ér)昧??guó)。", "們")
    assert rep.text.endswith("國。") and "guó" not in rep.text
    # The first character's lead is one of several bytes that read ér after 們: a guess as well.
    assert [g.kind for g in rep.guesses] == ["lost-lead", "lost-pair", "lost-pair"]


def test_byte_lost_with_the_parenthesis_is_never_ascii():
    # Found by `make fuzz`: 方沒 (b7 bd, 9b 5d) holds 經 (bd 9b) across the boundary, so the
    # damage annotated it there: 9b and "(" became "?". Reading the lost byte as ASCII 0x55
    # ("U") is impossible, since an ASCII byte never swallows the "(" after it.
    assert realign("?jīng)]。", "方").text == "沒。"


def test_fast_forward_reads_as_the_beam_does():
    # _fast_forward claims the same result as running the beam over the in-step stretches.
    from conftest import FIXTURES
    from damage import damage_page

    spans = 0
    paths = sorted((FIXTURES / "seeds" / "expected-zh-hans").glob("*.txt")) + sorted((FIXTURES / "clean").glob("*.txt"))
    for path in paths:
        for seed in range(3):
            for line in damage_page(path.read_text(encoding="utf-8"), seed).split("\n"):
                q = line.find("?")
                if q > 0:
                    spans += 1
                    assert realign(line[q:], line[q - 1]) == realign(line[q:], line[q - 1], fast_forward=False)
    assert spans >= 8


def test_lost_byte_that_several_annotated_characters_allow_is_reported_as_a_guess():
    # Found by make fuzz: (jí) after bc allows 級 (bc 89), 即 (bc b4), 极 ...; the lost byte starts
    # the next character (89 ba 壓, b4 ba 春), so that character is a guess and says so.
    from cleaner import Cleaner

    result = Cleaner().run("兒(ér)級(jí)。\n思?jí)罕?zhòng)。")
    guessed = [f for f in result.findings if f.kind == "lost-lead"]
    assert len(guessed) == 1 and result.text.split("\n")[1][1] == guessed[0].detail[0]


def test_no_guess_marks_the_doubted_character():
    from cleaner import Cleaner

    result = Cleaner(guess_lost=False).run("兒(ér)級(jí)。\n思?jí)罕?zhòng)。")
    assert result.text.split("\n")[1] == "思\ufffd众。"


def test_guesses_carry_the_runner_up_and_margin():
    from cleaner.langmodel import model

    lm = model()
    rep = realign("請(qǐng)?jiān)?5日內(nèi)進(jìn)行")
    g = rep.guesses[0]
    assert g.kind == "lost-trail" and g.alternative and g.alternative != g.char and g.alternative in g.options
    # The reading with the runner-up differs by that character only: the margin is the score
    # of the chosen text minus that of the same text with the runner-up.
    other = rep.text[: g.position] + g.alternative + rep.text[g.position + 1 :]
    assert g.margin == pytest.approx(lm.score(rep.text) - lm.score(other))
    assert g.margin >= 0  # the runner-up scores no better in the reading chosen


def test_guess_findings_in_the_result_name_the_runner_up():
    from cleaner import Cleaner

    result = Cleaner().run("請(qǐng)?jiān)?5日內(nèi)進(jìn)行")
    found = [f for f in result.findings if f.kind == "lost-trail"]
    assert len(found) == 1 and "rank 2: " in found[0].detail and "margin " in found[0].detail


def test_guessing_off_marks_a_character_told_only_by_its_syllable():
    # The annotated character after an unassigned pair is read from its syllable alone: a guess,
    # so with guessing off it is a mark too.
    assert "國" in realign("?ér)昧??guó)。", "們").text
    off = realign("?ér)昧??guó)。", "們", guess=False)
    assert "國" not in off.text and off.text.count("\ufffd") >= 3


# --- the beam against its original (tests/reference_realign.py) ---------------------------------

import reference_realign  # noqa: E402
from damage import damage_page  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, clean_line, text_inputs  # noqa: E402



def _same_repair(span: str, before: str, guess: bool) -> None:
    mine, theirs = realign(span, before, guess=guess), reference_realign.realign(span, before, guess=guess)
    assert (mine.text, mine.annotations, mine.inserted_bytes) == (theirs.text, theirs.annotations, theirs.inserted_bytes)
    # Guess equality ignores the options; they are compared too, as are runner-up and margin.
    fields = lambda g: (g.position, g.char, g.kind, g.options, g.alternative, g.margin)  # noqa: E731
    assert [fields(g) for g in mine.guesses] == [fields(g) for g in theirs.guesses]


def _damaged_spans(text: str, seed: int) -> list[tuple[str, str]]:
    """(span from the first "?", the character before it) of each line of the seed chain's damage."""
    out = []
    for line in damage_page(text, seed).split("\n"):
        q = line.find("?")
        if q >= 0:
            out.append((line[q:], line[q - 1] if q else ""))
    return out


# Spans made of what the damage leaves: characters (two-byte ones with trails on both sides of
# 0x80, ASCII and its fullwidth images), question marks, annotations (well-formed and with a
# lost byte) and stretches of real sentences, read in and out of step.
SYLLABLES = ["guó", "wù", "yuàn", "ér", "jí", "zhuǎn", "shù", "me", "nèi", "jīng", "yōu", "zhòng", "qǐng", "tái"]
damaged_piece = st.one_of(
    st.sampled_from(list("國的變为為“”。，！丂亐乗稳昧罕@A!? 15")),
    st.just("?"),
    st.sampled_from(SYLLABLES).map(lambda s: f"({s})"),
    st.sampled_from(SYLLABLES).map(lambda s: f"?{s})"),
    st.sampled_from(["13.", "(1)", "(10)", "IV", "ii", "...", "10", "No"]),  # NFKC images of one pair
    clean_line.map(lambda line: line[:8]),
)
damaged_span = st.lists(damaged_piece, max_size=16).map("".join)


@SETTINGS
@given(span=damaged_span, before=st.sampled_from(["", "們", "國", "變", "方", "，"]), guess=st.booleans())
def test_damaged_spans_are_read_as_the_reference(span, before, guess):
    _same_repair(span, before, guess)


@SETTINGS
@given(text=st.lists(clean_line, min_size=4, max_size=16).map("".join), seed=st.integers(0, 10_000), guess=st.booleans())
def test_seed_chain_lines_are_read_as_the_reference(text, seed, guess):
    for span, before in _damaged_spans(text, seed):
        _same_repair(span, before, guess)


@SETTINGS
@given(text=text_inputs, before=st.sampled_from(["", "們", "國", "，", "a", "變"]), guess=st.booleans())
def test_any_text_is_read_as_the_reference(text, before, guess):
    _same_repair(text, before, guess)


def test_fixture_spans_are_read_as_the_reference():
    from conftest import FIXTURES

    spans = 0
    paths = sorted((FIXTURES / "seeds" / "expected-zh-hans").glob("*.txt")) + sorted((FIXTURES / "clean").glob("*.txt"))
    for path in paths:
        for seed in range(3):
            for span, before in _damaged_spans(path.read_text(encoding="utf-8"), seed):
                spans += 1
                _same_repair(span, before, seed != 1)
    assert spans >= 8


def test_each_syllable_is_handed_what_it_annotates():
    # The native beam is told, once per syllable, which characters it annotates: exactly those
    # pinyin.annotates accepts, in chars_reading order, with their GBK bytes.
    from cleaner.repair import gbk, pinyin
    from cleaner.repair.realign import _annotated

    for syllable in pinyin._by_reading():
        expected = [(ch, gbk.encode_char(ch)) for ch in pinyin.chars_reading(syllable) if pinyin.annotates(ch, syllable)]
        assert _annotated(syllable) == expected, syllable


# --- the GBK bytes of a syllable's characters, from one codec call ---------------------------

@SETTINGS
@given(st.text())
def test_gbk_bytes_are_each_characters_own(text):
    from cleaner.repair import gbk
    from cleaner.repair.realign import _gbk_bytes

    assert _gbk_bytes(text) == [gbk.encode_char(ch) for ch in text]


def test_gbk_bytes_of_every_syllables_characters():
    from cleaner.repair import gbk, pinyin
    from cleaner.repair.realign import _gbk_bytes

    for syllable in pinyin.all_syllables():
        chars = "".join(pinyin.chars_reading(syllable))
        assert _gbk_bytes(chars) == [gbk.encode_char(ch) for ch in chars]
