"""Lines of a page's widgets, by form: advert labels, hashtag rows, a media player's bar and
download links.

A portal sets these inside the article as well as around it (an advert label between two
paragraphs, a video player under the headline), so they are asked of every line before the body
is sought (``portals.form``): an advert label is a furniture heading to the line model, a barrier
that split a recipe's article in two and left its ingredients above the headline. None of these
forms is an article's sentence: a label alone, hashtags alone, two clock times split by a slash, a
file's name with its extension.
"""

from __future__ import annotations

import re

from cleaner.furniture.forms import item_row

ADVERT_MAX = 40  # characters of an advert label with the advert's own words (广告 某某金融 低首付 立即申请)
# What decorates a label alone on its line: rules, brackets, bars (—— 广告 ——, 【广告】, [AD]).
_DECOR = r"[\s\-—–_=·~*<>\[\]【】()|]*"
_CLAUSE = re.compile(r"[。!?;、]|,(?!\d{3})")  # 1,688万 is a price, no clause
_SENTENCE_END = re.compile(r"[。!?]")
_BRACKETS = "【[("


# Labels that open an advert's own words on the line. Not 推广 or 赞助 alone: an article's
# subheading may open with them (推广 节水灌溉技术).
_LEADING = ("广告", "广告位", "商业推广", "广告推广", "推广内容", "赞助内容")
# Labels that are an article's words as well (推广 a method, 赞助 a sponsor, AD a disease's
# initials, Ads a heading): alone and bare on their line, an advert's label only with an advert
# beside it (``weak_labels``); in brackets or between rules (【推广】, —— AD ——) a label anywhere.
_WEAK = ("推广", "赞助", "AD", "ADS")
# What an advert says after its label: a call to act, a price, a phone number, an address on the
# web. A label's words without one are an article's (广告 是互联网公司的主要收入来源, 广告 与 营销).
_PITCH = re.compile(r"(?i)立即|马上|点击|咨询|详询|详情|抢购|购买|下单|领取|申请|报名|加盟|下载|免费|低首付|优惠|热线|"
                    r"\d\s*(?:元|折|万元|万起)|[¥$]\s*\d|电话\s*:?\s*[\d(]|\b\d{3,4}-\d{7,8}\b|\b400[-\s]?\d{3}[-\s]?\d{4}\b|\b1[3-9]\d{9}\b|"
                    r"www\.|https?://|\.(?:com|cn|net)\b")


def advert_patterns(labels: list[str]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a line that is advert labels alone, a line opening with a label of ``_LEADING`` and a space
    or a bar, then the advert's words, a line that is one of ``_WEAK`` alone and bare) from the
    lexicon's ``adverts`` (folded, NFKC). Labels alone: one of them not weak, or decorated (in
    brackets, between rules). Not a colon after the label: 广告：3万元 is a budget's row."""
    weak = {w.upper() for w in _WEAK}
    words = "|".join(re.escape(w) for w in sorted(set(labels), key=lambda w: (-len(w), w)))
    strong = "|".join(re.escape(w) for w in sorted({w for w in labels if w.upper() not in weak}, key=lambda w: (-len(w), w)))
    lead = "|".join(re.escape(w) for w in sorted(set(_LEADING), key=lambda w: (-len(w), w)))
    label_row = rf"(?:{words})(?:{_DECOR}(?:{words}))*"
    # The first lookahead (a label opens the line, after its decoration) is what the rest needs
    # anyway; it rejects nearly every line before the second scans the line for a strong label.
    alone = re.compile(rf"(?i)^(?={_DECOR}(?:{words}))(?=.*(?:{strong})|.*[\[【(—\-=*<])({_DECOR}){label_row}{_DECOR}$")
    led = re.compile(rf"^(?:[【\[(](?:{lead})[】\])]\s*|(?:{lead})(?:\s*\|\s*|\s+))(\S.*)$")
    bare = re.compile(rf"(?i)^\s*(?:{'|'.join(map(re.escape, _WEAK))})\s*$")
    return alone, led, bare


