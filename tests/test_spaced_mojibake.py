"""Mojibake a word segmenter cut (cleaner/repair/spaced_mojibake.py)."""

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.repair.spaced_mojibake import repair

TEXTS = ["明朝中期爆发了一场农民起义，历时两年，波及数省。", "这座博物馆收藏了一千多件青铜器，其中不少是国宝。",
         "該公司於1984年在香港成立，主要經營船運與地產業務。", "他在Oxford University读完博士以后回国任教。"]


def _segmented(text: str, seed: int) -> str:
    """A space every one to three characters, an ASCII word kept whole (as jieba keeps it)."""
    rng, words = random.Random(seed), []
    for token in re.findall(r"[A-Za-z0-9]+|[^A-Za-z0-9 ]+", text):
        i = 0
        while i < len(token):
            k = len(token) if token.isascii() else rng.randint(1, 3)
            words.append(token[i:i + k])
            i += k
    return " ".join(words)


def test_the_segmenters_spaces_go_and_the_cleaner_reads_the_mojibake():
    cleaner = Cleaner(to="keep")
    for seed, text in enumerate(TEXTS):
        damaged = _segmented(text.encode("utf-8").decode("gbk", "replace"), seed)
        result = cleaner.run(damaged)
        assert any(s.name == "segmenter-spaces-in-mojibake" for s in result.steps)
        # Every character back but those whose byte the decoder rejected (guessed, with findings).
        wrong = sum(a != b for a, b in zip(result.text, text))
        assert len(result.text) == len(text) and wrong <= len(result.findings)
        assert cleaner.clean(result.text) == result.text


def test_an_own_space_between_letters_stays():
    damaged = _segmented("他在Oxford University读完博士".encode("utf-8").decode("gbk", "replace"), 1)
    assert Cleaner(to="keep").clean(damaged) == "他在Oxford University读完博士"


def test_clean_segmented_text_and_clean_mojibake_words_stay():
    for seed, text in enumerate(TEXTS):
        segmented = _segmented(text, seed)
        assert repair(segmented) == segmented
    assert repair("锟斤拷 烫烫烫 屯屯屯") == "锟斤拷 烫烫烫 屯屯屯"


def test_the_texts_own_spaces_in_mojibake_stay_for_the_byte_repairs():
    # A space the text had stands between UTF-8 characters, never inside one.
    for text in ("2002年10月9日 杨恭如在铜锣湾 一家餐厅遭人辱打", "表面唱家 暗里看空 证券登记结算管理办法"):
        damaged = text.encode("utf-8").decode("gbk", "replace")
        assert repair(damaged) == damaged


def test_only_the_lines_holding_two_spaces_are_searched(monkeypatch):
    """A run holds two spaces at least and no break: the pattern, tried at every character it is
    given, is given only such lines (a Chinese page's lines with no space are passed over)."""
    from cleaner.repair import spaced_mojibake

    given: list[str] = []
    page = "国务院副总理马凯近日在贵阳调研时强调，要加快建设工业互联网。\n鍒樺叚 鍒樹 竷鍙 涗贡 锛 岀垎\n一 二\n"
    expected = _repair_whole(page)
    monkeypatch.setattr(spaced_mojibake, "_RUN", _SpyPattern(spaced_mojibake._RUN, given))  # noqa: SLF001
    assert repair(page) == expected
    assert given == ["鍒樺叚 鍒樹 竷鍙 涗贡 锛 岀垎"]


class _SpyPattern:
    """A pattern that notes each text it is given."""

    def __init__(self, pattern: re.Pattern, given: list[str]):
        self.pattern, self.given = pattern, given

    def sub(self, read, text):
        self.given.append(text)
        return self.pattern.sub(read, text)


def _repair_whole(text: str) -> str:
    """``repair`` as first written: the run pattern searched over the whole text (the oracle)."""
    from cleaner.repair import spaced_mojibake

    return text if " " not in text else spaced_mojibake._RUN.sub(spaced_mojibake._read, text)  # noqa: SLF001


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["鍒樺叚", "鍒樹", "竷鍙", "涗贡", "锛", "岀垎", "刘", "A", "qu", "1", " ", " ", "\n", "\t", "\r", "\u3000", "\ufffd"]),
                max_size=24).map("".join))
def test_reading_line_by_line_is_reading_the_whole_text(text):
    assert repair(text) == _repair_whole(text)
