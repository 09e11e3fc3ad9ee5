"""Furniture removal (cleaner/furniture/boilerplate.py) on pages of sites without a rule file."""

import pytest
from conftest import FIXTURES

from cleaner.furniture.boilerplate import recognise

PAGES = sorted((FIXTURES / "furniture").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_generic_furniture_goes_article_stays(page, cleaner_obj):
    expected = page.with_suffix(".expected").read_text(encoding="utf-8").strip()
    assert cleaner_obj.clean(page.read_text(encoding="utf-8")) == expected


def test_metadata_kept_from_removed_lines(cleaner_obj):
    result = cleaner_obj.run((FIXTURES / "furniture" / "portal_editor.txt").read_text(encoding="utf-8"))
    assert result.meta["editor"] == "王伟"
    assert result.meta["date"].startswith("2023-05-12")
    assert result.meta["source"] == "市政府网站"
    assert any(s.name == "common/editor" for s in result.steps)


def test_site_recognised_by_url_then_text(cleaner_obj):
    rs = cleaner_obj.ruleset
    assert recognise(rs, "任意文字", "https://www.zhitongcaijing.com/content/1.html").id == "zhitong"
    assert recognise(rs, "智通声明:本内容为作者独立观点").id == "zhitong"
    assert recognise(rs, "没有特征的文章") is None


def test_forced_site_wins():
    from cleaner import Cleaner

    result = Cleaner(site="people").run("分享让更多人看到\n正文。")
    assert result.meta["site"] == "people" and result.text == "正文。"
