"""RTF read as its text (cleaner/rtf.py): documents, fragments, and text that only looks like RTF."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import rtf
from cleaner.io.kinds import input_kind, looks_like_rtf, output_name
from cleaner.io.page import load_page
from cleaner.pipeline import Cleaner

ARTICLE = "每个人都可以当主持人，任何人都可以通过软件免费下载播客提供的节目。"
HANT = "修頓球場是昔日灣仔的主要地標，現時則仍是區內主要的康樂場地之一。"
# What WordPad (RichEdit 8) writes before the text.
HEAD = ("{\\rtf1\\ansi\\ansicpg%d\\deff0\\nouicompat\\deflang1033\\deflangfe2052"
        "{\\fonttbl{\\f0\\fnil\\fcharset%d %s;}}\n"
        "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc%d \n\\pard\\sa200\\sl276\\slmult1\\f0\\fs22\\lang2052 ")


def hex_bytes(text: str, codec: str) -> str:
    """Text as RTF writes it in a code page: ASCII as itself, the rest as \\'hh bytes."""
    return "".join(ch if ch.isascii() else "".join(f"\\'{b:02x}" for b in ch.encode(codec)) for ch in text)


def units(text: str, fallback: str = "?") -> str:
    """Text as \\uN escapes (signed 16-bit units), each followed by ``fallback``."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        data = ch.encode("utf-16-le")
        for k in range(0, len(data), 2):
            unit = int.from_bytes(data[k:k + 2], "little")
            out.append(f"\\u{unit - 65536 if unit > 32767 else unit}{fallback}")
    return "".join(out)


def document(body: str, cpg: int = 936, charset: int = 134, font: str = "\\'cb\\'ce\\'cc\\'e5", uc: int = 1) -> str:
    return HEAD % (cpg, charset, font, uc) + body + "\\par\n}"


def test_gbk_bytes_by_the_font_charset():
    assert rtf.repair(document(hex_bytes(ARTICLE, "gbk"))) == ARTICLE


def test_big5_bytes_by_the_font_charset():
    # The font's \fcharset136 says Big5, whatever \ansicpg says.
    assert rtf.repair(document(hex_bytes(HANT, "cp950"), cpg=1252, charset=136)) == HANT


def test_ansicpg_when_the_font_names_no_charset():
    assert rtf.repair(document(hex_bytes(HANT, "cp950"), cpg=950, charset=0, font="Arial")) == HANT


def test_unicode_units_signed_with_their_fallback_skipped():
    text = "你唔好咁講啦，佢都係為咗你好㗎。"  # 都 is \u-28419, 㗎 U+35CE
    assert rtf.repair(document(units(text))) == text


def test_surrogate_pairs_joined():
    text = "𠮷野家和𥚃"
    assert rtf.repair(document(units(text))) == text


def test_word_units_with_byte_fallbacks():
    # Word: \uc2 and each character's GBK bytes after its unit, for readers without Unicode.
    body = "".join(units(ch, hex_bytes(ch, "gbk")) if not ch.isascii() else ch for ch in ARTICLE + "RSS")
    assert rtf.repair(document(body, uc=2)) == ARTICLE + "RSS"


def test_paragraphs_tabs_and_escaped_signs():
    body = hex_bytes("标题", "gbk") + "\\par\n" + "a\\tab b \\{x\\} C:\\\\dir\\line " + hex_bytes("完", "gbk")
    assert rtf.repair(document(body)) == "标题\na\tb {x} C:\\dir\n完"


def test_destinations_without_text_go_whole():
    body = ("{\\info{\\title \\'b1\\'ea}{\\author x}}{\\*\\bkmkstart a}{\\pict\\wmetafile8 0102ab}"
            "{\\field{\\*\\fldinst HYPERLINK \"http://x.cn\"}{\\fldrslt " + hex_bytes("链接", "gbk") + "}}"
            "{\\header " + hex_bytes("页眉", "gbk") + "}" + hex_bytes("正文", "gbk"))
    assert rtf.repair(document(body)) == "链接正文"


def test_fixed_width_wrap_inside_tokens():
    source = document(units(ARTICLE * 3) + "\\par " + hex_bytes(ARTICLE, "gbk"))
    wrapped = "\n".join(source[k:k + 80] for k in range(0, len(source), 80))
    assert "\\u20\n" in wrapped or "\\'\n" in wrapped or "\n'" in wrapped  # cut inside tokens
    assert rtf.repair(wrapped) == ARTICLE * 3 + "\n" + ARTICLE


def test_document_after_prose_keeps_the_prose():
    text = "邮件正文如下：\n" + document(hex_bytes(ARTICLE, "gbk")) + "以上。"
    assert rtf.repair(text) == "邮件正文如下：\n" + ARTICLE + "\n以上。"


@pytest.mark.parametrize("codec,text", [("gbk", ARTICLE), ("cp950", HANT)])
def test_fragment_without_header_read_by_the_model(codec, text):
    fragment = hex_bytes(text, codec) + "\\par " + hex_bytes(text, codec) + "\\par"
    assert rtf.repair("原文：" + fragment) == "原文：" + text + "\n" + text + "\n"


def test_fragment_of_word_units():
    fragment = "".join(units(ch, hex_bytes(ch, "gbk")) if not ch.isascii() else ch for ch in ARTICLE)
    assert rtf.repair(fragment) == ARTICLE


@pytest.mark.parametrize("text", [
    "文件在 C:\\Users\\张三\\Desktop\\new 下，日志在 D:\\logs\\app.log。",
    "公式 $\\alpha + \\beta \\leq \\frac{1}{2}$ 成立。",
    "print('It\\'s') 和 s = \"\\u4e2d\\u6587\" 以及 re.compile(r\"\\d+\\s*\\w+\")",
    "JSON 写作 {\"name\": \"\\u5f20\\u4e09\", \"city\": \"\\u5317\\u4eac\"}。",
    "一个孤立的 \\'ab 转义和 \\par 控制字不算 RTF。",
    "RTF 用 \\'hh 写字节，如 \\'c3\\'bf 是“每”，\\u27599? 也是。",
])
def test_text_with_backslashes_untouched(text):
    assert rtf.repair(text) == text


def test_fragment_whose_bytes_are_no_text_stays():
    noise = "".join(f"\\'{b:02x}" for b in bytes(range(0x81, 0xff, 7)))
    assert rtf.repair(noise) == noise


def test_kinds_and_page():
    assert input_kind("a.RTF") == "rtf" and input_kind("a.rtf.gz") == "rtf"
    assert output_name("a.rtf") == "a.txt"
    assert looks_like_rtf(b"\xef\xbb\xbf{\\rtf1\\ansi x}") and not looks_like_rtf(b"rtf {\\rtf1}")
    source = document(hex_bytes(ARTICLE, "gbk")).encode("ascii")
    assert load_page(source, "a.rtf").read_as == "RTF, by its name"
    assert load_page(source, "a.txt").read_as == "RTF, by its content"


def test_pipeline_reads_rtf_as_a_step():
    result = Cleaner().run(document(hex_bytes(ARTICLE, "gbk")))
    assert result.text == ARTICLE
    assert any(step.name == "rtf" for step in result.steps)
    # Read before the literal escapes: \u20320 is 你, not \u2032 and 0.
    assert Cleaner().clean(document(units("你好世界"))) == "你好世界"


def test_hidden_text_and_binary_data_go():
    body = (hex_bytes("可见", "gbk") + "{\\v " + hex_bytes("隐藏", "gbk") + "}\\v " + units("也藏") + "\\v0 "
            + "{\\*\\blipuid 12}{\\pict\\bin4 {}\\x}" + hex_bytes("文字", "gbk"))
    assert rtf.repair(document(body)) == "可见文字"


def test_fragment_wrapped_at_a_fixed_width():
    fragment = (hex_bytes(ARTICLE, "gbk") + "\\par ") * 3
    wrapped = "\n".join(fragment[k:k + 76] for k in range(0, len(fragment), 76))
    assert rtf.repair(wrapped) == (ARTICLE + "\n") * 3


# Java .properties and JSON lines escape CJK as \uXXXX; an all-digit escape before a digit or "?"
# (\u6708 and 5: \u67085) looks like an RTF unit, and \u4 of \u4f1a like a control word.
PROPERTIES = ("app.title=\\u4f1a\\u8bae\\u5b89\\u6392\n"
              "notice.a=3\\u67085\\u65e5\\u5f00\\u5e55\n"
              "notice.b=4\\u67088\\u65e5\\u95ed\\u5e55\n"
              "notice.c=5\\u67081\\u65e5\\u653e\\u5047\n")


@pytest.mark.parametrize("text", [
    PROPERTIES,
    json.dumps({"title": "会议安排", "items": ["3月5日开幕", "4月8日闭幕", "5月1日放假"]}),
    json.dumps("十?十?十?第三十?"),
])
def test_hex_escape_text_is_not_rtf(text):
    assert rtf.repair(text) == text


# Wiki-like paragraphs: Han characters with Chinese punctuation, dates (月 is \u6708: "3月5日" is
# 3\u67085\u65e5), numbers before Han (第3次, 十?), Latin words and "?".
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_DATE = st.builds("{}年{}月{}日".format, st.integers(1900, 2030), st.integers(1, 12), st.integers(1, 31))
_RUN = st.one_of(st.text(_HAN, min_size=1, max_size=12), st.sampled_from("，。、；：“”（）《》"), _DATE,
                 st.builds("{}{}".format, st.sampled_from("月十人的在为第约"), st.integers(0, 3000)),
                 st.integers(0, 3000).map(str), st.sampled_from(["RTF", "JSON", "?", " ", "-", "e5"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_RUN, min_size=3, max_size=40).map("".join).filter(lambda p: sum("\u4e00" <= c <= "\u9fff" for c in p) >= 8))
def test_json_escaped_paragraph_untouched(paragraph):
    escaped = json.dumps(paragraph, ensure_ascii=True)
    assert rtf.repair(escaped) == escaped


TUTORIAL = ("RTF文件的结构\n每个RTF文件都以下面这行开头：\n{\\rtf1\n"
            "后面跟着字体表、颜色表和正文。正文中的汉字用\\'hh形式的转义写出。\n"
            "第二段：字体表里的\\fcharset134表示GBK字符集。\n"
            "第三段：颜色表{\\colortbl;\\red255\\green0\\blue0;}定义了红色。\n")


def test_unclosed_header_in_prose_stays():
    assert rtf.repair(TUTORIAL) == TUTORIAL


def test_closed_group_without_a_writers_header_stays():
    text = "最短的写法：\n{\\rtf1 Hello\\par}\n就这样。"
    assert rtf.repair(text) == text


def test_document_after_an_unclosed_header_is_read():
    text = TUTORIAL + document(hex_bytes(ARTICLE, "gbk"))
    assert rtf.repair(text) == TUTORIAL + ARTICLE


def test_example_typed_amid_prose_stays():
    example = "{\\rtf1\\ansi\\ansicpg936{\\fonttbl\\f0\\fswiss 宋体;}\\f0 你好，{\\b 世界}。\\par}"
    text = "例如下面是一个最简单的文件：\n" + example + "\n保存后用写字板打开就能看到效果。"
    assert rtf.repair(text) == text
    assert rtf.repair(example) == "你好，世界。"  # a whole file of raw 8-bit text is read


def test_document_cut_off_is_read_to_the_end():
    cut = document(hex_bytes(ARTICLE, "gbk"))[:-2]  # a truncated file: no closing brace
    assert rtf.repair(cut) == ARTICLE
