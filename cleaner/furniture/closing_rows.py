"""A notice's closing rows: its contacts and facts under its prose, down to its signature.

A notice, an announcement or a press release ends in short rows under its last paragraph
(``四、联系方式``, ``联系人：王老师``, ``咨询电话：…``, ``地址：…``, ``邮箱：…``, a row of two contacts,
``投资者联系：``), then the issuer's name and its signing date. Read one by one those rows are a
site foot's or a furniture heading's (a key and a value, a phone, an e-mail, ``联系方式`` a word of
the lexicon), and what follows a heading read as furniture went as ``after_barrier``. The
signature is the evidence that they are the document's: a site's foot ends in its copyright
or registration line, a notice in its signature. From the signature up to the line right under
the body, every line a row of the document's kind (the caller's ``row_fits``: no site's
record key, notice, copyright, stamp, menu, end marker or bare furniture label), the rows are the
article's last lines. A line taken before the model judged stops the walk, but a line of the
document's own that a family took (its attachments, ``附件：…``) does not.

A signature (``signature``): the issuer's name (at most ``SIGNER_MAX`` characters, no sentence)
over a bare date (``generic.signature``, given), over a date of the ROC calendar (``中华民国115年
9月15日``), or closed by a word of signing off (``教务处招生组 敬启``, ``管理处 谨启``), its date
under it if there is one, and a note in round brackets under that (``（此件主动公开）``).

The article's own sentence right under such rows closes them too (``resumed_rows``): an event's
facts under its text, then ``入场免费。``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

SIGNER_MAX = 30  # characters of an issuer's name
RESUME_ROWS = 8  # rows at most between the body and the article's sentence that closes them (resumed_rows)
_ROC_DATE = re.compile(r"(?:中华)?民国\s*\d{2,3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_SIGN_OFF = re.compile(r"\S\s*(?:敬启|谨启|谨上|谨白)$")
_SENTENCE_END = re.compile(r"[。!?;]$")
_NOTE = re.compile(r"\([^():]{2,30}\)")  # a document's note under its signature, no credit (编辑:…; NFKC: brackets and colons are ASCII)


def signer(text: str) -> bool:
    """An issuer's name: short, no sentence."""
    return len(text) <= SIGNER_MAX and not _SENTENCE_END.search(text)


# A signing date in words (folded to Simplified): an ROC year with or without its era (114年8月15日) or a
# year in Chinese numerals (二〇二五年十月三日, an ROC year's three: 中华民国一一四年八月十五日), which
# ``portals.bare_date`` (a year of four figures) leaves.
_WORDS_DATE = re.compile(r"(?:(?:中华)?民国\s*)?(?:\d{2,3}|[〇零○一二三四五六七八九]{3,4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
                         r"\s*[\d一二三四五六七八九十]{1,3}\s*日")


def words_date(text: str) -> bool:
    """A signing date in words and nothing else (``_WORDS_DATE``: 中华民国114年8月15日, 二〇二五年十月三日)."""
    return bool(_WORDS_DATE.fullmatch(text.strip()))


def roc_date(text: str) -> bool:
    """A date of the ROC calendar and nothing else (中华民国115年9月15日)."""
    return bool(_ROC_DATE.fullmatch(text))


def signed_off(text: str) -> bool:
    """An issuer's name closed by a word of signing off (教务处招生组 敬启)."""
    return bool(_SIGN_OFF.search(text)) and signer(text)


def signatures(texts: Sequence[str], body_end: int, dated: Collection[int]) -> list[tuple[int, int]]:
    """(first, last) positions of each signature below ``body_end``: ``dated`` holds the
    positions of the signatures found over a bare date (``generic.signature``)."""
    out: list[tuple[int, int]] = []
    for pos in range(body_end + 1, len(texts)):
        text = texts[pos]
        if out and pos <= out[-1][1]:
            continue  # the date under a sign-off: one signature
        if pos in dated and pos - 1 in dated:
            last = pos
            while last + 1 in dated:
                last += 1  # a joint notice's issuers over one date (generic.signature): one signature
            out.append((pos - 1, last))
        elif _ROC_DATE.fullmatch(text) and pos - 1 > body_end and signer(texts[pos - 1]):
            out.append((pos - 1, pos))
        elif _SIGN_OFF.search(text) and signer(text):
            below = pos + 1 < len(texts) and (pos + 1 in dated or _ROC_DATE.fullmatch(texts[pos + 1]))
            out.append((pos, pos + 1 if below else pos))
    return out


def closing_rows(texts: Sequence[str], body_end: int, dated: Collection[int],
                 row_fits: Callable[[int], bool], gap_above: Callable[[int], bool]) -> set[int]:
    """Positions of the rows between the body's last line (``body_end``) and the first signature
    under it (``signatures``), the signature's lines and its bracketed notes too, when every row between fits
    (``row_fits``) and no line taken before the model judged stands between (``gap_above(pos)``:
    such a line stands right above position ``pos``); else none."""
    found = signatures(texts, body_end, dated)
    if not found:
        return set()
    first, last = found[0]
    if any(gap_above(pos) for pos in range(body_end + 1, first + 1)):
        return set()
    if not all(row_fits(pos) for pos in range(body_end + 1, first)):
        return set()
    while last + 1 < len(texts) and _NOTE.fullmatch(texts[last + 1]):
        last += 1  # its note under the signature, in round brackets: (此件主动公开)
    return set(range(body_end + 1, last + 1))


def resumed_rows(body_end: int, count: int, row_fits: Callable[[int], bool], gap_above: Callable[[int], bool],
                 sentence: Callable[[int], bool]) -> set[int]:
    """Positions of the rows under the body's last line (``body_end``) that the article's own
    sentence closes: a run of rows of the document's kind (``row_fits``; at most ``RESUME_ROWS``)
    right under the body, and right under them an article sentence (``sentence``: 活动详情： /
    日期：… / 时间：… / 地点：… / 入场免费。), nothing taken between (``gap_above``). The article goes
    on after them, so they are its facts, not the site's rows; a site's rows are followed by its
    own lines, a sentence of the site's is a notice (no ``sentence`` of the caller's). Of
    ``count`` lines."""
    for pos in range(body_end + 1, min(count, body_end + 2 + RESUME_ROWS)):
        if gap_above(pos):
            return set()
        if pos > body_end + 1 and sentence(pos):
            return set(range(body_end + 1, pos))
        if not row_fits(pos):
            return set()
    return set()
