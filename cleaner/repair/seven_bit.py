"""Chinese in a 7-bit encoding handed over as the ASCII it is made of: HZ, ISO-2022, UTF-7.

Why: mail and Usenet had to pass 7-bit channels, and archives of them still hold the encodings
made for that. HZ (RFC 1843, Chinese Usenet and BBS) writes GB2312 between ``~{`` and ``~}``, each
character two ASCII letters with the high bits cleared (前身 is ``~{G0ImN*~}``); ISO-2022
(RFC 1468, 1557, 1922: ISO-2022-JP, -KR, -CN) switches character sets with escape sequences (ESC
``$B``, ESC ``$)A`` and SO/SI); UTF-7 (RFC 2152) writes UTF-16 in base64 between ``+`` and ``-``
(前身 is ``+Uk2Ocw-``). Read as ASCII, every byte is there and nothing else reads it; the
invisible-character stage would take ISO-2022's escapes and shifts away.

The evidence, each encoding by its own grammar, read only where it is text:

- ISO-2022: an ESC character no text holds. Each line with one is decoded strictly by the
  codecs of the family (ISO-2022-CN, which Python lacks, by its GB2312 part), and taken when one
  reads it without error into text with CJK characters (the one the model scores best).
- HZ and UTF-7: plain ASCII, so ``~{`` in code or ``+ABC-`` in prose must stay. Each candidate
  region is decoded strictly (HZ: pairs of 21-7E bytes inside ``~{ ~}``; UTF-7: base64 whose
  UTF-16 has no lone surrogate and zero padding bits) into text (no control character), and the
  page's regions are read together only when the Han characters they read as are Chinese text,
  not noise (byte_runs.reads_as_chinese: random pairs of letters read as GB2312 or UTF-16 score
  below -10 a character from eight characters on). ``~~`` (a tilde) and ``+-`` (a plus) are read only on a page so read.
"""

from __future__ import annotations

import re

from cleaner.langmodel import per_char
from cleaner.repair import byte_runs


_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# No reading that makes a control character (but tab and line breaks) or a lone surrogate is text.
# UTF-7 is UTF-16 and may hold the page's own private-use characters; GB2312 (HZ) has none.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_GB = re.compile(r"[\ue000-\uf8ff\ufffd]")

# HZ: a GB region, two characters of 21-7E a GB2312 code; ``~}`` ends it (never a pair's lead: GB2312 has no row 7E).
# (A lead of 21-7D, possessive: a run of "~{" without its "~}" is read once, not once a start.)
_HZ_REGION = re.compile(r"~\{((?:[!-}][!-~])*+)~\}")
# UTF-7: ``+``, modified base64 (no padding), and an optional ``-`` that ends it.
_UTF7_REGION = re.compile(r"\+([A-Za-z0-9+/]{3,})-?")
_ISO2022 = ("iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_kr")


def repair(text: str) -> str:
    """``text`` with its ISO-2022 lines, HZ regions and UTF-7 runs read back (see the module's
    docstring).

    >>> repair("~{G0ImN*~}1952~{DjSIKUV]!\\"IO:#6+Nb4sQ'P#SQ~}")
    '前身为1952年由苏州、上海东吴大学校友'
    """
    if "\x1b" in text:
        text = "\n".join(_read_iso2022(line) if "\x1b" in line else line for line in text.split("\n"))
    if "~{" in text:
        text = _read_page(text, _HZ_REGION, _hz, lambda t: t.replace("~~", "~").replace("~\n", ""))
    if "+" in text:
        text = _read_page(text, _UTF7_REGION, _utf7, lambda t: t.replace("+-", "+"))
    return text


def _read_page(text: str, region: re.Pattern, decode, escapes) -> str:
    """Every region of the page that decodes, read, when they read together as Chinese text;
    then the encoding's own escapes outside them (``escapes``)."""
    found = [(m, read) for m in region.finditer(text) if (read := decode(m.group(1))) is not None]
    # Judged by the Han characters they read as: kana, hangul or Cyrillic quoted among them is no
    # Chinese for the model, and a page of them is no page for these encodings' Chinese readers.
    if not byte_runs.reads_as_chinese("".join(_HAN.findall("".join(read for _, read in found)))):
        return text
    pieces, last = [], 0
    for m, read in found:
        pieces += [escapes(text[last:m.start()]), read]
        last = m.end()
    return "".join(pieces + [escapes(text[last:])])


def _hz(body: str) -> str | None:
    data = bytes(ord(ch) | 0x80 for ch in body)
    for codec in ("gb2312", "gbk"):  # GBK's codes of bytes a1-fe: HZ written by a GBK tool
        try:
            read = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return None if _NOT_TEXT.search(read) or _NOT_GB.search(read) else read
    return None


def _utf7(body: str) -> str | None:
    # Python's decoder is strict where the encoding is: padding bits must be zero, and the base64
    # must end on a whole code unit or within one encoder's zero bits.
    try:
        read = f"+{body}-".encode("ascii").decode("utf-7")
    except UnicodeDecodeError:
        return None
    return None if read.isascii() or _NOT_TEXT.search(read) else read


def _read_iso2022(line: str) -> str:
    if not line.isascii():
        return line  # an ISO-2022 line is 7-bit through and through
    data = line.encode("ascii")
    best, best_score = line, float("-inf")
    for read in (_decode(data, codec) for codec in _ISO2022 + ("iso2022_cn",)):
        if read is None or "\x1b" in read or _NOT_TEXT.search(read):
            continue
        wide = "".join(ch for ch in read if not ch.isascii())
        if not _CJK.search(wide):
            continue
        score = per_char(wide)
        if score > best_score:
            best, best_score = read, score
    return best


def _decode(data: bytes, codec: str) -> str | None:
    try:
        return _iso2022_cn(data) if codec == "iso2022_cn" else data.decode(codec)
    except (UnicodeDecodeError, ValueError):
        return None


def _iso2022_cn(data: bytes) -> str:
    """ISO-2022-CN's GB2312 part (RFC 1922: ESC $ ) A designates it, SO shifts to it, SI back);
    CNS 11643 (ESC $ ) G, ESC $ * H), which no codec here reads, raises ValueError."""
    out, gb, shifted, k = [], False, False, 0
    while k < len(data):
        b = data[k]
        if b == 0x1B:
            seq = data[k:k + 4]
            if seq == b"\x1b$)A":
                gb, k = True, k + 4
                continue
            raise ValueError("a character set this reader does not know")
        if b == 0x0E:
            if not gb:
                raise ValueError("shift out before a designation")
            shifted, k = True, k + 1
            continue
        if b == 0x0F:
            shifted, k = False, k + 1
            continue
        if shifted:
            out.append(bytes([b | 0x80, data[k + 1] | 0x80]).decode("gb2312") if k + 1 < len(data) else "\ufffd")
            k += 2
            continue
        out.append(chr(b))
        k += 1
    return "".join(out)
