"""bytes -> str for files of unknown encoding.

Order: BOM; strict UTF-8 (then CESU-8's surrogate pairs, ``cesu8``); UTF-16 without BOM (by its NUL pattern); then the strict legacy Chinese
codecs, judged by how plausible their text is; ``chardet`` only breaks a tie (it is slow, ~1.5 MB/s,
and unsure about GBK Traditional text). Bytes no codec reads whole are read line by line, each
line by what it is (files put together from sources in several encodings). Binary data raises
``NotText``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from cleaner.chardata import HAN
from cleaner.io import cesu8
from cleaner.model import Finding

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LEGACY = ("gb18030", "big5hkscs", "big5")
SAMPLE = 4096  # characters judged when a BOM is doubted: enough to tell text from noise


class NotText(ValueError):
    """The data is not text in any encoding we read (or a str holds lone UTF-16 surrogates, which no
    UTF-8 text does)."""


@dataclass
class Decoded:
    text: str
    findings: list[Finding] = field(default_factory=list)


def decode(data: bytes) -> str:
    """Decode bytes of unknown encoding to text (``decode_with_findings`` tells what was odd).

    >>> decode("国务院".encode("gb18030"))
    '国务院'
    """
    return decode_with_findings(_as_bytes(data, "decode")).text


def decode_with_findings(data: bytes) -> Decoded:
    """Decode (``_decode_marked``), reading GBK's A3A0 as browsers do (``browser_gb_space``)."""
    data = _as_bytes(data, "decode_with_findings")
    decoded = _decode_marked(data)
    decoded.text, mapped = browser_gb_space(decoded.text, data)
    if mapped is not None:
        decoded.findings.append(mapped)
    return decoded


def _as_bytes(data, caller: str) -> bytes:
    """``data`` as bytes (a bytearray or memoryview is copied); anything else is refused in a
    sentence naming the call, as ``clean_bytes`` refuses it, not by an error from deep inside."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    hint = "; text is decoded already" if isinstance(data, str) else ""
    raise TypeError(f"{caller}() takes bytes, not {type(data).__name__}{hint}")


def browser_gb_space(text: str, data: bytes) -> tuple[str, Finding | None]:
    r"""``text`` with GBK's A3A0 as the ideographic space U+3000, and a finding saying how many.

    Browsers decode GBK and GB18030 with the WHATWG decoder, which reads A3A0 as U+3000 (pages
    indent paragraphs with two); Python's gb18030 reads it as the private-use U+E5E5, which no
    font shows. A U+E5E5 is taken for one only when the bytes hold A3A0 (no UTF-8 character does).

    >>> browser_gb_space("\ue5e5\ue5e5国务院", b"\xa3\xa0\xa3\xa0\xb9\xfa\xce\xf1\xd4\xba")[0]
    '\u3000\u3000国务院'
    """
    if "\ue5e5" not in text or b"\xa3\xa0" not in data:
        return text, None
    count = text.count("\ue5e5")
    return text.replace("\ue5e5", "\u3000"), Finding(
        "gb-a3a0-space", -1, "GBK's A3A0 read as the ideographic space U+3000, as browsers read it (not private-use U+E5E5)", count)


def _decode_marked(data: bytes) -> Decoded:
    """Decode; a byte-order mark that disagrees with the bytes after it is a finding.

    A BOM is trusted only when the bytes after it read as its encoding: editors and converters
    prepend a UTF-8 BOM to GBK files, and a UTF-16 BOM to UTF-8 ones. Then the bytes are decoded
    by what they are, and the finding says which BOM was ignored.

    >>> d = decode_with_findings(codecs.BOM_UTF8 + "国务院".encode("gbk"))
    >>> d.text, d.findings[0].kind
    ('国务院', 'bom-mismatch')
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            rest = data[len(bom) :]
            try:
                text = rest.decode(codec)
            except UnicodeDecodeError:
                text = None
            # Bytes under 0x80 are valid UTF-8: a short binary (a zip's header, NULs) reads as
            # UTF-8 text, and is weighed as binary below before it is taken for that. Almost any
            # even run of bytes is valid UTF-16, and its controls turn into rare code points: there
            # binary bytes that read as no plausible text are binary too.
            sample = None if text is None else text[:SAMPLE]
            binary = _looks_binary(rest[:SNIFF]) and (sample is None or _controls_in(sample)
                                                      or codec.startswith("utf-16") and _plausibility(sample) < 0.5)
            if text is not None and not binary and (codec == "utf-8" or _plausibility(text[:SAMPLE]) >= 0.5):
                return Decoded(text)
            try:
                other = _decode_unmarked(rest)
            except NotText:
                other = None
            if other is None and binary:
                # A picture or an archive behind a mark (a BOM a tool wrote before binary data, a
                # file cut into another): refused as the same bytes without the mark are, not
                # turned into pages of U+FFFD.
                raise _binary(rest[:SNIFF])
            if other is not None and (text is None or _plausibility(other.text[:SAMPLE]) > _plausibility(text[:SAMPLE])):
                other.findings.insert(0, Finding("bom-mismatch", 0, f"{codec} byte-order mark, but the bytes after it are not {codec}; decoded by what they are"))
                return other
            return Decoded(rest.decode(codec, errors="replace"), [Finding("bom-mismatch", 0, f"{codec} byte-order mark over bytes that are not {codec}")] if text is None else [])
    return _decode_unmarked(data)


