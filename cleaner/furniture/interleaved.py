"""Widgets a page sets between an article's paragraphs and right above them, told by their form.

Inside the article body the model removes a line only when its score says so, and a short line
between two paragraphs scores as the article's (it stands beside prose): a player's row (``点击播放
▶ 时长 01:36``), a live page's counter (``已有3621人参与``), a poll and its buttons (``【投票】你支持…？``,
``○ 支持 ○ 反对``, ``提交答案``), a font-size row, a "more" link (``延伸阅读》…``, ``点我看更多…新闻``),
a quote's row (``台积电 1,080 ▲15``), a call to follow the site's channel (``加入…LINE好友，…``), a
picture's prompt, placeholder, note or source (``点击查看大图``, ``图片``, ``图文无关，图片仅供参考``,
``图源：…``) and a caption told by its marks (``▲…。``, ``县长（右三）视察…。``, ``…。（档案照）``). None
of these forms is an article's sentence, wherever it stands, so ``widget`` names the family of a
line whatever its position (``generic.forced`` and, for a line punctuated as a sentence,
``generic.judged``). Every test is of the line alone: its words (``data/inside.toml``) and its
shape. A line that ends a sentence (。!? or an ellipsis, a closing quote after one) has none of these
forms but a caption's credit (and a bracketed poll's question); a clause's comma between Han words
rules out the player, audience, poll and quote forms and any call to follow after it; words in
quotation marks are the article's naming (吐槽“点击查看大图”按钮), and a numbered step (三、打开手机短信)
is a list's. What the neighbours say is ``generic.decide``'s (``referred``, ``introduces``,
``spoken_of``).

Lines are folded and NFKC-normalised (Traditional is Simplified, fullwidth is ASCII).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cleaner import warm_tables
from cleaner.furniture.features import is_paragraph
from cleaner.furniture.related_rows import related_row, spaced_row

DATA = Path(__file__).resolve().parent / "data" / "inside.toml"
WIDGET_MAX = 60  # characters: a widget's row is no paragraph
SHORT_MAX = 24  # characters of a counter, a button row or a "more" link


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Forms:
    player: re.Pattern
    controls: re.Pattern
    audience: re.Pattern
    live: re.Pattern
    poll: re.Pattern
    buttons: re.Pattern
    font: re.Pattern
    related: re.Pattern
    promo: re.Pattern
    more: re.Pattern
    follow: re.Pattern
    placeholder: re.Pattern
    picture_note: re.Pattern
    picture_source: re.Pattern
    picture_credit: re.Pattern


@warm_tables.table
@lru_cache(maxsize=1)
def forms(path: Path = DATA) -> Forms:
    words = tomllib.loads(path.read_text(encoding="utf-8"))["inside"]
    alt = {k: _alternation(v) for k, v in words.items()}
    gap = r"[\s|/·,:]*"
    return Forms(
        player=re.compile(alt["media"]),
        controls=re.compile(rf"{alt['controls']}|(?<![\d:])\d{{1,2}}:\d{{2}}(?![\d:])"),
        audience=re.compile(rf"(?:{alt['audience']})\s*:?\s*[\d.,]+\s*[万亿kKwW]?|[\d.,]+\s*[万亿]?\s*(?:{alt['audience_tails']})"),
        live=re.compile(rf"^(?:(?:{alt['live']}|开|关|on|off|ON|OFF|✓|✔)(?:{gap}))+$"),
        # The key set apart, bracketed or before a colon: 调查显示，… opens a sentence.
        poll=re.compile(rf"^(?:[\[【(](?:{alt['polls']})[\]】)]|(?:{alt['polls']})\s*[:|])\s*\S"),
        buttons=re.compile(rf"^(?:(?:{alt['buttons']})(?:{gap}|$))+$"),
        font=re.compile(rf"^[\[【(]?(?:{alt['font_keys']})\s*:?\s*(?:(?:(?:特大|超大|大|中|小)号?|标准|默认|A\s*[-+]?|[-+]|T\s*[-+]?)[\s|/·]*){{2,}}[\]】)]?$"),
        # Perhaps after a link's bullet (▶ 推薦閱讀：…>>).
        related=re.compile(rf"^(?:[▶►▷→●■◆★☆]\s*)?[\[【(]?(?:{alt['related_leads']})[\]】)]?\s*(?::|》|>>|>|»|\||】)\s*\S"),
        # A promotion's bracketed lead, a title and the link's arrow closing the line (【推荐】…怎么选？看完这篇就懂了 >>).
        promo=re.compile(rf"^(?:[▶►▷→●■◆★☆]\s*)?[\[【](?:{alt['promo_leads']})[\]】]\s*[^。!]{{4,48}}?\s*(?:>>|»|》》)\s*$"),
        # Opened by a tap's word too (戳这里，看更多理财干货>>).
        more=re.compile(rf"^(?:点我|点此|按此|点击|(?:戳|点)(?:这里|此处|我),?)?(?:看|查看|阅读)?更多\S{{0,8}}?(?:{alt['more_objects']})"),
        follow=re.compile(rf"(?:{alt['follows']})[^,。!?]{{0,14}}?(?:{alt['channels']})"),
        placeholder=re.compile(rf"^[\[【(]?(?:{alt['placeholders']})[\]】)]?$"),
        picture_note=re.compile(alt["picture_notes"]),
        picture_source=re.compile(rf"^[\[【(]?(?:{alt['picture_sources']})\s*[:/]\s*\S"),
        picture_credit=re.compile(rf"\((?:{alt['picture_credits']})[^()]{{0,20}}\)$"),
    )


# A duration or a player's time: 01:36, 00:00 / 02:48.
_DURATION = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")
# A question followed by its choices set off by spaces (你觉得今天哪队会赢? 统一狮 中信兄弟).
_QUESTION_CHOICES = re.compile(r"^[^?。!]{4,30}\?(?:\s+[^\s?。,!]{1,8}){2,5}$")
# A row opening with a time and its words is a timeline's or a live blog's entry (31:08 短视频带来的新客流).
_OPENING_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[^\s\d/:]")
# A quote's change beside its price: +2.34%, -0.45%, ▲15, ▼1.0, (+1.18%).
_CHANGE = re.compile(r"(?:[+-]\s*\d+(?:\.\d+)?\s*%|[▲▼△▽↑↓]\s*\d[\d,.]*)")
_PRICE = re.compile(r"(?<![\d.])\d[\d,]*\.\d+|(?<![\d.])\d{1,3}(?:,\d{3})+")
# A stock's code in brackets (600888), (00888), then a quote's links.
_CODE = re.compile(r"\((?:\d{6}|\d{4,5}|[A-Z]{1,5})(?:\.[A-Z]{2})?\)")
# A picture's prompt: 点击查看大图, 点击图片查看高清大图, 点击下方图片了解更多, 雷达回波图 点击查看动画.
_PICTURE_PROMPT = re.compile(r"(?:点击|点此|按此|轻触|长按)\s*(?:[上下]方)?\s*(?:图片|图|查看)\S{0,8}?(?:大图|原图|高清|动画|更多|详情|图片|查看)"
                             r"|(?:查看|点击)(?:高清)?(?:大图|原图)")
# Reading time above an article: 本文约2800字，阅读需要8分钟; 阅读时长 5 分钟.
_READING_TIME = re.compile(r"^(?:本文|全文)?(?:约|共)?\s*\d[\d,]*\s*字[,\s|丨]*(?:预计)?(?:阅读|读完)(?:需要|需|约|时间|时长)?\s*(?:约)?\s*\d+\s*分钟"
                           r"|^(?:预计)?阅读(?:时长|时间|需要)\s*:?\s*(?:约)?\s*\d+\s*分钟")
# The same statement as a whole line closed by a stop (本文约2800字，阅读需要8分钟。): still no sentence of the article's.
_READING_LINE = re.compile(rf"(?:{_READING_TIME.pattern})(?:左右)?[。.]?$")
# A player's position and length alone (00:00 / 02:48).
_PLAYER_CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$")
# An advert's label opening its copy: 广告 | 开户即送…, 推广：…
_AD_LEAD = re.compile(r"^(?:广告|推广|赞助|商业推广|AD)\s*(?:\||:|丨)\s*\S")
_CLAUSE = re.compile(r"[\u3400-\u9fff],|,[\u3400-\u9fff]")  # a comma between words: a sentence's clause, no thousands
# A sentence's end (NFKC: ！ is !, ？ is ?, … is ...), closing quotes or brackets after it: 已有超过12万人参与！,
# …投资项目……, 他说：“到了。”
_SENTENCE_END = re.compile(r"(?:[。!?]|\.\.\.)[”’」』\"')\]】]*$")
# Words in quotation marks are what the article names or cites (网友吐槽“点击查看大图”按钮太小), as portals._QUOTED.
_QUOTED = re.compile(r"“[^”]{1,16}”|「[^」]{1,16}」|『[^』]{1,16}』|\"[^\"]{1,16}\"")
# A loading notice a player or a picture leaves as text (视频加载中，请稍候...): interface words alone.
_LOADING = re.compile(r"^(?:视频|音频|图片|内容|页面|播放器)?\s*(?:正在)?加载中\s*[,，]?\s*(?:请稍候|请稍等|请耐心等待)?\s*(?:\.{3}|…)*$")


# The forms a headline may take ("" is none): a survey's or a contest's key (调查：超七成受访者支持…, 竞猜：…)
# and a call to follow or download are headlines' shapes too; the line guessed as the headline stays it.
HEADLINE_FORMS = ("", "poll", "follow")
# Rows of data an article sets out under its own line ending in a colon (截至收盘： over a run of prices,
# 具体预报如下： over the days' forecasts): other widgets under a colon are a site's (关注我们：).
DATA_FAMILIES = ("quote-row", "weather")
INSIDE_FAMILIES = ("player", "audience", "poll", "font-size", "inline-related", "quote-row", "follow", "picture",
                   "reading-time", "inline-advert", "widget-buttons", "page-list", "weather")


def widget(text: str, f: dict[str, float]) -> str:
    """The family of a widget's line (see the module's docstring), or "". ``text``: folded, NFKC;
    ``f``: its text features (a paragraph is no widget)."""
    if not text or len(text) > WIDGET_MAX or is_paragraph(text, f):
        return ""
    return _widget_form(text)


# A function of the line alone, asked of a page's short lines at every reading of it, and a site
# repeats its widgets' rows from page to page: the lines read last are remembered.
@lru_cache(maxsize=4096)
def _widget_form(text: str) -> str:
    """``widget`` of a line that may be one (short, no paragraph)."""
    forms_ = forms()
    # A caption goes by its credit (as forms.caption takes 摄, 供图): a picture's source closing it.
    # A caption that only describes its picture (▲民众在灯笼展拍照留念。, 县长（右三）视察…。, 图一：…)
    # stays, as every set's hand copies keep it; a run of them may be the article (a photo story).
    # Each pattern is asked only of a line holding what it cannot match without (a closing
    # bracket near the end, 加载中, a leading digit, 分钟): most lines hold none of them.
    if ")" in text[-2:] and forms_.picture_credit.search(text):
        return "picture"
    if "加载中" in text and _LOADING.match(text) or text[:1].isdecimal() and _PLAYER_CLOCK.match(text):
        return "player"
    if "分钟" in text and _READING_LINE.match(text):
        return "reading-time"
    if _SENTENCE_END.search(text) and not _bracketed_poll(text, forms_):
        return ""  # a line ending its sentence is none of the rows below (已有超过12万人参与!, 这些图片来源于网络，…。)
    if _STEP.match(text):
        return ""  # an article's numbered step or heading (三、打开手机短信), whatever it names
    bare = _QUOTED.sub("", text)  # what the line says itself: quoted words are the article's (吐槽“点击查看大图”按钮)
    clause = bool(_CLAUSE.search(text))
    if forms_.picture_source.match(text) or (len(text) <= 30 and forms_.picture_note.search(bare)):
        return "picture"
    if forms_.placeholder.match(text) or (len(text) <= SHORT_MAX + 6 and _PICTURE_PROMPT.search(bare)):
        return "picture"
    if _READING_TIME.match(text):
        return "reading-time"
    if forms_.font.match(text):
        return "font-size"
    if (not clause and len(text) <= 40 and not _OPENING_TIME.match(text) and forms_.player.search(bare)
            and (forms_.controls.search(bare) or _DURATION.search(bare))):
        return "player"
    if not clause and len(text) <= SHORT_MAX and (forms_.audience.search(text) or forms_.live.match(text)):
        return "audience"
    if not clause and (forms_.poll.match(text) or _QUESTION_CHOICES.match(text)):
        return "poll"
    if len(text) <= SHORT_MAX and forms_.buttons.match(text):
        return "poll" if re.search("投票|答案|结果|测", text) else "widget-buttons"
    if forms_.related.match(text) or (len(text) <= SHORT_MAX and forms_.more.match(text)) or forms_.promo.match(text) \
            or related_row(text) or spaced_row(text):
        return "inline-related"
    if _quote_row(text):
        return "quote-row"
    if _buttons_at_end(text, forms_):
        return "widget-buttons"
    if (len(text) <= 40 and (call := forms_.follow.search(bare)) and ":" not in bare[: call.start()]
            and ("," not in bare[: call.start()] or len(bare) - call.end() <= CALL_TAIL and "," not in bare[call.end():])):
        # The call opens the line (加入…LINE好友，掌握…) or closes it (海量资讯，尽在财经频道APP); after a key it is
        # a fact's value (预约方式：关注…公众号), between clauses a sentence's (添加好友后，对方…).
        return "follow"
    if _AD_LEAD.match(text):
        return "inline-advert"
    if _prompt_row(text):
        return "follow"
    if _PAGE_TITLE.match(text):
        return "page-list"
    if _weather(text):
        return "weather"
    return ""


# A numbered step or heading (三、打开手机短信, 2. 下载APP, (一) 关注公众号): an article's list, no widget.
_STEP = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.]|\(?[一二三四五六七八九十]{1,3}\)|\d{1,2}\s*[、.)](?!\d)|第[一二三四五六七八九十\d]{1,3}步)")


def _bracketed_poll(text: str, forms_: Forms) -> bool:
    """A poll's heading in brackets (【投票】你支持…吗？): the bracket sets the key apart from any sentence."""
    return text.startswith(("【", "[", "(")) and bool(forms_.poll.match(text)) and not _CLAUSE.search(text)


