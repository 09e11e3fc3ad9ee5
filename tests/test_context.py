"""Guesses decided again in their line (cleaner/repair/context.py)."""

import pytest
import reference_context
from hypothesis import given, settings
from hypothesis import strategies as st
from wrong_decoders import DECODERS

from cleaner.langmodel import model
from cleaner.repair import context
from cleaner.repair.holes import Choice
from cleaner.repair.mojibake import repair_single_byte, repair_utf8_as_gbk


def _repaired(text: str, decoder: str) -> str:
    damaged = DECODERS[decoder].decode(text.encode("utf-8"), "replace")
    if decoder in ("cp1252", "cp1250"):
        return repair_single_byte(damaged).text
    return repair_utf8_as_gbk(damaged).text


@pytest.mark.parametrize(("text", "at"), [
    # ） (ef bc 89) before a line break loses 89: the stream never saw the break nor the （.
    ("评论人：柳欣（南开大学经济研究所）\n评论人：龚刚（清华大学）", 16),
    # （ before a digit: its ） follows.
    ("市中级人民法院刑事判决书（1989）刑一初", 12),
    # — between digits: no quote answers ”, and ” never comes before a digit.
    ("会议时间9:20—9:50休息", 8),
    # 】 (e3 80 91) ending a line loses 91: the open 【 wants it, though the model likes 。 after 闭.
    ("【关闭】", 3),
    ("【打印】【关闭】", 7),
    # 〔 and 〕 around a document number's year both lost a byte: decided as a pair.
    ("根据国办发〔2024〕12号文件精神，现通知如下。", 5),
    ("根据国办发〔2024〕12号文件精神，现通知如下。", 10),
])
def test_punctuation_the_line_decides(text, at):
    out = _repaired(text, "gbk")
    assert len(out) == len(text) and out[at] == text[at]


def test_a_lost_byte_is_no_fullwidth_digit_alone():
    # ！ (ef bc 81) through cp1252 loses 81; ０ (ef bc 90) fits the hole as well, and the model
    # scores it as any digit.
    text = "结果吓了她一跳，自己怀孕了！陪她去的母亲当时就哭了。"
    assert _repaired(text, "cp1252") == text


def _choice(ch: str, candidates: str) -> Choice:
    return Choice(ch, 0, True, "", 0.0, tuple(candidates))


def test_a_closing_mark_answers_an_opening_one():
    text, guessed = context.redecide("（南开大学，\n评论", [(5, _choice("，", "，）："))])
    assert text == "（南开大学）\n评论"
    assert guessed[0][1].char == "）" and guessed[0][1].alternative == "，" and guessed[0][1].margin > 0


def test_a_closing_mark_whose_opening_one_a_later_closing_mark_answers_is_alone():
    # 、 and 」 are e3 80 81 and e3 80 8d: both lost a byte, and the first, decided alone, took 「.
    line = "她说：「我们要更加高大」更加壮丽」。"
    text, _ = context.redecide(line, [(11, _choice("」", "」、")), (16, _choice("」", "」、"))])
    assert text == "她说：「我们要更加高大、更加壮丽」。"
    # A later closing mark inside a bracket of its own kind opened after the guess is no rival.
    assert context.redecide("「甲、乙「丙」", [(2, _choice("、", "」、"))])[0] == "「甲」乙「丙」"
    # The inner closing mark of nested brackets keeps its answer: one bracket still waits after it.
    line = "判决书（参见附件（二，第三条）已经生效。"
    assert context.redecide(line, [(10, _choice("，", "）＊，：；"))])[0] == "判决书（参见附件（二）第三条）已经生效。"
    # Marks read for sure answer as they stand: the first 〕 of 〔〕〕 answers the 〔.
    assert context.bracket("〕", "〔〕〕", 1) == context.BRACKET_ANSWERS


def test_a_line_ending_under_an_open_bracket_closes_it():
    assert context.redecide("【关闭。", [(3, _choice("。", "。】、"))])[0] == "【关闭】"
    # Only where the line ends: inside it the bracket may still close after the guess.
    assert context.redecide("【关闭。再见】", [(3, _choice("。", "。】、"))])[0] == "【关闭。再见】"


