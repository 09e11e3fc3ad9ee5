"""The marks a platform prints around a post or an article, each alone on its line, that no article
sentence takes: a forum's floor or the client a reply came from, where the writer posted from, a
counter button with its bracketed count, a count of the people who liked the post, a credit key in
brackets with its name, a count set on the line under its key, a self-media account's name over its
stamp.

Real sites set these one to a line (a phone's layout, a copy made with Ctrl-A): ``来自Android客户端``
under a Tieba post, ``2楼`` over a reply, ``发布于广东`` under a sports forum's post, ``广东`` beside a
NetEase account's stamp, ``评论（0）`` over a Caixin story, ``【作者】 罗婉婷`` under a Nanfang story,
``阅读量：`` over ``506`` under a procuratorate's headline, ``民航观察员`` over ``2024-04-02 17:45 发布于广东
科技领域创作者``. ``line_mark`` reads a line alone (``portals._widget`` asks it of every short line);
the others read a line with its neighbours, in ``portals.portal_lines``. Texts are folded
(Simplified) and NFKC-normalised, as ``portals`` reads them.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from cleaner import warm_tables
from cleaner.furniture.entries import title_match, title_parts
from cleaner.furniture.lexicon import DATA

# The family of the page's own counters alone (阅读 1.2万, 7人点赞, 阅读量： / 506): not a forum member's
# ``stats`` row, whose short line above is the member's name (``portals._members``): above a page's
# counter stands its headline.
COUNTER = "page-counter"
MARK_MAX = 30  # characters: no mark of these is longer (a client's name, a place, a credit key with its name)
NAME_MAX = 16  # characters of a self-media account's name


@warm_tables.table
@lru_cache(maxsize=1)
def _places() -> tuple[frozenset, re.Pattern]:
    """(the places, a pattern of one place alone with its rank's word): ``[portals] places``."""
    words = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))["portals"]["places"]
    names = frozenset(words)
    alternation = "|".join(re.escape(w) for w in sorted(names, key=lambda w: (-len(w), w)))
    return names, re.compile(rf"(?:{alternation})(?:省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)?")


def place(text: str) -> bool:
    """A place the platforms name as where a writer posted from (广东, 浙江省, 香港, 美国), alone."""
    return _places()[1].fullmatch(text) is not None


# The client a post or a reply was sent from, alone (来自Android客户端, 来自 iPhone 客户端, 发自小米手机):
# the stamp's other parts (the floor, the date) are set on lines of their own.
_CLIENT = re.compile(r"^(?:来自|发自)\s*[\w\s.\-]{0,20}?\s*(?:客户端|手机版|手机端|APP|App|app)$"
                     r"|^(?:来自|发自)\s*(?:iPhone|iPad|Android)[A-Za-z0-9\s.\-]{0,16}$"
                     # A brand that names a company too (来自华为, 来自小米 head a guest list's rows) is
                     # a phone only with its model after it (来自 华为Mate60, 发自小米14).
                     r"|^(?:来自|发自)\s*(?:安卓|华为|小米|荣耀|OPPO|vivo|三星)\s*[A-Za-z0-9][A-Za-z0-9\s.\-]{0,15}$")
