"""Pinyin and zhuyin written after the characters they read, in every form pages hold them, and
which of them are the damage rather than the text (docs/repair.md §3.1).

A note is one annotation that checks out: ``國（guó）``, ``國 (guo2)``, ``國【guó】``, ruby copied
without brackets (``國guó``), zhuyin (``國(ㄍㄨㄛˊ)``, ``國ㄍㄨㄛˊ``), or a word followed by its
syllables (``國務院(guówùyuàn)``, ``(guó wù yuàn)``, ``(guó'wù'yuàn)``, ``(guo2wu4yuan4)``). Its
form is its bracket and its script (pinyin or zhuyin): the damage writes one form all over a page.

The same forms are written on purpose: a lesson (多音字 ``长（zhǎng）大``), a gloss of a rare
character (``耄耋（mào dié）``). The damage annotates characters at random, so most of what it
annotates is common characters read their commonest way (个 gè, 天 tiān, 在 zài), whose reading
nobody writes on purpose; it annotated Traditional characters in the crawl that made it
(docs/corruption.md). Either shows a form is the damage; a lesson's own words (读作, 多音字,
拼音…) show the text is about readings, and keep it. Ruby over nearly every character of running
text, in either script, is not the article's text but a layer over it (a page's ``<rt>``, which
text extractors drop): it goes unless a lesson's words stand in it or beside it, or the page is
laid out as a learner's (``lesson_layout``: numbered short sentences, a dialogue, verse, a pinyin
line of its own, English translations).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from cleaner.chardata import count_han
from cleaner.repair.pinyin import TONE_MARKS, has_tone, is_annotation_syllable, main_reading, readings, written_reading, zhuyin_reading
from cleaner.script.fold import fold_char

# The brackets an annotation is written in: ASCII, fullwidth, square, the CJK ones (【guó】, the
# commonest Chinese "square" bracket, 〔〕 and 〖〗), angle and curly ones.
OPEN, CLOSE = "(（\\[［【〔〖<＜〈{｛", ")）\\]］】〕〗>＞〉}｝"
LETTERS = "A-Za-zÜü\u00c0-\u01dc\u1e3f\uff21-\uff3a\uff41-\uff5a"
# One syllable in a bracket, as people write it: a space before or inside, capitals, a tone
# number (guo2, lv4) or none. The space after goes only with one before (``_note``).
VARIANT = regex.compile(r"(?<=(\p{Han}))[ \u3000]?[" + OPEN + r"] ?([" + LETTERS + r"]{1,7}[0-5０-５]?) ?["
                        + CLOSE + r"](?:[ \u3000](?=\p{Han}))?")
# Ruby text copied out of a page loses its brackets (國guó務wù院): a syllable directly after a Han
# character, not followed by a lower-case letter (it would be part of a word); a number or a
# capital may follow: 於yú1088年nián4月yuè, 及jíDNA.
BARE = regex.compile(r"(?<=(\p{Han}))([a-zü\u00e0-\u01dc\u1e3f]{1,6})(?!\p{Ll})")
# Zhuyin (bopomofo), Taiwan's phonetic script, in the same places: 醫(ㄧ)學(ㄒㄩㄝˊ), 醫ㄧ學ㄒㄩㄝˊ. The
# neutral tone's dot may come first (˙ㄉㄜ) or last; the first tone is unmarked or ˉ.
BOPOMOFO = "\u3105-\u312f\u31a0-\u31bf"
_ZHUYIN = r"˙?[" + BOPOMOFO + r"]{1,4}[ˉˊˇˋ˙]?"
ZHUYIN_VARIANT = regex.compile(r"(?<=(\p{Han}))[ \u3000]?[" + OPEN + r"] ?(" + _ZHUYIN + r") ?[" + CLOSE + r"](?:[ \u3000](?=\p{Han}))?")
ZHUYIN_BARE = regex.compile(r"(?<=(\p{Han}))(" + _ZHUYIN + r")(?![" + BOPOMOFO + r"ˉˊˇˋ˙])")
# A word and its syllables: lower case (a capitalised gloss is a romanised name, 北京（Běijīng）),
# joined, spaced or split by apostrophes; which of the Han characters before it they read is
# found by ``_word``.
WORD = regex.compile(r"[ \u3000]?[" + OPEN + r"] ?([a-zü\u00e0-\u01dc\u1e3f][a-zü\u00e0-\u01dc\u1e3f0-5' ’]{2,60}) ?["
                     + CLOSE + r"](?:[ \u3000](?=\p{Han}))?")
# The same in zhuyin: 國務院(ㄍㄨㄛˊ ㄨˋ ㄩㄢˋ), 國務院（ㄍㄨㄛˊㄨˋㄩㄢˋ）.
ZHUYIN_WORD = regex.compile(r"[ \u3000]?[" + OPEN + r"] ?((?:" + _ZHUYIN + r"[ \u3000]?){2,12}?) ?[" + CLOSE
                            + r"](?:[ \u3000](?=\p{Han}))?")
_HAN_BEFORE = regex.compile(r"\p{Han}{2,8}$")
# What a note ends with: its bracket, or a bare reading's last letter or tone sign.
_NOTE_END = re.compile("[" + CLOSE + "a-zü" + "".join(sorted(TONE_MARKS)) + BOPOMOFO + "ˉˊˇˋ˙]")
_HAN = regex.compile(r"\p{Han}")
# A text about readings: its annotations are its subject. Compiled by ``regex``, which searches
# this alternation of fifty words three times as fast as ``re`` (it is asked of every annotated line).
LESSON = regex.compile("读音|讀音|读作|讀作|读成|讀成|读为|讀為|读第|讀第|念作|唸作|念成|唸成|多音|破音|注音|拼音|发音|發音|"
                    "声调|聲調|音同|又读|又讀|生字|字音|标音|標音|读法|讀法|韵母|韻母|声母|聲母|"
                    "第[一二三四五六七八九十百0-9０-９]+[课課]|[课課]文|跟我[读讀念唸]|[跟拼认認朗][读讀]|"
                    "HSK|例句|生词|生詞|造句|词语表|詞語表|汉语水平|漢語水平|对外汉语|對外漢語")
# What a common character's unigram (log, folded) is at least: 惯 and 赏 are (-9.4), 霜 (-10.4)
# and the rare characters glosses explain (耄 -13.6, 荨 -13.7) are not.
COMMON = -10.0
RUBY = 0.9  # the share of a line's Han characters a note covers in ruby over the whole line
RUBY_NOTES = 4  # ruby over a line holds four notes at least (春（chūn）天（tiān）来（lái）了（le）)
RUBY_TRADITIONAL_PARTS = 5


class Note(NamedTuple):  # a tuple, not a frozen dataclass: a page makes thousands, at a third of the cost
    start: int
    end: int
    chars: str  # the characters it reads
    readings: tuple[str, ...]  # the reading of each, as the table writes it
    form: tuple[str, str]  # (its bracket, "" for bare; "pinyin" or "zhuyin")
    toned: bool  # written with a tone (a mark, a number, a zhuyin sign)
    item: bool  # what it reads stands alone between signs (、给予（jǐ yǔ）、): a list of glosses


# What every note starts with: a Han character, then a bracket or the reading's first letter.
_MAY_HOLD = regex.compile(r"\p{Han}[ \u3000]?(?:[" + OPEN + r"] ?)?[" + LETTERS + BOPOMOFO + r"˙]")
_TONED_LETTER = re.compile("[" + "".join(sorted(TONE_MARKS)) + "]")
_HAS_ZHUYIN = re.compile("[" + BOPOMOFO + "]")


@lru_cache(maxsize=64)
def notes(text: str) -> tuple[Note, ...]:
    """Every annotation in ``text`` that checks out against the readings of what it follows (kept
    for a few lines: the page's pass and the line's removal both ask)."""
    if not _MAY_HOLD.search(text):
        return ()
    found: dict[int, Note] = {}
    for m in VARIANT.finditer(text):
        r = written_reading(m.group(1), m.group(2))
        if r:
            found[m.start()] = _note(m, m.group(1), (r,), "pinyin", has_tone(m.group(2)) or m.group(2)[-1].isdigit())
    # Bare ruby is known by its tone marks (a toneless one counts only in ruby that has them too).
    for m in BARE.finditer(text) if _TONED_LETTER.search(text) else ():
        r = m.group(2) if m.group(2) in readings(m.group(1)) else "" if has_tone(m.group(2)) else written_reading(m.group(1), m.group(2))
        if r:
            found[m.start()] = _note(m, m.group(1), (r,), "pinyin", has_tone(m.group(2)))
    for rx in (ZHUYIN_VARIANT, ZHUYIN_BARE) if _HAS_ZHUYIN.search(text) else ():
        for m in rx.finditer(text):
            r = zhuyin_reading(m.group(1), m.group(2))
            if r:
                found[m.start()] = _note(m, m.group(1), (r,), "zhuyin", True)
    for m in WORD.finditer(text):
        if m.start() not in found and (before := _HAN_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            if word := _word(before.group(0), m.group(1), written_reading):
                chars, rs = word
                found[m.start()] = _note(m, chars, rs, "pinyin", has_tone(m.group(1)) or any(c.isdigit() for c in m.group(1)))
    for m in ZHUYIN_WORD.finditer(text) if _HAS_ZHUYIN.search(text) else ():
        if m.start() not in found and (before := _HAN_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            if word := _word(before.group(0), m.group(1), zhuyin_reading):
                found[m.start()] = _note(m, *word, "zhuyin", True)
    return tuple(sorted(found.values(), key=lambda n: n.start))


# What a bare note starts with (BARE without its look-ahead).
_HAN_THEN_LETTER = regex.compile(r"\p{Han}[a-zü\u00e0-\u01dc\u1e3f]")


# What every bracketed note holds: its opening bracket, a space allowed, then a letter or zhuyin.
_OPENS_NOTE = re.compile("([" + OPEN + "]) ?[" + LETTERS + BOPOMOFO + "˙]")


def possible_forms(text: str) -> set[tuple[str, str]]:
    """Every form a note of ``text`` could have (``notes``, without reading them): a bracket's
    only where ``text`` holds it before a letter or zhuyin (not ``（学名``), a bare note's only
    after a Han character, zhuyin's only with a zhuyin letter. A superset, at the cost of a few
    searches: lines all of whose possible forms are known already need not be read
    (``annotations.page_forms``)."""
    brackets = set(_OPENS_NOTE.findall(text))
    forms = {(b, "pinyin") for b in brackets}
    if _TONED_LETTER.search(text) and _HAN_THEN_LETTER.search(text):
        forms.add(("", "pinyin"))
    if _HAS_ZHUYIN.search(text):
        forms |= {(b, "zhuyin") for b in brackets}
        forms.add(("", "zhuyin"))
    return forms


def _note(m: regex.Match, chars: str, rs: tuple[str, ...], script: str, toned: bool) -> Note:
    text, start, end = m.string, m.start(), m.end()
    first = start - len(chars)
    # Before it, a closing bracket or a reading's letter is another note's (一个（gè）人（rén）,
    # 月yuè光guāng): running text.
    item = (first == 0 or not (_is_han(text[first - 1]) or _NOTE_END.match(text[first - 1]))) and (end == len(text) or not _is_han(text[end]))
    if text[end - 1] in " \u3000" and text[start] not in " \u3000":
        end -= 1  # 場（chǎng） 接近: the space after is the text's; one goes only with one before
    bracket = text[start] if text[start] in OPEN else text[start + 1] if text[start] in " \u3000" and text[start + 1] in OPEN else ""
    return Note(start, end, chars, rs, (bracket, script), toned, item)


@lru_cache(maxsize=1 << 14)
def _is_han(ch: str) -> bool:
    """``_HAN`` of one character, kept: asked twice a note, of the characters around it."""
    return _HAN.match(ch) is not None


def _word(before: str, written: str, read: Callable[[str, str], str]) -> tuple[str, tuple[str, ...]] | None:
    """The last characters of ``before`` that ``written`` reads one syllable each (``read``: pinyin
    or zhuyin), two or more: (國務院, (guó, wù, yuàn)) for 說國務院 and guówùyuàn; None when no
    run reads so."""
    for n in range(2, len(before) + 1):
        got = _split(before[-n:], written, read)
        if got:
            return before[-n:], got
    return None


_TONE_SIGNS = "ˉˊˇˋ"


def _split(chars: str, written: str, read: Callable[[str, str], str]) -> tuple[str, ...] | None:
    written = written.lstrip(" \u3000'’")
    if not chars:
        return () if not written else None
    for k in range(min(7, len(written)), 0, -1):  # a syllable: up to six letters and a tone number
        piece = written[:k]
        if any(c in " \u3000'’" for c in piece) or any(c.isdigit() for c in piece[:-1]) or piece[0].isdigit():
            continue
        if k < len(written) and not piece[-1].isdigit() and (written[k].isdigit() or written[k] in _TONE_SIGNS):
            continue  # guo2, ㄍㄨㄛˊ: the tone belongs to the syllable before it
        r = read(chars[0], piece)
        if r and (rest := _split(chars[1:], written[k:], read)) is not None:
            return (r, *rest)
    return None


def damaged_forms(text: str, found: Sequence[Note], lesson_near: bool = False) -> set[tuple[str, str]]:
    """The forms whose notes in ``text`` (a line, or a piece of one) are the damage's pattern;
    ``lesson_near``: a lesson's words stand beside ``text`` (``annotations.page_forms`` looks), so
    ruby over it may be the lesson's."""
    if not found:
        return set()
    lesson = is_lesson(text)
    han = _han(text)
    by_form: dict[tuple[str, str], list[Note]] = defaultdict(list)
    for n in found:
        by_form[n.form].append(n)
    # Pinyin on Traditional characters counts over all its forms of the line (國（guo2）務 [wù] 院).
    traditional = sum(1 for n in found if n.form[1] == "pinyin" and (n.toned or n.form[0]) and _traditional(n.chars))
    return {form for form, group in by_form.items()
            if (_strong(group) if lesson else _damage(text, form, group, han, traditional, lesson_near))}


