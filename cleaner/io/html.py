"""HTML bytes -> visible text, one paragraph a line, plus a few meta fields.

Why each step is here:

* Decoding is ours, not the parser's: Chinese pages often declare the wrong charset (``gb2312``
  for GBK text, ``utf-8`` over GBK bytes, an ISO-8859-1 server default over a right ``<meta>``).
  Valid UTF-8 is taken as UTF-8; a declared charset is trusted only if the bytes decode strictly
  with it; otherwise :func:`cleaner.io.decode.decode` detects the encoding. (Resiliparse's own
  decoding turned a GBK test page with a few broken bytes into Latin-1 mojibake, all of it.)
* Extraction uses Resiliparse's ``extract_plain_text`` on the full page (``main_content=False``):
  it was the best on recall, line structure and speed of the candidates measured by
  ``benchmarks/html_extractors.py``. Navigation and other page furniture stay in on purpose: the
  cleaner's furniture stage removes them with better knowledge of the site.
* Hidden elements are not text, except a block hidden by ``visibility:hidden`` that holds more text than the
  rest of the page: the article a script shows once loaded (``_show_body_hidden_until_loaded``).
* Lines of program code keep their indentation (``codelines``); other lines are stripped and
  their runs of blanks made one space.
* A page whose visible text holds no article (an app shell: ``noscript``, a nav row of links,
  ``加载中…``; judged on its text outside links and nav, ``_NOT_BODY``) but whose scripts carry it
  (JSON-LD ``articleBody``, ``window.__INITIAL_STATE__``) gives the article from that data
  instead (:mod:`cleaner.io.script_data`), through the same extractor when it is HTML, with a
  ``article-from-script-data`` finding naming where it came from.
* A newline inside a block's text is not a paragraph break. Between two wide (CJK) characters it
  is dropped, as browsers do (CSS Text 3 segment-break rule), so hard-wrapped ``<p>`` text joins
  into one line without a stray space.
* Which text was link text is kept as evidence for the furniture stage (``HtmlPage.linked``): a
  list of other articles' titles above the body is one link a line, a subheading is none. Each
  ``<a href>`` is wrapped in two noncharacters before extraction (``_OPEN``, ``_CLOSE``: no page's
  text), each line's share of characters between them measured, and the marks taken out before the
  line is touched, so the text is what it was without them.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field

from cleaner import chardata
from cleaner.io import cesu8, html_structure
from cleaner.model import Finding

_SNIFF = 8192
_CLOSING_TAG = re.compile(rb"</(?:html|head|body|title|div|p|table|td|span|a|script)\s*>", re.IGNORECASE)
_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|br|table|td|span|a|script|link)\b", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"  # CJK, East Asian Wide
# No look-behind and no astral range in the first class: each halves the time of this scan.
_WRAP = re.compile(f"([{_WIDE}])[ \t]*\r?\n[ \t\r\n]*(?=[{_WIDE}\U00020000-\U0003ffff])")
_PRE = re.compile(r"(<(?:pre|textarea)\b.*?</(?:pre|textarea)\s*>)", re.IGNORECASE | re.DOTALL)
_BLANKS = re.compile(r"[ \t\u00a0]+")
# str.splitlines without U+0085: that is byte 85 of UTF-8 misread as Latin-1 (八 is e5 85 ab), a
# byte of a character for the repairs to read back, never a line break a page means.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\u2028\u2029]")
# What cp1252 and Latin-1 show for the bytes 80-FF. UTF-8 read so writes its continuation byte a0
# as a no-break space (标 e6 a0 87 is æ\xa0‡): one between two of these is a byte of a misread
# character, kept for the repairs; made a space, the character could no longer be read back.
_MISREAD = "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd"
_MISREAD_BYTE = re.compile(f"(?<=[{_MISREAD}])\u00a0(?=[{_MISREAD}])")
# Hidden by the page itself: Resiliparse's plain-text mode keeps these unless told to skip them.
# Ruby annotations (<rt>, <rp>: pinyin or zhuyin over the characters) are not the text: kept, they
# come out as 國guó務wù. Nor is the <title> (the browser's tab; it goes to meta): kept, it was the
# first line of 39 of the 69 dev pages, a second headline or the site's name (网易娱乐) over the page.
_STYLE_HIDDEN = ['[style*="display:none" i]', '[style*="display: none" i]', '[style*="visibility:hidden" i]',
                 '[style*="visibility: hidden" i]']
# Hidden by a class the page's stylesheet hides on every screen (we read no stylesheet): text for
# screen readers only (Bootstrap's sr-only, visually-hidden, WordPress's screen-reader-text: `跳到
# 内容`, `(当前)`), and MediaWiki's parts its skins hide or draw as controls (the software of
# Wikipedia, its mirrors and most wikis: a crawl holds many): the print footer's `取自“URL”`, the
# hidden maintenance categories, a heading's `[编辑]` link. A class that hides on small screens
# only (d-none d-md-block, Tailwind's `hidden md:block`) is shown on a desktop's: none is here.
# The dev set's fit split: the encyclopedia page keeps 467 characters fewer of its chrome.
# Not where a breakpoint's variant shows it again (Tailwind's `sr-only md:not-sr-only`).
_CLASS_HIDDEN = ['.sr-only:not([class*="not-sr-only"])', '.visually-hidden:not([class*="not-visually-hidden"])',
                 ".screen-reader-text", ".printfooter", ".mw-hidden-cats-hidden", ".mw-editsection"]
_HIDDEN = ["title", "rt", "rp", '[hidden]', *_STYLE_HIDDEN, *_CLASS_HIDDEN]
# A block hidden by ``visibility:hidden`` that holds more text than the rest of the page together
# is the article a script shows once the page has loaded (WeChat's js_content is hidden so until
# its script runs; the style keeps its box in the layout, so the page does not jump when it shows):
# kept, or the page loses its body. ``display:none`` takes a block out of the layout: a tab, a fold,
# a popup, a template, a comment list or a "more news" list shown on a click, never the body, and it
# stays hidden (shown, a short article's page took its hidden comments and more-news list as text).
# A block that repeats lines the page shows (``_COPIED``: a full text under its shown preview, a
# mobile copy) is a copy: it stays hidden, so this never doubles an article.
_SHOWN_LATER = 200  # non-blank characters: less is a menu, a popup or a template, not a body
_COPIED = 100  # non-blank characters of lines the page shows that a hidden copy repeats (a headline, a caption is less)
_SHOWN_BY_SCRIPT = ['[style*="visibility:hidden" i]', '[style*="visibility: hidden" i]']
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_VISIBILITY_HIDDEN = re.compile(r"visibility\s*:\s*hidden\s*(?:!important\s*)?;?", re.IGNORECASE)
# What is not a page's own text when judging whether it is an app shell: its links (nav rows, menus,
# lists of other articles) and the regions of its furniture.
_NOT_BODY = [*_HIDDEN, "a", "nav", "header", "footer", "aside", '[role="navigation"]', '[role="banner"]',
             '[role="contentinfo"]']
# <meta name|property=...> -> our key, first found wins.
_META_KEYS = {
    "date": ("article:published_time", "og:published_time", "pubdate", "publishdate", "publish_date",
             "publication_date", "publishtime", "firstpublishedtime", "dc.date.issued", "dc.date",
             "dcterms.created", "date", "sailthru.date", "weibo:article:create_at"),
    "author": ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author"),
    "description": ("description", "og:description"),
}

# Python codec name (after codecs.lookup) -> the superset we decode with.
_SUPERSET = {
    "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030",
    "big5": "big5hkscs", "cp950": "big5hkscs",
    "ascii": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252",  # WHATWG: these mean windows-1252
}
_ALIASES = {"x-gbk": "gbk", "gb_2312-80": "gb2312", "x-euc-cn": "gb2312", "x-x-big5": "big5",
            "x-big5": "big5", "unicode-1-1-utf-8": "utf-8", "x-sjis": "shift_jis", "windows-31j": "cp932",
            "windows-874": "cp874"}


# Link text marks: noncharacters, which no page means as text (a page holding one is read unmarked).
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
# A character reference to a noncharacter of the marks' block (U+FDD0-U+FDEF): the parsed page
# would hold what reads as a mark (review28b): such a page, as one holding them raw, is not marked.
_NONCHARACTER_REF = re.compile(r"&#(?:[xX]0*[fF][dD][dDeE][0-9a-fA-F]|0*(?:6497[6-9]|649[89][0-9]|6500[0-7]))(?![0-9a-fA-F])")
LINKED_SHARE = 0.9  # of a line's non-blank characters inside <a href>: the line is a link, its text the link's


@dataclass(frozen=True)
class HtmlPage:
    """Visible text (one block a line) and meta fields: title, date, author, description; findings
    say where the text came from when it is not the visible text (script data); ``linked``: the
    lines (as extracted) whose text is link text, at least ``LINKED_SHARE`` of it; ``roles``: where
    each line (as extracted) stood in the markup, evidence for the furniture model
    (:mod:`cleaner.io.html_structure`: ``article``, ``region:WHY``, ``outside``)."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    linked: frozenset[str] = frozenset()
    roles: dict[str, str] = field(default_factory=dict)


