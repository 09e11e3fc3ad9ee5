"""Furniture of portal families by form: forums, Q&A sites, PTT, WeChat articles, novel sites,
government pages, Taiwan and Hong Kong news.

The line model (``generic.py``) weighs features learned on news and blog pages; these families
hardly occur there, and their lines read as short unpunctuated text that the model keeps or
that splits the body. Each family here is a *form* that no article sentence takes (a member's
counter row, a post's floor stamp, a PTT header, a tag row, a WeChat credit row with bars, a
line that is a date and nothing else, a letter-spaced copyright line), decided on the line's own
folded text, plus a few forms that hold only where the article's prose has ended (the lines
under a WeChat ``END``, a press release's ``完``, a recommended-reading heading). The words come
from ``data/lexicon.toml`` (``[portals]``), the shapes from the patterns below.

``portal_lines`` is called by ``generic.prepare`` before body finding, so that a PTT header or a
forum's counter rows never split the article; its lines go as Steps ``generic/<family>``.
Never taken: a line a rule rewrote (``keep``), a paragraph (over ``PARAGRAPH`` characters with a
full stop), and every form but the tail ones needs no position: a form that is furniture
wherever it stands.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cleaner._native import FurnitureLexicon, PortalForms
from cleaner.furniture import closing_rows
from cleaner.furniture.author_notes import author_notes
from cleaner.furniture.comment_blocks import answer_stamps, comment_blocks, vote_rows
from cleaner.furniture.counted_rows import ordinal, sequences
from cleaner.furniture.document_dates import date_note
from cleaner.furniture.entries import title_match, title_parts, title_words
from cleaner.furniture.fact_cards import entry_boxes, fact_cards
from cleaner.furniture.features import FEATURES, Line, line_features, normalise, normalised_lines
from cleaner.furniture.forms import pitch_button
from cleaner.furniture.item_runs import heads_schedule
from cleaner.furniture.name_bylines import name_bylines
from cleaner.furniture.lexicon import DATA, Lexicon
from cleaner.furniture.post_marks import account_names, counted_buttons, desk_credits, floors, line_mark, lone_places, site_labels, split_counts
from cleaner.furniture.posts import other_posts
from cleaner.furniture.related_words import alternation, load_related
from cleaner.furniture.site_contact import contact_rows
from cleaner.furniture.site_contact import site_names as contact_names
from cleaner.furniture.site_foot import site_foot
from cleaner.furniture.site_rows import UPDATED, RowWords, credit_pattern, credit_row, licence_pattern, site_rows
from cleaner.furniture.stamped_replies import stamped_replies
from cleaner.furniture.widgets import (advert, advert_patterns, attachment, attachment_heads, channel_menu, contents, download_boxes, gallery, grade_heads, hashtags, menu_rows,
                                      page_index, player, rating, related_link_pattern, related_links, search_box, slide_counters, trailing_files,
                                      feedback, viewing_advice, weak_labels)

PARAGRAPH = 150  # characters: a line this long holding a full stop is article text, whatever it holds
ROW_MAX = 60  # characters of a row of labels, counters or credits
PROSE_MIN = 100  # characters of prose above a tail marker (END, 完, a recommended heading, a reply)

# Day or month first with the year last (15/10/2024: Australia, Singapore, Hong Kong) before a bare
# month and day.
_DATE = r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*[-/]\s*\d{1,2}|\d{1,2}月\d{1,2}日)"
_TIME = r"(?:\d{1,2}\s*[:时]\s*\d{2}(?:\s*[:分]\s*\d{2}\s*秒?)?分?)"
_WEEKDAY = r"(?:星期|周|礼拜)[一二三四五六日天]"
# A time zone's abbreviation after a time (HKT, AEDT, SGT, MYT, GMT+8, UTC).
_ZONE = r"(?:HKT|[A-Z]{1,3}[SD]?T|UTC|GMT)(?:[+\-]\d{1,2})?"
# A line that is a date and nothing else: 2024年3月15日 星期五 上午06:30, 2024年3月15日(星期五),
# 香港时间11时30分, 2024-03-16 HKT 12:05. A diary's date heading has the same form; it is taken
# outside the prose only (above the first prose line or below the last).
_DATELINE = re.compile(rf"[(\[【]?\s*(?:{_DATE}|{_WEEKDAY}|{_TIME}|上午|下午|晚上|凌晨|中午|早上|香港时间|北京时间|台北时间|"
                       rf"{_ZONE}|[AP]M|更新于|发布于|更新|发布|[()（）\[\]【】,|·\s])+\s*[)\]】]?")
# A date line as news sites set it (with the weekday, the part of the day, the zone): a bare
# "2022-02-13 23:37" above the article is its publication date, kept by the dev set's hand copies.
_SITE_DATE = re.compile(rf"{_WEEKDAY}|上午|下午|晚上|凌晨|中午|早上|香港时间|北京时间|台北时间|{_ZONE}|[AP]M")
_AGO = re.compile(r"\d+\s*(?:秒|分钟|小时|天|周|个月)前")  # a forum's relative time: 发表于 3 天前
_HAS_DATE = re.compile(rf"{_DATE}|{_TIME}")
# A member's name and level badge, nothing else (一只旅行的猫 Lv.8, 小林 LV5).
_LEVEL_BADGE = re.compile(r"[^\s,。!?:]{1,16}\s*[Ll][Vv]\s*\.?\s*\d{1,2}")
# A view counter beside a post's date: 阅读 3.4万, 浏览(1234), 点击：12次, Taiwan's 点阅：1,204.
# Not a duration or an amount (阅读3小时, 阅读两篇: a diary's day).
_VIEWS = re.compile(r"(?:阅读|浏览|点击|点阅|人气|播放)(?:数|量|次数)?\s*[:(]?\s*[\d.,]+\s*[万千kKwW]?\s*次?\)?(?![\u3400-\u9fff])")
_VIEW_SIGNS = re.compile("[阅浏击气播]")  # one character class: a search costs a fifth of frozenset.isdisjoint on Han text
# A post row's bracketed counters without a date: 小花 发表在 痞客邦 留言(3) 人气(1,245). Two at least.
_BRACKET_COUNTER = re.compile(r"(?:留言|评论|回复|回应|人气|阅读|浏览|点击|点赞|收藏|转发|分享|引用)\s*\(\s*[\d,.]+\s*[万千kKwW]?\s*\)")
_STAMP_GAPS = re.compile(r"[\s|/·,:()\-]+")
# A forum post's floor or client stamp: 来自Android客户端 1楼 2023-08-11 16:06, 2 楼 大头 2023-11-03 10:01,
# 小绿 2023-11-02 21:45 #1, 发表于 2023-10-8 21:15:37 | 只看该作者.
_FLOOR = re.compile(r"\d+\s*楼|#\d+\s*$|客户端|发表于|只看该作者|只看楼主|电梯直达|倒序浏览|阅读模式|^\d+\s*#")
# A comment's stamp closed by its reply button (2024-02-18 22:10:45 [回复]); no clause (a sentence
# may end on the button's name).
_BUTTON_STAMP = re.compile(r"[\[【]\s*回[复覆]\s*[\]】]\s*$")
# 本帖最后由 X 于 2023-8-11 16:20 编辑; 本文最后由 …; ※ 编辑: id (ip), date; 编辑于 2023-06-02 11:24 · IP 属地上海.
_EDITED = re.compile(r"最后由\s*\S.{0,30}?于\s*.{0,30}编辑|^(?:※\s*)?编辑\s*:\s*\S+\s*\(|^(?:编辑|发布|发表|修改|更新)于\s*"
                     rf"(?:{_DATE}|昨天|今天|前天|\d+\s*(?:分钟|小时|天)前)")
_PTT_HEADER = re.compile(r"^(?:作者\s+\S+.*看板\s+\S+|.*(?:^|\s)看板\s+[A-Za-z_\-]+$|标题\s+(?:\[|Re:|Fw:)|时间\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+"
                         r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+[\d:]+\s+\d{4})")
_PTT_PUSH = re.compile(r"^(?:推|嘘|→)\s*[\w.]+\s*:.*\d{2}/\d{2}(?:\s+\d{2}:\d{2})?\s*$")
_PTT_MARK = re.compile(r"^※\s*(?:发信站|文章网址|编辑|转录者|引述|发文者|来自)")
_SIGNATURE = re.compile(r"^--\s*$")
# A bylines without a key: 联合报/ 记者林佳慧/基隆即时报导, (明报记者 黄家欣), (中央社记者陈君毅台北15日电),
# 【记者林小华/台中报导】, (区发改局 供稿), 本报记者 张三 李四, 本报记者 张三 发自北京; and the imprint 《 人民日报 》( 2024年03月15日 04 版).
_REPORTER = re.compile(r"记者|通讯员|特派员|特约撰稿|供稿|供图|报导|报道|专电|\d{1,2}日电|综合报导|编译")
_REPORTER_SIGNS = re.compile("[记通特供报专电综编]")  # every word of _REPORTER holds one: a line with none is not searched
_BYLINE = re.compile(r"^[(\[【〔]?\s*[^\s()\[\]【】〔〕,，。:]{0,8}?(?:记者|通讯员|特派员)\s*[\u3400-\u9fff·]{2,5}(?:\s*[、,/ ]\s*[\u3400-\u9fff·]{2,5}){0,3}"
                     r"\s*(?:/?\s*[\u3400-\u9fff\d]{0,8}(?:报导|报道|电|专电|摄)|\s*发自[\u3400-\u9fff]{2,6})?\s*[)\]】〕]?$|^[(\[【〔]\s*[^,，。:]{2,20}\s*(?:供稿|供图)\s*[)\]】〕]$")
# A section heading of the reporter's own (记者手记, 记者观察, 通讯员札记): the words after 记者 are the
# column's kind, not a name, and the article's text follows under it.
_REPORTERS_COLUMN = re.compile(r"[(\[【]?(?:记者|通讯员|特派员)\s*(?:手记|札记|笔记|日记|观察|感言|随笔|连线|探访|调查|直击|见闻|"
                               r"体验|点评|述评|评论|后记|附记)[)\]】]?")
_SLASH_BYLINE = re.compile(r"^(?:\S.{0,30}\s)?\S{1,8}\s*/\s*(?:\S{0,6}记者|记者)?\s*[\u3400-\u9fff·]{2,5}\s*/\s*\S{0,8}(?:报导|报道|电)\s*$")
# An outlet and a reporter split by a bar, the report's kind after the name (新头壳newtalk | 林怡君 综合报导).
_BAR_BYLINE = re.compile(r"^[^|/,。]{2,16}\s*[|/]\s*(?:记者\s*)?[\u3400-\u9fff·]{2,4}\s*(?:综合报导|综合报道|报导|报道|专访|编译)$")
_IMPRINT = re.compile(rf"《\s*[^》]{{2,16}}\s*》\s*[(\[]?\s*{_DATE}\s*(?:第?\s*\d{{1,3}}\s*版|\d{{1,3}}\s*版)")
# The issue of a periodical the article came from, alone on a line under it (——《北京之春》1996年6月号,
# 《選擇》月刊第590期, （原载《读书》2005年第3期）): read only below the last prose line (a list of
# issues inside an article stays).
_ISSUE = re.compile(r"[—\-–~]*\s*[(\[]?\s*(?:原载|原刊|刊于|载于|选自|摘自|转自|来源:?)?\s*《[^》]{1,16}》\s*(?:杂志|月刊|周刊|半月刊|双月刊|季刊|期刊)?\s*"
                    r"(?:\d{4}\s*年\s*)?(?:第?\s*\d{1,4}\s*期|\d{1,2}\s*月号|\d{1,2}\s*月刊|\d{1,2}\s*月)\s*[)\]]?")
ISSUE_MAX = 40  # characters
_EDITOR_CODE = re.compile(r"^[(\[【]\s*(?:编辑|责任编辑|责编|编审|审校|校对|译者)\s*[:/ ]\s*[^)\]】]{2,20}[)\]】]\s*\d{6,8}$")
# Photo credits: ▲图片来源:网络, 图片来源于网络,如有侵权请联系删除, (图片来源:资料图片), 图/记者林佳慧摄影,
# 摄影 张伟, 摄影:老周.
_PHOTO = re.compile(r"^[▲△↑↓▼(\[【\s]*(?:本文|文中|本页)?(?:图片?|照片|摄影|配图|题图|头图|封面图?|资料图)\s*(?:来源|来自|提供|由)?\s*[:/|丨]\s*[^,，。?!]{1,16}[)\]】]?\s*$"
                    r"|^[▲△↑↓▼(\[【\s]*图片(?:来源|来自)于?网络|(?:^|[。!?\s])图\s*/\s*[^,，。]{1,12}(?:摄影?|提供)\s*$|^(?:摄影|摄)\s+[\u3400-\u9fff·]{2,4}$")
# Reprint and authorisation notes: (本文为作者授权发布,转载请联系原作者), 本文经授权转载自微信公众号「X」(ID:x),
# a blog's licence note over its post (版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，…),
# 本文链接:… 转载请注明出处。, ※ 文章网址: …
# A blog's trackback address (Trackback: http://…, 本文引用通告地址：…) is the same kind of line.
_REPRINT = re.compile(r"^(?:本文|原文|文章|永久)(?:链接|地址|网址)\s*:|转载请注明出处|^版权声明\s*:.{0,30}(?:原创|版权协议|CC\s*[\d.]+)|\(ID\s*:\s*[\w\-]+\)|(?i:trackback)[^,。]{0,12}:|引用通告|通告引用")
_REPRINT_SIGNS = re.compile(r"[转(:引通]")  # every form of _REPRINT holds one (a colon, a bracket, 转, 引 or 通)
# (本文为作者授权发布,…): bracketed, or short; an article's sentence may speak of 本文 and 授权.
_AUTHORISED = re.compile(r"^[(\[【]\s*本文.{0,16}(?:授权|转载自|转自|首发于|来源于|原载于|原发于)|"
                         r"^本文(?:为|系|经|由|已)?.{0,12}(?:授权|转载自|转自|首发于|原载于|原发于)[^。]{0,20}$")
# A comment listed with its writer and its date (小米粥：第一次做就成功了，颜色很漂亮 2024-10-11): a name, a
# colon, words that speak (a clause or a sentence's end: a byline's source and date have none), a
# date last, a full one (with its year, or 月…日): a bare 1-0 or 3/4 closing a line is a score or
# a share (上半场：双方互有攻守，主队暂时领先 1-0). A time after the date makes the line a stamp the
# line model reads already.
_FULL_DATE = r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}月\d{1,2}日)"
_DATED_COMMENT = re.compile(rf"^[\u3400-\u9fffA-Za-z0-9_·]{{1,12}}:\s*(\S[^:]{{1,80}}?)\s+{_FULL_DATE}$")
_SPEAKS = re.compile(r"[,。!?~]")
# The article's own terms of reprinting, said of itself (本文版权归作者 北方的树 所有,任何形式转载请联系作者。,
# 本文由「极客前沿」原创出品,转载请联系授权。): a sentence about this text, not in it.
_OWN_TERMS = re.compile(r"^(?:本文|本篇|此文)[^。!?]{0,40}转载[^。!?]{0,16}(?:授权|许可|联系|注明|禁止|不得|同意)"
                        r"|^(?:本文|本篇|此文)[^。!?]{0,4}版权[^。!?]{0,30}转载"
                        r"|^(?:本文|本篇|此文)(?:未经[^。!?]{0,8})?(?:禁止|不得(?!不)|严禁|谢绝|请勿)[^。!?]{0,4}转载")  # 本文禁止转载或摘编
# A platform's mark that the text is its writer's own (本文为我原创, 本篇系作者原创作品), alone on its line.
_OWN_ORIGINAL = re.compile(r"^(?:本文|本篇)(?:为|系)(?:我|作者|本人|博主)?的?原创(?:作品|文章|内容)?[。!]?$")
# The site's own hotline and its own sponsor, said of itself (新闻热线：0551-12345678, 违法和不良信息举报电话：12377,
# 本网站由某某市人民政府办公室主办): not a hotline an article lists (举报电话：… of a campaign). A programme
# or a broadcast names its sponsor so too, of itself (本节目由某某冠名播出, 本期直播由某某特约播出): the
# broadcaster's credit, as 本网站由…主办 is the site's; an article reports a sponsor in its own words
# (该节目由某某冠名), never as 本节目 alone on a line.
_HOTLINE = re.compile(r"^(?:新闻热线|报料热线|爆料热线|新闻爆料热线|违法和不良信息举报电话|不良信息举报电话|违法和不良信息举报|"
                      r"互联网违法和不良信息举报|投稿邮箱|投稿信箱|订报专线|订报热线|广告专线|广告热线|发行热线|订阅热线)\s*:\s*\S[^,。!?]{2,40}$")
# Not 本期 alone (a magazine issue's own 本期由市文化馆联合赞助), and not a sentence ending in 。
# (a press article's 本节目由…独家冠名播出。 between its paragraphs: review30a).
_SPONSOR = re.compile(r"^本(?:网站|网|站)由[^,。!?]{2,30}(?:主办|承办|维护|提供技术支持)\s*[。]?$"
                      r"|^本(?:节目|期节目|栏目|期直播|次直播|场直播|集|视频)由[^,。!?]{2,30}"
                      r"(?:独家|联合)?(?:冠名|特约|赞助)(?:播出|播映|呈现|支持)?$")
# A reprinted piece's original headline (原标题：…), set under the headline or the article.
_ORIGINAL_TITLE = re.compile(r"^[(\[【]?原标题\s*:\s*[^。]{2,60}[)\]】]?$")
# A self-media platform's note of where a piece comes from (本文来自网易号，作者：老王说事).
_PLATFORM = re.compile(r"^本文(?:来自|来源于|转自|转载自|源自)\s*[\u3400-\u9fffA-Za-z「」\"“”]{1,12}(?:号|公众号|平台|客户端)")
# An encyclopedia's note of who wrote or checked the entry (本词条由“科普中国”…审核。, 本词条由网友编辑).
_ENTRY_NOTE = re.compile(r"^本词条(?:由|内容由|已由)[^。!?]{2,60}(?:审核|编辑|提供|撰写|认证|创建|贡献)")
_BIO = re.compile(r"^(?:作者简介|作者介绍|关于作者|作者单位)\s*:")
# A blog's stamp in English (WordPress, Blogger): September 19th, 2005 at 7:32 pm, Posted by 阿明 at 10:32 PM.
_EN_STAMP = re.compile(r"(?i)^(?:posted\s+(?:by\s+\S{1,20}\s+)?(?:on\s+)?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?"
                       r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\s*(?:at|@|,)?\s*"
                       r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$|^posted\s+by\s+\S.{0,30}\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]m)?$")
# Where a writer posted from, as Chinese platforms show it under a post or a comment (IP属地：广东,
# 2024-05-06 09:12 · IP 属地北京): nothing else on the line but a name, a date or a time.
_IP_PLACE = re.compile(rf"^(?:[^,。!?]{{0,24}}?[\s·|]\s*)?IP\s*属地\s*:?\s*[\u3400-\u9fffA-Za-z]{{2,10}}$")
# A finance page's risk slogan alone on its line (股市有风险，投资需谨慎。): the site's, under every article.
_RISK = re.compile(r"(?:风险提示\s*:\s*)?(?:股市|市场|投资|理财|基金)有风险\s*,\s*(?:投资|入市|选择|购买|参与)需谨慎\s*[。!]?")
# A post's note of where and when it was posted (本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.), and a
# bracketed note of its readings ((本文发表于首页，已被阅读178次)): no sentence of an article's.
_POST_NOTE = re.compile(rf"^本[帖贴文]由\s*\S.{{0,20}}?于\s*{_DATE}.{{0,40}}(?:发表|发布|张贴|发贴|发帖)\s*\.?$")
_READ_NOTE = re.compile(r"^[(\[].{0,40}(?:已被|被|已)(?:阅读|浏览|点击|查看|访问)\s*\d+\s*次\s*[)\]]$")
# A running time or a reading time with its key: 音频 04:29, 视频时长：00:28:16, 预计阅读时间 5 分钟; a
# player's position and length (00:00 / 03:21). A bare
# time may be a page's publication time (kept), a bare count of minutes a recipe's step.
_DURATION = re.compile(r"^(?:音频|视频|时长|片长|播放时长|视频时长|音频时长|节目时长|阅读时间|阅读时长|预计阅读时间|预计阅读|阅读全文需要|阅读本文需要|阅读需要)"
                       r"\s*:?\s*(?:约\s*)?(?:(?:\d{1,2}:)?\d{1,2}:\d{2}|\d{1,3}\s*分钟)$|^(?:约\s*)?\d{1,3}\s*分钟(?:阅读|读完)$"
                       r"|^(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}$")  # a player's position: 00:00 / 03:21
_END = re.compile(r"^[\s\-—–_=·~*<>]*(?:THE\s*)?END[\s\-—–_=·~*<>]*$")  # — END —, — THE END —
# Under an END, a comments heading (留言, 写留言, 精选留言 12) and the comments listed under it, each
# its writer's name, a colon and the comment (晚风：我奶奶的借书证也还留着。 作者：欢迎带来给我们看看！).
_COMMENTS_HEAD = re.compile(r"^(?:写|精选|全部|热门)?(?:留言|评论)\s*\(?\d*\)?$")
_NAMED_REPLY = re.compile(r"^[^\s:,。!?]{1,12}:\s*\S")
REPLY_MAX = 200  # characters of a comment listed under an END
_FINIS = re.compile(r"^[\s\-—–(\[【〔]*(?:完|全文完|本文完|本章完)[\s\-—–)\]】〕]*$")
# A count keeps its magnitude (1.2万浏览: "1", ".", "2万", "浏览", each a count or its sign), so a
# counter row in 万 reads as one.
_SPLIT = re.compile(r"[\s|/·丨,、:;←→<>›»▼▲┆()\[\]]+|(?<=\D)(?=\d)|(?<=\d)(?=[^\d万千kKwW])|(?<=\d[万千kKwW])")
_COUNT = re.compile(r"^[+\-]?[\d,.]+[万千kKwW]?$|^[+\-]$|^[()\[\]<>‹›]+$|^\u200b$")
_SPACED = re.compile(r"^(?:\S ){5,}\S$")
_NOTICE = re.compile(r"(?i)版权所有|copyright|授权|转载|保留所有权利|all rights reserved")
_STATEMENT = re.compile(r"[。!]|(?<!\d),|,(?!\d)|:.*\?")
_PROSE_END = re.compile(r"[。!?！？]")
_PHOTO_SIGN = re.compile("[图照摄]")
_NUMBER = re.compile(r"^[\d\-:+.,万]+$")


@dataclass(frozen=True)
class Words:
    """The ``[portals]`` word lists of the lexicon."""

    ranks: frozenset
    stats: frozenset
    actions: frozenset
    buttons: frozenset
    qa: re.Pattern
    prompts: re.Pattern
    comment_box: re.Pattern  # a comment box's placeholder or empty state
    novel: re.Pattern
    headings: frozenset
    gov: re.Pattern
    tags: re.Pattern
    credits: re.Pattern
    answer_heads: re.Pattern
    foot: re.Pattern
    foot_site: re.Pattern
    post_stamp: re.Pattern  # a post's stamp row (posts.py)
    adverts: tuple[re.Pattern, re.Pattern, re.Pattern]  # an advert's label alone, a label opening an advert, a weak label (widgets.py)
    related_link: re.Pattern  # a recommended-reading heading with one link (widgets.py)
    rows: RowWords  # credit keys, tag keys and a shop's words (site_rows.py)
    native: FurnitureLexicon  # the ranks, counters, actions, Q&A, prompt and novel words, found natively
    forms: PortalForms  # ``form`` but its widgets, natively (``_portal_forms``)


# Every family's form holds one of these (or a word of the ranks, counters, actions, Q&A,
# prompts or novel lists): a digit, a colon, a separator, a bracket, a mark, a spaced run, a
# byline's or a photo credit's word. One search rejects most lines (menus, prose) at once.
_SIGNS = re.compile(r"[\d:|/丨※《▲△↑↓▼#()\[\]【】→]|\S \S \S |记者|通讯员|特派员|供稿|供图|报导|报道|[图照摄]|本文|转载|"
                    r"作者|看板|标题|时间|编辑")
_WORDED = ("ranks", "stats", "actions", "qa", "prompts", "novel", "comment_box")  # the lists whose words alone can make a family


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=2)
def load_words(path: Path = DATA / "lexicon.toml") -> Words:
    data = tomllib.loads(path.read_text(encoding="utf-8"))["portals"]
    lists = {k: [normalise(w) for w in v if w.strip()] for k, v in data.items()}
    pair = r"\s*[|丨/:]\s*"
    fields = dict(
        ranks=frozenset(lists["ranks"]), stats=frozenset(lists["stats"]), actions=frozenset(lists["actions"]),
        buttons=frozenset(lists["buttons"]),
        qa=re.compile(_alternation(lists["qa"])), prompts=re.compile(_alternation(lists["prompts"])),
        comment_box=re.compile(_alternation(lists["comment_box"])),
        novel=re.compile(_alternation(lists["novel"])), headings=frozenset(lists["headings"]),
        # A key of the metadata table, with its letters spaced or not, then a colon.
        gov=re.compile("^(?:" + "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(lists["gov"], key=lambda w: (-len(w), w)))
                       + r")\s*:"),
        tags=re.compile(r"(?i)^(?:" + _alternation(lists["tags"]) + r")\s*:"),
        credits=re.compile(r"^(?:(?:" + _alternation(lists["credits"]) + ")" + pair + r"[^|丨/:]{1,24}?\s*){1,4}$"),
        answer_heads=re.compile(_alternation(lists["answer_heads"])),
        # A foot key with its colon, anywhere on the line (主办:… 承办:…; 联系地址:… 邮政编码:…).
        foot=re.compile("(?:" + _alternation(lists["foot"]) + r")\s*:"),
        foot_site=re.compile(r"(?i)(?:" + _alternation(lists["foot_site"]) + r")|ICP[备证]|公网安备|©|copyright|版权所有"),
        post_stamp=re.compile(r"(?i)" + _alternation(lists["post_stamp"])),
        adverts=advert_patterns(lists["adverts"]),
        related_link=related_link_pattern(lists["headings"]),
        rows=RowWords(credit_key=credit_pattern(lists["credits"] + lists["crew"]), tags=frozenset(lists["tags"]), shop=frozenset(lists["shop"]),
                     licence=licence_pattern(lists["licences"])),
        # Only its phrase search is asked (one pass, Aho-Corasick): the other lists it requires
        # are given what it will never be asked about.
        native=FurnitureLexicon(phrases=[w for k in _WORDED for w in lists[k]], keys=lists["tags"], notice_words=lists["gov"],
                                notice_self=lists["tags"], notice_heads=lists["headings"], names=list(FEATURES)),
    )
    return Words(**fields, forms=_portal_forms(fields, [w for k in _WORDED for w in lists[k]]))


# ``form``'s patterns, read natively (``PortalForms``): each a Python pattern without flags.
_FORM_PATTERNS = ("_OUTLET", "_TRAIL", "_IP_PLACE", "_LEVEL_BADGE", "_RISK", "_ENTRY_NOTE", "_TOOL_KEY_TAIL", "_SIGNS",
                  "_PTT_HEADER", "_PTT_MARK", "_PTT_PUSH", "_EDITED", "_FLOOR", "_HAS_DATE", "_AGO", "_VIEW_SIGNS", "_VIEWS",
                  "_STAMP_GAPS", "_BRACKET_COUNTER", "_BUTTON_STAMP", "_EN_STAMP", "_POST_NOTE", "_READ_NOTE", "_DATED_COMMENT",
                  "_SPEAKS", "_DURATION", "_COUNT", "_NUMBER", "_QUOTED", "_BOX_COUNT_WORDS", "_WORD_GAPS", "_ORIGINAL_TITLE",
                  "_REPORTER_SIGNS", "_REPORTER", "_BYLINE", "_SLASH_BYLINE", "_BAR_BYLINE", "_REPORTERS_COLUMN", "_IMPRINT",
                  "_EDITOR_CODE", "_PHOTO_SIGN", "_PHOTO", "_REPRINT_SIGNS", "_REPRINT", "_AUTHORISED", "_OWN_TERMS",
                  "_OWN_ORIGINAL", "_PLATFORM", "_SPACED", "_NOTICE")
_WORD_PATTERNS = ("qa", "novel", "prompts", "comment_box", "gov", "tags", "credits")  # the word lists' (Words)


def _portal_forms(fields: dict, phrases: list[str]) -> PortalForms:
    """The native ``form`` of the word lists (``fields``: ``Words``' but ``forms``): the module's
    patterns and the lists' given as data."""
    patterns = {name: globals()[name] for name in _FORM_PATTERNS} | {name: fields[name] for name in _WORD_PATTERNS}
    if any(p.flags != re.compile(p.pattern).flags for p in patterns.values()):
        raise ValueError("a pattern of form() compiled with flags: the native forms read its text alone (write them inline, (?i))")
    return PortalForms(patterns={name: p.pattern for name, p in patterns.items()}, ranks=sorted(fields["ranks"]),
                       stats=sorted(fields["stats"]), actions=sorted(fields["actions"]), buttons=sorted(fields["buttons"]),
                       phrases=phrases, count_max=COUNT_MAX)


def row_items(text: str) -> list[str]:
    """A row's items: split at spaces, separators and digit boundaries, counts and brackets dropped."""
    return [t for t in _SPLIT.split(text.replace("\u200b", " ")) if t and not _COUNT.match(t)]


def _prose(text: str) -> bool:
    """A line of article prose: long enough, ending a sentence or holding clauses (NFKC or not)."""
    return len(text) >= 20 and bool(_PROSE_END.search(text[-3:]) or text.count(",") + text.count("，") >= 2)


def _forms(texts: list[str], words: Words) -> list[str]:
    """``form`` of each line, remembered for the lines read last (``_FORMS``): a page is read again
    after what went (``boilerplate.remove_furniture``), and a site repeats its furniture lines.
    The lines not remembered are read in one native call."""
    forms = _FORMS if _FORMS.get(None) is words else _reset_forms(words)
    got = [forms.get(t) for t in texts]
    new = list(dict.fromkeys(t for t, family in zip(texts, got) if family is None))
    if not new:
        return got
    read = {t: _composed(t, parts, words) for t, parts in zip(new, words.forms.of(new))}
    if len(forms) + len(read) > FORMS_KEPT:
        forms = _reset_forms(words)
    forms.update(read)
    return [family if family is not None else read[t] for t, family in zip(texts, got)]


_FORMS: dict = {}  # line -> family (form: a function of the line and the word lists alone); None -> the word lists
FORMS_KEPT = 4096  # lines (each kept alive by it: about 1.5 MB): dropped all at once past this


def _reset_forms(words: Words) -> dict:
    _FORMS.clear()
    _FORMS[None] = words
    return _FORMS


def form(text: str, words: Words) -> str:
    """The family of a line that is portal furniture wherever it stands, or "" (``_forms``)."""
    return _composed(text, words.forms.of([text])[0], words)


def _composed(text: str, parts: tuple[str, bool, str], words: Words) -> str:
    """A line's family from the native forms' two parts and the widgets asked between them
    (``native/src/portal_forms.rs``: every pattern of ``form`` but the widgets', one call a page;
    its Python original is the tests' oracle, ``tests/reference_portal_forms.py``)."""
    before, asks_widgets, after = parts
    return before or (asks_widgets and _widget(text, words)) or after



WIDGET_MAX = 100  # characters: no widget's line is longer (a download link with its name and size)


def _widget(text: str, words: Words) -> str:
    """The family of a widget's line (``widgets.py``), or the site's own hotline or sponsor; each
    form gated by a substring or a length before its pattern."""
    if advert(text, *words.adverts[:2]) or ("立即" in text or "马上" in text or "点击" in text) and pitch_button(text):
        return "advert"  # a label's advert, or a pitch closed by its button (专业律师24小时在线 立即咨询>>)
    if hashtags(text):
        return "tags"
    if player(text):
        return "duration"
    if attachment(text):
        return "attachment"
    if rating(text) or feedback(text):
        return "rating"
    if viewing_advice(text):
        return "site-foot"
    if len(text) <= 60 and (":" in text and _HOTLINE.match(text) or text.startswith("本") and _SPONSOR.match(text)):
        return "site-foot"
    if page_index(text):
        return "pager"
    if channel_menu(text):
        return "menu"
    if gallery(text):
        return "gallery"
    if search_box(text):
        return "search"
    return line_mark(text)  # a post's mark alone: 来自Android客户端, 发布于广东, 评论(0), 7人点赞, 【作者】 罗婉婷


# The patterns of the forms below are read natively (``portal_forms``): the thresholds and the code
# that asks them are ``native/src/portal_forms.rs``'s (its Python original: tests/reference_portal_forms.py).

# A page tool's key with nothing after it, set after the sizes on one row (a colour picker's 视力保护色：,
# 背景色：): its buttons are pictures, the key alone is left.
_TOOL_KEY_TAIL = re.compile(r"\s+[\u3400-\u9fff]{2,6}\s*:\s*$")

# An outlet's name alone in brackets under or over a story, its source: (中时新闻网), (新华社), (央视新闻).
_OUTLET = re.compile(r"[(\[【]\s*[\u3400-\u9fffA-Za-z]{1,10}(?:网|报|社|台|新闻|日报|晚报|时报|周刊|杂志|电视|广播)\s*[)\]】]$")

# A trail of two steps, the site (or its channel) and the channel: 中时新闻网 > 生活, 政府新闻网 > 新闻公报.
# The lexicon's trails have three steps or a 当前位置 key; a line of two names and one arrow is one
# too. Words only: 3 > 2, 甲 > 乙 and a sentence (any punctuation) are no trail; nor an arrow
# (葡萄糖 → 丙酮酸: a reaction, a sequence).
_TRAIL = re.compile(r"[\u3400-\u9fffA-Za-z]{2,12}\s*(?:>>?|»|›)\s*[\u3400-\u9fffA-Za-z]{2,12}")

# A comment box's count and its way in (共 23 条评论, 已有0条评论, 进入评论区): not measured against
# the box's phrases, which they only count or point to.
_BOX_COUNT_WORDS = re.compile("共|已有|查看全部|查看|进入|位网友|人参与")
_WORD_GAPS = re.compile(r"[\W\d_]+")

# A phrase in quotation marks is named, not shown: an article that speaks of the interface quotes
# its words (读者必须点击“展开全文”才能看到…, 从“展开全文”说起); a prompt is set bare.
_QUOTED = re.compile(r"“[^”]{1,12}”|「[^」]{1,12}」|『[^』]{1,12}』|\"[^\"]{1,12}\"")


def _inside_body(texts: list[str], families: list[str], prose: list[bool]) -> None:
    """A rating row or a site's viewing advice between the first and the last prose line is the
    article's: a guide's shop over its score (老王烤鸭店 / 综合评分4.6分 3200条点评), a notice's
    advice to its readers (建议使用Chrome 90以上版本浏览器办理。), a post's topics set among its
    paragraphs (#春日出游# #临川湿地#). Outside the body they are the site's widget, foot and tag row.
    A row of keywords over the article's prose, with less of it above than ``TOP_SHARE`` of what
    stands below, is the article's head (a paper's 关键词：… under its 摘要：…): a site tags a page
    under its article, once it has been read, never between its first paragraphs."""
    if "rating" not in families and "site-foot" not in families and "tags" not in families:
        return
    first = next((p for p, x in enumerate(prose) if x), len(texts))
    last = max((p for p, x in enumerate(prose) if x), default=-1)
    for pos in range(first + 1, last):
        if families[pos] == "rating" or families[pos] == "site-foot" and viewing_advice(texts[pos]) \
                or families[pos] == "tags" and (hashtags(texts[pos]) or prose[pos + 1] and _at_top(texts, prose, pos)):
            families[pos] = ""


TOP_SHARE = 0.5  # prose above a keyword row, at most this share of the prose below it: the article's top


def _at_top(texts: list[str], prose: list[bool], pos: int) -> bool:
    """The line stands in the top of the article's prose: the prose above it is at most ``TOP_SHARE``
    of the prose below it (in characters)."""
    above = sum(len(texts[p]) for p in range(pos) if prose[p])
    below = sum(len(texts[p]) for p in range(pos + 1, len(texts)) if prose[p])
    return above <= TOP_SHARE * below


NOTICE_ROWS = 6  # key-value rows at most between a notice's contact row and its signature


def _notice_contacts(texts: list[str], families: list[str]) -> None:
    """A hotline's key-value row (投稿邮箱：…, 投稿信箱：…) over a notice's signature is the notice's
    contact row: the issuer's name over its signing date (``bare_date``, a date of the ROC calendar
    or a sign-off, ``closing_rows``) closes the rows under it, at most ``NOTICE_ROWS`` key-value
    rows between. A site's foot ends in its copyright or registration line, not in a signature."""
    for pos, family in enumerate(families):
        if family != "site-foot" or ":" not in texts[pos]:
            continue
        below = pos + 1
        while below < len(texts) and below - pos <= NOTICE_ROWS and not families[below] \
                and _KEY_ROW.match(texts[below]) and not bare_date(texts[below]):
            below += 1
        if below + 1 < len(texts) and not families[below] and closing_rows.signer(texts[below]) \
                and (bare_date(texts[below + 1]) or closing_rows.roc_date(texts[below + 1])) \
                or below < len(texts) and closing_rows.signed_off(texts[below]):
            families[pos] = ""


_KEY_ROW = re.compile(r"^[^,。!?:]{1,8}:\s*\S[^。!?]{0,60}$")  # 联系电话：…, 地址：… (NFKC: ASCII colon)


def _article_prompts(texts: list[str], families: list[str], title: str | None, words: Words) -> None:
    """App and QR words the article itself says, no prompt of the site's: a row of the article's
    numbered list (``counted_rows.sequences``: 3. 下载APP请到官方应用商店；between its 2. and 4.), a
    field of the article's whose key says no prompt (报名渠道：下载“某某”APP报名, 周二上午：智能手机应用
    （…下载APP、扫码支付）; a prompt's own key says it: 扫码关注：…, 客户端下载：…),
    and a line whose prompt words are the page's title's own (the article is about the app:
    央视新闻客户端上线…功能 and its sentence 用户打开客户端，…扫一扫…), counted without them
    (a phrase is the title's when it offers what a phrase of the title offers, ``PROMPT_THING``)."""
    listed = {pos for first, last in sequences(texts) for pos in range(first, last + 1) if ordinal(texts[pos])}
    # A prompt's phrase ends in the thing it offers (下载客户端, 新闻客户端, 关注公众号): the title's
    # phrases name things by their last characters.
    named = {phrase[-PROMPT_THING:] for phrase in words.prompts.findall(title)} if title else set()
    for pos, family in enumerate(families):
        if family != "app-prompt":
            continue
        text = texts[pos]
        own = {phrase for phrase in words.prompts.findall(_QUOTED.sub("", text)) if phrase[-PROMPT_THING:] not in named}
        key = _FIELD_KEY.match(text)
        # A line that is its prompt words alone (新闻客户端 under the article) is the site's button
        # whatever the title says: the title's words keep only a line that says more.
        says_more = _HAN_CHAR.search(words.prompts.sub("", text)) is not None
        if pos in listed or named and says_more and len(own) <= bool(_STATEMENT.search(text)) \
                or key and not words.prompts.search(key.group(1)):
            families[pos] = ""


_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
PROMPT_THING = 3  # last characters of a prompt's phrase that name what it offers (客户端, 公众号, APP)
_FIELD_KEY = re.compile(r"^([\u3400-\u9fff]{2,6})\s*:\s*\S")  # a field's key opening the line (NFKC: the colon is ASCII)


_POSTS = ("other-post", "post-row", "stamped-reply", "comment-block")  # posts.py's, stamped_replies.py's and comment_blocks.py's families: stamps go with their posts


def portal_lines(folded: list[str], alive: list[int], lexicon: Lexicon, keep: set[int] = frozenset(),
                 title: str | None = None) -> tuple[list[tuple[Line, str]], list[int]]:
    """(gone, alive): the lines of ``alive`` that are portal furniture, each with its family (and
    the text features of its own line, for the fitting script), and the lines left. ``title``:
    the page's title (folded), if known: on a page of several posts it names the article
    (``posts.py``)."""
    words = load_words()
    # A line over PARAGRAPH characters is of no family: only whether it is prose is asked of it,
    # which its own characters tell (read without NFKC).
    texts = [text if len(folded[i]) <= PARAGRAPH + 20 else folded[i].strip()
             for i, text in zip(alive, normalised_lines(folded, alive, lexicon))]
    families = _forms(texts, words)
    if title:
        _headline_words(texts, families, title)
    prose = [_prose(t) and not f and not _BIO.match(t) for t, f in zip(texts, families)]
    _tail_forms(texts, families, prose, words)
    _inside_body(texts, families, prose)
    if "site-foot" in families:
        _notice_contacts(texts, families)
    if "app-prompt" in families:
        _article_prompts(texts, families, title, words)
    # A pass that only reads the lines beside one family is skipped on a page without it (most).
    if "attachment" in families:
        attachment_heads(texts, families)
    if "rating" in families:
        grade_heads(texts, families)
    for pos in download_boxes(texts, families):
        families[pos] = "attachment"
    for pos in trailing_files(texts, families, prose):
        families[pos] = "attachment"
    for pos in related_links(texts, families, prose, words.related_link):
        families[pos] = "recommended"
    for pos in weak_labels(texts, families, words.adverts[2]):
        families[pos] = "advert"
    for pos in menu_rows(texts, families, prose):
        families[pos] = "menu"
    for pos in contents(texts, families):
        families[pos] = "contents"
    for pos in slide_counters(texts, families):
        families[pos] = "gallery"
    if "rank" in families:
        _ranks(texts, families)
    if "rank" in families or "stats" in families:
        _members(texts, families)
    _top_menu(texts, families, prose, lexicon)
    if "qa" in families:
        _answerers(texts, families, words)
    _lone_actions(texts, families, words)
    # A post's marks one to a line, read with their neighbours (post_marks.py, session 45).
    counted_buttons(texts, families, words.actions)
    split_counts(texts, families, _gone_above(folded, alive, texts), words.stats | words.actions)
    floors(texts, families)
    lone_places(texts, families)
    account_names(texts, families, prose, title)
    desk_credits(texts, families, prose)
    if title:
        site_labels(texts, families, prose, title)
    if title:
        _followed_names(texts, families, prose, title)
    _replies(texts, families, prose, words)
    _spaced_names(folded, alive, texts, families, prose)
    for pos in name_bylines(texts, prose, families):
        families[pos] = families[pos] or "byline"  # a writer's name alone beside the headline, no date under it
    site_rows(texts, families, prose, words.rows)
    for pos in site_foot(folded, alive, prose, words.foot, words.foot_site,
                         lambda text: bare_date(text) or closing_rows.words_date(text) or closing_rows.signed_off(text)):
        families[pos] = families[pos] or "site-foot"
    # The site's contact row opening with its own name (site_contact.py: 临川市第一人民医院 地址：… 电话：…).
    for pos in contact_rows(texts, prose, contact_names(title, texts[0] if texts else None), words.foot, _signed_dates(texts)):
        families[pos] = families[pos] or "site-foot"
    for pos, family in other_posts(texts, prose, title, words.post_stamp):
        families[pos] = family  # the whole post goes, its stamp rows too (below)
    for pos in stamped_replies(texts):
        families[pos] = families[pos] or "stamped-reply"  # its stamp is part of the reply's line: it goes with it
    # The site's boxes told by a heading or a frame and the shape of the lines under it (session 39).
    for pos in fact_cards(texts, prose):
        families[pos] = families[pos] or "fact-card"  # 人物档案 over 姓名：… 出生：…: the site's card of the subject
    for pos in entry_boxes(texts, title):
        families[pos] = families[pos] or "fact-card"  # 中文名 白鹭湖 / 所属地区 江苏省某县: an encyclopedia entry's box
    for pos in comment_blocks(texts, prose):
        families[pos] = families[pos] or "comment-block"  # a stamp, a comment, its vote row; its stamp goes with it
    for pos in vote_rows(texts):
        families[pos] = families[pos] or "actions"  # 評價：好 45 ‧ 不好 2: buttons and counts alone
    for pos in answer_stamps(texts):
        families[pos] = families[pos] or "post-stamp"  # 花草老李 园艺达人 回答于 2026-08-12
    for pos in author_notes(texts, families, prose):
        families[pos] = families[pos] or "author-note"  # 作者有话说： and its lines, down to the chapter's pager
    taken = [pos for pos, f in enumerate(families) if f and alive[pos] not in keep]
    if not taken:
        return [], alive
    # A post's stamp (a date and a time, no sentence end) is left to the line model: it is the
    # model's evidence of where a thread starts and where the article ends (a barrier), and
    # taking it first moved the body on forum and government pages of the dev set.
    lines = line_features(folded, [alive[pos] for pos in taken], lexicon)  # the features of these lines only
    # A credit row holding an end marker (编辑：赵越) is the model's evidence of where the article
    # ends, as a stamp is: left to it, and asked again after it (portal_stamps).
    gone = [(line, families[pos]) for pos, line in zip(taken, lines)
            if families[pos] in _POSTS or not (line.features["date"] and line.features["time"] and not line.features["final_punct"]
                                               or families[pos] == "credit-row" and lexicon.ends_re.search(line.text))]
    if not gone:
        return [], alive
    out = {line.index for line, _ in gone}
    return gone, [i for i in alive if i not in out]


def _gone_above(folded: list[str], alive: list[int], texts: list[str]) -> list[str | None]:
    """The page's line right above each live line that may be a count (short, a digit first) when a
    rule took it (NFKC, stripped), else None: the line alive above it is not the page's next."""
    return [normalise(folded[i - 1]) if len(t) <= 8 and t[:1].isdigit() and i > 0 and (k == 0 or alive[k - 1] != i - 1) else None
            for k, (i, t) in enumerate(zip(alive, texts))]


# Families a line's words alone decide (a list's phrases, more of them than sentences): a headline
# may be about what they name (新闻客户端为何越来越难用, about news apps, is no app prompt).
_WORD_FAMILIES = ("app-prompt", "qa", "novel", "comment-box")


def _headline_words(texts: list[str], families: list[str], title: str) -> None:
    """A line the page's title names as its headline (the title's first part, words only) is of
    no family its words alone decide: the title names the article, never a prompt of the site's."""
    parts = title_parts(title)
    if not parts:
        return
    for pos, family in enumerate(families):
        if family in _WORD_FAMILIES and title_words(texts[pos]) == parts[0]:
            families[pos] = ""


BOX_TITLES = (2, 8)  # titles under a heading that make a box inside an article of short paragraphs
_SENTENCE_LINE = re.compile(r"[。!?！？][”’」』\")]*$")  # a line that ends a sentence (a short paragraph)
_BOOK = re.compile(r"^《[^》]+》$")


def _framed_box(texts: list[str], pos: int) -> bool:
    """A recommended-reading heading inside an article of short paragraphs (under 20 characters,
    too short to count as prose): a line ending a sentence right above it, two to eight titles
    under it (4-40 characters, no sentence end, not a book's name alone: an article's own reading
    list), then a line ending a sentence again. Framed by the article's sentences, the box splits
    the article; without them it may be the article's own section."""
    if pos == 0 or not _SENTENCE_LINE.search(texts[pos - 1]):
        return False
    k = pos + 1
    while k < len(texts) and 4 <= len(texts[k]) <= 40 and not _SENTENCE_LINE.search(texts[k]) and not _BOOK.match(texts[k]):
        k += 1
    return BOX_TITLES[0] <= k - pos - 1 <= BOX_TITLES[1] and k < len(texts) and bool(_SENTENCE_LINE.search(texts[k]))


# A box of other pieces by its heading's shape, whatever the site calls its pieces (本版其他新闻,
# 相关研报, 热门书评, 更多报道): 其他, 相关, 热门 or 更多, perhaps after 本版, 本栏 or 同类, then a word
# for stories (the lexicon's [related] scopes, relations, leads and others, stories). Its titles
# under it, up to the next prose line, go with it (``_tail_forms``).
_RELATED = load_related()  # the lexicon's [related] entry
_BOX_HEADING = re.compile("(?:" + alternation(_RELATED.scopes) + ")?"
                          "(?:" + alternation(_RELATED.relations + _RELATED.leads + _RELATED.others) + ")"
                          "(?:" + alternation(_RELATED.stories) + ")")


HEADLINE_ROW = 8  # characters at least of a title in a box of other pieces


# A box's heading with its more-link (图集 更多>>, 热点新闻 更多>, 专题 [更多], 图片 MORE+): the
# link says the lines under it are a box of other pieces, whatever its label names. Not a fold's
# button (查看更多, 加载更多, 展开更多): the article may go on under it.
_MORE_HEADING = re.compile(r"(?i)^[^\s.。!?,;:]{1,8}\s*(?:\[?更多\]?|more)\s*(?:>>|>|»|›|\+|\.\.\.)?$")
MORE_HEADING_MAX = 16  # characters


_FOLD_VERB = re.compile(r"(?:查看|看|阅读|展开|加载|点击|显示|浏览|了解|获取|发现)\s*(?:\[更多|更多|more)", re.IGNORECASE)


# The link's own sign: a space or a bracket before the word, or an arrow or plus after it. Without
# one the line is a phrase (孩子们需要更多, 期待更多, Baltimore).
_MORE_SIGN = re.compile(r"(?i)(?:\s\[?(?:更多|more)\]?|\[更多\]?|(?:更多|more)\s*(?:>>|>|»|›|\+|\.\.\.))\s*$")


def _more_heading(text: str) -> bool:
    return (len(text) <= MORE_HEADING_MAX and ("更多" in text or "more" in text.lower()) and bool(_MORE_HEADING.match(text))
            and bool(_MORE_SIGN.search(text)) and not _FOLD_VERB.search(text))


def _lone_issue(texts: list[str], pos: int) -> bool:
    """Is the issue line at ``pos`` the article's source line, one alone? Several issues in a row,
    or one under a line that introduces it (…找来看看：), are a reading list of the article's."""
    if texts[pos - 1].rstrip().endswith(":"):
        return False
    return not any(0 <= k < len(texts) and len(texts[k]) <= ISSUE_MAX and _ISSUE.fullmatch(texts[k]) for k in (pos - 1, pos + 1))


def _headlines_below(texts: list[str], prose: list[bool], pos: int) -> bool:
    """Do two rows under a heading known only by its shape read as other pieces' headlines (8
    characters or more, not a bare 《title》)? An article's own section (相关作品 over 《蒙娜丽莎》,
    《最后的晚餐》: a painter's works) lists names, not headlines."""
    rows = []
    for k in range(pos + 1, min(len(texts), pos + 4)):
        if prose[k] or len(texts[k]) > ROW_MAX:
            break
        rows.append(len(texts[k]) >= HEADLINE_ROW and not _BOOK.match(texts[k]))
    return len(rows) >= 2 and all(rows[:2])


def _tail_forms(texts: list[str], families: list[str], prose: list[bool], words: Words) -> None:
    """Forms that are furniture where the article has ended (``PROSE_MIN`` characters of prose
    above): the lines under a WeChat ``END`` or a press release's ``完`` that are no paragraph
    (its date and time lines, the 往期推荐 list, the prompts); a recommended-reading heading alone
    on a line and the titles under it, up to the next prose line (a box inside the article stops
    there; its paragraphs stay); a date line below the last prose line; PTT's signature (``--``
    and what stands between it and the ``※ 发信站`` line)."""
    seen = 0
    last_prose = max((p for p, x in enumerate(prose) if x), default=-1)
    first_prose = next((p for p, x in enumerate(prose) if x), len(texts))
    pos = 0
    while pos < len(texts):
        text = texts[pos]
        if prose[pos]:
            seen += len(text)
        if seen >= PROSE_MIN and (_END.match(text) or _FINIS.match(text)):
            families[pos] = families[pos] or "end"
            comments = False
            for k in range(pos + 1, len(texts)):
                if len(texts[k]) <= ROW_MAX and not prose[k] or _DATELINE.fullmatch(texts[k]):
                    families[k] = families[k] or "end"
                comments = comments or bool(_COMMENTS_HEAD.match(texts[k]))
                if comments and not families[k] and len(texts[k]) <= REPLY_MAX and _NAMED_REPLY.match(texts[k]):
                    families[k] = "reply"  # under the comments heading: a reader's comment, the writer's reply
            return
        if seen >= PROSE_MIN and _BIO.match(text):
            families[pos] = families[pos] or "bio"
        if pos > last_prose >= 0 and len(text) <= ISSUE_MAX and "《" in text and _ISSUE.fullmatch(text) \
                and _lone_issue(texts, pos):
            families[pos] = families[pos] or "paper-imprint"
        heading = text.strip("▼▲●■◆•·:：-—=*#【】[] ")
        known = heading in words.headings or (len(heading) <= 8 and _BOX_HEADING.fullmatch(heading) is not None
                                              and _headlines_below(texts, prose, pos)) or _more_heading(heading)
        framed = known and len(text) <= len(heading) + 4 and seen < PROSE_MIN and _framed_box(texts, pos)
        if known and len(text) <= len(heading) + 4 and (seen >= PROSE_MIN or framed):
            families[pos] = families[pos] or "recommended"
            k = pos + 1
            while k < len(texts) and (not prose[k] or not framed and _asked_title(texts, prose, k)) and len(texts[k]) <= ROW_MAX \
                    and not (framed and _SENTENCE_LINE.search(texts[k])):
                families[k] = families[k] or "recommended"
                k += 1
            pos = k
            continue
        if text.startswith("--") and _SIGNATURE.match(text) and any(_PTT_MARK.match(t) for t in texts[pos + 1 : pos + 8]):
            families[pos] = "ptt"
            k = pos + 1
            while k < len(texts) and not _PTT_MARK.match(texts[k]):
                families[k] = families[k] or "ptt"
                k += 1
        # A bare date below the article is a notice's signing date (kept); a site's date line
        # carries the weekday, the part of the day or the zone.
        # A diary's date heading over a short last entry (今天下雨了。) heads that entry: kept.
        if ((pos > last_prose or pos < first_prose) and last_prose >= 0 and len(text) <= ROW_MAX and _SITE_DATE.search(text)
                and _DATELINE.fullmatch(text) and _HAS_DATE.search(text) and not _entry_under(texts, families, pos, last_prose)
                and not heads_schedule(texts[pos + 1 : pos + 1 + SCHEDULE_ROWS])):
            # (A day's heading over the article's rows of times, 5月20日（星期三） over 08:30-09:00 签到, is its programme's.)
            families[pos] = families[pos] or "dateline"
        elif first_prose - DATE_REACH <= pos < first_prose and _dated_head(texts, pos, first_prose, last_prose):
            families[pos] = families[pos] or "dateline"
        pos += 1


DATE_REACH = 2  # lines above the first prose line where a page sets its date (under the headline, a byline between)
# A date and nothing else (2024年3月15日, 2024.01.08, 发布 2024-01-08): no time, which makes it a
# stamp the line model reads (a bare "2022-02-13 23:37" above the article is kept by the dev set's
# hand copies, and a stamp is its evidence of where a thread starts).
_BARE_DATE = re.compile(rf"(?:发布|更新|日期)?\s*[(\[【]?\s*{_FULL_DATE}\s*(?:[(（]?\s*{_WEEKDAY}\s*[)）]?)?\s*[)\]】]?")


def dateline_only(text: str) -> bool:
    """A date line and nothing else (``_DATELINE``): a date, a weekday, a time, a zone, 发布/更新."""
    return bool(_DATELINE.fullmatch(text))


def _signed_dates(texts: list[str]) -> set[int]:
    """Positions of each bare date (``bare_date``) under a signer's line (``closing_rows.signer``)
    and of that line: a notice's signature, as ``generic.signature`` finds it after the model."""
    out: set[int] = set()
    for pos in range(1, len(texts)):
        if bare_date(texts[pos]) and closing_rows.signer(texts[pos - 1]):
            out.update((pos - 1, pos))
    return out


def bare_date(text: str) -> bool:
    """A date and nothing else (``_BARE_DATE``): under an article, a notice's signing date."""
    return len(text) <= ROW_MAX and bool(_BARE_DATE.fullmatch(text))


def _dated_head(texts: list[str], pos: int, first_prose: int, last_prose: int) -> bool:
    """Is the line at ``pos``, at most ``DATE_REACH`` lines above the first prose line, a page's
    date over its article: a bare date (``_BARE_DATE``) on a page whose prose has no bare date
    line of its own? A chronicle or a diary sets a date over each of its entries (the first one
    above the first prose line, the others among the prose): there it heads an entry and stays.
    Below the prose a bare date is a notice's signing date (kept). A document's date note (the whole
    line in brackets, a full date in words: ``document_dates.date_note``) is the document's over its
    first paragraph too (a speech's ``（2027年3月1日）`` under its speaker's line)."""
    if last_prose < 0 or not _BARE_DATE.fullmatch(texts[pos]) or date_note(texts[pos]):
        return False
    return not any(_BARE_DATE.fullmatch(t) for t in texts[first_prose : last_prose + 1])


ASKED_TITLE_MAX = 40  # characters of a link's title that asks or exclaims (iPhone 18 传闻整理：萤幕下镜头终于来了？)
_ASKED = re.compile(r"[?!？！]$")


def _asked_title(texts: list[str], prose: list[bool], pos: int) -> bool:
    """Is the prose line at ``pos``, in a box of links under a recommended heading, a link's title
    that asks or exclaims: a headline's length, a question or exclamation mark last, no full stop
    and no comma (a title's colon is none), and no prose right under it (an article resumed under
    a box goes on in paragraphs)? Read as prose by its mark, it ended the box, and it and the titles
    under it stayed (unseen10, session 25)."""
    text = texts[pos]
    if len(text) > ASKED_TITLE_MAX or not _ASKED.search(text) or "。" in text or "," in text or "，" in text:
        return False
    return pos + 1 >= len(texts) or not prose[pos + 1]


def _entry_under(texts: list[str], families: list[str], pos: int, last_prose: int) -> bool:
    """A short last entry (a sentence, no family) right under the line at ``pos``, below the prose."""
    return (pos > last_prose and pos + 1 < len(texts) and not families[pos + 1]
            and texts[pos + 1].rstrip().endswith(("。", "!", "?")))


def _spaced_names(folded: list[str], alive: list[int], texts: list[str], families: list[str], prose: list[bool]) -> None:
    """A name spaced to the width of a column (``张 文``, ``李 明 华``) above the first prose
    line and right above the date line, where opinion pages set the writer's name: two or three
    single Han characters (a menu spaced the same way, ``首 页``, has no date under it). A name
    not spaced (``林小华``) is a byline between the headline and the date: right under a line
    that reads as a headline (6–40 characters, no sentence end, no separator, no family), since
    a short headline itself stands right above the date with a menu or a trail above it. The
    date line may be one a rule took: the next line is read in page order."""
    for pos, text in enumerate(texts):
        if prose[pos]:
            return
        if len(text) > 5 or not _HAS_DATE.search(_next_line(folded, alive[pos])[:24]):
            continue
        if re.fullmatch(r"[\u3400-\u9fff](?: [\u3400-\u9fff]){1,2}", text):
            families[pos] = families[pos] or "byline"
        elif re.fullmatch(r"[\u3400-\u9fff·]{2,4}", text) and pos > 0 and _headline_like(texts[pos - 1]) and not families[pos - 1] \
                and not heads_schedule(texts[pos + 1 : pos + 1 + SCHEDULE_ROWS]):
            # A writer's name stands over one date line; a subheading of the article (本周活动,
            # 星期一) over its schedule, rows opening with the article's dates or times (item_runs.py).
            families[pos] = families[pos] or "byline"


SCHEDULE_ROWS = 3  # lines under a short line read for the schedule it heads (item_runs.heads_schedule)


def _next_line(folded: list[str], index: int) -> str:
    """The next line of the page that is not blank, whether a rule took it or not."""
    return next((folded[i] for i in range(index + 1, len(folded)) if folded[i].strip()), "")


def _headline_like(text: str) -> bool:
    return 6 <= len(text) <= 40 and not _PROSE_END.search(text) and not re.search(r"[|>»/·]", text)


TOP_LINES = 3  # the page's first lines, where a site's menu stands
_BAR_PAIR = re.compile(r"[\u3400-\u9fffA-Za-z]{2,6}\s*\|\s*[\u3400-\u9fffA-Za-z]{2,6}")
_MENU_ITEM = re.compile(r"[\u3400-\u9fffA-Za-z]{2,6}")


def _top_menu(texts: list[str], families: list[str], prose: list[bool], lexicon: Lexicon) -> None:
    """The site's menu among the page's first ``TOP_LINES`` lines, above the first prose line:
    three or more items of two to six letters split by spaces, no punctuation, one of them a
    furniture word of the lexicon (首页, 登录). A paper's author line (张三 李四 王五) holds no
    such word; a menu further down is the line model's (``item_row``). Anywhere above the first
    prose line, a row of two channel names split by one bar (港闻 | 即时新闻) is a trail too: the
    line model's menu rows want two separators."""
    for pos, text in enumerate(texts):
        if prose[pos]:
            return
        if not families[pos] and len(text) <= 16 and "|" in text and _BAR_PAIR.fullmatch(text):
            families[pos] = "trail"
        if pos >= TOP_LINES:
            continue
        items = text.split()
        if (len(items) >= 3 and not families[pos] and all(_MENU_ITEM.fullmatch(t) for t in items)
                and lexicon.phrases(text)[0] > 0):
            families[pos] = "top-menu"


ANSWERER_MAX = 30  # characters of an answerer's name or self-description


def _answerers(texts: list[str], families: list[str], words: Words) -> None:
    """An answerer's name and self-description (山川异域 / 历史学硕士在读): the one or two short lines
    without a sentence end right above an answer head (a line of the qa family holding an
    answerer's figures: 人赞同了该回答, 采纳率, TA获得超过), when furniture stands right above them
    (the answer count, the previous answer's buttons, 最佳答案). Framed by furniture on both sides:
    a question's headline has the page's menu or nothing above it, and no answer head under it."""
    for pos, family in enumerate(families):
        if family != "qa" or not words.answer_heads.search(texts[pos]):
            continue
        top = pos
        while top > 0 and pos - top < 2 and not families[top - 1] and _short_name(texts[top - 1]):
            top -= 1
        if top < pos and top > 0 and families[top - 1]:
            for k in range(top, pos):
                families[k] = "answerer"


def _short_name(text: str) -> bool:
    return len(text) <= ANSWERER_MAX and not _PROSE_END.search(text)


def _lone_actions(texts: list[str], families: list[str], words: Words) -> None:
    """A lone button of two characters (关注, 评分, 回复, 举报) beside a line of a family: one word
    alone may be a table's cell or a heading, so ``form`` wants three characters; next to a
    forum's or an answer's row it is that row's button. Only the lexicon's ``buttons``, words
    that head no section (not 目录, 推荐, 评论: 【评论】 heads an article's commentary). A bare
    count (``0``, ``1.2万``) beside a row of actions is a button's counter (举报 / 0 / 分享至: a
    share widget between a headline and its article)."""
    for pos, text in enumerate(texts):
        if families[pos] or len(text) > COUNT_MAX or not _COUNT.match(text) or not text[0].isdigit():
            continue
        if any(families[k] == "actions" for k in (pos - 1, pos + 1) if 0 <= k < len(texts)):
            families[pos] = "actions-lone"
    for pos, text in enumerate(texts):
        if families[pos] or len(text) > 3 or text not in words.buttons:
            continue
        if (pos > 0 and families[pos - 1] not in ("", "actions-lone")) or (pos + 1 < len(texts) and families[pos + 1]):
            families[pos] = "actions-lone"
    # A row of buttons set one to a line (播报 / 编辑 beside an entry's section heading): two or more
    # lines in a row, each one action word of two characters or more and nothing else.
    run = [not families[pos] and 2 <= len(text) <= SPLIT_WORD_MAX and text in words.actions for pos, text in enumerate(texts)]
    for pos, alone in enumerate(run):
        if alone and ((pos > 0 and run[pos - 1]) or (pos + 1 < len(run) and run[pos + 1])):
            families[pos] = "actions-lone"
    for pos, family in enumerate(families):
        if family == "actions-lone":
            families[pos] = "actions"


# A follow button alone on its line (关注, +关注, 关注TA): the name right above it is an account's or
# a writer's profile box, not the article's.
_FOLLOW = re.compile(r"^(?:\+\s*)?(?:加|已)?关注(?:TA|他|她|我|作者)?$")
_NAME_LINE = re.compile(r"^[^\s,.:;!?。，、：；！？()\[\]【】|]{2,16}$")


def _followed_names(texts: list[str], families: list[str], prose: list[bool], title: str) -> None:
    """A lone follow button above the first prose line, and the name right above it: a short line
    without punctuation or spaces that the page's title does not name (a headline right above the
    button stays: the title names it). An account's or a writer's profile box over the article
    (西湖大学图书馆 / 关注)."""
    first_prose = next((p for p, x in enumerate(prose) if x), len(texts))
    for pos in range(1, min(first_prose, len(texts))):
        if families[pos] not in ("", "actions") or len(texts[pos]) > 6 or not _FOLLOW.match(texts[pos]):
            continue
        families[pos] = "actions"
        name = texts[pos - 1]
        if not families[pos - 1] and _NAME_LINE.match(name) and not title_match(name, title) and name not in title:
            families[pos - 1] = "actions"


COUNT_MAX = 8  # characters of a button's counter alone on a line
SPLIT_WORD_MAX = 6  # characters of one button of a row set one to a line
_FORUM_NEIGHBOURS = ("stats", "post-stamp", "edited", "actions")


def _ranks(texts: list[str], families: list[str]) -> None:
    """A rank word alone (版主, 新手上路) is a member's rank only beside a forum row: a counter row,
    a post stamp, an edit note, a row of a post's buttons (只看楼主), or a bare level number (吧务 / 12). Elsewhere it may be a heading
    or a table's cell; it is kept."""
    for pos, family in enumerate(families):
        if family != "rank":
            continue
        near = range(max(pos - 2, 0), min(pos + 3, len(texts)))
        if not any(families[k] in _FORUM_NEIGHBOURS or re.fullmatch(r"(?:LV|Lv|lv)?\s*\d{1,2}", texts[k]) for k in near if k != pos):
            families[pos] = ""


def _members(texts: list[str], families: list[str]) -> None:
    """A forum member's name: a short line without punctuation right above the member's rank or
    counter row (清风徐来 / 中级会员 / 帖子 215 积分 873)."""
    for pos in range(len(texts) - 1):
        if (families[pos + 1] in ("rank", "stats") and not families[pos] and len(texts[pos]) <= 16
                and not re.search(r"[,，。!?:;、]", texts[pos])):
            families[pos] = "member"


def _replies(texts: list[str], families: list[str], prose: list[bool], words: Words) -> None:
    """A thread page's replies. The thread's first post is the article (what the page is about);
    the replies under it are other people's short reactions (学习了, 多谢分享). From the first post
    stamp or action row with ``PROSE_MIN`` characters of prose above it (the first post's end),
    every line of at most ``REPLY_MAX`` characters goes: a reply. A longer reply stays (a
    discussion may be worth keeping, and it cannot be told from a second part of the post).
    A thread whose posts carry no stamp is known by its repeated reply buttons: a row of actions
    holding a reply word under the first post and two more below it, each within ``REPLY_GAP``
    lines of the last (every post has its buttons; an article's share row stands once). A Q&A
    page's second answer head (an answerer's figures, ``1,302 人赞同了该回答``), with
    ``PROSE_MIN`` characters of prose between it and the first, starts the other answers the same
    way (the first head may stand under a question's long description)."""
    seen, answered = 0, None  # prose above; prose when the first answer head stood
    for pos, text in enumerate(texts):
        if prose[pos]:
            seen += len(text)
        head = families[pos] == "qa" and bool(words.answer_heads.search(text))
        # The second answer head only: a question's description may stand above the first.
        second = head and answered is not None and seen - answered >= PROSE_MIN
        if head and answered is None:
            answered = seen
        if seen >= PROSE_MIN and (families[pos] in ("post-stamp", "edited") and _REPLY_FLOOR.search(text) or _PTT_PUSH.match(text)
                                  or _reply_buttons(texts, families, pos) or second):
            for k in range(pos + 1, len(texts)):
                if len(texts[k]) <= REPLY_MAX and not families[k]:
                    families[k] = "reply"
            if families[pos] == "post-stamp" and _BUTTON_STAMP.search(text):
                _comment_above(texts, families, pos)
            return


COMMENT_LINES = 3  # lines of a comment (its writer's name, its text) above a stamp that closes it


def _comment_above(texts: list[str], families: list[str], pos: int) -> None:
    """The first comment of a thread whose stamps close their comments (山中人： / 写得真好…… /
    2024-02-18 22:10:45 [回复]): the up to ``COMMENT_LINES`` short lines right above the first
    stamp, when furniture stands right above them (the article's button row, a comments heading).
    Without furniture above, they may be the article's last lines: kept."""
    top = pos
    while top > 0 and pos - top < COMMENT_LINES and not families[top - 1] and len(texts[top - 1]) <= REPLY_MAX:
        top -= 1
    if top < pos and top > 0 and families[top - 1]:
        for k in range(top, pos):
            families[k] = "reply"


_REPLY_FLOOR = re.compile(r"\d+\s*楼|#\d+\s*$|客户端|只看该作者|" + _BUTTON_STAMP.pattern)  # a reply's floor or button, not a blog's "发表于"
_REPLY_WORDS = ("回复", "回覆", "回应")  # a post's reply button (folded: 回覆 stays apart from 回复)
REPLY_GAP = 8  # lines between one post's buttons and the next's


def _reply_row(texts: list[str], families: list[str], pos: int) -> bool:
    return families[pos] == "actions" and any(w in texts[pos] for w in _REPLY_WORDS)


def _reply_buttons(texts: list[str], families: list[str], pos: int) -> bool:
    """A row of reply buttons followed by two more, each within ``REPLY_GAP`` lines of the last."""
    if not _reply_row(texts, families, pos):
        return False
    found, last = 0, pos
    for k in range(pos + 1, len(texts)):
        if k - last > REPLY_GAP:
            break
        if _reply_row(texts, families, k):
            found, last = found + 1, k
            if found >= 2:
                return True
    return False
REPLY_MAX = 80  # characters of a reply taken under a thread's first post


# Every family this module names (Steps ``generic/<family>``).
FAMILIES = ("ptt", "edited", "post-stamp", "rank", "stats", "actions", "qa", "novel", "app-prompt", "gov-meta", "tags", "bar-credit",
            "byline", "paper-imprint", "photo-credit", "reprint", "spaced-notice", "end", "recommended", "bio", "dateline",
            "member", "reply", "stamped-reply", "duration", "risk-notice", "source", "answerer", "site-foot", "trail", "top-menu",
            "other-post", "post-row", "credit-row", "price", "advert", "attachment", "gallery", "search", "contents", "menu", "comment-box",
            "rating", "fact-card", "comment-block", "author-note", "page-counter")


def portal_stamps(scored: list[Line], body: tuple[int, int] | None, decided: set[int],
                  keep: set[int] = frozenset()) -> list[tuple[int, str]]:
    """(line index, family) of the stamp lines of portal forms that ``portal_lines`` left to the
    line model and the model kept: asked after the model has judged the page (``generic.decide``),
    so the stamps served it as evidence first. A form that is furniture wherever it stands (a
    floor stamp 来自iPhone客户端 2楼 …, an edit note 编辑于 … · IP 属地上海, a byline with its date
    联合报/ 记者…/台北即时报导), a head line of an account and a date (above the body), a site's
    date line with its weekday (2024年3月15日 星期五 上午06:30) outside the body. Not a head line of
    names and a stamp (市粮食局 今日粮仓 2023-10-09 18:30): a blog's title with its stamp has the form.
    Also a credit row below the body (``site_rows.credit_row``: 本文来源：晨报 编辑：赵越), which
    ``portal_lines`` leaves to the model when it holds an end marker."""
    words = load_words()
    out = []
    for pos, line in enumerate(scored):
        f = line.features
        if line.index in decided or line.index in keep:
            continue
        if body is not None and pos > body[1] and ":" in line.text and credit_row(line.text, words.rows.credit_key):
            out.append((line.index, "credit-row"))  # a credit row with an end marker, kept by the model
            continue
        if not (f["date"] and f["time"] and not f["final_punct"]):
            continue
        family = form(line.text, words)
        outside = body is not None and not body[0] <= pos <= body[1]
        if not family and outside and len(line.text) <= 40:
            if _DATELINE.fullmatch(line.text) and (pos > body[1] or _SITE_DATE.search(line.text)) or UPDATED.fullmatch(line.text):
                family = "dateline"  # a last-updated line with its time (site_rows.py takes the others)
        if family:
            out.append((line.index, family))
    return out
