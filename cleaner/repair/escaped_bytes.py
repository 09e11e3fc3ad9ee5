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
that source's, it holds Han characters or CJK signs, and the character model scores it above the
run as it stands (beyond ASCII, which reads as itself); a run of escapes alone, above what random
bytes read as Chinese score (ALONE_MIN_SCORE). Lossless: no byte is guessed.

The same bytes written another way: Python reads what it cannot decode with
``errors="surrogateescape"`` as the surrogates U+DC80-U+DCFF (byte e5 is U+DCE5: file names,
``sys.argv``, ``open(..., errors="surrogateescape")``), and writing such a string with
``backslashreplace`` gives ``\\udce5\\udca4\\udcbb``: every byte of the source, as an escape no
text has (a lone surrogate is no character). A run of them, with what stands between (ASCII and
characters the decoder did read, as their UTF-8), is those bytes again, read by byte_runs.read.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from cleaner.langmodel import per_char
from cleaner.repair import byte_runs, quoted_examples

# What a Chinese page is written in, and every decoder Python has that reads the high bytes of
# ASCII text and leaves some undefined (those are the ones backslashreplace writes as escapes): the
# Chinese, Japanese and Korean multi-byte ones, UTF-8 (for a legacy page), and the single-byte code
# pages with holes. The 7-bit decoders (hz, iso2022_*, ascii) escape every high byte: a run of
# escapes alone, read here above ALONE_MIN_SCORE (or, for UTF-8, by leftovers.decode_escapes).
SOURCES = ("utf-8", "gbk", "cp950", "big5hkscs")
DECODERS = (
    "utf-8", "gbk", "gb18030", "gb2312", "big5", "cp950", "big5hkscs",
    "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213",
    "cp949", "euc_kr", "johab",
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1257", "cp1258", "cp857", "cp864",
    "cp869", "iso8859_3", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_11", "kz1048", "tis_620",
)  # hp_roman8 leaves only byte ff undefined, which none of the sources writes
# Decoders that cannot have escaped a byte of the source: the same codec or one of its family
# (gb2312 reading GBK, big5 reading cp950: the narrower table's marks are narrow_tables.py's), and
# for Big5 those whose undefined bytes are all below a1, where Big5's characters have neither
# lead nor trail byte (gb18030 reads every code Big5 has); iso8859_11 leaves db-de and fc-ff
# undefined, which UTF-8 writes only for Syriac, N'Ko and the like.
_BIG5_NEVER = ("cp950", "big5", "big5hkscs", "gb18030", "cp1250", "cp1251", "cp1252", "cp1254", "cp1258",
               "cp869", "kz1048")
_NEVER = {"utf-8": ("utf-8", "iso8859_11"), "gbk": ("gbk", "gb18030", "gb2312"),
          "cp950": _BIG5_NEVER, "big5hkscs": _BIG5_NEVER}
