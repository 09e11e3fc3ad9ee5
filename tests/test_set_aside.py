"""Stretches a Japanese or Korean decoder made, set aside from the byte views (cleaner/repair/set_aside.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair.set_aside import NOTHING, hidden

SENTENCE = "本届欧洲国家杯决赛周共有十二个城市举办比赛，观众人数创下新高。"


def test_utf8_read_as_euc_kr_is_not_read_through_the_gbk_view():
    # Half its bytes lost: nothing can read it back, and the GBK view used to invent characters.
    broken = SENTENCE.encode("utf-8").decode("euc_kr", "replace")
    result = Cleaner(to="keep").run(f"{SENTENCE}\n{broken}")
    assert result.text == f"{SENTENCE}\n{broken}"
    assert not result.steps


@pytest.mark.parametrize("codec", ["euc_kr", "cp949", "cp932", "shift_jis"])
def test_hidden_and_restored_is_the_text(codec):
    broken = SENTENCE.encode("utf-8").decode(codec, "replace")
    page = f"他说：{broken}。\n{SENTENCE}"
    masked, aside = hidden(page)
    assert len(masked) == len(page) and masked != page
    assert SENTENCE in masked and "他说" in masked  # clean text stays visible
    assert aside.restore(masked) == page


@pytest.mark.parametrize("clean", [SENTENCE, "韩国首都首尔（서울）是韩国最大的城市。", "日本动画《ドラゴンボール》很有名。"])
def test_a_page_without_such_stretches_is_not_copied(clean):
    masked, aside = hidden(clean)
    assert aside is NOTHING and masked is clean  # hangul or kana written as such is text, not a decoder's
    assert aside.restore(masked) == clean


def test_a_stage_that_changed_a_stretch_set_aside_is_caught():
    broken = SENTENCE.encode("utf-8").decode("euc_kr", "replace")
    masked, aside = hidden(broken)
    with pytest.raises(ValueError):
        aside.restore(masked[:-3])
