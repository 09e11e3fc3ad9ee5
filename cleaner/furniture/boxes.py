"""A "推荐阅读" box set inside an article: where it ends, when the article goes on below it.

A heading such as 相关新闻 or 推荐阅读 opens a box of links. On most pages that box stands below
the article, with comments and the footer under it: the rule ``common/related``
(``rules/_common.toml``, a ``truncate-after`` rule) cuts the page there, and the model reads the
heading as a barrier no article run crosses. Some portals set the box *inside* the article,
between two paragraphs; cutting there loses the rest of the article, and a barrier there leaves
the article's first part (and its headline) outside the body. The sign is what follows the box:
article prose (long punctuated lines adding up to ``need`` characters, the first a paragraph of at
least ``PARAGRAPH`` characters ending a sentence) before anything that ends an article (a post's
stamp, an end marker such as 责任编辑 or 网友评论, a comment header). Related lists are titles
(no prose), comment threads come under stamps, headers or an end marker, and a teaser under a
title is shorter than an article's paragraphs. Then only the heading and the box go. The box's
last line, right above the article's paragraph, is the article's subheading when it is a
heading's length (``HEADING_MAX``) and at most half as long as every link above it (相关链接： two titles,
then 气象专家提醒 over the next paragraph).

A comments heading (``comments_heading``: 评论(12), 网友回复, 共有3条留言) is no box's: it ends the
article (``generic.page_lines`` reads it as an end marker, as the lexicon's [ends] words are read).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cleaner.furniture.features import Line, comment_header, end_marker, is_prose, normalise, prose_line, text_features
from cleaner.furniture.lexicon import Lexicon, load_lexicon
from cleaner.furniture.related_words import alternation, load_related

BOX_LINES = 15  # lines a box of links may hold below its heading before the article resumes
PARAGRAPH = 40  # characters: the article resumes with a paragraph ending a sentence, not a title
RESUME = 120  # characters of article prose under a box that make the model read it as inside the article
HEADING_MAX = 12  # characters of a box's heading (推荐阅读, 【相关阅读】:)
LINK_MIN = 6  # characters: a shorter line under a box's links is a heading of the article (骗局之1)


def box_length(following: Iterable[tuple[str, dict[str, float]]], need: int, lexicon: Lexicon) -> int | None:
    """How many lines under a heading make its box, when article prose of at least ``need``
    characters follows the box within ``BOX_LINES`` lines; None when it does not (the box ends
    the article). ``following``: (text, features) of the live lines under the heading, in order,
    text folded and NFKC (``features.normalise``); read lazily, only as far as needed."""
    box = run = seen = 0
    resumed = frozen = False
    links: list[int] = []  # lengths of the box's lines
    for text, f in following:
        ends = _ends_article(text, f, lexicon)
        if resumed:
            if ends:
                break
            if not is_prose(text, f):
                if _subheading(text, f) or _field(text, f):
                    continue  # the article's next section (总结) or its facts (展期：…): it goes on
                break
            run += len(text)
        else:
            if ends or seen > BOX_LINES:
                return None
            if not is_prose(text, f) or _link_title(text, f):
                seen += 1
                # A line shorter than a link's title after the links is the article's own
                # heading (骗局之1): the box ended above it.
                frozen = frozen or (box > 0 and len(text) < LINK_MIN)
                box += not frozen
                if not frozen:
                    links.append(len(text))
                continue
            if len(text) < PARAGRAPH or not (f["final_punct"] or _INTRODUCES_LIST.search(text)):
                return None  # a title punctuated as a sentence (爱出油快秃顶？): the box's own, or teasers
            if len(links) >= 2 and links[-1] <= HEADING_MAX and 2 * links[-1] <= min(links[:-1]):
                box -= 1  # right above the article's paragraph, half a link at most: its subheading (气象专家提醒)
            resumed, run = True, len(text)
        if run >= need:
            return box
    return box if resumed and run >= need else None


def _link_title(text: str, f: dict[str, float]) -> bool:
    """A link's title that reads as prose by its clauses (红树林是蓝碳宝库?研究:台湾红树林固碳量被高估):
    shorter than a paragraph, ending no sentence and on a word. A teaser's excerpt cut short ends
    on a clause mark (中医认为，…湿、郁、虚，) and a title punctuated as a sentence (爱出油快秃顶？)
    on its stop: neither is a link of a box."""
    return len(text) < PARAGRAPH and not f["final_punct"] and not text.endswith(_CLAUSE_ENDS)


_CLAUSE_ENDS = (",", "、", ":", ";", "，", "：", "；")


def _subheading(text: str, f: dict[str, float]) -> bool:
    """A heading of the article between its paragraphs (总结, 相机表现): a heading's length, no
    sentence, no clause, no furniture words, no digits (a pager's 1 2 3 下一页)."""
    return (len(text) <= HEADING_MAX and not f["final_punct"] and not f["clause_punct"] and f["lex_cover"] == 0
            and not any(c.isdigit() for c in text))


_FIELD = re.compile(r"[\u3400-\u9fff]{2,6}\s*:\s*\S")
FIELD_MAX = 40  # characters of a field row of the article's facts


def _field(text: str, f: dict[str, float]) -> bool:
    """One of the article's facts as a field row (展期：2024年3月19日至12月29日, 地点：本馆二楼): a key of
    two to six Han characters, a colon, a value; short, no furniture words, one key."""
    return len(text) <= FIELD_MAX and f["lex_cover"] == 0 and not f["kv_many"] and bool(_FIELD.match(text))


# A paragraph that ends by introducing a list (…第二版各卷：) after sentences of its own.
_INTRODUCES_LIST = re.compile(r"[。！？!?].+[：:]$")


def text_box_length(following: Iterable[str], need: int) -> int | None:
    """``box_length`` of folded lines (a rule's view of the page): features computed as read."""
    lexicon = load_lexicon()
    pairs = ((text, text_features(text, lexicon)) for text in map(normalise, following))
    return box_length(pairs, need, lexicon)


def inner_boxes(lines: Sequence[Line], lexicon: Lexicon) -> list[int]:
    """Positions of the lines of the boxes set inside the article: a heading (a short line that
    furniture words cover, or a box's heading and its first link, ``_INLINE``; no end marker) right under a paragraph ending a sentence, its box, and
    article prose of ``RESUME`` characters under that (``box_length``)."""
    out: list[int] = []
    for pos in range(1, len(lines)):
        line, above = lines[pos], lines[pos - 1]
        f = line.features
        if f["final_punct"]:
            continue  # asked first: most lines of a page end a sentence, and no heading does
        heading = len(line.text) <= HEADING_MAX and f["lex_cover"] >= 0.5
        shaped = not heading and _RELATED_SHAPE.match(line.text)
        if not (heading or shaped or _INLINE.match(line.text)) or _ends_article(line.text, f, lexicon):
            continue
        if len(above.text) < PARAGRAPH or not above.features["final_punct"] or not prose_line(above):
            continue
        size = box_length(((x.text, x.features) for x in lines[pos + 1 :]), RESUME, lexicon)
        if size is not None and (size >= 2 or not shaped):
            out.extend(range(pos, pos + 1 + size))
    return out


# A box's heading by its shape, whatever it lists (相关研报, 热门书评, 延伸閱讀 folded): a relation to
# the page or a box's lead word (the lexicon's [related] relations and leads: 相关, 延伸, 热门, 推荐,
# 更多) and a word of two or three letters, alone. An article's subheading may take the shape
# (相关规定, 推荐理由) but heads prose, not two links or more over the paragraph that resumes.
_RELATED = load_related()  # the lexicon's [related] entry
_RELATED_SHAPE = re.compile(r"^[【\[]?(?:" + alternation(_RELATED.inside) + r")[\u4e00-\u9fff]{2,3}[】\]]?:?$")
# A box's heading with its first link on the same line: "延伸阅读：57岁小学肄业 广西骗子演绎…".
# Only the words that name a box of links (a list the article itself introduces, 相关规定：, is not one).
_INLINE = re.compile(r"^[【\[]?\s*(?:相关(?:新闻|阅读|文章|报道|链接|推荐|专题|资讯)|延伸阅读|推荐阅读|热点推荐|热门推荐|热门文章"
                     r"|更多精彩|往期回顾|精彩推荐|编辑推荐|今日推荐|猜你喜欢)\s*[】\]]?\s*:")


# A comments heading, the whole line: 网友回复, 全部评论, 评论(12), 留言 (5), 共有3条留言. The
# lexicon's [ends] words are found inside a line; these are too common alone in an article's
# subheadings (【评论】, 专家点评, 用户评价) to be found so: a bare word needs its count.
# The count: bracketed, with its measure word (条, 则 on Taiwan's sites), or a bare number set apart
# (留言 96), or stand before the word (0评论, a video site's box); the tabs that sort the comments may
# follow it (评论 412 · 最热 最新).
_COUNT = r"\s*[】\]]?\s*(?:[(\[]\s*\d+\s*[)\]]|\d+\s*[条则]|(?<=\s)\d+(?!\S))"
_SORT_TABS = r"(?:\s*[·|]?\s*(?:最热|最新|热门|最早|默认|按热度|按时间|正序|倒序))*"
_COMMENTS_HEADING = re.compile(rf"^[【\[]?\s*(?:(?:网友|读者|用户|全部|最新|热门|精彩)(?:评论|留言|回复|跟帖|回应)(?:{_COUNT})?"
                               rf"|(?:评论|留言|回复|跟帖)\s*{_COUNT}){_SORT_TABS}\s*[】\]]?\s*:?$"
                               rf"|^共有?\s*\d+\s*(?:条|则|位网友)(?:评论|留言|回复|跟帖)|^\d+\s*[条则]?(?:评论|留言|回复)$")


def comments_heading(text: str) -> bool:
    """A comments heading as a whole line (``_COMMENTS_HEADING``): the article has ended above it."""
    return bool(_COMMENTS_HEADING.match(text))


def _ends_article(text: str, f: dict[str, float], lexicon: Lexicon) -> bool:
    """A post's stamp (a date and a time, no sentence end), an end marker or a comment header."""
    stamp = f["date"] and f["time"] and not f["final_punct"]
    return bool(stamp or end_marker(text, lexicon) or comments_heading(text) or comment_header(text, lexicon))
