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
  removed, whole.
* ``[`` parameters ``m`` alone (the escape character lost: ``[1;33m``, ``[m``): only a run of digits
  and ``;`` then ``m`` (``[1]`` and ``[12]`` are citations, ``[m]`` a word in brackets, ``[mysql]`` a
  name: none is matched), and only where the page holds several such codes or one stands beside
  a Han character (a 5-metre note ``[5m`` alone in a Latin text stays).
"""

from __future__ import annotations

import re

from cleaner.chardata import HAN_CLASS

# Control Sequence Introducer after the escape character: parameter bytes (digits, ;, and the
# private-mode signs ? < = >), intermediates (space to /), one final letter. ftfy removes the same.
_RAW = re.compile(r"\x1b\[[0-9;?<=>]*[ -/]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
# The escape character shown as signs: cat -v's ^[ and the Windows console's ← before any CSI
# sequence; PCMan's * before a colour code only (a * before [12m is nothing else in text either).
_SHOWN = re.compile(r"(?:\^\[|\u2190)\[[0-9;]*[A-HJKSTfhlmsu]|\*\[[0-9;]*m")
# The escape character lost: [ digits and ; ] m. With a ; between numbers it is no word; a bare
# [m or one number is not followed by what makes it a word or a bracketed note ([m], [5m],
# [mysql], [5mm]: a closing bracket or a lower-case letter).
# Nor after the escape written as code writes it (\033[1;33m, \e[0m in an article about terminals).
_STRIPPED = re.compile(r"(?<!\\033)(?<!\\e)(?<!\\E)(?<!\\x1b)(?<!\\x1B)(?<!\\u001b)(?<!\\u001B)"
                       r"\[(?:\d{1,3}(?:;\d{1,3})+m|(?:\d{1,3})?m(?![\]a-z]))")
# Codes of their own on a page before its stripped forms count as codes (a page of colour has a
# code to set a colour and one to reset it: two at least).
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
        text = _SHOWN.sub("", text)
    if "m" not in text:
        return text
    found = list(_STRIPPED.finditer(text))
    if len(found) < MIN_STRIPPED:
        found = [m for m in found if _beside_han(m)]
    if not found:
        return text
    pieces, last = [], 0
    for m in found:
        pieces += [text[last:m.start()]]
        last = m.end()
    return "".join(pieces) + text[last:]


def _beside_han(m: re.Match) -> bool:
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return bool(_HAN.match(before) or _HAN.match(after))
