"""The article's counted steps, timetables and blocks of facts beside its body (cleaner/furniture/counted_rows.py)."""

from hypothesis import given, settings, strategies as st

from cleaner import Cleaner
from cleaner.furniture.counted_rows import fact_runs, grow_over_rows, ordinal, rows, sequences

PROSE = ("电子社保卡是持卡人在线上办理人社业务的身份凭证，与实体社保卡一一对应，具有身份认证、"
         "信息查询和待遇领取等功能，参保群众可以按照以下流程在手机上自助开通。")


def test_ordinals_and_times_of_day():
    assert ordinal("3. 把月份拖到行") == ("arabic", 3)
    assert ordinal("十二、其他事项") == ("han", 12)
    assert ordinal("第二十三条 本办法自发布之日起施行") == ("step条", 23)
    assert ordinal("(2) 来宾致辞") == ("bracket", 2)
    assert ordinal("09:30 返校日大会") == ("time", 570)
    # A number glued to words or a decimal opens no row.
    assert ordinal("2026年全市中学生篮球联赛") is None
    assert ordinal("1.5倍的速度") is None


def test_a_sequence_counts_up_by_one_or_rises_in_time():
    steps = ["第一步 下载APP", "第二步 点击首页", "新增", "第三步 选择立即申领"]
    assert sequences(steps) == [(0, 3)]  # a section's heading between two rows
    assert sequences(["1. 甲", "3. 乙", "4. 丙"]) == []  # no count by one
    assert sequences(["09:00 签到", "09:30 大会", "10:40 参观"]) == [(0, 2)]
    assert sequences(["09:00 签到", "08:30 大会", "10:40 参观"]) == []


def test_a_ranking_dating_or_counting_its_titles_is_no_sequence():
    ranking = ["1. 江城马拉松报名通道今日开启 04-27", "2. 全民健身运动会落幕 04-25", "3. 游泳馆开放时间调整 04-24"]
    assert sequences(ranking) == []
    assert sequences(["1. 鱼香茄子 12.5万浏览", "2. 肉末茄子 9.8万浏览", "3. 茄子煲 6.1万浏览"]) == []


def test_facts_of_an_event_but_not_a_byline():
    facts = ["活动时间:4月12日(周六)8:30-11:30", "集合地点:绿川湿地公园北门", "适合年龄:6-12岁儿童及家长"]
    assert fact_runs(facts) == [(0, 2)]
    assert rows(["标题"] + facts) == {1, 2, 3}
    # A run holding a record's key (发布时间, 来源) is a byline's or a metadata table's, all of it.
    assert fact_runs(["作者:张三", "单位:某某大学", "发布时间:2026-04-02", "来源:本站"]) == []
    assert fact_runs(facts[:2]) == []  # two fields are no block
    assert fact_runs(["作者:张三 来源:本站 时间:2026-04-02"] * 3) == []  # a row of several keys


def test_the_body_grows_over_a_run_beside_it():
    texts = ["首页 > 办事指南", "如何开通电子社保卡", PROSE, "第一步 下载APP", "第二步 点击首页", "第三步 选择立即申领", "主办:人社局"]
    never = lambda pos: False  # noqa: E731
    assert grow_over_rows(texts, 2, 2, never, never) == (2, 5)
    # Furniture between the body and the run (a related heading, a barrier) keeps them apart.
    assert grow_over_rows(texts, 2, 2, lambda pos: pos == 3, never) == (2, 2)
    facts = ["活动时间:4月12日", "集合地点:湿地公园北门", "适合年龄:6-12岁"]
    above = ["周末亲子自然课", *facts, PROSE]
    assert grow_over_rows(above, 4, 4, never, never) == (1, 4)
    # Never over the headline between them; a run's own row the title names is the caller's to
    # leave (it starts the body under a headline).
    assert grow_over_rows([*facts, "周末亲子自然课", PROSE], 4, 4, never, lambda pos: pos == 3) == (4, 4)
    # A block of facts below the body is not grown over (a blog's 前一篇：… 后一篇：… read as fields).
    assert grow_over_rows([PROSE, *facts], 0, 0, never, never) == (0, 0)


