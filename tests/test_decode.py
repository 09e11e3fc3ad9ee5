"""Decoding files of unknown encoding (cleaner/io/decode.py)."""

import codecs

import pytest

from cleaner.io.decode import NotText, decode, decode_with_findings

SIMPLIFIED = "工信部：推动工业互联网加快发展，2020年目标明确。"
TRADITIONAL = "工信部與浙江省人民政府共同打造出了工業互聯網平臺體系，國務院"


@pytest.mark.parametrize(
    "text,codec",
    [
        (SIMPLIFIED, "gb2312"),
        (SIMPLIFIED, "gbk"),
        (TRADITIONAL, "gbk"),
        (SIMPLIFIED + "𠀀", "gb18030"),
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "big5hkscs"),
        (SIMPLIFIED, "utf-16-le"),
        (SIMPLIFIED, "utf-16-be"),
        (SIMPLIFIED, "utf-16"),
        (SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED, "utf-32"),
        (SIMPLIFIED, "utf-8"),
    ],
)
def test_encodings_decode(text, codec):
    assert decode(text.encode(codec)) == text


def test_binary_is_rejected():
    with pytest.raises(NotText):
        decode(bytes(range(256)) * 4)


def test_compressed_bytes_are_refused_by_their_name():
    import gzip

    with pytest.raises(NotText, match="gzip-compressed data"):
        decode(gzip.compress(SIMPLIFIED.encode() * 50))


def test_png_header_is_rejected():
    with pytest.raises(NotText):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100)


def test_empty_is_empty_text():
    assert decode(b"") == ""


def test_bom_is_removed():
    assert decode(codecs.BOM_UTF8 + "中".encode()) == "中"


def test_a_file_of_several_encodings_is_read_line_by_line():
    from cleaner.io.decode import decode_with_findings

    utf8 = "今天天气很好，我们去公园散步。\n国务院新闻办公室举行发布会。\n"
    data = utf8.encode("utf-8") + "介绍经济发展情况。\n".encode("gbk") + "經濟發展情況，記者提問。\n".encode("big5")
    decoded = decode_with_findings(data)
    assert decoded.text == utf8 + "介绍经济发展情况。\n經濟發展情況，記者提問。\n"
    assert [f.kind for f in decoded.findings] == ["mixed-encodings"]
    assert "2 in utf-8" in decoded.findings[0].detail


def test_a_utf8_file_with_a_broken_byte_keeps_its_other_lines_and_is_not_called_mixed():
    from cleaner.io.decode import decode_with_findings

    data = "今天天气很好。\n".encode("utf-8") + "国务院".encode("utf-8")[:-1] + "新闻\n".encode("utf-8")
    decoded = decode_with_findings(data)
    assert decoded.text.startswith("今天天气很好。\n国务") and decoded.text.endswith("新闻\n") and "\ufffd" in decoded.text
    assert not decoded.findings


def test_utf8_and_gbk_lines_decode_exactly_even_when_gb18030_reads_the_whole_file():
    # GB18030 reads most UTF-8 + GBK files whole, the UTF-8 lines as mojibake.
    data = "今天天气很好\n".encode() + "我们去公园散步\n".encode("gbk") + "標題：臺灣\n".encode("big5")
    decoded = decode_with_findings(data)
    assert decoded.text == "今天天气很好\n我们去公园散步\n標題：臺灣\n"
    assert [f.kind for f in decoded.findings] == ["mixed-encodings"]


def test_gbk_lines_that_pass_utf8_by_chance_are_not_taken_for_utf8():
    # 一为之 and 学前只 in GBK are valid UTF-8 (һΪ֮, ѧǰֻ): three non-ASCII characters, but not
    # Han, so the file is not sent to line-by-line reading and GB18030 reads it whole.
    text = "一为之\n学前只\n今天天气很好\n"
    assert text.encode("gbk").split(b"\n")[0].decode("utf-8") == "һΪ֮"
    assert decode_with_findings(text.encode("gbk")).text == text


