"""A notice's own contact block after its body or its signature (cleaner/furniture/notice_contacts.py),
and the furniture stage keeping it while the site's contact footer under it still goes."""

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.notice_contacts import contact_block, field_key, heading, row_keys, squeezed

FITS = lambda pos: True  # noqa: E731
NO_GAP = lambda pos: False  # noqa: E731
NO_SIGNER = lambda pos: False  # noqa: E731


def test_a_heading_of_contacting_and_a_field_with_its_hours_in_brackets():
    assert heading("八、联系方式") and heading("联系方式") and heading("查询:") and heading("六、咨询方式")
    assert not heading("关于我们") and not heading("联系我们 | 网站地图 | 隐私声明")
    assert field_key("咨询电话:0794-8290561(工作日上午9:00-12:00,下午14:30-17:30)") == "咨询电话"
    assert field_key("主办单位:临川市司法局 网站标识码:3610000012") is None  # two fields: a site's foot row


def test_the_block_needs_a_party_of_the_notice_and_stops_at_the_first_other_line():
    texts = ["正文", "八、联系方式", "招标人:临川市第二中学", "联系人:刘老师", "电话:0794-8231567",
             "关于我们 | 联系我们 | 网站地图", "版权所有:临川市公共资源交易中心"]
    assert contact_block(texts, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2, 3, 4}
    # Keys naming no party of the notice (a site's address and phone): not the notice's block.
    site = ["正文", "地址:临川市赣东大道88号", "电话:0794-8200111", "版权所有:某中心"]
    assert contact_block(site, 1, FITS, NO_GAP, NO_SIGNER) == set()
    # One row the caller says is the site's, or a line taken above one, ends the block there.
    assert contact_block(texts, 1, lambda pos: pos != 3, NO_GAP, NO_SIGNER) == set()
    assert contact_block(texts, 1, FITS, lambda pos: pos == 3, NO_SIGNER) == set()


def test_a_key_naming_a_page_or_the_sites_role_ends_the_block():
    texts = ["正文", "新闻联络人:林科长", "联络电话:02-2349-1500", "相关连结:115年国人旅游状况调查报告"]
    assert contact_block(texts, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2}
    site = ["正文", "联系人:刘老师", "电话:0794-8231567", "主办单位:临川市公共资源交易中心", "网站电话:0794-8200111"]
    assert contact_block(site, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2}


def test_rows_of_two_or_three_contact_fields_and_a_phone_going_on_below():
    assert row_keys("联系人:彭工 电话:0794-8267788 邮箱:xinda_pm@163.com") == ["联系人", "电话", "邮箱"]
    assert row_keys("联络人:工务处养护科 陈先生 电话:(03)5518101分机3312") == ["联络人", "电话"]
    assert row_keys("本网站最佳浏览解析度为1280x1024。") == []
    paired = ["正文", "招标人:临川市第一人民医院 地址:临川市中山路120号", "联系人:邓主任 电话:0794-8120211",
              "主办单位:临川市公共资源交易中心 网站电话:0794-8200111"]
    assert contact_block(paired, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2}  # the site's keys end it
    # One row alone (a press release's 新闻联络人：… 电话：…) is a block of no form: left to the model.
    assert contact_block(["正文", "新闻联络人:农粮署 王副组长 电话:(049)2341-234", "相关附件:"], 1, FITS, NO_GAP, NO_SIGNER) == set()
    # A key naming the notice's business (咨询电话: to ask about it), a second number on its own line.
    phones = ["正文", "咨询电话:0794-8226301(基教科)", "0794-8226305(招生办)", "电子邮箱:lcjyjzb@163.com", "关于我们 | 联系我们"]
    assert contact_block(phones, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2, 3}
    # A rule of dashes under the last row is made of a phone's signs, but holds no number: not the block's.
    for rule in ("--------------", "- - - - - - - -", "( ) ( ) ( ) - -"):
        assert contact_block(["正文", "联系人:刘老师", "电话:0794-8231567", rule, "关于我们"], 1, FITS, NO_GAP, NO_SIGNER) == {1, 2}


def test_the_issuers_signature_inside_the_block_is_the_blocks():
    texts = ["正文", "联系人:黄督导", "电话:(089)345678", "台东县家庭关怀协会 谨启", "关于我们 | 联系我们"]
    assert contact_block(texts, 1, FITS, NO_GAP, lambda pos: pos == 3) == {1, 2, 3}


BODY = ["为进一步规范城市养犬行为，保障公民人身安全和健康，维护市容环境和社会秩序，市司法局起草了管理办法征求意见稿。",
        "现将征求意见稿全文公布，社会各界可在公告发布之日起三十日内，通过信函或者电子邮件等方式提出意见和建议。",
        "来信请在信封上注明征求意见字样，电子邮件请在主题中注明，意见建议请写明具体条款、修改理由和联系方式。"]
SIGNED = ["临川市司法局", "2027年7月8日"]
CONTACTS = ["联系人：杨洁", "联系电话：0794-8221309", "通讯地址：临川市政府大院3号楼412室", "电子邮箱：lcsfjlf@163.com"]
FOOT = ["【打印】 【关闭】", "关于我们 | 联系我们 | 网站地图", "主办：临川市司法局 网站标识码：3610000012 赣ICP备12004321号"]


def kept_and_gone(page: list[str]) -> tuple[list[str], set[str]]:
    removal = remove_furniture("\n".join(page), ())
    return removal.text.split("\n"), {f.detail.split(": ", 1)[1] for f in removal.findings if f.kind == "removed-line"}


