"""A writer's name alone on a line beside the headline: a byline without its key.

Essay sites, columns, reading channels and old portals set the writer's name on a line of its
own right under the headline, with no key (``作者：``) and no date under it: ``比赛革命的革命`` /
``胡平`` / ``——对文化革命的政治心理学分析``, ``投身外交(3)`` / ``罗银胜`` / the first paragraph. The
dev set's hand copies leave it out (it is the page's record, not the article's words), and the
line model kept it: a short line in the head zone, between the headline and the body, reads as
the article's own heading. ``portals._spaced_names`` takes a name over a date line; here the name
stands over the article itself. It is the one mechanism for a name alone: it reads the lines
before the line model, so a name it takes is no line the model weighs, and a second reader of the
same lines after the model (``author_name.py``, session 37; removed in session 38) took no name on
any benchmark set that this one leaves, and beyond them the subject of a profile the article names
and a name over an article that heads its sections with short lines, which this one keeps.

What tells a name from the article's own short heading (``引言``, ``前言``, ``编者按``, a poem's
``春``) is the line's form and its page:

* its form: a Han name of two to four characters opened by a surname (``data/surnames.toml``)
  that jieba's dictionary holds as no word other than a person's name (``common_words``: 江南, 周末),
  a transliterated name parted by ``·`` (``阿卜杜拉·买买提``), two such names parted by a space
  (a photographer's beside the writer's), or a handle (one Latin token, lower case or holding a
  digit or ``_``: ``duscha``, ``kumo_chan``; an English heading is capitalised);
* its place: the page's first line, or right under a line that reads as a headline; and over the
  article: its first prose line, or lines ending no sentence over it (a dashed subtitle, a section
  heading, an editor's note's label, a hard-wrapped paragraph's first lines), at most ``HEAD_REACH``,
  at most one of them short and opened by no dash nor ordinal (a poem's lines under its heading ``夏日``
  are several);
* not named by the headline nor by the article (``深切缅怀林德顺同志`` / ``林德顺`` / ``林德顺同志，1930年生于…``):
  a name the page writes about is its subject, not its writer;
* no sibling: no other line of the article (between its first and last prose line) of two to
  four Han characters and nothing else: an article that heads its sections so (``引言`` …
  ``结语``) has its first heading there, and it stays whatever its first character.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import lru_cache

from cleaner import warm_tables
from cleaner.furniture.lexicon import DATA

_HAN = r"[\u3400-\u9fff]"
_SHORT_HEAD = re.compile(f"{_HAN}{{1,4}}")  # an article's section heading of that shape (a sibling)
_DOTTED = re.compile(f"{_HAN}{{1,6}}·{_HAN}{{1,6}}")  # 阿卜杜拉·买买提
_HANDLE = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{3,19}")  # no dot: a domain (bcbhome.126.com) is a link's, no handle
HEAD_REACH = 4  # lines at most between the name and the article's first prose line: a subtitle, a section's
# heading, an editor's note's label, a hard-wrapped first paragraph's first lines (no sentence ended)


@warm_tables.table
@lru_cache(maxsize=1)
def load_surnames(path=DATA / "surnames.toml") -> tuple[frozenset[str], tuple[str, ...]]:
    """(single surnames, compound surnames), validated: each single one Han character, each
    compound one two."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))["surnames"]
    single = frozenset("".join(data["single"].split()))
    compound = tuple(data["compound"])
    if not single or any(not re.fullmatch(_HAN, c) for c in single):
        raise ValueError(f"{path}: [surnames] single must be Han characters")
    if any(not re.fullmatch(f"{_HAN}{{2}}", c) for c in compound):
        raise ValueError(f"{path}: [surnames] compound must be two Han characters each")
    return single, compound


def _han_name(text: str) -> bool:
    if not re.fullmatch(f"{_HAN}{{2,4}}", text):
        return False
    single, compound = load_surnames()
    return (text[0] in single or (len(text) >= 3 and text[:2] in compound)) and text not in common_words()


