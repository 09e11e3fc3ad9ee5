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


def test_a_standard_writes_a_rare_form_inside_its_words():
    # OpenCC writes 叮当 叮噹, 家具 傢俱 (Hong Kong's 傢俬), 台灯 檯燈: pairs a rare form keeps.
    pairs = variants.word_pairs()
    assert {"叮噹", "傢俱", "傢俬", "檯燈"} <= pairs
    assert pairs.isdisjoint({"噹地", "當地", "地噹", "全噹"})


def test_a_rare_form_stays_a_guess_beside_a_character_it_makes_a_word_with():
    items = [["喜", 2, ["喜"]], ["歡", 4, ["歡"]], ["看", 6, ["看"]], ["叮", 8, ["叮"]],
             ["當", 10, ["當", "噹"]], ["的", 12, ["的"]]]
    holes._narrowing().narrow(items, "")
    assert items[4][2] == ["當", "噹"]
    # The character before the stream stands before its first guess.
    items = [["噹", 2, ["噹", "當"]], ["的", 4, ["的"]]]
    holes._narrowing().narrow(items, "叮")
    assert items[0][2] == ["噹", "當"]
    # Beside a guess (叮 not read for sure) or a character it makes no word with: no guess.
    items = [["叮", 2, ["叮", "丁"]], ["噹", 4, ["噹", "當"]], ["地", 6, ["地"]]]
    holes._narrowing().narrow(items, "")
    assert items[1][2] == ["當"] and items[1][0] == "當"


@pytest.mark.parametrize(("decoder", "text"), [("whatwg-big5", "小朋友都很喜歡看叮噹的卡通片"),
                                               ("big5", "小朋友都很喜歡看叮噹的卡通片"),
                                               ("big5", "他們買了一套新的傢俱，還有椅子。")])
def test_a_word_a_standard_writes_with_a_rare_form_keeps_it(decoder, text):
    # GBK's third region holds 噹 and 傢, whose bytes a Big5 decoder loses: inside 叮噹 and 傢俱
    # (read for sure beside them) the rare form is the word's, where beside 地 (當地) it is not.
    damaged = DECODERS[decoder].decode(text.encode("gb18030"), "replace")
    assert damaged != text
    fixed = Cleaner(to="keep", remove_furniture=False).clean(damaged)
    assert fixed == text

