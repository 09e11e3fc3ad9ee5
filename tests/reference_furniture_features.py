"""Reference oracle for the native furniture features (native/src/furniture.rs), kept from
cleaner/furniture/features.py and cleaner/furniture/lexicon.py.

The Python originals of a line's text features and of the lexicon's matching (phrases, key-value
forms, notices), unchanged, so that property tests can check that the native ones give the same
features for every line. Not part of the product.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cleaner.furniture.features import FEATURES, NOTICE_WORDS
from cleaner.furniture.lexicon import DATA

# Sentence-final punctuation (after NFKC: "。" stays, "！" -> "!"), with closing quotes/brackets.
_FINAL = re.compile(r"[。!?;…][”’」』)\]\"']*$|\.{3}$")
_CLAUSE = re.compile(r"[。!?;,、:…]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_DIGIT = re.compile(r"\d")
# A date: year-month(-day), month and day in words, or month-day written with a dash or slash when a
# time follows (a forum's "08-11 16:06": without the time, "3-5" is a score or a range).
_DATE = re.compile(r"(19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*(\d{1,2}\s*日?)?|\d{1,2}\s*月\s*\d{1,2}\s*日"
                   r"|(?<![\d./-])(0?[1-9]|1[0-2])[-/](0?[1-9]|[12]\d|3[01])\s+\d{1,2}:\d{2}(?!\d)")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(:\d{2})?(?!\d)")
_URL = re.compile(r"(?i)https?://|www\.|\b[\w-]+\.(com|cn|net|org|gov|edu)(\.cn)?\b|@[\w-]+\.")
_SEPARATOR = re.compile(r"\s\|\s|\||│|┃|>>|»|›|→|\s>\s|>|·|\s/\s|\s-\s|--")


def _name_dot(text: str, m: re.Match) -> bool:
    """A middle dot between two Han characters (in a line with clause punctuation) joins a name."""
    return (m.group() == "·" and m.start() > 0 and m.end() < len(text)
            and bool(_CJK.match(text[m.start() - 1])) and bool(_CJK.match(text[m.end()])))


_SENTENCE_ENDS = "。!?;"
_BUTTON = re.compile(r"【[^】]{1,8}】|\[[^\]]{1,8}\]|\([^)]{1,6}\)")  # a bracketed short label
_COUNT = re.compile(r"(\(\d+\)|\d+\s*(条|人|次)|[::]\s*\d+\s*$)")  # counters: (12), 35条, 点击:120
_ITEM_SPLIT = re.compile(r"\s*(?:\||│|┃|>>|»|›|·|/)\s*|\s+")
_BULLET = re.compile(r"^[·•\-*>■□◆◇▪●○]+\s*")

ROW_ITEM = 8  # characters: the longest item of a short row of link labels
ROW_LONG, ROW_ITEM_LONG = 6, 16  # a row of this many items may hold items this long
MENU_ITEMS = 8  # four-character items on a row this long are a menu's labels, not verse

TEXT_FEATURES = ("len_1_4", "len_5_12", "len_13_30", "len_31_80", "len_over_80", "final_punct", "clause_punct", "no_cjk",
                 "digit_share", "date", "time", "kv_filled", "kv_empty", "kv_many", "separators", "buttons", "counter",
                 "url", "bullet", "item_row", "lex_phrase", "lex_cover", "lex_short", "notice")


@dataclass(frozen=True)
class Lexicon:
    phrases_re: re.Pattern
    keys_re: re.Pattern
    notice_re: re.Pattern  # words of copyright, reprint and contact notices
    self_re: re.Pattern  # the words a site uses for itself in its notices (本网, 本站)
    heads_re: re.Pattern  # headings a notice starts with, before a colon (免责声明：)

    def notice(self, text: str, least: int) -> bool:
        if self.heads_re.match(text):
            return True
        if not any(not reported_at(text, own.start()) for own in self.self_re.finditer(text)):
            return False  # the site named only in someone's reported words (他表示，…本网…)
        return least == 0 or (len(set(self.notice_re.findall(text))) >= least and self._speaks_of_itself(text))

    def _speaks_of_itself(self, text: str) -> bool:
        """A sentence naming the site holds another notice word (see furniture.rs)."""
        for own in self.self_re.finditer(text):
            start = max(text.rfind(c, 0, own.start()) for c in _SENTENCE_ENDS) + 1
            ends = [i for c in _SENTENCE_ENDS if (i := text.find(c, own.end())) >= 0]
            end = min(ends, default=len(text))
            if any(start + m.end() <= own.start() or start + m.start() >= own.end()
                   for m in self.notice_re.finditer(text[start:end])):
                return True
        return False

    def phrases(self, text: str) -> tuple[int, int]:
        hits = covered = 0
        for m in self.phrases_re.finditer(text):
            hits += 1
            covered += m.end() - m.start()
        return hits, covered

    def key_values(self, text: str) -> tuple[int, int]:
        filled = empty = 0
        for m in self.keys_re.finditer(text):
            if m.group("value"):
                filled += 1
            else:
                empty += 1
        return filled, empty


_SAID = ("表示", "指出", "认为", "介绍", "透露", "强调", "坦言", "回应", "解释", "称", "说", "告诉记者", "提到", "呼吁", "坦承", "直言", "提醒")
_NOTE_HEADS = ("温馨", "特别", "友情", "重要", "郑重", "再次")
_SITE = ("本网", "本站", "本平台", "本报", "本刊", "本号", "我网", "我站", "本台", "本栏目", "本频道", "本文", "本篇", "以上内容")


def _names_site(speaker: str) -> bool:
    return any(not speaker[m.end():].startswith("记者") for w in _SITE for m in re.finditer(re.escape(w), speaker))


def says(sentence: str, ended: bool) -> bool:
    """A speaker and a verb of saying, marked or closing the sentence (see reported_speech.rs)."""
    for verb in _SAID:
        for m in re.finditer(re.escape(verb), sentence):
            rest = sentence[m.end():]
            nxt = rest[:1]
            if nxt == "":
                marked = ended
            elif nxt in ",，“「『":
                marked = True
            elif nxt in ":：":
                marked = len(verb) > 1 or rest[1:2] in ("“", "「", "『")
            else:
                marked = ended and not rest.strip()
            speaker = re.split(r"[,:，：]", sentence[:m.start()])[-1].strip()
            if marked and speaker and not _names_site(speaker) and not (verb == "提醒" and speaker.endswith(_NOTE_HEADS)):
                return True
    return False


def reports(sentence: str) -> bool:
    """The sentence reports someone's words (see reported_speech.rs)."""
    return says(sentence, True)


