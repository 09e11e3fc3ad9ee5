"""Undo the pinyin-annotation damage line by line (docs/corruption.md §1.2–§2).

A line with no ``?`` was decoded in step throughout, so its annotations ``X(pīn)`` are removed by
a fast regex pass. A shifted run can only start at a ``?`` (a swallowed byte), so a line with one
is re-decoded on its GBK byte view from that point on (``realign``); the text before the first
``?`` is in step and takes the fast pass.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from cleaner import chunks
from cleaner.model import Finding
from cleaner.repair.holes import guess_finding
from cleaner.repair.pinyin import SYLLABLE, TONE_MARKS, annotates, has_tone, is_annotation_syllable, readings
from cleaner.repair.realign import realign
from cleaner.script.fold import fold_char

ANNOTATION = regex.compile(r"(?<=(\p{Han}))\((" + SYLLABLE.pattern + r")\)")
# The brackets an annotation is written in: ASCII, fullwidth, square, and the CJK ones (【guó】,
# the commonest Chinese "square" bracket, 〔〕 and 〖〗).
_OPEN, _CLOSE = "(（\\[［【〔〖", ")）\\]］】〕〗"
# The same annotation as people write it (teaching pages, copied dictionaries), not the damage:
# any of those brackets, a space before or inside, capitals, tone numbers (guo2, lv4) or no tone.
# One alone is often a gloss that explains a reading (长（zhǎng）), so these go only where a piece
# of a line holds two or more that check out.
VARIANT = regex.compile(r"(?<=(\p{Han}))[ \u3000]?[" + _OPEN + r"] ?([A-Za-zÜü\u00c0-\u01dc\u1e3f\uff21-\uff3a\uff41-\uff5a]{1,7}[0-5０-５]?) ?["
                        + _CLOSE + r"](?:[ \u3000](?=\p{Han}))?")
# Ruby text copied out of a page loses its brackets too (國guó務wù院): a syllable directly
# between Han characters; the same rule of two or more applies.
# Not followed by a letter (the syllable would be part of a word), but a number may follow:
# 於yú1088年nián4月yuè.
BARE = regex.compile(r"(?<=(\p{Han}))([a-zü\u00e0-\u01dc\u1e3f]{1,6})(?![A-Za-z\u00c0-\u024f\u1e00-\u1eff])")
# Zhuyin (bopomofo), Taiwan's phonetic script, in the same places: 醫(ㄧ)學(ㄒㄩㄝˊ), 醫ㄧ學ㄒㄩㄝˊ. The
# neutral tone's dot may come first (˙ㄉㄜ) or last; the first tone is unmarked or ˉ.
_BOPOMOFO = "\u3105-\u312f\u31a0-\u31bf"
_ZHUYIN = r"˙?[" + _BOPOMOFO + r"]{1,4}[ˉˊˇˋ˙]?"
ZHUYIN_VARIANT = regex.compile(r"(?<=(\p{Han}))[ \u3000]?[" + _OPEN + r"] ?(" + _ZHUYIN + r") ?[" + _CLOSE + r"](?:[ \u3000](?=\p{Han}))?")
ZHUYIN_BARE = regex.compile(r"(?<=(\p{Han}))(" + _ZHUYIN + r")(?![" + _BOPOMOFO + r"ˉˊˇˋ˙])")
_HAN = regex.compile(r"\p{Han}")
_HAS_ZHUYIN = re.compile("[" + _BOPOMOFO + "]")
# What any form of annotation needs: an opening bracket, a tone-marked letter (bare ruby), zhuyin.
_VARIANT_SIGN = re.compile("[" + _OPEN + "".join(sorted(TONE_MARKS)) + _BOPOMOFO + "]")
_MARKED = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


@dataclass
class PinyinRepair:
    text: str
    annotations: int = 0
    realigned_lines: int = 0
    inserted_bytes: int = 0
    findings: list[Finding] = field(default_factory=list)


def strip_annotations(text: str) -> tuple[str, int]:
    """Drop well-formed annotations ``X(pīn)`` where X reads pīn.

    >>> strip_annotations("國(guó)務(wù)院(2020)應用(體驗)")
    ('國務院(2020)應用(體驗)', 2)
    """
    count = 0

    def drop(m: regex.Match) -> str:
        nonlocal count
        if _is_annotation(m):
            count += 1
            return ""
        return m.group(0)

    if "(" in text:  # the damage's own bracket: most lines hold none
        text = ANNOTATION.sub(drop, text)
    if _VARIANT_SIGN.search(text) and _VARIANT_LETTER.search(text):
        text, variants = _strip_variants(text)
        count += variants
    return text, count


# What every annotation _strip_variants takes holds: a letter of a syllable (VARIANT's, BARE's)
# or zhuyin. A line with brackets but none of these (（2020）, 《书名》) is passed over at once.
_VARIANT_LETTER = re.compile("[A-Za-zÜü\u00c0-\u01dc\u1e3f\uff21-\uff3a\uff41-\uff5a" + _BOPOMOFO + "]")


def _strip_variants(text: str) -> tuple[str, int]:
    """``國（guó）務 (wu4) 院`` -> ``國務院`` when two or more such annotations check out.

    >>> _strip_variants("國（guó）務（wù）院")
    ('國務院', 2)
    >>> _strip_variants("这里的“长（zhǎng）”读第三声")
    ('这里的“长（zhǎng）”读第三声', 0)
    """
    pinyin = [m for m in VARIANT.finditer(text) if _variant_reads(m.group(1), m.group(2))]
    pinyin += [m for m in BARE.finditer(text) if m.group(2) in readings(m.group(1))
               or (not has_tone(m.group(2)) and _variant_reads(m.group(1), m.group(2)))]
    if _ruby_line(text, pinyin):
        found = pinyin
    else:
        # Only on characters the Simplified script writes otherwise, as the damage annotates:
        # pinyin after Simplified characters is a lesson (多音字 长（zhǎng）大, 妈mā 麻má), not
        # damage. A bare syllable counts only with its tone mark (他说hǎo的 is a word).
        found = [m for m in pinyin if _traditional(m.group(1)) and (m.re is VARIANT or has_tone(m.group(2)))]
        if len(found) < 2:
            found = []
    if _HAS_ZHUYIN.search(text):
        found += _zhuyin_annotations(text)
    if not found:
        return text, 0
    found.sort(key=lambda m: m.start())
    parts, last = [], 0
    for m in found:
        parts.append(text[last:m.start()])
        last = m.end()
        if m.group(0)[-1] in " \u3000" and m.group(0)[0] not in " \u3000":
            last -= 1  # 場（chǎng） 接近: the space after is the text's; one goes only with one before
    parts.append(text[last:])
    return "".join(parts), len(found)


def _traditional(ch: str) -> bool:
    return fold_char(ch) != ch


RUBY_TRADITIONAL_PARTS = 5


def _ruby_line(text: str, pinyin: list[regex.Match]) -> bool:
    """Does (nearly) every Han character of ``text`` carry a syllable that reads it, Traditional
    ones among them? That is ruby over the whole line (醫yī學xué方fāng面miàn, 醫(yi1)學(xue2)方(fang1)),
    and all of it goes: dropping only the Traditional characters' syllables, as the two-or-more
    rule does, would leave a hybrid that is neither the text nor the lesson. Ruby over Simplified
    characters alone is a lesson's (课文: 床chuáng前qián明míng月yuè光guāng) and stays."""
    traditional = sum(1 for m in pinyin if _traditional(m.group(1)))
    # A fifth of them at least: running Traditional text changes about a third of its characters
    # under t2s, and one or two characters both scripts write (乾隆, the surname 於) that t2s
    # folds make no Simplified lesson Traditional.
    if len(pinyin) < 4 or traditional < 2 or traditional * RUBY_TRADITIONAL_PARTS < len(pinyin):
        return False
    annotated = {m.start() for m in pinyin}  # one syllable per character: the match starts after it
    return len(annotated) * 10 >= len(_HAN.findall(text)) * 9


