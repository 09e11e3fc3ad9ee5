"""Big5 mojibake a converter rewrote, read in step again (cleaner/repair/converted_in_step.py)."""

import opencc
import pytest

from cleaner import Cleaner
from cleaner.repair import converted_in_step, resync

SENTENCES = [
    "索契是俄羅斯南部的海濱城市，蘇聯作家曾在這裡寫成了一部關於鋼鐵是怎樣煉成的長篇小說。",
    "臺灣博物館的研究員說，這些古代人類大多是從北方遷徙而來，在海岸邊定居了數千年之久。",
    "機場快線是港鐵的一條鐵路線，連接市中心與機場，全長三十五公里，往返約需二十四分鐘。",
]
T2S = opencc.OpenCC("t2s.json")


def _misread(text: str) -> str:
    return text.encode("big5").decode("gbk", errors="replace")


@pytest.mark.parametrize("text", SENTENCES)
def test_a_converted_big5_misreading_reads_as_the_misreading_itself_does(text):
    shown = _misread(text)
    converted = T2S.convert(shown)
    assert converted != shown
    cleaner = Cleaner(to="keep", remove_furniture=False)
    assert cleaner.clean(converted) == cleaner.clean(shown)


@pytest.mark.parametrize("text", SENTENCES)
def test_the_in_step_reading_alone_reads_the_converted_characters_wrong(text):
    # What the stage is for: without it the converted characters come back as other ones.
    converted = T2S.convert(_misread(text))
    assert resync.repair(converted).text != resync.repair(_misread(text)).text


@pytest.mark.parametrize("text", SENTENCES)
def test_big5_mojibake_nobody_converted_shows_both_scripts_and_is_not_tried(text):
    assert converted_in_step.converted_by([_misread(text)]) is None
    assert converted_in_step.converted_by([T2S.convert(_misread(text))]) == "t2s.json"


def test_a_few_characters_say_nothing_about_a_conversion():
    # Too few Han for the absence of one script's forms to count.
    assert converted_in_step.converted_by([T2S.convert(_misread("鋼鐵是怎樣"))]) is None


def test_restore_leaves_a_reading_nothing_changed():
    text = "今天天气很好。"
    got = resync.repair(text)
    assert converted_in_step.restore(text, got, resync.repair) is got


def test_clean_text_in_either_script_is_left():
    cleaner = Cleaner(to="keep", remove_furniture=False)
    for text in SENTENCES + [T2S.convert(t) for t in SENTENCES]:
        assert cleaner.clean(text) == text
