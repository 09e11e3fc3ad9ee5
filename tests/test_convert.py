"""Script conversion (cleaner/script/convert.py, cleaner/script/fold.py)."""

import re

import pytest

from cleaner import Cleaner
from cleaner.script.convert import beside_marks, convert, correct_ambiguous, widened_over_converted
from cleaner.script.fold import fold


@pytest.mark.parametrize(
    "text,target,out",
    [
        ("國務院", "zh-hans", "国务院"),
        ("国务院", "zh-hant", "國務院"),
        ("着眼于", "zh-hant", "着眼於"),
        ("软件", "zh-tw", "軟體"),
        ("国务院", "keep", "国务院"),
        ("要著眼於保持穩定", "zh-hans", "要着眼于保持稳定"),
        ("显著增强", "zh-hans", "显著增强"),
        ("著名作家", "zh-hans", "著名作家"),
        # Mixed page: a Simplified sentence among Taiwan ones; only it is converted.
        ("他說，這裡是台北。于是我们在这里。", "zh-tw", "他說，這裡是台北。於是我們在這裡。"),
        ("国务院发布通知。國務院發佈通知。", "zh-hans", "国务院发布通知。国务院发布通知。"),
        # Naive S->T leftovers (于 并) in a sentence partly converted (线) are Simplified; its
        # Traditional characters stay as written (台 is Taiwan's form: OpenCC would write 臺).
        ("工業互聯網平台于今年上线，并擴大範圍。", "zh-hant", "工業互聯網平台於今年上線，並擴大範圍。"),
        ("要著眼於保持經濟穩定,著力解決問題。", "zh-hans", "要着眼于保持经济稳定,着力解决问题。"),
    ],
)
def test_targets(text, target, out):
    assert convert(text, target) == out


def test_conversion_is_idempotent_on_simplified():
    text = "显著增强，着力解决，著作权，随着发展"
    assert convert(text, "zh-hans") == text


def test_fold_is_script_neutral():
    assert fold("來源") == fold("来源") == "来源"


def test_correct_ambiguous_reads_by_word():
    assert correct_ambiguous("意味著") == "意味着"


@pytest.mark.parametrize("text", ["言情小说家琼瑶所著小说《六个梦》", "金庸所著的武侠小说"])
def test_a_word_of_zhu_the_dictionary_lacks_keeps_its_zhu(text):
    # jieba has 所着 with a stray count of 3 and no 所著: "written by" came back as 所着.
    assert correct_ambiguous(text) == text


@pytest.mark.parametrize(
    "text,out",
    [
        ("總部設在臺北。成立於1958年，他出生於北京。", "总部设在台北。成立于1958年，他出生于北京。"),  # 於 is the Simplified surname too
        ("總部設在臺北。於是他去了。我瞭解了。", "总部设在台北。于是他去了。我了解了。"),  # 瞭 alone stays (瞭望): a phrase of t2s's
        ("總部設在臺北。他們乾杯了。", "总部设在台北。他们干杯了。"),
        ("總部設在臺北。乾坤大挪移，一片狼藉，登上瞭望塔。", "总部设在台北。乾坤大挪移，一片狼藉，登上瞭望塔。"),  # words t2s keeps
    ],
)
def test_a_sentence_whose_only_traditional_characters_are_simplified_too_is_read_by_t2s(text, out):
    # On a page written in Traditional (it holds Traditional-only characters: 總, 設, 臺).
    assert convert(text, "zh-hans") == out


@pytest.mark.parametrize("text", ["故宫博物院今天宣布，乾清宫将于下月起闭馆修缮。", "陕西省乾县的乾陵是唐高宗和武则天的合葬墓。",
                                  "著名作家於梨华在美国去世。", "西汉农学家氾胜之所著的《氾胜之书》是现存最早的农书。", "昇平公主。"])
def test_names_with_characters_of_both_scripts_stay_on_a_simplified_page(text):
    assert convert(text, "zh-hans") == text


