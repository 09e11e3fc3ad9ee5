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



# Written for these tests: UTF-8 Chinese that Big5, gb2312 and EUC-KR with ``ignore`` keep about
# half of.
HALF_KEPT = "北大中国经济研究中心向社会作了经济形势的报告，会议由国家发展研究院院长主持。"


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs", "gb2312", "euc_kr"])
def test_the_walks_offer_every_character_the_decoder_kept_a_byte_of(codec):
    """``walks`` (``utf8_marks``' cut) reaches the true reading: each UTF-8 character the decoder
    kept a byte of is offered at its place, its dropped bytes put back at the gaps between the
    decoder's characters. A character dropped whole is not (nothing shows where it went)."""
    from wrong_decoders import MATRIX_DECODERS

    from cleaner.repair import utf8_marks

    data = HALF_KEPT.encode()
    starts: list[int] = []
    view = utf8_marks._view(data.decode(codec, "ignore"), codec, starts)
    dropped = {k for a, e in MATRIX_DECODERS[codec].tokens(data)[1] for k in range(a, e)}
    ways = dropped_bytes.walks(view, starts)
    at = place = 0  # the character's first byte; kept bytes before it
    offered = whole = 0
    for ch in HALF_KEPT:
        size = len(ch.encode())
        part = tuple(None if k in dropped else data[k] for k in range(at, at + size))
        after = place + sum(b is not None for b in part)
        if None in part and all(b is None for b in part):
            whole += 1
        else:
            assert (part, (), after) in ways(place, size), ch
            offered += None in part
        at, place = at + size, after
    assert offered >= 10 and whole < offered  # the test reaches what it is about


def test_the_walks_put_back_bytes_only_at_gaps_and_never_a_character_alone():
    view = [0xE5, 0x8C, 0x97, 0xE5, 0xA4]  # the decoder read two characters: bytes 0-2, 3-4
    ways = dropped_bytes.walks(view, [0, 3])
    parts = {part for part, _, _ in ways(0, 3)}
    assert (0xE5, 0x8C, 0x97) in parts and (0xE5, None, 0x8C) not in parts  # place 1 is no gap
    assert (None, 0xE5, 0xA4) in {part for part, _, _ in ways(3, 3)}  # place 3 is
    assert all(any(b is not None for b in part) for part, _, _ in ways(5, 2) + ways(3, 3))
