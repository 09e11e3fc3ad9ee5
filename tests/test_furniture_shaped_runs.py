"""The article's run of like lines between its headline and its body (cleaner/furniture/shaped_runs.py)."""

from cleaner import Cleaner
from cleaner.furniture.shaped_runs import grow_over_runs, head_rows, resumed_turns, shape, shaped_runs, tail_rows

PROSE = ("秋天的河水比夏天清了许多，诗人在这首短诗里写下童年记忆中的村口、母亲和清晨的槌声，"
         "读来朴素而动人，也写出了离乡多年的人对故土的怀念。")


def test_shapes_of_a_line():
    assert shape("记者:您每天几点出诊?") == "label"  # lines come folded and NFKC (full-width colons ASCII)
    assert shape("一等奖:《渔港晨曦》 张海峰") == "label"
    assert shape("【主持人】当初为什么选择回乡？") == "mark"
    assert shape("秃黄油拌面 68元") == "spaced"
    assert shape("弯弯地绕过村口") == "plain"
    # A record's key is a byline's, and a line with punctuation or digits alone is no poem's line.
    assert shape("来源:滨城文化馆") is None
    assert shape("写得真好，想家了") is None
    assert shape("甲" * 61) is None


def test_runs_of_one_shape():
    texts = ["弯弯地绕过村口", "母亲在岸边洗衣", "槌声一下一下", "记者:您好", "王医生:你好"]
    every = lambda pos: True  # noqa: E731
    assert shaped_runs(texts, every) == [(0, 2)]  # two labels are no run
    assert shaped_runs(texts, lambda pos: pos != 1) == []  # a line that does not fit breaks it


POEM = ["弯弯地绕过村口", "母亲在岸边洗衣", "槌声一下一下", "敲醒了清晨的雾"]


def test_the_body_grows_up_over_a_run_under_the_headline():
    texts = ["首页 诗歌", "故乡的河", "作者:林间月 2026-08-14", *POEM, PROSE, "网友评论"]
    fits = lambda pos: pos != 2  # noqa: E731  (the byline has a date and a key)
    assert grow_over_runs(texts, 7, 7, fits, 1) == 3
    # No headline the title names: the run may be a menu's items above the article's top.
    assert grow_over_runs(texts, 7, 7, fits, -1) == 7
    # Furniture between the run and the body (a pager) keeps them apart.
    pager = ["故乡的河", *POEM, "< 上一张 3/8 下一张 >", "全屏浏览", "查看原图", PROSE]
    assert grow_over_runs(pager, 8, 8, lambda pos: pos not in (5, 6, 7), 0) == 8
    # A line a rule took between them (taken right above the body's first line) parts them too.
    assert grow_over_runs(texts, 7, 7, fits, 1, lambda pos: pos == 7) == 7


PAGE_POEM = f"""青禾文学网 首页 小说 散文 诗歌 评论 投稿 登录
首页 > 诗歌 > 正文
原创诗歌：故乡的河
作者：林间月 发表于 2026-08-14 21:06 阅读 326 评论 4
故乡的河
弯弯地绕过村口
母亲在岸边洗衣
槌声一下一下
敲醒了清晨的雾
后来我去了远方
河还在那里流
{PROSE}
赞(18) 收藏 分享
作者其他作品
秋天的信 2026-07-30
青禾文学网 版权所有"""

PAGE_RESULTS = f"""臺中市政府運動局 首頁 | 本局簡介 | 新聞稿 | 場館資訊 | 無障礙
首頁 > 新聞稿
115年度全民運動會成績公報
發布日期：115-10-30 發布單位： 點閱數：
田徑男子組100公尺 第一名 北屯區 林冠宇 10秒85
田徑女子組100公尺 第一名 西屯區 蔡宜芳 12秒31
游泳男子組50公尺自由式 第一名 南屯區 許哲維 24秒02
{PROSE}
相關連結
115年度全民運動會競賽規程 115-08-01
臺中市政府運動局 版權所有"""


def _kept(page: str, title: str) -> list[str]:
    return Cleaner(to="keep").run(page, details=False, title=title).text.splitlines()


def test_a_poem_over_its_comment_stays_and_the_byline_goes():
    kept = _kept(PAGE_POEM, "原创诗歌：故乡的河_诗歌_青禾文学网")
    assert all(line in kept for line in PAGE_POEM.splitlines()[4:11])
    assert "作者：林间月 发表于 2026-08-14 21:06 阅读 326 评论 4" not in kept


