"""RTF read as its text (cleaner/rtf.py): documents, fragments, and text that only looks like RTF."""

from __future__ import annotations

import pytest

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
