"""Blocks of other posts' teasers (cleaner/furniture/teasers.py) and what the model does with them."""

from cleaner.furniture import generic
from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise
from cleaner.furniture.lexicon import load_lexicon
from cleaner.furniture.teasers import cut_short, teaser_blocks

LEX = load_lexicon()
ARTICLE = [
    "冬天的第一锅萝卜炖牛腩",
    "天冷了，周末去菜市场买了两斤牛腩和一根白萝卜。牛腩先焯水，再和姜片、八角、桂皮一起小火炖一个半小时。",
    "出锅前撒一把葱花，汤清肉烂，萝卜吸饱了肉汁，比肉还好吃。一家人围着锅吃得干干净净，连汤都没剩下。",
]
TEASERS = [
    "腊八蒜的做法", "腊八节前一周就要开始泡蒜了，紫皮蒜剥好放进玻璃瓶，倒入米醋没过蒜瓣，密封后放在阴凉的地方……",
    "手擀面的秘诀", "和面的水要分三次加，面团揉到表面光滑以后盖上湿布醒二十分钟，这样擀出来的面条才有...[阅读全文]",
    "第一次做酸菜鱼", "鱼片要切得薄一些，用蛋清和淀粉抓匀腌十分钟，酸菜先下锅炒出香味再加水，水开后把鱼片... 阅读全文>>",
]


def scored(page):
    texts = [normalise(fold_line(x)) for x in page]
    return generic.page_lines(texts, list(range(len(texts))), generic.load_model(), LEX)[0]


def test_an_excerpt_is_cut_short():
    assert all(cut_short(normalise(x)) for x in TEASERS[1::2])
    assert not cut_short(normalise("他说：我想……"))  # too short for an excerpt
    assert not cut_short(normalise(ARTICLE[1]))


def test_three_excerpts_under_titles_make_a_block():
    assert teaser_blocks(scored([*ARTICLE, *TEASERS])) == [(3, 8)]
    assert teaser_blocks(scored([*ARTICLE, *TEASERS[:4]])) == []  # two are no block
    # Numbered headings are the article's sections, however its paragraphs end.
    sections = [x if k % 2 else f"{'一二三'[k // 2]}、{x}" for k, x in enumerate(TEASERS)]
    assert teaser_blocks(scored([*ARTICLE, *sections])) == []


def test_teasers_below_the_article_go_as_a_block():
    removal = remove_furniture("\n".join([*ARTICLE, *TEASERS]), ())
    assert removal.text.split("\n") == ARTICLE
    assert removal.counts["generic/teasers"] == 6
    assert all(f.detail.startswith("generic/teasers: ") for f in removal.findings)


def test_a_page_of_teasers_alone_keeps_them():
    # A list page: without the teasers nothing is left to be the article.
    removal = remove_furniture("\n".join(["美食日志", *TEASERS]), ())
    assert "generic/teasers" not in removal.counts


def test_a_dialogue_whose_lines_trail_off_is_no_list_of_teasers():
    # Speakers' names over lines that trail off look like titles over excerpts cut short; the
    # same name twice, and names under four characters, are no posts' titles (review).
    from cleaner import Cleaner

    page = ("这是一个关于两个老朋友的故事，他们多年未见，在一个雨夜重逢于街角的小酒馆里，彼此都有许多话想说。\n"
            "酒馆里灯光昏暗，窗外雨声不断，两人坐在角落的桌子旁，谁也没有先开口，气氛一时有些尴尬和沉默。\n"
            "张三\n我一直在想，如果当年我们没有分开，现在会不会是另一番样子呢……\n"
            "李四\n这些事情早就都过去了，你又何必总是放在心上，一直想来想去……\n"
            "张三\n你根本就什么都不懂，我这些年来心里到底有多难受……")
    assert Cleaner().clean(page) == page