def _zhuyin_annotations(text: str) -> list[regex.Match]:
    """Zhuyin annotations that are damage, not a lesson: two or more that check out, on (nearly)
    all the Traditional characters of the piece and on no character both scripts share — the
    damage's pattern (docs/corruption.md). Zhuyin in a Taiwanese lesson is the subject: it sits on
    some characters (國（ㄍㄨㄛˊ）語（ㄩˇ）是我們的語言: 們 and the second 語 carry none) or on
    every one (ruby over a children's text, 的 and 是 included), and stays."""
    found = [m for rx in (ZHUYIN_VARIANT, ZHUYIN_BARE) for m in rx.finditer(text) if _zhuyin_reads(m.group(1), m.group(2))]
    if len(found) < 2 or not all(_traditional(m.group(1)) for m in found):
        return []
    traditional = sum(1 for c in _HAN.findall(text) if _traditional(c))
    return found if len(found) * 4 >= traditional * 3 else []


def _zhuyin_reads(ch: str, written: str) -> bool:
    """Is ``written`` (ㄍㄨㄛˊ) one of ``ch``'s readings spelled in zhuyin?"""
    return _zhuyin_key(written) in {_pinyin_as_zhuyin(r) for r in readings(ch)}


def _zhuyin_key(written: str) -> str:
    """Zhuyin with its tone as a trailing digit: ㄍㄨㄛˊ -> ㄍㄨㄛ2, ˙ㄉㄜ -> ㄉㄜ5, ㄧ and ㄧˉ -> ㄧ1."""
    tone = 1
    for mark, t in (("ˉ", 1), ("ˊ", 2), ("ˇ", 3), ("ˋ", 4), ("˙", 5)):
        if mark in written:
            tone = t
    return "".join(c for c in written if c not in "ˉˊˇˋ˙") + str(tone)


