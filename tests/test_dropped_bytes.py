"""Where a Japanese or Korean decoder reading UTF-8 with ``errors="ignore"`` dropped bytes."""

from __future__ import annotations

import pytest

from cleaner.repair import dropped_bytes
from cleaner.repair.code_pages import repair_code_pages

LOST = "\ufffd"
# Sentences written for these tests (no corpus text): through cp932 and shift_jis with ``ignore``
# each loses bytes of 、，。 and of Han whose UTF-8 continuation bytes are empty cp932 rows.
SENTENCES = [
    "各地积极开展村庄清洁行动，群众参与热情很高。",
    "韩国首尔的天气预报说，明天将会下雨，气温下降。",
    "昨天看到老冒的文章，我对他的看法和理解很认同。",
]


@pytest.mark.parametrize("codec", ["cp932", "shift_jis"])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_bytes_decide_where_replace_would_have_marked(sentence, codec):
    """As many bytes are put back as ``replace`` marked, and every gap all placements agree on
    holds the marks ``replace`` wrote there; the gaps left open are in regions."""
    data = sentence.encode()
    run = data.decode(codec, "ignore")
    marks: dict[int, int] = {}  # gap in ``run``: U+FFFD replace wrote there
    seen = 0
    for i, ch in enumerate(data.decode(codec, "replace")):
        if ch == LOST:
            marks[i - seen] = marks.get(i - seen, 0) + 1
            seen += 1
    count, fixed, regions = dropped_bytes.gaps(run, codec)
    assert count == seen
    assert fixed and all(marks.get(g) == k for g, k in fixed.items())
    open_gaps = {g for region in regions for g in region}
    assert all(g in fixed or g in open_gaps for g in marks)


def test_a_tie_is_an_open_region_with_each_way_a_choice():
    """及翅 (e5 8f 8a e7 bf 85) through cp932 is 蜿顔ｿ, 85 dropped before 譫 or after ｿ: the
    bytes do not say which, and both ways are offered."""
    run = "及翅果木".encode().decode("cp932", "ignore")
    count, fixed, regions = dropped_bytes.gaps(run, "cp932")
    assert count == 1 and not fixed and len(regions) == 1
    assert len(dropped_bytes.choices(run, "cp932", regions[0], fixed)) == 2


def test_clean_text_loses_nothing():
    """Text the decoder read whole parses as UTF-8 with nothing put back."""
    run = "中国人".encode().decode("cp932")
    assert dropped_bytes.gaps(run, "cp932")[0] == 0
    run = "中文字".encode().decode("cp932", "ignore")  # 荳ｭ譁蟄: 文 and 字 lost their last byte
    assert dropped_bytes.gaps(run, "cp932") == (2, {3: 1, 4: 1}, [])


@pytest.mark.parametrize("codec", ["cp932", "shift_jis"])
def test_dropped_bytes_are_read_back_not_guessed_around(codec):
    """开展 came back 开屏 or 式展, 村庄清 村序渐, and ，as a halfwidth ｼ: readings resting on bytes
    nobody marked. Marked where the bytes say, the sentence reads back whole."""
    sentence = "韩国首尔的天气预报说，明天将会下雨，气温下降。"
    fixed = repair_code_pages("据报道，" + sentence.encode().decode(codec, "ignore"))
    assert fixed.text == "据报道，" + sentence
    assert "ｼ" not in fixed.text


def test_lost_bytes_chosen_by_the_model_are_reported():
    sentence = "各地积极开展村庄清洁行动，群众参与热情很高。"
    fixed = repair_code_pages("据报道，" + sentence.encode().decode("shift_jis", "ignore"))
    assert fixed.text == "据报道，" + sentence
    assert any(f.kind == "lost-byte" for f in fixed.findings)
