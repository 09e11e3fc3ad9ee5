"""A related box written on one line (cleaner/furniture/related_rows.py)."""

from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.features import normalise, text_features
from cleaner.furniture.generic import load_lexicon
from cleaner.furniture.interleaved import widget
from cleaner.furniture.related_rows import related_row
from cleaner.furniture.related_words import load_related

LEX = load_lexicon()


def norm(line: str) -> str:
    return normalise(fold_line(line))


def test_a_heading_of_the_lexicons_grammar_and_its_titles():
    for line in ("相关推荐：倒春寒来了吗，春季如何预防感冒，本周末出行指南",  # a whole heading
                 "相關食譜：麻油雞，三杯中卷，宮保雞丁",  # a relation and any noun, Traditional script
                 "相关游记：五一青龙峡一日游，带爸妈玩转峡谷",
                 "更多视频：周末带娃去哪玩，春季赏花地图出炉，高速出行提示",  # a lead and a story's noun
                 "【相关公告】：华森股份2025年年度报告、华森股份关于收到问询函的公告"):
        text = norm(line)
        assert related_row(text), line
        assert widget(text, text_features(text, LEX)) == "inline-related", line


def test_an_articles_lines_of_that_shape_stay():
    for line in ("相关负责人：王明，李华",  # people: the lexicon's not_boxes
                 "相关材料：身份证、户口本",  # what a notice asks for
                 "相关推荐：倒春寒来了吗，春季如何预防感冒。",  # a sentence's end
                 "热门景点：青龙峡，白马寺",  # a lead needs a noun of the site's stories or pieces
                 "相关文件：南岭省措施",  # one item
                 "相关信息：地址：临江市滨江大道88号，电话：0576-88112233"):  # a row of fields, not titles
        assert not related_row(norm(line)), line


def test_an_articles_row_of_short_terms_after_a_relation_stays():
    # Terms name, headlines say (TITLE_MIN): a health article's symptoms and drugs, a travel guide's sights.
    for line in ("相关症状：发热，咳嗽，咽痛，全身乏力", "相关检查：血常规，咽拭子抗原检测，胸部CT", "相关药物：奥司他韦，玛巴洛沙韦",
                 "相關景點：士林官邸，芝山岩，天母商圈"):
        assert not related_row(norm(line)), line
    # A noun the lexicon knows as the site's pages keeps short titles a box: stories, pieces, pages titled by a name.
    for line in ("相关视频：春游，踏青", "相关股票：宁川电子，华芯科技，东源精密", "相关菜谱：红烧肉，糖醋排骨"):
        assert related_row(norm(line)), line


def test_every_word_that_is_no_box_keeps_its_line():
    words = load_related()
    for relation in words.relations:
        for noun in words.not_boxes:
            assert not related_row(norm(f"{relation}{noun}：王明，李华")), relation + noun


def test_a_box_set_with_spaces_under_a_heading_of_the_site():
    from cleaner.furniture.related_rows import spaced_row

    for line in ("相關新聞 港鐵 東涌 基建",  # a whole heading, Traditional script
                 "猜你喜欢 可乐鸡翅 糖醋排骨 红烧鱼",
                 "热门游戏 原神 黑神话 王者荣耀",  # a lead and a piece's noun
                 "相关楼盘 远洋天著 保利和光 万科城",  # a relation and a page titled by a name
                 "【延伸阅读】 台南 古迹 夜游"):
        text = norm(line)
        assert spaced_row(text), line
        assert widget(text, text_features(text, LEX)) == "inline-related", line


def test_an_articles_spaced_rows_stay():
    from cleaner.furniture.related_rows import spaced_row

    for line in ("相关症状 发热 咳嗽 咽痛",  # a relation with a noun of the article's
                 "热门景点 故宫 长城 颐和园",  # a lead needs a noun of the site's stories or pieces
                 "第一天 庾村 剑池 竹海", "主料 五花肉 500克",  # the article's own words open them
                 "相关新闻 港铁",  # one item
                 "相关新闻 港铁东涌线延线工程进入新阶段，预计2029年通车",  # a clause: no row of names
                 "相关新闻：港铁，东涌"):  # its colon: related_row reads it
        assert not spaced_row(norm(line)), line
