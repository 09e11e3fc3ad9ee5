"""Comments and answers set as blocks: a commenter's stamp, the comment, and its vote row
(``吃遍西关 2小时前`` / ``这家确实好吃，就是排队太久`` / ``赞 26 回复``; ``路過的 ‧ 2026-05-04`` / ``我之前也遇過…`` /
``好 8``; ``橘子汽水 看过 ★★★★★ 2026-01-30`` / ``最后那场雪…`` / ``有用 1523``).

Review, travel, recipe, Q&A and video sites print each comment so: a name with a relative time or a
date and nothing else, one to three short lines of the comment, then a row of vote buttons and
counts. Each part alone is weak evidence (a name and a date is a byline's shape, a comment reads as a
short paragraph), and the thread's first comment often stands right under the article's last
paragraph with no heading to end the body. The block is the sign: a stamp, at most ``TEXT_LINES``
lines that are no paragraphs of prose, and a row made only of vote words (``[comments] votes``) and
counts, ``BLOCKS_MIN`` times or more on the page. An article quotes a reader's words in a sentence,
not between a stamp and a vote row; an answer that is the page's article runs on for paragraphs of
prose, more than a comment's few short lines.

Every line of each block goes (family ``comment-block``), and the thread's heading right above the
first block when it is short and holds a word of comments or a count in brackets (``短评``, ``作品（128）``). Outside a block, a vote row of two vote
words or more with a count goes alone wherever it stands (``vote_rows``: ``評價：好 45 ‧ 不好 2``, ``👍 3,210
分享 儲存``: no sentence holds only buttons and counts), and so does a stamp with a verb of posting
(``answer_stamps``: ``花草老李 园艺达人 回答于 2026-08-12``): a post's stamp, over an answer as over a comment.
Lines are folded and NFKC-normalised (``portals.portal_lines``' texts).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cleaner.furniture.site_boxes import DATA, alternation

TEXT_LINES = 3  # lines of one comment between its stamp and its vote row
BLOCKS_MIN = 2  # blocks on a page that make them a comment thread
LINE_MAX = 160  # characters of a comment's line
_TIME = (r"(?:\d{1,2}\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|月|年)前|刚刚|剛剛|昨天|前天|今天)(?:\s*\d{1,2}:\d{2})?"
         r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}")
_POSTING = r"(?:发表于|回答于|评论于|回复于|发布于)"  # a verb of posting (a post's stamp: 回答于 2026-08-12)
# A commenter's stamp: a name (a few words, no colon, no clause), perhaps a verb of posting, the time,
# perhaps a badge after a dot (法律小幫手 ‧ 2026-05-03 ‧ 知識長).
STAMP = re.compile(rf"^[^\s:：。!?,，、;；]{{1,16}}(?:\s+[^\s:：。!?,，、;；]{{1,8}}){{0,2}}\s*(?:[‧·•|]\s*)?"
                   rf"{_POSTING}?\s*(?:{_TIME})(?:\s*[‧·•|]\s*[^\s:。!?,]{{1,6}})?$")

HEAD_MAX = 10  # characters of a thread's heading
# A thread's heading: a word of comments or a count in brackets (评论（56）, 短评, 作品（128）).
_HEAD = re.compile(r"评|留言|回答|回复|回覆|讨论|[(（]\d+[)）]")
_STOPS = re.compile(r"[。!?！？,，:：]")  # a heading ends no clause
_COUNT = re.compile(r"\d")
_POSTED = re.compile(_POSTING)


@lru_cache(maxsize=1)
def vote_pattern(path: Path = DATA) -> re.Pattern:
    """A vote row: vote words, each with its count or none, and separators; nothing else.

    Its spaces and digits are taken possessively (``*+``): a run of spaces between two optional
    parts could otherwise be shared among them in every way, and a vote word over a long run of
    spaces that ends in no vote word (赞 and 200 spaces, then x) took 17 s to refuse."""
    alt = alternation("comments", "votes", path)
    vote = rf"(?:{alt})\s*+:?\s*+(?:[(\[]?\s*+\d[\d.,]*+\s*+[万kKwW]?\s*+[)\]]?)?"
    return re.compile(rf"^(?:(?:{vote})\s*+[‧·•|/]?\s*+)+$")


def comment_blocks(texts: list[str], prose: list[bool]) -> list[int]:
    """Positions of every line of each comment block of ``texts`` (the module's docstring)."""
    vote = vote_pattern()
    blocks: list[range] = []
    pos = 0
    while pos < len(texts):
        if len(texts[pos]) > 40 or not STAMP.match(texts[pos].strip()):
            pos += 1
            continue
        end = pos + 1
        while end < len(texts) and end - pos - 1 < TEXT_LINES and not vote.match(texts[end].strip()) \
                and not prose[end] and len(texts[end]) <= LINE_MAX and not STAMP.match(texts[end].strip()):
            end += 1
        if pos + 1 < end < len(texts) and vote.match(texts[end].strip()):
            blocks.append(range(pos, end + 1))
            pos = end + 1
        else:
            pos += 1
    if len(blocks) < BLOCKS_MIN:
        return []
    out = [p for block in blocks for p in block]
    head = blocks[0].start - 1
    if head >= 0 and len(texts[head]) <= HEAD_MAX and _HEAD.search(texts[head]) and not _STOPS.search(texts[head]):
        out.insert(0, head)  # the thread's heading right above its first block (短评, 车友评论, 作品（128）)
    return out


def vote_rows(texts: list[str]) -> list[int]:
    """Positions of the vote rows of ``texts`` holding two vote words or more and a count."""
    vote, words = vote_pattern(), _vote_words()
    return [pos for pos, text in enumerate(texts)
            if len(text) <= 40 and _COUNT.search(text) and vote.match(text.strip()) and len(words.findall(text)) >= 2]


def answer_stamps(texts: list[str]) -> list[int]:
    """Positions of the stamps of ``texts`` that hold a verb of posting (回答于, 发表于)."""
    return [pos for pos, text in enumerate(texts) if len(text) <= 40 and _POSTED.search(text) and STAMP.match(text.strip())]


@lru_cache(maxsize=1)
def _vote_words(path: Path = DATA) -> re.Pattern:
    return re.compile(alternation("comments", "votes", path))
