"""The furniture lexicon: words and phrases of page furniture, and the keys of byline key-value forms.

Data, not code: ``data/lexicon.toml`` (written in Simplified; lines are folded before lookup, so
Traditional pages match too). Its ``[provenance]`` table says where the entries come from.

The phrases, keys and notice words are matched natively (``cleaner._native.FurnitureLexicon``,
``native/src/furniture.rs``), which also computes every line's text features in one call per
page (``features.page_features``); so are the end and comment words of a short line
(``cleaner._native.FurnitureMarks``, ``native/src/furniture_marks.rs``: ``features.end_marker``,
``features.comment_header``), every line of a page in one call.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cleaner._native import FurnitureLexicon, FurnitureMarks

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Lexicon:
    native: FurnitureLexicon  # phrases, keys, notice words: the text features of lines
    size: int  # furniture phrases
    ends_re: re.Pattern  # signs that the article has ended (责任编辑, (完), 网友评论 ...)
    marks: FurnitureMarks  # the end words and the words of a comment's header line (回复, 网友, IP属地 ...), set apart

    def notice(self, text: str, least: int) -> bool:
        """A notice of the site's: a line headed "免责声明：" (or another notice heading), or one
        holding ``least`` different notice words and a word the site uses for itself (本网, 本站):
        an article about copyright uses the words too, but speaks of others."""
        return self.native.notice(text, least)

    def phrases(self, text: str) -> tuple[int, int]:
        """(furniture phrases found, characters they cover) in a folded, NFKC line: leftmost,
        longest first, one after the other."""
        return self.native.phrases(text)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _normal(words: list[str]) -> list[str]:
    return [unicodedata.normalize("NFKC", w).strip() for w in words if w.strip()]


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DATA / "lexicon.toml") -> Lexicon:
    from cleaner.furniture.features import FEATURES  # the order of a line's features

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    phrases = _normal([w for group in data["phrases"].values() for w in group])
    keys = _normal(data["keys"]["words"])
    if not phrases or not keys:
        raise ValueError(f"{path}: the lexicon needs phrases and keys")
    groups = {name: _normal(data[name]["words"]) for name in ("ends", "comments", "notice")}
    if not all(groups.values()):
        raise ValueError(f"{path}: the lexicon needs [ends], [comments] and [notice] words")
    own, heads = _normal(data["notice"]["self"]), _normal(data["notice"]["heads"])
    if not own or not heads:
        raise ValueError(f"{path}: the lexicon needs [notice] self and heads words")
    try:
        native = FurnitureLexicon(phrases=phrases, keys=keys, notice_words=groups["notice"], notice_self=own,
                                  notice_heads=heads, names=list(FEATURES))
        marks = FurnitureMarks(ends=groups["ends"], comments=groups["comments"])
    except ValueError as e:  # a word NFKC leaves empty
        raise ValueError(f"{path}: {e}") from None
    return Lexicon(native, len(phrases), re.compile(_alternation(groups["ends"])), marks)


@lru_cache(maxsize=1)
def key_words(path: Path = DATA / "lexicon.toml") -> frozenset[str]:
    """The keys of byline key-value forms (来源, 作者, 发布时间), NFKC: the repair's guesser takes a
    lost mark after one, before its value, for the colon (``repair.punct_shapes``)."""
    return frozenset(_normal(tomllib.loads(path.read_text(encoding="utf-8"))["keys"]["words"]))
