"""A UTF-8 byte-order mark inside GBK text (cleaner/repair/inner_bom.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair.inner_bom import repair

SENTENCES = ["这座桥始建于明朝万历年间，后来多次重修。", "他在北京大学读完了研究生，之后回到家乡教书。",
             "会议决定成立一个新的工作小组，负责调查此事。"]


def _with_bom(before: str, after: str) -> str:
    return (before.encode("gbk") + b"\xef\xbb\xbf" + after.encode("gbk")).decode("gbk", "replace")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_mark_goes_and_the_text_after_it_is_read_in_step(sentence):
    for cut in range(0, len(sentence) - 4, 3):
        damaged = _with_bom(sentence[:cut], sentence[cut:])
        out = repair(damaged)
        assert "锘" not in out and len(out) == len(sentence)
        # At most the one character whose byte the reader rejected is lost (a U+FFFD).
        assert sum(a != b for a, b in zip(out, sentence)) <= 1
        assert all(a == b or a == "\ufffd" for a, b in zip(out, sentence))


def test_clean_text_with_the_character_stays():
    for text in ("锘是一个很少见的汉字。", "锘开", "《说文》：锘，可以开锁。"):
        assert repair(text) == text


# Every GB2312 character whose GBK bytes start with bf (the byte the mark leaves): after a genuine
# 锘 (nobelium) and before a clause mark, read as UTF-8 they would give a mark and a rare character.
_BF_LEAD = [chr(c) for c in range(0x4E00, 0x9FA6) if chr(c).encode("gbk", "ignore")[:1] == b"\xbf"
            and chr(c).encode("gb2312", "ignore")]


@pytest.mark.parametrize("after", ["，", "、", "与"])
def test_nobelium_before_any_common_character_stays(after):
    changed = [ch for ch in _BF_LEAD if repair(f"一小块锘{ch}{after}放射性很强。") != f"一小块锘{ch}{after}放射性很强。"]
    assert changed == []


def test_the_pipeline_records_it_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep")
    result = cleaner.run(_with_bom("", SENTENCES[0]))
    assert any(s.name == "utf8-bom-in-gbk" for s in result.steps)
    assert cleaner.clean(result.text) == result.text


@pytest.mark.parametrize("first", ["李", "加", "A", "2", "，", "中"])
def test_utf8_files_with_their_marks_read_as_gbk_keep_their_first_character(first):
    pages = [first + "晨是中国的一位演员。", first + "拿大总理今天宣布提前大选。"]
    damaged = "\n".join("\ufeff" + p for p in pages).encode("utf-8").decode("gbk", "replace")
    out = Cleaner(to="keep").clean(damaged)
    assert "锘" not in out
    assert [line[:1] for line in out.split("\n")] == [first, first]