def reported_at(text: str, at: int) -> bool:
    """The text at ``at`` stands in someone's reported words (see reported_speech.rs)."""
    before = text[:at]
    depth = 0
    for c in before:
        if c in "“「『":
            depth += 1
        elif c in "”」』":
            depth = max(depth - 1, 0)
    if depth:
        return True
    start = max((before.rfind(c) for c in "。!?;！？；"), default=-1) + 1
    return says(before[start:], False)


# The mechanism site_notes.py used before the native one replaced it (session 34): a verb of its
# list followed by a comma, a colon or a quote, or closing the sentence, and a speaker (the clause
# before it) naming none of the page's subjects. Kept as the record of the cases it covered.
SITE_NOTES_SAID = re.compile(r"(?:表示|指出|认为|提醒|介绍|透露|强调|坦言|回应|解释|称|说)(?:[,:“]|$)")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _normal(words: list[str]) -> list[str]:
    return [unicodedata.normalize("NFKC", w).strip() for w in words if w.strip()]


def build_lexicon(phrases: list[str], keys: list[str], notice: list[str], own: list[str], heads: list[str]) -> Lexicon:
    """The regexes of ``lexicon.py`` from word lists (NFKC, stripped)."""
    # A key is a key when a colon follows it; the value runs to the next separator or key.
    keys_re = re.compile(
        rf"(?:^|[\s|/(\[【])(?:{_alternation(keys)})\s*:[ \t]?(?P<value>(?:(?!\s{{2,}}|\s\|)[^|【\[])*?)"
        rf"(?=\s*(?:$|\||【|\[|\s(?:{_alternation(keys)})\s*:|\s{{2,}}))"
    )
    return Lexicon(re.compile(_alternation(phrases)), keys_re, re.compile(_alternation(notice)),
                   re.compile(_alternation(own)), re.compile(rf"[(\[【]?\s*(?:{_alternation(heads)})\s*[】\])]?\s*:"))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DATA / "lexicon.toml") -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return build_lexicon(_normal([w for group in data["phrases"].values() for w in group]), _normal(data["keys"]["words"]),
                         _normal(data["notice"]["words"]), _normal(data["notice"]["self"]), _normal(data["notice"]["heads"]))


def normalise(folded_line: str) -> str:
    return unicodedata.normalize("NFKC", folded_line).strip()