# Where the writer posted from, with its key (发布于广东, 发表于：浙江省, IP属地 上海 is portals' _IP_PLACE);
# not 来自 (来自美国, 来自海外 head a guest list's or a caption's rows).
_POSTED_AT = re.compile(r"^(?:发布于|发表于|IP\s*属地)\s*:?\s*(\S{2,12})$")
# A counter button with its bracketed count and nothing else (评论(0), 留言 (12), 点赞(1.2万), 全部评论(3)): a heading
# never carries a count in brackets.
_COUNTED_BUTTON = re.compile(r"^(?:全部|热门|最新|精彩|网友)?(?:评论|留言|回复|跟帖|跟贴|点赞|收藏|分享|转发|阅读|浏览|有用|喜欢|推荐|赞)\s*\(\s*[\d,.]+\s*[万千kKwW]?\s*\)$")
# The people who reacted to the post, counted (7人点赞, 1.2万人赞过, 6人已赞赏): a platform's sentence of
# its own, no article's (3人受伤 names no reaction).
_REACTED = re.compile(r"^[\d,.]+\s*[万千]?\s*人\s*(?:已)?(?:点赞|赞过|赞同|赞赏|喜欢|收藏|在看|看过|读过|参与|浏览|阅读)$")
# A page's counter alone: its key with a colon or its 量/数, a count (阅读：1.2万, 点击：3521次, 浏览量 128, 粉丝 1.2万: a
# follower count bare only with its 万 or k, 粉丝 3 may head a list); a
# bare 阅读 3.4万 is the stats forms' to judge (tests/test_furniture_portals.py): a row of the
# page's record set on its own line, no sentence's.
_COUNTER = re.compile(r"^(?:(?:阅读|浏览|点击|播放|人气|访问|围观)(?:量|数|次数)?\s*:|(?:阅读|浏览|点击|播放|访问)(?:量|数|次数)|(?:粉丝|关注者|获赞|订阅)(?:(?:量|数)\s*:?|\s*:|(?=\s*[\d.,]+\s*[万千kKwW])))\s*[\d.,]+\s*[万千kKwW]?\s*次?$")
# A reading time or a length the site states of the article (本文共1234字，阅读约需4分钟, 全文约2100字 预计阅读6分钟).
_READING = re.compile(r"^(?:本文|全文)(?:共|约|共计)?\s*[\d,]+\s*字\s*,?\s*(?:阅读|读完|预计阅读|大约)?(?:约需|大约需要|需要|预计|约)?\s*\d{1,3}\s*分钟$")
# An account's id with its key, a handle in letters (微信号：moumou, 抖音号: abc_123): the site's, below its
# article; an article names an account in a sentence.
_ACCOUNT_ID = re.compile(r"^(?:微信号|微信公众号|公众号|抖音号|快手号|视频号|小红书号|微博)\s*:\s*[A-Za-z][\w\-]{1,29}$")
# A paywall's or an app's fold over the rest (剩余80%未读，继续阅读).
_UNREAD = re.compile(r"^剩余\s*\d{1,3}\s*%\s*(?:未读|内容)")
# A self-media platform's name alone, perhaps with its channel (百家号, 澎湃号·政务 >): the account's badge
# beside its name; an article names a platform in a sentence.
_PLATFORM = re.compile(r"^(?:头条号|百家号|网易号|搜狐号|企鹅号|大风号|一点号|澎湃号|上观号|新浪看点|抖音号|快手号|视频号|微信公众号)"
                       r"(?:\s*[·・]\s*[\u3400-\u9fff]{1,4})?\s*>?$")
