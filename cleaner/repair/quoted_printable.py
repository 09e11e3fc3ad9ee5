"""Mail's transfer encodings left in text: quoted-printable bodies and MIME encoded-words.

Why: a mail body or an archived post copied from its source, not from a mail reader, still holds
its transfer encoding. Quoted-printable writes every byte beyond ASCII as ``=HH`` and breaks long
lines with a soft break (``=`` at the line's end), so 前身 is ``=E5=89=8D=E8=BA=AB`` and a character
may be cut by a soft break (``=E3=80=`` / ``=81``); a header writes its text as an encoded-word,
``=?UTF-8?B?5YmN6Lqr?=`` (base64) or ``=?utf-8?Q?=E5=89=8D?=``, in the charset it names. Every
byte is there, and nothing else reads them.

The mechanism, each piece read only where its bytes are text:

- an encoded-word (RFC 2047: charset, B or Q, the encoded text) is decoded strictly in its
  charset (GB2312 as GB18030, which every mail client reads it as: the label names the older
  table and the text uses GBK's), and words beside each other lose the blanks between them;
- a quoted-printable run, from an ``=HH`` of a byte 80-FF to the last escape of its stretch of
  ASCII (soft breaks inside it joined, ``=20`` and ``=3D`` in it read too), is read as the bytes it
  holds (byte_runs.read: UTF-8, or GBK/Big5 that reads as Chinese text does); on a page with such
  a run, ``=20``, ``=09``, ``=3D`` and soft breaks outside runs too. An ``=`` of an
  equation, ``x=E5`` alone, a hash, or a run that is no text stays as it is.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re

from cleaner.repair import byte_runs

# Labels whose text is a wider table's: read as that one (strict, so nothing is guessed).
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
          "big5": "big5hkscs", "x-big5": "big5hkscs"}
_WORD = re.compile(r"=\?([A-Za-z0-9_.:+-]+)(?:\*[A-Za-z-]+)?\?([BbQq])\?([^?\s]*)\?=")
# Encoded-words side by side: the blanks between them are no text (RFC 2047, 6.2).
_WORDS = re.compile(rf"{_WORD.pattern}(?:[ \t]*\n?[ \t]*{_WORD.pattern})*")
# An escape, a soft break (``=`` ending a line, blanks allowed before the break).
_ESCAPE = r"=[0-9A-Fa-f]{2}"
_SOFT = r"=[ \t]*\r?\n"
# A run: from an escape of a high byte, escapes, soft breaks and ASCII but ``=`` between, to the
# last escape and the letter after it (a character cut by a soft break is read whole; GBK and Big5
# write a trail byte 40-7E as the ASCII it is).
_HIGH = r"=[89A-Fa-f][0-9A-Fa-f]"
_RUN = re.compile(rf"{_HIGH}(?:(?:{_SOFT}|[\t -<>-~])*?{_ESCAPE})*[@-~]?")
_ASCII_ESCAPE = re.compile(rf"=(?:20|09|3D)|{_SOFT}")
_ASCII_CHARS = {"=20": " ", "=09": "\t", "=3D": "="}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # no title holds one (U+3000 is no control, though not "printable")
_TOKEN = re.compile(rf"({_ESCAPE})|{_SOFT}|(.)", re.S)


def repair(text: str) -> str:
    """``text`` with its encoded-words and quoted-printable runs read back (see the module's
    docstring).

    >>> repair("=?UTF-8?B?5YmN6Lqr?= =E5=89=8D=E8=BA=AB=E4=B8=BA1952=E5=B9=B4")
    '前身 前身为1952年'
    """
    if "=" not in text:
        return text
    # A whole body in quoted-printable is ASCII: only there are its escapes of blanks and "=" and
    # its soft breaks outside the runs the encoding's (a page with other text keeps its "=").
    body = text.isascii()
    if "=?" in text:
        text = _WORDS.sub(_read_words, text)
    read = _RUN.sub(_read_run, text)
    if read != text and body:
        # A body that is quoted-printable: its escapes of blanks and of "=" and its soft breaks
        # outside the runs (a line of trailing blanks, =20) are the encoding's too.
        read = _ASCII_ESCAPE.sub(lambda e: _ASCII_CHARS.get(e.group(), ""), read)
    return read


def _read_words(m: re.Match) -> str:
    out = []
    for word in _WORD.finditer(m.group()):
        read = _read_word(*word.groups())
        if read is None:
            return m.group()  # one word that is no text: the sequence stays as written
        out.append(read)
    return "".join(out)


def _read_word(charset: str, kind: str, encoded: str) -> str | None:
    charset = _WIDER.get(charset.lower(), charset.lower())
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    try:
        if kind in "Bb":
            data = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
        else:
            data = re.sub(r"=([0-9A-Fa-f]{2})|_", lambda e: chr(int(e.group(1), 16)) if e.group(1) else " ",
                          encoded).encode("latin-1")
        read = data.decode(charset)
    except (binascii.Error, UnicodeError, ValueError):
        return None
    return None if _CONTROL.search(read) else read


def _read_run(m: re.Match) -> str:
    run = m.group()
    # An escape is its byte, a soft break nothing, any other character itself (ASCII).
    data = b"".join(bytes([int(escape[1:], 16)]) if escape else char.encode("ascii")
                    for escape, char in _TOKEN.findall(run))
    read = byte_runs.read(data)
    return run if read is None else read
