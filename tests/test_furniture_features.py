"""The native text features of the furniture model (native/src/furniture.rs, through
cleaner/furniture/features.py and lexicon.py) against their Python originals
(tests/reference_furniture_features.py): the same features for every line.

Lines: random text (any character Python's Unicode assigns; a character assigned later may be a
letter or a digit to the `regex` crate and not to Python's `re`), text made of the characters the
patterns look at (digits, spaces of every kind, separators, brackets, colons, both widths),
furniture-like lines built from the lexicon's words, and every line of the fixtures (both
scripts). Each is checked as it is and NFKC-normalised (what the model sees).
"""

import os
import random
import re
import tomllib
import unicodedata
from pathlib import Path

import reference_furniture_features as reference
from conftest import FIXTURES
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.features import FEATURES, comment_header, end_marker, line_features, marks, normalise, page_features, text_features
from cleaner.furniture.field_breaks import field_row, reread
from cleaner.furniture.lexicon import DATA, load_lexicon

LEX = load_lexicon()
REF = reference.load_lexicon()


def ref_features(text: str) -> dict[str, float]:
    """The Python originals' features of a line, a row of fields read as a row as the product
    reads the native ones (field_breaks.reread, Python over the native pass)."""
    read = lambda texts: [reference.text_features(t, REF) for t in texts]  # noqa: E731
    return reread([(text, read([text])[0])], read)[0][1]
SETTINGS = settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60")) * 5, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

_WORDS = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))
LEXICON_WORDS = sorted({w for table in ("phrases", "keys", "ends", "comments", "notice") for group in _WORDS[table].values()
                        if isinstance(group, list) for w in group})
# What the patterns look at: digits of several scripts, every kind of space Python's \s knows
# (U+001C..U+001F too), separators (box drawing's │ ┃ too), brackets, colons and stops in both widths, URL pieces, bullets.
_FOCUS = ("0123456789٣０９ \t\x1c\x1f\u3000\u00a0\u2002" "|│┃/>»›→·-—*•■●○" "【】[]()（）「」』”’\"'" ":：.。!！?？;；,，、…"
          "年月日条人次第页" "ab_AZéß" "@wh" "新闻网址来源作者声明版权本网转载" "\U00020000")
FOCUSED = st.text(alphabet=_FOCUS, max_size=60)
_ASSIGNED = st.characters(codec="utf-8").filter(lambda c: unicodedata.category(c) != "Cn")
ANY = st.text(alphabet=_ASSIGNED, max_size=60)
_PIECES = ["http://", "https://", "www.", "WWW.", ".com", ".COM", ".cn", ".Cn", ".com.cn", ".net", ".org", ".gov", ".edu", "e.g.", "-", "@", "2023-11-20", "08-11", "16:06", "12:34:56", "3月5日",
           " | ", " >> ", "·", "(12)", "35条", "【打印】", "[1]", ":", "：", " ", "  ", "\t", "。", "...", "(完)", "ab",
           # Reported speech about the site (reported_speech.rs): a speaker, a verb of saying, quotes.
           "他表示,", "代理人称，", "说:“", "名称:", "”", "「", "本站表示,"]
FURNITURE = st.lists(st.sampled_from(LEXICON_WORDS + _PIECES), max_size=10).map("".join)


def _fixture_lines() -> list[str]:
    """Every line of the fixtures' pages and every example and kept line of the rule files."""
    lines = set()
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".htm", ".expected"):
            lines.update(x for x in path.read_text("utf-8", errors="replace").splitlines() if x.strip())
    for path in sorted((FIXTURES.parent / "rules").glob("*.toml")):
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", []):
            lines.update(x for key in ("examples", "keeps") for x in rule.get(key, []) if "\n" not in x)
    return sorted(lines)


FIXTURE_LINES = _fixture_lines()


def _agree(line: str) -> None:
    for text in (line, normalise(line), normalise(fold_line(line))):
        assert LEX.native.key_values(text) == REF.key_values(text), text
        assert LEX.phrases(text) == REF.phrases(text), text
        assert LEX.notice(text, 3) == REF.notice(text, 3), text
        assert text_features(text, LEX) == ref_features(text), text
        assert _marks([text]) == _reference_marks([text]), text


