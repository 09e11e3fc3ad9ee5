"""Lines of a two-byte source read out of step by a decoder that lost bytes: read in step again."""

from __future__ import annotations

import difflib
import random
import re

import pytest
from wrong_decoders import DECODERS

from cleaner import Cleaner
from cleaner.langmodel import model
from cleaner.repair import decoders, mojibake, resync

GBK_LINE = "石田三成等人为主的《关原的年轻武者》，丰富游戏内的剧情。此部份专门介绍角色，欲知武器情报。"
BIG5_LINE = "在歐洲，梵語的學術研究，由德國學者陸特和漢斯雷頓開創。後來威廉·瓊斯發現印歐語系。"
HK_LINE = "香港特別行政區政府於一九九七年成立，負責管理香港的事務。"


def lattice():
    return resync._lattice(model())



def misread(text: str, codec: str, decoder: str, errors: str) -> str:
    return DECODERS[decoder].decode(text.encode(codec), errors)


def wrong(got: str, expected: str) -> int:
    """Lost + wrong + extra characters, by an alignment (as benchmarks/decoders.py counts)."""
    sm = difflib.SequenceMatcher(None, got, expected, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_gbk_read_as_big5_comes_back(errors):
    bad = misread(GBK_LINE, "gb18030", "big5", errors)
    fixed = resync.repair(bad)
    assert fixed.count == 1
    # The lost bytes of a character lost whole, or of a rare pair, are the model's to guess:
    # nearly all of the line comes back, in step to its end.
    assert wrong(fixed.text, GBK_LINE) <= 3
    assert fixed.text.endswith("情报。")


def test_a_line_over_the_limit_is_left_to_the_other_repairs(monkeypatch):
    # The lattice of a whole 480 kB line held 460 MB (probe19 D1); a line under the limit is read.
    bad = misread(GBK_LINE * 3, "gb18030", "big5", "replace")
    monkeypatch.setattr(resync, "MAX_LINE", len(bad) - 1)
    assert resync.repair(bad).count == 0
    monkeypatch.setattr(resync, "MAX_LINE", len(bad))
    assert resync.repair(bad).count == 1


@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_a_hong_kong_line_s_cantonese_is_read_in_big5_hkscs(errors):
    # 嘅 (9d ef) is Big5-HKSCS's own: Python's cp950 view keeps GBK's reading of it (濓), which
    # the model, not knowing Cantonese, scores as well as 嘅; the view that reads every pair
    # from the bytes wins (a kept character costs what the lattice makes it cost).
    line = "香港政府今日宣佈，新的交通安排嘅細節將於下星期一開始實施，市民應留意。"
    bad = misread(line, "big5hkscs", "gbk", errors)
    assert "濓" in bad
    fixed = resync.repair(bad)
    assert "嘅細節" in fixed.text
    assert wrong(fixed.text, line) <= (0 if errors == "replace" else 3)


def test_big5_read_as_gbk_with_bytes_dropped_comes_back():
    bad = misread(BIG5_LINE, "big5hkscs", "gbk", "ignore")
    assert "b" in bad  # 在 is a6 62: GBK drops a6 and shows the trail as a letter
    fixed = resync.repair(bad)
    assert wrong(fixed.text, BIG5_LINE) <= 4
    assert fixed.text.startswith("在歐洲，梵語")


@pytest.mark.parametrize("decoder", ["cp1252", "cp1250"])
def test_gbk_read_one_byte_a_character_with_bytes_dropped_comes_back(decoder):
    source = "馬祖列島是隸屬中華民國的群島，主要由南竿島、北竿島和高登島組成。"  # 島 is GBK 8d 75
    bad = misread(source, "gbk", decoder, "ignore")
    fixed = resync.repair_single_byte(bad)
    assert fixed.text == source
    # cp1252 drops 8d (島 comes back by a guess, with its finding); cp1250 shows it as Ť.
    assert bool(fixed.findings) == (decoder == "cp1252")


def test_big5_read_as_cp1252_is_read():
    bad = misread(HK_LINE, "big5", "cp1252", "ignore")
    assert resync.repair_single_byte(bad).text == HK_LINE


def test_guesses_are_findings_and_marked_without_guessing():
    bad = misread(GBK_LINE, "gb18030", "big5", "ignore")
    guessed = resync.repair(bad)
    marked = resync.repair(bad, guess=False)
    assert guessed.findings and len(marked.findings) == len(guessed.findings)
    assert all(f.kind == "lost-byte" for f in guessed.findings)
    for f in marked.findings:
        assert marked.text[f.position] == "\ufffd"
        assert guessed.text[f.position] == f.detail[0]


@pytest.mark.parametrize("text", [
    GBK_LINE, BIG5_LINE, HK_LINE,
    "←────-┬───┐\n┌───┬──────┼─",  # rare signs, no misread Han
    "鑫森淼焱垚，犇骉麤，孖烎靐龘。",  # rare but real characters
    "Le café à la crème était très bon, déjà vu à Noël.",
    "Zhōngguó rénmín yínháng shì guójiā.",
])
def test_clean_text_is_untouched(text):
    assert resync.repair(text).text == text
    assert resync.repair_single_byte(text).text == text


@pytest.mark.parametrize("cell", [
    "鮪 鰹 鯛",  # read as 李n 采业 李麦: every Han of it guessed
    "炜 萩 鸥 茜",  # 到選 值c 顫 塉: three guessed, two read
    "燊、箝、羮",  # 關、恒取B檇: a pair's trail read alone as a letter between Han
    "惇、蕙、憩、耦",
])
def test_a_short_cell_of_rare_names_is_no_line_read_out_of_step(cell):
    # A table cell or title field alone: what a reading of it gains comes from guesses, not bytes.
    assert resync.repair(cell).text == cell


def test_a_letter_a_browser_showed_after_its_mark_is_the_lines_own():
    # WHATWG big5 rejects GBK's 86 54 (員) and re-reads the ASCII trail: �T. A reading that keeps
    # such a letter between Han (這個f議) reads it in step, not out of it: the line is read.
    line = "議員表示，這項協議並不只是價格的問題，別的國家僅能依照規則處理，以免局勢混亂。"
    bad = misread(line, "gbk", "whatwg-big5", "replace")
    assert "\ufffdT" in bad
    fixed = resync.repair(bad)
    assert fixed.count == 1
    assert wrong(fixed.text, line) <= len(line) // 5


def test_utf8_read_one_byte_a_character_is_left_to_the_single_byte_reader():
    bad = "美国一部由Tara Butters和Michele Fazekas创造的电视剧".encode().decode("cp1252", "ignore")
    assert resync.repair_single_byte(bad).count == 0


@pytest.mark.parametrize("decoder", ["gbk", "gb18030", "whatwg-gbk", "iconv-gbk"])
@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_utf8_read_by_a_gbk_decoder_is_left_to_utf8_s_re_read(decoder, errors, monkeypatch):
    # Dense with rare Han, but its bytes are UTF-8: no two-byte view of it is read (each held a
    # dozen candidates a character, all to be refused), as Big5 read by the same decoder is.
    bad = DECODERS[decoder].decode(GBK_LINE.encode(), errors)
    assert resync._misread_two_byte(DECODERS[decoder].decode(BIG5_LINE.encode("big5hkscs"), errors))
    assert not resync._misread_two_byte(bad)

    def unread(*args, **kwargs):
        raise AssertionError("a view read")

    monkeypatch.setattr(resync, "read_in_step", unread)
    assert resync.repair(bad).count == 0


def test_a_second_pass_changes_nothing():
    for bad in (misread(GBK_LINE, "gb18030", "big5", "ignore"), misread(BIG5_LINE, "big5hkscs", "gbk", "ignore"),
                misread(GBK_LINE, "gb18030", "big5", "replace")):
        for guess in (True, False):
            once = resync.repair(bad, guess=guess).text
            assert resync.repair(once, guess=guess).text == once


def test_python_big5_view_writes_its_own_codes():
    # 器 is GBK c6 f7, which Python's big5 reads as ん; Big5-HKSCS writes ん as c7 7a.
    shown = b"\xc6\xf7".decode("big5")
    assert lattice().view(shown, decoders.BIG5_FAMILY, True)[0] == [0xC6, 0xF7]
    assert decoders.byte_view(shown, decoders.BIG5_FAMILY)[0] != [0xC6, 0xF7]


def test_the_lattice_puts_a_lost_lead_back_where_the_decoder_dropped_it():
    # 人 is GBK c8 cb: Python's big5 drops c8 (no such code) and reads cb with the next byte.
    bad = misread("等人为主", "gb18030", "big5", "ignore")
    stream, ends = lattice().view(bad, decoders.BIG5_FAMILY, True)
    items = lattice().best_path(stream, ends, "gbk", decoders.BIG5_FAMILY, "", resync.LOST_COST)
    assert "".join(item[0] for item in items) == "等人为主"
    assert len(items[1][2]) > 1  # 人 held a lost byte: a choice among its candidates




def test_a_browser_s_one_mark_for_a_pair_it_rejects_is_any_such_pair():
    # 人 is GBK c8 cb: a browser's big5 decoder (WHATWG, Big5-HKSCS's table) has no code there and
    # swallows the trail with the lead, one U+FFFD for both, whatever byte follows. Read as the
    # characters both of whose bytes a Python decoder drops (the trail rejected before the next
    # byte), the mark had 三 and 裏 for candidates and not 人 (研究三才).
    line = "亚太地区研究人才的培养。包括知识、技能和人才为一体的综合发展，是休闲场所，人们会在店里听歌。"
    bad = DECODERS["whatwg-big5"].decode(line.encode("gbk"), "replace")
    assert bad.count("\ufffd") == 3
    stream, ends = lattice().view(bad, decoders.BIG5_FAMILY, False)
    items = lattice().best_path(stream, ends, "gbk", decoders.BIG5_FAMILY, "", resync.LOST_COST)
    assert "人" in items[6][2]
    assert resync.repair(bad).text == line

@pytest.mark.parametrize("line, letters", [
    # 年 is a6 7e, 人 a4 48, 。 a1 43: a GBK decoder drops the leads (GBK's user-defined a1-a7 with
    # 40-a0) and shows the trails as `~`, `H`, `C`. The model scores Latin text flat (`~` after a
    # digit -1, a letter after a letter -1): read as they stood, they beat the leads put back.
    ("這座城市在2013年有人口368,011人。它是一位作家的療養地點，他在這裡寫成了那部小說。", "~HC"),
    ("河流會擁有跟河流大小不相符的寬廣河谷，這也可以解釋上游的變遷。", "jp"),
])
def test_big5_trails_shown_as_ascii_are_read_with_their_leads(line, letters):
    bad = misread(line, "big5hkscs", "gbk", "ignore")
    assert all(ch in bad for ch in letters)
    fixed = resync.repair(bad)
    assert not any(ch in fixed.text for ch in letters)
    assert wrong(fixed.text, line) <= 4  # characters lost whole (城, 的) are the model's to guess

def test_a_place_nothing_reads_leaves_the_rest_of_the_line_read():
    # 䇲 is GB18030's four-byte 82 32 d? 33: Python's big5 marks the two high bytes and keeps the
    # digits (`闭�2�3`), which no pair of the lattice reads. The whole line's reading failed, and
    # the line stayed mojibake; the mark's token is now kept as the decoder showed it.
    line = "别称双翼豆、闭䇲木、黄燄木及翅果木等，是豆科盾柱木属的植物，原产于中国海南岛。"
    bad = misread(line, "gb18030", "big5", "replace")
    assert "\ufffd2\ufffd3" in bad
    fixed = resync.repair(bad)
    assert fixed.count == 1
    assert fixed.text.startswith("别称双翼豆、闭") and fixed.text.endswith("原产于中国海南岛。")
    assert wrong(fixed.text, line) <= 5  # the four-byte code's marks, a guess


def test_a_pair_read_across_two_characters_that_each_lost_a_byte():
    # 如果 is GBK c8 e7 b9 fb: Python's big5 drops c8, reads e7 b9 as one character (绻 in GBK)
    # and drops fb. Two lost bytes at 3 each lost to 绻 by 0.03 (a lost byte costs 1.5 now).
    line = "马上可得的性质如果我们定义算子的范数。"
    bad = misread(line, "gb18030", "big5", "ignore")
    assert resync.repair(bad).text == line


def test_a_page_whose_decoder_marks_lost_nothing_unmarked():
    # A browser's big5 marks what it rejects; its pages' unmarked letters are letters. Between Han
    # (`和B组`) a letter read as the trail of a lost lead for free came back 丅 (81 42).
    page = "中国队在A组和B组的比赛中获胜。\n研究人员认为他们的身体很好，三个人参加比赛。"
    bad = DECODERS["whatwg-big5"].decode(page.encode("gbk"), "replace")
    assert "\ufffd" in bad.split("\n")[1] and "\ufffd" not in bad.split("\n")[0]
    assert resync.repair(bad).text == page


def test_a_mark_in_a_clean_line_says_nothing_of_the_misread_ones():
    # One U+FFFD a user's page holds in a clean line (typed, pasted) is no decoder's mark: the
    # lines read by big5 with ``ignore`` still lost bytes unmarked, and are read so.
    src = ["记者从市教委获悉，今年本市将新建、改扩建中小学五十所，新增学位约五万个，重点向城市副中心倾斜。",
           "据介绍，新建学校将全部按照高标准建设，配备现代化的教学设施和体育场馆，部分学校将于今年九月投入使用。",
           "市教委相关负责人表示，下一步将继续加大投入力度，推动优质教育资源均衡配置，努力让每一个孩子都能上好学。"]
    bad = [line.encode("gbk").decode("big5", "ignore") for line in src]
    page = "\n".join(["本站声\ufffd：部分内容来自网络，如有侵权请联系删除。", *bad])
    assert resync.repair(page).text.split("\n")[1:] == src


# --- the native lattice against the Python original (tests/reference_resync.py) --------------

import reference_resync  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, damaged_line, text_inputs  # noqa: E402

VIEWS = resync.TWO_BYTE_VIEWS + resync.SINGLE_VIEWS
PREVS = ["", "，", "国", "a", "國家", "1"]


@SETTINGS
@given(text=text_inputs, view=st.sampled_from(VIEWS), prev=st.sampled_from(PREVS), lossless=st.booleans())
def test_native_reading_is_the_reference(text, view, prev, lossless):
    family, cp950, source = view
    lost_cost = resync.SINGLE_LOST_COST if family == decoders.SINGLE_FAMILY else resync.LOST_COST
    assert lattice().view(text, family, cp950) == reference_resync.view(text, family, ("cp950",) if cp950 else None)
    assert (lattice().read(text, family, cp950, source, prev, lost_cost, lossless)
            == reference_resync.read(text, family, cp950, source, prev, lost_cost, lossless))


# Byte streams of every shape the lattice meets: ASCII, lead and trail bytes, GB18030's four-byte
# codes (BMP and beyond, and past their ends), U+FFFD marks (None); token ends anywhere.
_byte = st.one_of(st.integers(0, 0xFF), st.sampled_from([0x30, 0x39, 0x81, 0x84, 0x90, 0xE3, 0xE4, 0xFE, 0xFF]))
_four = st.tuples(st.integers(0x81, 0xFE), st.integers(0x30, 0x39), st.integers(0x81, 0xFE),
                  st.integers(0x30, 0x39)).map(list)
_piece = st.one_of(_byte.map(lambda b: [b]), _four, st.just([None]))


@SETTINGS
@given(pieces=st.lists(_piece, max_size=12), cut=st.lists(st.booleans(), min_size=48, max_size=48),
       source=st.sampled_from(["gbk", "big5", "big5hkscs"]),
       family=st.sampled_from([decoders.GBK_FAMILY, decoders.BIG5_FAMILY, decoders.SINGLE_FAMILY]),
       prev=st.sampled_from(PREVS))
def test_native_lattice_of_any_stream_is_the_reference(pieces, cut, source, family, prev):
    stream = [b for piece in pieces for b in piece]
    ends = [k for k in range(1, len(stream) + 1) if k == len(stream) or cut[k % len(cut)]]
    # Some tokens may be kept as shown (resync.KEEP_COST): a sign, a common or a rare character.
    shown = [(start, end, "，國鑫"[k % 3]) for k, (start, end) in enumerate(zip([0, *ends], ends, strict=False))
             if cut[(k + 7) % len(cut)]]
    assert (lattice().best_path(stream, ends, source, family, prev, resync.LOST_COST, shown)
            == reference_resync.best_path(stream, ends, source, family, prev, resync.LOST_COST, shown))


@SETTINGS
@given(lines=st.lists(st.one_of(damaged_line(), text_inputs), min_size=1, max_size=4), guess=st.booleans())
def test_native_repair_is_the_reference(lines, guess):
    # The whole repair with the reference lattice in the native one's place: the same text, the
    # same count of lines and the same findings (each guess, its runner-up and margin).
    text = "\n".join(lines)
    native = (resync.repair(text, guess), resync.repair_single_byte(text, guess))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(resync, "_lattice", lambda lm, dropped=None: reference_resync if dropped is None
                  else reference_resync.dropping(dropped))
        reference = (resync.repair(text, guess), resync.repair_single_byte(text, guess))
    assert native == reference


@SETTINGS
@given(lines=st.lists(st.one_of(text_inputs, damaged_line(), st.text(alphabet="鑫淼焱垚犇骉的是\n", max_size=12)), max_size=5))
def test_the_lines_the_page_s_rare_han_name_are_those_a_line_s_own_search_takes(lines):
    # The page's one search names exactly the lines holding LINE_RARE_MIN rare Han; with the lines
    # holding a mark of Big5 read as GBK, every line _misread_two_byte takes.
    text = "\n".join(lines)
    by_line = [sum(1 for ch in mojibake.rare_chars(line) if "\u3400" <= ch <= "\u9fff") for line in text.split("\n")]
    suspects = set(resync._rare_han_lines(text))
    assert suspects == {k for k, n in enumerate(by_line) if n >= resync.LINE_RARE_MIN}
    assert {k for k, line in enumerate(text.split("\n")) if resync._misread_two_byte(line)} <= resync._suspects(text)


def test_a_page_of_rare_han_in_lines_of_their_own_is_searched_line_by_line():
    assert resync._rare_han_lines("鑫森\n淼焱垚\n的是鑫\n犇骉的是淼") == [1, 3]


# A correct stretch beside a misread block on its line (a post's 【转载】 before a Big5 post a GBK
# decoder read, a note after it) is not read with the block where the reading cuts the bytes there.
QUOTED = "台灣的高等教育在過去二十年間經歷了巨大的變化，大學數量從數十所增加到一百多所，入學率也大幅提高。"


@pytest.mark.parametrize("before,after", [("【转载】", ""), ("【公告】", ""), ("", "（全文完）"), ("【转载】", "（全文完）")])
def test_correct_edges_of_a_line_read_in_step_stay_as_they_were(before, after):
    line = before + QUOTED.encode("big5").decode("gbk", errors="replace") + after
    out = resync.repair(line).text
    assert out.startswith(before) and out.endswith(after)
    assert out[len(before) : len(out) - len(after)][:8] == QUOTED[:8]


# Big5's commonest Han are GBK's kana, Greek and Cyrillic rows, and 年 (a6 7e) a pair GBK leaves
# undefined before an ASCII trail: a short dated line read by a GBK decoder holds few rare Han.
DATED = ["2016年5月20日，蔡英文在台北宣誓就任中華民國總統。", "新北市在2010年12月25日正式升格為直轄市。",
         "他於1987年7月15日回到台灣。", "民國38年12月7日，政府遷至台北。", "1月1日是元旦。"]


@pytest.mark.parametrize("line", DATED)
@pytest.mark.parametrize("decoder", ["gbk", "gb18030"])
def test_a_short_big5_line_of_common_characters_read_by_gbk_comes_back(line, decoder):
    # (Before the marks counted, none of these lines was read: too few rare Han, or too small a share.)
    bad = line.encode("cp950").decode(decoder, "replace")
    assert resync.repair(bad).text == line


@pytest.mark.parametrize("text", [
    "ありがとうございます。東京は今日も晴れです。",  # Japanese: kana and no mark
    "α、β、γ為希臘字母，Ω表示電阻的單位。",  # Greek in Chinese prose
    "價格：�A級品 300元",  # a lone mark before a letter, in clean text
])
def test_signs_of_gbk_s_rows_without_a_mark_are_no_big5(text):
    assert resync.repair(text).text == text


def test_marks_before_ascii_letters_count_with_the_signs_only_where_they_stand():
    assert resync._big5_shown("いチる") == 0  # kana alone: no mark, no evidence
    assert resync._big5_shown("1949�~1る1ら") == 3  # a mark and its trail, two kana
    assert resync._big5_shown("1949\ue6e41る1ら") == 3  # GB18030's private-use code for a6 7e


@pytest.mark.parametrize("decoder", ["gbk", "gb18030"])
def test_a_big5_page_s_indentation_comes_back_as_ideographic_spaces(decoder):
    # Big5's ideographic space (a1 40) is a GBK decoder's mark and "@": the model, which scores no
    # space, read two of them at a line's start as Han (一世). A page indents its paragraphs alike.
    page = "\u3000\u3000臺北市政府於2015年3月2日公布新的交通規則。\n\u3000\u3000市民可以上網查詢。"
    fixed = resync.repair(page.encode("cp950").decode(decoder, "replace"))
    assert fixed.text == page


def test_one_line_starting_with_the_marks_is_read_as_the_model_reads_it():
    # 一世 is a4 40 a5 40, shown as the same marks: one line alone says nothing of indentation.
    line = "一世紀以來，臺灣的人口增加了十倍。"
    bad = line.encode("cp950").decode("gbk", "replace")
    assert bad.startswith("\ufffd@\ufffd@")
    assert not resync.repair(bad).text.startswith("\u3000")


def test_the_short_lines_of_a_page_read_in_step_are_read_too():
    # A shop page in GBK read by a Big5 decoder: its paragraph holds rare Han enough to be read,
    # its heading and buttons (商品详情 is 妀こ砆①: one rare Han) too few alone.
    page = "商品详情\n这款保温杯采用304不锈钢内胆，保温效果好，容量500毫升，适合上班族和学生使用。\n用户评价（128）\n立即购买"
    misread = page.encode("gbk").decode("big5", "replace")
    assert resync.repair(misread).text == page
    # A page none of whose lines is read keeps its short lines as they are.
    alone = "商品详情\n" + misread.split("\n")[2]
    assert resync.repair(alone).text == alone


def test_the_runs_of_high_characters_are_searched_from_their_first_character():
    """Two high characters in a row, the first written apart: re skips ahead to it (``[…]{2,}``
    named none, tried at every character of a page), and the runs are those ``[…]{2,}`` finds."""
    from pattern_starts import skips_ahead

    runs = resync._single_high_runs()  # noqa: SLF001
    assert skips_ahead(runs)
    first = re.compile(f"{resync._single_high().pattern}{{2,}}")  # noqa: SLF001
    rng = random.Random(39)
    for _ in range(500):
        text = "".join(rng.choice(["é", "Ã", "¤", "€", "中", "a", " ", "“", "\n", "@"]) for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in runs.finditer(text)] == [m.span() for m in first.finditer(text)]


@pytest.mark.parametrize("text", [
    # Big5 read as GBK, each guess a whole character lost: among a row of candidates the pair of a
    # frequent web word with one neighbour won (進去, 將近, 相中, 上門) where the web words' pairs
    # counted (context.WEB_PAIR_WEIGHT: not for resync's guesses).
    "據縣誌記載，本縣共有進士201名，舉人更多。",
    "憲法修正案將於2018年總統選舉時實施。",
    "他23歲，3月自中學畢業，並入伍。",
    "孫中山命他到上海羅致軍官，在廣州開學。",
])
def test_whole_character_guesses_are_decided_without_the_web_words(text):
    cleaner = Cleaner(to="keep", remove_furniture=False, generic_furniture=False)
    assert cleaner.run(misread(text, "big5", "gbk", "replace")).text == text
