"""Annotation forms of cleaner/repair/annotations.py beyond the damage's own ``X(pīn)``: the CJK
brackets, zhuyin, and ruby over a whole line; and the text written on purpose that must stay.
(The damage itself and the realign path are tested in test_repair.py.)"""

import pytest

from cleaner import Cleaner
from cleaner.repair.annotations import _pinyin_as_zhuyin, _zhuyin_key, repair_pinyin, strip_annotations

# One sentence of a Traditional page (the probe's 醫學 paragraph), clean.
TRAD = "醫學方面有張仲景的醫學臨床著作《傷寒雜病論》；明朝醫藥學家李時珍的《本草綱目》。"


@pytest.mark.parametrize("written", [
    "醫【yī】學【xué】方面有張【zhāng】仲景的醫【yī】學【xué】臨【lín】床著作《傷【shāng】寒雜【zá】病論【lùn】》；"
    "明朝醫【yī】藥【yào】學【xué】家李時【shí】珍的《本草綱【gāng】目》。",
    "醫〔yī〕學〔xué〕方面有張〔zhāng〕仲景的醫〔yī〕學〔xué〕臨〔lín〕床著作《傷〔shāng〕寒雜〔zá〕病論〔lùn〕》；"
    "明朝醫〔yī〕藥〔yào〕學〔xué〕家李時〔shí〕珍的《本草綱〔gāng〕目》。",
    "醫［yi1］學［xue2］方面有張［zhang1］仲景的醫［yi1］學［xue2］臨［lin2］床著作《傷［shang1］寒雜［za2］病論［lun4］》；"
    "明朝醫［yi1］藥［yao4］學［xue2］家李時［shi2］珍的《本草綱［gang1］目》。",
    # zhuyin, in brackets or none
    "醫(ㄧ)學(ㄒㄩㄝˊ)方面有張(ㄓㄤ)仲景的醫(ㄧ)學(ㄒㄩㄝˊ)臨(ㄌㄧㄣˊ)床著作《傷(ㄕㄤ)寒雜(ㄗㄚˊ)病論(ㄌㄨㄣˋ)》；"
    "明朝醫(ㄧ)藥(ㄧㄠˋ)學(ㄒㄩㄝˊ)家李時(ㄕˊ)珍的《本草綱(ㄍㄤ)目》。",
    "醫（ㄧ）學（ㄒㄩㄝˊ）方面有張（ㄓㄤ）仲景的醫（ㄧ）學（ㄒㄩㄝˊ）臨（ㄌㄧㄣˊ）床著作《傷（ㄕㄤ）寒雜（ㄗㄚˊ）病論（ㄌㄨㄣˋ）》；"
    "明朝醫（ㄧ）藥（ㄧㄠˋ）學（ㄒㄩㄝˊ）家李時（ㄕˊ）珍的《本草綱（ㄍㄤ）目》。",
    "醫ㄧ學ㄒㄩㄝˊ方面有張ㄓㄤ仲景的醫ㄧ學ㄒㄩㄝˊ臨ㄌㄧㄣˊ床著作《傷ㄕㄤ寒雜ㄗㄚˊ病論ㄌㄨㄣˋ》；"
    "明朝醫ㄧ藥ㄧㄠˋ學ㄒㄩㄝˊ家李時ㄕˊ珍的《本草綱ㄍㄤ目》。",
])
def test_pinyin_in_cjk_brackets_and_zhuyin_on_traditional_characters_go(written):
    assert repair_pinyin(written).text == TRAD


@pytest.mark.parametrize("written", [
    "醫yī學xué方fāng面miàn有yǒu張zhāng仲zhòng景jǐng的de醫yī學xué臨lín床chuáng著zhù作zuò《傷shāng寒hán雜zá病bìng論lùn》；"
    "明míng朝cháo醫yī藥yào學xué家jiā李lǐ時shí珍zhēn的de《本běn草cǎo綱gāng目mù》。",
    "醫(yi1)學(xue2)方(fang1)面(mian4)有(you3)張(zhang1)仲(zhong4)景(jing3)的(de5)醫(yi1)學(xue2)臨(lin2)床(chuang2)著(zhu4)"
    "作(zuo4)《傷(shang1)寒(han2)雜(za2)病(bing4)論(lun4)》；明(ming2)朝(chao2)醫(yi1)藥(yao4)學(xue2)家(jia1)李(li3)時(shi2)"
    "珍(zhen1)的(de5)《本(ben3)草(cao3)綱(gang1)目(mu4)》。",
])
def test_ruby_over_a_whole_traditional_line_goes_whole(written):
    # Dropping only the Traditional characters' syllables would leave 醫學方fāng面miàn有yǒu張仲zhòng.
    assert repair_pinyin(written).text == TRAD


def test_ruby_line_tolerates_a_character_left_bare():
    # 仲 and 本 carry nothing (a reading the source lacked): 34 of 36 characters still carry one.
    written = ("醫yī學xué方fāng面miàn有yǒu張zhāng仲景jǐng的de醫yī學xué臨lín床chuáng著zhù作zuò《傷shāng寒hán雜zá病bìng論lùn》；"
               "明míng朝cháo醫yī藥yào學xué家jiā李lǐ時shí珍zhēn的de《本草cǎo綱gāng目mù》。")
    assert repair_pinyin(written).text == TRAD