def test_a_simplified_page_quoting_a_traditional_title_keeps_its_names():
    # 《紅樓夢》 is quoted: the page is Simplified, and 乾清宫 a name, not 干清宫.
    text = "故宫博物院今天宣布，乾清宫将于下月起闭馆修缮。他在《紅樓夢》里读到过。"
    assert convert(text, "zh-hans") == "故宫博物院今天宣布，乾清宫将于下月起闭馆修缮。他在《红楼梦》里读到过。"


# Behaviour of the OpenCC configurations we rely on, in the style of OpenCC's own test cases:
# if an OpenCC release changes them, these fail before our users see it.
@pytest.mark.parametrize(
    "text,target,out",
    [
        ("鼠标坏了，光标分辨率降低。", "zh-tw", "滑鼠壞了，游標解析度降低。"),  # s2twp phrases
        ("我们的服务器需要互联网软件。", "zh-tw", "我們的伺服器需要網際網路軟體。"),
        ("你在床里面睡着了吗？", "zh-tw", "你在床裡面睡著了嗎？"),
        ("太后的头发很干燥。", "zh-hant", "太后的頭髮很乾燥。"),  # s2t one-to-many by phrase
        ("我干什么不干你事。", "zh-hant", "我幹什麼不干你事。"),
        ("为我的电脑换了内存。", "zh-hk", "為我的電腦換了內存。"),  # s2hk
        ("香煙，為煙草製品的一種。", "zh-hans", "香烟，为烟草制品的一种。"),  # t2s
    ],
)
def test_opencc_configs(text, target, out):
    assert convert(text, target) == out


@pytest.mark.parametrize(
    "text,target",
    [
        ("臺灣的台北週末很熱鬧，這裡說的是他。", "zh-tw"),  # both 臺 and 台, 週, 裡, 說
        ("香港的週末裏面説話。", "zh-hk"),  # 裏 and 説 are Hong Kong forms
        ("國務院發布通知，臺灣週末。", "zh-hant"),
        ("显著增强，随着发展，著作权。", "zh-hans"),
    ],
)
def test_text_already_in_target_script_is_kept(text, target):
    assert convert(text, target) == text


# --- the sentences converted together, as each alone ----------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, clean_line, text_inputs  # noqa: E402

from cleaner.script import convert as convert_module  # noqa: E402
from cleaner.script.fold import fold, foreign_class, script_class  # noqa: E402


def _each(text: str, target: str, leftovers: bool) -> str:
    """The sentences holding a foreign character through OpenCC one call each (as before the batch),
    their Japanese and Korean phrases left out; a text in Japanese or Korean left whole; in a
    sentence written in Traditional, only its foreign characters converted."""
    foreign = foreign_class(target, naive=leftovers and target != "zh-hans")
    if convert_module._OTHER_SCRIPT.search(text) and convert_module._other_language(text):
        return text

    def one(part: str) -> str:
        if target == "zh-hans" or not script_class("traditional").search(part):
            return convert_module._chain(part, target)
        chosen = foreign_class(target, naive=True) if foreign_class(target).search(part) else foreign
        return _only_foreign(part, target, chosen)

    phrases = convert_module._phrases(text)

    def sentence(m: re.Match) -> str:
        if not foreign.search(m.group(0)):
            return m.group(0)
        out, at = [], m.start()
        for a, b in convert_module._chinese_parts(m.start(), m.end(), phrases):
            part = text[a:b]
            out += [text[at:a], one(part) if foreign.search(part) else part]
            at = b
        return "".join(out) + text[at : m.end()]

    return convert_module._SENTENCE.sub(sentence, text)


def _only_foreign(part: str, target: str, foreign) -> str:
    """A sentence written in Traditional with only its foreign characters from the chain's reading of
    it in Simplified (else, on a length change, from plain s2t's), one character at a time."""
    for chain in (target, "zh-hant"):
        new = convert_module._chain(fold(part), chain)
        if len(new) == len(part):
            return "".join(b if foreign.search(a) else a for a, b in zip(part, new))
    return new


def _page_leftovers(texts: list[str]) -> bool:
    """The naive converter's leftovers are foreign on a page with no Traditional-only character, or
    with three of them or more, of two kinds, outnumbering all their Traditional forms."""
    from cleaner.script.fold import NAIVE_FORMS

    page = "".join(texts)
    if not script_class("traditional").search(page):
        return True
    kinds = [ch for ch in NAIVE_FORMS if ch in page]
    count = sum(page.count(ch) for ch in kinds)
    return count >= 3 and len(kinds) >= 2 and count > sum(page.count(form) for form in NAIVE_FORMS.values())


