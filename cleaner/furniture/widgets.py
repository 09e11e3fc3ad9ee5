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


def advert_patterns(labels: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """(a line that is advert labels alone, a line opening with a Chinese label and a space or a
    bar, then the advert's words) from the lexicon's ``adverts`` (folded, NFKC)."""
    words = "|".join(re.escape(w) for w in sorted(set(labels), key=len, reverse=True))
    han = "|".join(re.escape(w) for w in sorted({w for w in labels if re.search(r"[\u3400-\u9fff]", w)}, key=len, reverse=True))
    alone = re.compile(rf"(?i)^{_DECOR}(?:{words})(?:{_DECOR}(?:{words}))*{_DECOR}$")
    led = re.compile(rf"^[【\[(]?(?:{han})[】\])]?(?:\s*[|:]\s*|\s+)(\S.*)$")
    return alone, led


def advert(text: str, alone: re.Pattern, led: re.Pattern) -> bool:
    """An advert's label alone (广告, —— 广告 ——, ADVERTISEMENT 广告), or a Chinese label opening a
    short advert (广告 车行天下金融 低首付 0利息 立即申请: no clause, no sentence end)."""
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
    return "." in text and bool(_FILE.match(text))


def attachment_heads(texts: list[str], families: list[str]) -> None:
    """A box heading right above an attachment line is part of the box (family ``attachment``)."""
    for pos in range(len(texts) - 1):
        if not families[pos] and families[pos + 1] == "attachment" and _FILES_HEAD.match(texts[pos]):
            families[pos] = "attachment"
