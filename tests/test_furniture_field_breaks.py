"""Rows of fields whose commas, semicolons and keys' colons are breaks, not clauses
(cleaner/furniture/field_breaks.py)."""

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.features import NOTICE_WORDS, end_marker, is_prose, normalise, text_features
from cleaner.furniture.field_breaks import _facts, as_row, comma_fields, field_row, reread, spaced_fields
from cleaner.furniture.generic import load_lexicon

LEX = load_lexicon()
PROSE = ("市住建局相关负责人介绍，今年的城市更新工程将优先安排群众反映强烈的老旧小区，计划改造小区一百二十个，"
         "惠及居民三万余户，并同步推进雨污分流和口袋公园建设。")
SECOND = "据介绍，各项工程将在年内陆续开工，预计明年年底前全部完工，届时将有效改善群众的居住环境。"


def norm(line: str) -> str:
    return normalise(fold_line(line))


@lru_cache(maxsize=1)
def cleaner() -> Cleaner:
    return Cleaner(to="keep")


def clean(text: str) -> list[str]:
    return [line for line in cleaner().run(text, details=False).text.splitlines() if line.strip()]


def test_rows_of_fields_split_by_commas():
    for line in ("主办：临江市人民政府办公室，承办：临江市大数据管理中心",
                 "地址：台中市西區仁愛路100號，總機：(04)2222-1234，掛號專線：(04)2222-5678",
                 "供稿：数理学院，摄影：王磊，初审：李芳，复审：张建，终审：刘波",
                 "发布时间：2026-03-07，发布部门：阅读推广部，浏览：356",
                 "活动分类：讲座，活动对象：成人，人气：356，报名已结束",  # a short status among the fields
                 "南溪县融媒体中心出品，监制：陈斌，审核：许亮，编辑：韩冬",  # a short item before the keys
                 "网址：http://www.example.cn；电话：0576-88112233"):
        assert comma_fields(norm(line)), line


def test_an_articles_facts_and_sentences_are_no_row():
    for line in ("活动时间：2026年3月21日（周六）19:00—21:00，地点：市民广场主舞台。",  # its sentence ends
                 "食材：排骨500克，土豆2个，葱、姜、八角适量。",
                 "联系人：周明，联系电话：0739-5123456。",
                 "他说：今年的工作重点是城市更新，明年要全面铺开",  # one key, then clauses
                 "报名条件：具有本市户籍，年龄在十八周岁以上、三十五周岁以下的应届毕业生",  # a long part with no key
                 "DOI: 10.12677/MOM.2018.82002, PDF, HTML, XML, 下载: 1,038",  # a Latin key and a long record: no Chinese row
                 "记者你好，市民王先生来电反映：小区路灯坏了，物业：已经报修"):  # clauses before the first key
        assert not comma_fields(norm(line)), line


def test_a_row_is_read_with_its_breaks_as_spaces():
    assert as_row("主办:临江市政府,承办:临江市大数据中心") == "主办:临江市政府  承办:临江市大数据中心"
    row = norm("供稿：数理学院，摄影：王磊，审核：李芳")
    native = LEX.native.features([row], NOTICE_WORDS)[0]
    assert native["clause_punct"] >= 0.5 and not native["kv_many"]  # as the line features read it alone
    (_, f), = reread([(row, native)], lambda texts: LEX.native.features(texts, NOTICE_WORDS))
    assert f["clause_punct"] == 0.0 and f["kv_many"] == 1.0  # 摄影 and 审核 after the breaks are keys
    assert f["len_13_30"] == native["len_13_30"] and f["digit_share"] == native["digit_share"]  # as written
    assert not is_prose(row, f) and is_prose(row, native)
    # Every other line comes back as it was, the same object.
    prose = (norm(PROSE), text_features(norm(PROSE), LEX))
    assert reread([prose], lambda texts: LEX.native.features(texts, NOTICE_WORDS))[0] is prose


def test_the_features_the_model_reads_are_the_rows():
    f = text_features(norm("地址：临江市滨江大道88号，邮编：318000，联系电话：0576-88112233"), LEX)
    assert f["clause_punct"] == 0.0 and f["kv_many"] == 1.0
    # Keys that close with a lexicon key count (法院地址, 邮编; 诉讼服务热线 is none).
    f = text_features(norm("诉讼服务热线：12368，法院地址：柳城区法院路1号，邮编：545005"), LEX)
    assert f["clause_punct"] == 0.0 and f["kv_filled"] == 1.0 and f["kv_many"] == 1.0


def test_a_row_of_an_articles_facts_keys_alone_is_read_as_written():
    for line in ("时间：3月21日，地点：市民广场，主讲人：王教授", "联系人：周明，联系电话：0739-5123456",
                 "活动时间：3月21日19:00，地点：市民广场", "地址：香港九龍深水埗長沙灣道123號，電話：2345 6789"):
        text = norm(line)
        assert comma_fields(text), line  # a row's shape ...
        assert text_features(text, LEX) == LEX.native.features([text], NOTICE_WORDS)[0], line  # ... no site's key
    assert "联系人" in _facts() and "时间" in _facts() and "来源" not in _facts()


