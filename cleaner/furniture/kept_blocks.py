"""Lines the generic furniture model never takes: program code, text tables, a document's title.

A tech article quotes code and sets its figures in a Markdown table. Line by line their lines look
like furniture: short, without sentence marks, full of separators (``| 参数 | 类型 |`` reads like
the menu row ``首页 | 新闻 | 财经``, ``def split(text):`` like a button label). Furniture is never
program code (``codelines`` finds it, and the lines of its blocks), and a menu has no rule row
(``| --- | --- |``) under its first row: the lines of either are the article's. Losing them costs
more than losing a menu's text: a code block whose first line went loses its indentation and its
ASCII signs too (the width fixers no longer know its lines for code).

Some headlines have a fixed form: an official document's title, 关于…的通知 (决定, 意见, 公告, 批复 …),
a chapter's, 第123章 …, and a bulletin board post's title row, 標題 [問卦] … (the rest of its header,
作者 and 時間, stays furniture). Near the top of a page such a line is the headline, whatever the
lines around it look like (a breadcrumb above it, a publication row below, a date inside it). Lists of
other documents (相关文件) or of chapters (目录) hold several such lines one after another, or sit
lower on the page: only a lone one among the first lines is kept.

A listing in columns (``unzip -l``, ``ls -l``, a database's query result, a plain-text table) draws
its rules under its header row and above its totals: ``---------  ---------- -----   ----``, one
dash run per column of the row beside it. A drawn rule outside the
article goes as decoration; these frame a table as its rows do and stay with it (``_column_rules``).

A law's note of its adoption under its title (``（2023年9月28日…常务委员会第五次会议通过）``) is the
law's own text, a dated line in brackets that the model reads as a byline. So is a court
document's header, the court's name over the document's kind (``民 事 判 决 书``), and a formal
document's red header, number, header fields and distribution line (``document_heads.py``).

A line of legacy bytes read by a UTF-8 decoder (``���е��м``, mostly U+FFFD) says nothing a
furniture sign could be read from, and no repair can read it: it is kept as it came, for a person
or a later version to repair from its bytes, never removed as a head or foot line. So is a line of
damaged text of any other kind (``unreadable``: mojibake a repair left, private-use characters).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, islice

from cleaner import pagefacts
from cleaner.codelines import code_lines
from cleaner.furniture.document_heads import document_heads
from cleaner.furniture.forms import rule_line
from cleaner.furniture.unreadable import MIN_ODD, ODD, unreadable
from cleaner.repair import mojibake
from cleaner.repair.latin_layers import MISREAD_UTF8, shows_misread_utf8
from cleaner.repair.mojibake import legacy_read_as_utf8, unrepaired_spans

_CODE_SIGN = re.compile(r"[;{}]|[A-Za-z0-9_\])][ \t]*=[^=]|^[ \t]*(?:def|class|function|return|import|from|var|let|const)\b")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_RULE_ROW = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")


# Characters of a line of legacy bytes read by a UTF-8 decoder for it to be kept: a paragraph's
# worth; a short one is as likely a damaged button row (下一篇：沒有了 read through two decoders).
UNREADABLE_MIN = 40
# Characters of a stretch left misread a line must hold (half its characters at least) to be kept
# whatever the model reads in it: a lone rare character is a name as often as a byte.
UNREPAIRED_MIN = 4
UNREPAIRED_UTF8 = 2  # UTF-8 characters shown one byte a character (a lead and a continuation) a line must hold
HEAD_LINES = 6  # non-empty lines from the top in which a headline of a fixed form is taken for the headline
_HEADLINE_FORM = re.compile(
    r"^[ \t\u3000]*(?:"
    r"关于[^。！？；]{2,60}的(?:通知|通告|公告|决定|意见|批复|复函|函|报告|请示|办法|规定|方案|实施细则|细则|规划|答复|公示)"
    r"|第[0-9０-９一二三四五六七八九十百千零〇两]{1,6}[章回節节卷集話话](?:[ \t\u3000:：]+[^。！？]{1,40})?"
    r"|[標标][題题]\s+(?:\[[^\]]{1,8}\]|Re:|Fw:)[^\n]{1,80}"
    r")[ \t\u3000]*$")
# A second numbered part on the line: a row of chapter or episode links (第1集 第2集 …), not a title.
_SECOND_PART = re.compile(r"第[0-9０-９一二三四五六七八九十百千零〇两]{1,6}[章回節节卷集話话].*第[0-9０-９一二三四五六七八九十百千零〇两]{1,6}[章回節节卷集話话]")
# A box's "more" link under it: the line above was the one item of a box (最新通知 … 更多>>).
_MORE = re.compile(r"^\s*(?:更多|查看更多|more|MORE|More)?\s*(?:>>|》》|»|›|→)?\s*$|^\s*更多")
_SPACE = re.compile(r"\s+")


def more_link(text: str) -> bool:
    """A box's "more" link (``_MORE``: 更多>>, 更多精彩图片>>): the lines above it are the box's."""
    return bool(_MORE.match(text))
# A line of prose: long, with a clause or sentence mark (the body a table stands in). An
# article's closing line under its table may be short (在一万字的新闻稿上，整个过程不到一秒。):
# with the notice below it gone, a second clean took the table for the page's edge.
_PROSE = re.compile(r"^(?=.{12,})[^|]*[，。！？；]")


# A law's note of its adoption, under its title: the date, the body that adopted, amended or
# published it, in brackets, nothing else ((2023年9月28日东川省第十四届人民代表大会常务委员会第五次会议通过),
# amendments chained inside). The law's own text; to the model a dated line above the body.
_ADOPTED = re.compile(r"^[ \t\u3000]*[（(][ \t\u3000]*[0-9０-９一二三四五六七八九〇零]{4}[ \t\u3000]*年[^（()）]{4,200}"
                      r"(?:通过|修正|修订|公布|批准|发布)[^（()）。]{0,30}[）)][ \t\u3000]*$")


# A court's or a prosecutor's document opens with the court's name over the document's kind, its
# letters often spaced (湖西省东川市云岭区人民法院 / 民 事 判 决 书): a header of a fixed form, the
# document's own, though the court's name alone reads as a site's name above the body.
_COURT = re.compile(r"^[ \t\u3000]*[\u3400-\u9fff]{2,30}(?:人民法院|人民检察院|法院|检察院|仲裁委员会|仲裁院)[ \t\u3000]*$")
_RULING = re.compile(r"^[ \t\u3000]*(?:[\u3400-\u9fff][ \t\u3000]*){0,6}(?:判[ \t\u3000]*决|裁[ \t\u3000]*定|调[ \t\u3000]*解|"
                     r"决[ \t\u3000]*定|起[ \t\u3000]*诉|裁[ \t\u3000]*决)[ \t\u3000]*书[ \t\u3000]*$")


def _court_heads(lines: list[str]) -> set[int]:
    """The court's name and the document's kind right under it (``_COURT``, ``_RULING``). Only a
    line ending in 书 (spaces aside) may be the kind, and only the live line above it the court's."""
    out: set[int] = set()
    for j, line in enumerate(lines):
        if line.rstrip(" \t\u3000").endswith("书") and _RULING.match(line):
            i = next((k for k in range(j - 1, -1, -1) if lines[k].strip()), None)
            if i is not None and _COURT.match(lines[i]):
                out.update((i, j))
    return out