PAGE_STEPS = f"""安阳人社 首页 新闻动态 政策法规 办事指南 公共服务
首页 > 办事指南 > 社会保障卡
如何开通电子社保卡
发布日期：2026-03-02 信息来源：社保卡中心 【大 中 小】
{PROSE}
第一步 下载并打开“掌上人社”APP
第二步 点击首页“电子社保卡”
第三步 选择“立即申领”
第四步 进行人脸识别验证
第五步 设置六位数密码
第六步 申领成功
扫一扫在手机打开当前页
【打印】【关闭】
主办：安阳市人力资源和社会保障局
豫ICP备05001234号"""

PAGE_FACTS = f"""绿川自然学堂 首页 课程 活动预告 自然笔记 关于我们 登录
首页 > 活动预告
周末亲子自然课：认识城市里的鸟
2026-04-02 绿川自然学堂 阅读 689
活动时间：4月12日（周六）8:30-11:30
集合地点：绿川湿地公园北门
适合年龄：6-12岁儿童及家长
活动费用：每组家庭120元
带队老师：何晓林
{PROSE}
{PROSE}
点赞 分享 收藏
© 2026 绿川自然学堂 湘ICP备17012345号"""

PAGE_PROGRAMME = f"""滨海大学校友总会 首页 | 校友动态 | 校友风采 | 校友捐赠 | 联系我们
首页 / 校友动态
校友会举办2026年度返校日活动
时间： 来源：校友总会 作者： 浏览：
{PROSE}
{PROSE}
当天活动流程
09:00 校友签到
09:30 返校日大会
10:40 参观新校区
12:00 校友午宴
14:00 院系座谈
图片新闻
上一篇 下一篇
滨海大学校友总会 版权所有"""


def _kept(page: str, title: str) -> list[str]:
    return Cleaner(to="keep").run(page, details=False, title=title).text.splitlines()


def test_an_articles_steps_stay_and_the_furniture_under_them_goes():
    kept = _kept(PAGE_STEPS, "如何开通电子社保卡_办事指南_安阳人社")
    assert [line for line in kept if line.startswith("第")] == PAGE_STEPS.splitlines()[5:11]
    assert "主办：安阳市人力资源和社会保障局" not in kept and "扫一扫在手机打开当前页" not in kept


def test_an_events_facts_above_its_text_stay():
    kept = _kept(PAGE_FACTS, "周末亲子自然课：认识城市里的鸟_活动预告_绿川自然学堂")
    assert all(line in kept for line in PAGE_FACTS.splitlines()[4:9])
    assert "2026-04-02 绿川自然学堂 阅读 689" not in kept


def test_a_days_programme_under_the_text_stays():
    kept = _kept(PAGE_PROGRAMME, "校友会举办2026年度返校日活动_校友动态_滨海大学校友总会")
    assert all(line in kept for line in PAGE_PROGRAMME.splitlines()[7:12])
    assert "图片新闻" not in kept and "时间： 来源：校友总会 作者： 浏览：" not in kept

TALK_PROSE = ("本館邀請繪本作家林美君分享她的創作歷程，從童年記憶談到家的意象，帶領讀者重新認識繪本中的"
              "家庭故事，歡迎親子共同參加，現場並有簽書活動。")
PAGE_TALK = f"""南港市立圖書館 首頁 | 認識本館 | 館藏查詢 | 活動訊息 | 讀者服務 | 數位資源
首頁 > 活動訊息
閱讀講座：繪本裡的家
發布單位：推廣課 發布日期：2026-08-12 點閱數：402
{TALK_PROSE}
講座資訊
日期：2026年8月30日（六）
時間：14:00-16:00
地點：總館B1演講廳
講師：林美君（繪本作家）
講座流程
13:30-14:00 報到
14:00-15:20 主題演講
15:20-15:40 茶敘
15:40-16:00 綜合座談
報名方式：請至本館網站線上報名，額滿為止。
分享到 Facebook LINE
南港市立圖書館 版權所有 © 2026"""