def advert(text: str, alone: re.Pattern, led: re.Pattern) -> bool:
    """An advert's label alone (广告, —— 广告 ——, ADVERTISEMENT 广告, 【推广】), or a label opening a
    short advert that pitches (广告 车行天下金融 低首付 0利息 立即申请: no clause, no sentence end, a
    call to act, a price, a phone number or an address)."""
    if alone.match(text):
        return True
    if len(text) > ADVERT_MAX * 2 or len(text) > ADVERT_MAX and text[:1] not in _BRACKETS:
        return False
    m = led.match(text)
    if not m or not _PITCH.search(m.group(1)):
        return False
    # A label in brackets (【广告】) is the site's mark, no word of a sentence: the advert after it
    # may list (诚聘厨师、服务员) and run longer; it still ends no sentence.
    return not (_SENTENCE_END if text[:1] in _BRACKETS else _CLAUSE).search(m.group(1))


def pitch(text: str) -> bool:
    """A short line that sells: a call to act, a price, a phone number or a web address, and no
    sentence end (某某金融 低首付 0利息 立即申请)."""
    return len(text) <= ADVERT_MAX and not re.search(r"[。!?]", text) and bool(_PITCH.search(text))


def weak_labels(texts: list[str], families: list[str], bare: re.Pattern) -> list[int]:
    """Positions of a bare 推广, 赞助, AD or Ads alone on its line with an advert beside it (a line
    of the advert family, or one that pitches): the label of that advert."""
    out = []
    for pos, text in enumerate(texts):
        if families[pos] or len(text) > 8 or not bare.match(text):
            continue
        near = [k for k in (pos - 1, pos + 1) if 0 <= k < len(texts)]
        if any(families[k] == "advert" or (not families[k] and pitch(texts[k])) for k in near):
            out.append(pos)
    return out


# Two or more hashtags and nothing else (#日本 #自由行 #心得; Weibo's #话题# #话题#): a post's tag row.
_HASHTAGS = re.compile(r"^(?:#[^\s#]{1,24}#?\s*){2,}$")


def hashtags(text: str) -> bool:
    return "#" in text and bool(_HASHTAGS.match(text))


# A player's position and length under a label in brackets (【视频播放】 00:00 / 02:36).
_PLAYER = re.compile(r"^[【\[(][^】\])]{1,8}[】\])]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}$")


# A player's bar before it plays: its position at zero and the length (听全文 00:00 / 06:12 倍速 1.0x,
# ▶ 播放 00:00 / 68:14 1.0x 下一集), whatever labels and buttons stand around it, no clause. A time
# span an article states starts elsewhere than 0:00 (19:30 / 21:00). Anything beside the bar names
# a player's button (播放, 倍速, ▶): a TV schedule's row names its programme (焦点访谈 0:00 / 0:30 重播).
_ZERO_POSITION = re.compile(r"(?<![\d:])0?0:00\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?![\d:])")
_BAR_CLAUSE = re.compile(r"[,。;!?、]")
_PLAYER_WORD = re.compile(r"播放|暂停|倍速|听全文|音量|全屏|[▶►⏸⏯]")
PLAYER_BAR = 40  # characters


def player(text: str) -> bool:
    if "/" not in text:
        return controls(text)
    if _PLAYER.match(text) or controls(text):
        return True
    if len(text) > PLAYER_BAR or "0:00" not in text or _BAR_CLAUSE.search(text):
        return False
    bar = _ZERO_POSITION.search(text)
    return bool(bar) and (not (text[: bar.start()] + text[bar.end() :]).strip() or bool(_PLAYER_WORD.search(text)))


# A video or audio player's controls: its quality, speed, subtitle and screen buttons, nothing
# else on the line (1080P 高清 倍速 字幕, 倍速 1.0x). One word alone may head an article's section
# (字幕, 弹幕): two items at least, a speed word with its value counts as two.
_CONTROL = re.compile(r"(?i)倍速|高清|超清|标清|蓝光|流畅|字幕|全屏|网页全屏|宽屏|画中画|弹幕|画质|清晰度|音量|静音|"
                      r"\d{3,4}p\+?|[248]k|\d(?:\.\d{1,2})?\s*[x倍]")


