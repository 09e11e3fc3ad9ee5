"""Text with a space between every character, written back as it was: ``前 身 为 1 9 5 2 年`` is
``前身为1952年``.

Why: the text layer of many PDFs places each glyph on its own, and copying it (or a converter
like pdftotext, some OCR, a dump of a page set with CSS letter-spacing) writes a space between
every two characters, Han, digits and punctuation alike; the reader sees prose, every later stage
sees one-character words, and no line model, rule or dictionary reads them.

The evidence is a dense, regular pattern, never a few spaces: pairs of neighbouring CJK
characters (Han, CJK punctuation, fullwidth forms) are counted on each line as written tight
(``前身``) or with one space between (``前 身``). Normal Chinese puts spaces between some words
(a name list ``张三 李四 王五``, a poem's phrases, a table's cells), but then most pairs are tight.
A line is spaced

- alone, when SPACED_LINE pairs at least are spaced, at most one in ten is tight, and a spaced
  pair holds a clause or sentence mark (prose; a list of single characters, 甲 乙 丙 丁, a
  frequency list or a table of one-character cells, has none);
- or on a spaced page (SPACED_PAGE spaced pairs, SPACED_SHARE of all pairs, marks among them),
  when it holds a spaced pair and at most one in ten is tight: a short title (``第 一 章``) then
  reads as its page does; so does a line with no CJK pair whose words are nearly all one
  character (a stretch of Latin, code or kana the page's wrap cut out, ``a l i g n :   c e n t e r``).

Text segmented into words (a corpus line run through a segmenter, ``我 爱 北京 天安门 。``) is no
copy's spacing: its words of two characters and more are tight, so its lines are not spaced. A
line of it whose words happen all to be one character (``他 说 ： 我 不 去 了 ， 你 去 吧 。``)
is read as the page around it says: on a page of SEGMENTED lines or more split between words of
several characters (and more of them than lines spaced throughout) it stays, as the segmenter
wrote it; alone, or on a page of spaced lines, it is joined. A text cut into one character a
token (a model's input, ``我 们 是 学 生 。``) splits words no segmenter splits (我们, 学生): the
spaces are the format's, not the text's, and the cleaner's output is the text, so it is joined
as a PDF copy is (``Config(join_spaced=False)`` keeps every space).

On a spaced line a single space goes between two characters when either is a wide one (Han, CJK
punctuation, kana, Chinese quotes) or both stand alone (digits of one number, ``1 9 5 2``, the
letters of a spaced word, ``m m``, signs between digits, ``4 . 6``). A run of two spaces or more
is the original word space (a PDF keeps it wider) and becomes one; a single space between two
whole Latin words or numbers (``Windows 10`` when the copy kept Latin words whole) stays. The
line's trailing spaces go, so the hard-wrap join (which runs later) joins its wrapped lines as
it joins any other's.
"""

from __future__ import annotations

import re

SPACED_LINE = 12  # spaced pairs a line needs to be judged alone
SPACED_PAGE = 24  # spaced pairs a page needs to make its short lines readable
SPACED_SHARE = 0.8  # of a page's CJK pairs, spaced
TIGHT_SHARE = 0.1  # of a spaced line's CJK pairs, tight at most (a copy may glue a few)
LETTERS = 4  # words a line without CJK pairs needs, nearly all one character, to read on a spaced page
SEGMENTED = 2  # lines split between words of several characters that make a page segmented
SEGMENTED_PAIRS = 3  # of a segmented line's CJK pairs, spaced and tight each, at least

# CJK characters whose pairs are the evidence: Han (with extension A, compatibility ideographs
# and the planes beyond), CJK punctuation (not U+3000, a space), kana, fullwidth forms.
_CJK = "\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
_SPACED = re.compile(f"[{_CJK}] (?=[{_CJK}])")
_TIGHT = re.compile(f"[{_CJK}](?=[{_CJK}])")
# Clause and sentence marks: a spaced pair holding one is prose.
_MARK = re.compile("[，。、；：！？「」『』（）《》“”][ ]|[ ][，。、；：！？「」『』（）《》“”]")
# Characters a space beside is the copy's, not the text's: the CJK ones above, kana, Hangul and
# the punctuation Chinese shares with other scripts (curly quotes, ellipsis, dash, middle dot, ℃).
_WIDE = _CJK + "\u1100-\u11ff\uac00-\ud7a3\u2018\u2019\u201c\u201d\u2026\u2014\u00b7\u2103"
_WIDE_CHAR = re.compile(f"[{_WIDE}]")
_RUN = re.compile(r"[^ ]+| +")


