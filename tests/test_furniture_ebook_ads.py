"""ebook_ads.py: a download site's ads, their wrapped pieces and rules, anywhere in a book."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.furniture.ebook_ads import _DOMAIN, ad, ads, book

CHAPTER = ["第一回　雨夜来客", "　　那一夜的雨下得格外大，客栈里只剩下掌柜和一个打盹的伙计。",
           "　　门忽然被推开，一个披着蓑衣的老人走了进来，把一柄旧剑放在桌上。"]


def found(lines, gone=frozenset()):
    return [lines[i] for i in ads(lines, [i for i, t in enumerate(lines) if t.strip()], set(gone))]


def test_an_ad_names_a_site_and_books():
    assert ad("本小说由【墨香书苑】网友上传整理，更多免费电子书请访问 www.moxiangshu.net")
    assert ad("下载请到 www.moxiangshu.net")
    assert not ad("市民可通过 www.zwfw.gov.cn 下载办事指南，也可以到服务大厅现场咨询。")
    assert not ad("本书共分十二章，讲述了一个山村少年的成长故事。")


def test_a_line_naming_a_file_is_no_ad():
    # A name's extension is no word of the site's TXT books, m.name alone no mobile site.
    assert not ad("WARNING:root:skip '碧波荡漾（Blue M.txt': not found")
    assert not ad("copied '会议纪要.txt' to m.backup")
    assert not book(["INFO copied '第一回 雨夜来客 M.txt'", "INFO copied '会议纪要.txt'"])
    assert ad("手机阅读请访问 m.moxiangshu.net") and ad("更多TXT小说请到 www.moxiangshu.net")


def test_ads_go_only_from_a_book():
    assert book(CHAPTER) and not book(["通知", "下载请到 www.moxiangshu.net"])
    assert found(["通知", "下载请到 www.moxiangshu.net"]) == []


def test_ads_inside_and_around_chapters_with_their_rules():
    lines = ["《青云志异》", "本小说由【墨香书苑】网友上传整理 www.moxiangshu.net", *CHAPTER[:2],
             "手机阅读请访问 m.moxiangshu.net", CHAPTER[2], "==========", "本书来自墨香书苑 www.moxiangshu.net ，TXT电子书免费下载，",
             "仅供交流学习，请于下载后24小时内删除。"]
    assert found(lines) == [lines[1], lines[4], *lines[6:]]


def test_wrapped_pieces_go_with_their_ad():
    lines = ["《青云志异》", "本小说由【墨香书苑】网友上传整理，更多免费电子书请访问 www.moxiang", "shu.net", *CHAPTER,
             "----------", "本书来自墨香书苑，TXT电子书免费", "下载请到 www.moxiangshu.net"]
    assert found(lines) == [lines[1], lines[2], *lines[6:]]


def test_pieces_beside_an_ad_removed_already():
    # Folder mode: the learned lines went first; their other halves are left.
    lines = [*CHAPTER, "本书来自墨香书苑，TXT电子书免费", "下载请到 www.moxiangshu.net"]
    assert found(lines, gone={4}) == [lines[3]]


def test_the_cleaner_keeps_the_book():
    text = "\n".join(["《青云志异》", "本小说由【墨香书苑】网友上传整理，更多免费电子书请访问 www.moxiang", "shu.net", *CHAPTER,
                     "----------", "本书来自墨香书苑，TXT电子书免费", "下载请到 www.moxiangshu.net"])
    out = Cleaner(to="keep").run(text).text.split("\n")
    assert out == ["《青云志异》", *(line.strip() for line in CHAPTER)]


def test_a_keyed_domain_is_a_piece_of_the_ad_above():
    lines = [*CHAPTER, "天才一秒记住本站地址：www.qingyun88.la。手机版阅", "网址：m.qingyun88.la", CHAPTER[1]]
    assert found(lines, gone={3}) == [lines[4]]


def test_a_book_with_its_sites_notice_is_no_page():
    # The rules take the site's notice; the book's first line, dated and short, stays the book's.
    text = "\n".join(["《春江夜话》", "本书由【书香门第】会员整理，更多TXT小说下载尽在 www.shuxiang88.com",
                     "　　1998年7月的一个夜里，江边的小镇",
                     "停了电，家家户户点起了蜡烛，孩子们却高兴得在巷子里跑来跑去。",
                     "　　老陈坐在门口，摇着蒲扇，讲起了他年轻时在码头上扛活的故事。",
                     "声明：本书来自互联网，版权归作者所有，仅供试读，请在下载后24小时内删除。"])
    out = Cleaner(to="keep").run(text).text
    assert "1998年7月的一个夜里" in out and "《春江夜话》" in out and "www." not in out


# A line without a dot is answered before the domain search (``ad``'s gate): every form of
# _DOMAIN holds one, whatever letters, digits and Han stand around it.
_DOMAIN_ALPHABET = st.lists(st.sampled_from(list("wapmcoinetvxyz0123456789-.:/ 书下载本站ſKı") + ["www.", ".com", "m.", "wap.", "www", "com"]),
                            max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(_DOMAIN_ALPHABET)
def test_every_domain_form_holds_a_dot(text):
    assert _DOMAIN.search(text) is None or "." in text
    if "." not in text:
        assert not ad(text)