def looks_like_html(data: bytes) -> bool:
    """Whether the first few KB look like HTML markup rather than plain text.

    >>> looks_like_html(b"<!DOCTYPE html><html><body><p>hi</p></body></html>")
    True
    >>> looks_like_html("国务院办公厅 <注意> 通知".encode("gb18030"))
    False
    """
    head = _ascii_compatible(data[:_SNIFF]).lstrip(b"\xef\xbb\xbf \t\r\n")
    if re.match(rb"<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<(!doctype\s+)?html", head, re.IGNORECASE):
        return True
    # Prose about markup names tags too (网页由<html>、<head>和<body>组成): markup has markup's
    # shape besides, it opens with a tag or closes one it opened.
    if not (head.startswith(b"<") or _CLOSING_TAG.search(head)):
        return False
    tags = len(_TAG.findall(head))
    return tags >= 3 and tags * 200 >= len(head) or bool(re.search(rb"<(head|body)\b", head, re.IGNORECASE))


def _ascii_compatible(head: bytes) -> bytes:
    """The head as bytes whose markup reads as ASCII: a UTF-16 or UTF-32 page (a byte-order mark,
    or UTF-16 without one: a NUL beside most ASCII bytes) re-encoded as UTF-8, so that its tags are
    seen; what a wide encoding cannot decode is dropped (the head may end inside a character).

    >>> _ascii_compatible("<html>".encode("utf-16"))
    b'<html>'
    """
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore").encode("utf-8")
    sample = head[:1024]
    for offset, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        # In UTF-16 every ASCII character (all of markup) carries a NUL on one side, and text in
        # an ASCII-compatible encoding holds no NUL at all.
        nuls, other = sample[offset::2].count(0), sample[1 - offset :: 2].count(0)
        if nuls >= 8 and nuls * 5 >= len(sample) // 2 and other * 10 <= nuls:
            return head.decode(codec, "ignore").encode("utf-8")
    return head


