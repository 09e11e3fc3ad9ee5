"""Rows of fields whose only clause marks are their keys' colons (cleaner/furniture/keyed_rows.py)."""

import os
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.furniture.keyed_rows import colon_fields, field_foot, keys_of, rows_over_foot

PROSE = ("为方便老旧公寓住户出行，县政府今年起对加装电梯的公寓给予补助，每部电梯最高补助工程费用的百分之四十五，"
         "申请人须取得公寓区分所有权人三分之二以上同意，并委托合格厂商提出设计及施工计划。")
SECOND = "县政府表示，补助名额有限，将依申请先后顺序审查，审查通过后即可动工，完工验收合格后拨付补助款。"


@lru_cache(maxsize=1)
def cleaner() -> Cleaner:
    return Cleaner(to="keep")


def clean(text: str) -> list[str]:
    return [line for line in cleaner().run(text, details=False).text.splitlines() if line.strip()]


def test_rows_of_fields():
    for text in ("新竹县政府 地址:302新竹县竹北市光明六路10号 总机:(03)551-8101",
                 "服务时间:周一至周五 08:00-12:00、13:00-17:00",
                 "本网站由资讯室维护 最后更新日期:115-03-12 累计浏览人次:12345678",
                 "南洋时报 MCI (P) 012/03/2026 地址:新加坡新报业中心1000 Toa Payoh North",
                 "客服热线 400-880-6655 周一至周日 9:00-21:00",  # a time's colons: no clause
                 "今日访问量 12,304 累计访问量 98,765,432"):  # commas grouping digits: no clause
        assert colon_fields(text), text
    for text in ("招募对象:年满18岁,每月可服务8小时以上者。",  # a comma and a stop: the notice's sentence
                 "全市常住人口为12,304人,占全省的百分之三",  # a comma between clauses too
                 "会议决定:一、加快建设;二、加强监管",  # clauses after the key
                 "补助申请即日起受理,洽询请电县府都市发展处"):  # no colon
        assert not colon_fields(text), text


def test_the_body_ends_at_its_own_prose():
    texts = ["标题", PROSE, SECOND, "受理期间:即日起至115年6月30日止", "新竹县政府 地址:302新竹县竹北市光明六路10号 总机:(03)551-8101",
             "服务时间:周一至周五 08:00-12:00、13:00-17:00"]
    prose = [False, True, True, False, True, True]
    assert field_foot(texts, prose, 1, 5) == 2
    # No row of fields passed: the body keeps its end (a prose line of the article's own).
    assert field_foot(texts[:4] + [PROSE], prose[:4] + [True], 1, 4) == 4


def page(*tail: str) -> str:
    return "\n".join(["新竹县政府全球资讯网 首页 县府介绍 新闻稿 便民服务 政府资讯公开", "首页 > 新闻稿", "老旧公寓加装电梯补助即日起受理申请",
                      "发布日期:115-03-12 发布单位:都市发展处 点阅次数:2176", PROSE, SECOND, *tail])


def test_a_site_foot_of_rows_of_fields_goes_the_notice_rows_stay():
    out = clean(page("受理期间：即日起至115年6月30日止", "洽询专线：（03）551-8101分机3321", "回上一页 列印 分享",
                     "新竹县政府 地址：302新竹县竹北市光明六路10号 总机：（03）551-8101",
                     "服务时间：周一至周五 08:00-12:00、13:00-17:00",
                     "本网站由资讯室维护 最后更新日期：115-03-12 累计浏览人次：12345678"))
    assert out[-3:] == [SECOND, "受理期间：即日起至115年6月30日止", "洽询专线：（03）551-8101分机3321"]


def test_the_site_contact_rows_over_its_foot():
    texts = [PROSE, "市体育局", "2026年9月2日", "总编室:0551-62220001 广告部:0551-62220002 发行部:0551-62220003",
             "地址:合肥市长江西路1号 邮编:230031"]
    assert keys_of(texts[3]) == 3 and keys_of(texts[1]) == 0 and keys_of("联系人:王老师") == 1
    assert rows_over_foot(texts, 1, 5) == [4, 3]  # up to the notice's date, which is no row of fields
    assert rows_over_foot(texts, 4, 5) == [4]  # never above the first line below the article's prose


def test_contact_rows_over_the_copyright_go_a_signature_stops_them():
    rows = ["总编室：0551-62220001 广告部：0551-62220002 发行部：0551-62220003", "新闻热线：0551-62220000 投稿邮箱：tougao@jiangbei.cn"]
    out = clean(page("新竹县政府", "115年3月12日", *rows, "版权所有 ©2026 新竹县政府"))
    assert out[-3:] == [SECOND, "新竹县政府", "115年3月12日"]


def test_rows_go_only_right_above_the_copyright():
    # An event's facts at the article's end, with the editor's credit or the page's tools between them and the
    # site's copyright line: the article's, as the rows stay on a page with no copyright line at all.
    rows = ["活动时间：4月1日至4月30日 开放时间：9:00-17:00", "活动地点：市图书馆一楼大厅 咨询电话：0571-86543210"]
    for between in (["责任编辑：李明"], ["打印本页 关闭窗口"], ["责任编辑：李明", "相关阅读", "市图书馆新馆开放"]):
        out = clean(page(*rows, *between, "版权所有 杭州日报 浙ICP备00000000号"))
        assert all(row in out for row in rows), between


def _colon_fields_in_full(text: str) -> bool:
    """``colon_fields`` as it read every line with a colon or a comma (before the stops' shortcut)."""
    from cleaner.furniture import keyed_rows as k

    if ":" not in text and "," not in text:
        return False
    rest, marks = k._KEY_COLON.subn("", text)
    rest, times = k._TIME_COLON.subn("", rest)
    rest, groups = k._DIGIT_GROUP.subn("", rest)
    if not (marks or times or groups):
        return False
    return not k._CLAUSE.search(k._FIGURE_PAUSE.sub("", rest))


_FIELD_SIGNS = ":,、。!?;…:0123456789 \t|/·)]】(【地址总机时间人次abc"


@settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60")) * 10, deadline=None)
@given(text=st.text(alphabet=_FIELD_SIGNS, max_size=40))
def test_a_stop_answers_as_the_patterns_do(text):
    assert colon_fields(text) == _colon_fields_in_full(text)


# keys_of answers 0 at once for a line without a colon: it must agree with reading the line.
_KEY_PIECES = ["地址", "电话", ":", "：", " ", "9", "00", ",", "、", "。", "总机", "(03)551-8101", "周一至周五", "|", "12,304"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_KEY_PIECES), max_size=12).map("".join))
def test_keys_of_a_line_without_a_colon_is_what_reading_it_gives(text):
    from cleaner.furniture import keyed_rows

    assert keys_of(text) == (len(keyed_rows._KEY_COLON.findall(text)) if colon_fields(text) else 0)
