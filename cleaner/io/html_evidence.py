"""What an element's own shape and place say of its text: furniture only the markup tells apart.

``html_structure`` finds the article's container and the page's furniture regions (a ``nav``, an
``aside``, a ``class="share"``); inside the container every line between the first and last prose
line reads as the article's. Some furniture stands there all the same, or beside it in a shape
the text alone cannot tell from the article's own: a caption written as a plain paragraph under a
photo, the line numbers of a code block, a button row, a sidebar of one-sentence news items. The
element says what the text does not. Each finding here names a feature of the element (never of
its text alone), read before the page is marked:

* ``code-gutter``: digits only, 1, 2, … n in order, in or beside a ``<pre>``/``<code>``: a code
  block's line numbers (the code itself is the article's);
* ``caption``: a short block (``CAPTION_CHARS``, one sentence and a credit at most, no link)
  right after an image-only sibling and set apart as captions are (centred, ``<small>``, a table
  cell) where the text after it is not set apart so too (a poem centred under its photo), a table cell under an image-only row, or a cell or block holding an image, a ``<br>`` and
  a short text; an image drawn ``ICON_PIXELS`` or less a side is a bullet, not a photo;
* ``button``: an element whose class or id names a button (``btn``, ``button``): a link drawn as
  one, what a reader clicks, never reads (the extractor leaves ``<button>`` out itself);
* ``ad-frame``: a line of symbols only (``------``) beside an element named for an advert.

Four shapes are an article's own as often as furniture (a live report's timed paragraphs, a
recipe's ingredients, a glossary, a list of sections); they are evidence only outside the article
(``OUTSIDE_ONLY``: outside the container, or in it above its first or below its last prose line,
for an element holding none of the lines between them):

* ``timed-items``: ``MIN_ITEMS`` items or more of one tag, each starting with a clock time
  (``10:42``), a heading over them at most: a newsflash or rolling-news box;
* ``chips``: ``MIN_ITEMS`` inline or list items or more, each a short label (``CHIP_CHARS``, no
  clause): attribute chips (五险一金 双休), a counter row (2.3万 浏览 561 收藏);
* ``fields``: a ``<dl>`` of short terms and values (积分 1286 帖子 342): a profile's fields;
* ``repeated-items``: items of one tag and class (``MIN_ITEMS`` without a class), each of several
  elements: other stories' titles and teasers, comments, users' photos and words.

And a weak one: ``class=WORD``, a class or id word that names a widget (``HINT_WORDS``: ``tags``,
``toolbar``, ``author``, ``biaoqian``…), which takes no sentence (``page_structure.weigh``) and
is void on an element holding the article's prose or more than a few lines (``html_structure``).

``html_structure.line_roles`` hands a line the finding of the innermost element it stands in
(``structure:FEATURE``), below the article's container, and ``structure:repeats-article`` to a
labelled line repeating the article's paragraph that follows (a ``摘要：`` box); the furniture
stage decides (``page_structure.weigh``), and each removal is a step naming the feature
(``generic/html-caption``).
"""

from __future__ import annotations

import re

