"""Pages of several entries (a blog page, a forum page), one of which is the article.

An old blog's page shows its latest posts one under the other, each opened by a header line: a
title and a timestamp (``标题 2005-03-18 01:58:01``), or a title over a stamp line (``发表于
2005-03-18 01:58 | 阅读(12)``). The page's ``<title>`` names the one post the page is about; the
others are furniture of that page. Entry headers of one page share a form (the skeleton of their
stamp, ``lists.skeleton``), which an article's own dated lines do not.

Without the page's title nothing is dropped: which entry is the article is then a guess, and
losing article text is worse than keeping furniture. With it, the entries of the headers'
form whose title is not the page's go, from their header to the next header; only when exactly
one header matches the title (``title_match``), and not when every header is of one day: those
are one story's updates (a live report), not a blog's posts. Many blogs title every page with the
blog's name or host (``海姑娘 | blog.wenxuecity.com``): then no header is named, and on such a page
(``site_title``) the first entry, the latest post, is the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from cleaner.furniture.features import Line, prose_line
from cleaner.furniture.lists import skeleton

MIN_TITLE, MAX_TITLE = 2, 40  # characters of a header's title
MIN_MATCH = 3  # characters of a title found in the page's title (or the whole of one of its parts)
MAX_STAMP_LINE = 60  # characters: a stamp line under a title is short
# A date is a year with its month and day: a year alone is a headline's word (2024年半年度报告).
_CUT = re.compile(r"(19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}.*$|(?<![\d./-])(0?[1-9]|1[0-2])[-/](0?[1-9]|[12]\d|3[01])\s+\d{1,2}:\d{2}.*$")
_CLAUSE = re.compile(r"[。,，;；!?、]")  # a title holds no clauses (NFKC: fullwidth marks are ASCII)
_NOT_WORD = re.compile(r"[\W_]+")
_TITLE_PARTS = re.compile(r"\s*(?:[-_|·—–]+|::|>>|»)\s*")  # "标题 - 博客名 - 网站"


def without_stamp(text: str) -> str:
    """A header's title: the line without its date and time and what follows them."""
    return _CUT.sub("", text).strip()


def _stamped(f: dict[str, float]) -> bool:
    return bool(f["date"] and f["time"] and not f["final_punct"])


def headers(lines: Sequence[Line]) -> list[tuple[int, str, str]]:
    """(position, title, form) of each entry header: a line with a title and a stamp, or a title
    line over a short stamp line. ``form``: the skeleton of the stamp (its line's skeleton)."""
    out = []
    under = -1  # the stamp line under the last title: part of that header, no header itself
    for pos, line in enumerate(lines):
        f = line.features
        if f["final_punct"] or pos == under:
            continue
        if _stamped(f):
            title = without_stamp(line.text)
            if MIN_TITLE <= len(_NOT_WORD.sub("", title)) <= MAX_TITLE and not _CLAUSE.search(title):
                out.append((pos, title, skeleton(line.text[len(title):])))
        elif (pos + 1 < len(lines) and not _CLAUSE.search(line.text) and MIN_TITLE <= len(_NOT_WORD.sub("", line.text)) <= MAX_TITLE and not f["date"]
              and _stamped(lines[pos + 1].features) and len(lines[pos + 1].text) <= MAX_STAMP_LINE):
            out.append((pos, line.text, skeleton(lines[pos + 1].text)))
            under = pos + 1
    return out


def title_words(text: str) -> str:
    """The text's words alone, as titles are compared: NFKC, no spaces, punctuation or separators."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def title_parts(title: str) -> list[str]:
    """The words of each part of a page's title (split at -, _, |, ·, ::, >>, »), empty parts left out."""
    return [p for p in (_NOT_WORD.sub("", p) for p in _TITLE_PARTS.split(unicodedata.normalize("NFKC", title))) if p]


def title_match(header_title: str, page_title: str) -> bool:
    """The header's title is the page's: it is one of the page title's parts (``标题 - 某某的博客 -
    博客网``), or one of the two holds the other and is at least half its length, words only
    (``【原创】标题``). A part inside a much longer line (the site's name in a breadcrumb) is no match."""
    core = _NOT_WORD.sub("", unicodedata.normalize("NFKC", header_title))
    parts = [_NOT_WORD.sub("", p) for p in _TITLE_PARTS.split(unicodedata.normalize("NFKC", page_title))]
    if not core:
        return False
    if core in parts:
        return True
    for part in parts:
        short, long = sorted((core, part), key=len)
        if len(short) >= MIN_MATCH and short in long and 2 * len(short) >= len(long):
            return True
    return False


