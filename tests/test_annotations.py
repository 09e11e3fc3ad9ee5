"""Annotation forms of cleaner/repair/annotations.py beyond the damage's own ``X(pīn)``: the CJK
brackets, zhuyin, and ruby over a whole line; and the text written on purpose that must stay.
(The damage itself and the realign path are tested in test_repair.py.)"""

import random
from pathlib import Path

import opencc
import pytest
from annotation_damage import BRACKETS, JOINS, STYLES, annotate, annotate_words

from cleaner import Cleaner
from cleaner.repair import annotations
from cleaner.repair.annotations import repair_pinyin, strip_annotations

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


ARTICLES = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "fixtures" / "clean").glob("*.txt"))]


def _articles(script: str) -> list[str]:
    return ARTICLES if script == "hans" else [opencc.OpenCC("s2t.json").convert(t) for t in ARTICLES]


@pytest.mark.parametrize("script", ["hans", "hant"])
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("brackets", BRACKETS)
def test_annotations_in_every_form_go_on_either_script(brackets, style, script):
    # A third of the characters annotated at random, shared ones (个, 天, 在) among them: none
    # may stay, and no hybrid of the two scripts' characters (湖南（nán）张家界开一个).
    for seed, text in enumerate(_articles(script)):
        assert repair_pinyin(annotate(text, random.Random(seed), brackets, style)).text == text


@pytest.mark.parametrize("script", ["hans", "hant"])
# Apostrophes split pinyin syllables (xi'an), not zhuyin's, whose tone signs end them.
@pytest.mark.parametrize(("join", "style"), [(j, s) for j in JOINS for s in STYLES if (j, s) != ("apostrophes", "zhuyin")])
@pytest.mark.parametrize("brackets", ["()", "（）", "【】"])
def test_words_followed_by_their_syllables_go(brackets, join, style, script):
    # 國務院(guówùyuàn), 贵阳（guì yáng）, 張家界【zhāng'jiā'jiè】, 國務院(guo2wu4yuan4), 國務院（ㄍㄨㄛˊ ㄨˋ ㄩㄢˋ）
    for seed, text in enumerate(_articles(script)):
        assert repair_pinyin(annotate_words(text, random.Random(seed), brackets, join, style=style)).text == text


def test_sparse_annotations_go_where_the_page_shows_them_needless():
    # About one character in eighty: no line holds three, but over the page they are common
    # characters read their commonest way, which nobody glosses.
    text = "\n".join(ARTICLES)
    written = annotate(text, random.Random(0), "（）", share=0.012)
    per_line = [a.count("（") - b.count("（") for a, b in zip(written.split("\n"), text.split("\n"))]
    assert max(per_line) <= 2 and sum(per_line) >= 8
    assert repair_pinyin(written).text == text


