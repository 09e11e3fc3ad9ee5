"""The frame a site draws around a post, an answer or an article, once the line model has judged
the page: what stands beside the body that no line of it reads as furniture alone.

Each family is a shape that the frame takes on any forum, Q&A, blog, WeChat copy or company
page, read where it stands relative to the body (``generic.decide`` passes the body the model
found and the lines it already removed):

- **A post's action row** (``post-actions``): a short row of buttons at least two of which are
  the lexicon's actions, two thirds of its items (``回复 引用 举报 使用道具``: a forum's tool
  names vary, ``使用道具`` or ``评分`` or ``淘帖``), holding a post's own action (reply, quote,
  report: a news page's share row holds none), under the body's last paragraph. The short
  key–value lines right above it (``签名：…``, ``最后编辑：…``) are the post's signature
  (``signature``): the frame, not the post, stands between the text and its buttons.
- **The post's author** (``post-author``): a short name line (no spaces, no punctuation) right
  above the body when the body closes with a post's action row (Discuz's and phpwind's author
  column, rendered as a line before the post), and the name line right under that row (the next
  post's author), with that post's short lines under it (``reply``) up to the next removed line.
- **A byline opened by a provenance badge** (``badge-byline``): ``原创 作者 公众号 2020-07-02 21:10``
  above the body: a badge, a few names and a date, no clause. A headline does not open with a
  badge and a date; a blog's title with its stamp (``市粮食局 今日粮仓 2023-10-09 18:30``) holds none.
- **A collection row** (``collection``): a label, hashtags and a count (``收录于合集 #热点 87个``)
  outside the body.
- **A prev/next pair in guillemets** (``prev-next``): ``« 上一篇标题`` / ``下一篇标题 »`` below the
  body, two links the page's text joins or leaves apart; no sentence end inside.
- **Named short replies** (``answers``): under the body, a run of two or more ``名字：短回答`` lines
  (a name of at most 12 characters that no lexicon key is, then a short text): a Q&A page's other
  answers, a blog's comment list.
- **A comment's text under its header** (``comment-text``): a short line below the body between
  a removed header of a comment list (a name and a date whose form recurs below the body) and a
  removed line or the page's end.

Article prose is never taken: every shape is short, and stands outside the body (the signature
walk stops at the first line that is no short key–value line). A line a rule rewrote (``keep``)
stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from cleaner.furniture.boxes import comments_heading
from cleaner.furniture.features import Line, prose_line
from cleaner.furniture.lists import skeleton
from cleaner.furniture.portals import row_items

ROW_MAX = 40  # characters of an action row
FRAME_LINES = 2  # key–value lines between a post's text and its action row
FRAME_KEY = 4  # characters of a frame line's key (签名, 个性签名, 最后编辑)
FRAME_MAX = 40  # characters of a frame line
ACTION_REACH = 4  # lines between the body's last line and the post's action row
NAME_MAX = 16  # characters of a name line
REPLY_MAX = 80  # characters of a reply's line under the next post's author
ANSWER_MAX = 60  # characters of a named short reply's text
BYLINE_MAX = 60  # characters of a badge byline
HEADER_MAX = 30  # characters of a comment's header (a name and a date)

_CLAUSE = re.compile(r"[,。;!?、:\"“”]")
_SENTENCE_END = re.compile(r"[。!?]")
# A post's own actions: a reply, a quote, a report (回覆 is 回复 in Traditional script, kept apart by the fold).
_POST_ACTION = re.compile("回复|回覆|回应|引用|举报|检举")
_NAME_LINE = re.compile(r"^[^\s,.:;!?。，、：；！？()\[\]【】|«»<>#@\"“”]{2,16}$")
_KEY_VALUE = re.compile(r"^([^\s:]{1,%d})\s*:\s*\S" % FRAME_KEY)
_NAMED = re.compile(r"^([^\s:,。!?]{1,12})\s*:\s*(\S.*)$")
# A badge saying where the text comes from, opening a byline (WeChat's 原创, a portal's 转载, 独家, 首发).
_BADGES = frozenset(("原创", "转载", "首发", "独家", "翻译", "授权转载", "投稿"))
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*[-/]\s*\d{1,2}\s+\d{1,2}:\d{2}")
# A label, one or more hashtags, a count: 收录于合集 #热点 87个, 专辑 #读书 #随笔 12篇.
_COLLECTION = re.compile(r"^[^\s#,。!?]{0,8}\s*(?:#[^\s#,。!?]{1,24}#?\s*)+(?:\d+\s*[个篇期条首集])?$")
# A heading over a list of replies: a few characters, a reply word, a count (其他回答, 全部评论 12, 3个回答).
_REPLIES_HEADING = re.compile(r"^[【\[]?\s*[^\s:,。!?]{0,4}(?:回答|答案|评论|留言|回复|跟帖|回应|讨论)\s*(?:[(\[]?\s*\d+\s*[)\]]?|\d+\s*[条则个])?\s*[】\]]?\s*:?$")
_COUNTED = re.compile(r"\d+\s*[个篇期条首集]$")
_GUILLEMET_OPEN = ("«", "‹")
_GUILLEMET_CLOSE = ("»", "›")
PAIR_MAX = 80  # characters of a prev/next line


def action_row(text: str, actions: frozenset) -> bool:
    """A short row of buttons: at least two items, two thirds of them action words, the rest
    short, no clause (counts and brackets aside)."""
    if len(text) > ROW_MAX or _CLAUSE.search(text):
        return False
    items = row_items(text)  # portals.py's items of a row: counts and brackets dropped
    hits = sum(1 for t in items if t in actions)
    return hits >= 2 and 3 * hits >= 2 * len(items) and all(t in actions or len(t) <= 4 for t in items)


def post_action_row(text: str, actions: frozenset) -> bool:
    """An action row holding a post's own action (reply, quote, report)."""
    return len(text) <= ROW_MAX and _POST_ACTION.search(text) is not None and action_row(text, actions)


