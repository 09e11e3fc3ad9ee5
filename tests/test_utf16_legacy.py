"""A page of GBK or Big5 bytes read as UTF-16 (cleaner/repair/utf16_legacy.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.repair.utf16_legacy import repair

SIMPLIFIED = ("北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心，常住人口约两千二百万。"
              "北京有三千多年的建城史和八百多年的建都史，是世界上拥有世界文化遗产数最多的城市。")
TRADITIONAL = ("臺北市是中華民國的首都，位於臺灣北部的臺北盆地，人口約二百五十萬人，是臺灣的政治、經濟與文化中心。"
               "市內有故宮博物院、臺北一○一大樓與許多夜市，每年吸引大批觀光客前來參觀。")


def _misread(page: str, source: str, codec: str) -> str:
    data = page.encode(source)
    return (data + b" " * (len(data) % 2)).decode(codec, "replace")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(("page", "source"), [(SIMPLIFIED, "gbk"), (TRADITIONAL, "big5")])
def test_a_legacy_page_read_as_utf16_comes_back(page, source, codec):
    misread = _misread(page, source, codec)
    text, count, findings = repair(misread)
    text = text.rstrip(" ")
    # Every character comes back but those of a unit UTF-16 rejected (a guess each, with its finding).
    assert count == 1 and len(text) == len(page)
    assert {at for at, (a, b) in enumerate(zip(text, page)) if a != b} <= {f.position for f in findings}
    assert len(findings) <= misread.count("\ufffd")
    result = Cleaner(to="keep").run(misread)
    assert result.text == Cleaner(to="keep").clean(text)
    assert any(step.name == "legacy-read-as-utf16" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


def test_a_unit_utf16_rejects_is_one_character_guessed_by_the_model():
    # 者 is d5 df in GBK: read little-endian, the unit U+DFD5 is half a surrogate pair with no
    # other half, one U+FFFD for both its bytes (在 d4 da and 受 ca dc too). The bytes around it
    # stay in step, and each is chosen among the characters whose trail byte is d8-df.
    page = "他是一位著名的学者，也是这所大学的校长。他在这里工作了三十多年，培养了许多优秀的学生，受到大家的尊敬和爱戴。"
    misread = _misread(page, "gbk", "utf-16-le")
    assert misread.count("\ufffd") == 3
    text, count, findings = repair(misread)
    assert text == page
    lost = [page.index("者"), page.index("在"), page.index("受")]
    assert [(f.kind, f.position) for f in findings] == [("lost-byte", at) for at in lost]
    unguessed, _, _ = repair(misread, guess=False)
    assert unguessed == "".join("\ufffd" if at in lost else ch for at, ch in enumerate(page))


def test_lines_read_one_at_a_time_keep_their_breaks():
    lines = [SIMPLIFIED[:45], SIMPLIFIED[45:]]
    misread = "\n".join(_misread(line, "gbk", "utf-16-be") for line in lines)
    assert repair(misread)[0].replace(" \n", "\n").rstrip(" ") == "\n".join(lines)


@pytest.mark.parametrize("text", [
    SIMPLIFIED,
    TRADITIONAL,
    "서울은 대한민국의 수도이며 최대 도시이다. 한강이 도시를 가로질러 흐르고 인구는 약 천만 명이다. 조선 시대부터 수도였다.",
    "서울특별시청한강대교남산타워경복궁창덕궁덕수궁종묘동대문남대문인사동명동이태원홍대신촌강남역삼성동여의도",
    "東京都は日本の首都であり、人口は約千四百万人である。江戸時代から政治と経済の中心として発展してきた都市である。",
    "ꀀꀁꀂꀃꀄꀅꀆꀇꀈꀉꀊꀋꀌꀍꀎꀏꀐꀑꀒꀓꀔꀕꀖꀗꀘꀙꀚꀛꀜꀝ",  # Yi syllables
    "\ue000\ue001\ue002" * 10,
    # UTF-8 read as UTF-16 is utf16_read's: its units' bytes are no GBK or Big5 text.
    SIMPLIFIED.encode("utf-8").decode("utf-16-le", "replace"),
])
def test_other_text_is_not_read_as_a_legacy_page(text):
    assert repair(text) == (text, 0, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_line_read_as_utf16_among_clean_lines_comes_back(codec):
    # One line misread (a record's field, a pasted paragraph): the page as a whole does not look
    # misread, the line alone does; the clean lines around it stay as they are.
    misread = _misread(SIMPLIFIED, "gbk", codec)
    page = "\n".join([TRADITIONAL, misread, TRADITIONAL])
    text, count, findings = repair(page)
    lines = text.split("\n")
    assert count == 1 and lines[0] == lines[2] == TRADITIONAL
    assert sum(a != b for a, b in zip(lines[1].rstrip(" "), SIMPLIFIED)) <= len(findings)
    assert all(len(TRADITIONAL) < f.position < 2 * len(TRADITIONAL) for f in findings)


class _CountedBytes(list):
    """A reading's bytes that count how many of them were looked at."""

    looked = 0

    def __getitem__(self, at):
        _CountedBytes.looked += 1
        return super().__getitem__(at)


def test_a_reading_past_its_rejected_share_stops_where_it_is_lost():
    # A Korean line: its hangul units read as GBK pairs the table rejects. Once the rejections pass
    # MAX_REJECTED of every byte the line holds, no ending can bring the share back: the reading stops
    # there, not at the line's end (a Korean page's lines were each read whole, four times).
    from cleaner.repair.utf16_legacy import _bytes, _read

    korean = "대한민국은 동아시아의 한반도 남부에 위치한 민주공화국이다. 수도는 서울특별시이며 인구는 약 오천만 명이다. " * 20
    data, high, ends = _bytes(korean, True)
    _CountedBytes.looked = 0
    assert _read(_CountedBytes(data), high, ends, "gb18030") is None
    assert _CountedBytes.looked < len(data) // 4
