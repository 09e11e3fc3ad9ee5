"""A lone sign or accented letter of UTF-8 read as GBK, beside ASCII: ``46,600m虏`` is ``46,600m²``.

Why: a two-byte UTF-8 character (lead C2-DF, one trail 80-BF) read as GBK is one Chinese
character (° is C2 B0, which GBK reads as 掳). In a line of clean Chinese the byte repairs never
look at it: they start around clusters of rare characters, and one character is no cluster. Such
a character is real Chinese almost everywhere, so it is read back only where Chinese does not
stand: a sign of measure right after an ASCII digit or letter and not before Chinese (``30掳C``
is 30°C, ``5脳3`` is 5×3, ``m虏，``), ± before a digit, and an accented letter between two
lowercase ASCII letters (``Pok茅mon`` is Pokémon).

Left out, because clean text has their character there: the signs ¥ (楼 after a floor number,
``4楼``), ¼ (录 after ``TPO``), ½ (陆 in the car model ``GL8陆尊``), © (漏 in ``SQL漏洞``), ¹ (鹿),
³ (鲁 in ``CBA鲁能``), ® (庐 in ``2019庐山``), µ (碌); and the letters whose character is common
Chinese that sits between Latin words (``iPad没WiFi``, ``Kitty猫Cafe``): COMMON below. And a
letter's character between pinyin syllables (``代dài茅máo元``: ruby over the line, whose 茅 is
the character it annotates).
"""

from __future__ import annotations

import re

from cleaner import pagefacts
from cleaner.repair.pinyin import TONE_MARKS
from cleaner.script.fold import converter, script_only

# Signs written right after a number or a unit's letters.
SIGNS = "°²×±¾"
# Letters with a diacritic inside Latin words (names, loanwords).
LETTERS = "éèêëáàâäãåóòôöõúùûüíìîïñçýæøœ"
# Letters whose GBK reading is a common character (没 is û, 么 ô, 猫 è): never read back.
COMMON = "没么忙毛媒煤贸帽茂盲芒枚卯矛眉霉莽玫氓茫貌猫"


def _misread(chars: str) -> dict[str, str]:
    """{the Chinese character GBK makes of each one's UTF-8 bytes: the character}."""
    out = {}
    for ch in chars:
        shown = ch.encode("utf-8").decode("gbk", errors="replace")
        if len(shown) == 1 and shown != "\ufffd":
            out[shown] = ch
    return out


_SIGNS = _misread(SIGNS)
_LETTERS = {shown: ch for shown, ch in _misread(LETTERS).items() if shown not in COMMON}
_BACK = {**_SIGNS, **_LETTERS}
# ± also before a number (误差±2): 卤 before a digit is in none of the corpora.


def _traditional(shown: dict[str, str]) -> str:
    """The Traditional characters whose Simplified form is one of ``shown`` (虜 for 虏, 擄 for 掳).

    Found by folding every Traditional-only character with the t2s converter the cleaner holds
    anyway (one call, a line each so no phrase spans two), not with an s2t converter: building one
    cost a fifth of a second at every start, for five characters.
    """
    chars = sorted(script_only("traditional"))
    folded = converter("t2s.json").convert("\n".join(chars)).split("\n")
    return "".join(ch for ch, simple in zip(chars, folded, strict=True) if simple in shown)


def _pattern(signs: str, letters: str, plus_minus: str) -> re.Pattern:
    # Each branch starts with the character it reads and looks behind from after it: ``re`` scans
    # for the characters a pattern can start with at string speed, but tries a look-behind that
    # opens a branch at every position of the page (half a millisecond a page holding a sign).
    return re.compile(f"[{signs}](?<=[0-9A-Za-z][{signs}])(?![\\u3400-\\u9fff])|[{letters}](?<=[a-z][{letters}])(?=[a-z])"
                      f"|[{plus_minus}](?=[0-9])")


