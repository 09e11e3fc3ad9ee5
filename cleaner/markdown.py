"""A page that arrives as Markdown (html2text, a reader tool's dump) as the text its HTML gives.

Why: crawls hand over pages already turned into text by html2text, trafilatura's Markdown output,
jina reader (``Title:`` / ``URL Source:`` / ``Markdown Content:`` then Markdown), readability,
pandoc or Firecrawl. Their syntax is the page's layout written out, as tags are an HTML page's:
a row of links is ``[首页](/)|[新闻](/news/)``, which the furniture model reads as a line of prose
with addresses in it, not as the link row the HTML page showed. Taken as it stands, such a dump
kept ten times the furniture of the same page's HTML (benchmarks/markdown_pages.py). So the syntax
goes the way the HTML path's extraction takes the tags (cleaner/io/html.py: visible text, one
block a line, no bullets, no picture's alt text): a link keeps the text it shows, its address
goes; pictures and reference definitions go; emphasis marks go; a heading is its line; a table
row is its cells on one line; a reader's header lines go into ``meta`` as an HTML page's
``<title>`` and ``<meta>`` do (``reader_header``).

Square brackets, asterisks and underscores mean much else in Chinese text (``[1]`` references,
``a*b`` in quoted code, ``snake_case`` names), so a text is taken for Markdown only when its
syntax is dense and of the kinds no article writes by hand (``looks_like_markdown``): several
links or pictures with addresses, and more Markdown lines besides. A text that is not is returned
as it is, every character.
"""

from __future__ import annotations

import re

from cleaner import hardwrap

# A link's or picture's address: one level of parentheses (Wikipedia's ``_(film)``) or an
# unclosed one (``javascript:ask(``), spaces only before more of it (``javascript: void(0);``), an
# optional title ("...", '...' or (...)). A wrapper that cuts lines at a width may cut the address,
# or the text, or between ``]`` and ``(``: a single line break is allowed there.
_TARGET = r"\(\s*(?:[^\s()]|\n(?!\n)|\([^\s()]*\)|\((?![^\s()]*\))|[ \t]+(?=[^\s\"'()]))*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
# A link's text: no brackets but a nested pair ([[1]](#note)); line breaks, even a blank line (a
# converter that kept the page source's line breaks inside an <a>), up to LINK_TEXT_MAX characters.
LINK_TEXT_MAX = 300
LINK_DEPTH = 3  # links in links' text read
_TEXT = r"\[((?:[^\[\]]|\[[^\[\]\n]*\]){0,%d})\]" % LINK_TEXT_MAX
_IMAGE = re.compile(r"!\n?" + _TEXT + r"\n?" + _TARGET)
_LINK = re.compile(_TEXT + r"\n?" + _TARGET)
# A reference link [text][label] or [text][]; its label is defined on a line of its own.
_REF_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\[([^\[\]\n]*)\]")
_REF_DEF = re.compile(r"^ {0,3}\[([^\[\]\n]+)\]:[ \t]*<?\S+>?(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$", re.M)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+|[\w.+-]+@[\w-]+\.[\w.-]+)>")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|(?=\S))(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_H1 = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$|^ {0,3}(\S.*)\n {0,3}=+[ \t]*$", re.M)
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)[*+\-][ \t]+(?=\S)", re.M)
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+", re.M)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# Emphasis: ** and __ (strong), ~~ (struck), and single * or _ hugging their text, each pair on
# one line with no mark of its kind inside and at most EMPHASIS_CHARS between (a bounded search:
# an unclosed mark on a long line costs EMPHASIS_CHARS, not the rest of the line). An underscore
# between ASCII letters or digits (snake_case) is no emphasis, nor a * between spaces (a * b);
# beside a Han character (强调_和) a mark is one: Chinese has no word spaces to put around it. But
# asterisks are also what sites mask names and numbers with (王**，138****5678, 张*三、赵*四): a
# run of three or more is no mark, ** before a closing sign or after an opening one is none, and
# a single * beside Han takes two characters or more and no sign between it (_single_star).
EMPHASIS_CHARS = 200
_STRONG = re.compile(rf"(?<!\*)\*\*(?![\s*，。、；：！？）」』”’])([^*\n]{{1,{EMPHASIS_CHARS}}}?)(?<![\s*（「『“‘\\])\*\*(?!\*)"
                     rf"|(?<!~)~~(?![\s~])([^~\n]{{1,{EMPHASIS_CHARS}}}?)(?<![\s~])~~(?!~)")
