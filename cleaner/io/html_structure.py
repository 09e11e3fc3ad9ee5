"""Where each extracted line of an HTML page stood in its markup: evidence for the furniture model.

The extracted text drops the markup, and with it the page's structure: which block held the
article, which lines stood in a ``<nav>``, an ``<aside>`` or a ``<div class="share">``. Boilerplate
removers that read the DOM (readability, boilerpipe, jusText, trafilatura) weigh exactly this: the
element that holds most of the page's prose is the article, link-dense and navigation elements are
not. Here it is kept as evidence for the line model, never as a cut of its own (each removal or
protection is the model's decision, recorded with the feature that decided it).

How: before extraction each block element that holds anything gets two text nodes of
noncharacters (``_BLOCK`` before its first child, ``_END`` after its last, each followed by the
element's number in ``_DIGIT0`` noncharacters and ``_NUMBERED``), as the link marks of ``cleaner.io.html`` are placed, so that the extractor puts
them where the element's text begins and ends. Reading the raw lines left to right with a stack
gives each line's innermost block element; the marks are taken out before a line is touched, so the
text is what it was without them.

The evidence per line (``Structure.roles``, keyed by the line's text as the extractor gave it, as
``HtmlPage.linked`` is):

* ``article``: the line stands in the article container (the deepest element holding
  ``CONTAINER_SHARE`` of the page's prose characters; a prose line has 15 Han characters and ends a
  sentence or holds two commas, as ``script_data.visible_prose`` counts) between its first and last
  prose line, and in no furniture region inside it;
* ``region:WHY``: the line stands in a furniture region (``WHY`` names it: ``nav``, ``footer``,
  ``class=share``, ``links``) that is not the container nor one of its ancestors: a semantic element
  (``nav``, ``aside``, ``footer``, ``header``, ``[role=navigation]`` ...; ``header`` and ``footer``
  only outside the container, where they are the page's and not the article's), an element whose
  class or id names furniture (``REGION_WORDS``), or a list (``ul``/``ol``) whose text is at
  least ``LINK_DENSE`` link text;
* ``outside``: the line stands outside the container and in no region;
* ``structure:FEATURE``: the line's innermost element below the container has a finding of
  ``html_evidence`` (a caption, a code gutter, chips …; those of ``OUTSIDE_ONLY`` only for lines
  outside the container's first to last line of weight, a class word only on an element of at
  most ``HINT_LINES`` lines holding none of weight), or the line is a labelled repeat of an
  article line after it (``repeats-article``). It stands for the line's other role, except for a
  link of a named region, which keeps the region's.

A line whose text occurs at several places has the role of its own place: ``roles`` is keyed by
text, and a text whose occurrences differ (a menu's 国内 in a ``nav`` and the article's subheading
国内) maps to each occurrence's role in order (``keyed``; ``role_at`` reads it). Where the lines
judged are not the lines extracted (a repair or a join changed how often a text occurs), a text's
occurrences take the role they share (``shared``: ``article`` if any is one, furniture left rather
than article lost; a region only if every occurrence is in one). A page with too little prose
(``MIN_PROSE_LINES``) finds its container by the lines' own text (an agenda, a table); there the
article starts at the container's first prose line when at most ``HEAD_LINES`` lines stand above
it (the article's head: its headline, a byline, a font-size toggle), and a page with too few
lines of own text (``MIN_OWN_LINES``) gives no evidence at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cleaner.io import html_evidence

# Block marks: noncharacters (as the link marks are), which no page means as text.
_BLOCK, _NUMBERED, _END = "\ufdd2", "\ufdd3", "\ufdd4"
_DIGIT0 = 0xFDE0  # 16 noncharacters U+FDE0..U+FDEF: an element's number in hexadecimal
# cleaner.io.html's link marks, still in the lines read here: a link's open mark stands before the
# block mark of the link itself (a marked <a class="btn">), and is no text of the line.
_NO_LINK_MARKS = str.maketrans("", "", "\ufdd0\ufdd1")
MARKS = _BLOCK + _NUMBERED + _END + "".join(chr(_DIGIT0 + d) for d in range(16))
_MARK_RE = re.compile(f"[{_BLOCK}{_END}][{chr(_DIGIT0)}-{chr(_DIGIT0 + 15)}]*{_NUMBERED}")

# The block elements whose place is read (inline elements, spans and links, say nothing of a region).
# Not a table's rows and row groups: the extractor drops the text a <tr> or <tbody> holds outside
# its cells (where our marks would go). Nor paragraphs, headings and list items: a line in one
# stands where its parent block does (the container holds many paragraphs, never is one), and
# marking them doubled the marks' cost (two text nodes an element).
BLOCK_TAGS = ("div", "section", "article", "main", "nav", "aside", "header", "footer", "ul", "ol", "dl", "table",
              "td", "th", "form", "blockquote", "center", "menu")
# Semantic elements of a page's furniture (HTML5 sectioning; WAI-ARIA landmark roles).
_REGION_TAGS = {"nav": "nav", "aside": "aside", "menu": "nav"}
_PAGE_TAGS = {"header": "header", "footer": "footer"}  # the page's only outside the article
_REGION_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
# Words of class and id names that name furniture, in English and pinyin: the names common page
# templates give their menus, share bars, comment boxes and footers (Bootstrap's navbar and
# breadcrumb, WordPress's widget-area, sidebar and comments, Discuz!'s hd/ft, DedeCMS's
# copyright, Chinese portals' pinyin daohang 导航, pinglun 评论, fenxiang 分享, xiangguan 相关,
# banquan 版权, yejiao 页脚, mianbaoxie 面包屑). Matched as whole words of the name (split at
# - _ and case changes), so "navigation" and "main-nav" match and "canvas" does not.
REGION_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "footer", "foot", "ft", "share", "sharing",
    "social", "comment", "comments", "related", "relate", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
    "copyright", "sidebar", "widget", "ad", "ads", "advert", "banner", "login", "recommend", "hot", "rank",
    "daohang", "dh", "pinglun", "pl", "fenxiang", "xiangguan", "banquan", "yejiao", "mianbaoxie", "tuijian",
    "remen", "paihang",
})
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
ARTICLE, OUTSIDE, REGION, STRUCTURE = "article", "outside", "region:", "structure:"
LINKED_SHARE = 0.9  # of a line's characters inside one link: the line is a link (cleaner.io.html's)
CONTAINER_SHARE = 0.6  # of the page's prose characters: the deepest element holding it is the article's
MIN_PROSE_LINES = 3  # fewer prose lines: the container is found by the lines' own text
HEAD_LINES = 4  # lines of weight above the container's first prose line that are its head (headline, byline)
MIN_OWN_LINES = 5  # fewer lines with text of their own (outside links) either: no container
# Deeper trees give no structure evidence: an element's chain of ancestors is asked of each line
# and element, time and memory the square of the depth (review28b: 15,000 nested <div> took 28 s
# and 1 GB); a real page nests a few dozen levels.
MAX_DEPTH = 256
HINT_LINES = 8  # lines at most of an element whose class word is evidence (html_evidence.HINT_WORDS)
LINK_DENSE = 0.5  # of a list's non-blank characters inside links: a list of links (a menu, related stories)
_SENTENCE_END = re.compile(r"[。！？!?][\"'”’」』）)]*$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Element:
    tag: str
    parent: int  # number of the enclosing marked element, -1 at the top
    why: str = ""  # the furniture region it names itself (``nav``, ``class=share``), or ""
    page_only: bool = False  # ``why`` holds only outside the container (a header or footer tag)
    evidence: str = ""  # what its own shape and place say (``html_evidence``: ``caption``, ``class=tags``), or ""
    chain: list[int] | None = field(default=None, repr=False)  # itself and its ancestors (_chain), once asked


@dataclass
class Structure:
    """The page's marked elements and, once read, each kept line's innermost element (-1: none)."""

    elements: list[Element] = field(default_factory=list)
    line_elements: list[int] = field(default_factory=list)

    def roles(self, lines: list[str], shares: list[float]) -> Roles:
        """Each line's role (module docstring), by text; ``shares``: each line's share of link text."""
        return line_roles(self.elements, lines, self.line_elements, shares)


def elements_of(tree) -> tuple[list, int]:
    """The tree's element nodes in document order, and the depth of the deepest. Walked by hand:
    iterating Resiliparse's ``query_selector_all`` result costs time quadratic in its length (3.4 s
    for the block elements of 20 dev pages, against 0.07 s for this walk)."""
    from resiliparse.parse.html import NodeType

    out, stack, deepest = [], [(tree.document, 0)], 0
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if node.type == NodeType.ELEMENT:
            out.append(node)
        child = node.last_child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.prev
    return out, deepest


_BLOCK_SET = frozenset(BLOCK_TAGS)


def mark_blocks(tree, elements: list) -> Structure:
    """Put the block marks into ``tree`` (module docstring) at its block ``elements`` (the
    element nodes of ``elements_of``, of any tag); the elements marked, by number."""
    structure = Structure()
    found = html_evidence.find(elements)  # read before any mark is in: the marks are text
    for at, node in enumerate(elements):
        if (node.tag not in _BLOCK_SET and at not in found) or node.first_child is None:
            continue  # no text: nothing to place, and a mark would make a line of its own
        number = len(structure.elements)
        structure.elements.append(Element(node.tag, -1, *_region(node), evidence=found.get(at, "")))
        digits = "".join(chr(_DIGIT0 + int(d, 16)) for d in f"{number:x}")
        node.insert_before(tree.create_text_node(_BLOCK + digits + _NUMBERED), node.first_child)
        node.append_child(tree.create_text_node(_END + digits + _NUMBERED))
    return structure


def _region(node) -> tuple[str, bool]:
    tag = node.tag
    if tag in _REGION_TAGS:
        return _REGION_TAGS[tag], False
    role = (node.getattr("role") or "").strip().lower()
    if role in _REGION_ROLES:
        return f"role={role}", False
    for attr in ("class", "id"):
        for word in _WORD.findall(node.getattr(attr) or ""):
            if word.lower() in REGION_WORDS:
                return f"{attr}={word.lower()}", False
    if tag in _PAGE_TAGS:
        return _PAGE_TAGS[tag], True
    return "", False


def read_marks(raw: list[str], structure: Structure) -> list[str]:
    """The raw lines without the block marks; ``structure.line_elements`` gets, for each raw line,
    the innermost element open at its first character of text (or at its end for a line without
    text), and the elements their parents (the element open where each begins)."""
    stack: list[int] = []
    out, where = [], []
    for line in raw:
        if _BLOCK not in line and _END not in line:
            out.append(line)
            where.append(stack[-1] if stack else -1)
            continue
        at, pos, parts = None, 0, []
        for m in _MARK_RE.finditer(line):
            text = line[pos:m.start()]
            if at is None and text.translate(_NO_LINK_MARKS).strip():
                at = stack[-1] if stack else -1
            parts.append(text)
            pos = m.end()
            mark = m.group()
            number = int("".join(f"{ord(c) - _DIGIT0:x}" for c in mark[1:-1]), 16)
            if mark[0] == _END:
                # Closed by number: an element whose end mark the extractor dropped is closed with
                # its parent, and the stack stays the tree's.
                if number in stack:
                    del stack[stack.index(number):]
                continue
            if number < len(structure.elements):
                structure.elements[number].parent = stack[-1] if stack else -1
            stack.append(number)
        parts.append(line[pos:])
        if at is None:
            at = stack[-1] if stack else -1
        out.append("".join(parts))
        where.append(at)
    structure.line_elements = where
    return out


def _prose(line: str) -> int:
    """The line's Han characters if it is a prose line (``script_data.visible_prose``'s test), else 0."""
    if len(line) < 15:
        return 0
    count = len(_HAN.findall(line))
    return count if count >= 15 and (_SENTENCE_END.search(line) or line.count("，") >= 2) else 0


def _own_text(line: str, share: float) -> float:
    """The line's Han characters outside links: what a page says itself (an agenda's row, a table's cell)."""
    return len(_HAN.findall(line)) * (1.0 - share) if share < LINKED_SHARE else 0.0