CAPTION_CHARS = 50  # characters at most of a caption written as a paragraph
ICON_PIXELS = 40  # an image drawn this size or smaller a side is an icon or a bullet, never a photo
MIN_ITEMS = 3  # items of a timed list, a row of chips, a list of items without a class
HINT = "class="  # a finding of a class or id word only: weak evidence
OUTSIDE_ONLY = frozenset({"timed-items", "chips", "fields", "repeated-items"})  # never evidence in the article
# Words of class and id names for widgets, inside an article's container or beside it (matched as
# html_structure.REGION_WORDS are, whole words of the name), in English and pinyin: tag rows
# (biaoqian 标签), counters and toolbars (liulan 浏览, dianzan 点赞, shoucang 收藏), an author's or
# editor's box (zuozhe 作者, bianji 编辑), attachments and page tools (fujian 附件, dayin 打印), a
# signature, a profile, a summary box (zhaiyao 摘要). Each word is one that shapes37's pages or the
# templates of the sites they stand for use (CSDN's tags-box, profile, toolbox; Discuz's sign;
# PTT's article-metaline).
HINT_WORDS = frozenset({
    "tag", "tags", "tagcloud", "keywords", "label", "labels", "meta", "metaline", "stats", "stat", "counter", "counters",
    "views", "toolbar", "toolbox", "tools", "actions", "action", "author", "reporter", "editor", "byline", "attach",
    "attachment", "attachments", "update", "profile", "company", "similar", "collected", "sign", "sig", "signature",
    "summary", "abstract", "biaoqian", "zuozhe", "bianji", "laiyuan", "fujian", "dayin", "liulan", "shoucang",
    "dianzan", "zhaiyao", "jianjie",
})
_BUTTON_WORDS = frozenset({"btn", "button", "buttons", "btns"})
_AD_WORDS = frozenset({"ad", "ads", "advert", "adv", "guanggao", "gg"})
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_CLOCK = re.compile(r"\s*(?:[01]?\d|2[0-3])[:：][0-5]\d(?!\d)")
_SYMBOLS = re.compile(r"[\s\-—–=_*~·.。…#+|/\\]+")
_CENTRED = re.compile(r"text-align\s*:\s*center", re.I)
_SENTENCES = re.compile(r"[。！？!?]")
_CLAUSE = re.compile(r"[，。！？；;!?]|,(?!\d)")  # a clause; not a thousands separator (33,000)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CHIP_TAGS = frozenset({"span", "li", "a", "em", "i", "b", "strong", "label", "dd"})
CHIP_CHARS = 20  # characters at most of a chip, a counter or a field
_GUTTER_TAGS = frozenset({"ul", "ol", "div", "td", "span", "code", "pre"})
_CAPTION_TAGS = frozenset({"p", "div", "td", "small", "center", "span", "font", "dd"})
_LIST_TAGS = frozenset({"ul", "ol", "dl", "div", "section", "aside", "p"})
_FRAME_TAGS = frozenset({"p", "div", "span", "center"})
_ASKED = _GUTTER_TAGS | _CAPTION_TAGS | _LIST_TAGS | _FRAME_TAGS | {"a", "li", "table", "tr", "nav", "header", "footer",
                                                                  "form", "blockquote", "em", "b", "strong", "label"}


def words(node) -> list[str]:
    """The words of the node's class and id names, lower case (split at - _ and case changes)."""
    return [w.lower() for attr in ("class", "id") for w in _WORD.findall(node.getattr(attr) or "")]


def find(elements: list) -> dict[int, str]:
    """Each element's finding (module docstring) by its position in ``elements`` (the element
    nodes of ``html_structure.elements_of``, in document order), read before any mark is put in.
    Each step from a node to another costs (Resiliparse makes a node object each time): a page
    without ``<pre>``/``<code>`` is asked of no gutter, one without ``<img>`` of no caption."""
    tags = [node.tag for node in elements]
    code, images = {"pre", "code"} & set(tags), "img" in tags
    out: dict[int, str] = {}
    for i, (node, tag) in enumerate(zip(elements, tags, strict=True)):
        if tag not in _ASKED or node.first_child is None:
            continue
        feature = _feature(node, tag, bool(code), images)
        if feature:
            out[i] = feature
    return out


def _feature(node, tag: str, code: bool, images: bool) -> str:
    names = words(node)
    if _BUTTON_WORDS & set(names):  # the extractor leaves <button>, <select> and <textarea> out itself
        return "button"
    if code and tag in _GUTTER_TAGS and _gutter(node):
        return "code-gutter"
    if images and tag in _CAPTION_TAGS and _caption(node):
        return "caption"
    if tag in _LIST_TAGS:
        items = _children(node)
        if len(items) >= 2:
            if _timed(items):
                return "timed-items"
            if tag != "dl" and _chips(node, items):
                return "chips"
            if tag == "dl" and _fields(items):
                return "fields"
            if _repeated_items(items):
                return "repeated-items"
    if tag in _FRAME_TAGS and _ad_frame(node):
        return "ad-frame"
    for word in names:
        if word in HINT_WORDS:
            return HINT + word
    return ""


