"""Reference oracle for the native portal forms (native/src/portal_forms.rs), kept from
cleaner/furniture/portals.py: ``form`` and the helpers it asked, unchanged but for the module's
patterns, word lists and widgets, which are read from ``portals`` (the native forms are given the
same patterns). Property tests check that ``portals.form`` gives what this gives for every line.
Not part of the product.
"""

from __future__ import annotations

import re

from cleaner.furniture.portals import (  # noqa: F401 (the patterns form asks)
    _AGO, _AUTHORISED, _BAR_BYLINE, _BOX_COUNT_WORDS, _BRACKET_COUNTER, _BUTTON_STAMP, _BYLINE, _COUNT, _DATED_COMMENT,
    _DURATION, _EDITED, _EDITOR_CODE, _EN_STAMP, _ENTRY_NOTE, _FLOOR, _HAS_DATE, _IMPRINT, _IP_PLACE,
    _LEVEL_BADGE, _NOTICE, _NUMBER, _ORIGINAL_TITLE, _OUTLET, _OWN_ORIGINAL, _OWN_TERMS, _PHOTO, _PHOTO_SIGN, _PLATFORM,
    _POST_NOTE, _PTT_HEADER, _PTT_MARK, _PTT_PUSH, _QUOTED, _READ_NOTE, _REPORTER, _REPORTER_SIGNS, _REPORTERS_COLUMN,
    _REPRINT, _REPRINT_SIGNS, _RISK, _SIGNS, _SLASH_BYLINE, _SPACED, _SPEAKS, _SPLIT, _STAMP_GAPS,
    _STATEMENT, _TOOL_KEY_TAIL, _TRAIL, _VIEW_SIGNS, _VIEWS, _WORD_GAPS, COUNT_MAX, PARAGRAPH, ROW_MAX, WIDGET_MAX, _widget,
    row_items)

STAMP_NAME = 12  # characters a dated, counted row may hold besides its date, time and counters (an author's name)
OWN_TERMS_MAX = 80  # characters
RISK_MAX = 40  # characters
_PTT_FIRST = frozenset("作看标时※推嘘→")  # the first character of a PTT header, mark or push line
_SENTENCE_END = re.compile(r"[。!?]")
_DIGIT = re.compile(r"\d")


SIZES_MAX = 24  # characters of a font-size toggle row
_SIZE_CHARS = frozenset("大中小特超标准默认字号体级设定调整:[]()【】|/ A+-")


_SIZE_TOKEN = re.compile(r"A[+\-]{0,2}$")  # a letter-size button beside the share buttons (分享 列印 A- A+)


def _font_sizes(text: str) -> bool:
    """A font-size toggle (大 中 小, 字号:[ 大 中 小 ], 小 中 大 特大, 字体大小 A A A, A- A+): nothing
    but size words, two sizes at least. A page's text never is a bare row of sizes."""
    text = _TOOL_KEY_TAIL.sub("", text)  # 字号：【大】【中】【小】 视力保护色： (the next widget's empty key)
    if not set(text) <= _SIZE_CHARS:
        return False
    # Letters count as separate buttons (A A A, A- A+), never a rating (AAA, AA+: a bond's grade).
    letters = re.findall(r"A+[+\-]?", text)
    return sum(text.count(c) for c in "大中小") >= 2 or (len(letters) >= 2 and all(len(t.rstrip("+-")) == 1 for t in letters))


OUTLET_MAX = 16  # characters of an outlet's name in brackets


TRAIL_MAX = 30  # characters of a two-step navigation trail


def _counted_stamp(text: str) -> bool:
    """A post's date with its view counter and at most a name: 2024-03-08 10:00 阅读 3.4万,
    张三 2023-05-01 浏览(1234). The date and the counter both: a date alone over an article is its
    publication date (kept), a counter alone a member's stats."""
    if not (_HAS_DATE.search(text) and _VIEWS.search(text)):
        return False
    rest = _HAS_DATE.sub("", _VIEWS.sub("", text))
    return len(_STAMP_GAPS.sub("", rest)) <= STAMP_NAME


def _counted_row(text: str) -> bool:
    """A post's row of two or more bracketed counters and at most a name and where it was posted
    (小花 发表在 痞客邦 留言(3) 人气(1,245)): a sentence has more words than that."""
    if len(_BRACKET_COUNTER.findall(text)) < 2:
        return False
    return len(_STAMP_GAPS.sub("", _BRACKET_COUNTER.sub("", text))) <= STAMP_NAME


