"""text_kind.py: on a text with no page furniture anywhere, the generic model judges no line."""

import pytest

from cleaner import Cleaner
from cleaner.furniture.boilerplate import fold_page
from cleaner.furniture.features import line_features
from cleaner.furniture.generic import load_lexicon
from cleaner.furniture.text_kind import held_back, page_rows, page_signs

CHAT = """[2024-03-08 20:01] 陈晨：今晚的读书会改到线上了，链接稍后发群里。
[2024-03-08 20:02] 刘洋：好的，这次读哪一本？
[2024-03-08 20:03] 陈晨：《人类简史》第三部分，大家提前看一下。
[2024-03-08 20:05] 周敏：[图片] 读书笔记.jpg
[2024-03-08 20:06] 周敏：这是我上周整理的笔记，大家可以参考。
[2024-03-08 20:09] 刘洋：太有用了，谢谢！
[2024-03-08 20:12] 陈晨：八点半准时开始，迟到的自己进会议室。
[2024-03-08 20:15] 赵磊：我可能要晚十分钟，孩子还没睡。"""

CONTACTS = """学校各部门联系方式
校长办公室
电话：0571-86001234　传真：0571-86001235
教务处
电话：0571-86002345　邮箱：jwc@school.edu.cn
招生办公室
地址：杭州市西湖区文一路88号行政楼二楼
咨询热线：0571-86003456（工作日 8:30-17:00）"""

REVIEWS = """商品评价（共3条）
★★★★☆ 4分
买家 晴天 2023-08-14 追加评价
耳机音质不错，低音很足，降噪效果一般，戴久了耳朵有点疼。
★★★★★ 5分
买家 小王同学 2023-08-20
第二次购买了，送给朋友的，包装很精美，物流两天就到。
★★☆☆☆ 2分
买家 匿名用户 2023-09-01
用了一个月左耳就没声音了，联系客服说要寄回检测，比较麻烦。"""

LYRICS = """月光洒在小河上
风吹过那片稻香
妈妈在门口张望
等我回到老地方
月光洒在小河上
风吹过那片稻香
我把思念都收藏
写成一首歌来唱"""

SPECS = """产品参数
品牌：星河
型号：XH-A7
屏幕尺寸：6.7英寸
分辨率：2400×1080
运行内存：12GB
电池容量：5000mAh
上市时间：2023年9月"""

SCHEDULE = """2024年学术年会日程
5月18日（星期六）
08:30-09:00　签到
09:00-09:20　开幕式　主持人：王教授
09:20-10:20　主旨报告：人工智能与教育的未来
10:20-10:40　茶歇
10:40-12:00　分论坛一：课程改革"""


def lines_of(text):
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("text", [CHAT, CONTACTS, REVIEWS, LYRICS + "\n" + SPECS, SPECS + "\n" + CHAT,
                                  SCHEDULE + "\n" + LYRICS, CONTACTS + "\n" + REVIEWS],
                         ids=["chat", "contacts", "reviews", "lyrics+specs", "specs+chat", "schedule+lyrics", "contacts+reviews"])
def test_a_text_that_is_no_page_keeps_every_line(text):
    assert lines_of(Cleaner(to="keep").run(text).text) == lines_of(text)


def signs(text):
    lexicon = load_lexicon()
    folded = fold_page(text).split("\n")
    return page_signs(line_features(folded, list(range(len(folded))), lexicon), lexicon)


@pytest.mark.parametrize("line", ["首页 | 新闻中心 | 通知公告 | 联系我们",
                                  "您现在的位置：首页 > 新闻动态 > 正文",
                                  "来源：本站原创　作者：admin　发布时间：2021-04-02",
                                  "【打印本页】【关闭窗口】",
                                  "分享到：微信 微博 QQ空间",
                                  "Copyright © 2008 某某市教育局 版权所有",
                                  "浙ICP备05012345号",
                                  "点击查看原文",
                                  "网友评论",
                                  "周末去哪儿钓鱼【水边人】08-11 16:06 298字 [4321/87]",
                                  "·2006年1月 (90)",
                                  "15/10/2024 3:42 PM AEDT 更新於 15/10/2024 5:10 PM",
                                  "网友 老街坊 回复",
                                  "# re: 冬季救助专项行动 2023-11-20 10:30 网友3",
                                  "0评论", "评论(12)",
                                  # session 25: a comment box's sort tabs, a cookie panel (heading and prompt)
                                  "按热度排序按时间排序", "按热度排序 | 按时间排序",
                                  "Cookie 选项\n请选择你的 Cookie 保存时间，"])
def test_page_furniture_is_a_sign(line):
    assert signs(line)