def _chain(elements: list[Element], number: int) -> list[int]:
    """The element and its ancestors, innermost first (kept on the element once found: a page asks
    it of each line and of each element)."""
    if number < 0:
        return []
    element = elements[number]
    if element.chain is None:
        out, seen, at = [], set(), number
        while at >= 0 and at not in seen:  # parents come from marks: a cycle is never followed
            seen.add(at)
            out.append(at)
            at = elements[at].parent
        element.chain = out
    return element.chain


def weights(lines: list[str], shares: list[float], in_region: list[bool]) -> list[float]:
    """What each line weighs in finding the article: its Han characters if it is prose, when the
    page has ``MIN_PROSE_LINES`` prose lines; otherwise (a programme, an agenda, a table: short
    rows without a full stop) its own text, when ``MIN_OWN_LINES`` lines have some; else nothing.
    Lines in a furniture region (``in_region``: a sidebar's blurb, a footer's notice) weigh nothing."""
    prose = [0.0 if region else float(_prose(line)) for line, region in zip(lines, in_region, strict=True)]
    own = [0.0 if region else _own_text(line, share) for line, share, region in zip(lines, shares, in_region, strict=True)]
    if sum(1 for han in prose if han) >= MIN_PROSE_LINES:
        return prose
    if sum(1 for han in own if han >= 2) >= MIN_OWN_LINES:
        return own
    return [0.0] * len(lines)


