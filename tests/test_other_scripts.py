"""UTF-8 of Japanese, Korean and other scripts read by a GBK, Big5 or cp1252 decoder
(cleaner/repair/other_scripts.py), alone and through the pipeline."""

import difflib
import re
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.repair import decoders, mojibake, other_scripts
from wrong_decoders import DECODERS

JAPANESE = [
    "東京都は新しい条例を制定した。これは外国人観光客の増加に対応するためである。",
    "国際会議は来週開催される予定で、経済対策について議論する。",
    "昨日の夜、友達と一緒に駅前の居酒屋で食事をしました。",
    "この映画は日本だけでなく、海外でも高い評価を受けている。",
    "明日の天気は晴れのち曇り、午後から雨が降るでしょう。",
    "新しいスマートフォンは来月から全国の店舗で販売されます。",
    "彼女は大学で経済学を学び、卒業後は銀行に就職した。",
    "地震の影響で、東北地方の一部の電車が運転を見合わせている。",
    "私たちは環境問題について真剣に考えなければならない。",
    "京都の寺院には毎年多くの観光客が訪れます。",
    "政府は少子化対策として新たな支援制度を発表した。",
    "図書館で借りた本を今週中に返さなければいけません。",
]
KOREAN = [
    "서울특별시는 대한민국의 수도이다.",
    "한국어를 공부하고 있습니다.",
    "대한민국 헌법 제1조에 따르면 대한민국은 민주공화국이다.",
    "오늘 날씨가 정말 좋네요. 공원에 산책하러 갈까요?",
    "정부는 새로운 경제 정책을 발표했다.",
    "이 영화는 국내외에서 높은 평가를 받았다.",
    "저는 매일 아침 커피를 마시면서 신문을 읽습니다.",
    "부산은 한국에서 두 번째로 큰 도시입니다.",
    "학생들은 시험 준비로 바쁜 시간을 보내고 있다.",
    "내일 오후 세 시에 회의가 있습니다.",
    "한글은 세종대왕이 창제한 문자이다.",
    "지하철 2호선은 서울의 주요 지역을 순환한다.",
]
# Other scripts inside Chinese text.
INSIDE_CHINESE = [
    "普京（Владимир Путин）今天在莫斯科发表讲话。",
    "今天天气很好😀我们去公园玩吧。",
    "泰国的首都是กรุงเทพมหานคร，人口众多。",
    "据共同社报道，東京都は新しい条例を制定した。日本政府表示将继续关注。",
]


def _misread(text: str, decoder: str, errors: str = "replace") -> str:
    return DECODERS[decoder].decode(text.encode("utf-8"), errors)


def _kept(original: str, out: str) -> float:
    """Share of ``original``'s characters that came out as they were, in order (a U+FFFD written
    for a lost character counts against)."""
    blocks = difflib.SequenceMatcher(None, original, out, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(original)


def _only_read_or_left(text: str, broken: str, out: str) -> bool:
    """Is every character of ``out`` one of ``text`` in order, a U+FFFD, or the damaged text's own
    (a stretch left as it came)?"""
    read = [ch for ch in out if ch != "\ufffd" and ch not in broken]
    it = iter(text)
    return all(ch in it for ch in read)


_HAN_OR_SIGN = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]")


def test_chinese_around_an_emoji_has_its_lost_characters_guessed():
    # UTF-8 read as GBK: 。 (e3 80 82) and 达 (e8 be be) lose a byte each beside 😀's reading;
    # the character model chooses them among what their known bytes allow, each a finding
    # (they came back U+FFFD: benchmarks/decoders_after.py, "inline", 15.8 -> 9.7 per 1,000).
    text = "背鳍硬棘10枚，软条8枚。尾鳍深分叉😀。体长可达50公分。栖息在珊瑚礁区。"
    broken = text.encode().decode("gbk", errors="replace")
    fixed = other_scripts.repair(broken)
    assert "枚。尾鳍深分叉😀。体长可达50" in fixed.text
    assert any(f.detail.startswith("达 (rank 2: ") for f in fixed.findings)
    assert Cleaner(to="keep", remove_furniture=False).clean(broken) == text
    unguessed = other_scripts.repair(broken, guess=False)
    assert "枚\ufffd尾鳍深分叉😀。体长可\ufffd50" in unguessed.text