# (source, decoder) pairs: what a page was written in, and what read it with backslashreplace.
PATHS = tuple((source, decoder) for source in SOURCES for decoder in DECODERS if decoder not in _NEVER[source])
# A reading of escapes alone (no character says which decoder) must be this long and score this well
# a character (byte_runs holds the figures and why).
ALONE_MIN_CHARS = byte_runs.ALONE_MIN_CHARS
# A decoder that cannot have shown more than one in this many of a run's characters is not tried:
# the one that read the run shows every character, bar text typed beside the mojibake.
MISSING_MAX = 4
ALONE_MIN_SCORE = byte_runs.ALONE_MIN_SCORE
# A byte a decoder could not read: \xHH (backslashreplace), or \udcHH (surrogateescape, then
# written with backslashreplace) among characters the decoder did read, which a run of those
# escapes alone (below) does not take: one byte either way, its last two digits.
_ESCAPE = r"\\x[89a-fA-F][0-9a-fA-F]|\\u[dD][cC][89a-fA-F][0-9a-fA-F]"
# A run: non-ASCII characters and escapes, with ASCII (no whitespace, no backslash) between them;
# ASCII reads as itself through every decoder above.
_RUN = re.compile(rf"(?:[^\x00-\x7f]|{_ESCAPE})(?:[^\x00-\x7f]|{_ESCAPE}|[!-\[\]-~])*")
_TOKEN = re.compile(rf"{_ESCAPE}|.", re.S)  # an escape or one character
_ESCAPE_RE = re.compile(_ESCAPE)
# A bytes literal (b'\xe4\xb8\xad') is no decoder's mojibake: leftovers.py read it where it is a
# record's value and left it, whole, where it is code's or an example. Not read here, in pieces.
# A bytea hex string (\xe4b8ad…) is one string of bytes (byte_strings.py), left whole where
# nothing reads it: its first byte is not GBK's lead to the hex letter after it (\xe4b, 鋌).
_BYTES_LITERAL = re.compile(r"""(?<![A-Za-z0-9_\\'"])[bB](['"])(?:\\[^\n]|(?!\1)[^\\\n])*\1"""
                            r"|(?<![0-9A-Za-z\\\x80-\U0010ffff])\\x(?:[0-9a-fA-F]{2}){2,}(?![0-9A-Za-z\x80-\U0010ffff])")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")  # Han or CJK signs
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def repair(text: str) -> str:
    """``text`` with each escaped mojibake run read back (see the module's docstring).

    >>> repair("銆婇唹杩锋儏浜恒\\\\x80嬩负闄堟収鐞\\\\xb3")
    '《醉迷情人》为陈慧琳'
    """
    if "\\udc" in text or "\\uDC" in text:
        read: list[str] = []  # the codecs of the runs read
        text = _SURROGATE_RUN.sub(lambda m: _read_surrogates(m, read), text)
        if len(set(read)) == 1 and ("\\udc" in text or "\\uDC" in text):
            # A run too short to say its encoding alone (one character: 自200.txt) is read in the
            # one the page's other runs were read in, when that reads it as CJK characters.
            text = _SURROGATE_RUN.sub(lambda m: _read_surrogates_in(m, read[0]), text)
    if "\\x" not in text and "\\udc" not in text and "\\uDC" not in text:
        return text
    pieces, last = [], 0
    for literal in _BYTES_LITERAL.finditer(text):
        pieces += [_RUN.sub(_read_run, text[last:literal.start()]), literal.group()]
        last = literal.end()
    return "".join(pieces) + _RUN.sub(_read_run, text[last:])


# A byte a surrogateescape decoder could not read, written by backslashreplace (U+DC80-U+DCFF), and
# a run of them with what stands between on the line (the bytes it did read, decoded); with the
# characters the decoder read right before and after the run (GBK read as UTF-8 reads a few of its
# pairs as characters) and an ASCII trail byte after it (GBK's and Big5's 40-7E).
_SURROGATE = r"\\u[dD][cC][89a-fA-F][0-9a-fA-F]"
_WIDE = r"[^\x00-\x7f\\]"
# A backslash that starts no escape is a byte 5c of the source, which GBK and Big5 write as a trail
# byte (許 is b3 5c): part of the run.
_LITERAL = rf"(?:[^\\\n]|\\(?!{_SURROGATE[2:]}))"
_SURROGATE_RUN = re.compile(rf"({_WIDE}*)({_SURROGATE}(?:{_LITERAL}*?{_SURROGATE})*)({_WIDE}*(?:[@-~](?<!\\)|\\(?![uU]))?)")
_SURROGATE_ONE = re.compile(_SURROGATE)


def _read_surrogates(m: re.Match, codecs_read: list[str]) -> str:
    """A run of surrogate escapes read back as the bytes it holds, when they are text
    (byte_runs.read: UTF-8, or a legacy encoding read as Chinese text reads); else as it is.
    With the characters around it first, then alone. The codec of each reading goes to
    ``codecs_read``."""
    before, run, after = m.groups()
    for lead, trail in ((before, after), ("", after), ("", "")):
        data = lead.encode("utf-8") + _surrogate_bytes(run) + trail.encode("utf-8")
        read = byte_runs.read(data)
        if read is not None:
            codecs_read.append(next(c for c in ("utf-8", *byte_runs.LEGACY) if _decodes_as(data, c, read)))
            return before[: len(before) - len(lead)] + read + after[len(trail):]
    return m.group()