def _gutter(node) -> bool:
    """Digits 1..n only, in a ``<pre>``/``<code>`` or beside one (a sibling is one, or a sibling
    cell of its table cell holds one: highlight.js's and Hexo's gutter cells)."""
    parent = node.parent
    if parent is None or not parent.tag:
        return False
    if not (parent.tag in ("pre", "code") or node.tag in ("pre", "code") or _beside_code(node)):
        return False
    numbers = _items(node) or node.text.split()  # a list's items (their text runs together), or lines
    return bool(numbers) and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _items(node) -> list[str]:
    """The texts of the element's child elements, stripped ([] if it has none)."""
    out, child = [], node.first_element_child
    while child is not None:
        out.append(child.text.strip())
        child = child.next_element
    return out


def _beside_code(node) -> bool:
    for at in (node, node.parent if node.parent is not None and node.parent.tag in ("td", "th") else None):
        if at is None:
            continue
        for side in (at.prev_element, at.next_element):
            if side is not None and (side.tag in ("pre", "code") or (side.first_element_child is not None
                                                                     and side.first_element_child.tag in ("pre", "code"))):
                return True
    return False


def _image_only(node) -> bool:
    """An image with no text: an ``<img>``, or a block whose first elements down lead to one
    (``<p><a><img></a></p>``, three levels at most: no search of a whole subtree)."""
    at, depth = node, 0
    while at is not None and at.tag != "img" and depth < 3:
        at, depth = at.first_element_child, depth + 1
    return at is not None and at.tag == "img" and not _icon(at) and (node is at or not node.text.strip())