def _marks(texts: list[str]) -> list[tuple[bool, bool]]:
    return list(zip(*marks(texts, LEX), strict=True))


def _reference_marks(texts: list[str]) -> list[tuple[bool, bool]]:
    """(end_marker, comment_header) of each line by the Python originals (reference_furniture_features)."""
    out = []
    for text in texts:
        f = reference.text_features(text, REF)
        row = field_row(text)  # a row of fields is neither (field_breaks.py): the product's rule beside the native call
        out.append((reference.end_marker(text, f, MARKS) and not row, reference.comment_header(text, f, MARKS) and not row))
    return out


MARKS = reference.load_marks()
# What end markers and comment headers are made of: the lexicon's end and comment words (in
# LEXICON_WORDS), a series' links and units, a lesson's tasks, "(完)" closing a line, and what sets
# a word apart from a run of Han or makes a sentence of the line.
_MARK_PIECES = ["上一", "下一", "前一", "后一", "篇", "页", "期", "节", "讲", "课", "复习", "预习", "完", "全文", "(完)", "【全文完】",
                "(", ")", "[", "]", "【", "】", "<", "«", ">", "»", ":", " ", "  ", "\n", "\t", "\u3000", "\x1c", "。", ",", "!", "…",
                "网友", "张三", "12", "文章", "的", "回复", "责任编辑", "\udce4"]
MARKED = st.lists(st.sampled_from(LEXICON_WORDS + _MARK_PIECES), max_size=8).map("".join)


@SETTINGS
@given(lines=st.lists(st.one_of(MARKED, FOCUSED, ANY, FURNITURE), max_size=8))
def test_a_page_s_marks_are_the_python_originals_line_by_line(lines):
    assert _marks(lines) == _reference_marks(lines)
    assert [(end_marker(t, LEX), comment_header(t, LEX)) for t in lines] == _reference_marks(lines)


def test_marks_of_the_series_links_complete_signs_and_comment_words():
    lines = ["上一篇：回家", "下一节 复习", "下一讲 函数", "会议通过了决议，大家都同意，事情结束了。（完）", "【 全文 完 】", "网友 老街坊 回复",
             "日本拟上调外国游客出境税", "责任编辑：王伟。", "  ", ""]
    lines = [normalise(x) for x in lines]
    assert _marks(lines) == _reference_marks(lines)
    assert _marks(lines)[:7] == [(True, False), (False, False), (True, False), (True, False), (False, False), (False, True),
                                 (False, False)]


@SETTINGS
@given(line=st.one_of(FOCUSED, ANY, FURNITURE))
def test_native_features_agree_with_python_on_random_lines(line):
    _agree(line)


def test_native_features_agree_with_python_on_every_fixture_line():
    assert len(FIXTURE_LINES) > 300
    for line in FIXTURE_LINES:
        _agree(line)


def test_native_features_agree_with_python_on_every_lexicon_word_in_both_forms():
    for word in LEXICON_WORDS:
        for line in (word, f"{word}：", f"【{word}】", f"{word}: 新华社 作者:", f"（{word}）12"):
            _agree(line)


def test_a_page_is_one_call_with_the_features_of_each_line():
    texts = [normalise(x) for x in FIXTURE_LINES[:300]]
    assert page_features(texts, LEX) == [ref_features(t) for t in texts]
    assert page_features([], LEX) == []
    assert list(page_features(["首页"], LEX)[0]) == list(FEATURES)


@SETTINGS
@given(lines=st.lists(st.one_of(FOCUSED, ANY, FURNITURE, st.text(max_size=20)), max_size=8))
def test_a_page_is_normalised_as_python_normalises_each_line(lines):
    # Any str: characters Python's Unicode leaves unassigned and lone surrogates go to Python.
    page = line_features(lines, list(range(len(lines))), LEX)
    assert [line.text for line in page] == [reference.normalise(x) for x in lines]
    assert [line.features for line in page] == [ref_features(reference.normalise(x)) for x in lines]