def test_ruby_line_reads_on_past_numbers():
    written = "於yú1088年nián4月yuè在zài開kāi封fēng建jiàn過guò一yī座zuò鐘zhōng樓lóu。"
    assert repair_pinyin(written).text == "於1088年4月在開封建過一座鐘樓。"


def test_the_space_after_an_annotation_stays_unless_one_stands_before_it():
    assert strip_annotations("北門（mén）廣（guǎng）場（chǎng） 接近")[0] == "北門廣場 接近"
    assert strip_annotations("國 (guó) 務 (wù) 院")[0] == "國務院"


# Clean lines written on purpose: pinyin, zhuyin and brackets that are the text. None may change.
INTENDED = [
    # romanised names and English in brackets
    "北京（Beijing）是中国的首都，上海（Shanghai）是最大的城市。",
    "他住在臺北（Taipei）市，常去高雄（Kaohsiung）出差。",
    "【Reuters】路透社北京电，【独家】记者获悉，【快讯】今日开市。",
    "路透社【Reuters】消息，新华社【Xinhua】报道。",
    "【編者按】本文作者李【Li】先生是臺灣大學教授。",
    "〔新華社〕〔Xinhua〕發佈消息。",
    # notes on polyphones and lessons after Simplified characters
    "多音字练习：长【zhǎng】大、长【cháng】短；行【háng】业、行【xíng】走。",
    "请给下列汉字注音：妈（mā）麻（má）马（mǎ）骂（mà）。",
    "床chuáng前qián明míng月yuè光guāng，疑yí是shì地dì上shàng霜shuāng。",
    "床(chuang2)前(qian2)明(ming2)月(yue4)光(guang1)，疑(yi2)是(shi4)地(di4)上(shang4)霜(shuang1)。",
    # Simplified ruby holding a character t2s folds that both scripts write (乾隆, 乾卦)
    "乾qián隆lóng皇huáng帝dì下xià江jiāng南nán，巡xún视shì各gè地dì。",
    "天tiān行xíng健jiàn，君jūn子zǐ以yǐ自zì强qiáng不bù息xī，乾qián卦guà。",
    # one gloss alone, in any bracket
    "這裡的「長【zhǎng】」讀第三聲。",
    "「國」字讀作ㄍㄨㄛˊ，不讀ㄍㄨㄛˇ。",
    # zhuyin in a Taiwanese lesson, where it is the subject
    "注音符號：ㄅㄆㄇㄈ，例如「中」讀作ㄓㄨㄥ，「國」讀作ㄍㄨㄛˊ。",
    "國語課本：國（ㄍㄨㄛˊ）語（ㄩˇ）是我們的語言。",
    "小(ㄒㄧㄠˇ)明(ㄇㄧㄥˊ)的(˙ㄉㄜ)書(ㄕㄨ)包(ㄅㄠ)在(ㄗㄞˋ)桌(ㄓㄨㄛ)上(ㄕㄤˋ)。",
    "中ㄓㄨㄥ國ㄍㄨㄛˊ人ㄖㄣˊ說ㄕㄨㄛ國ㄍㄨㄛˊ語ㄩˇ。",
    "生字：學（ㄒㄩㄝˊ）、習（ㄒㄧˊ）、寫（ㄒㄧㄝˇ）；造詞：學習、寫字、讀書、寫信、習慣。",
]


@pytest.mark.parametrize("text", INTENDED)
def test_text_written_on_purpose_stays(text):
    assert strip_annotations(text)[0] == text
    assert repair_pinyin(text).text == text


def test_removal_is_a_recorded_step():
    result = Cleaner().run("醫【yī】學【xué】方面有張【zhāng】仲景的著作。")
    assert result.text == "医学方面有张仲景的著作。"
    assert any(s.name == "pinyin-annotations" and s.count == 3 for s in result.steps)


@pytest.mark.parametrize(("syllable", "zhuyin"), [
    ("guó", "ㄍㄨㄛ2"), ("zhī", "ㄓ1"), ("sì", "ㄙ4"), ("jù", "ㄐㄩ4"), ("quán", "ㄑㄩㄢ2"), ("yuè", "ㄩㄝ4"),
    ("wèi", "ㄨㄟ4"), ("lǜ", "ㄌㄩ4"), ("de", "ㄉㄜ5"), ("xióng", "ㄒㄩㄥ2"), ("ér", "ㄦ2"), ("guǐ", "ㄍㄨㄟ3"),
    ("liú", "ㄌㄧㄡ2"), ("dūn", "ㄉㄨㄣ1"), ("yī", "ㄧ1"), ("wēng", "ㄨㄥ1"), ("m", ""),
])
def test_pinyin_spelled_in_zhuyin(syllable, zhuyin):
    assert _pinyin_as_zhuyin(syllable) == zhuyin


def test_zhuyin_tones_are_read_wherever_the_mark_stands():
    assert [_zhuyin_key(z) for z in ("ㄍㄨㄛˊ", "ㄧ", "ㄧˉ", "˙ㄉㄜ", "ㄉㄜ˙", "ㄩˇ")] == \
        ["ㄍㄨㄛ2", "ㄧ1", "ㄧ1", "ㄉㄜ5", "ㄉㄜ5", "ㄩ3"]
