"""Lines whose every character was lost to a code page without them (cleaner/lost_text.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.lost_text import findings, is_lost

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "fixtures" / "clean").glob("*.txt"))


def ansi_round_trip(text: str, code_page: str = "cp1252") -> str:
    """What a Windows "ANSI" program saving Chinese text writes: each character it lacks as ?."""
    return text.encode(code_page, errors="replace").decode(code_page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
@pytest.mark.parametrize("code_page", ["cp1252", "latin-1", "ascii"])
def test_a_page_through_a_code_page_without_chinese_is_reported_and_kept(page, code_page):
    lost = ansi_round_trip(page.read_text("utf-8"), code_page)
    result = Cleaner().run(lost)
    found = [f for f in result.findings if f.kind == "lost-text"]
    assert found and found[0].position == 0
    assert set(result.text) <= set(lost) | {"\n"}  # nothing invented
    assert "?" not in result.meta.get("title", "")


def test_one_lost_paragraph_among_text_is_named_where_it_is():
    lines = PAGES[0].read_text("utf-8").splitlines()
    lines[2] = ansi_round_trip(lines[2])
    text = "\n".join(lines)
    found = findings(text)
    assert len(found) == 1 and found[0].position == text.index(lines[2])


@pytest.mark.parametrize("line", ["????Marcelo Sergipano" + "?" * 40 + "1994" + "?" * 20, "????LPS????RAW264.7" + "?" * 24 + "ELISA??????"])
def test_a_lost_line_may_keep_the_latin_words_a_code_page_had(line):
    assert is_lost(line)


@pytest.mark.parametrize("line", ["What??", "1/2?", "Why??? Because.", "他说什么??", "???", "a ???? b", "OK???? Fine."])
def test_questions_and_text_with_letters_are_not_lost(line):
    assert not is_lost(line)


def test_clean_pages_have_no_lost_text():
    for page in PAGES:
        assert findings(page.read_text("utf-8")) == []