def test_on_a_damaged_page_a_line_with_one_annotation_loses_it():
    page = "我在湖南（nán）张家界开一个（gè）全省会议。按（àn）照（zhào）惯例，会议安排了一天（tiān）时间。\n那一天正好（hǎo）是四月。"
    assert repair_pinyin(page).text == "我在湖南张家界开一个全省会议。按照惯例，会议安排了一天时间。\n那一天正好是四月。"


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
    # one gloss alone, in any bracket
    "這裡的「長【zhǎng】」讀第三聲。",
    "「國」字讀作ㄍㄨㄛˊ，不讀ㄍㄨㄛˇ。",
    # zhuyin in a Taiwanese lesson, where it is the subject
    "注音符號：ㄅㄆㄇㄈ，例如「中」讀作ㄓㄨㄥ，「國」讀作ㄍㄨㄛˊ。",
    "國語課本：國（ㄍㄨㄛˊ）語（ㄩˇ）是我們的語言。",
    "生字：學（ㄒㄩㄝˊ）、習（ㄒㄧˊ）、寫（ㄒㄧㄝˇ）；造詞：學習、寫字、讀書、寫信、習慣。",
    # glosses of rare characters and of readings, word by word, in articles and dictionaries
    "耄耋（mào dié）之年，指八九十岁的年纪。",
    "中国（拼音：Zhōngguó）位于亚洲东部，首都北京（Běijīng）。",
    "单于（chán yú）、阏氏（yān zhī）、冒顿（mò dú）都是匈奴的称号或人名。",
    "安徽的六安（lù ān）、蚌埠（bèng bù）和亳州（bó zhōu），江西的铅山（yán shān），外地人常常念错。",
    "在《诗经》里，“于嗟鸠兮”的“于”（xū）是叹词，“参差荇菜”的“参差”（cēn cī）是不整齐的样子，“窈窕”（yǎo tiǎo）是美好的样子。",
    # a list of words with their readings: common characters, but each item named whole
    "给予（jǐ yǔ）、档案（dàng àn）、友谊（yǒu yì）、比较（bǐ jiào）、氛围（fēn wéi）、处理（chǔ lǐ）。",
    "你好（nǐ hǎo）！谢谢（xiè xie）！再见（zài jiàn）！对不起（duì bu qǐ）！",
    "小朋友，請跟我念：爸爸（bà ba）、媽媽（mā ma）、哥哥（gē ge）、姐姐（jiě jie）。",
    # names and brands spelled in toneless pinyin after the word
    "他先后在美团(meituan)、百度(baidu)和小红书(xiaohongshu)工作，后来去了京东(jingdong)。",
    # a lesson on Traditional characters: its readings are its subject, the Traditional ones too
    "多音字練習：長【zhǎng】大、長【cháng】短；行【háng】業、行【xíng】走。",
    "這個字讀作「行（háng）」，不讀「行（xíng）」；銀行（yínháng）、行走（xíngzǒu）。",
    # a glossary or a vocabulary, a word with its reading a line; names listed with theirs
    "耄耋（mào dié）\n单于（chán yú）\n阏氏（yān zhī）\n冒顿（mò dú）",
    "银行（yín háng）\n学校（xué xiào）\n老师（lǎo shī）\n同学（tóng xué）",
    "李白（lǐ bái）、杜甫（dù fǔ）、白居易（bái jū yì）、王维（wáng wéi）",
    # a textbook's lesson: its words and their readings
    "第一课 你好(nǐhǎo)\n你好(nǐhǎo)！我叫(wǒjiào)大卫。\n谢谢(xièxie)！不客气(búkèqi)。",
    # readings that contrast on one character, and one quoted gloss, with no lesson's word
    "长【zhǎng】大、长【cháng】短；行【háng】业、行【xíng】走。",
    "重（zhòng）要的重，重（chóng）复的重。",
    "她说的“行（háng）”是行业的意思。",
]


@pytest.mark.parametrize("text", INTENDED)
def test_text_written_on_purpose_stays(text):
    assert strip_annotations(text)[0] == text
    assert repair_pinyin(text).text == text