def controls(text: str) -> bool:
    if len(text) > 30 or not any(w in text for w in ("倍速", "清", "字幕", "屏", "弹幕", "画", "P", "p")):
        return False  # the search below asked of lines holding a control word only
    items = text.split()
    return len(items) >= 2 and all(_CONTROL.fullmatch(item) for item in items)


# A download link: a file's name with its size (1130912新闻稿.pdf (235 KB)), furniture anywhere. Without its size (or its
# count, below) the line may name the article's own file: only below the last prose line, and not
# under a line that introduces it (``trailing_files``).
_FILE = re.compile(r"(?i)^(?:附件\s*\d*\s*[:.、]?\s*)?[^。!?,;:]{1,80}?\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|wps|ofd|ceb|zip|rar|7z)"
                   r"\s*\(\s*[\d.,]+\s*[KMG]?B\s*\)$")
# Or a file's title with its type in brackets, or its name, and the times it was downloaded
# (總裁記者會簡報(PDF) 下載次數：2,876, folded and NFKC: 下载次数:2,876): a count no notice writes of
# its own attachment.
_COUNTED_FILE = re.compile(r"(?i)^(?:附件\s*\d*\s*[:.、]?\s*)?[^。!?,;:]{1,80}?"
                           r"(?:\(\s*(?:pdf|docx?|xlsx?|pptx?|odt|wps|ofd|zip|rar)\s*\)|\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|wps|ofd|ceb|zip|rar|7z))"
                           r"\s*(?:[|/·]\s*)?下载(?:次数|量)?\s*:?\s*\d[\d,]*\s*次?$")
# The heading of a box of such links; furniture only right above one (附件 over a paragraph heads
# the article's own appendix). Taiwan's sites say 相關檔案 and 附檔 (folded: 相关档案, 附档).
_FILES_HEAD = re.compile(r"^(?:相关附件|附件下载|下载附件|附件列表|相关文件|相关下载|相关档案|相关附档|附档|附件)\s*:?$")


# A box's heading with its one file on the same line (相關附件：得獎名單.pdf folded): the heading names a
# site's box of files (相关, 下载), not the notice's own appendix (附件：1.报名表.doc stays the notice's).
# Headings of a download box, not 相关附件 (review30a: a notice's own file is labelled so, Taiwan's
# government pages most of all).
_HEADED_FILE = re.compile(r"(?i)^(?:附件下载|下载附件|相关下载)\s*:\s*"
                          r"[^。!?,;:]{1,60}?\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|wps|ofd|ceb|zip|rar|7z)$")


def attachment(text: str) -> bool:
    if text[-2:].upper() == "B)":
        return bool(_FILE.match(text))  # its size closes the line
    if text.startswith(("相关", "附件下载", "下载附件")):
        return bool(_HEADED_FILE.match(text))
    return "下载" in text and bool(_COUNTED_FILE.match(text))  # its download count closes it


def grade_heads(texts: list[str], families: list[str]) -> None:
    """An evaluation form's heading right above its graded row is part of the form (``rating``)."""
    for pos in range(len(texts) - 1):
        if not families[pos] and families[pos + 1] == "rating" and _GRADE_HEAD.match(texts[pos]):
            families[pos] = "rating"


def attachment_heads(texts: list[str], families: list[str]) -> None:
    """A box heading right above an attachment line is part of the box (family ``attachment``)."""
    for pos in range(len(texts) - 1):
        if not families[pos] and families[pos + 1] == "attachment" and _FILES_HEAD.match(texts[pos]):
            families[pos] = "attachment"


# A heading that says the lines under it are to download or are the site's related files (附件下载：,
# 下载附件, 相关下载, 相关文件): a site's box of links, whatever the notice above it names. Not 附件：
# alone, which heads the notice's own list.
_DOWNLOAD_HEAD = re.compile(r"^(?:附件下载|下载附件|相关下载|文件下载|附件列表|相关附件下载|相关附件|相关文件)\s*:?$")
_FILE_NAME = re.compile(_FILE.pattern.split(r"\s*\(")[0] + r"\s*$", re.IGNORECASE)


def file_name(text: str) -> bool:
    """A file's name and nothing else (``附件：1.报名表.doc``, ``2.成果简介模板.docx``; normalised)."""
    return "." in text and bool(_FILE_NAME.match(text))


