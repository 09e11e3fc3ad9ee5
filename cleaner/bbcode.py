"""Forum markup (BBCode) left in text: ``[color=#333333][font=宋体]正文[/font][/color]`` is ``正文``.

Why: posts copied out of forum software (Discuz!, phpBB, vBulletin, the BBS of every Chinese
portal) or from its database carry the markup the forum renders: bold, colours, fonts, sizes,
links, quotes, pictures, attachments and smilies. It is the forum's layout, as written-out HTML
tags are a page's, and it goes the same way: a tag goes and the text inside stays; a picture
(``[img]URL[/img]``), an attachment (``[attach]123[/attach]``), a smiley (``[em]e100[/em]``, or a named code, ``:lol:``) or
a media player goes with its body, which is an address or an id, not text; a link keeps the text it
shows (``[url=X]原文[/url]`` is 原文).

Square brackets mean much else in Chinese text (``[1]`` references, ``[注]``, ``[图]``, Markdown's
``[text](url)``), so only the tag names forum software knows are read, and only in a form that
is markup beyond doubt: a tag with a value (``[color=red]``, ``[size=4]``, ``[url=…]``), a tag closed
later by its own closing tag (``[b]…[/b]``), or a closing tag of a known name on a text that holds
such markup. A lone ``[b]`` or ``[i]`` (a footnote's label) stays. A block tag (a quote, a list
item, an alignment) between text on both sides becomes a line break, as a block does in HTML.

An article about BBCode shows its tags as examples, and those stay: a tag inside quotes on its
line (「[b]粗体[/b]」, “[color=red]”, `[img]`), or in the clause after a word that brings an example
(例如、比如、譬如、写作、输入: 例如 [b]粗体[/b] 表示加粗). A forum post does not quote its own
markup, and its tags around a quotation (“[b]好[/b]” is bold inside the quotes) are not the
whole of it: only tags whose quotes hold markup and a word or two of example (the quotes open
just before the tag and close just after its pair, around no sentence) count as quoted.
"""

from __future__ import annotations

import re

# Tags whose text stays; the block ones break a line where they stand between text.
INLINE = ("b", "i", "u", "s", "strike", "color", "font", "size", "backcolor", "bgcolor", "sup", "sub", "url",
          "email", "shadow", "glow", "fly", "move", "highlight", "hide", "free", "font-family", "del")
BLOCK = ("quote", "code", "list", "*", "align", "left", "center", "right", "indent", "p", "float", "table",
         "tr", "td", "th", "hr", "php", "html", "spoiler")
# Tags whose body goes with them: an address, an id or a smiley's code, not text.
BODILESS = ("img", "attach", "attachimg", "em", "media", "flash", "swf", "audio", "video", "mp3", "qq", "wmv", "rm")
_NAMES = sorted(INLINE + BLOCK + BODILESS, key=len, reverse=True)
_TAG = re.compile(r"\[(/?)(" + "|".join(map(re.escape, _NAMES)) + r")(=[^\[\]\n]{1,300})?\]", re.IGNORECASE)
_BLOCK = frozenset(BLOCK)
_BODILESS = frozenset(BODILESS)
_SPACE = " \t\u3000"
# The named smiley codes of phpBB and Discuz! (``:lol:``), which a forum shows as pictures: on a
# text holding BBCode they go, with the space before them. ASCII faces (``:)``, ``:D``) stay: they
# are typed, and read as what they are, on any page.
SMILIES = ("lol", "shock", "oops", "cry", "evil", "twisted", "roll", "idea", "arrow", "mrgreen", "geek", "ugeek",
           "loveliness", "funk", "curse", "dizzy", "shutup", "sleepy", "hug", "victory", "time", "kiss", "handshake",
           "call")
_SMILEY = re.compile(r"[ \t]?(?<![\w:]):(?:" + "|".join(SMILIES) + r"):(?![\w:])")


def strip_bbcode(text: str) -> str:
    """BBCode tags left in text: tags go, their text stays; pictures, attachments and smilies go whole.

    >>> strip_bbcode("[size=5][b]标题[/b][/size]\\n[img]http://x.cn/1.jpg[/img]\\n"
    ...              "[color=#333333][font=宋体]正文。[/font][/color] [em]e100[/em]")
    '标题\\n\\n正文。 '
    >>> strip_bbcode("见[1]和[注]，[b]号，[链接](http://x.cn)")
    '见[1]和[注]，[b]号，[链接](http://x.cn)'
    """
    if "[" not in text or "]" not in text:
        return text
    tags = list(_TAG.finditer(text))
    if not tags:
        return text
    examples = _examples(text, tags)
    sure = _sure(tags) - examples
    if not sure:
        return text
    # A closing tag of a known name with none of its own opened: what is left of a cut post.
    sure |= {k for k, m in enumerate(tags) if m.group(1)} - examples
    out, last = [], 0
    skip_to = -1
    text_before = False  # does the output's current line hold text (tags gone) yet?
    for k, m in enumerate(tags):
        if k not in sure or m.start() < skip_to:
            continue
        name = m.group(2).lower()
        piece = text[last:m.start()]
        out.append(piece)
        text_before = _holds_text(piece, text_before)
        last = m.end()
        if name in _BODILESS and not m.group(1):
            close = _closing(tags, k, name)
            if close is not None:
                last = skip_to = tags[close].end()
        elif name in _BLOCK and text_before and _text_after(text, last):
            out.append("\n")
            text_before = False
    out.append(text[last:])
    return _SMILEY.sub("", "".join(out))


