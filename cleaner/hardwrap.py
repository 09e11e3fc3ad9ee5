"""Paragraphs wrapped at a fixed width, joined back into one line each.

Why: old pages saved as text, mail archives, BBS posts and fixed-length records break every
paragraph into lines of one width (`fold`, an editor's 76 columns, a 64-byte record). The
cleaner reads a line as a unit — the furniture model judges each line — so a sentence cut in two
is two half sentences to it: a first half holding a date was taken for a publication line and
removed. Chinese text has no word spaces to hint at wrapping, but the lines' widths do: a wrapper
fills each line to the same width, in characters, display columns (a Han character is two) or
bytes, and only a paragraph's last line falls short.

The page is taken to be wrapped when at least MIN_FULL lines end within SLACK of one width W of
at least MIN_WIDTH columns (or characters, or bytes), no line is longer, and those full lines are
most of its longer lines or crowd those few columns (CROWDED times as dense as the other long
lines below them: a story or a dialogue a terminal wrapped is mostly paragraphs of a line or two,
whose last lines end anywhere); few full lines end a sentence (a poem's or a list's equal lines
all do) or an ellipsis (a list of titles cut to one width), and most full lines hold a clause mark
inside (running prose cut anywhere does; a list of headlines or unpunctuated verse does not). Of
the measures that find a width, the one with the most full lines is the wrapper's (a terminal's
80 columns hold 40 Han characters, or 41 with two digits). Then each full line (and a block's first
line that is the width less an indent of two ideographic spaces a copy lost, with a clause mark in it)
is joined with the next (and any line with the one before when it starts with a clause mark), unless the next is blank, indented or starts a list item (一、 1. •, not the 2.5 of a number
cut), or the full line ends a sentence (its break is harmless; a closing quote ends one only after
a sentence's mark) and the next does not start with a mark that only continues a line (，。” a
wrapper pushed over); and no line is joined to a row of the page's own, full or not, nor a row to
the line after it (``_page_row``: a row with no prose in it, such as buttons in brackets, a field
such as 签名： or 责任编辑： or two set apart by a space, short items set apart by spaces, a
footer's bars or copyright sign; ``_ends_article``: a short line the furniture lexicon reads as a
sign that the article has ended, 网友评论, 上一篇): a share bar, a byline or a footer beside a paragraph the page cut short is a
block of its own, and joined to the article's line it went with it as furniture, or stayed in it.
The join removes the line break only: what the wrapper cut is put back as it stood. Off with the
generic furniture model (``--no-generic``, for text that is not a web page).

A page wrapped at no one width (an e-book's TXT, a PDF's copy) is joined by its breaks instead:
see ``_join_ragged``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner import _native, pagefacts, warm_tables
from cleaner.furniture import running_heads
from cleaner.textedit import until_unchanged

MIN_FULL = 4
MIN_WIDTH = 30
SLACK = 2
_ENDS = "。！？!?…；;：:”」』）)"
# A line cut short on purpose: a list of titles cut to one width ends each with an ellipsis.
_CUT = ("...", "…", "⋯", "..")
_INDENT = (" ", "\u3000", "\t", "\xa0")  # an old page indents with &nbsp;&nbsp;
_CLAUSE = re.compile("[，、。；,;]")
_ITEM = re.compile(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|[•·●○■□◆◇▪\-*]\s|第[一二三四五六七八九十\d]+[章节条]")


# The blocks a terminal or editor draws two columns wide (East Asian Width W and F): Hangul
# jamo, CJK signs and ideographs, kana, Hangul syllables, compatibility ideographs, CJK and
# small forms, fullwidth forms, emoji, the ideograph planes. The main blocks only, not every code
# point of Unicode's table: a wrapper's own width table differs from version to version anyway,
# and one C-level pass over the line replaces a Python call per character (a sixth of the time
# of a clean page went to that call).
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3040-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f"
    "\U0001f900-\U0001f9ff\U00020000-\U0003fffd]"
)


# Everything else, in runs: a Chinese line holds few of them, so counting them is a few matches
# where removing the wide characters (``_WIDE.sub``) copied the line and matched each character.
_NARROW_RUN = re.compile("[^" + _WIDE.pattern[1:-1] + "]+")


def _columns(line: str) -> int:
    """Display columns: two for each wide character, one for any other."""
    return len(line) + _wide_count(line)


def _wide_count(line: str) -> int:
    """How many characters of ``line`` are wide: counted natively from the BMP's wide characters
    (a regex pass over a Chinese line's many short narrow runs cost a page's candidate lines
    about 70 us); a line beyond the BMP (or with a lone surrogate) by its narrow runs."""
    found = _wide_table().count(line, 0)
    return len(line) - sum(map(len, _NARROW_RUN.findall(line))) if found is None else found


@warm_tables.table
@lru_cache(maxsize=1)
def _wide_table() -> _native.CharSets:
    """``_WIDE``'s characters of the BMP, as a native table (read from the pattern itself, once a
    process: a few ms)."""
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    return _native.CharSets(["".join(_WIDE.findall(bmp))])


def _utf8_bytes(line: str) -> int:
    return len(line.encode("utf-8", errors="surrogatepass"))


def _gb18030_bytes(line: str) -> int:
    return len(line.encode("gb18030", errors="replace"))


MEASURES = (len, _columns, _utf8_bytes, _gb18030_bytes)


def _sizes(measure, lines: list[str]) -> list[int]:
    """``[measure(line) for line in lines]``, the byte counts of the lines together: one encode
    over them joined by line breaks, split at the breaks again, instead of a call or two a line (a
    fifth of a clean page's hard-wrap time). Exact: no line holds a break, a break is one byte in
    either encoding and no byte of another character, and each character's bytes do not depend
    on its neighbours (a lone surrogate is one on its own). Columns are counted a line at a time,
    natively (``_wide_count``: the regex pass over the lines joined cost more)."""
    if measure is len:
        return list(map(len, lines))
    if measure is _columns:  # a character's columns are one, and one more if it is wide
        return [len(line) + _wide_count(line) for line in lines]
    if measure is _utf8_bytes:
        return list(map(len, "\n".join(lines).encode("utf-8", errors="surrogatepass").split(b"\n")))
    if measure is _gb18030_bytes:
        return list(map(len, "\n".join(lines).encode("gb18030", errors="replace").split(b"\n")))
    return [measure(line) for line in lines]


def wrap_width(lines: list[str], clause: re.Pattern = _CLAUSE, min_full: int = MIN_FULL,
               ends=None) -> tuple[int, int] | None:
    """(measure index, width) the lines were wrapped at, or None if they were not. ``clause``:
    what counts as a clause mark inside a full line; ``min_full``: full lines needed; ``ends``:
    whether a line ends a sentence (``_ends_sentence`` unless given)."""
    ends = ends or _ends_sentence
    candidates = [line for line in lines if line.strip() and "  " not in line.strip()]
    if len(candidates) < min_full:
        return None
    # A width needs min_full full lines, two in three of them not ending a sentence and half of
    # them holding a clause mark inside (the tests below): so that many candidates not ending
    # one, and one of those (a sixth of the full lines at least) with a clause mark. A page of
    # one paragraph a line has none, and is done without its lines measured four ways (0.1 ms).
    open_lines = [line for line in candidates if not ends(line)]
    if len(open_lines) * 3 < 2 * min_full or not any(clause.search(line.rstrip()[:-1]) for line in open_lines):
        return None
    if sum(1 for line in candidates if line.rstrip().endswith(_CUT)) * 3 > len(candidates):
        return None  # titles cut to a width, each with its ellipsis: a list, not a paragraph
    best: tuple[int, int, int] | None = None  # (full lines, measure index, width)
    for index, measure in enumerate(MEASURES):
        sizes = _sizes(measure, candidates)
        width = max(sizes)
        if width < MIN_WIDTH:
            continue
        full = [line for line, size in zip(candidates, sizes, strict=True) if size >= width - SLACK]
        long = sum(1 for size in sizes if size >= width // 2)
        if len(full) < min_full or len(full) * 2 < long and not _crowded(len(full), long - len(full), width):
            continue
        if sum(1 for line in full if ends(line)) * 3 > len(full):
            continue
        if sum(1 for line in full if clause.search(line.rstrip()[:-1])) * 2 < len(full):
            continue  # headlines or verse of one length: no clause runs on across their breaks
        if best is None or len(full) > best[0]:
            best = len(full), index, width
    # The measure the wrapper counted in finds the most full lines: a terminal's 80 columns hold
    # 40 Han characters, or 41 with two digits, which counted in characters look ragged.
    return None if best is None else (best[1], best[2])


CROWDED = 4  # how much denser than the other long lines' the full lines' few columns must be


def _crowded(full: int, others: int, width: int) -> bool:
    """Do ``full`` lines ending within SLACK of ``width`` crowd those columns, against the ``others``
    spread over the columns between half the width and them? A story or a dialogue wrapped by a
    terminal is mostly paragraphs of a line or two, so most of its long lines are paragraphs' last
    lines, not full ones; but those fall anywhere below the width, while every full line ends in
    the SLACK + 1 columns at it. Unwrapped paragraphs' lengths spread evenly up to the longest."""
    spread = max(1, width - SLACK - width // 2)
    return full * spread >= CROWDED * (SLACK + 1) * max(1, others)


# Closing quotes and brackets end a sentence only after a sentence's mark (。” but not 服务”).
_CLOSERS = "”」』）)"
_STOPS = tuple(c for c in _ENDS if c not in _CLOSERS)


def _ends_sentence(line: str) -> bool:
    body = line.rstrip()
    inner = body.rstrip(_CLOSERS)
    return inner.endswith(_STOPS) if inner != body else body.endswith(_STOPS)


# What no line starts with but a line's continuation: a clause or sentence mark, a closing quote
# or bracket (a wrapper cut before it: ...慢慢恢复 / 。).
_CONTINUES = tuple("，。、；：！？,;:!?”」』）)》〉…")  # (the ellipsis last: it may open a line of its own)
# A single space before a Latin word or a number: the word space a wrapper cut at (《Microsoft
# .NE / T 语言》 wraps as " .NET"), where an indent is two spaces or more, or an ideographic one.
_WORD_SPACE = re.compile(r" [!-~]")


def join_hard_wraps(text: str) -> str:
    """``text`` with the lines of each wrapped paragraph joined (see the module's docstring).

    >>> line = "工信部与浙江省人民政府共同打造出了工业互联网平台，体系"
    >>> page = "\\n".join([line] * 5 + ["完善。", "", "下一段。"])
    >>> join_hard_wraps(page) == line * 5 + "完善。\\n\\n下一段。"
    True
    >>> poem = "\\n".join(["床前明月光，疑是地上霜。举头望明月，低头思故乡。"] * 5)
    >>> join_hard_wraps(poem) == poem
    True
    """
    # Then the ragged join, also on what a width joined: lines of a ragged wrap that happen to be
    # of one width in some measure are a width's full lines, and the rest of the page's breaks are
    # still the ragged join's (a second clean would find them so).
    return _around_page_furniture(text, lambda body: _join_ragged(_join(body, _CLAUSE, MIN_FULL)))


def _around_page_furniture(text: str, join) -> str:
    """``join(text)`` with a PDF copy's running heads and page numbers taken out first and put
    back after: a page's number glued to the line above it (芙蓉洞于— 1 —) or its head to the line
    below was a line of the article to every later stage, and the sentence the page cut stayed cut
    at the head. The body is joined across the page's end; the page's head and number follow, on
    lines of their own, the line that holds its last line (where the furniture stage finds them:
    cleaner/furniture/running_heads.py, whose reading of a page's numbering is asked here, on the
    lines as the copy broke them, before any join shortens its pages)."""
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2 * running_heads.PAGE_MIN:
        return join(text)
    furniture = {content[k] for k in running_heads.running_heads([lines[i].strip() for i in content])}
    if not furniture:
        return join(text)
    body = [line for i, line in enumerate(lines) if i not in furniture]
    # After which body line each furniture line stood (-1: before the first).
    after: dict[int, list[str]] = {}
    seen = -1
    for i, line in enumerate(lines):
        if i in furniture:
            after.setdefault(seen, []).append(line)
        else:
            seen += 1
    joined = join("\n".join(body))
    # The join removes line breaks only (and a quote's marks on the lines it joins, which only
    # make a joined line shorter): the body line that ends each joined line, by its length.
    out = after.get(-1, [])[:]
    k = 0
    for line in joined.split("\n"):
        out.append(line)
        if k >= len(body):
            continue
        covered = len(body[k])
        held = after.get(k, [])[:]
        while covered < len(line) and k + 1 < len(body):
            k += 1
            covered += len(body[k])
            held += after.get(k, [])
        out += held
        k += 1
    for rest in range(k, len(body)):  # none is ever lost, wherever the count ended
        out += after.get(rest, [])
    return "\n".join(out)


# Clause marks (，、。；) as the usual wrong decoders show UTF-8's bytes for them: a GBK or Big5
# decoder's first character (锛 for ，and ；, 銆 for 、 and 。; the next one takes the following
# byte too), a single-byte decoder's first two (ï¼ and ã€ in cp1252); and as a script converter
# then wrote them (锛 is 錛 after s2t), since mojibake is converted as often as it is wrapped.
# The other code pages the cleaner reads (code_pages.COMMON_FIRST: the DOS and Cyrillic consoles a
# terminal copy comes from, cp850's ´╝î, koi8_r's О╪▄, Mac and ISO pages) show all three bytes,
# each its own sign: the three are kept (two of them are Cyrillic letters a Russian word may hold),
# as far as they are printable and read (iso8859_5 shows byte 80 as a control).
# Written out (tests/test_hardwrap.py derives them again from the decoders): deriving them at import
# imported some twenty codec modules in every process.
MISREAD_FORMS = frozenset({
    "´╝î", "´╝ø", "´╝Ť", "ÒÇé", "ÒÇü", "Ôºå", "Ôºõ", "ã€", "ã€‚", "ï¼", "ï¼Œ", "ï¼›", "ïŒ", "ă€",
    "ć€", "ć€‚", "ďĽ", "ďź", "īŧ", "ļ¼", "ļ¼›", "ŃÇé", "ŃÇü", "γ€", "γ€‚", "οΌ", "οΌ›", "πÇé",
    "πÇü", "О╪⌡", "О╪▄", "Ц─│", "Ц─┌", "гЂЃ", "гЂ‚", "гАБ", "гАВ", "пЉМ", "пЉЫ", "пјЊ", "пј›",
    "уАБ", "уАВ", "яМ", "я╝М", "я╝Ы", "„ÄÅ", "„ÄÇ", "∩╝¢", "∩╝î", "嚗", "銆", "锛",
})


# What OpenCC's t2s and s2t write for those forms, written out here (tests/test_hardwrap.py derives
# them again): building the s2t converter at import would cost every process 0.15 s.
CONVERTED_FORMS = frozenset({"錛"})
_MISREAD_CLAUSE = re.compile("|".join(sorted(map(re.escape, MISREAD_FORMS | CONVERTED_FORMS))))
# A form's first character, asked of every page from its one scan (pagefacts): a page holding none
# holds no form, and nearly no page holds one.
_holds_misread_start = pagefacts.any_of(re.compile("[" + re.escape("".join(sorted({f[0] for f in MISREAD_FORMS | CONVERTED_FORMS}))) + "]"))

MIN_FULL_MISREAD = 2  # the misread marks already say the lines are prose cut by a width


def join_misread_wraps(text: str) -> str:
    """``text`` with the lines of each wrapped paragraph of mojibake joined: the wrapper counted
    the wrong decoder's characters, so its breaks fall inside the bytes of a character (员 is
    e5 91 98: 鍛 then 樸 across a break), and a run cut there is read in two halves that both
    fail. Its full lines show clause marks only as the decoder misread them (锛, 銆, ï¼).
    cleaner/repair/cut_runs.py takes the breaks this join finds out while the repairs read the
    page and puts them back after (whether the lines are one paragraph is then the hard-wrap
    stage's to say, as for the clean text), with the breaks inside a misread run that no such
    width shows (a single cut, irregular breaks, a wrap in display columns, with an indent).

    >>> line = "鍚曠悊鏀� 锛堬級锛屽彴婀惧崥鐗╅�嗗�︺�佷汉绫诲�﹀�讹紝"
    >>> join_misread_wraps("\\n".join([line, line, "鍘嗕换"])) == line * 2 + "鍘嗕换"
    True
    """
    if not _holds_misread_start(text) or not _MISREAD_CLAUSE.search(text):
        return text  # nearly every page: one search, not the widths of every line
    return _join(text, _MISREAD_CLAUSE, MIN_FULL_MISREAD, misread=True)


# Clause marks as written: a line holding them and none misread was not read by the wrong decoder.
_NATIVE_CLAUSE = re.compile("[，。、；]")


def _written(line: str, clause: re.Pattern) -> bool:
    """A line with clause marks as written and none misread: the wrong decoder did not read it, so
    in a page wrapped after the misreading it is no piece of a misread paragraph (a clean
    paragraph of the same length beside a misread one made a width of two lines)."""
    return _NATIVE_CLAUSE.search(line) is not None and not clause.search(line)


_QUOTE = re.compile(r"(?:>[ \t]?)+")  # an e-mail's or a forum's quote marks: "> ", ">> ", "> > "


def _quote(line: str) -> str:
    match = _QUOTE.match(line)
    return match.group() if match else ""


# How a sentence's end at a line's end shows in mojibake: UTF-8's 。 (e3 80 82) before the break
# read as GBK is 銆 and a mark (82 took the break as its trail and was refused: 。 inside a line
# reads 銆傛 with the next character's lead, and 銆 and a mark only before ASCII), ！ and ？
# (ef bc 81, ef bc 9f) 锛 and a mark; where the character before took e3 as its trail, two marks
# (80 alone, then 82 before the break). A line of wrapped mojibake ends wherever the wrapper counted
# to: one so ended ended in the bytes (the notes of a list, 注二：…。 注三：…。, each a line of one
# length, were joined and their 。 read as U+3000). Not cp1252's ã€‚, which every 。 shows, inside
# a paragraph too: a wrap may fall after it as after a written 。.
_MISREAD_ENDS = ("銆\ufffd", "锛\ufffd", "\ufffd\ufffd")


def _misread_end(line: str) -> bool:
    return _ends_sentence(line) or line.rstrip().endswith(_MISREAD_ENDS)


def _join(text: str, clause: re.Pattern, min_full: int, misread: bool = False) -> str:
    if text.count("\n") < min_full:
        return text
    lines = text.split("\n")
    found = wrap_width(lines, clause, min_full, ends=_misread_end if misread else None)
    if found is None:
        return text
    measure, width = MEASURES[found[0]], found[1]
    out: list[str] = []
    paragraph = [lines[0]]  # the pieces of the line being joined: joined once, not per line
    previous_row = not misread and _page_row(lines[0])  # each line's _page_row, asked once
    indent_width = measure("\u3000\u3000")  # a paragraph's first-line indent, as the wrapper counted it
    for previous, line in zip(lines, lines[1:]):
        full = previous.strip() and measure(previous) >= width - SLACK and "  " not in previous.strip()
        if full and len(paragraph) == 1 and not previous.startswith(_INDENT) \
                and measure(previous) == measure(line) == width - indent_width:
            # Under a measure whose slack holds the indent (characters: two of 36), a block's first
            # line that is the width less the indent is full already; over a line that is that width
            # again (a paragraph's own first line that lost its indent too) it is a heading as wide
            # by chance (一、坚持稳中求进工作总基调，…), no first line of that paragraph.
            full = False
        elif not full and len(paragraph) == 1 and previous.strip() and not previous.startswith(_INDENT) \
                and abs(measure(previous) - (width - indent_width)) <= SLACK and clause.search(previous) \
                and _goes_on_below(line, measure, width, indent_width):
            # A paragraph's first line that lost its indent of two ideographic spaces (a copy drops
            # them) is full to the width less the indent: short to the measure, it began a block of
            # its own, and as the first line of the page's first paragraph it went as head furniture.
            full = True
        quote = _quote(line)  # a quoted paragraph's lines each carry the quote's marks: joined, once
        body = line[len(quote):]
        # (A no-break space opens a line of mojibake as any byte may: KOI8-R shows byte 9a so.)
        indent = body.startswith(_INDENT[:-1] if misread else _INDENT) and not (_WORD_SPACE.match(body) and previous[-1:].isascii())
        new_paragraph = not body.strip() or indent or _ITEM.match(body) or quote != _quote(previous) or \
            misread and (_written(line, clause) or _written(previous, clause))
        ended = ((_misread_end if misread else _ends_sentence)(previous) or previous.rstrip().endswith(_CUT)) and not body.startswith(_CONTINUES)
        # A line that starts with a clause mark continues the one before, full or not (the wrapper
        # counted that one short by a character its measure weighs otherwise); not in mojibake,
        # whose lines start with any sign.
        continues = not misread and previous.strip() and body.startswith(_CONTINUES[:-1])
        # A row of the page's own (``_page_row``) is a block of its own, full or not, and so is
        # the line after one: a row of buttons, a share bar, a byline or a footer beside a
        # paragraph the page cut short would be glued to the article's line (and the furniture
        # stage then take the joined line whole, the article with it, or keep it whole). Not in
        # mojibake, whose marks are misread.
        row = not misread and _page_row(body)
        joins = (full or continues) and not new_paragraph and not ended and not (previous_row or row)
        previous_row = row
        if joins and not misread and measure(line) < width - SLACK and _ends_article(body.strip()):
            joins = False  # a short line after the paragraph: the lexicon's sign the article ended
        if joins:
            paragraph.append(body)
        else:
            out.append("".join(paragraph))
            paragraph = [line]
    out.append("".join(paragraph))
    return "\n".join(out)


def _goes_on_below(line: str, measure, width: int, indent_width: int) -> bool:
    """Does ``line`` continue a paragraph whose first line lost its indent: a full line, or its
    last, ending a sentence? A heading of that width (``一、坚持稳中求进，…``, 4 columns short by
    chance) stands over a paragraph whose own first line lost its indent too: that line is the width
    less the indent again, and the heading is no first line of it."""
    first_again = abs(measure(line) - (width - indent_width)) <= SLACK
    return measure(line) >= width - SLACK or (_ends_sentence(line) and not first_again)


# A mark of running prose inside a line; not a colon, which a field (字体：, 分享到：) holds too.
_PROSE_MARK = re.compile("[，、。；！？]|[,;!?](?!\\d)")
# A row of the page's own: buttons in brackets (【打印本页】), a field (签名：…, 分享到：) or two
# set apart by a space (… 来源：华夏在线　作者：张伟), links between guillemets or bars, a copyright
# sign, or three short items set apart by spaces (赞同 868 反对 评论 举报).
# A field's colon may be GB2312's ratio sign ∶ (U+2236), as old pages typed it (来源∶新华网).
_ROW = re.compile(r"[【】\[\]«»|｜©]|^[^\s：:∶]{1,6}[：:∶]|[^\s：:∶]{1,6}[：:∶]\s*\S+\s+[^\s：:∶]{1,6}[：:∶]|^\S{1,6}(?:\s+\S{1,6}){2,}$")


def _page_row(line: str) -> bool:
    """Is ``line`` a row of the page's own, no line of a wrapped paragraph (neither its last nor
    one it goes on from)? A row with no prose in it: a list item's or a paragraph's last words
    (配套政 / 策解读文件）) end in no mark, but hold no field, buttons or spaced items either."""
    body = line.strip()
    return _PROSE_MARK.search(body) is None and _ROW.search(body) is not None


def _ends_article(line: str) -> bool:
    """Is ``line`` (stripped) a sign that the article above it has ended, as the furniture stage
    reads one (``features.end_marker``: an editor's line, 网友评论, 上一篇, a disclaimer's heading;
    short, no sentence, the lexicon's word set apart)? Such a line is never a paragraph's last
    words, with or without a field's colon. Asked of the short lines a join would end a paragraph
    with, not of every full line (the fold and the lexicon cost a few microseconds a line)."""
    if len(line) > _MARK_MAX or _ends_sentence(line):  # an end marker is no sentence (a paragraph's last line is)
        return False
    from cleaner.furniture import boilerplate, features, generic

    folded, lexicon = features.normalise(boilerplate.fold_line(line)), generic.load_lexicon()
    # The lexicon's word first (one search), the native reading only of a line that holds one.
    return lexicon.ends_re.search(folded) is not None and features.end_marker(folded, lexicon)


_MARK_MAX = 40  # features.MARK_MAX, written here: importing the furniture stage costs a process that never joins


# Ragged wraps: an e-book's TXT, a PDF's copy, a reader's "save as text" break lines where the
# page or the reader's window ended them, at widths that differ from line to line (a proportional
# font, justified text, half-width signs). No width shows them, but the breaks do: a break inside
# a clause (the line ends on a character, the next goes on with one) is no paragraph's end in
# prose, which ends each paragraph with its mark. A page is taken to be wrapped so when RAGGED_MIN
# of its breaks at least are such, each after a line of prose (RAGGED_LINE characters or more,
# with a mark inside: a heading, a list item or a line of verse has none, or is short); they and
# the breaks after a clause mark are half of its breaks after such lines at least (a page of one
# paragraph a line ends nearly all of them with a mark; its headings are few); and they fall
# inside words as a wrap's do, not between phrases as verse's line ends do (``_in_words``). Then
# each such break goes, and so does one after a clause mark or an opening bracket (，、；（“) and
# one before a line that starts with a mark that only continues one (，。”). Never before a
# blank, indented or list line, nor between two lines that start with a field's name (``辅料：`` /
# ``调料：``; ``12路：`` / ``35路：``), nor beside a row of the page's own (``_page_row``: a byline
# over the article, a share row or a footer under it), nor after a Latin letter (a word space the wrapper took, a name before a heading)
# or a number after ASCII (a stamp's 18:48, a date's 06-17), nor next to a table's or a form's cells (a tab, two spaces, an ideographic space inside a line).
RAGGED_MIN = 3  # breaks inside a clause at least (a two-line list or couplet is no wrap's evidence)
RAGGED_LINE = 20
RAGGED_SHARE = 2
_NUMBER_GOES_ON = re.compile(r"[.,]\d|[%‰℃]")  # a number cut before its point or sign (31 / .1万亿元, 13.8 / %)
_WORDISH = re.compile(r"[\w\u3400-\u9fff\U00020000-\U0003fffd]")
# A field's key: Han, or a number or letters named by Han (12路：, A组：, 3号线：), and its colon.
_FIELD = re.compile("(?=[0-9A-Za-z]{0,3}[\u4e00-\u9fff])[0-9A-Za-z\u4e00-\u9fff][ \u30000-9A-Za-z\u4e00-\u9fff]{1,5}[：:∶]")
# Cells: a tab, two spaces or an ideographic space inside a line (a table's row, a form's fields).
_CELLS = re.compile("\t|  |\u3000")

_CLAUSE_END = ("，", "、", "；", "（", "“", "《", "「", "(")
# Any mark inside a line of prose (a line of 20 characters and more without one is a heading or verse).
_RAGGED_CLAUSE = re.compile("[，、。；：！？]|[,;:!?](?!\\d)")  # not a time's 09:22, a number's 1,000
# A line ending on a time or a date (2021-06-17 18:48, 2021/6/17): a heading's or a row's stamp.
_STAMP_END = re.compile(r"[-:/]\d+$")


RAGGED_ROUNDS = 8


def _join_ragged(text: str) -> str:
    # Joined again until nothing changes: a short line joined with the rest of its clause is a
    # line of prose the next round reads (a second clean would, and must change nothing).
    return until_unchanged(_join_ragged_once, text, RAGGED_ROUNDS)


def _join_ragged_once(text: str) -> str:
    if text.count("\n") < RAGGED_MIN:
        return text
    lines = text.split("\n")
    # A break inside a clause follows a line of prose ending on a character of a word: a page
    # with fewer such lines than RAGGED_MIN is done without its breaks read one by one.
    if sum(1 for line in lines[:-1] if len(body := line.rstrip()) >= RAGGED_LINE and _WORDISH.match(body[-1])) < RAGGED_MIN:
        return text
    inside = [False] * len(lines)  # a break inside a clause after line k
    clause_end = [False] * len(lines)  # a break after a clause mark or an opening bracket
    prose_breaks = found = 0
    for k, (line, after) in enumerate(zip(lines, lines[1:])):
        body = line.rstrip()
        if not body or _CELLS.search(body.lstrip()) or _CELLS.search(after.strip()):
            continue  # a table's row or a form's fields: cells, not a clause
        if after.startswith(_CONTINUES[:-1]):
            clause_end[k] = True  # no line starts with a clause mark: the wrapper cut before it
            continue
        if (len(body) < RAGGED_LINE or not after.strip() or not _RAGGED_CLAUSE.search(body[:-1]) or not _goes_on(after)
                or _FIELD.match(after) and _FIELD.match(body)  # a list of fields (辅料：… / 调料：…)
                or _page_row(after) or _page_row(body)  # a byline, a share row or a footer beside prose
                or len(after.strip()) < RAGGED_LINE and _ends_article(after.strip())):
            continue
        prose_breaks += 1
        last, first = body[-1], after[0]
        if last in _CLAUSE_END:
            clause_end[k] = True
            found += 1
        elif _WORDISH.match(last) and not (last.isascii() and last.isalpha()) and not _STAMP_END.search(body) and (
                _WORDISH.match(first) or last.isdigit() and _NUMBER_GOES_ON.match(after)):
            inside[k] = True
            found += 1
    if sum(inside) < RAGGED_MIN or found * RAGGED_SHARE < prose_breaks or not _in_words(
            [(lines[k].rstrip()[-1], lines[k + 1][0]) for k in range(len(lines) - 1) if inside[k]]):
        return text
    out = [lines[0]]
    for k, line in enumerate(lines[1:]):
        if inside[k] or clause_end[k]:
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


# A wrap cuts wherever a line is full, inside a word as often as not: the break falls between two
# characters that go together (the model's pair over the second's own frequency, above PAIRED: a
# word's 表|达 is +5). A line of verse, a song's or a list's ends where its phrase does: the next
# line's first character is about as likely anywhere (a clause's 的|一 about 0, two phrases -1.6;
# a song's 人海|后来 -0.7). Probe23's ragged copies: 80 % of the cuts above 0, 60 % above 1; the
# review's lyrics and headline list none above 0.
RAGGED_IN_WORDS = 0.5
PAIRED = 0.0


def _in_words(pairs: list[tuple[str, str]]) -> bool:
    """Do RAGGED_IN_WORDS of the breaks at least fall between characters that go together: the
    second more likely after the first than alone (by more than PAIRED nats below even)?"""
    from cleaner.langmodel import model

    lm = model()
    together = sum(1 for a, b in pairs if lm.bigram(a, b) - lm.unigram(b) > PAIRED)
    return together >= RAGGED_IN_WORDS * len(pairs)


def _goes_on(line: str) -> bool:
    """Can ``line`` be the rest of the one before: not indented, no list item, no quote's mark?"""
    return not (line.startswith(_INDENT) or _ITEM.match(line) or _QUOTE.match(line))