def download_boxes(texts: list[str], families: list[str]) -> list[int]:
    """Positions of a download box: its heading (``_DOWNLOAD_HEAD``) and the file names under it,
    each with its extension (``附件1：岗位表.xlsx``), with or without a size. The notice's own list
    of attachments names them without an extension (``附件：1.岗位表``), above its signature; the
    box repeats them as the files a reader downloads."""
    out: list[int] = []
    for pos, text in enumerate(texts):
        if families[pos] or not text.startswith(("附件", "下载", "相关", "文件")) or not _DOWNLOAD_HEAD.match(text):
            continue
        end = pos + 1
        while end < len(texts) and (families[end] == "attachment" or (not families[end] and _FILE_NAME.match(texts[end]))):
            end += 1
        if end > pos + 1:
            out += range(pos, end)
    return out


def trailing_files(texts: list[str], families: list[str], prose: list[bool]) -> list[int]:
    """Positions of the file links below the page's last prose line: rows that name a file with
    its extension (``附件：药品名单.xlsx``, ``2.建设单位承诺书.pdf``), each perhaps under the
    attachment key, and a bare ``附件：`` heading right above them. A document names its
    attachments by their titles (GB/T 9704's 附件说明: ``附件：1.岗位表``, above the signature,
    kept); a file's extension is the name of the upload, the link text the site's template writes
    under the document. Above a prose line such a row is the article's own (an essay that names a
    file) and stays; so do rows under a line that introduces them (``…转换前后的文件如下：``, a
    heading of the article's own such as ``会议材料：``): a list the article announces."""
    last_prose = max((p for p, x in enumerate(prose) if x), default=-1)
    if last_prose < 0:
        return []  # no prose: a list of files may be the page's whole content
    out: list[int] = []
    pos = last_prose + 1
    while pos < len(texts):
        end = pos
        while end < len(texts) and not families[end] and "." in texts[end] and _FILE_NAME.match(texts[end]):
            end += 1
        if end == pos:
            pos += 1
            continue
        above = texts[pos - 1].rstrip()
        if pos - 1 > last_prose and not families[pos - 1] and _FILES_HEAD.match(above):
            out += [pos - 1, *range(pos, end)]
        elif families[pos - 1] or not above.endswith((":", "如下")):
            out += range(pos, end)
        pos = end
    return out


# A rating widget: a score (stars, a mark out of 5 or 10, perhaps with 分) with the count of those
# who rated (1236人评价, 2.1万条点评, 856位用户打分, (1236人做过这道菜)), perhaps after its key
# (综合评分, 豆瓣评分), nothing else: no name (a guide's row 某某餐厅 4.6分 3200条点评 is the
# article's), no clause. NFKC folded: the brackets are ASCII.
_RATING = re.compile(r"^(?:(?:综合|用户|网友|豆瓣|大众|口碑|推荐)?(?:评分|得分|评价|口碑|星级|指数)\s*:?\s*)?[★☆]{0,5}\s*"
                     r"(?:\d{1,2}\.\d{1,2}\s*分?|\d{1,2}\s*分|[★☆]{1,5})\s*(?:/\s*(?:5|10)\s*)?[(\[]?\s*[\d.,]+\s*万?\s*"
                     r"(?:人|条|位|个)(?:用户|网友)?(?:评价|评分|点评|打分|做过|想看|看过|推荐|参与|投票)[\u4e00-\u9fff]{0,6}\s*[)\]]?$")
RATING_MAX = 40  # characters of a rating row


# Or a reply's evaluation form: two keys or more, each with a grade, nothing else (a message
# board's 解决程度：已解决　办理态度：满意　办理速度：一般).
_GRADE = r"(?:非常满意|基本满意|比较满意|不满意|满意|一般|已解决|未解决|部分解决|很好|较好|较差|好|差)"
_GRADED_ROW = re.compile(rf"^(?:[^\s:：]{{2,6}}\s*:\s*{_GRADE}\s*){{2,}}$")
# Its heading, furniture only right above such a row (a survey's report may head a section so).
_GRADE_HEAD = re.compile(r"^(?:满意度评价|满意度测评|满意度|办理评价|评价结果|我要评价)\s*:?$")


