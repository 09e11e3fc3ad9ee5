"""A document's date note and a story's dated line under its headline (cleaner/furniture/document_dates.py)."""

from __future__ import annotations

import unicodedata

import pytest

from cleaner import Cleaner
from cleaner.furniture.document_dates import date_note, dated_clause


def folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("text", ["（2027年2月18日）", "（2026年12月28日临川市第十七届人民代表大会常务委员会第十九次会议通过）",
                                  "（民国116年3月1日公布）"])
def test_a_date_in_words_in_brackets_alone_on_its_line_is_a_documents_note(text):
    assert date_note(folded(text))


@pytest.mark.parametrize("text", ["2027年2月18日", "（2027年2月18日 10:30）", "（来源：临川日报 2027年2月18日）",
                                  "（记者 王明 2027年2月18日）", "（图）", "（2027年2月）", "2027-02-18"])
def test_a_sites_date_line_or_a_bracketed_note_without_a_full_date_is_none(text):
    assert not date_note(folded(text))


PROSE = ("今年以来，全市上下坚持稳中求进工作总基调，统筹推进经济社会发展各项工作，主要经济指标好于预期，"
         "营商环境持续改善，市场主体活力不断增强，为全年目标任务的完成打下了坚实基础。")


def test_a_speechs_date_under_its_headline_stays_and_a_sites_date_line_goes():
    page = ["临川市发展和改革委员会 网站首页 机构概况 政务公开 领导讲话", "在全市优化营商环境大会上的讲话", "（2027年2月18日）",
            "市委书记 王海涛", "发布时间：2027-02-20 信息来源：市发改委 浏览次数：865", "同志们：", PROSE, PROSE]
    out = Cleaner(to="keep").run("\n".join(page), title="在全市优化营商环境大会上的讲话_领导讲话_临川市发展和改革委员会").text
    assert "（2027年2月18日）" in out.splitlines()
    assert "发布时间：2027-02-20 信息来源：市发改委 浏览次数：865" not in out


@pytest.mark.parametrize("text", ["截至5月11日，已有126户居民签约", "2027年5月11日，东门老街改造一周年",
                                  "9月3日上午，颱風過後的果園一片狼藉", "截至2027年4月30日，全县完成造林两万亩"])
def test_a_date_and_a_clause_after_its_comma_is_a_storys_line(text):
    assert dated_clause(folded(text))


@pytest.mark.parametrize("text", ["2027年5月11日，星期三", "2027年5月11日，农历四月初五", "2027年5月11日，江畔日报",
                                  "2027年5月11日 10:30，东门老街改造一周年", "5月11日，来源：江畔日报 编辑：周敏",
                                  "2027年5月11日，本报记者周敏报道", "2027年5月11日 东门老街改造一周年", "2027年5月11日",
                                  "截至5月11日，已有126户居民签约，" + "占全部住户的八成以上，签约工作仍在进行中，预计月底前全部完成"])
def test_a_sites_stamp_or_a_paragraph_is_no_storys_dated_line(text):
    assert not dated_clause(folded(text))


def test_a_storys_dated_line_under_its_headline_stays():
    page = ["临川新闻网 首页 要闻 城市 民生", "老街改造一周年：留住烟火气", "截至5月11日，已有126户居民签约",
            "2027-05-12 08:30 来源：临川日报 编辑：周敏", PROSE, PROSE, "临川新闻网 版权所有"]
    out = Cleaner(to="keep").run("\n".join(page), title="老街改造一周年：留住烟火气_城市_临川新闻网").text.splitlines()
    assert out == [page[1], page[2], PROSE, PROSE]