CALL_TAIL = 6  # characters after a call's channel that still close it (尽在财经频道APP)


# A prompt's opening: what a link or a button asks the reader to do (点击报名, 扫码进群…, 按此捐款…).
_PROMPT_OPENING = re.compile(r"^(?:点击|点此|按此|点这里|点我|扫码|扫一扫|长按|立即|马上|一键)")
PROMPT_ITEM_MAX = 16  # characters of one prompt


def _prompt_row(text: str) -> bool:
    """A line of prompts alone, split by a separator (点击报名 | 扫码进群领取求职资料), or one link's
    prompt opened by 按此/点此 and ending no sentence (按此捐款支持我们的服务)."""
    items = [x.strip() for x in re.split(r"\s*[|丨]\s*", text) if x.strip()]
    if len(items) >= 2:
        return all(len(x) <= PROMPT_ITEM_MAX and _PROMPT_OPENING.match(x) for x in items)
    return len(text) <= PROMPT_ITEM_MAX + 4 and bool(re.match(r"^(?:按此|点此|点这里|点我)", text)) and "," not in text


# A paged article's list of its pages: 第1页：测试环境, 第2页 续航表现 (its pager is features.pager's).
_PAGE_TITLE = re.compile(r"^第\s*\d{1,2}\s*页\s*[:\s]\s*[^\s\d:][^。]{0,20}$")
# A weather widget: a temperature and another reading (湿度, 空气质量, 风力) or a sky (阴转大雨), no sentence.
_TEMPERATURE = re.compile(r"-?\d{1,2}(?:\s*[~～-]\s*-?\d{1,2})?\s*(?:°C|℃|°|度)")
_WEATHER_WORDS = re.compile(r"天气|气温|湿度|空气质量|风力|紫外线|降水概率|AQI|PM2\.5|晴|阴|多云|[小中大暴阵]雨|雪")