@SETTINGS
@given(line=st.one_of(FOCUSED, ANY, FURNITURE, st.text(max_size=20)))
def test_a_line_is_normalised_as_python_normalises_it(line):
    # Any str: characters Python's Unicode leaves unassigned and lone surrogates go to Python.
    assert normalise(line) == reference.normalise(line)


def test_normalising_strips_after_nfkc_and_leaves_unknown_characters_to_python():
    lines = ["¨ａｂ ", "\u3000ＡＢ\u3000", "\U000323af x", "\udce4ｘ", "x\U0001ccd6\uff41", ""]  # ¨ is " \u0308"
    assert [line.text for line in line_features(lines, [0, 1, 2, 3, 4, 5], LEX)] == [reference.normalise(x) for x in lines]
    assert [normalise(x) for x in lines] == [reference.normalise(x) for x in lines]


def test_digits_newer_than_pythons_unicode_are_no_digits():
    # Kawi (U+11F50, Unicode 15), Nag Mundari (U+1E4F0, 15), Kirat Rai (U+16D70, 16), U+11DE0 (16):
    # digits to newer Unicode tables, not to Python 3.11's; the native tables must agree with Python.
    for code in (0x11F50, 0x1E4F0, 0x16D70, 0x11DE0):
        line = "第" + chr(code) * 3 + "页 共" + chr(code) + "页"
        assert normalise(line) == reference.normalise(line)
        assert text_features(line, LEX) == ref_features(reference.normalise(line))


def test_a_lone_surrogate_reads_as_a_replacement_character():
    # A surrogate is no letter, digit or space, as U+FFFD is not: the features stay Python's.
    for line in ("来源:\udce4新华社", "【\udce4】 (\ud800)", "\udc80" * 90):
        assert text_features(line, LEX) == ref_features(line)


def test_random_pages_of_fixture_lines_agree():
    rng = random.Random(17)
    for _ in range(20):
        page = rng.sample(FIXTURE_LINES, 40)
        folded = [fold_line(x) for x in page]
        lines = line_features(folded, list(range(len(folded))), LEX)
        assert [(line.text, line.features) for line in lines] == [(reference.normalise(x), ref_features(reference.normalise(x)))
                                                                  for x in folded]


def test_the_native_feature_list_is_the_reference_s():
    from cleaner import _native

    assert tuple(_native.FURNITURE_TEXT_FEATURES) == reference.TEXT_FEATURES


def test_a_name_dot_in_a_sentence_is_no_separator():
    # 喬治·麥肯 is one name: a paragraph naming foreigners is prose, not a row of menu items;
    # the same dot between a menu's labels (no clause punctuation) is still a separator.
    sentence = normalise("在喬治·麥肯的帶領下，湖人隊贏得了總冠軍，約翰·庫達爾擔任總教練。")
    assert text_features(sentence, LEX)["separators"] == 0
    assert ref_features(sentence)["separators"] == 0
    assert text_features(normalise("新闻·体育·财经·科技"), LEX)["separators"] > 0
    assert text_features(normalise("他说 · 我们明天见，好吗？"), LEX)["separators"] > 0  # spaced: a separator


_ARTICLE = ["人类何时开始创造艺术？什么力量促使他们去创造？每一部艺术史都必须从这些问题开始，却又不得不承认它们无从回答。",
            "已经发现的最早的人类使用工具的遗迹是在二百万年前，此前人类肯定一直使用着工具，只是没有留下痕迹而已。",
            "洞窟壁画的主要目的不再是杀戮动物，而是促进动物繁殖，这可能是通过年复一年的季节性仪式进行的。"]


