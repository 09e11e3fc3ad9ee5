"""Mojibake another tool converted between scripts (cleaner/repair/converted_mojibake.py)."""

import opencc
import pytest

from cleaner import Cleaner
from cleaner.repair.converted_mojibake import unconvert

SENTENCES = [
    "挪威海螯虾是软甲纲十足目海螯虾科下的一个物种，主要分布于东大西洋海域，北至挪威。",
    "库克群岛是一个位在南太平洋上的岛国，介于法属玻里尼西亚与斐济之间，由十五个岛屿组成。",
    "吕理政是台湾博物馆学家，历任国立台湾史前文化博物馆研究员，现在是历史博物馆馆长。",
]
CONVERTERS = {name: opencc.OpenCC(f"{name}.json") for name in ("t2s", "s2t", "s2tw", "s2hk")}


def _misread(text: str) -> str:
    return text.encode("utf-8").decode("gbk", errors="replace")


@pytest.mark.parametrize("config", sorted(CONVERTERS))
@pytest.mark.parametrize("text", SENTENCES)
def test_a_converted_misreading_reads_as_the_misreading_itself_does(text, config):
    # The conversion costs nothing: the page reads as the unconverted mojibake does (whose
    # lost bytes, under U+FFFD, are the byte repair's own matter).
    shown = _misread(text)
    converted = CONVERTERS[config].convert(shown)
    assert converted != shown
    cleaner = Cleaner(to="keep")
    assert cleaner.clean(converted) == cleaner.clean(shown)


@pytest.mark.parametrize("text", SENTENCES)
def test_mojibake_nobody_converted_is_kept_as_written(text):
    assert unconvert(_misread(text)) == _misread(text)


def test_clean_text_in_either_script_is_never_unconverted():
    cleaner = Cleaner(to="keep")
    for text in SENTENCES + [CONVERTERS["s2t"].convert(t) for t in SENTENCES]:
        assert cleaner.clean(text) == text


def _reading_of_every_fill(before: list[str], option: str, after: list[str]) -> tuple[int, float]:
    """``_reading`` as first written: each fill of the hole scored, the best key kept."""
    from cleaner.langmodel import per_char
    from cleaner.repair.converted_mojibake import _gbk

    window = [*before, option, *after]
    at = len(before)
    hole = next((j for j in (at + 1, at - 1) if 0 <= j < len(window) and window[j] == "\ufffd"), None)
    best = None
    for fill in range(0x80, 0xC0) if hole is not None else (0x80,):
        data = b"".join(_gbk(c) or (bytes([fill]) if j == hole else b"\x80") for j, c in enumerate(window))
        read = data.decode("utf-8", errors="replace")
        key = (-read.count("\ufffd"), per_char(read))
        if best is None or key > best:
            best = key
    return best


@pytest.mark.parametrize("text", SENTENCES)
def test_a_window_reads_as_the_best_of_every_fill_of_its_hole(text):
    # Only the fills with the fewest U+FFFD are scored; the key must be the one scoring all gives.
    from cleaner.repair.converted_mojibake import _reading

    line = _misread(text)
    windows = 0
    for i, ch in enumerate(line):
        before, after = list(line[max(0, i - 4) : i]), list(line[i + 1 : i + 5])
        windows += "\ufffd" in (line[i - 1 : i] + line[i + 1 : i + 2])
        assert _reading(before, ch, after) == _reading_of_every_fill(before, ch, after)
    assert windows  # the sentences misread leave holes beside characters