def _alone(text: str, target: str, leftovers: bool = True) -> str:
    """``convert`` with one OpenCC call per sentence (``leftovers``: the page's judgement of the
    naive converter's leftovers, made over all its pieces)."""
    each = _each(text, target, leftovers)
    return convert_module.correct_ambiguous(each) if target == "zh-hans" else each


pages = st.lists(st.one_of(text_inputs, clean_line, clean_line.map(lambda s: s + "\n")), min_size=1, max_size=6).map("".join)


@SETTINGS
@given(texts=st.lists(pages, min_size=1, max_size=4), target=st.sampled_from(["zh-hans", "zh-hant", "zh-tw", "zh-hk"]))
def test_sentences_converted_together_convert_as_each_alone(texts, target):
    # The sentences of several pieces of a page (the pipeline's gaps between kept spans) in one batch.
    leftovers = _page_leftovers(texts)
    assert convert_module.convert_all(texts, target) == [_alone(text, target, leftovers) for text in texts]


def test_phrases_convert_inside_a_batch_of_sentences():
    # Phrase conversions (软件 -> 軟體) still see their words, a line of the batch each.
    text = "我们的软件。\n他们的鼠标！這是臺灣的軟體？没有外来字的句子。"
    for target in ("zh-tw", "zh-hans"):
        assert convert_module.convert_all([text, text[3:]], target) == [_alone(text, target), _alone(text[3:], target)]
    assert "軟體" in convert(text, "zh-tw")


@SETTINGS
@given(text=pages)
def test_the_sentence_patterns_in_re_match_as_the_regex_module_would(text):
    import regex

    for pattern in (convert_module._SENTENCE, convert_module._AMBIGUOUS_CHAR):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in regex.compile(pattern.pattern).finditer(text)]


@pytest.mark.parametrize("text, target, expected", [
    # A Japanese text stays Japanese, its Han headings too: OpenCC would make its Han Chinese.
    ("東京都は3日、新たに確認された感染者は國際線の検查体制を強化すると発表した。\n関連記事", "zh-hans", None),
    ("东京都は3日、新たに确认された感染者は国际线の検查体制を强化すると発表した。", "zh-hant", None),
    ("대한민국의 수도는 서울이다. 大韓民國의 國會는 서울에 있다.", "zh-hans", None),
    # A Japanese or Korean phrase quoted in a Chinese text stays; the Chinese around it is converted.
    ("他在採訪中說：「國際連合の發表によると」，這個數字還會上升。", "zh-hans", "他在采访中说：「國際連合の發表によると」，这个数字还会上升。"),
    ("他笑著說「ありがとうございます」，然後轉身離開了這裡。", "zh-hans", "他笑著说「ありがとうございます」，然后转身离开了这里。"),
    ("韓國總統在演講最後高呼「대한민국 만세」，現場響起熱烈掌聲，這場演講持續了一個多小時。", "zh-hans",
     "韩国总统在演讲最后高呼「대한민국 만세」，现场响起热烈掌声，这场演讲持续了一个多小时。"),
    # A hiragana name outside quotation marks: the Han beside it are Chinese (found on Wikipedia,
    # where the first rule left 与, 县 and 结 of such a sentence unconverted).
    ("他与大阪的女孩みどり结婚，婚后住在东京。", "zh-hant", "他與大阪的女孩みどり結婚，婚後住在東京。"),
    # の alone between Chinese words is netspeak for 的: the text is Chinese.
    ("我們の學校生活很開心，這裡の風景非常漂亮。", "zh-hans", "我们の学校生活很开心，这里の风景非常漂亮。"),
    # A Chinese name written with the katakana middle dot is Chinese.
    ("喬治・麥肯說。", "zh-hans", "乔治・麦肯说。"),
])
def test_japanese_and_korean_are_not_converted(text, target, expected):
    assert convert(text, target) == (text if expected is None else expected)


