"""UTF-16 shown through GBK: a UTF-16 file (a Windows "Unicode" text, with or without its byte-order
mark) opened as ANSI on Chinese Windows, or read by any tool as GBK, and saved as what it showed.

Each pair of the file's bytes that GBK takes for a character became one (京 ac 4e is 琋), every
byte below 80 itself (北 17 53 is "\\x17S", an ASCII letter and its NUL "a\\x00"), and a byte GBK
rejects a U+FFFD (the byte-order mark ff fe is two). Written back as GBK, the text gives the file's
bytes again but those under a U+FFFD, one byte each, so the code units line up as in the file: a
unit with an unknown byte is written U+FFFD (its character is lost, its neighbours are not).

Clean text never reads so: it must hold what UTF-16 of Chinese shows through GBK (control
characters, NULs, Han beside ASCII letters in pairs) and read back as Chinese text, mostly Han,
with no control character and few units lost (``utf16_read`` judges its readings the same way).
Whole pages, before the invisible-character stage takes the control characters that are bytes.
"""

from __future__ import annotations

import re

from cleaner.model import Finding
from cleaner.repair import byte_runs, gbk, holes

MIN_HAN = 12  # Han characters the reading must hold, at least
HAN_SHARE = 0.6  # of the characters beyond ASCII it holds
MAX_LOST = 0.25  # of the units: a unit with a byte GBK rejected
MIN_CONTROLS = 2  # control characters (bytes of UTF-16 units) the misread text holds
LOST = "\ufffd"

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


GUESS_KIND = "lost-byte"


def repair(text: str, guess: bool = True) -> tuple[str, int, list[Finding]]:
    """``text`` read back as the UTF-16 its GBK bytes hold, where that is Chinese text; (text,
    1 when read else 0, a finding a unit guessed).

    >>> repair("北京是中国的首都，人口约两千万，是一座历史悠久的城市。".encode("utf-16").decode("gbk", "replace"))[0]
    '北京是中国的首都，人口约两千万，是一座历史悠久的城市。'
    """
    if len(text) < MIN_HAN or len(_CONTROL.findall(text)) < MIN_CONTROLS:
        return text, 0, []
    data: list[int | None] = []
    for ch in text:
        if ch == LOST:
            data.append(None)
            continue
        code = gbk.encode_char(ch)
        if code is None:
            return text, 0, []  # a character GBK never gives: not GBK's reading
        data += code
    bom = data[:2] == [None, None]  # ff fe (or fe ff): GBK rejects ff
    best: list[list] | None = None
    for little in (True, False):
        items = _read(data[2:] if bom else data, little)
        if items is not None and (best is None or _han(items) > _han(best)):
            best = items
    if best is None:
        return text, 0, []
    chosen = holes.choose_ranked(best, "", True, guess)
    read = "".join(c.char for c in chosen)
    findings = [holes.guess_finding(GUESS_KIND, at, c.char, c.alternative, c.margin) for at, c in enumerate(chosen) if c.guessed]
    return read, 1, findings


def _han(items: list[list]) -> int:
    return sum(1 for item in items if _HAN.match(item[0]))


def _may_be(data: list[int | None], p: int) -> list[int]:
    """The bytes the unknown byte at ``p`` may have been: one GBK rejects alone, or a lead it
    rejected with the byte after it (any, when that is unknown too or the text ends)."""
    after = data[p + 1] if p + 1 < len(data) else None
    out = [0x80, 0xFF]
    for b in range(0x81, 0xFF):
        if after is None:
            out.append(b)
            continue
        try:
            bytes([b, after]).decode("gbk")
        except UnicodeDecodeError:
            out.append(b)
    return out


def guessable(ch: str) -> bool:
    """A character a guess for a lost unit or byte may be: Han or the punctuation Chinese text
    writes (``utf16_legacy`` guesses from the same)."""
    return bool(_HAN.match(ch)) or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" or ch in "—…“”‘’·"


def _read(data: list[int | None], little: bool) -> list[list] | None:
    """[character, end, candidates] per code unit (``holes.choose_ranked``'s items), if the units
    read as Chinese text; None otherwise."""
    items: list[list] = []
    lost = 0
    k = 0
    while k + 1 < len(data):
        lo_at, hi_at = (k, k + 1) if little else (k + 1, k)
        lo, hi = data[lo_at], data[hi_at]
        k += 2
        if lo is not None and hi is not None:
            u = lo | hi << 8
            if 0xD800 <= u < 0xDC00 and k + 1 < len(data) and None not in data[k : k + 2]:
                low = (data[k] | data[k + 1] << 8) if little else (data[k + 1] | data[k] << 8)
                if 0xDC00 <= low < 0xE000:
                    ch = chr(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                    k += 2
                    items.append([ch, len(items) + 1, [ch]])
                    continue
            if 0xD800 <= u < 0xE000:
                return None  # a lone surrogate: no UTF-16 text
            items.append([chr(u), len(items) + 1, [chr(u)]])
            continue
        lost += 1
        if lo is None and hi is None:
            items.append([LOST, len(items) + 1, [LOST]])
            continue
        if lo is None:
            units = [b | hi << 8 for b in _may_be(data, lo_at)]
        else:
            units = [lo | b << 8 for b in _may_be(data, hi_at)]
        candidates = [chr(u) for u in units if not 0xD800 <= u < 0xE000 and guessable(chr(u))] or [LOST]
        items.append([candidates[0], len(items) + 1, candidates])
    read = "".join(item[0] for item in items)
    wide = [ch for ch in read if not ch.isascii() and ch != LOST]
    han = "".join(_HAN.findall(read))
    if (len(han) < MIN_HAN or len(han) < HAN_SHARE * len(wide) or lost > MAX_LOST * len(items)
            or _NOT_TEXT.search(read) or not byte_runs.reads_as_chinese(han)):
        return None
    return items