def test_a_books_card_under_the_headline_stays():
    # 作者 heads a book's card as often as a byline: with keys no site writes (书名, 出版社) the row is the article's.
    card = "書名：時間的河流，作者：陳明，出版社：聯經出版"
    body = ["這是一部跨越三代人的家族史，從日治時期寫到解嚴之後，作者以細膩的筆觸描寫了一個小鎮的興衰。",
            "最打動我的是第三章，祖母在防空洞裡給孩子們講故事的那一段，讀來令人動容。"]
    assert clean("\n".join(["書評：在時間的河流裡", card, *body, "分享 | 收藏 | 檢舉"]))[1] == card
    assert "作者" in _facts(dated=False) and "作者" not in _facts()  # a dated row's 作者 is a byline's


def test_a_dated_spaced_row_is_read_so_with_a_sites_key_too():
    taken = norm("2026-03-02  供稿：市住建局  摄影：王磊")  # 摄影: a key of the site's, no record key
    facts = norm("时间：2026年3月21日  地点：市民广场  主讲人：王教授")  # 时间: an article's facts give it
    assert text_features(taken, LEX)["clause_punct"] == 0.0
    assert text_features(facts, LEX) == LEX.native.features([facts], NOTICE_WORDS)[0]


def test_an_articles_facts_without_a_stop_stay_between_its_paragraphs():
    for facts in ("时间：3月21日，地点：市民广场，主讲人：王教授", "活动时间：3月21日19:00，地点：市民广场",
                  "时间：2026年3月21日  地点：市民广场  主讲人：王教授",
                  "报名时间：3月1日至3月10日，报名地址：市民中心二楼，咨询电话：0576-88112233"):
        assert clean(page(facts, "各项工程完工后，将由第三方机构进行评估验收，结果向社会公布。"))[-2] == facts, facts


def test_a_spaced_row_with_a_date_is_read_so_only_with_a_record_key():
    record = norm("发布时间：2026-03-02  来源：市住建局  浏览次数：2361")
    facts = norm("报告人：王教授  时间：2023年5月10日  地点：图书馆报告厅")
    assert spaced_fields(record) and spaced_fields(facts)
    assert text_features(record, LEX)["clause_punct"] == 0.0
    assert text_features(facts, LEX)["clause_punct"] >= 0.5  # an event's facts: as before
    # Its prose status is unchanged (where the body starts and ends is read as before).
    updated = norm("更新日期：2026-03-02  点阅次数：2361")
    f = text_features(updated, LEX)
    assert f["clause_punct"] == 0.0 and is_prose(updated, f)


def test_a_row_of_fields_is_no_end_marker():
    byline = norm("2027-03-06 09:12 东平新闻网 记者：王敏 编辑：李华")
    assert field_row(byline) and not end_marker(byline, LEX)
    editor = norm("责任编辑：李华")  # one key: an end marker, as ever
    assert not field_row(editor) and end_marker(editor, LEX)


def page(*tail: str) -> str:
    return "\n".join(["临江市人民政府门户网站 首页 政务公开 政务服务 互动交流", "当前位置：首页 > 政务要闻",
                      "我市启动2026年城市更新十大工程", PROSE, SECOND, *tail])


def test_a_site_foot_of_comma_rows_goes():
    out = clean(page("供稿：市住建局，摄影：王磊，审核：李芳",
                     "【打印本页】【关闭窗口】",
                     "地址：临江市滨江大道88号，邮编：318000，联系电话：0576-88112233"))
    assert out[-2:] == [PROSE, SECOND]


def test_a_notices_facts_with_stops_stay():
    facts = ["活动时间：2026年3月21日（周六）19:00—21:00，地点：市民广场主舞台。",
             "主办单位：临海市文化广电旅游局，承办单位：临海市文化馆、临海市歌舞团。"]
    out = clean(page(*facts, "临海市文化馆", "2026年3月5日", "主办：临江市人民政府办公室，承办：临江市大数据管理中心"))
    assert out[-4:] == [*facts, "临海市文化馆", "2026年3月5日"]


# Both forms need FIELDS_MIN keys' colons: a line holding fewer colons is answered without its
# patterns (field_breaks.comma_fields, spaced_fields). The forms read in full must agree.
_ROW_PIECES = ["地址", "电话", "来源", "作者", ":", " ", "  ", ",", ";", "。", "9:00", "新华社", "北京市", "12345678", "http:", "《书》"]


def _comma_fields_read_in_full(text):
    from cleaner.furniture import field_breaks as fb

    if ":" not in text or ("," not in text and ";" not in text) or fb._SENTENCE.search(text):
        return False
    parts = [p for p in fb._BREAK.split(text.strip()) if p]
    keyed = [bool(fb._KEY.match(p)) for p in parts]
    return sum(keyed) >= fb.FIELDS_MIN and all(k or len(p.replace(" ", "")) <= fb.ITEM_MAX for p, k in zip(parts, keyed))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ROW_PIECES), max_size=12).map("".join))
def test_rows_of_fields_gated_by_their_colons_are_those_read_in_full(text):
    from cleaner.furniture import field_breaks as fb
    from cleaner.furniture.keyed_rows import keys_of

    assert fb.comma_fields(text) == _comma_fields_read_in_full(text)
    assert fb.spaced_fields(text) == (":" in text and keys_of(text) >= fb.FIELDS_MIN)


def test_a_row_of_two_keys_is_read_and_one_key_is_not():
    from cleaner.furniture import field_breaks as fb

    assert fb.comma_fields("地址:北京市朝阳区,电话:12345678")
    assert not fb.comma_fields("地址:北京市朝阳区,邮编100000")
    assert fb.spaced_fields("地址:北京市朝阳区 电话:12345678")
    assert not fb.spaced_fields("地址:北京市朝阳区 12345678")
