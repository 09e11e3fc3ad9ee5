"""Lines whose form alone marks them as a site's furniture, on any site.

Each test reads one line (folded and NFKC-normalised, as ``features.normalise`` gives it) with one
compiled pattern; ``generic.forced`` applies them where they hold (outside the article body, or
anywhere for a rule line). They name forms no article sentence takes:

- ``imprint``: a site's registration numbers, the foot of Chinese sites and newspapers
  (``京ICP备05013524号``, ``京公网安备 11010502000333号``, ``政府网站标识码：1500000001``,
  ``国内统一刊号：CN54—0002``, ``邮发代号：67—1``, ``互联网新闻信息服务许可证``).
- ``stats``: a member's or an author's counters and nothing else (``粉丝：23 文章：11``,
  ``积分: 100``, ``能力值：545803``, ``浏览次数：12345次``): a profile box beside a forum post or a
  blog article, an entry's statistics.
- ``rule_line``: a drawn rule (``------``, ``======``, ``＊＊＊``, ``━━━``): decoration, no words.
- ``source_line``: a short source, author or translator line under an article (``来源：新华网``,
  ``文：眉间尺``, ``转自：北京科技报``, ``转自《北京科技报》``, ``译：Chen Bin``): the reprint's credit, not the article's text. A picture's caption
  (``图：北京天安门广场``) is no credit.
- ``nav_row``: a row split by two or more ``|`` with an item that is a furniture label alone
  (``上一篇标题 | 回首页 | 2005年索引 | 下一篇标题``): a blog's or a portal's article navigation,
  whose other items are titles (so it is no ``item_row`` of short labels).
- ``tags``: the article's tags or keywords (``标签：健身步道 城市公园``, ``关键词: 医改, 医保``,
  ``Tags: 旅行 川西``): links to other pages, no sentence.
- ``blog_name``: the name of a blog or a member's space standing alone (``阿明的博客``,
  ``小周的空间``, ``海风的部落格``): the page's masthead or a link to another blog.
- ``title_row``: a channel's key and a row of its headlines split by spaces (``理财：为什么有人富了
  而有人不行 银行还款是怎么算出来的``): a portal's link block set on one line. The titles may ask
  (``…富翁?``), so the row can read as a sentence; it is no prose (``features.is_prose``). A
  caption's or a cast's names (``主演：刘德华 张学友``) are too short to be titles.
- ``quote``: a security's name, price and change in per cent alone (``宁德时代 182.35 +4.12%``), or
  a row of them: a finance portal's ticker rows and index boards. No prose: the thousands' commas
  of ``3,287.42`` read as clauses, and an index board above the headline joined the body.
- ``consent``: a site's banner asking leave to keep cookies (``本站使用Cookies以提升阁下的浏览体验。
  继续浏览即表示阁下同意我们使用Cookies。 了解更多 接受``): the site speaks of itself (我们, 本站,
  本网站), of cookies and of the reader's consent or continued browsing. Well punctuated, it joined
  the body above the headline. An article about cookies speaks of sites, not as one.
- ``caption``: a picture's caption, told by its credit at the end (``(摄影:刘洋)``, ``(图/3C科技网摄)``,
  ``(作者供图)``, ``。摄影:林佳蓉``, ``蔡雪婧/摄``), by a note of who gave the pictures (``图片由卫生局提供``,
  ``(本文图片均由某馆提供)``) or by a caption's opening (``图为``, ``图1 ``, ``▲``, its own label ``图说:``,
  ``[图片说明1:``) on a line that ends no sentence: the picture's, not the article's text.
- ``prompt``: a short call to click (``点击此处查询全部新闻``, ``点击看大图``, ``请点击这里订阅``): a link's
  text, no sentence (an article writes ``点击鼠标右键即可保存。``, a full sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# A channel's key (two to four letters and a colon), then three or more titles split by spaces.
_TITLE_ROW = re.compile(r"[\u3400-\u9fff]{2,4}\s*:\s*(\S.*)")
TITLE_ROW_ITEMS = 3  # titles on the row at least
TITLE_ROW_MEAN = 6  # characters a title runs on average (names run two to four)


def title_row(text: str) -> bool:
    """A channel's key and a row of at least ``TITLE_ROW_ITEMS`` headlines split by spaces, each
    four characters or more, ``TITLE_ROW_MEAN`` on average, no clause or full stop among them,
    nor two more keys (a row of key-value fields is a table's, not a channel's)."""
    m = _TITLE_ROW.fullmatch(text) if ":" in text else None  # the key's colon: most lines hold none
    if not m or re.search(r"[,。;、]", m.group(1)) or m.group(1).count(":") >= 2:
        return False  # clauses, or more keys: a row of fields (证券代码：… 证券简称：… 公告编号：…)
    items = m.group(1).split()
    return len(items) >= TITLE_ROW_ITEMS and min(map(len, items)) >= 4 and sum(map(len, items)) >= TITLE_ROW_MEAN * len(items)


# A row of fields (NFKC: the colon is ASCII): a key of Han characters, a colon and a value, nothing
# but such fields split by spaces (发布日期：113-03-15　更新日期：113-04-02　点阅次数：3482).
_FIELD = re.compile(r"[\u3400-\u9fff]{2,6}\s?:\s?\S+")
FIELD_ROW_ITEMS = 3  # fields on the row at least
_FIELD_SPLIT = re.compile(r"\s{2,}|\s(?=[\u3400-\u9fff]{2,6}\s?:)")


def fields_row(text: str) -> bool:
    """``FIELD_ROW_ITEMS`` or more ``key:value`` fields split by spaces and nothing else: a page's
    record of its item (dates, counts, publisher, author). The caller asks for a byline key
    among them (``kv_filled``): an announcement's own header row (证券代码：… 证券简称：… 公告编号：…)
    names none."""
    if text.count(":") < FIELD_ROW_ITEMS:
        return False  # each field holds a colon: the split below is spared on nearly every line
    items = _FIELD_SPLIT.split(text.strip())
    return len(items) >= FIELD_ROW_ITEMS and all(_FIELD.fullmatch(x) for x in items)


# A security's quote: its name, its price and its change in per cent, nothing else (宁德时代 182.35
# +4.12%): a finance portal's ticker beside or under the article. An article states a move in words.
# An index board is a row of them (上证指数 3,287.42 +0.63% 深证成指 10,412.18 +1.02%), its change
# perhaps after an arrow and in brackets (恒指 23,845.12 ▲ 312.47 (+1.33%)).
_QUOTE = re.compile(r"(?:[\u3400-\u9fffA-Za-z]{2,10}\s*(?:\(\w{2,10}\))?\s+\d[\d,]*(?:\.\d+)?\s*"
                    r"(?:[▲▼↑↓]\s*(?:\d[\d,]*(?:\.\d+)?\s*)?\(?[+\-]?|\(?[+\-])\d+(?:\.\d+)?%\)?\s*)+")


# Items each closed by a bracketed count, nothing else: a blog's categories (随笔(12) 读书(5)), a tag
# cloud, a recipe's menus (家常菜大全(12.5万人收藏) 下饭菜(8.1万人收藏)). Two items at least.
_COUNTED_ITEM = r"[^\s()\[\]【】,。!?;:]{1,12}\s*[(\[【]\s*\d[\d,.]*\s*(?:万|千)?\s*[\u3400-\u9fff]{0,4}\s*[)\]】]"
_COUNTED_ROW = re.compile(rf"{_COUNTED_ITEM}(?:\s*[|/·]?\s*{_COUNTED_ITEM})+")


# An advert without its label: a short pitch closed by its button (律师在线解答 专业律师24小时在线 立即咨询>>,
# 婺源2日游 含门票+接送 ¥298起 立即预订). A call to act ends it, perhaps with an arrow; no key, no clause.
# A verb of buying is the pitch's own; one an event notice uses too (报名, 预约, 申请, 领取: 本次讲座免费
#向市民开放 点击报名) only with the link's arrow after it.
_CALL_TO_ACT = re.compile(r"\S{6}.*\s(?:立即|马上|点击)(?:(?:咨询|预订|购买|抢购|下单|体验|试听|试用|开户)\s*(?:>>|>|›|»)?"
                          r"|(?:申请|领取|报名|预约)\s*(?:>>|>|›|»))$")
PITCH_MAX = 50  # characters of a pitch closed by its button


_PITCH_CLAUSE = re.compile(r"[:,;、。!?]")  # a key or a clause: an article's line (报名方式：扫码 立即报名)


def pitch_button(text: str) -> bool:
    return len(text) <= PITCH_MAX and not _PITCH_CLAUSE.search(text) and bool(_CALL_TO_ACT.search(text))


def counted_row(text: str) -> bool:
    return text[-1:] in ")]】" and bool(_COUNTED_ROW.fullmatch(text))


def quote(text: str) -> bool:
    return "%" in text and bool(_QUOTE.fullmatch(text))


# Registration identifiers of Chinese sites and periodicals. A line naming one is the site's foot.
IMPRINT = re.compile(r"ICP[备证]|公网安备|网站标识码|统一刊号|邮发代号|许可证(?:编)?号|经营许可证")
# Counters with a short key and a bare number, and nothing else on the line ("粉丝:23文章:11"). A
# colon is required: "北京国安 2" may be a row of an article's table. A count of times may carry its
# unit (浏览次数：12345次); no other unit: "得分：98分", "人口：1200人" are a table's.
_STATS = re.compile(r"(?:\s*[\u3400-\u9fff]{1,5}\s*:\s*\d[\d,.]*\s*(?:次|人次)?\s*)+")
# Keys of a number that reaches someone (a line, a phone, a fax, a postcode), not of a count.
_CONTACT_KEY = re.compile("热线|电话|专线|手机|传真|邮编|邮政编码")
# A rule drawn with one repeated sign (spaces between allowed). Not the ellipsis: "……" alone is a
# pause in dialogue.
_RULE = re.compile(r"([-_=*~─━—+#])(?:\s*\1){2,}")
# A source or author credit: the key, a colon, a short value (a name, an agency, a paper).
# A translator is credited the same way (译：Chen Bin); a reprint names its paper without a colon too
# (转自《北京科技报》), the paper's name in its brackets and nothing after.
_SOURCE = re.compile(r"[(\[【]?(?:(?:本篇文章|本文|文章)?来源于|来源|稿件来源|文章来源|新闻来源|信息来源|资料来源|出处|转自|转载自|作者|文|撰文|撰稿|供稿|供稿单位|录入|文章录入|报道|报导|摄影|译|译者|编译)\s*:\s*\S.{0,20}"
                     r"|[(\[【]?(?:转自|转载自)\s*《[^》]{1,20}》\s*[)\]】]?")
SOURCE_MAX = 30  # characters: a source line names a source, it says nothing more
# Tags: the key, a colon, then items (no sentence end: checked apart).
# A blog's or a space's name: a short owner (a name: no spaces, no punctuation), then what it is.
# An essay's headline about a blog ("我为什么关掉了自己的博客") is longer; a headline stays anyway.
_BLOG_NAME = re.compile(r"(?i)[\w·]{1,8}的(?:博客|部落格|网志|个人空间|空间|个人主页|blog)")
# A call to click: the verb, then what the link does.
_PROMPT = re.compile(r"(?:请|请您)?(?:点击|点此|点这里)(?:此处|这里|查看|阅读|进入|看|下载|图片|链接|播放|收听|观看|订阅|浏览|返回|了解|更多)"
                     # 更多房市新闻请上好房网: a pointer to the site's channel; 免费订阅《高端阅读》, 订阅联合早报精选内容:
                     # a call to subscribe to a publication (订阅经济兴起 names none).
                     # The site's own pieces (新闻, 资讯, 精彩内容), not what the article is about (更多招生信息请访问学校官网).
                     r"|更多[^。!?,]{0,10}(?:新闻|资讯|内容|报道|视频|文章|精彩)请(?:上|到|访问|浏览|登录|关注|点击|下载|移步)"
                     r"|(?:免费|立即|马上|欢迎|一键)?订阅(?:《[^》]{1,16}》|[^\s。!?,]{0,10}(?:电子报|精选|newsletter))"
                     # A call to act on the site's offer: a code to scan, then what for (扫码关注某某公众号,
                     # 长按识别二维码下载); a word of haste, then a deal's verb (立即下载, 马上预约, 一键安装,
                     # 立即购买完整课程). A sentence asking so ends on its stop; the article's own steps are
                     # counted (1. 扫码关注…) and inside its body, where prompts are not forced.
                     r"|(?:微信)?(?:扫码|扫一扫|扫描二维码|长按(?:识别)?二维码|长按识别|识别二维码)"
                     r"(?:即可|免费)?(?:关注|下载|添加|加入|进群|订阅|安装|收听|观看|领取|预约|报名|购买)"
                     # The haste branch is the whole line with a short object (立即下载APP): a subheading
                     # or a sentence opens so too (立即报名参加马拉松的人数超过十万, review29a).
                     r"|(?:立即|马上|一键)(?:下载|购买|预约|报名|注册|登录|领取|体验|安装|咨询|抢购|试用|开通|加入|关注)"
                     r"[^\s。!?,:]{0,6}$")
PROMPT_MAX = 30  # characters
_SENTENCE_END = ("。", "!", "?", ";")


# A photographer's or a provider's credit closing the line, folded and NFKC (（摄影：刘洋） is (摄影:刘洋)):
# bracketed (…摄, …摄影, …供图, 图/…, 摄影/…, 图片…提供; after the caption's full stop, 。(某球团提供):
# an aside inside a sentence stands before its stop, and a source of data, (数据由某局提供), is none), or
# after the caption (。摄影:林佳蓉, 蔡雪婧/摄). A name before 摄 needs a name's context: a slash, a
# reporter's title (本报记者 惠禾 摄) or a caption's stop; a heading's last word is none (第一部分 风光摄影).
_CAPTION_CREDIT = re.compile(r"(?:\((?:[^()]{0,24}?(?:摄影|摄|供图)|(?:图|图片|照片|摄影|摄)\s*[:/][^()]{1,24}|[^()]{0,16}(?:图片|照片)[^()]{0,12}提供)\)"
                             r"|[。!?]\s*\((?![^()]*(?:数据|资料|信息|消息|由))[^()]{2,10}提供\)"
                             r"|(?:^|[。!?\s])(?:摄影|图|图片)\s*[:/]\s*[\u3400-\u9fffA-Za-z·]{2,12}"
                             r"|\s[\u3400-\u9fff·]{2,4}\s*/\s*摄影?"
                             r"|(?:记者|通讯员|[。!?])\s*[\u3400-\u9fff·]{2,4}\s*摄影?)$")
_PICTURE_NOTE = re.compile(r"^\(?(?:本文|文中)?(?:图片|照片|配图)(?:均|皆)?(?:由|来自)[^,。!?()]{2,24}(?:提供|拍摄)\)?$")
# A caption's opening. 上图/下图 head a caption when it names the picture (上图为…, 左图:…, 右图 …);
# 下图是近五年的产量对比 is the body's sentence. A caption's own label with its colon or bracket
# (图片说明1:…, 图说:…, 【图注】…, [图片说明1:漫画/冷洁]) heads one; 图说中国 (a column) and 图片说明会 do not.
_CAPTION_HEAD = re.compile(r"^(?:图为|图\s*\d{1,2}\s|图\s*\d{0,2}\s*:|[▲△]|[上下左右]图(?:为|\s*:|\s)"
                           r"|[\[【(]?(?:图片说明|图说|图注)\s*\d{0,2}\s*:"
                           r"|[\[【(](?:图片说明|图说|图注)\s*\d{0,2}\s*[\]】)])")
CAPTION_MAX = 80  # characters: a caption is a line or two under the picture, no paragraph
CREDIT_REACH = 40  # characters at the line's end a credit lies within


@lru_cache(maxsize=4096)
def caption(text: str) -> bool:
    """A picture's caption: its credit closes it, a note says who gave the pictures, or a caption's
    opening heads a line that ends no sentence. (Asked of a line several times a reading, and a
    site repeats its lines: remembered. Every caption holds 摄, 图, 照 or 提供: a line with none is
    not searched.)"""
    if len(text) > CAPTION_MAX or not ("图" in text or "摄" in text or "照" in text or "提供" in text):
        return False
    return bool(_CAPTION_CREDIT.search(text, max(len(text) - CREDIT_REACH, 0)) or _PICTURE_NOTE.match(text)
                or (_CAPTION_HEAD.match(text) and not text.endswith(_INTRODUCES)))


# A line that ends a sentence or introduces what follows (…的产量对比:) is the body's.
_INTRODUCES = (*_SENTENCE_END, ":")


_COOKIE = re.compile(r"(?i)cookie")
_CONSENT_SELF = re.compile(r"我们|本站|本网站|本网|本平台")
_CONSENT = re.compile(r"同意|接受|允许|继续浏览|继续使用|继续访问")
CONSENT_MAX = 200  # characters: a banner is a sentence or two and its buttons


def consent(text: str) -> bool:
    """A cookie banner: cookies, the site speaking of itself and the reader's consent."""
    return (len(text) <= CONSENT_MAX and ("ookie" in text or "OOKIE" in text) and bool(_COOKIE.search(text))
            and bool(_CONSENT_SELF.search(text)) and bool(_CONSENT.search(text)))