_STRONG_UNDER = re.compile(rf"(?<![A-Za-z0-9\\_])__(?=[^\s_])([^_\n]{{1,{EMPHASIS_CHARS}}}?)(?<=[^\s_\\])__(?![A-Za-z0-9_])")
_EM_STAR = re.compile(rf"(?<![A-Za-z0-9*\\])\*(?=[^\s*])([^*\n]{{1,{EMPHASIS_CHARS}}}?)(?<=[^\s*\\])\*(?![A-Za-z0-9*])")
_EM_UNDER = re.compile(rf"(?<![A-Za-z0-9\\])_(?=[^\s_])([^_\n]{{1,{EMPHASIS_CHARS}}}?)(?<=[^\s_\\])_(?![A-Za-z0-9])")
_WORDS = re.compile(r"\w{2,}")


def _single_star(m: re.Match) -> str:
    """A single-* pair's text, unless it is a mask: beside a Han character (张*三) the pair must hold
    one word of two characters or more."""
    text, start, end = m.string, m.start(), m.end()
    beside = (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())
    return m.group(1) if not beside or _WORDS.fullmatch(m.group(1)) else m.group(0)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
_BREAKS = re.compile(r"[ \t]*\n[ \t\n]*")
_WRAPPED = re.compile(f"(?<=[{_WIDE}])\n(?=[{_WIDE}])")

# A jina reader dump's header: these lines, then "Markdown Content:" and the page.
_READER_KEYS = {"title": "title", "url source": "url", "published time": "date", "description": "description"}
_READER_LINE = re.compile(r"^(Title|URL Source|Published Time|Description|Warning|Number of Pages):[ \t]*(.*)$")
_READER_BODY = "Markdown Content:"
READER_HEAD_LINES = 30  # the header stands within the first lines

# What makes a text Markdown: links and pictures with addresses (no article types them), then
# the other syntax. Counted over lines, so a long article quoting one link stays prose.
MIN_LINKS = 3  # links, pictures or reference definitions with an address
MIN_SIGNS = 6  # Markdown constructs in all (links counted again)
SIGN_SHARE = 0.05  # of the non-blank lines: share holding one, unless there are MANY_LINKS
MANY_LINKS = 10  # links with addresses: a page's link rows, whatever the length of its article

_URLISH = re.compile(r"\]\n?\(\s*<?(?:https?:|ftp:|mailto:|/|\.{1,2}/|#|www\.|[\w%~-]+(?:[./?#=&]|\)))")
_SIGN_LINE = re.compile(r"^ {0,3}(?:#{1,6}[ \t]|[*+\-][ \t]+\S|\|.*\||>[ \t]?|```|(?:[-*_][ \t]*){3,}$)|\*\*\S|!\[|\]\(|\]\[", re.M)


def reader_header(text: str) -> dict[str, str]:
    """The fields of a reader tool's header (jina reader: ``Title:``, ``URL Source:``,
    ``Published Time:`` over ``Markdown Content:``), as ``meta`` keys (title, url, date,
    description); empty when the text has no such header.

    >>> reader_header("Title: 标题\\n\\nURL Source: https://x.cn/a\\n\\nMarkdown Content:\\n正文")
    {'title': '标题', 'url': 'https://x.cn/a'}
    """
    if _READER_BODY not in text[:8192]:
        return {}
    found: dict[str, str] = {}
    for line in text.split("\n", READER_HEAD_LINES)[:READER_HEAD_LINES]:
        line = line.strip()
        if line == _READER_BODY:
            return found
        m = _READER_LINE.match(line)
        if m is None:
            if line:
                return {}  # prose before the body's marker: not a reader's header
            continue
        key = _READER_KEYS.get(m.group(1).lower())
        if key and m.group(2).strip():
            found.setdefault(key, " ".join(m.group(2).split()))
    return {}


