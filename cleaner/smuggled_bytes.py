"""Bytes smuggled into a str as lone surrogates, read back as the bytes they are.

Why: Python's ``surrogateescape`` error handler (``os.fsdecode``, ``sys.argv``, ``open(...,
errors="surrogateescape")``, many crawlers' "never fail" decoding) turns each byte its decoder
rejects into one of U+DC80-U+DCFF, so a GBK page read that way as UTF-8 is a str whose Chinese
bytes are all there; ``surrogatepass`` decoding and JSON's ``"\\ud83d\\ude00"`` give a character
beyond the BMP as its two UTF-16 halves. Such a str is no text (no UTF-8 holds a surrogate), but
nothing is lost: encoding it back with the same handler gives the page's own bytes exactly, and
those are decoded as a page's bytes are (``cleaner.io.decode``: UTF-8, else the legacy Chinese
encodings, line by line where the lines differ). Any other lone surrogate (a half with no partner,
U+DC00-U+DC7F, which no byte escapes to) leaves the str refused as not text.
"""

from __future__ import annotations

import re

from cleaner.io.jsonl import has_surrogates

_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def readable(text: str) -> bool:
    """Whether every surrogate in ``text`` is half of a pair or an escaped byte.

    >>> readable("中\\udce5\\udca4"), readable("\\ud83d\\ude00"), readable("\\ud800x")
    (True, True, False)
    """
    return not has_surrogates(_ESCAPED_RUN.sub("", _PAIR.sub("", text)))


def read_back(text: str) -> tuple[str, int, list]:
    """``text`` with its surrogate pairs joined and its escaped bytes decoded with the rest of the
    page's bytes: (text, pairs and runs of escaped bytes read, the decoder's findings).
    Only for a ``readable`` text.

    >>> read_back("国务院".encode("gbk").decode("utf-8", "surrogateescape"))[:2]
    ('国务院', 1)
    """
    from cleaner.io.decode import decode_with_findings

    pairs = len(_PAIR.findall(text))
    text = _PAIR.sub(lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text)
    runs = len(_ESCAPED_RUN.findall(text))
    if not runs:
        return text, pairs, []
    decoded = decode_with_findings(text.encode("utf-8", "surrogateescape"))
    return decoded.text, pairs + runs, decoded.findings
