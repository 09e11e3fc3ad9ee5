"""Pages of several posts, each closed by a stamp row of one form: which post is the article.

A blog's index page shows its latest posts one under the other, each closed by the same row
(``由某某张贴 @ 2005-03-18 01:28:08 (369) 共 1 篇评论 发表评论 >>>``, ``阅读(215) | 评论(3) | 分享``,
``張貼者： 小林 於 上午8:12 ｜ 2 則留言``); a column's page, a forum thread or a news page lists other
pieces under the article, each a title, a summary of whole sentences and such a row
(``2024-02-26 · 阅读 2.1万``, ``老王头 | 2023-3-28 | 回复 42 | 查看 1893``). The summaries read as
prose and end their sentences, so neither the teaser form (``teasers.py``: excerpts cut short) nor
body finding tells them from the article. The rows do: a row of one form (``lists.skeleton``),
holding a date, a time or a post's counter word (``[portals] post_stamp`` in the lexicon), closing
two stretches of prose or more, is a post's stamp; an article's own dated lines do not recur in
one form under its paragraphs.

Which post is the article is read from the page's title (``entries.title_match``), never guessed:

- the title names a post (a short line of its head): the other posts go;
- the title names the blog (``entries.site_title``): the first post, the latest, is the article
  (what a blog's index page is kept for, as the dev set's hand copies keep it);
- the title names a headline above the first post, article prose stands between them, furniture
  (no prose) right above the first post, and every post is teaser-sized: the posts are the other
  pieces listed under the article, and all go.

Otherwise nothing goes (no title, or a title that names nothing): losing an article is worse
than keeping furniture. Posts all stamped on one day are one story's updates (a live report),
not a blog's posts, and stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.furniture.entries import site_title, title_match, without_stamp
from cleaner.furniture.lists import skeleton

MIN_POSTS = 2  # stamp rows of one form that make a page of posts
STAMP_MAX = 80  # characters of a stamp row
HEAD_MAX = 40  # characters of a head line (a title, a date line)
HEAD_REACH = 2  # head lines above a post's prose (a title and a date line)
TEASER_LINES = 3  # prose lines of a teaser's summary at most
TEASER_CHARS = 400  # characters of a teaser's summary at most
ARTICLE_MIN = 100  # characters of prose between a named headline and the first listed post
STAMP_GAP = 3  # lines between a post's last prose line and its stamp row (buttons, a link, a caption)

_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[。!?！？]")
# A numbered heading is a section of the article (一、上山, 第二天, (三)), not a post's title.
_SECTION = re.compile(r"^(?:第?[一二三四五六七八九十百零〇\d]+\s*[、.章节部篇回天:)]|\(\s*[一二三四五六七八九十\d]+\s*\))")
_DAY = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def other_posts(texts: Sequence[str], prose: Sequence[bool], title: str | None, stamp_words: re.Pattern) -> list[tuple[int, str]]:
    """(position, family) of the lines of the posts that are not the page's article
    (``other-post``), and of the article's own stamp row (``post-row``: a row of the form that
    is furniture under every post); [] when unsure.

    ``texts``: the live lines (folded, NFKC); ``prose``: which are article prose by their form;
    ``title``: the page's title (folded), if known; ``stamp_words``: a post stamp's words."""
    if not title:
        return []
    stamps = _stamp_rows(texts, prose, stamp_words)
    if len(stamps) < MIN_POSTS or _one_day(texts, stamps):
        return []
    heads = [_head(texts, prose, stamps[k - 1] if k else -1, stamp) for k, stamp in enumerate(stamps)]
    if 2 * sum(1 for start, body in heads[1:] if start == body) > len(heads) - 1:
        # Posts whose prose follows the last row at once: the rows open the posts (a stamp over
        # the text) rather than close them, and the posts would be cut one off.
        return []
    spans = [(heads[0][0], stamps[0])] + [(stamps[k - 1] + 1, stamps[k]) for k in range(1, len(stamps))]
    if not all(any(prose[start:end]) for start, end in spans):
        # A stretch without prose between two rows: rows of a programme or a timetable (第二场：
        # 12月11日下午3:45-5:45 over its list of talks), not posts.
        return []
    named = [k for k, (start, body) in enumerate(heads) if any(_names(texts[p], title) for p in range(start, body))]
    if len(named) == 1:
        article = named[0]
    elif not named and _listed_under_article(texts, prose, title, heads, stamps):
        # Asked before the site's name: a forum's or a blog's title carries the site's name
        # (…-乡土记忆-山城论坛) and the thread's headline both; a headline named above the posts,
        # with the article's prose between, says the posts are listed under it.
        article = -1
    elif not named and site_title(title):
        article = 0
    else:
        return []
    own = [(stamps[article], "post-row")] if article >= 0 else []
    return own + [(p, "other-post") for k, (start, end) in enumerate(spans) if k != article for p in range(start, end + 1)]


def _stamp_rows(texts: Sequence[str], prose: Sequence[bool], stamp_words: re.Pattern) -> list[int]:
    """Positions of the rows of the form (``lists.skeleton``) that closes most stretches of prose:
    short lines ending no sentence, holding a digit and a stamp word: who posted it, how often
    it was read or answered (a date or a time alone is a diary's, a chronicle's or a photo
    caption's own line: ``5月1日 晴``, ``10:20 更新``). A form
    closes posts when at least ``MIN_POSTS`` of its rows, and half of them, have prose right
    above (``STAMP_GAP`` lines, a button row such as [打印] or a download link, may stand between;
    a post may end in a line that is no prose), and at most half of the rows but the last have
    prose right below (a title with clauses reads as prose): rows with their posts' text right
    under them open the posts (dated headers), and reading them as closing rows would cut every
    post one off."""
    forms: dict[str, list[int]] = {}
    for pos, text in enumerate(texts):
        if len(text) > STAMP_MAX or prose[pos] or not _DIGIT.search(text) or _SENTENCE_END.search(text):
            continue
        if stamp_words.search(text):
            forms.setdefault(skeleton(text), []).append(pos)
    best: list[int] = []
    for rows in forms.values():
        closing = sum(1 for pos in rows if any(prose[max(pos - 1 - STAMP_GAP, 0) : pos]))
        opening = sum(1 for pos in rows[:-1] if prose[pos + 1])
        if closing >= MIN_POSTS and 2 * closing >= len(rows) and 2 * opening <= len(rows) - 1 and len(rows) > len(best):
            best = rows
    return best


def _head(texts: Sequence[str], prose: Sequence[bool], after: int, stamp: int) -> tuple[int, int]:
    """(first line of the post's head, first line of its prose) of the post closed by ``stamp``:
    the run of prose above the stamp, then up to ``HEAD_REACH`` short lines above that run (its
    title, its date), none above ``after`` (the last post's stamp) and no numbered section
    heading of an article (``_SECTION``). A post without prose is all head."""
    body = stamp - 1
    while body > after and not prose[body]:
        body -= 1  # a button row between prose and stamp
    if body == after:
        return after + 1, stamp
    while body - 1 > after and prose[body - 1]:
        body -= 1
    start = body
    while (start - 1 > after and body - start < HEAD_REACH and not prose[start - 1] and len(texts[start - 1]) <= HEAD_MAX
           and not _SECTION.match(texts[start - 1])):
        start -= 1
    return start, body


def _names(text: str, title: str) -> bool:
    """A head line that the page's title names."""
    return len(text) <= HEAD_MAX and not _SENTENCE_END.search(text) and title_match(without_stamp(text), title)


def _listed_under_article(texts: Sequence[str], prose: Sequence[bool], title: str, heads: list[tuple[int, int]],
                          stamps: list[int]) -> bool:
    """The posts are the other pieces listed under the article: the title names a headline above
    the first post's head, ``ARTICLE_MIN`` characters of prose stand between the two, a line that
    is no prose stands between the article's prose and the first post's title (the article has
    ended: a heading, a share row),
    and every post is a teaser (a head, a summary of ``TEASER_LINES`` lines at most, its stamp)."""
    first, body = heads[0]
    if first == 0 or (prose[first - 1] and body - first < 2):
        return False  # the article's prose runs on into the post's title: a section of the article
    headline = next((p for p in range(first - 1, -1, -1) if _names(texts[p], title)), None)
    if headline is None or sum(len(texts[p]) for p in range(headline, first) if prose[p]) < ARTICLE_MIN:
        return False
    for (start, body), stamp in zip(heads, stamps):
        summary = [p for p in range(body, stamp) if prose[p]]
        if start == body or len(summary) > TEASER_LINES or sum(len(texts[p]) for p in summary) > TEASER_CHARS:
            return False
    return True


def _one_day(texts: Sequence[str], stamps: list[int]) -> bool:
    """Every stamp row dated, all on one day: one story's updates, not a blog's posts."""
    # As numbers: 2024-3-2 and 2024-03-02 are one day.
    days = {tuple(int(g) for g in m.groups() if g) if (m := _DAY.search(texts[p])) else None for p in stamps}
    return len(days) == 1 and None not in days
