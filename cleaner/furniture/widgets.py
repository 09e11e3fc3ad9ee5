"""Lines of a page's widgets, by form: advert labels, hashtag rows, a media player's bar and
download links.

A portal sets these inside the article as well as around it (an advert label between two
paragraphs, a video player under the headline), so they are asked of every line before the body
is sought (``portals.form``): an advert label is a furniture heading to the line model, a barrier
that split a recipe's article in two and left its ingredients above the headline. None of these
forms is an article's sentence: a label alone, hashtags alone, two clock times split by a slash, a
file's name with its extension.
"""

from __future__ import annotations

import re

ADVERT_MAX = 40  # characters of an advert label with the advert's own words (广告 某某金融 低首付 立即申请)
# What decorates a label alone on its line: rules, brackets, bars (—— 广告 ——, 【广告】, [AD]).
_DECOR = r"[\s\-—–_=·~*<>\[\]【】()|]*"
_CLAUSE = re.compile(r"[。!?,;、]")


# Labels that open an advert's own words on the line. Not 推广 or 赞助 alone: an article's
# subheading may open with them (推广 节水灌溉技术).
_LEADING = ("广告", "广告位", "商业推广", "广告推广", "推广内容", "赞助内容")


def advert_patterns(labels: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """(a line that is advert labels alone, a line opening with a label of ``_LEADING`` and a space
    or a bar, then the advert's words) from the lexicon's ``adverts`` (folded, NFKC). Not a colon
    after the label: 广告：3万元 is a budget's row."""
    words = "|".join(re.escape(w) for w in sorted(set(labels), key=len, reverse=True))
    lead = "|".join(re.escape(w) for w in sorted(set(_LEADING), key=len, reverse=True))
    alone = re.compile(rf"(?i)^{_DECOR}(?:{words})(?:{_DECOR}(?:{words}))*{_DECOR}$")
    led = re.compile(rf"^[【\[(]?(?:{lead})[】\])]?(?:\s*\|\s*|\s+)(\S.*)$")
    return alone, led


def advert(text: str, alone: re.Pattern, led: re.Pattern) -> bool:
    """An advert's label alone (广告, —— 广告 ——, ADVERTISEMENT 广告), or a label opening a short
    advert (广告 车行天下金融 低首付 0利息 立即申请: no clause, no sentence end)."""
    if alone.match(text):
        return True
    if len(text) > ADVERT_MAX:
        return False
    m = led.match(text)
    return bool(m and not _CLAUSE.search(m.group(1)))


# Two or more hashtags and nothing else (#日本 #自由行 #心得; Weibo's #话题# #话题#): a post's tag row.
_HASHTAGS = re.compile(r"^(?:#[^\s#]{1,24}#?\s*){2,}$")


def hashtags(text: str) -> bool:
    return "#" in text and bool(_HASHTAGS.match(text))


# A player's position and length under a label in brackets (【视频播放】 00:00 / 02:36).
_PLAYER = re.compile(r"^[【\[(][^】\])]{1,8}[】\])]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}$")


def player(text: str) -> bool:
    return "/" in text and bool(_PLAYER.match(text))


# A download link: a file's name with its size (1130912新闻稿.pdf (235 KB)). Without its size the
# line names a notice's attachment (附件：1.校园安全排查表.xls), which the notice's copies keep.
_FILE = re.compile(r"(?i)^(?:附件\s*\d*\s*[:.、]?\s*)?[^。!?,;:]{1,80}?\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|wps|ofd|ceb|zip|rar|7z)"
                   r"\s*\(\s*[\d.,]+\s*[KMG]?B\s*\)$")
# The heading of a box of such links; furniture only right above one (附件 over a paragraph heads
# the article's own appendix).
_FILES_HEAD = re.compile(r"^(?:相关附件|附件下载|下载附件|附件列表|相关文件|相关下载|附件)\s*:?$")


def attachment(text: str) -> bool:
    return text[-2:].upper() == "B)" and bool(_FILE.match(text))  # its size closes the line


def attachment_heads(texts: list[str], families: list[str]) -> None:
    """A box heading right above an attachment line is part of the box (family ``attachment``)."""
    for pos in range(len(texts) - 1):
        if not families[pos] and families[pos + 1] == "attachment" and _FILES_HEAD.match(texts[pos]):
            families[pos] = "attachment"


# A row of the pages of an article set over several, each with its title (第1页：外观设计 第2页：内饰空间):
# a pager whose items are named.
_PAGE_INDEX = re.compile(r"^(?:第\s*\d{1,2}\s*页\s*:\s*[^\s:]{1,16}\s*){2,}$")


def page_index(text: str) -> bool:
    return "页" in text and bool(_PAGE_INDEX.match(text))


# A picture viewer's prompt and counts (▲ 点击查看高清大图 共24张, 上一张 下一张, 查看原图): nothing but
# these items, arrows and separators; one of them speaks of pictures.
_GALLERY_ITEM = re.compile(r"(?:请)?(?:点击|点此)?(?:查看|浏览|进入)?(?:高清)?(?:大图|原图|组图|图集|高清图|全部图片)|共\s*\d+\s*[张幅]"
                           r"|上一张|下一张|上一组|下一组|\d+\s*/\s*\d+")
_GALLERY_REST = re.compile(r"[\s▲△▼↑↓<>|/\-·()\[\]【】]*")


_GALLERY_SIGN = re.compile(r"大图|原图|组图|图集|高清图|全部图片|\d\s*[张幅]|上一张|下一张")


def gallery(text: str) -> bool:
    if len(text) > 40 or not _GALLERY_SIGN.search(text):
        return False
    rest, items = _GALLERY_ITEM.subn(" ", text)
    return items >= 1 and bool(_GALLERY_REST.fullmatch(rest))


# A search box's placeholder listing what may be searched (搜索电影、电视剧、综艺、影人; 请输入关键词):
# three kinds at least, or a call to type a keyword.
_SEARCH = re.compile(r"^(?:搜索|搜寻|查找|站内搜索)\s*(?:[\u3400-\u9fffA-Za-z]{1,6}\s*[、/|]\s*){2,}[\u3400-\u9fffA-Za-z]{1,6}$"
                     r"|^(?:请)?输入(?:关键词|关键字|搜索词|搜索内容|您要搜索的内容)(?:搜索|查询)?$")


def search_box(text: str) -> bool:
    return len(text) <= 40 and ("搜" in text or "输入" in text or "查找" in text) and bool(_SEARCH.match(text))


def related_link_pattern(headings: list[str]) -> re.Pattern:
    """A recommended-reading heading with one link's title after its colon, on one line
    (推荐阅读：7月新能源车销量出炉：多家新势力创新高), from the lexicon's recommended-reading headings."""
    words = "|".join(re.escape(w) for w in sorted(set(headings), key=len, reverse=True))
    return re.compile(rf"^[【\[]?(?:{words})[】\]]?\s*[:|]\s*(\S[^。!?]{{3,45}})$")


_BOOKS = re.compile(r"^(?:《[^》]+》[\s、,]*)+$")  # an article's own reading list names books (推荐阅读：《红楼梦》)


def related_links(texts: list[str], families: list[str], prose: list[bool], pattern: re.Pattern) -> list[int]:
    """Positions of the related stories' links set on one line with their heading, with article
    prose (or nothing) right under them: a link between two paragraphs splits nothing, and its
    title ends no sentence. Not a list of books (an article's own reading list), and not the
    first link of a box whose other links follow (延伸阅读：标题 over more titles: ``boxes.py``
    and the rule ``common/related`` read the whole box)."""
    out = []
    for pos, text in enumerate(texts):
        if families[pos] or not (":" in text or "|" in text):
            continue
        m = pattern.match(text)
        if m and not _BOOKS.match(m.group(1)) and (pos + 1 == len(texts) or prose[pos + 1]):
            out.append(pos)
    return out


# A table of contents: its heading (目录, 文章目录, 本文目录, Contents), then two or more entries, each a
# section heading the page repeats further down (1 历史沿革 … 历史沿革): the repeat is the evidence,
# not the words. Its number and an edit link (历史沿革[编辑]) aside.
_CONTENTS_HEAD = re.compile(r"(?i)^(?:目\s*录|文章目录|本文目录|内容目录|页面目录|contents|table of contents)\s*:?$")
_ENTRY_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.、]?|[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节])\s*")
_EDIT_LINK = re.compile(r"\s*\[\s*编辑\s*\]$")
CONTENTS_ENTRY_MAX = 30  # characters of a table of contents' entry
CONTENTS_MIN = 2  # entries under the heading


