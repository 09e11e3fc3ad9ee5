"""Lines of damaged text are no evidence of furniture (cleaner/furniture/unreadable.py)."""

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.kept_blocks import kept_lines
from cleaner.furniture.unreadable import legible, unreadable

# UTF-8 Chinese read as Mac Roman and left so: 0xA9, a continuation byte of 么/你/…, reads ©.
MOJIBAKE = "作为消费者，使用产品不适，不是第一时间联系厂家咨询，而是通过媒体进行系列炒作，这点让人感到非常奇怪。".encode().decode("mac_roman")
ARTICLE = [
    "昨日，江西省南昌市工商局公平交易局办案人员告诉记者，这一广告违反了反不正当竞争法的有关规定，目前正在调查之中。",
    "对这个初步认定，集团公关总监显得颇为惊讶，她还首度向本报记者介绍了实验的过程，并称举报人动机不纯。",
    "武汉市工商局有关负责人告诉记者，既然具体办案人员已经认定，从事实上来说基本已定性，最终更改的可能性不大。",
    "她还表示，公司至今还在努力寻找这位消费者，希望能够当面沟通，了解她使用产品的具体情况和皮肤问题。",
    "此外，她聘请的所谓代理律师，经我们了解，实际上只是一名自由人，并没有在任何律师事务所执业。",
    "据记者了解，江西工商局没有与其他地方工商局连手调查涉案产品，相关产品销售目前尚未受到明显影响。",
    "记者致电上海、武汉等地商场人士，他们多表示目前并没接到相关整治通知，柜台的销售一切正常。",
]


def test_mojibake_and_private_use_runs_are_unreadable():
    assert unreadable(MOJIBAKE)
    assert unreadable("他说" + "\ue000\ue001\ue002\ue003\ue004" + "\ufffd" * 6)
    assert unreadable("‚Äú‰ΩøÁî®4Âë®ÂêéÔºåËÇåËÇ§Âπ¥ËΩª12Âπ¥ÔºåÁªÜÁ∫πÂáèÂ∞ë47%")


def test_text_with_accents_and_the_signs_chinese_uses_is_readable():
    assert not unreadable("Wǒmen dōu shì Zhōngguó rén, Běijīng huānyíng nǐ. Zàijiàn, péngyǒu!")
    assert not unreadable("Crème brûlée à la française était délicieuse, après le dîner à Montréal.")
    assert not unreadable("马丁·路德·金说：“我有一个梦想……”气温±5°C，面积3×4米。")
    assert not unreadable("Ä Ö Ü")  # too few to tell


def test_a_line_of_damaged_text_is_read_without_its_odd_characters():
    assert "©" in MOJIBAKE and "©" not in legible(MOJIBAKE)
    assert "Copyright" in legible("Copyright © 2008 ÖÐ¹úÐÂÎÅÍø °æÈ¨ËùÓÐ")
    assert legible("版权所有 © 2008") == "版权所有 © 2008"  # readable: whole


def test_one_line_of_mojibake_does_not_end_the_article():
    # Its © read as a copyright line, the site's foot: the paragraphs under it went as past the end.
    page = [*ARTICLE[:5], MOJIBAKE, *ARTICLE[5:]]
    assert remove_furniture("\n".join(page), ()).text == "\n".join(page)


def test_a_paragraph_of_mojibake_is_kept():
    assert kept_lines(["首页 > 新闻", MOJIBAKE, ARTICLE[0]]) == {1}


def test_a_copyright_sign_a_few_bytes_after_a_misread_lead_is_a_byte():
    # 早 is e6 97 a9: read as cp1252, its 97 then made "--" by a quote filter, æ--© is no notice.
    assert "©" not in legible("æ--©上好，æ~Ž天见")
    for line in ("© 2024 新浪网 版权所有", "版权所有©新浪网", "Copyright©2008", "Société Générale © 2020"):
        assert "©" in legible(line)