_PLUS_MINUS = "±".encode("utf-8").decode("gbk")
_PATTERN = _pattern("".join(_SIGNS), "".join(_LETTERS), _PLUS_MINUS)
# What the later stages would turn into such a place: the Traditional forms (converted to
# Simplified, W虜 becomes W虏) and the readings after a fullwidth letter or digit (made ASCII by
# the width fixer, Ｗ虏 becomes W虏). A second clean would read them back (W²): kept as they are.
_ALL_SIGNS = "".join(_SIGNS) + _traditional(_SIGNS)
_ALL_LETTERS = "".join(_LETTERS) + _traditional(_LETTERS)
_ALL_PLUS_MINUS = _PLUS_MINUS + _traditional({_PLUS_MINUS: "±"})
_WIDE = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
# As ``_pattern``'s, each branch starts with a character and looks behind from after it (the
# branches in the order of the look-behind-first form they replace, which tests/test_lone_signs.py
# holds them to): that form was tried at every position of a page holding a sign (0.2 ms).
_LATER = re.compile(f"[{_WIDE}][{_ALL_SIGNS}](?![\\u3400-\\u9fff])|[{_ALL_SIGNS}](?<=[0-9A-Za-z][{_ALL_SIGNS}])(?![\\u3400-\\u9fff])"
                    f"|[\uff41-\uff5a][{_ALL_LETTERS}](?=[a-z\uff41-\uff5a])|[{_ALL_LETTERS}](?<=[a-z][{_ALL_LETTERS}])(?=[a-z\uff41-\uff5a])"
                    f"|[{_ALL_PLUS_MINUS}](?=[0-9\uff10-\uff19])")
# Any character _LATER can end on (every branch holds one of them).
_holds_later = pagefacts.any_of(re.compile(f"[{_ALL_SIGNS}{_ALL_LETTERS}{_ALL_PLUS_MINUS}]"))


def made_later(text: str) -> list[tuple[int, int]]:
    """(start, end) of each place that conversion or the width fixer would make one this repair
    reads: kept from both."""
    if not _holds_later(text):
        return []  # the common case: one class search of the page's scan
    return [m.span() for m in _LATER.finditer(text)]


# Any character _PATTERN can match: a class search runs at string speed, where _PATTERN's
# look-behind is tried at every position of the page.
_holds_any = pagefacts.any_of(re.compile(f"[{''.join(_BACK)}]"))


# The middle dot (c2 b7) GBK reads as 路, set off by spaces as a separator (绿茶小站 · 记录生活,
# 首页 · 新闻): clean Chinese writes 路 inside words, seldom alone between spaces.
_DOT = "·".encode("utf-8").decode("gbk")
_SPACED_DOT = re.compile(f"(?:(?<= )|^){_DOT}(?= |$)", re.MULTILINE)


def spaced_dots(text: str, read: str) -> tuple[str, int]:
    """``text`` with each 路 set off by spaces (or a line's end) read back as ·, on the lines the
    re-read of spans changed (``read``: ``text`` after it, line for line), and how many. A line
    it left is clean (乘坐 36 路 公交车), whatever the page's other lines were."""
    if _DOT not in text:
        return text, 0
    lines, after = text.split("\n"), read.split("\n")
    if len(lines) != len(after):
        return text, 0  # lines joined or split: no line to say the re-read changed
    count = 0
    for k, (line, new) in enumerate(zip(lines, after, strict=True)):
        if line != new and _DOT in line:
            lines[k], n = _SPACED_DOT.subn("·", line)
            count += n
    return ("\n".join(lines), count) if count else (text, 0)


def repair(text: str) -> str:
    """Each such character read back as the sign or letter it was."""
    if not _holds_any(text) or not _PATTERN.search(text):
        return text

    def back(m: re.Match) -> str:
        if m.group() in _LETTERS and (_PINYIN_BEFORE.search(text, max(0, m.start() - SYLLABLE_MAX), m.start()) or _PINYIN_AFTER.match(text, m.end())):
            return m.group()  # between pinyin syllables (代dài茅máo元): ruby's character, not a misread letter
        return _BACK[m.group()]

    return _PATTERN.sub(back, text)


# A Latin word holding a pinyin tone mark, right before or after a place: the letters around it are
# a syllable of ruby, and the character between two of them is a Chinese character it annotates.
_TONED = "".join(sorted(TONE_MARKS))
SYLLABLE_MAX = 6  # letters of the longest pinyin syllable (zhuàng)
_PINYIN_BEFORE = re.compile(f"[{_TONED}][a-z{_TONED}]*\\Z")
_PINYIN_AFTER = re.compile(f"[a-z{_TONED}]*[{_TONED}]")
