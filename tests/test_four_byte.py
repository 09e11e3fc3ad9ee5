"""GB18030's four-byte codes read by a GBK decoder (cleaner/repair/four_byte.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair.four_byte import _candidates, repair
from wrong_decoders import DECODERS


def _read_by_gbk(text: str, errors: str = "replace") -> str:
    return DECODERS["gbk"].decode(text.encode("gb18030"), errors)


@pytest.mark.parametrize("word", ["España", "สวนนงนุช", "서울", "Gödel"])
def test_each_code_becomes_one_mark_with_a_finding(word):
    text = f"他说（{word}）是的。"
    broken = _read_by_gbk(text)
    fixed = repair(broken)
    four = [ch for ch in word if len(ch.encode("gb18030")) == 4]
    # The other characters are back as they were, each four-byte one is one U+FFFD.
    assert fixed.text == "".join("\ufffd" if ch in four else ch for ch in text)
    assert len(fixed.findings) == len(four) and all(f.kind == "lost-byte" for f in fixed.findings)
    assert all(fixed.text[f.position] == "\ufffd" for f in fixed.findings)
    assert repair(fixed.text).text == fixed.text  # nothing left to read


def test_the_true_character_is_among_the_candidates():
    for ch in "ñöçĐệสวน서울㐀−∼•":
        code = ch.encode("gb18030")
        assert ch in _candidates()[(code[1] - 0x30, code[3] - 0x30)]


@pytest.mark.parametrize("text", [
    "2004\ufffd3\ufffd1\ufffd",  # a date whose units --no-guess wrote as U+FFFD
    "他说\ufffd1\ufffd2\ufffd3",  # a mark without its digit
    "型号\ufffd1\ufffd23",  # a digit after the code: a number, not a code
    "第1\ufffd2\ufffd3名",
    "温度为5度，价格为10元。",
    "Room \ufffd1\ufffd2 ok",  # GBK 岖1岬2 read by a UTF-8 decoder: no Chinese read as it was
    "电话：\ufffd1\ufffd2",  # too little Chinese to tell
    "我们今天在这里开会\ufffd\ufffd\ufffd\ufffd\ufffd1\ufffd2",  # most marks outside codes: another decoder's
])
def test_marks_and_digits_that_are_no_whole_code_are_left(text):
    assert repair(text).text == text and repair(text).count == 0


def test_through_the_cleaner_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="zh-hans")
    out = cleaner.run(_read_by_gbk("西班牙（España）是欧洲国家，首尔（서울）是韩国首都。"))
    assert out.text == "西班牙（Espa\ufffda）是欧洲国家，首尔（\ufffd\ufffd）是韩国首都。"
    assert any(s.name == "gb18030-four-byte-read-as-gbk" for s in out.steps)
    assert cleaner.clean(out.text) == out.text


def test_one_candidate_the_model_knows_among_hundreds_is_not_named():
    # Digits (4, 3) leave hundreds of candidates (252 hangul syllables among them); the model
    # knows one of them, which is no reason to write it (the review found 쭦 written as that one).
    table = _candidates()
    assert len(table[(4, 3)]) > 100
    broken = _read_by_gbk("他说这个字（쭦）是韩文。")
    assert "\ufffd4\ufffd3" in broken
    assert repair(broken).text == "他说这个字（\ufffd）是韩文。"


def test_a_page_holding_a_two_byte_code_gbk_lacks_still_has_its_codes_read():
    # € is GB18030's a2 e3, which GBK lacks: two marks before the digits. They are no four-byte
    # code and stay (one of a few dozen codes, not read); the four-byte code beside them is read.
    page = "商品价格为€100，西班牙语写作España，是一个国家。".encode("gb18030").decode("gbk", "replace")
    assert "\ufffd\ufffd100" in page and "Espa\ufffd0\ufffd9a" in page
    out = repair(page)
    assert out.count == 1 and "Espa\ufffda" in out.text and "\ufffd\ufffd100" in out.text


@pytest.mark.parametrize("text", [
    "编号从A∼Z依次排列。",  # ∼ (digits 6, 5): written 11 times in the build split's text
    "导演为宫崎骏・小田部羊一等人。",  # ・ (9, 9), 31 times; its rivals ㉚ ㊂ never
    "盘古大陆在侏㑩纪分裂成两块。",  # 㑩 (Extension A) beside Han
    "我们约在9时30分见面•然后出发。",
])
def test_a_character_running_text_writes_far_more_than_its_rivals_is_named_with_a_finding(text):
    # The model knows none of a code's candidates; the build split's text says which one it writes
    # (cleaner/data/four_byte_counts.txt). Named as a guess: a finding, and a mark with --no-guess.
    broken = _read_by_gbk(text)
    fixed = repair(broken)
    assert fixed.text == text
    assert len(fixed.findings) == 1 and fixed.findings[0].kind == "lost-byte"
    assert repair(broken, guess=False).text == "".join("\ufffd" if len(ch.encode("gb18030")) == 4 else ch for ch in text)


def test_a_letter_running_text_writes_is_named_only_beside_a_letter_of_its_script():
    # Cyrillic ә (digits 0, 5) shares its digits with Latin ə, which the text writes 8 times: a
    # Latin letter between Cyrillic ones is not named; nor is 㑩 (Extension A) between brackets.
    for text in ("哈萨克语为Кәк而不是别的。", "这个字（㑩）很少见。"):
        broken = _read_by_gbk(text)
        assert "\ufffd" in repair(broken).text