# Chinese sentences quoting katakana names and titles (no hiragana): the Han is the page's Chinese.
KATAKANA_IN_CHINESE = [
    "这部动画的主角驾驶可变形机器人（ガンダム），在第三集里首次登场，观众反响热烈。",
    "游戏推出了新的挑战模式（バトルモード），玩家可以组队对抗强大的敌人。",
    "东京的观光客今年大幅增加，特别是スカイツリー附近的商店街生意兴隆。",
]


@pytest.mark.parametrize("text", KATAKANA_IN_CHINESE)
def test_chinese_around_katakana_has_its_lost_characters_guessed(text):
    # UTF-8 read as cp1252 loses its undefined bytes (81 8d 8f 90 9d): a Han character that lost
    # one is chosen by the character model, as beside an emoji; katakana alone is no Japanese
    # sentence (before: 生意 came back 生\ufffd, 可变 \ufffd\ufffd; cp1252 replace page 7.1 -> 6.3).
    broken = text.encode().decode("cp1252", errors="replace")
    out = Cleaner(to="keep", remove_furniture=False).clean(broken)
    assert len(out) == len(text)
    one_lost = [k for k, ch in enumerate(text) if _HAN_OR_SIGN.fullmatch(ch)
                and sum(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in ch.encode()) == 1]
    assert one_lost and all(out[k] != "\ufffd" for k in one_lost), out


def test_japanese_around_its_hiragana_keeps_its_lost_kanji_marked():
    # 来 (e6 9d a5) loses 9d through cp1252: beside hiragana the Han is kanji, which no model here
    # chooses.
    text = JAPANESE[1]
    out = other_scripts.repair(text.encode().decode("cp1252", errors="replace")).text
    assert out[text.index("来")] == "\ufffd"


@pytest.mark.parametrize("decoder", ["gbk", "gb18030"])
@pytest.mark.parametrize("text", JAPANESE + KOREAN + INSIDE_CHINESE)
def test_a_lossless_misreading_reads_back_exactly(text, decoder):
    # Without a lost byte (the text's bytes are all pairs a GBK decoder reads) the reading is
    # exact; with lost bytes each lost character is one U+FFFD with a finding, the rest as it was,
    # but for Chinese beside an emoji, Russian, Greek or Thai: guessed, with a finding.
    broken = _misread(text, decoder)
    fixed = other_scripts.repair(broken)
    if "\ufffd" not in broken:
        assert fixed.text == text
    else:
        guessed = {f.position for f in fixed.findings if fixed.text[f.position] != "\ufffd"}
        # A guess names what it chose, then its runner-up and the margin where there was one.
        assert all(f.detail.split(" ")[0] == fixed.text[f.position] and _HAN_OR_SIGN.fullmatch(fixed.text[f.position])
                   for f in fixed.findings if f.position in guessed)
        assert not guessed or text in INSIDE_CHINESE
        unguessed = "".join("\ufffd" if k in guessed else ch for k, ch in enumerate(fixed.text))
        # Read (a U+FFFD a lost character) or, too damaged to read, left as it came; most read.
        assert _only_read_or_left(text, broken, unguessed)
        assert _kept(text, unguessed) >= 0.5
        assert all(f.kind == "lost-byte" for f in fixed.findings)
    # What the marks of lost bytes cut of a Japanese or Korean reading is kept from conversion,
    # as the text says it (``marked_phrases``); Chinese beside an emoji, Russian, Greek or Thai is
    # not (kept, it was left in its script, and a second clean converted it: 學校🔥 -> 学校🔥).
    phrases = other_scripts.marked_phrases(fixed.text)
    assert all("\ufffd" in fixed.text[a:b] and re.search("[\u3041-\u30fa\uac00-\ud7a3]", fixed.text[a:b]) for a, b in phrases)
    if not re.search("[\u3041-\u30fa\uac00-\ud7a3]", text):
        assert not phrases


def test_most_of_japanese_and_korean_come_back():
    # Lost bytes cost a character each: at least four in five come back on these sentences.
    for decoder in ("gbk", "gb18030"):
        for errors in ("replace", "ignore"):
            for text in JAPANESE + KOREAN:
                fixed = other_scripts.repair(_misread(text, decoder, errors))
                assert _kept(text, fixed.text) >= (0.5 if errors == "replace" else 0.3), (text, fixed.text)
                assert fixed.text != _misread(text, decoder, errors)


