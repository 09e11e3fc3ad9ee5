"""Code lines in an article keep their ASCII signs (cleaner/codelines.py)."""

import pytest

from cleaner import Cleaner
from cleaner.codelines import code_spans


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
