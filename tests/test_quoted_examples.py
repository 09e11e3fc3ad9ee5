"""Escapes a text quotes as examples stay as written; escaped text is still read (repair/quoted_examples.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair import quoted_examples

# Sentences of an article about encodings, written for this test: each quotes escapes set apart.
EXAMPLES = [
    "而 &amp;#20013; 会原样显示为 &#20013;。",
    "实体 “&#x4E2D;&#x6587;” 写的就是中文两个字。",
    "nginx 会把非 ASCII 字节写成 \\xE4\\xB8\\xAD\\xE6\\x96\\x87 这样的形式。",
    '字符串 "\\u4e2d\\u6587" 与中文完全相同。',
    "反斜杠转义 `\\u4f60\\u597d` 在源码里很常见。",
    'C 语言里 printf("\\344\\275\\240") 输出一个字。',
    "Python 里 print('\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd') 打印的是字节。",
]

# The same escapes as escaped text: glued to the text, a record's value, a whole escaped line.
ESCAPED = [
    ("&ldquo;双创&rdquo;&amp;nbsp;简称", "“双创”"),
    ("&amp;ldquo;双创&amp;rdquo;是简称", "“双创”是简称"),
    ("标题：&#20013;&#25991;网站", "中文网站"),
    ("标题：\\u4e2d\\u6587网站", "中文网站"),
    ('{"title": "\\u4e2d\\u6587", "id": 1}', "中文"),
    ("2024-01-01 INFO name=\\xe4\\xb8\\xad\\xe6\\x96\\x87", "name=中文"),
    ('modified:   "docs/\\344\\274\\232\\350\\256\\256.md"', "docs/会议.md"),
    # A sentence escaped around its own commas, quoted: each piece touches another across a clause
    # sign (a reader decoded the second half only and kept the first as an example).
    ("他说：“\\u4eca\\u5929\\u5f88\\u597d，\\u6211\\u4eec\\u53bb\\u516c\\u56ed\\u5427”。", "“今天很好，我们去公园吧”"),
    # A sentence escaped whole, its punctuation too, quoted or set apart: a passage, not a word.
    ("他说：“\\u4eca\\u5929\\u5929\\u6c14\\u5f88\\u597d\\uff0c\\u6211\\u4eec\\u53bb\\u516c\\u56ed\\u5427\\u3002”。",
     "“今天天气很好，我们去公园吧。”"),
    ("新闻 \\xe4\\xb8\\xad\\xe5\\x9b\\xbd\\xe7\\xbb\\x8f\\xe6\\xb5\\x8e\\xe5\\xa2\\x9e\\xe9\\x95\\xbf"
     "\\xe8\\xbf\\x9b\\xe5\\x85\\xa5\\xe6\\x96\\xb0\\xe9\\x98\\xb6\\xe6\\xae\\xb5 来源", "中国经济增长进入新阶段"),
    ("报道称 &#20170;&#22825;&#24456;&#22909;，&#25105;&#20204;&#21435; 了。", "今天很好，我们去"),
]


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(to="keep", remove_furniture=False)


@pytest.mark.parametrize("text", EXAMPLES)
def test_escapes_prose_quotes_as_examples_stay_as_written(cleaner, text):
    assert cleaner.clean(text) == text


@pytest.mark.parametrize("text, read", ESCAPED)
def test_escaped_text_is_still_read_and_a_second_clean_changes_nothing(cleaner, text, read):
    out = cleaner.clean(text)
    assert read in out
    assert cleaner.clean(out) == out


def test_markup_and_space_entities_set_apart_are_read_all_the_same(cleaner):
    # HTML source escapes its own < and &, and &nbsp; is layout, wherever they stand.
    assert cleaner.clean("小于号 &lt; 表示比较，和号 &amp; 表示并且。") == "小于号 < 表示比较，和号 & 表示并且。"
    assert "&" not in cleaner.clean("第一段 &amp;nbsp; 第二段")


@pytest.mark.parametrize("text, span, example", [
    ("写成 \\xE4\\xB8\\xAD 这样", (3, 15), True),
    ("显示为 &#20013;。", (4, 12), True),  # a clause sign may follow directly
    ("显示为&#20013;。", (3, 11), False),  # glued on the left
    ("shown as &#20013; here", (9, 17), False),  # Latin around: an English page's own entity
    ("写成 \\xE4\\xB8\\xAD", (3, 15), False),  # the line's end: nothing beyond
    ("写成 " + "\\u4e2d" * 8 + " 这样", (3, 51), True),  # a word: eight characters at most
    ("写成 " + "\\u4e2d" * 9 + " 这样", (3, 57), False),
    ("写成 " + "\\xe4" * 25 + " 这样", (3, 103), False),  # 25 bytes
    ('f("\\344\\275")', (3, 11), True),  # a call's quoted argument
    ('f("' + "\\344" * 30 + '")', (3, 123), True),  # at any length
    ('f("\\344\\275\')', (3, 11), False),  # quotes that do not match
])
def test_is_example_asks_for_prose_or_a_call_on_both_sides(text, span, example):
    assert quoted_examples.is_example(text, *span) is example
