"""The furniture lexicon: words and phrases of page furniture, and the keys of byline key-value forms.

Data, not code: ``data/lexicon.toml`` (written in Simplified; lines are folded before lookup, so
Traditional pages match too). Its ``[provenance]`` table says where the entries come from.
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
class Lexicon:
    phrases_re: re.Pattern
    keys_re: re.Pattern
    size: int
    ends_re: re.Pattern  # signs that the article has ended (责任编辑, (完), 网友评论 ...)
    comments_re: re.Pattern  # words of a comment's header line (回复, 网友, IP属地 ...)
    notice_re: re.Pattern  # words of copyright, reprint and contact notices
    self_re: re.Pattern  # the words a site uses for itself in its notices (本网, 本站)

    heads_re: re.Pattern  # headings a notice starts with, before a colon (免责声明：)

    def notice(self, text: str, least: int) -> bool:
        """A notice of the site's: a line headed "免责声明：" (or another notice heading), or one
        holding ``least`` different notice words and a word the site uses for itself (本网, 本站):
        an article about copyright uses the words too, but speaks of others."""
        if self.heads_re.match(text):
            return True
        return bool(self.self_re.search(text)) and len(set(self.notice_re.findall(text))) >= least

    def phrases(self, text: str) -> tuple[int, int]:
        """(furniture phrases found, characters they cover) in a folded, NFKC line."""
        hits = covered = 0
        for m in self.phrases_re.finditer(text):
            hits += 1
            covered += m.end() - m.start()
        return hits, covered

    def key_values(self, text: str) -> tuple[int, int]:
        """(keys with a value, keys with an empty value): ``来源:新华社`` fills, ``作者:`` is empty."""
        filled = empty = 0
        for m in self.keys_re.finditer(text):
            if m.group("value"):
                filled += 1
            else:
                empty += 1
        return filled, empty


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _normal(words: list[str]) -> list[str]:
    return [unicodedata.normalize("NFKC", w).strip() for w in words if w.strip()]


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DATA / "lexicon.toml") -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    phrases = _normal([w for group in data["phrases"].values() for w in group])
    keys = _normal(data["keys"]["words"])
    if not phrases or not keys:
        raise ValueError(f"{path}: the lexicon needs phrases and keys")
    # A key is a key when a colon follows it; the value runs to the next separator or key.
    keys_re = re.compile(
        rf"(?:^|[\s|/(\[【])(?:{_alternation(keys)})\s*:[ \t]?(?P<value>(?:(?!\s{{2,}}|\s\|)[^|【\[])*?)"
        rf"(?=\s*(?:$|\||【|\[|\s(?:{_alternation(keys)})\s*:|\s{{2,}}))"
    )
    groups = {name: _normal(data[name]["words"]) for name in ("ends", "comments", "notice")}
    if not all(groups.values()):
        raise ValueError(f"{path}: the lexicon needs [ends], [comments] and [notice] words")
    own, heads = _normal(data["notice"]["self"]), _normal(data["notice"]["heads"])
    if not own or not heads:
        raise ValueError(f"{path}: the lexicon needs [notice] self and heads words")
    return Lexicon(re.compile(_alternation(phrases)), keys_re, len(phrases),
                   *(re.compile(_alternation(groups[name])) for name in ("ends", "comments", "notice")),
                   re.compile(_alternation(own)), re.compile(rf"[(\[【]?\s*(?:{_alternation(heads)})\s*[】\])]?\s*:"))