STRONG = 8


def _strong(group: list[Note]) -> bool:
    """The damage's pattern on a line that speaks of readings (发音, 拼音 in an article on
    phonetics): a lesson glosses a few characters, the damage annotates common or Traditional
    characters by the dozen."""
    if len(group) < STRONG:
        return False
    return sum(1 for n in group if _needless(n) or _traditional(n.chars)) * 2 >= len(group)


def _damage(text: str, form: tuple[str, str], group: list[Note], han: int, traditional_pinyin: int,
            lesson_near: bool) -> bool:
    traditional = [n for n in group if _traditional(n.chars)]
    ruby = sum(len(n.chars) for n in group) >= han * RUBY
    if ruby and not lesson_near and _running_ruby(group):
        # Ruby over the running text of the whole line: a layer over the text, not the text (a
        # page's <rt>), on either script and in zhuyin too.
        return True
    if ruby and form[1] == "pinyin" and len(group) >= RUBY_NOTES:
        # Ruby beside a lesson, or over a list of words: the damage's when Traditional characters
        # are among those it reads (a fifth of them at least: t2s folds a character or two both
        # scripts write, 乾隆).
        return len(traditional) >= 2 and len(traditional) * RUBY_TRADITIONAL_PARTS >= len(group)
    if form == ("", "pinyin"):
        group = [n for n in group if n.toned]  # bare and toneless: a word (他说hǎo的 has a tone)
        traditional = [n for n in traditional if n.toned]
    if form[1] == "zhuyin":
        # Zhuyin is the subject of Taiwanese lessons: on Traditional characters it is the damage
        # only all over them (three in four or more) and on them alone; ruby beside a lesson
        # holds shared characters too (注音符號練習 over 小(ㄒㄧㄠˇ)明(ㄇㄧㄥˊ)的(˙ㄉㄜ)).
        trad_chars = sum(1 for c in _HAN.findall(text) if _traditional(c))
        if len(group) >= 2 and len(traditional) == len(group) and len(group) * 4 >= trad_chars * 3:
            return True
    elif traditional and traditional_pinyin >= 2:
        return True
    if ruby:
        return False  # every character of a line read beside a lesson, or of a list: as above
    needless = sum(1 for n in group if _needless(n))
    return len(group) >= 3 and needless >= 3 and needless * 2 >= len(group)