def _decodes_as(data: bytes, codec: str, text: str) -> bool:
    try:
        return data.decode(codec) == text
    except UnicodeDecodeError:
        return False


def _read_surrogates_in(m: re.Match, codec: str) -> str:
    """A run of surrogate escapes (alone) read in ``codec``, when every character it gives beyond
    ASCII is CJK; else as it is."""
    before, run, after = m.groups()
    try:
        read = _surrogate_bytes(run).decode(codec)
    except UnicodeDecodeError:
        return m.group()
    wide = [ch for ch in read if not ch.isascii()]
    if not wide or not all(_CJK.match(ch) for ch in wide) or _NOT_TEXT.search(read):
        return m.group()
    return before + read + after


def _surrogate_bytes(run: str) -> bytes:
    pieces, last = [], 0
    for one in _SURROGATE_ONE.finditer(run):
        pieces += [run[last:one.start()].encode("utf-8"), bytes([int(one.group()[4:], 16)])]
        last = one.end()
    return b"".join(pieces)


def _read_run(m: re.Match) -> str:
    run = m.group()
    if not _ESCAPE_RE.search(run) or run.isascii() and _an_example(m):
        return run
    tokens = _TOKEN.findall(run)
    shown = [t for t in tokens if not _ESCAPE_RE.fullmatch(t) and not t.isascii()]
    if not shown and "\\x" not in run:
        return run  # surrogate escapes alone: _read_surrogates' (their own rules, above)
    best: list[tuple[int, int, str]] = []
    best_key: tuple[int, int, float] = (0, 0, 0.0)
    for decoder in DECODERS:
        raw = _raw(tokens, decoder, len(shown))
        if raw is None:
            continue
        for source in SOURCES:
            if decoder in _NEVER[source]:
                continue
            readings = _readings(tokens, list(raw), source, _other_codes(decoder))
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


def _an_example(m: re.Match) -> bool:
    """Does a run of escapes alone start with escapes prose quotes or code passes (the run takes
    the ASCII after them too: ``printf("\\344\\275")``'s ``")``)? Left as written
    (repair/quoted_examples.py)."""
    escapes = quoted_examples.ESCAPE_RUN.match(m.string, m.start())
    return bool(escapes) and quoted_examples.is_example(m.string, *escapes.span())


def _raw(tokens: list[str], decoder: str, shown: int) -> list[bytes] | None:
    """The bytes ``decoder`` read for each token (an escape its byte, a character it cannot have
    shown nothing), or None when more than one in MISSING_MAX of the run's characters are none of
    its own."""
    raw: list[bytes] = []
    missing = 0
    for token in tokens:
        if _ESCAPE_RE.fullmatch(token):
            raw.append(bytes([int(token[-2:], 16)]))
            continue
        try:
            code = token.encode(decoder)
        except UnicodeEncodeError:
            code = b""  # not this decoder's character: a stretch stops here
            missing += 1
            if MISSING_MAX * missing > shown:
                return None
        raw.append(code)
    return raw


@lru_cache(maxsize=None)
def _other_codes(decoder: str) -> dict[str, tuple[bytes, ...]]:
    """Characters more than one code of ``decoder`` decodes to (cp932's NEC and IBM copies of one
    kanji, Big5's two 十), with the codes of the same length besides the one ``encode`` gives.

    Kept on disk with the other tables (``tablecache``; its key holds the Python version, whose
    codecs made it): its 32,000 decodes took 20-30 ms a decoder in every process (the workers'
    warm-up reads escapes through three)."""
    from cleaner.tablecache import cached

    return cached(f"othercodes-{decoder}", [__file__], "1", lambda: _build_other_codes(decoder))