@pytest.mark.parametrize("head", [["艺术的起源", "第一章│第二章│第三章│第四章"], ["某某网", "首页┃新闻┃图片┃视频"]])
def test_a_row_parted_by_box_drawing_bars_is_a_row_of_items(head):
    # Old pages part a menu's or a chapter row's items with │ or ┃ as others do with |: read as
    # separators, the row goes; a poem's halves and a table drawn with the same bars stay.
    assert [text_features(normalise(head[1]), LEX)[k] for k in ("separators", "item_row")] == [0.75, 1.0]
    cleaner = Cleaner(to="keep")
    assert cleaner.run("\n".join(head + _ARTICLE), title=head[0]).text == "\n".join([head[0], *_ARTICLE])
    kept = ["各组成绩如下：", "┌──┬──┬──┐", "│组别│人数│得分│", "├──┼──┼──┤", "│甲组│12│98│", "│乙组│10│95│",
            "└──┴──┴──┘", "春晓", "春眠不觉晓│处处闻啼鸟", "夜来风雨声│花落知多少"]
    page = "\n".join(_ARTICLE[:2] + kept + _ARTICLE[2:])
    assert cleaner.run(page).text == page


def test_lines_read_before_get_their_features_again_each_in_a_dict_of_its_own():
    # line_features remembers the lines it read (a page is read again after what went): the
    # second reading must see what the first saw, and the model's writes into one reading's
    # dicts (position features) must not reach the next.
    lines = FIXTURE_LINES[:40] + FIXTURE_LINES[:5]
    first = line_features(lines, list(range(len(lines))), LEX)
    for line in first:
        line.features["head"] = 7.0
    again = line_features(lines, list(range(len(lines))), LEX)
    assert [(x.index, x.text) for x in again] == [(x.index, x.text) for x in first]
    assert [x.features for x in again] == [ref_features(reference.normalise(x)) for x in lines]
    assert again[0].features is not again[40].features  # the same line twice: two dicts


def test_remembered_lines_are_dropped_past_the_limit_and_for_another_lexicon(monkeypatch):
    import cleaner.furniture.features as features

    monkeypatch.setattr(features, "ROWS_KEPT", 8)
    monkeypatch.setattr(features, "_ROWS", {})  # nothing remembered from the other tests
    lines = FIXTURE_LINES[:30]
    page = line_features(lines, list(range(len(lines))), LEX)  # more lines than kept: all read anyway
    assert [x.features for x in page] == [ref_features(reference.normalise(x)) for x in lines]
    # A page of more lines than kept is kept not at all (a 50,000-line page stayed whole; review19b F5).
    assert len(features._ROWS) == 1
    line_features(lines[:5], list(range(5)), LEX)
    assert len(features._ROWS) == len(set(lines[:5])) + 1  # a page within the bound: its lines (and the lexicon)
    other = load_lexicon.__wrapped__()  # an equal lexicon, another object: nothing remembered is used
    line_features(lines[:2], [0, 1], other)
    assert features._ROWS[None] is other and len(features._ROWS) == 3


def test_a_lines_prose_is_asked_once_and_leaves_its_equality_alone(monkeypatch):
    import cleaner.furniture.features as features

    text = normalise("这是文章的一段正文，讲述了本市近期开展的一系列活动。")
    line, twin = features.Line(0, text, text_features(text, LEX)), features.Line(0, text, text_features(text, LEX))
    assert features.prose_line(line) is features.is_prose(text, line.features) is True
    monkeypatch.setattr(features, "is_prose", lambda *_: False)  # asked again, it would say otherwise
    assert features.prose_line(line) is True
    assert line == twin  # one asked, one not: the same line


@SETTINGS
@given(lines=st.lists(st.one_of(FOCUSED, ANY, FURNITURE, st.text(max_size=20)), max_size=8))
def test_normalised_lines_are_the_texts_line_features_gives(lines):
    from cleaner.furniture.features import normalised_lines

    alive = list(range(len(lines)))
    assert normalised_lines(lines, alive, LEX) == [reference.normalise(x) for x in lines]
    assert [x.text for x in line_features(lines, alive, LEX)] == normalised_lines(lines, alive, LEX)



REPORTED = ["他表示,未经授权转载的行为侵犯了本网的著作权。", "庭审中，原告代理人称，本网刊发的稿件版权归本网所有。",
            "他说:“本平台的内容未经许可不得转载。”", "本网所有稿件未经授权不得转载。", "本站表示,未经授权不得转载本站内容。",
            "单位名称:滨江日报社 版权所有", "他表示,会继续关注此事。本网所载文章未经授权不得转载。"]


