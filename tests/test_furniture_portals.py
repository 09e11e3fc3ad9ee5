"""Portal families by form (cleaner/furniture/portals.py): forums, Q&A, PTT, WeChat, novels,
government pages, Taiwan and Hong Kong news, and the article lines that must stay."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise
from cleaner.furniture.lexicon import load_lexicon
from cleaner.furniture.portals import _BARE_DATE, FAMILIES, form, load_words, portal_lines


def fam(line: str) -> str:
    return form(normalise(fold_line(line)), load_words())


@pytest.mark.parametrize("line, family", [
    ("本帖最后由 清风 于 2023-10-8 21:40 编辑", "edited"),
    ("本帖最後由 阿珍 於 2024-1-20 14:35 編輯", "edited"),
    ("編輯於 2023-06-02 11:24 · IP 屬地上海", "edited"),
    ("来自Android客户端 3楼 2023-08-11 16:06", "post-stamp"),
    ("來自 iPhone 客戶端 | 發表於 2024-1-20 15:10", "post-stamp"),
    ("帖子 215 积分 873 金钱 1240", "stats"),
    ("UID 44812 主題 3 帖子 27 積分 66", "stats"),
    ("收藏3 分享 淘帖0 支持5 反对0", "actions"),
    ("參與人數 2 金錢 +4 收起 理由", "actions"),
    ("赞同 2418 \u200b 添加评论 \u200b 分享 \u200b 收藏", "actions"),
    ("小字号 大字号", "actions"),
    ("大字体", "actions"),  # a font toggle of one button a line (大字体 / 小字体), real46
    ("分享 文字大小", "actions"),
    ("上一章 ← 章节目录 → 下一章", "actions"),
    ("1,234 人赞同了该回答", "qa"),
    ("你對這個回答的評價是？", "qa"),
    ("使用百度知道APP，立即抢鲜体验。你的手机镜头里或许有别人想知道的答案。", "qa"),
    ("時間 Fri Mar 15 10:32:11 2024", "ptt"),
    ("作者 abc123 (小明)  看板 Gossiping", "ptt"),
    ("※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.2.3.4 (臺灣)", "ptt"),
    ("推 kevin7788: 蛋餅配大冰奶才是王道 11/18 09:14", "ptt"),
    ("点个在看你最好看", "app-prompt"),
    ("長按二維碼關注我們", "app-prompt"),
    ("文 | 张三  来源 | 山野笔记", "bar-credit"),
    ("編輯｜王小丫", "bar-credit"),
    ("聯合報／ 記者王小明／台北即時報導", "byline"),
    ("（明報記者 陳大文）", "byline"),
    ("（中央社記者陳君毅台北15日電）", "byline"),
    ("（区发改委 供稿）", "byline"),
    ("《 人民日报 》（ 2024年03月15日 04 版）", "paper-imprint"),
    ("▲图片来源：网络", "photo-credit"),
    ("（圖片來源：資料圖片）", "photo-credit"),
    ("摄影 张伟", "photo-credit"),
    ("（本文为作者授权发布，转载请联系原作者）", "reprint"),
    ("本文经授权转载自微信公众号「气象万象」（ID：qxwx）", "reprint"),
    ("本文链接：http://example.com/a.html 转载请注明出处。", "reprint"),
    ("标签：历史, 读书, 笔记", "tags"),
    ("相關字詞﹕ 港聞 政府 立法會", "tags"),
    ("天才一秒记住本站地址：https://www.example.cc 最快更新！", "novel"),
    ("本站提供星河剑主最新章节全文阅读，星河剑主无弹窗广告。", "novel"),
    ("索引号：11350000/2024-00123 分类：综合政务", "gov-meta"),
    ("索 引 号：000014348/2023-05512", "gov-meta"),
    ("發文字號：府教〔2024〕3號", "gov-meta"),
    ("人 民 网 股 份 有 限 公 司 版 权 所 有", "spaced-notice"),
    ("〔記者林小華／台中報導〕", "byline"),
    ("上一章 目錄 下一章", "actions"),
    ("發表於 3 天前 | 只看該作者", "edited"),
    ("：，。視頻 小程序 贊，輕點兩下取消贊 在看，輕點兩下取消在看 分享 留言 收藏", "app-prompt"),
    ("馬上註冊，結交更多好友，享用更多功能，讓你輕鬆玩轉社區。", "app-prompt"),
    ("手機用戶請瀏覽 m.example.com 閱讀，更優質的閱讀體驗。", "novel"),
    ("字級設定", "actions"),
    ("小 中 大 特大", "actions"),
    ("字号：[ 大 中 小 ]", "actions"),
    ("【字体：大中小】", "actions"),
    ("转载▼", "actions"),
    ("分類： 隨筆", "tags"),
    ("（中時新聞網）", "source"),
    ("（新华社）", "source"),
    ("中時新聞網 > 生活", "trail"),
    ("政府新闻网 » 新闻公报", "trail"),
    ("加入中時新聞網LINE好友", "app-prompt"),
    ("关注者 1,024 被浏览 530,112", "stats"),
    ("1.2万浏览 · 86回复", "stats"),
    ("分享至", "actions"),
    ("用微信扫码二维码", "actions"),
    ("分享至好友和朋友圈", "actions"),
    ("WhatsApp Facebook Telegram", "actions"),
    ("2024-03-08 10:00 阅读 3.4万", "post-stamp"),
    ("張三 2023-05-01 瀏覽(1234)", "post-stamp"),
    ("2024-02-18 22:10:45 [回覆]", "post-stamp"),
    ("阅读(2315) ┆ 评论(4) ┆ 收藏(12) ┆ 转载(3) ┆ 喜欢▼ ┆ 打印 ┆ 举报", "actions"),
    ("赞同 286", "actions"),
    ("收藏 (12)", "actions"),
    ("立即购买 加入购物车", "actions"),
    ("推荐票 月票 打赏", "actions"),
    ("月销 1234 | 累计评价 567 | 送积分 36", "stats"),
    ("您需要登录后才可以回帖 登录 | 注册", "app-prompt"),
    ("September 19th, 2005 at 7:32 pm", "post-stamp"),
    ("Posted by 阿明 at 10:32 PM", "post-stamp"),
    ("本貼由大衛於2005年8月12日16:12:21在〖心靈體操〗發表.", "post-stamp"),
    ("（本文发表于首页批评与建议，已被阅读178次）", "post-stamp"),
    ("音频 04:29", "duration"),
    ("視頻時長：00:28:16", "duration"),
    ("预计阅读时间 5 分钟", "duration"),
    ("本文引用通告地址：http://example.com/tb/1700", "reprint"),
    ("Trackback: http://tb.example.net/TrackBack.aspx?PostId=1", "reprint"),
    ("立即订阅", "app-prompt"),
    ("正在讀取評論……", "app-prompt"),
    ("IP属地：广东", "post-stamp"),
    ("小林 · IP屬地上海", "post-stamp"),
    ("举报/反馈", "actions"),
    ("00:00 / 03:21", "duration"),
    ("听新闻 播放", "actions"),
    ("小花 發表在 痞客邦 留言(3) 人氣(1,245)", "post-stamp"),
    ("商品详情 规格参数 累计评价 售后保障", "actions"),
    ("服务承诺 正品保证 极速退款 七天无理由退换", "actions"),
    ("在线办理 预约办理 咨询投诉", "actions"),
    ("（文/张三 图/李四）", "bar-credit"),
    ("【編輯｜王小丫】", "bar-credit"),
    ("投资有风险，入市需谨慎。", "risk-notice"),
    ("本报记者 罗科 苏盈 发自北京", "byline"),
    ("股市有風險，投資需謹慎", "risk-notice"),
    # Session 17: counters and buttons mixed on a row, an article's own reprint terms, a comment
    # listed with its date, an outlet and a reporter split by a bar, an English share row.
    ("328 心情 · 56 留言 · 收藏", "actions"),
    ("人氣 15,672 ｜ 留言 89", "stats"),
    ("482 有用 13 没用 56 回应", "stats"),
    ("本文版权归作者 北方的树 所有，任何形式转载请联系作者。", "reprint"),
    ("本文由「极客前沿」原创出品，转载请联系授权。", "reprint"),
    # The prohibition before the word, and a platform's mark of the writer's own text (session 25).
    ("本文禁止转载或摘编", "reprint"),
    ("本文未经授权禁止转载", "reprint"),
    ("本文为我原创", "reprint"),
    ("小米粥：第一次做就成功了，颜色很漂亮 2024-10-11", "reply"),
    ("新頭殼newtalk | 林怡君 綜合報導", "byline"),
    ("Share: Facebook WeChat WhatsApp Email", "actions"),
    ("本文图片来源：车行天下 摄影：刘杰", "photo-credit"),
    # Common portal lines right under an article, which the line model keeps there (a credit or
    # the site's name under the article may be the hand copies'): a comment box's empty state,
    # a fold's and a platform's prompts, a reprint's original headline and platform, follow buttons.
    ("还没有人评论，快来抢沙发吧", "comment-box"),
    ("暂无评论", "comment-box"),
    ("共 23 条评论", "comment-box"),
    ("已有0条评论，快来抢沙发吧", "comment-box"),
    ("进入评论区", "comment-box"),
    ("我来说两句", "comment-box"),
    ("写下你的评论...", "comment-box"),
    ("展开剩余80%", "app-prompt"),
    ("返回搜狐，查看更多", "app-prompt"),
    ("进入专题>>", "app-prompt"),
    ("原标题：春季学期开学，织密返校疫情防控网", "source"),
    ("本文来自网易号，作者：老王说事", "reprint"),
    ("关注作者", "actions"),
    ("+关注", "actions"),
    # Taiwan's and Hong Kong's wording of page tools.
    ("友善列印", "actions"),
    ("點我看更多", "actions"),
    ("我要留言", "actions"),
    ("喜歡這篇文章嗎？", "app-prompt"),
    # The site's own hotline and sponsor, said of itself.
    ("新闻热线：0551-12345678", "site-foot"),
    ("违法和不良信息举报电话：12377", "site-foot"),
    ("本网站由某某市人民政府办公室主办", "site-foot"),
    # A review site's spoiler warning; a video page's prompt under its player.
    ("字号：【大】【中】【小】　视力保护色：", "actions"),  # a colour picker's empty key after the sizes
    ("有帮助（23）　无帮助", "actions"),  # an answer's helpful votes
    ("一只旅行的猫 Lv.8", "member"),  # a member's name and level badge
    ("相片下載", "actions"),
    ("向医生提问", "qa"),  # a health Q&A site's call to ask
    ("本词条由“科普中国”科学百科词条编写与应用工作项目 审核 。", "reprint"),  # an encyclopedia's note of its entry
    ("查看PDF原文", "app-prompt"),
    ("2024/11/03　點閱：1,204", "post-stamp"),  # Taiwan's view counter beside the date
    ("点赞 1204 投币 856 收藏 433 分享", "actions"),
    ("时效性：现行有效", "gov-meta"),  # a law database's fields
    ("效力级别：省级地方性法规", "gov-meta"),
    ("訂報專線：03-8320000　廣告專線：03-8320001", "site-foot"),  # a paper's own lines
    ("这篇书评可能有关键情节透露", "app-prompt"),
    ("這篇影評可能有劇透", "app-prompt"),
    ("发个友善的弹幕见证当下 弹幕礼仪 发送", "app-prompt"),
])
def test_a_portal_form_is_named_by_its_family(line, family):
    assert family in FAMILIES
    assert fam(line) == family


@pytest.mark.parametrize("line", [
    "这本书最后由他的学生于1990年编辑出版。",
    "文章来源于他早年的日记，书中的照片由学生摄影。",
    "问：您为什么要在每封信上贴一张标签？",
    "答：标签上写着日期和地点，我想把这些故事分享给孩子。",
    "全书共分十二卷，至此完。",
    "This is not THE END, only a pause.",
    "他在选举中获得超过三千票。",
    "我在看书。",
    "本文讨论的是版权授权在出版业中的演变，以及它如何影响作者的收入。",
    "记者在采访中听到了这样一段对话：",
    "资料图：无性婚姻能走多远？",
    "月落西窗冷，",
    "（5月1日 晴 阅读3小时 评论两篇）",  # a diary's day: a duration, no view counter
    "最后一天的留言截图，时间是 2023-11-13 08:02，下面是[回复]",  # a clause: a sentence ending on the button's name
    "支持 52",  # a vote's tally: no button word
    "阅读 3.4万",  # a counter without a date: the stats forms' to judge

    "目录",
    "我在目录里找到了它。",
    "2024年3月15日",
    "比较两种方案时，工程师常用“成本 > 效益”来描述失败的计划。",
    "3 > 2",
    "大 中 小三种尺寸的杯子各有用途，店家建议先点中杯。",
    "据（中时新闻网）报道，捷运路网将再延长三十公里。",
    "这位答主的回答一直很受欢迎，很多人专门来看。",
    "他的采纳率在同行里一直排在前列。",
    "他把照片分享至朋友圈，配了一句话。",
    "微信和微博成了她主要的消息来源",
    "1.2万人浏览过这篇回复",
    "会议于8月12日 16:12举行",  # a time inside a clause
    "煮 7 分钟",  # a recipe's step: minutes without a reading or running key
    "他说这篇文章已被阅读了178次。",
    "这部片子片长120分钟，节奏很快。",
    "Trackback是一种博客之间互相通知的机制。",
    "本文由作者于2005年8月12日首发于个人博客，后经修改。",
    "读者可以到邮局订阅这份报纸。",
    "他的IP属地显示为广东。",
    "网友关心的IP属地功能上线",
    "记者注意到，IP属地：广东",
    "这篇文章的留言(3)和人气(1,245)都不高，作者却一直坚持写下去",  # counters inside a clause
    "分析师提醒，股市有风险，投资需谨慎，不要盲目追涨。",  # the slogan inside a sentence
    "（文中人物均为化名）",
    "本报记者发自北京的报道引起关注",
    "本文开头提到的那位作者，后来成了出版社的编辑。",  # 本文 without reprint terms
    "他说转载请联系作者是出版社的规矩。",  # reprint terms not said of this text
    "来源：新华社 2024-10-11",  # a byline's source and date: no words that speak
    "记者：今年的收成怎么样 2024-10-11",  # no clause: an interview's question set as a heading
    "收藏",  # one button alone: the lone-button pass decides beside a family
    "评论区里大家反映最多的是战斗手感和视角问题。",  # one comment-box word in a sentence
    # A comment box's word in a headline or a subheading: the box's phrases cover little of it.
    "我市启动青少年文明上网宣传月活动",
    "一、倡导文明上网",
    "网友在评论区吵翻了",
    "呼吁网友理性发言",
    # A score or a share closing a line is no date (a listed comment's date has its year or 月…日).
    "上半场：双方互有攻守，主队暂时领先 1-0",
    "下半场：申花连入两球，客队反超 1-2",
    "文章的原标题是《春天》，发表时改成了现在的名字。",
    "本文来自作者在北京的一次演讲，经整理后发表。",  # no platform's account
    "他展开全文仔细读了一遍，才发现问题。",
    # A prompt's words in quotation marks are named by the article, not shown (session 31).
    "被折叠的新闻：从“展开全文”说起",
    "读者必须点击“展开全文”或“打开APP阅读全文”才能看到后半部分。",
    "举报电话：0551-12345",  # a campaign's hotline an article lists
    "本网站由市政府主办，旨在方便市民办事，欢迎提出意见。",  # a sentence about the site
    "本文不得不提到转载的问题。",  # 不得不 is no prohibition
    "本文为作者原创，讲的是原创药的仿制。",  # a sentence going on after the mark
    # A reporter's own section heading: the words after 记者 name its kind, not a person (session 33).
    "记者手记", "【记者观察】", "通讯员札记",
    "老年版应用默认使用大字体，文字大小还能再调。",  # a font toggle's words in a sentence
])
def test_article_lines_have_no_family(line):
    assert fam(line) == ""


def run(page: str) -> tuple[list[str], dict[str, str]]:
    """(lines kept, removed line -> rule) of the furniture stage on a page with no rule file."""
    removal = remove_furniture(page, ())
    gone = {f.detail.split(": ", 1)[1]: f.detail.split(": ", 1)[0] for f in removal.findings if f.kind == "removed-line"}
    return removal.text.split("\n"), gone


ARTICLE = [
    "去年在旧书摊买了一本精装诗集，封面已经磨得发白，一直想给它做一件合身的书衣，这个周末终于动手。",
    "先量好书的高度和宽度，四边各留两公分缝份，再把折口多留十公分，这样书衣就能扣住封面，不会滑落。",
    "缝好以后套上去，大小刚好，连书脊的弧度都贴合，下次想试试在封面绣上书名，再送给朋友。",
]


def test_a_threads_first_post_is_the_article_and_short_replies_go():
    long_reply = ("我也做过类似的书衣，不过用的是牛皮纸，好处是便宜又容易裁，缺点是不耐磨，"
                  "建议折口处再贴一层布，这样能用很多年，也更好看一些。另外，缝线最好选和布同色的棉线，"
                  "收尾时多回针两次，书衣翻折的地方才不会开线。")
    assert len(long_reply) > 80
    page = ["第一次自己缝制布书衣", "小花猫", "中级会员", "帖子 96 积分 240", *ARTICLE,
            "来自Android客户端 2楼 2024-2-3 21:05", "好精致，多谢分享！", "3楼 阿明 2024-2-3 21:30", long_reply]
    kept, gone = run("\n".join(page))
    assert kept[:4] == ["第一次自己缝制布书衣", *ARTICLE]
    assert gone["好精致，多谢分享！"] == "generic/reply"
    assert gone.get(long_reply) != "generic/reply"  # not a reply of this module's (the model may judge it a comment)
    assert gone["小花猫"] == "generic/member" and gone["中级会员"] == "generic/rank"
    assert gone["来自Android客户端 2楼 2024-2-3 21:05"] == "generic/post-stamp"  # asked after the model


def test_the_headline_the_title_names_is_no_app_prompt():
    # 新闻客户端 alone makes an app prompt of a line; the headline the page's title names is about news apps.
    page = "\n".join(["首页 观点 评论 专栏", "新闻客户端为何越来越难用", "2026-09-14 评论员 赵青", *ARTICLE, "新闻客户端"])
    titled = remove_furniture(page, (), title="新闻客户端为何越来越难用_观点_某某评论网")
    assert "新闻客户端为何越来越难用" in titled.text.split("\n")
    gone = {f.detail.split(": ", 1)[1]: f.detail.split(": ", 1)[0] for f in titled.findings if f.kind == "removed-line"}
    assert gone["新闻客户端"] == "generic/app-prompt"  # the site's prompt under the article still goes
    # Without a title naming it, the line's words decide.
    assert run(page)[1]["新闻客户端为何越来越难用"] == "generic/app-prompt"


def test_a_share_widget_between_headline_and_article_goes_with_its_counter():
    page = ["多地推进老旧小区加装电梯", "0", "分享至", "用微信扫码二维码", *ARTICLE]
    kept, gone = run("\n".join(page))
    assert kept == ["多地推进老旧小区加装电梯", *ARTICLE]
    assert gone["0"] == gone["分享至"] == "generic/actions"
    # A count with no action row beside it is no counter.
    kept, _ = run("\n".join(["多地推进老旧小区加装电梯", "0", *ARTICLE]))
    assert "0" in kept


SHORT = ["镇图书馆从本月起延长开放时间。", "工作日晚上一直开到十点。", "馆长说，延长时间是读者投票定下的。", "夜里来的人多是为了安静。"]


def test_a_related_box_between_short_paragraphs_goes():
    box = ["相关阅读", "市图书馆新馆下月开放", "全市建成社区书屋一百二十家"]
    kept, gone = run("\n".join(["小镇图书馆开到了夜里十点", *SHORT[:2], *box, *SHORT[2:]]))
    assert kept == ["小镇图书馆开到了夜里十点", *SHORT]
    assert all(gone[line] == "generic/recommended" for line in box)


def test_a_reading_list_or_an_unframed_heading_in_short_paragraphs_stays():
    books = ["推荐阅读", "《城南旧事》", "《小王子》"]
    kept, _ = run("\n".join(["给孩子的暑假书单", *SHORT[:2], *books, *SHORT[2:]]))
    assert kept == ["给孩子的暑假书单", *SHORT[:2], *books, *SHORT[2:]]
    # One title under the heading: no box (a subheading and its first line).
    one = ["相关阅读", "市图书馆新馆下月开放"]
    kept, _ = run("\n".join(["小镇图书馆开到了夜里十点", *SHORT[:2], *one, *SHORT[2:]]))
    assert "市图书馆新馆下月开放" in kept


def test_a_rank_word_without_a_forum_row_beside_it_stays():
    words, lexicon = load_words(), load_lexicon()
    folded = ["版主", *ARTICLE]
    gone, alive = portal_lines(folded, list(range(len(folded))), lexicon)
    assert gone == [] and alive == list(range(len(folded)))
    assert "版主" in words.ranks


def test_lines_under_end_go_a_paragraph_after_it_stays():
    tail = "后记：这篇文字写于三年前的春天，那时旧书摊还在桥下，如今那片空地已经盖起了新的商场，摊主们也不知去了哪里。"
    page = [*ARTICLE, "— END —", "往期推荐", "雨天适合读的五本小说", "点个在看你最好看", tail]
    kept, gone = run("\n".join(page))
    assert kept == [*ARTICLE, tail]
    assert gone["雨天适合读的五本小说"] == "generic/end"


def test_a_recommended_heading_takes_its_titles_and_stops_at_prose():
    more = "宋人喜欢在夜市里吃宵夜，汴京的州桥夜市一直开到三更，卖的有水饭、爊肉、干脯，还有各种时令果子。"
    page = [*ARTICLE, "推荐阅读", "读《武林旧事》", "宋人的夜生活", more]
    kept, gone = run("\n".join(page))
    assert kept == [*ARTICLE, more]
    assert gone["宋人的夜生活"] == "generic/recommended"


def test_a_recommended_title_that_asks_is_a_title_a_question_over_prose_resumes_the_article():
    # Its question mark read as a sentence's end and the box stopped there (unseen10, session 25).
    asked, other = "iPhone 18 传闻整理：屏下镜头终于来了？", "小米16 Ultra 上手：一英寸感光元件再进化"
    page = [*ARTICLE, "你可能也会喜欢", asked, other, "关于我们 | 广告合作 | 隐私权政策"]
    kept, gone = run("\n".join(page))
    assert kept == ARTICLE and gone[asked] == "generic/recommended"
    more = "宋人喜欢在夜市里吃宵夜，汴京的州桥夜市一直开到三更，卖的有水饭、爊肉、干脯，还有各种时令果子。"
    question = "为什么宋代汴京城里的夜市能够一直热闹到三更天呢？"  # the article goes on under a box: its paragraph follows
    page = [*ARTICLE, "推荐阅读", "读《武林旧事》", question, more]
    kept, _ = run("\n".join(page))
    assert kept == [*ARTICLE, question, more]


@pytest.mark.parametrize("heading", ["你可能也會喜歡", "您可能感兴趣"])
def test_a_you_may_also_like_heading_takes_its_titles(heading):
    page = [*ARTICLE, heading, "小米新机上手：感光元件再进化", "手机续航怎么选"]
    kept, gone = run("\n".join(page))
    assert kept == ARTICLE
    assert gone[heading] == "generic/recommended"


def test_a_phrase_ending_in_more_inside_the_article_heads_no_box():
    # 孩子们需要更多 is the article's phrase, not a box heading with its link (no arrow, bracket or
    # space before the word): the list under it and the paragraph after stay (review26).
    needs = ["孩子们需要更多", "专职的音乐老师", "能借阅的课外书", "周末的兴趣小组"]
    page = [*ARTICLE, *needs, "校长说，这些需求看起来不大，但对一所山区小学来说，每一项都要想很多办法才能做到。"]
    kept, _ = run("\n".join(page))
    assert kept == page


def test_a_reading_list_of_issues_under_the_article_stays():
    # Several issues in a row under a line announcing them: the article's reading list, not its
    # source line (review26); one issue alone under the article is the source.
    issues = ["《读书》1979年第1期", "《读书》1985年第3期", "《读书》1988年第10期"]
    intro = "以下几期是我认为最值得重读的，有兴趣的朋友可以找来看看："
    kept, _ = run("\n".join([*ARTICLE, intro, *issues]))
    assert kept == [*ARTICLE, intro, *issues]
    kept, gone = run("\n".join([*ARTICLE, "——《读书》2005年第3期"]))
    assert kept == ARTICLE


@pytest.mark.parametrize("heading", ["图集 更多>>", "热点新闻 更多>", "專題 [更多]", "图片 MORE+"])
def test_a_box_heading_with_its_more_link_takes_its_titles(heading):
    # The more-link says the lines under it are a box of other pieces, whatever its label names.
    page = [*ARTICLE, heading, "新疆赛里木湖迎来初冬美景", "秋日胡杨林"]
    kept, gone = run("\n".join(page))
    assert kept == ARTICLE
    assert gone["秋日胡杨林"] == "generic/recommended"


@pytest.mark.parametrize("button", ["查看更多", "加载更多>>", "展开更多", "更多>>"])
def test_a_folds_button_or_a_bare_more_link_is_no_box_heading(button):
    # A fold's button: the article may go on under it; a bare link names no box.
    from cleaner.furniture.portals import _more_heading

    assert not _more_heading(button)


@pytest.mark.parametrize("issue", ["——《北京之春》1996年6月号", "《選擇》月刊第590期", "（原载《读书》2005年第3期）"])
def test_a_periodicals_issue_under_the_article_goes_a_list_of_issues_inside_it_stays(issue):
    # The issue the article came from, alone under it: the fit split's hand copies leave it out.
    kept, gone = run("\n".join([*ARTICLE, issue]))
    assert kept == ARTICLE and gone[issue] == "generic/paper-imprint"
    listed = [ARTICLE[0], issue, "《求是》2024年第3期", ARTICLE[1]]
    assert run("\n".join(listed))[0] == listed


def test_a_signing_date_stays_a_site_date_line_goes():
    notice = ["关于做好春季农田水利设施检修的通知", *ARTICLE, "某市农业农村局", "2024年3月20日"]
    kept, _ = run("\n".join(notice))
    assert kept[-1] == "2024年3月20日"
    press = ["政府公布最新空气质素数据", *ARTICLE, "完", "2024年3月15日（星期五）", "香港时间11时30分"]
    kept, gone = run("\n".join(press))
    assert kept == press[:4]
    assert gone["完"] == "generic/end"


def test_the_ptt_signature_goes_with_the_header():
    page = ["作者 rainbow1234 (彩虹)  看板 Food", "標題 [食記] 台南 巷口的碗粿老店", "時間 Sun Apr  7 11:20:05 2024", *ARTICLE,
            "--", "我的部落格：吃遍台南", "※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 36.227.10.5 (臺灣)"]
    kept, gone = run("\n".join(page))
    assert kept == ["標題 [食記] 台南 巷口的碗粿老店", *ARTICLE]  # the title row is the post's headline (kept_blocks)
    assert gone["我的部落格：吃遍台南"] == "generic/ptt"
    assert gone["時間 Sun Apr  7 11:20:05 2024"] == "generic/ptt"


def test_the_portal_words_are_simplified_and_present():
    words = load_words()
    for name in ("ranks", "stats", "actions", "headings"):
        values = getattr(words, name)
        assert values and all(fold_line(w) == w for w in values), name


def test_a_diary_date_heading_over_a_short_last_entry_stays():
    from cleaner import Cleaner

    entry = "早上去湖边散步，看见一群白鹭在浅水里觅食，风很轻，水面像镜子一样平静，我站了很久才回家。"
    page = "\n".join(["2024年3月15日 星期五", entry * 2, "2024年3月16日 星期六", entry * 2, "2024年3月17日 星期日", "今天下雨了，哪儿也没去。"])
    out = Cleaner(to="keep").run(page).text.split("\n")
    assert "2024年3月17日 星期日" in out and "今天下雨了，哪儿也没去。" in out


ANSWER = ("叶子里本来就有叶绿素、类胡萝卜素和花青素，夏天叶绿素多，绿色盖住了其他颜色，到了秋天叶绿素分解得比合成得快，"
          "黄色的类胡萝卜素就显露出来；有些树种还会新合成花青素，它在酸性的细胞液里呈红色，枫树和黄栌的叶子就变红了。")


def test_an_answerers_name_and_title_go_framed_by_answer_furniture():
    page = ["为什么秋天的树叶会变红？", "8 个回答", "林间小路", "植物生理学研究生", "1,105 人赞同了该回答", ANSWER,
            "赞同 1105 添加评论 分享", "山野", "摄影爱好者", "12 人赞同了该回答", "花青素多了就红了。"]
    kept, gone = run("\n".join(page))
    assert kept == [page[0], ANSWER]
    assert gone["林间小路"] == gone["植物生理学研究生"] == "generic/answerer"
    assert gone["花青素多了就红了。"] == "generic/reply"  # a second answer under the first


def test_short_lines_over_an_answer_head_stay_without_furniture_above():
    words, lexicon = load_words(), load_lexicon()
    folded = ["秋天的树叶", "林间小路", "1,105 人赞同了该回答", ANSWER]
    gone, _ = portal_lines(folded, list(range(len(folded))), lexicon)
    assert {folded[line.index] for line, _ in gone} == {"1,105 人赞同了该回答"}


def test_a_thread_without_stamps_is_known_by_its_repeated_reply_buttons():
    page = ["第一次用胶片机拍日落", "只看楼主", "山风", "楼主", *ARTICLE, "赞 回复", "小木屋", "拍得真好看。", "赞 回复",
            "北极星", "请问是什么相机？", "赞 回复"]
    kept, gone = run("\n".join(page))
    assert kept == [page[0], *ARTICLE]
    assert gone["拍得真好看。"] == gone["北极星"] == "generic/reply"
    once = [*ARTICLE, "赞 回复", "问起什么时候退休，他笑着说：", "等手抖了，", "就回家带孙子。"]
    kept, _ = run("\n".join(once))
    assert kept == [*ARTICLE, *once[4:]]  # one row of buttons is a share row, not a thread


def test_a_lone_two_character_button_goes_only_beside_a_family():
    words, lexicon = load_words(), load_lexicon()
    beside = ["知道大有可为答主", "关注", *ARTICLE]
    gone, _ = portal_lines(beside, list(range(len(beside))), lexicon)
    assert "关注" in {beside[line.index] for line, _ in gone}
    alone = ["投票结果", "支持", *ARTICLE]
    gone, _ = portal_lines(alone, list(range(len(alone))), lexicon)
    assert gone == []


def test_an_unspaced_name_between_headline_and_date_is_a_byline_a_short_headline_is_not():
    lexicon = load_lexicon()
    named = ["台中绿川水岸步道延伸工程完工", "陈小明", "2024/03/18 10:05", *ARTICLE]
    gone, _ = portal_lines(named, list(range(len(named))), lexicon)
    assert [(named[line.index], family) for line, family in gone] == [("陈小明", "byline")]
    short = ["首页 > 文艺", "春之歌", "2024年3月18日", *ARTICLE]
    gone, _ = portal_lines(short, list(range(len(short))), lexicon)
    assert "春之歌" not in {short[line.index] for line, _ in gone}


def test_a_menu_at_the_top_goes_an_author_line_stays():
    lexicon = load_lexicon()
    menu = ["知乎 首页 发现 等你来答", "为什么秋天的树叶会变红？", *ARTICLE]
    gone, _ = portal_lines(menu, list(range(len(menu))), lexicon)
    assert [family for _, family in gone] == ["top-menu"]
    authors = ["张三 李四 王五 赵六", "城市绿地对热岛效应的缓解作用", *ARTICLE]
    gone, _ = portal_lines(authors, list(range(len(authors))), lexicon)
    assert gone == []


def test_the_first_answer_stays_under_a_long_question_description():
    question = ("家里的绿萝养了两年，最近叶子一片片发黄，浇水也按时，放在客厅靠窗的地方，不知道是光照不够还是浇水太多，"
                "有没有懂行的朋友帮忙看看应该怎么办？换过一次土，也施过一次薄肥，情况还是没有好转，新长出来的叶子也越来越小。")
    assert len(question) >= 100  # PROSE_MIN: enough to end a first post
    page = ["绿萝叶子发黄怎么办", question, "8 个回答", "林间小路", "园艺师", "1,105 人赞同了该回答", "多半是浇水太勤，根烂了。",
            "先停水一周，剪掉烂根再换土。", "赞同 1105 添加评论 分享"]
    kept, gone = run("\n".join(page))
    assert "多半是浇水太勤，根烂了。" in kept and "先停水一周，剪掉烂根再换土。" in kept
    assert gone["林间小路"] == "generic/answerer"


def test_a_section_word_beside_a_family_stays():
    lexicon = load_lexicon()
    folded = ["（新华社）", "目录", *ARTICLE]
    gone, _ = portal_lines(folded, list(range(len(folded))), lexicon)
    assert [folded[line.index] for line, _ in gone] == ["（新华社）"]


def test_a_comment_closed_by_its_stamp_goes_with_its_writer_framed_by_furniture():
    page = ["秋天去看银杏", *ARTICLE, "阅读(856) ┆ 评论(2) ┆ 收藏(5) ┆ 打印 ┆ 举报", "晓风：", "照片拍得真好看，明年我也要去。",
            "2023-11-12 20:15:03 [回复]", "老林：", "欢迎欢迎。", "2023-11-13 08:02:41 [回复]"]
    kept, gone = run("\n".join(page))
    assert kept == [page[0], *ARTICLE]
    assert gone["晓风："] == gone["照片拍得真好看，明年我也要去。"] == gone["欢迎欢迎。"] == "generic/reply"


def test_short_lines_over_a_comment_stamp_stay_without_furniture_above():
    words, lexicon = load_words(), load_lexicon()
    folded = ["秋天去看银杏", *ARTICLE, "照片拍得真好看，明年我也要去。", "2023-11-12 20:15:03 [回复]"]
    gone, _ = portal_lines(folded, list(range(len(folded))), lexicon)
    assert "照片拍得真好看，明年我也要去。" not in {folded[line.index] for line, _ in gone}


def test_a_credit_row_with_an_end_marker_is_left_to_the_model_then_goes():
    lexicon = load_lexicon()
    folded = ["第一次自己缝制布书衣", *ARTICLE, "本文来源：晨报 编辑：赵越"]
    gone, _ = portal_lines(folded, list(range(len(folded))), lexicon)
    assert "本文来源：晨报 编辑：赵越" not in {folded[line.index] for line, _ in gone}  # the model's end marker first
    kept, removed = run("\n".join(folded))
    assert kept == folded[:4]
    assert removed["本文来源：晨报 编辑：赵越"] == "generic/credit-row"  # asked again after the model kept it


def test_buttons_set_one_to_a_line_go_together_one_alone_stays():
    lexicon = load_lexicon()
    folded = ["历史沿革", "播报", "编辑", *ARTICLE, "编辑", "结语"]
    gone, _ = portal_lines(folded, list(range(len(folded))), lexicon)
    assert sorted(line.index for line, _ in gone) == [1, 2]  # the lone 编辑 under the article stays


@pytest.mark.parametrize("line", ["字體大小 A A A", "A- A+", "字号 A+ A-", "分享 列印 轉寄 A- A+"])
def test_letter_size_buttons_are_actions(line):
    assert fam(line) == "actions"


@pytest.mark.parametrize("line", ["A股 B股", "A", "成绩 A A- B+"])
def test_letters_among_words_are_no_size_buttons(line):
    assert fam(line) != "actions"


def test_the_end_in_words_closes_a_wechat_article():
    from cleaner import Cleaner
    from test_generic_furniture import ARTICLE
    out = Cleaner(to="keep").clean("\n".join([*ARTICLE, "— THE END —", "往期回顾", "春天的第一场雨"])).split("\n")
    assert out == ARTICLE


def test_a_day_first_dateline_with_its_zone_and_update_goes_above_the_article():
    # 15/10/2024 read as no date before session 17, and AEDT as no zone: the stamp stayed.
    page = ["新州政府宣布擴建悉尼西部鐵路 預計2030年通車", "記者 林佩琪 悉尼報導",
            "15/10/2024 3:42 PM AEDT 更新於 15/10/2024 5:10 PM"] + ARTICLE
    kept, gone = run("\n".join(page))
    assert gone.get(page[2]) == "generic/dateline"
    assert all(line in kept for line in ARTICLE)


def test_a_ranking_heading_takes_its_titles_below_the_article():
    page = ["市里启动老旧小区改造"] + ARTICLE + ["24小时热文", "悉尼轻轨延长线明年动工", "维州公布新学年校车安排"]
    kept, gone = run("\n".join(page))
    assert all(line in kept for line in ARTICLE)
    assert {gone.get(line) for line in page[-3:]} == {"generic/recommended"}


def test_a_headline_naming_a_comment_box_word_stays_under_its_title():
    headline = "我市启动青少年文明上网宣传月活动"
    para = "宣传月期间，各学校将开展主题班会、知识竞赛和家长课堂，引导青少年理性表达、健康用网，活动持续到月底。"
    page = [headline, para, para.replace("宣传月期间", "活动期间"), "一、倡导文明上网", para.replace("宣传月期间", "本月内")]
    assert remove_furniture("\n".join(page), [], title=headline).text.splitlines() == page


def test_a_lines_family_is_remembered_for_its_word_lists_alone(monkeypatch):
    # portal_lines asks the forms once per line text (a page is read again after what went); the
    # family remembered is of the word lists it was found with.
    import cleaner.furniture.portals as portals

    monkeypatch.setattr(portals, "_FORMS", {})
    words = load_words()
    line = normalise("来自Android客户端 1楼 2023-08-11 16:06")
    assert portals._forms([line], words) == [form(line, words)] == ["post-stamp"]
    asked = []
    monkeypatch.setattr(portals, "_composed", lambda text, parts, w: asked.append(text) or "")
    assert portals._forms([line, line], words) == ["post-stamp"] * 2 and not asked  # remembered
    other = load_words.__wrapped__()  # equal lists, another object: asked again
    assert portals._forms([line, line], other) == ["", ""] and asked == [line]
    monkeypatch.setattr(portals, "FORMS_KEPT", 1)
    portals._forms(["甲"], other), portals._forms(["乙"], other)  # past the limit: dropped all at once
    assert len(portals._FORMS) <= 3


_GATED = st.lists(st.sampled_from(["记者", "通讯员", "特派员", "特约撰稿", "供稿", "报导", "专电", "15日电", "编译", "张三", "台北",
                                   "本文链接", "原文地址", "转载请注明出处", "(ID:abc)", "TrackBack:", "trackback 地址:", "引用通告",
                                   "通告引用", "本文", "授权", "转自", " ", ":", "(", ")", "。", ",", "a", "5"]), max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=_GATED)
def test_a_line_without_a_forms_signs_is_no_line_its_pattern_finds(text):
    # form() asks _REPORTER and _REPRINT only of lines holding one of their signs, _AUTHORISED
    # only of lines naming 本文: each sign is one every match holds.
    import cleaner.furniture.portals as portals

    assert not portals._REPORTER.search(text) or portals._REPORTER_SIGNS.search(text) is not None
    assert not portals._REPRINT.search(text) or portals._REPRINT_SIGNS.search(text) is not None
    assert not portals._AUTHORISED.search(text) or "本文" in text


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(["索引号", "索 引 号", "分类", "文号", "发布机构", ":", "：", " ", "  ", "123", "张三"]), max_size=9).map("".join))
@example(text="索引号:123 文号:456")  # two keys, two colons
def test_a_row_of_metadata_keys_is_found_as_without_the_colon_gate(text):
    import re

    import reference_portal_forms as reference

    words = load_words()
    assert reference._GOV_ROW(text, words) == (sum(1 for part in re.split(r"\s+", text) if words.gov.match(part)) >= 2)


def test_a_name_over_a_lone_follow_button_goes_with_it_a_headline_the_title_names_stays():
    lexicon = load_lexicon()
    page = ["我给旧诗集缝了一件书衣", "老周手作铺", "关注", *ARTICLE]
    gone, _ = portal_lines(page, list(range(len(page))), lexicon, title="我给旧诗集缝了一件书衣 - 某某专栏")
    assert sorted(page[line.index] for line, _ in gone) == ["关注", "老周手作铺"]
    headline_only = ["我给旧诗集缝了一件书衣", "关注", *ARTICLE]
    gone, _ = portal_lines(headline_only, list(range(len(headline_only))), lexicon, title="我给旧诗集缝了一件书衣 - 某某专栏")
    assert [headline_only[line.index] for line, _ in gone] == ["关注"]
    gone, _ = portal_lines(page, list(range(len(page))), lexicon)  # without the title: nothing to tell them apart
    assert gone == []


def test_a_box_heading_of_a_known_shape_takes_its_titles():
    # 本版其他新闻 is in no list of headings: 其他, 相关, 热门 or 更多 and a word for pieces is a box's.
    more = "宋人喜欢在夜市里吃宵夜，汴京的州桥夜市一直开到三更，卖的有水饭、爊肉、干脯，还有各种时令果子。"
    page = [*ARTICLE, "本版其他新聞", "輕軌東線工程進度理想", "多個社團舉辦迎回歸活動", more]
    kept, gone = run("\n".join(page))
    assert kept == [*ARTICLE, more]
    assert gone["本版其他新聞"] == "generic/recommended"
    # An article's subheading of another shape over its own short lines stays.
    own = [*ARTICLE, "其他措施", "延长开放时间", "增设夜间班车", more]
    assert run("\n".join(own))[0] == own
    # A section of the article's own of the box's shape lists names, not headlines (review20 F1):
    # a painter's works, a writer's books, at the end or between paragraphs.
    works = [*ARTICLE, "相关作品", "《蒙娜丽莎》", "《最后的晚餐》", "《岩间圣母》", more]
    assert run("\n".join(works))[0] == works
    assert run("\n".join(works[:-1]))[0] == works[:-1]


def test_comments_under_end_and_a_comments_heading_go():
    tail = "后记：这篇文字写于三年前的春天，那时旧书摊还在桥下，如今那片空地已经盖起了新的商场，摊主们也不知去了哪里。"
    comments = ["晚风：我奶奶的借书证也还留着，可惜是八十年代的。", "作者：那也是珍贵的记忆，欢迎带来给我们看看！"]
    page = [*ARTICLE, "— END —", tail, "阅读 3.1万", "写留言", "留言", *comments]
    kept, gone = run("\n".join(page))
    assert kept == [*ARTICLE, tail]  # a paragraph right under END, before the comments heading, stays
    assert gone[comments[0]] == "generic/reply"


def test_a_bare_date_between_headline_and_article_goes_a_chronicles_dates_stay():
    # The page's date alone under its headline (2026年12月3日, no time, weekday or zone) scored
    # as a byline beside the article and stayed (unseen10: three pages of Hong Kong and Taiwan sites).
    headline = "消委會公布電熱水壺測試結果"
    page = [headline, "2026年12月3日", *ARTICLE, "某市消費者委員會"]
    removal = remove_furniture("\n".join(page), (), title=f"{headline} - 消委會")
    assert removal.text.split("\n") == [headline, *ARTICLE, "某市消費者委員會"]
    # A chronicle sets a date over each entry: the first date heads an entry as the others do.
    chronicle = [headline, "2024年3月1日", ARTICLE[0], "2024年3月5日", ARTICLE[1], "2024年3月9日", ARTICLE[2]]
    removal = remove_furniture("\n".join(chronicle), (), title=f"{headline} - 消委會")
    assert removal.text.split("\n") == chronicle
    # With its time it is a stamp the line model reads (the dev set's hand copies keep it).
    assert _BARE_DATE.fullmatch("2022-02-13 23:37") is None


def test_a_row_of_buttons_set_apart_by_the_stroke_is_a_row():
    # 丨 (a vertical stroke) sets a row's items apart as | does (回复丨引用丨举报): the row's items
    # are read alike here and by the post frame (post_frame.action_row uses row_items).
    words = load_words()
    assert form("分享丨收藏丨举报", words) == "actions"



TIPS = ["1. 不要点击短信里的陌生链接；", "2. 不要扫描来历不明的二维码；", "3. 下载APP请到官方应用商店；",
        "4. 不要向任何人透露短信验证码；"]


def test_app_words_the_article_says_are_no_prompt():
    # A row of the article's numbered list, a field whose key says no prompt, the title's own app:
    # each reads as a prompt alone (it is one by form) and stays on its page.
    assert fam(TIPS[2]) == "app-prompt"
    field = "报名渠道：下载“城市马拉松”APP或关注官方微信公众号报名"
    assert fam(field) == "app-prompt"
    kept, gone = run("\n".join(["警惕这些扫码领红包的诈骗", *ARTICLE, "警方提醒：", *TIPS, field, "扫码下载平安县城APP"]))
    assert TIPS[2] in kept and field in kept
    assert gone["扫码下载平安县城APP"].startswith(("generic/", "common/"))
    sentence = "用户打开客户端，对准报纸版面扫一扫，即可观看相关视频报道。"
    assert fam(sentence) == "app-prompt"
    gone_lines = portal_lines([normalise(fold_line(x)) for x in [sentence, *ARTICLE]], [0, 1, 2, 3], load_lexicon(),
                              title=fold_line("央视新闻客户端上线两会AR看报功能"))[0]
    assert not gone_lines  # the title's own word: the article is about the app
    assert portal_lines([normalise(fold_line(x)) for x in [sentence, *ARTICLE]], [0, 1, 2, 3], load_lexicon())[0]


def test_a_days_heading_over_the_articles_rows_of_times_is_no_dateline():
    # 5月20日（星期三） carries the weekday a site's date line carries; over rows opening with times
    # it heads the article's programme (session 33). A date line over no such rows still goes.
    para = "为加强校友与母校的联系，校友总会定于五月举办返校日活动，现将活动日程公布如下，欢迎各地校友回校参加。"
    rows = ["5月20日（星期三）", "08:30-09:00 签到（图书馆报告厅）", "09:00-10:30 校友大会（图书馆报告厅）", "10:40-12:00 参观校园",
            "5月21日（星期四）", "09:00-11:30 院系座谈（各学院）", "14:00-16:00 校友论坛（国际会议中心）"]
    kept, gone = run("\n".join(["2026年校友返校日日程", para, *rows, "滨江大学校友会", "2026年5月1日", "版权所有 滨江大学"]))
    assert kept == ["2026年校友返校日日程", para, *rows, "滨江大学校友会", "2026年5月1日"]
    kept, gone = run("\n".join(["2026年校友返校日日程", para, para, "2026年5月21日 星期四", "版权所有 滨江大学"]))
    assert "2026年5月21日 星期四" in gone


def test_a_hashtag_row_between_paragraphs_is_the_posts_and_under_them_the_sites():
    paras = ["油菜花开了，临川湿地公园迎来一年中最美的季节，大片金黄的花海沿着湖岸铺展开来，吸引了众多市民前来踏青赏花。",
             "公园管理处提醒游客文明赏花，不要采摘踩踏，节假日期间建议错峰出行，并通过公众号提前预约入园时间。"]
    tags = "#春日出游# #临川湿地#"
    foot = "临川发布 版权所有"
    assert remove_furniture("\n".join([paras[0], tags, paras[1], foot]), ()).text.split("\n") == [paras[0], tags, paras[1]]
    assert remove_furniture("\n".join([*paras, tags, foot]), ()).text.split("\n") == paras


def test_a_keyword_row_at_the_article_s_top_is_its_own_and_under_it_the_site_s():
    abstract = "摘要：本文以临川县为例，分析数字经济在乡村产业、治理和公共服务中的作用，并提出三条推进路径。"
    paras = ["近年来，临川县依托电商平台发展特色农产品销售，全县网络零售额连续五年保持两位数增长，带动一万多户农民增收。",
             "在乡村治理方面，县里建成覆盖全部行政村的数字化管理平台，村务公开、民情收集和矛盾调解都可以在线完成。",
             "公共服务领域，远程医疗和在线教育已经延伸到偏远山村，村民在家门口就能享受县城医院和学校的优质资源。"]
    keywords = "关键词：数字经济；乡村振兴；县域治理"
    foot = "临川社科网 版权所有"
    # Over the article's prose, with less above it than below: a paper's keywords under its abstract.
    out = remove_furniture("\n".join([abstract, keywords, *paras, foot]), ()).text.split("\n")
    assert out == [abstract, keywords, *paras], out
    # Under the article's prose: the site's tag row, as before.
    tags = "标签：数字经济 乡村振兴 县域治理"
    out = remove_furniture("\n".join([abstract, *paras, tags, foot]), ()).text.split("\n")
    assert tags not in out, out


def test_a_document_s_date_note_over_its_first_paragraph_is_its_own_and_a_bare_date_the_page_s():
    title = "在全市安全生产工作会议上的讲话_领导讲话_临川市人民政府"
    paras = ["同志们，今天我们召开全市安全生产工作会议，主要任务是总结去年工作，分析当前形势，部署今年的安全生产重点任务。",
             "去年以来，全市上下认真落实安全生产责任制，各类事故起数和死亡人数实现双下降，没有发生较大以上生产安全事故。"]
    page = ["临川市人民政府 首页 政务公开 领导讲话 办事服务", "在全市安全生产工作会议上的讲话",
            "发布时间：2027-03-02 来源：市政府办公室", "市长 陈志明", "（2027年3月1日）", *paras, "【打印本页】【关闭窗口】"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert "（2027年3月1日）" in out and "市长 陈志明" in out, out
    # A bare date there, no brackets around it, is the page's date line, as before.
    page[4] = "2027年3月1日"
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert "2027年3月1日" not in out, out
