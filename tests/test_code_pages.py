"""Mojibake from the code pages the single-byte view does not model (cleaner/repair/code_pages.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.repair.code_pages import MODELED, OTHERS, best_code_page, repair_code_pages

ARTICLE = "中华人民共和国国务院新闻办公室今天举行发布会，介绍经济发展情况。"
# Pages whose every byte 80-ff is defined: the bytes come back whole, so must the text.
WHOLE = ("iso8859_15", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_roman", "mac_cyrillic",
         "cp437", "cp850", "cp852", "cp866")


@pytest.mark.parametrize("codec", WHOLE)
@pytest.mark.parametrize("source", ["utf-8", "gbk"])
def test_a_lossless_code_page_comes_back_exactly(codec, source):
    broken = ARTICLE.encode(source).decode(codec)
    assert best_code_page(broken) == codec
    repair = repair_code_pages(f"据报道，{broken}\n下一行")
    assert repair.text == f"据报道，{ARTICLE}\n下一行" and repair.count >= 1 and not repair.findings


def test_through_the_cleaner_it_is_a_step():
    result = Cleaner(to="keep").run("据报道，" + ARTICLE.encode("utf-8").decode("mac_roman"))
    assert result.text == "据报道，" + ARTICLE
    assert any(s.name == "read-as-other-code-page" for s in result.steps)


def test_what_the_single_byte_view_models_is_left_to_it():
    # cp1252 and Latin-1 mojibake is the single-byte repair's (with its holes and guesses).
    for codec in MODELED:
        broken = ARTICLE.encode("utf-8").decode(codec, errors="replace")
        assert repair_code_pages(broken).count == 0
    assert not set(MODELED) & set(OTHERS)


def test_lost_bytes_are_guessed_and_reported():
    # cp1253 leaves 81, 88, 8a, 8c-90 ... undefined: a lost byte is a U+FFFD, then a guess.
    broken = "他说发展经济。".encode("utf-8").decode("cp1253", errors="replace")
    assert "\ufffd" in broken
    repair = repair_code_pages(broken)
    assert repair.count and repair.findings and all(f.kind == "lost-byte" for f in repair.findings)
    for f in repair.findings:
        assert repair.text[f.position] == f.detail[0]
    marked = repair_code_pages(broken, guess=False)
    assert all(marked.text[f.position] == "\ufffd" for f in marked.findings)


@pytest.mark.parametrize("clean", [
    "Zürich、Café、Ελληνικά、Русский язык和Łódź都是外文。",
    "他在《Гарри Поттер》里演出，2008年在Kraków定居。",
    "温度为±5°C，面积约√2平方公里，价格×2÷3。",
    "├──目录\n│  └──文件",
    "操场──又称运动场────是场地。═══",
    ARTICLE,
])
def test_clean_text_is_untouched(clean):
    assert repair_code_pages(clean) == (clean, 0, [])


def test_a_run_no_code_page_covers_is_left():
    assert best_code_page("ä¸\u4e2dæ–‡") is None  # a Han character inside: no code page shows it
    assert best_code_page("ä¸\u01ce") is None  # ǎ, a pinyin tone mark: in no code page of the list
