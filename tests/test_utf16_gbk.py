"""UTF-16 shown through GBK, read back (cleaner/repair/utf16_gbk.py)."""

from cleaner import Cleaner
from cleaner.repair import utf16_gbk

TEXT = "北京是中国的首都 (Beijing)，人口约两千万，是一座历史悠久的城市。\r\n第二行在这里，我们看看效果如何。"


def test_read_back_with_or_without_a_byte_order_mark():
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        misread = TEXT.encode(codec).decode("gbk", "replace")
        text, count, found = utf16_gbk.repair(misread)
        assert (text, count) == (TEXT, 1), codec
        # The units with a byte GBK rejected (，is 0c ff) are guesses, each a finding.
        assert found and all(f.kind == "lost-byte" for f in found)


def test_without_guessing_a_lost_unit_is_a_mark():
    misread = TEXT.encode("utf-16-le").decode("gbk", "replace")
    text, _, found = utf16_gbk.repair(misread, guess=False)
    assert text.count("\ufffd") == len(found) > 0
    assert text.replace("\ufffd", "") == "".join(ch for k, ch in enumerate(TEXT) if k not in {f.position for f in found})


def test_clean_text_and_short_text_are_left():
    for text in ("北京是中国的首都，人口约两千万，是一座历史悠久的城市。", "控制\x01字符\x02在这里。" * 3, TEXT[:10]):
        assert utf16_gbk.repair(text) == (text, 0, [])


def test_the_cleaner_reads_it_before_the_control_characters_go():
    result = Cleaner(to="keep", remove_furniture=False).run(TEXT.encode("utf-16").decode("gbk", "replace"))
    assert result.text.startswith("北京是中国的首都 （Beijing），人口约两千万")
    assert any(s.name == "utf16-read-as-gbk" for s in result.steps)