_INITIALS = {"zh": "ㄓ", "ch": "ㄔ", "sh": "ㄕ", "b": "ㄅ", "p": "ㄆ", "m": "ㄇ", "f": "ㄈ", "d": "ㄉ", "t": "ㄊ",
             "n": "ㄋ", "l": "ㄌ", "g": "ㄍ", "k": "ㄎ", "h": "ㄏ", "j": "ㄐ", "q": "ㄑ", "x": "ㄒ", "r": "ㄖ",
             "z": "ㄗ", "c": "ㄘ", "s": "ㄙ"}
_FINALS = {"a": "ㄚ", "o": "ㄛ", "e": "ㄜ", "ê": "ㄝ", "ai": "ㄞ", "ei": "ㄟ", "ao": "ㄠ", "ou": "ㄡ", "an": "ㄢ",
           "en": "ㄣ", "ang": "ㄤ", "eng": "ㄥ", "ong": "ㄨㄥ", "er": "ㄦ", "i": "ㄧ", "ia": "ㄧㄚ", "ie": "ㄧㄝ",
           "iao": "ㄧㄠ", "iu": "ㄧㄡ", "ian": "ㄧㄢ", "in": "ㄧㄣ", "iang": "ㄧㄤ", "ing": "ㄧㄥ", "iong": "ㄩㄥ",
           "u": "ㄨ", "ua": "ㄨㄚ", "uo": "ㄨㄛ", "uai": "ㄨㄞ", "ui": "ㄨㄟ", "uan": "ㄨㄢ", "un": "ㄨㄣ",
           "uang": "ㄨㄤ", "ü": "ㄩ", "üe": "ㄩㄝ", "üan": "ㄩㄢ", "ün": "ㄩㄣ"}
# y and w write a syllable without an initial (yi = i, wu = u, yu = ü).
_ZERO_INITIAL = {"yi": "i", "ya": "ia", "ye": "ie", "yao": "iao", "you": "iu", "yan": "ian", "yin": "in",
                 "yang": "iang", "ying": "ing", "yong": "iong", "yu": "ü", "yue": "üe", "yuan": "üan", "yun": "ün",
                 "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai", "wei": "ui", "wan": "uan", "wen": "un",
                 "wang": "uang", "weng": "ong"}