@lru_cache(maxsize=4096)  # asked of a line by several readers a page, and a site repeats its foot
def imprint(text: str) -> bool:
    return bool(IMPRINT.search(text))


def stats(text: str) -> bool:
    """A row of counters (浏览：1205 评论：3). A number that reaches someone is no count: a
    hotline's, a phone's, a fax's or a postcode's key (服务热线：96800, a notice's own contact row)."""
    return len(text) <= 40 and bool(_STATS.fullmatch(text)) and not _CONTACT_KEY.search(text)


def rule_line(text: str) -> bool:
    return bool(_RULE.fullmatch(text))


def source_line(text: str) -> bool:
    """A credit names a source and says nothing: no clause, no sentence (an interview's
    ``作者：是的，谢谢。`` is the article's)."""
    return len(text) <= SOURCE_MAX and bool(_SOURCE.fullmatch(text)) and not _SPOKEN.search(text)


_SPOKEN = re.compile(r"[,。!?;]")


def blog_name(text: str) -> bool:
    return bool(_BLOG_NAME.fullmatch(text))


def prompt(text: str) -> bool:
    return len(text) <= PROMPT_MAX and not text.endswith(_SENTENCE_END) and bool(_PROMPT.match(text))


def nav_row(text: str, is_label: Callable[[str], bool]) -> bool:
    """Two or more ``|`` and an item that ``is_label`` (a furniture label alone: 回首页, 返回列表)."""
    if text.count("|") < 2:
        return False
    return any(is_label(item) for item in (x.strip() for x in text.split("|")) if item)


def item_row(text: str, limit: int, sign: re.Pattern, item: re.Pattern, rest: re.Pattern, least: int) -> bool:
    """A row of nothing but ``item``s (``least`` at least) and what ``rest`` allows between them,
    at most ``limit`` characters, holding a ``sign`` (a pager's 页, a picture viewer's 大图). One
    substitution and one match: no pattern that could backtrack on a long line."""
    if len(text) > limit or not sign.search(text):
        return False
    left, items = item.subn(" ", text)
    return items >= least and bool(rest.fullmatch(left))
