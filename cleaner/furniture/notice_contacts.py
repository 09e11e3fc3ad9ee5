"""A notice's own contact block after its body or its signature: its parties and whom to call.

Tender, procurement, award, admission and government notices close with a block that names the
notice's parties and how to reach them: a heading (``八、联系方式``, ``联系方式``, ``查询:``), then one
field a line (``招标人：…``, ``地址：…``, ``联系人：…``, ``电话：…``, ``采购代理机构：…``, ``邮箱：…``),
before or after the issuer's signature and date. Read line by line these rows are a site foot's
(a key and a phone), and under a signature they stand past the article's end, so the tail sweep,
the labels and the score took them. A site's own contact footer is another thing: rows of several
fields (``主办单位：… 网站电话：…``), copyright and registration lines, a row of links (关于我们 |
联系我们).

The evidence that a block is the notice's: it starts right under the body or under the notice's
signature, nothing taken between; every row is one field (``counted_rows.one_field``), or two or
three on a row (``row_keys``: 联系人：… 电话：…), or a phone number going on from the row above, each key
naming a party or a way to reach one (``CONTACT_KEY``: …人, …单位, …地址, …电话, …邮箱) and none of the
site's roles (``SITE_KEY``: 主办, 技术支持, 网站…), a heading or a signature, of the document's kind
(the caller's ``row_fits``: no site's record key, notice or copyright); and one of its keys names a
party of the notice or a person to call (``PARTY_KEY``: 联系人, 招标人, 采购人, 代理机构, 承办人, 中标人 …).
It runs down to the first other line, the site's furniture under it. The article may go on under it
(七、备查文件, a notice's next section): the block says nothing of the lines below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cleaner.furniture.counted_rows import one_field

_NOTE = re.compile(r"\([^()]{1,40}\)")  # a note in round brackets (NFKC: the brackets are ASCII)
_SENTENCE_END = re.compile(r"[。!?！？;]")
HEADING_MAX = 12  # characters of the block's heading (八、联系方式, 查询:)
BLOCK_MIN = 2  # rows of fields at least: one row (新闻联络人：… 电话：…) alone is a block of no form, left to the model
# A key naming a party of the notice or its person to call (lines are folded to Simplified: 聯絡人 -> 联络人).
PARTY_KEY = re.compile(r"(?:联系|联络|经办|承办|招标|采购|投标|中标|成交|代理|招聘|报名|咨询|项目|机关|招生)"
                       r"(?:人|机构|单位|机关|部门|名称)$|^(?:招标人|采购人|中标人|承办人|联系人|联络人|经办人)"
                       # or the notice's business: to ask about it, to enrol, to complain (咨询电话, 洽询电话, 报名地址)
                       r"|^(?:咨询|洽询|查询|报名|监督|投诉|举报)")
# A key of the block: it names a party (…人, …单位, …机构, …名称) or a way to reach one (…地址, …电话,
# …邮箱, 邮政编码, 开户银行), or asks (…咨询, 查询). A related link's key (相关连结：…) names a page: the block ends above it.
# A key of asking itself names whom to reach (查询：秘书处 梁小姐, 报名咨询：市科协青少部 刘老师).
CONTACT_KEY = re.compile(r"(?:人|单位|机构|机关|部门|名称|地址|电话|传真|手机|邮箱|信箱|邮件|邮编|编码|方式|银行|账号|户名"
                         r"|咨询|查询|洽询)$")
# A key naming the site's own roles (主办单位, 技术支持, 网站电话): the site's foot, not the notice's.
SITE_KEY = re.compile(r"^(?:主办|协办|技术支持|网站|本站|本网|版权|备案|运营|维护|客服)")
# A heading of the block: its words name contacting, after an article's ordinal if any.
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]+[)）])?"
                      r"[\u3400-\u9fff]{0,6}(?:联系|联络|咨询|查询)[\u3400-\u9fff]{0,4}:?$")
_PARTY_HEADING = re.compile(r"^\d{1,2}[.、]\s*[\u3400-\u9fff]{2,10}$")  # 1.采购人信息


def heading(text: str) -> bool:
    """The block's heading: short, its words about contacting (联系方式, 八、联系方式, 查询:)."""
    return len(text) <= HEADING_MAX and bool(_HEADING.match(text))


def _party_heading(text: str) -> bool:
    """A party's heading inside the block, numbered (1.采购人信息, 2.采购代理机构信息)."""
    return len(text) <= HEADING_MAX and bool(_PARTY_HEADING.match(text))


