"""Paragraphs wrapped at a fixed width, joined back (cleaner/hardwrap.py)."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, hardwrap
from cleaner.hardwrap import _WIDE, _columns, join_hard_wraps, join_misread_wraps

PARAGRAPHS = [
    "工信部与浙江省人民政府共同打造出了工业互联网平台体系，2020年目标明确。国务院印发通知，要求各地加快推进"
    "工业互联网创新发展工程，培育一批有影响力的平台，推动企业上云上平台，并在长三角地区率先开展试点示范工作。",
    "会议指出，要坚持以供给侧结构性改革为主线，加快建设制造强国和网络强国，统筹发展和安全，为经济社会发展"
    "提供有力支撑。与会代表认为，上述政策将明显降低中小企业的数字化转型成本，使更多企业从中受益。",
]


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


@pytest.mark.parametrize("width", [30, 36, 38])
def test_a_page_wrapped_at_a_character_width_gets_its_paragraphs_back(width):
    page = "\n\n".join(_wrap(p, width) for p in PARAGRAPHS)
    joined = join_hard_wraps(page)
    # A full line ending a sentence keeps its break: the sentences are whole either way.
    assert joined.replace("\n", "") == page.replace("\n", "")
    assert joined.count("\n") < page.count("\n") // 2
    assert all(line.endswith(("。", "，")) or line == "" for line in joined.split("\n"))


def _wrapped_lost_indent(text: str) -> list[str]:
    """``text`` wrapped at 72 display columns, its first line indented by two ideographic spaces
    (4 columns) that a copy lost: that line is 4 columns short."""
    lines, line = [], ""
    for ch in text:
        if _columns(line + ch) > 72 - (4 if not lines else 0):
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def test_a_first_line_that_lost_its_indent_is_joined_to_its_paragraph():
    # Wrapped at 72 display columns, each paragraph's first line indented by two ideographic spaces
    # (4 columns) that a copy lost: that line is 4 columns short, no paragraph's end. It began a block
    # of its own, and as the page's first paragraph's first line it went as head furniture.
    paras = ["GRB 090423是一个伽玛射线暴（GRB）。在2009年4月23日世界标准时07:55:19，专门用于观测伽玛射线爆发的Swift卫星探测到"
             "了一次遥远的伽玛射线暴发，它的红移值Z=8.2，这次事件距离地球130亿光年，证实巨型恒星的诞生在非常早期的宇宙确实发生"
             "过，2010年被UDFy-38135539超越。",
             "NASA的Fermi望远镜与ESO的VLT随后进行了后续观测，研究人员利用GROND相机测得其余辉的光谱，确认了Z=8.2的测量结果，这一"
             "发现发表于Nature期刊，并被Science评为当年的重要天文发现之一，为研究早期宇宙的恒星形成提供了新的线索。"]

    head = ["首页 > 新闻中心", "GRB 090423伽玛射线暴", "发布时间：2011-05-06 来源：本站"]
    assert join_hard_wraps("\n".join(head + _wrapped_lost_indent(paras[0]) + _wrapped_lost_indent(paras[1]))).split("\n") == head + paras


def test_a_heading_as_wide_as_a_first_line_that_lost_its_indent_stays_over_its_paragraph():
    # The same copy (72 columns, every first line's indent lost): a report's section heading with a
    # comma in it happens to be 4 columns short too. The paragraph under it opens with a line of
    # that width again (its own first line): the heading is no first line of it, and stays a line.
    paras = ["今年以来，全市上下认真贯彻落实中央和省委各项决策部署，坚持稳中求进工作总基调，统筹推进经济社会发展各项工作，"
             "经济运行总体平稳，稳中有进，主要指标完成情况好于预期，社会大局和谐稳定，人民群众获得感持续增强。",
             "一年来，我们紧紧围绕高质量发展这个首要任务，狠抓项目建设和产业升级，全年完成固定资产投资一千二百亿元，"
             "同比增长百分之八点五，规模以上工业增加值增长百分之七点二，服务业增加值增长百分之六点一。"]
    heading = "一、坚持稳中求进工作总基调，统筹推进全市经济社会发展各项工作取得成效"

    assert _columns(heading) == 68  # the width less the lost indent
    page = _wrapped_lost_indent(paras[0]) + [heading] + _wrapped_lost_indent(paras[1])
    assert join_hard_wraps("\n".join(page)).split("\n") == [paras[0], heading, paras[1]]


def test_indented_paragraphs_are_not_joined_to_the_line_before():
    page = "\n".join("\u3000\u3000" + _wrap(p, 32) for p in PARAGRAPHS)
    assert [line.startswith("\u3000\u3000") for line in join_hard_wraps(page).split("\n")].count(True) == 2


@pytest.mark.parametrize("page", [
    "\n".join(["床前明月光，疑是地上霜。举头望明月，低头思故乡。"] * 6),  # verse: equal lines ending sentences
    # A numbered list of one width and headlines of one width: no clause runs on across the breaks.
    "\n".join(["一、着力扩大国内需求推动经济实现良性循环", "二、加快建设现代化产业体系推进新型工业化", "三、深化重点领域改革持续激发经营主体活力",
               "四、扩大高水平对外开放促进互利共赢合作", "五、更大力度保障和改善民生加强社会建设"]),
    "\n".join(["城市公园新增十处健身步道市民晨练有了新去处", "老旧小区改造惠及三万户居民今年全部完成改造", "地铁五号线年底开通试运营沿线居民出行更方便",
               "市图书馆延长夜间开放时间读者可借阅到晚上十", "新能源汽车销量持续增长充电设施建设加快推进"]),
    # Modern verse without punctuation.
    "\n".join(["我们在黄昏的河岸上慢慢地走着不说一句话语", "风从遥远的山谷吹来带着去年秋天的落叶气息", "你看那一盏一盏亮起来的灯火像是谁的眼睛",
               "我想起很多年前的一个夜晚也是这样安静无声", "后来我们各自走散在这座城市不同的街道上面"]),
    "\n".join(PARAGRAPHS),  # one paragraph a line already
    "\n".join(["1. 工信部与浙江省人民政府共同打造出了工业互联网平台", "2. 国务院印发通知", "3. 会议指出"] * 2),
])
def test_pages_that_are_not_wrapped_are_left_alone(page):
    assert join_hard_wraps(page) == page


@pytest.mark.parametrize("row", [
    "【打印本页】【关闭窗口】【字体：大 中 小】",
    "分享到： 微信 微博 QQ空间",
    "签名：期待后续报道",
    "赞同 868 反对 评论 举报",
    "分享到：",  # a field with nothing after it ends in a colon, which ends no paragraph
    "责任编辑∶刘军",  # GB2312's ratio sign typed for the colon on an old page
    "来源∶新华网 作者∶李伟",
])
def test_a_row_after_a_paragraph_cut_short_is_not_glued_to_it(row):
    # The article's last line is full and ends in no stop (the page cut it, or a hand copy did):
    # the row of buttons after it is a block of its own, not the paragraph's last line, which
    # would then go with the row as furniture or keep the row as article.
    text = PARAGRAPHS[0] + PARAGRAPHS[1]
    cut = text[: len(text) // 36 * 36 - 36 * 2 + 36]  # whole lines only, the last one full
    assert not cut.endswith("。")
    joined = join_hard_wraps(_wrap(cut, 36) + "\n" + row)
    assert joined.split("\n") == [cut, row]


@pytest.mark.parametrize("last", ["平", "待", "满足群众期待", "策解读文件）"])
def test_a_paragraphs_last_words_without_a_mark_are_joined(last):
    # A paragraph or a list item ends in no mark as often as not (a title, an item, a cut copy):
    # its last words are no row of the page's (review27: 办学水 / 平 was left split).
    text = PARAGRAPHS[0] + PARAGRAPHS[1]
    cut = text[: len(text) // 36 * 36 - 36] + last
    assert join_hard_wraps(_wrap(cut, 36)) == cut


def test_a_paragraphs_short_last_line_with_a_clause_is_joined():
    # A paragraph that ends in no stop still ends in prose: its last line holds a clause mark.
    text = PARAGRAPHS[0] + PARAGRAPHS[1]
    cut = text[: len(text) // 36 * 36 - 36] + "另外，还有"
    assert join_hard_wraps(_wrap(cut, 36)) == cut


def test_the_cleaner_joins_a_wrapped_page_as_a_step():
    page = "\n\n".join(_wrap(p, 36) for p in PARAGRAPHS)
    result = Cleaner(to="keep").run(page)
    assert result.text.count("\n") < page.count("\n") // 2
    assert any(s.name == "hard-wraps" for s in result.steps)
    assert Cleaner(to="keep").run(result.text).text == result.text


def test_a_list_of_titles_cut_to_one_width_is_no_wrapped_paragraph():
    # Joined, the last title and the copyright line became one line, which the copyright rule
    # then removed with every title in it.
    page = "\n".join(["热点新闻", "城市公园新增十处健身步道市民晨练有了新去处市民...", "老旧小区改造惠及三万户居民今年将完成全部改造...",
                      "地铁五号线年底开通试运营沿线居民出行更加方便...", "市图书馆延长夜间开放时间读者可以借阅到晚上十...",
                      "版权所有 © 2023 某某网"])
    assert join_hard_wraps(page) == page


def test_a_lone_surrogate_does_not_break_the_width_measures():
    page = "\n".join(["工信部与浙江省人民政府共同打造出了工业互联网平台，\ud800行"] * 6)
    assert join_hard_wraps(page).count("\ud800") == 6


def test_text_that_is_no_web_page_keeps_its_lines_without_the_generic_model():
    from cleaner.config import Config

    page = "\n\n".join(_wrap(p, 36) for p in PARAGRAPHS)
    assert Cleaner(Config(to="keep", generic_furniture=False)).run(page).text.split("\n") == [x for x in page.split("\n") if x]


def test_columns_count_wide_characters_twice_as_unicode_does():
    # The measure's block list against Unicode's East Asian Width on what Chinese pages hold:
    # ASCII, Han (both planes), fullwidth and small forms, CJK punctuation, kana, Hangul, emoji.
    for line in ["abc 123", "中文，標點。", "ＡＢＣ１２３！", "﹐﹑﹔", "かなカナ한국어", "𠀀𪚥", "😀 ok", "「引號」—…"]:
        expected = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        assert _columns(line) == expected, line


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec=None, exclude_categories=())) | st.text("中文，ab 1２〾〿\ufaff\U0001f64f\U0001f650\ud800"))
def test_columns_are_those_of_the_wide_characters_removed(line):
    # The first way of counting, kept as the oracle: the line without its wide characters.
    assert _columns(line) == 2 * len(line) - len(_WIDE.sub("", line))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.characters(codec=None, exclude_categories=(), exclude_characters="\n"))
                | st.text("中文，ab 1２〾〿\ufaff\U0001f64f\U0001f650\ud800\udc00\u00e9\t\u3000"), min_size=1, max_size=6))
def test_lines_measured_together_measure_as_each_alone(lines):
    """wrap_width measures a page's lines joined (one encode, one regex pass a measure): the
    sizes must be the measures of each line, lone surrogates and astral characters included."""
    for measure in hardwrap.MEASURES:
        assert hardwrap._sizes(measure, lines) == [measure(line) for line in lines]


MISREAD = ("吕理政，台湾博物馆学、人类学家，历任国立台湾史前文化博物馆研究员、宜兰县兰阳博物馆筹备处主任、"
           "国立台湾历史博物馆筹备处主任等职。现在是国立台湾历史博物馆馆长，兼任国立台北艺术大学传统艺术研究所"
           "副教授。吕理政在国立台湾大学考古人类学系取得学位，著有《经纬福尔摩沙：16－19世纪西方人绘制台湾相关地图》。")


def _broken_as_shown(text: str, page: str, decoder: str) -> str:
    """``text`` broken where a wrapper broke ``page``, its UTF-8 as ``decoder`` showed it (a
    paragraph a line, blank lines between), each break at the boundary nearest in bytes: what the
    page was before the wrong decoder, wrapped as it is."""
    from damage import _byte_offset, _nearest_boundary

    def read(raw: bytes) -> str:
        return raw.decode(decoder, errors="replace")

    out = []
    for paragraph, wrapped in zip(text.split("\n\n"), page.split("\n\n"), strict=True):
        data, lines = paragraph.encode("utf-8"), wrapped.split("\n")
        shown = read(data)
        assert "".join(lines) == shown
        offsets = [0]
        for ch in paragraph:
            offsets.append(offsets[-1] + len(ch.encode("utf-8")))
        edges, k = [0], 0
        for line in lines[:-1]:
            k += len(line)
            edges.append(_nearest_boundary(offsets, _byte_offset(data, shown, k, read)))
        out.append("\n".join(paragraph[a:b] for a, b in zip(edges, [*edges[1:], len(paragraph)])))
    return "\n\n".join(out)


@pytest.mark.parametrize("decoder", ["gbk", "gb18030", "cp1252"])
@pytest.mark.parametrize("width", [60, 76])
def test_mojibake_wrapped_at_a_width_of_its_characters_is_read_whole_and_keeps_its_breaks(decoder, width):
    # Wrapping costs nothing: the page reads as the clean text wrapped at the same places does
    # (whose lost bytes, where the decoder replaced some, are the repair's own matter). Its breaks
    # are taken out while the repairs read it (cut_runs: the width join_misread_wraps finds) and put
    # back at the nearest boundary; whether the lines are one paragraph is then the hard-wrap
    # stage's to say, as for the clean text.
    shown = MISREAD.encode("utf-8").decode(decoder, errors="replace")
    page = "\n".join(shown[i : i + width] for i in range(0, len(shown), width))
    assert join_misread_wraps(page) == shown
    result = Cleaner(to="keep").run(page)
    clean_page = _broken_as_shown(MISREAD, page, decoder)
    expected = Cleaner(to="keep").clean(clean_page)
    # Where the decoder lost bytes (cp1252's 8d of －), the unwrapped reading's leftovers.
    unwrapped = Cleaner(to="keep").clean(shown)
    assert result.text.replace("\n", "") == unwrapped.replace("\n", "")
    if unwrapped == MISREAD:
        assert result.text == expected
    else:  # a guessed character's place is no break's
        assert result.text.count("\n") == expected.count("\n")
    assert sum(ch in MISREAD for ch in result.text) > 0.95 * len(MISREAD)
    assert any(step.name == "breaks-in-misread-runs" for step in result.steps)


def test_lines_of_mojibake_that_show_no_clause_are_not_joined():
    from cleaner.hardwrap import join_misread_wraps

    # Headlines of one length, long enough to be wrapped lines, with no clause inside.
    titles = "\n".join(title.encode("utf-8").decode("gbk", errors="replace") for title in [
        "国务院常务会议研究部署加快发展先进制造业集群工作",
        "全国人大常委会审议通过修改后的野生动物保护法草案",
        "国家统计局发布上半年国民经济运行情况数据新闻稿件",
        "教育部部署今年高校毕业生就业创业工作重点任务安排",
    ])
    assert join_misread_wraps(titles) == titles


def misread_forms() -> set[str]:
    """The clause marks as the wrong decoders show them (cleaner/hardwrap.py's comment above
    MISREAD_FORMS says which decoders and why)."""
    from cleaner.repair.code_pages import COMMON_FIRST

    shown = set()
    decoders = (("gbk", 1), ("gb18030", 1), ("cp950", 1), ("cp1252", 2), ("cp1250", 2)) + tuple((page, 3) for page in COMMON_FIRST)
    for decoder, keep in decoders:
        for mark in "，、。；":
            form = mark.encode("utf-8").decode(decoder, errors="replace")[:keep]
            form = form[:next((k for k, ch in enumerate(form) if not ch.isprintable() or ch == "\ufffd"), len(form))]
            if form and (keep == 1 or len(form) >= 2):
                shown.add(form)
    return shown


def test_the_misread_forms_are_what_the_decoders_show():
    from cleaner.hardwrap import MISREAD_FORMS

    assert MISREAD_FORMS == misread_forms()


def test_the_converted_forms_are_what_the_converters_write():
    from cleaner.hardwrap import CONVERTED_FORMS
    from cleaner.script.fold import converter

    forms = misread_forms()
    written = {converter(config).convert(form) for form in forms for config in ("s2t.json", "t2s.json")}
    assert written - forms == CONVERTED_FORMS


def test_mojibake_a_converter_rewrote_is_joined_by_its_converted_marks():
    # 锛 (the GBK decoder's first character of ，) is 錛 after s2t: the page was misread,
    # converted to Traditional by a mirror, then wrapped; its marks must still show the wraps.
    from cleaner.hardwrap import join_misread_wraps
    from cleaner.script.fold import converter

    shown = converter("s2t.json").convert(MISREAD.encode("utf-8").decode("gbk", errors="replace"))
    assert "錛" in shown and "锛" not in shown
    page = "\n".join(shown[i : i + 30] for i in range(0, len(shown), 30))
    assert join_misread_wraps(page) == shown


def test_mojibake_joined_only_by_the_later_wrap_join_is_read_whole(monkeypatch):
    # When the misread wraps go unseen (here: that join switched off) and the ordinary join after
    # the repairs puts the lines together (here: told to), the re-read runs again on the joined
    # lines: the characters cut by the wraps are read, and a second clean finds nothing to do.
    from cleaner import hardwrap
    from cleaner.repair import cut_runs

    monkeypatch.setattr(hardwrap, "join_misread_wraps", lambda text: text)
    monkeypatch.setattr(cut_runs, "join", lambda text: (text, []))  # the breaks inside runs unseen too
    monkeypatch.setattr(hardwrap, "join_hard_wraps", lambda text: text.replace("\n", ""))
    shown = MISREAD.encode("utf-8").decode("gbk", errors="replace")
    page = "\n".join(shown[i : i + 30] for i in range(0, len(shown), 30))
    once = Cleaner(to="keep").run(page)
    assert any(step.name == "utf8-read-as-gbk-joined" for step in once.steps)
    assert sum(ch in MISREAD for ch in once.text) > 0.95 * len(MISREAD)
    assert Cleaner(to="keep").clean(once.text) == once.text


def test_a_clean_paragraph_beside_a_misread_one_is_not_joined_to_it():
    # Two long paragraphs of about one length, the first misread, the second clean: no wrap width
    # made them, and neither the clean one nor the short line after it belongs to the misread one
    # (probe14: a WeChat page's paragraphs and its END became one line).
    misread = ("米泽车站是一座位于日本山形县米泽市的铁路车站，由东日本旅客铁道经营。" * 4).encode("utf-8").decode("gbk", "replace")
    clean = ("卫视卡式台是星空传媒在大中华地区经营的电影频道，每日播放电影及剧集。" * 8)[: len(misread)]
    page = "\n".join([misread, clean, "END"])
    assert join_misread_wraps(page) == page


def test_a_quoted_wrapped_paragraph_keeps_one_quote_mark():
    # A mailing list quoted the misread text and wrapped it: each line carries "> ", which must
    # not end up inside the paragraph (probe14: 康涓般�傚>辜 for 康丰。幼).
    text = "长宗我部信亲是长宗我部元亲的嫡男，有弟亲和、亲忠、盛亲。幼年因聪明而得到其父元亲的宠爱，元亲与织田信长交好。"
    misread = (text * 3).encode("utf-8").decode("gbk", "replace")
    lines = [misread[i : i + 38] for i in range(0, len(misread), 38)]
    page = "\n".join(["发件人：张伟", *("> " + line for line in lines)])
    assert join_misread_wraps(page) == "发件人：张伟\n> " + misread


def test_wrapped_lines_with_blank_lines_between_are_joined_in_one_clean():
    # An old page's <br><br>: the join before furniture sees a blank line after every wrapped line;
    # one paragraph a line after the whitespace stage, a second clean joined them (probe19 D8).
    from cleaner import Cleaner

    line = "工信部与浙江省人民政府共同打造出了工业互联网平台，体系"
    page = "\n\n".join(["        " + line] * 5 + ["        完善。", "        下一段写在这里，也是正文。"])
    once = Cleaner().clean(page)
    assert once == line * 5 + "完善。\n下一段写在这里，也是正文。"
    assert Cleaner().clean(once) == once


# A short story as a terminal shows it: dialogue, paragraphs of a line or two, digits and Latin
# words among the Han characters (session 22: probe21's 80-column copies).
STORY = [
    "中午下课，曼城茶座拿着咖啡杯一如既往地向着教室走去。走到门前握住把手刚要开门时，眼前的窗口爆出几团火光，随之而来的是熟悉的两种尖叫声。",
    "“啊！谢谢你茶座，你果然是我最好的……咳咳。”速子兴奋地从角落里跑向茶座，但是被空气中各种混合气体呛到说不出话来。",
    "“请问……你们这是在干什么……”茶座去打开其他没开的窗户。",
    "“哦呀。茶座难道不知道明天就是情人节了吗？我只是在帮我最可爱的后辈制作巧克力。”",
    "茶座探头看了看锅里的所谓巧克力，不如说是一团巧克力色的有机化合物，在锅里缓慢鼓动冒着泡。",
    "“……请赤骥同学还是去找闪耀同学帮忙吧……”茶座牵着赤骥的手往外走。",
    "从1981年到2002年，民间投资从165亿元增至24622.5亿元，平均年增26.9%，比政府投资高出10个百分点。",
    "我曾为MSDN写过一个专栏，前后翻译了《Microsoft .NET框架程序设计》和《Microsoft .NET语言描述》两本书。",
    "“好吧。”",
    "“其实不是速子前辈的错啦，是我加白糖的时候加错东西了。”赤骥尴尬地挠了挠头。",
    "“但是闪耀同学最近有在经营巧克力店铺……”茶座走到门外去拿咖啡杯。",
    "“这么说的话，专业人士的指导的确应该比我的更可靠。”速子拍了拍赤骥的肩。",
    "第二天早上，茶座在自己的桌子上发现了一个小小的纸盒，上面写着她的名字。",
    "“这是什么？”茶座问。速子只是笑了笑，什么也没说。",
]


def _wrap_columns(text: str, columns: int) -> str:
    """What a terminal does: a new line when the next character would pass the last column (a
    Han character two columns, by Unicode's East Asian Width)."""
    out, line, used = [], "", 0
    for ch in text:
        width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + width > columns:
            out.append(line)
            line, used = "", 0
        line, used = line + ch, used + width
    return "\n".join([*out, line])


@pytest.mark.parametrize("columns", [64, 72, 80])
def test_a_story_wrapped_at_a_terminals_columns_gets_its_paragraphs_back(columns):
    # Most long lines are a paragraph's last: the full ones crowd the last columns all the same.
    page = "\n\n".join(_wrap_columns(p, columns) for p in STORY)
    joined = join_hard_wraps(page)
    assert joined.replace("\n", "") == page.replace("\n", "")
    # A full line ending a sentence keeps its break (a paragraph may end at the last column).
    broken = [line for line in joined.split("\n") if line and line not in STORY]
    assert all(_columns(line) >= columns - 2 and line.endswith(("。", "”", "。”")) for line in broken), broken
    assert join_hard_wraps(joined) == joined


def _full(head: str, tail: str, columns: int = 80) -> str:
    """``head`` and ``tail`` with prose between them, to fill ``columns`` exactly."""
    filler = "这一行写到终端的最后一列为止，中间是填充的正文，"
    middle = ""
    while _columns(head + middle + tail) + 2 <= columns:
        middle += filler[len(middle) % len(filler)]
    return head + middle + "1" * (columns - _columns(head + middle + tail)) + tail


def test_a_wrap_inside_a_number_a_latin_word_or_before_a_quote_is_joined():
    # 2462 / 2.5亿元 is no list item "2.", " .NET" no indent, ”，所以 no sentence's end.
    lines = [_full("目前，社会资金", "民间投资从165亿元增至2462"),
             _full("2.5亿元，平均年增26.9%，", "前后翻译了《Microsoft"),
             _full(" .NET语言描述》，", "股票市场的宗旨是“为国企脱困服务"),
             _full("”，所以到目前为止，", "是由政府公司发行"), "的。"]
    page = "\n".join(lines + [""] + lines)
    assert join_hard_wraps(page) == "".join(lines) + "\n\n" + "".join(lines)


@pytest.mark.parametrize("page", [
    # Lines of one length that are no wrapped prose: a poem, an address block, headings, a list.
    "\n".join(["静夜思", "李白", "床前明月光，疑是地上霜。", "举头望明月，低头思故乡。"] * 3),
    "\n".join(["地址：北京市海淀区中关村大街二十七号中关村大厦十八层一八零一室", "电话：010-62345678，传真：010-62345679",
               "邮编：100080", "联系人：王先生，李女士", "地址：上海市浦东新区世纪大道一百号环球金融中心七十九层",
               "电话：021-68765432，传真：021-68765433", "邮编：200120", "联系人：赵先生，钱女士"]),
    "\n\n".join(["第一章 总则", "第一条 为了规范管理，根据有关法律法规，结合本单位实际，制定本办法。",
                 "第二章 管理", "第二条 本办法适用于本单位各部门，各部门应当遵守本办法的规定。",
                 "第三章 附则", "第三条 本办法由办公室负责解释，自发布之日起施行，原办法同时废止。"]),
    "\n".join(f"{k}. {item}" for k, item in enumerate(["苹果，香蕉，橘子", "白菜，萝卜，土豆，西红柿", "牛奶，面包", "鸡蛋，大米，面粉，食用油"] * 2, 1)),
    "\n\n".join(STORY),  # the story unwrapped
])
def test_short_lines_of_one_width_are_not_joined(page):
    assert join_hard_wraps(page) == page


TERMINAL = ("吕理政，台湾博物馆学、人类学家，历任国立台湾史前文化博物馆研究员、宜兰县兰阳博物馆筹备处主任。"
            "现在是国立台湾历史博物馆馆长，兼任国立台北艺术大学传统艺术研究所副教授。\n\n"
            "吕理政在国立台湾大学考古人类学系取得学位，著有《经纬福尔摩沙：16－19世纪西方人绘制台湾相关地图》。")


@pytest.mark.parametrize("code_page", ["cp437", "cp850", "cp852", "cp866", "koi8_r", "iso8859_5", "mac_cyrillic"])
def test_a_console_copy_of_mojibake_wrapped_at_80_columns_is_joined_read_and_stays(code_page):
    # UTF-8 shown by a DOS or Cyrillic console and copied out of its 80-column window: the breaks
    # cut characters' bytes, and read in pieces the page came back half read, and changed again
    # on a second clean (probe21: 59 of 94 such copies).
    shown = TERMINAL.encode("utf-8").decode(code_page, errors="replace")
    page = "\n".join(_wrap_columns(paragraph, 80) if paragraph else "" for paragraph in shown.split("\n"))
    result = Cleaner(to="keep").run(page)
    assert any(step.name == "breaks-in-misread-runs" for step in result.steps)
    # Read whole, its breaks back where the clean text's nearest boundary is (cut_runs), kept or
    # joined as the clean text wrapped there is.
    assert result.text == Cleaner(to="keep").clean(_broken_as_shown(TERMINAL, page, code_page))
    assert sum(ch in TERMINAL for ch in result.text) > 0.95 * len(TERMINAL.replace("\n", ""))
    assert Cleaner(to="keep").clean(result.text) == result.text


def test_a_line_indented_with_no_break_spaces_starts_a_paragraph():
    # An old page indents with &nbsp;&nbsp; as with spaces: after a full line too (joined, the
    # spaces stood inside a sentence: 为了显示\xa0\xa0自己, identical.py's damage/303).
    first = _wrap(PARAGRAPHS[0], 36).split("\n")
    cut = len(first[0]) * (len(first) - 1)
    page = "\n".join(first[:-1] + _wrap("\xa0\xa0" + PARAGRAPHS[0][cut:] + PARAGRAPHS[1], 36).split("\n"))
    assert join_hard_wraps(page) == PARAGRAPHS[0][:cut] + "\n\xa0\xa0" + PARAGRAPHS[0][cut:] + PARAGRAPHS[1]


def test_a_line_that_starts_with_a_clause_mark_continues_the_one_before():
    # The line before fell short of the width (a character its measure weighs otherwise: here
    # cut four short), and the break stands before a comma no line starts with.
    lines = _wrap(PARAGRAPHS[0] + PARAGRAPHS[1], 36).split("\n")
    lines[1], lines[2] = lines[1][:-4], "，" + lines[2]
    page = "\n".join(lines)
    assert join_hard_wraps(page) == page.replace("\n", "")


def _ragged(text: str, rng, low: int = 28, high: int = 40) -> str:
    """``text`` broken at a random width between ``low`` and ``high`` for each line (an e-book's
    TXT, a PDF's copy: a proportional font or justified text fills lines unevenly)."""
    lines, at = [], 0
    while at < len(text):
        width = rng.randint(low, high)
        lines.append(text[at:at + width])
        at += width
    return "\n".join(lines)


def _fixture_paragraphs():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return [line for path in sorted((root / "fixtures" / "clean").glob("*.txt"))
            for line in path.read_text("utf-8").splitlines() if len(line) > 60]


@pytest.mark.parametrize("layout", ["plain", "blank-lines", "indented"])
@pytest.mark.parametrize("seed", range(4))
def test_a_page_wrapped_at_ragged_widths_gets_its_paragraphs_back(layout, seed):
    import random

    rng = random.Random(seed)
    paragraphs = _fixture_paragraphs()
    rng.shuffle(paragraphs)
    paragraphs = paragraphs[:6]
    indent = "\u3000\u3000" if layout == "indented" else ""
    page = ("\n\n" if layout == "blank-lines" else "\n").join(indent + _ragged(p, rng) for p in paragraphs)
    joined = join_hard_wraps(page)
    breaks = page.count("\n") - (len(paragraphs) - 1) * (2 if layout == "blank-lines" else 1)
    left = joined.count("\n") - (len(paragraphs) - 1) * (2 if layout == "blank-lines" else 1)
    assert joined.replace("\n", "") == page.replace("\n", "")
    assert left * 10 <= breaks, (left, breaks)  # nine in ten breaks inside a paragraph go
    assert join_hard_wraps(joined) == joined
    once = Cleaner(to="keep").clean(page)  # joined before and after the paragraphs stage: as a second clean
    assert Cleaner(to="keep").clean(once) == once


@pytest.mark.parametrize("page", [
    # A form's fields and an address block: values end without a mark, the next field starts a line.
    "联系我们\n地址：北京市海淀区中关村大街1号，科技大厦12层1201室\n电话：010-82345678\u3000传真：010-82345679\n"
    "上海分公司\n地址：上海市浦东新区世纪大道100号，环球金融中心25楼\n电话：021-68881234\n广州办事处\n地址：广州市天河区珠江新城，花城大道68号",
    # A spec list whose rows hold commas and end on a character.
    "产品参数\n尺寸：长一百二十厘米，宽六十厘米，高七十五厘米左右\n材质：进口橡木实木框架，环保水性漆面，无异味\n"
    "颜色：原木色、胡桃色、白色三种可选，支持定制\n包装：五层加厚瓦楞纸箱，泡沫护角，整箱发货\n售后：全国联保一年，上门安装服务，七天无理由退换",
    # Modern verse of lines of uneven length, a clause each with a comma inside, no mark at their ends.
    "\n".join(["我们在黄昏的河岸上慢慢地走着，不说一句话", "风从遥远的山谷吹来，带着去年秋天的落叶气息和泥土的味道", "你看那一盏一盏亮起来的灯火，像谁的眼睛",
               "我想起很多年前的一个夜晚，也是这样安静", "后来我们各自走散，在这座城市不同的街道上面慢慢老去"] * 2),
    # Headings before one-line paragraphs.
    # A song's lines end where their phrases do (人海|后来 reads -0.7: no word cut), and a list of
    # headlines' two breaks are no wrap's evidence (session 23's review: both were joined).
    "后来\n后来，我总算学会了如何去爱，可惜你早已远去消失在人海\n后来，终于在眼泪中明白，有些人一旦错过就不再\n"
    "栀子花白花瓣，落在我蓝色百褶裙上，爱你你轻声说\n我低下头闻见一阵芬芳，那个永恒的夜晚，十七岁仲夏\n"
    "你吻我的那个夜晚，让我往后的时光，每当有感叹\n总想起当天的星光，那时候的爱情，为什么就能那样简单",
    "第一部分　总体要求和主要目标\n坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。\n第二部分　重点任务和保障措施\n"
    "加快建设现代化产业体系，推动高质量发展取得新成效。\n第三部分　组织实施和监督评估\n各地区各部门要结合实际抓好贯彻落实。",
])
def test_short_lines_of_a_page_that_is_not_wrapped_stay(page):
    assert join_hard_wraps(page) == page


@pytest.mark.parametrize("seed", range(6))
def test_text_cut_into_short_ragged_lines_is_joined_to_a_fixpoint(seed):
    # Lines of 8-30 characters: a short line joined with the rest of its clause becomes a line of
    # prose, and a second clean would join it again unless the join runs until nothing changes.
    import random

    rng = random.Random(seed)
    paragraphs = _fixture_paragraphs()
    rng.shuffle(paragraphs)
    page = "\n".join(_ragged(p, rng, 8, 30) for p in paragraphs[:6])
    joined = join_hard_wraps(page)
    assert joined.replace("\n", "") == page.replace("\n", "")
    assert join_hard_wraps(joined) == joined


def _ragged_page_with(pair: tuple[str, str], seed: int = 0) -> str:
    """A page of fixture paragraphs cut at ragged widths, with ``pair`` (two lines) put after its
    first paragraph."""
    import random

    rng = random.Random(seed)
    paragraphs = _fixture_paragraphs()
    rng.shuffle(paragraphs)
    return "\n".join([_ragged(paragraphs[0], rng), *pair, *(_ragged(p, rng) for p in paragraphs[1:6])])


def test_a_ragged_line_ending_on_a_stamp_keeps_its_break():
    # A heading's or a row's stamp (2021-06-17 18:48) ends no clause the wrap cut.
    pair = ("关于做好年度总结工作的通知，发布时间 2021-06-17 18:48", "各单位要按照统一部署认真组织，确保按时完成各项工作任务")
    joined = join_hard_wraps(_ragged_page_with(pair))
    assert "18:48\n各单位" in joined


def test_rows_opening_with_a_key_named_by_a_number_are_no_ragged_wrap():
    # losses34: a bus notice's route rows (12路：…, 35路：…) were joined to each other and, with the
    # paragraphs around them, to one line; rows of keyed items stand one under another.
    page = "\n".join(["4月1日起3条公交线路调整", _fixture_paragraphs()[0], "12路：首班6:00，末班21:30，延伸至高铁东站",
                      "35路：首班6:30，末班20:00，取消人民医院站", "108路：首班7:00，末班19:30，发车间隔调整为15分钟",
                      _fixture_paragraphs()[1]])
    joined = join_hard_wraps(page)
    assert "高铁东站\n35路" in joined and "人民医院站\n108路" in joined, joined


def test_a_number_cut_before_its_point_or_sign_is_joined():
    # A wrap can cut 31.1万亿元 after 31: the rest (.1万亿元) goes on the line before.
    pair = ("全年国内生产总值达到了创纪录的水平，其中第三产业增加值约为31", ".1万亿元，比上年增长百分之五点二，对经济增长的贡献率最高")
    joined = join_hard_wraps(_ragged_page_with(pair))
    assert "约为31.1万亿元" in joined


_ARTICLE = [
    "芙蓉洞位于重庆市武隆区江口镇的芙蓉江畔，距武隆县城二十公里。芙蓉洞于一九九三年被发现，次年对外开放，是一个大型石灰岩洞穴。",
    "洞内有各类钟乳石和石笋，形态各异，有珊瑚、石花和石膏花等多种沉积物，其中许多在国内外的洞穴中少见。",
    "芙蓉洞主洞长二千七百米，游览道一千八百六十米，底宽十二米至十五米，最宽处三十余米，高八米至二十米。",
    "二零零七年，芙蓉洞作为中国南方喀斯特的一部分被列入世界自然遗产名录，成为重庆第一处世界自然遗产。",
] * 4


def _pdf_copy(number: str, head: str = "武隆喀斯特旅游资源研究", width: int = 30, page: int = 10) -> tuple[str, str]:
    """The article as a PDF's text layer copies it: lines of ``width`` characters, ``head`` atop
    each page of ``page`` lines and its ``number`` at the foot; and the article, one paragraph a line."""
    body = []
    for paragraph in _ARTICLE:
        text = "\u3000\u3000" + paragraph
        body += [text[k:k + width] for k in range(0, len(text), width)]
    assert not any(line.endswith("。") for line in body if len(line) == width)  # no sentence ends a full line
    lines = []
    for n, start in enumerate(range(0, len(body), page), 1):
        lines += [head, *body[start:start + page], number.format(n=n)]
    return "\n".join(lines), "\n".join("\u3000\u3000" + p for p in _ARTICLE)


@pytest.mark.parametrize("number", ["- {n} -", "第 {n} 页", "{n}"])
def test_a_pdf_copys_page_furniture_is_not_glued_to_the_body_which_is_joined_across_it(number):
    damaged, correct = _pdf_copy(number)
    joined = join_hard_wraps(damaged).split("\n")
    furniture = [line for line in damaged.split("\n") if line == "武隆喀斯特旅游资源研究" or line.strip("-第页 ").isdigit()]
    assert len(furniture) >= 6
    # Each head and number stands on its own line, in order; the rest is the article's paragraphs.
    assert [line for line in joined if line in furniture] == furniture
    assert [line for line in joined if line not in furniture] == correct.split("\n")


def test_the_cleaner_keeps_the_paragraphs_of_a_pdf_copy_whole():
    # The heads and numbers are the furniture stage's to remove: after the join its pages are
    # shorter than running_heads.PAGE_MIN lines, and the head beside each number tells them.
    damaged, correct = _pdf_copy("- {n} -")
    assert Cleaner(to="keep").clean(damaged) == Cleaner(to="keep").clean(correct)



PROSE = "北大中国经济研究中心向社会作了经济形势的报告，会议由国家发展研究院院长主持。"
MENU = ["首页 新闻 体育 财经 科技", "责任编辑 张三", "相关阅读 更多新闻", "版权所有 北京某某网络公司"]


def test_a_page_with_no_open_line_holding_a_clause_is_not_measured(monkeypatch):
    """A width needs full lines not ending a sentence, some with a clause mark inside: a page of
    one paragraph a line and furniture without marks has none, and its lines are not measured."""
    measured = []
    monkeypatch.setattr(hardwrap, "MEASURES", tuple((lambda line, m=m: measured.append(line) or m(line)) for m in hardwrap.MEASURES))
    page = "\n".join([*MENU, PROSE, PROSE, PROSE])
    assert hardwrap.wrap_width(page.split("\n")) is None
    assert measured == []


def test_a_page_with_too_few_lines_ending_on_a_word_is_not_read_break_by_break(monkeypatch):
    """A ragged wrap's breaks follow lines of prose ending on a character of a word: a page whose
    prose lines all end with their marks is passed whole, its breaks not read one by one."""
    read = []
    original = hardwrap._goes_on
    monkeypatch.setattr(hardwrap, "_goes_on", lambda line: read.append(line) or original(line))
    page = "\n".join([PROSE] * 6)
    assert hardwrap.join_hard_wraps(page) == page
    assert read == []


@pytest.mark.parametrize("decoder", ["gbk", "gb18030"])
@pytest.mark.parametrize("text", [
    "本文数据来自国家统计局。\n注二：以上为初步核算数。\n注三：以上为初步核算数。",
    "第一条规定了适用范围。\n第二条规定了基本原则。\n第三条规定了主管部门。\n第四条规定了法律责任。",
])
def test_lines_of_one_length_each_ending_a_sentence_in_the_bytes_are_not_a_wrapped_paragraph(text, decoder):
    # 。 before a break read as GBK is 銆 and a mark (inside a line 銆傛): the lines ended there
    # in the bytes. They were joined as a paragraph wrapped at their one length, each 。 read as
    # U+3000 and the breaks lost.
    assert Cleaner(to="keep").clean(text.encode("utf-8").decode(decoder, "replace")) == text


# Rows of the page's own below an article the page cut inside a sentence (probe36d: the last line
# and the share row and footer under it were joined, and the joined line went as furniture, 227
# characters of the article with it; an editor's line glued on stayed in the article).
TAIL_ROWS = [
    "分享到： 微信 微博 QQ好友 复制链接",  # a field: a share row
    "责任编辑：李明",  # a byline's field
    "点赞(12) 收藏 分享 举报",  # short items set apart by spaces
    "版权所有 © 2009 华夏在线 京ICP证030173号 联系我们 | 关于我们 | 广告服务",  # a footer: a copyright sign, bars
    "Copyright © 2003-2012 南方网 All Rights Reserved",
    "网友评论（共86条） 我要评论",  # a sign that the article has ended (the lexicon's [ends])
    "上一篇：市政府召开常务会议",
]


def _cut_ragged_article(seed: int = 0) -> tuple[list[str], str]:
    """(the article's paragraphs, the last cut inside a clause; the page of them at ragged widths)."""
    import random

    rng = random.Random(seed)
    paragraphs = _fixture_paragraphs()
    rng.shuffle(paragraphs)
    paragraphs = paragraphs[:5]
    last = paragraphs[-1]
    at = next(k for k in range(len(last) * 2 // 3, len(last)) if "\u4e00" <= last[k - 1] <= "\u9fff" and "\u4e00" <= last[k] <= "\u9fff")
    paragraphs[-1] = last[:at]
    return paragraphs, "\n".join(_ragged(p, rng) for p in paragraphs)


@pytest.mark.parametrize("row", TAIL_ROWS)
def test_a_row_below_a_ragged_article_cut_short_is_not_glued_to_it(row):
    paragraphs, page = _cut_ragged_article()
    joined = join_hard_wraps(page + "\n" + row + "\n" + TAIL_ROWS[0]).split("\n")
    assert joined[-2:] == [row, TAIL_ROWS[0]]  # and the row under a row is no clause's rest
    assert joined[-3].endswith(paragraphs[-1][-6:])


@pytest.mark.parametrize("byline", ["发布时间：2011-05-06 10:12:45 来源：本站原创 点击：1024", "【字体：大 中 小】",
                                    "2008年03月14日 09:21　来源：华夏在线　作者：张伟"])
def test_a_row_above_a_ragged_article_is_not_glued_to_its_first_line(byline):
    # A byline ending on a character of a word: its break read as a clause's, the byline and the
    # article's first line went together as furniture.
    paragraphs, page = _cut_ragged_article()
    joined = join_hard_wraps(byline + "\n" + page).split("\n")
    assert joined[0] == byline
    assert joined[1].startswith(paragraphs[0][:20])


@pytest.mark.parametrize("row", TAIL_ROWS)
def test_a_row_below_an_article_wrapped_at_one_width_and_cut_short_is_not_glued_to_it(row):
    # The article wrapped at the row's own length where that is a width (the row is then a full
    # line, which the join took for the paragraph's next line), at 36 characters otherwise.
    width = max(36, len(row))
    text = (PARAGRAPHS[0] + PARAGRAPHS[1]) * 2
    cut = text[: (len(text) // width - 1) * width]  # whole lines, the last one full
    assert not cut.endswith("。")
    assert join_hard_wraps(_wrap(cut, width) + "\n" + row).split("\n") == [cut, row]


@pytest.mark.parametrize("byline", ["2008年03月14日 09:21　来源：华夏在线　作者：张伟", "发布时间：2011-05-06 10:12:45 来源：本站原创 点击：1024"])
def test_a_byline_as_long_as_the_wrap_width_is_not_glued_to_the_article_under_it(byline):
    # A full line to the width's measure: the join took it for the paragraph's first line, and the
    # byline went as furniture with the article's first paragraph in it.
    width = len(byline)
    text = (PARAGRAPHS[0] + PARAGRAPHS[1]) * 2
    joined = join_hard_wraps(byline + "\n" + _wrap(text, width)).split("\n")
    assert joined[0] == byline
    assert "".join(joined[1:]) == text


def test_the_end_markers_length_is_the_furniture_stages():
    from cleaner.furniture import features

    assert hardwrap._MARK_MAX == features.MARK_MAX


def test_the_cleaner_keeps_the_last_line_of_an_article_cut_short_and_removes_the_rows_below():
    paragraphs, page = _cut_ragged_article()
    head = ["网站首页 新闻 图片 视频 专题 评论 博客 登录 注册", "暴雨过后城区道路积水情况调查", "2008年03月14日 09:21　来源：华夏在线　作者：张伟"]
    text = "\n".join([*head, page, "分享到： 微信 微博 QQ好友 复制链接", "版权所有 © 2009 华夏在线 京ICP证030173号 联系我们 | 关于我们 | 广告服务"])
    out = Cleaner(to="keep").clean(text)
    assert paragraphs[-1][-20:] in out.replace("\n", "")
    assert "分享到" not in out and "版权所有" not in out
