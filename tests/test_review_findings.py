"""Regression tests for bugs found in the review of e1c7427..HEAD (xfail strict: confirmed, not fixed)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.io.decode import decode_with_findings
from cleaner.leftovers import decode_escapes, remove_invisible, strip_markup


@pytest.mark.xfail(strict=True, reason="markup-tags runs before html-entities: &lt;p&gt; becomes <p> on the "
                                       "first clean and is stripped by the second (not idempotent)")
def test_escaped_tags_survive_a_second_clean():
    c = Cleaner(to="keep")
    once = c.clean("使用&lt;div&gt;标签。")
    assert c.clean(once) == once


@pytest.mark.xfail(strict=True, reason="_TAG takes ASCII words after a tag name as attributes: a<b and c>d loses 'b and c'")
def test_a_comparison_in_prose_is_not_a_tag():
    assert strip_markup("如果a<b and c>d则成立。") == "如果a<b and c>d则成立。"


@pytest.mark.xfail(strict=True, reason="a \\x run that is not UTF-8 is read as GBK, which accepts almost any byte pairs")
def test_hex_bytes_written_out_are_not_read_as_gbk():
    assert decode_escapes(r"魔数\xca\xfe\xba\xbe") == r"魔数\xca\xfe\xba\xbe"
    assert decode_escapes(r"哈希值\xde\xad\xbe\xef") == r"哈希值\xde\xad\xbe\xef"


@pytest.mark.xfail(strict=True, reason="form feed / vertical tab are dropped as invisible: the words either side run together")
def test_a_form_feed_still_separates_what_it_separated():
    assert remove_invisible("page one\x0cpage two") != "page onepage two"


@pytest.mark.xfail(strict=True, reason="utf8-read-as-gbk takes the tail of the second-layer stretch first, "
                                       "so mojibake-of-mojibake gets a cut stretch and guesses wrong")
def test_layers_docstring_example_through_the_pipeline():
    assert Cleaner(to="keep").clean("他说：閹存垶妲告稉锟介崶鎴掓眽") == "他说：我是中国人"


@pytest.mark.xfail(strict=True, reason="line-by-line decoding runs only when no legacy codec reads the whole "
                                       "file; GB18030 reads most UTF-8+GBK files whole, as mojibake")
def test_utf8_and_gbk_lines_decode_exactly_even_when_gb18030_reads_the_whole_file():
    data = "今天天气很好\n".encode() + "我们去公园散步\n".encode("gbk")
    decoded = decode_with_findings(data)
    assert decoded.text == "今天天气很好\n我们去公园散步\n"


@pytest.mark.xfail(strict=True, reason="best_code_page ranks a tie on rejects by the model before the page order: "
                                       "a run of Latin-1 characters (UTF-8 misread twice) goes to cp850, and code_pages "
                                       "re-reads it at full cost for nothing (half the time of a 6,000-character page)")
def test_a_run_of_latin1_characters_is_left_to_the_single_byte_repair():
    from cleaner.repair import code_pages

    assert code_pages.best_code_page("Ã¤Â¸Â\xad" * 3) in code_pages.MODELED
