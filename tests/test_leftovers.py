"""What a page's source format left in its text (cleaner/leftovers.py)."""

from __future__ import annotations

import pytest

import damage
import escape_damage

from cleaner import Cleaner
from cleaner.config import Config
from cleaner.leftovers import decode_escapes, invisible_format_out, lone_kunjinkao, remove_invisible, strip_markup


def test_block_tags_break_lines_and_inline_tags_go():
    assert strip_markup('<div class="c"><p>今天<b>天气</b>很好。</p><br/>明天<a href="/x">下雨</a>。</div>') == \
        "\n\n今天天气很好。\n\n明天下雨。\n"


def test_scripts_styles_and_comments_go_whole():
    assert strip_markup("前<script type='x'>var a = '<p>';</script>中<style>p{}</style>后<!-- 注释 -->") == "前中后"


@pytest.mark.parametrize("text", ["《<三体>》", "a<b 且 c>d", "如果a<b and c>d则成立。", "<数据>", "x << 2", "<p", "<pre-formatted>", "<P>"[:-1]])
def test_what_is_not_an_html_tag_stays(text):
    assert strip_markup(text) == text


@pytest.mark.parametrize("text", ["模板用法：<T> 与 <U> 两种", "泛型 <K, V> 与 <E>", "占位符写作<S>或<A>", "关闭用 </b> 标签"])
def test_a_bare_one_letter_tag_without_its_partner_is_text(text):
    # Found by a user probe: <U> was taken as an underline tag and dropped (模板用法：<T> 与  两种).
    assert strip_markup(text) == text


def test_a_bare_one_letter_tag_with_its_partner_or_attributes_is_markup():
    assert strip_markup("这是<U>重点</U>内容") == "这是重点内容"
    assert strip_markup("这是<b>重点</B>和<a href='/x'>链接") == "这是重点和链接"


def test_u_escapes_in_runs_become_characters():
    assert decode_escapes(r"\u4e2d\u6587网站") == "中文网站"
    assert decode_escapes(r"笑\ud83d\ude00脸") == "笑😀脸"  # a surrogate pair is one character


@pytest.mark.parametrize("text", [
    r"转义写作\u4e2d",  # one escape alone may be quoted on purpose
    r"\u0041\u0042",  # ASCII: source code, not a string escaped twice
    r"\ud83d\u4e2d",  # a lone surrogate is not text
    r"C:\x64\users",
    r"\x41\x42",
    r"\xff\xfe\xfd",  # no encoding reads it
])
def test_escapes_that_are_not_escaped_text_stay(text):
    assert decode_escapes(text) == text


def test_byte_escapes_are_read_as_utf8_only():
    assert decode_escapes(r"b'\xe5\x8f\x91\xe5\xb1\x95'") == "发展"  # the literal all text: its wrapper goes too
    # GBK or Big5 would read any even run of high bytes: a hash, a magic number stay as written.
    for text in (r"\xb7\xa2\xd5\xb9", r"哈希值\xde\xad\xbe\xef", r"魔数 \xca\xfe\xba\xbe 开头"):
        assert decode_escapes(text) == text


def test_invisible_characters_go_and_joiners_stay():
    assert remove_invisible("这是\u200b一个\ufeff测试\u00ad文本\x00。\x7f") == "这是一个测试文本。"
    family = "👨\u200d👩\u200d👧"
    assert remove_invisible(family) == family
    assert remove_invisible("中文\u200d测试。\u200d") == "中文测试。"
    assert remove_invisible("ä¸\x8d") == "ä¸\x8d"  # C1 controls are mojibake's bytes: left to the repairs
    assert remove_invisible("ä¸\xad") == "ä¸\xad"  # so is a soft hyphen among them (中 is e4 b8 ad)


def test_a_soft_hyphen_in_mojibake_reaches_the_repair():
    broken = "中文网站发布新闻。".encode("utf-8").decode("iso8859_15")
    assert "\xad" in broken and Cleaner(to="keep").clean(broken) == "中文网站发布新闻。"


def test_each_fixer_is_a_step_and_can_be_switched_off():
    text = "<p>\\u4e2d\\u6587\u200b网站</p>"
    result = Cleaner(to="keep").run(text)
    assert result.text == "中文网站"
    assert {s.name for s in result.steps} >= {"markup-tags", "literal-escapes", "invisible-chars"}
    off = Cleaner(Config(to="keep", strip_markup=False, decode_escapes=False, remove_invisible=False,
                         remove_furniture=False)).run(text)
    assert off.text == text