def test_katakana_in_a_chinese_sentence_is_a_name_and_the_sentence_is_converted():
    text = "為了對抗氣化人，借由進入『挑戰模式』（バトロードフォース）變形。"
    assert convert(text, "zh-hans") == "为了对抗气化人，借由进入『挑战模式』（バトロードフォース）变形。"


# --- Traditional text written by its author stays as written ------------------------------------

from damage import naive_s2t  # noqa: E402

WRITTEN_TRADITIONAL = [
    "紅軍於一九三四年開始長征，目的是征服困難。",  # 征 of 長征 and 征服 is no leftover of 徵
    # Surnames 王世杰, 范, 于 on a page that writes 於 and 並 (three leftovers and no forms would
    # read as a naive converter's page: naive_page).
    "王世杰與范仲淹的後人在于家莊見面，並於次日離開。",
    "人群聚集在山峰下，他們占領了高地。",  # Taiwan's 群, 峰, 占 (OpenCC: 羣, 峯, 佔)
    "這份祕密文件放在床邊，我們要保存檔案。",  # 床 (OpenCC 牀); zh-tw's vocabulary (保存 -> 儲存) not applied
]


@pytest.mark.parametrize("target", ["zh-hant", "zh-tw", "zh-hk"])
@pytest.mark.parametrize("text", WRITTEN_TRADITIONAL)
def test_written_traditional_comes_through(text, target):
    assert convert(text, target) == text


def test_a_simplified_character_in_a_traditional_sentence_alone_changes():
    # 胆 is Simplified-only: it alone is converted, 群 and 長征 stay as written.
    assert convert("人群明目張胆地走完長征。", "zh-hant") == "人群明目張膽地走完長征。"


def test_a_naive_converters_page_has_its_leftovers_converted():
    # A naive character-by-character converter leaves 于, 后, 并 and writes none of 於, 後, 並.
    source = "他于是在会后离开，并且在三天后回到北京。我们于今年完成了这项工作，并将在以后继续。"
    page = naive_s2t(source)
    assert "于" in page and "後" not in page
    out = convert(page, "zh-hant")
    assert "於是" in out and "會後" in out and "並且" in out and "以後" in out
    assert convert_module.naive_page([page]) and not convert_module.naive_page([convert(source, "zh-hant")])


def test_a_traditional_sentence_keeps_its_words_where_a_phrase_changes_length():
    # zh-tw's 内存 -> 記憶體 would take the chain's whole sentence (台 -> 臺, the vocabulary too).
    assert convert("這台電腦的内存不夠，后來我們买了新的。", "zh-tw") == "這台電腦的內存不夠，後來我們買了新的。"


def test_a_japanese_quotation_with_a_sentence_end_inside_and_a_japanese_title_stay_japanese():
    from cleaner import Cleaner

    # The quotation is cut after its own 。: each sentence kept out its part of it only when the
    # closing 」 fell inside it (来週 came out 来周; probe19 D5). A title in 《》 with の between its
    # Han is Japanese (鬼滅の刃 came out 鬼灭の刃).
    text = "日本首相在记者会上表示：「新しい経済対策を来週発表する予定です。」他最喜欢的动画是《鬼滅の刃》。"
    assert Cleaner(to="zh-hans").clean(text) == text
    assert Cleaner(to="zh-hans").clean("我們の學校很好。") == "我们の学校很好。"


def test_a_chinese_quotation_of_several_sentences_with_a_japanese_word_is_converted():
    # Japanese prose holds hiragana here and there; a Chinese quotation with one Japanese word
    # (ありがとう) holds one run, and its Chinese converts (review19b F3).
    from cleaner import Cleaner

    text = "他說：「我們一起去東京旅遊吧，聽說那裡很好。我已經訂好了機票，還學會了說ありがとう。」她點點頭。"
    assert Cleaner(to="zh-hans").clean(text) == "他说：「我们一起去东京旅游吧，听说那里很好。我已经订好了机票，还学会了说ありがとう。」她点点头。"


# The native sentence pass (CharClass.sentences_holding) against the Python original
# (tests/reference_convert.py): sentence ends and line breaks in every arrangement.
_SENTENCE_ALPHABET = list("國务院a 。！？!?\n\u3000") + ["\U00020000"]


