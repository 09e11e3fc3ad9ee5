"""Zhuyin annotations misread as GBK with bytes a bracket took (cleaner/repair/zhuyin_bytes.py)."""

from cleaner import Cleaner
from cleaner.repair import zhuyin_bytes as zb

LOST = "\ufffd"


def _gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk", "replace")


def test_an_odd_annotation_loses_its_last_byte_to_the_bracket():
    # ㄌㄧㄡˊ is 11 bytes: its last, 8a of ˊ (cb 8a), meets ")" and is marked.
    misread = _gbk("河流(ㄌㄧㄡˊ)")
    assert misread.endswith(LOST + ")")
    fixed = zb.repair(misread)
    assert fixed.text == _gbk("河流") + "(ㄌㄧㄡˊ)" and fixed.count == 1
    # ˉ ˊ ˇ ˋ ˙ all spell a syllable after ㄌㄧㄡ: 流 (liú, read from its bytes) says which.
    [finding] = fixed.findings
    assert finding.kind == "lost-byte" and finding.position == fixed.text.index("ˊ")
    assert finding.detail.startswith("ˊ (rank 2: ")


def test_a_lost_letter_is_chosen_by_the_reading_of_the_character():
    fixed = zb.repair(_gbk("计算神经(ㄐㄧㄥ)科学"))  # ㄐㄧ + a letter: 经 jīng says ㄥ
    assert "(ㄐㄧㄥ)" in fixed.text and [f.detail[:1] for f in fixed.findings] == ["ㄥ"]


def test_the_character_whose_byte_the_bracket_took_is_chosen_with_its_reading():
    # 公 (e5 85 ac): its ac meets "(" and is lost too. 公 gōng, 关 guān, 光 guāng all spell an
    # ending of ㄍㄨ; the model between 50 and 分 chooses 公, and the letter with it.
    misread = _gbk("长可达50公(ㄍㄨㄥ)分。")
    assert LOST + "(" in misread
    fixed = zb.repair(misread)
    assert "(ㄍㄨㄥ)" in fixed.text
    assert "margin" in fixed.findings[0].detail


def test_what_the_bytes_do_not_decide_keeps_a_mark_for_the_letter():
    # No character before (the annotation stands alone): every tone mark spells ㄌㄧㄡ.
    fixed = zb.repair(_gbk("(ㄌㄧㄡˊ)"))
    assert fixed.text == "(ㄌㄧㄡ" + LOST + ")" and fixed.findings == []
    assert zb.repair(fixed.text).text == fixed.text  # no letter is made of the mark later


def test_no_guess_writes_the_guessed_letter_as_a_mark():
    misread = _gbk("河流(ㄌㄧㄡˊ)")
    fixed = zb.repair(misread, guess=False)
    assert fixed.text == _gbk("河流") + "(ㄌㄧㄡ" + LOST + ")"
    assert len(fixed.findings) == 1  # the finding still names the choice
    assert zb.repair(fixed.text, guess=False).text == fixed.text


def test_spaced_syllables_each_lose_a_byte():
    fixed = zb.repair(_gbk("中国(ㄓㄨㄥ ㄍㄨㄛˊ)"))
    assert fixed.text.endswith("(ㄓㄨㄥ ㄍㄨㄛˊ)") and len(fixed.findings) == 2


def test_other_text_in_brackets_is_left():
    for text in ["(销售额�)", "他说(嗯�)", _gbk("(北京)") + LOST, "(ㄌㄧㄡ" + LOST + ")", _gbk("(abc)"),
                 _gbk("(ㄇㄣˊ)")]:  # whole bytes are annotation_letters' to read
        assert zb.repair(text).text == text, text


def test_a_misread_zhuyin_page_comes_back_as_the_clean_page_does():
    text = "长江(ㄔㄤˊ)是中国最长的河流(ㄌㄧㄡˊ)，发源于青藏高原。"
    cleaner = Cleaner(to="keep", remove_furniture=False)
    got = cleaner.run(_gbk(text))
    assert got.text == cleaner.run(text).text
    assert cleaner.run(got.text).text == got.text
    no_guess = Cleaner(to="keep", remove_furniture=False, guess_lost=False).run(_gbk(text))
    assert "ㄌㄧㄡˊ" not in no_guess.text and "ㄌㄧㄡ" + LOST in no_guess.text