ROW_MAX = 80  # characters of a row of two or three contact fields (联系人：邓主任 电话：0794-8120211)
# A key's colon in a row: a word of two to six Han characters opening the row or after a space.
_KEYS = re.compile(r"(?:^|\s)([\u3400-\u9fff]{2,6})\s*:\s*\S")
# A phone number alone on its line, a note in brackets after it: the field above goes on (0794-8226305(招生办)).
# Five digits at least: a rule of dashes (-----, - - - -) is made of the same signs and is no number.
_PHONE_ALONE = re.compile(r"(?=(?:[^\d]*\d){5})[\d()\-+ ]{7,24}(?:\([^()]{1,20}\))?")
# A desk and a person with their phone, no key, under the block's heading (社会工作科 陈先生 (05)3620900分机3105).
_NAMED_PHONE = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff ]{1,20}\s*[\d()\-+ ]{7,24}(?:(?:分机|转|ext\.?)\s*\d{1,5})?")


# A key spaced out to align the rows under each other (联 系 人：, 电    话：, 地　　址：; NFKC: U+3000 is a space):
# one character, spaces, …, its last character, then its colon, opening the row or after a space.
_SPACED_KEY = re.compile(r"(?:(?<=^)|(?<=\s))((?:[\u3400-\u9fff] +){1,3}[\u3400-\u9fff])(?= *:)")


def squeezed(text: str) -> str:
    """``text`` with its spaced-out keys closed up (联 系 人：黄 斌 -> 联系人：黄 斌)."""
    return _SPACED_KEY.sub(lambda m: m.group(1).replace(" ", ""), text) if ":" in text else text


def row_keys(text: str) -> list[str]:
    """The keys of a row of contact fields: one field (``field_key``), or two and more, each key
    opening the row or after a space (招标人：… 地址：…), of at most ``ROW_MAX`` characters and no
    sentence end; else no key. A key spaced out to align it (联 系 人：) is read closed up (``squeezed``)."""
    text = squeezed(text)
    key = field_key(text)
    if key is not None:
        return [key]
    if len(text) > ROW_MAX or _SENTENCE_END.search(text) or not _KEYS.match(text):
        return []
    return _KEYS.findall(text)


def field_key(text: str) -> str | None:
    """The key of a row of one field (``counted_rows.one_field``), its notes in round brackets
    aside (咨询电话：0794-8290561(工作日上午9:00-12:00，下午14:30-17:30): the hours to call), or None."""
    return one_field(_NOTE.sub("", text))


def contact_block(texts: Sequence[str], start: int, row_fits: Callable[[int], bool],
                  gap_above: Callable[[int], bool], signer: Callable[[int], bool]) -> set[int]:
    """Positions of the notice's contact block from ``start`` (right under the body or its
    signature) down: headings, rows of fields (``row_keys``), a desk and a person with their phone under a
    heading (``_NAMED_PHONE``: a party of the notice) and a phone going on from the row above, the
    issuer's signature lines (``signer``) among
    them, each fitting ``row_fits``, no line taken before the model judged above one (``gap_above``);
    kept only when ``BLOCK_MIN`` rows of fields or more and one key names a party (``PARTY_KEY``)."""
    out: list[int] = []  # in order: the block runs down without a gap
    rows, party = 0, False
    for pos in range(start, len(texts)):
        text = texts[pos]
        # A heading of contacting is a furniture label to the lexicon (联系方式): its form says it opens the block.
        if gap_above(pos) or not (row_fits(pos) or heading(text)):
            break
        keys = row_keys(text)
        if any(not CONTACT_KEY.search(key) or SITE_KEY.match(key) for key in keys):
            break
        if keys:
            rows += 1
            party = party or any(PARTY_KEY.search(key) for key in keys)
        elif _NAMED_PHONE.fullmatch(text) and any(heading(texts[p]) for p in out):
            rows, party = rows + 1, True  # the person to call, named under the block's heading
        elif not (heading(text) or _party_heading(text) or signer(pos)
                  or out and out[-1] == pos - 1 and row_keys(texts[pos - 1]) and _PHONE_ALONE.fullmatch(text)):
            break
        out.append(pos)
    # Lines under the last field that are not fields (a heading with nothing under it) are not the block's.
    # (From the end of the list: a set's max() a line made a run of headings quadratic, 15 s for 20,000.)
    while out and not row_keys(texts[out[-1]]) and not signer(out[-1]) and not _PHONE_ALONE.fullmatch(texts[out[-1]]) \
            and not _NAMED_PHONE.fullmatch(texts[out[-1]]):
        out.pop()
    return set(out) if rows >= BLOCK_MIN and party else set()
