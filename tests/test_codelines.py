"""Code lines in an article keep their ASCII signs (cleaner/codelines.py)."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import codelines
from cleaner import Cleaner
from cleaner.codelines import code_spans, inline_code_spans

# Clean lines of tech articles, tutorials, changelogs and forum answers, Simplified and Traditional,
# with code inside the prose and no backticks around it.
TECH_LINES = [line for line in (Path(__file__).parent / "fixtures" / "clean_tech_lines.txt").read_text().splitlines()
              if line and not line.startswith("#")]


@pytest.mark.parametrize("line", [
    'print("你好, 世界")',
    "if (x > 0) { y = f(a, b); }",
    "    total = sum(x, y)  # 求和,返回",
    'String s = "中文, 测试";',
    "#include <stdio.h> // 头文件(必须)",
    "def area(r):  # 面积(圆)",
    # SQL in capitals and shell command lines (probe19 D6: VALUES （'李四', '深圳'）；)
    "INSERT INTO users (name, city) VALUES ('李四', '深圳');",
    'echo "你好, 世界! 今天是星期一."',
    '$ git commit -m "修复, 测试"',
])
def test_code_lines_are_found(line):
    text = f"示例:\n{line}\n结束。"
    assert [text[a:b] for a, b in code_spans(text)] == [line]


@pytest.mark.parametrize("line", [
    "iPhone的价格是(5000元)",
    "Apple (iPhone) 发布,售价(5000元)。",
    "他说:今天(周一)很好!",
    "CEO张三表示:公司(集团)将上市。",
    # Acronyms and formulas before a bracket are no calls when Chinese follows outside any string.
    "NBA(美国职业篮球联赛)今天宣布,新赛季将于10月开始(暂定)",
    "CEO(首席执行官)张三表示,公司将扩大投资(约100亿元)",
    "GDP=国内生产总值,CPI=居民消费价格指数;",
    "f(x)=2x+1,求f(2)的值(写出过程)",
])
def test_prose_is_not_code(line):
    assert code_spans(line) == []


def test_the_cleaner_leaves_code_signs_and_widens_prose_around_it():
    text = '示例代码如下:\nprint("你好, 世界")\nx = f(a, b);\n运行结果为"你好,世界".'
    # The prose's quotes around Chinese become Chinese quotes (fixes.chinese_stops_and_quotes); the code's stay.
    assert Cleaner().clean(text) == '示例代码如下：\nprint("你好, 世界")\nx = f(a, b);\n运行结果为“你好，世界”.'


def test_indented_lines_under_a_code_line_are_its_block():
    text = "示例:\ndef f(x):\n    if x > 0:\n        return x + 1\n    return 0\n  他说,这是函数。\ny = f(1);"
    assert [text[a:b] for a, b in code_spans(text)] == ["def f(x):", "    if x > 0:", "        return x + 1",
                                                       "    return 0", "y = f(1);"]


def test_a_block_ends_at_a_line_no_deeper_than_its_head():
    text = "    setup(a)\n    run(b)\n        retry c\n后来,程序结束。"
    assert [text[a:b] for a, b in code_spans(text)] == ["    setup(a)", "    run(b)", "        retry c"]


def test_the_cleaner_keeps_the_indentation_of_code():
    text = "示例代码如下:\n\ndef f(x):\n    if x > 0:\n        return x + 1\n    return 0\n\n  运行结果为2。"
    assert Cleaner().clean(text) == "示例代码如下：\ndef f(x):\n    if x > 0:\n        return x + 1\n    return 0\n运行结果为2。"


def test_markdown_inline_code_keeps_its_signs_and_prose_around_it_widens():
    text = '使用 `git commit -m "修复, 测试"` 提交代码,然后`ls -l; pwd`查看。'
    assert Cleaner().clean(text) == '使用 `git commit -m "修复, 测试"` 提交代码，然后`ls -l; pwd`查看。'


def test_backticks_around_a_sentence_are_no_inline_code():
    # A full stop between the backticks: two stray marks around prose, which is widened as prose.
    assert Cleaner().clean("他说`今天,很好。明天`再见") == "他说`今天，很好。明天`再见"


def test_lines_of_a_fenced_block_are_code_lines():
    text = "示例:\n```bash\nls -l, pwd\n    echo a, b\n```\n结束,好的。"
    assert [text[a:b] for a, b in code_spans(text)] == ["```bash", "ls -l, pwd", "    echo a, b", "```"]
    assert Cleaner().clean(text) == "示例：\n```bash\nls -l, pwd\n    echo a, b\n```\n结束，好的。"


def test_an_unclosed_fence_makes_nothing_code():
    text = "示例:\n```\n他说,今天很好。\n明天,再见。"
    assert code_spans(text) == []


def test_a_call_statement_and_a_markdown_image_inside_prose_keep_their_signs():
    text = '在 C 语言中,printf("结果是: %d\\n", x); 会输出结果。图片是 ![图片](a.png)。'
    assert Cleaner().clean(text) == '在 C 语言中，printf("结果是: %d\\n", x); 会输出结果。图片是 ![图片](a.png)。'
    # An ASCII name before a bracket of Chinese is prose, a statement or not.
    assert Cleaner().clean("NBA(美国职业篮球联赛);今天宣布") == "NBA（美国职业篮球联赛）；今天宣布"


def test_a_long_rule_of_tildes_between_paragraphs_is_no_fence():
    # Two decorative rules made the prose between them a code block (review19b F4).
    text = "第一段,好的。\n~~~~~~~~~~~~~~~~~~~~\n第二段文字,讲述了下午的事。\n~~~~~~~~~~~~~~~~~~~~\n结束。"
    assert code_spans(text) == []


@pytest.mark.parametrize("line", TECH_LINES)
def test_code_inside_a_line_of_prose_comes_through_untouched(line):
    assert cleaner.clean(line, to="keep") == line


@pytest.mark.parametrize(("line", "code"), [
    # a call with a string among its arguments, calls chained on it, a statement's semicolon
    ('Python中print("第一行\\n第二行")会输出两行。', 'print("第一行\\n第二行")'),
    ('写 df.groupby("城市").agg({"销量": "sum"}) 就能汇总。', 'df.groupby("城市").agg({"销量": "sum"})'),
    ('在 Rust 中 println!("你好, {}!", name); 格式化输出。', 'println!("你好, {}!", name);'),
    # a JSON object, a template's braces
    ('接口返回 {"名称": "值", "数量": 3} 这样的对象。', '{"名称": "值", "数量": 3}'),
    ('模板里写 {{ user.name|default:"匿名" }} 显示用户名。', '{{ user.name|default:"匿名" }}'),
    # a command at the start of a clause, up to the prose after it
    ('运行命令 echo "你好, 世界!" | iconv -f utf-8 -t gbk > out.txt 可以转换编码。',
     'echo "你好, 世界!" | iconv -f utf-8 -t gbk > out.txt'),
    ('创建目录：mkdir -p "/data/日志, 备份"，然后设置权限。', 'mkdir -p "/data/日志, 备份"'),
    ('提交：git commit -m "修复, 测试"，然后推送。', 'git commit -m "修复, 测试"'),
    ('请在終端機輸入 $ grep -rn "錯誤!" /var/log/日誌 查看。', '$ grep -rn "錯誤!" /var/log/日誌'),
    # SQL in capitals, with its second keyword
    ("执行 SELECT name, age FROM t WHERE city='北京' 就能查到。", "SELECT name, age FROM t WHERE city='北京'"),
    # a conditional expression with ASCII operands, its statement's semicolon with it
    ("三元运算符：x = cond ? a : b; 在 JavaScript 中很常见。", "cond ? a : b;"),
    ("写成 n>0?1:-1;就行", "0?1:-1;"),
    # a query's bound parameter after a comparison, its statement's semicolon with it
    ("执行 SELECT * FROM users WHERE id = ?; 然后绑定参数。", "id = ?;"),
    ("条件写成 name LIKE ? 即可。", "name LIKE ?"),
])
def test_code_inside_a_line_is_found_by_its_shape(line, code):
    assert [line[a:b] for a, b in inline_code_spans(line)] == [code]


@pytest.mark.parametrize("line", [
    "你好,世界",
    "北京, 上海, 广州都是大城市,人口众多!",
    "NBA(美国职业篮球联赛)今天宣布,新赛季将于10月开始(暂定)",
    "名单是{张三, 李四},共两人",  # braces around bare Chinese
    "f(x)=2x+1,求f(2)的值",  # a call with no string in it
    "我喜欢 cat 和 dog,但是不喜欢老鼠",  # a command's name as a word of prose: no argument
    "他说 make sense,然后走了",  # one argument and no sign of code
    "他说 SELECT 一下,然后走了",  # a SQL word without its second keyword
    '他说"今天(周一)很好",然后走了',
    "你好吗? 是: 我好",  # a question and its answer: no ASCII operands around "?" and ":"
    "问题A? 答案: 见下",
    "你觉得A>B?我觉得是",  # a question about a comparison: no "?" right after it
])
def test_prose_with_ascii_signs_and_no_code_is_not_code(line):
    assert inline_code_spans(line) == []
    assert cleaner.clean(line, to="keep") != line  # its signs still become fullwidth


def test_prose_around_code_inside_a_line_still_widens():
    # A comma after a command, before Chinese, is the sentence's; so is the quote pair in prose.
    assert cleaner.clean('先运行:pip install requests, 再导入模块,结果为"成功".', to="keep") == \
        '先运行：pip install requests，再导入模块，结果为“成功”.'
    assert cleaner.clean('他说,调用 print("你好, 世界") 即可!', to="keep") == '他说，调用 print("你好, 世界") 即可！'


def test_the_spans_of_the_page_asked_last_are_not_searched_again(monkeypatch):
    """The width fixers and the paragraphs stage each ask the spans of one page: searched once,
    answered as copies (a caller's change to its list is not the next caller's answer)."""
    from cleaner import codelines

    judged = []
    original = codelines._is_code
    monkeypatch.setattr(codelines, "_is_code", lambda line: judged.append(line) or original(line))
    page = '示例（缓存）:\nprint("你好, 世界")\n结果为"你好, 世界".'
    first = codelines.code_spans(page)
    first.append((0, 1))
    again = codelines.code_spans("".join(list(page)))  # an equal text, another object
    assert again == [(8, 23)] and len(judged) == 1
    assert codelines.code_spans(page + "。") == [(8, 23)] and len(judged) == 2  # another text: searched


# --- the hint tests, asked from their signs: the regexes they stand for are the oracle ----------

# The tests as one regex each (the form they had before they were asked from their signs).
HINTS_AS_ONE = re.compile(r"[;{}]|[A-Za-z0-9_]\(|\)[ \t]*:|^[ \t]*#[a-z]", re.MULTILINE)
SHELL_LINE = re.compile("^" + codelines._SHELL.pattern, re.MULTILINE)  # noqa: SLF001
# Text made of the signs the tests turn on, a few letters and commands, Han and line breaks.
HINT_TEXT = st.lists(st.sampled_from(["(", ")", ":", ";", "{", "}", "#", "a", "Z", "_", "9", " ", "\t", "\n", "$ ",
                                      "echo", "git", "cd", "中", "（", "：", "x(", "): ", "\n#if", "\n  #define"]),
                     max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(HINT_TEXT)
def test_hints_answer_as_one_regex(text):
    assert codelines._hinted(text) == (HINTS_AS_ONE.search(text) is not None)  # noqa: SLF001


@settings(max_examples=400, deadline=None)
@given(HINT_TEXT)
def test_shell_line_answers_as_the_anchored_regex(text):
    assert codelines._at_a_line_start(codelines._SHELL_AT, text) == (SHELL_LINE.search(text) is not None)  # noqa: SLF001


@pytest.mark.parametrize("block", [
    "def 计算(x):\n    # 这里返回平方\n    结果 = x ** 2\n    return 结果",
    "class 用户:\n    def 问候(self, 名字):\n        print(f\"你好, {名字}\")",
    "function 求和(a, b) {\n  return a + b;\n}",
    "SELECT 姓名, 年龄\nFROM 用户\nWHERE 年龄 > 18\nORDER BY 年龄;",
    "SELECT 姓名, 部门 FROM 员工表 WHERE 城市 = '北京';",
])
def test_code_naming_in_chinese_comes_through_byte_for_byte(block):
    text = f"示例如下。\n\n{block}\n\n运行结果如下。"
    assert Cleaner(to="keep").clean(text) == f"示例如下。\n{block}\n运行结果如下。"


@pytest.mark.parametrize("line", [
    "SELECT 是一个关键字, 用于查询。",
    "class 是关键字:它定义一个类。",
    "def 计算（x）：返回平方",
])
def test_prose_naming_a_keyword_is_not_code(line):
    assert code_spans(line) == []


def test_a_block_under_an_ascii_definition_takes_no_chinese_names():
    text = "def f(x):\n    结果 = x ** 2\n他说,这是函数。"
    assert [text[a:b] for a, b in code_spans(text)] == ["def f(x):"]


@pytest.mark.parametrize("block", [
    '{\n  "名称": "测试, 项目",\n  "数量": 3,\n  "地址": {\n    "城市": "北京"\n  }\n}',
    '服务:\n  名称: "测试"\n  地址: 127.0.0.1\n  标签:\n    - 中文, 英文',
])
def test_json_and_yaml_blocks_come_through_byte_for_byte(block):
    text = f"配置如下。\n\n{block}\n\n结束。"
    assert Cleaner(to="keep").clean(text) == f"配置如下。\n{block}\n结束。"


def test_a_flat_ini_section_of_chinese_keys_comes_through_byte_for_byte():
    # No key is nested, as in field rows; the [section] header and values with no Chinese say
    # it is a configuration file's.
    block = "[数据库]\n地址: 127.0.0.1\n端口: 3306\n用户名 = root\n\n[日志]\n级别: debug\n路径: /var/log/app.log"
    text = f"配置文件如下。\n\n{block}\n\n保存后重启。"
    assert Cleaner(to="keep").clean(text) == f"配置文件如下。\n{block.replace(chr(10) * 2, chr(10))}\n保存后重启。"


def test_field_rows_under_a_bracketed_line_are_no_ini_section():
    text = "[图片]\n来源: 新华社\n作者: 张三\n时间: 2023年5月"
    assert code_spans(text) == []


def test_a_sentence_naming_sql_s_clauses_is_prose():
    # A comma before FROM is no SQL (a syntax error): the sentence's commas, made fullwidth.
    text = "SELECT 后面跟列名,FROM 后面跟表名"
    assert code_spans(text) == []
    assert Cleaner(to="keep").clean(text) == "SELECT 后面跟列名，FROM 后面跟表名"
    assert code_spans("SELECT 姓名, 年龄 FROM 用户 WHERE 年龄 > 18;") != []


def test_field_rows_holding_two_keys_a_line_are_no_yaml():
    # YAML takes no "key: " inside a plain value: these are prose's rows with ASCII signs.
    text = "基本信息:\n  姓名: 张三\n  时间: 2023年,地点: 北京\n  说明: 他说,我们明天见"
    assert code_spans(text) == []
    assert Cleaner(to="keep").clean(text) == "基本信息：\n姓名：张三\n时间：2023年，地点：北京\n说明：他说，我们明天见"


def test_field_rows_with_no_nesting_are_no_yaml():
    text = "品牌: 华为\n型号: P60\n颜色: 黑色, 白色\n简介: 这是一款手机"
    assert code_spans(text) == []


@pytest.mark.parametrize("line", ["执行 SELECT * FROM users WHERE id = ?; 然后绑定参数。",
                                  "用 WHERE name = ? AND age >= ? 查询，参数依次绑定。"])
def test_a_query_s_bound_parameter_keeps_its_ascii_signs(line):
    # review38: `= ?;` before Chinese had become `=？；`, the space before it dropped.
    assert Cleaner(to="keep").clean(line) == line
