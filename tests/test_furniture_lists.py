"""Lists cut from one template (cleaner/furniture/lists.py) and what the generic model does with them."""

import os
import unicodedata

import pytest
import reference_furniture_lists as reference
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.furniture import generic
from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise, text_features
from cleaner.furniture.lexicon import load_lexicon
from cleaner.furniture.lists import MAX_ROW, list_blocks, restated, row_forms, skeleton

LEX = load_lexicon()
ARTICLE = [
    "本报讯 为确保困难群众温暖过冬，市民政局近日启动冬季救助专项行动，对全市低保家庭开展走访排查。",
    "专项行动将持续到明年三月，重点关注独居老人、重病患者和残疾人家庭，发现问题及时救助。",
    "市民政局有关负责人表示，各区将设立临时救助服务点，群众可就近申请，当天即可领取救助金。",
]
REPLIES = [  # a forum's list of other threads: one template, titles punctuated as sentences
    "周末去哪儿钓鱼，有推荐的吗【水边人】08-11 16:06 298字 [4321/87]",
    "小区停车难，大家都是怎么解决的？【车友老王】08-11 15:58 1024字 [2210/45]",
    "孩子上小学，学区房到底值不值【晨曦妈妈】08-11 15:41 756字 [1980/62]",
    "说说你吃过最难忘的一碗面，我先来【面条控】08-11 15:22 88字 [3307/154]",
]


def blocks(lines):
    texts = [normalise(fold_line(x)) for x in lines]
    return list_blocks(texts, [False] * len(texts))


def test_a_skeleton_keeps_the_form_and_drops_the_words():
    assert skeleton("[2005-08-21] 为什么总要面对呢") == "[0-0-0] a"
    assert skeleton(normalise(REPLIES[0])) == "a,a【a】0-0 0:0 0a [0/0]"


def test_edges_need_structure_not_a_sentence_end():
    assert row_forms(["[2005-08-21] 为什么总要面对呢?", "他说这是多年来的心愿。", "2005年8月，他说"]) == [
        ("[0-", None, True), (None, None, False), (None, None, False)]  # a number glued to words is a word


SETTINGS = settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60")) * 5, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
# What skeletons look at: digits of several scripts, numbers that are no digits (①, ², 〇), letters,
# "_", every kind of space Python's \s knows, the structure marks, sentence marks.
_FOCUS = ("0123456789٣０９①²〇" "ab_Zéß文字" " \t\x1c\x1f\u3000\u00a0" "[]()【】《》<>|/·•-*■●★→»›#@:" "。,!?….")
_ASSIGNED = st.characters(codec="utf-8").filter(lambda c: unicodedata.category(c) != "Cn")
LINES = st.one_of(st.text(alphabet=_FOCUS, max_size=30), st.text(alphabet=_ASSIGNED, max_size=30),
                  st.text(alphabet=_FOCUS, min_size=MAX_ROW - 2, max_size=MAX_ROW + 2))


@SETTINGS
@given(lines=st.lists(LINES, max_size=6))
def test_native_row_forms_agree_with_python(lines):
    # Characters Python's Unicode (14.0) assigns: one assigned later may be a letter or a digit
    # to the `regex` crate and not to Python's `re` (native/src/furniture.rs).
    assert row_forms(lines) == [reference.row_form(x) for x in lines]
    assert [skeleton(x) for x in lines] == [reference.skeleton(x) for x in lines]


# Rows of a few templates with their words and numbers drawn, sentences, questions, paragraphs:
# pages on which lists form, break off, end their rows as sentences and overlap.
_WORD = st.text(alphabet="标题作者论坛回复abc", min_size=1, max_size=30)
_ROWS = (
    st.builds("[{}-{}] {}".format, st.integers(1, 12), st.integers(1, 31), _WORD),
    st.builds("{}【{}】08-{} 16:0{} [{}/87]".format, _WORD, _WORD, st.integers(1, 12), st.integers(0, 9), st.integers(0, 999)),
    st.builds("{}. {}{}".format, st.integers(1, 20), _WORD, st.sampled_from(["", "。", "?", "!", ".", "...", "，也?", "”。", "' "])),
    st.builds("• {}{}".format, _WORD, st.sampled_from(["", "。", "!", "……"])),
    st.builds("{}（{}）".format, _WORD, st.integers(0, 99999)),
    st.text(alphabet=_FOCUS, max_size=30),
    st.builds("{}，{}。".format, _WORD, _WORD),
)


