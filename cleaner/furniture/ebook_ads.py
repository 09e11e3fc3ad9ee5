"""The download site's ads in an e-book TXT: furniture wherever they stand in the book.

A novel saved from a download site carries the site's ads around and inside its chapters: a
header (本书由【书香门第】会员整理，更多TXT小说下载尽在 www.…), lines between chapters (最新章节请到
www.… 免费下载), a closing rule and ad (更多精彩好书，更多原创TXT手机电子书 … 请登陆 www.…). The
generic model judges a line by where it stands on a web page; an e-book has no page around its
chapters, and an ad in mid-chapter or at the end reads as one more line of the book.

Evidence, in a text that is a book (a chapter heading, 第一章, 第12回, stands in it, or the site's
ad of its books):
- an ad: a line of at most ``AD_MAX`` characters naming a site (a domain, www.…, ….com) with a
  word of books (TXT, 电子书, 小说, 章节 ...), or a short one with download words (下载请到 www.…),
  and no sentence ended: the book's own sentences that name a site end as sentences;
- a piece of a wrapped ad: the line next to an ad (removed already or not) that is a bare
  domain, after its key or not (g123.com, 网址：m.xxx.la) or holds the ad's words and ends no sentence (… TXT格式电子 | 书下载 请登陆 www.…),
  or the rest of an ad's sentence under an ad that ends on a comma;
- the drawn rule that sets an ad apart (---- above the closing ad).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

AD_MAX = 120  # characters: an ad is a line or two; a paragraph naming a site is the book's
SHORT_AD = 40  # characters: a pointer to the site (下载请到 www.…), no sentence of the book
# A mobile site is m.name.tld: m.name alone is a file's name (Aqua M.txt).
_DOMAIN = re.compile(r"(?i)(?<![a-z0-9])(?:www|wap)\.|(?<![a-z0-9.])m\.[a-z0-9-]+\.[a-z]|[a-z0-9-]{2,}\.(?:com|net|org|cc|la|cn|info|me|tw|co|in|tv|vip|xyz|top)\b")
_BARE_DOMAIN = re.compile(r"(?i)\s*(?:[\u4e00-\u9fff]{0,4}\s*[:：]\s*)?(?:https?://)?[a-z0-9.-]*[a-z0-9-]+\.(?:com|net|org|cc|la|cn|info|me|tw|co|in|tv|vip|xyz|top)\S*\s*")
# Words of books and their sites: beside a domain they make a line the site's ad (下载 alone does
# not: a regulation's 可通过 www.….gov.cn 下载办事指南 is its own text). A file's extension
# (名字.txt, in a log's line) is no word of the site's TXT books.
_BOOK_WORDS = re.compile(r"(?i)(?<!\.)txt|电子书|小说|好书|书友|书城|书屋|书香|书苑|书库|本书|章节|首发|整理|上传|全本|书签|本站|手机版")
# What a piece of a wrapped ad holds besides: its download and reading words.
_PIECE_WORDS = re.compile(r"(?i)(?<!\.)txt|电子书|小说|好书|书友|书城|书屋|书香|书苑|书库|本书|章节|首发|整理|上传|全本|书签|本站|手机版|下载|阅读|免费|收藏")
_UNFINISHED = re.compile(r"[，、,；;：:]\s*$")
_CHAPTER = re.compile(r"^\s*(?:正文\s*)?第[一二三四五六七八九十百千零〇两\d]+[章回节卷集部]")
_RULE = re.compile(r"\s*([-_=*~─━—+#])(?:\s*\1){2,}\s*")
_SENTENCE_END = re.compile(r"[。！？!?”」』][\s”」』]*$")


def book(texts: Sequence[str]) -> bool:
    """A book: a text holding a chapter heading line (its chapters are what the ads surround), or
    the download site's own ad of books (a domain with book words: TXT电子书, 本书由…整理)."""
    return any(_CHAPTER.match(t) or (ad(t) and _BOOK_WORDS.search(t)) for t in texts)


def ad(text: str) -> bool:
    """No sentence ended (the book's sentences that name a site end as sentences): a domain with
    book words (本书来自… www.…, TXT电子书), or a short line with a domain and download words
    (下载请到 www.…)."""
    # Every form of _DOMAIN holds a dot: most lines hold none and are answered without the search.
    if len(text.strip()) > AD_MAX or "." not in text or not _DOMAIN.search(text) or _SENTENCE_END.search(text):
        return False
    if _BOOK_WORDS.search(text):
        return True
    return len(text.strip()) <= SHORT_AD and bool(_PIECE_WORDS.search(text))


def _piece(text: str) -> bool:
    """Half of a wrapped ad: a bare domain, or the ad's words with no sentence ended."""
    if _BARE_DOMAIN.fullmatch(text):
        return True
    if text.lstrip().startswith("《"):
        return False  # the book's title (《书名》全集): no ad begins with it without naming the site
    return len(text.strip()) <= AD_MAX and bool(_PIECE_WORDS.search(text)) and not _SENTENCE_END.search(text) \
        and not _CHAPTER.match(text)


def _rest(text: str, above: str) -> bool:
    """The rest of an ad's sentence under it: the ad ends on a comma, the line holds its words."""
    return bool(_UNFINISHED.search(above)) and len(text.strip()) <= AD_MAX and bool(_PIECE_WORDS.search(text))


def ads(lines: Sequence[str], content: Sequence[int], gone: set[int]) -> list[int]:
    """Indices of the ad lines, their wrapped pieces and the rules that set them apart, among
    ``content`` (the non-empty lines' indices, in order) of ``lines``, if the text is a book;
    ``gone``: lines already removed (a piece beside one was an ad's other half)."""
    if not book([lines[i] for i in content]):
        return []
    found = {i for i in content if i not in gone and ad(lines[i])}
    # An ad removed already (a line learned from the other books of a folder) anchors its pieces.
    anchors = found | {i for i in gone if ad(lines[i])}
    if not anchors:
        return []
    out = set(found)
    pieces = set(_beside(lines, content, anchors, lambda i: _piece(lines[i]) and i not in gone))
    pieces |= {content[k + 1] for k in range(len(content) - 1) if content[k] in anchors and content[k + 1] not in gone
               and _rest(lines[content[k + 1]], lines[content[k]])}
    rules = _beside(lines, content, anchors | pieces, lambda i: bool(_RULE.fullmatch(lines[i])) and i not in gone)
    return sorted(out | pieces | set(rules))


def _beside(lines: Sequence[str], content: Sequence[int], anchors: set[int], test) -> list[int]:
    """The lines of ``content`` right above or below an anchor (no chapter heading) that pass ``test``."""
    out = []
    for k, i in enumerate(content):
        if i in anchors or _CHAPTER.match(lines[i]):
            continue
        if any(content[j] in anchors for j in (k - 1, k + 1) if 0 <= j < len(content)) and test(i):
            out.append(i)
    return out