def other_entries(lines: Sequence[Line], page_title: str | None, min_prose: int) -> list[int]:
    """Positions of the lines of the entries that are not the page's article; [] when the page
    has no title, fewer than two headers of one form, not exactly one header matching it, or
    when the matching entry holds less than ``min_prose`` characters of prose: then the headers
    are rows of a list (one of which names the page), not entries. Pages whose entries close
    with a stamp row instead are read by ``posts.py``. When no entry is named and the title is
    the blog's name (``site_title``), the first entry is the article (among headers of distinct
    titles)."""
    if not page_title:
        return []
    found = headers(lines)
    by_form: dict[str, list[tuple[int, str]]] = {}
    for pos, title, form in found:
        by_form.setdefault(form, []).append((pos, title))
    named = _header_entries(lines, by_form, page_title, min_prose, False)
    if named or not site_title(page_title):
        return named
    return _header_entries(lines, by_form, page_title, min_prose, True)


def _header_entries(lines: Sequence[Line], by_form: dict[str, list[tuple[int, str]]], page_title: str, min_prose: int,
                    first: bool) -> list[int]:
    """``other_entries`` for entries opened by a header: the one the title names, or the first
    (``first``; only among headers of distinct titles: a byline stamp repeated under every post,
    ``由某某张贴 @ …``, is no header)."""
    for group in by_form.values():
        if len(group) < 2:
            continue
        if first:
            chosen = [0] if len({title for _, title in group}) == len(group) else []
        else:
            chosen = [k for k, (_, title) in enumerate(group) if title_match(title, page_title)]
        if len(chosen) != 1:
            continue
        start = group[chosen[0]][0]
        end = group[chosen[0] + 1][0] if chosen[0] + 1 < len(group) else len(lines)
        if sum(len(line.text) for line in lines[start:end] if prose_line(line)) < min_prose:
            continue
        if len({_day(lines, pos) for pos, _ in group}) == 1:
            continue  # every entry of one day: one story's updates (a live report), not a blog's posts
        out: list[int] = []
        for k, (pos, _) in enumerate(group):
            if k != chosen[0]:
                end = group[k + 1][0] if k + 1 < len(group) else len(lines)
                out.extend(range(pos, end))
        return out
    return []


# A title that names a blog or a forum, not a post: a part that is a host name, or a short part
# ending in a word a blog or forum calls itself by ("海姑娘 | blog.wenxuecity.com", "海边小屋的博客",
# "小王的空间"). Ending, and short: a headline holds the words too (博鳌亚洲论坛2024年年会综述,
# 中国空间站, 社区团购), and 日志 and 空间 name a blog only as someone's (的日志, 的空间).
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_SITE_WORDS = re.compile(r"(?:博客|部落格|网志|的日志|的空间|博客网|论坛|社区|(?i:blog|bbs|forum))$")
SITE_PART_MAX = 12  # characters of a title part that names a site


def site_title(page_title: str) -> bool:
    """Whether the page's title names the blog or forum rather than a post: a page of several
    entries titled so is the blog's own page, whose first entry is its latest post (the one the
    page was kept for), as a thread's first post is the thread's."""
    parts = [p for p in _TITLE_PARTS.split(unicodedata.normalize("NFKC", page_title).strip()) if p]
    return any(_HOST.match(p) or (len(p) <= SITE_PART_MAX and _SITE_WORDS.search(p)) for p in parts)


_DAY = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|(?<![\d./-])(\d{1,2})[-/](\d{1,2})\s+\d{1,2}:\d{2}")


def _day(lines: Sequence[Line], pos: int) -> tuple[int, int] | None:
    """(month, day) of a header's stamp, on its line or the stamp line under it."""
    for line in lines[pos : pos + 2]:
        m = _DAY.search(line.text)
        if m:
            month, day = (m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5))
            return int(month), int(day)
    return None
