"""A page's widgets by form (cleaner/furniture/widgets.py): advert labels, hashtag rows, a player's
bar, download links, named page rows, a picture viewer's prompts, search placeholders, related links
on one line, tables of contents, labelled menu rows; and the article lines of the same words that
stay."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise
from cleaner.furniture.portals import form, load_words
from cleaner.furniture.widgets import contents, related_links, slide_counters


def fam(line: str) -> str:
    return form(normalise(fold_line(line)), load_words())


def norm(line: str) -> str:
    return normalise(fold_line(line))


def clean(lines: list[str], title: str | None = None) -> list[str]:
    return remove_furniture("\n".join(lines), [], title=title).text.splitlines()


@pytest.mark.parametrize("line, family", [
    ("广告", "advert"),
    ("—— 广告 ——", "advert"),
    ("ADVERTISEMENT 廣告", "advert"),
    ("【推广】", "advert"),
    ("贊助商廣告", "advert"),
    ("广告 车行天下金融 低首付 0利息 立即申请", "advert"),
    ("#日本 #自由行 #一個人旅行 #心得", "tags"),
    ("#春节档# #电影#", "tags"),
    ("【视频播放】 00:00 / 02:36", "duration"),
    ("1130912新聞稿.pdf (235 KB)", "attachment"),
    ("友善耕作補助說明.pdf (1.2 MB)", "attachment"),
    # A download link with its count: a title with its file type in brackets, or a file's name.
    ("總裁記者會簡報(PDF) 下載次數：2,876", "attachment"),
    # A site's advice on how to view it (session 26): a browser's sign, an advice, a resolution or a version.
    ("最佳瀏覽解析度 1280×1024，建議使用 Chrome、Edge、Firefox 最新版本瀏覽", "site-foot"),
    ("为了获得最佳浏览效果，建议使用Chrome浏览器，分辨率1366×768以上。", "site-foot"),
    ("本站支持IPv6访问 建议使用IE9以上浏览器", "site-foot"),
    # A rating widget: a score with the count of those who rated (session 26).
    ("综合评分 8.6（1236人做过这道菜）", "rating"),
    ("4.5分 2.1万条点评", "rating"),
    ("7.9 112453人评价", "rating"),
    ("★★★★☆ 4.2分 (856條評價)", "rating"),
    ("豆瓣评分 9.2 8.1万人想看", "rating"),
    ("解决程度：已解决　办理态度：满意　办理速度：一般", "rating"),  # a message board's evaluation form
    ("2024年度决算公开表.xlsx 下载次数：35次", "attachment"),
    ("第1页：外观设计 第2页：内饰空间 第3页：动力操控 第4页：全文总结", "pager"),
    ("▲ 点击查看高清大图 共24张", "gallery"),
    ("上一张 下一张 3/12", "gallery"),
    ("上一张 下一张 播放 全屏", "gallery"),  # the viewer's play and screen buttons beside its picture steps
    ("请输入电影、电视剧、综艺、影人", "search"),
    ("影人、片名、导演 搜索", "search"),
    ("【推广】", "advert"),
    ("—— AD ——", "advert"),
    ("广告 某某英语 免费试听 400-123-4567", "advert"),
    ("广告 www.example.com", "advert"),
    ("【论坛导航】新手区 | 问答区 | 灌水区", "menu"),
    ("请输入关键词", "search"),
    ("【遊戲專區】山海異聞錄 ｜ 攻略 ｜ 資料庫 ｜ 哈拉版", "menu"),
    # A label in brackets needs no space after it, and the advert it marks may list and run long.
    ("【廣告】新北三重捷運宅 總價1,688萬起 立即預約賞屋", "advert"),
    ("【广告】东京池袋中华料理店诚聘厨师、服务员　待遇优厚　可办签证　电话：03-5900-0000", "advert"),
    # An advert without its label: a pitch closed by its button.
    ("律师在线解答 专业律师24小时在线 立即咨询>>", "advert"),
    ("马蜂窝自由行 婺源2日游 含篁岭门票+接送 ¥298起 立即预订", "advert"),
    # A player's controls: quality, speed, subtitles, nothing else.
    ("1080P 高清 倍速 字幕", "duration"),
    ("倍速 1.0x", "duration"),
    # A player's bar before it plays: position at zero and length, with its labels and buttons.
    ("听全文 00:00 / 06:12 倍速 1.0x", "duration"),
    ("▶ 播放 00:00 / 68:14 1.0x 下一集", "duration"),
])
def test_a_widget_is_named_by_its_family(line, family):
    assert fam(line) == family


@pytest.mark.parametrize("line", [
    "广告业在过去十年里发展很快，从业者超过百万。",
    "广告 是现代商业的重要组成部分，也影响着人们的消费习惯。",
    "#心得",  # one hashtag: a heading may start with one
    "附件：1.校园安全排查表.xls",
    # Sentences about browsers and screens: no viewing advice of the site's own.
    "微软建议用户使用Edge浏览器。",
    "建议使用Chrome浏览器最新版本访问",
    "显示器推荐分辨率1920×1080，刷新率144Hz。",
    # A score with a name, in a sentence, or without a rater's count: the article's (a guide's list).
    "某某餐厅 4.6分 3200条点评",
    "该片评分8.6，有1236人评价。",
    "豆瓣评分 8.6",
    "12 3人", "第3名 5人",
    # One graded key, a grade in a sentence, a share: no evaluation form; its heading alone is a survey's.
    "服务态度：很好", "结论：满意。", "群众满意度：98%", "满意度评价：",
    "报告全文下载量已超过12,000次",  # a count of downloads in a sentence: no file named
    "比赛时间 19:30 / 21:00",  # a time span: no player's position at zero
    "焦点访谈 0:00 / 0:30 重播", "午夜剧场 00:00 / 01:30",  # a TV schedule's row: a programme, no player's word
    "计时从0:00开始，到10:30 / 11:00结束。",  # a notice's attachment, named without a size: its copies keep it
    "搜索引擎、大数据与隐私",  # a headline of two parts
    "第1页",
    "点击查看",
    "【提示】请大家注意安全，出行前查看天气预报。",
    "推广 节水灌溉技术",  # an article's subheading
    "广告：3万元",  # a budget's row
    # A label's words without a pitch (a call to act, a price, a phone number, an address).
    "广告 是互联网公司的主要收入来源",
    "广告 与 营销",
    # The weak labels bare and alone: an advert's label only with an advert beside it.
    "推广", "赞助", "AD", "Ads",
    # A list after 搜索 or 查找 alone: no placeholder, no button.
    "搜索引擎、浏览器、操作系统",
    "查找隐患、堵塞漏洞、完善制度",
    # A labelled row whose label names no channel: the article's list (outside it, ``menu_rows``).
    "【本期嘉宾】张三 | 李四 | 王五",
    "【主演】A | B | C",
    # A bracketed label over a sentence: a notice of the paper's, no pitch without its call to act.
    "【广告】本报广告部今年起迁至新址办公，地址为人民路12号三楼。",
    "字幕", "弹幕 礼仪", "高清 视频 发布",  # one control word alone, or beside other words
    "符合条件的市民可立即申请", "开放日 立即报名", "名额有限，欢迎立即报名。",  # no pitch before a button, a sentence
    "报名方式：扫描海报二维码 立即报名",  # a key: the article's event notice
    # An event notice's line closed by a call to sign up, no arrow of a link (review20 F2).
    "扫描下方二维码 立即报名", "本期课程面向零基础学员 马上报名", "本次讲座免费向市民开放 点击报名",
])
def test_article_lines_are_no_widgets(line):
    assert fam(line) == ""


def test_an_advert_label_between_paragraphs_no_longer_splits_the_article():
    # Without the advert family the label was a furniture heading, a barrier: the body began under
    # it, the headline the title names was the recipe's second heading, and the ingredients above
    # it went as lines above the headline.
    para = "这道菜做法简单，排骨先焯水去腥，再用冰糖炒出糖色，最后小火慢炖，收汁后色泽红亮，入口软烂，是很受欢迎的家常菜。"
    page = ["小灶菜谱 菜谱 菜单 作品 课堂 市集 | 上传菜谱 | 登录 注册", "菜谱 > 家常菜 > 红烧排骨", "红烧排骨",
            para, para.replace("这道菜", "这款菜"), "用料", "猪肋排 500克", "冰糖 15克", "生抽 2勺", "老抽 半勺", "料酒 1勺",
            "姜 3片", "八角 1个", "红烧排骨的做法", "1. 排骨冷水下锅，加料酒和姜片焯水，撇去浮沫后捞出沥干。",
            "2. 锅中放少许油，小火放入冰糖，慢慢炒出枣红色的糖色。", "广告",
            "3. 倒入排骨翻炒上色，加生抽、老抽和八角，再加热水没过排骨。", "4. 大火烧开后转小火炖40分钟，最后大火收汁即可。",
            para.replace("这道菜", "这道红烧排骨"), para.replace("这道菜", "这个菜")]
    out = clean(page, title="红烧排骨的做法_红烧排骨怎么做_小灶菜谱")
    assert "广告" not in out
    for line in ["红烧排骨", "用料", "猪肋排 500克", "八角 1个", "红烧排骨的做法"]:
        assert line in out


def test_a_table_of_contents_goes_when_the_page_repeats_its_entries():
    texts = [norm(t) for t in ["目录", "1 历史沿革", "2 建筑结构", "3 保护现状", "历史沿革", "正文一。", "建筑结构", "正文二。",
                               "保护现状", "正文三。"]]
    assert contents(texts, [""] * len(texts)) == [0, 1, 2, 3]


def test_a_list_under_a_contents_word_stays_when_the_page_does_not_repeat_it():
    texts = [norm(t) for t in ["目录", "1 总则", "2 附则", "本办法自发布之日起施行。"]]
    assert contents(texts, [""] * len(texts)) == []


def test_a_related_link_between_paragraphs_goes_the_first_link_of_a_box_stays():
    words = load_words()
    texts = [norm(t) for t in ["本轮融资将主要用于产品研发和海外市场拓展，公司计划明年进入欧洲市场。",
                               "推荐阅读：7月新能源车销量出炉：多家新势力创新高",
                               "公司此前曾为多家3D打印设备厂商提供电源方案，积累了一批工业客户。",
                               "延伸阅读：57岁小学肄业 广西骗子演绎25亿美元惊天骗局",
                               "诱导高收费电话回电 警惕祝福短信成骗钱陷阱",
                               "推荐阅读：《红楼梦》《三国演义》",
                               "这两本书都值得一读再读，尤其是在年轻的时候读一遍，中年以后再读一遍。"]]
    prose = [len(t) >= 20 and t.endswith("。") for t in texts]
    assert related_links(texts, [""] * len(texts), prose, words.related_link) == [1]


PARA = "这是第一段文章的正文内容，讲述了本市近期开展的一系列活动，活动吸引了大批市民积极参与，反响热烈。"
PARA2 = "这是第二段文章的正文内容，相关部门表示将继续推进各项工作，并在下一阶段扩大覆盖范围，让更多人受益。"


@pytest.mark.parametrize("line", [
    "广告 是互联网公司的主要收入来源",
    "【本期嘉宾】张三 | 李四 | 王五",
    "搜索引擎、浏览器、操作系统",
    "最新消息：台风中心已进入北部湾海面",  # a live update opens with a news box's heading
    "即时新闻：救援队已抵达现场",
    "推广",
])
def test_a_line_with_a_widgets_words_between_paragraphs_stays(line):
    assert clean([PARA, line, PARA2]) == [PARA, line, PARA2]


def test_a_bare_weak_label_goes_with_the_advert_beside_it():
    out = clean([PARA, "推广", "某某金融 低首付 0利息 立即申请", PARA2])
    assert "推广" not in out


def test_a_labelled_menu_row_goes_outside_the_article():
    out = clean(["【本站导读】要闻 | 评论 | 图片", PARA, PARA2, PARA.replace("第一段", "第三段")])
    assert "【本站导读】要闻 | 评论 | 图片" not in out


def _labels() -> list[str]:
    import tomllib

    from cleaner.furniture.lexicon import DATA

    words = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))["portals"]["adverts"]
    return [normalise(w) for w in words if w.strip()]


ADVERT_LINES = st.lists(st.sampled_from([*_labels(), "ad", "Ads", " ", "——", "-", "【", "】", "[", "]", "(", ")", "|", "*", "<", "·",
                                         "某某金融", "立即申请", "是", "。", "x"]), max_size=8).map("".join)


@settings(max_examples=800, deadline=None)
@given(text=ADVERT_LINES)
def test_an_advert_label_alone_is_found_as_without_the_opening_gate(text):
    # widgets.advert_patterns' first lookahead (a label opens the line after its decoration)
    # only spares the scan for a strong label: the pattern finds what it found without it.
    from cleaner.furniture.widgets import _DECOR, _WEAK, advert_patterns

    labels = _labels()
    weak = {w.upper() for w in _WEAK}
    words = "|".join(re.escape(w) for w in sorted(set(labels), key=len, reverse=True))
    strong = "|".join(re.escape(w) for w in sorted({w for w in labels if w.upper() not in weak}, key=len, reverse=True))
    ungated = re.compile(rf"(?i)^(?=.*(?:{strong})|.*[\[【(—\-=*<])({_DECOR})(?:{words})(?:{_DECOR}(?:{words}))*{_DECOR}$")
    assert bool(advert_patterns(labels)[0].match(text)) == bool(ungated.match(text))


def test_a_download_box_goes_and_the_notices_own_list_of_attachments_stays():
    # The notice names its attachments without an extension above its signature; the site's box
    # under it repeats them as the files to download, each with its extension, no size.
    para = "为进一步规范义务教育招生入学工作，保障适龄儿童少年依法接受义务教育，现将有关事项通知如下，请各校认真贯彻落实。"
    own = ["附件：1.2025年小学招生片区划分表", "2.初中对口入学一览表", "临溪区教育局", "2025年5月20日"]
    box = ["附件下载：", "附件1：2025年小学招生片区划分表.xlsx", "附件2：初中对口入学一览表.pdf"]
    out = clean(["关于做好2025年招生入学工作的通知", para, para.replace("规范", "做好"), *own, *box, "【打印此页】【关闭窗口】"])
    assert [line for line in box if line in out] == []
    assert [line for line in own if line in out] == own
    related = ["相关文件：", "附件：秋季农作物病虫害防控技术要点.docx"]
    out = clean(["关于做好秋季病虫害防控工作的通知", para, para.replace("规范", "做好"), *related])
    assert [line for line in related if line in out] == []
    # 附件： alone over file names (extensions) below the last paragraph: the site's links to the
    # uploads, whatever heads them (session 26's decision; docs/furniture-portals.md).
    files = ["附件：", "1.校园安全排查表.xls", "2.报名登记表.docx"]
    assert [line for line in files if line in clean(["关于做好校园安全工作的通知", para, para.replace("规范", "做好"), *files])] == []


def test_file_links_below_the_last_paragraph_go_the_notices_signature_between_them_stays():
    # A file's name with its extension is the upload's name, the link text the site writes under
    # the document; the document's own 附件说明 names the attachment by its title (GB/T 9704).
    # Between 特此通告 and the signature, the link went and left the issuer's name and the signing
    # date between two removed lines: they must not go as a menu's items (``between``).
    para = "经省药品检验研究院检验，标示为某制药有限公司生产的1批次阿莫西林胶囊不符合规定，不符合规定项目为溶出度。"
    page = ["关于5批次药品不符合规定的通告", para, para.replace("1批次", "2批次"), "特此通告。",
            "附件：5批次不符合规定药品名单.xlsx", "浙江省药品监督管理局", "2026年11月20日", "（信息来源：药品安全监管处）"]
    out = clean(page)
    assert "附件：5批次不符合规定药品名单.xlsx" not in out
    assert [line for line in page[:4] + page[5:7] if line not in out] == []
    # A bare 附件： over numbered file names at the page's end: heading and rows go.
    files = ["附件：", "1.临川区城东污水处理厂提标改造工程环境影响报告表（公示本）.pdf", "2.建设单位承诺书.pdf"]
    out = clean(["关于环评文件的公示", para, para.replace("1批次", "2批次"), *files, "【我要纠错】 【打印本页】 【关闭窗口】"])
    assert [line for line in files if line in out] == []


def test_a_file_named_above_a_paragraph_and_a_documents_own_list_stay():
    # Above a prose line a file's name is the article's (an essay naming its table); the document's
    # own list names attachments without extensions; a page with no prose keeps its list of files.
    para = "老街的招牌大多是几十年前请书法家写的，如今已经很少见到，街坊们花了一年时间把它们整理成册。"
    page = ["老街的招牌", para, "附件：老街招牌名录.xls", para.replace("一年", "两年")]
    assert clean(page) == page
    own = ["附件：1.2025年小学招生片区划分表", "2.初中对口入学一览表"]
    page = ["关于招生的通知", para, para.replace("一年", "两年"), *own]
    assert [line for line in own if line not in clean(page)] == []
    from cleaner.furniture.widgets import trailing_files

    texts = [norm(t) for t in ("下载专区", "1.申报表.docx", "2.承诺书.pdf")]
    assert trailing_files(texts, [""] * 3, [False] * 3) == []


def test_files_a_line_introduces_are_the_articles_list():
    # A tutorial's own list of files under the line that announces it (…如下：), and a notice's own
    # heading of them (会议材料：): the article's, kept (review26); 附件： over them is the site's.
    para = "运行结束以后，文件夹里每个文档旁边都会多出一个同名的PDF文件，原来的文件不会被改动，可以放心使用。"
    files = ["年度总结.docx", "年度总结.pdf", "工作计划.docx", "工作计划.pdf"]
    intro = "以我的文件夹为例，转换前后的文件如下："
    out = clean(["批量把Word转成PDF", para, para.replace("文件夹", "目录"), intro, *files, "相关阅读", "Word技巧：如何快速删除空白页",
                 "Excel技巧：十个常用函数详解"])
    assert [line for line in [intro, *files] if line not in out] == []
    own = ["会议材料：", "1.2025年工作要点.pdf", "2.分组讨论名单.doc"]
    out = clean(["关于召开年度工作会议的通知", para, para.replace("文件夹", "目录"), *own])
    assert [line for line in own if line not in out] == []


def test_a_rating_row_and_viewing_advice_inside_the_article_stay():
    # Between the article's paragraphs a shop's score is the guide's, and advice on the browser to
    # use is the notice's to its readers; below the article they are the site's (review26).
    para = "北京的烤鸭店很多，老字号也不少，我们这次挑了五家口碑最好的店，一家一家吃过去，下面是我们的看法。"
    rated = ["老王烤鸭店", "综合评分4.6分 3200条点评"]
    out = clean(["五家老字号烤鸭店", para, *rated, para.replace("五家", "几家"), para.replace("很多", "不少")])
    assert [line for line in rated if line not in out] == []
    advice = "建议使用Chrome 90以上版本浏览器办理。"
    question = "问：网上办理社保转移需要准备哪些材料？答：需要身份证、社保卡和原参保地开具的参保凭证，全部上传后提交即可。"
    out = clean(["社保转移网上办理问答", question, advice, question.replace("社保卡", "户口本"), question.replace("上传", "提交")])
    assert advice in out


def test_a_download_row_with_its_count_goes_with_its_heading():
    # A central bank's press release: its files under a bare 附件, each a title with its type and
    # download count (the rows read as prose by their colon and the count's comma: the body ran on
    # over them). Taiwan's 相關檔案 heads a box of files with their sizes.
    para = "中央銀行今日召開第四季理監事聯席會議，決議政策利率維持不變，重貼現率及擔保放款融通利率分別維持原水準。"
    box = ["附件", "理監事聯席會議決議新聞稿(PDF) 下載次數：1,204", "總裁記者會簡報(PDF) 下載次數：2,876"]
    out = clean(["央行決議維持政策利率不變", para, para.replace("今日", "昨日"), *box])
    assert [line for line in box if line in out] == []
    files = ["相關檔案：", "特展摺頁.pdf（2.3MB）"]
    out = clean(["特展開幕", para, para.replace("今日", "昨日"), *files])
    assert [line for line in files if line in out] == []


def test_a_slideshows_counters_go_a_lone_fraction_and_a_pdfs_page_numbers_stay():
    # A gallery page sets 1/8, 2/8 ... over each picture's caption; as bare numbers they stayed
    # (unseen10's photo gallery, session 25).
    page = ["赛里木湖迎来初冬美景", "1/8", "湖面开始结冰，远处雪山清晰可见。", "2/8", "牧民赶着羊群转场。", "3/8", "游客在湖边拍照。"]
    assert slide_counters(page, [""] * len(page)) == [1, 3, 5]
    assert slide_counters(["配料", "面粉", "1/2", "勺糖"], [""] * 4) == []  # one fraction alone
    pdf = ["1/3"] + ["正文"] * 9 + ["2/3"] + ["正文"] * 9 + ["3/3"]  # a page apart: the PDF copy's numbering
    assert slide_counters(pdf, [""] * len(pdf)) == []
    kept = remove_furniture("\n".join(page), (), title="赛里木湖迎来初冬美景_图片新闻").text.split("\n")
    assert "1/8" not in kept and "游客在湖边拍照。" in kept


def test_an_evaluation_forms_heading_goes_only_over_its_graded_row():
    para = "市住建局回复：经核实，该小区雨污分流改造工程已列入今年计划，预计十二月底前完工，届时积水问题将得到解决。"
    form_rows = ["满意度评价：", "解决程度：已解决　办理态度：满意　办理速度：一般"]
    assert clean([para, para.replace("十二月", "十一月"), *form_rows]) == [para, para.replace("十二月", "十一月")]
    survey = ["满意度评价：", "本次调查共回收问卷一千二百份，受访者对窗口服务的总体满意度为百分之九十六。"]
    assert clean([para, *survey]) == [para, *survey]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("建议推荐最佳请使用为了获得浏览器分辨率 1024x768") + ["建议", "推荐", "最佳", "请使用", "请用", "为了获得"]), max_size=12).map("".join))
def test_the_advice_characters_gate_every_advice_word(text):
    """viewing_advice searches for _ADVICE only on a line holding one of _ADVICE_CHARS: every
    advice word holds one."""
    from cleaner.furniture.widgets import _ADVICE, _ADVICE_CHARS

    assert _ADVICE.search(text) is None or _ADVICE_CHARS.search(text) is not None