@lru_cache(maxsize=1 << 12)
def _pinyin_as_zhuyin(syllable: str) -> str:
    """A tone-marked pinyin syllable in zhuyin, tone as a digit: guó -> ㄍㄨㄛ2, zhī -> ㄓ1, jù -> ㄐㄩ4
    ("" for the few that have no zhuyin spelling here: m, ng, hm)."""
    tone = 5
    base = []
    for c in unicodedata.normalize("NFD", syllable):
        if c in "\u0304\u0301\u030c\u0300":
            tone = "\u0304\u0301\u030c\u0300".index(c) + 1
        else:
            base.append(c)
    plain = unicodedata.normalize("NFC", "".join(base))
    plain = _ZERO_INITIAL.get(plain, plain)
    initial = next((i for i in _INITIALS if plain.startswith(i) and plain != i), "")
    final = plain[len(initial):]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]  # ju, que, xuan: the u of j q x is ü
    if initial in ("zh", "ch", "sh", "r", "z", "c", "s") and final == "i":
        return _INITIALS[initial] + str(tone)  # zhi, ci, si: the initial alone
    if final not in _FINALS:
        return ""
    return _INITIALS.get(initial, "") + _FINALS[final] + str(tone)


def _variant_reads(ch: str, written: str) -> bool:
    """Does ``ch`` read ``written`` (any case; tone marks, a tone number, or lower-case without
    tone: a capitalised toneless word is a romanised name, 李 (Li), and stays)?"""
    written = unicodedata.normalize("NFKC", written)  # ｇｕó: the width fix would make it guó
    if written[-1].isdigit():
        syllable = _with_tone_mark(written[:-1].lower().replace("v", "ü"), int(written[-1]))
    elif any(c in "".join(_MARKED.values()) for c in written.lower()):
        syllable = written.lower()
    elif written.islower():
        return any(_toneless(r) == written for r in readings(ch))
    else:
        return False
    return syllable in readings(ch)


def _with_tone_mark(base: str, tone: int) -> str:
    """``guo``, 2 -> ``guó``: the mark goes on a or e, on the o of ou, else on the last vowel."""
    if not 1 <= tone <= 4:
        return base  # 0 or 5: the neutral tone, written without a mark
    vowels = [i for i, c in enumerate(base) if c in _MARKED]
    if not vowels:
        return base
    at = next((i for i, c in enumerate(base) if c in "ae"), None)
    if at is None:
        at = base.find("ou") if "ou" in base else vowels[-1]
    return base[:at] + _MARKED[base[at]][tone - 1] + base[at + 1:]


def _toneless(syllable: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c) or c == "\u0308").replace("u\u0308", "ü")


def _is_annotation(m: regex.Match) -> bool:
    return _annotation_pair(m.group(1), m.group(2))


@lru_cache(maxsize=1 << 16)
def _annotation_pair(ch: str, syllable: str) -> bool:
    """Is ``(syllable)`` after ``ch`` the damage's annotation? A page repeats its pairs (國(guó)
    many times), and each answer takes several table and OpenCC look-ups."""
    return is_annotation_syllable(syllable) and annotates(ch, syllable)


def looks_annotated(text: str) -> bool:
    """Cheap detector: does the text carry at least one pinyin annotation?"""
    return any(_is_annotation(m) for m in ANNOTATION.finditer(text)) or ("?" in text and _has_hole_group(text))


def _only_glosses(text: str) -> bool:
    """Every annotation on the page sits on a character both scripts write alike (荨(qián)麻, a
    lesson's 银行(háng)和行(xíng)走): glosses that explain readings. The damage annotates
    Traditional characters (docs/corruption.md; on the seed pages all 1,008 of its annotations
    sit on a character the Simplified script writes otherwise)."""
    found = False
    for m in ANNOTATION.finditer(text):
        if _is_annotation(m):
            if fold_char(m.group(1)) != m.group(1):
                return False
            found = True
    return found and _strip_variants(text)[1] == 0