def _weather(text: str) -> bool:
    return (len(text) <= 40 and "," not in text and bool(_TEMPERATURE.search(text))
            and len(set(_WEATHER_WORDS.findall(text))) >= 2)


def _buttons_at_end(text: str, forms_: Forms) -> bool:
    """A card's row ending in two buttons or more set apart by spaces (【楼盘】云溪府 在售 均价… 查看户型
    预约看房, 指导价：… 询底价 查看配置)."""
    items = text.split()
    tail = 0
    for item in reversed(items):
        if not forms_.buttons.match(item):
            break
        tail += 1
    return tail >= 2 and len(items) > tail


# A ticker's key: a row so marked is a quote widget's (行情：上证指数 …, 实时报价 …).
_QUOTE_KEY = re.compile(r"行情|报价|自选|盘口")


def _quote_row(text: str) -> bool:
    """A ticker's row: several quotes, each a price with its change (台积电 1,080 ▲15 鸿海 182.5 ▼1.0,
    沪深300 3921.46 +0.82% 创业板指 2105.33 +1.21%), or one under a ticker's key or beside a stock's code
    (行情 沪深300 3921.46 +0.82%, 腾达控股(00888)52.30 +3.15%), and no sentence (no Han clause, no stop);
    or a stock's code with its links (隆光新能(600888)行情 资金流向). One figure and its change alone
    (上证指数 3021.46 +0.82%, 全年粮食产量 6.95亿吨 +1.3%) is as often the article's own data."""
    if _CLAUSE.search(text) or "。" in text or re.search(r"[\u3400-\u9fff]{12,}", text):
        return False
    code = _CODE.search(text)
    if code and forms().buttons.match(text[code.end():].strip()):
        return True
    if not _PRICE.search(text):
        return False
    return _quotes(text) >= 2 or bool((code or _QUOTE_KEY.search(text)) and _CHANGE.search(text))


