"""A writer's name alone beside the headline (cleaner/furniture/name_bylines.py)."""

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.furniture.name_bylines import load_surnames, name_bylines, name_form

PARAS = ["文化革命是一场有着极为广泛的群众参与的政治运动，因此，如何理解这种广泛的群众参与，就成为理解文革的一个重要内容。",
         "本文试图从政治心理学的角度，对文革中的群众参与给出解释，在我看来，群众参加文革的动机是多种多样的。",
         "这种竞争比造反派与保守派的竞争更不容易解决，因为双方都自认为是最忠于领袖的一方，谁也不肯让步。"]


def prose(texts):
    return [len(t) >= 20 and t.endswith("。") for t in texts]


@pytest.mark.parametrize("text", ["胡平", "罗银胜", "欧阳晓峰", "阿卜杜拉·买买提", "陈思远 刘晓", "duscha", "kumo_chan", "blogger2005"])
def test_a_name_alone_has_a_names_form(text):
    assert name_form(text)


@pytest.mark.parametrize("text", ["引言", "前言", "编者按", "结语", "发展", "春", "Preface", "Introduction", "首页 登录",
                                  "张家界市人民政府网站", "王", "bcbhome.126.com"])
def test_a_short_heading_or_a_label_has_none(text):
    # No surname opens them (引, 前, 编 …), an English heading is capitalised, a name is 2-4 characters.
    assert not name_form(text)


def test_the_name_under_the_headline_over_the_article_is_a_byline():
    texts = ["首页 | 文章 | 评论", "比赛革命的革命", "胡平", "——对文化革命的政治心理学分析"] + PARAS
    assert name_bylines(texts, prose(texts)) == [2]
    # The page's first line, over the article's first paragraph.
    texts = ["胡平", "四、规范理论与结构理论"] + PARAS
    assert name_bylines(texts, prose(texts)) == [0]


def test_a_name_under_no_headline_or_far_from_the_article_stays():
    texts = ["首页 | 文章 | 评论", "胡平"] + PARAS  # under a menu row, no headline
    assert name_bylines(texts, prose(texts)) == []
    texts = ["比赛革命的革命", "胡平", "一", "二", "三", "四", "五"] + PARAS  # too many lines between it and the article
    assert name_bylines(texts, prose(texts)) == []
    # A heading over a poem's lines (several short lines opened by no dash nor ordinal) is no name's page.
    texts = ["四季组诗", "夏日", "蝉声铺满午后", "荷叶托住了雨"] + PARAS
    assert name_bylines(texts, prose(texts)) == []
    texts = ["拆房屡出命案", "李建国", "编者按"] + PARAS  # one label under it: a byline still
    assert name_bylines(texts, prose(texts)) == [1]


def test_a_name_over_the_sites_rows_is_theirs():
    # A Q&A answerer's name over its vote counter (a portal family): the frame's, not a byline here.
    texts = ["秋天的树叶", "林间小路", "1,105 人赞同了该回答"] + PARAS
    assert name_bylines(texts, prose(texts), ["", "", "stats", "", "", ""]) == []
    assert name_bylines(texts, prose(texts)) == [1]  # the same lines, no family found: a byline


def test_an_article_heading_its_sections_with_short_lines_keeps_the_first():
    texts = ["论城市绿地的生态功能", "周边", PARAS[0], "结语", PARAS[1]]  # 周 is a surname; 结语 is a sibling heading
    assert name_bylines(texts, prose(texts)) == []


def test_the_page_loses_the_name_and_keeps_its_headline():
    page = "\n".join(["首页 > 读书 > 传记", "投身外交", "罗银胜"] + PARAS + ["上一页 下一页"])
    out = Cleaner(to="keep").run(page, details=True)
    assert "罗银胜" not in out.text and "投身外交" in out.text and all(p in out.text for p in PARAS)
    assert any("罗银胜" in f.detail and "byline" in f.detail for f in out.findings if f.kind == "removed-line")


def test_the_data_file_is_validated(tmp_path: Path):
    assert "王" in load_surnames()[0] and "欧阳" in load_surnames()[1]
    bad = tmp_path / "surnames.toml"
    bad.write_text('[surnames]\nsingle = "王A"\ncompound = []\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_surnames.__wrapped__(bad)
    bad.write_text('[surnames]\nsingle = "王"\ncompound = ["欧"]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_surnames.__wrapped__(bad)


@pytest.mark.parametrize("texts", [
    ["深切缅怀林德顺同志", "林德顺", "林德顺同志，1930年生于福建，一生从事教育工作，桃李满天下，深受学生爱戴。"] + PARAS,
    ["2023年度感动中国人物", "张桂梅", PARAS[0], "张桂梅说，这是她一生中最重要的事情，她会一直坚持下去。", PARAS[1]],
])
def test_a_name_the_page_writes_about_is_its_subject(texts):
    # review37io: an obituary's or a profile's subject, set under the headline, went as its writer.
    assert name_bylines(texts, prose(texts)) == []
