"""Other pages' headlines counted or bulleted at the article's foot (cleaner/furniture/title_runs.py)."""

from functools import lru_cache

from cleaner import Cleaner

HEAD = ["某某新闻 首页 要闻 财经 科技 汽车", "县城咖啡店越开越多，能赚钱吗？", "原创 2024-07-01 10:21 · 小城财经说"]
PROSE = ["这两年，咖啡店开进了越来越多的县城。我走访了老家县城的六家咖啡店，跟老板们聊了聊他们的生意。",
         "一家开在步行街的连锁品牌店，每天卖出三百杯左右，老板说扣掉房租和人工，一个月能剩两万多元。",
         "几位老板都提到，县城顾客对价格很敏感，十元以内的咖啡卖得最好，周末的生意比平时好一倍。"]
FOOT = ["相关推荐", "©2024 某某新闻 用户协议 隐私政策 联系我们"]


@lru_cache(maxsize=1)
def cleaner() -> Cleaner:
    return Cleaner(to="keep")


def clean(*lines: str) -> list[str]:
    return [line for line in cleaner().run("\n".join(lines), details=False).text.splitlines() if line.strip()]


def test_a_hot_list_under_its_own_heading_goes():
    box = ["头条热榜", "1 高温天气持续 多地发布预警", "2 暑运首日铁路发送旅客超千万"]
    out = clean(*HEAD, *PROSE, *box, *FOOT)
    assert out[-len(PROSE):] == PROSE
    assert not set(box) & set(out)


def test_bulleted_titles_over_a_heading_the_rules_take_go():
    box = ["▪ 台中捷運綠線延伸彰化 環評過關", "▪ 台灣大道公車專用道將調整", "▪ 中彰快速道路拓寬工程今年動工"]
    out = clean(*HEAD, *PROSE, *box, "延伸閱讀", "留言")
    assert out[-len(PROSE):] == PROSE
    assert not set(box) & set(out)


def test_the_article_s_own_closing_lists_stay():
    keeps = [
        # A ranking the article introduces with its sentence.
        ["本报读者投票评出的年度十大新闻如下：", "1 嫦娥六号完成采样 首次带回月背样品", "2 高铁新线密集开通 县城连上快车道"],
        # Steps and tips end their clauses.
        ["1. 不要点击短信里的陌生链接；", "2. 不要扫描来历不明的二维码；", "3. 下载应用请到官方应用商店。"],
        # Terms and names: shorter than a title, or split by several spaces.
        ["▪ 杭州 宁波 温州", "▪ 苏州 无锡 常州"],
        ["1 张三 李四 王五 赵六", "2 陈一 周二 吴三 郑四"],
        # A poem's lines have no marker.
        ["春眠不觉晓", "处处闻啼鸟", "夜来风雨声", "花落知多少"],
        # Slogans, bulleted, one clause each.
        ["• 安全生产人人有责", "• 遵章守纪平安相伴"],
        # Review46's: two headline-like rows of the article's own, alone, or under a heading, at the
        # page's end; a Markdown list; rows over the article's sign-off.
        ["1 嫦娥六号完成采样 首次带回月背样品", "2 高铁新线密集开通 县城连上快车道"],
        ["- 县城咖啡店 价格敏感", "- 周末生意比平时好 一倍以上"],
        ["本文要点", "• 县城咖啡店越开越多 老板说能赚钱", "• 十元以内的咖啡 卖得最好"],
    ]
    for rows in keeps:
        out = clean(*HEAD, *PROSE, *rows, *FOOT)
        assert out[-len(rows):] == rows, rows


def test_rows_over_the_article_s_sign_off_stay():
    rows = ["入选名单", "1 嫦娥六号完成采样 首次带回月背样品", "2 高铁新线密集开通 县城连上快车道",
            "3 多地公布高考查分时间 考生注意"]
    out = clean(*HEAD, *PROSE, *rows, "（责任编辑：张三）", *FOOT)
    assert out[-len(rows):] == rows


def test_a_longer_hot_list_the_body_grew_over_goes():
    # Three rows or more counted up read as the article's steps (counted_rows): none of them is prose.
    box = ["24小时热点", "1 高温天气持续 多地发布预警", "2 暑运首日铁路发送旅客超千万", "3 多地公布高考查分时间",
           "4 今年首个台风生成 沿海做好防御"]
    for rows in (box, box[1:]):
        out = clean(*HEAD, *PROSE, *rows, *FOOT)
        assert out[-len(PROSE):] == PROSE, out


def test_the_article_s_own_ranking_under_its_section_heading_stays():
    # The heading repeats the headline's words: the article's section, not the site's box.
    head = ["某某晚报 首页 本地 民生", "本报年度十大新闻揭晓", "2024-12-30 08:00 来源：某某晚报"]
    rows = ["年度十大新闻", "1 城东高铁站投入使用 县城连上快车道", "2 市第一人民医院新院区开诊 群众看病更方便"]
    out = clean(*head, *PROSE, *rows, *FOOT)
    assert out[-len(rows):] == rows, out


def test_titles_with_article_text_under_them_stay():
    # A section of headlines inside the article, its prose going on below: no box of the site's.
    rows = ["1 高温天气持续 多地发布预警", "2 暑运首日铁路发送旅客超千万"]
    after = "以上两条消息都和暑期出行有关，记者将在下周继续跟踪报道，欢迎读者提供线索和建议。"
    out = clean(*HEAD, *PROSE, *rows, after, *FOOT)
    assert rows[0] in out and rows[1] in out and after in out
