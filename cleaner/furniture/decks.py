"""A headline's deck: the subtitle set under it, opened by a dash.

Chinese papers and government sites set a subtitle under the headline with a leading dash:
``——记全国劳动模范、市桥梁养护中心高级技师张建国``, ``——2026年1月12日在滨江市第十六届人民代表大会第五次会议上``,
``——解读《滨江市促进民营经济高质量发展若干措施》``. It stands where bylines and dates stand, and it
may hold a date or name a person, so the line model reads it as a byline or a date row
(``head+date``). No byline, date row or button row opens with a dash, and the dash sets the line
under the headline as its continuation: between the headline and the body (a byline may stand
between them) it is the article's. Read as a line of its own it is no
headline either: the headline is the line above it (``generic._title_position`` looks past it).

A speech's occasion in round brackets stands there too (``（2026年1月12日在市人大会议上的报告）``): it
says where the speech was given (在…上, 在…时), which no bracketed byline or source line says.

A deck without a dash stands there as well, on the line right under the headline: a phrase or two
clauses of Han text (``他们为上万种植物保存着未来``, ``全校只剩三名學生　明年起併入鄰校``, the space a
print layout's break). A byline, date row, menu or button row under a headline has a name of two or
three characters, a figure, a key or a furniture word; a deck has clauses of four Han characters or more and
none of those, so only such a line is read as the headline's continuation (``plain_deck``).

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


# A speech's occasion in round brackets under its headline (（2026年1月12日在市人大会议上的报告）, NFKC:
# the brackets are ASCII): where it was given, 在…上 or 在…时; a bracketed byline names a reporter or a source.
_OCCASION = re.compile(r"^\((?=[^()]*在[^()]{2,40}[上时])[^()]{6,70}\)$")


def deck(text: str, f: dict[str, float]) -> bool:
    """The line (folded, NFKC, stripped) is a subtitle opened by a dash, or a speech's occasion in
    round brackets: no key, link or counter."""
    return (len(text) <= DECK_MAX and (bool(_DASH.match(text)) and not _CLOSING_DASH.search(text) or bool(_OCCASION.match(text)))
            and not _KEYED.match(text)
            and not (f["kv_filled"] or f["kv_empty"] or f["kv_many"] or f["url"] or f["counter"]))


PLAIN_MIN, PLAIN_MAX = 8, 40  # characters: a deck without a dash (shorter is a name or a label)
_CLAUSE = re.compile(r"^[\u3400-\u9fff“”‘’「」『』《》〈〉，、]+$")  # Han text and the marks inside a clause
_HAN = re.compile(r"[\u3400-\u9fff]")
# A credit's words (the line is folded to Simplified): 本报记者林雅婷报道 is a byline of clauses' shape.
_CREDITED = re.compile(r"记者|通讯员|特派员|特约|报道|报导|撰稿|供稿|摄影|编辑|来源|作者|口述|整理")
PARTS_MAX = 3  # clauses a deck's line breaks into by spaces (more: a row of items)
PART_MIN = 4  # Han characters in each clause (a menu's items and a byline's names are shorter)


def plain_deck(text: str, f: dict[str, float]) -> bool:
    """The line (folded, NFKC, stripped) is a subtitle without a dash: one to ``PARTS_MAX`` clauses of
    Han text split by spaces, each of ``PART_MIN`` Han characters or more, no figure, key, link,
    counter, credit's word or furniture word."""
    parts = text.split()
    return (PLAIN_MIN <= len(text) <= PLAIN_MAX and 1 <= len(parts) <= PARTS_MAX
            and all(_CLAUSE.match(part) and len(_HAN.findall(part)) >= PART_MIN for part in parts)
            and not _CREDITED.search(text) and not (f["lex_cover"] or f["kv_filled"] or f["kv_empty"] or f["kv_many"] or f["url"] or f["counter"]))


def decks(texts: list[str], features: list[dict[str, float]], headline: int, first: int) -> set[int]:
    """Positions of the subtitles (dash decks, and a plain deck right under the headline) between the headline at ``headline`` and the body's first line
    ``first`` (the first ``DECKS_MAX``; a byline may stand between: 政府工作报告 / 发布时间：… /
    （…在…会议上的报告）); none without a headline."""
    if headline < 0:
        return set()
    found = set([pos for pos in range(headline + 1, first) if deck(texts[pos], features[pos])][:DECKS_MAX])
    if headline + 1 < first and plain_deck(texts[headline + 1], features[headline + 1]):
        found.add(headline + 1)  # a deck without a dash only right under the headline
    return found
