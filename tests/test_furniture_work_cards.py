"""A work's card in the article (cleaner/furniture/work_cards.py)."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.furniture import work_cards
from cleaner.furniture.work_cards import FIELDS_MIN, ROWS_KEYS, card_keys, card_rows, work_card

PROSE = [
    "这本书以散文的笔法写故乡的山川与旧事，作者用十年时间走遍了家乡的每一条河流和古道，"
    "把那些即将消失的地名、手艺和人物一一记录下来，读来既有温度，也有史料的分量。",
    "书中最动人的是写祖父的几篇，平实的叙述里藏着深情；对于在外漂泊的读者来说，"
    "这是一次在文字里的返乡，也提醒我们珍惜身边正在变化的风景和人情。",
]


@pytest.mark.parametrize("text", ["书名:《山河小记》 作者:林默 出版社:滨江文艺出版社",
                                  "書名:海港的早晨 作者:許靜宜 出版社:南方文化 出版日期:2026年2月",
                                  "片名:远山 导演:陈平 主演:李然 王青 片长:118分钟",
                                  "书名:《城南旧事》,作者:林海音,定价:36元"])
def test_a_row_naming_a_work_with_a_card_s_keys_only_is_a_card(text):
    assert work_card(text)


@pytest.mark.parametrize("text", ["作者:王敏 来源:滨江日报 浏览:356",  # no key names a work: a byline
                                  "书名:山河小记 作者:林默 更新时间:2026-03-02 浏览:1200",  # the site's record keys
                                  "出版社:滨江文艺出版社",  # one field
                                  "本书由滨江文艺出版社出版,作者林默。"])
def test_a_byline_a_site_s_record_or_a_sentence_is_no_card(text):
    assert not work_card(text)


def test_the_card_keys_are_read_from_the_lexicon_and_validated(tmp_path):
    names, keys = card_keys()
    assert "书名" in names and names <= keys and "作者" in keys
    bad = tmp_path / "lexicon.toml"
    bad.write_text('[work_cards]\nnames = ["书名"]\nkeys = []\n', encoding="utf-8")
    with pytest.raises(ValueError):
        card_keys(bad)


@pytest.mark.parametrize("card", ["书名：《山河小记》 作者：林默 出版社：滨江文艺出版社",
                                  "書名：海港的早晨 作者：許靜宜 出版社：南方文化 出版日期：2026年2月"])
def test_a_book_card_written_with_spaces_under_a_review_s_headline_stays(card):
    # It went as head+kv_filled (the comma form stays since session 33's undated_facts).
    title = "读《山河小记》：在文字里重走故乡_书评_滨江读书网"
    page = ["滨江读书网 首页 新书 书评 作家 活动", "读《山河小记》：在文字里重走故乡", card, "2026-03-20 来源：滨江晚报 作者：周小舟",
            *PROSE, "相关书评", "《江南旧事》：一座城的记忆 2026-03-12", "滨江读书网 版权所有"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert card in out, out
    assert "2026-03-20 来源：滨江晚报 作者：周小舟" not in out


@pytest.mark.parametrize("rows", [["导演:林家豪", "主演:陈思远 / 王一诺", "片长:128分钟"],
                                  ["導演：黃志偉", "主演：林柏宏、許瑋寧", "片長：115分鐘"],  # full-width colons, as a folded line keeps them
                                  ["书名:山河小记", "作者:林默"]])
def test_a_card_written_one_field_a_line(rows):
    assert card_rows(["标题", *rows, "正文"]) == set(range(1, len(rows) + 1))


@pytest.mark.parametrize("rows", [["作者:王敏", "来源:滨江日报", "片长:128分钟"],  # a byline's key breaks the run
                                  ["导演:林家豪", "片长:128分钟"],  # two keys, none naming the work
                                  ["片长:128分钟"]])
def test_a_byline_or_a_lone_length_is_no_card(rows):
    assert card_rows(rows) == set()


def test_the_colon_gate_knows_every_character_nfkc_makes_a_colon():
    # card_rows spares the NFKC pass a line without one of _COLONS: a character missing from it
    # would hide a card written with that colon.
    made = {chr(c) for c in range(sys.maxunicode + 1) if ":" in unicodedata.normalize("NFKC", chr(c))}
    assert all(work_cards._COLONS.fullmatch(c) for c in made), sorted(made)


@pytest.mark.parametrize("colon", ["\ufe55", "\ufe13", "\uff1a"])
def test_a_card_written_with_a_compatibility_colon(colon):
    rows = [f"导演{colon}林家豪", f"主演{colon}陈思远", f"片长{colon}128分钟"]
    assert card_rows(["标题", *rows, "正文"]) == {1, 2, 3}


def test_a_film_s_card_one_field_a_line_under_its_headline_stays():
    # losses35: 片长：128分钟 under 导演：… and 主演：… went as a player's duration (generic/duration).
    card = ["导演：林家豪", "主演：陈思远 / 王一诺 / 赵启明", "片长：128分钟", "上映日期：2026年10月1日"]
    title = "《山海之间》定档国庆 首曝终极预告_电影_影视快讯"
    page = ["影视快讯 首页 电影 电视剧 综艺 明星", "《山海之间》定档国庆 首曝终极预告", "2026-08-20 12:00 影视快讯 编辑：小鹿 阅读 9912",
            *card, *PROSE, "相关影片", "《长河落日》 评分 7.8", "影视快讯 版权所有"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert all(row in out for row in card), out
    assert "2026-08-20 12:00 影视快讯 编辑：小鹿 阅读 9912" not in out


def _card_rows_reference(texts):
    """card_rows as session 35 wrote it (every line through NFKC, every key found): the oracle
    of the gated reading, which must find the same rows."""
    names, keys = card_keys()
    out, run = set(), []
    for pos, text in enumerate([*texts, ""]):
        text = unicodedata.normalize("NFKC", text)
        found = work_cards._KEY.findall(text) if ":" in text else []
        if len(found) == 1 and found[0] in keys and text.lstrip().startswith(found[0]):
            run.append((pos, found[0]))
            continue
        held = {key for _, key in run}
        if len(held) >= ROWS_KEYS or len(held) >= FIELDS_MIN and held & names:
            out.update(p for p, _ in run)
        run = []
    return out


# Lines built of a card's keys and a byline's, every colon NFKC makes, gaps, separators and words.
_KEYS = ["导演", "主演", "片长", "书名", "作者", "出版社", "ISBN", "ＩＳＢＮ", "来源", "编辑", "导演说", ""]
_COLON = ["：", ":", "﹕", "︓", "⩴", " ：", ""]
_GAPS = ["", " ", "　", "\t", ",", "，", "|", "/", "他说"]
_VALUES = ["林家豪", "128分钟", "19", "《山河》", "。", "陈思远 / 王一诺", ""]
_FIELD = st.tuples(*(st.sampled_from(x) for x in (_GAPS, _KEYS, _COLON, _VALUES))).map("".join)
_LINE = st.lists(_FIELD, min_size=1, max_size=3).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=8))
def test_card_rows_finds_what_the_reference_finds(texts):
    assert card_rows(texts) == _card_rows_reference(texts)


def test_card_rows_matches_the_reference_on_pages_of_cards_and_prose():
    page = ["标题", "导演：林家豪", "主演：陈思远", "导演 导演：林家豪", "片长：128分钟", *PROSE, "他说：导演：林家豪",
            "导演：林家豪", "书名：山河 作者：林默", "主演：陈思远",
            " 书名：山河小记", "作者：林默", "来源：滨江日报 编辑：王敏", "ＩＳＢＮ：978-7", "出版社：滨江文艺出版社"]
    assert card_rows(page) == _card_rows_reference(page)