def test_result_lines_over_the_text_stay():
    kept = _kept(PAGE_RESULTS, "115年度全民運動會成績公報_新聞稿_臺中市政府運動局")
    assert all(line in kept for line in PAGE_RESULTS.splitlines()[4:7])
    assert "首頁 > 新聞稿" not in kept


TURNS = ["记者:您今年带来了什么建议?", "陈代表:提高乡村教师的生活补助", "记者:为什么关注这个问题?", "陈代表:我在乡村学校教了二十年书"]


def test_a_byline_one_field_a_line_is_no_run_a_reporters_questions_are():
    every = lambda pos: True  # noqa: E731
    byline = ["作者:张三", "摄影:李四", "通讯员:王五"]
    assert shaped_runs(byline, every, lambda pos: True) == []
    assert shaped_runs(TURNS, every, lambda pos: pos % 2 == 0) == [(0, 3)]
    assert shaped_runs(TURNS[:3], every, lambda pos: pos % 2 == 0) == []  # two questions, one answer


def test_rows_under_the_headline_past_an_advert_and_below_the_body_with_its_keys():
    never = lambda pos: False  # noqa: E731
    every = lambda pos: True  # noqa: E731
    page = ["两会访谈", *TURNS, "东平农商银行 存款利率上浮", PROSE]
    assert head_rows(page, 0, 6, lambda pos: pos != 5, never) == {1, 2, 3, 4}
    # A furniture heading between the headline and the run: a related list's titles, not the article's.
    related = ["两会访谈", "相关访谈", *TURNS, PROSE]
    assert head_rows(related, 0, 6, lambda pos: pos != 1, lambda pos: pos == 1) == set()
    # A box's heading between the run and the body (作者简介 over a bio read as the body) parts nothing.
    assert head_rows(page, 0, 6, lambda pos: pos != 5, lambda pos: pos == 5) == {1, 2, 3, 4}
    assert head_rows(page, -1, 6, lambda pos: pos != 5, never) == set()
    questions = ["问:小区能装充电桩吗?", "答:有固定车位即可", "问:快充多少钱?", "答:约一元"]
    more = ["问:冬天续航几折?", "答:七成左右", "问:能坐在车里充吗?"]
    below = [PROSE, *questions, "广告 充电桩限时优惠", *more]
    assert tail_rows(below, (0, 4), lambda pos: pos != 5, never) == {6, 7, 8}
    # Keys the body does not open two lines with (a comment's writer) are not the article's.
    comments = [PROSE, *questions, "广告", "网友甲:说得好", "网友乙:学习了", "网友丙:支持"]
    assert tail_rows(comments, (0, 4), lambda pos: pos != 5, never) == set()
    assert tail_rows(below, (0, 4), every, lambda pos: pos == 5) == set()


PAGE_TURNS_OVER_AD = f"""东平新闻网 首页 | 时政 | 访谈 | 民生 | 视频
首页 > 访谈
两会访谈：代表谈乡村教师待遇
2027-03-06 09:12 东平新闻网 记者： 编辑：
记者：您今年带来了什么建议？
陈代表：提高乡村教师的生活补助
记者：为什么关注这个问题？
陈代表：我在乡村学校教了二十年书
记者：具体怎么提高？
陈代表：按偏远程度分档，越偏远补助越高
广告
东平农商银行 存款利率上浮 详询网点
乡村教师 (rural teachers) 在中西部县域学校中占多数，他们的工资待遇与城区教师仍有差距，不少年轻教师工作几年后便选择离开，陈代表认为补助要向最偏远的学校倾斜。
分享到：微信 微博
相关访谈
代表谈农村养老 03-05
委员谈中小企业融资 03-04
东平新闻网 版权所有"""

PAGE_QA_SPLIT = f"""城市生活报 首页 新闻 汽车 房产 健康 教育 数字报
首页 > 汽车
新能源车主关心的充电问题
城市生活报 2026-08-08 记者 刘洋 阅读：
{PROSE}
问：小区能装私人充电桩吗？
答：有固定车位且物业配合即可申请
问：公共快充一度电多少钱？
答：电费加服务费，约一元到一元八角
广告 家用充电桩限时安装优惠 点击咨询
问：冬天续航会打几折？
答：一般是夏季的七成左右
问：充电时能坐在车里吗？
答：可以，但不要开窗抽烟
热门推荐
二手新能源车怎么挑 08-05
城市生活报社 版权所有"""