def page_meta(text: str) -> dict[str, str]:
    """What a Markdown dump says of its page, as ``meta`` keys: a reader's header
    (``reader_header``), or else the title its first level-one heading gives (``# 标题``, or
    ``标题`` over ``===``), which names the article as an HTML page's ``<title>`` does.

    >>> page_meta("[首页](/)|[新闻](/news/)|[体育](/sports/)\\n\\n# 标题\\n\\n正文。\\n\\n* [更多](/more/)")
    {'title': '标题'}
    """
    header = reader_header(text)
    if header or not looks_like_markdown(text):
        return header
    for m in _H1.finditer(_join_cut_lines(_strip_header(text))):
        # A logo's picture is no title (# ![](logo.png)): the first heading that shows text.
        title = " ".join(_line(_links(_IMAGE.sub("", m.group(1) or m.group(2)))).split())
        if title:
            return {"title": title}
    return {}


def _strip_header(text: str) -> str:
    """The text without a reader's header: every line before ``Markdown Content:`` a field."""
    at = text.find(_READER_BODY, 0, 8192)
    if at < 0 or (at and text[at - 1] != "\n"):
        return text
    if any(line.strip() and not _READER_LINE.match(line.strip()) for line in text[:at].split("\n")):
        return text
    return text[at + len(_READER_BODY):].lstrip("\n")


def looks_like_markdown(text: str) -> bool:
    """Is ``text`` a Markdown dump of a page, by the density of its syntax? A reader's header says
    so; otherwise at least ``MIN_LINKS`` links or pictures with an address (or reference
    definitions), ``MIN_SIGNS`` constructs in all, on ``SIGN_SHARE`` of the lines (or
    ``MANY_LINKS`` links, on a page of any length).

    >>> looks_like_markdown("见[1]，a*b*c，[链接](http://x.cn)。\\n" * 2)
    False
    >>> looks_like_markdown("[首页](/)|[新闻](/news/)|[体育](/sports/)\\n\\n## 标题\\n\\n正文。\\n\\n* [更多](/more/)")
    True
    """
    if "](" not in text and "]:" not in text and _READER_BODY not in text[:8192]:
        return False  # nearly every text: one search or three, no line counted
    if reader_header(text):
        return True
    links = len(_URLISH.findall(text)) + len(_REF_DEF.findall(text))
    if links < MIN_LINKS:
        return False
    if sum(1 for _ in _SIGN_LINE.finditer(text)) < MIN_SIGNS:
        return False
    if links >= MANY_LINKS:
        return True
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(1 for line in lines if _SIGN_LINE.search(line)) >= SIGN_SHARE * len(lines)


def strip_markdown(text: str) -> str:
    """A Markdown dump's text as an HTML extraction of the page gives it; any other text as it is.

    >>> print(strip_markdown("[首页](/)|[新闻](/news/)|[体育](/sports/)\\n\\n## 标题\\n\\n"
    ...                      "![](/logo.gif)**正文**第一段。\\n\\n* [更多](/more/ \\"更多\\")"))
    首页|新闻|体育
    <BLANKLINE>
    标题
    <BLANKLINE>
    正文第一段。
    <BLANKLINE>
    更多
    """
    if not looks_like_markdown(text):
        return text
    text = _join_cut_lines(_strip_header(text))
    labels = {m.group(1).strip().lower() for m in _REF_DEF.finditer(text)}
    out: list[str] = []
    fenced: str | None = None  # the fence that opened a code block, whose lines stay as they are
    pending: list[str] = []
    for line in text.split("\n"):
        fence = _FENCE.match(line)
        if fenced is not None:
            if fence and fence.group(1) == fenced:
                fenced = None
            else:
                out.append(line)
            continue
        if fence:
            out.append(_inline("\n".join(pending), labels))
            pending = []
            fenced = fence.group(1)
            continue
        pending.append(line)
    out.append(_inline("\n".join(pending), labels))
    return "\n".join(out)


# A dump maker that cuts every line at a width (html2text's body width, 78) cuts inside a
# paragraph, a link's address or a list item alike: its full lines are of one width W exactly (a
# wrapper at word breaks leaves them ragged, shorter by a word). Full lines, within SLACK of W in
# one of hardwrap's measures, must be CUT_SHARE of the lines longer than W/2, and MIN_FULL
# different lines be of W exactly.
CUT_SHARE = 0.25
_BLOCK_START = re.compile(r" {0,3}(?:#{1,6}[ \t]|[*+\-][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~)")


