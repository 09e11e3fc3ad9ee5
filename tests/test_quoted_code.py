"""Mojibake a clean page quotes as code is left, reported (cleaner/repair/quoted_code.py)."""

from cleaner import Cleaner
from cleaner.repair import quoted_code

EXAMPLE = "乱码示例：`" + "中文".encode("utf-8").decode("cp1252") + "` 其实是“中文”的 UTF-8 字节被当作 Latin-1 读取。"
TERMINAL = "终端里显示的是：\n```\n" + "你好，世界".encode("utf-8").decode("gbk", "replace") + "\n```\n这是 UTF-8 被当作 GBK 读出来的样子。"


def _gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk", "replace")


def test_changes_inside_code_only_are_reported_with_their_reading():
    after = EXAMPLE.replace("`" + "中文".encode("utf-8").decode("cp1252") + "`", "`中文`")
    [finding] = quoted_code.confined(EXAMPLE, after)
    assert (finding.kind, finding.position, finding.detail) == ("quoted-mojibake", EXAMPLE.index("`"), "`中文`")


def test_a_change_outside_code_leaves_the_repairs_standing():
    before = "他说：`x` 鍙戝睍"
    assert quoted_code.confined(before, "他说：`y` 发展") is None
    assert quoted_code.confined("鍙戝睍", "发展") is None  # no code at all
    assert quoted_code.confined(EXAMPLE, EXAMPLE) is None


def test_a_clean_page_keeps_the_mojibake_it_quotes_as_code():
    cleaner = Cleaner(to="keep")
    for page in (EXAMPLE, TERMINAL):
        result = cleaner.run(page)
        assert result.text == page
        assert not [s for s in result.steps if s.action == "repair"]
        assert [f.kind for f in result.findings if f.kind == quoted_code.KIND] == [quoted_code.KIND]
        assert cleaner.run(result.text).text == result.text


def test_a_page_misread_whole_is_read_in_its_code_too():
    source = "print('你好')  # 这是注释\n这是一段文字，说明上面的代码。"
    result = Cleaner(to="keep").run(_gbk(source))
    assert "print('你好')" in result.text and "这是一段文字" in result.text
    assert not [f for f in result.findings if f.kind == quoted_code.KIND]


def test_a_source_file_misread_whole_has_no_prose_and_is_read():
    # Every line is code (its comments on code lines): every change is inside code, and no prose
    # says the page was clean.
    source = 'print("你好，世界")  # 输出问候\nx = f("北京市", 3);  // 调用函数\n'
    result = Cleaner(to="keep").run(_gbk(source))
    assert 'print("你好，世界")' in result.text and 'f("北京市", 3)' in result.text
    assert not [f for f in result.findings if f.kind == quoted_code.KIND]