def _running_ruby(group: Sequence[Note]) -> bool:
    """Are ``group``'s notes, which read nearly every Han character of their line, ruby over
    running text? Four or more, most of them within the text: a list of words with their readings
    (你好（nǐ hǎo）！谢谢（xiè xie）！, 给予（jǐ yǔ）、档案（dàng àn）) names each item whole."""
    return len(group) >= RUBY_NOTES and sum(1 for n in group if n.item) * 2 < len(group)


def under_ruby(text: str, found: Sequence[Note]) -> bool:
    """Do the notes of one form read nearly every Han character of ``text`` (a line, or a piece of
    one), one note or more? Such lines in a row are one text under ruby (a poem and its title),
    judged with the lines beside them (``lesson_near``)."""
    han = _han(text)
    by_form: dict[tuple[str, str], int] = defaultdict(int)
    for n in found:
        by_form[n.form] += len(n.chars)
    return han > 0 and max(by_form.values()) >= han * RUBY


def running_text(text: str, found: Sequence[Note]) -> bool:
    """Is ``text`` neither a lesson nor ruby over every character (whose notes are the text's)?"""
    return not is_lesson(text) and sum(len(n.chars) for n in found) < _han(text) * RUBY


SCATTERED = 4


def scattered_forms(found: Sequence[Note]) -> set[tuple[str, str]]:
    """The forms whose notes over a page's running text (``running_text``) are the damage's
    pattern though no line holds enough of them: four or more, most of them needless."""
    by_form: dict[tuple[str, str], list[Note]] = defaultdict(list)
    for n in found:
        if n.toned or n.form[0]:
            by_form[n.form].append(n)
    return {form for form, group in by_form.items()
            if (needless := sum(1 for n in group if _needless(n))) >= SCATTERED and needless * 2 >= len(group)}