# Ruby over every character of running text, with no lesson's word in it or beside it: a layer
# over the text (a page's <rt>), not the text, on either script and in every form. (Until session
# 21 ruby over Simplified characters alone was kept as a children's text; see docs/repair.md §3.1.)
RUBY_OVER_TEXT = [
    ("床chuáng前qián明míng月yuè光guāng，疑yí是shì地dì上shàng霜shuāng。", "床前明月光，疑是地上霜。"),
    ("床(chuang2)前(qian2)明(ming2)月(yue4)光(guang1)，疑(yi2)是(shi4)地(di4)上(shang4)霜(shuang1)。", "床前明月光，疑是地上霜。"),
    # a character t2s folds that both scripts write (乾隆, 乾卦)
    ("乾qián隆lóng皇huáng帝dì下xià江jiāng南nán，巡xún视shì各gè地dì。", "乾隆皇帝下江南，巡视各地。"),
    ("天tiān行xíng健jiàn，君jūn子zǐ以yǐ自zì强qiáng不bù息xī，乾qián卦guà。", "天行健，君子以自强不息，乾卦。"),
    ("小(ㄒㄧㄠˇ)明(ㄇㄧㄥˊ)的(˙ㄉㄜ)書(ㄕㄨ)包(ㄅㄠ)在(ㄗㄞˋ)桌(ㄓㄨㄛ)上(ㄕㄤˋ)。", "小明的書包在桌上。"),
    ("中ㄓㄨㄥ國ㄍㄨㄛˊ人ㄖㄣˊ說ㄕㄨㄛ國ㄍㄨㄛˊ語ㄩˇ。", "中國人說國語。"),
    # line by line, a short line too
    ("春（chūn）天（tiān）来（lái）了（le）\n小（xiǎo）草（cǎo）绿（lǜ）了（le），花（huā）儿（ér）开（kāi）了（le）。",
     "春天来了\n小草绿了，花儿开了。"),
    # a title of three characters over a poem: one text under ruby
    ("春【chūn】晓【xiǎo】\n春【chūn】眠【mián】不【bù】觉【jué】晓【xiǎo】，处【chù】处【chù】闻【wén】啼【tí】鸟【niǎo】。",
     "春晓\n春眠不觉晓，处处闻啼鸟。"),
    # a lesson's word far from the ruby (three lines up) does not reach it
    ("拼音是汉字的注音工具。\n第二段讲历史。\n第三段讲地理。\n"
     "今（jīn）天（tiān）下（xià）午（wǔ），我（wǒ）们（men）在（zài）北（běi）京（jīng）开（kāi）会（huì）。",
     "拼音是汉字的注音工具。\n第二段讲历史。\n第三段讲地理。\n今天下午，我们在北京开会。"),
]


@pytest.mark.parametrize(("written", "clean"), RUBY_OVER_TEXT)
def test_ruby_over_running_text_goes_on_either_script(written, clean):
    assert repair_pinyin(written).text == clean
    assert repair_pinyin(clean).text == clean


@pytest.mark.parametrize("script", ["hans", "hant"])
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("brackets", [*BRACKETS, ""])
def test_ruby_over_every_character_goes_on_either_script(brackets, style, script):
    # Every Han character followed by its reading (pypinyin's over the whole text: 长大 zhǎng),
    # in every bracket and bare.
    if not brackets and style == "numbers":
        pytest.skip("bare tone numbers are not ruby: 床chuang2前qian2 reads as words and numbers")
    for seed, text in enumerate(_articles(script)):
        assert repair_pinyin(annotate(text, random.Random(seed), brackets, style, share=1.0)).text == text


# Ruby beside a lesson's heading or instruction, in the line before it, two lines up or after it:
# a page judges its lines with the lines beside them (a line alone is judged by strip_annotations).
LESSON_BESIDE = [
    "请给下列汉字注音：\n妈（mā）麻（má）马（mǎ）骂（mà）",
    "一年级拼音儿歌\n春（chūn）晓（xiǎo）\n\n春（chūn）眠（mián）不（bù）觉（jué）晓（xiǎo），处（chù）处（chù）闻（wén）啼（tí）鸟（niǎo）。\n"
    "夜（yè）来（lái）风（fēng）雨（yǔ）声（shēng），花（huā）落（luò）知（zhī）多（duō）少（shǎo）。",
    "注音符號練習\n小(ㄒㄧㄠˇ)明(ㄇㄧㄥˊ)的(˙ㄉㄜ)書(ㄕㄨ)包(ㄅㄠ)在(ㄗㄞˋ)桌(ㄓㄨㄛ)上(ㄕㄤˋ)。",
    "床chuáng前qián明míng月yuè光guāng，疑yí是shì地dì上shàng霜shuāng。\n（读音：上一行的每个字都标了声调。）",
    "第三课\n\n我（wǒ）爱（ài）北（běi）京（jīng）天（tiān）安（ān）门（mén）。",
    "跟我读：\n我（wǒ）是（shì）中（zhōng）国（guó）人（rén）。",
]


