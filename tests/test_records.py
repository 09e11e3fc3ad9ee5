"""JSON Lines records (cleaner/records.py, cleaner/records_cli.py)."""

import json

from conftest import run_cli

from cleaner import Cleaner
from cleaner.engines.jsonl import RecordReport, clean_records


def _records(lines: list[str], **kw):
    report = RecordReport()
    out = list(clean_records([line.encode() for line in lines], Cleaner(), report=report, **kw))
    return [json.loads(o) for o in out], report


def test_field_is_cleaned_and_other_fields_kept():
    out, report = _records(['{"id": 7, "text": "國(guó)務(wù)院", "lang": "zh"}'])
    assert out == [{"id": 7, "text": "国务院", "lang": "zh"}]
    assert report.records == 1 and report.cleaned == 1 and not report.problems


def test_other_field_and_details():
    out, _ = _records(['{"body": "國(guó)務(wù)院"}'], field_name="body", details=True)
    assert out[0]["body"] == "国务院"
    assert out[0]["cleaner"]["steps"][0]["name"] == "pinyin-annotations"


def test_site_taken_from_url_field():
    text = "工信部發布通知。"  # no site signature: only the url can name the site
    with_url = json.dumps({"url": "https://www.zhitongcaijing.com/content/1.html", "text": text}, ensure_ascii=False)
    out, _ = _records([with_url, json.dumps({"text": text}, ensure_ascii=False)], details=True)
    assert [o["cleaner"]["meta"]["site"] for o in out] == ["zhitong", ""]


def test_bad_lines_reported_with_numbers_and_others_kept():
    out, report = _records(['{"text": "国务院"}', "{not json", "[1, 2]", '{"text": 5}', '{"text": "发展"}'])
    assert [o.get("text") for o in out] == ["国务院", 5, "发展"]
    assert [n for n, _ in report.problems] == [2, 3, 4]


def test_cli_jsonl_file_and_errors(tmp_path):
    src = tmp_path / "in.jsonl"
    data = '{"text": "國(guó)務(wù)院"}\n{broken\n{"text": "发展"}\n'.encode() + b'{"text": "\xff"}\n'
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    proc = run_cli("--jsonl", src, "-o", out)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "in.jsonl:2: not valid JSON" in err and "in.jsonl:4: not UTF-8" in err
    assert [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()] == ["国务院", "发展"]
    assert src.read_bytes() == data


def test_cli_jsonl_stdin_and_folder(tmp_path):
    proc = run_cli("--jsonl", input='{"text": "國(guó)務(wù)院"}\n'.encode())
    assert proc.returncode == 0 and json.loads(proc.stdout) == {"text": "国务院"}
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "x.jsonl").write_text('{"text": "發展"}\n', encoding="utf-8")
    proc = run_cli("--jsonl", tmp_path / "in", "-o", tmp_path / "out")
    assert proc.returncode == 0
    assert json.loads((tmp_path / "out" / "a" / "x.jsonl").read_text(encoding="utf-8")) == {"text": "发展"}


def test_cli_jsonl_refuses_to_overwrite_or_nest(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "發展"}\n', encoding="utf-8")
    proc = run_cli("--jsonl", src, "-o", src)
    assert proc.returncode == 2 and "refusing to overwrite" in proc.stderr.decode()
    proc = run_cli("--jsonl", tmp_path, "-o", tmp_path / "out")
    assert proc.returncode == 2 and "inside the input directory" in proc.stderr.decode()
    assert src.read_text(encoding="utf-8") == '{"text": "發展"}\n'


def test_worker_processes_give_the_same_records_in_order(tmp_path):
    # Over 2 MB: more than one batch (records.BATCH_BYTES), so two workers share the input.
    from conftest import FIXTURES, SEEDS

    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "clean").glob("*.txt"))]
    lines = [json.dumps({"id": i, "text": texts[i % len(texts)]}, ensure_ascii=False) for i in range(700)]
    lines.insert(350, "{broken")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert src.stat().st_size > 2 * (1 << 20)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = run_cli("--jsonl", src, "-o", one, "--jobs", "1")
    second = run_cli("--jsonl", src, "-o", two, "--jobs", "2")
    assert first.returncode == second.returncode == 1
    assert "in.jsonl:351: not valid JSON" in second.stderr.decode()
    assert two.read_bytes() == one.read_bytes()
    assert [json.loads(line)["id"] for line in two.read_text(encoding="utf-8").splitlines()] == list(range(700))
