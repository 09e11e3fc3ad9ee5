"""What one line of a page looks like, as numbers the generic furniture model weighs.

Every feature is about the line's own text (length, punctuation, digits, dates, key-value forms,
separators, button rows, URLs, furniture words) except the position features, which say where the
line stands relative to the article body (``body.py``): furniture clusters around the body, so a
menu at the page top and a copyright at the foot are both "outside", however long the page.

Lines are looked at folded (Traditional -> Simplified) and NFKC-normalised (fullwidth -> ASCII), so
one lexicon and one set of patterns serve both scripts and both widths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from cleaner._native import furniture_normalise
from cleaner.furniture.field_breaks import field_row, reread, spaced_fields
from cleaner.furniture.forms import consent, fields_row, item_row, quote, title_row
from cleaner.furniture.lexicon import Lexicon

FEATURES = (
    "len_1_4", "len_5_12", "len_13_30", "len_31_80", "len_over_80",
    "final_punct", "clause_punct", "no_cjk", "digit_share", "date", "time",
    "kv_filled", "kv_empty", "kv_many", "separators", "buttons", "counter", "url", "bullet",
    "lex_phrase", "lex_cover", "lex_short", "short_run",
    "head", "tail", "far", "adjacent_above", "adjacent_below", "out_prose", "out_short", "far_prose", "after_marker", "after_barrier",
    "in_thread", "item_row", "past_end", "notice", "list_run", "template", "list_block", "headline", "above_headline",
)


@dataclass
class Line:
    """A page line as the model sees it: the index in the page, the folded text, the features."""

    index: int
    text: str  # folded, NFKC, stripped
    features: dict[str, float]
    # ``is_prose`` of the line, once asked (``prose_line``): the model asks it of a line at each
    # step of a reading, and nothing a reading writes into ``features`` is among what it reads.
    prose: bool | None = field(default=None, compare=False, repr=False)


def prose_line(line: Line) -> bool:
    """``is_prose(line.text, line.features)``, asked once per Line."""
    if line.prose is None:
        line.prose = is_prose(line.text, line.features)
    return line.prose


def normalise(folded_line: str) -> str:
    """``unicodedata.normalize("NFKC", folded_line).strip()``, natively (``furniture_normalise``:
    most lines of Chinese text take its fast path, a tenth of Python's time), or as the memory
    of ``_rows`` holds it (the same normalisation, whatever the lexicon: a page's lines were read
    there, ``prime``, before most modules ask a line's form)."""
    row = _ROWS.get(folded_line)
    return row[0] if row is not None else furniture_normalise(folded_line)


def page_features(texts: list[str], lexicon: Lexicon) -> list[dict[str, float]]:
    """Features of each line alone (no position: those are 0.0), in one native call for the page
    (``native/src/furniture.rs``). ``texts``: folded and NFKC-normalised lines (``normalise``).

    Length in characters without spaces (four bins and over 80), sentence-final and clause
    punctuation, no Han at all, the share of digits, a date, a time, key-value forms with and
    without a value and two or more of them (``FurnitureLexicon.key_values``), separators (``|``, ``>>``,
    ``·``, `` / ``), bracketed short labels (buttons), counters (``(12)``, ``35条``, ``点击:120``),
    a URL or mail address, a leading bullet, a row of link labels (``item_row``), furniture phrases
    found, the share of the line they cover and any on a short line (``lexicon.phrases``), and a
    notice of the site's (``lexicon.notice``, with ``NOTICE_WORDS``).

    ``item_row``: three or more short items (at most 8 characters, 16 in a row of six or more)
    split by spaces or separators, no clause punctuation, some Han ("首页 滚动 国内 国际",
    "关于我们 | 联系我们 | 网站地图"): a sentence has clauses, a menu on one line only names. Verse
    set with spaces (items of one length, four characters or more, no separators) is no row.
    """
    # A dict per line, keys in FEATURES order; a row of fields read as a row (field_breaks.py).
    return [f for _, f in reread(list(zip(texts, _native(lexicon)(texts))), _native(lexicon))]


def _native(lexicon: Lexicon):
    """The native text features of lines already normalised (``page_features`` before its rows of
    fields are read again)."""
    return lambda texts: lexicon.native.features(texts, NOTICE_WORDS)


def prime(folded_lines: list[str], lexicon: Lexicon) -> None:
    """Read the page's lines into the memory of ``_rows`` in one native call, before anything asks
    about them: the rules' checks read a line or two at a time (``reading``: 2.7 calls a clean page
    of the crawl mix, each its own native call), then the model the whole page (one more), and a
    dozen modules ask a line's ``normalise``d form (23.6 native calls a page); each then finds the
    line read."""
    _rows(folded_lines, lexicon)


def readings(folded_lines: Iterable[str], lexicon: Lexicon, first: int = 2) -> Iterator[tuple[str, dict[str, float]]]:
    """(``normalise``d text, text features) of each folded line in turn, as ``line_features``
    reads them (``_rows``: the answers are remembered, so the model's reading of the page after the
    rules finds them read), in batches that double from ``first`` lines: a reader that stops at
    the first lines below one (most find what they look for there) has the rest never read. Each
    line's features are its own (``page_features`` reads each line alone), so a batch's cut
    changes none of them. The dicts are the memory's: the reader must not write into them."""
    folded_lines = iter(folded_lines)
    size = first
    while batch := list(islice(folded_lines, size)):
        yield from _rows(batch, lexicon)
        size *= 2


def reading(folded_line: str, lexicon: Lexicon) -> tuple[str, dict[str, float]]:
    """``(normalise(folded_line), text_features(...))`` of one line, through the memory of
    ``readings`` (the dict is the memory's: not to be written into)."""
    return _rows([folded_line], lexicon)[0]


def text_features(text: str, lexicon: Lexicon) -> dict[str, float]:
    """Features of the line alone (no position). ``text``: folded and NFKC-normalised."""
    return page_features([text], lexicon)[0]


def line_features(folded, alive: list[int], lexicon: Lexicon) -> list[Line]:
    """The live lines of a page (``alive``: indices into ``folded``, the folded lines) as the model
    sees them: ``normalise``d, with their text features (``page_features``), in one native call
    for the lines not read before (``_ROWS``). Each Line gets a dict of its own (the model writes
    the position features into it)."""
    rows = _rows([folded[i] for i in alive], lexicon)
    return [Line(i, text, f.copy()) for i, (text, f) in zip(alive, rows)]


def normalised_lines(folded, alive: list[int], lexicon: Lexicon) -> list[str]:
    """The live lines ``normalise``d, as ``line_features`` gives them (and remembers their
    features for it: the model reads most of these lines next)."""
    return [text for text, _ in _rows([folded[i] for i in alive], lexicon)]


def _rows(texts: list[str], lexicon: Lexicon) -> list[tuple[str, dict[str, float]]]:
    """(normalised text, text features) of each line: those not read before (``_ROWS``) in one
    native call. The list is the caller's own: nothing is looked up in ``_ROWS`` after it is
    filled (another thread may empty it meanwhile)."""
    rows = _ROWS if _ROWS.get(None) is lexicon else _reset_rows(lexicon)
    got = [rows.get(t) for t in texts]
    new = list(dict.fromkeys(t for t, row in zip(texts, got) if row is None))
    if new:
        # A row of fields split by commas is read as a row (field_breaks.py: its commas and keys' colons are no clauses).
        read = dict(zip(new, reread(list(zip(*lexicon.native.page(new, NOTICE_WORDS), strict=True)), _native(lexicon))))
        got = [row if row is not None else read[t] for t, row in zip(texts, got)]
        added: dict = read
        if len(rows) + len(new) > ROWS_KEPT:
            rows = _reset_rows(lexicon)
            added = dict(zip(texts, got))  # the page's lines, for its next reading
        if len(rows) + len(added) <= ROWS_KEPT:  # a page of more lines than that is not kept at all
            rows.update(added)
    return got


# The normalised text and text features of the folded lines read last (a page is read again
# after what went, and a site repeats its furniture lines from page to page): a function of the
# line's text and the lexicon alone. Keyed by the folded line; None holds the lexicon they are of.
_ROWS: dict = {}
ROWS_KEPT = 2048  # lines (a dict of features each, about 1.5 KB: 3 MB): dropped all at once past this


def _reset_rows(lexicon: Lexicon) -> dict:
    _ROWS.clear()
    _ROWS[None] = lexicon
    return _ROWS


NOTICE_WORDS = 3  # different notice words (版权, 转载, 本网, 联系 ...) that make a line a notice
MARK_MAX = 40  # characters: an end marker or a comment header is a short line, not a sentence


def end_marker(text: str, lexicon: Lexicon) -> bool:
    """A sign that the article above has ended: an editor line (责任编辑：王伟), a 【纠错】 link,
    a link to the previous or next piece (上一篇, 下一期：…), a comments or disclaimer heading, or a
    paragraph closed by "(完)". ``text``: folded, NFKC (``marks`` reads a page's lines at once).
    A row of fields (field_breaks.py) is none, as when its breaks were read as clauses: a byline
    over the article (… 记者：王敏 编辑：李华) would end the article above its first line."""
    return lexicon.marks.of([text], MARK_MAX)[0][0] and not field_row(text)


def comment_header(text: str, lexicon: Lexicon) -> bool:
    """A comment's header line: short, no sentence, with reply or vote words (网友 张三 回复,
    顶(3) 踩(1), IP属地：北京). A close row of them is a thread even without post timestamps."""
    return lexicon.marks.of([text], MARK_MAX)[1][0] and not field_row(text)


def marks(texts: list[str], lexicon: Lexicon) -> tuple[list[bool], list[bool]]:
    """(``end_marker``, ``comment_header``) of each line, in one native call for the page
    (``native/src/furniture_marks.rs``; its Python original is the tests' oracle,
    ``tests/reference_furniture_features.py``).

    Both are short lines (``MARK_MAX`` characters at most) that end no sentence and hold fewer than
    two clause marks (a hard-wrapped paragraph's lines are short and unended too, and hold 回复 or
    网友), with a word of the lexicon's ``[ends]`` or ``[comments]`` set apart: at the line's edge
    or beside a sign, space or digit (网友 张三 回复, 游客 58.1.*.*, 张三的回复); inside a run of Han
    it is a word of a sentence or a headline (日本拟上调外国游客出境税: tourists, no forum's guest).
    An end marker is also a link to the previous or next piece of a series by the unit it counts
    in (上一篇, 下一页; 下一节 but not 下一节 复习, a lesson's task), whatever the site, and a
    line closed by "(完)" or "【全文完】", however long. A row of fields (field_breaks.py) is
    neither, as when its breaks were read as clauses."""
    ends, comments = lexicon.marks.of(texts, MARK_MAX)
    for i, text in enumerate(texts):
        if (ends[i] or comments[i]) and field_row(text):
            ends[i] = comments[i] = False
    return ends, comments


# A row of page numbers and pager links: 第1页 第2页 下一页, 共3页 上一页 1 2 3 下一页, [1] [2] [下一页],
# << 1 2 3 >>, 页次:1/3页, a forum's 页: [1] (a key 页:, 分页:, 页码: heading the row), an e-paper's 上一版 下一版 (its
# pages are 版) and an issue's 上一期 下一期. Every item is a number, a pager word or an arrow (NFKC: fullwidth is ASCII).
_PAGER_ITEM = re.compile(r"^\s*(?:分页|页码|页)\s*:|第\s*\d+\s*页|共\s*\d+\s*页|页次\s*:?\s*\d+\s*/\s*\d+\s*页?|(?<!\d)\d+\s*/\s*\d+(?!\d)\s*页?"
                         r"|(?<!\d)\d{1,3}(?!\d)|上一页|下一页|前一页|后一页|上页|下页|首页|尾页|末页|第一页|最后一页|跳转|转到|(?i:go)"
                         r"|上一版|下一版|上一期|下一期")
_PAGER_REST = re.compile(r"[\s\[\]()【】<>«»|/.…\-:]*")  # what may stand between the items (共2页: 上一页 …)
_PAGER_SIGN = re.compile(r"页|<<|>>|«|»|上一版|下一版|上一期|下一期")


@lru_cache(maxsize=4096)  # asked of a line several times a reading (its sign is searched over the whole line)
def pager(text: str) -> bool:
    """A row of page numbers: nothing but numbers, pager words (上一页, 尾页, 第2页) and arrows, two
    items at least, with a page word or a double arrow among them ("1 2 3" alone may be a table's
    row)."""
    return item_row(text, 80, _PAGER_SIGN, _PAGER_ITEM, _PAGER_REST, 2)


# An editor's or reporter's credit without a colon, as portals write it in brackets: "( 编辑 李明 )",
# "【记者 王伟 张三】", "责编 刘洋". The colon forms are key-value forms (kv_filled) and rules' work.
_NAMES = r"[\u3400-\u9fff·]{2,5}(?:\s*[、,/ ]\s*[\u3400-\u9fff·]{2,5}){0,3}"
_CREDIT = re.compile(rf"^(?:[(\[【]\s*(?:责任编辑|责编|编辑|记者|通讯员|实习生|摄影|摄|校对|审核|审校|监制|编审|美编)\s+{_NAMES}\s*[)\]】]"
                     rf"|(?:责任编辑|责编|编辑|校对|审核|审校|监制|编审|美编)\s+{_NAMES})$")


def credit(text: str) -> bool:
    """An editor's or reporter's credit line written without a colon (see ``_CREDIT``)."""
    return len(text) <= 40 and bool(_CREDIT.match(text))


# A title closed by its date in brackets (汽车行业周报：以旧换新政策加码，终端需求回暖（2025-04-07）): a
# row of a list of other pieces, whatever clauses its title holds; a sentence ends before its date.
_DATED_TITLE = re.compile(r"[(\[【]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[)\]】]$")


def is_prose(text: str, f: dict[str, float]) -> bool:
    """A line that reads like article text: long enough, punctuated as sentences, not furniture
    (a notice of the site's, however well punctuated, is no article prose: it never joins the body)."""
    long_enough = f["len_13_30"] or f["len_31_80"] or f["len_over_80"]
    # A row of fields split by spaces stays prose here, as when its keys' colons were read as clauses
    # (field_breaks.py reads its score's features only): where the body starts and ends is unchanged.
    return bool(long_enough and (f["final_punct"] or f["clause_punct"] >= 0.5 or spaced_fields(text)) and not f["kv_many"]
                and f["lex_cover"] < 0.3 and f["separators"] < 0.5 and not f["no_cjk"] and not f["notice"]
                and not title_row(text) and not fields_row(text)  # a row of headlines that ask (…富翁?), a row of fields: no sentence
                and not quote(text)  # an index board, 上证指数 3,287.42 +0.63% …: its commas are no clauses
                and not consent(text)  # a cookie banner above the headline joined the body
                and not (text[-1:] in ")]】" and not f["final_punct"] and _DATED_TITLE.search(text)))  # a list's title and its date


def is_paragraph(text: str, f: dict[str, float]) -> bool:
    """Over 80 characters holding a full stop and more clauses: a paragraph, whatever signs it
    holds (its last sentence may be cut off: the stop need not end the line)."""
    return bool(f["len_over_80"] and f["clause_punct"] >= 0.5 and "。" in text)
