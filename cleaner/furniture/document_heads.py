"""A formal document's own header and closing lines: its red header, its number, its addressees.

An official document published as a page is written to a fixed form (GB/T 9704 on the mainland,
the 公文程式 in Taiwan): a red header naming the issuing body (``临川市教育局文件``) over the
document's number (``临教发〔2027〕12号``), or a block of header fields under its title
(``发文机关：…``, ``文号：…``, ``主送：…``; ``發文字號：…``, ``主旨：…``), and a closing block under its
signature (``抄送：…``). A listed company's announcement opens with its code row (``证券代码：…
证券简称：… 公告编号：…``). The model read them as the site's record (a government site sets the same
keys in its metadata table over the page: ``索引号``, ``发文机关``, ``成文日期``, ``发文字号``) or as a row
above the headline, and took them: the document lost its header.

What is the document's and not the site's:

- a red header, a line of an issuing body's name ending in 文件, right over a bare document number
  (a site's table always sets the number under a key);
- a bare document number right over or under the document's title of a fixed form (关于…的通知);
- a run of header fields, one or more a line, all of the document's keys (``DOC_KEYS``), holding
  one key no site's record has (``ADDRESS_KEYS``: 主送, 主旨, 受文者, 抄送 …): the metadata table of a
  site holds 索引号, 主题分类 and 有效性 beside 发文机关 and 发文字号, and never an addressee;
- a line keyed by a distribution key alone (抄送：…, 抄报：…, 副本：…), wherever it stands, and the
  closing block's printing line (``临川市人民政府办公室 2027年3月2日印发``); its subject words
  (``主题词：…``) are a header field, kept in a run with an addressee's key (over its 抄送 line);
- a listed company's code row: its security's code and short name, and the notice's number, nothing else.
"""

from __future__ import annotations

import re

_SEP = r"[ \t\u3000]*"
_KEY_COLON = r"[:：∶]"
# Keys of a document's header block (Simplified and Traditional, as written on the page).
DOC_KEYS = ("发文机关", "發文機關", "发文单位", "發文單位", "发文字号", "發文字號", "文号", "文號", "发文日期", "發文日期",
            "成文日期", "签发人", "簽發人", "主送", "主送机关", "主送機關", "主旨", "受文者", "抄送", "抄报", "抄報",
            "副本", "正本", "速别", "速別", "密等", "密级", "密級", "紧急程度", "緊急程度", "主题词", "主題詞")
# Keys only a document has: whom it is addressed or copied to, and what it is about (Taiwan's 主旨).
ADDRESS_KEYS = ("主送", "主送机关", "主送機關", "主旨", "受文者", "抄送", "抄报", "抄報", "副本", "正本")
DISTRIBUTION_KEYS = ("抄送", "抄报", "抄報", "副本", "正本")
_KEYS = "|".join(sorted(map(re.escape, DOC_KEYS), key=len, reverse=True))
# Searched on every line holding a colon: opened by its keys, so that re skips ahead to their first
# characters (an opening ``(?:^|[ \t\u3000]*)``, which can match nothing, had it try every position).
_FIELD = re.compile(rf"({_KEYS}){_SEP}{_KEY_COLON}")
_ANY_KEY = re.compile(rf"(?:^|[ \t\u3000])([\u3400-\u9fff]{{2,6}}){_SEP}{_KEY_COLON}")
_DISTRIBUTION = re.compile(rf"^{_SEP}(?:{'|'.join(DISTRIBUTION_KEYS)}){_SEP}{_KEY_COLON}{_SEP}\S")
# A document's number alone: 临教发〔2027〕12号, 国办发[2027]3号, 府衛字第1160012345號.
_NUMBER = re.compile(r"^[ \t\u3000]*(?:[\u3400-\u9fff]{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]第?\d{1,5}[号號]"
                     r"|[\u3400-\u9fff]{1,10}字第\d{4,12}[号號])[ \t\u3000]*$")
_RED_HEADER = re.compile(r"^[ \t\u3000]*[\u3400-\u9fff（）()]{2,40}文[ \t\u3000]*件[ \t\u3000]*$")
_TITLE_FORM = re.compile(r"^[ \t\u3000]*[\u3400-\u9fff\w（）()〔〕“”《》、]{0,40}关于[^。！？]{2,80}的[\u3400-\u9fff]{1,6}[ \t\u3000]*$")
# The closing block's printing line: the office that printed it and the date (临川市人民政府办公室 2027年3月2日印发).
_PRINTED = re.compile(r"^[ \t\u3000]*[\u3400-\u9fff（）()]{2,30}[ \t\u3000]*(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,3}月"
                      r"[\d〇零一二三四五六七八九十]{1,3}日[ \t\u3000]*印[ \t\u3000]*发[ \t\u3000]*$")
# A listed company's code row: its fields are these keys alone.
_CODE_KEYS = ("证券代码", "證券代碼", "证券简称", "證券簡稱", "公告编号", "公告編號", "债券代码", "債券代碼", "债券简称", "債券簡稱",
              "股票代码", "股票代碼", "股票简称", "股票簡稱")
_CODE_FIELD = re.compile(rf"({'|'.join(_CODE_KEYS)}){_SEP}{_KEY_COLON}{_SEP}[^ \t\u3000:：]{{1,20}}")


# What every one of a line's forms holds: a key's colon (header fields, a distribution key, a code
# row), a number's 号 or 號, the printing line's 印. A line with none is none of them and only
# closes a run of header fields: one C-speed search passes most of a page's lines.
_MAY_BE = re.compile("[:：∶号號印]")


def _next_live(lines: list[str], i: int, step: int) -> int | None:
    k = i + step
    while 0 <= k < len(lines):
        if lines[k].strip():
            return k
        k += step
    return None


def _header_fields(line: str) -> bool:
    """Every key on the line is a document's header key, and there is one at least."""
    if _FIELD.search(line) is None:  # most keyed lines (a byline's 记者：) hold no document key
        return False
    keys = [m.group(1) for m in _ANY_KEY.finditer(line)]
    return bool(keys) and all(k in DOC_KEYS or any(k.endswith(d) for d in DOC_KEYS) for k in keys)


def _code_row(line: str) -> bool:
    fields = _CODE_FIELD.findall(line)
    if len(fields) < 2 or not any(k.startswith(("证券", "證券", "股票", "债券", "債券")) for k in fields):
        return False
    return not _CODE_FIELD.sub("", line).strip()


def document_heads(lines: list[str]) -> set[int]:
    """Indices of ``lines`` that are a formal document's own header and closing lines (see the
    module's docstring)."""
    out: set[int] = set()
    run: list[int] = []

    def close_run() -> None:
        if run and any(re.match(rf"{_SEP}(?:{'|'.join(ADDRESS_KEYS)}){_SEP}{_KEY_COLON}", lines[i]) or
                       any(re.search(rf"(?:^|[ \t\u3000]){k}{_SEP}{_KEY_COLON}", lines[i]) for k in ADDRESS_KEYS) for i in run):
            out.update(run)
        run.clear()

    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _MAY_BE.search(line) is None:
            close_run()
            continue
        if _header_fields(line):
            run.append(i)
            continue
        close_run()
        if _DISTRIBUTION.match(line) or _code_row(line) or _PRINTED.match(line):
            out.add(i)
        elif _NUMBER.match(line):
            above, below = _next_live(lines, i, -1), _next_live(lines, i, 1)
            if above is not None and _RED_HEADER.match(lines[above]):
                out.update((above, i))
            elif any(k is not None and _TITLE_FORM.match(lines[k]) for k in (above, below)):
                out.add(i)
    close_run()
    return out