_HOLE_GROUP = regex.compile(r"\?(" + SYLLABLE.pattern + r")\)")


def _has_hole_group(text: str) -> bool:
    return any(is_annotation_syllable(m.group(1)) for m in _HOLE_GROUP.finditer(text))


_SHIFT_SIGNATURE = regex.compile(r"\?!(?:\p{Han}|\?|$)")
# What every change below needs: a "?" (the realign of a shifted run) or what strip_annotations
# matches (_VARIANT_SIGN: a bracket, a tone-marked letter for bare ruby, zhuyin).
_MAY_CHANGE = re.compile("[?" + _OPEN + "".join(sorted(TONE_MARKS)) + _BOPOMOFO + "]")


def _may_change(piece: str) -> bool:
    """Can ``_repair_piece`` change ``piece``? Most lines of a page hold none of the signs, and
    are passed over by one class search."""
    return _MAY_CHANGE.search(piece) is not None


def repair_pinyin(text: str, *, guess: bool = True, page_damaged: bool | None = None) -> PinyinRepair:
    """Undo the annotation damage; ``page_damaged``: ``looks_annotated(text)`` if already known."""
    result = PinyinRepair(text)
    if not _MAY_CHANGE.search(text):
        return result
    # Question marks are only re-decoded on pages that show the annotation damage at all:
    # elsewhere a "?" is a question mark.
    if page_damaged is None:
        page_damaged = looks_annotated(text)
    if _only_glosses(text) and not ("?" in text and _has_hole_group(text)) and not _SHIFT_SIGNATURE.search(text):
        return result
    # Only a line holding a sign _repair_piece needs can change (_may_change): those are found
    # by one search over the page, and every other line is passed over without a look (nor a
    # copy: a page none of whose lines changed is returned as it came).
    out: list[str] = []
    done = delta = 0  # where the text is copied up to; how much longer the changed lines made it
    sign = _MAY_CHANGE.search(text)
    while sign is not None:
        line_start = text.rfind("\n", 0, sign.start()) + 1
        line_end = text.find("\n", sign.start())
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        offset = line_start + delta  # the line's place in the repaired text, for the findings
        # A huge line goes piece by piece (cut at sentence ends), so realign holds one piece's
        # tokens at a time; each piece reads on from the character before it.
        parts: list[str] = []
        changed = False
        for piece in chunks.pieces(line):
            before = parts[-1][-1:] if parts and parts[-1] else ""
            new = _repair_piece(piece, before, page_damaged, guess, offset, result)
            changed = changed or new != piece
            parts.append(new)
            offset += len(new)
        if changed:  # an unchanged line is kept as it is: joining its pieces would copy a huge line
            new_line = "".join(parts)
            out += [text[done:line_start], new_line]
            done, delta = line_end, delta + len(new_line) - len(line)
        sign = _MAY_CHANGE.search(text, line_end + 1)  # the next line's sign, if any
    if out:
        out.append(text[done:])
        result.text = "".join(out)
    return result


def _repair_piece(piece: str, before: str, page_damaged: bool, guess: bool, offset: int, result: PinyinRepair) -> str:
    if not _may_change(piece):
        return piece
    # The one-byte shift (docs/corruption.md §2.4: 。“ read as ?!半) marks a damaged line on any page.
    q = piece.find("?") if page_damaged or _SHIFT_SIGNATURE.search(piece) else -1
    head, tail = (piece, "") if q < 0 else (piece[:q], piece[q:])
    head, n = strip_annotations(head)
    result.annotations += n
    if tail:
        rep = realign(tail, head[-1:] if head else before, guess=guess)
        if rep.text != tail:
            result.realigned_lines += 1
            result.annotations += rep.annotations
            result.inserted_bytes += rep.inserted_bytes
            for g in rep.guesses:
                result.findings.append(guess_finding(g.kind, offset + len(head) + g.position, g.char, g.alternative, g.margin))
        tail = rep.text
    return head + tail