def text_features(text: str, lexicon: Lexicon) -> dict[str, float]:
    """Features of the line alone (no position). ``text``: folded and NFKC-normalised."""
    n = len(text.replace(" ", ""))
    f = dict.fromkeys(FEATURES, 0.0)
    f["len_1_4"] = float(n <= 4)
    f["len_5_12"] = float(5 <= n <= 12)
    f["len_13_30"] = float(13 <= n <= 30)
    f["len_31_80"] = float(31 <= n <= 80)
    f["len_over_80"] = float(n > 80)
    f["final_punct"] = float(bool(_FINAL.search(text)))
    f["clause_punct"] = min(len(_CLAUSE.findall(text)), 4) / 4
    f["no_cjk"] = float(not _CJK.search(text))
    f["digit_share"] = len(_DIGIT.findall(text)) / max(n, 1)
    f["date"] = float(bool(_DATE.search(text)))
    f["time"] = float(bool(_TIME.search(text)))
    filled, empty = lexicon.key_values(text)
    f["kv_filled"] = float(filled > 0)
    f["kv_empty"] = float(empty > 0)
    f["kv_many"] = float(filled + empty >= 2)
    clauses = bool(_CLAUSE.search(text))
    f["separators"] = min(sum(1 for m in _SEPARATOR.finditer(text) if not (clauses and _name_dot(text, m))), 4) / 4
    f["buttons"] = min(len(_BUTTON.findall(text)), 3) / 3
    f["counter"] = float(bool(_COUNT.search(text)))
    f["url"] = float(bool(_URL.search(text)))
    f["bullet"] = float(bool(_BULLET.match(text)))
    f["item_row"] = float(item_row(text))
    hits, covered = lexicon.phrases(text)
    f["lex_phrase"] = min(hits, 3) / 3
    f["lex_cover"] = covered / max(len(text), 1)
    f["lex_short"] = float(hits > 0 and n <= 30)
    f["notice"] = float(lexicon.notice(text, NOTICE_WORDS))
    return f


def item_row(text: str) -> bool:
    if _CLAUSE.search(text) or not _CJK.search(text):
        return False
    items = [x for x in _ITEM_SPLIT.split(text) if x]
    if len(items) < 3 or max(len(x) for x in items) > (ROW_ITEM_LONG if len(items) >= ROW_LONG else ROW_ITEM):
        return False
    menu_long = len(items) >= MENU_ITEMS and len(items[0]) == 4  # eight four-character labels: a menu, no verse
    verse = len({len(x) for x in items}) == 1 and len(items[0]) >= 4 and not menu_long and not _SEPARATOR.search(text)
    return not verse


# The marks of a short line (features.end_marker, features.comment_header), native since session 33
# (native/src/furniture_marks.rs): the originals, unchanged, with the lexicon's patterns of their words.
MARK_MAX = 40  # characters: an end marker or a comment header is a short line, not a sentence
_COMPLETE = re.compile(r"[(\[【]\s*(全文)?完\s*[)\]】]\s*$")  # "(完)" closing the last paragraph

# A link to the previous or next piece of a series, by the unit it counts in, whatever the site
# (上一篇, 下一页, 前一期, 后一章; lessons: 上一节, 下一讲, 下一课, but not before what a lesson asks).
_PREV_NEXT = re.compile(r"^[【\[<«]?\s*[上下前后]一(?:(?:篇|条|则|期|集|章|话|回|首|帖|贴|封|页)(?:$|[:\s】\]>»])"
                        r"|(?:节|讲|课)(?:$|[】\]>»]|[:\s](?!\s*(?:预习|背诵|复习|完成|学习|练习|阅读|思考|朗读|默写))))")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Marks:
    ends_re: re.Pattern
    comments_re: re.Pattern


@lru_cache(maxsize=4)
def load_marks(path: Path = DATA / "lexicon.toml") -> Marks:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    alternation = lambda words: "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))  # noqa: E731
    return Marks(re.compile(alternation(_normal(data["ends"]["words"]))), re.compile(alternation(_normal(data["comments"]["words"]))))


def end_marker(text: str, f: dict[str, float], marks: Marks) -> bool:
    if "完" in text and _COMPLETE.search(text):  # the substring test spares the search on most lines
        return True
    return (len(text) <= MARK_MAX and not f["final_punct"] and f["clause_punct"] < 0.5
            and (bool(_PREV_NEXT.match(text))
                 or any(_set_apart(text, m.start(), m.end()) for m in marks.ends_re.finditer(text))))


def comment_header(text: str, f: dict[str, float], marks: Marks) -> bool:
    return (len(text) <= MARK_MAX and not f["final_punct"] and f["clause_punct"] < 0.5
            and any(_set_apart(text, m.start(), m.end()) for m in marks.comments_re.finditer(text)))


def _set_apart(text: str, start: int, end: int) -> bool:
    return not (start > 0 and end < len(text) and _HAN_CHAR.match(text, start - 1) and _HAN_CHAR.match(text, end))
