"""The site's own contact row under the article (cleaner/furniture/site_contact.py)."""

from cleaner import Cleaner
from cleaner.furniture.portals import load_words
from cleaner.furniture.site_contact import contact_rows, site_names

PARAS = ["近日，我院骨科团队成功为一名七十二岁的患者实施了机器人辅助膝关节置换术，手术历时九十分钟，患者术后第二天即可下床活动。",
         "据介绍，机器人辅助手术能够根据患者的影像数据制定个性化方案，截骨精度达到亚毫米级，有效减少了术中出血和术后疼痛。"]
ROW = "临川市第一人民医院 地址:临川市中山路120号 急救电话:0794-8120120"


def test_the_sites_names_come_from_its_title_and_its_banner():
    assert site_names("我院成功开展首例手术_医院新闻_临川市第一人民医院", "希望基金会 首页 关于我们") == ["医院新闻", "临川市第一人民医院", "希望基金会"]
    assert site_names(None, "首页") == []


def test_a_row_opening_with_the_sites_name_and_its_fields_below_the_article_is_the_sites():
    keys = load_words().foot
    texts = [*PARAS, ROW]
    prose = [True, True, False]
    assert contact_rows(texts, prose, ["临川市第一人民医院"], keys) == [2]
    assert contact_rows(texts, prose, ["临川市人民医院"], keys) == []  # another office's name: a notice's contact
    assert contact_rows([ROW, *PARAS], [False, True, True], ["临川市第一人民医院"], keys) == []  # above the article
    assert contact_rows([*PARAS, "临川市第一人民医院 欢迎您的来访。"], prose, ["临川市第一人民医院"], keys) == []


def test_the_model_takes_the_row():
    title = "我院成功开展首例机器人辅助膝关节置换术_医院新闻_临川市第一人民医院"
    page = ["临川市第一人民医院 首页 医院概况 科室导航", "我院成功开展首例机器人辅助膝关节置换术", *PARAS, ROW.replace(":", "："),
            "临川市第一人民医院信息科 维护"]
    assert Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n") == page[1:4]


def test_a_row_over_a_notices_signature_is_the_notices():
    # review38: a hospital's recruitment notice lost its contact row (an applicant's address and
    # phone) as the site's foot: it stands between the notice's items and its signature.
    keys = load_words().foot
    texts = [*PARAS, ROW, "临川市第一人民医院", "2027年5月10日"]
    prose = [True, True, False, False, False]
    assert contact_rows(texts, prose, ["临川市第一人民医院"], keys, {3, 4}) == []
    # Under the signature, the same row is the site's foot again.
    texts = [*PARAS, "临川市第一人民医院", "2027年5月10日", ROW]
    assert contact_rows(texts, prose, ["临川市第一人民医院"], keys, {2, 3}) == [4]
    title = "临川市第一人民医院2027年公开招聘护理人员公告_临川市第一人民医院"
    page = ["临川市第一人民医院 首页 医院概况 招聘信息", "临川市第一人民医院2027年公开招聘护理人员公告",
            "因工作需要，经研究决定，我院面向社会公开招聘护理人员二十名，现将有关事项公告如下。",
            "二、报名方式：应聘人员请于2027年5月31日前携带相关材料到我院人事科现场报名。",
            ROW.replace(":", "："), "临川市第一人民医院", "2027年5月10日"]
    assert Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n") == page[1:]