def test_short_gbk_lines_that_are_valid_utf8_by_chance_read_as_gbk_in_a_mixed_file():
    # 一 (d2bb) and 学 (d1a7) are valid UTF-8 (Cyrillic һ, ѧ); one clearly UTF-8 line sends the
    # file to line-by-line reading, where they must still read as what they likelier are.
    data = "一\n这是一段用GBK编码的文字，内容很长。\n学\n".encode("gbk") + "中国人民\n".encode()
    assert decode_with_findings(data).text == "一\n这是一段用GBK编码的文字，内容很长。\n学\n中国人民\n"


@pytest.mark.parametrize("legacy,before,after", [
    ("gbk", "中国空间技术研究院隶属于中国航天科技集团公司，", "它成立于一九六八年，总部设在北京。"),
    ("big5", "臺灣的國家公園由內政部營建署管理，", "目前共有九座國家公園。"),  # GB18030 reads this file whole
])
def test_utf8_pasted_inside_a_legacy_line_is_read_as_utf8_and_the_rest_stays_in_step(legacy, before, after):
    # A page's template in GBK around text pasted in UTF-8: the line was read as GBK throughout,
    # and the GBK after the UTF-8 stretch came out of step (銆偹闪⒂谝痪帕...).
    pasted = "是中国空间技术的主要研究中心。"
    data = before.encode(legacy) + pasted.encode("utf-8") + after.encode(legacy) + b"\n" + (before + after).encode(legacy)
    assert decode(data) == before + pasted + after + "\n" + before + after


@pytest.mark.parametrize("legacy,stretch", [
    ("gbk", "这是一段用GBK编码的文字，内容很长，2008年5月发布。"),
    ("gbk", "用GBK编码"),  # short: a few characters between the UTF-8
    ("big5", "臺灣的國家公園由內政部營建署管理，目前共有九座國家公園。"),
])
def test_a_legacy_stretch_inside_a_utf8_line_is_read_in_its_encoding(legacy, stretch):
    # A UTF-8 template around a GBK body or include, minified into one line: the stretch was
    # read as UTF-8 and lost to U+FFFD.
    before = "中国空间技术研究院隶属于中国航天科技集团公司，它成立于一九六八年。" * 3
    after = "是中国空间技术的主要研究中心，总部设在北京。" * 3
    decoded = decode_with_findings(before.encode() + stretch.encode(legacy) + after.encode())
    assert decoded.text == before + stretch + after
    assert [f.kind for f in decoded.findings] == ["mixed-encodings"]


@pytest.mark.parametrize("legacy", ["big5", "gbk"])
@pytest.mark.parametrize("stretch", ["梵語儘管非常古老，構造卻精妙絕倫：比希臘語還完", "比希臘語還完整"])
def test_a_legacy_stretch_closed_by_one_utf8_sign_at_the_line_s_end_keeps_the_sign(legacy, stretch):
    # A forum quote: UTF-8 around a pasted Big5 stretch, closed by 」 right before the break.
    # One sign is no UTF-8 anchor, and no Big5 or GBK reads its bytes: it was three marks, or 銆
    # and a mark the repairs then filled as 。 (probe31).
    data = "楼主原帖写道：「".encode() + stretch.encode(legacy) + "」\n".encode()
    assert decode(data) == "楼主原帖写道：「" + stretch + "」\n"


def test_a_utf8_character_cut_short_stays_a_lost_mark_not_a_legacy_character():
    # The first two bytes of 中 read as GBK are 涓: one character is no legacy stretch.
    before, after = "中国空间技术研究院，它成立于一九六八年。", "是主要研究中心。"
    assert decode(before.encode() + "中".encode()[:2] + after.encode()) == before + "\ufffd" + after


WRAPPED = "工信部与浙江省人民政府共同打造出了工业互联网平台体系，2020年目标明确。国务院印发通知，要求各地加快推进。"
WRAPPED_HANT = "工信部與浙江省人民政府共同打造出了工業互聯網平臺體系，2020年目標明確。國務院印發通知，要求各地加快推進。"