def rating(text: str) -> bool:
    if len(text) <= RATING_MAX and ("满意" in text or "解决" in text or "好" in text or "差" in text or "一般" in text) \
            and _GRADED_ROW.match(text):
        return True
    return len(text) <= RATING_MAX and ("人" in text or "条" in text or "位" in text or "个" in text) and bool(_RATING.match(text))


# A page's question to its reader with the two answers to click after it (这篇文章对您有帮助吗？ 有帮助 没帮助,
# 本文有用吗? 有用 没用, 您对内容满意吗? 满意 不满意): a question, then a word and its negation (没, 不, 无
# before it, or in place of its 有). An article asks questions, but answers none with a pair of opposites;
# a speaker's turn (问：你去不去？ 去 不去) has its colon, and a one-letter answer is a reply's.
_ASKED = re.compile(r"^[^:\s][^:]{1,30}?\?\s*(\S{2,5})\s+(\S{2,6})$")
FEEDBACK_MAX = 40  # characters


# A numbered question is a survey's or a quiz's row, the article's own (review30a).
_NUMBERED = re.compile(r"^\s*[(（]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．)）]")


def feedback(text: str) -> bool:
    m = _ASKED.match(text) if len(text) <= FEEDBACK_MAX and "?" in text and not _NUMBERED.match(text) else None
    if not m:
        return False
    yes, no = m.groups()
    return any(no == neg + yes or yes[0] == "有" and no == neg + yes[1:] for neg in ("没有", "没", "不", "无"))


# A site's advice on how to view it (建议使用1920*1080分辨率 IE10以上浏览器, 最佳瀏覽解析度 1280×1024，
# 建議使用 Chrome …): a browser's sign (浏览, a browser's name), an advice's word, and a sign no
# article's sentence about browsers needs (a resolution, 最佳浏览, 浏览效果, a version "or above"); a
# news sentence (微软建议用户使用Edge浏览器。) or a tutorial's (建议使用Chrome浏览器最新版本访问) has no
# third, a monitor's review (显示器推荐分辨率1920×1080，…) no browser.
_VIEWING = re.compile(r"(?i)浏览|ie\s*\d|chrome|firefox|edge|safari")
_ADVICE = re.compile(r"建议|推荐|最佳|请使用|请用|为了获得")
_VIEWING_ONLY = re.compile(r"(?i)分辨率|解析度|最佳浏览|浏览效果|以上版本|以上(?:的)?浏览器|\d{3,4}\s*[×x*]\s*\d{3,4}")
VIEWING_MAX = 80  # characters


def viewing_advice(text: str) -> bool:
    # Gated by the advice's characters (建议, 推荐, 最佳, 请使用, 为了获得: one of 建推最请获) before any search.
    return (len(text) <= VIEWING_MAX and _ADVICE_CHARS.search(text) is not None and bool(_ADVICE.search(text))
            and bool(_VIEWING_ONLY.search(text)) and bool(_VIEWING.search(text)))


_ADVICE_CHARS = re.compile("[建推最请获]")  # a character class: its search costs a fifth of frozenset.isdisjoint on Han text


# A row of the pages of an article set over several, each with its title (第1页：外观设计 第2页：内饰空间):
# a pager whose items are named.
_PAGE_INDEX = re.compile(r"^(?:第\s*\d{1,2}\s*页\s*:\s*[^\s:]{1,16}\s*){2,}$")


def page_index(text: str) -> bool:
    return "页" in text and bool(_PAGE_INDEX.match(text))


# A picture viewer's prompt and counts (▲ 点击查看高清大图 共24张, 上一张 下一张, 查看原图): nothing but
# these items, arrows and separators; one of them speaks of pictures.
_GALLERY_ITEM = re.compile(r"(?:请)?(?:点击|点此)?(?:查看|浏览|进入)?(?:高清)?(?:大图|原图|组图|图集|高清图|全部图片)|共\s*\d+\s*[张幅]"
                           r"|上一张|下一张|上一组|下一组|\d+\s*/\s*\d+|播放|暂停|自动播放|全屏|缩略图")
