"""The article's own lines below furniture under it (cleaner/furniture/closing_parts.py): a closing
section under its heading, its marked rows, and a live run's last row under an advert; and the
furniture stage keeping them while the site's furniture around them still goes."""

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.closing_parts import closing_section, marked_sections, resumed_row, row_form, section_heading

NEVER = lambda pos: False  # noqa: E731


def test_a_heading_names_a_part_of_a_text_never_the_sites():
    for text in ("注释:", "【注】", "[注]", "名词解释", "附录:调查说明", "后记", "附言:", "小贴士:", "人物简介", "受访者简介:"):
        assert section_heading(text), text
    # 参考文献 may be the site's box on a journal's abstract page: no heading of the article's.
    for text in ("温馨提示", "相关阅读", "联系我们", "注释:本文观点仅代表作者本人,不代表本站立场", "参考文献", "参考文献下载 | 引用本文"):
        assert not section_heading(text), text


def test_a_section_runs_from_its_heading_down_to_the_first_line_gone():
    texts = ["正文", "注释:", "①窑址编号据2026年第三次文物普查登记", "②瓷片标本现藏临川市博物馆", "上一篇:临川县学旧址考", "主办:某办公室"]
    assert closing_section(texts, lambda pos: pos >= 4, NEVER) == {1, 2, 3}
    assert closing_section(texts, lambda pos: pos >= 4, lambda pos: pos == 3) == {1, 2}  # a line taken above row 3
    assert closing_section(["正文", "相关阅读", "某某新闻"], NEVER, NEVER) == set()


def test_marked_rows_under_a_heading_and_an_attachments_list_are_the_articles():
    refs = ["正文", "注释:", "[1] 李国钧. 中国书院史[M]. 长沙:湖南教育出版社,1994", "[2] 邓洪波. 中国书院史[M]. 上海:东方出版中心,2004",
            "上一篇:临川方言中的古音遗存"]
    assert marked_sections(refs, 1) == {2, 3}
    files = ["临川市文化广电旅游局", "2027年6月10日", "附件:1.临川市第一批市级非物质文化遗产代表性项目名录", "2.项目保护单位名单",
             "【我要纠错】【打印本页】"]
    assert marked_sections(files, 0) == {2, 3}
    assert marked_sections(["正文", "附件下载:名录.pdf(312KB)", "【打印本页】"], 0) == set()


def test_notes_opening_on_their_headings_line():
    # NFKC makes ① a bare 1 before the note's words: the page's lines are read so.
    assert section_heading("注释:①《临川县志》卷二《古迹》") and section_heading("注释:1《临川县志》卷二《古迹》")
    assert not section_heading("注释:本文观点仅代表作者本人")
    texts = ["正文", "注释:1《临川县志》卷二《古迹》", "2同上,卷九《艺文志》", "3据2026年市文物局实地勘查记录", "扫一扫 分享到手机"]
    assert marked_sections(texts, 1) == {1, 2, 3}


def test_a_runs_row_opens_with_a_clock_or_a_counted_period():
    assert row_form("第四节 00:41 赵磊补篮得手 98:92") == "第0节 00:00" and row_form("9局下 21:48 范国宸 左外野安打") == "0局下 00:00"
    assert row_form("九局上 台钢雄鹰 吴念庭 左外野飞球接杀") == "0局上" == row_form("九局上 比赛结束 味全龙6比3获胜")
    assert row_form("10:26 记者提问:居民收入增长情况如何") == " 00:00"
    assert row_form("2027-11-20 19:35 来源:临川网") is None and row_form("1. 电子行业 AI端侧硬件") is None


def test_a_timed_row_under_an_advert_goes_on_the_run_above_it():
    texts = ["9局下 21:48 范国宸 左外野安打", "9局下 21:52 申皓玮 触击成功", "赞助广告", "9局下 22:01 高国麟 再见安打 富邦3:2胜", "更多赛事"]
    gone = lambda pos: pos in (2, 4)  # noqa: E731
    assert resumed_row(texts, 3, gone, NEVER)
    assert not resumed_row(texts, 3, NEVER, NEVER)  # nothing gone above it: no run broken
    assert not resumed_row(texts[1:], 2, lambda pos: pos in (1, 3), NEVER)  # one row above the advert is no run


