"""锟斤拷 and its kin written back as the U+FFFD marks they are (cleaner/repair/lost_marks.py)."""

from cleaner import Cleaner
from cleaner.repair.lost_marks import repair


def _lost(text: str, encoding: str = "gbk") -> str:
    """``text`` through a UTF-8 ``replace`` reader, saved as UTF-8 and read as GBK."""
    return text.encode(encoding).decode("utf-8", "replace").encode("utf-8").decode("gbk", "replace")


def _upstream(text: str, encoding: str = "gbk") -> str:
    """What the UTF-8 reader wrote: the right count of marks."""
    return text.encode(encoding).decode("utf-8", "replace")


def test_kunjinkao_is_two_replacement_characters_and_is_reported_in_any_script():
    assert "\ufffd\ufffd".encode("utf-8").decode("gbk") == "锟斤拷"
    assert repair("他说锟斤拷锟斤拷是") == "他说" + "\ufffd" * 4 + "是"
    assert repair("锟斤") == "锟斤"
    assert repair("“锟斤拷”是乱码的代名词") == "“锟斤拷”是乱码的代名词"  # the word, once
    result = Cleaner(to="zh-hant").run("他說锟斤拷锟斤拷是")
    assert result.text == "他說" + "\ufffd" * 4 + "是" and any(f.kind == "replaced-bytes" for f in result.findings)


def test_marks_out_of_phase_are_marks_too_one_for_each_the_reader_wrote():
    for source in ("中国射箭运动员，曾参加2008年奥运会。", "他在1999年3月加入了北京队。", "國立臺灣大學的教授"):
        for encoding in ("gbk", "big5"):
            try:
                damaged = _lost(source, encoding)
            except UnicodeEncodeError:
                continue
            upstream = _upstream(source, encoding)
            out = repair(damaged)
            assert "锟" not in out
            # Every mark the UTF-8 reader wrote is one U+FFFD; what it read as ASCII stays ASCII.
            assert out.count("\ufffd") >= upstream.count("\ufffd")
            assert [c for c in out if c.isascii()] == [c for c in upstream if c.isascii()]


def test_a_character_that_came_through_whole_stays_on_a_line_of_text():
    # 谭 is GBK cc b7, valid UTF-8 (U+0337): the reader kept it, and GBK read it back right.
    line = "运动员" + _lost("谭嘉言") + "参加了二零零八年北京奥运会的射箭比赛，获得团体铜牌。"
    assert repair(line) == "运动员谭" + "\ufffd" * _upstream("嘉言").count("\ufffd") + line[line.index("参"):]


def test_on_a_line_of_lost_text_every_character_beyond_ascii_is_a_mark():
    out = repair(_lost("谭嘉言，中国射箭运动员，曾参加2008年奥运会。"))
    assert set(out) - set("0123456789") == {"\ufffd"} and "2008" in out


def test_a_name_with_kun_and_a_lone_word_are_not_marks():
    assert repair("王锟和张锟斤是同学") == "王锟和张锟斤是同学"
    assert repair("“锟斤拷”和“烫烫烫”") == "“锟斤拷”和“烫烫烫”"


def test_a_mark_cut_at_the_line_end_is_the_marks_last_byte():
    assert repair("锟斤拷锟斤拷锟\ufffd\n好") == "\ufffd" * 5 + "\n好"


def test_a_paragraph_of_lost_text_is_read_in_one_way_and_stays_so():
    source = "谭嘉言，中国射箭运动员。他在1999年加入国家队，2008年参加北京奥运会，获得团体铜牌。"
    cleaner = Cleaner(to="keep")
    once = cleaner.clean(_lost(source))
    assert "锟" not in once and "錕" not in once and "￥" not in once
    assert cleaner.clean(once) == once
    assert "1999" in once and "2008" in once


def test_the_word_quoted_whole_on_a_line_about_garbled_text_is_the_texts():
    # Sentences written for this test: the word 锟斤拷 doubled, quoted, where the line speaks of it.
    for line in ("他说“锟斤拷锟斤拷”是乱码。", "网上常把「锟斤拷锟斤拷锟斤拷」当作编码错误的代名词。"):
        assert repair(line) == line
    # A name lost in quotes on a line that says nothing of encodings is a loss, as is the word
    # unquoted beside the quoted one.
    assert repair("他说“锟斤拷锟斤拷”是他的朋友。") == "他说“" + "\ufffd" * 4 + "”是他的朋友。"
    assert repair("乱码“锟斤拷锟斤拷”和锟斤拷锟斤拷锟斤拷混在一起") == "乱码“锟斤拷锟斤拷”和" + "\ufffd" * 6 + "混在一起"
    # Out of phase (a mark's bytes paired with a neighbour's) is no word written by hand.
    assert "锟" not in repair("乱码“锟皆ｏ拷锟斤拷”")


def test_the_text_written_around_a_lost_field_on_a_lost_line_stays():
    # A page's template (他说：, （来源：新华网）) around a field the UTF-8 reader lost: the label's
    # 他 (cb fb) and ： (a3 ba) hold bytes UTF-8 rejects, so the reader never saw them (it made a
    # mark of each such byte); the whole line was once made marks.
    lost = _lost("中文测试，北京市政府发布通知。")
    assert repair("他说：" + lost).startswith("他说：\ufffd")
    out = repair(lost + "（来源：新华网）")
    assert out.endswith("\ufffd（来源：新华网）") and "锟" not in out


def test_marks_read_as_big5_are_marks_too():
    # A Taiwan page: Big5 text through a UTF-8 replace reader, saved as UTF-8, read as Big5: 嚙踝蕭
    # is 锟斤拷's twin. Written as the reader's marks, one for each it wrote; the word quoted, a
    # name's 嚙 (嚙齒) stay.
    source = "國立臺灣大學的教授今天發表了研究報告。"
    upstream = source.encode("big5").decode("utf-8", "replace")
    damaged = upstream.encode("utf-8").decode("big5", "replace")
    assert damaged.startswith("嚙踝蕭")
    out = repair("他說：" + damaged)
    assert out.startswith("他說：\ufffd") and "嚙" not in out
    lost = out[3:]  # a lost line: what came through the reader whole is marked too
    assert lost.count("\ufffd") >= upstream.count("\ufffd")
    assert [c for c in lost if c.isascii()] == [c for c in upstream if c.isascii()]
    assert repair("「嚙踝蕭」是亂碼的代名詞") == "「嚙踝蕭」是亂碼的代名詞"
    assert repair("嚙齒動物的牙齒") == "嚙齒動物的牙齒"
