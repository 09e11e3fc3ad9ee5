"""Stretches a Japanese or Korean decoder made, set aside from the byte views (cleaner/repair/set_aside.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair.set_aside import NOTHING, euc_jp_stretches, hidden

SENTENCE = "本届欧洲国家杯决赛周共有十二个城市举办比赛，观众人数创下新高。"


def test_utf8_read_as_euc_kr_is_not_read_through_the_gbk_view():
    # Half its bytes marked: the GBK view used to invent characters. Read by UTF-8's grammar
    # (utf8_marks, in the code-page stage) instead, half of it back.
    broken = SENTENCE.encode("utf-8").decode("euc_kr", "replace")
    result = Cleaner(to="keep").run(f"{SENTENCE}\n{broken}")
    assert [s.name for s in result.steps] == ["read-as-other-code-page"]
    out = result.text.split("\n")[1]
    assert sum(a == b for a, b in zip(out, SENTENCE, strict=False)) > 0.45 * len(SENTENCE)


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


TRADITIONAL = [
    "香港特別行政區政府今日宣佈，將於下月推出新的經濟援助計劃，以支持受疫情影響的中小企業。",
    "臺灣的高速鐵路連接臺北與高雄，全程約需九十分鐘，每日載客量超過十五萬人次。",
    "這座圖書館收藏了大量珍貴的古籍與手稿，吸引許多學者前來研究。",
]


JAPANESE = "東京都は新しい条例を制定した。これは外国人観光客の増加に対応するためである。"


@pytest.mark.parametrize("text", [*TRADITIONAL, SENTENCE, JAPANESE])
def test_utf8_read_as_euc_jp_is_not_read_through_the_gbk_view(text):
    # EUC-JP loses every byte 80-a0: kanji and kana with U+FFFD every other character, whose
    # wildcards the GBK view filled with fluent inventions (邊陲憋裏忽, 献). Chinese is read by
    # UTF-8's grammar (utf8_marks, in the code-page stage), most of it back; Japanese, which the
    # model cannot read, is set aside as it came.
    broken = text.encode("utf-8").decode("euc_jp", "replace")
    assert euc_jp_stretches(broken)
    result = Cleaner(to="keep").run(f"{SENTENCE}\n{broken}")
    if text == JAPANESE:
        assert result.text == f"{SENTENCE}\n{broken}"
        assert not result.steps
        return
    assert [s.name for s in result.steps] == ["read-as-other-code-page"]
    out = result.text.split("\n")[1]
    assert sum(a == b for a, b in zip(out, text, strict=False)) > 0.45 * len(text)


@pytest.mark.parametrize("codec", ["gbk", "big5", "gb18030"])
@pytest.mark.parametrize("text", TRADITIONAL + [SENTENCE])
def test_what_a_gbk_or_big5_decoder_made_is_no_euc_jp_stretch(text, codec):
    # Their U+FFFD are rarer (GBK) or their bytes read as UTF-8 as well through their own view (Big5).
    assert euc_jp_stretches(text.encode("utf-8").decode(codec, "replace")) == []


@pytest.mark.parametrize("text", TRADITIONAL + [SENTENCE, "東京都は新しい条例を制定した。", "半角ｶﾀｶﾅ和全角カタカナ混排。",
                                                "서울특별시는 대한민국의 수도이다."])
def test_clean_text_is_no_euc_jp_stretch(text):
    assert euc_jp_stretches(text) == []
    assert euc_jp_stretches(text + "\ufffd") == []


@pytest.mark.parametrize("text", ["民主黨依然維持一定表現，但到了1864年總統選舉時民主黨所提名的好戰派候選人。", "交通部門沿海設各級"])
def test_big5_read_as_gbk_between_ascii_signs_is_no_euc_jp_stretch(text):
    # Three marks and a kanji between ASCII signs (���欷F1864) read as EUC-JP's wildcards; the
    # line's share of marks (Big5 as GBK: under half) says it is not EUC-JP's (review19 F1).
    broken = text.encode("big5").decode("gbk", "replace")
    assert euc_jp_stretches(broken) == []
    cleaner = Cleaner(to="keep", remove_furniture=False)
    once = cleaner.clean(broken)
    assert cleaner.clean(once) == once
