"""A headline's deck: the subtitle set right under it, opened by a dash.

Chinese papers and government sites set a subtitle under the headline with a leading dash:
``——记全国劳动模范、市桥梁养护中心高级技师张建国``, ``——2026年1月12日在滨江市第十六届人民代表大会第五次会议上``,
``——解读《滨江市促进民营经济高质量发展若干措施》``. It stands where bylines and dates stand, and it
may hold a date or name a person, so the line model reads it as a byline or a date row
(``head+date``). No byline, date row or button row opens with a dash, and the dash sets the line
under the headline as its continuation: it is the article's. Read as a line of its own it is no
headline either: the headline is the line above it (``generic._title_position`` looks past it).

A line that closes with a dash too (``—— 完 ——``, ``——END——``) is an end marker's ornament, and a
key, a link or a counter is the site's, dash or not.
"""

from __future__ import annotations

import re

DECK_MAX = 80  # characters: a subtitle, not a paragraph
DECKS_MAX = 2  # dash lines under one headline (a subtitle and the occasion's line)
_DASH = re.compile(r"^(?:——|—|--|－－)\s*[^\s—\-－]")
_CLOSING_DASH = re.compile(r"(?:—|-|－)\s*$")
_KEYED = re.compile(r"^\W*[\u3400-\u9fff]{1,6}\s*[:：]")  # ——来源：… is a key's row


def deck(text: str, f: dict[str, float]) -> bool:
    """The line (folded, NFKC, stripped) is a subtitle opened by a dash: no key, link or counter."""
    return (len(text) <= DECK_MAX and bool(_DASH.match(text)) and not _CLOSING_DASH.search(text)
            and not _KEYED.match(text)
            and not (f["kv_filled"] or f["kv_empty"] or f["kv_many"] or f["url"] or f["counter"]))


def decks(texts: list[str], features: list[dict[str, float]], headline: int, first: int) -> set[int]:
    """Positions of the dash subtitles right under the headline at ``headline`` (at most
    ``DECKS_MAX``, above the body's first line ``first``); none without a headline."""
    out: set[int] = set()
    pos = headline + 1
    while headline >= 0 and pos < first and len(out) < DECKS_MAX and deck(texts[pos], features[pos]):
        out.add(pos)
        pos += 1
    return out
