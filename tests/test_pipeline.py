"""The ordered pipeline (cleaner/pipeline.py): steps, meta, one script out."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from native_inputs import SETTINGS, clean_line, damaged_line, text_inputs

import damage
from cleaner import Cleaner
from cleaner.repair import mojibake

MIXED = "国务院发布通知，要求加快发展。\n國務院發佈通知，要求加快發展。\n工業互聯網平台于今年上线。"


def test_mixed_page_comes_out_in_one_script_and_reports_shares():
    result = Cleaner(remove_furniture=False).run(MIXED)
    assert result.text == "国务院发布通知，要求加快发展。\n国务院发布通知，要求加快发展。\n工业互联网平台于今年上线。"
    assert float(result.meta["simplified_share"]) > 0.1
    assert float(result.meta["traditional_share"]) > 0.1
    convert_steps = [s for s in result.steps if s.action == "convert"]
    assert convert_steps and convert_steps[0].count > 0


def test_the_pages_own_title_beats_the_first_line_guess():
    page = "国务院发布通知\n国务院今日发布通知，要求加快发展。"
    assert Cleaner().run(page).meta["title"] == "国务院发布通知"  # no title given: the first line
    own = "国务院发布通知_要闻_某某网"
    assert Cleaner().run(page, title=own).meta["title"] == own
    assert Cleaner().run(page, title="   ").meta["title"] == "国务院发布通知"  # a blank title is none
    assert Cleaner().run(page, title="國務院發佈通知\n 要聞").meta["title"] == "国务院发布通知 要闻"



def test_a_title_misread_with_its_page_is_repaired_and_unrepaired_mojibake_in_it_is_not_converted():
    title = "国家统计局发布2023年国民经济和社会发展统计公报"
    misread = title.encode("utf-8").decode("gbk", errors="replace")
    page = "国家统计局今天发布了公报，全文如下。\n"
    assert Cleaner().run(page, title=misread).meta["title"] == title
    assert Cleaner().run(page, title=title.encode("utf-8").decode("cp1252", errors="replace")).meta["title"] == title
    # Korean read as GBK is read back where its bytes allow (other_scripts.py: a character that
    # lost a byte is U+FFFD); a word that lost too much (관광) stays as it came, not converted.
    left = "서울시 관광 안내 서비스".encode("utf-8").decode("gbk", errors="replace")
    unread = left.split()[1]
    assert Cleaner().run(page, title=left).meta["title"] == f"서울\ufffd {unread} 안내 서비\ufffd"


def test_a_clean_title_is_not_put_through_the_repairs(monkeypatch):
    # They cost a third of a clean page: only a title holding characters that look misread pays.
    def fail(self, title):
        raise AssertionError(f"repaired {title!r}")

    monkeypatch.setattr(Cleaner, "_repaired_title", fail)
    page = "国家统计局今天发布了公报，全文如下。\n"
    assert Cleaner().run(page, title="国家统计局发布2023年统计公报_新闻中心_人民网").meta["title"] == "国家统计局发布2023年统计公报_新闻中心_人民网"


def test_a_title_too_long_or_not_text_is_passed_on_as_it_came():
    from cleaner.pipeline import TITLE_REPAIR_MAX

    page = "国家统计局今天发布了公报，全文如下。\n"
    long = "国家统计局发布公报".encode("utf-8").decode("gbk", errors="replace") * 20
    assert len(long) > TITLE_REPAIR_MAX and Cleaner().run(page, title=long).meta["title"] == long
    # A lone surrogate in the title: the text is cleaned, the title passed on (not the record failed).
    result = Cleaner().run(page, title="\ud800国务院")
    assert result.text == page.strip() and result.meta["title"] == "\ud800国务院"

def test_without_details_only_the_descriptive_detectors_are_skipped():
    page = "标题\n國(guó)務(wù)院發佈通知,要求加快發展。\n\ufffd\n分享到：微信"
    full = Cleaner().run(page)
    lean = Cleaner().run(page, details=False)
    assert lean.text == full.text and lean.steps == full.steps
    assert {"simplified_share", "traditional_share", "title"} <= full.meta.keys()
    assert not {"simplified_share", "traditional_share", "title"} & lean.meta.keys()
    assert lean.meta["site"] == full.meta["site"]
    assert [f for f in full.findings if f.kind != "replaced-bytes"] == lean.findings
    assert any(f.kind == "replaced-bytes" for f in full.findings)
    assert Cleaner().clean(page) == full.text


def test_mixed_page_to_taiwan():
    out = Cleaner(remove_furniture=False, to="zh-tw").clean(MIXED)
    # The Simplified sentence takes Taiwan's words (发布 -> 釋出); the Traditional ones keep theirs,
    # the half-converted third changing only its Simplified characters (于 线), not 互聯網 or 台.
    assert out == "國務院釋出通知，要求加快發展。\n國務院發佈通知，要求加快發展。\n工業互聯網平台於今年上線。"


def test_width_and_script_steps_are_recorded_with_counts():
    result = Cleaner(remove_furniture=False).run("２０２０年,國務院發佈ＡＰＰ")
    assert result.text == "2020年，国务院发布APP"
    names = {s.name: s.count for s in result.steps}
    # Places changed, as runs: ２０２０ and ＡＰＰ; 國務 and 發佈 (院 stays).
    assert names["halfwidth-alnum"] == 2 and names["fullwidth-punct"] == 1 and names["opencc:zh-hans"] == 2


def test_out_of_step_run_is_not_taken_for_double_encoding():
    # Found by `make fuzz`: on a page with the pinyin damage, "?ér)昧σ弧?" is a shifted run
    # (好力一。 read out of step); re-reading its rare characters as UTF-8 destroyed it.
    from damage import damage_page

    result = Cleaner(remove_furniture=False).run(damage_page("儿。\n与业养。\n们好力一。", 0, shift=False))
    assert result.text == "儿。\n与业养。\n们好力一。"
    assert not any(s.name == "utf8-read-as-gbk" for s in result.steps)


def test_seed_damaged_page_read_again_as_gbk_is_repaired():
    # The seed chain, then UTF-8 read as GBK: "國(guó)" becomes "鍦\ufffd(gu贸)". The pinyin letters
    # are read back first, and each annotation then tells which character the run before it ends on.
    from damage import damage_page

    clean = "国务院副总理马凯近日在贵阳调研时强调，要加快建设工业互联网。"
    misread = damage_page(clean, 1).encode("utf-8").decode("gbk", errors="replace")
    assert Cleaner(remove_furniture=False).clean(misread) == clean


def test_unrepaired_mojibake_is_kept_byte_for_byte_and_reported():
    # 人民政府工作报告 in UTF-8 read as Big5 with errors="ignore": too many bytes went to read it
    # back. Script conversion would rewrite it (and again on a second pass): it is kept as it was.
    from cleaner.script import convert

    broken = "鈭箸踹撌乩亙"
    assert convert.convert(broken, "zh-hans") != broken  # what conversion would have done
    result = Cleaner(to="zh-hans").run(f"他說：{broken}。ＡＢ")
    assert result.text == f"他说：{broken}。AB"  # the rest converted and width-folded as usual
    assert [(f.kind, f.position, f.detail) for f in result.findings if f.kind == "unrepaired-mojibake"] == [
        ("unrepaired-mojibake", 2, f"：{broken}。")]  # with one character each side
    assert Cleaner(to="zh-hans").clean(result.text) == result.text


def test_guessed_characters_of_the_mojibake_repair_are_findings_and_no_guess_marks_them():
    broken = "他说中国经济发展很快。".encode("utf-8").decode("gbk", errors="replace")
    guessed = Cleaner(to="keep").run(broken)
    assert guessed.text == "他说中国经济发展很快。"
    lost = [f for f in guessed.findings if f.kind == "lost-byte"]
    assert [(f.position, f.detail.split(" (rank 2: ")[0]) for f in lost] == [(1, "说"), (9, "快"), (10, "。")]
    assert all(" (rank 2: " in f.detail and ", margin " in f.detail for f in lost)

    no_guess = Cleaner(to="keep", guess_lost=False)
    marked = no_guess.run(broken)
    assert marked.text == "他\ufffd中国经济发展很\ufffd\ufffd"
    assert [f for f in marked.findings if f.kind == "lost-byte"] == lost
    assert no_guess.clean(marked.text) == marked.text


def test_a_clean_page_makes_no_guess():
    assert not [f for f in Cleaner().run(MIXED).findings if f.kind == "lost-byte"]


def test_the_generic_model_can_be_turned_off():
    # Text that is not a web page (verse, lists) has short lines that are content: with the generic
    # model off only what rule files describe is removed.
    page = (Path(__file__).parent.parent / "fixtures" / "furniture" / "unknown_portal.txt").read_text(encoding="utf-8")
    on = Cleaner(to="keep").run(page)
    off = Cleaner(to="keep", generic_furniture=False).run(page)
    assert any(s.name.startswith("generic/") for s in on.steps)
    assert not any(s.name.startswith("generic/") for s in off.steps)
    assert set(on.text.splitlines()) < set(off.text.splitlines())


def test_a_page_with_other_line_breaks_is_cleaned_as_with_newlines():
    # Every stage reads lines: a page with \r, \r\n or U+2028 must be cut into the lines its
    # output (\n only) is, or a second clean judges other lines (the furniture model took an
    # article's first line the second time). 10 of these 32 pages differed before.
    import random
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "fixtures"
    cleaner = Cleaner()
    for path in sorted((root / "clean").glob("*.txt")) + sorted((root / "seeds" / "expected-zh-hans").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for seed in range(4):
            rng = random.Random(seed)
            breaks = ["\r", "\r\n", "\u2028", "&#13;", "&#8232;", "&#x2029;"]  # entities too
            broken = "".join(ch + (rng.choice(breaks) if ch in "，。" and rng.random() < 0.3 else "") for ch in text)
            out = cleaner.clean(broken)
            plain = broken.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
            for entity in breaks[3:]:
                plain = plain.replace(entity, "\n")
            assert out == cleaner.clean(plain), path.name
            assert cleaner.clean(out) == out, path.name


@pytest.mark.parametrize("text", ["国务院发布通知。\ud800", "國務院發布通知。\ud800"])
def test_lone_surrogates_are_no_text_on_every_page(text):
    # Once only a page some stage encoded raised; a Simplified page came back with its surrogate.
    from cleaner import NotText

    with pytest.raises(NotText):
        Cleaner().clean(text)


@pytest.mark.parametrize("title, decoder", [("华为发布新款手机", "latin-1"), ("人工智能新闻", "cp1252")])
def test_a_title_read_one_byte_a_character_is_repaired(title, decoder):
    # It holds no rare Han for the title gate to count, only UTF-8's lead bytes as letters.
    misread = title.encode().decode(decoder)
    assert Cleaner().run("正文第一段。", title=misread).meta["title"] == title


ARTICLE = ("国务院常务会议今天在北京召开，会议研究部署了进一步稳定经济增长的政策措施，要求各地区各部门加快推进"
           "重大项目建设，切实保障和改善民生，确保全年目标任务顺利完成。")


def test_a_page_whose_bytes_a_wrong_charset_lost_is_told():
    # A GBK page decoded as UTF-8: two bytes in three marked, nothing to read back.
    gone = Cleaner().run(ARTICLE.encode("gbk").decode("utf-8", errors="replace"))
    assert [f.kind for f in gone.findings if f.kind == "bytes-gone"] == ["bytes-gone"]
    # Not a clean page, nor one misread with a few marks (UTF-8 read as GBK, 5 % of its bytes).
    for text in (ARTICLE, ARTICLE.encode().decode("gbk", errors="replace")):
        assert not [f for f in Cleaner().run(text).findings if f.kind == "bytes-gone"]


def test_without_guessing_another_scripts_lost_bytes_stay_marked():
    # Japanese UTF-8 read as cp1252: は's lost byte fits one letter only, but it is still a guess.
    misread = "東京都は日本の首都です。".encode().decode("cp1252", "replace")
    assert "は" in Cleaner(to="keep").clean(misread)
    assert "は" not in Cleaner(to="keep", guess_lost=False).clean(misread)


def test_a_page_showing_a_block_of_replacement_marks_is_not_told_its_bytes_are_gone():
    demo = "乱码的样子是这样的：" + "\ufffd" * 32 + "。遇到这种情况，请检查网页的编码设置，或者换一个浏览器再试一次，通常就能正常显示了。"
    assert not [f for f in Cleaner().run(demo).findings if f.kind == "bytes-gone"]


def test_the_single_byte_reading_reads_again_what_its_first_reading_let_read():
    # UTF-8 read as cp1252 with errors="ignore" and its no-break spaces made spaces: what one
    # reading put back let a stretch beside it read, and a second clean read it (review19 F3).
    text = "国中，高中曾就读台北市私立育达商职后转学，现于某大学就读。她凭着清新可爱的外型拥有不俗的人气，音乐造诣甚高，习有小提琴及钢琴。"
    damaged = text.encode().decode("cp1252", "ignore").replace("\xa0", " ")
    cleaner = Cleaner(to="keep", remove_furniture=False)
    once = cleaner.clean(damaged)
    assert cleaner.clean(once) == once


@pytest.mark.parametrize("cell,text", [
    (("utf-8", "euc_jp", "replace"), "文将。"),       # a byte put in step, then the GBK view reads on
    (("utf-8", "johab", "replace"), "原见。"),
    (("utf-8", "gbk-twice", "ignore"), "一一一一一一一一。"),  # a layer peeled is misread text itself
    (("big5", "cp949", "replace"), "七个快。"),
])
def test_what_a_reading_put_back_is_read_again_in_the_same_clean(cell, text):
    """The byte-level readings run again while a round changes the text: a second clean of the
    output changes nothing (each of these was changed by it when the readings ran once), and a
    guess an earlier round wrote that a later one read otherwise is no finding (险 read as 陵)."""
    import random

    from damage import damage_cell, naive_s2t, source_text

    source, decoder, errors = cell
    page = source_text(naive_s2t(text) if source == "big5" else text, source)
    damaged = damage_cell(page, source, decoder, errors, "page", random.Random(0))
    for guess in (True, False):
        c = Cleaner(guess_lost=guess)
        out = c.clean(damaged)
        assert c.clean(out) == out, (cell, guess)
    kept = Cleaner(to="keep").run(damaged)  # unconverted: each guess as the finding names it
    assert all(f.detail[0] in kept.text for f in kept.findings if f.kind == "lost-byte"), kept.findings


def test_with_markup_kept_the_furniture_model_reads_each_line_without_its_tags():
    # Text about HTML: a paragraph in <p> is still a sentence, not a line of markup to remove.
    page = ("<p>国务院副总理马凯近日在贵阳调研时强调，要加快建设工业互联网。</p>\n"
            "<b>会议指出，当前经济运行总体平稳，就业形势保持稳定。</b>\n分享到：微信 微博")
    result = Cleaner(to="keep", strip_markup=False).run(page)
    assert result.text.splitlines() == page.splitlines()[:2]


def test_a_replace_rule_whose_match_a_kept_tag_splits_counts_no_change():
    # The rules read the line without its tags; the line as written ends in </i>, so the rule
    # changes nothing there and no step may say it did.
    page = "会议强调,要持续推进改革。<i>(责任编辑:王伟)</i>\n今天天气很好，大家都出门了。"
    result = Cleaner(to="keep", strip_markup=False).run(page)
    assert "(责任编辑" in result.text.replace("（", "(")
    assert not [s for s in result.steps if s.name == "common/editor-tail"]
    plain = Cleaner(to="keep").run(page.replace("<i>", "").replace("</i>", ""))
    assert [s for s in plain.steps if s.name == "common/editor-tail"]


def test_a_page_the_generic_model_emptied_is_said_to_be_the_models_doing():
    result = Cleaner(to="keep").run("发布时间：2026-08-08 来源： 作者： 点击数：")
    (note,) = [f for f in result.findings if f.kind == "all-lines-removed"]
    assert "generic furniture model" in note.detail and "site" not in note.detail


def test_a_page_mostly_guessed_from_lost_bytes_is_told_as_one_whose_bytes_are_gone():
    # UTF-8 read by a Big5 decoder marks half its bytes: the model fills them, and the reader must
    # hear that most of what they read was chosen by it, as --no-guess's marks would show.
    text = ("國務院新聞辦公室今天舉行新聞發布會，介紹經濟運行情況。發言人表示，今年以來經濟持續恢復，"
            "就業形勢總體穩定，居民消費價格溫和上漲，對外貿易保持增長。") * 2
    result = Cleaner(to="keep").run(text.encode("utf-8").decode("big5", "replace"))
    told = [f for f in result.findings if f.kind == "bytes-gone"]
    assert len(told) == 1 and "guesses" in told[0].detail
    assert not [f for f in Cleaner(to="keep").run(text).findings if f.kind == "bytes-gone"]


def test_a_cleaner_takes_a_config_or_options_never_both():
    # probe30: Cleaner(Config(to="zh-tw"), to="zh-hans") converted to zh-tw, silently.
    from cleaner.config import Config

    with pytest.raises(TypeError, match=r"Cleaner\(\): give a Config or options, not both \(got to\)"):
        Cleaner(Config(to="zh-tw"), to="zh-hans")
    with pytest.raises(TypeError, match="takes a Config or keyword options, not str"):
        Cleaner("zh-tw")


def test_a_cleaner_pickles_as_its_config():
    # probe30: cannot pickle 'cleaner._native.Pattern'.
    import pickle

    from cleaner.config import Config

    copy = pickle.loads(pickle.dumps(Cleaner(Config(to="zh-tw"))))
    assert isinstance(copy, Cleaner) and copy.config == Config(to="zh-tw") and copy.clean("软件") == "軟體"


def test_a_refusal_names_the_call_that_was_made():
    # probe30: clean("中\ud800文") said the text was refused by "run()".
    from cleaner import NotText, clean

    with pytest.raises(NotText, match=r"^clean\(\) takes text"):
        clean("中\ud800文")
    with pytest.raises(NotText, match=r"^clean\(\) takes text"):
        Cleaner().clean("中\ud800文")
    with pytest.raises(NotText, match=r"^run\(\) takes text"):
        Cleaner().run("中\ud800文")


def test_the_guessed_characters_are_counted_once_each():
    # review30b: GBK read by euc_jp marks each ， twice; its two findings are one character.
    from cleaner.pipeline import _mostly_guessed
    from cleaner.model import Finding

    findings = [Finding("lost-byte", at, "，") for at in range(0, 40, 2) for _ in range(2)]
    told = _mostly_guessed("中" * 60, findings)
    assert told is not None and told.detail.startswith("20 of 60")
    assert _mostly_guessed("中" * 100, findings) is None


class _OwnCleaner(Cleaner):
    pass


def test_a_cleaners_subclass_pickles_as_itself():
    import pickle

    assert type(pickle.loads(pickle.dumps(_OwnCleaner(to="keep")))) is _OwnCleaner


def test_an_html_pages_meta_fields_misread_alone_are_repaired_as_its_title():
    # A page's head filled from a database its body was not: the description and author misread as cp1252.
    body, author = "本市今年将新建十所中小学，缓解入学压力。", "李四"

    def shown(text: str) -> str:  # as a browser shows UTF-8 read as windows-1252
        return "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in text.encode())

    page = (f'<html><head><meta charset="utf-8"><title>{shown("教育新闻")}</title>'
            f'<meta name="description" content="{shown(body)}"><meta name="author" content="{shown(author)}">'
            f"</head><body><p>{body}</p></body></html>").encode()
    meta = Cleaner(to="keep").run_bytes(page).meta
    assert (meta["title"], meta["description"], meta["author"]) == ("教育新闻", body, author)
    clean = page.replace(shown(body).encode(), body.encode())
    assert Cleaner(to="keep").run_bytes(clean).meta["description"] == body


@pytest.mark.parametrize("author", ["张三", "李四", "王五"])
def test_an_authors_name_misread_as_gbk_is_repaired_though_it_holds_one_rare_character(author):
    # 张三 read as GBK is 寮犱笁: one character rare by the model, where a title needs two.
    misread = author.encode("utf-8").decode("gbk")
    page = (f'<html><head><meta charset="utf-8"><title>教育新闻</title><meta name="author" content="{misread}">'
            "</head><body><p>本市今年将新建十所中小学，缓解入学压力。</p></body></html>").encode()
    assert Cleaner(to="keep").run_bytes(page).meta["author"] == author
    clean = page.replace(misread.encode(), author.encode())
    assert Cleaner(to="keep").run_bytes(clean).meta["author"] == author


def test_a_string_that_is_an_html_page_is_read_as_the_page_as_its_bytes_and_its_file_are():
    # cleaner.clean(html) gave the page's text as text (its menu, its <meta> lines) while
    # clean_bytes(html) read it as a page: one string, two outputs (probe35u F1).
    pytest.importorskip("resiliparse", reason="resiliparse is a core dependency: pip install -e .")
    import cleaner
    from test_io_html_field import AGENDA, STORY, _as_file

    for page in (AGENDA, STORY):
        result = Cleaner().run(page)
        assert result.text == _as_file(page) == Cleaner().run_bytes(page.encode("utf-8")).text
        assert cleaner.clean(page) == result.text == cleaner.clean_bytes(page.encode("utf-8"))
    assert Cleaner().run(STORY).meta["author"] == "惠禾"  # its <meta>, as a page file's
    # Turned off for a call (html=False) or by the config (strip_markup=False, --keep-markup): text.
    as_text = Cleaner().run(AGENDA, html=False).text
    assert as_text != _as_file(AGENDA) and "新闻" in as_text.split("\n")
    from cleaner.config import Config

    assert "<p>小李今年" in Cleaner.for_config(Config(strip_markup=False)).run(STORY).text
    # Text that merely holds a tag is no page.
    assert Cleaner().run("正文 <注意> 不是网页").text == "正文 <注意> 不是网页"


@pytest.mark.parametrize("text", [
    "<三国演义>读后感\n这本书讲的是三国时期的故事。\n我很喜欢诸葛亮。",  # a book's title in angle brackets
    "<b>注意</b>：明天停电。\n请大家<i>提前</i>做好准备。\n谢谢<b>配合</b>！",  # a forum post's inline tags
    "<p align=\"center\"><img src=\"a.png\"></p>\n\n# 项目说明\n\n这是一个工具。\n\n## 安装\n\n运行命令即可。",  # a README
    "<div class=\"box\">\n  <span>你好</span>\n</div>\n上面的代码创建了一个盒子。\n然后我们设置样式。",  # a snippet
])
def test_text_that_opens_with_a_tag_but_is_no_page_is_read_as_text_by_string_and_by_bytes(text):
    # review35u: Cleaner.run(str) sniffs every string since session 35; text that merely opens with
    # a tag keeps its lines as before (html=False), and its bytes give the same text.
    import cleaner

    assert Cleaner().run(text).text == Cleaner().run(text, html=False).text == cleaner.clean_bytes(text.encode("utf-8"))


@pytest.mark.parametrize("control", ["\x1a", "\x0c", "\x0b", "\x1e"])
@pytest.mark.parametrize("misread,step", [("utf8_read_as_gbk", 5), ("utf8_read_as_gbk", 7), ("big5_read_as_gbk", 6),
                                          ("utf8_read_as_cp1252", 4)])
def test_controls_left_after_the_repairs_are_read_through_before_the_clean_ends(control, misread, step):
    # A SUB mark or a separator (a form feed: a line break) inside misread text cut it while the
    # repairs read: once it is gone they read again, as a second clean would.
    source = "本站提供的新闻报道均来自合作媒体，转载请注明出处。" if misread != "big5_read_as_gbk" else "香港大學圖書館的開放時間將於下週調整。"
    misread_text = getattr(damage, misread)(source)
    damaged = control.join(misread_text[i:i + step] for i in range(0, len(misread_text), step))
    cleaner = Cleaner(to="keep")
    once = cleaner.clean(damaged)
    assert cleaner.clean(once) == once


# Pages of every path run takes: clean and seed pages, damaged lines of each family, an HTML page,
# bytes a decoder smuggled, lone surrogates (refused), empty text and a page of marks alone.
_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BATCH = ([p.read_text("utf-8") for p in sorted((_FIXTURES / "clean").glob("*.txt"))[:4]]
         + [p.read_text("utf-8") for p in sorted((_FIXTURES / "seeds" / "pages").glob("*.txt"))[:4]]
         + [damage.damage_lines(ARTICLE * 3, family, __import__("random").Random(7), share=0.5) for family in sorted(damage.FAMILIES)]
         + ["<html><head><title>通知</title></head><body><p>国务院发布通知，要求加快发展。</p></body></html>",
            "国务院发布通知".encode("gbk").decode("utf-8", "surrogateescape"), "", "\ufffd\ufffd\ufffd", MIXED])


def _same(a, b) -> bool:
    return a.to_dict() == b.to_dict()


@pytest.mark.parametrize("details", [True, False])
def test_a_batch_cleans_each_page_as_run_does(details):
    cleaner = Cleaner()
    batch = cleaner.run_many(BATCH, details=details)
    assert len(batch) == len(BATCH)
    assert all(_same(got, cleaner.run(text, details=details)) for got, text in zip(batch, BATCH, strict=True))


def test_a_batch_runs_its_pages_phase_by_phase(monkeypatch):
    """Every page's repairs before any page's furniture stage, every page's furniture before any
    page's conversion: the phase's tables stay in the processor's caches (``run_many``)."""
    from cleaner.furniture import boilerplate
    from cleaner.script import convert

    calls = []
    for module, name in ((mojibake, "repair_utf8_as_gbk"), (boilerplate, "remove_furniture"), (convert, "convert_all")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k))
    pages = [MIXED, ARTICLE + "\n" + ARTICLE[:40], "國務院發佈通知，要求加快發展。"]
    Cleaner().run_many(pages, details=False)
    kinds = [name for k, name in enumerate(calls) if k == 0 or calls[k - 1] != name]
    assert kinds == ["repair_utf8_as_gbk", "remove_furniture", "convert_all"]
    assert calls.count("remove_furniture") == len(pages)


