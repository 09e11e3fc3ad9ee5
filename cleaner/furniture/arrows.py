"""Which ``>`` of a line split the items of a row (首页 > 新闻 > 正文, 热点 | 社会 >> 民生), and
which belong to markup, code or a sentence.

A row's separator stands between items; a ``>`` (or ``<``) that closes or opens angle-bracketed
markup splits nothing: a tag pair a markup step does not know (``<ref>人民日报</ref>``,
``<math>E=mc^2</math>``, ``<nowiki>*</nowiki>``), a template's parameter (``<T>``,
``vector<int>``), a comparison written with both signs (``a<b 且 b>c``), an operator (``=>``,
``->``, ``>=``), a comparison of two ASCII words or numbers glued to it (``x>3``) or code between
backquotes, a title between ASCII angle brackets (``<<三体>>``). Those two arrows of a tag pair once made a line of wiki text a navigation trail and
removed it whole. ``row_text`` hides them, so the rules that count separators read the same line
a reader does.
"""

import re

# Angle-bracketed markup: an opening, closing or empty tag whose name starts with an ASCII letter
# (<ref name="a">, </ref>, <br/>, <T>, <int>, <b 且 b>), a comment or declaration (<!-- -->,
# <!DOCTYPE>, <?xml ?>). A trail's own signs never open with a letter after "<": << 上一页,
# 首页 < 新闻 (with a space) stay.
_MARKUP = re.compile(r"<(?:/?[A-Za-z][^<>\n]{0,80}|!--.*?--|[!?][^<>\n]{0,80})>"
                     # A title between ASCII angle brackets, as old pages write 《》: <<三体>>, <数据>
                     # (no space nor bar inside: a pager's << 上一页 | 下一页 >> holds them).
                     r"|<<[^<>\s|]{1,30}>>|<[^<>\s|]{1,30}>")
# Operators and comparisons of code or formulas: =>, ->, -->, >=, >>= and a ">" glued on both sides
# to an ASCII word or number (x>3, len(a)>0); a trail between Latin words sets spaces (Home > News).
_OPERATOR = re.compile(r"[-=]+>|>+=|(?<=[A-Za-z0-9_)\]])>+(?=[A-Za-z0-9_(])")
# Code quoted between backquotes (`a > b`).
_CODE = re.compile(r"`[^`\n]+`")
# What ends a clause: a separator after one stands inside a sentence (价格>100元，…), not in a row.
_CLAUSE = re.compile(r"[，,；;。！？!?]")
_HIDDEN = "\ufffc"  # what stands for a hidden span: no separator, no letter, no sentence end


def row_text(text: str) -> str:
    """``text`` with its markup, operators and quoted code each replaced by one neutral character:
    what is left of its ``>`` may split a row's items.

    >>> row_text("他于1990年出生<ref>人民日报</ref>，后来迁居北京").count(">")
    0
    >>> row_text("首页 > 新闻 >> 正文")
    '首页 > 新闻 >> 正文'
    """
    if "<" not in text and ">" not in text and "`" not in text:
        return text
    if "`" in text:
        text = _CODE.sub(_HIDDEN, text)
    if "<" in text:
        text = _MARKUP.sub(_HIDDEN, text)
    return _OPERATOR.sub(_HIDDEN, text) if ">" in text else text


def in_sentence(text: str, separators: re.Pattern[str]) -> bool:
    """Does a clause end (a comma, a full stop) stand before the last of ``text``'s separators?
    A trail's or menu's items before the last are names (首页, 新闻中心); only its last, the
    article's title, may be a sentence.

    >>> in_sentence("他说，买入的价格>100元> 就不卖", re.compile(">"))
    True
    >>> in_sentence("首页 > 新闻 > 他说，明天会更好", re.compile(">"))
    False
    """
    last = None
    for last in separators.finditer(text):
        pass
    return last is not None and _CLAUSE.search(text, 0, last.start()) is not None
