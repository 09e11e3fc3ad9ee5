"""The heading of a related list, from one lexicon entry (``data/lexicon.toml`` ``[related]``).

A site's box of its other pages (相关新闻, 【延伸阅读】, 同类应用推荐, 友情链接) is read in four places,
each with the evidence it has around the heading: the related list at the page's foot
(``related_tail``), a box set inside the article (``boxes``), a portal's box over headlines
(``portals``) and the rule ``common/related``, which cuts the page's lower part at a whole
heading (its pattern says ``\\L<related>``, filled in at load by ``rules.py``). Their words are
one entry; each reader builds the pattern its evidence allows from the lists it may read
(``RelatedWords``: a box inside the article reads ``inside`` alone, the foot's list leaves out
``works``). ``boxes._INLINE`` and ``widgets.related_link_pattern`` still hold headings of their own.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class RelatedWords:
    relations: tuple[str, ...]  # a relation to the page: heads a box whatever noun follows (相关, 延伸)
    leads: tuple[str, ...]  # head a box only with a noun of ``stories`` or ``pieces`` (热门, 推荐, 更多)
    others: tuple[str, ...]  # the rest of the site's pieces, with such a noun alone (其他, 其它)
    stories: tuple[str, ...]  # nouns of a site's stories, each with a headline (新闻, 帖子, 研报)
    pieces: tuple[str, ...]  # nouns of its other pieces and links (公告, 应用, 链接)
    boxes: tuple[str, ...]  # after a noun: a box of picks or a ranking (推荐, 排行)
    pickers: tuple[str, ...]  # before ``boxes``: who picked or when (编辑, 本周)
    links: tuple[str, ...]  # after any short word: a box of links (链接, 连结)
    inside: tuple[str, ...]  # a box's heading inside the article (boxes.py), alone
    works: tuple[str, ...]  # stories that are a person's works, not read at the page's foot
    scopes: tuple[str, ...]  # before a portal's box heading: the part of the site (本版, 同类)
    headings: tuple[str, ...]  # whole headings that end the article (the rule common/related)
    not_boxes: tuple[str, ...]  # after a relation: people, bodies and things an article lists (相关负责人), no box
    named_pages: tuple[str, ...]  # after a relation: pages titled by a name (食谱, 股票), a box of short titles


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first (a longer word is never cut short)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=2)
def load_related(path: Path = DATA / "lexicon.toml") -> RelatedWords:
    table = tomllib.loads(path.read_text(encoding="utf-8"))["related"]
    fields = RelatedWords.__dataclass_fields__
    missing = [name for name in fields if not table.get(name)]
    if missing:
        raise ValueError(f"{path}: [related] needs {', '.join(missing)}")
    unknown = set(table) - set(fields)
    if unknown:
        raise ValueError(f"{path}: [related] has unknown lists {', '.join(sorted(unknown))}")
    return RelatedWords(**{name: tuple(unicodedata.normalize("NFKC", w).strip() for w in table[name] if w.strip())
                           for name in fields})
