"""A work's card in the article: a book's, a film's or a record's facts as one row of keyed fields,
under a review's headline or beside its text (``书名：《山河小记》 作者：林默 出版社：滨江文艺出版社``,
``書名：海港的早晨 作者：許靜宜 出版社：南方文化 出版日期：2026年2月``).

Written with spaces between its fields, such a row has a byline's form: keys with filled values
under the headline (``作者`` is a byline's key too, and a dated row reads as the page's record),
and the model takes it as one. What tells it from the site's record is its keys: it names a work
(``[work_cards] names``: 书名, 片名, 出版社 …) and every key it holds is one of a work's card
(``[work_cards] keys``: 作者, 译者, 出版日期, 定价, 导演 …), none of the page's own (来源, 编辑,
浏览, 发布时间). Written with commas, the same card is read by ``field_breaks`` (``undated_facts``). Written one
field a line (``导演：林家豪`` over ``主演：…`` over ``片长：128分钟``), its rows are ``card_rows``: a
film's length read alone is a player's duration (``portals``), beside its director it is the film's.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from cleaner.furniture.features import normalise

LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.toml"
FIELDS_MIN = 2  # keyed fields a card holds at least (a key alone is a heading or a fact)
ROWS_KEYS = 3  # a card's keys, one field a line, that make it one without a key naming the work
# A key opening a field: a word of Han or Latin letters (ISBN) right after the line's start or a
# break, then a colon (NFKC: ASCII). Not a time's 19:30 (no digit in a key), not inside a title.
_KEY = re.compile(r"(?:^|[\s,;|])([^\s\d:,;|/·。!?、…()\[\]【】《》<>\"“”]{1,6})\s*:")
# Every character whose NFKC form holds a colon (: ⩴ ︓ ﹕ ：): a line without one holds no keyed
# field, so it is spared the NFKC pass (most of a page's lines; the pass was a tenth of the stage).
_COLONS = re.compile("[:\u2a74\ufe13\ufe55\uff1a]")



@lru_cache(maxsize=2)
def card_keys(path: Path = LEXICON) -> tuple[frozenset[str], frozenset[str]]:
    """(names, keys) of ``[work_cards]``: the keys naming a work, and every key a work's card holds
    (the names among them)."""
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("work_cards", {})
    lists = [table.get(name) for name in ("names", "keys")]
    if not all(words and all(isinstance(w, str) and w.strip() for w in words) for words in lists):
        raise ValueError(f"{path}: [work_cards] needs names and keys, lists of keys")
    names, keys = ({unicodedata.normalize("NFKC", w).strip() for w in words} for words in lists)
    return frozenset(names), frozenset(keys | names)


def work_card(text: str) -> bool:
    """Is ``text`` (a folded, NFKC line) a work's card: ``FIELDS_MIN`` keyed fields or more, one
    key naming a work, every key one of a work's card?"""
    if ":" not in text:
        return False  # nearly every line
    found = _KEY.findall(text)
    if len(found) < FIELDS_MIN:
        return False
    names, keys = card_keys()
    return any(k in names for k in found) and all(k in keys for k in found)


def _sole_key(text: str, keys: frozenset[str], heads: tuple[str, ...]) -> str | None:
    """The key of a line that is one keyed field and nothing else, opening with a key of a work's
    card (``keys``; ``heads``: the same keys as a tuple), or None. A line opening with none of them
    is not searched (a paragraph's colons: nearly every line holding one), nor one past a second key."""
    if not _COLONS.search(text):
        return None
    # A folded line keeps its full-width colon (NFKC, natively: ``features.normalise``). Its strip
    # moves no key: a key opens the line or follows a gap either way.
    text = normalise(text)
    if not text.startswith(heads):
        return None
    first = _KEY.search(text)
    if first is None or first.group(1) not in keys or not text.startswith(first.group(1)):
        return None
    return None if _KEY.search(text, first.end()) else first.group(1)  # a second key: a row of fields, no card's line


def card_rows(texts: Sequence[str]) -> set[int]:
    """Positions of the lines of a work's card written one field a line: a run of lines one under
    another, each one keyed field (``key：value``) whose key is one of a work's card, holding a
    key that names a work and ``FIELDS_MIN`` keys, or ``ROWS_KEYS`` distinct keys (导演, 主演, 片长: a
    byline's lines hold 来源 or 发布时间, no card's key)."""
    names, keys = card_keys()
    heads = tuple(keys)
    out: set[int] = set()
    run: list[tuple[int, str]] = []
    for pos, text in enumerate([*texts, ""]):
        key = _sole_key(text, keys, heads)
        if key is not None:
            run.append((pos, key))
            continue
        if run:  # (most lines: no run ends at them)
            held = {k for _, k in run}
            if len(held) >= ROWS_KEYS or len(held) >= FIELDS_MIN and held & names:
                out.update(p for p, _ in run)
            run = []
    return out