def test_cp1252_loses_bytes_that_make_one_kana():
    # cp1252 leaves 81 undefined: は (e3 81 af) shows as ã�¯; of the five bytes it could be, only
    # 81 makes a kana. Han whose lost byte could be any of several is written U+FFFD.
    text = JAPANESE[0]
    fixed = other_scripts.repair(_misread(text, "cp1252"))
    assert "は新しい" in fixed.text and "これは外国人観光客の増加に対応するた" in fixed.text
    assert all(a == b or b == "\ufffd" for a, b in zip(text, fixed.text, strict=True))


@pytest.mark.parametrize("text", JAPANESE + KOREAN + INSIDE_CHINESE + [
    "中华人民共和国国务院今天发布通知，要求各地加强安全生产工作。",
    "维摩诘、姚鼐学蕺山，蔚为大观；鸭脷洲邨与廿一世纪的佼佼者。",  # names whose GBK bytes read as Greek/Cyrillic/Arabic pairs
    "公車捷運系統起源於1974年巴西庫里奇巴啟用的整合交通網。",
])
def test_clean_text_is_left_alone(text):
    fixed = other_scripts.repair(text)
    assert fixed.text == text and not fixed.count
    assert other_scripts.unread_spans(text) == []


def test_clean_wikipedia_paragraphs_are_left_alone():
    wiki = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "wiki" / "zh-hans.txt"
    if not wiki.exists():
        pytest.skip("no wiki corpus")
    for line in wiki.read_text(encoding="utf-8").split("\n")[:400]:
        assert other_scripts.repair(line).text == line


def test_a_stretch_too_damaged_to_read_is_named_unread():
    # UTF-8 read as Big5 loses about one byte in three: the stretch still reads as hangul where
    # its bytes are known, but not enough of them to be read back.
    broken = _misread("대한민국의 수도는 서울특별시이다", "gbk").split(" ")[0]
    spans = other_scripts.unread_spans(broken)
    fixed = other_scripts.repair(broken)
    assert fixed.text == broken  # nothing read
    assert spans == [(0, len(broken))]


@pytest.mark.parametrize("to", ["keep", "zh-hans"])
def test_pipeline_reads_japanese_and_keeps_it_japanese(to):
    cleaner = Cleaner(to=to)
    text = "東京は日本の首都です"  # no byte lost
    result = cleaner.run(_misread(text, "gb18030"))
    assert result.text == text  # no 国际, nothing width-folded, no Chinese invented
    mixed = "据共同社报道，" + JAPANESE[0] + "日本政府表示将继续关注。"
    out = cleaner.clean(_misread(mixed, "gbk"))
    assert "東京都は新しい条例を制定した" in out  # converted to zh-hans it would be 东京都
    assert cleaner.clean(out) == out


def test_pipeline_keeps_unread_korean_byte_for_byte():
    # A stretch that lost too much is left as it came: not converted (鞚 stays), nor re-read as Chinese.
    cleaner = Cleaner(to="zh-hans")
    broken = _misread("서울특별시는 대한민국의 수도이다.", "gbk")
    result = cleaner.run(broken)
    unread = broken.split(" ")[1]
    assert unread in result.text
    assert any(f.kind == "unrepaired-mojibake" and f.detail == unread for f in result.findings)
    assert result.text.startswith("서울특별시는 ")
    assert cleaner.clean(result.text) == result.text


def test_japanese_with_lost_characters_stays_japanese_when_cleaned_again():
    # The U+FFFD of lost bytes cut the line into pieces conversion would judge one by one:
    # cleaned again, 国際会�は来� must not become 国际.
    cleaner = Cleaner(to="zh-hans")
    once = cleaner.clean(_misread(JAPANESE[1], "gbk"))
    assert "\ufffd" in once and "国際会" in once
    assert cleaner.clean(once) == once


@pytest.mark.parametrize(("text", "kept"), [
    ("国際会議は来�", "国際会議は来�"),  # one piece: the whole run
    ("日本的標題是「�の�はまだ知らない�，在��上映後有著", "�の�はまだ知らない�"),  # 」 lost: the Chinese after it is not kept
    ("韓國的電視劇「사랑의 불시착�在台灣有著很高的收視率", "불시착�"),  # Han pieces beside the phrase are Chinese
    ("他说�今天很好。", None),  # no kana or hangul
    ("台灣的年輕人很喜歡看ジャンプ雜誌裡面連載的漫畫�，每週", None),  # katakana alone: a Chinese loanword
    ("東京は日本の首都です", None),  # no mark: conversion tells its language itself
])
def test_marked_phrases_are_the_other_script_pieces_marks_cut(text, kept):
    spans = other_scripts.marked_phrases(text)
    assert [text[a:b] for a, b in spans] == ([kept] if kept else [])


