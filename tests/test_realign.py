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
