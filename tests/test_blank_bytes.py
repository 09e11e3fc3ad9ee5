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