@pytest.mark.parametrize("to", ["zh-hans", "zh-hant"])
@pytest.mark.parametrize("decoder", ["cp1252", "gbk"])
def test_a_chinese_line_read_back_with_its_japanese_phrase_is_converted_once(decoder, to):
    # The whole line, Chinese and Japanese, is one UTF-8 stream the repair reads back; kept whole
    # from conversion because the repair read it, it was converted by a second clean only.
    cleaner = Cleaner(to=to)
    text = "這部電影有著很高的評價，日本的標題是「君の名はまだ知らない」，在台灣上映後有著不錯的票房。"
    once = cleaner.clean(_misread(text, decoder))
    assert cleaner.clean(once) == once


@pytest.mark.parametrize("text", ["他说�今天很好。", "東京は日本の首都です", "据报道，�한국은 서울이다"])
def test_lines_in_other_script_are_japanese_or_korean_with_a_mark(text):
    spans = other_scripts.lines_in_other_script(text)
    assert spans == ([] if text.startswith(("他", "東")) else [(0, len(text))])


def _viewed(monkeypatch) -> list[int]:
    """The length of each text ``decoders.byte_view`` is asked to view, from now on."""
    asked: list[int] = []
    view = decoders.byte_view

    def counting(text, family):
        asked.append(len(text))
        return view(text, family)

    monkeypatch.setattr(decoders, "byte_view", counting)
    return asked


def test_each_character_is_viewed_once_a_family(monkeypatch):
    # Simplified text in the Big5 family: each character Big5 never gives cuts the run. Viewing
    # the rest of the run again at each cut was quadratic (a 352K-character line: 4,005 views of
    # its rest, seconds of CPU); the pieces are found in one pass and each viewed once.
    line = "这是一段很长的中文文本，其中包含一些生僻字。" * 300 + "龘靐"
    asked = _viewed(monkeypatch)
    other_scripts.repair(line)
    assert sum(asked) <= len(other_scripts.FAMILIES) * len(line)


@pytest.mark.parametrize("prefix", ["据报道：", "新华社消息。", "今天很开心"])
@pytest.mark.parametrize("text", ["ソウルは韓国の首都です", "한국어를 공부하고 있습니다", "😀🎉🚀", "普京（Владимир Путин）"])
def test_cp1252_mojibake_right_after_chinese_is_read(prefix, text):
    # The Chinese before it is no cp1252 character: the stretch after it is viewed on its own,
    # not hidden behind it (据报道：ソウルã�¯éŸ“国… was left half-read, and read again by a
    # second clean).
    broken = prefix + text.encode("utf-8").decode("cp1252", "replace")
    fixed = other_scripts.repair(broken)
    assert fixed.text == prefix + text
    out = Cleaner(to="keep").run(broken).text
    assert out == prefix + text and Cleaner(to="keep").run(out).text == out


def test_no_page_text_is_kept_once_the_page_is_done():
    # The readings of a page's lines are cached in a dict of the page's (``cache``), not in the
    # module: 200 pages of one long line each kept every line alive (186 MB against 87).
    import gc
    import tracemalloc

    def page(k: int) -> str:
        return f"第{k}页" + "한국어를 공부하고 있습니다。".encode().decode("gbk", "replace") + "其中包含一些生僻字龘靐。" * 4000

    other_scripts.repair(page(0))  # the tables built once per process, before measuring
    other_scripts.unread_spans(page(0))
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for k in range(1, 4):
            text = page(k)
            cache: dict = {}
            other_scripts.repair(text, cache=cache)
            other_scripts.unread_spans(text, cache=cache)
            del text, cache
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < len(page(1))  # a page's text is four bytes a character: none of them is left


def test_a_page_cache_answers_the_later_asks(monkeypatch):
    text = _misread(KOREAN[0], "gbk")
    cache: dict = {}
    fixed = other_scripts.repair(text, cache=cache)
    asked = _viewed(monkeypatch)
    other_scripts.unread_spans(text, cache=cache)
    assert cache and not asked
    other_scripts.unread_spans(text)
    assert asked  # without the page's cache, asked anew