@pytest.mark.parametrize("text,codec", [(WRAPPED, "utf-8"), (WRAPPED, "gbk"), (WRAPPED_HANT, "big5"), (WRAPPED_HANT, "utf-8")])
@pytest.mark.parametrize("width", [17, 25, 64])
def test_text_wrapped_at_a_byte_width_gets_its_split_characters_back(text, codec, width):
    # fold -b, fixed-length records: line breaks fall inside characters (UTF-8 lost marks, and
    # a GBK line starting on a trail byte read out of step to its end).
    data = text.encode(codec) * 3
    wrapped = b"\n".join(data[i : i + width] for i in range(0, len(data), width))
    decoded = decode_with_findings(wrapped)
    assert decoded.text.replace("\n", "") == text * 3
    assert all(len(line.encode(codec)) in (width - 2, width - 1, width, width + 1, width + 2)
               for line in decoded.text.split("\n")[:-1])  # each break moved by a character at most
    split = any(_fails(line, codec) for line in wrapped.split(b"\n"))
    assert [f.kind for f in decoded.findings] == (["split-characters"] if split else [])


def _fails(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return True
    return False


def test_a_legacy_file_without_split_characters_is_read_as_before():
    data = (WRAPPED + "\n" + WRAPPED).encode("gbk")
    assert decode_with_findings(data).text == WRAPPED + "\n" + WRAPPED
    assert decode_with_findings(data).findings == []


def test_a_byte_wrapped_file_cut_inside_its_last_character_keeps_its_rejoined_characters():
    data = (WRAPPED * 3).encode("utf-8")
    wrapped = b"\n".join(data[i : i + 25] for i in range(0, len(data), 25))[:-1]
    decoded = decode_with_findings(wrapped)
    assert decoded.text.replace("\n", "") == (WRAPPED * 3)[:-1] + "\ufffd"
    assert [f.kind for f in decoded.findings] == ["split-characters"]


def test_a_stray_nul_in_short_text_is_text_not_binary():
    # Once any NUL in the first 8 KB refused the file whole; past 8 KB the same NUL was just removed.
    text = "国务院新闻办公室今天举行发布会。\n" * 3
    data = text.encode("utf-8")
    decoded = decode(data[:21] + b"\x00" + data[21:])
    assert decoded.replace("\x00", "") == text


def test_executable_and_archive_starts_are_binary():
    with pytest.raises(NotText):
        decode(b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + b"\x00" * 200)
    with pytest.raises(NotText):
        decode(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8)


def test_a_short_line_with_one_nul_is_text():
    assert decode("中文\x00测试。\n".encode()) == "中文\x00测试。\n"  # the cleaner's invisible pass removes it


JAPANESE = "東京都は今日、新しい計画を発表しました。これは大きなニュースです。\n駅の近くに新しい図書館ができるそうです。\n"
KOREAN = "서울시는 오늘 새로운 계획을 발표했다. 이것은 큰 뉴스다.\n시민들은 새 도서관을 기다리고 있다.\n"


@pytest.mark.parametrize("text,codec", [(JAPANESE, "euc_jp"), (JAPANESE, "shift_jis"), (JAPANESE, "cp932"), (KOREAN, "euc_kr"), (KOREAN, "cp949")])
def test_a_japanese_or_korean_page_in_its_own_encoding_is_read_so(text, codec):
    # Read as GBK they were Chinese nonsense (東京都は今日 in EUC-JP is 澎叠旁は海泣).
    assert decode(text.encode(codec)) == text


def test_chinese_legacy_pages_never_ask_the_japanese_and_korean_readings(monkeypatch):
    import chardet

    from cleaner.io import decode as module

    def asked(data):
        raise AssertionError("chardet asked of a Chinese page")

    monkeypatch.setattr(chardet, "detect", asked)

    # The markup of an HTML page puts spaces between words of GBK read as cp949 too (hangul).
    for text in ("国务院新闻办公室今天举行发布会，介绍有关情况。\n", "國務院新聞辦公室今天舉行發布會，介紹有關情況。\n",
                 '<div class="news item"> <a href="/a b"> 国务院新闻办公室今天举行发布会 </a> <span class="x y">2024-05-06 来源：新华社</span> </div>\n'):
        for codec in ("gbk", "big5"):
            data = text.encode(codec, errors="ignore") * 20
            assert module._japanese_or_korean(data) is None


@pytest.mark.parametrize("text", ["國務院", "共計100萬元", "臺灣大學"])
def test_short_big5_is_read_as_big5(text):
    # Big5 and Big5-HKSCS read these alike: one reading, not a tie that chardet broke for GB18030.
    assert decode(text.encode("big5")) == text


def test_a_gbk_file_that_lost_a_byte_is_read_in_step_again():
    # 协 is d0 ad: without d0, GB18030 reads ad ce (the user-defined area, a private-use code
    # point) and every pair after it out of step, all valid; GBK rejects ad and starts again.
    text = "今天，政协委员会第一次会议隆重开幕，我们对大会的召开表示热烈祝贺！"
    raw = text.encode("gbk")
    i = raw.index("协".encode("gbk"))
    out = decode(raw[:i] + raw[i + 1 :])
    assert out == text.replace("协", "\ufffd")


def test_a_big5_file_that_lost_a_byte_is_read_as_big5():
    text = "一八六八年，明治新政府宣布設立箱館裁判所，便將北海道納入新政府統治之內。然而在次年一月，舊幕府的軍隊佔領了箱館。"
    raw = text.encode("big5")
    i = raw.index("裁".encode("big5"))
    out = decode(raw[:i] + raw[i + 1 :])
    assert out.startswith(text[: text.index("裁")]) and out.endswith(text[-20:])


def test_a_gbk_page_with_a_character_of_the_user_defined_area_keeps_it():
    # Sites put rare name characters in GBK's user-defined area; GB18030 reads them as private use.
    text = "记者从市政府获悉，张\ue000同志任市文化局局长，负责全市的文化工作和文物保护工作。"
    assert decode(text.encode("gb18030")) == text


def test_a_gbk_file_that_lost_a_byte_and_still_reads_strictly_is_read_in_step_again():
    # The byte left over at the shifted run's end pairs with the ASCII letter after it, so GB18030
    # (and Big5-HKSCS) read the whole file strictly, out of step from the drop: the user-defined
    # character GB18030 gives there is what brings the lenient GBK reading in.
    text = "今天，政协委员会第一次会议隆重开幕Abc"
    raw = text.encode("gbk")
    i = raw.index("协".encode("gbk"))
    assert decode(raw[:i] + raw[i + 1 :]) == text.replace("协", "\ufffd")


def test_gbk_a3a0_is_the_ideographic_space_browsers_read_and_a_finding_says_so():
    # probe32u F6: a GBK page's paragraph indents (A3A0 A3A0) came out as private-use U+E5E5,
    # which no font shows; browsers (the WHATWG gb18030 decoder) read U+3000.
    from cleaner.io.decode import decode_with_findings

    data = ("\u3000\u3000国务院办公厅关于印发通知的说明，请各地认真贯彻执行。\n" * 3).encode("gbk")
    data = data.replace("\u3000".encode("gbk"), b"\xa3\xa0")  # what GBK editors write for the indent
    decoded = decode_with_findings(data)
    assert "\ue5e5" not in decoded.text and decoded.text.count("\u3000") == 6
    assert [(f.kind, f.count) for f in decoded.findings] == [("gb-a3a0-space", 6)]
    utf8 = "\ue5e5 私用区字符".encode()  # the character itself, written as UTF-8: kept
    assert decode_with_findings(utf8).text == "\ue5e5 私用区字符"


def test_utf16_shown_as_utf8_is_text_not_binary():
    # A UTF-16 file read as cp1252 and saved as UTF-8: its ASCII keeps a NUL after each letter.
    data = "北京是中国的首都 (Beijing)".encode("utf-16").decode("cp1252", "replace").encode("utf-8")
    from cleaner.io.decode import refuse_binary

    refuse_binary(data)  # no NotText
    assert decode(data) == data.decode("utf-8")
    with pytest.raises(NotText):
        decode(b"\x00\x01\x02\x03\x00\x00\x05\x06" * 8)


@pytest.mark.parametrize("data", [b"a.txt\x00b.txt\x00dir/c.txt\x00" * 20,  # find -print0
                                  b"PATH=/usr/bin\x00HOME=/root\x00LANG=C\x00" * 10])  # /proc/self/environ
def test_nul_separated_records_are_binary_not_utf16(data):
    """One NUL after a field's last letter is no UTF-16 (which puts one after every ASCII
    character): such data stays refused (review33r: it was let through as UTF-16 shown as UTF-8
    and came out as the fields glued, a.txtb.txtdir/c.txt)."""
    from cleaner.io.decode import refuse_binary

    with pytest.raises(NotText):
        decode(data)
    with pytest.raises(NotText):
        refuse_binary(data)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
def test_binary_data_behind_a_byte_order_mark_is_refused_as_it_is_without_one(bom):
    # probe36u F3: random bytes, a zlib stream or a PNG behind a BOM came out as kilobytes of
    # U+FFFD with exit 0 (and were written in a folder run), where the same bytes alone are refused.
    import random
    import zlib

    rng = random.Random(1)
    for blob in (bytes(rng.randrange(256) for _ in range(20000)), zlib.compress(("国务院" * 3000).encode()),
                 b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000))):
        with pytest.raises(NotText):
            decode_with_findings(blob)
        with pytest.raises(NotText):
            decode_with_findings(bom + blob)


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_text_behind_a_byte_order_mark_is_still_read_whatever_its_encoding(bom, codec):
    text = "国务院今天发布通知。\nHello 世界\n" * 50
    assert decode_with_findings(bom + text.encode(codec)).text == text
    assert decode_with_findings(bom + text.encode("gbk")).text == text