def _entry(text: str) -> str:
    return _EDIT_LINK.sub("", _ENTRY_NUMBER.sub("", text)).strip()


def contents(texts: list[str], families: list[str]) -> list[int]:
    """Positions of a table of contents' heading and entries: the heading alone on its line, then
    ``CONTENTS_MIN`` or more short lines without a sentence end, each repeated (its number and an
    edit link aside) by a line further down the page, the section it points to. Read only on a
    page with such a heading."""
    out: list[int] = []
    for pos, text in enumerate(texts):
        if families[pos] or not _CONTENTS_HEAD.match(text):
            continue
        entries = [_entry(t) for t in texts]
        run = []
        for k in range(pos + 1, len(texts)):
            entry = entries[k]
            numbered = entry != texts[k]
            if (len(texts[k]) > CONTENTS_ENTRY_MAX or not entry or not (numbered or _HEADING_LIKE.match(entry))
                    or _CLAUSE.search(entry) or entry not in entries[k + 1 :]):
                break
            run.append(k)
        if len(run) >= CONTENTS_MIN:
            out += [pos] + run
    return out


_HEADING_LIKE = re.compile(r"^[\u3400-\u9fffA-Za-z]")  # an entry without a number is a heading's words


# A box's label in brackets, then its links split by bars (【游戏专区】山海异闻录 | 攻略 | 资料库 | 哈拉版):
# a channel's menu, wherever it stands; no clause, no sentence end.
_LABELLED_MENU = re.compile(r"^【[^】]{2,8}】\s*[^|]{1,12}(?:\s*\|\s*[^|]{1,8}){2,}$")


def labelled_menu(text: str) -> bool:
    return text.startswith("【") and "|" in text and len(text) <= 60 and not _CLAUSE.search(text) and bool(_LABELLED_MENU.match(text))