def removable(text: str, found: Sequence[Note], forms: set[tuple[str, str]]) -> list[Note]:
    """The notes of ``text`` that go, given the forms the page shows the damage in: all of those
    forms, on shared characters too (dropping only the Traditional characters' notes would leave
    a hybrid that is neither the text nor the lesson). Bare toneless syllables only in ruby over
    the line (他说hǎo de: a word)."""
    if not forms:
        return []
    out = [n for n in found if n.form in forms]
    bare = [n for n in out if n.form == ("", "pinyin")]
    if bare and sum(len(n.chars) for n in bare) < _han(text) * RUBY:
        out = [n for n in out if n.form != ("", "pinyin") or n.toned]
    return out


@lru_cache(maxsize=64)
def is_lesson(text: str) -> bool:
    """Does ``text`` speak of readings (``LESSON``)? Kept for a few lines, as ``notes``: the page's
    pass and the line's tests each ask."""
    return LESSON.search(text) is not None


@lru_cache(maxsize=64)
def _han(text: str) -> int:
    """How many Han characters ``text`` holds (``\\p{Han}``'s, counted at C speed), kept for a few
    lines: whether a line is under ruby, is running text, and its damaged forms each ask."""
    return count_han(text)


def _traditional(chars: str) -> bool:
    return any(fold_char(c) != c for c in chars)