def _decode_unmarked(data: bytes) -> Decoded:
    """Decode bytes that carry no byte-order mark."""
    if b"\x00" in data[:SNIFF]:  # ASCII and line ends in UTF-16 are half NUL
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return Decoded(utf16)
    if _looks_binary(data) and not _utf16_shown_as_utf8(data):
        raise _binary(data)
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    paired, pairs = cesu8.rejoin(data)
    if pairs:
        try:
            return Decoded(paired.decode("utf-8"), [cesu8.finding(pairs)])
        except UnicodeDecodeError:
            # UTF-8 broken elsewhere too: read on, the pairs as the characters they are where
            # their line is UTF-8 then (in GBK or Big5 the same bytes are three characters).
            data, _ = cesu8.rejoin_lines(data)
    rejoined = _rejoin_split_characters(data)
    if rejoined is not None:
        return rejoined
    if _has_utf8_lines(data):
        # Some lines are UTF-8 and others are not: GB18030 would read the whole file, the UTF-8
        # lines as mojibake. Each line is read by what it is.
        return _decode_by_line(data)
    other = _japanese_or_korean(data)
    if other is not None:
        return Decoded(other)
    candidates = _strict_readings(data)
    candidates += _out_of_step(candidates, data)
    if not candidates:
        # Broken somewhere, or several encodings in one file (pages or lines put together from
        # sources in UTF-8, GBK and Big5): each line is read by what it is.
        return _decode_by_line(data)
    if len(candidates) == 1:
        return Decoded(candidates[0][1])
    scored = sorted(candidates, key=lambda ct: -_plausibility(ct[1]))
    if _plausibility(scored[0][1]) - _plausibility(scored[1][1]) > 0.05:
        return Decoded(scored[0][1])
    return Decoded(_chardet_pick(data, candidates))


# A line break between the bytes of one UTF-8 character: lead byte(s) before it, the rest after.
_UTF8_SPLIT = re.compile(rb"([\xc2-\xf4][\x80-\xbf]{0,2})(\r\n|\n|\r)([\x80-\xbf]{1,3})")
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\n|\r)?")


def _rejoin_split_characters(data: bytes) -> Decoded | None:
    """Text wrapped at a fixed number of *bytes* (``fold -b``, fixed-length records, a field
    limit): line breaks fell inside multi-byte characters, which then read as two lost marks, and
    a GBK line starting on a trail byte read out of step to its end. A line break inside a
    character cannot be the writer's, so the character's bytes are put back together before the
    break. Only when the whole file then reads strictly in one encoding (UTF-8 first); a finding
    says how many characters were split. None if that is not the case.
    """
    count = 0

    def utf8_join(m: re.Match) -> bytes:
        nonlocal count
        joined = m.group(1) + m.group(3)
        try:
            joined.decode("utf-8")
        except UnicodeDecodeError:
            return m.group()
        count += 1
        return joined + m.group(2)

    fixed = _UTF8_SPLIT.sub(utf8_join, data)
    if count:
        # A file cut inside its last character too (a byte limit) reads whole but for that end.
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            text = decoder.decode(fixed)
        except UnicodeDecodeError:
            pass
        else:
            return Decoded(text + ("\ufffd" if decoder.getstate()[0] else ""), [_split_finding(count, "utf-8")])
    # GB18030 reads most Big5 bytes too: the legacy readings compete on plausibility, the
    # unjoined strict ones with them.
    readings: list[tuple[str, str, int]] = []
    for codec in LEGACY:
        fixed, count = _rejoin_legacy(data, codec) if _fixed_byte_width(data) else (data, 0)
        try:
            readings.append((fixed.decode(codec), codec, count))
        except UnicodeDecodeError:
            continue
    if not any(count for _t, _c, count in readings):
        return None
    text, codec, count = max(readings, key=lambda tcn: _plausibility(tcn[0]))
    return Decoded(text, [_split_finding(count, codec)]) if count else None


