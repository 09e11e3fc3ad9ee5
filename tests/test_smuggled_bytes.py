"""Bytes smuggled into a str as surrogates (cleaner/smuggled_bytes.py): read back, not refused."""

import os

import pytest

from cleaner import Cleaner, NotText
from cleaner.smuggled_bytes import read_back, readable

ARTICLE = "国务院办公厅发布通知，要求各地加强安全生产管理，确保人民群众生命财产安全。"


@pytest.mark.parametrize("source", ["gbk", "big5", "utf-8"])
def test_a_page_read_with_surrogateescape_comes_back_whole(source):
    # A GBK (or Big5) page read as UTF-8 with surrogateescape keeps every byte as a surrogate.
    text = ARTICLE if source != "big5" else "國務院辦公廳發佈通知，要求各地加強安全生產管理。"
    smuggled = text.encode(source).decode("utf-8", "surrogateescape")
    assert readable(smuggled)
    result = Cleaner(to="keep").run(smuggled)
    assert result.text == text
    if source != "utf-8":  # valid UTF-8 escapes nothing: no step
        assert result.steps[0].name == "surrogate-escaped-bytes"


def test_lines_of_two_encodings_read_as_a_page_of_them():
    # A UTF-8 file with one GBK line: the str holds real characters and escaped bytes; its bytes
    # are the file's exactly, read line by line as the decoder reads such a file.
    raw = ("第一行是UTF-8。\n".encode() + "第二行是GBK。\n".encode("gbk") + "第三行。".encode())
    text = raw.decode("utf-8", "surrogateescape")
    assert Cleaner(to="keep").run(text).text == "第一行是UTF-8。\n第二行是GBK。\n第三行。"


def test_fsdecode_names_and_pairs():
    assert read_back(os.fsdecode("报告.txt".encode("gbk")) if os.name != "nt" else "报告.txt")[0] == "报告.txt"
    assert read_back("笑\ud83d\ude00脸") == ("笑😀脸", 1, [])


@pytest.mark.parametrize("text", ["\ud800中文", "中文\udc41", "\ude00\ud83d"])
def test_other_lone_surrogates_are_still_no_text(text):
    # A half with no partner, or U+DC00-DC7F (no byte escapes to them), stands for nothing.
    assert not readable(text)
    with pytest.raises(NotText):
        Cleaner().run(text)


def test_a_record_holding_escaped_bytes_is_cleaned(tmp_path):
    from cleaner.cli import main

    src = tmp_path / "in.jsonl"
    smuggled = "國務院發佈通知".encode("gbk").decode("utf-8", "surrogateescape")
    import json

    src.write_text(json.dumps({"text": smuggled}) + "\n" + json.dumps({"text": "\ud800"}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main([str(src), "-o", str(out), "--no-learn"]) == 1  # the second record fails, named
    first, second = out.read_text().splitlines()
    assert json.loads(first)["text"] == "国务院发布通知"
    assert second == json.dumps({"text": "\ud800"})