# A stamp in words alone (3小时前, 刚刚, 昨天 10:21): a post's or a comment's time; 昨天 alone may title a poem.
_RELATIVE = re.compile(r"^(?:\d{1,2}\s*(?:秒|分钟|小时|天)前|刚刚|(?:昨天|前天|今天)\s*\d{1,2}:\d{2})$")
# A portal's header date (今天是2024年5月6日 星期一 农历四月廿八).
_TODAY = re.compile(r"^今天是\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期[一二三四五六日天])?\s*(?:农历\s*\S{2,8})?$")
# A Taiwan agency's byline in brackets closed by its date code (（中央社記者林小華台北6日電）1130506: the
# year of the Republic and the day), as ``portals._EDITOR_CODE`` reads an editor's.
_CODED_BYLINE = re.compile(r"^[(\[][^()\[\]。]{2,30}[)\]]\s*1\d{6}$")
# A floor alone (2楼, 第3楼, 12 楼): a reply's, only beside another mark of a post (``floors``): a
# shop's or a building's floor heads a paragraph of its own.
_FLOOR = re.compile(r"^第?\s*\d{1,5}\s*楼$")
_STAMP_TIME = re.compile(r"\d{1,2}:\d{2}")
_STAMP_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[-/]\s*\d{1,2}\s|\d{1,2}月\d{1,2}日")
# What a self-media platform prints in an account's stamp beside its date: where it posted from, its
# badge (科技领域创作者, 优质三农领域创作者), its followers.
_ACCOUNT_STAMP = re.compile(r"发布于|发表于|属地|创作者|领域|粉丝|认证")
_HEADLINE = re.compile(r"[^|>»/·。!?]{6,40}")  # a headline's length, no separator, no sentence end
_NAME = re.compile(r"^[^\s,.:;!?。，、：；！？()\[\]【】|《》“”\"'·\-—]{2,16}$")
_SENTENCE_END = re.compile(r"[。!?]")
# A date with the posting verb after it and nothing else (2024-03-09 发表, 2024年3月9日发布): a travel
# site's or a blog's stamp; a notice's signing date carries no verb.
_DATED_POST = re.compile(r"^(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*(?:发表|发布|发表于|发布于|更新)$")


@warm_tables.table
@lru_cache(maxsize=1)
def _credit_keys() -> re.Pattern:
    """A credit key of the lexicon's ``credits`` in brackets, then its name (【作者】 罗婉婷, 【来源】 南方日报)."""
    keys = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))["portals"]["credits"]
    alternation = "|".join(re.escape(w) for w in sorted(set(keys), key=lambda w: (-len(w), w)))
    return re.compile(rf"^(?:[【\[]\s*(?:{alternation})\s*[】\]]\s*[^\s【】\[\],。!?:;、]{{2,16}}\s*){{1,3}}$")


def line_mark(text: str) -> str:
    """The family of a post's mark alone on its line, or "" (each form gated by a character it holds)."""
    if len(text) > MARK_MAX:
        return ""
    if ("来" in text or "发" in text) and _CLIENT.match(text):
        return "post-stamp"
    if ("于" in text or "来" in text or "属地" in text) and (m := _POSTED_AT.match(text)) and place(m.group(1)):
        return "post-stamp"
    if "(" in text and _COUNTED_BUTTON.match(text):
        return "actions"
    if "人" in text and _REACTED.match(text):
        return COUNTER
    if text[:1] in "【[" and _credit_keys().match(text):
        return "bar-credit"
    if ("发" in text or "更新" in text) and _DATED_POST.match(text):
        return "post-stamp"
    if text[-1:].isdigit() or text.endswith(("万", "千", "次", "k", "K", "w", "W")):
        if _COUNTER.match(text):
            return COUNTER
    if "字" in text and "分钟" in text and _READING.match(text):
        return "duration"
    if text[:1] in "([" and text[-1:].isdigit() and _CODED_BYLINE.match(text):
        return "paper-imprint"
    if "剩余" in text and _UNREAD.match(text):
        return "app-prompt"
    if "号" in text and _PLATFORM.match(text):
        return "byline"  # the account's platform beside its name
    if ("前" in text or "刚刚" in text or "天" in text) and _RELATIVE.match(text):
        return "post-stamp"
    if "今天是" in text and _TODAY.match(text):
        return "dateline"
    if "号" in text or "微博" in text:
        if _ACCOUNT_ID.match(text):
            return "reprint"  # an account's id, as reprint's (ID:x)
    return ""


def _stamp(text: str) -> bool:
    """A post's stamp: a date and a time, no sentence end."""
    return bool(_STAMP_TIME.search(text) and _STAMP_DATE.search(text) and not _SENTENCE_END.search(text))


_MARKS = ("post-stamp", "edited", "actions", "stats", "rank", "member", COUNTER)  # the families of a post's frame


