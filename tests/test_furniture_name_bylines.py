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


# Through the whole cleaner, with the page's title (an essay site's page): the cases the second
# mechanism (author_name.lone_author, session 37, after the line model) was written for, which this
# one decides; review38 removed that mechanism, which took a subject the article names.
ESSAY = ["每年四月，村口那几棵老槐树就开花了，一串串白色的花朵挂满枝头，风一吹，整个村子都飘着淡淡的甜香。",
         "小时候，奶奶总会踩着板凳摘下一篮槐花，拌上面粉蒸熟，再浇一勺蒜汁，那是我记忆里春天最好的味道。"]
MENU = "临川文学网 首页 小说 散文 诗歌 评论"
TITLE = "故乡的槐花_散文_临川文学网"


def run_titled(lines: list[str], title: str = TITLE) -> list[str]:
    return Cleaner(to="keep").run("\n".join(lines), title=title).text.split("\n")


@pytest.mark.parametrize("name", ["张若溪", "欧阳晓岚", "张若溪著"])  # 欧阳: a compound surname
def test_the_name_right_over_the_essay_goes(name):
    assert run_titled([MENU, "故乡的槐花", name, *ESSAY]) == ["故乡的槐花", *ESSAY]


def test_the_name_over_a_dated_row_goes_with_it():
    assert run_titled([MENU, "故乡的槐花", "张若溪", "2027-05-20 21:14:03 临川文学网", *ESSAY]) == ["故乡的槐花", *ESSAY]


@pytest.mark.parametrize("line", ["前言", "导语", "摘要", "引子", "题记", "散文", "张若溪、李明", "临川市文学艺术界联合会"])
def test_a_sections_word_or_no_name_stays(line):
    assert run_titled([MENU, "故乡的槐花", line, *ESSAY]) == ["故乡的槐花", line, *ESSAY]


@pytest.mark.parametrize("rows", [
    ["食材", "番茄 2个", "鸡蛋 3个"],  # a recipe's heading over its rows
    ["星期一", "10:00-11:30 长者太极班", "14:00-16:00 书法班"],  # a timetable's day over its times
])
def test_a_heading_over_rows_of_its_own_is_no_name(rows):
    texts = ["故乡的槐花", *rows, *ESSAY]
    assert name_bylines(texts, prose(texts)) == []


@pytest.mark.parametrize("body", [
    ["张若溪是临川一中的语文老师，每年四月，她都会带学生去村口看那几棵老槐树开花，讲槐花的故事。", ESSAY[1]],
    [ESSAY[0], "张若溪说，小时候奶奶总会踩着板凳摘下一篮槐花，拌上面粉蒸熟，那是她记忆里春天最好的味道。"],
])
def test_a_profiles_subject_under_a_titled_headline_stays(body):
    # The article names the person under its headline: its subject (a profile), not its writer.
    # author_name.lone_author took her (generic/byline+author-name) where name_bylines kept her.
    assert run_titled([MENU, "故乡的槐花", "张若溪", *body]) == ["故乡的槐花", "张若溪", *body]


@pytest.mark.parametrize("word", ["江南", "周末", "夏日", "韩国", "程序", "许愿", "何去何从", "简介"])
def test_a_word_opened_by_a_surname_is_no_name(word):
    # review38: a line of a word the dictionary holds (a place, a time, a noun; not a person's
    # name) went as a byline under the headline because a surname's character opens it.
    assert not name_form(word)
    trip = ["今年五一假期，我们一家人来到了向往已久的水乡古镇，小桥流水人家的景致让人流连忘返。",
            "傍晚时分，古镇亮起了灯笼，河面上倒映着点点灯光，游船缓缓驶过，仿佛一幅流动的画卷。"]
    page = ["旅游频道 首页 国内游 出境游", "水乡古镇之旅", word, *trip]
    assert run_titled(page, "水乡古镇之旅_旅游频道") == page[1:]


def test_a_writers_name_the_dictionary_tags_as_a_name_is_one():
    assert all(name_form(name) for name in ["鲁迅", "莫言", "李建国", "余光中", "胡平", "张若溪"])