def test_a_batch_raises_as_run_does_at_the_first_failing_page():
    from cleaner import NotText

    cleaner = Cleaner()
    with pytest.raises(NotText):
        cleaner.run_many([ARTICLE, "国务院发布通知。\ud800", ARTICLE])
    small = Cleaner(max_chars=50)
    from cleaner.config import DocumentTooLarge

    with pytest.raises(DocumentTooLarge):
        small.run_many(["短文。", ARTICLE * 3])
    with pytest.raises(TypeError):
        cleaner.run_many([ARTICLE, b"bytes"])


@SETTINGS
@given(texts=st.lists(st.one_of(text_inputs, st.lists(st.one_of(clean_line, damaged_line()), max_size=5).map("\n".join)), max_size=6))
def test_any_batch_cleans_each_page_as_run_does(texts):
    cleaner = Cleaner()
    try:
        expected = [cleaner.run(text, details=False) for text in texts]
    except Exception as exc:  # noqa: BLE001  the batch raises what the first failing page raises
        with pytest.raises(type(exc)):
            cleaner.run_many(texts, details=False)
        return
    assert all(_same(a, b) for a, b in zip(cleaner.run_many(texts, details=False), expected, strict=True))


def test_run_many_takes_any_iterable_and_refuses_one_text():
    cleaner = Cleaner()
    pages = ["国务院发布通知。", "你好"]
    assert [r.text for r in cleaner.run_many(iter(pages))] == [cleaner.run(p).text for p in pages]
    assert [r.text for r in cleaner.run_many(p for p in pages)] == [cleaner.run(p).text for p in pages]
    with pytest.raises(TypeError, match="not one text"):
        cleaner.run_many("国务院")
