"""bytes -> str for files of unknown encoding.

Order: BOM; strict UTF-8; UTF-16 without BOM (by its NUL pattern); then the strict legacy Chinese
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
    """The data is not text in any encoding we read."""


@dataclass
class Decoded:
    text: str
    findings: list[Finding] = field(default_factory=list)


def decode(data: bytes) -> str:
    """Decode bytes of unknown encoding to text (``decode_with_findings`` tells what was odd).

    >>> decode("国务院".encode("gb18030"))
    '国务院'
    """
    return decode_with_findings(data).text


def decode_with_findings(data: bytes) -> Decoded:
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
            if text is not None and (codec == "utf-8" or _plausibility(text[:SAMPLE]) >= 0.5):
                return Decoded(text)
            try:
                other = _decode_unmarked(rest)
            except NotText:
                other = None
            if other is not None and (text is None or _plausibility(other.text[:SAMPLE]) > _plausibility(text[:SAMPLE])):
                other.findings.insert(0, Finding("bom-mismatch", 0, f"{codec} byte-order mark, but the bytes after it are not {codec}; decoded by what they are"))
                return other
            return Decoded(rest.decode(codec, errors="replace"), [Finding("bom-mismatch", 0, f"{codec} byte-order mark over bytes that are not {codec}")] if text is None else [])
    return _decode_unmarked(data)


def _decode_unmarked(data: bytes) -> Decoded:
    """Decode bytes that carry no byte-order mark."""
    if _looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return Decoded(utf16)
        raise NotText("binary data (NUL or control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _has_utf8_lines(data):
        # Some lines are UTF-8 and others are not: GB18030 would read the whole file, the UTF-8
        # lines as mojibake. Each line is read by what it is.
        return _decode_by_line(data)
    candidates = _strict_readings(data)
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


def _strict_readings(data: bytes) -> list[tuple[str, str]]:
    out = []
    for codec in LEGACY:
        try:
            out.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    return out


LENIENT = ("utf-8", "gb18030", "big5")
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
                codec, line = max(readings, key=lambda cl: (_plausibility(cl[1]), -cl[1].count("\ufffd")))
        if not raw.isascii():
            used[codec] = used.get(codec, 0) + 1
        lines.append(line)
    text = "".join(lines)
    if len({codec.split()[0] for codec in used}) < 2:  # one encoding, some of it broken
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
            parts += [raw[start:i].decode(codec, errors="replace"), m.group().decode("utf-8")]
            start = i = m.end()
        else:
            i += 2 if raw[i] > 0x80 else 1  # a two-byte character of GBK or Big5, or ASCII
    if not parts:
        return None
    parts.append(raw[start:].decode(codec, errors="replace"))
    return "".join(parts)


def _plausibility(text: str) -> float:
    """Share of characters that are common Han characters or ASCII: real text scores high."""
    if not text:
        return 0.0
    from cleaner.langmodel import model

    lm = model()
    good = sum(1 for ch in text if ch.isascii() or ch in "，。、“”：；！？（）《》" or (HAN.match(ch) and lm.unigram(ch) > -14))
    return good / len(text)


def _chardet_pick(data: bytes, candidates: list[tuple[str, str]]) -> str:
    import chardet

    guess = (chardet.detect(data[:65536]).get("encoding") or "").lower().replace("-", "")
    for codec, text in candidates:
        if codec.replace("-", "") == guess or (guess in ("gb2312", "gbk") and codec == "gb18030"):
            return text
    return candidates[0][1]


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 12, 13, 27))
    return b"\x00" in sample or controls / len(sample) > 0.05


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