# Quotes an example stands in, and the words that bring one on; what ends their clause.
_QUOTES = {"「": "」", "『": "』", "“": "”", "‘": "’", "`": "`", '"': '"', "《": "》", "〈": "〉"}
# Not 输入/标签/代码: a forum's own posts write 请输入[color=red]验证码[/color] and 标签：[url=…]…[/url].
_EXAMPLE_WORD = re.compile(r"(?:例如|比如|譬如|诸如|諸如|例子|写作|寫作|写成|寫成)[：:，, ]*$")
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")
_EXAMPLE_REACH = 60  # characters of a clause an example word reaches
EXAMPLE_TEXT = 12  # characters a quoted example shows at most (粗体, 红色的字)
_SENTENCE = re.compile("[。！？!?]")


def _examples(text: str, tags: list[re.Match]) -> set[int]:
    """The indices of the tags that are an article's examples: quoted alone (the quotes open right
    before a tag and close right after it or its pair: 「[b]粗体[/b]」), or in the clause after an
    example word (例如 [b]粗体[/b])."""
    out: set[int] = set()
    k = 0
    while k < len(tags):
        m = tags[k]
        before = text[max(0, m.start() - 12):m.start()].rstrip(" ")
        opening = before[-1:]
        if opening in _QUOTES:
            close = text.find(_QUOTES[opening], m.end())
            line_end = text.find("\n", m.end())
            if close >= 0 and (line_end < 0 or close < line_end):
                inside = [j for j in range(k, len(tags)) if tags[j].end() <= close]
                shown = _TAG.sub("", text[m.start():close])
                # The quotes end at a tag of the example, or hold one tag alone, and what they show
                # is a word or two: a post's coloured quotation is a sentence.
                if (text[tags[inside[-1]].end():close].strip(" ") == "" or len(inside) == 1) and \
                        len(shown) <= EXAMPLE_TEXT and not _SENTENCE.search(shown):
                    out.update(inside)
                    k = inside[-1] + 1
                    continue
        if _EXAMPLE_WORD.search(before):
            clause = _CLAUSE_END.search(text, m.end())
            stop = min(clause.start() if clause else len(text), m.start() + _EXAMPLE_REACH)
            inside = [j for j in range(k, len(tags)) if tags[j].start() < stop]
            # An example's tag and its closing tag stay or go together: the reach must not cut a pair.
            while (last := inside[-1]) + 1 < len(tags) and not tags[last].group(1) and \
                    (close := _closing(tags, last, tags[last].group(2).lower())) is not None:
                inside += list(range(last + 1, close + 1))
            out.update(inside)
            k = inside[-1] + 1
            continue
        k += 1
    return out


def _sure(tags: list[re.Match]) -> set[int]:
    """The indices of the tags that are markup beyond doubt: with a value, or opened and closed."""
    sure = {k for k, m in enumerate(tags) if m.group(3) and not m.group(1)}
    open_at: dict[str, list[int]] = {}
    for k, m in enumerate(tags):
        name = m.group(2).lower()
        if not m.group(1):
            open_at.setdefault(name, []).append(k)
        elif open_at.get(name):
            sure |= {open_at[name].pop(), k}
    # List items are sure after a list's opening tag that is.
    lists = [j for j in sure if tags[j].group(2).lower() == "list" and not tags[j].group(1)]
    if lists:
        sure |= {k for k, m in enumerate(tags) if m.group(2) == "*" and k > min(lists)}
    return sure


def _closing(tags: list[re.Match], k: int, name: str) -> int | None:
    for j in range(k + 1, len(tags)):
        if tags[j].group(2).lower() == name:
            return j if tags[j].group(1) else None
    return None


def _holds_text(piece: str, before: bool) -> bool:
    """Does the current line hold text once ``piece`` is written (``before``: it did)?"""
    cut = piece.rfind("\n")
    return bool(piece[cut + 1:].strip(_SPACE)) if cut >= 0 else before or bool(piece.strip(_SPACE))


def _text_after(text: str, end: int) -> bool:
    """Does text follow a tag on its line?"""
    after = text.find("\n", end)
    return bool(text[end:len(text) if after < 0 else after].strip(_SPACE))
