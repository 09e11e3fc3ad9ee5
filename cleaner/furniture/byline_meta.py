"""The facts of a byline the generic model removed: its date, author, editor and source, for meta.

A rule file's pattern names its byline's parts (``rules.META_GROUPS``) and they go into the
result's meta; the generic model removes a byline of any site as a line (``generic/byline``,
``generic/post-stamp``, ``generic/head+date`` …), and until now what it said was lost with it,
kept only in the removed line's finding. Read here from the lines the generic model removed,
as written there (NFKC), never guessed:

- ``date``: the first date in figures or words with its year (``2026-05-06 10:12``,
  ``2026年7月3日 08:15``, ``2026/08/25 18:30``) on a removed line above the article's first
  paragraph (a related list's dates stand below it);
- ``author``: the name after a reporter's or author's key on such a line (``作者：赵明轩``,
  ``记者 王晓峰``, ``記者 陳怡君／台北報導``, ``文/李然``): the first name only, since the words after
  a name (``阅读``, ``摄影``) read as another name would;
- ``editor`` and ``source``: a keyed field on any removed line (``责任编辑：王五``, ``来源：滨江日报``).

A key a rule's named group or the page's own header already set is left as it is (the caller).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

BODY_MIN = 30  # characters of a kept line that opens the article (a paragraph, not a short row)
VALUE_MAX = 20  # characters of an editor's or a source's value (a name, not a sentence)
GENERIC = "generic/"  # the generic model's rule ids (a rule file's bylines give their meta by named groups)

# NFKC lines. A date with its year, a time after it or not.
_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\d{1,2}月\d{1,2}日)"
                   r"(?:\s*(?:\d{1,2}:\d{2}(?::\d{2})?))?(?!\d)")
_NAME = r"([\u4e00-\u9fff][\u4e00-\u9fff·]{1,5})"
# A reporter's or author's key, then the name: 作者：赵明轩, 记者 王晓峰, 經濟報記者 陳嘉欣, 文/李然, 撰文：李建宏.
_AUTHOR = re.compile(r"(?:作者|作\s者|记者|記者|撰文|撰稿|采写|採寫|(?<![\u4e00-\u9fff])文\s*[/／|｜])\s*[:：]?\s*" + _NAME + r"(?=$|[\s/／|｜,，、(（])")
_EDITOR = re.compile(r"(?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：]\s*" + _NAME + r"(?=$|[\s/／|｜,，、)）])")
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s:：|｜,，“”「」『』\"'《》]{2,%d})(?=$|[\s|｜,，])" % VALUE_MAX)
_SENTENCE_END = re.compile(r"[。！？!?]")  # a notice's sentence (凡本网注明“来源：…”的作品…。) is no byline


def byline_facts(lines: Sequence[str], dropped: Mapping[int, str]) -> dict[str, str]:
    """``date``, ``author``, ``editor``, ``source`` read from the lines the generic model removed
    (``dropped``: line index -> rule id), each as the first line holding it says."""
    kept = (i for i in range(len(lines)) if i not in dropped and len(lines[i].strip()) >= BODY_MIN)
    top = next(kept, len(lines))  # the article's first paragraph: a byline stands above it
    facts: dict[str, str] = {}
    for i in sorted(dropped):
        if not dropped[i].startswith(GENERIC):
            continue
        text = unicodedata.normalize("NFKC", lines[i]).strip()
        if _SENTENCE_END.search(text):
            continue
        found = {"editor": _EDITOR.search(text), "source": _SOURCE.search(text)}
        if i < top:
            found["date"] = _DATE.search(text)
            found["author"] = _AUTHOR.search(text)
        for key, m in found.items():
            if m and key not in facts:
                facts[key] = m.group(m.lastindex or 0).strip()
    return facts
