"""Headings of the article's sections sharing a form (cleaner/furniture/section_heads.py)."""

from __future__ import annotations

from cleaner.furniture.section_heads import section_heads

SENTENCES = ["被告人以刷单返利为名，诱骗原告先后转账三万元，随后将其拉黑。",
             "法院审理认为，被告人的行为构成诈骗罪，判处有期徒刑二年。",
             "法官提醒，凡是要求先垫付资金的刷单兼职都是诈骗，切勿轻信。"]


def test_rows_each_over_a_sentence_are_section_headings():
    texts = ["【基本案情】", SENTENCES[0], "【裁判结果】", SENTENCES[1], "【法官说法】"]
    sentence = lambda pos: texts[pos] in SENTENCES  # noqa: E731
    assert section_heads(texts, (0, 4, False), sentence)


def test_rows_one_under_another_or_parted_by_an_advert_are_a_list():
    texts = ["【热门】", "【推荐】", "广告", "【专题】"]
    assert not section_heads(texts, (0, 3, False), lambda pos: False)
    texts = ["【基本案情】", SENTENCES[0], "【裁判结果】", "【法官说法】"]  # no sentence between the last two rows
    assert not section_heads(texts, (0, 3, False), lambda pos: texts[pos] in SENTENCES)

