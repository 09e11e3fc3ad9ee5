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