@SETTINGS
@given(data=st.data())
def test_native_list_blocks_agree_with_python(data):
    # A page's rows come from one to three of the forms, so that rows of one form recur.
    forms = data.draw(st.lists(st.sampled_from(_ROWS), min_size=1, max_size=3))
    rows = data.draw(st.lists(st.tuples(st.sampled_from(forms).flatmap(lambda form: form), st.booleans()), max_size=25))
    texts = [normalise(text) for text, _ in rows]
    paragraphs = [paragraph for _, paragraph in rows]
    assert list_blocks(texts, paragraphs) == reference.list_blocks(texts, paragraphs)


@pytest.mark.parametrize("text", ["标题?", "长" * 24 + "?", "长" * 23 + "?", "他说，真的吗?", "完。”", "References.", "永远支...",
                                  "", "  ", "x!' ", "标题"])
def test_native_sentence_ends_agree_with_python(text):
    # Three rows of one form ending the same way: a list exactly when they end no sentence.
    texts = [f"{k}) {text}" for k in range(3)]
    expected = [] if reference.ends_sentence(texts[0]) else [(0, 2, False)]
    assert list_blocks(texts, [False] * 3) == reference.list_blocks(texts, [False] * 3) == expected


def test_a_reply_list_is_one_stamped_block():
    assert blocks(["论坛首页", *REPLIES, "联系我们"]) == [(1, 4, True)]
    assert blocks(REPLIES[:2]) == []  # two rows: no list


def test_odd_lines_between_rows_belong_to_the_block():
    rows = ["• 旧小区停车位怎么增加", "• 社区养老服务站全覆盖", "广告", "• 城市绿道今年再建五十公里"]
    assert blocks(rows) == [(0, 3, False)]


@pytest.mark.parametrize("lines", [
    ["1、考试当天须携带准考证和身份证，提前三十分钟到达考点。", "2、身体不适的考生可申请缓考，须提供医院证明。",
     "3、考试过程中如遇恶劣天气，考点将统一安排补考时间。"],  # numbered article paragraphs
    ["【家长】孩子每天跳绳练到很晚，这样会不会太累？", "【老师】每天练半小时就够了，关键是动作要规范。",
     "【家长】那跑步需要每天都练吗？", "【老师】隔天练一次更好。"],  # dialogue
    ["[1] 章炳林. C2C电子商务的物流配送问题研究[D]. 合肥工业大学, 2008.", "[2] 张磊. 电子商务环境下物流配送路线优化研究[D]. 2008.",
     "[3] 周仕仁. 电子商务下的物流配送模式研究[J]. 物流科技, 2011(11): 56-58."],  # references
])
def test_rows_that_end_sentences_are_article_not_a_list(lines):
    assert blocks(lines) == []


def test_headlines_that_ask_or_exclaim_are_a_list_of_titles():
    rows = ["[财运] 希望秘书穿什么服装？", "[情感] 你的魅力来自何方？", "[事业] 你有怎样的人格障碍？", "[情感] 你是容易冲动的人吗？"]
    assert blocks(rows) == [(0, 3, False)]
    assert blocks(["★ 不再做一分钟男人！", "★ 富翁要怎样炼成？", "★ 老少皆宜玩出百万富翁！"]) == [(0, 2, False)]
    # Questions with clauses, or as long as a sentence, are the article's (an interview, a quiz).
    asked = ["【问】孩子每天跳绳练到很晚，这样会不会太累？", "【问】跑步需要每天都练吗，还是隔天练就够？", "【问】考试当天，家长可以进考场陪同吗？"]
    assert blocks(asked) == []


def test_a_reply_list_below_the_body_goes_as_a_block():
    removal = remove_furniture("\n".join([*ARTICLE, *REPLIES]), ())
    assert removal.text.split("\n") == ARTICLE
    assert removal.counts["generic/list"] == len(REPLIES)


def test_a_list_above_the_body_goes():
    sidebar = ["·2006年1月 (90)", "·2005年12月 (100)", "·2005年10月 (704)", "·2005年9月 (606)"]
    removal = remove_furniture("\n".join([*sidebar, "市民政局启动冬季救助行动", *ARTICLE]), ())
    assert removal.text.split("\n") == ["市民政局启动冬季救助行动", *ARTICLE]


def test_an_unstamped_list_right_under_the_body_is_judged_line_by_line():
    """An article's own list (the subjects of an exam) right below its last paragraph is no block to
    drop: nothing but article stands between; stamped rows or furniture between would make it one."""
    subjects = ["1、英语或俄语或日语", "2、艺术概论", "3、中国艺术史基础知识", "4、艺术美学与哲学经典阅读"]
    page = [normalise(fold_line(x)) for x in [*ARTICLE, "考试科目", *subjects]]
    lines, body = generic.page_lines(page, list(range(len(page))), generic.load_model(), LEX)
    # Its rows count 1, 2, 3, 4 right under the body: the body grows over them (counted_rows.py).
    assert body == (0, 7)
    assert all(line.features["template"] for line in lines[4:])
    assert not any(line.features["list_block"] for line in lines)
    heading = [*ARTICLE, "相关文章", *subjects]  # a furniture heading between: a block
    lines, _ = generic.page_lines([normalise(fold_line(x)) for x in heading], list(range(len(heading))), generic.load_model(), LEX)
    assert all(line.features["list_block"] for line in lines[4:])