BODY = ["为摸清全市古窑址的分布与保存现状，市地方志办公室会同市博物馆于今年春季开展了为期两个月的专题调查。",
        "调查组共走访乡镇十二个，登记窑址二十七处，采集瓷片标本三百余件，并对其中五处窑址进行了测绘和记录。",
        "调查表明，临川古窑址多沿河分布，烧造年代集中在宋元时期，产品以青白瓷为主，兼烧酱釉和黑釉器物。"]
FOOT = ["上一篇：临川县学旧址考", "主办：临川市地方志办公室 地址：临川市政府大院5号楼", "赣ICP备12004567号"]


def kept_and_gone(page: list[str], title: str | None = None) -> tuple[list[str], set[str]]:
    removal = remove_furniture("\n".join(page), (), title=title)
    return removal.text.split("\n"), {f.detail.split(": ", 1)[1] for f in removal.findings if f.kind == "removed-line"}


def test_notes_under_a_share_row_stay_and_the_site_furniture_goes():
    notes = ["注释：", "①窑址编号据2026年第三次文物普查登记", "②瓷片标本现藏临川市博物馆"]
    kept, gone = kept_and_gone(["临川古窑址调查记", *BODY, "扫一扫 分享到手机", *notes, *FOOT])
    assert kept == ["临川古窑址调查记", *BODY, *notes]
    assert "扫一扫 分享到手机" in gone


def test_an_attachments_list_under_the_signature_stays():
    files = ["附件：1.临川市第一批市级非物质文化遗产代表性项目名录", "2.临川市市级非物质文化遗产代表性项目保护单位名单"]
    signed = ["临川市文化广电旅游局", "2027年6月10日"]
    foot = ["【我要纠错】【打印本页】【关闭窗口】", "临川市文化广电旅游局主办 联系电话：0794-8223301", "赣ICP备13006789号"]
    kept, _ = kept_and_gone(["关于公布2027年第一批市级非物质文化遗产代表性项目名录的通知", *BODY, *signed, *files, *foot])
    assert kept == ["关于公布2027年第一批市级非物质文化遗产代表性项目名录的通知", *BODY, *signed, *files]


def test_a_live_texts_last_row_under_an_advert_stays():
    rows = ["9局下 21:48 范國宸 左外野安打 一壘有人", "9局下 21:52 申皓瑋 觸擊成功 二壘有人", "9局下 21:55 林哲瑄 三振 兩出局"]
    last = "9局下 22:01 高國麟 再見安打 富邦3:2勝"
    foot = ["文字轉播：運動頻道編輯部", "更多賽事", "統一獅 vs 中信兄弟 08/03 17:05", "關於我們 | 隱私權政策 | 聯絡我們", "© 2025 運動頻道 版權所有"]
    kept, gone = kept_and_gone(["富邦悍將 vs 樂天桃猿 文字轉播", *BODY, *rows, "贊助廣告", last, *foot])
    assert last in kept and set(rows) <= set(kept)
    assert "贊助廣告" in gone


def test_a_baseball_live_texts_innings_rows_need_no_clock():
    rows = ["九局上 台鋼雄鷹 吳念庭 左外野飛球接殺", "九局上 台鋼雄鷹 王柏融 二壘安打", "九局上 台鋼雄鷹 魔鷹 三振"]
    last = "九局上 比賽結束 味全龍6比3獲勝"
    foot = ["文字轉播：運動頻道編輯部", "更多賽事", "關於我們 | 隱私權政策 | 聯絡我們", "© 2025 運動頻道 版權所有"]
    kept, _ = kept_and_gone(["味全龍 vs 台鋼雄鷹 文字轉播", *BODY, *rows, "贊助廣告", last, *foot])
    assert last in kept and set(rows) <= set(kept)


def test_notes_opening_on_their_headings_line_under_an_advert_stay():
    notes = ["注释：①《临川县志》卷二《古迹》", "②同上，卷九《艺文志》", "③据2026年市文物局实地勘查记录"]
    kept, _ = kept_and_gone(["王安石故居考", *BODY, "广告", *notes, *FOOT])
    assert kept == ["王安石故居考", *BODY, *notes]
