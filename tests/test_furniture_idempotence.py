"""Cleaning a page twice changes nothing (cleaner/furniture/boilerplate.py reads a page again
without what went until a reading removes nothing): clean(clean(x)) == clean(x).

A line can become furniture once its neighbours are gone: a date line left deep in the page
stands in the top zone once the menu above it went, a list's row is far from the body once the
rest of the list went, an article's last paragraph has no prose below once the footer went."""

from pathlib import Path

import pytest
from conftest import FIXTURES

from cleaner import Cleaner

ROOT = Path(__file__).resolve().parent.parent
WEBPAGES = ROOT.parent / "shared" / "corpora" / "webpages" / "original"  # the real dev pages, when present


def _twice(cleaner: Cleaner, text: str, title: str | None) -> tuple[str, str]:
    once = cleaner.run(text, details=False, title=title).text
    return once, cleaner.run(once, details=False, title=title).text


@pytest.mark.parametrize("page", sorted((FIXTURES / "furniture").glob("*.txt")), ids=lambda p: p.stem)
def test_a_second_clean_of_a_fixture_changes_nothing(page):
    title = page.with_suffix(".title")
    title = title.read_text(encoding="utf-8").strip() if title.exists() else None
    once, twice = _twice(Cleaner(), page.read_text(encoding="utf-8"), title)
    assert twice == once


@pytest.mark.skipif(not WEBPAGES.is_dir(), reason="the web-page dev set (../shared/corpora/webpages) is not here")
def test_a_second_clean_of_the_dev_pages_changes_nothing():
    from cleaner.io.page import load_page

    cleaner = Cleaner(to="keep")
    changed = []
    for path in sorted(WEBPAGES.glob("*.html")):
        page = load_page(path.read_bytes(), path.name)
        once, twice = _twice(cleaner, page.text, page.meta.get("title"))
        # cleaner page.html > a.txt; cleaner a.txt: the second clean knows no <title>.
        if twice != once or cleaner.run(once, details=False).text != once:
            changed.append(path.stem)
    assert changed == []  # 8 of the 69 pages changed before the page was read again; 5 more read again without their title


def test_a_paragraph_of_the_article_is_no_copyright_line_for_standing_last():
    # A generic rule (common/copyright: 版权归…所有) left it while the footer's prose stood below;
    # cleaned again, with nothing below, it went: a paragraph of sentences is the article's.
    para = ("其次，提供音频和视频内容的播客，使本来已经很麻烦的互联网版权问题更加复杂。与现场直播的广播节目不同，"
            "播客节目依靠用户自身下载和储存，因此一首歌曲可能出现数千个版本，而这些歌曲的版权归唱片公司所有。")
    page = "\n".join(["播客面临的问题", "作为一个新兴事物，刚刚开始起步的播客自然还面临很多问题。", para])
    out = Cleaner(to="keep").clean(page)
    assert para in out
