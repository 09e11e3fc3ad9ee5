"""Mojibake whose unreadable bytes were written as ``\\xHH`` escapes: read back exactly.

Why: a decoder run with ``errors="backslashreplace"`` (Python's, and the tools built on it) writes
each byte it cannot read as the four characters ``\\x80``. UTF-8 read as GBK that way is
``銆婇唹杩锋儏浜恒\\x80嬩负闄`` instead of ``銆婇唹杩锋儏浜恒�嬩负闄``: nothing was lost, but the byte
repairs read runs of characters, and an escape cuts the run, so they re-read the pieces between
escapes and left the escapes (and the characters whose bytes they split) as they were.

The mechanism: a run of non-ASCII characters holding at least one escape of a byte 80-FF (what
such a decoder escapes; an escape of an ASCII byte is no decoder's) is turned back into the exact
bytes the decoder read (each character encoded by that decoder, each escape its byte) and decoded
strictly as each source the project models. A reading is taken only when the bytes are exactly
that source's, it holds Han characters or CJK signs, and the character model scores it above the run as it
stands. The same codec as source and decoder is never tried (text read by its own decoder is no
mojibake). Lossless: no byte is guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from cleaner.langmodel import per_char

# (source, decoder) pairs: what a page was written in, and what read it with backslashreplace.
PATHS = (
    ("utf-8", "gbk"), ("utf-8", "gb18030"), ("utf-8", "cp950"), ("utf-8", "big5hkscs"),
    ("utf-8", "cp1252"), ("utf-8", "cp1250"),
    ("gbk", "cp950"), ("gbk", "big5hkscs"), ("gbk", "cp1252"), ("gbk", "cp1250"),
    ("cp950", "gbk"),
)  # Big5 through cp1252 or cp1250 is missing: no Big5 byte is one those leave undefined
_ESCAPE = r"\\x[89a-fA-F][0-9a-fA-F]"
# A run: non-ASCII characters and escapes, with ASCII (no whitespace, no backslash) between them;
# ASCII reads as itself through every decoder above.
_RUN = re.compile(rf"(?:[^\x00-\x7f]|{_ESCAPE})(?:[^\x00-\x7f]|{_ESCAPE}|[!-\[\]-~])*")
_TOKEN = re.compile(rf"{_ESCAPE}|.", re.S)  # an escape or one character
_ESCAPE_RE = re.compile(_ESCAPE)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")  # Han or CJK signs
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def repair(text: str) -> str:
    """``text`` with each escaped mojibake run read back (see the module's docstring).

    >>> repair("銆婇唹杩锋儏浜恒\\\\x80嬩负闄堟収鐞\\\\xb3")
    '《醉迷情人》为陈慧琳'
    """
    if "\\x" not in text:
        return text
    return _RUN.sub(_read_run, text)


def _read_run(m: re.Match) -> str:
    run = m.group()
    if not _ESCAPE_RE.search(run):
        return run
    tokens = _TOKEN.findall(run)
    best: list[tuple[int, int, str]] = []
    best_key: tuple[int, int, float] = (0, 0, 0.0)
    for source, decoder in PATHS:
        readings = _readings(tokens, source, decoder)
        # The path that reads the most escapes, then the most of the run, then reads it best.
        escapes = sum(_escapes(tokens, a, b) for a, b, _ in readings)
        covered = sum(b - a for a, b, _ in readings)
        score = sum(per_char(read) * len(read) for _, _, read in readings)
        if (escapes, covered, score) > best_key:
            best, best_key = readings, (escapes, covered, score)
    if not best:
        return run
    pieces, last = [], 0
    for a, b, read in best:
        pieces += [*tokens[last:a], read]
        last = b
    return "".join(pieces + tokens[last:])


def _readings(tokens: list[str], source: str, decoder: str) -> list[tuple[int, int, str]]:
    """(first token, end token, reading) of each stretch of ``tokens`` whose bytes, as ``decoder``
    read them, are exactly ``source``'s, that holds an escape and reads better than it shows."""
    raw: list[bytes] = []
    for token in tokens:
        if _ESCAPE_RE.fullmatch(token):
            raw.append(bytes([int(token[2:], 16)]))
            continue
        try:
            raw.append(token.encode(decoder))
        except UnicodeEncodeError:
            raw.append(b"")  # not this decoder's character: a stretch stops here
    ends = list(accumulate(len(r) for r in raw))
    out = []
    first = 0
    while first < len(tokens):
        end = _valid_end(raw, ends, first, source)
        if end > first:
            read = b"".join(raw[first:end]).decode(source)
            if (_escapes(tokens, first, end) and _CJK.search(read) and not _NOT_TEXT.search(read)
                    and per_char(read) > per_char("".join(t for t in tokens[first:end] if not _ESCAPE_RE.fullmatch(t)))):
                out.append((first, end, read))
            first = end
        else:
            first += 1  # a token no stretch can start with
    return out


def _valid_end(raw: list[bytes], ends: list[int], first: int, source: str) -> int:
    """The end of the longest stretch of tokens from ``first`` whose bytes decode as ``source``."""
    end = _stop(raw, first)
    try:
        b"".join(raw[first:end]).decode(source)
        return end
    except UnicodeDecodeError as exc:
        # Bytes before the first bad sequence decode: the stretch ends at a token boundary there.
        limit = (ends[first - 1] if first else 0) + exc.start
    end = min(end, bisect_right(ends, limit, lo=first))
    while end > first:
        try:
            b"".join(raw[first:end]).decode(source)
            return end
        except UnicodeDecodeError:
            end -= 1
    return first


def _stop(raw: list[bytes], first: int) -> int:
    """The first token from ``first`` that the decoder could not have shown."""
    return next((i for i in range(first, len(raw)) if not raw[i]), len(raw))


def _escapes(tokens: list[str], first: int, end: int) -> int:
    return sum(1 for t in tokens[first:end] if _ESCAPE_RE.fullmatch(t))

