"""A site's note to its reader written as a sentence, below or above the article: a disclaimer,
reprint terms, a call to follow, share, subscribe or download, browser advice, comment rules, a
sign-off (``data/site_notes.toml``).

Punctuated as sentences, such lines are protected from the line model (``generic.protected``: a
sentence without a furniture sign of its own stays), and the lexicon's notice needs three notice
words and the site's name for itself (``本站…版权…转载…``). What tells a note from the article is
what it speaks of: the page itself (本文, 以上内容, 本站, 我们) and one of the page's own matters
(reliance, rights, the reader's acts on the page, viewing, comment rules), in one sentence; or a
reader's act on the page alone (点赞, 点个在看, 分享给好友). An article speaks of its subject, reports
others' words (法官提醒，…) and quotes names (“关注即送”); the site's note speaks for itself and, of the
reader's acts, asks them of the reader (欢迎关注, 扫码即可下载): 本网将持续关注 is the site's own work.

The body found over the page's prose is ended above the notes closing it and started below the
notes opening it (``without_notes``); then only lines outside the body are asked (``generic.decide``), never a row the article
counts or lists, nor a line opening with an ordinal (a how-to's step ``二、下载并安装…APP``), nor a
paragraph of more than ``NOTE_MAX`` characters (an article's last paragraph may speak of its site).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cleaner._native import furniture_reports

DATA = Path(__file__).resolve().parent / "data"
NOTE_MAX = 160  # characters: a note is a sentence or three, not a paragraph of the article
NOTE_REACH = 4  # lines at the body's end read for the site's notes
GAP_MAX = 60  # characters of a line between two notes, or under one at the body's end (a hotline, a disclaimer)
# The first person singular: a note of the author's, not the site's (我们, 我站, 我网 are the site).
_AUTHOR = re.compile(r"我(?![们們站网網司院局馆館行])")
# The site's own reporting in the article: its dateline and its reporters (本报讯, 本网记者, 本台评论员),
# no note (本报讯 …著作权纠纷案 opens a court report).
_REPORTER = re.compile(r"本[报網网台刊站](?:讯|訊|记者|記者|通讯员|通訊員|评论员|評論員|特约|特約|专稿|專稿)")
_SENTENCES = re.compile(r"[^。！？!?；;]+")
# A part of the page by its kind opening the line (after a note's heading: 温馨提示：), then what the note says
# of it: who gave it (由), its use (仅), its source (来自, 转载自), its standing (以…为准, 为, 系). An article's
# sentence names its subject, not the page's information, content, forecast or article (session 41).
_PART = re.compile(r"(?:[^\s:：，,。]{2,6}[:：])?[\u3400-\u9fff]{0,4}(?:信息|内容|资讯|资料|数据|价格|报价|观点|预报|图片|素材|视频|文章|稿件)"
                   r"(?:由|仅|均|来自|来源于|转载自|整理自|以|为|系|纯属)")
# What a sentence quotes names a thing or gives someone's words (“关注即送”是一种引流手段): no act
# or matter of the page's.
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")
# Words asking the reader (欢迎, 请, 记得, 点击, 长按, 即可): a call to act is addressed to them.
_ASKING = re.compile(r"欢迎|请|记得|别忘|可以|可在|可通过|即可|点击|长按|一起|快来|赶快|赶紧")
# A step or an item of the article's own list: 二、, 3., (一), 第一步, ①.
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、)]|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]+步|[①-⑳])")


@dataclass(frozen=True)
class NoteWords:
    subjects: re.Pattern  # the page, the site, its readers' words
    site: re.Pattern  # the site's, its readers' words: not the author's (本文, 这篇文章)
    matters: dict[str, re.Pattern]  # kind -> the phrases of that kind of note
    alone: re.Pattern  # a reader's act on the page, a note with no subject
    anchor: re.Pattern  # a subject or an act alone: a line holding neither is no note (one search of most lines)


def _pattern(words: list[str]) -> re.Pattern:
    words = [unicodedata.normalize("NFKC", w).strip().lower() for w in words if w.strip()]
    # An alternation of the words alone: re reads their first characters as the pattern's first, and
    # skips ahead from one to the next (a look-ahead for them, first written to pass over the other
    # positions, named re none: the pattern was tried at every position, 1.5-8x slower, session 39).
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")")


@lru_cache(maxsize=2)
def load_note_words(path: Path = DATA / "site_notes.toml") -> NoteWords:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    subjects = [w for group in data["subjects"].values() for w in group]
    matters = {kind: _pattern(words) for kind, words in data["matters"].items() if words}
    alone = data["acts"]["alone"]
    if not subjects or not matters or not alone:
        raise ValueError(f"{path}: site notes need [subjects], [matters] and [acts] alone")
    site = data["subjects"]["site"] + data["subjects"]["readers"]
    return NoteWords(_pattern(subjects), _pattern(site), matters, _pattern(alone), _pattern(subjects + alone))


def site_note(text: str, words: NoteWords | None = None, site_only: bool = False, parts: bool = False) -> str:
    """The kind of note (``reliance``, ``rights``, ``acts``, ``viewing``, ``rules``, or ``act``
    for a reader's act alone) a folded, NFKC line is, or "" when it is none. ``site_only``: the
    subject must be the site or its readers (本站, 网友评论), not the text (本文, 以上内容). ``parts``:
    a sentence opening with a part of the page by its kind (职位信息由…, 天气预报仅…, 文章转载自…:
    ``_PART``) names its subject too; asked of lines outside the article's body only (session 41)."""
    if len(text) > NOTE_MAX or _ORDINAL.match(text):
        return ""
    words = words or load_note_words()
    part = parts and _PART.match(text.lower()) is not None
    if not (part or words.anchor.search(text.lower())) or _AUTHOR.search(text):
        return ""  # the author speaking of the text (本文为我原创，禁止转载): the article's own words
    text = _QUOTED.sub("", _REPORTER.sub("", text.lower()))
    for sentence in _SENTENCES.findall(text):
        if furniture_reports(sentence):
            # Someone's words reported (法官提醒，…; 业内人士指出，…; …对本报记者说): the article reports them,
            # the site's note speaks in its own voice (本站提醒：, 温馨提醒：) and reports no one.
            return ""
        if words.alone.search(sentence):
            return "act"
        if (words.site if site_only else words.subjects).search(sentence) or part:
            for kind, pattern in words.matters.items():
                found = pattern.search(sentence)
                if found and (kind != "acts" or _asked(sentence, found, words.subjects)):
                    return kind
    return ""


def _asked(sentence: str, act: re.Match, subjects: re.Pattern) -> bool:
    """The reader is asked to act on the page (欢迎关注本号, 本站APP已上线，扫码即可下载, 关注本公众号): the
    sentence holds a word asking, or names the page after the act as what is acted on. The site doing
    it itself (本网将持续关注事件进展, 本网今年共收到读者投稿三千余篇) reports its own work."""
    return bool(_ASKING.search(sentence)) or bool(subjects.search(sentence, act.end()))


def without_notes(texts: list[str], first: int, last: int, voice: Callable[[int], bool] | None = None) -> tuple[int, int]:
    """The body ``first``..``last`` (positions in ``texts``, folded lines) less the site's notes
    that close or open it: punctuated as sentences, they read as prose and joined the body, and nothing
    outside a body is asked of them. On the page's last line only the site's voice ends the body
    (``site_only``): a line naming the text itself (本文, 这篇文章) may be its author's last words (a post asking its readers
    to share it, 本文…欢迎转载); outside the body it is judged as any note. A note of reliance there (以上价格…为准,
    以上内容…仅作健康科普参考) disclaims the page, which no author's last words do (session 41). A note inside the body, with the
    article's lines below it, is the article's. ``voice(pos)``: the line at ``pos`` is the site speaking
    of itself by the name the page's title gives it (``site_voice.py``: 欢迎关注某某县融媒体中心微信公众号，…),
    which closes the body as a note does (session 35: read only below the body, it stayed when the body
    had grown over it)."""
    end = last
    for pos in range(last, max(first, last - NOTE_REACH), -1):
        if site_note(texts[pos], site_only=pos + 1 == len(texts)) or pos + 1 == len(texts) and site_note(texts[pos]) == "reliance":
            end = pos - 1  # the body ends above the note, with what stands between it and the end
        elif voice is not None and end == pos and not _ORDINAL.match(texts[pos]) and voice(pos):
            # Only at the body's very end, below it nothing but notes: a notice's step naming its site
            # (二、报名方式：登录县人民政府网站…下载…) or a line with the article's lines under it is the article's.
            end = pos - 1
        elif len(texts[pos]) > GAP_MAX:
            break  # a line of the article's length: the notes above it are the article's
    last = end
    while first < last and site_note(texts[first]):
        first += 1  # above the article's first words, the text's name is no author's (本文为作者独立观点…)
    return first, last