def _pairs(line: str) -> tuple[int, int]:
    """(spaced, tight) pairs of neighbouring CJK characters on a line."""
    return len(_SPACED.findall(line)), len(_TIGHT.findall(line))


def _regular(spaced: int, tight: int) -> bool:
    return spaced > 0 and tight <= TIGHT_SHARE * (spaced + tight)


def spaced_lines(text: str) -> list[int]:
    """The indices (lines cut at "\\n") of the lines written with a space between every character.

    >>> spaced_lines("标题\\n前 身 为 1 9 5 2 年 由 苏 州 、 上 海 东 吴 大 学 校 友 创 立 。\\n张三 李四 王五")
    [1]
    """
    if text.count(" ") < SPACED_LINE or len(_SPACED.findall(text)) < SPACED_LINE:
        return []  # nearly every page: two C-speed scans
    lines = text.split("\n")
    counts = [_pairs(line) if " " in line else (0, len(_TIGHT.findall(line))) for line in lines]
    spaced_total = sum(s for s, _ in counts)
    tight_total = sum(t for _, t in counts)
    page = (spaced_total >= SPACED_PAGE and spaced_total >= SPACED_SHARE * (spaced_total + tight_total)
            and len(_MARK.findall(text)) >= 2)
    # A page a segmenter split into words: its lines of one-character words are its own too.
    segmented = sum(1 for s, t in counts if s >= SEGMENTED_PAIRS and t >= SEGMENTED_PAIRS and s * 2 >= t)
    if segmented >= SEGMENTED and segmented > sum(1 for s, t in counts if _regular(s, t)):
        return []
    found = []
    for k, (line, (spaced, tight)) in enumerate(zip(lines, counts, strict=True)):
        if _regular(spaced, tight) and (page or spaced >= SPACED_LINE and _MARK.search(line)):
            found.append(k)
        elif page and not tight and _letter_spaced(line):
            found.append(k)  # a stretch of Latin, code or kana the page's wrap cut out: spaced too
    return found


def _letter_spaced(line: str) -> bool:
    """Is a line (of a spaced page) one character a word: a stretch of Latin or kana spaced out?"""
    words = line.split()
    return len(words) >= LETTERS and sum(len(w) == 1 for w in words) >= (1 - TIGHT_SHARE) * len(words)


def join_spaced(text: str) -> str:
    """``text`` with its spaced lines (``spaced_lines``) written without the copy's spaces.

    >>> join_spaced("前 身 为 1 9 5 2 年 由 苏 州 、 上 海 东 吴 大 学 校 友 创 立 ， 平 均 4 . 6 ℃ 。")
    '前身为1952年由苏州、上海东吴大学校友创立，平均4.6℃。'
    >>> join_spaced("名单：张三 李四 王五 赵六 孙七 周八 吴九 郑十 冯十一 陈十二 褚十三 卫十四。")[:12]
    '名单：张三 李四 王五 '
    """
    found = spaced_lines(text)
    if not found:
        return text
    lines = text.split("\n")
    for k in found:
        lines[k] = _join_line(lines[k])
    return "\n".join(lines)


def _join_line(line: str) -> str:
    """One spaced line without the copy's spaces (the module's docstring says which)."""
    body = line.rstrip(" ")
    indent = len(body) - len(body.lstrip(" "))
    runs = _RUN.findall(body[indent:])
    out = [body[:indent]]
    for k, run in enumerate(runs):
        if run[0] != " ":
            out.append(run)
        elif len(run) > 1:
            out.append(" ")  # the original word space
        elif not _copy_space(runs[k - 1], runs[k + 1]):
            out.append(" ")
    return "".join(out)


def _copy_space(before: str, after: str) -> bool:
    """Is a single space between two words the copy's? Beside a wide character, or between two
    that stand alone (one number's digits, one spaced word's letters)."""
    return (len(before) == 1 and len(after) == 1 or _WIDE_CHAR.match(before[-1]) is not None
            or _WIDE_CHAR.match(after[0]) is not None)