def test_list_rows_are_no_article_prose_for_the_body():
    """A forum's reply list holds more punctuated text than a short post: were its rows prose, the
    list would be the body and the post the head."""
    replies = [r.replace("【", "，大家有什么看法，欢迎讨论【") for r in REPLIES] * 3
    short = ARTICLE[:2]
    page = [normalise(fold_line(x)) for x in [*short, *replies]]
    _, body = generic.page_lines(page, list(range(len(page))), generic.load_model(), LEX)
    assert body == (0, 1)


def test_a_menu_row_outside_the_body_goes_whatever_its_score():
    removal = remove_furniture("\n".join(["热点 | 社会 | 民生 | 图片", "救助行动启动", *ARTICLE]), ())
    assert removal.text.split("\n") == ["救助行动启动", *ARTICLE]
    assert removal.counts["generic/menu"] == 1
    cast = "主演 张三 李四 王五"  # names split by spaces: no menu separators
    assert text_features(cast, LEX)["item_row"] == 1 and generic.forced(
        generic.Line(0, cast, text_features(cast, LEX) | {"list_block": 0.0}), 0, (1, 2), LEX) == ""


def test_the_blocks_of_the_lines_asked_last_are_kept_for_those_lines_alone():
    rows = [f"[2005-08-{10 + k}] 标题{k}" for k in range(4)]
    first = list_blocks(rows, [False] * 4)
    assert first and list_blocks(rows, [False] * 4) == first
    first.clear()  # the caller's list is its own
    assert list_blocks(rows, [False] * 4) == reference.list_blocks(rows, [False] * 4)
    other = rows[:1] + ["他说，这是文章的一个句子，说得很长很长。"] * 3
    assert list_blocks(other, [False] * 4) == reference.list_blocks(other, [False] * 4)
    assert list_blocks(rows, [True] * 4) == reference.list_blocks(rows, [True] * 4)


# A wrapped page whose title is the start of its first paragraph (an old page's title cut from its
# first words), a byline between them, and a next paragraph of the same opening form (名（年－年），字…).
RESTATED_PAGE = [
    "首页 > 新闻中心 > 社会新闻",
    "沈括（1031年－1095年），字",
    "发布时间：2011-05-06 10:12:45 来源：本站原创 点击：1024",
    "沈括（1031年－1095年），字存中，号梦溪丈人，杭州钱塘县人，北宋政治家、科学",
    "家。他一生勤于观察，著有《梦溪笔谈》，记述了天文、历法、地理、数学等多方面的知识，被誉为中国科学史上的坐标。",
    "苏颂（1020年－1101年），字子容，泉州同安县人，北宋宰相、天文学家、药物学家，主持制造了水运仪象台，并编撰了《新仪象法要》一书。",
    "【打印本页】【关闭窗口】",
]


def test_a_headline_restating_the_paragraph_below_is_no_row_of_a_list():
    texts = [normalise(fold_line(x)) for x in RESTATED_PAGE]
    assert restated(texts) == [1]
    assert list_blocks(texts, [False] * len(texts)) == []
    # The same three lines, each an item of its own, are a list.
    items = [texts[1] + "一", texts[3], texts[5]]
    assert restated(items) == [] and list_blocks(items, [False] * 3)


def test_a_series_first_item_opening_the_next_items_stays_a_row_of_its_list():
    # A related list of one series: the first item's words open the next ones, which go on with a
    # part's number, not as prose. They are rows of one list, the first with them.
    rows = ["相关阅读", "· 一图读懂2027年政府工作报告", "· 一图读懂2027年政府工作报告（二）", "· 一图读懂2027年政府工作报告（三）",
            "· 两会新闻发布会答问实录"]
    texts = [normalise(fold_line(x)) for x in rows]
    assert restated(texts) == []
    assert list_blocks(texts, [False] * len(texts)) == [(1, 4, False)]


def test_a_title_cut_from_the_first_paragraph_keeps_that_paragraph():
    # The title, the first paragraph's first line and the next paragraph's opening shared one form:
    # a list block took the title, the byline and the first line of the first paragraph.
    removal = remove_furniture("\n".join(RESTATED_PAGE), ())
    kept = removal.text.split("\n")
    assert RESTATED_PAGE[3] in kept and RESTATED_PAGE[4] in kept and RESTATED_PAGE[5] in kept
    assert removal.counts["generic/list"] == 0
