"""cleaner/repair/annotation_notes.py: annotations in every form, and the damage's pattern."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.repair.annotation_notes import damaged_forms, notes, possible_forms, removable, scattered_forms, under_ruby


def _read(text):
    return [(n.chars, n.readings, n.form) for n in notes(text)]


@pytest.mark.parametrize(("text", "read"), [
    ("國（guó）", [("國", ("guó",), ("（", "pinyin"))]),
    ("國 [guo2] 家", [("國", ("guó",), ("[", "pinyin"))]),
    ("國<ㄍㄨㄛˊ>", [("國", ("guó",), ("<", "zhuyin"))]),
    ("國guó家", [("國", ("guó",), ("", "pinyin"))]),
    ("及jíDNA", [("及", ("jí",), ("", "pinyin"))]),  # bare before a capital: a word of its own
    ("说國務院(guówùyuàn)", [("國務院", ("guó", "wù", "yuàn"), ("(", "pinyin"))]),
    ("说贵阳（guì yáng）", [("贵阳", ("guì", "yáng"), ("（", "pinyin"))]),
    ("张家界【zhāng'jiā'jiè】", [("张家界", ("zhāng", "jiā", "jiè"), ("【", "pinyin"))]),
    ("國務院(guo2wu4yuan4)", [("國務院", ("guó", "wù", "yuàn"), ("(", "pinyin"))]),
    ("說國務院（ㄍㄨㄛˊ ㄨˋ ㄩㄢˋ）", [("國務院", ("guó", "wù", "yuàn"), ("（", "zhuyin"))]),
    ("中國（ㄓㄨㄥㄍㄨㄛˊ）", [("中國", ("zhōng", "guó"), ("（", "zhuyin"))]),
    # what reads nothing: English, a romanised name, syllables of other characters
    ("大陪审团（grand jury）", []), ("北京（Beijing）", []), ("国务院(guówù)", []),
])
def test_notes_in_every_form(text, read):
    assert _read(text) == read


def test_toneless_pinyin_is_no_tone():
    # 京东(jingdong) spells a name; 京东(jīngdōng) and 京东(jing1dong1) say how it is read.
    assert [n.toned for n in notes("去京东(jingdong)买，去京东(jīngdōng)买，去京东(jing1dong1)买")] == [False, True, True]


def test_a_gloss_list_names_each_item_whole():
    found = notes("给予（jǐ yǔ）、档案（dàng àn）。在个(gè)里")
    assert [n.item for n in found] == [True, True, False]


DAMAGED = "我在湖南（nán）张家界开一个（gè）全省教学研究会议。按（àn）照（zhào）惯（guàn）例，会议安排了一天（tiān）时间。"


def test_common_characters_at_their_commonest_reading_are_the_damage():
    assert damaged_forms(DAMAGED, notes(DAMAGED)) == {("（", "pinyin")}


@pytest.mark.parametrize("text", [
    "多音字：长（zhǎng）大、长（cháng）短、行（háng）业、行（xíng）走、好（hǎo）人、好（hào）学。",  # a lesson's words
    "耄（mào）耋（dié）、荨（qián）麻、龟（qiū）兹（cí）都是常被读错的字。",  # rare characters, other readings
])
def test_lessons_and_glosses_are_not(text):
    assert damaged_forms(text, notes(text)) == set()


def test_a_lesson_line_shows_the_damage_only_by_the_dozen():
    line = "发音" + DAMAGED
    assert damaged_forms(line, notes(line)) == set()
    line = "发音" + DAMAGED + DAMAGED
    assert damaged_forms(line, notes(line)) == {("（", "pinyin")}


def test_only_the_damaged_forms_go():
    text = "一个（gè）人（rén）在（zài）家【jiā】"
    assert [n.chars for n in removable(text, notes(text), {("（", "pinyin")})] == ["个", "人", "在"]


def test_scattered_notes_need_four_needless():
    assert scattered_forms(notes("一个（gè）人（rén）在（zài）")) == set()
    assert scattered_forms(notes("一个（gè）人（rén）在（zài）家（jiā）")) == {("（", "pinyin")}


def test_a_reading_before_a_bare_note_is_another_note():
    # 月yuè光guāng，: 光 follows 月's reading, within running text, not an item of a list.
    assert [n.item for n in notes("明míng月yuè光guāng，")] == [False, False, False]


RUBY_LINE = "今（jīn）天（tiān）下（xià）午（wǔ），我（wǒ）们（men）在（zài）北（běi）京（jīng）开（kāi）会（huì）。"


def test_ruby_over_running_text_is_the_damage_on_either_script_unless_a_lesson_is_beside_it():
    assert under_ruby(RUBY_LINE, notes(RUBY_LINE))
    assert damaged_forms(RUBY_LINE, notes(RUBY_LINE)) == {("（", "pinyin")}
    assert damaged_forms(RUBY_LINE, notes(RUBY_LINE), lesson_near=True) == set()


@pytest.mark.parametrize("text", [
    "你好（nǐ hǎo）！谢谢（xiè xie）！再见（zài jiàn）！对不起（duì bu qǐ）！",  # a list of words, each whole
    "春（chūn）晓（xiǎo）",  # three notes or fewer: a title, a gloss
    "妈（mā）、麻（má）、马（mǎ）、骂（mà）",
])
def test_ruby_over_a_list_or_a_short_line_is_not_by_itself(text):
    assert under_ruby(text, notes(text))
    assert damaged_forms(text, notes(text)) == set()


def test_sparse_notes_are_not_ruby():
    text = "耄耋（mào dié）之年，指八九十岁的年纪。"
    assert not under_ruby(text, notes(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("国國〇々〆⺀㐀\U00020000\U0002ebf0aā（）ㄍ、 \n") + [chr(0x9FFF), chr(0xFA6E)]), max_size=40))
def test_han_is_counted_as_the_pattern_counts_it(text):
    # The C-speed count stands for \p{Han} (regex) in the ruby and running-text tests.
    from cleaner.repair.annotation_notes import _HAN, _han

    assert _han(text) == len(_HAN.findall(text))


# --- possible_forms: a superset of the forms notes finds -------------------------------------

_SIGNS = "國务院個天在的學(（[［【〔〖<＜〈{｛)）]］】〕〗>＞〉}｝ \u3000guóGUOwùyuàn2345ü'ㄍㄨㄛˊˋ˙。，"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SIGNS, max_size=40))
def test_possible_forms_hold_every_form_notes_finds(text):
    assert {n.form for n in notes(text)} <= possible_forms(text)


@pytest.mark.parametrize(("text", "forms"), [
    ("國（guó）", {("（", "pinyin")}),
    ("國guó家", {("", "pinyin")}),
    ("國<ㄍㄨㄛˊ>", {("<", "pinyin"), ("<", "zhuyin"), ("", "zhuyin")}),
    ("他说 guó 是", set()),  # a toned letter, but after no Han character: no bare note
    ("国务院", set()),
    ("（学名：拉丁）國 (guó)", {("(", "pinyin")}),  # a bracket before no letter opens no note
])
def test_possible_forms(text, forms):
    assert possible_forms(text) == forms