def _fixed_byte_width(data: bytes) -> bool:
    """Whether most lines (the last aside) have one length in bytes: text wrapped at a byte width.
    A GBK or Big5 split is not self-evident as a UTF-8 one is (GB18030 reads nearly any bytes),
    so legacy characters are rejoined only in such a file."""
    lengths = [len(m.group().rstrip(b"\r\n")) for m in _LINE.finditer(data) if m.group()][:-1]
    if len(lengths) < 2:
        return False
    width = max(set(lengths), key=lengths.count)
    return width > 1 and lengths.count(width) * 2 >= len(lengths)


def _rejoin_legacy(data: bytes, codec: str) -> tuple[bytes, int]:
    """``data`` with each two-byte character of ``codec`` that a line break split moved before the
    break, and how many were. Line by line: a line whose bytes end on a lead byte that the next
    line's first byte completes."""
    out: list[bytes] = []
    count = 0
    lines = [m.group() for m in _LINE.finditer(data) if m.group()]
    for k, line in enumerate(lines):
        body = line.rstrip(b"\r\n")
        end = line[len(body):]
        if end and k + 1 < len(lines) and lines[k + 1][:1] >= b"\x40":
            decoder = codecs.getincrementaldecoder(codec)()
            try:
                decoder.decode(body)
            except UnicodeDecodeError:
                out.append(line)
                continue
            pending = decoder.getstate()[0]
            if pending:
                try:
                    decoder.decode(lines[k + 1][:1], final=True)
                except UnicodeDecodeError:
                    out.append(line)
                    continue
                out.append(body + lines[k + 1][:1] + end)
                lines[k + 1] = lines[k + 1][1:]
                count += 1
                continue
        out.append(line)
    return b"".join(out), count


def _split_finding(count: int, codec: str) -> Finding:
    return Finding("split-characters", -1, f"{count} {codec} character(s) split by a line break (text wrapped at a byte "
                                            "width) put back together before the break", count)


# A line of legacy bytes passes strict UTF-8 by chance only when it is short: one with this many
# non-ASCII characters, all of them Han or CJK punctuation, is UTF-8.
UTF8_LINE_CHARS = 3


def _has_utf8_lines(data: bytes) -> bool:
    """Whether a file that fails UTF-8 as a whole holds lines that are clearly UTF-8, or a
    stretch of UTF-8 inside a legacy line (``_mixed_reading``)."""
    for raw in data.splitlines():
        if raw.isascii():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            if _UTF8_CJK_RUN.search(raw) and _mixed_reading(raw, "gb18030") is not None:
                return True
            continue
        if _clearly_utf8(line):
            return True
    return False