def test_a_byte_cp1252_lost_is_filled_only_when_guessing():
    # は is e3 81 af and cp1252 has no 81: of the five bytes it leaves undefined only 81 makes a
    # kana there. Filled with a finding each when guessing; without, written U+FFFD like any
    # character whose bytes were lost.
    text = JAPANESE[0]
    broken = _misread(text, "cp1252")
    guessed = other_scripts.repair(broken, guess=True)
    plain = other_scripts.repair(broken, guess=False)
    filled = [k for k, (a, b) in enumerate(zip(guessed.text, plain.text, strict=True)) if a != b]
    assert filled and all(plain.text[k] == "\ufffd" and guessed.text[k] == text[k] for k in filled)
    details = {f.position: f.detail for f in guessed.findings}
    assert all(details[k] == text[k] for k in filled)
    assert all(f.detail.startswith("\ufffd") for f in plain.findings)
    assert len(plain.findings) == plain.text.count("\ufffd") == len(guessed.findings)


def test_clean_lines_rich_in_rare_names_are_not_viewed(monkeypatch):
    # Their GBK bytes read as UTF-8 a character or two at a time (小压 is d0 a1 d1 b9, two Cyrillic
    # letters' bytes), never a script's least letters in one run: the page's one native gate
    # passes them over, and no byte view of theirs is asked for.
    lines = ["据报道，犇骉鑫淼焱垚等字常见于人名，小压力大。", "臺灣的鱻靐龘三字，筆畫甚多。"]
    assert all(other_scripts._misread(line) >= 2 for line in lines)  # lines the readings would be asked
    asked = _viewed(monkeypatch)
    fixed = other_scripts.repair("\n".join(lines))
    assert fixed.text == "\n".join(lines) and not asked
    assert other_scripts.unread_spans("\n".join(lines)) == [] and not asked


def test_clean_lines_whose_bytes_read_as_another_script_among_common_characters_are_not_read(monkeypatch):
    # GBK's trail f0 before ，而 (别，而 is b1 f0 a3 ac b6 f8) reads as UTF-8 for 𣬶, a Han
    # character beyond the BMP, which alone makes an "emoji" stretch: common in clean text (one
    # clean page in four). A reading is taken only from characters that look misread, and these
    # are common, so the gate passes such a line over though rare names elsewhere on it would have
    # the readings asked (each a regex per piece of each view).
    line = "据报道，犇骉鑫淼等字常见于人名，之别，而三桂、孔之戰。"
    assert "之别，而".encode("gb18030")[3:7].decode("utf-8") == "\U00023b36"
    assert other_scripts._misread(line) >= 2
    asked = _viewed(monkeypatch)
    assert other_scripts._gate(line) == {}
    fixed = other_scripts.repair(line)
    assert fixed.text == line and not asked


# --- the native line gate against the Python original (tests/reference_other_scripts.py) --------

import reference_other_scripts  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402

_OTHER = st.sampled_from(JAPANESE + KOREAN + INSIDE_CHINESE)


@st.composite
def _misread_other(draw) -> str:
    """Another script's UTF-8 read by any wrong decoder, lost bytes marked or dropped, whole or cut."""
    text = _misread(draw(_OTHER), draw(st.sampled_from(sorted(DECODERS))), draw(st.sampled_from(["replace", "ignore"])))
    a = draw(st.integers(0, len(text)))
    return text[a : draw(st.integers(a, len(text)))]


_pages = st.lists(st.one_of(text_inputs, _misread_other(), _misread_other().map(lambda t: t.replace("\ufffd", "\u20ac"))),
                  min_size=1, max_size=4).map("\n".join)


@SETTINGS
@given(text=_pages)
def test_the_native_gate_is_the_python_original(text):
    native = other_scripts.native_gate(*mojibake.rare_table()).lines(text)
    assert native == reference_other_scripts.gate_lines(text, other_scripts.FAMILIES)


@SETTINGS
@given(text=st.one_of(_pages, st.text()))
def test_the_native_pieces_are_the_python_original(text):
    # A run is cut where a character the family never gives stands (and at ASCII): the native
    # pass must cut where the regex of every code point's answer did, beyond the BMP too.
    for family in other_scripts.FAMILIES:
        assert decoders.native_codes().given_pieces(text, family) == reference_other_scripts.given_pieces(text, family)


def test_the_pieces_are_cut_where_the_family_gives_nothing():
    # Simplified 这 is no Big5 character; ASCII and a character beyond plane 3 cut every family
    # but GB18030's, which gives every code point.
    run = "這是这個\ufffd句a子\U00050000字"
    assert decoders.native_codes().given_pieces(run, decoders.BIG5_FAMILY) == [(0, 2), (3, 6), (7, 8), (9, 10)]
    assert decoders.native_codes().given_pieces(run, decoders.GBK_FAMILY) == [(0, 6), (7, 10)]


