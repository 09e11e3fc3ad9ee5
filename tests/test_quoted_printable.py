"""Mail's transfer encodings left in text (cleaner/repair/quoted_printable.py)."""

from __future__ import annotations

import base64
import quopri

import pytest

from cleaner import Cleaner
from cleaner.repair.quoted_printable import repair

ARTICLE = ("国家统计局今天发布数据，一季度国内生产总值同比增长百分之五点三，比上年四季度加快零点一个百分点。\n"
           "分产业看，第一产业增加值增长百分之三点三，第二产业增长百分之六，第三产业增长百分之五。")
BIG5_TEXT = "臺北市政府今天宣布，明年起將擴大公共運輸補貼，通勤月票價格維持不變。"


def test_a_quoted_printable_body_comes_back_with_its_soft_breaks_joined():
    encoded = quopri.encodestring(ARTICLE.encode("utf-8")).decode("ascii")
    assert "=\n" in encoded  # lines of 76: characters cut between them
    assert repair(encoded) == ARTICLE


def test_soft_breaks_of_a_body_with_crlf_line_ends():
    encoded = quopri.encodestring(ARTICLE.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    assert repair(encoded) == ARTICLE.replace("\n", "\r\n")


def test_one_quoted_printable_paragraph_among_clean_ones():
    first, second = ARTICLE.split("\n")
    encoded = quopri.encodestring(second.encode("utf-8")).decode("ascii")
    assert repair(f"{first}\n{encoded}") == ARTICLE


def test_blanks_and_equals_signs_outside_the_runs_of_a_quoted_printable_body():
    text = "第一段。\n  \n公式a=b成立。"
    encoded = quopri.encodestring(text.encode("utf-8")).decode("ascii")
    assert "=20" in encoded and "=3D" in encoded
    assert repair(encoded) == text
    assert repair("价格a=20元，x=3D。") == "价格a=20元，x=3D。"  # no run of a high byte: no QP page


def test_lower_case_escapes_and_spaces_encoded_as_escapes():
    encoded = "".join(f"={b:02x}" for b in "增长 百分之五".encode("utf-8"))
    assert repair(encoded) == "增长 百分之五"


def test_a_legacy_body_is_read_when_it_reads_as_chinese():
    gbk = quopri.encodestring(ARTICLE.encode("gbk")).decode("ascii")
    big5 = quopri.encodestring(BIG5_TEXT.encode("big5")).decode("ascii")
    assert repair(gbk) == ARTICLE
    assert repair(big5) == BIG5_TEXT


@pytest.mark.parametrize("charset", ["utf-8", "gb2312", "gbk", "big5"])
@pytest.mark.parametrize("kind", ["b", "q"])
def test_encoded_words_in_the_charset_they_name(charset, kind):
    title = "东吴大学香港同学会成立" if charset != "big5" else "東吳大學香港同學會成立"
    data = title.encode(charset)
    body = base64.b64encode(data).decode() if kind == "b" else "".join(f"={b:02X}" for b in data)
    word = f"=?{charset.upper()}?{kind.upper()}?{body}?="
    assert repair(f"Subject: {word}\n正文") == f"Subject: {title}\n正文"


def test_encoded_words_side_by_side_lose_the_blanks_between_them():
    words = " ".join(f"=?UTF-8?B?{base64.b64encode(part.encode()).decode()}?=" for part in ("东吴大学", "香港同学会"))
    assert repair(words) == "东吴大学香港同学会"


def test_a_gb2312_label_over_gbk_text_is_read_by_the_wider_table():
    title = "镕基与朱镕基"  # 镕 is GBK's, not GB2312's
    assert repair(f"=?gb2312?B?{base64.b64encode(title.encode('gbk')).decode()}?=") == title


@pytest.mark.parametrize("clean", [
    "若x=E5且y=C3，则x+y=E5+C3。",
    "设定颜色：color=FF0000，背景=A0A0A0。",
    "哈希值=E3B0C44298FC1C149AFBF4C8996FB924",
    "公式 a=EF, b=BB, c=BF 中各项均为十六进制数。",
    "示例：=?UTF-8?B?!!!?= 不是合法的编码字。",
    "=?x-unknown?B?5YmN?= 的字符集不存在。",
    "没有任何编码的普通中文句子。",
])
def test_equations_hashes_and_broken_words_stay(clean):
    assert repair(clean) == clean


def test_the_pipeline_records_a_step_and_a_second_clean_changes_nothing():
    encoded = quopri.encodestring(ARTICLE.encode("utf-8")).decode("ascii")
    result = Cleaner(to="keep").run(encoded)
    assert result.text == Cleaner(to="keep").clean(ARTICLE)
    assert any(step.name == "quoted-printable" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


def test_a_run_inside_other_text_leaves_the_pages_equals_signs():
    # Only a body all in quoted-printable (ASCII) has its =20, =3D and soft breaks read outside
    # the runs: one run quoted in a page must not join its lines or eat its "=3D" (review21).
    text = "邮件正文：=E5=89=8D=E8=BA=AB=E4=B8=BA\n公式如下：a + b =\nc + d。\n颜色 #=3D3D3D 和宽度=20px。"
    assert repair(text) == "邮件正文：前身为\n公式如下：a + b =\nc + d。\n颜色 #=3D3D3D 和宽度=20px。"