def _needless(n: Note) -> bool:
    """Does ``n`` give common characters their commonest reading, with its tone, which nobody
    glosses, within running text? (A list of glosses, 给予（jǐ yǔ）、档案（dàng àn）, names each item
    whole; toneless pinyin after a word is how names and brands are spelled: 支付宝(zhifubao).)"""
    return n.toned and not n.item and all(_common(c) and r == main_reading(c) for c, r in zip(n.chars, n.readings))


@lru_cache(maxsize=1 << 14)
def _common(ch: str) -> bool:
    from cleaner.langmodel import model  # the tables load only on a page that holds annotations

    return model().unigram(ch) >= COMMON


# A learner's page shows itself by its layout as well as by its words (LESSON): ruby over short
# numbered sentences (HSK's 1. 我（wǒ）是（shì）学（xué）生（sheng）。), over a dialogue's turns (A：…
# B：…), over verse (a poem's lines of five or seven characters a clause), beside a line of pinyin
# of its own (the title's jìng yè sī), or short sentences each followed by its English translation.
# A notice or a paper under a ruby layer has numbered headings and long numbered clauses, an
# English title and abstract: not these.
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}[.、．)）]|[(（]\d{1,2}[)）]|[①-⑳])")
SENTENCE_HAN = 20  # Han characters a lesson's sentence holds at most (你叫什么名字？)
_SENTENCE_END = re.compile(r"[。？！?!]\s*$")
_SPEAKER = re.compile(r"\s*([A-Za-z甲乙丙丁问答問男女])\s*[：:]")
_CLAUSES = re.compile(r"[，。？！；、,.?!;\s]+")
_VERSE = (5, 7)  # a clause of classical verse: five or seven characters
_PINYIN_TOKEN = re.compile(r"[A-Za-zÀ-ǜḿ'’]+")
_PINYIN_LINE = re.compile(r"[A-Za-zÀ-ǜḿ'’\s,.?!;:，。？！；：、-]+")
_TRANSLATION = re.compile(r"[A-Z][A-Za-z',\- ]*[.?!]")
TRANSLATION_WORDS = (3, 20)  # words of a lesson sentence's translation
LESSON_LINES = 2  # numbered sentences, turns, verse lines or translated sentences that make a lesson