_GALLERY_REST = re.compile(r"[\s▲△▼↑↓<>|/\-·()\[\]【】]*")


_GALLERY_SIGN = re.compile(r"大图|原图|组图|图集|高清图|全部图片|\d\s*[张幅]|上一张|下一张")


def gallery(text: str) -> bool:
    return item_row(text, 40, _GALLERY_SIGN, _GALLERY_ITEM, _GALLERY_REST, 1)


# A slideshow's counter alone on its line, over or under each picture's caption (1/8, 2/8, 【3/8】).
_SLIDE = re.compile(r"^[(\[【]?\s*(\d{1,3})\s*/\s*(\d{1,3})\s*[)\]】]?$")
SLIDE_GAP = 4  # lines from one counter to the next at most (a picture's caption between); a PDF's pages are 8 or more


def slide_counters(texts: list[str], families: list[str]) -> list[int]:
    """Positions of a slideshow's counters: bare ``k/N`` lines of one ``N`` counting up by one from
    1, each within ``SLIDE_GAP`` lines of the last, two or more. One ``1/2`` alone may be a
    table's or a recipe's fraction; a PDF copy's page numbers (2/9) stand a page apart and are
    ``running_heads.py``'s."""
    out: list[int] = []
    runs: dict[int, list[int]] = {}  # N -> the positions of its run so far
    for pos, text in enumerate(texts):
        m = _SLIDE.match(text) if "/" in text and not families[pos] else None
        if not m:
            continue
        k, n = int(m.group(1)), int(m.group(2))
        run = runs.get(n, [])
        if run and k == len(run) + 1 and pos - run[-1] <= SLIDE_GAP and k <= n:
            run.append(pos)
        elif k == 1 and n >= 2:
            if len(run) >= 2:
                out += run
            run = [pos]
        runs[n] = run
    out += [pos for run in runs.values() if len(run) >= 2 for pos in run]
    return sorted(set(out))


# A search box's placeholder listing what may be searched (请输入电影、电视剧、综艺; 影人、片名、导演 搜索;
# 请输入关键词): a list of three kinds at least after a call to type, or before the box's button, or
# a call to type a keyword. A list after 搜索 or 查找 alone is an article's (搜索引擎、浏览器、操作系统;
# 查找隐患、堵塞漏洞、完善制度).
_KINDS = r"(?:[\u3400-\u9fffA-Za-z]{1,6}\s*[、/|]\s*){2,}[\u3400-\u9fffA-Za-z]{1,6}"
_SEARCH = re.compile(rf"^(?:请|可)?输入(?:关键词|关键字)?\s*:?\s*{_KINDS}(?:等)?(?:\s*(?:搜索|查询|\.{{3}}|…+))?$"
                     rf"|^(?:(?:站内)?搜索\s*:?\s*)?{_KINDS}\s+搜索$"
                     r"|^(?:请)?输入(?:关键词|关键字|搜索词|搜索内容|您要搜索的内容)(?:搜索|查询)?$")


def search_box(text: str) -> bool:
    return len(text) <= 40 and ("搜" in text or "输入" in text) and bool(_SEARCH.match(text))


def related_link_pattern(headings: list[str]) -> re.Pattern:
    """A recommended-reading heading with one link's title after its colon, on one line
    (推荐阅读：7月新能源车销量出炉：多家新势力创新高), from the lexicon's recommended-reading headings."""
    words = "|".join(re.escape(w) for w in sorted(set(headings) - _UPDATE_HEADS, key=lambda w: (-len(w), w)))
    return re.compile(rf"^[【\[]?(?:{words})[】\]]?\s*[:|]\s*(\S[^。!?]{{3,45}})$")


# Headings of a portal's news box that a news article opens its own updates with as well
# (最新消息：台风中心已进入北部湾海面): alone on a line they head a box (``_tail_forms``), with a
# colon and words they are the article's.
_UPDATE_HEADS = frozenset({"最新消息", "即时新闻", "热门新闻", "最新动态", "最新新闻", "最新进展"})
_BOOKS = re.compile(r"^(?:《[^》]+》[\s、,]*)+$")  # an article's own reading list names books (推荐阅读：《红楼梦》)


