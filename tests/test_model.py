"""The value types: a Step counted later is the same Step to every reader."""

import pickle

from cleaner import Cleaner
from cleaner.model import CountedLater, Result, Step


def test_a_step_counted_later_counts_once_and_only_when_read():
    calls = []
    step = CountedLater("width", "halfwidth-alnum", lambda: calls.append(1) or 3)
    assert not calls
    assert step.count == 3 and step.count == 3
    assert calls == [1]


def test_a_step_counted_later_equals_hashes_prints_and_pickles_as_a_step():
    step, plain = CountedLater("repair", "html-entities", lambda: 2), Step("repair", "html-entities", 2)
    assert step == plain and plain == step and hash(step) == hash(plain)
    assert step != Step("repair", "html-entities", 1)
    assert repr(step) == repr(plain) and str(step) == str(plain)
    back = pickle.loads(pickle.dumps(step))
    assert type(back) is Step and back == plain
    assert Result("x", [step]).to_dict()["steps"] == Result("x", [plain]).to_dict()["steps"]


def test_steps_without_details_are_those_with_details():
    cleaner = Cleaner()
    for text in ("國(guó)務(wù)院  和  ＡＢＣ", "他说：鍙戝睍是硬道理\r\n\r\n\r\n第二段&amp;", "clean text"):
        lazy, counted = cleaner.run(text, details=False).steps, cleaner.run(text).steps
        assert any(isinstance(s, CountedLater) for s in lazy) or not lazy
        assert [str(s) for s in lazy] == [str(s) for s in counted]
        assert lazy == counted


def test_a_huge_page_counts_its_steps_at_once(monkeypatch):
    # A lazy count holds the texts before and after each change until read: on a page of many
    # MB that would be a copy per changed stage held to the end of the run.
    from cleaner import pipeline

    monkeypatch.setattr(pipeline, "LAZY_COUNT_CHARS", 10)
    steps = Cleaner().run("國(guó)務(wù)院  和  ＡＢＣ", details=False).steps
    assert steps and not any(isinstance(s, CountedLater) for s in steps)


def test_a_results_record_of_its_findings_is_bounded_and_says_what_it_summed():
    # A removed 500 KB menu line's finding carried the whole line, and 20,000 U+FFFD runs gave
    # 20,002 findings, 21 times the input (probe35u F2): the record is bounded, the Result is not.
    import json

    from cleaner.model import DETAIL_CHARS, FINDINGS_PER_KIND, Finding

    text = "正文。\n" * 3 + "\ufffd中" * 20_000 + "\n"
    result = Cleaner().run(text)
    record = result.to_dict()
    assert len(json.dumps(record, ensure_ascii=False)) < 2 * len(text)
    marks = [f for f in result.findings if f.kind == "lost-byte"]
    assert len(marks) > FINDINGS_PER_KIND  # every one is still in the Result
    kept = [f for f in record["findings"] if f["kind"] == "lost-byte"]
    assert len(kept) == FINDINGS_PER_KIND + 1
    assert kept[-1]["more"] == len(marks) - FINDINGS_PER_KIND and kept[-1]["count"] == sum(f.count for f in marks[FINDINGS_PER_KIND:])
    long = Result("x", findings=[Finding("removed-line", 4, "menu: " + "首页 | " * 1000)]).to_dict()["findings"][0]
    assert len(long["detail"]) == DETAIL_CHARS + 1 and long["detail_chars"] == 6 + 5 * 1000
    assert Result("x", findings=[Finding("k", 1, "short")]).to_dict()["findings"] == [{"kind": "k", "position": 1, "detail": "short", "count": 1}]


def test_the_summed_findings_sample_says_its_detail_was_cut():
    # The record standing for the findings past FINDINGS_PER_KIND shows the first one's detail as
    # a sample: cut, it says so as every other record does (review35u: it was cut silently).
    from cleaner.model import DETAIL_CHARS, FINDINGS_PER_KIND, Finding

    findings = [Finding("removed-line", k, f"{k}:" + "导航" * 300) for k in range(FINDINGS_PER_KIND + 3)]
    summed = Result("x", findings=findings).to_dict()["findings"][-1]
    assert summed["more"] == 3 and summed["detail"] == findings[FINDINGS_PER_KIND].detail[:DETAIL_CHARS] + "…"
    assert summed["detail_chars"] == len(findings[FINDINGS_PER_KIND].detail)