@pytest.mark.parametrize("text", [CHAT, CONTACTS, REVIEWS, LYRICS, SPECS, SCHEDULE,
                                  "【用法用量】口服，一次1片，一日3次。\n【不良反应】偶见皮疹。",
                                  "联系我们\n地址：北京市朝阳区某路1号",
                                  "作者：张三　出版社：人民文学出版社　出版时间：2018年",
                                  "2024-03-08 20:15 陈晨：我更新了文档，大家看一下",
                                  "2024-03-08 20:16 刘洋：我回复了邮件",
                                  "商品评价（共3条）",
                                  "按时间排序",  # one tab alone sorts a list of answers or reviews
                                  # a text about cookies heads its section so and goes on in sentences
                                  "Cookie 设置\n在浏览器的 Cookie 设置中，可以选择阻止第三方 Cookie。"])
def test_a_text_of_its_own_forms_shows_no_sign(text):
    assert not signs(text)


def test_a_page_with_furniture_still_loses_it():
    article = ("市教育局今天召开全市中小学安全工作会议，部署新学期校园安全工作。会议要求各校落实安全责任制，"
               "加强校园周边环境治理，确保师生平安。") * 2
    page = "\n".join(["首页 | 新闻中心 | 通知公告 | 联系我们", "市教育局召开安全工作会议",
                      "来源：本站原创　作者：admin　发布时间：2021-04-02", article, "【打印本页】【关闭窗口】",
                      "Copyright © 2008 某某市教育局 版权所有"])
    out = Cleaner(to="keep").run(page).text
    assert article in out and "打印本页" not in out and "首页 |" not in out


def test_a_text_whose_only_furniture_is_a_comment_box_is_a_page():
    # A page given as text without its title: no menu, trail, byline or notice, only the comment
    # box under the story (its count, the tabs that sort it, its placeholder). Read as a text that
    # is no web page, it kept them.
    story = ["速子的情人节",
             "中午下课，曼城茶座拿着咖啡杯一如既往地向着教室走去。走到门前握住把手，却发现门被人从里面锁上了，她只好绕到窗边看看。",
             "“啊！谢谢你茶座，你果然是我最好的……咳咳。”速子兴奋地从角落里跑出来，手里还拿着一大包巧克力，看起来已经准备了很久。",
             "茶座叹了口气，把咖啡杯放在桌上，帮她把散落一地的包装纸捡起来。窗外的阳光照进教室，空气里都是甜甜的味道。"]
    box = ["0评论", "按热度排序按时间排序", "发一条友善的评论"]
    out = Cleaner(to="keep").run("\n".join(story + box)).text.split("\n")
    assert out == story


def test_families_of_their_own_form_go_in_any_text():
    assert not held_back(("pager",)) and not held_back(("novel",))
    assert held_back(("head", "date")) and held_back(("list",)) and held_back(("tags",))


def test_a_page_whose_article_is_a_list_loses_its_byline_and_button_rows():
    menu = ["凉菜", "夫妻肺片　￥38", "口水鸡　￥42", "热菜", "宫保鸡丁　￥45", "麻婆豆腐　￥28", "主食", "担担面　￥18"]
    page = "\n".join(["首页 | 美食 | 旅游 | 论坛", "老成都川菜馆菜单", "来源：本站原创　作者：admin　发布时间：2006-05-01 09:30　点击：321",
                      *menu, "【打印本页】【关闭窗口】【收藏】", "Copyright © 2006 某某网 版权所有"])
    out = Cleaner(to="keep").run(page, title="老成都川菜馆菜单_美食频道_某某网").text.split("\n")
    assert out == ["老成都川菜馆菜单", *menu]


def test_page_rows_are_of_their_own_form():
    lexicon = load_lexicon()
    rows = ["来源：本站原创　作者：admin　发布时间：2006-05-01 09:30", "【打印本页】【关闭窗口】",
            "【用法用量】【不良反应】", "【用法用量】口服，一次1片。", "作者：张三　出版社：人民文学出版社　出版时间：2018年"]
    assert [family for _, family in page_rows(rows, list(range(len(rows))), lexicon)] == ["byline-row", "buttons"]


def test_a_line_of_mojibake_is_no_sign():
    # UTF-8 read as Mac Roman: the byte 0xA9 of 温 shows as ©, which is no copyright line.
    assert not signs("公司高温产品的质疑名单".encode().decode("mac_roman"))


def test_a_text_whose_only_furniture_is_a_cookie_panel_is_a_page():
    # A login wall given as text without its title: its only furniture a cookie panel (a dev page
    # as a text dump). Read as a text that is no web page, it kept the panel's options.
    wall = ["错误的版面参数！请确认您是从有效的连接进入。", "请仔细阅读论坛帮助文件，确保您有相应的操作权限。",
            "您尚未登录，您可以输入您的用户名、密码登录以便进行您的操作。"]
    panel = ["Cookie 选项", "请选择你的 Cookie 保存时间，", "不保存", "保存一天", "保存一月", "保存一年"]
    assert signs("\n".join(panel)) and not signs("\n".join(wall))
