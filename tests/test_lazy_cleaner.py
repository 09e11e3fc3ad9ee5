"""The adapters' shared part (cleaner/adapters/lazy_cleaner.py)."""

import pickle

import pytest

from cleaner.adapters.lazy_cleaner import LazyCleaner, clean_document
from cleaner.config import Config, config_from


class Step(LazyCleaner):
    def __init__(self, config=None, **options):
        self.config = config_from(config, options, "Step()")


def test_one_cleaner_per_process_and_config_and_pickles_as_its_config():
    step = Step(to="zh-tw")
    assert step.cleaner.clean("软件") == "軟體"
    assert Step(Config(to="zh-tw")).cleaner is step.cleaner  # built once per process and Config
    copy = pickle.loads(pickle.dumps(step))
    assert copy.config == step.config and copy.cleaner.clean("软件") == "軟體"


def test_config_or_options_not_both():
    with pytest.raises(TypeError, match="not both"):
        Step(Config(), to="zh-tw")


def test_clean_document_passes_a_bad_document_through_with_its_reason():
    cleaner = Step(max_chars=20).cleaner
    assert clean_document(cleaner, "國(guó)務(wù)院")[::2] == ("国务院", None)
    assert clean_document(cleaner, None) == (None, None, "not a string (NoneType)")
    assert clean_document(cleaner, 7) == (7, None, "not a string (int)")
    text = "中文" * 20
    out, result, why = clean_document(cleaner, text)
    assert (out, result) == (text, None) and why.startswith("too large")
    # Lone surrogates are no text: a clear reason, not an internal error.
    out, result, why = clean_document(Step().cleaner, "國務院\ud800中文" * 30)
    assert (out, result) == ("國務院\ud800中文" * 30, None) and why.startswith("not text (") and "surrogates" in why
    # A URL a crawl wrote badly names no site; it is not an error.
    assert clean_document(cleaner, "國(guó)務(wù)院", "http://[::1")[::2] == ("国务院", None)


def test_clean_document_takes_the_page_s_own_title():
    # A thread page lists other threads' pieces under its own; the <title> names the one to keep,
    # as it does for an HTML file or a JSON Lines record's "title" field.
    from test_furniture_posts import ARTICLE, PIECES

    cleaner = Step().cleaner
    title = "一座城市的记忆从哪里开始-城市记忆-青灯论坛"
    page = "\n".join([*ARTICLE, *PIECES])
    out, result, why = clean_document(cleaner, page, title=title)
    assert why is None and out == cleaner.run(page, title=title).text != cleaner.run(page).text
    assert clean_document(cleaner, page, title=title, details=True)[1].meta["title"] == title
    assert clean_document(cleaner, page, title=7)[0] == cleaner.run(page).text  # not a string: no title


def test_clean_document_passes_a_failing_document_through(monkeypatch):
    cleaner = Step(to="zh-tw").cleaner

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cleaner, "run", broken)
    assert clean_document(cleaner, "中文") == ("中文", None, "internal error (RuntimeError: boom)")


def test_a_document_that_is_an_html_page_is_read_as_the_page_as_a_records_field_is():
    # The adapters (datatrove, data-juicer, Ray's CleanBatch) cleaned HTML as text: 26.6 % CER
    # against the records engine's 6.9 % on the same pages (probe35u F1).
    pytest.importorskip("resiliparse", reason="resiliparse is a core dependency: pip install -e .")
    from test_io_html_field import AGENDA, STORY, _as_file

    cleaner = Step().cleaner
    for page in (AGENDA, STORY):
        out, result, why = clean_document(cleaner, page)
        assert why is None and out == _as_file(page)
    assert clean_document(cleaner, STORY, title="小李的故事", details=True)[1].meta["title"] == "小李的故事"  # the document's own title wins
    # An adapter given keep_markup's option reads it as text.
    assert "<p>小李今年" in clean_document(Step(strip_markup=False).cleaner, STORY)[0]
