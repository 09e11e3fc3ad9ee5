"""Double-encoded text: UTF-8 bytes read as GBK (浣犲ソ -> 你好) or as cp1252/Latin-1 (ä¸­ -> 中).

Spans are repaired only where the result is clearly better under the character model; real rare
characters stay.
"""

from __future__ import annotations

import codecs

import ftfy
import regex

from . import gbk
from .chardata import HAN
from .langmodel import model

# Runs of non-ASCII characters that could be GBK-decoded UTF-8: UTF-8 Chinese is 3 bytes a
# character, so a run of n GBK characters holds about 2n/3 Chinese characters.
_CJK_RUN = regex.compile(r"[^\x00-\x7f\s，。、“”：；！？（）《》]{2,}")
# cp1252/Latin-1 mojibake of UTF-8: lead bytes e4-e9 appear as ä å æ ç è é followed by
# C1/Latin-1 characters.
_LATIN_MOJIBAKE = regex.compile(r"[äåæçèé][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,2}")

LOST = "\ufffd"

FTFY_CONFIG = ftfy.TextFixerConfig(
    # Only undo the encoding mix-up: the defaults also uncurl “ ” and push fullwidth Chinese
    # punctuation to ASCII (fix_character_width), which damages Chinese text.
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def _per_char(text: str) -> float:
    return model().score(text) / max(len(text), 1)


def fix_utf8_as_gbk(text: str) -> tuple[str, int]:
    """Re-read runs that are UTF-8 (or Big5) bytes decoded as GBK.

    >>> fix_utf8_as_gbk("他说：鍙戝睍是硬道理")
    ('他说：发展是硬道理', 1)
    """
    count = 0

    def fix(m: regex.Match) -> str:
        nonlocal count
        run, out, i = m.group(0), [], 0
        if not _looks_misread(run):
            return run
        while i < len(run):
            j, fixed = max((_span(run, i, codec) for codec in SOURCE_CODECS), key=lambda jf: jf[0])
            if j > i + 1 and _per_char(fixed) > _per_char(run[i:j]) + 3.0:
                out.append(fixed)
                count += 1
                i = j
            else:
                out.append(run[i])
                i += 1
        return "".join(out)

    return _CJK_RUN.sub(fix, text), count


SOURCE_CODECS = ("utf-8", "big5")
RARE = -12.0  # unigram log-probability below which a character is rare in running text


def _looks_misread(run: str) -> bool:
    """Cheap detector: misread bytes make rare characters (鍙戝睍, 浣犲ソ); most real runs have none."""
    lm = model()
    rare = 0
    for ch in run:
        if lm.unigram(ch) <= RARE:
            rare += 1
            if rare >= 1:
                return True
    return False


def _span(run: str, start: int, codec: str) -> tuple[int, str]:
    """Longest stretch from ``start`` whose GBK bytes are valid Chinese in ``codec``.

    Where the span's last byte could not be decoded (it shows as U+FFFD), the character it
    completes is chosen from context among the bytes that would complete it.
    """
    decoder = codecs.getincrementaldecoder(codec)()
    best_end, best_text, text = start, "", ""
    for k in range(start, len(run)):
        if run[k] == LOST and codec == "utf-8" and decoder.getstate()[0]:
            done = _complete(decoder.getstate()[0], text[-1:] if text else "")
            if done:
                best_end, best_text = k + 1, text + done
            break
        data = gbk.encode_char(run[k])
        if data is None:
            break
        try:
            text += decoder.decode(data)
        except UnicodeDecodeError:
            break
        if text and not all(HAN.match(c) or c in "，。、“”：；！？（）《》" for c in text):
            break
        if text:
            best_end, best_text = k + 1, text
    return best_end, best_text


def _complete(pending: bytes, prev: str) -> str:
    """The likeliest Han character whose UTF-8 starts with ``pending`` and lacks one byte."""
    if len(pending) != 2:
        return ""
    lm = model()
    options = []
    for b in range(0x80, 0xC0):
        try:
            ch = (pending + bytes((b,))).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if HAN.match(ch):
            options.append((lm.bigram(prev, ch) if prev else lm.unigram(ch), ch))
    return max(options)[1] if options else ""


def fix_latin_mojibake(text: str) -> str:
    """UTF-8 read as cp1252/Latin-1, via ftfy with a Chinese-safe configuration."""
    if not _LATIN_MOJIBAKE.search(text):
        return text
    return ftfy.fix_text(text, config=FTFY_CONFIG)
