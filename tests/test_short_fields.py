"""A short field misread as GBK inside clean prose (cleaner/repair/short_fields.py)."""

import re
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.repair import short_fields

TEMPLATE = "据新华社报道，{}今天宣布了一项新的计划，预计将在未来三年内投入大量资金。"


def _field(word: str) -> str:
    return TEMPLATE.format(word.encode("utf-8").decode("gbk", "replace"))


@pytest.mark.parametrize("word", ["人工智能", "华为", "万两白银", "七品芝麻", "万平方米", "万历年间"])
def test_an_exact_field_with_no_rare_character_is_read(word):
    damaged = _field(word)
    assert "\ufffd" not in damaged  # an even number of bytes: nothing lost
    fixed = short_fields.repair(damaged)
    assert fixed.text == TEMPLATE.format(word) and fixed.count == 1
    assert Cleaner(to="keep").clean(damaged) == TEMPLATE.format(word)


def test_a_stretch_that_reads_only_somewhat_better_is_reported_not_changed():
    # 严重淹浸 read back gains too little over its mojibake to be taken on no other evidence.
    damaged = _field("严重淹浸")
    fixed = short_fields.repair(damaged)
    assert fixed.text == damaged and not fixed.count
    assert [f.kind for f in fixed.findings] == ["unrepaired-mojibake"]
    stretch, reading = re.fullmatch(r"(\S+) \(may be UTF-8 read as GBK: (\S+)\)", fixed.findings[0].detail).groups()
    assert damaged[fixed.findings[0].position:].startswith(stretch)  # at its place
    assert reading in "严重淹浸" and stretch == reading.encode().decode("gbk")


@pytest.mark.parametrize("text", [
    TEMPLATE.format("人工智能"),
    "维摩诘、姚鼐学蕺山，蔚为大观；鸭脷洲邨与廿一世纪的佼佼者。",
    "公車捷運系統起源於1974年巴西庫里奇巴啟用的整合交通網。",
    "浙江省杭州市西湖区的龙井茶闻名遐迩。",
])
def test_clean_text_is_left_alone(text):
    fixed = short_fields.repair(text)
    assert fixed.text == text and not fixed.count and not fixed.findings


def test_clean_wikipedia_paragraphs_are_left_alone():
    wiki = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "wiki"
    if not wiki.exists():
        pytest.skip("no wiki corpus")
    for name in ("zh-hans.txt", "zh-hant.txt"):
        for line in (wiki / name).read_text(encoding="utf-8").split("\n")[:600]:
            fixed = short_fields.repair(line)
            assert fixed.text == line and not fixed.findings


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402


@SETTINGS
@given(parts=st.lists(st.one_of(text_inputs, st.sampled_from(["浜哄伐鏅鸿兘", "鍗庝负", "鍗", "，", "a", "据新华社报道"])), max_size=6))
def test_the_runs_found_from_their_start_characters_are_those_holding_one(parts):
    # Found from the characters a reading starts at: the same runs as looking into every run.
    text = "".join(parts)
    every = [m.span() for m in short_fields._HAN_RUN.finditer(text) if short_fields._STARTS.search(m.group())]
    assert [m.span() for m in short_fields._runs_with_a_start(text)] == every
