"""The page's record of the article, one field a line, between the article's end and the furniture under it.

A site closes an article with its record of it, one ``key：value`` a line, before its share rows,
related lists and foot (both scripts; folded here, so in simplified script):

  本文作者：老周                        (a credit: a lexicon key, or a word closing with one)
  信息来源：某某市中级人民法院           (the source)
  最后更新日期：115-03-21               (a key of the page's record: 发布, 更新, 浏览 …)
  相关链接：115年国人旅游状况调查报告     (a related key: 相关, 关联, 延伸 …)

Right under the article's last sentence and read alone, such a line is a short row with a colon
next to the body: its nearness and its colon weigh for keeping it, and the tail sweep
(``generic.tail_sweep``) takes only what stands *below* the first line gone. So the run is read
upward from the furniture: from the first line gone under the article's last prose line (or the
page's end), every row right above it that is a single field (``keyed_rows.colon_fields``, one key)
of the page's record goes, up to the first line that is none. The article's own facts written the
same way stay, by their keys: an event's or a notice's facts (``[field_rows] facts``: 时间, 地点,
联系电话 …), a price, an attachment (附件：…, which the text refers to), a fund (基金项目：…), a
contact window. An article's closing line in brackets (``（本文作者为某大学教授）``) holds no colon;
an author's bio (``作者简介：…，…。``) holds clauses; neither is a row of fields.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from cleaner import warm_tables
from cleaner.furniture.field_breaks import LEXICON, RECORD_KEY, _facts
from cleaner.furniture.keyed_rows import KEY_MAX, colon_fields, keys_of
from cleaner.furniture.spaced_keys import key_of
from cleaner.furniture.unnamed_fields import parallel, unnamed_field

FAMILY = "record-row"
_KEY = re.compile(rf"^([^\s:]{{1,{KEY_MAX}}})\s*:")


@warm_tables.table
@lru_cache(maxsize=1)
def _relations() -> tuple[str, ...]:
    """The lexicon's related relations (``[related] relations``: 相关, 关联, 延伸 …), NFKC."""
    words = tomllib.loads(LEXICON.read_text(encoding="utf-8")).get("related", {}).get("relations")
    if not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"{LEXICON}: [related] relations must be a list of words")
    return tuple(unicodedata.normalize("NFKC", w).strip() for w in words)


def record_kind(text: str) -> str | None:
    """What makes ``text`` (normalised) a single field of the page's record, or None: one key's
    colon and no clause (``keyed_rows.colon_fields``), opening the line, its key a key of the page's
    record (``RECORD_KEY``: 最后更新日期, 发布单位: ``record``), a related key (相关附件, 关联文件:
    ``related``), or a lexicon key or a word closing with one (本文作者, 视频编辑) that no article's
    facts give (``credit``)."""
    if keys_of(text) != 1 or not (m := _KEY.match(text)):
        return None
    key = m.group(1)
    if RECORD_KEY.search(key):
        return "record"
    if key.startswith(_relations()):
        return "related"
    closing = key_of(key)
    return "credit" if closing is not None and closing not in _facts(dated=True) else None


def record_rows(texts: list[str], start: int, gone: Callable[[int], bool], own: set[int]) -> list[tuple[int, str]]:
    """(position, kind) of the rows of the page's record (``record_kind``) right above the first line gone
    (``gone(pos)``: removed, or a line a rule took stands right above it) at ``start`` or below, or
    above the page's end when none is gone there; ``start``: the position right under the article's
    last prose line. The run stops at the first line that is no such row, or is the article's own
    (``own``: its counted rows, its signature, a notice's closing rows). A row of the record's shape
    whose key no lexicon holds (``unnamed_fields``) goes on the run when a row the lexicon names stands
    above it on the run (kind ``unnamed:under-record``: the record opened there) and the run does not
    hang from the article's own rows of fields (a fact's row right above it: 展览时间：… over 票价：…);
    else the run stops at it, as at any other line. Such rows straight under the article's prose, with
    no named row above them, are its last facts as often as the site's (型号：… 尺寸：… 重量：… over
    责任编辑：… or a share row): they stay."""
    first = next((pos for pos in range(start, len(texts)) if gone(pos)), len(texts))
    run: list[tuple[int, str | None]] = []
    attached = False  # the run's top stands under a row of fields of the article's (its facts: 展览时间：…)
    for pos in range(first - 1, start - 1, -1):
        if pos in own:
            break
        kind = record_kind(texts[pos])
        if kind is None and not unnamed_field(texts[pos]):
            attached = keys_of(texts[pos]) > 0
            break
        run.append((pos, kind))
    # The run read upward: its top named row opens the record; unnamed rows above it go with no row of it.
    # A run hanging from the article's facts, or of a list's rows (``parallel``), stops at its first unnamed row.
    opened = max((i for i, (_, kind) in enumerate(run) if kind is not None), default=-1)
    if attached or parallel([texts[pos] for pos, _ in run]):
        opened = -1
    out = []
    for i, (pos, kind) in enumerate(run):
        if kind is None and i > opened:
            break
        out.append((pos, kind or "unnamed:under-record"))
    return sorted(out)
