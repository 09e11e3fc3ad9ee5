"""The site speaking of itself below the article (cleaner/furniture/site_voice.py)."""

from cleaner import Cleaner
from cleaner.furniture.site_voice import site_names, site_voice

PARAS = ["华东精密今日发布公告，公司2024年半年度权益分派方案已获股东大会审议通过，本次分派以总股本为基数向全体股东每十股派发现金红利。",
         "公告显示，本次权益分派股权登记日为8月20日，除权除息日为8月21日，现金红利将通过中国结算深圳分公司直接划入股东资金账户。",
         "公司表示，本次分派方案的实施不会对公司的正常经营产生影响，公司将继续坚持稳健经营，努力为股东创造更好的回报。"]
TITLE = "华东精密：2024年半年度权益分派实施公告_公司公告_新浪财经_新浪网"


def test_the_title_parts_after_the_first_name_the_site_but_not_the_headline():
    assert site_names("华东精密权益分派实施公告_公司公告_新浪财经_新浪网", "华东精密权益分派实施公告") == ["公司公告", "新浪财经", "新浪网"]
    # A name of three characters is a site's too (session 39: 安居网, 运动网); a channel of two is none.
    assert site_names("南湖片区新盘入市_房产_安居网", "南湖片区新盘入市") == ["安居网"]
    # The headline second (站名 - 标题): it is no site's name.
    assert site_names("东瀛新报 - 日本央行维持利率不变", "日本央行维持利率不变") == []


def test_a_sentence_naming_the_site_is_its_voice_a_name_or_a_signature_is_not():
    names = ["新浪财经"]
    assert site_voice("海量资讯、精准解读，尽在新浪财经APP", names)
    assert site_voice("支持福音时报 让好消息被看见", ["福音时报"])
    assert not site_voice("新浪财经", names)  # the name alone
    assert not site_voice("清河县人力资源和社会保障局 2025年3月1日", ["清河县人力资源"])  # a notice's signature
    assert not site_voice("海量资讯、精准解读，尽在某某APP", names)


def test_the_sites_line_under_the_article_goes_and_the_articles_lines_stay():
    # Under a notice signed by its company and dated: the signature stays, the site's line goes.
    signed = ["特此公告。", "华东精密科技股份有限公司董事会", "2024年9月6日"]
    text = "\n".join(["华东精密：2024年半年度权益分派实施公告", *PARAS, *signed, "海量资讯、精准解读，尽在新浪财经APP"])
    result = Cleaner(to="keep").run(text, title=TITLE)
    assert result.text == "\n".join(["华东精密：2024年半年度权益分派实施公告", *PARAS, *signed])
    assert "generic/site-voice" in [s.name for s in result.steps]
    # A last paragraph that names the site stays: the article may quote where it is published.
    quoted = PARAS[:2] + ["据新浪财经统计，今年以来已有超过两千家上市公司披露了半年度分红方案，合计派现金额较去年同期明显增长，其中制造业公司占比最高。"]
    assert Cleaner(to="keep").run("\n".join(["华东精密：2024年半年度权益分派实施公告", *quoted]), title=TITLE).text == \
        "\n".join(["华东精密：2024年半年度权益分派实施公告", *quoted])


def test_a_body_the_title_names_signs_and_is_reported_on_in_lines_that_stay():
    # A government site's title names the body whose notices it carries (review27): its joint
    # signatures, an attachment line and a sentence that reports on it are the article's.
    names = ["清河县应急管理局"]
    for line in ["清河县应急管理局 清河县安全生产委员会办公室", "清河县应急管理局，清河县公安局",
                 "附件：1.清河县应急管理局春节值班表、2.联系方式", "清河县应急管理局 一月二十日",
                 "下一步，清河县应急管理局将会同各乡镇加快推进隐患排查整治。"]:
        assert not site_voice(line, names), line
    notice = ["为做好春节期间安全生产工作，清河县应急管理局决定在全县范围内开展安全生产大检查，现将有关事项通知如下。",
              "各乡镇、各有关部门要高度重视，迅速组织力量对辖区内重点行业领域开展拉网式排查，确保不留死角。",
              "检查中发现的重大隐患要建立台账，明确整改责任人和整改时限，整改完成后及时报县应急管理局备案。"]
    tail = ["附件：1.清河县应急管理局春节值班表、2.联系方式", "清河县应急管理局 清河县安全生产委员会办公室"]
    text = "\n".join(["关于开展春节安全生产大检查的通知", *notice, *tail])
    title = "关于开展春节安全生产大检查的通知_通知公告_清河县应急管理局"
    assert Cleaner(to="keep").run(text, title=title).text == text


def test_a_line_under_the_article_naming_a_site_of_three_characters_goes():
    # Session 39: 欢迎关注安居网公众号 under …_房产_安居网 stayed (a site's name needed four characters).
    paras = PARAS
    text = "\n".join(["华东精密：2024年半年度权益分派实施公告", *paras, "欢迎关注安居网公众号，第一时间获取楼市动态。"])
    result = Cleaner(to="keep").run(text, title="华东精密：2024年半年度权益分派实施公告_房产_安居网")
    assert result.text == "\n".join(["华东精密：2024年半年度权益分派实施公告", *paras])


def test_the_site_speaking_of_its_mission_is_its_voice():
    # Session 39: 某某致力于…, 某某频道，为广大…提供…, 某校以…为办学理念 under the article.
    assert site_voice("绿手指生活致力推广城市园艺,让每个人都能享受种植的乐趣。", ["绿手指生活"])
    assert site_voice("三农频道,为广大农民朋友提供权威的政策解读和实用的致富信息。", ["三农频道"])
    assert site_voice("仁爱国中以「品德、关怀、卓越」为办学理念,培育全人发展的未来公民。", ["仁爱国中"])
    assert site_voice("运动网,做最专业的体育资讯平台。", ["运动网"])
    # The article's sentence naming the body the title names, in no such voice, is none.
    assert not site_voice("下一步,清河县应急管理局将会同各乡镇加快推进隐患排查整治。", ["清河县应急管理局"])