def test_two_guesses_that_may_be_a_pair_of_brackets_are_decided_together():
    text, guessed = context.redecide("国办发。2024。12号", [(3, _choice("。", "。【〔、")), (8, _choice("。", "。】〕、"))])
    assert text == "国办发〔2024〕12号"  # a year alone: a document number's marks (【 and 〔 score alike)
    assert [g[1].alternative for g in guessed] == ["。", "。"] and all(g[1].margin > 0 for g in guessed)
    assert context.redecide("。打印。。关闭。", [(0, _choice("。", "。【〔、")), (3, _choice("。", "。】〕、"))])[0] == "【打印】。关闭。"
    # Fullwidth digits are a year too (the page is width-folded only after the repairs).
    assert context.redecide("国办发。２０２４。１２号", [(3, _choice("。", "。【〔、")), (8, _choice("。", "。】〕、"))])[0] == "国办发〔２０２４〕１２号"
    # Not across a mark of the pair's kinds already there, nor a clause's end, nor far apart.
    # (The second guess offers no 、 here: 24、1 reads better than 24。1 alone, by the trigram.)
    assert context.redecide("发。20，24。1", [(1, _choice("。", "。〔、")), (7, _choice("。", "。〕"))])[0] == "发。20，24。1"
    assert context.redecide("发。2024年3月5日至6日。1", [(1, _choice("。", "。〔、")), (14, _choice("。", "。〕、"))])[0] == "发。2024年3月5日至6日。1"
    assert context.redecide("发。20〔2〕4。1", [(1, _choice("。", "。〔、")), (9, _choice("。", "。〕、"))])[0] == "发。20〔2〕4。1"


def test_a_guessed_bracket_first_answers_to_its_neighbours_alone():
    # Each — (e2 80 94) lost its last byte before a digit outside the stream, which chose ” from
    # the left alone; held so, the second ” answered a “ at the first, and the line came back
    # 13“15岁…13”15岁. Decided first by its neighbours, each is the dash again.
    line = "对象为13”15岁的儿童，在成长过程中，13”15岁是开始"
    guesses = [(5, _choice("”", "“”—…")), (22, _choice("”", "“”—…"))]
    text, guessed = context.redecide(line, guesses)
    assert text == line.replace("”", "—")
    assert [g[1].alternative for g in guessed] == ["”", "”"]
    # A quotation the neighbours want stays one: 说：“ opens it and 。” closes it.
    line = "他说：”我们明天去北京开会。”然后"
    assert context.redecide(line, [(3, _choice("”", "“”—…")), (14, _choice("”", "“”—…"))])[0] == "他说：“我们明天去北京开会。”然后"


def test_a_guess_is_decided_with_one_more_character_of_context_where_the_trigram_table_has_it():
    # 、 and 。 are e3 80 81 and e3 80 82: between two digits the bigram liked 。 (a digit is likelier
    # after 。 than after 、), the trigram table of running text 、 (0、 goes on with a digit 99 times
    # in 108, 0。 9 times in 88).
    line = "于2。3点在路口，突然被4。5名不明人士围住"
    guesses = [(2, _choice("。", "。、〃")), (13, _choice("。", "。、〃"))]
    assert context.redecide(line, guesses)[0] == "于2、3点在路口，突然被4、5名不明人士围住"


@pytest.mark.parametrize("text", [
    # Each guess's right reading completes a dictionary word with its neighbours, a commoner
    # character none (the bigram preferred it): 软 of 软环境 (转环境), 值 of 值班 (导班), 唬 of 唬人
    # (售人), 而 of the idiom 去而复返 (去行复返).
    "这是城市软环境的建设问题。",
    "工作人员轮流值班，并做好记录。",
    "这个骗子越容易唬人。",
    "他们去而复返，令人不解。",
])
def test_a_guess_that_completes_a_dictionary_word_is_taken(text):
    assert _repaired(text, "gbk") == text


@pytest.mark.parametrize("text", [
    # Each guess's right reading makes a pair the model (jieba's words, Wikipedia's running text)
    # never saw and a word of news or spoken text has: 绝食 (绝速), 扬长而去 (所长而去), 口臭 (口自),
    # 骗术 (骗未), 召唤 (叫唤); the web words' pairs (cleaner/data/web_pairs.txt) bring them back.
    "北京学生绝食，每天都有消息。",
    "歹徒停手扬长而去。在场的人都愣住了。",
    "本院认证：专治口臭、溃疡",
    "人体增高：骗术愈演愈烈",
    "对人具有召唤力，问题在于",
])
def test_a_guess_inside_a_web_word_is_taken(text):
    assert _repaired(text, "gbk") == text


def test_the_web_pairs_add_to_the_models_pair():
    lm = model()
    total, seconds = reference_context._web_pairs()[lm.key("口")]
    assert seconds[lm.key("臭")] > 0 and total >= sum(seconds.values())
    assert reference_context.web_pair("口", "臭", lm.bigram("口", "臭")) > lm.bigram("口", "臭")
    assert reference_context.web_pair("口", "龘", lm.bigram("口", "龘")) == lm.bigram("口", "龘")  # no such pair
    assert len(context.web_pairs()) == sum(len(s) for _, s in reference_context._web_pairs().values())


def test_the_longest_word_a_candidate_completes():
    chars = list("乐原声币单曲")
    assert reference_context.longest_word(chars, 3, "带") == 3  # 原声带
    assert reference_context.longest_word(chars, 3, "币") == 0
    assert context.words().longest(model().native, "".join(chars), 3, "带") == 3