def container(elements: list[Element], weight: list[float], where: list[int]) -> int:
    """The article container: the deepest element holding ``CONTAINER_SHARE`` of the page's
    ``weight`` (``weights``), or -1 (no weight, or no element holds that much)."""
    total = sum(weight)
    if not total:
        return -1
    held = [0.0] * len(elements)
    for w, at in zip(weight, where, strict=True):
        if w:
            for number in _chain(elements, at):
                held[number] += w
    best, best_depth = -1, -1
    for number, han in enumerate(held):
        if han >= CONTAINER_SHARE * total:
            depth = len(_chain(elements, number))
            if depth > best_depth:
                best, best_depth = number, depth
    return best


def line_roles(elements: list[Element], lines: list[str], where: list[int], shares: list[float]) -> Roles:
    """Each line's role by its text (module docstring)."""
    chains = [_chain(elements, at) for at in where]
    _wrappers(elements, chains)
    in_region = [any(elements[n].why and not elements[n].page_only for n in chain) for chain in chains]
    weight = weights(lines, shares, in_region)
    box = container(elements, weight, where)
    chars, linked = _link_text(elements, lines, where, shares)
    if box >= 0:
        above = set(_chain(elements, box))  # the container and its ancestors: no region of the page's
        inside = [box in chain for chain in chains]
        held = [i for i, w in enumerate(weight) if inside[i] and w]
        first, last = held[0], held[-1]
        # Found by own text (too little prose), the container may start with the article's head:
        # its headline, a byline, a font-size toggle (`字級：小中大`), a few lines above its first
        # prose line. Then the article starts at that line; a longer run above it is the
        # article's own rows (an agenda, a programme before the text that follows it).
        prose_inside = [i for i in held if _prose(lines[i])]
        if prose_inside and sum(1 for i in held if i < prose_inside[0]) <= HEAD_LINES:
            first = prose_inside[0]
    else:
        # No article found: a region holding most of what the page says itself is the page, not its furniture.
        own = [_own_text(line, share) for line, share in zip(lines, shares, strict=True)]
        total = sum(own)
        held_own = [0.0] * len(elements)
        for w, chain in zip(own, chains, strict=True):
            for number in chain:
                held_own[number] += w
        above = {n for n in range(len(elements)) if total and held_own[n] >= total / 2}
        inside = [False] * len(lines)
        first = last = -1
    # Elements holding a line of the article's weight (prose): their class words name no furniture.
    weighty = {number for w, chain in zip(weight, chains, strict=True) if w for number in chain}
    # Elements holding a line between the article's first and last line of weight: a list of them is
    # the article's whole, its rows past the last prose line too (a live report's last timed item,
    # too short to weigh, is a row of the same list as the ones above it).
    spanning = {number for i, chain in enumerate(chains) if inside[i] and first <= i <= last for number in chain}
    per_text: dict[str, list[str]] = {}
    for i, (line, chain) in enumerate(zip(lines, chains, strict=True)):
        role = ""
        if inside[i]:
            part = chain[: chain.index(box)]  # the elements between the line and the container
            # The article's: between its first and last line of weight, in no furniture region
            # of its own (a share bar, a box of related links) and no link (a line, or a part of
            # the container, that is mostly link text is the page's, however it stands). A region
            # inside the container is no evidence either way: leaning its links towards furniture
            # took a Wikipedia copy's navbox links (查 编 论), which its hand copy keeps.
            if (first <= i <= last and shares[i] < LINKED_SHARE
                    and not any(elements[n].why and not elements[n].page_only for n in part)
                    and not any(chars[n] and linked[n] >= LINK_DENSE * chars[n] for n in part)):
                role = ARTICLE
        else:
            role = OUTSIDE if box >= 0 else ""
            for number in chain:
                if number in above:
                    break
                element = elements[number]
                if element.why:
                    role = REGION + element.why
                    break
                if element.tag in ("ul", "ol", "menu") and chars[number] and linked[number] >= LINK_DENSE * chars[number]:
                    role = REGION + "links"
                    break
        found = _evidence(elements, chain[: chain.index(box)] if inside[i] else chain, above, weighty, spanning)
        if found and not (role.startswith(REGION) and shares[i] >= LINKED_SHARE):
            role = found  # a link of a named region stays the region's (page_structure takes it by its name)
        per_text.setdefault(line.strip(), []).append(role)
    for i in _repeats(lines, inside, first, last):
        per_text[lines[i].strip()] = [STRUCTURE + "repeats-article"] * len(per_text[lines[i].strip()])
    return _by_text(per_text)