@SETTINGS
@given(text=_pages)
def test_a_family_the_gate_passes_over_reads_nothing(text):
    # The gate is only a shortcut: in the families it passes over, the readings find nothing
    # (with € as the lone byte 80 or as the pair a2 e3).
    gate = other_scripts._gate(text)
    for k, line in enumerate(text.split("\n")):
        passed = [f for f in other_scripts.FAMILIES if f not in gate.get(k, ())]
        for family in passed:
            assert other_scripts._line_readings(line, None, (family,)) == ([], [])


def test_chinese_misread_as_cp1252_is_not_viewed_as_another_script():
    # Its lost bytes (cp1252 leaves five undefined) are no letter of another script once filled
    # (e4 b8 ad is 中; e4 81 ad, 䁭): the gate passes its lines over in the single-byte family,
    # where it once counted each of them as a letter of every script.
    text = "据新华社报道，国务院常务会议今天在北京召开，会议研究部署了进一步稳定经济增长的政策措施。"
    broken = _misread(text, "cp1252")
    assert broken.count("\ufffd") >= 2
    assert not any(decoders.SINGLE_FAMILY in families for families in other_scripts._gate(broken).values())
    assert other_scripts._gate(_misread(JAPANESE[0], "cp1252"))  # a Japanese line lost bytes too, and passes


@pytest.mark.parametrize("inside", ["蒋巨𡈽", "加油❤️", "今天⭐好"])
def test_han_beyond_the_bmp_and_dingbat_emoji_are_read_back(inside):
    # A name's Extension B character (𡈽 -> 稹埥, four bytes) and a dingbat emoji (❤ -> 鉂わ,
    # three bytes e2 9d) are other scripts' letters: their stretch reads as UTF-8 exactly.
    text = f"据报道，{inside}的消息传开了。"
    broken = _misread(inside, "gbk")
    fixed = other_scripts.repair(f"据报道，{broken}的消息传开了。")
    assert fixed.text == text and not other_scripts.marked_phrases(fixed.text)  # Chinese beside them: converted as any Chinese


def test_clean_characters_beside_a_stretch_are_not_read_with_it():
    # 水 (cb ae) and 變 (d7 83) in a GBK view read as UTF-8 (ˮ, U+05C3): the reading of the
    # misread stretch after them must not take them in, or it is no reading of any one script.
    broken = _misread("遷，西漢初❤️武都地", "gbk")
    line = f"古漢水上游發生了重大的水系變{broken}區的大地震"
    fixed = other_scripts.repair(line)
    assert fixed.text.startswith("古漢水上游發生了重大的水系變遷，西漢初❤️") and fixed.count == 1


def test_a_line_of_dialogue_around_an_emoji_is_read():
    # Its quotes and ellipsis (U+201C, U+2026) are General Punctuation: a reading holding them
    # was of no one script, and the line was left for a second clean to read.
    broken = _misread("“啊，🔥但是……”", "gbk")
    fixed = other_scripts.repair(f"茶座走到门外去拿咖啡杯。\n{broken}\n")
    assert "🔥但" in fixed.text and "“啊，" in fixed.text and fixed.count


def test_a_sign_gbk_holds_in_the_misread_stretch_is_no_letter_of_it():
    # 计， read as GBK holds ★ (a1 ef), a sign GBK pages write: counted among the dingbat emoji
    # the stretch itself held, it outweighed the reading's one emoji, and the line was left.
    text = "去年房价猛涨，😂小两口也心痒痒了。合计合计，决定拿出十万元来做投资。"
    broken = _misread(text, "gbk")
    assert "★" in broken
    fixed = other_scripts.repair(broken)
    assert "😂小两口" in fixed.text


def test_a_lost_byte_of_a_joiner_between_emoji_is_the_joiner():
    # 👨‍👩‍👧 read as GBK loses a byte of its second joiner (e2 80 8d): no Han goes there; a
    # guess like any other (a finding; U+FFFD without guessing).
    text = "在成熟阶👨\u200d👩\u200d👧段"
    broken = _misread(text, "gbk")
    fixed = other_scripts.repair(broken)
    assert "👨\u200d👩\u200d👧" in fixed.text
    assert any(f.kind == "lost-byte" and fixed.text[f.position] == "\u200d" for f in fixed.findings)
    unguessed = other_scripts.repair(broken, guess=False)
    assert "👨\u200d👩\ufffd👧" in unguessed.text