BOX_COVER = 0.8  # share of a line's words a comment box's phrases cover (as ``generic.label_cover`` reads a label)


def _cover(pattern: re.Pattern, text: str) -> float:
    """The share of a line's characters, punctuation, spaces and digits left out, that phrases of
    ``pattern`` cover: 暂无评论 1.0, 还没有人评论，快来抢沙发吧 0.92; a headline or a subheading that
    names one (我市启动青少年文明上网宣传月活动, 一、倡导文明上网, 网友在评论区吵翻了) far less."""
    bare = _WORD_GAPS.sub("", text)
    return sum(len(m) for m in pattern.findall(bare)) / max(len(bare), 1)


def _hits(pattern: re.Pattern, text: str) -> int:
    """Different phrases of ``pattern`` found in ``text``."""
    return len(set(pattern.findall(text)))


def _GOV_ROW(text: str, words) -> bool:
    """Two or more keys of a metadata table on one line (索引号:… 分类:… 文号:…)."""
    if text.count(":") < 2:
        return False  # each key has its colon: the split is spared
    return sum(1 for part in re.split(r"\s+", text) if words.gov.match(part)) >= 2


def form(text: str, words) -> str:
    """The family of a line that is portal furniture wherever it stands, or ""."""
    if len(text) > PARAGRAPH or (len(text) > 80 and "。" in text[:-1]):
        return ""
    if len(text) <= SIZES_MAX and ("中" in text or "小" in text or "A" in text) and _font_sizes(text):
        return "actions"
    if len(text) <= OUTLET_MAX and text[:1] in "([【" and _OUTLET.match(text):
        return "source"
    if len(text) <= TRAIL_MAX and (">" in text or "»" in text or "›" in text) and _TRAIL.fullmatch(text):
        return "trail"
    if len(text) <= 40 and "属地" in text and "编辑" not in text and _IP_PLACE.match(text):  # an edit note holds one too (edited)
        return "post-stamp"
    if len(text) <= 24 and ("v" in text or "V" in text) and _LEVEL_BADGE.fullmatch(text):
        return "member"  # 一只旅行的猫 Lv.8: a member's name and level
    if len(text) <= RISK_MAX and "有风险" in text and _RISK.fullmatch(text):
        return "risk-notice"
    if len(text) <= OWN_TERMS_MAX and text.startswith("本词条") and _ENTRY_NOTE.match(text):
        return "reprint"  # 本词条由…审核: an encyclopedia's note of its entry
    # widgets.py: forms asked of every line, wherever it stands (an advert label splits an article).
    family = _widget(text, words) if len(text) <= WIDGET_MAX else ""
    if family:
        return family
    worded = words.native.phrases(text)[0] > 0
    if not (worded or _SIGNS.search(text)):
        return ""
    short = len(text) <= ROW_MAX
    ended = bool(_SENTENCE_END.search(text))
    if (text[:1] in _PTT_FIRST or "看板" in text) and (_PTT_HEADER.match(text) or _PTT_MARK.match(text) or _PTT_PUSH.match(text)):
        return "ptt"
    if not ended and len(text) <= 80 and ("编辑" in text or "于" in text) and _EDITED.search(text):
        return "edited"
    digits = bool(_DIGIT.search(text))
    if short and not ended and digits and _FLOOR.search(text) and (_HAS_DATE.search(text) or _AGO.search(text)):
        return "post-stamp"
    if short and not ended and digits and _VIEW_SIGNS.search(text) and _counted_stamp(text):
        return "post-stamp"
    if short and not ended and text.count("(") >= 2 and _counted_row(text):
        return "post-stamp"
    if short and not ended and digits and "回" in text and "," not in text and _BUTTON_STAMP.search(text) and _HAS_DATE.search(text):
        return "post-stamp"
    if short and digits and ":" in text and text[:1].isascii() and _EN_STAMP.match(text):
        return "post-stamp"
    if len(text) <= 80 and digits and (text.startswith("本") and "由" in text and _POST_NOTE.match(text)
                                       or "次" in text and text[:1] in "([" and _READ_NOTE.match(text)):
        return "post-stamp"
    if len(text) <= 100 and digits and ":" in text and (m := _DATED_COMMENT.match(text)) and _SPEAKS.search(m.group(1)):
        return "reply"
    if short and digits and ("分钟" in text or ":" in text) and _DURATION.match(text):
        return "duration"
    tokens = row_items(text) if worded and short and not ended else []  # rows of words: no sentence among them
    if tokens and all(t in words.ranks for t in tokens) and len(text) <= 12:
        return "rank"
    if len(tokens) >= 2 and sum(t in words.stats for t in tokens) >= 2 and \
            all(t in words.stats or _NUMBER.match(t) for t in tokens):
        return "stats"
    # Counters and buttons on one row (328 心情 · 56 留言 · 收藏): each list alone makes a family
    # above; mixed, with a count, they are the same row under a post.
    if len(tokens) >= 2 and digits and all(t in words.stats or t in words.actions for t in tokens) \
            and any(t in words.stats for t in tokens) and any(t in words.actions for t in tokens):
        return "actions"
    if tokens and all(t in words.actions or _SIZE_TOKEN.match(t) for t in tokens) and not all(_SIZE_TOKEN.match(t) for t in tokens) \
            and (len(tokens) >= 2 or len(tokens[0]) >= 3 or "▼" in text):  # a lone word of two may be a table's cell; with a drop-down mark (转载▼) it is a button
        return "actions"
    # A button of the lexicon's buttons with its count (赞同 286, 收藏 (12)): a cell holds a word or a
    # number, a vote's tally a heading of its own (支持 52: no button word).
    if len(tokens) == 1 and tokens[0] in words.buttons and digits and len(text) <= COUNT_MAX + 4:
        return "actions"
    # A statement holding one of these words may be an article's ("他获得超过三千票。"); a prompt
    # that is one holds two (使用百度知道APP,立即抢鲜体验。). The interface asks, too (你对这个回答的评价是?).
    # A clause (not a digit group: 1,234) or a question put by someone (网友留言问:…?) is a sentence too.
    sentence = worded and bool(_STATEMENT.search(text))  # asked only of a line with the lists' words
    if worded and len(text) <= 80 and _hits(words.qa, text) > sentence:
        return "qa"
    if worded and len(text) <= 80 and _hits(words.novel, text) > sentence:
        return "novel"
    if worded and len(text) <= ROW_MAX and _hits(words.prompts, _QUOTED.sub("", text)) > sentence:
        return "app-prompt"
    if (worded and len(text) <= ROW_MAX and _hits(words.comment_box, text) > sentence
            and _cover(words.comment_box, _BOX_COUNT_WORDS.sub("", text)) >= BOX_COVER):
        return "comment-box"
    if len(text) <= 70 and text.startswith(("原标题", "(原标题", "【原标题")) and _ORIGINAL_TITLE.match(text):
        return "source"
    if short and ":" in text and (words.gov.match(text) or _GOV_ROW(text, words)):
        return "gov-meta"
    if short and not ended and ":" in text and words.tags.match(text):
        return "tags"
    # In brackets too: (文/张三 图/李四), 【编辑｜王小丫】.
    if len(text) <= 80 and ("|" in text or "丨" in text or "/" in text) and words.credits.match(text.strip("()[]【】 ")):
        return "bar-credit"
    if len(text) <= 50 and _REPORTER_SIGNS.search(text) and _REPORTER.search(text) and (_BYLINE.match(text) or _SLASH_BYLINE.match(text) or _BAR_BYLINE.match(text)) and "。" not in text[:-1] \
            and not _REPORTERS_COLUMN.fullmatch(text):
        return "byline"
    if len(text) <= 60 and digits and (_IMPRINT.search(text) or _EDITOR_CODE.match(text)):
        return "paper-imprint"
    if len(text) <= 60 and _PHOTO_SIGN.search(text) and _PHOTO.search(text):
        return "photo-credit"
    # Quoted inside a sentence (写道"转载请注明出处",但…; 公众号(ID:x)上介绍了…) the note is the article's.
    if len(text) <= 120 and (_REPRINT_SIGNS.search(text) and (_REPRINT.match(text) or (_REPRINT.search(text) and "," not in text))
                             or "本文" in text and _AUTHORISED.search(text)):  # both its forms name 本文
        return "reprint"
    if len(text) <= OWN_TERMS_MAX and "转载" in text and _OWN_TERMS.match(text):
        return "reprint"
    if "原创" in text and _OWN_ORIGINAL.match(text):
        return "reprint"
    if len(text) <= OWN_TERMS_MAX and text.startswith("本文") and _PLATFORM.match(text):
        return "reprint"
    if _SPACED.match(text) and _NOTICE.search(text.replace(" ", "")):
        return "spaced-notice"
    return ""