def lesson_layout(blocks: Sequence[Sequence[str]], after: Sequence[str], beside: Sequence[str]) -> bool:
    """Do the page's blocks of lines under ruby (``blocks``: their lines, notes removed), the line
    after each block (``after``) and the lines beside them all (``beside``) show a learner's layout
    (see above)?"""
    for lines in blocks:
        numbered = sum(1 for line in lines if _ITEM_NUMBER.match(line) and _short_sentence(line))
        speakers = [m.group(1) for line in lines if (m := _SPEAKER.match(line))]
        verse = sum(1 for line in lines if _verse(line))
        if numbered >= LESSON_LINES and numbered * 3 >= len(lines) * 2 or verse >= LESSON_LINES or \
                len(speakers) >= LESSON_LINES and len(set(speakers)) >= 2:
            return True
    translated = sum(1 for lines, line in zip(blocks, after, strict=True) if len(lines) == 1 and _short_sentence(lines[0])
                     and _translation(line))
    return translated >= LESSON_LINES or any(_pinyin_line(line) for line in beside)


def _short_sentence(line: str) -> bool:
    return len(_HAN.findall(line)) <= SENTENCE_HAN and _SENTENCE_END.search(line) is not None


def _verse(line: str) -> bool:
    clauses = [c for c in _CLAUSES.split(line) if c]
    return len(clauses) >= 2 and len({len(c) for c in clauses}) == 1 and len(clauses[0]) in _VERSE and \
        all(len(_HAN.findall(c)) == len(c) for c in clauses)


def _pinyin_line(line: str) -> bool:
    """A line of pinyin alone (jìng yè sī, wǒ shì zhōngguó rén.): three syllables at least, tones marked."""
    if not _PINYIN_LINE.fullmatch(line.strip() or "-") or not _TONED_LETTER.search(line):
        return False
    syllables = 0
    for token in _PINYIN_TOKEN.findall(line.lower()):
        count = _syllables(token.replace("'", "").replace("’", ""))
        if count is None:
            return False
        syllables += count
    return syllables >= 3


@lru_cache(maxsize=1 << 12)
def _syllables(word: str) -> int | None:
    """How many syllables ``word`` splits into (guó, zhōngguó), or None."""
    if not word:
        return 0
    for k in range(min(6, len(word)), 0, -1):
        if is_annotation_syllable(word[:k]) and (rest := _syllables(word[k:])) is not None:
            return rest + 1
    return None


def _translation(line: str) -> bool:
    """An English sentence of a few words, alone on its line (I am a student.)."""
    line = line.strip()
    return _TRANSLATION.fullmatch(line) is not None and TRANSLATION_WORDS[0] <= len(line.split()) <= TRANSLATION_WORDS[1]