def related_links(texts: list[str], families: list[str], prose: list[bool], pattern: re.Pattern) -> list[int]:
    """Positions of the related stories' links set on one line with their heading, with article
    prose (or nothing) right under them: a link between two paragraphs splits nothing, and its
    title ends no sentence. Not a list of books (an article's own reading list), and not the
    first link of a box whose other links follow (延伸阅读：标题 over more titles: ``boxes.py``
    and the rule ``common/related`` read the whole box)."""
    out = []
    for pos, text in enumerate(texts):
        if families[pos] or not (":" in text or "|" in text):
            continue
        m = pattern.match(text)
        if m and not _BOOKS.match(m.group(1)) and (pos + 1 == len(texts) or prose[pos + 1]):
            out.append(pos)
    return out


# A table of contents: its heading (目录, 文章目录, 本文目录, Contents), then two or more entries, each a
# section heading the page repeats further down (1 历史沿革 … 历史沿革): the repeat is the evidence,
# not the words. Its number and an edit link (历史沿革[编辑]) aside.
_CONTENTS_HEAD = re.compile(r"(?i)^(?:目\s*录|文章目录|本文目录|内容目录|页面目录|contents|table of contents)\s*:?$")
_ENTRY_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.、]?|[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节])\s*")
_EDIT_LINK = re.compile(r"\s*\[\s*编辑\s*\]$")
CONTENTS_ENTRY_MAX = 30  # characters of a table of contents' entry
CONTENTS_MIN = 2  # entries under the heading


def _entry(text: str) -> str:
    return _EDIT_LINK.sub("", _ENTRY_NUMBER.sub("", text)).strip()


def contents(texts: list[str], families: list[str]) -> list[int]:
    """Positions of a table of contents' heading and entries: the heading alone on its line, then
    ``CONTENTS_MIN`` or more short lines without a sentence end, each repeated (its number and an
    edit link aside) by a line further down the page, the section it points to. Read only on a
    page with such a heading."""
    out: list[int] = []
    for pos, text in enumerate(texts):
        if families[pos] or not _CONTENTS_HEAD.match(text):
            continue
        entries = [_entry(t) for t in texts]
        run = []
        for k in range(pos + 1, len(texts)):
            entry = entries[k]
            numbered = entry != texts[k]
            if (len(texts[k]) > CONTENTS_ENTRY_MAX or not entry or not (numbered or _HEADING_LIKE.match(entry))
                    or _CLAUSE.search(entry) or entry not in entries[k + 1 :]):
                break
            run.append(k)
        if len(run) >= CONTENTS_MIN:
            out += [pos] + run
    return out


_HEADING_LIKE = re.compile(r"^[\u3400-\u9fffA-Za-z]")  # an entry without a number is a heading's words


# A box's label in brackets, then its links split by bars (【游戏专区】山海异闻录 | 攻略 | 资料库 | 哈拉版):
# a channel's menu; no clause, no sentence end. Anywhere when the label names a channel
# (``channel_menu``); any label only outside the article's prose (``menu_rows``): inside it,
# 【本期嘉宾】张三 | 李四 | 王五 and 【主演】A | B | C are the article's lists.
_LABELLED_MENU = re.compile(r"^【([^】]{2,8})】\s*[^|]{1,12}(?:\s*\|\s*[^|]{1,8}){2,}$")
_CHANNEL = re.compile(r"专区|频道|栏目|导航|板块|版块|社区|论坛")


def _menu(text: str) -> re.Match | None:
    if not (text.startswith("【") and "|" in text and len(text) <= 60) or _CLAUSE.search(text):
        return None
    return _LABELLED_MENU.match(text)


def channel_menu(text: str) -> bool:
    return bool((m := _menu(text)) and _CHANNEL.search(m.group(1)))


def menu_rows(texts: list[str], families: list[str], prose: list[bool]) -> list[int]:
    """Positions of labelled menu rows above the first prose line or below the last."""
    first = next((p for p, x in enumerate(prose) if x), len(texts))
    last = max((p for p, x in enumerate(prose) if x), default=-1)
    return [pos for pos, text in enumerate(texts) if not families[pos] and (pos < first or pos > last) and _menu(text)]