def floors(texts: list[str], families: list[str]) -> None:
    """A floor alone (``2楼``) right beside a mark of a post's frame (a client, a stamp, a reply
    button): a reply's floor."""
    for pos, text in enumerate(texts):
        if families[pos] or len(text) > 8 or not _FLOOR.match(text):
            continue
        if any(families[k] in _MARKS for k in (pos - 1, pos + 1) if 0 <= k < len(texts)):
            families[pos] = "post-stamp"


def lone_places(texts: list[str], families: list[str]) -> None:
    """A place alone (``广东``) right beside a stamp or a mark of a post's frame: where the writer
    posted from, printed on a line of its own. Elsewhere a place alone is a heading (an article's
    section by province) and stays."""
    for pos, text in enumerate(texts):
        if families[pos] or len(text) > 10 or not place(text):
            continue
        near = [k for k in (pos - 1, pos + 1) if 0 <= k < len(texts)]
        if any(families[k] in _MARKS or families[k] in ("byline", "dateline") or _stamp(texts[k]) for k in near):
            families[pos] = "post-stamp"


_COUNTER_KEYS = frozenset(("点击", "访问", "访问量", "围观", "点击次数", "阅读次数"))  # beside the lexicon's counters and buttons
_EMPTY_KEY = re.compile(r"(?:^|\s)([\u3400-\u9fff]{2,6})\s*:$")  # a line closing on a key with no value
_BARE_COUNT = re.compile(r"^[\d,.]+\s*[万千]?$")
COUNT_MAX = 8  # characters of a count alone on its line


def split_counts(texts: list[str], families: list[str], above: list[str | None], counters: frozenset) -> None:
    """A counter's number set on the line under its key or its button: the line above closes on a
    counter's key with its colon and no value (``阅读量：`` / ``506``; a byline row closing on
    ``浏览次数：`` / ``1236``), or is a counter's key or button alone that is furniture already (taken
    by a rule: ``评论：`` / ``86``, ``收藏`` / ``143``; or of a family here). ``counters``: the lexicon's
    counters and buttons; ``above``: the page's line right above each line when a rule took it,
    else None. The count goes, and a key alone above it with it."""
    for pos in range(1, len(texts)):
        text = texts[pos]
        if families[pos] or len(text) > COUNT_MAX or not _BARE_COUNT.match(text):
            continue
        gone = above[pos]
        line = gone if gone is not None else texts[pos - 1]
        key = _EMPTY_KEY.search(line) if line.endswith(":") else None
        alone = line.removesuffix(":").strip()
        if key is not None and (key.group(1) in counters or key.group(1) in _COUNTER_KEYS):
            families[pos] = COUNTER
            if gone is None and alone == key.group(1) and not families[pos - 1]:
                families[pos - 1] = COUNTER
        elif (alone in counters or alone in _COUNTER_KEYS) and (gone is not None or families[pos - 1] in ("actions", "stats", COUNTER)):
            families[pos] = COUNTER


def counted_buttons(texts: list[str], families: list[str], actions: frozenset) -> None:
    """Buttons set one to a line with their counts between them (``收藏`` / ``143`` / ``分享``): a count
    alone between two lines that are each one action word is the first button's counter; the three go."""
    for pos in range(1, len(texts) - 1):
        text = texts[pos]
        if families[pos] or len(text) > COUNT_MAX or not _BARE_COUNT.match(text):
            continue
        if all(texts[k] in actions and families[k] in ("", "actions") for k in (pos - 1, pos + 1)):
            for k in (pos - 1, pos, pos + 1):
                families[k] = "actions"


