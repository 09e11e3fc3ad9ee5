"""Script conversion (cleaner/convert.py)."""

import pytest

from cleaner.convert import convert, correct_ambiguous, fold


@pytest.mark.parametrize(
    "text,target,out",
    [
        ("國務院", "zh-hans", "国务院"),
        ("国务院", "zh-hant", "國務院"),
        ("着眼于", "zh-hant", "着眼於"),
        ("軟件", "zh-tw", "軟體"),
        ("国务院", "keep", "国务院"),
        ("要著眼於保持穩定", "zh-hans", "要着眼于保持稳定"),
        ("显著增强", "zh-hans", "显著增强"),
        ("著名作家", "zh-hans", "著名作家"),
    ],
)
def test_targets(text, target, out):
    assert convert(text, target) == out


def test_conversion_is_idempotent_on_simplified():
    text = "显著增强，着力解决，著作权，随着发展"
    assert convert(text, "zh-hans") == text


def test_fold_is_script_neutral():
    assert fold("來源") == fold("来源") == "来源"


def test_correct_ambiguous_reads_by_word():
    assert correct_ambiguous("意味著") == "意味着"
