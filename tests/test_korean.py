"""Korean words in Chinese text are text, not a Korean decoder's misreading (cleaner/korean.py)."""

import pytest

from cleaner import korean
from cleaner.pipeline import Cleaner


@pytest.mark.parametrize("text", [
    "学日语的第一课，韩语则是「감사합니다」。老师还说，在東京的車站里。",
    "他说的是「안녕하세요」。老师还说，在东京。",
    "学生都是「사랑해요」。老师还说，在东京。",
    "意思是“반갑습니다」。老师还说，在东京。",
    # Against Han with no sign between: read as a word of common syllables (code_pages
    # KOREAN_SYLLABLE), it came back 감사합聪促。终师 before session 44.
    "学日语的第一课，韩语则是감사합니다。老师还说，在東京的車站里。",
    "韩语则是감사합니다。老师说。",
])
def test_korean_in_chinese_is_kept(text):
    assert Cleaner(to="keep").clean(text) == text


def test_misread_hangul_is_no_word():
    # GBK read by cp949: syllables beside Hanja, and rare extension syllables
    misread = "据报道，这个城市的发展很快".encode("gbk").decode("cp949", "replace")  # 앴괩돛，侶몸냘懇…
    assert not korean.words_only(misread)
    assert Cleaner(to="keep").clean(misread) == "据报道，这个城市的发展很快"
    assert not korean.words_only("「감사뾝니다」")  # 뾝 is outside KS X 1001's common syllables
