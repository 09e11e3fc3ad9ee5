"""Terminal colour codes left in text: ``ESC[1;33m精华ESC[m`` is ``精华``.

Why: posts copied out of a BBS read over telnet (PTT, the university boards, a PCMan or Netterm
window) and logs captured from a terminal carry the ANSI escape sequences the terminal renders as
colour, bold and cursor moves (SGR, ``ESC [ params m``, and the other CSI sequences). A terminal
shows none of their characters; in a text file each is the escape character and a few ASCII
signs. Removing only the escape character (an invisible one) leaves ``[1;33m`` in the text, as it
is when a copy lost the escape character on its way (``[1;33m``), or shows it as a sign: PCMan's
copy writes ``*[1;33m``, ``cat -v`` and many editors ``^[[1;33m``, the Windows console ``←[1;33m``.

The evidence, strongest first:

* The escape character itself before ``[`` parameters and a final letter (``ESC[2J``, ``ESC[1;1H``,
  ``ESC[K``): a control character that means nothing else in text. Always removed, whole.
* ``^[[`` and ``←[`` before parameters and a letter (cat -v's and the Windows console's way of
  showing the escape character), and ``*[`` before parameters and ``m`` (PCMan's, colour only):
  removed, whole, unless an article explains or quotes it (``^[[1;33m 表示黄色``).
* ``[`` parameters ``m`` alone (the escape character lost: ``[1;33m``, ``[m``): only a run of digits
  and ``;`` then ``m`` (``[1]`` and ``[12]`` are citations, ``[m]`` a word in brackets, ``[mysql]`` a
  name: none is matched), never after the escape written out (``ESC[1;33m``, ``\\033[0m``) nor
  one an article explains (``[31m 表示红色``) or quotes alone (``“[0m”``); and only where the page's
  codes form a run (a reset ``[m`` or ``[0m`` among two codes or more: a tutorial's list ``[30m
  黑色、[31m 红色`` has none; on a line with no reset, a code touching Han or at the line's
  start), or one stands where a terminal writes it: a colour set with ``;`` right
  before Han, a reset right after Han (a 5-metre note ``长[5m，`` stays).
"""

from __future__ import annotations

import re

from cleaner.chardata import HAN_CLASS
from cleaner.textedit import until_unchanged

# Control Sequence Introducer after the escape character: parameter bytes (digits, ;, and the
# private-mode signs ? < = >), intermediates (space to /), one final letter. ftfy removes the same.
_RAW = re.compile(r"\x1b\[[0-9;?<=>]*[ -/]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
# The escape character shown as signs: cat -v's ^[ and the Windows console's ← before any CSI
# sequence; PCMan's * before a colour code only (a * before [12m is nothing else in text either).
_SHOWN = re.compile(r"(?:\^\[|\u2190)\[[0-9;]*[A-HJKSTfhlmsu]|\*\[[0-9;]*m")
# The escape character lost: [ digits and ; ] m. With a ; between numbers it is no word; a bare
# [m or one number is not followed by what makes it a word or a bracketed note ([m], [5m],
# [mysql], [5mm]: a closing bracket or a lower-case letter).
# Nor after the escape written out as a word or as code writes it (ESC[1;33m, ^[ in prose,
# \033[1;33m, \e[0m in an article about terminals).
_STRIPPED = re.compile(r"(?<!ESC)(?<!\^\[)(?<!\\033)(?<!\\e)(?<!\\E)(?<!\\x1b)(?<!\\x1B)(?<!\\u001b)(?<!\\u001B)"
                       r"\[(?:\d{1,3}(?:;\d{1,3})+m|(?:\d{1,3})?m(?![\]a-z]))")
_RESET = re.compile(r"\[0{0,2}m")
# A code an article quotes or explains (“[1;33m”, `[0m`, [31m 表示红色): what it shows, not colour.
_QUOTE_OPEN = frozenset("「『“‘`'\"")
_QUOTE_CLOSE = frozenset("」』”’`'\"")
# An explanation stands apart from what it explains: a code right before 表示 colours the word
# (月亮[m代表我的心).
_EXPLAINED = re.compile(r"\s+(?:表示|代表|意为|意思是|是)")
# A page of colour sets a colour before the text and resets it after: a code of its own that is no
# reset, and a reset, before its stripped codes count as codes.
MIN_STRIPPED = 2
_HAN = re.compile(f"[{HAN_CLASS}]")


def strip(text: str) -> str:
    """``text`` without the terminal's codes (see the module's docstring).

    >>> strip("\\x1b[1;33m精华区\\x1b[m 公告")
    '精华区 公告'
    >>> strip("[1;31m注意[m：参见[1]与[m]")
    '注意：参见[1]与[m]'
    """
    if "[" not in text:
        return text
    if "\x1b" in text:
        text = _RAW.sub("", text)
    if "*[" in text or "^[[" in text or "\u2190[" in text:
        text = _SHOWN.sub(lambda m: m.group() if _quoted(m) else "", text)
    # Taking a code out may join the signs around it into another (精华[[1;33m1;33m区): again until
    # nothing is left to take, so that a second run finds nothing.
    return until_unchanged(_strip_lost, text) if "m" in text else text


def _strip_lost(text: str) -> str:
    """The codes whose escape character was lost, taken out where the page shows a run of them."""
    found = [m for m in _STRIPPED.finditer(text) if not _quoted(m)]
    # A run of codes is the page's, but a code on a line holding no reset must touch the text it
    # colours (Han, or the line's start): a tutorial's list, [30m 黑色、[31m 红色, does neither, and a
    # reset elsewhere on the page says nothing of it.
    closed = {text.rfind("\n", 0, m.start()) for m in found if _RESET.fullmatch(m.group())}
    if len(found) < MIN_STRIPPED or not closed:
        found = [m for m in found if _alone_in_place(m)]
    else:
        found = [m for m in found if text.rfind("\n", 0, m.start()) in closed or _touches_text(m)
                 or _alone_in_place(m)]
    if not found:
        return text
    pieces, last = [], 0
    for m in found:
        pieces += [text[last:m.start()]]
        last = m.end()
    return "".join(pieces) + text[last:]


def _quoted(m: re.Match) -> bool:
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return bool(before and after) and before in _QUOTE_OPEN and after in _QUOTE_CLOSE or bool(
        _EXPLAINED.match(text, m.end()))


def _touches_text(m: re.Match) -> bool:
    text = m.string
    before = text[m.start() - 1] if m.start() else "\n"
    after = text[m.end()] if m.end() < len(text) else "\n"
    return before == "\n" or bool(_HAN.match(before) or _HAN.match(after))


def _alone_in_place(m: re.Match) -> bool:
    """One code alone where a terminal writes it: a colour set (numbers and ;, no measure such as
    [5m) right before Chinese text, or a reset right after it."""
    text = m.string
    if _RESET.fullmatch(m.group()):
        return m.start() > 0 and bool(_HAN.match(text[m.start() - 1]))
    return ";" in m.group() and m.end() < len(text) and bool(_HAN.match(text[m.end()]))