def _evidence(elements: list[Element], part: list[int], above: set[int], weighty: set[int], in_article: set[int]) -> str:
    """``structure:FEATURE`` of the innermost element of ``part`` (the line's elements, innermost
    first, below the container) that has a finding of ``html_evidence``, or "". Never the
    container's nor an ancestor's (``above``), nor the class word of an element holding a line of
    the article's weight (``weighty``); a feature that holds only outside the article
    (``html_evidence.OUTSIDE_ONLY``: a list of timed items, chips, field rows) is no evidence of an
    element ``in_article``, one holding a line between the container's first and last line of weight
    (a live report's own timed paragraphs, the article's own list or table): for none of its lines."""
    for number in part:
        if number in above:
            break
        feature = elements[number].evidence
        if feature.startswith(html_evidence.HINT) and number in weighty:
            continue  # a class word of an element holding the article's prose names no furniture
        if feature and not (number in in_article and feature in html_evidence.OUTSIDE_ONLY):
            return STRUCTURE + feature
    return ""


_LABEL = re.compile(r"^[^，。：:\s]{1,6}[：:]\s*")


def _repeats(lines: list[str], inside: list[bool], first: int, last: int) -> list[int]:
    """Lines of the container above a later article line that they repeat after a label of their
    own (``摘要：`` + the first paragraph; a summary box ending in ``…`` repeats its start)."""
    if first < 0:
        return []
    later = [lines[j].strip() for j in range(first, last + 1) if inside[j]]
    out = []
    for i in range(first, last + 1):
        if not inside[i] or not (m := _LABEL.match(lines[i].strip())):
            continue
        said = lines[i].strip()[m.end():].rstrip("…").rstrip(".")
        if len(_HAN.findall(said)) >= 15 and any(text != lines[i].strip() and text.startswith(said) for text in later):
            out.append(i)
    return out


