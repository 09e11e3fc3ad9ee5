"""Short stretches read where the page says which decoder (cleaner/repair/multi_byte_consensus.py)."""

from __future__ import annotations

from cleaner.repair import multi_byte_consensus
from cleaner.repair.code_pages import repair_code_pages

LINES = ["中华人民共和国国务院新闻办公室今天举行发布会。", "2004年2月29日", "介绍经济发展情况，他说我们的学校很漂亮。",
         "技术发展迅速，官方语言之一。"]


def _page(lines: list[str]) -> str:
    return "\n".join(line.encode("gbk").decode("cp932", "replace") for line in lines)


def test_a_date_between_digits_is_read_on_a_page_read_through_cp932(monkeypatch):
    # GBK 月 and 日 through cp932 are ﾔﾂ and ﾈﾕ: halfwidth katakana alone, no evidence on their
    # own; three other stretches of the page were GBK through cp932.
    broken = _page(LINES)
    assert "2ﾔﾂ29ﾈﾕ" in broken
    assert "2月29日" in repair_code_pages(broken).text
    monkeypatch.setattr(multi_byte_consensus, "agreed_stretches", lambda *a, **k: [])
    assert "2月29日" not in repair_code_pages(broken).text


def test_without_agreement_nothing_is_read():
    broken = _page(LINES[1:2])
    assert repair_code_pages(broken).text == broken
    assert multi_byte_consensus.agreed_stretches(broken, [(0, 1, "cp932", "gbk")] * 2, True) == []


def test_halfwidth_katakana_of_a_clean_page_is_left():
    text = "东京的ｶﾀｶﾅ招牌很多。" * 3
    assert repair_code_pages(text).text == text
