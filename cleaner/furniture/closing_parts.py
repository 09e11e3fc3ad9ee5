"""The article's own lines below furniture under it: a closing section and a run's last row.

The tail sweep (``generic.tail_sweep``) takes the short lines below the first line gone under the
article: nothing of the article follows the site's furniture there. Some article lines do:

- a **closing section** under its heading (``section_heading``): notes (``注释：``, ``【注】``), a
  glossary (``名词解释``), an appendix (``附录：调查说明``), a postscript (``附言：``, ``后记``), a recipe's tips (``小贴士``), an interview's bio (``人物简介``) — a site may set
  a share row, an advert or a QR prompt between the article's last paragraph and such a part. The
  heading names a part of a text, never a page's or a site's; its rows run down to the next line gone
  (``closing_section``).
- the **rows of a closing section by their notes' marks** (``marked_sections``: notes ``①…``, ``[1] …``,
  an attachments list ``附件：1.…`` under a notice's signature): the article's, kept from the ``list`` family
  and the score as its counted rows are.
- a **run's last row** (``resumed_row``): a live text's rows opening with a clock or a counted period
  (``第四节 00:41 …``, ``9局下 21:55 …``, ``九局上 …``, ``10:26 记者提问…``) broken by an advert, the row under
  it in the same form as the rows right above the advert: the run goes on under it (the match's last
  entry), as no site's furniture is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# A heading naming a part of a text that closes it (lines are folded to Simplified and NFKC: 註釋 -> 注释,
# 【註】 -> 【注】), alone on its line, in brackets or with a colon. 温馨提示 and 相关… are the site's words, and
# 参考文献 may be either's: a paper's full text closes on its references, a journal's abstract page lists them as
# its own box (held-out unseen11's leftover rose 6.70 -> 7.98 with them read as the article's).
_SECTION = re.compile(r"^[【\[(]?(?:注|注释|注解|附注|注文|名词解释|名词链接|附录[一二三四五六七八九十\d]?"
                      r"|附言|附记|后记|编后记?|小贴士|小提示|小叮咛|人物简介|受访者简介|嘉宾简介)[】\])]?\s*:?"
                      # an appendix's heading may name it after its colon (附录：调查说明)
                      r"(?:(?<=:)\s*[\u3400-\u9fff]{2,8})?$")
SECTION_ROW_MAX = 80  # characters of a row of the section (a note, a term and its meaning, a reference)


def section_heading(text: str) -> bool:
    """A heading of the article's closing part (``_SECTION``: 注释：, 【注】, 名词解释, 附录：调查说明), alone on its
    line or with its first note after its colon (``注释：①《临川县志》卷二``: ``_first_note``)."""
    text = text.strip()
    return len(text) <= 16 and bool(_SECTION.match(text)) or _first_note(text) is not None


_HEAD = re.compile(r"^[【\[(]?(?:注|注释|注解|附注)[】\])]?\s*:\s*")  # a notes heading's words and colon, a note after them


def _first_note(text: str) -> str | None:
    """The first note a notes heading carries on its line after its colon (注释：①… -> ①…), or None."""
    m = _HEAD.match(text)
    if not m or len(text) > SECTION_ROW_MAX:
        return None
    rest = text[m.end():]
    return rest if any(mark.match(rest) for mark in _MARKS) else None


def closing_section(texts: Sequence[str], gone: Callable[[int], bool], gap_above: Callable[[int], bool]) -> set[int]:
    """Positions of the article's closing sections: each heading (``section_heading``) not gone, and the
    rows under it down to the first line gone (``gone``, or taken above it: ``gap_above``) or longer than
    ``SECTION_ROW_MAX``."""
    out: set[int] = set()
    for pos, text in enumerate(texts):
        if pos in out or gone(pos) or not section_heading(text):
            continue
        out.add(pos)
        for row in range(pos + 1, len(texts)):
            if gone(row) or gap_above(row) or len(texts[row]) > SECTION_ROW_MAX:
                break
            out.add(row)
    return out


# A row of a section by its note's mark, of one kind down the section (folded, NFKC: brackets are ASCII):
# ① (NFKC makes it a bare 1 before the note's words: 1《临川县志》), [1], 1. or 2、, (3), 注1. A term's key
# (专项债券:…) is no mark: a site's 上一篇:… has one too.
_MARKS = (re.compile(r"^(?:[\u2460-\u2473]|\d{1,2}(?=[\u3400-\u9fff《“(]))"), re.compile(r"^\[\d{1,3}\]"),
          re.compile(r"^\d{1,2}[.、](?!\d)\s*\S"), re.compile(r"^\(\d{1,2}\)"), re.compile(r"^注\s*\d{1,2}"))
# An attachments list opening on its key's line with its first item (附件:1.… , 附件:一、…), its items under it.
_ATTACHMENTS = re.compile(r"^附件\s*:\s*(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,2}、)\s*\S")
_ITEM = re.compile(r"^(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,2}、)\s*\S")


def marked_sections(texts: Sequence[str], lo: int) -> set[int]:
    """Positions from ``lo`` of the rows under a closing section's heading (``section_heading``) that each
    bear a note's mark of the first row's kind (``_MARKS``: ①…, [1] …), and of an attachments list opening
    on its key's line (``_ATTACHMENTS``: 附件：1.… over 2.…) with its numbered rows: the article's notes,
    sources and files, however short and list-like (the ``list`` family and the score took them)."""
    out: set[int] = set()
    for pos in range(lo, len(texts)):
        text = texts[pos].strip()
        if section_heading(text) and pos + 1 < len(texts):
            first = _first_note(text) or texts[pos + 1].strip()  # 注释：①… opens on the heading's line
            form = next((mark for mark in _MARKS if mark.match(first)), None)
            if _first_note(text):
                out.add(pos)
        elif _ATTACHMENTS.match(text):
            out.add(pos)
            form = _ITEM
        else:
            continue
        for row in range(pos + 1, len(texts)):
            if form is None or len(texts[row]) > SECTION_ROW_MAX or not form.match(texts[row].strip()):
                break
            out.add(row)
    return out


# A run's label opening the row: a clock (01:05, 21:48), a label before it or not (第四节 01:05), or a counted
# period (第四节, 九局上, 9局下: a numeral in it; 上半场 has none).
_LABEL = re.compile(r"^(?:(\S{0,6}?)\s*(\d{1,2}:\d{2})(?::\d{2})?|([^\s\d]{0,3}[\d一二三四五六七八九十]{1,2}[\u3400-\u9fff]{1,3}))\s")
_NUMERAL = re.compile(r"[\d一二三四五六七八九十]")
RUN_MIN = 2  # rows of one form right above the gap that make a run


def row_form(text: str) -> str | None:
    """The form of a run's row: its label with numerals as 0 (``第0节 00:00``, ``0局下``, ``00:00``), or None."""
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group(3) if m.group(3) is not None else f"{m.group(1)} {m.group(2)}"
    return _NUMERAL.sub("0", label)


def resumed_row(texts: Sequence[str], pos: int, gone: Callable[[int], bool], gap_above: Callable[[int], bool]) -> bool:
    """Is ``texts[pos]``, right under lines gone (``gone``, or taken between two lines: ``gap_above``),
    a row of a run (``row_form``: a clock or a counted period opens it) of the form of the ``RUN_MIN`` rows or
    more right above those lines?"""
    form = row_form(texts[pos])
    if form is None or pos == 0 or not (gone(pos - 1) or gap_above(pos)):
        return False
    above = pos - 1
    while above >= 0 and gone(above):
        above -= 1
    run = 0
    while above >= 0 and not gone(above) and row_form(texts[above]) == form:
        run, above = run + 1, above - 1
    return run >= RUN_MIN