@pytest.mark.parametrize("text", LESSON_BESIDE)
def test_ruby_beside_a_lesson_stays(text):
    assert repair_pinyin(text).text == text


# Learner pages with no lesson's word: the layout says they teach (session 22). Each lost its
# pinyin before: ruby over running text with no 注音/拼音/读作 within two lines.
LEARNER_PAGES = [
    # HSK-style numbered sentences
    "1. 我（wǒ）是（shì）学（xué）生（sheng）。\n2. 他（tā）是（shì）我（wǒ）的（de）朋（péng）友（you）。\n"
    "3. 你（nǐ）叫（jiào）什（shén）么（me）名（míng）字（zi）？",
    # a dialogue's turns
    "A：你（nǐ）好（hǎo）！你（nǐ）叫（jiào）什（shén）么（me）名（míng）字（zi）？\nB：我（wǒ）叫（jiào）王（wáng）明（míng）。你（nǐ）呢（ne）？\n"
    "A：我（wǒ）叫（jiào）李（lǐ）华（huá）。",
    # a poem: its title with pinyin of its own under it, and verse under ruby
    "静夜思\njìng yè sī\n李白\n床（chuáng）前（qián）明（míng）月（yuè）光（guāng），疑（yí）是（shì）地（dì）上（shàng）霜（shuāng）。",
    "静（jìng）夜（yè）思（sī）\n［唐］李（lǐ）白（bái）\n床（chuáng）前（qián）明（míng）月（yuè）光（guāng），疑（yí）是（shì）地（dì）上（shàng）霜（shuāng）。\n"
    "举（jǔ）头（tóu）望（wàng）明（míng）月（yuè），低（dī）头（tóu）思（sī）故（gù）乡（xiāng）。",
    # sentences, each with its pinyin line or its English translation
    "我（wǒ）爱（ài）北（běi）京（jīng）天（tiān）安（ān）门（mén）。\nwǒ ài běi jīng tiān ān mén.",
    "我（wǒ）是（shì）学（xué）生（sheng）。\nI am a student.\n他（tā）是（shì）我（wǒ）的（de）朋（péng）友（you）。\nHe is my friend.",
    # a lesson's words of a learner's page: HSK, 例句, 生词
    "HSK一级例句\n我（wǒ）们（men）明（míng）天（tiān）去（qù）北（běi）京（jīng）。",
]


@pytest.mark.parametrize("text", LEARNER_PAGES)
def test_a_learner_pages_layout_keeps_its_ruby(text):
    assert repair_pinyin(text).text == text


# Ruby over pages whose layout only looks like a lesson's: numbered headings and long numbered
# clauses of a notice, an English title over a paper, prose in lines of one length. It goes.
LAYER_OVER_DOCUMENTS = [
    ("1、树（shù）立（lì）新（xīn）规（guī）范（fàn）的（de）意（yì）义（yì）\n2、榜（bǎng）样（yàng）的（de）力（lì）量（liàng）\n"
     "3、利（lì）益（yì）的（de）作（zuò）用（yòng）及（jí）其（qí）问（wèn）题（tí）",
     "1、树立新规范的意义\n2、榜样的力量\n3、利益的作用及其问题"),
    ("电（diàn）子（zǐ）商（shāng）务（wù）物（wù）流（liú）配（pèi）送（sòng）的（de）问（wèn）题（tí）与（yǔ）对（duì）策（cè）研（yán）究（jiū）\n"
     "Study on Problems and Countermeasures of E-commerce Logistics\n"
     "摘（zhāi）要（yào）：本（běn）文（wén）分（fēn）析（xī）了（le）物（wù）流（liú）配（pèi）送（sòng）的（de）现（xiàn）状（zhuàng）。",
     "电子商务物流配送的问题与对策研究\nStudy on Problems and Countermeasures of E-commerce Logistics\n摘要：本文分析了物流配送的现状。"),
]