# One quote: a price, then its change (+2.34%, ▲15, +212.31 (+1.18%)); a bare -05 is a date's or a range's.
_QUOTE = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?\s*(?:[+-]\s*\d+(?:\.\d+)?\s*%|[+-]\s*\d[\d,]*\.\d+\s*\(\s*[+-]?\s*\d+(?:\.\d+)?\s*%\)"
                    r"|[▲▼△▽↑↓]\s*\d[\d,.]*)")


def _quotes(text: str) -> int:
    """Quotes on a row: prices each followed by a change."""
    return len(_QUOTE.findall(text))


# What prose says when it speaks of a weather row's or a quote row's matter: beside such prose the row
# is the article's forecast or closing prices (…大风降温天气，气温明显下降… over 明天：多云转阴 3~9℃ 北风5级).
_TOPICS = {
    "weather": re.compile(r"天气|气温|降温|升温|气象|预报|冷空气|寒潮|台风|降雨|降水|雨雪|高温"),
    "quote-row": re.compile(r"指数|股价|收盘|开盘|大盘|涨幅|跌幅|收涨|收跌|报收|成交额"),
}


TOPIC_FAMILIES = tuple(_TOPICS)  # the families ``spoken_of`` may hold of a row: asked of no other


def spoken_of(family: str, beside: str) -> bool:
    """Does ``beside`` (a prose line next to a widget-shaped row of ``family``) speak of that row's matter?"""
    topic = _TOPICS.get(family)
    return bool(topic and topic.search(beside))


