"""UTF-8 read as cp1252 whose no-break spaces became spaces (cleaner/repair/blank_bytes.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair.blank_bytes import repair

# Each holds characters whose UTF-8 has the byte a0: 标 e6 a0 87, 格 e6 a0 bc, 因 e5 9b a0, 造 e9 80 a0.
SENTENCES = ["请确保符合维基百科收录标准的格式，因为无法核实的内容将被删除，造成损失。",
             "这座桥梁的建造标准很高，因此格外坚固。"]


def _shown_with_spaces(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace").replace("\u00a0", " ")


@pytest.mark.parametrize("clean", SENTENCES)
def test_a_space_inside_a_misread_character_is_its_byte_again(clean):
    damaged = _shown_with_spaces(clean)
    assert " " in damaged
    result = Cleaner(remove_furniture=False, to="keep").run(damaged)
    assert result.text == clean
    assert "repair:nbsp-read-as-space x1" in [str(s) for s in result.steps]


def test_the_space_becomes_the_no_break_space_it_was_shown_as():
    damaged = _shown_with_spaces("收录标准")
    text, count, _ = repair(damaged)
    assert count == 1 and text == "收录标准".encode("utf-8").decode("cp1252")


def test_a_choice_among_readings_is_a_finding_and_without_guessing_a_mark():
    damaged = _shown_with_spaces(SENTENCES[0])
    text, _, findings = repair(damaged)
    assert findings and all(f.kind == "lost-byte" for f in findings)
    assert {f.detail[0] for f in findings} >= {"标", "格", "因", "造"}
    unguessed, _, _ = repair(damaged, guess=False)
    assert all(unguessed[f.position] == "\ufffd" for f in findings)


@pytest.mark.parametrize("text", ["Müller und Söhne, Café au lait", "â€œquotedâ€ and Ã© here", "文字 Ã©tÃ© 文字",
                                  "价格 € 5 ， 约 £ 4", "a ° b ± c"])
def test_spaces_between_characters_stay(text):
    assert repair(text) == (text, 0, [])


# Each holds characters whose UTF-8 has the byte 85 (Latin-1's NEL): 元 e5 85 83, 其 e5 85 b6.
NEL_SENTENCES = ["长宗我部元亲统一土佐，其间兴建了许多城池，也留下了元亲记。",
                 "公元前的记载中，其他各国的先王都有类似的传说。"]


def _split_joined_latin1(text: str) -> str:
    """UTF-8 read as Latin-1, then a scraper's " ".join(s.split()): NEL and no-break space spaces."""
    return " ".join(text.encode("utf-8").decode("latin-1").split())


@pytest.mark.parametrize("clean", NEL_SENTENCES)
def test_a_latin1_page_split_and_joined_gets_its_nel_bytes_back(clean):
    damaged = _split_joined_latin1(clean)
    assert " " in damaged and "\x85" not in damaged
    assert Cleaner(remove_furniture=False, to="keep").clean(damaged) == clean


def test_nel_is_no_choice_where_the_page_was_read_as_cp1252():
    # cp1252 shows byte 85 as …, which no split touches: a space there is a0 (or an undefined byte).
    damaged = _shown_with_spaces(SENTENCES[1])
    text, count, _ = repair(damaged)
    assert count and "\x85" not in text


def _windows_1252(data: bytes) -> str:
    # As a browser's windows-1252 reads: the five bytes cp1252 leaves undefined show as C1 controls.
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data)


# Characters whose bytes hold 86, which cp1252 shows as †, e2 80 a0 in UTF-8: read twice, the
# outer layer holds a0 (了 e4 ba 86, 分 e5 88 86, 理 e7 90 86).
TWICE = ["国务院总理李强今天会见了来访的法国外长，双方交换了意见。",
         "全国规模以上工业增加值同比增长百分之六点一，加快一点五个百分点。",
         "台灣的經濟持續成長，吸引了大量外國投資。"]


@pytest.mark.parametrize("clean", TWICE)
def test_a_space_in_the_outer_layer_of_a_twice_misread_page_is_judged_by_the_text_under_it(clean):
    # The outer byte's readings (â€\xa0 †, â€\x9d ”) are Latin letters to the model: the inner
    # layer's Chinese says which (了 came back 五, 分 刑, 理 琑 when the outer reading decided).
    twice = _windows_1252(_windows_1252(clean.encode("utf-8")).encode("utf-8")).replace("\u00a0", " ")
    assert " " in twice
    assert Cleaner(remove_furniture=False, to="keep").run(twice).text == clean


@pytest.mark.parametrize("clean, twice", [("据统计，原因2005年以来一直不明。", False),
                                          ("蒙泰罗除了2005年的比赛，一度创造了33秒的纪录。", True)])
def test_a_character_whose_last_byte_became_a_space_before_ascii_is_read(clean, twice):
    # 因 e5 9b a0 once, 了 (e4 ba 86: † is e2 80 a0) twice: the space ends the run, before a digit.
    shown = _windows_1252(clean.encode("utf-8"))
    if twice:
        shown = _windows_1252(shown.encode("utf-8"))
    damaged = shown.replace("\u00a0", " ")
    assert " 2005" in damaged
    assert Cleaner(remove_furniture=False, to="keep").run(damaged).text == clean


def test_a_space_after_a_whole_misread_character_stays_a_space():
    # 中文 Chinese: the space after 文's three bytes is the text's own.
    damaged = _windows_1252("中文 Chinese 和英文 English".encode("utf-8"))
    assert Cleaner(remove_furniture=False, to="keep").run(damaged).text == "中文 Chinese 和英文 English"
