"""Rows of keys written with a space where their colon stands: read as their colon twins.

A site writes its byline, counters, tags and foot as ``key：value`` as often as ``key value``, the
colon dropped (a table's cells copied out, a template that sets the key in its own span), in both
scripts:

  来源 东城区人民法院                     (来源：东城区人民法院)
  發布單位 路政司    點閱次數 3041        (the page's record, one field a line)
  标签 莫干山 自驾 民宿 周末游            (tags)
  游戏标签 动作 国产 独立游戏             (a key closing with a lexicon key: 游戏标签, 菜谱分类)
  房源编号 AJ20260412 发布时间 2026-04-12

The rules (``rules/*.toml``) and the line model read the key by its colon (``来源[:：]``,
``kv_filled``), so the spaced forms stayed, or went only where a spaced phrase of their own was
written into a rule. Such a row is read as its **twin**, the same row with a colon after each key
(``twin``): every reader of the page's folded lines (the rules, the portal families, the model)
sees the twin, and what goes is the line as written, its Step naming the rule or the features that
took the twin.

A row is read so when it is a row of fields and nothing else: no colon of its own (a time's aside:
``11:20``), no sentence's end, no clause mark (a comma, 、, a semicolon), at most ``ROW_MAX``
characters, opening with a key (a key of the lexicon's ``[keys]`` of at least ``KEY_MIN``
characters, or a word of Han characters closing with one, at most ``KEY_MAX`` in all), or dated with
a key of the page's record after its first word (``field_breaks.RECORD_KEY``: ``2023-05-01 10:20 来源
新华网 阅读 356``); each key followed by a value that is no key.

The twins are read once the page as written is judged (``boilerplate.remove_furniture``): a rule
reads a byline's spaced keys itself (``晨报记者 陈晓``), and a counter opening a comment section
(``评论 412 · 最热 最新``) ends the article as written; read from the start, their twins undid both. An
article's facts are written the same way (``时间 4月26日 14:30``, ``地址 江北区图书馆路1号``): a row
whose keys are all those an article's facts give (``[field_rows] facts``; on a row without a date,
``undated_facts`` too: a book's 作者) is read as written, as ``field_breaks`` reads comma rows. A
single Han character (图, 文) opens a caption or a line of verse as often as a credit: no key here.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache

from cleaner import warm_tables
from cleaner.furniture.field_breaks import LEXICON, RECORD_KEY, _facts

KEY_MIN = 2  # characters of a lexicon key read here (图, 文 open captions and verse as often)
KEY_MAX = 8  # characters of a key (游戏标签, 所属栏目, 累计浏览人次)
ROW_MAX = 60  # characters of a row read as its twin (a byline, a foot's row; no paragraph)

_SPACES = re.compile(r"[\s\u3000]+")
# A colon, a sentence's end or a clause mark anywhere: no row of bare keys (a sentence, a row with
# its colons, a comma row: field_breaks reads those).
_NOT_BARE = re.compile(r"[:：。！？!?…，,、；;]")
_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")  # a time's colons are no key's (发布时间 2026-03-22 11:20)
_DATE = re.compile(r"\d{2,4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2})?|\d{1,2}月\d{1,2}日")


@warm_tables.table
@lru_cache(maxsize=1)
def _keys() -> frozenset[str]:
    """The lexicon's keys (``[keys] words``), NFKC, of ``KEY_MIN`` characters or more."""
    words = tomllib.loads(LEXICON.read_text(encoding="utf-8")).get("keys", {}).get("words")
    if not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"{LEXICON}: [keys] words must be a list of keys")
    return frozenset(k for w in words if len(k := unicodedata.normalize("NFKC", w).strip()) >= KEY_MIN)


def key_of(word: str) -> str | None:
    """The lexicon key ``word`` is or closes with (游戏标签 -> 标签), or None."""
    keys = _keys()
    if word in keys:
        return word
    if len(word) > KEY_MAX or not _HAN_WORD.fullmatch(word):
        return None
    return next((word[j:] for j in range(1, len(word) - KEY_MIN + 1) if word[j:] in keys), None)


def twin(line: str) -> str | None:
    """The row ``line`` (folded, stripped) with a colon after each key, when it is a row of keys
    written with spaces (module docstring); else None."""
    if len(line) > ROW_MAX or " " not in line and "\u3000" not in line or _NOT_BARE.search(_TIME.sub("", line)):
        return None  # nearly every line: a sentence, or no space
    written = _SPACES.split(line.strip())  # the twin keeps the line's own characters (its width, its script)
    words = [unicodedata.normalize("NFKC", w) for w in written]
    if len(words) < 2:
        return None
    keyed = [key_of(w) is not None and i + 1 < len(words) and key_of(words[i + 1]) is None for i, w in enumerate(words)]
    found = {key_of(w) for w, k in zip(words, keyed) if k}
    dated = bool(_DATE.search(line) or _TIME.search(line))
    # Opening with a key and its value; or dated, with a key of the page's record after its first word
    # (2026-05-01 10:20 来源 新华网 阅读 356, 房源编号 AJ20260412 发布时间 2026-04-12).
    if not (keyed[0] or dated and any(RECORD_KEY.search(k) for k in found)):
        return None
    if found <= _facts(dated):
        return None  # an article's facts (时间 4月26日 14:30, 地址 …): read as written
    return "".join(w + ("：" if k else " ") for w, k in zip(written, keyed)).rstrip()
