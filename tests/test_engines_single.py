"""One page (cleaner/engines/single.py): what reaches the output whatever happens around it."""

import sys

from cleaner.config import Config
from cleaner.engines.report import Report
from cleaner.engines.single import run_single


class _GoneReader:
    """stderr whose reader went away (`cleaner page --explain -o out 2>&1 | head -2`)."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")


def test_the_output_file_is_written_when_the_reader_of_the_explanation_goes_away(tmp_path, monkeypatch):
    # probe30: the explanation went to stderr before the output was written; a broken stderr
    # ended the run (exit 141) with no output file.
    page, out = tmp_path / "page.txt", tmp_path / "out.txt"
    page.write_text("國(guó)務(wù)院\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", _GoneReader())
    run_single(str(page), str(out), Config(), Report(echo=False), explain=True)
    assert out.read_text(encoding="utf-8") == "国务院\n"


def test_a_closed_stderr_gets_no_explanation_and_stdout_only_the_text(tmp_path):
    # review30b: `--explain 2>&-`: sys.stderr is None; print(file=None) wrote the explanation into
    # stdout and err.flush() ended the run with an internal error (exit 2).
    import subprocess

    page = tmp_path / "page.txt"
    page.write_text("國(guó)務(wù)院\n", encoding="utf-8")
    proc = subprocess.run(f'"{sys.executable}" -m cleaner "{page}" --explain 2>&-', shell=True, capture_output=False,
                          stdout=subprocess.PIPE)
    assert proc.returncode == 0 and proc.stdout.decode("utf-8") == "国务院\n"


def test_json_lines_given_as_a_page_are_cleaned_as_one_and_the_run_suggests_jsonl():
    from conftest import run_cli

    records = "".join(f'{{"id": {i}, "text": "國(guó)務(wù)院"}}\n' for i in range(5)).encode()
    proc = run_cli(input=records)
    assert proc.returncode == 0 and proc.stdout.decode().count("国务院") == 5  # a page of JSON is a page, cleaned as one
    assert proc.stderr.decode() == ("cleaner: <stdin>: note: its lines are JSON objects, cleaned here as one page; "
                                    "give --jsonl to clean each record's field\n")
    proc = run_cli(input='{"text": "一"}\n今天天气很好。\n'.encode())  # one object among lines of text: no note
    assert proc.returncode == 0 and proc.stderr == b""


def _misread_head_page() -> bytes:
    """An HTML page whose head was filled from a database its body was not: the description and
    author misread as UTF-8 shown through windows-1252, the body right."""
    body, author = "本市今年将新建十所中小学，缓解入学压力。", "李四"

    def shown(text: str) -> str:
        return "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in text.encode())

    return (f'<html><head><meta charset="utf-8"><title>教育新闻</title><meta name="description" content="{shown(body)}">'
            f'<meta name="author" content="{shown(author)}"></head><body><p>{body}</p></body></html>').encode()


def test_a_page_file_s_meta_fields_are_repaired_as_the_library_repairs_them(tmp_path):
    # session 35: the single-page engine had its own page path and put the misread <meta> fields
    # into meta as read, where Cleaner.run_bytes (and the JSON Lines engine) repaired them.
    import json

    from cleaner.pipeline import Cleaner

    page, out = tmp_path / "page.html", tmp_path / "out.json"
    page.write_bytes(_misread_head_page())
    run_single(str(page), str(out), Config(), Report(echo=False), as_json=True)
    got = json.loads(out.read_text(encoding="utf-8"))
    library = Cleaner().run_bytes(page.read_bytes()).to_dict()
    assert got["meta"]["description"] == "本市今年将新建十所中小学，缓解入学压力。" and got["meta"]["author"] == "李四"
    assert (got["text"], got["meta"], got["findings"]) == (library["text"], library["meta"], library["findings"])