def _icon(img) -> bool:
    """An icon, a bullet or a spacer, not a photo: drawn at ``ICON_PIXELS`` or less a side."""
    for attr in ("width", "height"):
        value = (img.getattr(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= ICON_PIXELS:
            return True
    return False


def _short(text: str) -> bool:
    text = text.strip()
    # One sentence and a credit at most (修缮后的永安桥。记者 周明 摄): no paragraph of its own.
    return 0 < len(text) <= CAPTION_CHARS and len(_SENTENCES.findall(text.rstrip("。！？!?"))) <= 1


def _set_apart(node) -> bool:
    """Set apart as captions are: centred, small print, or alone in a table's cell."""
    if node.tag in ("small", "center", "td"):
        return True
    if _CENTRED.search(node.getattr("style") or "") or (node.getattr("align") or "").lower() == "center":
        return True
    first = node.first_element_child
    return first is not None and first.tag in ("small", "font") and first.text.strip() == node.text.strip()


def _set_apart_run(node) -> bool:
    """Is the block's text followed by more text set apart as it is (a centred paragraph under a
    centred one)? Then the centring is the page's style for its text (a poem's stanzas, a centred
    essay under its photo), not what sets a caption apart from the article: a caption stands
    alone, followed by the article's plain text or by the next photo."""
    after = node.next_element
    return after is not None and bool(after.text.strip()) and not _image_only(after) and _set_apart(after)


def _caption(node) -> bool:
    first = node.first_element_child
    before = node.prev_element
    row = node.parent if node.tag == "td" else None
    above = row.prev_element if row is not None and row.tag == "tr" else None
    if (node.tag in ("td", "p", "div") and first is not None and first.tag == "img"
            and first.next_element is not None and first.next_element.tag == "br"):
        pass  # an image, a break and a short text under it: <td><img><br>说明</td> (not an emoji before a reply)
    elif before is not None and _image_only(before):
        if not _set_apart(node) or _set_apart_run(node):
            return False
    elif not (above is not None and above.tag == "tr" and _image_only(above.first_element_child or above)):
        return False  # not a cell under an image-only row: <tr><td><img></td></tr><tr><td>说明</td></tr>
    if not _short(node.text):
        return False
    link = node.query_selector("a")  # a link is another page's title (a list's item beside its bullet), not a caption
    return link is None or not link.text.strip()


def _first_text(node, budget: int = 24) -> str:
    """The element's first non-blank text, found down its first children (at most ``budget``
    nodes: never the whole subtree's text, which a list of many items would read again each time)."""
    from resiliparse.parse.html import NodeType

    stack = [node.first_child] if node.first_child is not None else []
    while stack and budget > 0:
        at = stack.pop()
        budget -= 1
        if at.next is not None:
            stack.append(at.next)
        if at.type == NodeType.TEXT and at.text.strip():
            return at.text
        if at.type == NodeType.ELEMENT and at.first_child is not None:
            stack.append(at.first_child)
    return ""


def _children(node) -> list:
    out, child = [], node.first_element_child
    while child is not None:
        out.append(child)
        child = child.next_element
    return out


def _timed(items: list, depth: int = 0) -> bool:
    """``MIN_ITEMS`` items or more of one tag, each starting with a clock time, under a heading at
    most (the box's title goes with it: ``<aside><h3>快讯</h3><ul>…</ul></aside>``)."""
    listed = [item for item in items if item.tag not in _HEADINGS]
    if len(listed) == 1 and depth == 0 and len(listed) < len(items):
        return _timed(_children(listed[0]), 1)  # a heading over one list: the list's title
    if len(listed) < MIN_ITEMS or len({item.tag for item in listed}) != 1:
        return False
    return all(_CLOCK.match(_first_text(item)) for item in listed)


def _direct_text(node) -> str:
    """The text of the element's own text children (not its elements')."""
    from resiliparse.parse.html import NodeType

    out, at = [], node.first_child
    while at is not None:
        if at.type == NodeType.TEXT:
            out.append(at.text)
        at = at.next
    return "".join(out)


def _chips(node, items: list) -> bool:
    """``MIN_ITEMS`` items or more of one inline or list tag, each a short label (``CHIP_CHARS``,
    no clause), and no text of the element's own between them: attribute chips (五险一金 双休),
    a counter row (2.3万 浏览 561 收藏)."""
    if len(items) < MIN_ITEMS or len({item.tag for item in items}) != 1 or items[0].tag not in _CHIP_TAGS:
        return False
    if _direct_text(node).strip(" \t\n|·/•　"):
        return False
    texts = [item.text.strip() for item in items]
    return all(0 < len(text) <= CHIP_CHARS and not _CLAUSE.search(text) for text in texts)


def _fields(items: list) -> bool:
    """A definition list's items, short terms and values (积分 1286 帖子 342): a profile's or a record's fields."""
    terms = [item for item in items if item.tag == "dt"]
    values = [item for item in items if item.tag == "dd"]
    return (len(terms) >= 2 and len(values) >= 2 and len(terms) + len(values) == len(items)
            and all(len(item.text.strip()) <= CHIP_CHARS for item in items))


def _repeated_items(children: list) -> bool:
    """Two items or more of one tag and one class (``MIN_ITEMS`` without a class), each of several
    elements (a title and a teaser, a user's photo, name and words): a list of other stories,
    comments or users' posts."""
    items = [item for item in children if item.tag not in _HEADINGS]
    if len(items) < 2 or len({(item.tag, item.getattr("class") or "") for item in items}) != 1:
        return False
    if not items[0].getattr("class") and len(items) < MIN_ITEMS:
        return False
    return all(item.child_element_count >= 2 and item.tag not in ("p", "br", "img", "a", "span") for item in items)


def _ad_frame(node) -> bool:
    if not any(side is not None and _AD_WORDS & set(words(side)) for side in (node.prev_element, node.next_element)):
        return False
    text = node.text
    return bool(text.strip()) and _SYMBOLS.fullmatch(text) is not None