def _clearly_utf8(line: str) -> bool:
    """UTF-8 that legacy bytes never give by chance: UTF8_LINE_CHARS or more non-ASCII characters,
    all Han or CJK punctuation."""
    wide = [ch for ch in line if ch > "\x7f"]
    return len(wide) >= UTF8_LINE_CHARS and all(HAN.match(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                                               for ch in wide)


# A Japanese or Korean page in its own legacy encoding (a crawl holds some) reads as GBK too, as
# Chinese nonsense (東京都は今日 in EUC-JP is 澎叠旁は海泣: the kana rows of the two tables agree,
# the kanji do not). Their own readings show what no Chinese text does: hiragana, a fifth of the
# letters or more (Japanese), or hangul with spaces between words (Korean; GBK read as cp949
# makes hangul too, but Chinese puts no spaces between words: a space between two hangul counts, not
# the spaces of an HTML page's markup). Only then is chardet, which knows these languages, asked
# which of the encodings the bytes are: a Chinese page pays three decodes of its first 8 KB.
OTHER_LANGUAGES = {"euc_jp": "ja", "cp932": "ja", "cp949": "ko"}
_HIRAGANA = re.compile("[\u3041-\u3096]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HANGUL_SPACE = re.compile("[\uac00-\ud7a3] [\uac00-\ud7a3]")  # Korean words, not the spaces of markup
_LETTERS = re.compile("[\u3041-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


def _japanese_or_korean(data: bytes) -> str | None:
    """The page read as Japanese or Korean, if its bytes are text in one of those languages."""
    sample = data if len(data) <= SNIFF else data[: data.rfind(b"\n", 0, SNIFF) + 1] or data[:SNIFF]
    looks = False
    for codec in OTHER_LANGUAGES:
        try:
            text = sample.decode(codec)  # strictly: Big5's trail bytes 40-7e are no EUC-JP (its 一 is a kana there)
        except UnicodeDecodeError as exc:
            if exc.start < len(sample) - 2:
                continue
            text = sample[: exc.start].decode(codec)  # only a character cut at the sample's end
        letters = len(_LETTERS.findall(text))
        if codec == "cp949":
            hangul = len(_HANGUL.findall(text))
            looks = looks or (hangul >= 0.5 * letters > 0 and len(_HANGUL_SPACE.findall(text)) >= hangul / 8)
        else:
            looks = looks or len(_HIRAGANA.findall(text)) >= 0.2 * letters > 0
    if not looks:
        return None
    import chardet

    guess = chardet.detect(data[:65536])
    codec = {"euc-jp": "euc_jp", "shift_jis": "cp932", "cp932": "cp932", "euc-kr": "cp949", "cp949": "cp949"}.get((guess.get("encoding") or "").lower())
    if codec is None or (guess.get("confidence") or 0) < 0.5:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _strict_readings(data: bytes) -> list[tuple[str, str]]:
    """(codec, text) for each legacy encoding that reads the bytes, one per distinct text: Big5 and
    Big5-HKSCS read most pages alike, and two equal readings must not tie against a third (國務院
    in Big5 was read as GB18030's 瓣叭皘 so)."""
    out: list[tuple[str, str]] = []
    for codec in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if all(text != other for _, other in out):
            out.append((codec, text))
    return out


# GB18030 maps GBK's user-defined areas (AAA1-AFFE, F8A1-FEFE, A140-A7A0) to private-use code
# points. A page rarely holds one, but a GBK file that lost one byte reads on out of step, and its
# first wrong pair often falls there: 政协巴 (d0ad b0cd) without d0 reads ad b0 as U+E4C6, then cd d1
# as 脱 and so on to the line's end, all of it valid. GBK (which has no user-defined areas) rejects
# that pair and, with ``replace``, starts again on the next byte: 政\ufffd巴彦 (the repairs may then
# fill the lost character from context).
_GB_USER_DEFINED = re.compile("[\ue000-\ue765]")


def _out_of_step(candidates: list[tuple[str, str]], data: bytes) -> list[tuple[str, str]]:
    """Lenient GBK (and, when GB18030 alone reads ``data``, Big5) readings as further candidates,
    when the GB18030 reading holds characters of the user-defined areas: where a GBK file read out
    of step lands, and where a Big5 file that lost a byte (which GB18030 still reads whole, Big5 no
    longer) lands."""
    gb = next((text for codec, text in candidates if codec == "gb18030"), None)
    if gb is None or not _GB_USER_DEFINED.search(gb):
        return []
    # Lenient Big5 only when nothing else reads the bytes: beside a strict Big5 reading it would tie
    # with it and leave the choice to chardet.
    return [(f"{codec} (lossy)", data.decode(codec, errors="replace"))
            for codec in (("gbk", "big5") if len(candidates) == 1 else ("gbk",))]


# Lenient readings a broken line competes in; GBK after GB18030, which wins their ties (it reads
# four-byte characters GBK marks), and which GBK beats on a line read out of step (_GB_USER_DEFINED).
LENIENT = ("utf-8", "gb18030", "gbk", "big5")
# A line with at least this many characters UTF-8 reads per U+FFFD is damaged UTF-8: GBK or Big5
# bytes read as UTF-8 give almost nothing but U+FFFD.
UTF8_DAMAGE = 2


def _decode_by_line(data: bytes) -> Decoded:
    """Each line in the encoding that reads it best; a finding says which encodings were mixed.

    A line that is UTF-8 but for a rejected sequence here and there is UTF-8 (other encodings'
    bytes fail UTF-8 at nearly every character; a GB18030 reading of it would be mojibake).
    Otherwise each strict legacy reading and each lenient one (U+FFFD for what the codec rejects)
    competes on plausibility, fewer U+FFFD breaking ties: a GBK line reads as GBK, a Big5 line as
    Big5, and bytes no codec reads keep their U+FFFD for the repairs and the findings.
    """
    lines: list[str] = []
    used: dict[str, int] = {}
    for raw in data.splitlines(keepends=True):
        line, codec = raw.decode("utf-8", errors="replace"), "utf-8"
        if "\ufffd" not in line and not raw.isascii() and not _clearly_utf8(line):
            # Valid UTF-8 by chance? A short GBK line often is (一 d2bb reads as Cyrillic һ): the
            # likelier reading wins, UTF-8 on a tie.
            line, codec = max([(line, codec)] + [(text, c) for c, text in _strict_readings(raw)],
                              key=lambda tc: _plausibility(tc[0]))
        elif (lost := line.count("\ufffd")) > 0:
            codec = "utf-8 (lossy)"
            # UTF-8's structure is the strong signal: other encodings' bytes fail it at nearly
            # every character, so a line that fails it only here and there is damaged UTF-8.
            if sum(1 for ch in line if ch > "\x7f") - lost < UTF8_DAMAGE * lost:
                readings = _strict_readings(raw) + [(f"{c} (lossy)", raw.decode(c, errors="replace")) for c in LENIENT]
                readings += [(f"{c} and utf-8", text) for c in ("gb18030", "big5") if (text := _mixed_reading(raw, c))]
                # The other way round, which keeps short UTF-8 pieces (_新闻 after a title) whole.
                readings += [(f"utf-8 and {c}", text) for c in ("gb18030", "big5") if (text := _legacy_stretches(raw, c))]
                codec, line = max(readings, key=lambda cl: (_plausibility(cl[1]), -cl[1].count("\ufffd")))
            else:
                # UTF-8 around a stretch of GBK or Big5 (a UTF-8 template around a body or an
                # include in a legacy encoding): the stretch read as that encoding.
                readings = [(line, codec)] + [(text, f"utf-8 and {c}") for c in ("gb18030", "big5")
                                              if (text := _legacy_stretches(raw, c))]
                line, codec = max(readings, key=lambda tc: (_plausibility(tc[0]), -tc[0].count("\ufffd")))
        if not raw.isascii():
            used[codec] = used.get(codec, 0) + 1
        lines.append(line)
    text = "".join(lines)
    if len({name for codec in used for name in codec.split() if name not in ("and", "(lossy)")}) < 2:  # one encoding, some of it broken
        return Decoded(text)
    detail = ", ".join(f"{n} in {codec}" for codec, n in sorted(used.items(), key=lambda cn: -cn[1]))
    return Decoded(text, [Finding("mixed-encodings", -1, f"lines read in several encodings: {detail}")])


# Three Chinese characters or CJK signs in UTF-8 in a row: a legacy line holds such bytes by
# chance only rarely, and the plausibility of the whole reading decides.
_UTF8_CJK_RUN = re.compile(rb"(?:[\xe3-\xe9][\x80-\xbf]{2}|\xef[\xbc-\xbf][\x80-\xbf]){3,}")


def _mixed_reading(raw: bytes, codec: str) -> str | None:
    """A line of ``codec`` holding stretches of UTF-8 (a page's template in GBK around text pasted
    in UTF-8): each UTF-8 stretch read as UTF-8, starting where a ``codec`` character would, the
    rest as ``codec``. None if the line holds no such stretch."""
    parts: list[str] = []
    start = i = 0
    while i < len(raw):
        m = _UTF8_CJK_RUN.match(raw, i)
        if m:
            parts += [_legacy_piece(raw[start:i], codec), m.group().decode("utf-8")]
            start = i = m.end()
        else:
            i += 2 if raw[i] > 0x80 else 1  # a two-byte character of GBK or Big5, or ASCII
    if not parts:
        return None
    parts.append(_legacy_piece(raw[start:], codec))
    return "".join(parts)


# Whole UTF-8 characters of three bytes (CJK signs and Han) at a piece's end, ASCII after them.
_UTF8_TAIL = re.compile(rb"(?:[\xe2-\xe9\xef][\x80-\xbf]{2})+[\x00-\x7f]*\Z")


def _legacy_piece(piece: bytes, codec: str) -> str:
    """``piece`` read as ``codec``; where that is not strict but is once whole UTF-8 characters at
    its end are left to UTF-8 (a closing 」 after the stretch, too short for a run of its own:
    as GBK its bytes read 銆 and a mark), read so. Else ``codec`` with U+FFFD for what it rejects."""
    try:
        return piece.decode(codec)
    except UnicodeDecodeError:
        pass
    tail = _UTF8_TAIL.search(piece)
    if tail:
        try:
            return piece[: tail.start()].decode(codec) + tail.group().decode("utf-8")
        except UnicodeDecodeError:
            pass
    return piece.decode(codec, errors="replace")


# One UTF-8 character, valid or not: ASCII, a well-formed sequence, or a byte no sequence takes.
_UTF8_TOKEN = re.compile(rb"[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}|(.)", re.DOTALL)
# A legacy stretch is read as such only if that reading is clean and says something: a UTF-8
# character cut short reads as one legacy character (涓 for the first two bytes of 中) and must
# stay a U+FFFD.
MIN_STRETCH_HAN = 2


def _legacy_stretches(raw: bytes, codec: str) -> str | None:
    """A UTF-8 line holding stretches of ``codec`` (GBK or Big5 text inside a UTF-8 page): each
    stretch between UTF-8 anchors that UTF-8 rejects is read as ``codec`` where that reading is
    strict, holds MIN_STRETCH_HAN Han characters and is likelier than UTF-8's. None if no stretch is.

    Anchors are what legacy bytes rarely give by chance: two wide UTF-8 characters in a row, or
    one between ASCII bytes (a GBK character is two bytes; three high bytes between ASCII are
    UTF-8). The stretch between two anchors also takes the ASCII in it (digits, spaces).
    """
    tokens = [(m.start(), m.end(), m.group(1) is not None) for m in _UTF8_TOKEN.finditer(raw)]
    wide = [end - start >= 3 and not bad for start, end, bad in tokens]
    ascii_ = [end - start == 1 and raw[start] < 0x80 for start, end, _bad in tokens]
    anchor = [False] * len(tokens)
    for k, is_wide in enumerate(wide):
        if not is_wide:
            continue
        before = k == 0 or ascii_[k - 1]
        after = k + 1 == len(tokens) or ascii_[k + 1]
        if (k > 0 and wide[k - 1]) or (k + 1 < len(tokens) and wide[k + 1]) or (before and after):
            anchor[k] = True
    parts: list[str] = []
    changed = False
    k = 0
    while k < len(tokens):
        j = k
        while j < len(tokens) and anchor[j] == anchor[k]:
            j += 1
        piece = raw[tokens[k][0] : tokens[j - 1][1]]
        utf8 = piece.decode("utf-8", errors="replace")
        if not anchor[k] and any(bad for _s, _e, bad in tokens[k:j]):
            lo, hi, legacy = _strict_stretch(raw, tokens, wide, k, j, codec)
            if (legacy is not None and sum(1 for ch in legacy if HAN.match(ch)) >= MIN_STRETCH_HAN
                    and _plausibility(legacy) > _plausibility(utf8)):
                parts += [raw[tokens[k][0] : tokens[lo][0]].decode("utf-8"), legacy,
                          raw[tokens[hi - 1][1] : tokens[j - 1][1]].decode("utf-8")]
                changed = True
                k = j
                continue
        parts.append(utf8)
        k = j
    return "".join(parts) if changed else None


def _strict_stretch(raw: bytes, tokens: list[tuple[int, int, bool]], wide: list[bool], k: int, j: int,
                    codec: str) -> tuple[int, int, str | None]:
    """(lo, hi, text): tokens[lo:hi] of the stretch tokens[k:j] read strictly as ``codec``, the
    whole stretch if it reads, else with the whole UTF-8 characters at its ends left to UTF-8 (a
    closing 」 right after a Big5 stretch, before the line's end, is no anchor, yet no Big5 reads
    its bytes: the stretch would stay U+FFFD to its last byte; ASCII goes with them, being read
    alike). None if neither reads."""
    lo, hi = k, j
    while True:
        try:
            return lo, hi, raw[tokens[lo][0] : tokens[hi - 1][1]].decode(codec)
        except UnicodeDecodeError:
            pass
        if hi - 1 > lo and _whole(raw, tokens, wide, hi - 1):
            hi -= 1
        elif lo + 1 < hi and _whole(raw, tokens, wide, lo):
            lo += 1
        else:
            return k, j, None


def _whole(raw: bytes, tokens: list[tuple[int, int, bool]], wide: list[bool], k: int) -> bool:
    """A whole UTF-8 character of three bytes or more, or ASCII (the line's break after it)."""
    return wide[k] or raw[tokens[k][0]] < 0x80


# Chinese text's marks, its corner brackets and lenticular brackets too (【新闻】, 「…」): counted
# as the text's own, or a line that reads them right scored below a reading of it as mojibake.
_MARKS = frozenset("，。、“”：；！？（）《》「」『』【】〔〕…—·")


def _plausibility(text: str) -> float:
    """Share of characters that are common Han characters or ASCII: real text scores high."""
    if not text:
        return 0.0
    from cleaner.langmodel import model

    lm = model()
    good = sum(1 for ch in text if ch.isascii() or ch in _MARKS or (HAN.match(ch) and lm.unigram(ch) > -14))
    return good / len(text)


def _chardet_pick(data: bytes, candidates: list[tuple[str, str]]) -> str:
    import chardet

    guess = (chardet.detect(data[:65536]).get("encoding") or "").lower().replace("-", "")
    for codec, text in candidates:
        if codec.replace("-", "") == guess or (guess in ("gb2312", "gbk") and codec == "gb18030"):
            return text
    return candidates[0][1]


# How much of a file's start is looked at to tell binary data from text.
SNIFF = 8192


def _looks_binary(data: bytes) -> bool:
    """Over 5 % of the first bytes (and more than 2) are controls, NUL among them: a picture, an archive, a program.

    A share, not any NUL: a stray NUL in a short text file is damage the cleaner removes (as it
    does past the first 8 KB), not a reason to refuse the whole file. Compressed or machine
    data holds about 10 % control bytes, an executable far more.
    """
    return _many_controls(data[:SNIFF])


def _controls_in(text: str) -> bool:
    """Text a binary's bytes made: by the same share of control characters as its bytes."""
    return _many_controls([ord(c) for c in text])


def _many_controls(codes) -> bool:
    """Over 5 % of ``codes`` (bytes or code points), and more than 2, are controls other than
    tab, line ends, form feed and escape."""
    if not codes:
        return False
    controls = sum(1 for b in codes if b < 0x20 and b not in (9, 10, 12, 13, 27))
    return controls > max(2, len(codes) * 0.05)  # a short line's one stray NUL is 6 % of it


def refuse_binary(head: bytes) -> None:
    """Raise NotText when a stream's first bytes are binary data, as ``decode`` would refuse the
    whole: asked before the rest is read, so an endless device (``/dev/zero``, ``/dev/urandom``)
    or a large binary is never read whole. UTF-16 (half NUL in ASCII) is text, cut where it is."""
    if not _looks_binary(head) or any(head.startswith(bom) for bom, _ in BOMS) or _utf16_shown_as_utf8(head):
        return
    even = head[: len(head) // 2 * 2]
    for codec in ("utf-16-le", "utf-16-be"):
        text = even.decode(codec, errors="replace")
        if _plausibility(text) > 0.9 and not any(ord(c) < 0x20 and c not in "\t\n\r" for c in text):
            return
    raise _binary(head)


# UTF-16 shown one byte a character and saved as UTF-8 (a UTF-16 file read as cp1252 or GBK by a
# tool that then wrote UTF-8): its ASCII keeps its NULs beside it ("B\x00e\x00i\x00"), control
# bytes no binary check lets through. Strict UTF-8 whose NULs mostly stand in runs of ASCII units
# (``_ASCII_UNITS``) is that text: the library reads it (``utf16_read``, ``utf16_gbk``), so file reading must too.
UTF16_NUL_SHARE = 0.5


def _utf16_shown_as_utf8(data: bytes) -> bool:
    nuls = data.count(b"\x00")
    if not nuls or nuls == len(data):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data[:SNIFF])  # a cut last character is no error
    except UnicodeDecodeError:
        return False
    beside = sum(len(m.group()) // 2 for m in _ASCII_UNITS.finditer(data[:SNIFF]))
    return beside >= UTF16_NUL_SHARE * data[:SNIFF].count(b"\x00")


# Two or more ASCII characters' UTF-16 units in a row ("B\x00e\x00", "\r\x00\n\x00"): one NUL after
# a letter is also how NUL-separated records end a field (find -print0, /proc/*/environ: "a.txt\x00b.txt\x00"),
# which are binary data, not text; UTF-16 puts a NUL after every ASCII character.
_ASCII_UNITS = re.compile(rb"(?:[\t\n\r\x20-\x7e]\x00){2,}")


def _binary(head: bytes) -> NotText:
    """The refusal of binary data, naming a compression it starts with: compressed bytes handed
    to ``clean_bytes`` are no text, though ``cleaner FILE`` reads them."""
    from cleaner.io.compressed import sniffed_compression

    kind = sniffed_compression(head)
    if kind:
        return NotText(f"{kind}-compressed data, not text: decompress it first (cleaner FILE reads compressed files)")
    if head.startswith(b"PAR1"):  # Parquet's magic: a table of records, which the Ray engine reads
        return NotText("a Parquet file, not text: clean its records with --engine ray (cleaner FILE.parquet --engine ray -o OUT)")
    return NotText("binary data (NUL or control bytes), not text")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: Chinese/ASCII mix leaves NULs at regular positions."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and _plausibility(text) > 0.9 and not any(ord(c) < 0x20 and c not in "\t\n\r" for c in text):
            return text
    return None


# A declared charset that decodes is still a claim: servers send ISO-8859-1 by default, and pages
# copied between sites keep a <meta charset> their bytes no longer are. These weigh a declaration
# against what the bytes read as, on their non-ASCII characters only (markup would dilute it).
DECLARED_MARGIN = 0.05  # as the detector's own margin between two strict readings
LOST_SHARE = 0.02  # U+FFFD per non-ASCII character a detected reading may hold and still be text


def _beyond_ascii(text: str) -> str:
    return "".join(ch for ch in text if ch > "\x7f")[:SAMPLE]


def likelier_than_declared(data: bytes, declared: str, text: str) -> str:
    """``text`` (``data`` read strictly in the ``declared`` legacy Chinese codec), or another strict
    legacy reading that is clearly more plausible: GB18030 reads most Big5 pages whole, so a Big5
    page under a false ``gb2312`` (or a GBK page under a false ``big5``) decodes without an error
    into rare characters (繁體 as 羉砰). Not for a declaration outside those codecs.

    >>> big5 = "<meta charset=gb2312><p>這是一個關於臺灣歷史與文化的報導，共2億5220萬人次。</p>".encode("big5")
    >>> likelier_than_declared(big5, "gb18030", big5.decode("gb18030"))[24:37]
    '這是一個關於臺灣歷史與文化'
    """
    if declared not in LEGACY and declared not in ("gbk", "gb2312"):
        return text
    own = _plausibility(_beyond_ascii(text))
    own_han = _han_plausibility(text)
    best, best_score = text, own
    for codec, other in _strict_readings(data):
        if other == text or codec == declared:
            continue
        score = _plausibility(_beyond_ascii(other))
        # Better on its Han characters too: GB2312's symbol rows (kana, Cyrillic, Greek, box
        # drawing, pinyin's tone letters) are Big5's commonest Han, so an honest GB page of them
        # reads better as Big5 on every non-ASCII character, but not on its own Han characters.
        other_han = _han_plausibility(other)
        if score > best_score and (own_han is None or other_han is not None and other_han - own_han > DECLARED_MARGIN):
            best, best_score = other, score
    return best if best_score - own > DECLARED_MARGIN else text


def _han_plausibility(text: str) -> float | None:
    """``_plausibility`` of the Han characters of ``text`` and of the private-use characters and
    U+FFFD a wrong table makes alone (symbols aside); None for a text with none of them (a
    declared reading of symbols alone, ``（`` read as ``ㄗ``, is judged on them)."""
    han = "".join(ch for ch in _beyond_ascii(text) if HAN.match(ch) or "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    return _plausibility(han) if han else None


def single_byte_or_detected(data: bytes, declared: str) -> str:
    """``data`` in the ``declared`` single-byte charset, unless the detector reads it as Chinese.

    Every byte string decodes in a single-byte charset, so such a declaration (Apache's default
    ``ISO-8859-1``, ``windows-1252``) says nothing the bytes can contradict: a GBK page under it
    reads as ``ÒÕÊõ``. The detector's reading is taken when its non-ASCII characters are common
    Chinese text with hardly any U+FFFD; a Latin-1 page read as GBK is neither (é and the ASCII
    letter after it pair into a rare character, or into no character at all).

    >>> single_byte_or_detected("<p>艺术史研究，中国艺术网。</p>".encode("gbk"), "cp1252")
    '<p>艺术史研究，中国艺术网。</p>'
    >>> single_byte_or_detected("<p>Le café était très bon à Genève.</p>".encode("cp1252"), "cp1252")
    '<p>Le café était très bon à Genève.</p>'
    """
    try:
        detected = decode(data)
    except NotText:
        detected = None
    if detected is not None:
        chars = _beyond_ascii(detected)
        if chars and chars.count("\ufffd") <= LOST_SHARE * len(chars) and _plausibility(chars) >= 1 - 2 * DECLARED_MARGIN \
                and any(HAN.match(ch) for ch in chars):
            return detected
    return data.decode(declared, errors="replace")