@SETTINGS
@given(line=st.one_of(st.sampled_from(REPORTED), FURNITURE, FOCUSED))
def test_native_reported_speech_agrees_with_python_at_every_position(line):
    from cleaner._native import furniture_reported_at
    for at in range(len(line) + 1):
        assert furniture_reported_at(line, at) == reference.reported_at(line, at), (line, at)


@SETTINGS
@given(line=st.one_of(st.sampled_from(REPORTED), FURNITURE, FOCUSED))
def test_native_sentence_reports_agree_with_python(line):
    from cleaner._native import furniture_reports
    for sentence in re.split("[。！？!?；;]", line):
        assert furniture_reports(sentence) == reference.reports(sentence), sentence


def test_a_notice_in_someones_reported_words_is_none_and_in_the_sites_own_voice_one():
    assert not LEX.notice(normalise("他表示，未经授权转载的行为侵犯了本网的著作权，本网将联系律师。"), 3)
    assert LEX.notice(normalise("本网所载文章版权归作者，转载请联系。"), 3)


def test_readings_are_what_normalise_and_text_features_give_and_read_no_further_than_asked():
    from itertools import islice

    from cleaner.furniture import features
    from cleaner.furniture.features import reading, readings

    lexicon = load_lexicon()
    folded = ["相关阅读：", "2024-05-01 12:30", "  责任编辑：王伟 ", "他说，这件事还没有定论。", "首页 | 新闻 | 财经",
              "作者：张三，来源：新华社，地址：北京市", "版权所有 © 2020 某某网", "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ"]
    expected = [(normalise(t), text_features(normalise(t), lexicon)) for t in folded]
    features._ROWS.clear()
    assert list(readings(folded, lexicon)) == expected
    features._ROWS.clear()
    assert list(readings(folded, lexicon, first=1)) == expected
    assert [reading(t, lexicon) for t in folded] == expected  # from the memory now
    features._ROWS.clear()
    read: list[str] = []

    def counted():
        for t in folded:
            read.append(t)
            yield t

    assert list(islice(readings(counted(), lexicon), 2)) == expected[:2]
    assert read == folded[:2]  # the lines below the first batch are neither taken nor read


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["版权所有", "转载", "本网", "：", ":", "，", "。", "ｗｗｗ", ".com", " ", "　", "１２", "12:30",
                                 "作者", "来源", "|", "【", "】", "相关阅读", "é", "\u3000"]), max_size=10).map("".join))
def test_a_line_read_through_the_memory_is_read_as_normalise_and_text_features_read_it(line):
    from cleaner.furniture import features

    features._ROWS.clear()
    text = normalise(line)
    assert features.reading(line, LEX) == (text, text_features(text, LEX))


def test_a_primed_page_is_read_in_one_native_call_and_normalised_from_it(monkeypatch):
    # features.prime: the page's lines read at once; the rules' readings of a line and the modules'
    # normalise then find them read (no native call of their own), with the same answers.
    import cleaner.furniture.features as features

    page = ["\u3000来源：新华网　２０２６-03-07\u3000", "记者　王伟", "国务院副总理近日在贵阳调研时强调，要加快建设工业互联网。",
            "版权所有 © 2026 某某网  ICP备12345678号", "ｆｕｌｌ ｗｉｄｔｈ：１２３"]
    expected = [(normalise(line), text_features(normalise(line), LEX)) for line in page]
    features._reset_rows(LEX)
    calls = []
    native = LEX.native

    class Counted:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(native, name)

    object.__setattr__(LEX, "native", Counted())  # the lexicon is a frozen dataclass
    try:
        features.prime(page, LEX)
        assert calls == ["page"]

        def unasked(line):
            raise AssertionError(f"normalised natively again: {line!r}")

        monkeypatch.setattr(features, "furniture_normalise", unasked)
        assert [features.normalise(line) for line in page] == [text for text, _ in expected]
        assert [features.reading(line, LEX) for line in page] == expected
        assert calls == ["page"]
    finally:
        object.__setattr__(LEX, "native", native)