def kept_lines(lines: list[str], title: str | None = None, unrepaired: set[int] | None = None) -> set[int]:
    """Indices of ``lines`` that are program code, rows of a Markdown table, the rules of a listing, a headline of a
    fixed form, a law's note of its adoption, a court document's header, a formal document's own header lines
    (``document_heads``) or a paragraph's worth of damaged text (legacy bytes read by a UTF-8
    decoder, mojibake left unrepaired). ``title``: the page's title, if known; a headline of a fixed form must agree with it.
    ``unrepaired``: ``unrepaired_lines(lines)`` if the caller asked it already (the page's readings share it)."""
    return (_code_lines(lines) | _table_rows(lines) | _headline_of_a_form(lines, title)
            | {i for i, line in enumerate(lines) if "年" in line and _ADOPTED.match(line)}
            | _court_heads(lines)
            | document_heads(lines)
            | _damaged(lines)
            | (unrepaired_lines(lines) if unrepaired is None else {i for i in unrepaired if i < len(lines) and lines[i]})
            | _column_rules(lines))


# The lines a page's one native pass (pagefacts) finds holding what a damaged line cannot lack:
# ``unreadable``'s MIN_ODD odd characters, or a mark of lost bytes (``legacy_read_as_utf8``).
# Most pages hold neither, and their lines are not searched one by one.
_odd_lines = pagefacts.lines_with(ODD, MIN_ODD)
_marked_lines = pagefacts.lines_with(mojibake._MARK, 1)  # noqa: SLF001  # legacy_read_as_utf8's own marks


