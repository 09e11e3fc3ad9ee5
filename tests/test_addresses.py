"""URLs and file paths in running text (cleaner/addresses.py), and the pipeline keeping them as typed."""

import pytest

from cleaner import Cleaner
from cleaner.addresses import address_spans


@pytest.mark.parametrize(
    "text,found",
    [
        ("详见 https://zh.wikipedia.org/wiki/北京?action=edit 页面。", ["https://zh.wikipedia.org/wiki/北京?action=edit"]),
        ("链接：https://zh.wikipedia.org/wiki/北京市_(中国)。", ["https://zh.wikipedia.org/wiki/北京市_(中国)"]),
        ("访问https://www.google.com/search?q=北京,天气&hl=zh 查看", ["https://www.google.com/search?q=北京,天气&hl=zh"]),
        ("文件位于 /home/用户/报告(2024).pdf 中。", ["/home/用户/报告(2024).pdf"]),
        (r"打开 C:\Users\张三\文档(1).docx 即可", [r"C:\Users\张三\文档(1).docx"]),
        ("见 www.example.cn.", ["www.example.cn"]),  # the full stop ends the sentence
        ("见 https://x.cn/新闻,今天很好", ["https://x.cn/新闻"]),  # prose after the comma
        ("(链接 https://x.cn/a_(b))", ["https://x.cn/a_(b)"]),  # its own parenthesis, not the sentence's
        ("男/女/其他，1/2，2024/05/06，他说 /  她说", []),  # slashes of prose, a fraction, a date
        ("请访问http://example.com获取更多信息", ["http://example.com"]),  # the sentence goes on after the host
        ("詳見www.gov.tw網站的說明", ["www.gov.tw"]),
        ("他說 /後來/的事", []),  # from the root, a path names an ASCII directory somewhere
        # A query string quoted without its host: from its "?" (a parameter's name and "=" follow).
        ("URL 参数 ?utm_source=weibo&utm_medium=social 用于统计来源。", ["?utm_source=weibo&utm_medium=social"]),
        ("在地址后加?id=5即可", ["?id=5"]),
        ("你知道吗?这是,吗?x 的值,好?a= 1", []),  # questions: a sentence, no name=value, after the "?"
    ],
)
def test_address_spans(text, found):
    assert [text[a:b] for a, b in address_spans(text)] == found


@pytest.mark.parametrize(
    "text,out",
    [
        # Signs inside an address stay ASCII; the sentence's signs around it still become fullwidth.
        ("详见 https://zh.wikipedia.org/wiki/北京?action=edit 页面,谢谢。", "详见 https://zh.wikipedia.org/wiki/北京?action=edit 页面，谢谢。"),
        ("文件位于 /home/用户/报告(2024).pdf 中。", "文件位于 /home/用户/报告(2024).pdf 中。"),
        # A query string's "?" (and the space before it) is the address's, not a question's.
        ("URL 参数 ?utm_source=weibo&utm_medium=social 用于统计来源,好吗?", "URL 参数 ?utm_source=weibo&utm_medium=social 用于统计来源，好吗？"),
        # Prose right after a URL is converted as any prose.
        ("请访问http://example.com获取更多後來的資料。", "请访问http://example.com获取更多后来的资料。"),
        # A URL's Chinese is not converted to the other script (it would lead nowhere).
        ("访问 https://zh.wikipedia.org/wiki/國務院 查看國務院的說明。", "访问 https://zh.wikipedia.org/wiki/國務院 查看国务院的说明。"),
    ],
)
def test_the_pipeline_keeps_addresses_as_typed(text, out):
    assert Cleaner(remove_furniture=False).clean(text) == out


def test_no_finding_for_a_kept_address():
    result = Cleaner(remove_furniture=False).run("访问 https://zh.wikipedia.org/wiki/國務院 查看。")
    assert not [f for f in result.findings if f.kind == "unrepaired-mojibake"]