def _join_cut_lines(text: str) -> str:
    """A dump cut at a width with each full line joined to the next, as it stood before the cut,
    unless the next is blank or opens a block (a heading, a list item, a quote, a table row)."""
    lines = text.split("\n")
    if len(lines) < hardwrap.MIN_FULL:
        return text
    for measure in hardwrap.MEASURES:
        sizes = [measure(line) for line in lines]
        width = max(sizes)
        if width < hardwrap.MIN_WIDTH:
            continue
        full = [size >= width - hardwrap.SLACK for size in sizes]
        exact = len({line for line, size in zip(lines, sizes, strict=True) if size == width})  # a repeated line is one
        long = sum(1 for size in sizes if size >= width // 2)
        if exact >= hardwrap.MIN_FULL and sum(full) >= max(hardwrap.MIN_FULL, CUT_SHARE * long):
            break
    else:
        return text
    out = [lines[0]]
    for k in range(1, len(lines)):
        line = lines[k]
        if full[k - 1] and line.strip() and not _BLOCK_START.match(line):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _inline(block: str, labels: set[str]) -> str:
    """Markdown outside code blocks: the link structure first (it may span a wrapped line), then
    line by line."""
    if not block:
        return block
    block = _REF_DEF.sub("", block)
    block = _IMAGE.sub("", block)
    block = _IMAGE.sub("", block)  # a picture in a picture's link text: [![](a.gif)](b.html)
    for _ in range(LINK_DEPTH):  # a link in a link's text ([[地铁](/a)](/a), nested <a>): inner first
        linked = _links(block)
        if linked == block:
            break
        block = linked
    if labels:
        block = _REF_LINK.sub(lambda m: m.group(1) if (m.group(2) or m.group(1)).strip().lower() in labels else m.group(), block)
    block = _AUTOLINK.sub(r"\1", block)
    lines = block.split("\n")
    out = []
    for k, line in enumerate(lines):
        if _RULE.match(line) or "|" in line and _TABLE_RULE.match(line) or _SETEXT.match(line) and _setext_under(lines, k):
            continue  # a rule, a table's rule under its head row, a heading's underline
        out.append(_line(line))
    return "\n".join(out)


def _setext_under(lines: list[str], k: int) -> bool:
    return k > 0 and bool(lines[k - 1].strip()) and not _TABLE_ROW.match(lines[k - 1])


def _links(block: str) -> str:
    """Each link as the text it shows, its line breaks gone (a wrapper's). Links side by side
    (nothing between them, or a link that shows nothing) are kept apart by one space, as the
    items of a link row stand apart on the page."""
    out: list[str] = []
    last = 0
    joined = False  # does the output end with a link's text, nothing after it yet?
    for m in _LINK.finditer(block):
        between = block[last:m.start()]
        shown = _WRAPPED.sub("", _BREAKS.sub("\n", m.group(1))).replace("\n", " ").strip()
        if between:
            out.append(between)
            joined = False
        if shown:
            out.append((" " if joined else "") + shown)
            joined = True
        last = m.end()
    out.append(block[last:])
    return "".join(out)


def _line(line: str) -> str:
    """One line's own syntax: heading, quote, bullet, table cells, emphasis, escapes."""
    line = _HEADING.sub(r"\1", line)
    line = _QUOTE.sub("", line)
    line = _BULLET.sub(r"\1", line)
    if _TABLE_ROW.match(line):
        line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|") if cell.strip())
    pieces = _CODE_SPAN.split(line)  # code spans keep their text as written
    out = []
    k = 0
    while k < len(pieces):
        piece = pieces[k]
        piece = _STRONG.sub(r"\1\2", piece)
        piece = _STRONG_UNDER.sub(r"\1", piece)
        piece = _EM_STAR.sub(_single_star, piece)
        piece = _EM_UNDER.sub(r"\1", piece)
        out.append(_ESCAPE.sub(r"\1", piece))
        if k + 2 < len(pieces):
            out.append(pieces[k + 2])
        k += 3
    return "".join(out).strip() if line.strip() else ""
