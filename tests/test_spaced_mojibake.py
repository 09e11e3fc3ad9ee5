"""Mojibake a word segmenter cut (cleaner/repair/spaced_mojibake.py)."""

import random
import re

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