@SETTINGS
@given(st.text(alphabet=st.sampled_from(_SENTENCE_ALPHABET), max_size=40))
def test_the_native_sentences_holding_a_member_are_the_pattern_s(text):
    from cleaner.charclass import CharClass
    from reference_convert import sentences_holding

    cls = CharClass("國院！\U00020000")
    found = cls.sentences_holding(text)
    if "\U00020000" in text:
        assert found is None  # beyond the BMP: the caller searches sentence by sentence
    else:
        assert found == sentences_holding(cls, text)


def test_script_classes_find_the_foreign_sentences_of_a_page():
    from cleaner.script.fold import foreign_class
    from reference_convert import sentences_holding

    text = "国务院发布通知。國務院發佈通知！\n他說：好?是\n。。不是"
    foreign = foreign_class("zh-hans")
    assert foreign.sentences_holding(text) == sentences_holding(foreign, text) == [(8, 16), (17, 22)]


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("国語あのは한국ア「」“”《》a 。\n") + ["\U00020000"]), max_size=40))
def test_the_other_language_share_is_the_pattern_s(text):
    # The share counted natively (one table, _letter_classes) against the patterns' own findall, on texts with
    # quotations, no letters at all and characters beyond the BMP.
    if "「" in text or "『" in text or "“" in text or "《" in text:
        unquoted = convert_module._QUOTED.sub("", text)
    else:
        unquoted = text
    expected = len(convert_module._OTHER_SCRIPT.findall(unquoted)) >= convert_module.OTHER_TEXT_SHARE * len(convert_module._LETTER.findall(unquoted))
    assert convert_module._other_language(text) == expected


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted).map(tuple), max_size=8),
       st.integers(0, 30), st.integers(0, 30))
def test_a_sentence_overlapping_the_found_ones_is_told_by_bisection(found, a, b):
    # Spans in any order, overlapping or empty: the bisection answers as the scan of all of them.
    assert convert_module._overlapping(found)(a, b) == any(x < b and a < y for x, y in found)


def test_a_kept_span_is_widened_over_the_converted_characters_beside_it():
    """A misread stretch kept from 犲 on: 擄 two characters before it would be converted (擄 as 掳)
    and read otherwise by a later clean, so the span reaches it; 娑 and 拷, which conversion
    leaves alone, are taken only as far as 擄 needs, and the line's end beyond 。 is not looked at."""
    text = "娑擄拷娴犲﹣绔存稉。鐗"
    start, end = text.index("犲"), text.index("。")
    assert widened_over_converted(text, [(start, end)], "zh-hans") == [(1, end)]
    assert widened_over_converted(text, [(start, end)], "keep") == [(start, end)]


def test_a_kept_span_looks_neither_into_its_neighbours_nor_past_non_han():
    """Between two kept spans each looks only at the characters between them; a space ends the look."""
    assert widened_over_converted("擄拷擄拷擄", [(1, 2), (3, 4)], "zh-hans") == [(0, 3), (3, 5)]
    assert widened_over_converted("擄 拷擄", [(2, 4)], "zh-hans") == [(2, 4)]
    assert widened_over_converted("說：鈭箸。說", [(1, 5)], "zh-hans") == [(1, 5)]  # the stretch ends on 。 and ：
    assert widened_over_converted("擄擄擄擄擄擄拷", [(6, 7)], "zh-hans") == [(2, 7)]  # four at most


def test_word_counts_read_as_the_frequency_lookup():
    """The ambiguous characters' word counts read in place (``_word_counts``) are what a look-up
    word by word gives: OWN_WORDS first, else the dictionary's count."""
    from cleaner import langmodel

    counts = convert_module._word_counts()
    words = [*langmodel.word_counts_with_ambiguous(), *convert_module.OWN_WORDS, "着没有这个词"]
    assert all(counts.get(w, 0) == (convert_module.OWN_WORDS.get(w) or langmodel.word_frequency(w)) for w in words)
    assert counts["所著"] == convert_module.OWN_WORDS["所著"] and counts["显著"] == langmodel.word_frequency("显著") > 0