def _build_other_codes(decoder: str) -> dict[str, tuple[bytes, ...]]:
    codes: dict[str, list[bytes]] = {}
    for code in [bytes([a]) for a in range(0x80, 0x100)] + [bytes([a, b]) for a in range(0x80, 0x100)
                                                             for b in range(0x40, 0x100)]:
        try:
            char = code.decode(decoder)
        except UnicodeDecodeError:
            continue
        if len(char) == 1:
            codes.setdefault(char, []).append(code)
    out = {}
    for char, found in codes.items():
        if len(found) > 1:
            first = char.encode(decoder)
            out[char] = tuple(c for c in found if c != first and len(c) == len(first))
    return out


def _readings(tokens: list[str], raw: list[bytes], source: str,
              others: dict[str, tuple[bytes, ...]]) -> list[tuple[int, int, str]]:
    """(first token, end token, reading) of each stretch of ``tokens`` whose bytes (``raw``, as a
    decoder read them) are exactly ``source``'s, that holds an escape and reads better than it
    shows: for escapes alone, better than random bytes read as Chinese would.
    ``others``: the decoder's characters of two codes, each read as the one that reads best."""
    ends = list(accumulate(len(r) for r in raw))
    data = memoryview(b"".join(raw))
    # The first token from each on that the decoder could not have shown (a stretch stops there).
    stops = [len(raw)] * (len(raw) + 1)
    for i in range(len(raw) - 1, -1, -1):
        stops[i] = i if not raw[i] else stops[i + 1]
    out = []
    first = 0
    while first < len(tokens):
        end = _valid_end(data, ends, first, stops[first], source)
        if end > first:
            read = _best_codes(tokens, raw, first, end, source, others)
            if _escapes(tokens, first, end) and _CJK.search(read) and not _NOT_TEXT.search(read):
                # Beyond ASCII, which reads as itself: a run of escapes with digits between scores
                # as well as its digits.
                shown = "".join(t for t in tokens[first:end] if not t.isascii())
                if shown:
                    good = per_char(_beyond_ascii(read)) > per_char(shown)
                else:  # escapes alone
                    good = len(read) >= ALONE_MIN_CHARS and per_char(read) >= ALONE_MIN_SCORE
                if good:
                    out.append((first, end, read))
            first = end
        else:
            first += 1  # a token no stretch can start with
    return out


def _best_codes(tokens: list[str], raw: list[bytes], first: int, end: int, source: str,
                others: dict[str, tuple[bytes, ...]]) -> str:
    """The stretch's reading, each character of two codes taken as the code whose reading the model
    scores best (one at a time, in order); ``raw`` is updated to the codes taken."""
    read = b"".join(raw[first:end]).decode(source)
    if not others:
        return read
    for k in range(first, end):
        for code in others.get(tokens[k], ()):
            was, raw[k] = raw[k], code
            try:
                other = b"".join(raw[first:end]).decode(source)
            except UnicodeDecodeError:
                raw[k] = was
                continue
            if per_char(other) > per_char(read):
                read = other
            else:
                raw[k] = was
    return read


def _beyond_ascii(text: str) -> str:
    return "".join(ch for ch in text if not ch.isascii())


def _valid_end(data: memoryview, ends: list[int], first: int, stop: int, source: str) -> int:
    """The end of the longest stretch of tokens from ``first`` (before ``stop``) whose bytes decode
    as ``source``. Decoded from ``data`` in place: a wrong source fails within a few bytes, and
    copying the rest of the run for each token it fails at made wrong paths quadratic."""
    begin = ends[first - 1] if first else 0
    try:
        codecs.decode(data[begin:ends[stop - 1] if stop else 0], source)
        return stop
    except UnicodeDecodeError as exc:
        # Bytes before the first bad sequence decode: the stretch ends at a token boundary there.
        limit = begin + exc.start
    end = min(stop, bisect_right(ends, limit, lo=first))
    while end > first:
        try:
            codecs.decode(data[begin:ends[end - 1]], source)
            return end
        except UnicodeDecodeError:
            end -= 1
    return first


def _escapes(tokens: list[str], first: int, end: int) -> int:
    return sum(1 for t in tokens[first:end] if _ESCAPE_RE.fullmatch(t))

