"""A mail body left in base64 (its headers stripped): read back when it is Chinese text.

Why: Chinese mail clients (Foxmail, QQ Mail, Outlook with GB2312) send text bodies with
``Content-Transfer-Encoding: base64``; a body copied from a mail's source, an archive or a
list's digest without its headers is a block of base64 lines (wrapped at 76 characters) in the
middle of the text, as quoted-printable bodies are (quoted_printable.py reads those). Every byte
is there.

Why so strict: base64 in an article is mostly something else, a key, a hash, a data URI, an
image pasted inline, and it decodes to bytes that are no text. So a block is read only when it is
base64 through and through (lines of the base64 alphabet alone, padding only at the end, the
wrapped lines of one width) and long enough to be a body (MIN_CHARS), and its bytes are Chinese
text by byte_runs.read (UTF-8 with CJK and no control, or GBK/Big5 of 4 characters or more
scoring as Chinese) whose Han also read as Chinese rather than noise (byte_runs.reads_as_chinese).
Random bytes are almost never UTF-8 and score below -9 a character as GBK; a key or a hash is
random bytes.
"""

from __future__ import annotations

import base64
import binascii
import re

from cleaner.chardata import HAN_CLASS
from cleaner.repair import byte_runs

# A block: one or more lines of base64 alone (a line may end in blanks), each before the last of
# one width (a mail wraps at 76; a single line may be any length).
_LINE = r"[A-Za-z0-9+/]{4,}={0,2}[ \t]*"
_BLOCK = re.compile(rf"(?m)^(?:{_LINE}\r?\n)*{_LINE}$")
# The shortest block read: 24 characters of base64 are 18 bytes, 6 Han in UTF-8.
MIN_CHARS = 24
_HAN = re.compile(f"[{HAN_CLASS}]")


def repair(text: str) -> str:
    """Each block of base64 lines that is Chinese text read back (see the module's docstring).

    >>> repair("第一段。\\n5Ly06ZqP552A5Zu95Yqh6Zmi44CK5YWz5LqO5oqV6LWE5L2T5Yi25pS56Z2p55qE5Yaz5a6a44CL\\n第三段。")
    '第一段。\\n伴随着国务院《关于投资体制改革的决定》\\n第三段。'
    """
    if "\n" not in text and len(text) < MIN_CHARS:
        return text
    return _BLOCK.sub(_read_block, text)


def _read_block(m: re.Match) -> str:
    block = m.group()
    lines = [line.strip() for line in block.splitlines()]
    data = "".join(lines)
    if len(data) < MIN_CHARS or len(data) % 4 or "=" in data.rstrip("="):
        return block
    if len(lines) > 1 and len({len(line) for line in lines[:-1]}) != 1:
        return block  # not one encoder's wrapping
    if not any(c.isdigit() or c in "+/" for c in data) and data.isalpha() and data.islower():
        return block  # a word of letters (a long name): base64 of text has capitals, digits, signs
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return block
    read = byte_runs.read(raw)
    if read is None or not byte_runs.reads_as_chinese("".join(_HAN.findall(read))):
        return block
    return read.replace("\r\n", "\n").strip("\n")
