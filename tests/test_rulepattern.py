"""Rule patterns prepared at load (cleaner/furniture/rulepattern.py)."""

import pytest
import regex

from cleaner.furniture.boilerplate import fold_page
from cleaner.furniture.rulepattern import needed_strings, widen
from cleaner.furniture.rules import load


@pytest.mark.parametrize("pattern, text", [
    (r"^编辑\s*:\s*(?P<editor>\S+)$", "编辑：张三"),
    (r"^\(责任编辑:[^)]{1,9}\)$", "（责任编辑：李四）"),
    (r"\d{4}-\d{2}-\d{2}", "２０２０－０１－０２"),
    (r"(?i)copyright", "ＣＯＰＹＲＩＧＨＴ"),
    (r"[a-z]+\.jpg", "ｐｈｏｔｏ.jpg"),
])
def test_widened_patterns_match_fullwidth_forms(pattern, text):
    assert regex.search(pattern, text) is None  # the pattern as written misses the fullwidth page
    assert regex.search(widen(pattern), text, regex.V1)


def test_widening_keeps_ascii_matches_and_syntax():
    for pattern, text in [(r"^[^,。]{1,5}$", "北京"), (r"(?P<a>x)\1", "xx"), (r"[a-]", "-")]:
        assert regex.search(widen(pattern), text, regex.V1)


def test_every_example_of_every_rule_holds_a_needed_string():
    # The prefilter must never skip a page the rule would change: each rule's own examples
    # (lines it must remove) hold one of its needed strings.
    for site in load().sites.values():
        for rule in site.rules:
            if rule.needs is None:
                continue
            for example in rule.examples:
                page = fold_page(example)  # rules see pages folded to Simplified
                assert any(s in page for s in rule.needs), (rule.id, example)


def test_needed_strings_are_few_and_specific():
    assert needed_strings(r"^(上一篇|下一篇)\s*:") == frozenset({"上一篇", "下一篇"})
    assert needed_strings(r"[^x]+") is None