class _CountingSearch:
    """_OTHER_SCRIPT, counting the searches of it."""

    def __init__(self, pattern):
        self.pattern, self.searches = pattern, 0

    def search(self, *args):
        self.searches += 1
        return self.pattern.search(*args)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def test_a_traditional_page_is_asked_for_kana_and_hangul_from_its_scan(monkeypatch):
    # The page's script, its foreign sentences and its Traditional phrases each ask whether it
    # holds kana or hangul: the page scan answers (cleaner/pagefacts.py), no search of the page.
    counting = _CountingSearch(convert_module._OTHER_SCRIPT)
    monkeypatch.setattr(convert_module, "_OTHER_SCRIPT", counting)
    page = "他說「我們明天見」。成立於1958年的國家圖書館，藏書甚豐。" * 20
    assert convert_module.convert_all([page], "zh-hans") == [convert_module.convert(page, "zh-hans")]
    assert counting.searches == 0
    convert_module.convert_all([page + "東京都は日本の首都です。"], "zh-hans")
    assert counting.searches > 0  # a page holding them is read sentence by sentence, as before


@pytest.mark.parametrize(("target", "kept"), [("zh-hant", "���\u3000来"), ("zh-hans", "���")])
def test_marks_keep_the_neighbours_conversion_would_change(target, kept):
    # Past the space: a byte repair reads a mark's neighbours whatever they are; 来 (no Big5
    # code) made 來 (a8 d3) gave a second clean's one-byte edits a stream to read.
    text = "目前是���\u3000来。自強"
    assert [text[a:b] for a, b in beside_marks(text, target)] == [kept]
    assert beside_marks("中文\n来", target) == [] and beside_marks("�\n来", "zh-hant") == [(0, 1)]


def test_a_mark_s_converted_neighbour_is_not_read_by_a_second_clean():
    # UTF-8 read as Big5: the marks a repair could not place stand beside 来, which conversion
    # to Traditional made 來, and the second clean read them with it (���\u3000來 -> �⿳繞來).
    text = "這部電影有著很高的評價，日本的標題是「君の名はまだ知らない」，在台灣上映後有著不錯的票房。"
    cleaner = Cleaner(to="zh-hant")
    once = cleaner.clean(text.encode("utf-8").decode("big5", "replace"))
    assert "\ufffd" in once and cleaner.clean(once) == once


def test_a_decoder_s_signs_keep_the_neighbours_conversion_would_make_it_read():
    # Big5 內金一。 read by shift_jis_2004 as 內ｪ糫@｡C: JIS X 0213 lacks 內, so the stretch is ｪ糫@｡C,
    # too little Han to read; converted to 内, which it holds, a second clean read 内ｪ糫@｡C as
    # 内金一。 (test_properties' big5:shift_jis_2004 draw, session 44).
    from cleaner.pipeline import _repairs_read

    text = "一。\n內ｪ糫@｡C\n一。"
    read = _repairs_read(False)
    assert [text[a:b] for a, b in convert_module.beside_decoder_signs(text, "zh-hans", read_again=read)] == ["內ｪ"]
    cleaner = Cleaner(to="zh-hans", guess_lost=False)
    once = cleaner.clean(text)
    assert once == text and cleaner.clean(once) == once
    # A line the repairs read neither way is converted as any: halfwidth katakana in clean text.
    assert convert_module.beside_decoder_signs("這是ｶﾀｶﾅ測試。", "zh-hans", read_again=read) == []
    assert Cleaner(to="zh-hans").clean("這是ｶﾀｶﾅ測試。") == "这是ｶﾀｶﾅ测试。"


@pytest.mark.parametrize("to", ["zh-hant", "zh-tw", "zh-hk"])
def test_a_clean_line_with_one_lost_character_is_converted_whole(to):
    # A real lost character (the page's own U+FFFD) in clean Simplified text: no repair reads the
    # line converted, so its neighbours are converted as the rest (说这个�问题 stayed Simplified).
    cleaner = Cleaner(to=to)
    text = "经济发展与环境保护之间的关系需要认真对待和处理。"
    marked = text[:14] + "\ufffd" + text[14:]
    assert cleaner.clean(marked) == cleaner.clean(text)[:14] + "\ufffd" + cleaner.clean(text)[14:]
