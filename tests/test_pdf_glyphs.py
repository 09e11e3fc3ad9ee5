"""Radicals and compatibility ideographs standing for ordinary characters (cleaner/repair/pdf_glyphs.py)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

import pdf_glyph_damage

from cleaner import Cleaner
from cleaner.repair.pdf_glyphs import repair, table
from cleaner.script import convert

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [line for path in sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
              for line in path.read_text("utf-8").splitlines() if len(line) > 10]


def test_the_table_maps_every_kangxi_radical_as_unicode_does():
    kangxi = [chr(c) for c in range(0x2F00, 0x2FD6)]
    assert all(table()[g] == unicodedata.normalize("NFKC", g) for g in kangxi)
    assert table()["\u2ed3"] == "长" and table()["\u2ed4"] == "门"  # the supplement's simplified forms
    assert "\ufa0e" not in table()  # a unified ideograph inside the compatibility block


@pytest.mark.parametrize("kind", ["radical", "compat"])
@pytest.mark.parametrize("script", ["zh-hans", "zh-hant"])
def test_a_share_of_the_characters_comes_back(kind, script):
    rng = random.Random(kind + script)
    swapped = 0
    for line in convert.convert_all(PARAGRAPHS, script) if script == "zh-hant" else PARAGRAPHS:
        damaged = pdf_glyph_damage.swap(line, kind, rng, share=0.3)
        swapped += damaged != line
        assert repair(damaged) == line, damaged
    assert swapped


def test_every_character_swapped_comes_back_on_a_page():
    rng = random.Random(5)
    page = "\n".join(PARAGRAPHS)
    damaged = pdf_glyph_damage.swap(page, "radical", rng)
    left = repair(damaged)
    wrong = sum(a != b for a, b in zip(left, page))
    assert len(left) == len(page) and wrong <= len(page) // 500, wrong


def test_through_the_pipeline_as_a_step():
    line = next(line for line in PARAGRAPHS if pdf_glyph_damage.swap(line, "radical", random.Random(1)) != line)
    result = Cleaner().run(pdf_glyph_damage.swap(line, "radical", random.Random(1)))
    assert result.text == Cleaner().clean(line)
    assert any(s.name == "pdf-glyphs" for s in result.steps)


@pytest.mark.parametrize("text", [
    "部首：⼀ ⼁ ⼂ ⼃ ⼄ ⼅",  # a dictionary's radical index
    "“⺮”是竹字头，“⺡”是三点水。",  # radicals named in text about characters
    "⼈ ⼑ ⼒ ⼜",
])
def test_radicals_standing_alone_stay(text):
    assert repair(text) == text


def test_clean_corpus_is_untouched():
    wiki = ROOT.parent / "shared" / "corpora" / "wiki"
    if not wiki.is_dir():
        pytest.skip("../shared/corpora/wiki is not here")
    lines = [line for path in sorted(wiki.glob("*.txt")) for line in path.read_text("utf-8").splitlines()[:3000]]
    assert [line for line in lines if repair(line) != line] == []


def test_a_text_naming_the_glyphs_code_points_keeps_every_glyph():
    # Written about the radicals themselves (review23: 如⼈（U+2F08）与人 lost its radical).
    text = "Unicode为康熙部首设立了专门的区块（U+2F00至U+2FD5），如⼈（U+2F08）与人（U+4EBA）字形相同但编码不同。"
    assert repair(text) == text
