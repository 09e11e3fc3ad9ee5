"""Small pure fixers: ``str -> str`` functions, each doing one thing, each safe on clean text.

Every fixer returns the new text; the pipeline compares and counts, so a fixer never has to.
The width, punctuation and paragraph fixers run in the native core (native/src/fixes.rs), one
call per page; their Python originals are the tests' oracles (tests/reference_fixes.py).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from cleaner import _native, codelines, langmodel, pagefacts, subtitles
from cleaner.chardata import ENTITY, HAN_CLASS, INDENT_ARTIFACT, PAD
from cleaner.repair import quoted_examples


# Escaped three times over is the most a probe found (a CMS escaping what its editor escaped). A page
# about HTML that shows `&amp;amp;` as its text loses it to this, as it lost `&amp;` to two rounds;
# text escaped five times or more keeps a level, which a second clean then takes (not idempotent there).
ENTITY_ROUNDS = 4


def unescape_entities(text: str) -> str:
    """Decode HTML entities, as often as they were escaped (``ENTITY_ROUNDS`` at most), so
    ``&amp;nbsp;`` and ``&amp;amp;nbsp;`` (a CMS escaping what its editor escaped) also go; a run of
    entities Chinese prose quotes as an example stays as written, every level of it
    (``repair/quoted_examples.py``; docs/repair.md, "Entities escaped twice").

    >>> unescape_entities("&ldquo;双创&rdquo;&amp;nbsp;")
    '“双创”\\xa0'
    >>> unescape_entities("简称&amp;amp;nbsp;国务院")
    '简称\\xa0国务院'
    >>> unescape_entities("而 &amp;#20013; 会原样显示为 &#20013;。")
    '而 &amp;#20013; 会原样显示为 &#20013;。'
    """
    for _ in range(ENTITY_ROUNDS):
        if "&" not in text or not ENTITY.search(text):  # every entity starts with &: a scan at memchr speed
            break
        # Decided again each round, on the text as it now is: the output is what a second clean
        # decides on, and a neighbour decoded this round may set a run apart or join it to prose.
        kept = [span for span in quoted_examples.spans(text, quoted_examples.ENTITY_RUN) if not _always_decoded(text[slice(*span)])]
        text = quoted_examples.outside(text, kept, html.unescape)
    return text


# HTML source escapes these whatever its text says (a page's own ``<``, ``&`` and quotes), and the
# spaces are layout (``&nbsp;`` between words): read even where set apart in prose.
_MARKUP = re.compile(r"&(?:lt|gt|amp|quot|apos|#0*(?:34|38|39|60|62)|#[xX]0*(?:22|26|27|3[cCeE]));")


def _always_decoded(run: str) -> bool:
    decoded = run
    for _ in range(ENTITY_ROUNDS):
        decoded = html.unescape(decoded)
    return decoded.isspace() or bool(_MARKUP.fullmatch(run))


def remove_indent_artifacts(text: str) -> str:
    """Drop the ``? ? ? ?`` left where NBSP indentation was encoded to a legacy code page.

    >>> remove_indent_artifacts("? ? ? ?会议指出")
    '会议指出'
    """
    if "?" not in text:  # every artifact holds one: most pages are passed by a scan at memchr speed
        return text
    return INDENT_ARTIFACT.sub("", text)


# Fullwidth signs inside a fullwidth number, time or address go narrow with its digits and letters
# (halfwidth_alnum, which runs next, would leave ５．２％ as 5．2％): 5.2%, 1,234, 10:30,
# www.baidu.com, Hello World, name@example.com, US$12, +86, 1+1=2, http://. ASCII digits keep their
# signs as written (Wikipedia writes 60％). A comma only before exactly three digits (a thousands
# group: 第１，２，３条 is a list), a colon only before two (a time) or as a URL's scheme.
_D = "０-９"
_W = "０-９Ａ-Ｚａ-ｚ"
_NUMBER_SIGNS = re.compile(
    f"(?<=[{_D}])[．－](?=[{_D}])"
    f"|(?<=[{_D}])，(?=[{_D}]{{3}}(?![{_D}]))"
    f"|(?<=[{_D}])：(?=[{_D}]{{2}}(?![{_D}]))"
    f"|(?<=[{_D}])％"
    f"|(?<=[{_W}])[．／－\u3000＠＿＋＝＆＃](?=[{_W}])"
    f"|[＄＃＋](?=[{_D}])"
    f"|(?:(?<=ｈｔｔｐ)|(?<=ｈｔｔｐｓ)|(?<=ｆｔｐ))：／／(?=[{_W}])"
)
# Every sign _NUMBER_SIGNS takes follows a fullwidth digit or letter or comes before a digit: a
# page without such a pair (most: "，" is in every Chinese page, fullwidth digits in few) is left
# without the costly pass.
_ANY_NUMBER_SIGN = re.compile(f"[{_W}][．，：％－／\u3000＠＿＋＝＆＃]|[＄＃＋][{_D}]")
# And every such pair starts with one of these: the page's one native scan (pagefacts) passes the
# pages holding none (nearly all) before the pair's search, a class test at every character.
_HOLDS_NUMBER_START = pagefacts.any_of(re.compile(f"[{_W}＄＃＋]"))


def _narrow(signs: str) -> str:
    """Fullwidth ASCII forms (U+FF01-FF5E) and the ideographic space as ASCII."""
    return "".join(" " if c == "\u3000" else chr(ord(c) - 0xFEE0) for c in signs)


def halfwidth_number_signs(text: str) -> str:
    """Fullwidth signs inside fullwidth numbers and addresses to ASCII, as their digits will be.

    >>> halfwidth_number_signs("增长５．２％，价格１，２３４元，ｗｗｗ．ｂａｉｄｕ．ｃｏｍ，第１，２条，占60％，２０１９－２０２０")
    '增长５.２%，价格１,２３４元，ｗｗｗ.ｂａｉｄｕ.ｃｏｍ，第１，２条，占60％，２０１９-２０２０'
    >>> halfwidth_number_signs("ＵＳ＄１２，ｎａｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ，ｈｔｔｐ：／／ａ．ｃｎ")
    'ＵＳ$１２，ｎａｍｅ@ｅｘａｍｐｌｅ.ｃｏｍ，ｈｔｔｐ://ａ.ｃｎ'
    """
    if not _HOLDS_NUMBER_START(text) or not _ANY_NUMBER_SIGN.search(text):
        return text
    return _NUMBER_SIGNS.sub(lambda m: _narrow(m.group()), text)


def halfwidth_alnum(text: str) -> str:
    """Fullwidth letters and digits to ASCII: ``２０２０年`` -> ``2020年``, ``ＡＰＰ`` -> ``APP``.

    >>> halfwidth_alnum("２０２０年ＡＰＰ")
    '2020年APP'
    """
    return _native.halfwidth_alnum(text)


def normalize_compat_punct(text: str) -> str:
    """Small and vertical forms (﹐ ︰ ﹔ ﹕) to the ordinary fullwidth signs.

    >>> normalize_compat_punct("甲﹐乙︰丙")
    '甲，乙：丙'
    """
    return _native.normalize_compat_punct(text)


def fullwidth_punct(text: str) -> str:
    """ASCII ``, : ; ! ? ( )`` to fullwidth where a neighbour is Chinese; ASCII kept elsewhere.

    Run to a fixpoint: a converted sign makes its ASCII neighbour's neighbour Chinese (``?!中``),
    and cleaning twice must change nothing. Each pass only widens, so this ends quickly.

    Numbers, times and Latin phrases keep theirs: a sign between two digits or inside a URL is
    never touched.

    >>> fullwidth_punct("工信部:推动5G,互联网 13:42:07 1,000 (2020) 创新(体验)中心")
    '工信部：推动5G，互联网 13:42:07 1,000 (2020) 创新（体验）中心'
    """
    # native/src/fixes.rs: every pass to the fixpoint in one call over the page's code points.
    return _native.fullwidth_punct(text)


# A full stop written "." between two Chinese sentences with nothing between (报告会.据悉), after as
# many Han characters in a row as fullwidth_punct asks of a stop before a space (native/src/fixes.rs:
# fewer are a numbered heading, 一.总则). Without the space it is as often a name's separator
# (查尔斯.布里奇曼): the model tells them apart, 。 taken only where it reads STOP_MARGIN better
# than the middle dot a transliterated name takes.
# (Each pattern starts with the dot and looks behind it from there, the dot included: ``re`` scans
# for a pattern's first character at string speed, but tries a look-behind that opens it at every
# position of the page, 50 µs a clean page for this one; the matches are the same.)
_HAN = f"[{HAN_CLASS}]"
_STOP_BETWEEN_HAN = re.compile(f"\\.(?<={_HAN}{{4}}\\.)(?={_HAN})")
# Dots this close to another with no punctuation between separate the items of a list or a reference
# (碧海潮生.风雷九州.少林七十三绝技, 文集.中译版.第三卷), not sentences: they stay.
LIST_ITEM_MAX = 8
_DOT_LIST = re.compile(f"\\.(?<={_HAN}\\.)(?=([^\\s.，。、；：！？,;:!?“”\"（）()《》]{{1,{LIST_ITEM_MAX}}})\\.{_HAN})")
STOP_MARGIN = 2.0  # nats: sentence ends score 4.9-7.1 better than a dot on the probe's pages, names 1.5-4 worse
# A pair of ASCII quotes on one line with Han inside ("CCER中国经济观察"): Chinese quotes. Quotes
# around English stay ASCII ("Hello"), and so do those of code: after = ( [ { : , (print("你好"),
# key: "值", href="...").
_QUOTED = re.compile(r'"([^"\n]*)"')
_CODE_BEFORE_QUOTE = frozenset("=([{:,\\")


def chinese_stops_and_quotes(text: str) -> str:
    """``.`` between Chinese sentences to ``。`` and ASCII ``"…"`` around Chinese to ``“…”``, then
    ``fullwidth_punct`` again (a sign beside a new ``“`` has Chinese beside it), to a fixpoint.

    >>> chinese_stops_and_quotes('第一次报告会.据悉,研究中心"CCER中国经济观察"发布。他说"Hello"。')
    '第一次报告会。据悉，研究中心“CCER中国经济观察”发布。他说"Hello"。'
    >>> chinese_stops_and_quotes("查尔斯.布里奇曼，报告.pdf，U.S.，3.14")
    '查尔斯.布里奇曼，报告.pdf，U.S.，3.14'
    """
    if "." not in text and '"' not in text:  # most pages: two scans at memchr speed
        return text
    for _ in range(len(text) + 1):
        new = _quotes(_stops(text))
        if new == text:
            break
        text = _native.fullwidth_punct(new)
    return text


def _stops(text: str) -> str:
    if "." not in text or not _STOP_BETWEEN_HAN.search(text):  # most pages' dots: decimals, addresses
        return text
    lm = langmodel.model()

    in_list = {k for m in _DOT_LIST.finditer(text) for k in (m.start(), m.end() + len(m.group(1)))}

    def stop(m: re.Match) -> str:
        if m.start() in in_list:
            return "."
        before, after = text[m.start() - 1], text[m.end()]
        as_stop = lm.bigram(before, "。") + lm.bigram("。", after)
        as_dot = lm.bigram(before, "·") + lm.bigram("·", after)
        return "。" if as_stop >= as_dot + STOP_MARGIN else "."

    return _STOP_BETWEEN_HAN.sub(stop, text)


def _quotes(text: str) -> str:
    if '"' not in text:
        return text
    out = []
    for line in text.split("\n"):
        if line.count('"') % 2:  # a quote not closed on its line: which pairs with which is a guess
            out.append(line)
            continue
        out.append(_QUOTED.sub(lambda m: _quote(m, line), line))
    return "\n".join(out)


def _quote(m: re.Match, line: str) -> str:
    k = m.start() - 1
    while k >= 0 and line[k] == " ":
        k -= 1
    inner = m.group(1)
    if (k >= 0 and (line[k] in _CODE_BEFORE_QUOTE or line[k].isascii() and line[k].isalnum())
            or not _HAN_CHAR.search(inner) or inner[0] in _NOT_INSIDE or inner[-1] in _NOT_INSIDE):
        return m.group()
    return f"“{m.group(1)}”"


def fold_width(text: str) -> str:
    """The width and punctuation stages, in the pipeline's order, on ``text`` as a whole."""
    for fixer in (normalize_compat_punct, halfwidth_number_signs, halfwidth_alnum, fullwidth_punct, chinese_stops_and_quotes):
        text = fixer(text)
    return text


