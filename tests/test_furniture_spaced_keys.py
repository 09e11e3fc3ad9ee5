"""Rows of keys written with a space where their colon stands, read as their colon twins
(cleaner/furniture/spaced_keys.py, read in cleaner/furniture/boilerplate.remove_furniture)."""

from functools import lru_cache

import pytest

from cleaner import Cleaner
from cleaner.furniture import spaced_keys
from cleaner.furniture.boilerplate import SPACED_KEYS, fold_line
from cleaner.furniture.spaced_keys import key_of, twin

PARAGRAPHS = ("原告张某与被告李某系多年好友，二〇二四年李某因生意周转向张某借款二十万元，约定一年内归还，到期后李某以资金紧张为由拒不还款。",
              "法院经审理认为，双方之间的借贷关系合法有效，被告应当按约定履行还款义务，遂依法判决被告于判决生效后十日内归还借款本金及利息。")


@lru_cache(maxsize=1)
def cleaner() -> Cleaner:
    return Cleaner(to="keep")


def page(*tail: str) -> str:
    return "\n".join(("东城区人民法院 法院概况 审判动态 司法公开 诉讼服务", "一起民间借贷纠纷案宣判", *PARAGRAPHS,
                      "法官提醒：借款时务必签订书面合同，并保留好转账凭证。", *tail, "打印 关闭"))


def removed(text: str) -> dict[str, str]:
    result = cleaner().run(text, details=True)
    return {f.detail.partition(": ")[2]: f.detail.partition(": ")[0] for f in result.findings if f.kind == "removed-line"}


def test_rows_of_keys_without_their_colons_get_the_colons():
    for line, want in (("来源 东城区人民法院", "来源：东城区人民法院"),
                       ("標籤 莫干山 自駕 民宿", "标签：莫干山 自驾 民宿"),  # folded first, as the page's lines are
                       ("游戏标签 动作 国产 独立游戏", "游戏标签：动作 国产 独立游戏"),  # a key closing with a lexicon key
                       ("发布时间 2026-03-22 11:20 作者 研究室", "发布时间：2026-03-22 11:20 作者：研究室"),  # a time's colon is no key's
                       ("2023-05-01 10:20 来源 新华网 阅读 356", "2023-05-01 10:20 来源：新华网 阅读：356"),  # dated, a record key later
                       ("地址 杭州市西湖区文一路88号 邮编 310012", "地址：杭州市西湖区文一路88号 邮编：310012")):  # a key of the site's
        assert twin(fold_line(line)) == want, line


def test_an_articles_rows_are_read_as_written():
    for line in ("时间 4月26日 14:30",  # an article's facts: their keys alone
                 "地址 江北区图书馆路1号 电话 023-67890123",
                 "作者 林溪",  # undated: a book's card's 作者
                 "主料 五花肉 500克",  # no key of the lexicon's
                 "第一天 庾村 剑池 竹海",
                 "6月22日 上午 高等数学 A楼201",  # dated, but no record key
                 "图 新华社记者 王晓 摄",  # one character: a caption's, no key here
                 "来源：新华网",  # its colon is there
                 "来源 新华网，记者 王晓",  # a clause mark: field_breaks reads comma rows
                 "阅读 是一种习惯。",  # a sentence
                 "来源" + " 某某" * 30):  # longer than a row
        assert twin(fold_line(line)) is None, line


def test_a_key_is_the_lexicons_or_closes_with_one():
    assert key_of("来源") == "来源"
    assert key_of("游戏标签") == "标签"
    assert key_of("文") is None  # shorter than KEY_MIN
    assert key_of("标签云图示例说明文字") is None  # longer than KEY_MAX
    assert key_of("主料") is None


def test_a_spaced_source_row_under_the_article_goes_with_its_twins_step(monkeypatch):
    gone = removed(page("来源 东城区人民法院"))
    assert gone.get("来源 东城区人民法院", "").endswith(SPACED_KEYS)
    assert not any(p in gone for p in PARAGRAPHS)
    # Read as written, the row stays: the twin is what takes it.
    monkeypatch.setattr(spaced_keys, "twin", lambda line: None)
    assert "来源 东城区人民法院" not in removed(page("来源 东城区人民法院"))


@pytest.mark.parametrize("byline", ["晨报记者 陈晓", "融媒体记者 何静怡 通讯员 杨国平"])
def test_a_byline_a_rule_reads_as_written_goes_as_before(byline):
    # The twins are read once the page as written is judged: the rule that reads a byline's spaced keys takes it first.
    text = "\n".join(("晨报 | 要闻 | 社会 | 教育 | 文体", "一起民间借贷纠纷案宣判", "分享到： 微信 朋友圈 微博 QQ", byline,
                      "2024-05-20 06:58", "字体：小 中 大", *PARAGRAPHS))
    gone = removed(text)
    assert byline in gone and not gone[byline].endswith(SPACED_KEYS)
