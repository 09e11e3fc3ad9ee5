"""Text handed over as the inside of a JSON string (cleaner/repair/json_strings.py)."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner
from cleaner.repair.json_strings import repair

ARTICLE = ("他说：“这是一次成功的会议。”\n\n    与会代表一致认为，应当加快推进区域合作。\n"
           "会议决定，明年在杭州举行下一届论坛。")
QUOTED = '记者问："明年还会举行吗？"\n他回答："当然会。"'


@pytest.mark.parametrize("text", [ARTICLE, QUOTED])
@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_json_string_inside_comes_back(text, ascii_only):
    assert repair(json.dumps(text, ensure_ascii=ascii_only)[1:-1]) == text


@pytest.mark.parametrize("text", [ARTICLE, QUOTED])
def test_a_string_escaped_twice_comes_back(text):
    twice = json.dumps(json.dumps(text))[3:-3]  # \\u4ed6\\u8bf4 ... \\n
    assert "\\\\u" in twice
    assert repair(twice) == text


def test_each_line_is_read_on_its_own():
    record = json.dumps(QUOTED, ensure_ascii=False)[1:-1]
    assert repair(f"标题：会议\n{record}\n（完）") == f"标题：会议\n{QUOTED}\n（完）"


@pytest.mark.parametrize("clean", [
    r'在C语言中，printf("你好\n\n"); 会输出两行。',  # an unescaped quote: code, not a JSON string
    r"文件在C:\users\新建文件夹\n\n下面。",  # a path: \u not followed by four hex digits
    r"公式\nu和\neq分别表示频率与不等号，其中\theta为角度。",  # TeX, not JSON
    r"换行符写作\n，制表符写作\t。",  # one sign of JSON only: an article about escapes
    r"s = '你好\n世界\n'",  # escapes in a single-quoted string: code's
    r'print("第一行\n第二行\n")',  # a line of code
    "没有任何转义的普通中文句子。",
])
def test_code_paths_and_tex_stay(clean):
    assert repair(clean) == clean


@pytest.mark.parametrize("clean", [
    # Two JSON-like \n once the line holds them, but an escape before a letter is TeX's or a path's
    # (review21: \nabla, \newline and C:\new\table were read as line breaks and tabs).
    r"公式 \nabla f = 0，以及 \newline 换行，\n 后面是中文，\n 再来一行。",
    r"文件保存在 C:\new\table 目录下，\n 然后运行程序，\n 即可。",
    r'路径 C:\new\"文件\n夹\n里面',  # an escaped quote too, but a drive's path
    r"在TeX中，\theta 是角度，\n 和 \n 是换行。",
])
def test_tex_and_paths_beside_json_like_escapes_stay(clean):
    assert repair(clean) == clean


@pytest.mark.parametrize("text", ["他说：\"你好。\"\nHello world 是英文。\n第三段。", "他说：\"OK\"\nTeX写作\\nabla。"])
def test_a_json_string_with_a_break_before_a_latin_word_still_comes_back(text):
    # The escape before a letter is JSON's when the line holds JSON's own signs (\", \uXXXX).
    assert repair(json.dumps(text, ensure_ascii=False)[1:-1]) == text


def test_the_pipeline_records_a_step_and_a_second_clean_changes_nothing():
    twice = json.dumps(json.dumps(ARTICLE))[3:-3]
    result = Cleaner(to="keep").run(twice)
    assert result.text == Cleaner(to="keep").clean(ARTICLE)
    assert any(step.name == "json-string-escapes" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


# Latin text escaped as JSON: its letters are no UTF-8, or UTF-8 of no Chinese.
_ESCAPED_LATIN = (r'Caf\u00e9 \"na\u00efve\" and r\u00e9sum\u00e9, \"more\"',
                  r'\"\u00c3\u00a9t\u00c3\u00a9\" and \"caf\u00c3\u00a9\"')


@pytest.mark.parametrize(("source", "shown_as"), [("utf-8", "cp1252"), ("utf-8", "latin-1"), ("gbk", "latin-1")])
def test_misread_utf8_written_as_json_is_read_with_its_quotes(source, shown_as):
    # UTF-8 (or GBK) shown one byte a character (a U+FFFD where cp1252 has none), then written as JSON with
    # ASCII escapes: no CJK character or escape says Chinese until the bytes are read, and the
    # escaped quotes stayed (\"伴随\"). Escaped Latin text stays as it is.
    text = '他说：“你好。”第二段，数学上说的是"伴随"，也叫"共轭"。'
    line = json.dumps(text.encode(source).decode(shown_as, errors="replace"))[1:-1]
    assert '\\"' in line and not repair(line).count('\\"')
    assert Cleaner(to="keep").clean(line) == Cleaner(to="keep").clean(text)
    assert [repair(latin) for latin in _ESCAPED_LATIN] == list(_ESCAPED_LATIN)