def introduces(above: str) -> bool:
    """Does the line above a widget-shaped row introduce it (截至收盘：, 受访者的选择如下：)? The rows
    under a line ending in a colon are what the article sets out there (a run of closing prices)."""
    return above.rstrip().endswith(":")


# The opening of a sentence that speaks of the line above it (这两本书…, 上述…, 该视频…): that line
# is the article's, whatever its form (推荐阅读：《老街记忆》《城南旧事》 over 这两本书都写到了…).
# A bare 这 or 此 opens many a paragraph; a count or a plural after it points back at the items above.
_REFERS_BACK = re.compile(r"^(?:这|此|该)(?:些|几|[一二两三四五六七八九十]\s*[^\s\d])|^(?:上述|以上|前述|上面|上列)")


def referred(below: str) -> bool:
    """Does the line under a widget's row speak of it (``_REFERS_BACK``)?"""
    return bool(_REFERS_BACK.match(below))


# A poll's or a quiz's choices on one line: ○ 支持 ○ 反对, A. 立即转账 B. 挂断后…. A form's
# checkboxes (□ 同意参加 □ 不同意参加) look the same, so a line of choices goes only under a poll's line.
_OPTIONS = re.compile(r"^(?:[○◯●□☐■◎]\s*[^\s○◯●□☐■◎][^○◯●□☐■◎]{0,20}){2,}$|^A[.、)]\s*\S.{0,30}\sB[.、)]\s*\S")
OPTIONS_REACH = 2  # lines under a poll's line its choices stand within


def poll_options(text: str) -> bool:
    """A line of a poll's choices (``_OPTIONS``), at most ``WIDGET_MAX`` characters, no full stop."""
    return len(text) <= WIDGET_MAX and "。" not in text and bool(_OPTIONS.match(text))