def kept_from_folding(text: str, read_again: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The characters the width stages would change on each line that holds a mark of lost bytes
    (U+FFFD), where the byte repairs would read the line once folded and do not read it as it is.
    The fold gives those repairs bytes the decoder never wrote: GBK's a3 e4, read as ｄ after a
    lost byte, became the byte 64 beside the mark, and a second clean read the pair out of step
    and took the letter (�ｄ俊 -> �d俊 -> �俊); a vertical ︾ (a6 e4) became 》 (a1 b7) inside an
    unread run, which a second clean then read.

    ``read_again(line)``: would a clean's byte repairs change the line?"""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if "\ufffd" in line:
            folded = fold_width(line)
            if folded != line and read_again(folded) and not read_again(line):
                if len(folded) != len(line):
                    out.append((start, start + len(line)))
                else:
                    out.extend((start + i, start + i + 1) for i, (a, b) in enumerate(zip(line, folded)) if a != b)
        start += len(line) + 1
    return out


_HAN_CHAR = re.compile(_HAN)
# What a quotation does not start or end with: a space (the quote closes one opened before it, ""
# pairs the wrong way round), or a Chinese quote already (":“…”" quotes a quotation: kept as written).
_NOT_INSIDE = frozenset(" \u3000“”‘’「」『』")


def drop_nbsp_after_punct(text: str) -> str:
    """NBSP (``&nbsp;``) or a tab between Chinese punctuation and what follows is dropped, not spaced.

    >>> drop_nbsp_after_punct("他说：\u00a0我们。\u00a0\u00a0下一句。\\t再一句")
    '他说：我们。下一句。再一句'
    >>> drop_nbsp_after_punct("产品\\t单价（元）\\t备注\\n铅笔\\t2.5\\t每盒十支")
    '产品\\t单价（元）\\t备注\\n铅笔\\t2.5\\t每盒十支'
    """
    # Chinese closing punctuation: NBSP after it is layout (an &nbsp; typed to push the next
    # sentence along), never a word space: Chinese text has no spaces between words.
    if "\t" not in text:  # most pages: a scan at memchr speed
        return _native.drop_nbsp_after_punct(text)
    # A table's tabs are its structure (单价（元）<TAB>备注): each cell is cleaned, its tabs kept.
    lines = text.split("\n")
    rows = table_rows(lines)
    if not rows:
        return _native.drop_nbsp_after_punct(text)
    out, prose = [], []
    for k, line in enumerate(lines):
        if k in rows:
            if prose:
                out.append(_native.drop_nbsp_after_punct("\n".join(prose)))
                prose = []
            out.append("\t".join(_native.drop_nbsp_after_punct(cell) for cell in line.split("\t")))
        else:
            prose.append(line)
    if prose:
        out.append(_native.drop_nbsp_after_punct("\n".join(prose)))
    return "\n".join(out)


TABLE_ROWS_MIN = 2  # lines of as many cells a tab-separated table holds at least
_CELL_TAB = re.compile(r"\S[^\S\n]*\t[^\S\n]*(?=\S)")  # a tab between two cells, with any padding
_CLAUSE_TAB = re.compile(r"[。，；！？：、]\t")


def table_rows(lines: list[str]) -> set[int]:
    """The lines (by index) that are rows of a tab-separated table: ``TABLE_ROWS_MIN`` lines in a
    row or more with as many tabs between cells, most of them after a cell's content (a number,
    a word, 单价（元）), not after a clause's mark. Tabs after 。 or ， are layout, a table or not
    (以及火爆的性格闻名。<TAB>张世昌…), however many a line holds.

    >>> sorted(table_rows(["地区\\t2021年（亿元）\\t增长率", "广东省\\t124369.67\\t1.9%", "他说。\\t再一句", "", "名称\\t数量（个）", "甲\\t3"]))
    [0, 1, 4, 5]
    >>> sorted(table_rows(["第一段。\\t接着说，\\t还有。", "第二段。\\t然后，\\t最后。"]))
    []
    """
    cells = [len(_CELL_TAB.findall(line)) if "\t" in line else 0 for line in lines]
    rows: set[int] = set()
    start = 0
    for k in range(1, len(lines) + 1):
        if k < len(lines) and cells[k] == cells[start]:
            continue
        block = range(start, k)
        if cells[start] and len(block) >= TABLE_ROWS_MIN:
            after_clause = sum(len(_CLAUSE_TAB.findall(lines[j])) for j in block)
            if after_clause * 2 <= cells[start] * len(block):
                rows.update(block)
        start = k
    return rows


_OTHER_BREAKS = re.compile("\r\n?|[\u2028\u2029]")


def unify_line_breaks(text: str) -> str:
    """``\\r\\n``, ``\\r``, U+2028 and U+2029 to ``\\n``.

    >>> unify_line_breaks("一\\r\\n二\\r三\\u2028四")
    '一\\n二\\n三\\n四'
    """
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    return _OTHER_BREAKS.sub("\n", text)


def normalize_paragraphs(text: str) -> str:
    """One paragraph per line: unify line breaks, strip indentation and padding, drop empty lines.

    Line breaks are ``\\r\\n``, ``\\r``, U+2028 and U+2029; padding is ``chardata.PAD``. A line of
    program code (``codelines``) keeps its indentation: in code it is structure (Python's blocks),
    not the layout of a paragraph. A subtitle file (``subtitles.kind``) keeps one blank line
    between its cues: a player needs it.

    >>> normalize_paragraphs("\u3000\u3000第一段\\r\\n\\r\\n  第二段 ")
    '第一段\\n第二段'

    >>> normalize_paragraphs("示例：\\ndef f(x):\\n    return x + 1\\n\\n  结果为2。")
    '示例：\\ndef f(x):\\n    return x + 1\\n结果为2。'
    """
    if subtitles.kind(text):
        return _cues(text)
    spans = codelines.code_spans(text)
    if not spans:
        return _native.normalize_paragraphs(text)
    parts, last = [], 0
    for start, end in spans:
        parts += [_native.normalize_paragraphs(text[last:start]), text[start:end].rstrip(PAD + "\r")]
        last = end
    parts.append(_native.normalize_paragraphs(text[last:]))
    return "\n".join(part for part in parts if part)


_BLANK_LINES = re.compile(f"\\n(?:[{PAD}\r]*\\n)+")


def _cues(text: str) -> str:
    """A subtitle file's blocks (cut at blank lines) each normalised, one blank line between them."""
    blocks = (_native.normalize_paragraphs(block) for block in _BLANK_LINES.split(unify_line_breaks(text)))
    return "\n\n".join(block for block in blocks if block)
