"""Mojibake from the code pages the single-byte view does not model (cleaner/repair/code_pages.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.repair.code_pages import MODELED, OTHERS, best_code_page, repair_code_pages, shown_high

ARTICLE = "中华人民共和国国务院新闻办公室今天举行发布会，介绍经济发展情况。"
TRADITIONAL = "中華人民共和國國務院新聞辦公室今天舉行發布會，介紹經濟發展情況。"
# Pages whose every byte 80-ff is defined: the bytes come back whole, so must the text.
WHOLE = ("iso8859_15", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_roman", "mac_cyrillic",
         "cp437", "cp850", "cp852", "cp866")


@pytest.mark.parametrize("codec", WHOLE)
@pytest.mark.parametrize("source", ["utf-8", "gbk"])
def test_a_lossless_code_page_comes_back_exactly(codec, source):
    broken = ARTICLE.encode(source).decode(codec)
    assert best_code_page(broken) == codec
    repair = repair_code_pages(f"据报道，{broken}\n下一行")
    assert repair.text == f"据报道，{ARTICLE}\n下一行" and repair.count >= 1 and not repair.findings


def test_through_the_cleaner_it_is_a_step():
    result = Cleaner(to="keep").run("据报道，" + ARTICLE.encode("utf-8").decode("mac_roman"))
    assert result.text == "据报道，" + ARTICLE
    assert any(s.name == "read-as-other-code-page" for s in result.steps)


def test_what_the_single_byte_view_models_is_left_to_it():
    # cp1252 and Latin-1 mojibake is the single-byte repair's (with its holes and guesses).
    for codec in MODELED:
        broken = ARTICLE.encode("utf-8").decode(codec, errors="replace")
        assert repair_code_pages(broken).count == 0
    assert not set(MODELED) & set(OTHERS)


def test_lost_bytes_are_guessed_and_reported():
    # cp1253 leaves 81, 88, 8a, 8c-90 ... undefined: a lost byte is a U+FFFD, then a guess.
    broken = "他说发展经济。".encode("utf-8").decode("cp1253", errors="replace")
    assert "\ufffd" in broken
    repair = repair_code_pages(broken)
    assert repair.count and repair.findings and all(f.kind == "lost-byte" for f in repair.findings)
    for f in repair.findings:
        assert repair.text[f.position] == f.detail[0]
    # Without guessing the same reading is made, each guess a U+FFFD (once nothing was re-read,
    # and this loop over no findings passed).
    marked = repair_code_pages(broken, guess=False)
    assert marked.count == repair.count and marked.text.count("\ufffd") == len(repair.findings)
    assert [c for c in marked.text if c != "\ufffd"] == [c for i, c in enumerate(repair.text)
                                                         if i not in {f.position for f in repair.findings}]


@pytest.mark.parametrize("clean", [
    "Zürich、Café、Ελληνικά、Русский язык和Łódź都是外文。",
    "他在《Гарри Поттер》里演出，2008年在Kraków定居。",
    "温度为±5°C，面积约√2平方公里，价格×2÷3。",
    "├──目录\n│  └──文件",
    "操场──又称运动场────是场地。═══",
    "┌───┬─────┐\n│ 甲 │ 乙丙 │\n└───┴─────┘",
    "泰国的东芭乐园（สวน นงนุช）和俄语的Москва。",
    ARTICLE,
])
def test_clean_text_is_untouched(clean):
    assert repair_code_pages(clean) == (clean, 0, [])


def test_a_run_no_code_page_covers_is_left():
    assert best_code_page("ä¸\u4e2dæ–‡") is None  # a Han character inside: no code page shows it
    assert best_code_page("ä¸\u01ce") is None  # ǎ, a pinyin tone mark: in no code page of the list


@pytest.mark.parametrize(("source", "codec"), [("gbk", "cp949"), ("gbk", "euc_kr"), ("gbk", "cp932"), ("utf-8", "cp932")])
def test_chinese_bytes_through_a_japanese_or_korean_decoder_come_back(source, codec):
    broken = ARTICLE.encode(source).decode(codec, errors="replace")
    repair = repair_code_pages(f"据报道，{broken}\n下一行")
    assert repair.text.startswith("据报道，中华人民") and repair.text.endswith("\n下一行")
    # What the decoder lost (a U+FFFD for a byte it rejected before the next one) is filled by
    # that decoder's rules, each guess a finding (cleaner/repair/multi_byte_marks.py). Filled as
    # the single-byte view fills a mark, 5 of these 32 characters came back wrong through cp932.
    assert repair.text[4:-4] == ARTICLE
    assert 0 < len(repair.findings) <= broken.count("\ufffd") * 2


# What charset_normalizer (requests' apparent_encoding) names for short Chinese pages beside
# cp949: JIS X 0213's Shift_JIS for Big5 and GBK, Johab for Big5. Before they were in MULTI_BYTE
# nothing of these came back (Big5 through shift_jis_2004: 1,116 errors per 1,000 of 1,682).
@pytest.mark.parametrize(("source", "codec"), [("big5", "shift_jis_2004"), ("gbk", "shift_jis_2004"), ("big5", "johab")])
def test_chinese_bytes_through_the_decoders_a_detector_names_come_back(source, codec):
    article = TRADITIONAL if source == "big5" else ARTICLE
    broken = article.encode(source).decode(codec, errors="replace")
    repair = repair_code_pages(f"据报道，{broken}\n下一行")
    assert repair.text.startswith("据报道，") and repair.text.endswith("\n下一行")
    right = sum(a == b for a, b in zip(repair.text[4:-4], article, strict=False))
    assert right >= len(article) - 2, repair.text


def test_an_ascii_sign_of_the_run_is_its_own_byte_under_every_decoder():
    # JIS X 0213's Shift_JIS writes ~ as 81 b0: Big5 漢 (ba 7e) through shift_jis, ｺ~, read so
    # put the bytes out of step, and a paragraph's reading by shift_jis_2004 kept 96 of its 358
    # characters and won (its total log-probability the higher for being short).
    article = "漢江有北源沮水、中源漾水河、南源玉帶河三個源頭，均位於陝西省漢中市內。" * 6
    broken = article.encode("big5").decode("shift_jis", errors="replace")
    assert repair_code_pages(broken).text == article


@pytest.mark.parametrize(("source", "codec"), [("gbk", "cp932"), ("utf-8", "cp932"), ("gbk", "cp949"), ("utf-8", "cp949"),
                                               ("utf-8", "shift_jis_2004")])
def test_the_clean_text_after_a_stretch_is_not_read_with_it(source, codec):
    # The decoder shows the clean text after the stretch as itself, and the run went on through
    # it: （完）本文来源于新华社 re-read from cp932's bytes of it as GBK was 乮姰乯杮暥棃尮槹怴华社.
    line = "记者报道：" + ARTICLE.encode(source).decode(codec, errors="replace") + "（完）本文来源于新华社。"
    assert Cleaner(to="keep").clean(line) == "记者报道：" + ARTICLE + "（完）本文来源于新华社。"


def test_the_clean_text_before_a_stretch_is_not_read_with_it():
    # 道， are characters a Korean decoder shows as themselves; read with the stretch, 道 became 猿.
    broken = ARTICLE.encode("gbk").decode("cp949", errors="replace")
    assert repair_code_pages(f"据报道，{broken}").text.startswith("据报道，中华")


def test_a_decoder_that_marked_half_the_bytes_is_read_by_utf8s_grammar():
    """Not cut into kana or hangul pieces (too many marks for them): read whole by
    ``utf8_marks``, most characters back."""
    broken = ARTICLE.encode("utf-8").decode("euc_kr", errors="replace")
    fixed = repair_code_pages(broken)
    assert fixed.count
    right = sum(a == b for a, b in zip(fixed.text, ARTICLE, strict=False))
    assert right > 0.5 * len(ARTICLE)


@pytest.mark.parametrize("clean", [
    "白い春是日本电视剧，《ドラゴンボール》（龍珠）是漫画。",
    "大韩民国（대한민국）的首都是首尔（서울），ｶﾀｶﾅ是半角片假名。",
])
def test_japanese_and_korean_in_clean_text_are_untouched(clean):
    assert repair_code_pages(clean) == (clean, 0, [])


@pytest.mark.parametrize("clean", [
    "据报道，신태영和史密斯说，",  # came back 据报猿，脚怕康和史密斯说
    "据报道，최우서和Smith说，",  # 据报猿，弥快辑和Smith说
    pytest.param("韩国演员황동하在首尔出席活动。", marks=pytest.mark.xfail(  # 韩国演员驳壳项首尔
        strict=True, reason="the reading 驳壳项 (在 with it) beats the name scored as a word at KOREAN_SYLLABLE -6; "
                            "-5 keeps it and costs GBK read by a browser's EUC-KR 26.7 -> 32.7 a page")),
    "韩国演员조진진在首尔出席活动。",  # 韩国演员조本仲首尔
    "据报道，홍재성和史密斯说，",  # 据报猿，全犁己和史密斯说
])
def test_a_korean_name_beside_han_is_untouched(clean):
    """A Korean name written in Hangul beside a Han character is a word, not bytes a Korean
    decoder misread: a reading must beat its syllables scored as a word, not as unseen characters."""
    assert repair_code_pages(clean) == (clean, 0, [])


@pytest.mark.parametrize(("source", "codec"), [("utf-8", "mac_roman"), ("utf-8", "cp1253"), ("gbk", "cp866"),
                                               ("utf-8", "shift_jis"), ("gbk", "cp949"), ("big5", "cp932"),
                                               ("utf-8", "cp932"), ("utf-8", "cp949"), ("gbk", "cp932"), ("big5", "cp949")])
def test_a_second_clean_changes_nothing(source, codec):
    text = "新闻办公室今天举行发布会，介绍經濟發展情況。".encode(source, errors="replace").decode(codec, errors="replace")
    for to in ("keep", "zh-hans"):
        cleaner = Cleaner(to=to)
        once = cleaner.clean(f"据报道，{text}")
        assert cleaner.clean(once) == once


def test_runs_of_a_page_without_the_hint_are_not_cut_per_decoder(monkeypatch):
    # A Korean name puts the multi-byte hint on the page, so every run of Han is a run of what a
    # Japanese or Korean decoder shows; only the run holding the hint can be one it made.
    from cleaner.repair import code_pages

    asked: list[str] = []
    shows = code_pages._shows
    monkeypatch.setattr(code_pages, "_shows", lambda ch, codec: asked.append(ch) or shows(ch, codec))
    name = "윤석열"
    text = f"韩国总统{name}今天发表讲话。\n" + ARTICLE * 3
    assert repair_code_pages(text).text == text
    assert asked and set(asked) <= set(f"韩国总统{name}今天发表讲话。")


def test_cp932_s_byte_80_is_read_back():
    # cp932 shows byte 80 as U+0080 (技 is e6 8a 80: 謚 then U+0080); the run stopped there and
    # 技 came back as a guess (惊).
    clean = "中国空间技术研究院的主要研究中心"
    shown = clean.encode("utf-8").decode("cp932", errors="replace")
    assert "\x80" in shown
    assert "技" in repair_code_pages(shown).text


def test_every_single_byte_page_of_python_is_read():
    # Enumerated from the encodings package, not listed: the Greek, Arabic, Baltic DOS pages too.
    for codec in ("cp720", "cp737", "cp775", "ptcp154", "mac_greek", "iso8859_16", "cp1256"):
        assert codec in OTHERS
        broken = ARTICLE.encode("utf-8").decode(codec)
        assert repair_code_pages(f"据报道，{broken}").text == f"据报道，{ARTICLE}", codec


def test_a_pages_marks_are_its_own_undefined_bytes():
    # 李 is e6 9d 8e: cp1254 marks both continuation bytes, and 8e is no byte cp1252 leaves
    # undefined (the single-byte view read it 提). cp1251's one undefined byte makes 优 exact.
    text = "李先生说，环境保护措施需要优化。"
    assert Cleaner(to="keep").clean(text.encode("utf-8").decode("cp1254", "replace")) == text
    assert Cleaner(to="keep").clean(text.encode("utf-8").decode("cp1251", "replace")) == text
    assert Cleaner(to="keep").clean(text.encode("utf-8").decode("cp1254", "ignore")) == text


def test_thai_letters_with_marks_are_read_and_thai_text_is_not():
    # UTF-8 through cp874 shows Thai letters with U+FFFD between (its 80-9f are mostly
    # undefined): one block, but marks are no Thai text.
    broken = ARTICLE.encode("gbk").decode("cp874", "replace")
    assert "\ufffd" in broken
    assert repair_code_pages(broken).text == ARTICLE
    thai = "泰国的东芭乐园（สวนนงนุช สวนนงนุช）。"
    assert repair_code_pages(thai).text == thai


@pytest.mark.parametrize("codec", ["cp874", "tis_620", "iso8859_11"])
def test_thai_letters_with_trail_bytes_between_are_read_and_thai_text_is_not(codec):
    # Big5 through a Thai page with errors="ignore" (or one that marks nothing there): Thai
    # letters alone, no mark, but the two-byte codes' ASCII trail bytes stand between them
    # (中華 a4 a4 b5 d8 is คคตุ, 國 b0 ea ฐ๊, 會 b7 7c ท|): Thai text glues no single letter or
    # sign between its letters.
    broken = TRADITIONAL.encode("big5").decode(codec, "ignore")
    assert "\ufffd" not in broken
    assert Cleaner(to="keep", remove_furniture=False).clean(broken) == TRADITIONAL
    for thai in ("泰国的东芭乐园（สวนนงนุช）位于春武里府。", "曼谷（กรุงเทพมหานคร，Bangkok）是泰国首都。",
                 "他在iPhoneรุ่นใหม่上写道：ราคา100บาท。"):
        assert repair_code_pages(thai).text == thai


@pytest.mark.parametrize("text", ["半角ｶﾀｶﾅ和全角カタカナ混排。", "半角カナ：ｱｲｳｴｵ，全角カナ：アイウエオ。"])
def test_clean_japanese_beside_halfwidth_katakana_stays(text):
    # Halfwidth katakana is the hint of a Japanese decoder's misreading; the fullwidth kana and
    # Han beside it show nothing misread (no halfwidth kana, mark or rare Han of their own), and
    # the model, which knows no kana, let a Chinese reading of their bytes beat them (市正市瓜漁怯).
    assert repair_code_pages(text).text == text


def test_a_stretch_another_decoder_reads_far_better_is_not_re_read(monkeypatch):
    # UTF-8 read as cp949 is also shown by euc_kr, piece by piece (cut at cp949's own hangul),
    # whose bytes read as Big5 nonsense: re-reading those pieces, every start of them tried by
    # the single-byte repair, was three quarters of such a page's cost, for nothing.
    from cleaner.repair import code_pages

    text = (ARTICLE * 6).encode("utf-8").decode("cp949", "replace")
    reread: list[str] = []
    original = code_pages._reread
    monkeypatch.setattr(code_pages, "_reread", lambda run, codec, guess: reread.append(codec) or original(run, codec, guess))
    fixed = repair_code_pages(text)
    assert "cp949" in reread
    run = next(code_pages._multi_byte_patterns()[1].finditer(text)).group()
    candidates = code_pages._candidates(run, code_pages._multi_byte_patterns()[0], code_pages.MULTI_BYTE)
    dominated = [c for c in candidates if c not in code_pages._undominated(run, candidates)]
    assert any(codec == "euc_kr" for _, _, codec in dominated)
    assert reread.count("euc_kr") < sum(1 for *_, codec in candidates if codec == "euc_kr")
    # And the page still comes back (as it did when every piece was re-read).
    assert sum(a != b for a, b in zip(fixed.text, ARTICLE * 6)) <= len(ARTICLE)


def test_a_mac_roman_page_with_spaces_is_read_before_the_no_break_space_reading():
    # The no-break-space stage took a real space between Mac Roman mojibake for cp1252's lost a0
    # and the page no longer read as Mac Roman (a probe's page came out `Ê“` and unread runs).
    from cleaner import Cleaner

    text = "朱祐杬，明宪宗第四子，明世宗之父，明孝宗异母弟。 “母亲是邵宸妃，妻为蒋氏。”成化十二年七月初二日生，成化二十三年七月十一日受封兴王。"
    assert Cleaner(to="keep").run(text.encode().decode("mac_roman")).text == text


def test_the_code_pages_are_listed_from_disk_without_importing_every_codec():
    # Listing them imported about 120 codec modules (25-30 ms of every process's start): kept on
    # disk, a later process imports none of them.
    import subprocess
    import sys

    from cleaner.repair import code_pages

    code = ("import sys; from cleaner import Cleaner; Cleaner().clean('中文是中文。'); "
            "print(len([m for m in sys.modules if m.startswith('encodings.')]))")
    for _ in range(2):  # the first may build the copy
        imported = int(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
    assert imported < 20
    assert OTHERS == _others_as_built() and code_pages._tables() == {c: code_pages._high_chars(c) for c in MODELED + OTHERS}


def _others_as_built():
    from cleaner.repair.code_pages import COMMON_FIRST, _shows_ascii_for_a_high_byte, ascii_code_pages

    return COMMON_FIRST + tuple(c for c in ascii_code_pages() if c not in COMMON_FIRST + MODELED and not _shows_ascii_for_a_high_byte(c))


# --- the stretches a multi-byte decoder shows, found from their hints --------------------------


def test_shown_high_holds_the_views_characters_and_the_other_pages_no_two_byte_view_shows():
    shown = set(shown_high())
    assert {"\xad", "\xe4", "\u20ac", "\u013a", "\u0107"} <= shown  # Latin-1, cp1252, cp1250 (ĺ ć)
    assert {"\u05d0", "\u0627", "\ufe95"} <= shown  # Hebrew (cp1255), Arabic (iso8859_6), cp1006's presentation form
    assert not {"\u2512", "\u03b1", "\u0431"} & shown  # ┒ α б: GBK mojibake shows them too
    assert not any(ch < "\x80" or ch == "\ufffd" for ch in shown)

import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402

from cleaner.repair import code_pages  # noqa: E402


def _pieces_of_every_stretch(run, hint, codecs):
    """code_pages._pieces as it was: every stretch of the run each decoder shows, cut out of
    the whole run, then those holding a hint kept (with and without the common characters each
    starts and ends with)."""
    found = []
    for codec in codecs:
        for m in re.finditer(r"[^\x00-\x20]+", "".join(ch if code_pages._shows(ch, codec) else "\x00" for ch in run)):
            stretch = m.group()
            lead = 0
            while lead < len(stretch) and code_pages._common(stretch[lead]):
                lead += 1
            tail = 0
            while tail < len(stretch) - lead and code_pages._common(stretch[-1 - tail]):
                tail += 1
            for skip in {0, lead}:
                for cut in {0, tail}:
                    piece = stretch[skip:len(stretch) - cut]
                    if piece and code_pages._varied(piece) and hint.search(piece) and code_pages._mixed(piece):
                        found.append((m.start() + skip, m.end() - cut, codec))
    return found


_KOREAN_MISREAD = st.sampled_from(["김정은", "서울특별시", "ｶ}ｩl･Xｪｩ", "櫓빽훙췽묾", "荳ｭ蜊惹ｺｺ", "금 종국", "金锺国"]).map(
    lambda s: s + "".join(sorted(s)))


@SETTINGS
@given(parts=st.lists(st.one_of(text_inputs, _KOREAN_MISREAD, st.sampled_from(["\ufffd", " ", "\x00", "据报道，"])), max_size=6))
def test_the_stretches_found_from_their_hints_are_those_of_the_whole_run(parts):
    run = "".join(parts)
    hint, _ = code_pages._multi_byte_patterns()
    assert code_pages._pieces(run, hint, code_pages.MULTI_BYTE) == _pieces_of_every_stretch(run, hint, code_pages.MULTI_BYTE)


@pytest.mark.parametrize("codec", ["mac_roman", "cp437", "koi8_r"])
def test_a_run_ending_in_a_two_byte_codes_ascii_trail_is_read_with_it(codec):
    # Big5 」 is a1 76 and 年 a6 7e: the run of the code page's characters ends before the trail
    # byte's letter (°v, ¶~), and was read without it (問題。¡v); and 月 between two digits
    # (2§Î2) is read in step, as the page's Latin-1 form would be.
    text = "他說：「這是一個重要的問題。」"
    assert Cleaner(to="keep", remove_furniture=False).clean(text.encode("cp950").decode(codec)) == text
    dated = "少。1786年2月2日，亞洲協會成立。"
    assert Cleaner(to="keep", remove_furniture=False).clean(dated.encode("cp950").decode(codec)) == dated


def test_the_dominated_candidates_are_those_every_pair_would_drop():
    """``_undominated`` compares only overlapping candidates: the same as asking every pair."""
    from cleaner.repair.code_pages import DOMINATED, MULTI_BYTE, _candidates, _multi_byte_patterns, _plain_score, _undominated

    hint, run_pattern = _multi_byte_patterns()
    text = "".join(ARTICLE.encode(source).decode(codec, errors="replace") + "，김민재和Müller，"
                   for source, codec in (("gbk", "cp949"), ("gbk", "johab"), ("utf-8", "cp932"), ("gbk", "shift_jis_2004")))
    compared = 0
    for m in run_pattern.finditer(text):
        candidates = _candidates(m.group(), hint, MULTI_BYTE)
        scores = [_plain_score(m.group()[a:b], codec) for a, b, codec in candidates]
        every_pair = [(a, b, codec) for (a, b, codec), score in zip(candidates, scores, strict=True)
                      if not any(c <= a and b <= d and other > score + DOMINATED
                                 for (c, d, _), other in zip(candidates, scores, strict=True))]
        assert _undominated(m.group(), candidates) == every_pair
        compared += len(candidates)
    assert compared > 10


def test_a_stretch_a_line_repeats_is_re_read_once(monkeypatch):
    """A stretch repeated along a line (a Korean name beside a Latin word, each time it is named)
    is re-read once for each decoder and guessing, and scored plainly once: the same text as when
    each was read again, in time linear in the distinct stretches, not in the line."""
    from cleaner.repair import code_pages

    line = "据报道，김민재和Smith说，" * 40
    base = repair_code_pages(line)
    reread: list[tuple[str, str, bool]] = []
    scored: list[tuple[str, str]] = []
    original, score = code_pages._reread, code_pages._plain_score
    monkeypatch.setattr(code_pages, "_reread", lambda run, codec, guess: reread.append((run, codec, guess)) or original(run, codec, guess))
    monkeypatch.setattr(code_pages, "_plain_score", lambda run, codec: scored.append((run, codec)) or score(run, codec))
    again = repair_code_pages(line)
    assert again == base and again.text == line
    assert reread and len(reread) == len(set(reread))
    assert scored and len(scored) == len(set(scored))
    # One round reads the line (none is re-read), each stretch once per Korean decoder.
    assert len({codec for _, codec, _ in reread}) >= 2
