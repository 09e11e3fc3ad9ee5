"""A UTF-8 byte-order mark inside GBK text (a fragment saved as UTF-8 with its BOM, included in a
GBK page): the mark's bytes taken out, and the text after it read in step again.

Why: read as GBK, the mark ``ef bb bf`` is 锘 (ef bb) and a lone ``bf`` that pairs with the next
character's lead byte, so everything after it is read one byte out of step, as rare characters
(锘扛ダ镂餮侨 for 弗里西亚), until an ASCII byte or a pair GBK rejects (a U+FFFD) puts the
reader back in step. The one-byte repair edits a byte near a suspect; it would drop the ``bf`` and
leave 锘, the mark's first two bytes, as a character of the text.

The mechanism: at each 锘 whose next character's GBK bytes start with ``bf``, the stretch of
characters beyond ASCII after it (to the first U+FFFD, the reader's return to step, or the end of
the stretch) is written back as GBK bytes, the ``bf`` dropped, and read again; a byte left over
before the U+FFFD (its pair's other byte is the one the reader rejected) is one lost character,
written as U+FFFD. The reading is taken when the character model scores it better a character
by MIN_GAIN than the stretch as it stands (锘 included): 锘 is rare, and a clean text's 锘 with a
common character after it reads worse without them.
"""

from __future__ import annotations

import re

from cleaner.langmodel import per_char

MIN_GAIN = 2.0  # log-probability a character the reading must gain over the stretch as it stands
_AT_BOM = re.compile("锘([^\x00-\x7f\ufffd]+)(\ufffd?)")


def repair(text: str) -> str:
    """``text`` with each UTF-8 byte-order mark read as GBK taken out (see the module's docstring).

    >>> repair("锘扛ダ镂餮侨旱菏潜焙５囊淮\\ufffd群岛。")
    '弗里西亚群岛是北海的一\\ufffd群岛。'
    >>> repair("锘挎潕鏅ㄦ槸涓")  # UTF-8 with its mark read as GBK: 李 read, the rest the byte repairs'
    '李鏅ㄦ槸涓'
    """
    if "锘" not in text:
        return text
    return _UTF8_HEAD.sub(_read_utf8_head, _AT_BOM.sub(_read, text))


# The same mark in UTF-8 read as GBK (files saved with a BOM, concatenated, the whole read as
# GBK): the ``bf`` pairs with the first byte of the next character's UTF-8, so the mark and that
# character show as 锘 and one or two more characters (锘挎潕 is the mark and 李, 锘緼 the mark
# and A). Read as UTF-8 from 锘 to the first character boundary, the bytes give the mark and that
# character: the character is kept, the mark goes, and the misread text after it is the byte
# repairs' (a U+FFFD right after 锘, before ASCII, is the ``bf`` a GBK reader rejected: the mark
# alone). The reading is taken where the character model scores it better by MIN_GAIN. A U+FFFD inside those few characters (a byte lost) leaves them as they are.
_UTF8_HEAD = re.compile("锘(?:\ufffd(?=[\x00-\x3f])|[^\ufffd\n]{1,3})")


def _read_utf8_head(m: re.Match) -> str:
    after = m.group()[1:]
    if after == "\ufffd":
        return ""
    for k in range(1, len(after) + 1):
        try:
            data = b"\xef\xbb" + after[:k].encode("gbk")
        except UnicodeEncodeError:
            return m.group()
        if data[2:3] != b"\xbf":
            return m.group()
        try:
            read = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # the next character's bytes are still cut: one more
        head = read[1:]
        if not head or not head.isprintable():
            return m.group()
        # 锘 is a character too (nobelium: 一小块锘块，): the reading is taken only where it reads
        # better than the characters it replaces (锘块， would become 飬; 锘挎潕 becomes 李).
        if per_char(head) < per_char(m.group()[:k + 1]) + MIN_GAIN:
            return m.group()
        return head + after[k:]
    return m.group()


def _read(m: re.Match) -> str:
    run, mark = m.group(1), m.group(2)
    try:
        data = run.encode("gbk")
    except UnicodeEncodeError:
        return m.group()
    if data[0] != 0xBF:
        return m.group()
    data = data[1:]
    lost = ""
    if len(data) % 2 and mark:
        data, lost = data[:-1], "\ufffd"  # its pair's other byte is the one the reader rejected
        mark = ""
    try:
        read = data.decode("gbk")
    except UnicodeDecodeError:
        return m.group()
    if per_char(read) < per_char("锘" + run) + MIN_GAIN:
        return m.group()
    return read + lost + mark