def test_a_notices_contacts_after_its_signature_stay_and_the_site_footer_goes():
    kept, gone = kept_and_gone(["关于公开征求养犬管理办法意见的公告", *BODY, *SIGNED, *CONTACTS, *FOOT])
    assert kept == ["关于公开征求养犬管理办法意见的公告", *BODY, *SIGNED, *CONTACTS]
    assert gone == set(FOOT)


def test_a_tender_notices_parties_under_its_heading_stay_without_a_signature():
    block = ["八、联系方式", "招标人：临川市第二中学", "联系人：刘老师", "电话：0794-8231567",
             "招标代理机构：江西恒信工程咨询有限公司", "联系人：陈工", "电子邮箱：hengxin_zb@163.com"]
    foot = ["【打印本页】 【关闭窗口】", "关于我们 | 联系我们 | 网站地图 | 免责声明",
            "主办单位：临川市公共资源交易中心 网站电话：0794-8200111", "版权所有：临川市公共资源交易中心 赣ICP备10023456号-2"]
    kept, gone = kept_and_gone(["临川市第二中学教学楼维修工程招标公告", *BODY, *block, *foot])
    assert kept == ["临川市第二中学教学楼维修工程招标公告", *BODY, *block]
    assert gone == set(foot)


def test_without_the_block_the_contacts_after_the_signature_go(monkeypatch):
    # What the module changes: read without it, the rows under the signature go as past the article's end.
    from cleaner.furniture import generic
    monkeypatch.setattr(generic, "contact_block", lambda *args: set())
    kept, gone = kept_and_gone(["关于公开征求养犬管理办法意见的公告", *BODY, *SIGNED, *CONTACTS, *FOOT])
    assert not set(CONTACTS) <= set(kept)


def test_a_signature_over_its_date_naming_the_headlines_issuer_is_no_list_of_titles():
    # The title names the issuer (临川市城市建设投资集团有限公司…公告): its signature is no entry of the site's list.
    page = ["临川市城市建设投资集团有限公司2027年公开招聘工作人员公告", *BODY, "六、咨询方式",
            "招聘单位：临川市城市建设投资集团有限公司人力资源部", "咨询电话：0794-8290561（工作日上午9:00-12:00，下午14:30-17:30）",
            "监督电话：0794-8290500", "临川市城市建设投资集团有限公司", "2027年3月15日",
            "网站首页 | 关于我们 | 联系我们 | 广告服务", "临川人才网 版权所有 客服电话：400-800-1234 赣ICP备14005678号-1"]
    removal = remove_furniture("\n".join(page), (), title="临川市城市建设投资集团有限公司2027年公开招聘工作人员公告_临川人才网")
    assert removal.text.split("\n") == page[:-2]



def test_a_key_of_asking_and_a_person_to_call_under_the_heading_are_the_blocks():
    # 查询：… and 报名咨询：… name whom to reach; 查询 names a party of the notice's business.
    clan = ["正文", "查询:秘书处 梁小姐", "电话:2345 6789", "关于我们 | 联系我们"]
    assert contact_block(clan, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2}
    signup = ["正文", "报名咨询:市科协青少部 刘老师", "咨询电话:0794-8234567 13907941234", "报名邮箱:lckx@126.com"]
    assert contact_block(signup, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2, 3}
    # A desk and a person with their phone, no key, under the block's heading: the person to call.
    heading_rows = ["正文", "联络方式:", "社会工作科 陈先生 (05)3620900分机3105", "传真:(05)3620901", "回上一页 回首页 友善列印"]
    assert contact_block(heading_rows, 1, FITS, NO_GAP, NO_SIGNER) == {1, 2, 3}
    # Without the heading such a row is no field: the block ends above it.
    assert contact_block(["正文", "社会工作科 陈先生 (05)3620900分机3105", "传真:(05)3620901"], 1, FITS, NO_GAP, NO_SIGNER) == set()


def test_contacts_under_an_roc_date_and_a_clan_notice_signed_in_chinese_numerals_stay():
    foot = ["本網站最佳瀏覽解析度1024x768", "新化區公所 地址：712臺南市新化區中山路132號 總機：(06)5901234",
            "Copyright © 臺南市新化區公所 版權所有"]
    signed = ["新化區公所", "中華民國114年8月15日", "承辦人：社會課 王小姐", "聯絡電話：(06)5901234分機212"]
    kept, gone = kept_and_gone(["本所辦理114年度低收入戶總清查公告", *BODY, *signed, *foot])
    assert kept == ["本所辦理114年度低收入戶總清查公告", *BODY, *signed]
    clan = ["香港臨川同鄉會", "理事會 謹啟", "二〇二五年十月三日", "查詢：秘書處 梁小姐", "電話：2345 6789"]
    kept, gone = kept_and_gone(["本會二〇二五年度會員大會通告", *BODY, *clan, "返回 列印",
                                "Copyright © 2025 香港臨川同鄉會 版權所有"])
    assert kept == ["本會二〇二五年度會員大會通告", *BODY, *clan]


def test_keys_spaced_out_to_align_the_rows_are_read_closed_up():
    assert squeezed("联 系 人:黄 斌") == "联系人:黄 斌" and squeezed("电    话:0794-8226715") == "电话:0794-8226715"
    assert row_keys("联 络 人:社会行政科 蔡小姐 电 话:08-7320415分机3351") == ["联络人", "电话"]
    assert squeezed("王 琳 李 明") == "王 琳 李 明"  # names spaced out, no colon: no key
    rows = ["联 系 人：黄 斌", "电    话：0794-8226715", "地    址：临川市赣东大道99号农业大厦508室"]
    kept, gone = kept_and_gone(["关于开展示范社评定工作的通知", *BODY, "特此通知。", *SIGNED, *rows, *FOOT])
    assert kept == ["关于开展示范社评定工作的通知", *BODY, "特此通知。", *SIGNED, *rows]