def name_line(text: str) -> bool:
    return bool(_NAME_LINE.match(text))


def frame_line(line: Line) -> bool:
    """A short key–value line (签名：期待后续报道) that is none of the lexicon's keys of an article's
    own fields (来源, 作者: ``kv_filled``)."""
    return len(line.text) <= FRAME_MAX and bool(_KEY_VALUE.match(line.text)) and not line.features.get("kv_filled", 0.0)


def badge_byline(text: str) -> bool:
    """``原创 作者 公众号 2020-07-02 21:10``: a provenance badge, a few names and a date, no clause."""
    if len(text) > BYLINE_MAX or _CLAUSE.search(text.replace(":", "")):
        return False
    items = text.split()
    return 2 <= len(items) <= 6 and items[0] in _BADGES and bool(_DATE.search(text))


def collection_row(text: str) -> bool:
    """A label, hashtags and a count, with a label or a count (hashtags alone are ``widgets.hashtags``)."""
    if "#" not in text or len(text) > ROW_MAX:
        return False
    return bool(_COLLECTION.match(text)) and (not text.startswith("#") or bool(_COUNTED.search(text)))


def guillemet_link(text: str) -> bool:
    """A prev/next link between guillemets (« 上一篇标题, 下一篇标题 », or both joined), no sentence end."""
    if len(text) > PAIR_MAX or _SENTENCE_END.search(text):
        return False
    return text.startswith(_GUILLEMET_OPEN) or text.endswith(_GUILLEMET_CLOSE)


def named_reply(line: Line) -> bool:
    m = _NAMED.match(line.text)
    return bool(m) and len(m.group(2)) <= ANSWER_MAX and not line.features.get("kv_filled", 0.0) \
        and not line.features.get("kv_empty", 0.0)


def dated_header(text: str) -> bool:
    """A comment's header: a short line holding a date, no clause (王明 2020-04-14)."""
    return len(text) <= HEADER_MAX and bool(_DATE.search(text)) and not _CLAUSE.search(text.replace(":", ""))


def post_frame(scored: Sequence[Line], body: tuple[int, int] | None, removed: set[int], actions: frozenset, folded: Sequence[str],
               keep: set[int] = frozenset(), headline: int = -1) -> list[tuple[int, str]]:
    """(line index, family) of the frame's lines the model kept (see the module). ``scored``: the
    page's live lines; ``body``: the body's first and last positions; ``removed``: the indices the
    model and the families before it removed; ``actions``: the lexicon's action words; ``folded``:
    the page's folded lines (the text of a line removed before the model read the page);
    ``headline``: the headline's position (never taken)."""
    if body is None:
        return []
    first, last = body
    out: dict[int, str] = {}
    live = [pos for pos, line in enumerate(scored) if line.index not in removed and line.index not in keep and pos != headline]
    free = set(live)

    def take(pos: int, family: str) -> None:
        if pos in free:
            out[pos] = family
            free.discard(pos)

    _post_frames(scored, first, last, free, actions, headline, take)
    for pos in sorted(free):
        text = scored[pos].text
        if pos < first and badge_byline(text):
            take(pos, "badge-byline")
        elif not first <= pos <= last and collection_row(text):
            take(pos, "collection")
        elif pos > last and guillemet_link(text):
            take(pos, "prev-next")
    _named_replies(scored, first, last, free, removed, folded, actions, take)
    _comment_texts(scored, last, free, {pos for pos, line in enumerate(scored) if line.index in removed}, take)
    return sorted((scored[pos].index, family) for pos, family in out.items())


