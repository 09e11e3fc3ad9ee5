"""Text handed over as the inside of a JSON string: ``\\n`` between paragraphs, ``\\"`` for its
quotes, and, escaped twice (a JSON document stored as a string of another), ``\\\\u524d`` and
``\\\\n``.

Why: an API's field copied from its raw response, or a document dumped into a JSON string and that
dumped again, keeps JSON's escapes. leftovers.decode_escapes reads runs of ``\\u4e2d`` escapes,
which may be quoted on purpose; it cannot read ``\\\\u524d`` (an escaped backslash before a ``u``)
nor a literal ``\\n``, which code quoted in an article (``printf("你好\\n")``) also writes.

The evidence is JSON's own grammar, one line at a time (a JSON string holds no line break, so a
line is the most one can be): a line is read as a JSON string's inside only when JSON reads it
strictly (every ``"`` escaped, no backslash but JSON's escapes: code's ``printf("…\\n")`` and a
path such as ``C:\\users`` fail), when it holds two escapes at least that text written as JSON
holds and text of another kind hardly does (``\\n`` between sentences, not before a letter as
TeX's ``\\nu`` is; ``\\"``; ``\\\\`` before ``u``, ``n`` or ``"``: a second layer), and when what it reads as
is text (no control character but a tab); never in a line of code (cleaner/codelines.py) nor
inside a single-quoted string (``s = '你好\\n世界\\n'``). A line holding an escape before a
Latin letter (``\\nabla``, ``\\newline``, ``C:\\new\\table``: TeX's commands and a Windows path's
folders read as JSON's \\n and \\t) is read only when it also holds JSON's own signs, an
escaped quote or a ``\\uXXXX``, and no drive's path (``C:\\``): JSON itself writes a path's
backslashes doubled, and a line of Chinese prose and TeX holds two ``\\n`` as easily as JSON
does (once a layer is read, the line was JSON: the next needs no more). Layers are read while a
line still is one, so a second clean finds nothing to read.
"""

from __future__ import annotations

import json
import re

from cleaner import codelines
from cleaner.repair import byte_runs

MIN_SIGNS = 2  # escapes of written JSON a line must hold
MAX_LAYERS = 4  # a string escaped more often than this is no text handed over by mistake
# ``\n`` not before a letter (TeX's \nu, \neq), ``\"``, and an escaped backslash before an escape's
# letter (a second layer: \\u524d, \\n, \\"). Each must not itself be escaped (an even number of
# backslashes before it).
_SIGN = re.compile(r'(?<!\\)(?:\\\\)*(?:\\n(?![A-Za-z])|\\"|\\\\(?=[un"]))')
# Code quoted in an article: a line the code-line model takes for code (print("…\n")), or escapes
# inside a single-quoted string given to code (s = '你好\n世界\n'), which JSON does not write;
# apostrophes of prose (Shaw's, O'Brien) around escapes are no such string.
# (Possessive, so a line with an opening quote and no closing one is read once, not once an escape.)
_QUOTED_ESCAPE = re.compile(r"[=(,\[]\s*'[^'\n\\]*+(?:\\[^n\"\\'\n][^'\n\\]*+)*+\\[n\"\\][^'\n]*+'")
# Controls but tab and line breaks, and lone surrogates (``\udce5``: a byte, escaped_bytes.py's).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# An escape before a Latin letter (TeX's \nabla, a path's \new\table), where JSON's \n and \t
# would break a word; JSON's own signs (an escaped quote, \uXXXX); a drive's path (C:\).
_LETTER_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\[nrtbf](?=[A-Za-z])")
_JSON_OWN = re.compile(r'(?<!\\)(?:\\\\)*\\(?:"|u[0-9a-fA-F]{4})')
_DRIVE = re.compile(r"(?<![A-Za-z])[A-Za-z]:\\")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]|\\u[3-9][0-9a-fA-F]{3}")
# A byte 80-ff as a Latin-1 or cp1252 character, escaped (UTF-8 misread, then written as JSON:
# 中 is \u00e4\u00b8\u00ad): Chinese once its bytes are read (``_utf8_shown``).
_HIGH_BYTE_ESCAPE = re.compile(r"\\u00[89a-fA-F][0-9a-fA-F]|\\u20ac|\\u201[89cdC-D]")
_CP1252 = {bytes([b]).decode("cp1252", "ignore"): bytes([b]) for b in range(0x80, 0xA0)}


def repair(text: str) -> str:
    r"""Each line that is the inside of a JSON string, read (see the module's docstring).

    >>> repair(r'他说：\"你好。\"\n\n第二段。')
    '他说："你好。"\n\n第二段。'
    """
    if "\\" not in text:
        return text
    lines = text.split("\n")
    code = codelines.code_lines(lines)
    return "\n".join(line if k in code or "\\" not in line or _QUOTED_ESCAPE.search(line) else _read_line(line)
                     for k, line in enumerate(lines))


def _read_line(line: str) -> str:
    for layer in range(MAX_LAYERS):
        if len(_SIGN.findall(line)) < MIN_SIGNS or not (_CJK.search(line) or _HIGH_BYTE_ESCAPE.search(line)):
            return line
        if not layer and _LETTER_ESCAPE.search(line) and (not _JSON_OWN.search(line) or _DRIVE.search(line)):
            return line  # TeX or a path: its \n before a letter is no line break (a layer read is JSON's)
        try:
            read = json.loads(f'"{line}"')
        except ValueError:
            return line
        if _NOT_TEXT.search(read) or not (_CJK.search(read) or _utf8_shown(read)):
            return line
        line = read
    return line


def _utf8_shown(read: str) -> bool:
    """Is ``read`` UTF-8 holding CJK (or GBK or Big5 text) shown one byte a character (Latin-1 or
    cp1252, a U+FFFD for a byte cp1252 has no character for), the mojibake the repairs after this
    stage read back? Then the line was text, only misread first."""
    if read.isascii():
        return False
    try:
        data = b"".join(_CP1252.get(ch) or ch.encode("latin-1") for ch in read.replace("\ufffd", "\x81"))
    except UnicodeEncodeError:
        return False
    shown = data.decode("utf-8", "replace")
    # Each mark spoils the one character it was a byte of, and nothing else may fail.
    if _CJK.search(shown) and shown.count("\ufffd") <= read.count("\ufffd"):
        return True
    # GBK or Big5 shown so (no mark: a legacy reading must score as Chinese text, byte_runs).
    return "\ufffd" not in read and byte_runs.read(data) is not None
