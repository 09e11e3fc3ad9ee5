"""Is the text a web page at all? The evidence the generic model needs before it judges lines.

The generic model (``generic.py``) was fitted on web pages: a short line by the article, a
date near its head, a key-value row, a run of short lines are furniture there, because a page's
menus, bylines, share rows and footers have those forms. A chat log, a contact list, an abstract
with its 关键词 line, a judgement's party rows, a review's reviewer row, lyrics, a spec list or
subtitles have them too, as their own text: no site put them there. Such a text came as it is,
or two of them were concatenated; nothing in it is a page's.

So the model's judgements by score and by context (``head+date``, ``list``, ``tags``,
``after_barrier`` ...) stand only on a page: a text that came with an HTML page's title, or one
that shows furniture somewhere: a line a rule removed (``_common.toml``'s notices, a site's
rules; a book's site notice makes no book a page), a line the model removes as a family of page
furniture by form (``sign_family``), or a line of a form no text writes for itself
(``page_signs``). On a text without any, only the families that are furniture by their own form
wherever they stand stay (``FORM_FAMILIES``: a pager row 第 2 页 共 9 页, a drawn rule outside
the text's body, a novel site's ads): they say nothing about the text's kind.

Signs (each a form a page's furniture has and an author's text does not):
- a menu row, a navigation trail, a site's registration number (``generic.structural``);
- a notice of the site's own (``features.notice``) or a copyright line that is no paragraph;
- a row of at least two furniture labels and nothing else (关于我们 | 联系我们, 分享到：微信 微博);
- a byline row: a record key of the page's (来源, 发布, 编辑, 点击 ...) with a filled value beside
  a date or another key, no sentence (来源：本站原创　作者：admin　发布时间：…; a book's facts,
  作者：… 出版社：…, name no record key);
- a button row (【打印本页】【关闭窗口】): bracketed items that are furniture labels;
- an editor's credit, a call to click (点击查看), a counter row (浏览：123 评论：4), an end
  marker (网友评论, 责任编辑, 上一篇), a comments heading with its count alone on its line (0评论,
  评论(12), 留言 96: ``boxes.comments_heading``);
- a dated row ending with its counts (a forum's list of threads, … 08-11 16:06 [4321/87]; a blog's
  archive, ·2006年1月 (90)), a stamp of when the page was posted or updated (… 3:42 PM 更新於 …).
- a comment's header with a site's comment word (网友 老街坊 回复); with 匿名 or 游客 alone
  (买家 匿名用户 2023-09-01) it is none: a list of reviews has its form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.furniture.boxes import comments_heading
from cleaner.furniture.copyright_form import copyright_notice
from cleaner.furniture.ebook_ads import book
from cleaner.furniture.features import FEATURES, Line, comment_header, credit, end_marker, is_paragraph, line_features
from cleaner.furniture.forms import prompt, stats
from cleaner.furniture.lexicon import Lexicon
from cleaner.furniture.unreadable import legible

# Families that are furniture by their own form, in any text: kept on a text with no page signs.
FORM_FAMILIES = frozenset({"pager", "rule", "novel"})
# Families that judge a line by its neighbours (a list's rows, lines between two removed ones, the
# page's tail, other entries, boxes of teasers, lists of titles) or by a form that other texts
# have as their own, measured on clean texts of other kinds (a contact list's 电话：… 传真：… rows
# as a list, its 教务处 as a byline, a review's 匿名用户 as a Q&A head, a schedule's 5月18日（星期六）
# as a dateline, an abstract's 关键词 as tags, a lone 联系我们 as a label).
WEAK_FAMILIES = frozenset({"list", "between", "tail-sweep", "entry", "box", "teasers", "titles", "title-row",
                           "qa", "byline", "dateline", "tags", "label", "record-row"})
LABELS_MIN = 2  # furniture labels a row of labels holds to be one (联系我们 alone titles a contact list)
LABEL_ROW_MAX = 40  # characters of a row of labels
_RECORD_KEY = re.compile(r"(?:发布|更新|发表|发稿|来源|编辑|责编|浏览|点击|阅读|点阅|访问)[^:]{0,4}:")
# The comment words of a site's thread (features.comment_header's words but 匿名 and 游客, which a
# review list or a guest book written out as text has too).
_SITE_COMMENT = re.compile(r"网友|楼主|回复|IP属地|发表于|评论于|留言于|沙发|板凳|举报|(?i:\bre:)")
# A reply's own words beside its stamp (not 回复 or 举报, which a chat log's turns say too).
_REPLY_STAMP = re.compile(r"网友|楼主|IP属地|发表于|评论于|留言于|(?i:(?<![a-z])re:)")
_COUNTED_END = re.compile(r"(?:\(\d+\)|\[\d+/\d+\])\s*$")
_UPDATED = re.compile(r"(?:更新|发布|發布|發佈|发表|發表|编辑|編輯)(?:于|於|时间|時間|日期)?\s*:?\s*\d")  # 更新於 15/10/2024, 发布于 2023-
STAMP_MAX = 60  # characters of a page's posted or updated stamp
_BUTTON = re.compile(r"【([^】]{1,8})】|\[([^\]]{1,8})\]")
_BUTTON_ROW = re.compile(r"(?:\s*(?:【[^】]{1,8}】|\[[^\]]{1,8}\]))+\s*")  # bracketed items and nothing else
_GAPS = re.compile(r"[\s|/·>»›\-\d\[\]【】()<>:]+")


def is_page(folded, alive: list[int], ruled: bool, lexicon: Lexicon, families: Sequence[tuple[str, ...]] = ()) -> bool:
    """Is the text (``folded`` lines, ``alive`` the live ones) a page: ``ruled`` (a rule removed a
    line of it; not of a book, ``ebook_ads.book``), a family of page furniture among the model's
    ``families`` (the reasons of its decisions: ``sign_family``) or ``page_signs`` among its
    live lines?"""
    if ruled and not book([folded[i] for i in alive]):
        return True  # a book's site puts its notice in (声明：本书来自互联网…): its ads go apart (ebook_ads.py)
    return any(sign_family(r) for r in families) or page_signs(line_features(folded, alive, lexicon), lexicon)


def sign_family(reasons: tuple[str, ...]) -> bool:
    """Do a decision's ``reasons`` name a family of page furniture by form (a forum's floor stamp,
    a Q&A site's answer head, a notice, a trail, a counter row ...)? Not the model's features (a
    score weighs where a line stands, in any text), nor the families of context or of forms that
    texts of other kinds have (``WEAK_FAMILIES``), nor the families of any text (``FORM_FAMILIES``:
    a PDF's page rows, a book's ads)."""
    family = reasons[0] if len(reasons) == 1 else ""
    return bool(family) and family not in FEATURES and family not in WEAK_FAMILIES and family not in FORM_FAMILIES \
        and family != "bias"


def page_signs(lines: Sequence[Line], lexicon: Lexicon) -> bool:
    """Does any of ``lines`` (the live lines with their features, folded) show page furniture?"""
    return any(_sign(line, lexicon) for line in lines) or _cookie_panel([line.text for line in lines])


# A cookie panel's heading alone on its line (Cookie 选项, Cookie 设置, 管理 Cookies), and the
# panel's other lines: short, no sentence ended, naming cookies (请选择你的 Cookie 保存时间，).
_COOKIE_HEAD = re.compile(r"(?i)(?:cookies?\s*(?:选项|设置|设定|偏好设置|偏好|管理)|(?:管理|设置)\s*cookies?)")
_COOKIE = re.compile(r"(?i)cookie")
PANEL_REACH = 3  # lines from the heading to the panel's next line naming cookies
PANEL_LINE_MAX = 40  # characters of such a line: a prompt or a button, no paragraph


def _cookie_panel(texts: Sequence[str]) -> bool:
    """A cookie panel: its heading (``_COOKIE_HEAD``, the whole line) and, within ``PANEL_REACH``
    lines under it, a prompt or a button naming cookies that ends no sentence. A text about
    cookies heads a section so and goes on in paragraphs (在浏览器的 Cookie 设置中，……。)."""
    for pos, text in enumerate(texts):
        if len(text) > 16 or not _COOKIE.search(text) or not _COOKIE_HEAD.fullmatch(text.strip()):
            continue
        for below in texts[pos + 1 : pos + 1 + PANEL_REACH]:
            if len(below) <= PANEL_LINE_MAX and _COOKIE.search(below) and not below.rstrip().endswith(_SENTENCE_ENDS):
                return True
    return False


_SENTENCE_ENDS = ("。", "!", "?", ".", "…")
# The tabs that sort a comment box's comments, two or more alone on their line (按热度排序按时间排序,
# 按热度排序 | 按时间排序): one alone sorts a list of answers or of reviews (the lexicon's qa word).
_SORT_TABS = re.compile(r"(?:\s*[|/·]?\s*按(?:热度|时间|最新|最热|点赞|回复|默认)排序){2,}\s*")


def _sign(line: Line, lexicon: Lexicon) -> bool:
    from cleaner.furniture.generic import structural  # generic imports this module's caller

    text, f = line.text, line.features
    if is_paragraph(text, f):
        return False
    if f["notice"] or copyright_notice(legible(text)):  # a © in mojibake is a byte (unreadable.py)
        return True
    if structural(line) in ("menu", "trail", "imprint"):
        return True
    if credit(text) or prompt(text) or stats(text) or end_marker(text, lexicon):
        return True
    if "排序" in text and _SORT_TABS.fullmatch(text):
        return True  # a comment box's sort tabs (按热度排序按时间排序)
    if comments_heading(text):
        return True  # a comment box's count as its heading (0评论, 评论(12), 留言 96): no author heads his own text so
    if _SITE_COMMENT.search(text) and comment_header(text, lexicon):
        return True  # a comment's header with a site's word (网友 老街坊 回复)
    if f["date"] and f["time"] and not f["final_punct"] and len(text) <= STAMP_MAX and _REPLY_STAMP.search(text):
        return True  # a reply's stamp (# re: 标题 2023-11-20 10:30 网友3; 楼主 发表于 2023-…)
    if (f["date"] or f["time"]) and _COUNTED_END.search(text):
        return True  # a list's row of posts or months with its counts (… 08-11 16:06 298字 [4321/87], ·2006年1月 (90))
    if (f["date"] or f["time"]) and not f["final_punct"] and len(text) <= STAMP_MAX and _UPDATED.search(text):
        return True  # the page's record of when it was posted or updated (15/10/2024 3:42 PM 更新於 …)
    if _byline(text, f):
        return True
    if f["buttons"] and _buttons(text, lexicon):
        return True
    return len(text) <= LABEL_ROW_MAX and not f["final_punct"] and label_row(text, lexicon)


def page_rows(folded, alive: list[int], lexicon: Lexicon) -> list[tuple[int, str]]:
    """(line index, family) of the rows that are a page's furniture wherever they stand on it,
    asked of a page's live lines once the model has judged them: its byline row (``byline-row``:
    a record key of the page's with a date or another key, 来源：本站原创　作者：admin　发布时间：…　点击：1234)
    and its button row (``buttons``: bracketed furniture labels and nothing else, 【打印本页】【关闭窗口】).
    The model judges lines by where they stand from the body, and a page whose article is a list
    (a menu, lyrics, a timetable) has no body it can find: the rows stayed."""
    out = []
    rows = [i for i in alive if ":" in folded[i] or "【" in folded[i] or "[" in folded[i]]  # a key's colon or a bracket
    for line in line_features(folded, rows, lexicon):
        f = line.features
        if (f["kv_filled"] or f["buttons"]) and not is_paragraph(line.text, f):
            if _byline(line.text, f):
                out.append((line.index, "byline-row"))
            elif f["buttons"] and _BUTTON_ROW.fullmatch(line.text) and _buttons(line.text, lexicon, every=True):
                out.append((line.index, "buttons"))
    return out


def _byline(text: str, f: dict[str, float]) -> bool:
    return bool(f["kv_filled"] and not f["final_punct"] and (f["date"] or f["kv_many"]) and _RECORD_KEY.search(text))


def label_row(text: str, lexicon: Lexicon) -> bool:
    """Two furniture labels or more and nothing else (digits, separators and spaces aside)."""
    bare = _GAPS.sub("", text)
    hits, covered = lexicon.phrases(bare)
    return hits >= LABELS_MIN and covered == len(bare)


def _buttons(text: str, lexicon: Lexicon, every: bool = False) -> bool:
    """Bracketed items, at least one (``every``: each) a furniture label alone (【打印本页】,
    [关闭窗口]); a leaflet's 【用法用量】 heads its own field."""
    labels = [_label(m.group(1) or m.group(2), lexicon) for m in _BUTTON.finditer(text)]
    return bool(labels) and (all(labels) if every else any(labels))


def _label(item: str, lexicon: Lexicon) -> bool:
    hits, covered = lexicon.phrases(item.strip())
    return bool(hits) and covered == len(item.strip())


def held_back(reasons: tuple[str, ...]) -> bool:
    """Is a decision with these ``reasons`` (a family, or the features of its score) one the
    model may make only on a page?"""
    return not (len(reasons) == 1 and reasons[0] in FORM_FAMILIES)