Roles = dict[str, "str | tuple[str, ...]"]  # text -> its role, or each occurrence's role in order ("" none)


def _by_text(per_text: dict[str, list[str]]) -> Roles:
    out: Roles = {}
    for text, roles in per_text.items():
        if len(set(roles)) > 1:
            out[text] = tuple(roles)
        elif roles[0]:
            out[text] = roles[0]
    return out


def keyed(lines: list[str], roles: list[str]) -> Roles:
    """``roles`` (one a line, "" for none) keyed by the lines' text, stripped (module docstring)."""
    per_text: dict[str, list[str]] = {}
    for line, role in zip(lines, roles, strict=True):
        per_text.setdefault(line.strip(), []).append(role)
    return _by_text(per_text)


def shared(roles: tuple[str, ...]) -> str:
    """The role the occurrences of a text share, when which is which is not known (module docstring)."""
    if ARTICLE in roles:
        return ARTICLE
    if all(role.startswith(REGION) for role in roles):
        return roles[0]
    if all(role == OUTSIDE or role.startswith(REGION) for role in roles):
        return OUTSIDE
    return ""


def role_at(roles, text: str, occurrence: int, occurrences: int) -> str:
    """The role of the ``occurrence``-th (from 0) of ``occurrences`` lines of ``text`` (stripped)
    among the lines judged; ``roles``: ``line_roles``' (or a caller's plain ``{text: role}``)."""
    role = roles.get(text, "")
    if isinstance(role, str):
        return role
    return role[occurrence] if len(role) == occurrences else shared(role)


def _wrappers(elements: list[Element], chains: list[list[int]]) -> None:
    """An element holding half of the page's lines or more is its wrapper, whatever its class
    says (``<div id="wrap" class="has-sidebar">``): it names no region."""
    held = [0] * len(elements)
    for chain in chains:
        for number in chain:
            held[number] += 1
    for number, element in enumerate(elements):
        if element.why and held[number] * 2 >= len(chains):
            element.why, element.page_only = "", False
        # A class word names a widget (a tag row, a toolbar, an author's box), a few lines: on
        # more it names a wrapper or a view (CSDN's content_views around a post that is mostly code).
        if element.evidence.startswith("class=") and (held[number] * 2 >= len(chains) or held[number] > HINT_LINES):
            element.evidence = ""


def _link_text(elements: list[Element], lines: list[str], where: list[int], shares: list[float]) -> tuple[list[float], list[float]]:
    """(non-blank characters, of them inside links) of each element's lines."""
    chars = [0.0] * len(elements)
    linked = [0.0] * len(elements)
    for line, at, share in zip(lines, where, shares, strict=True):
        count = len(line) - line.count(" ")
        for number in _chain(elements, at):
            chars[number] += count
            linked[number] += count * share
    return chars, linked
