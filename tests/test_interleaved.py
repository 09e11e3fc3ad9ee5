"""Widgets' rows between an article's paragraphs and above them (cleaner/furniture/interleaved.py)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.features import normalise, text_features
from cleaner.furniture.interleaved import referred, widget
from cleaner.furniture.lexicon import load_lexicon
from cleaner.script.fold import fold

P1 = "县农业农村局负责人介绍，今年新建的农田全部配套灌溉设施，沟渠已基本贯通，预计秋季可以投入使用，惠及周边十二个村。"
P2 = "据了解，项目总投资约三亿元，由县财政和上级补助资金共同承担，施工期间将尽量减少对农户春耕的影响，确保按期完工。"
P3 = "下一步，县里将组织专家对已建成的农田进行验收，并建立管护制度，明确责任主体，确保农田长期发挥效益。"


def _family(line: str) -> str:
    text = normalise(fold(line))
    return widget(text, text_features(text, load_lexicon()))


@pytest.mark.parametrize("line, family", [
    ("点击播放 ▶ 时长 01:36", "player"),
    ("朗讀 ▶ 🔊", "player"),
    ("直播间人数：8.3万", "audience"),
    ("已有3621人参与", "audience"),
    ("自動更新 ✓", "audience"),
    ("【投票】你支持垃圾定时定点投放吗？", "poll"),
    ("你覺得今天哪隊會贏？ 統一獅 中信兄弟", "poll"),
    ("提交答案", "poll"),
    ("文字大小：A- A A+", "font-size"),
    ("延伸閱讀》城市跑者必備的五件裝備", "inline-related"),
    ("點我看更多台中新聞", "inline-related"),
    ("戳这里，看更多理财干货>>", "inline-related"),
    ("台積電 1,080 ▲15 鴻海 182.5 ▼1.0", "quote-row"),
    ("隆光新能（600888）行情 资金流向 研报", "quote-row"),
    ("加入理財日報LINE好友，掌握最新行情", "follow"),
    ("点击图片查看高清大图", "picture"),
    ("图片", "picture"),
    ("图源：节目官方微博", "picture"),
    ("升旗山缆车将延长营业时间至晚上11时。（档案照）", "picture"),
    ("本文约2800字，阅读需要8分钟", "reading-time"),
    ("广告 | 开户即送行情大礼包", "inline-advert"),
    ("【楼盘】云溪府 在售 均价32000元/㎡ 查看户型 预约看房", "widget-buttons"),
    ("点击报名 | 扫码进群领取求职资料", "follow"),
    ("按此捐款支持我們的服務", "follow"),
    ("订阅预警短信请编辑“YJ”发送至12121", "follow"),
    ("第1页：测试环境", "page-list"),
    ("今日天气 阴转大雨 24~29℃ 空气质量 良", "weather"),
    ("相關圖片", "picture"),
    ("视频加载中，请稍候...", "player"),  # a loading notice: interface words alone, its comma no clause
    ("行情 沪深300 3921.46 +0.82%", "quote-row"),  # a ticker's key over a price and its change
    ("本文约2800字，阅读需要8分钟。", "reading-time"),  # the statement alone, closed by a stop
    ("全文共3200字 | 阅读时间约 6 分钟", "reading-time"),
    ("調整字級 小 中 大", "font-size"),
    ("字号：默认 大号 超大号", "font-size"),
    ("00:00 / 02:48", "player"),
    ("【推荐】2027年高考时间表出炉，这些日子要记牢 >>", "inline-related"),  # a promotion's lead, a title, the link's arrow
    ("【推薦】港股業績期來臨 哪些板塊最值得留意？ >>", "inline-related"),
    ("▶ 推薦閱讀：秋冬花蓮旅遊懶人包 >>", "inline-related"),  # a related lead after a link's bullet
])
def test_widget_rows(line: str, family: str) -> None:
    assert _family(line) == family


@pytest.mark.parametrize("line", [
    "调查显示，超过六成受访者支持垃圾定时投放。",  # a sentence opening with a poll's word
    "视频中可以看到，摊主们提前两个小时就开始布置摊位。",
    "31:08 短视频带来的新客流",  # a podcast's timeline row
    "20:19 第27分钟，江城队前锋禁区内推射破门，1比0！",  # a live blog's entry
    "经核实，这些图片来源于网络，拍摄于多年前的国外。",
    "▲民眾在燈籠展拍照留念。",  # a caption that only describes its picture stays, as hand copies keep it
    "農業部次長（左三）與農友於田間交流友善耕作經驗。",
    "预约方式：关注“西州博物馆”微信公众号",  # a fact's value
    "□ 同意参加 □ 不同意参加",  # a form's checkboxes
    "上证指数收报3287.42点，涨0.63%。",
    "▲ 通過上次會議紀錄",
    "○ 支持 ○ 反对 ○ 无所谓",  # choices alone: a form's boxes look the same (a poll's go under its question)
    "明天白天阴转大雨，气温24到29℃，请市民出行注意安全。",
    "第1页的内容讲的是测试环境。",
    # A sentence's end (!?…, a closing quote after one) or a clause's comma: prose, whatever form it holds.
    "截至发稿，已有超过3万人参与！",
    "已有超过5000人观看！",
    "现场视频中，主持人在12:40时宣布结果！",
    "回放视频显示，球员在第03:15分钟倒地……",
    "添加好友后，对方开始推销理财产品……",
    "“关注公众号就能领红包！”",
    "你下载这个APP了吗？",
    # A figure and its change are the article's data: a ticker needs several quotes, a code or its key.
    "上证指数 3021.46 +0.82%",
    "全年粮食产量 6.95亿吨 +1.3%",
    # Numbered steps, quoted words, a vote's result, a quiz's question with its clauses.
    "三、打开手机短信",
    "2. 下载并打开官方APP",
    "网友吐槽“点击查看大图”按钮太小",
    "记者试用“立即播放 ▶”功能",
    "投票：赞成 58 票，反对 2 票",
    "小测试：接到陌生来电，对方要求你转账，你该怎么办？",
    "戳这里的人越来越多，更多干货请看下文。",  # a sentence: the tap word opens no link
    "【推荐】理由：价格实惠，口味地道。",  # a bracketed lead over a sentence, no link's arrow
    "【书评】《活着》",  # a label over a book's title: no arrow of a link
])
def test_article_lines_are_no_widgets(line: str) -> None:
    assert _family(line) == ""


def test_a_widget_shaped_headline_stays_the_headline() -> None:
    # Without the page's title the headline is guessed: a survey's or a contest's key is a headline's shape too.
    for headline in ("调查：超七成受访者支持延长课后服务", "竞猜：谁会是本届联赛的冠军？", "如何下载国家反诈中心APP？"):
        out = _clean(["江城融媒 新闻 视频 问政 服务 客户端", headline, P1, P2, P3])
        assert out[-4:] == [headline, P1, P2, P3], out


def test_rows_a_colon_sets_out_are_the_articles() -> None:
    rows = ["台积电 1,080 ▲15 鸿海 182.5 ▼1.0", "联发科 1,265 ▲20 广达 298.5 ▼3.5"]
    out = _clean(["台股权值股收盘齐扬", P1, "截至收盘：", *rows, P2, P3])
    assert all(row in out for row in rows), out
    out = _clean(["台股权值股收盘齐扬", P1, "截至收盘：", "加权指数 21,350.12", rows[0], P2, P3])
    assert rows[0] in out, out  # the run goes on under a row of the article's own
    out = _clean(["台股权值股收盘齐扬", P1, rows[0], P2, P3])
    assert rows[0] not in out  # the same row between paragraphs, set out by nothing: a ticker


def test_a_forecast_beside_weather_prose_is_the_articles() -> None:
    forecast = "周六：小雨转阴 5~11℃ 东北风4级"
    report = "受冷空气影响，本周末全市气温将明显下降，最低气温降至5℃左右，市民外出要注意添衣保暖。"
    out = _clean(["冷空气周末到货 全市气温明显下降", report, forecast, P2, P3])
    assert forecast in out, out
    out = _clean(["青川县高标准农田建设全面铺开", P1, forecast, P2, P3])
    assert forecast not in out  # beside prose of something else: a weather widget


def test_titles_under_a_related_lead_below_the_article_go() -> None:
    titles = ["城东体育公园开园", "老城区雨污分流改造启动", "地铁三号线试运行"]
    out = _clean(["青川县高标准农田建设全面铺开", P1, P2, P3, "更多精彩内容", *titles])
    assert out == ["青川县高标准农田建设全面铺开", P1, P2, P3], out


def test_referred_back() -> None:
    assert referred("这两本书都写到了老街的招牌，值得一读。")
    assert not referred("街坊们说，招牌在，老街的魂就在。")


def _clean(lines: list[str]) -> list[str]:
    return remove_furniture("\n".join(lines), []).text.splitlines()


def test_widgets_between_paragraphs_go() -> None:
    out = _clean(["青川县高标准农田建设全面铺开", P1, "视频加载中，请稍候...", "点击播放 ▶ 时长 01:36", P2,
                  "【投票】你支持这项工程吗？", "已有4528人参与", P3])
    assert out == ["青川县高标准农田建设全面铺开", P1, P2, P3]


def test_live_blog_entries_between_widgets_stay() -> None:
    # A widget's row says nothing of its neighbours: the entries between two of them are no menu's items.
    entries = ["20:34 半场结束，江城队暂时领先。", "20:50 下半场开始，滨海队换人调整。"]
    out = _clean(["江城队主场迎战滨海队", P1, "点击查看进球视频", entries[0], "竞猜：下半场谁会进球？ 江城队 滨海队",
                  "已有3621人参与", entries[1], P2])
    assert entries[0] in out and entries[1] in out
    assert "已有3621人参与" not in out


def test_choices_go_under_a_poll_and_stay_in_a_form() -> None:
    choices = "○ 支持 ○ 反对 ○ 无所谓"
    out = _clean(["城区是否应该推行垃圾定时投放", P1, "【投票】你支持垃圾定时定点投放吗？", choices, P2, P3])
    assert choices not in out and P2 in out
    form = "□ 同意参加 □ 不同意参加"
    out = _clean(["关于组织学生参加研学活动的通知", P1, P2, "回执", form, P3])
    assert form in out


def test_a_widget_row_above_the_body_is_no_guessed_headline() -> None:
    # Without the page's title the headline is guessed: the nearest headline-like line above the body.
    out = _clean(["江城融媒 新闻 视频 问政 服务 客户端", "市民广场夜间集市开市", "本文约1200字，阅读需要4分钟", P1, P2, P3])
    assert out == ["市民广场夜间集市开市", P1, P2, P3]


_GATED = "()（）摄影图片加载中视频分钟本文约字阅读需要0123456789٣:/ .。"


@settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60")) * 10, deadline=None)
@given(text=st.one_of(st.text(alphabet=_GATED, max_size=30),
                      st.lists(st.sampled_from(["(", ")", "摄", "图", "加载中", "分钟", "本文约2800字", "阅读需要", "8",
                                                "01:36", " / ", "02:48", "视频", "请稍候", "...", "。", "记者", "供图"]),
                               max_size=8).map("".join)))
def test_widget_gates_hold_wherever_a_gated_pattern_matches(text):
    # Each pattern widget asks only of a line holding what it needs: where the pattern matches,
    # the line holds it (the gate never hides a match).
    from cleaner.furniture import interleaved as i

    if i.forms().picture_credit.search(text):
        assert ")" in text[-2:]
    if i._LOADING.match(text):
        assert "加载中" in text
    if i._PLAYER_CLOCK.match(text):
        assert text[:1].isdecimal()
    if i._READING_LINE.match(text):
        assert "分钟" in text
