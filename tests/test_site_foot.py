"""The site's foot below the article (cleaner/furniture/site_foot.py): joined to the site's own line."""

from cleaner.furniture.portals import load_words
from cleaner.furniture.site_foot import site_foot

PROSE = "4月1日至2日，市水务局组织技术人员对城区主要河道、泵站和闸门开展汛前安全检查，重点查看堤防渗漏和闸门启闭情况。"


def foot(lines: list[str], alive: list[int] | None = None) -> list[str]:
    words = load_words()
    alive = list(range(len(lines))) if alive is None else alive
    prose = [lines[i] == PROSE for i in alive]
    return [lines[alive[pos]] for pos in site_foot(lines, alive, prose, words.foot, words.foot_site)]


def test_sponsor_and_contact_lines_go_with_the_sites_own_line():
    lines = [PROSE, "主办：某某市人民政府办公室 承办：某某市水务局", "联系地址：滨江路18号 邮政编码：350001", "技术支持：某某信息技术有限公司"]
    assert foot(lines) == lines[1:]


def test_the_sites_own_line_may_be_one_the_rules_took():
    lines = [PROSE, "网站标识码：3501000012 闽ICP备12004567号", "主办：某某市人民政府办公室"]
    assert foot(lines, alive=[0, 2]) == ["主办：某某市人民政府办公室"]


def test_an_event_notices_organisers_stay():
    lines = [PROSE, "主办单位：某某区文化和旅游局", "承办单位：某某区图书馆", "联系电话：0591-87654321", "2024年4月1日"]
    assert foot(lines) == []


def test_foot_keys_above_the_last_prose_line_stay():
    lines = ["主办：某某市人民政府办公室", "技术支持：某某公司", PROSE]
    assert foot(lines) == []


def test_a_sentence_naming_the_sponsor_stays():
    lines = [PROSE, "主办：市政府。本次活动由市政府主办，技术支持：某公司。", "技术支持：某某信息技术有限公司"]
    assert foot(lines) == ["技术支持：某某信息技术有限公司"]


def test_a_notices_contact_rows_under_its_signing_date_stay():
    words = load_words()
    lines = [PROSE, "新化区公所", "中华民国114年8月15日", "承办人：社会课 王小姐", "联络电话：(06)5901234分机212",
             "本网站最佳浏览解析度1024x768", "新化区公所 地址：712台南市新化区中山路132号 总机：(06)5901234"]
    alive = list(range(len(lines)))
    prose = [line == PROSE for line in lines]
    signed = lambda text: text == "中华民国114年8月15日"  # noqa: E731
    taken = [lines[pos] for pos in site_foot(lines, alive, prose, words.foot, words.foot_site, signed)]
    assert "联络电话：(06)5901234分机212" not in taken and lines[-1] in taken
    # Read without the signing date, the rows joined to the site's line go with it.
    assert "联络电话：(06)5901234分机212" in foot(lines)
