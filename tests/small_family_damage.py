"""Small damage families of issue 16 left by session 23's probe, rebuilt here from clean text.

Each maker takes a clean paragraph (Wikipedia, ``benchmarks/wiki_split.py``) and a seeded
``random.Random`` and returns ``(damaged, correct)``, or None where the paragraph cannot carry the
damage. ``correct`` is the text a perfect cleaner gives back (the paragraph with what the damage
was made from); the clean version of each case is ``correct`` itself, which must come through
untouched.

- ``four_byte``: one character UTF-8 writes in four bytes (an emoji, a CJK Extension B
  character) read through a GBK-like or single-byte decoder inside correctly read Chinese: a
  comment's emoji stored in a GBK table, ``馃憤`` for 👍.
- ``bytes_repr``: a log record printing a Chinese phrase's UTF-8 bytes as Python's bytes repr
  (``b'\\xe4\\xb8\\xad'``) inside an otherwise readable line.
- ``price_sign``: a price or measure sign (``￥``, ``℃`` ...) in a line read through a GBK-like
  decoder as a whole (the line's Chinese is mojibake too).
"""

from __future__ import annotations

import random
import re

from wrong_decoders import DECODERS

# Four-byte characters a comment or a name holds: emoji (plane 1) and Extension B Han.
EMOJI = "👍😂😀🎉🔥💪🙏😊👏🤔😭🌹"
EXTENSION_B = "𠮷𡈽𪚥𩸽𠀋𣲷𤆬𨭎"
FOUR_BYTE_DECODERS = ("gbk", "gb18030", "whatwg-gbk", "cp1252")
ERRORS = ("replace", "ignore")

# Where a clause ends: a sign or an emoji sits after it.
_CLAUSE_END = re.compile("[，。；！]")


def misread(text: str, decoder: str, errors: str) -> str:
    """``text``'s UTF-8 bytes as ``decoder`` shows them."""
    return DECODERS[decoder].decode(text.encode("utf-8"), errors)


def four_byte(paragraph: str, rng: random.Random, decoder: str, errors: str, chars: str) -> tuple[str, str] | None:
    """One four-byte character (from ``chars``) put before a clause mark, only it misread."""
    ends = [m.start() for m in _CLAUSE_END.finditer(paragraph) if m.start() > 4]
    if not ends:
        return None
    at = rng.choice(ends)
    ch = rng.choice(chars)
    shown = misread(ch, decoder, errors)
    if shown == ch:
        return None
    return paragraph[:at] + shown + paragraph[at:], paragraph[:at] + ch + paragraph[at:]


_HAN_RUN = re.compile("[\u4e00-\u9fff]{2,6}")
# A record's value (read back to its text, the wrapper off) ...
LOG_FORMS = (
    "2024-03-0{d} 10:2{d}:1{d} INFO received message: {b}",
    "2024-03-0{d} 10:2{d}:1{d} WARN recv {b} from peer",
    "[DEBUG] payload={b} len={n}",
    "[ERROR] msg={b}, code=50{d}",
    "收到消息：{b}",
)
# ... and code, or an example prose explains (kept as written).
CODE_FORMS = (
    "print({b})",
    "data = {b}",
    ">>> s.encode('utf-8')\n{b}",
    "sock.send(payload={b}, flags=0)",
    "上面这段文字编码后的结果是{b}，每个汉字占三个字节。",
    "例如 {b} 就是这几个字的UTF-8编码。",
)


def bytes_repr(paragraph: str, rng: random.Random, code: bool = False) -> tuple[str, str] | None:
    """A log line after the paragraph whose payload, a phrase of it, is printed as bytes; with
    ``code``, a line of code or prose showing those bytes, which a perfect cleaner keeps."""
    runs = _HAN_RUN.findall(paragraph)
    if not runs:
        return None
    phrase = rng.choice(runs)
    if code:
        line = rng.choice(CODE_FORMS).format(b=repr(phrase.encode("utf-8")))
        return paragraph + "\n" + line, paragraph + "\n" + line
    form = rng.choice(LOG_FORMS)
    d = rng.randrange(1, 10)
    raw = phrase.encode("utf-8")
    printed = form.format(b=repr(raw), d=d, n=len(raw))
    text = form.format(b=phrase, d=d, n=len(raw))  # read back, its wrapper off (leftovers._literals)
    return paragraph + "\n" + printed, paragraph + "\n" + text


SIGNS = "￥¥€£°℃％‰№"
PRICE_FORMS = ("售价{s}{n}元，", "价格为{s}{n}。", "气温{n}{s}，", "上涨{n}{s}。")
SIGN_DECODERS = ("gbk", "gb18030", "whatwg-gbk")


def price_sign(paragraph: str, rng: random.Random, decoder: str, errors: str) -> tuple[str, str] | None:
    """A sign beside a number put into the paragraph, the whole of it then misread."""
    ends = [m.end() for m in _CLAUSE_END.finditer(paragraph)]
    if not ends:
        return None
    at = rng.choice(ends)
    phrase = rng.choice(PRICE_FORMS).format(s=rng.choice(SIGNS), n=rng.randrange(2, 999))
    correct = paragraph[:at] + phrase + paragraph[at:]
    return misread(correct, decoder, errors), correct


HEADS = ("{title}", "{title}　第{chapter}章", "《{title}》研究报告")
NUMBERS = ("- {n} -", "{n}", "第 {n} 页", "— {n} —")


def pdf_pages(paragraphs: list[str], rng: random.Random, width: int | None = None,
              page_lines: int | None = None) -> tuple[str, str]:
    """Paragraphs as a PDF's text layer copies them: each line cut at about one width (a
    proportional font: a character or two either way), a running head atop every page and its
    number at its foot. ``correct`` is the paragraphs, one a line, without heads and numbers."""
    width = width or rng.randrange(28, 40)
    page_lines = page_lines or rng.randrange(14, 24)
    title = rng.choice(paragraphs)[:rng.randrange(6, 12)].rstrip("，。、；")
    head = rng.choice(HEADS).format(title=title, chapter=rng.randrange(1, 9))
    number = rng.choice(NUMBERS)
    body: list[str] = []
    for paragraph in paragraphs:
        at = 0
        while at < len(paragraph):
            cut = min(len(paragraph), at + width + rng.randrange(-1, 2))
            body.append(("\u3000\u3000" if at == 0 else "") + paragraph[at:cut])
            at = cut
    lines: list[str] = []
    for page, start in enumerate(range(0, len(body), page_lines), 1):
        lines += [head, *body[start:start + page_lines], number.format(n=page)]
    return "\n".join(lines), "\n".join("\u3000\u3000" + p for p in paragraphs)