def _post_frames(scored, first, last, free, actions, headline, take) -> None:
    """A post's action row under the body, its signature above it, its author above the body and
    the next post's author and lines under it."""
    # The row may have gone already (the model reads a row of buttons under the body): it still
    # says where the post's frame is. Past the body it is looked for over short lines only (an
    # article's closing list, 1、… 2、…): a paragraph there is another post's or a comment's.
    row = -1
    for pos in range(first + 1, len(scored)):
        if post_action_row(scored[pos].text, actions):
            row = pos
            break
        if pos > last and (prose_line(scored[pos]) or len(scored[pos].text) > FRAME_MAX):
            break
    if row < 0:
        return
    # Up from the row: the post's frame lines (a signature), while they are short key–value lines.
    k, frame = row - 1, []
    while k > first and len(frame) < FRAME_LINES and (k not in free or frame_line(scored[k])):
        if k in free:
            frame.append(k)
        k -= 1
    take(row, "post-actions")
    for p in frame:
        take(p, "signature")
    if row > last + ACTION_REACH or any(p not in frame and (p in free or _DATE.search(scored[p].text)) for p in range(last + 1, row)):
        # The row closes a list under the body, or a comment under it (a header with its date, the
        # comment's text): the row is not the body's own, nor the line above the body its author.
        return
    # The author's name stands right under the headline or right above the body (a post's first
    # line cut short by a hard wrap reads as no prose, and the body starts under it).
    above = next((p for p in range(first - 1, -1, -1) if p in free), -1)
    under = next((p for p in range(headline + 1, first) if p in free), -1) if 0 <= headline < first else -1
    for p in {above, under} - {-1}:
        if name_line(scored[p].text):
            take(p, "post-author")
    # The next post: its author's name right under the row, its short lines under that.
    below = row + 1
    if below in free and name_line(scored[below].text):
        take(below, "post-author")
        p = below + 1
        while p < len(scored) and p in free and len(scored[p].text) <= REPLY_MAX:
            take(p, "reply")
            p += 1


def _named_replies(scored, first, last, free, removed, folded, actions, take) -> None:
    """Runs of two or more ``名字：短回答`` lines closing the body or below it (removed lines between
    them allowed) right under a removed heading of replies (``_heading_above``)."""
    run: list[int] = []
    # Replies read as prose (说得好，支持一下！) may close the body: the run may start inside it.
    start = last
    while start > first + 1 and start - 1 in free and named_reply(scored[start - 1]):
        start -= 1
    for pos in range(start, len(scored) + 1):
        if pos < len(scored) and named_reply(scored[pos]):
            run.append(pos)  # removed already or not: a reply of the run
            continue
        if pos < len(scored) and pos not in free:
            continue  # a removed line between two replies (an answer's buttons) keeps the run
        # Under a heading of replies or an answer's buttons (an article's own field rows stand
        # under its text or its own headings); the run closes the body or stands under it, and
        # ends at a removed line or the page's end.
        if len(run) >= 2 and run[-1] >= last and _heading_above(scored, run[0], free, removed, folded, actions) \
                and (pos == len(scored) or pos not in free or pos > last + 1 and not prose_line(scored[pos])):
            for p in run:
                take(p, "answers")
        run = []


def _heading_above(scored, pos, free, removed, folded, actions) -> bool:
    """The nearest line above ``pos`` on the page is a removed heading of replies (其他回答, 网友评论,
    精选留言 12) or a row of an answer's buttons: a live line the model took, or a line between two
    live ones that a rule or a family before it took (``folded``: the page's folded lines). A
    removed line of another kind (an advert, a picture's credit) opens no list of replies: an
    article's own field rows (语言：韩语 / 唱片公司：EMI) may stand under it."""
    gone = [i for i in range(scored[pos - 1].index + 1 if pos else 0, scored[pos].index) if i in removed]
    if gone:
        text = unicodedata.normalize("NFKC", folded[gone[-1]]).strip()
    elif pos > 0 and scored[pos - 1].index in removed:
        text = scored[pos - 1].text
    else:
        return False
    return bool(_REPLIES_HEADING.match(text)) or comments_heading(text) or action_row(text, actions)


def _comment_texts(scored, last, free, gone, take) -> None:
    """A short line between a removed comment header whose form recurs below the body and a
    removed line (or the page's end). ``gone``: the positions removed (a line kept, ``keep``, is
    neither free nor a removed header: a programme's dated rows an article's sentence introduces)."""
    headers = [pos for pos in range(last + 1, len(scored)) if pos in gone and dated_header(scored[pos].text)]
    forms = Counter(skeleton(scored[pos].text) for pos in headers)
    for pos in headers:
        if forms[skeleton(scored[pos].text)] < 2:
            continue
        nxt = pos + 1
        if nxt in free and len(scored[nxt].text) <= REPLY_MAX and (nxt + 1 == len(scored) or nxt + 1 in gone):
            take(nxt, "comment-text")
