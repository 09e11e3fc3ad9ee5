"""Rows of fields: their commas, semicolons and keys' colons are the row's breaks, not clauses.

The line features count every comma, semicolon, 、 and colon as a clause mark, and a line with
two clause marks or more reads as prose (``features.is_prose``), so the model weighs it as the
article's: ``clause_punct`` is the feature that argues most against removal. A site's row of
fields is often written with commas between its fields, in both scripts:

  主办：临江市人民政府办公室，承办：临江市大数据管理中心              (a site's foot)
  地址：台中市西區仁愛路100號，總機：(04)2222-1234，掛號專線：…      (a site's foot)
  供稿：数理学院，摄影：王磊，初审：李芳，复审：张建，终审：刘波      (credits under the article)
  发布时间：2026-03-07，发布部门：阅读推广部，浏览：356              (the page's record above it)
  活动分类：讲座，活动对象：成人，人气：356，报名已结束              (a card between paragraphs)

Each comma there stands before a key and its colon, or before a short item of the row (a date, a
count, a button, a status): it splits fields, as a space or a ``|`` does in the rows the line
features already read (``keyed_rows``, ``forms.fields_row``). Such a row is read as a row: its
breaks as spaces, so the lexicon's keys after them are counted (``kv_filled``, ``kv_many``), and
no clause mark (the 、 inside a value lists the value's items: ``字号：大、中、小``). Such a row is
no prose, so the body does not reach over it: a site's foot of them under the article is the tail's.

A row of fields split by spaces whose marks are all keys' colons (``keyed_rows.colon_fields``:
``来源：市教育局  作者：王敏  浏览：356``), ``FIELDS_MIN`` keys or more, gets its score's features read
so too, since its two colons weighed as clauses; but where the body starts and ends is read as
before (``features.is_prose`` keeps it prose), since a byline row over the article stands between
the headline and the article's first lines and moving the body's start there took those lines (a
dialogue's first turns, bullets under the headline: turns29, items30). A dated one is read so only
with a key of the page's record (``RECORD_KEY``: 发布, 来源, 浏览 …) or a key of the site's as a
comma row needs one (``_site_keys``): an event's facts are dated too (``报告人：王教授  时间：2023年5月10日
地点：图书馆报告厅``, a fixture's article line). No row of fields is an end marker or a comment
header (``features.end_marker``), as when its breaks were clauses.

A row of fields is ``FIELDS_MIN`` keyed parts or more (a key: a word of at most ``KEY_MAX``
characters and a colon, opening the part), every other part a short item (at most ``ITEM_MAX``
characters), and no sentence mark anywhere (``。！？…``). An article's facts written as a row
(``活动时间：3月21日19:00，地点：市民广场。``, ``食材：排骨500克，土豆2个，葱、姜适量。``) end their
sentence with a stop and stay what they were; one without a stop is read as a row, and then the
model weighs it by its keys (only the lexicon's furniture keys count: 时间, 地点 and 食材 as an
article writes them are none) and its place beside the article, as it weighs every row.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from cleaner import warm_tables
from cleaner.furniture.keyed_rows import keys_of

LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.toml"
KEY_MAX = 8  # characters of a field's key (网站标识码, 累计浏览人次, 所在地)
ITEM_MAX = 12  # characters of a part with no key (2026-02-28, 报名已结束, 【去这里】, 南溪县融媒体中心出品)
FIELDS_MIN = 2  # keyed parts a row holds at least

# A key opening a part (NFKC: the colon is ASCII): a word holding Han (http: and DOI: are a link's
# and a record's, not a Chinese row's key), no space, digit, mark or bracket in it (9:00 is a time,
# 《…》: a title).
_KEY_CHAR = r"[^\s\d:|/·,。!?;、…()\[\]【】《》<>\"“”]"
_KEY = re.compile(rf"(?=[^:]*?[\u3400-\u9fff]){_KEY_CHAR}{{1,{KEY_MAX}}}\s*:")
# Keys of a page's record of itself (when and by whom it was published, how often read), as a row of
# fields must hold one to be the page's: a bare 时间 or 日期 heads an event's facts (报告人：…
# 时间：… 地点：…) and 作者 a book's (书名：… 作者：… 出版社：…), which are the article's.
RECORD_KEY = re.compile("发布|更新|发表|发稿|来源|编辑|责编|浏览|点击|阅读|点阅|访问|字号")
_BREAK = re.compile(r"\s*[,;]\s*")
_SENTENCE = re.compile(r"[。!?…]")
# What the row's text features keep from the row as written: its length and its share of digits
# (the breaks read as spaces would drop a character each from both).
_AS_WRITTEN = ("len_1_4", "len_5_12", "len_13_30", "len_31_80", "len_over_80", "digit_share")


def comma_fields(text: str) -> bool:
    """Is ``text`` (normalised) a row of fields split by commas or semicolons (module docstring)?"""
    if text.count(":") < FIELDS_MIN or ("," not in text and ";" not in text):
        return False  # nearly every line: fewer keys' colons than a row's keys, or no comma
    if _SENTENCE.search(text):
        return False  # a sentence's end: an article's facts
    parts = [p for p in _BREAK.split(text.strip()) if p]
    keyed = [bool(_KEY.match(p)) for p in parts]
    if sum(keyed) < FIELDS_MIN:
        return False
    return all(k or len(p.replace(" ", "")) <= ITEM_MAX for p, k in zip(parts, keyed))


def spaced_fields(text: str) -> bool:
    """A row of fields split by spaces: ``FIELDS_MIN`` keys or more, every mark a key's colon or
    structure (``keyed_rows.keys_of``). Each key holds a colon of its own: a line of fewer colons
    (most lines: a sentence, a key and its value) is no such row, and no pattern is run over it."""
    return text.count(":") >= FIELDS_MIN and keys_of(text) >= FIELDS_MIN


def field_row(text: str) -> bool:
    """A row of fields split by commas (``comma_fields``) or by spaces (``spaced_fields``): no end
    marker nor comment header (``features.end_marker``), whichever of them ``reread`` reads."""
    return comma_fields(text) or spaced_fields(text)


_SPACED_KEY = re.compile(rf"\s+(?={_KEY_CHAR}{{1,{KEY_MAX}}}\s*:)")  # the space before a key


def as_spaced(text: str) -> str:
    """A row split by spaces with a comma before each key (a space before a key's word and colon),
    so ``_site_keys`` reads its keys as it reads a comma row's."""
    return _SPACED_KEY.sub(",", text.strip())


def as_row(text: str) -> str:
    """The row with its breaks (commas, semicolons) read as the spaces between fields."""
    return _BREAK.sub("  ", text.strip())


def reread(rows: list[tuple[str, dict[str, float]]], read: Callable[[list[str]], list[dict[str, float]]]) -> list[tuple[str, dict[str, float]]]:
    """``rows`` ((normalised text, text features) of each line, as ``read`` read them: the native
    pass, ``features.page_features``), with the features of each row of fields (``field_row``, on
    the conditions below) read again from the row (``as_row``): its keys after a break counted, no
    clause mark. The other rows come back as they were."""
    # A comma row is read so with a key of the site's (_site_keys). A dated row split by spaces is
    # the page's record with a record key or a key of the site's: an event's facts hold a date too
    # (报告人：王教授  时间：2023年5月10日  地点：图书馆报告厅), and stay read as before.
    commas = {i: n for i, (text, f) in enumerate(rows) if comma_fields(text) and (n := _site_keys(text, read, dated=bool(f["date"])))}
    at = [i for i, (text, f) in enumerate(rows)
          if i in commas or (spaced_fields(text) and (not f["date"] or RECORD_KEY.search(text) or _site_keys(as_spaced(text), read, dated=True)))]
    if not at:
        return rows
    again = read([as_row(rows[i][0]) for i in at])
    out = list(rows)
    for i, g in zip(at, again, strict=True):
        text, f = rows[i]
        g = dict(g)
        g.update({k: f[k] for k in _AS_WRITTEN})
        g["clause_punct"] = 0.0
        if i in commas:
            g["kv_filled"] = 1.0
            g["kv_many"] = max(g["kv_many"], float(commas[i] >= FIELDS_MIN))
        out[i] = (text, g)
    return out


SUFFIX_MIN = 2  # characters of a lexicon key closing a compound key (地址 of 医院地址; not 文 of 公文)


@warm_tables.table
@lru_cache(maxsize=2)
def _facts(dated: bool = True) -> frozenset[str]:
    """``[field_rows] facts``, and on a row without a date its ``undated_facts`` too (a book's card's 作者)."""
    table = tomllib.loads(LEXICON.read_text(encoding="utf-8")).get("field_rows", {})
    lists = [table.get(name) for name in ("facts", "undated_facts")]
    if not all(words and all(isinstance(w, str) and w.strip() for w in words) for words in lists):
        raise ValueError(f"{LEXICON}: [field_rows] needs facts and undated_facts, lists of keys")
    return frozenset(unicodedata.normalize("NFKC", w).strip() for w in lists[0] + ([] if dated else lists[1]))


warm_tables.table(_facts, False)  # the undated row's facts too


def _site_keys(text: str, read: Callable[[list[str]], list[dict[str, float]]], dated: bool) -> int:
    """Keyed parts with a value of a row of fields split by commas whose key is a lexicon key or
    closes with one (医院地址, 急诊电话, 发函日期: a site names its own address, line and date), or 0
    when none of those keys is the site's own: the keys an article's facts give as well
    (``[field_rows] facts``: 时间, 地点's 地址, 电话, 联系人) make no row of the site's alone
    (``时间：3月21日，地点：市民广场，主讲人：王教授``, ``联系人：周明，联系电话：…`` stay prose), nor on
    a row without a date (``dated``) the keys of a work's card (``undated_facts``: 书名：…，作者：…，
    出版社：…). The lexicon is asked through ``read`` (a key alone with a value: ``地址:x``)."""
    keys = [m.group(0).rstrip(": ") for p in _BREAK.split(text.strip()) if (m := _KEY.match(p)) and p[m.end():].strip()]
    tails = sorted({k[j:] for k in keys for j in range(len(k) - SUFFIX_MIN + 1)})
    known = {t for t, f in zip(tails, read([f"{t}:x" for t in tails]), strict=True) if f["kv_filled"]}
    found = [next((k[j:] for j in range(len(k) - SUFFIX_MIN + 1) if k[j:] in known), None) for k in keys]
    if all(key is None or key in _facts(dated) for key in found):
        return 0
    return sum(key is not None for key in found)