def test_the_cli_keeps_markup_when_asked(tmp_path, capsys):
    from cleaner import cli

    page = tmp_path / "page.txt"
    page.write_text("关于<b>标签</b>的文章。\n", encoding="utf-8")
    assert cli.main([str(page), "--to", "keep", "--keep-markup"]) == 0
    assert capsys.readouterr().out == "关于<b>标签</b>的文章。\n"
    assert cli.main([str(page), "--to", "keep"]) == 0
    assert capsys.readouterr().out == "关于标签的文章。\n"


def test_escaped_tags_and_tags_in_extracted_text_are_the_articles_own(tmp_path):
    from cleaner import cli

    # In text input an escaped tag is a tag once unescaped (and a second clean must find nothing).
    assert Cleaner(to="keep").clean("使用&lt;div&gt;标签。<p>第二段</p>") == "使用\n标签。\n第二段"
    page = tmp_path / "tech.html"
    page.write_text("<html><body><p>使用&lt;div&gt;标签布局，用&lt;br&gt;换行。</p></body></html>", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert cli.main([str(page), "--to", "keep", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "使用<div>标签布局，用<br>换行。\n"


@pytest.mark.parametrize("text", [
    "&lt;p&gt;这是一个关于HTML的文章，使用&lt;br&gt;换行。",
    "&amp;lt;p&amp;gt;中文",
    r"\u516c\u53f8\u0026amp; Co",
    r"\u4e2d\u6587&lt;b&gt;网站&lt;/b&gt;",
    "第一页\x0c第二页",
])
def test_a_second_clean_changes_nothing(text):
    cleaner = Cleaner(to="keep")
    once = cleaner.clean(text)
    assert cleaner.clean(once) == once


def test_separators_become_line_breaks():
    assert remove_invisible("第一页\x0c第二页\x0b值") == "第一页\n第二页\n值"


def test_a_lone_kunjinkao_is_never_converted_to_traditional():
    text = "这是一段文字。锟斤拷這是文字。"
    assert lone_kunjinkao(text) == [(7, 10)]
    assert Cleaner(to="zh-hant").clean(text) == "這是一段文字。锟斤拷這是文字。"
    assert Cleaner().clean(text) == "这是一段文字。锟斤拷这是文字。"


def test_a_text_escaped_as_a_whole_gets_its_single_escapes_read_too():
    # Python's unicode_escape output: digits break the \\u runs, and U+00B7 is written \\xb7.
    from cleaner.leftovers import decode_escapes

    text = "张三·李四于14世纪到2008年"
    escaped = text.encode("unicode_escape").decode("ascii")
    assert decode_escapes(escaped) == text


def test_a_single_escape_quoted_alone_stays():
    from cleaner.leftovers import decode_escapes

    assert decode_escapes(r"JSON 里的中字写作 \u4e2d，反斜杠 \xb7 也是") == r"JSON 里的中字写作 \u4e2d，反斜杠 \xb7 也是"


def test_an_escape_beside_a_sign_stays_in_an_escaped_text():
    from cleaner.leftovers import decode_escapes

    text = r"\u6b63\u5219 [\u4e00-\u9fff] \u5339\u914d\u6c49\u5b57"
    assert decode_escapes(text) == r"正则 [\u4e00-\u9fff] 匹配汉字"


def test_escaped_single_byte_mojibake_is_decoded_with_its_unprintable_bytes():
    # cp1252 mojibake dumped as JSON holds no-break spaces (研 is e7 a0 94) and C1 controls for
    # bytes of UTF-8: the run is text all the same, read back by the mojibake repair after.
    import json

    source = "习近平在调研时强调，要加快建设制造业强国。"
    for decoder in ("cp1252", "latin-1"):
        misread = source.encode().decode(decoder, "replace")
        assert decode_escapes(json.dumps(misread)) == json.dumps(misread, ensure_ascii=False)
    # The dump's quotes, around Chinese, become Chinese quotes (fixes.chinese_stops_and_quotes).
    assert Cleaner(to="keep").clean(json.dumps(source.encode().decode("cp1252", "replace"))) == f"“{source}”"


def test_an_escaped_run_of_unprintable_bytes_alone_stays_escaped():
    assert decode_escapes('"\\u00a0\\u0085\\u00ad"') == '"\\u00a0\\u0085\\u00ad"'


@pytest.mark.parametrize("code", [r"[\u00a0\u4e00-\u9fa5]", r"[\u00ad\u4e00-\u9fff]", r"\u0085\u4e2d"])
def test_escapes_mixing_unprintable_bytes_with_other_characters_stay(code):
    # Not single-byte mojibake through and through: a character class in an article on regular
    # expressions, or a control before a character.
    assert decode_escapes(code) == code


# --- the escape forms a pipeline writes (tests/escape_damage.py) --------------------------------------------

INDENTED = "\u3000\u3000本次研究对象为13岁的儿童。选择这一年龄段的基本考虑是“青春期”。\n\u3000\u3000笑😀脸，张三·李四于2008年。"


@pytest.mark.parametrize("form", sorted(escape_damage.FORMS))
def test_every_escape_form_of_an_indented_article_is_read_back(form):
    # U+3000 is no printable character to Python: runs beginning with the indent stayed escaped.
    escaped = "\n".join(escape_damage.FORMS[form](line) for line in INDENTED.split("\n"))  # JSON writes \\n
    assert decode_escapes(escaped) == INDENTED


@pytest.mark.parametrize("escaped", [r"\u3000\u3000", r"\xe3\x80\x80\xe3\x80\x80"])
def test_an_escaped_indent_alone_on_its_line_or_before_text_is_read(escaped):
    assert decode_escapes(f"上一段。\n{escaped}\n下一段。") == "上一段。\n\u3000\u3000\n下一段。"
    if escaped.startswith("\\u"):  # \x escapes touching text are a decoder's (test_escapes_touching_...)
        assert decode_escapes(f"{escaped}本次研究") == "\u3000\u3000本次研究"


def test_escapes_touching_characters_are_left_whole_to_the_escaped_bytes_repair():
    # UTF-8 read by gb2312 with backslashreplace: 支 (\xe6\x94\xaf) between digits and Latin is a
    # piece of the decoder's run; read here, it would be encoded back as gb2312's d6 a7.
    shown = "销售的12支SK-II涉案产品".encode("utf-8").decode("gb2312", errors="backslashreplace")
    assert "\\xe6\\x94\\xafSK" in shown
    assert decode_escapes(shown) == shown
    assert Cleaner(to="keep").clean(shown) == "销售的12支SK-II涉案产品"


@pytest.mark.parametrize("code", [
    r"[\u3000\u00a0]", r"'\u3000\u3000'", r"s.replace('\xe3\x80\x80', '')", r"[\u200b\u4e00-\u9fff]",
])
def test_escaped_spaces_and_format_characters_in_code_stay(code):
    assert decode_escapes(code) == code


def test_a_zero_width_space_or_a_private_use_character_does_not_keep_a_byte_run_escaped():
    assert decode_escapes(escape_damage.x_bytes("对外宣传\u200b，\ue004中央")) == "对外宣传\u200b，\ue004中央"


@pytest.mark.parametrize("text", [
    "详见 https://zh.wikipedia.org/wiki/%E4%B8%AD%E6%96%87 页面",
    "baike.baidu.com/item/%E4%B8%AD%E6%96%87",
    "搜索 q=%E4%B8%AD%E6%96%87&page=2",
    "附件 %E6%8A%A5%E5%91%8A.pdf",
    "增长50%，达到%AB%CD",  # not UTF-8
])
def test_percent_escapes_of_an_address_stay(text):
    assert decode_escapes(text) == text


def test_the_pipeline_reads_a_percent_encoded_article_and_a_second_clean_changes_nothing():
    result = Cleaner(to="keep").run(escape_damage.percent(INDENTED))
    assert result.text == "本次研究对象为13岁的儿童。选择这一年龄段的基本考虑是“青春期”。\n笑😀脸，张三·李四于2008年。"
    assert any(step.name == "literal-escapes" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


def test_single_escapes_beside_signs_and_spaces_in_an_escaped_text_are_read():
    # Python's unicode_escape of a page: a single escape after a URL, in parentheses, between
    # spaces, and an indent before an opening quote, all the text's.
    text = "网站：http://www.x.com/。资料（略） 还 在 香港\n\u3000\u3000“2005年”"
    assert decode_escapes(escape_damage.u_escapes(text)) == text
    # Between signs of code on both sides it stays: [\u4e00-\u9fff], '\u4e2d'.
    code = escape_damage.u_escapes("正则 ") + r"[\u4e00-\u9fff] '\u4e2d'" + escape_damage.u_escapes(" 匹配")
    assert decode_escapes(code) == r"正则 [\u4e00-\u9fff] '\u4e2d' 匹配"


# Python literals printed whole (a log line of the repr of bytes, or Python 2's of a unicode string):
# generated from clean paragraphs in each form a program writes them.
def _paragraphs():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return [line for path in sorted((root / "fixtures" / "clean").glob("*.txt"))
            for line in path.read_text("utf-8").splitlines() if len(line) > 10]


def _py2_repr(text: str) -> str:
    body = text.encode("unicode_escape").decode("ascii").replace("'", "\\'")
    return f"u'{body}'"


@pytest.mark.parametrize("form", ["utf-8", "gbk", "big5", "py2"])
def test_python_literals_lose_their_wrapper_when_all_of_them_is_chinese(form):
    from cleaner.script import convert

    for line in _paragraphs():
        text = convert.convert(line, "zh-hant") if form == "big5" else line
        if form == "py2":
            literal = _py2_repr("\u3000\u3000" + text)
            text = "\u3000\u3000" + text
        else:
            try:
                literal = repr(text.encode(form))
            except UnicodeEncodeError:
                continue
        logged = f"2024-05-01 12:00:03 INFO body: {literal}\n{literal}"
        assert decode_escapes(logged) == f"2024-05-01 12:00:03 INFO body: {text}\n{text}", literal


@pytest.mark.parametrize("text", [
    r"names = [u'\u4e2d\u6587', u'\u82f1\u6587']",  # a list's items: code's
    r"f(b'\xe4\xb8\xad\xe6\x96\x87')",
    r"magic: b'\xde\xad\xbe\xef'",  # no text
    r"ascii: b'abc\n'",
    r"sub'\xe4\xb8\xad'",  # no literal's prefix
])
def test_literals_of_code_or_not_text_keep_their_wrapper(text):
    assert decode_escapes(text).count("'") == text.count("'")


def test_python_wide_escapes_of_han_beside_chinese_are_read():
    rng_text = "".join(chr(c) for c in (0x20BB7, 0x29E3D, 0x21619))
    escaped = "".join(f"\\U{ord(c):08x}" for c in rng_text)
    assert decode_escapes(f"{escaped[:10]}野家的{escaped[10:20]}定食和{escaped[20:]}。") == \
        f"{rng_text[0]}野家的{rng_text[1]}定食和{rng_text[2]}。"
    assert decode_escapes(r'print("\U00020bb7")') == r'print("\U00020bb7")'  # code's, between quotes
    assert decode_escapes(r"emoji \U0001f600 here") == r"emoji \U0001f600 here"


@pytest.mark.parametrize("codec", ["gbk", "big5"])
def test_a_log_of_legacy_bytes_reads_its_short_literals_in_the_pages_encoding(codec):
    from cleaner.script import convert

    lines = _paragraphs()[:6] + ["步骤：", "二、做法"]
    if codec == "big5":
        lines = convert.convert_all(lines, "zh-hant")
    lines = [line for line in lines if line.encode(codec, errors="replace").decode(codec) == line]
    assert len(lines) >= 4 and "步驟：" in lines or "步骤：" in lines
    logged = "\n".join(repr(line.encode(codec)) for line in lines)
    assert decode_escapes(logged) == "\n".join(lines)


def test_a_literal_prose_talks_about_stays_as_written():
    text = ("在Python 3中，b'\\xe4\\xb8\\xad' 是一个字节串，而 u'\\u4e2d' 与 '中' 完全相同。\n"
            "调用 '中'.encode('utf-8') 会得到 b'\\xe4\\xb8\\xad'，这一点常让初学者困惑。")
    assert decode_escapes(text) == text
    # The same literal as a record's value or alone on its line is read.
    assert decode_escapes("name: b'\\xe4\\xb8\\xad'\nu'\\u4e2d'") == "name: 中\n中"


_BYTES = repr("中文编码测试".encode("utf-8"))


_SHORT = repr("你好世界".encode("utf-8"))  # shorter than a clause: read for where it stands alone


@pytest.mark.parametrize("record", [
    f"2024-03-01 10:21:11 WARN recv {_SHORT} from peer",  # a logger's line: its value
    f"[DEBUG] payload={_BYTES} len=18",                    # a key=value field
    f"[ERROR] msg={_BYTES}, code=500",
    f"商品名称={_BYTES}，价格=1999元",                      # fields with a Chinese key and separator
])
def test_a_logged_literal_is_read_back_whole(record):
    assert decode_escapes(record) == record.replace(_BYTES, "中文编码测试").replace(_SHORT, "你好世界")


@pytest.mark.parametrize("code", [
    f"print({_BYTES})",                                    # a call's argument
    f"sock.send(payload={_BYTES}, flags=0)",               # a keyword argument, not a record's field
    f"data = {_BYTES}",                                    # an assignment
    f"data=s.encode('utf-8')\nexpected={_BYTES}\nassert data == expected",  # one with no spaces
    f">>> '中文编码测试'.encode('utf-8')\n{_BYTES}",         # what the interpreter printed
    f"编码后的结果是{_BYTES}，每个汉字占三个字节。",             # prose explaining the bytes
])
def test_a_literal_of_code_or_an_example_stays_as_written_inside_too(code):
    from cleaner.repair import escaped_bytes

    # Neither reader takes its inside apart (print(b'中文编码测试') says nothing true).
    assert escaped_bytes.repair(decode_escapes(code)) == code


def test_tags_out_of_lines_keeps_the_lines_and_what_is_no_tag():
    from cleaner.leftovers import tags_out_of_lines

    text = '<p>今天天气很好。</p>\n<a href="x"\n  title="y">链接</a>\n<数据> a<b and c>d'
    out = tags_out_of_lines(text)
    assert out == '今天天气很好。\n\n链接\n<数据> a<b and c>d'
    assert out.count("\n") == text.count("\n")


def test_the_markup_step_counts_what_it_took_out_after_a_long_script_block():
    # The line aligner looks 8 lines ahead: after a script of more lines, every later line was
    # counted as a changed place (386 for these 3 blocks; 75,938 for 403 tags on a 2.5 MB page).
    from cleaner import Cleaner

    lines = []
    for i in range(300):
        lines.append(f"第{i}段正文内容，今天天气很好。")
        if i % 100 == 0:
            lines += ["<script>", *(f"var a{k} = 1;" for k in range(12)), "</script>"]
    for details in (True, False):
        steps = {f"{s.action}:{s.name}": s.count for s in Cleaner().run("\n".join(lines), details=details).steps}
        assert steps["remove:markup-tags"] == 3


def test_format_characters_go_before_the_repairs_and_soft_hyphens_that_may_be_bytes_stay():
    assert invisible_format_out("鐮旂┒\u200b鏂瑰悜\u00ad鎸囧\u2060涓\ufeff枃\u200c鏂") == "鐮旂┒鏂瑰悜鎸囧涓枃鏂"
    assert invisible_format_out("ä¸\xad") == "ä¸\xad"  # 中 is e4 b8 ad: a byte, left to the repairs
    assert invisible_format_out("Ex\xadample") == "Ex\xadample"  # no two-byte reading beside it: left to remove_invisible
    family = "👨\u200d👩\u200d👧"
    assert invisible_format_out(family) == family


# The single-byte view's decoders, and code pages whose characters for UTF-8's lead bytes no
# two-byte view shows (Hebrew, Arabic, Maltese letters, cp1006's presentation forms). Not cp1251
# or cp1253: their leads are Cyrillic and Greek letters, which GBK mojibake shows too, where a
# soft hyphen is as likely a CMS's (code_pages.shown_high).
@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "cp1250", "cp1255", "iso8859_8", "iso8859_6", "iso8859_3", "cp1006"])
def test_a_soft_hyphen_a_code_page_shows_for_a_continuation_byte_stays(codec):
    # Byte ad of UTF-8 beside a lead byte or a U+FFFD as the code page shows them: cp1250 shows
    # leads as its own letters (存 e5 ad 98 as ĺ\xad�, 昭 e6 98 ad as ć�\xad), cp1006 中 as ﻛﺕ\xad.
    # Taken out, the character's bytes were lost (UTF-8 -> cp1250 replace, page 6.7 -> 9.6).
    shown = [damage.misdecode(chr(cp), "utf-8", codec, "replace") for cp in range(0x4E00, 0xA000) if b"\xad" in chr(cp).encode()]
    assert [d for d in shown if invisible_format_out(d) != d] == []


@pytest.mark.parametrize("source", ["该遗址至今保存在渡河关口附近。", "昭君出塞的故事流传至今。"])
def test_utf8_read_as_cp1250_with_soft_hyphen_bytes_is_read_back(source):
    assert Cleaner(to="keep").clean(damage.misdecode(source, "utf-8", "cp1250", "replace")) == source


# Invisible format characters a CMS put into misread text every few characters (break
# opportunities): each run must be read whole, and a second clean must change nothing (issue 16).
_MARKS = ("\u200b", "\u00ad", "\u2060", "\ufeff", "\u200c")


def _every(text: str, mark: str, n: int) -> str:
    return mark.join(text[i:i + n] for i in range(0, len(text), n))


@pytest.mark.parametrize("mark", _MARKS)
@pytest.mark.parametrize("misread,step", [("utf8_read_as_gbk", 5), ("utf8_read_as_gbk", 7), ("big5_read_as_gbk", 6)])
def test_format_characters_inside_two_byte_mojibake_are_read_through(mark, misread, step):
    source = "本站提供的新闻报道均来自合作媒体，转载请注明出处。" if misread == "utf8_read_as_gbk" else "香港大學圖書館的開放時間將於下週調整。"
    damaged = _every(getattr(damage, misread)(source), mark, step)
    cleaner = Cleaner(to="keep")
    once = cleaner.run(damaged)
    assert once.text == source
    assert cleaner.clean(once.text) == once.text
    assert [s.name for s in once.steps].index("invisible-chars") == 0  # out before any repair read a run


# Control characters a tool put into misread text (a field separator, a stray DEL): no decoder shows
# a byte above 7f as one, so they only cut the runs; ICU's SUB mark (1a) is a lost byte, and stays.
_CONTROLS = ("\x1f", "\x7f", "\x01", "\x08", "\x00")


@pytest.mark.parametrize("control", _CONTROLS)
@pytest.mark.parametrize("misread,step", [("utf8_read_as_gbk", 5), ("utf8_read_as_gbk", 7), ("big5_read_as_gbk", 6),
                                          ("utf8_read_as_cp1252", 4)])
def test_controls_inside_mojibake_go_before_the_repairs(control, misread, step):
    source = "本站提供的新闻报道均来自合作媒体，转载请注明出处。" if misread != "big5_read_as_gbk" else "香港大學圖書館的開放時間將於下週調整。"
    damaged = _every(getattr(damage, misread)(source), control, step)
    cleaner = Cleaner(to="keep")
    once = cleaner.run(damaged)
    assert once.text == source
    assert cleaner.clean(once.text) == once.text


def test_a_sub_mark_is_left_to_the_repairs():
    assert invisible_format_out("涓\x1a枃\x1f") == "涓\x1a枃"


def test_zero_width_spaces_inside_single_byte_mojibake_are_read_through():
    source = "数据库服务器的配置文件已经更新。"
    damaged = _every(damage.utf8_read_as_cp1252(source), "\u200b", 6)
    cleaner = Cleaner(to="keep")
    once = cleaner.clean(damaged)
    assert once == source and cleaner.clean(once) == once


def test_a_run_cut_inside_a_surrogate_pair_is_read_and_the_half_marked_lost():
    assert decode_escapes(r"\u8d50\u826f\u9a6c\u3002\ud83d") == "赐良马。\ufffd"  # the string cut by a limit
    assert decode_escapes(r"\u4e2d\udc00\u6587\u5b57") == "中\ufffd文字"  # a low half alone in the middle
    assert decode_escapes(r"[\ud800\udbff]") == r"[\ud800\udbff]"  # no text beside them


def test_a_lone_big5_kunjinkao_is_never_converted_to_simplified():
    # 嚙踝蕭 is 锟斤拷 read as Big5: the word (or one mark of loss) is kept as written.
    text = "這是一段文字。嚙踝蕭這是文字。"
    assert lone_kunjinkao(text) == [(7, 10)]
    assert Cleaner().clean(text) == "这是一段文字。嚙踝蕭这是文字。"