@pytest.mark.parametrize(("written", "clean"), LAYER_OVER_DOCUMENTS)
def test_ruby_over_a_document_that_only_looks_like_a_lesson_goes(written, clean):
    assert repair_pinyin(written).text == clean


def test_after_a_question_mark_the_pages_damaged_form_goes_too():
    # The text after a line's first "?" is re-read by realign, which drops the damage's own
    # (pīn); the toneless notes of the same form (们(men), 的(de)) go there as before the "?".
    written = ("所(suǒ)以爱(ài)是什么，爱(ài)是(shì)由接(jiē)受的人决定的。你认(rèn)为那些(xiē)行为都(dōu)是爱吗?"
               "问题(tí)是他(tā)们(men)有没有(yǒu)接(jiē)收(shōu)到，很多的(de)孩子(zi)。")
    assert repair_pinyin(written).text == "所以爱是什么，爱是由接受的人决定的。你认为那些行为都是爱吗?问题是他们有没有接收到，很多的孩子。"


def test_removal_is_a_recorded_step():
    result = Cleaner().run("醫【yī】學【xué】方面有張【zhāng】仲景的著作。")
    assert result.text == "医学方面有张仲景的著作。"
    assert any(s.name == "pinyin-annotations" and s.count == 3 for s in result.steps)


# --- page_forms passes over the lines of a form already found ---------------------------------

def _page(*lines: str) -> str:
    return "\n".join(lines)


_DAMAGED = annotate(TRAD, random.Random(1), "()", share=0.3)  # the damage's form, running text
_RUBY = {b: annotate(TRAD, random.Random(2), b, share=1.0) for b in ("()", "（）")}  # ruby over a line


def test_page_forms_reads_the_notes_of_a_line_only_while_its_forms_may_be_new(monkeypatch):
    # A damaged page shows its form on its first line; its other lines, holding only that form's
    # bracket, are not read for their notes (they were, every one, at two thirds of the repair's
    # time outside the realign on the seed chain's pages).
    from cleaner.repair import annotation_notes

    read = []
    real = annotation_notes.notes
    monkeypatch.setattr(annotation_notes, "notes", lambda text: read.append(text) or real(text))
    page = _page(*[_DAMAGED] * 20)
    assert annotations.page_forms(page) == {("(", "pinyin")}
    assert len(read) == 1


@pytest.mark.parametrize("page", [
    _page(*[_DAMAGED] * 5),
    _page(_DAMAGED, _RUBY["()"], _RUBY["（）"]),  # ruby of a new form in a block with a line passed over
    _page(_DAMAGED, TRAD, _RUBY["（）"], _DAMAGED),
    _page(_RUBY["（）"], _DAMAGED, _DAMAGED),
    _page("请给下列汉字注音：", _DAMAGED, _RUBY["()"], _RUBY["（）"]),  # a lesson's words beside the block
    _page(_DAMAGED, annotate(TRAD, random.Random(3), "（）", "zhuyin"), annotate(TRAD, random.Random(4), "")),
])
def test_page_forms_are_those_of_reading_every_line(page):
    assert annotations.page_forms(page) == annotations._page_forms(page, skip_known=False)


def test_a_ruby_line_of_a_new_form_has_the_page_read_again():
    page = _page(_DAMAGED, _RUBY["()"], _RUBY["（）"])
    assert annotations._page_forms(page, skip_known=True) is None
    assert annotations.page_forms(page) == {("(", "pinyin"), ("（", "pinyin")}


@pytest.mark.parametrize("script", ["hans", "hant"])
@pytest.mark.parametrize("style", STYLES)
def test_page_forms_of_annotated_articles_are_those_of_reading_every_line(style, script):
    for seed, text in enumerate(_articles(script)):
        rng = random.Random(seed)
        lines = [annotate(line, rng, rng.choice(BRACKETS + [""]), style, share=rng.choice((0.02, 0.3, 1.0)))
                 for line in text.split("\n")]
        page = "\n".join(lines)
        assert annotations.page_forms(page) == annotations._page_forms(page, skip_known=False)