def _damaged(lines: list[str]) -> set[int]:
    """Lines of ``UNREADABLE_MIN`` characters or more that are legacy bytes read by a UTF-8
    decoder (``legacy_read_as_utf8``) or damaged text (``unreadable``), asked only of the lines
    holding the characters each needs (``_odd_lines``, ``_marked_lines``)."""
    page = "\n".join(lines)  # no line holds a line break: a line's index is its index in the page
    return {i for i in {*_odd_lines(page), *_marked_lines(page)}
            if len(lines[i]) >= UNREADABLE_MIN and (legacy_read_as_utf8(lines[i]) or unreadable(lines[i]))}


def unrepaired_lines(lines: list[str], page: str | None = None) -> set[int]:
    """Lines whose text is for the most part a stretch the repairs left misread (mojibake's
    ``unrepaired_spans``, which the cleaner keeps byte for byte and reports), or that hold
    UTF-8 characters a single-byte decoder showed (Ã¤Â¸, UNREPAIRED_UTF8 of them; a name's
    accent is one letter, no lead and continuation pair): the signs the model would read there
    are bytes (0xa9 shows as ©, 0x9b as ›, 0xbb as »), so the line is kept as it came, whatever
    its length (a headline, a date line). ``page``: the lines joined by line breaks, if the caller holds it:
    the page the pipeline hands the stage, which ``unrepaired_spans`` may have read last (it keeps
    its answer for the same str), and reads again after the stage when no line went."""
    page = "\n".join(lines) if page is None else page
    shown = ({i for i, line in enumerate(lines) if len(MISREAD_UTF8.findall(line)) >= UNREPAIRED_UTF8}
             if shows_misread_utf8(page) else set())  # one search of the page first: most hold none
    spans = unrepaired_spans(page)
    if not spans:
        return shown
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    covered: dict[int, int] = {}
    for lo, hi in spans:
        k = bisect_right(starts, lo) - 1
        while k < len(lines) and starts[k] < hi:
            covered[k] = covered.get(k, 0) + min(hi, starts[k] + len(lines[k])) - max(lo, starts[k])
            k += 1
    return shown | {k for k, n in covered.items() if n >= UNREPAIRED_MIN and 2 * n >= len(lines[k].replace(" ", ""))}


def _headline_of_a_form(lines: list[str], title: str | None = None) -> set[int]:
    head = list(islice((i for i, line in enumerate(lines) if line.strip()), HEAD_LINES))
    titles = [i for i in head if ("关于" in lines[i] or "第" in lines[i] or "題" in lines[i] or "题" in lines[i])
              and _HEADLINE_FORM.match(lines[i]) and not _SECOND_PART.search(lines[i])]
    if len(titles) != 1:
        return set()  # none, or a list of documents or chapters
    i = titles[0]
    after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    if after is not None and (_HEADLINE_FORM.match(lines[after]) or _MORE.match(lines[after])):
        return set()  # the first of a list running on below the head lines, or a box's one item
    if title and not _agrees(lines[i], title):
        return set()  # the page's title names another headline: this one is a sidebar's item
    return {i}