@pytest.mark.parametrize("blob", [b"\x00\x01\x02", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", b"\x00" * 4096,
                                  b"ustar\x00" + b"\x00" * 200 + b"0000644\x000001750\x00" * 8])
def test_binary_data_that_is_valid_utf8_behind_a_utf8_mark_is_refused_as_it_is_without_one(blob):
    # review36io: bytes under 0x80 are valid UTF-8, so a short binary (a zip's header, NULs, a
    # tar of ASCII headers) behind a UTF-8 BOM was taken for text at once, where alone it is refused.
    with pytest.raises(NotText):
        decode_with_findings(blob)
    with pytest.raises(NotText):
        decode_with_findings(codecs.BOM_UTF8 + blob)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
@pytest.mark.parametrize("seed", range(6))
def test_a_short_binary_behind_a_utf16_mark_is_refused(bom, seed):
    # Almost any even run of bytes is valid UTF-16, and a binary's control bytes pair up into rare
    # code points: a PNG's first 58 bytes behind a UTF-16 BOM came out as 29 characters of noise.
    import random

    rng = random.Random(seed)
    for blob in (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(50)),
                 b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(rng.randrange(256) for _ in range(30))):
        with pytest.raises(NotText):
            decode_with_findings(bom + blob)


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_short_utf16_text_behind_its_mark_is_still_text(codec, bom):
    for text in ("国务院\n", "Hi\x00 国\n", "中華民國（臺灣）\r\n"):
        assert decode_with_findings(bom + text.encode(codec)).text == text


def test_text_with_a_stray_control_behind_a_utf8_mark_is_still_text():
    text = "国务院今天发布通知。\x00\x07\n"
    assert decode_with_findings(codecs.BOM_UTF8 + text.encode()).text == text
    assert decode_with_findings(codecs.BOM_UTF8 * 40).text == "\ufeff" * 39


def test_decode_takes_any_bytes_like_and_says_what_to_pass_for_anything_else():
    # probe47: cleaner.decode("abc") raised "startswith first arg must be str or a tuple of str, not
    # bytes", decode(None) and decode(memoryview(...)) an AttributeError from inside.
    data = "国务院".encode("gbk")
    assert decode(data) == decode(bytearray(data)) == decode(memoryview(data)) == "国务院"
    with pytest.raises(TypeError, match=r"decode\(\) takes bytes, not str; text is decoded already"):
        decode("国务院")
    with pytest.raises(TypeError, match=r"decode\(\) takes bytes, not NoneType$"):
        decode(None)
    with pytest.raises(TypeError, match=r"decode_with_findings\(\) takes bytes, not int$"):
        decode_with_findings(5)