def test_turns_under_the_headline_stay_past_an_advert_between_them_and_the_text():
    kept = _kept(PAGE_TURNS_OVER_AD, "两会访谈：代表谈乡村教师待遇_访谈_东平新闻网")
    assert all(line in kept for line in PAGE_TURNS_OVER_AD.splitlines()[4:10])
    assert "相关访谈" not in kept and "2027-03-06 09:12 东平新闻网 记者： 编辑：" not in kept


def test_questions_and_answers_go_on_past_an_advert_below_the_text():
    kept = _kept(PAGE_QA_SPLIT, "新能源车主关心的充电问题_汽车_城市生活报")
    assert all(line in kept for line in PAGE_QA_SPLIT.splitlines()[10:14])
    assert "热门推荐" not in kept and "二手新能源车怎么挑 08-05" not in kept


def test_turns_resume_under_a_box_with_the_keys_above_it():
    above = ["【問】誰可以申請?", "【答】設籍本市的市民", "【問】補助多少?", "【答】最高一萬元"]
    under = ["油價下週恐再漲 2026/03/30", "電動機車銷量創新高 2026/03/25", "【問】期限到什麼時候?", "【答】今年底止"]
    assert resumed_turns(above, under) == 2
    assert resumed_turns(above, under[:3]) is None  # one row is no resumed dialogue
    assert resumed_turns(above[:2], under) is None  # keys used once above are no article's form
    comments = ["网友甲:说得好", "网友乙:学习了"]
    assert resumed_turns(above, ["相关文章 2026/03/30", *comments]) is None


PAGE_QA_BOX = """台灣好日子新聞網 首頁 | 生活 | 財經 | 科技 | 影音 | 訂閱電子報
首頁 > 生活
【懶人包】電動機車補助怎麼申請？
2026/04/02 10:05 記者 王怡君／台北報導
【問】誰可以申請補助？
【答】設籍本市年滿十八歲的市民
【問】補助金額多少？
【答】每輛最高補助一萬元
【延伸閱讀】
油價下週恐再漲 2026/03/30
電動機車銷量創新高 2026/03/25
【問】申請期限到什麼時候？
【答】今年十二月三十一日止，額滿為止
台灣好日子新聞網 版權所有 © 2026"""


def test_questions_under_a_related_box_inside_them_stay():
    kept = _kept(PAGE_QA_BOX, "【懶人包】電動機車補助怎麼申請？_生活_台灣好日子新聞網")
    assert "【問】申請期限到什麼時候？" in kept and "【答】今年十二月三十一日止，額滿為止" in kept
    assert "油價下週恐再漲 2026/03/30" not in kept


PAGE_QA_OVER_BIO = """正衡律师事务所 首页 | 律所简介 | 专业领域 | 律师团队 | 律师说法 | 联系我们
首页 > 律师说法
租房押金不退怎么办？律师答疑
作者：吴晓峰律师 发布时间：2026-06-18 阅读：1532
问：房东以墙面有污渍为由扣押金，合理吗？
答：正常使用造成的损耗不应由租客承担
问：合同没写押金条款怎么办？
答：可以用转账记录和聊天记录证明押金的存在
问：协商不成可以去哪里投诉？
答：可以向住建部门投诉，也可以向法院起诉
作者简介
吴晓峰，正衡律师事务所高级合伙人，执业十五年，擅长劳动争议、公司合规与合同纠纷，曾代理多起有影响的劳动争议案件，为数十家企业提供常年法律顾问服务。
相关文章
工伤认定需要哪些材料 2026-06-02
正衡律师事务所 版权所有 粤ICP备13012345号"""


def test_questions_over_an_authors_bio_read_as_the_body_stay():
    kept = _kept(PAGE_QA_OVER_BIO, "租房押金不退怎么办？律师答疑_律师说法_正衡律师事务所")
    assert all(line in kept for line in PAGE_QA_OVER_BIO.splitlines()[4:10])
    assert "相关文章" not in kept


def test_own_keys_pass_over_paragraphs_as_reading_each_line_does():
    from collections import Counter

    from cleaner.furniture import shaped_runs

    long_turn = "问:" + "这是一段很长的回答，" * 8  # past ROW_MAX: no shape, no key
    lines = ["问:你好吗?", "答:很好。", "问:然后呢?", "答:没有了。", long_turn, long_turn, long_turn, "  问:还有吗?  "]
    counts = Counter(k for k in map(shaped_runs.key, lines) if k)
    assert shaped_runs.own_keys(lines) == {k for k, n in counts.items() if n >= shaped_runs.FORM_ROWS} == {"问", "答"}
