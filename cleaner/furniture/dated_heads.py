"""A dated heading over the article's first paragraph that its later paragraphs repeat.

A diary, a log or a chronicle heads each entry with its day (``2026年12月3日 星期四 小雪`` over the
first entry, ``2026年12月5日 星期六 晴`` over the next). The first heading stands where a byline's
date stands, right under the headline and over the body's first paragraph, and the model reads
a short dated line there as the page's stamp (``head+date``). What tells the entry's heading from
the page's stamp is the article around it: a line inside the body, heading a paragraph of prose,
opens with a date written the same way (``_form``: the same figures and the same 年, 月, 日
between them) and names another day. A page's stamp is said once and carries the page's marks (a
key with its colon, a time of day); an entry's heading recurs over the entries.

The evidence is the lines' own (their form, their position over prose): a reading of the cleaned
text, with the byline gone, finds the heading again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

HEADING_MAX = 30  # characters of a dated heading (a day, a weekday, the weather or a few words)

# Folded, NFKC lines. A date opening a line: in words of figures (2026年12月3日, 12月3日, 3日 not
# alone) or in figures with separators (2026-12-03, 2026.12.3, 12/3 not alone).
_DATE = re.compile(
    r"^\s*(?:(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]"
    r"|(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d))")
# The page's marks on a dated line: a key's colon (发布时间：), a time of day (10:20), a sentence's end.
_STAMP = re.compile(r"[:：]|\d{1,2}\s*[:：]\s*\d{2}|[。!?！？]\s*$")


def _form(text: str) -> tuple[str, str] | None:
    """(how the line's opening date is written, the date's figures) of a dated heading, or None: a
    line of at most ``HEADING_MAX`` characters opening with a date (``_DATE``), without the page's
    marks (``_STAMP``)."""
    match = _DATE.match(text)
    if not match or len(text.strip()) > HEADING_MAX or _STAMP.search(text):
        return None
    date = match.group(0)
    return re.sub(r"\d+", "0", re.sub(r"\s+", "", date)), "-".join(re.findall(r"\d+", date))


def dated_heads(texts: Sequence[str], headline: int, first: int, last: int, prose: Callable[[int], bool]) -> set[int]:
    """Positions of the dated heading right over the body's first prose line ``first`` (under the
    headline ``headline``) whose form a heading inside the body (``first`` to ``last``) repeats, over
    a prose line and with another date: the first entry's heading, as its later ones are."""
    at = first - 1
    if at <= headline or not 0 <= at < len(texts):
        return set()
    head = _form(texts[at])
    if head is None:
        return set()
    for pos in range(first + 1, min(last, len(texts) - 1) + 1):
        later = _form(texts[pos])
        if later is not None and later[0] == head[0] and later[1] != head[1] and pos + 1 < len(texts) and prose(pos + 1):
            return {at}
    return set()
