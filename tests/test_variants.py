"""Forms of a character running text seldom writes are no guesses (cleaner/repair/variants.py)."""

import pytest
from wrong_decoders import DECODERS

from cleaner import Cleaner
from cleaner.repair import holes, variants


def test_a_guess_among_forms_of_one_character_is_the_form_text_writes():
    # 當 and 噹 both fold to 当, which the model scores; jieba's unfolded counts barely know
    # Traditional text (當 -16.5, 噹 -13.5), so the tie went to 噹.
    items = [["盧", 2, ["盧"]], ["安", 4, ["安"]], ["達", 6, ["達"]], ["由", 8, ["由"]],
             ["噹", 10, ["噹", "當"]], ["地", 12, ["地"]]]
    chosen = holes.choose_ranked(items, "", False)
    assert chosen[4].char == "當"


@pytest.mark.parametrize("script", ["simplified", "traditional", None])
def test_the_forms_a_standard_writes_are_never_rare(script):
    # The Simplified character itself (于 stands beside 於), OpenCC's Traditional (爲 裏 着: pages
    # converted by it), Taiwan's (為 裡 著) and Hong Kong's.
    assert variants.rare_forms(script).isdisjoint("于爲裏着為裡著當家台臺藥面")
    assert {"噹", "傢", "麪"} <= variants.rare_forms(script)


def test_traditional_text_read_by_a_browsers_big5_decoder_gets_its_own_forms_back():
    # GBK 當 (ae 94) through WHATWG big5: ae 94 is no pair, one mark for both bytes.
    text = "盧安達的飲食主要由當地自給農業生產，也很受當地人的歡迎。"
    damaged = DECODERS["whatwg-big5"].decode(text.encode("gb18030"), "replace")
    fixed = Cleaner(to="keep", remove_furniture=False).clean(damaged)
    assert fixed.count("當地") == 2 and "噹" not in fixed
