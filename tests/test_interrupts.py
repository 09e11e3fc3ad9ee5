"""cleaner.interrupts: a signal that a library turns into its own error (or swallows) still
stops the run; a Rust panic on one document is that document's failure."""

import json
import os
import signal

import pytest

from cleaner import cli, interrupts
from cleaner.config import Config
from cleaner.engines import jsonl
from cleaner.engines.report import Report
from cleaner.io import html

PAGE = "<html><head><title>标题</title></head><body><p>国务院今天召开常务会议，研究部署有关工作。</p></body></html>"


class DOMException(Exception):
    """What Resiliparse raises when a pending KeyboardInterrupt cut its parse short."""


class PanicException(BaseException):
    """PyO3's panic: a BaseException, named so by every PyO3 extension."""


@pytest.fixture(autouse=True)
def _fresh():
    interrupts.clear()
    yield
    interrupts.clear()


def _parser_hit_by(sig: int, then):
    """``html.join_wrapped`` (the step of ``html.extract`` that hands the page to Resiliparse) as
    Resiliparse behaves when ``sig`` arrives while it parses: the handler's exception is raised
    inside it and turned into ``then(text)`` (an error, or a return as if nothing happened)."""
    real = html.join_wrapped

    def parse(text):
        try:
            os.kill(os.getpid(), sig)
            return real(text)
        except BaseException:
            return then(text)

    return parse


def _records(tmp_path, n=3):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": PAGE}, ensure_ascii=False) + "\n" for _ in range(n)), encoding="utf-8")
    return src


def _dom_error(text):
    raise DOMException("No document node.")


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
@pytest.mark.parametrize("then", [_dom_error, html.join_wrapped], ids=["turned-into-an-error", "swallowed"])
def test_a_signal_the_parser_takes_stops_the_records_run(tmp_path, monkeypatch, capsys, sig, code, word, then):
    monkeypatch.setattr(html, "join_wrapped", _parser_hit_by(sig, then))
    out = tmp_path / "out.jsonl"
    assert cli.main([str(_records(tmp_path)), "-o", str(out), "--no-learn", "--jobs", "1"]) == code
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == f"cleaner: {word}", err
    assert "internal error" not in err and "passed through" not in err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("then", [_dom_error, html.join_wrapped], ids=["turned-into-an-error", "swallowed"])
def test_a_signal_the_parser_takes_stops_the_folder_run(tmp_path, monkeypatch, capsys, then):
    src = tmp_path / "pages"
    src.mkdir()
    for i in range(3):
        (src / f"p{i}.html").write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(html, "join_wrapped", _parser_hit_by(signal.SIGINT, then))
    out = tmp_path / "out"
    assert cli.main([str(src), "-o", str(out), "--no-learn", "--jobs", "1"]) == 130
    err = capsys.readouterr().err
    assert "internal error" not in err and err.strip().splitlines()[-1] == "cleaner: interrupted", err
    assert not list(out.glob("*.txt")) and not list(out.rglob("*.tmp"))


def test_a_signal_the_parser_takes_stops_a_one_page_run(tmp_path, monkeypatch, capsys):
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(html, "join_wrapped", _parser_hit_by(signal.SIGINT, _dom_error))
    assert cli.main([str(page)]) == 130
    captured = capsys.readouterr()
    assert captured.err.strip() == "cleaner: interrupted" and captured.out == ""


def test_a_panic_on_one_record_fails_that_record_and_the_stream_goes_on(monkeypatch):
    calls = []
    real = html.join_wrapped

    def parse(text):
        calls.append(text)
        if len(calls) == 1:
            raise PanicException("called `Option::unwrap()` on a `None` value")
        return real(text)

    monkeypatch.setattr(html, "join_wrapped", parse)
    report = Report()
    lines = [(json.dumps({"text": PAGE}, ensure_ascii=False) + "\n").encode() for _ in range(2)]
    out = list(jsonl.clean_lines(lines, Config(), name="in", log=report))
    assert out[0] == lines[0] and out[1] != lines[1]  # the first passed through, the second cleaned
    assert len(report.failed) == 1 and "PanicException" in report.failed[0][1]


def test_without_a_pending_signal_a_failure_is_one_record_s():
    report = Report()
    lines = [b'{"text": 5}\n', (json.dumps({"text": "国务院"}, ensure_ascii=False) + "\n").encode()]
    assert len(list(jsonl.clean_lines(lines, Config(), name="in", log=report))) == 2
    assert len(report.failed) == 1


def test_reraise_and_check_raise_the_pending_signal_only():
    interrupts.check()
    interrupts.reraise(ValueError("x"))  # nothing pending: returns
    with pytest.raises(KeyboardInterrupt):
        interrupts.sigint_handler(signal.SIGINT, None)
    with pytest.raises(KeyboardInterrupt):
        interrupts.reraise(ValueError("x"))
    with pytest.raises(KeyboardInterrupt):
        interrupts.check()
    assert interrupts.is_document_failure(PanicException()) and not interrupts.is_document_failure(KeyboardInterrupt())