def _agrees(line: str, title: str) -> bool:
    """Whether the page's title holds the line or the line the title's first part (titles add
    the site's name: 关于…的通知-某某市人民政府)."""
    line, title = _SPACE.sub("", line), _SPACE.sub("", title)
    return line in title or title.split("-")[0].split("_")[0].split("|")[0] in line


def _code_lines(lines: list[str]) -> set[int]:
    """Code lines in runs of two or more, or alone with a sign only code has (``;``, a brace, an
    assignment, a keyword): a menu's lone ``SNS(RSS)`` reads as a call, a function's lines do not
    stand alone."""
    code = sorted(code_lines(lines))
    out: set[int] = set()
    run: list[int] = []
    for i in [*code, -2]:
        if run and i != run[-1] + 1:
            if len(run) >= 2 or _CODE_SIGN.search(lines[run[0]]):
                out.update(run)
            run = []
        run.append(i)
    return out


def _table_rows(lines: list[str]) -> set[int]:
    """Markdown tables inside the article: a header row, a rule row, rows of as many cells, with
    prose somewhere above and below, or right under a line of prose (``_PROSE``) that introduces it
    (``经过一周实测，三款机型的参数对比如下：``, the article's last part), or on a page with no prose at all (the table is the document: a
    line the model cannot judge stays, and only structure went there, a table's rows read as a
    menu's). A site's menu or footer set as a table (a page converted from HTML to Markdown)
    stands at an edge of the page's prose, with no prose on one side and none introducing it."""
    if not any("|" in line and _RULE_ROW.match(line) for line in lines):
        return set()  # nearly every page: no rule row, no table
    prose = [i for i, line in enumerate(lines) if _PROSE.match(line)]
    out: set[int] = set()
    i = 0
    while i < len(lines):
        if not (i + 1 < len(lines) and _TABLE_ROW.match(lines[i]) and _RULE_ROW.match(lines[i + 1])):
            i += 1
            continue
        cells = _cells(lines[i])
        end = i + 1
        while end + 1 < len(lines) and _TABLE_ROW.match(lines[end + 1]) and not _RULE_ROW.match(lines[end + 1]) \
                and _cells(lines[end + 1]) == cells:
            end += 1
        framed = any(p < i for p in prose) and any(p > end for p in prose)
        if _cells(lines[i + 1]) == cells and (framed or not prose or _introduced(lines, i)):
            out.update(range(i, end + 1))
        i = end + 1
    return out


def _introduced(lines: list[str], row: int) -> bool:
    """The nearest line above a table's first row is a sentence of the article introducing it
    (``经过一周实测，三款机型的参数对比如下：``; a bare ``对比如下：`` is no prose, too short to tell from
    a label): a table closing an article, with nothing below it."""
    above = next((line for line in reversed(lines[:row]) if line.strip()), "")
    return bool(_PROSE.match(above)) and above.rstrip().endswith(("：", ":"))


def _cells(row: str) -> int:
    return row.strip().strip("|").count("|") + 1



_DASH_RUN = re.compile(r"\S{3,}")  # a rule line's runs: one per column (``- - -`` is a scene break, no columns)
_CELL_GAP = re.compile(r"\s{2,}|\t")  # columns are set apart by two spaces or more (a name may hold one)


def _column_rules(lines: list[str]) -> set[int]:
    """Rule lines of two or more runs, one per column of the row beside them (above or below):
    the row splits, at runs of two spaces or more, into as many cells as the rule has runs. A prose
    line is one cell. Counted, not aligned: the output's lines lose their indentation (the
    whitespace stage strips them), and a second clean must keep what the first kept."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if " " not in line.strip() or not rule_line(line.strip()):
            continue  # nearly every line: no rule, or a rule of one run
        runs = len(_DASH_RUN.findall(line))
        if runs < 2:
            continue
        rows = [next((lines[j] for j in steps if lines[j].strip()), "") for steps in (range(i - 1, -1, -1), range(i + 1, len(lines)))]
        if any(row and not rule_line(row.strip()) and len(_CELL_GAP.split(row.strip())) == runs for row in rows):
            out.add(i)
    return out
