"""A headline's subtitle, with a dash or without (cleaner/furniture/decks.py), and the furniture stage
keeping it and the headline above it while the byline under them goes."""

import pytest

from cleaner import Cleaner
from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.decks import deck, decks, plain_deck
from cleaner.furniture.features import normalise, text_features
from cleaner.furniture.lexicon import load_lexicon


def is_deck(text: str) -> bool:
    text = normalise(text)
    return deck(text, text_features(text, load_lexicon()))


@pytest.mark.parametrize("text", ["——记全国劳动模范、市桥梁养护中心高级技师张建国",
                                  "——2026年1月12日在滨江市第十六届人民代表大会第五次会议上",
                                  "——解读《滨江市促进民营经济高质量发展若干措施》", "—— 访省作协主席王某",
                                  "（2026年1月12日在市人大会议上的报告）", "(在全市教育大会上的讲话)"])
def test_a_line_opened_by_a_dash_is_a_deck(text):
    assert is_deck(text)


@pytest.mark.parametrize("text", ["—— 完 ——", "——END——", "——", "来源：滨江日报 2026-01-20",
                                  "——来源：滨江日报", "记者 林涛", "——www.example.com",
                                  "（记者 林涛 通讯员 王明）", "（来源：在线新闻网）", "（2026年1月12日）"])
def test_end_marks_keys_links_and_bylines_are_no_deck(text):
    assert not is_deck(text)


def is_plain_deck(text: str) -> bool:
    text = normalise(text)
    return plain_deck(text, text_features(text, load_lexicon()))


@pytest.mark.parametrize("text", ["他们为上万种植物保存着未来", "全校只剩三名學生　明年起併入鄰校",
                                  "一座小城的“慢生活”", "老街改造 留住烟火气 守住老味道"])
def test_clauses_of_han_text_are_a_plain_deck(text):
    assert is_plain_deck(text)


@pytest.mark.parametrize("text", ["记者 林涛 通讯员 王明", "首页 要闻 人物 维权 职工生活", "本报记者林雅婷报道",
                                  "2026年4月29日 星期三", "来源：滨江工人报", "东岸日报", "分享到微信朋友圈",
                                  "字级 小 中 大 列印", "阅读 2385 评论 12", "一 二 三 四 五 六 七 八",
                                  "春天来了 夏天到了 秋天走了 冬天近了"])
def test_bylines_menus_dates_and_furniture_words_are_no_plain_deck(text):
    assert not is_plain_deck(text)


def test_decks_stand_between_the_headline_and_the_body():
    texts = ["标题", "——副题一", "——副题二", "——副题三", "正文"]
    feats = [text_features(normalise(t), load_lexicon()) for t in texts]
    assert decks(texts, feats, 0, 4) == {1, 2}  # DECKS_MAX
    assert decks(texts, feats, -1, 4) == set()
    assert decks(texts, feats, 2, 4) == {3}  # below the headline only
    assert decks(["标题", "记者 林涛", "——副题", "正文"], feats[:4], 0, 3) == {2}  # a byline between
    plain = ["标题", "他们为上万种植物保存着未来", "正文"]
    plain_feats = [text_features(normalise(t), load_lexicon()) for t in plain]
    assert decks(plain, plain_feats, 0, 2) == {1}
    assert decks(["标题", "记者 林涛", *plain[1:]], [plain_feats[0], feats[1], *plain_feats[1:]], 0, 3) == set()  # right under it only


BODY = ["三十年来，他几乎每天都要沿着这座大桥走上一遍，敲一敲螺栓，听一听声音，记下每一处细微的变化。",
        "同事们说，只要他在桥上，大家心里就踏实。去年冬天的一场寒潮中，他连续三天守在桥上，及时发现并处置了两处隐患。",
        "谈到未来，他说自己最大的心愿，是把这些年积累的经验整理成册，交给年轻的养护工人。"]


def test_the_deck_and_the_headline_above_it_stay_and_the_byline_goes():
    subtitle = "——2026年4月29日记全国劳动模范、市桥梁养护中心高级技师张建国"
    page = ["滨江工人报 首页 要闻 人物 维权 职工生活 电子版", "三十年守护一座桥", subtitle,
            "2026-04-29 来源：滨江工人报 记者 林涛", *BODY, "滨江工人报 版权所有"]
    removal = remove_furniture("\n".join(page), ())
    kept = removal.text.split("\n")
    assert kept == ["三十年守护一座桥", subtitle, *BODY]



HANT_BODY = ["六月的山風吹過操場，三個孩子穿著畢業服站在司令台前，台下坐滿了從各村趕來的家長與校友。",
             "這所學校創立於一九五二年，最多的時候有兩百多名學生，如今村裡的年輕人大多搬到了城市。",
             "校長說，學校會關，但孩子們在這裡學會的東西不會消失。"]


def test_a_plain_deck_split_by_a_space_stays_under_the_headline():
    # Its two clauses split by a print layout's ideographic space read as a short head line (head+len_13_30).
    subtitle = "全校只剩三名學生　明年起併入鄰校"
    page = ["東岸日報 即時 政治 社會 地方 生活 國際 影音", "地方", "山城小學的最後一屆畢業生", subtitle,
            "2027/06/18 14:20 記者林雅婷／花蓮報導", "分享 LINE 推特 複製連結", *HANT_BODY, "延伸閱讀",
            "偏鄉學校整併　家長憂通學路遠", "東岸日報 版權所有 © 2027 East Coast Daily"]
    kept = Cleaner(to="keep").run("\n".join(page), title="山城小學的最後一屆畢業生 - 東岸日報").text.split("\n")
    assert kept == ["山城小學的最後一屆畢業生", subtitle, *HANT_BODY]