@warm_tables.table
@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words of two to four Han characters opened by a surname that jieba's dictionary (the
    character model's source, ``langmodel.dictionary_path``) holds with a tag other than a
    person's name (``nr``, ``nrfg``, ``nrt``): a place (江南, 郑州), a time (周末, 夏日), a noun
    (程序, 任务), a verb (许愿), an idiom (何去何从). Under a headline such a line is the article's
    heading or a column's label, no writer (水乡古镇之旅 / 江南 / the essay lost 江南 as a byline).
    The dictionary tags some words as names (田园, 孔雀, 雷雨): those are left to the other tests."""
    from cleaner.langmodel import dictionary_path
    from cleaner.tablecache import cached

    path = dictionary_path()
    return frozenset(cached("surname_words", [path, str(DATA / "surnames.toml"), __file__], "1",
                            lambda: _read_common_words(path)))


def _read_common_words(path: str) -> list[str]:
    single, compound = load_surnames()
    out = []
    with open(path, encoding="utf-8") as f:
        for row in f:
            word, _, rest = row.strip().partition(" ")
            tag = rest.rpartition(" ")[2]
            if 2 <= len(word) <= 4 and not tag.startswith("nr") and re.fullmatch(f"{_HAN}+", word) \
                    and (word[0] in single or word[:2] in compound):
                out.append(word)
    return out


def name_form(text: str) -> bool:
    """Is the (folded, stripped) line a writer's name and nothing else?"""
    if _han_name(text) or _DOTTED.fullmatch(text):
        return True
    if _HANDLE.fullmatch(text):
        return text.islower() or bool(re.search(r"[\d_]", text))
    parts = text.split()
    return len(parts) == 2 and all(_han_name(p) for p in parts)


HEADLINE_LENGTH = (4, 60)  # characters of a line a name may stand under (a headline may ask or exclaim)
_SEPARATORS = re.compile(r"[|>»]")  # a trail or a menu, no headline


def headline_like(text: str) -> bool:
    """A line a name may stand under: a headline's length, no full stop at its end, no trail's
    separators (a question or an exclamation may end a headline: ``谁来为无序拆房“埋单”？``)."""
    return HEADLINE_LENGTH[0] <= len(text) <= HEADLINE_LENGTH[1] and not text.endswith(("。", ".")) \
        and not _SEPARATORS.search(text)


def name_bylines(texts: Sequence[str], prose: Sequence[bool], families: Sequence[str] | None = None,
                 headline: Callable[[str], bool] = headline_like) -> list[int]:
    """Positions of the lines of ``texts`` (folded, live) above the article's first prose line that
    are a writer's name alone beside its headline (the module's doc). ``families``: each line's portal
    family, if found ("" for none): the lines between the name and the article are of none (a vote
    counter under a Q&A answerer's name, ``1,105 人赞同了该回答``, frames an answer: the name is the
    frame's, ``portals._answerers``)."""
    families = families or [""] * len(texts)
    prose_at = [pos for pos, p in enumerate(prose) if p]
    if not prose_at:
        return []
    first, last = prose_at[0], prose_at[-1]
    if any(_SHORT_HEAD.fullmatch(texts[pos].strip()) for pos in range(first, last + 1)):
        return []  # the article heads its sections with short lines: a short line over it is one
    out = []
    for pos in range(first):
        text = texts[pos].strip()
        if not name_form(text) or (pos > 0 and not headline(texts[pos - 1].strip())):
            continue
        if any(text in texts[k] for k in range(max(pos - 1, 0), last + 1) if k != pos):
            continue  # the headline or the article names it: its subject (an obituary, a profile), not its writer
        between = [texts[k].strip() for k in range(pos + 1, first)]
        if len(between) <= HEAD_REACH and not any(_ends_sentence(t) or name_form(t) for t in between) \
                and sum(_bare_short(t) for t in between) <= 1 \
                and not any(families[k] for k in range(pos, first)):
            out.append(pos)  # over the article's first prose line, or over its head (a subtitle, a heading)
    return out


WRAPPED_MIN = 20  # characters of a hard-wrapped paragraph's line (a subtitle or a heading is shorter)
_OPENED = re.compile(r"^(?:——|—|--|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）])")


def _bare_short(text: str) -> bool:
    """A short line opened by no subtitle's dash nor a section's ordinal: a label (``编者按``) once,
    but several are a poem's lines or a list under a heading of two characters (``夏日``), no name's page."""
    return len(text) < WRAPPED_MIN and not _OPENED.match(text)


def _ends_sentence(text: str) -> bool:
    return text.endswith(("。", "！", "？", "!", "?", "."))
