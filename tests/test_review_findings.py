"""Regression tests for bugs found in the review of e1c7427..HEAD (each failed before its fix)."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.leftovers import decode_escapes, remove_invisible, strip_markup


def test_escaped_tags_survive_a_second_clean():
    c = Cleaner(to="keep")
    once = c.clean("使用&lt;div&gt;标签。")
    assert c.clean(once) == once


def test_a_comparison_in_prose_is_not_a_tag():
    assert strip_markup("如果a<b and c>d则成立。") == "如果a<b and c>d则成立。"


def test_hex_bytes_written_out_are_not_read_as_gbk():
    assert decode_escapes(r"魔数\xca\xfe\xba\xbe") == r"魔数\xca\xfe\xba\xbe"
    assert decode_escapes(r"哈希值\xde\xad\xbe\xef") == r"哈希值\xde\xad\xbe\xef"


def test_a_form_feed_still_separates_what_it_separated():
    assert remove_invisible("page one\x0cpage two") != "page onepage two"


def test_layers_docstring_example_through_the_pipeline():
    assert Cleaner(to="keep").clean("他说：閹存垶妲告稉锟介崶鎴掓眽") == "他说：我是中国人"


def test_a_run_of_latin1_characters_is_left_to_the_single_byte_repair():
    from cleaner.repair import code_pages

    assert code_pages.best_code_page("Ã¤Â¸Â\xad" * 3) in code_pages.MODELED


ARTICLE_ENDING_IN_A_QUOTED_STATEMENT = """某科技公司回应数据泄露事件

本报记者 李明

昨日，某科技公司就近日网传的用户数据泄露事件发布回应。该公司在声明中称，公司已第一时间成立专项小组进行调查，目前尚未发现核心数据库被攻破的证据，部分用户信息可能来自第三方平台。

业内专家指出，近年来数据安全事件频发，企业应当加强内部管理，完善技术防护措施，同时监管部门也需要加大执法力度，保护消费者的合法权益不受侵害。

声明最后写道：“本公司对此事高度重视，已联系公安机关立案侦查，并将依法追究侵权者的法律责任，请广大用户不要轻信不明来源的信息。”
"""


def test_an_articles_last_paragraph_quoting_a_statement_stays():
    assert "本公司对此事高度重视" in Cleaner(to="keep").clean(ARTICLE_ENDING_IN_A_QUOTED_STATEMENT)


def test_an_entity_inside_decoded_escapes_survives_a_second_clean():
    c = Cleaner(to="keep")
    once = c.clean(r"\u516c\u53f8\u0026amp; Co")  # 公司&amp; Co, then 公司& Co
    assert c.clean(once) == once
