"""Copyright words in a notice's form versus words a sentence speaks of (cleaner/furniture/copyright_form.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.furniture.copyright_form import copyright_notice, quoted


@pytest.mark.parametrize("line", ["版权所有 © 2024 江城晚报", "江城晚报社版权所有", "Copyright © 2005-2021 All Rights Reserved",
                                  "Copyright 2024 jiangcheng.example", "版权所有:江城晚报", "(c) 2019 江城晚报"])
def test_notice_forms(line):
    assert copyright_notice(line)


@pytest.mark.parametrize("line", ["按照协议，这部电影的版权所有人将在五年后变更。", "双方围绕版权所有权的归属争执多年。",
                                  "该剧的版权所有者是一家香港公司。", "他说，Copyright一词源于英国的出版业。",
                                  "老先生在手稿的封底写下“版权所有，不许翻印”几个字。", "她在信里抄了一句“版权所有，侵权必究”。"])
def test_words_a_sentence_speaks_of(line):
    assert not copyright_notice(line)


def test_a_quotation_needs_the_sentence_around_it():
    # Quoted with nothing of a sentence before it: a notice in quotes is still the notice.
    line = "“版权所有，侵权必究”"
    assert not quoted(line, 1, 5)
    line = "他写下“版权所有”四个字。"
    assert quoted(line, 4, 8)
    assert not quoted(line, 0, 2)  # no quotation open before the span


def test_a_line_without_any_of_the_words_characters_is_not_searched(monkeypatch):
    """The copyright pattern, which names re no first character (its search tries every character),
    is asked only of a line holding a character each of its forms holds (©, c, a, 版, case folded)."""
    from cleaner.furniture import copyright_form

    asked: list[str] = []
    pattern = copyright_form.COPYRIGHT

    class Spy:
        def finditer(self, text):
            asked.append(text)
            return pattern.finditer(text)

    monkeypatch.setattr(copyright_form, "COPYRIGHT", Spy())
    assert not copyright_notice("国务院副总理马凯近日在贵阳调研时强调，要加快建设工业互联网。")
    assert copyright_notice("© 2024 某某网") and copyright_notice("某某网版权所有") and copyright_notice("ALL RIGHTS RESERVED")
    assert asked == ["© 2024 某某网", "某某网版权所有", "ALL RIGHTS RESERVED"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["©", "(c)", "(C) 2024", "copyright", "COPYRIGHT", "版权所有", "版权所有人", "all rights reserved", "All Rights",
                                 "“", "”", "他写下", "某某网", " ", "。", "ſ", "K", "c", "a", "中"]), max_size=10).map("".join))
def test_the_notice_is_what_the_pattern_alone_found(text):
    from cleaner.furniture.copyright_form import COPYRIGHT

    assert copyright_notice(text) == any(not quoted(text, m.start(), m.end()) for m in COPYRIGHT.finditer(text))
