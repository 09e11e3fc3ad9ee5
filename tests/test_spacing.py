"""Text with a space between every character, as a PDF copy writes it (cleaner/spacing.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.spacing import join_spaced, spaced_lines

ARTICLE = ("前身为1952年由苏州、上海东吴大学校友创立的「东吴大学香港同学会」，该会首任会长为曾任香港中华基督教青年会"
           "总干事的彭绍贤。东吴大学香港同学会于1952年11月7日获社团登记处批准注册，成为香港合法社团。")
SECOND = "历年最冷月平均气温4.6℃，最热月平均气温24.4℃。平均年降雨量为1,243.80mm，雨季平均开始于5月21日前后。"


def spaced(text: str) -> str:
    return " ".join(text)


def test_a_spaced_line_is_written_without_the_copys_spaces():
    assert join_spaced(spaced(ARTICLE)) == ARTICLE
    assert join_spaced(spaced(SECOND)) == SECOND  # digits of one number, signs between them, mm


def test_paragraphs_keep_their_breaks():
    page = "\n".join([spaced(ARTICLE), "", spaced(SECOND)])
    assert join_spaced(page) == "\n".join([ARTICLE, "", SECOND])


def test_a_short_spaced_line_reads_on_a_spaced_page_only():
    title = "第一章　沿革"
    page = "\n".join([spaced(title), spaced(ARTICLE), spaced(SECOND)])
    assert join_spaced(page) == "\n".join([title, ARTICLE, SECOND])
    alone = "\n".join(["这是一篇普通的文章，句子之间没有多余的空格。" * 3, spaced("第一章"), "正文照常书写，不受影响。" * 3])
    assert join_spaced(alone) == alone


def test_a_double_space_is_the_original_word_space():
    # The copy kept Latin words' spaces wider: "W i n d o w s   1 0" is "Windows 10".
    line = spaced("本机安装了Windows 10系统，") + "   " + spaced("另有一台服务器运行Linux，版本较旧，并已停止维护。")
    assert join_spaced(spaced("本机安装了") + " " + "   ".join(spaced(w) for w in ["Windows", "10"]) + " "
                       + spaced("系统，另有一台服务器运行Linux，版本较旧，并已停止维护。")) == \
        "本机安装了Windows 10系统，另有一台服务器运行Linux，版本较旧，并已停止维护。"
    assert join_spaced(line).endswith("系统， 另有一台服务器运行Linux，版本较旧，并已停止维护。")


def test_whole_latin_words_in_a_spaced_line_keep_their_space():
    line = " ".join(["使", "用", "Windows", "10", "系", "统", "的", "用", "户", "，", "请", "先", "升", "级", "到", "最", "新",
                     "版", "本", "。"])
    assert join_spaced(line) == "使用Windows 10系统的用户，请先升级到最新版本。"


def test_trailing_spaces_of_a_spaced_line_go_and_wrapped_lines_join_in_the_pipeline():
    # A PDF's line breaks cut sentences: without its spaces the page is wrapped at one width,
    # and the hard-wrap join (after this stage) reads it so.
    flat = (ARTICLE + SECOND) * 2
    lines = [spaced(flat[k:k + 36]) + " " for k in range(0, len(flat), 36)]
    out = Cleaner(to="keep").clean("\n".join(lines))
    assert out == flat


@pytest.mark.parametrize("text", [
    "张三 李四 王五 赵六 孙七 周八 吴九 郑十 冯十一 陈十二 褚十三 卫十四 蒋十五 沈十六",  # a name list
    "床前明月光 疑是地上霜 举头望明月 低头思故乡\n春眠不觉晓 处处闻啼鸟 夜来风雨声 花落知多少",  # a poem's phrases
    "姓名 年龄 性别 籍贯 职业 学历\n张三 三十 男 北京 教师 本科\n李四 二十 女 上海 医生 硕士",  # a table
    "甲 乙 丙 丁 戊 己 庚 辛 壬 癸\n子 丑 寅 卯 辰 巳 午 未 申 酉 戌 亥",  # single-character cells, no prose
    "的 一 是 了 我 不 人 在 他 有 这 个 上 们 来 到 时 大 地 为 子 中 你 说 生 国 年 着 就 那 和 要",  # a frequency list
    "通 知\n各单位：接上级通知，本周五下午召开全体职工大会，请准时参加。",  # a spaced heading on a normal page
    "他说：“我 们 走 吧。”然后大家就出发了，一路上谁也没有说话，直到天黑才到。" * 2,
])
def test_normal_text_with_spaces_between_some_han_stays(text):
    assert spaced_lines(text) == []
    assert join_spaced(text) == text


# A corpus line a segmenter split into words, and a line of it whose words are all one character.
SEGMENTED = ["我 爱 北京 天安门 ， 天安门 上 太阳 升 。", "伟大 领袖 毛主席 ， 指引 我们 向 前进 。",
             "迈向 充满 希望 的 新 世纪 ， 一九九八年 新年 讲话 。"]
ONE_CHARACTER_WORDS = "他 说 ： 我 不 去 了 ， 你 去 吧 ， 我 在 家 等 你 。"


def test_a_segmented_page_keeps_its_lines_of_one_character_words():
    # Decided in session 22 (review21): on a segmented page the segmenter's spaces are the text's.
    page = "\n".join([*SEGMENTED, ONE_CHARACTER_WORDS, SEGMENTED[0]])
    assert spaced_lines(page) == []
    assert Cleaner(to="keep").clean(page) == page


@pytest.mark.parametrize("line", [ONE_CHARACTER_WORDS, "他 说 你 好 ， 我 也 说 你 好 ， 然 后 我 们 一 起 走 了 。"])
def test_a_line_of_one_character_tokens_alone_is_joined(line):
    # Alone, or cut one character a token (我 们: a word no segmenter splits), it is a copy's or a
    # format's spacing, and the text is what the cleaner gives.
    assert join_spaced(line) == line.replace(" ", "")
    assert join_spaced("\n".join([spaced(ARTICLE), line])) == ARTICLE + "\n" + line.replace(" ", "")


def test_it_is_idempotent():
    page = "\n".join([spaced("第一章"), spaced(ARTICLE), spaced("张三 李四"), spaced(SECOND)])
    once = join_spaced(page)
    assert join_spaced(once) == once


def test_the_pipeline_records_a_step_and_the_option_turns_it_off():
    result = Cleaner(to="keep").run(spaced(ARTICLE))
    assert result.text == ARTICLE
    assert any(s.name == "spaced-characters" for s in result.steps)
    assert Cleaner(to="keep", join_spaced=False, normalize_whitespace=False).clean(spaced(ARTICLE)) == spaced(ARTICLE)


def test_tags_and_entities_it_spaced_out_go_in_the_same_clean():
    # The stage runs before the escapes, entities and tags: a tag it joins (<b>) would otherwise
    # be left for a second clean to take out.
    page = spaced("前身为东吴大学香港同学会<b>校史</b>，该会首任会长为彭绍贤&amp;曾任香港中华基督教青年会总干事。")
    cleaner = Cleaner(to="keep")
    once = cleaner.clean(page)
    assert once == "前身为东吴大学香港同学会校史，该会首任会长为彭绍贤&曾任香港中华基督教青年会总干事。"
    assert cleaner.clean(once) == once