def account_names(texts: list[str], families: list[str], prose: list[bool], title: str | None) -> None:
    """A self-media account's name over its stamp, under the headline (``民航观察员`` over ``2024-04-02
    17:45 发布于广东 科技领域创作者``): above the first prose line, a short line with no punctuation or
    space, right under a line of no family (the headline) and right over a stamp that names where the
    account posted from or its badge (``_ACCOUNT_STAMP``). The line above is a headline's (its length,
    no separator: not a blog's menu over its post's headline) and, with the page's title, the one the
    title names; a line the title names is the headline itself."""
    first_prose = next((p for p, x in enumerate(prose) if x), len(texts))
    for pos in range(1, min(first_prose, len(texts) - 1)):
        name = texts[pos]
        if families[pos] or len(name) > NAME_MAX or not _NAME.match(name) or families[pos - 1]:
            continue
        stamp = texts[pos + 1]
        if not (_stamp(stamp) and _ACCOUNT_STAMP.search(stamp)):
            continue
        above = texts[pos - 1]
        if not _HEADLINE.fullmatch(above) or len(above) <= len(name):
            continue  # the line above is no headline (a menu, a trail, a sentence)
        if title and (name in title or not title_match(above, title)):
            continue  # the title names this line, or not the one above: this line is the headline
        families[pos] = "byline"


# A label in brackets alone (【光明时评】, [汽车之家 试驾]): a column's or a channel's name.
_LABEL = re.compile(r"^[【\[]\s*([^\]】,。!?:;]{2,14})\s*[】\]]$")


def site_labels(texts: list[str], families: list[str], prose: list[bool], title: str) -> None:
    """The site's column label in brackets above the article's first prose line: a label alone that
    shares two Han characters in a row with the site's name, the title's last part (``【光明时评】``
    under ``…_光明网``, ``[汽车之家 试驾]`` under ``…_汽车之家``). An article's own bracketed heading
    (``【编者按】``, ``【导读】``) names no site."""
    parts = title_parts(title)
    if len(parts) < 2:
        return
    site = parts[-1]
    pairs = {site[k:k + 2] for k in range(len(site) - 1) if "\u3400" <= site[k] <= "\u9fff" and "\u3400" <= site[k + 1] <= "\u9fff"}
    if not pairs:
        return
    first_prose = next((p for p, x in enumerate(prose) if x), len(texts))
    for pos in range(min(first_prose, len(texts))):
        if families[pos] or texts[pos][:1] not in "【[" or not (m := _LABEL.match(texts[pos])):
            continue
        label = m.group(1)
        if any(label[k:k + 2] in pairs for k in range(len(label) - 1)):
            families[pos] = "source"


# The editorial desk's roles, keys no article's own fields take alone (排版：小王, 策划：李四, 终审：赵六): a
# film's 出品, a book's 主编 and a programme's 设计 are an article's facts, and not here.
_DESK = re.compile(r"^(?:核稿编辑|核稿|信息员|审核人|录入|录入员|排版|美编|策划|监制|统筹|终审|初审|复审|审校|值班编辑|本期编辑|文字编辑|图片编辑|视觉|视觉设计)\s*[:\s]\s*"
                   r"[\u3400-\u9fffA-Za-z·]{2,8}(?:\s*[、,]\s*[\u3400-\u9fffA-Za-z·]{2,8}){0,2}$")


def desk_credits(texts: list[str], families: list[str], prose: list[bool]) -> None:
    """One desk role with its names on a line (``_DESK``), outside the article's prose (above its
    first prose line or below its last), keyed by a colon or beside another: a WeChat account's or
    a portal's credits one to a line."""
    first = next((p for p, x in enumerate(prose) if x), len(texts))
    last = max((p for p, x in enumerate(prose) if x), default=-1)
    rows = [pos for pos, text in enumerate(texts)
            if not families[pos] and not first <= pos <= last and len(text) <= 30 and _DESK.match(text)]
    # A role keyed by a colon, or two roles together: 策划 李四 alone after an article may be its
    # closing credit line (a film's, an exhibition's), which the article keeps.
    for pos in rows:
        if ":" in texts[pos] or pos - 1 in rows or pos + 1 in rows:
            families[pos] = "bar-credit"