def test_repaired_ranges_between_numbers_keep_their_dashes():
    text = "本次研究对象为13—15岁的儿童，在成长过程中，13—15岁是青春期的开始。受访儿童（13—15岁）表示他们有2—5个朋友。"
    assert _repaired(text, "gbk") == text


def test_without_an_opening_mark_the_comma_stays():
    assert context.redecide("南开大学，经济", [(4, _choice("，", "，）"))])[0] == "南开大学，经济"


def test_the_line_around_a_piece_is_seen():
    # The opening mark is in the text before the piece (``before``), on the same line only.
    assert context.redecide("大学，", [(2, _choice("，", "，）"))], before="（南开")[0] == "大学）"
    assert context.redecide("大学，", [(2, _choice("，", "，）"))], before="（南开\n")[0] == "大学，"


def test_a_guess_without_candidates_is_kept():
    guessed = [(1, Choice("，", 0, True, "）", 1.0))]
    assert context.redecide("（，", guessed) == ("（，", guessed)


def test_a_name_the_page_shows_read_for_sure_is_the_guess():
    # 孙启勤 loses a byte of 启 twice (the model alone guesses 听: 孙听勤) and keeps it once.
    text = "听到这一消息，孙启勤彻底绝望了。记者来到孙启勤的家，孙启勤正在河边洗菜。"
    out = repair_utf8_as_gbk(text.encode("utf-8").decode("gbk", "replace")).text
    assert out.count("孙启勤") == 3


def test_a_guess_that_is_itself_a_line_break_is_decided_without_a_panic():
    # The native candidate_bracket sliced past the line's end when a guess stood on the break
    # (hypothesis found it on the clean clone: "slice index starts at 7 but ends at 6").
    text = "大的國〖》南\n在【"
    guessed = [(6, Choice("\n", 6, True, "", 0.0, tuple("：（听“〗"))), (3, Choice("、", 3, True, "", 0.0, tuple("、，”〉国〗")))]
    assert context.redecide(text, guessed, page=True) == reference_context.redecide(text, guessed, page=True)


def test_the_cache_counts_only_characters_read_for_sure():
    pairs = reference_context._page_pairs(list("孙启勤，孙听勤"), {5})
    assert pairs == {"孙": {"启": 1}, "启": {"勤": 1}}


# --- The native decision (native/src/context.rs) equals the Python original -------------------

# Characters a line of guesses is made of: Han (some with a Traditional form the model folds),
# every bracket kind both ways (as candidates too: the pairs decided together), sentence ends,
# signs, digits (ASCII and fullwidth: a year between brackets), Latin and line breaks; words of
# the dictionary among them (南开大学, 国家, 经济) and candidates that make them (学, 开, 家).
_ALPHABET = "孙启勤听南开大学經濟国國家的了一是在（）()《》“”【】「」『』〔〕〈〉〖〗，。、！？：；0２１a \n"
_CANDIDATES = "，。）（：”“》《【】〔〕〈〉〖〗的了国是家启听学开、！"


@st.composite
def _guessed_texts(draw):
    text = draw(st.text(alphabet=_ALPHABET, min_size=1, max_size=60))
    before = draw(st.text(alphabet=_ALPHABET, max_size=8))
    after = draw(st.text(alphabet=_ALPHABET, max_size=8))
    places = draw(st.lists(st.integers(0, len(text) - 1), max_size=8, unique=True))
    guessed = []
    for pos in places:
        cands = draw(st.lists(st.sampled_from(_CANDIDATES), min_size=0, max_size=6, unique=True))
        # Mostly the character the text holds (as a repair leaves it), sometimes another one.
        char = text[pos] if draw(st.booleans()) or not cands else cands[0]
        guessed.append((pos, Choice(char, pos, True, "", 0.0, tuple(cands))))
    return text, guessed, before, after, draw(st.booleans()), draw(st.booleans())


@settings(max_examples=400, deadline=None)
@given(_guessed_texts())
def test_native_redecide_equals_the_python_original(case):
    text, guessed, before, after, page, web = case
    # A whole page has no text around it (as mojibake.py calls it).
    before, after = ("", "") if page else (before, after)
    assert (context.redecide(text, guessed, before, after, page, web)
            == reference_context.redecide(text, guessed, before, after, page, web))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET.replace("\n", ""), min_size=1, max_size=40), st.data())
def test_native_bracket_equals_the_python_original(line, data):
    at = data.draw(st.integers(0, len(line) - 1))
    ch = data.draw(st.sampled_from("（）()《》“”【】「」『』〔〕，国"))
    chars = list(line)
    assert context.bracket(ch, line, at) == reference_context.bracket(ch, chars, 0, at, len(chars))