def test_the_facts_inside_the_body_are_no_score_to_take():
    # 日期：… （六） reads as a site's date line by its score; among the talk's facts it is the article's.
    kept = _kept(PAGE_TALK, "閱讀講座：繪本裡的家_活動訊息_南港市立圖書館")
    assert all(line in kept for line in PAGE_TALK.splitlines()[4:16])
    assert "分享到 Facebook LINE" not in kept

PAGE_STEPS_OVER_BIO = """正衡律师事务所 首页 | 律所简介 | 专业领域 | 律师团队 | 律师说法 | 联系我们
首页 > 律师说法
劳动仲裁申请流程六步走
作者：吴晓峰律师 发布时间：2026-06-18 阅读：1532
被拖欠工资怎么办？按以下步骤申请劳动仲裁：
第一步：收集劳动合同、工资条、考勤记录等证据
第二步：到用人单位所在地的劳动仲裁委员会领取申请书
第三步：提交申请书及证据材料
第四步：仲裁委在五日内决定是否受理
第五步：参加开庭，陈述请求和理由
第六步：收到裁决书，不服可在十五日内起诉
作者简介
吴晓峰，正衡律师事务所高级合伙人，执业十五年，擅长劳动争议、公司合规与合同纠纷，曾代理多起有影响的劳动争议案件，为数十家企业提供常年法律顾问服务，著有《劳动争议实务指南》一书。
相关文章
工伤认定需要哪些材料 2026-06-02
试用期被辞退能拿赔偿吗 2026-05-21
正衡律师事务所 版权所有 粤ICP备13012345号"""


def test_steps_an_article_sentence_introduces_stay_above_a_prose_box():
    # The article is its steps (no prose); the author's bio under them read as the body, and the
    # steps, in its head zone, went by their length. Its introducing sentence makes them its own.
    kept = _kept(PAGE_STEPS_OVER_BIO, "劳动仲裁申请流程六步走_律师说法_正衡律师事务所")
    assert all(line in kept for line in PAGE_STEPS_OVER_BIO.splitlines()[4:11])
    assert "相关文章" not in kept and "作者：吴晓峰律师 发布时间：2026-06-18 阅读：1532" not in kept


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789０٣一二三四五六七八九十百(（第步条、.) :：abc甲"), max_size=8))
def test_the_opener_check_misses_no_ordinal(text):
    # ordinal() answers None without its patterns when a line opens with none of _OPENERS or a
    # digit: no pattern may match such a line.
    from cleaner.furniture import counted_rows as cr

    text = text.lstrip()
    if text and not (text[0].isdecimal() or text[0] in cr._OPENERS):
        assert not any(p.match(text) for p in (cr._TIME, cr._ARABIC, cr._HAN_ORDINAL, cr._BRACKET, cr._STEP))


def test_the_last_pages_answer_serves_only_its_own_lines():
    """sequences and fact_runs keep their answer for the lines last asked of (body finding and the
    model's reading ask of one page's lines in turn): other lines get their own answer, and a
    caller's changes to its list never reach the next caller."""
    steps = ["第一步 下载APP", "第二步 注册账号", "第三步 登录"]
    facts = ["活动时间:周六上午", "集合地点:北门", "适合年龄:8岁以上"]  # NFKC, as the model reads them
    first = sequences(steps)
    assert first == [(0, 2)]
    first.append((9, 9))
    assert sequences(list(steps)) == [(0, 2)]
    assert sequences(steps[:2]) == [] and sequences(steps) == [(0, 2)]
    assert fact_runs(facts) == [(0, 2)] and fact_runs(facts[1:]) == [] and fact_runs(facts) == [(0, 2)]