def normalise_charset(name: str | None) -> str | None:
    """A declared charset as the Python codec we decode with, or None if Python lacks it.

    >>> [normalise_charset(n) for n in ("GB2312", "gbk", "Big5", "utf8", "ISO-8859-1", "bogus")]
    ['gb18030', 'gb18030', 'big5hkscs', 'utf-8', 'cp1252', None]
    """
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        codec = codecs.lookup(_ALIASES.get(name, name)).name
    except LookupError:
        return None
    return _SUPERSET.get(codec, codec)


def charset_of(data: bytes, http_content_type: str | None = None) -> str | None:
    """The declared charset: the HTTP Content-Type's first, then ``<meta>`` (or ``<?xml encoding>``).

    >>> charset_of(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    >>> charset_of(b'<meta charset="gb2312">', "text/html; charset=UTF-8")
    'utf-8'
    """
    declared = _declared(data, http_content_type)
    return declared[0] if declared else None


def decode_html(data: bytes, http_content_type: str | None = None) -> str:
    """Decode an HTML page: BOM; valid UTF-8; declared charsets that decode strictly; detection.

    Valid UTF-8 wins over a declared legacy charset: legacy Chinese text is almost never valid
    UTF-8, while short UTF-8 text can decode strictly, and wrongly, as GB18030 or Big5.
    A declared legacy Chinese charset gives way to another that reads the bytes clearly better
    (a Big5 page under a false ``gb2312``). Single-byte charsets (windows-125x, ISO-8859-x) never
    fail, so they are taken only when no declared multi-byte charset fits and the detector does
    not read the bytes as Chinese (``cleaner.io.decode.single_byte_or_detected``). Raises :class:`cleaner.io.decode.NotText` for binary data.
    """
    from cleaner.io.decode import decode, likelier_than_declared, single_byte_or_detected

    if data.startswith(_BOMS) or data.isascii():
        return decode(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    paired, pairs = cesu8.rejoin(data)  # a MySQL utf8 / Java page: its emoji as surrogate pairs
    if pairs:
        try:
            return paired.decode("utf-8")
        except UnicodeDecodeError:
            pass
    single_byte = None
    for codec in _declared(data, http_content_type):
        if _is_single_byte(codec):
            single_byte = single_byte or codec
            continue
        try:
            return likelier_than_declared(data, codec, data.decode(codec))
        except UnicodeDecodeError:
            continue
    return single_byte_or_detected(data, single_byte) if single_byte else decode(data)


def _declared(data: bytes, http_content_type: str | None) -> list[str]:
    names = []
    if http_content_type and (m := _HTTP_CHARSET.search(http_content_type)):
        names.append(m.group(1))
    from_http = len(names)
    head = data[:_SNIFF]
    if m := _XML_ENCODING.match(head):
        names.append(m.group(1).decode("ascii"))
    names += [m.group(1).decode("ascii") for m in _META_CHARSET.finditer(head)]
    out = []
    for i, name in enumerate(names):
        codec = normalise_charset(name)
        if codec and codec.startswith("utf-16") and i >= from_http:
            codec = "utf-8"  # a UTF-16 declaration read from ASCII-compatible bytes is wrong (WHATWG)
        if codec and codec not in out:
            out.append(codec)
    return out


def _is_single_byte(codec: str) -> bool:
    """Windows/DOS code pages, ISO-8859-x, KOI8, Mac, TIS-620: every byte string decodes."""
    return codec.startswith(("cp", "iso8859", "koi8", "mac-", "tis-620")) and codec not in ("cp932", "cp949", "cp1361")


def extract(html: str) -> HtmlPage:
    """Visible text of a whole page, one block a line, and its title/date/author/description.

    >>> page = extract("<title>标题</title><p>第一段，硬换行的\\n文字。</p><script>x()</script><p>第二段</p>")
    >>> page.text, page.meta["title"]
    ('第一段，硬换行的文字。\\n第二段', '标题')
    """
    from resiliparse.parse.html import HTMLTree

    from cleaner.io import script_data

    tree = HTMLTree.parse(join_wrapped(html))
    _show_body_hidden_until_loaded(tree)
    unmarked = any(ch in html for ch in (_OPEN, _CLOSE, *html_structure.MARKS)) or _NONCHARACTER_REF.search(html) is not None
    elements, depth = ([], 0) if unmarked else html_structure.elements_of(tree)
    structure = None if unmarked or depth > html_structure.MAX_DEPTH else html_structure.mark_blocks(tree, elements)
    marked = not unmarked and _mark_links(tree, elements)
    shares: list[float] = []
    lines = _text_lines(tree, shares=shares if marked else None, structure=structure)
    meta = _meta(tree)
    linked = frozenset(line for line, share in zip(lines, shares, strict=False) if share >= LINKED_SHARE)
    roles = structure.roles(lines, shares or [0.0] * len(lines)) if structure else {}
    runs = script_data.visible_prose(lines)
    if script_data.holds_article(runs):
        return HtmlPage("\n".join(lines), meta, linked=linked, roles=roles)
    article = script_data.find_article(_scripts(tree))
    if article is None or not script_data.replaces_visible(article, _text_lines(tree, _NOT_BODY, structure=structure)):
        return HtmlPage("\n".join(lines), meta, linked=linked, roles=roles)
    if article.is_html:
        lines = _text_lines(HTMLTree.parse(join_wrapped(script_data.article_html(article))))
    else:  # plain text: its line breaks are its paragraphs
        lines = [line for line in (_blanks(raw).strip() for raw in _LINE_BREAK.split(article.body)) if line]
    for key, value in article.meta.items():  # the page's own <title> and <meta> first
        if key not in meta and value.strip():
            meta[key] = _BLANKS.sub(" ", value.strip())
    found = Finding("article-from-script-data", -1, article.source)
    return HtmlPage("\n".join(lines), meta, [found])


def _show_body_hidden_until_loaded(tree) -> None:
    """Take ``visibility:hidden`` off a block that holds most of the page's text (``_SHOWN_LATER``)
    and repeats little of what the page shows (``_COPIED``)."""
    if tree.body is None:
        return
    shown = None
    for node in tree.body.query_selector_all(", ".join(_SHOWN_BY_SCRIPT)):
        style = node.getattr("style") or ""
        if _DISPLAY_NONE.search(style) or _solid_length(node.text) < _SHOWN_LATER:  # its text with its scripts'
            continue
        shown = shown if shown is not None else _text_lines(tree)
        node.setattr("style", _VISIBILITY_HIDDEN.sub("", style))
        revealed = _text_lines(tree)
        gained = _solid_length("".join(revealed)) - _solid_length("".join(shown))
        before = Counter(shown)
        repeated = sum(_solid_length(line) for line, n in (Counter(revealed) - before).items() if line in before)
        if gained <= max(_solid_length("".join(shown)), _SHOWN_LATER) or repeated >= _COPIED:
            node.setattr("style", style)  # a menu, a popup, a copy: hidden as the page hides it
        else:
            shown = revealed


def _solid_length(text: str) -> int:
    return len(text) - sum(text.count(blank) for blank in " \t\r\n\u3000\xa0")


def _text_lines(tree, skip: list[str] = _HIDDEN, shares: list[float] | None = None,
                structure: html_structure.Structure | None = None) -> list[str]:
    """The tree's visible text as lines, one block a line, blank lines dropped (and the elements
    ``skip`` selects: ``_NOT_BODY`` leaves the page's own text, without its links and nav).
    ``shares``: filled with each line's share of link text, read from the marks ``_mark_links``
    put in the tree (which never reach the lines); None for a tree without them. ``structure``:
    the block marks ``html_structure.mark_blocks`` put in the tree, read (each kept line's
    element, in ``structure.line_elements``) and taken out; None for a tree without them."""
    from resiliparse.extract.html2text import extract_plain_text

    from cleaner.codelines import code_lines

    text = extract_plain_text(tree, preserve_formatting=True, main_content=False, list_bullets=False,
                              alt_texts=False, skip_elements=skip)
    raw = _LINE_BREAK.split(text)
    if structure is not None:
        raw = html_structure.read_marks(raw, structure)
    share = [0.0] * len(raw)
    if shares is not None:  # marked: the marks are ours
        share = _link_shares(raw)
        raw = [line.replace(_OPEN, "").replace(_CLOSE, "") for line in raw]
    code = code_lines(raw)  # their indentation and spacing are structure (a <pre> block of Python)
    lines = [line.rstrip() if i in code else _blanks(line).strip() for i, line in enumerate(raw)]
    if shares is not None:
        shares.extend(s for line, s in zip(lines, share, strict=True) if line)
    if structure is not None:
        structure.line_elements = [at for line, at in zip(lines, structure.line_elements, strict=True) if line]
    return [line for line in lines if line]


def _mark_links(tree, elements: list) -> bool:
    """Wrap the text of every ``<a href>`` among ``elements`` (the tree's element nodes) in
    ``_OPEN`` … ``_CLOSE`` (text nodes of the tree, so that the extractor places them where the
    link's text goes); whether any link was marked."""
    links = [node for node in elements if node.tag == "a" and node.getattr("href") is not None]
    for node in links:
        if node.first_child is None:
            continue  # no text: nothing to mark, and an empty mark would make a line of its own
        node.insert_before(tree.create_text_node(_OPEN), node.first_child)
        node.append_child(tree.create_text_node(_CLOSE))
    return len(links) > 0


def _link_shares(raw: list[str]) -> list[float]:
    """Each raw line's share of its non-blank characters between ``_OPEN`` and ``_CLOSE`` (a link
    may hold several blocks, so being inside one carries from line to line; links may nest). A
    line holding more than one link counts 0: a row of links (a menu, a tag row) is no list of
    titles, and is left to the families that read rows.

    >>> _link_shares(["\ufdd0标题\ufdd1", "正文\ufdd0链接\ufdd1。", "\ufdd0块", "块\ufdd1", " ", "\ufdd0甲\ufdd1 \ufdd0乙\ufdd1"])
    [1.0, 0.4, 1.0, 1.0, 0.0, 0.0]
    """
    depth, out = 0, []
    for line in raw:
        inside = total = 0
        if line.count(_OPEN) > 1:
            depth = max(depth + line.count(_OPEN) - line.count(_CLOSE), 0)
            out.append(0.0)
            continue
        for ch in line:
            if ch == _OPEN:
                depth += 1
            elif ch == _CLOSE:
                depth = max(depth - 1, 0)
            elif not ch.isspace():
                total += 1
                inside += depth > 0
        out.append(inside / total if total else 0.0)
    return out


def _scripts(tree):
    """The page's inline scripts (those with a ``src`` carry no data of the page)."""
    from cleaner.io.script_data import Script

    for node in tree.document.query_selector_all("script"):
        if node.getattr("src") is None:
            yield Script(node.getattr("type") or "", node.getattr("id") or "", node.text or "")


def _blanks(line: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space, but a no-break space that is a byte
    of a misread character (``_MISREAD_BYTE``, where UTF-8 puts a continuation byte)."""
    if "\u00a0" not in line or not _MISREAD_BYTE.search(line):
        return _BLANKS.sub(" ", line)
    misread = _misread_elsewhere(line)
    kept = {m.start() for m in _MISREAD_BYTE.finditer(line) if _continuation_at(line, m.start(), misread)}
    return _BLANKS.sub(lambda m: m.group() if m.start() in kept and len(m.group()) == 1 else " ", line)


def _byte(ch: str) -> int | None:
    """The byte cp1252 (or Latin-1, for its C1 controls) shows as ``ch``; None for a mark (any byte)."""
    if ch == "\ufffd":
        return None
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch) if ord(ch) < 0x100 else -1


# A UTF-8 lead byte and a continuation byte other than a0 side by side, as cp1252 or Latin-1 shows
# them (Ã©, è¿, Ð¸): a character misread one byte a letter.
_LEAD_AND_CONTINUATION = re.compile(f"[\u00c2-\u00f4][\u0080-\u009f\u00a1-\u00bf{re.escape(chardata.CP1252_SIGNS)}]")


def _misread_elsewhere(line: str) -> bool:
    return bool(_LEAD_AND_CONTINUATION.search(line))


def _continuation_at(line: str, i: int, misread: bool = True) -> bool:
    """Is the no-break space at ``i`` (byte a0) where UTF-8 puts a continuation byte: after a
    lead (c2-df, e0-ef, f0-f4) and the continuations before it, with the rest of its character's
    continuations after it? A mark (U+FFFD) may be any byte. Voilà misread is VoilÃ\xa0 (c3 a0);
    Café\xa0à (e9 a0 e0) is no character: French, kept a space. Without another ``misread``
    character on the line a two-byte lead counts only as Â or Ã (NBSP and à misread): a capital
    letter and a no-break space (CAFÉ\xa0À, c9 a0) read as one character only by chance."""
    def byte(k):
        return _byte(line[k]) if 0 <= k < len(line) else -1

    def cont(b):
        return b is None or 0x80 <= b <= 0xBF

    def widths(b):
        if b is None:
            return (2, 3, 4)
        return (2,) if 0xC2 <= b <= 0xDF else (3,) if 0xE0 <= b <= 0xEF else (4,) if 0xF0 <= b <= 0xF4 else ()

    for back in (1, 2, 3):
        lead = byte(i - back)
        for width in widths(lead):
            if width == 2 and not misread and lead not in (0xC2, 0xC3):
                continue
            if width > back and all(cont(byte(k)) for k in range(i + 1, i - back + width)):
                return True
        if not cont(lead):
            return False
    return False


def html_to_text(data: bytes, http_content_type: str | None = None) -> HtmlPage:
    """HTML bytes -> :class:`HtmlPage`: :func:`decode_html` (GBK's A3A0 as browsers read it:
    ``cleaner.io.decode.browser_gb_space``), then :func:`extract`."""
    from cleaner.io.decode import browser_gb_space

    text, mapped = browser_gb_space(decode_html(data, http_content_type), data)
    page = extract(text)
    if mapped is not None:
        page.findings.append(mapped)
    return page


def join_wrapped(html: str) -> str:
    """Drop a source line break between two wide characters, outside ``<pre>``/``<textarea>``.

    >>> join_wrapped("<p>硬换行的\\n  文字 and\\nEnglish</p><pre>诗\\n行</pre>")
    '<p>硬换行的文字 and\\nEnglish</p><pre>诗\\n行</pre>'
    """
    parts = _PRE.split(html)
    return "".join(part if i % 2 else _WRAP.sub(r"\1", part) for i, part in enumerate(parts))


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    title = (tree.title or "").strip()
    if title:
        found["title"] = _BLANKS.sub(" ", title)
    named = {}
    for node in tree.document.query_selector_all("meta[content]"):
        key = node.getattr("name") or node.getattr("property") or node.getattr("itemprop") or ""
        value = (node.getattr("content") or "").strip()
        if key and value:
            named.setdefault(key.strip().lower(), value)
    for field_name, keys in _META_KEYS.items():
        values = (named[k] for k in keys if k in named)
        if field_name == "author":
            values = (v for v in values if _names_a_writer(v, named.get("generator", "")))
        value = next(values, None)
        if value:
            found[field_name] = _BLANKS.sub(" ", value)
    return found


# An author meta that names no writer: a link or a domain (a Facebook page, `www.yunnan.cn,云南网`),
# an account number (`L_104485`).
# A link, a domain (not an e-mail address's: 张三 zhangsan@xinhua.net names one), an account number
# (L_104485; 2024级 is a writer's year, review29a).
_NO_WRITER = re.compile(r"https?://|www\.|(?<![@\w.-])[a-z0-9-]+\.(com|cn|net|org|gov|edu|hk|tw)\b|\d{5,}", re.IGNORECASE)
# A credit of the page software (Discuz! Team, Comsenz UI Team), not a writer who shares its name (Hugo Chen).
_SOFTWARE_CREDIT = re.compile(r"\b(team|inc|ltd|theme|templates?|studio|ui)\b", re.IGNORECASE)


def _names_a_writer(value: str, generator: str) -> bool:
    """Whether an author meta's value may name the article's writer: not a link, a domain or a
    number, nor the credit of the software that made the page (Discuz!'s templates say
    `author="Discuz! Team and Comsenz UI Team"` beside `generator="Discuz! X3.4"` on every page).

    >>> _names_a_writer("新华社记者 张三", ""), _names_a_writer("https://www.facebook.com/RFI", "")
    (True, False)
    >>> _names_a_writer("Discuz! Team and Comsenz UI Team", "Discuz! X3.4")
    False
    >>> [_names_a_writer(v, g) for v, g in (("Hugo Chen", "Hugo 0.120"), ("张三 zhangsan@xinhua.net", ""),
    ...                                     ("本报记者 李明（2024级实习生）", ""), ("L_104485", ""))]
    [True, True, True, False]
    """
    software = generator.split()[0].lower() if generator.split() else ""
    credit = len(software) >= 3 and software in value.lower() and _SOFTWARE_CREDIT.search(value)
    return not _NO_WRITER.search(value) and not credit
