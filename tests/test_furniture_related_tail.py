"""A related list's heading and rows at the page's foot (cleaner/furniture/related_tail.py)."""

from functools import lru_cache

from cleaner import Cleaner
from cleaner.furniture.related_tail import related_heading

PROSE = ("为进一步丰富社区居民的文化生活，街道办事处于本月组织了第三届邻里书画展，共收到居民作品一百二十余件，"
         "经评审委员会两轮评选，最终确定获奖作品如下，请获奖居民于下周一至周五到街道文化站领取证书和奖品。")
SECOND = "本次书画展得到了辖区多所学校和书画协会的大力支持，在此一并表示感谢，欢迎居民前往文化站参观展出作品。"


@lru_cache(maxsize=1)
def cleaner() -> Cleaner:
    return Cleaner(to="keep")


def clean(text: str) -> list[str]:
    return [line for line in cleaner().run(text, details=False).text.splitlines() if line.strip()]


def test_headings_of_a_related_list():
    for text in ("相关公告", "【相关链接】", "相关连结", "同类软件推荐", "友情链接:", "延伸阅读", "关联文件", "热门排行"):
        assert related_heading(text), text
    for text in ("相关规定已于去年修订。", "获奖名单", "附件", "其他说明", "相关部门负责人表示，将加快推进", "评审委员会"):
        assert not related_heading(text), text


def page(*middle: str) -> str:
    return "\n".join(["东湖街道办事处 首页 | 通知公告 | 办事指南", "首页 > 通知公告", "邻里书画展获奖名单",
                      "发布日期：2026-05-20 点击：128", PROSE, "一等奖 王丽华《春山图》", "二等奖 李建国《行书条幅》",
                      "三等奖 赵敏《墨竹》", SECOND, *middle, "东湖街道办事处 版权所有"])


def test_the_list_under_a_signature_goes_the_signature_stays():
    out = clean(page("东湖街道办事处", "2026年5月20日", "相关网站", "东湖区人民政府", "东湖区文化馆"))
    assert out[-2:] == ["东湖街道办事处", "2026年5月20日"]
    assert "相关网站" not in out and "东湖区文化馆" not in out
    # A heading over the article's last prose line is the article's section.
    rule = "根据有关规定，参展作品须为居民本人原创，每人限报一件，作品尺寸不超过四尺整张，装裱后统一送至文化站。"
    out = clean(page("相关规定", rule, "东湖街道办事处", "2026年5月20日", "相关网站", "东湖区人民政府"))
    assert out[-4:] == ["相关规定", rule, "东湖街道办事处", "2026年5月20日"]
    # Works named alone in title marks under the heading close the article (a painter's, a writer's).
    works = ["相关作品", "《春山图》", "《墨竹》", "《秋江晚渡》"]
    assert clean(page(*works))[-4:] == works


def test_a_page_of_rows_loses_the_box_at_its_foot_only():
    rows = [f"{n}. 新增{item}" for n, item in enumerate(("按周导出报表", "夜间模式", "多账户切换", "分类图标自定义", "账单搜索",
                                                       "指纹解锁", "云端备份"), 1)]
    page = "\n".join(["小账本 5.1.0 更新说明", *rows, "同类软件推荐", "口袋记账 4.7分", "简单账 4.2分"])
    out = clean(page)
    assert out == ["小账本 5.1.0 更新说明", *rows]
    # Heading and rows above a third of the page: a list article's own section, left alone.
    page = "\n".join(["小账本 5.1.0 更新说明", *rows[:3], "同类软件推荐", *rows[3:]])
    assert "同类软件推荐" in clean(page)


def test_a_box_framed_by_furniture_goes_though_a_title_asks():
    # A headline may ask: the box's last title reads as prose, and the list no longer stands below
    # the page's last prose line. A share row gone above it and the site's menu under it frame it.
    box = ["相关政策", "关于调整居民文化惠民卡使用范围的通知", "图解：惠民卡使用范围调整，哪些场馆受影响？"]
    out = clean(page("分享到：微信 微博 QQ空间", *box, "网站地图 | 联系我们 | 隐私声明 | 使用帮助"))
    assert out[-1] == SECOND and not set(box) & set(out)
    # With nothing gone between the article and the heading, nothing frames it: it stays.
    assert clean(page(*box, "网站地图 | 联系我们 | 隐私声明 | 使用帮助"))[-3:] == box


def test_an_articles_last_section_under_a_heading_of_another_noun_stays():
    # review29a: a guide's sights, a reading list, a market report's table are the article's.
    for text in ("热门景点", "推荐书目", "品牌销量排行榜", "更多消息"):
        assert not related_heading(text), text



def test_a_heading_whose_dated_titles_went_already_goes_with_them():
    # The titles dated at their ends went by their scores; the heading right over them is their
    # list's, under the notice's signature (session 33: it stayed once nothing else took it).
    from cleaner.furniture.features import Line, normalise, text_features
    from cleaner.furniture.lexicon import load_lexicon
    from cleaner.furniture.related_tail import related_tail

    def line(text: str) -> Line:
        return Line(0, normalise(text), text_features(normalise(text), load_lexicon()))

    scored = [line(PROSE), line("东湖街道办事处"), line("2026年5月20日"), line("相关信息"),
              line("9月计划停电通知 2026-09-05"), line("8月计划停电通知 2026-08-06")]
    assert related_tail(scored, (0, 0), [False, False, False, False, True, True], set()) == [3]
    # Its rows kept, they go with it as before; a heading over nothing gone stays alone.
    assert related_tail(scored, (0, 0), [False] * 6, set()) == [3, 4, 5]
    assert related_tail(scored[:4], (0, 0), [False] * 4, set()) == []
