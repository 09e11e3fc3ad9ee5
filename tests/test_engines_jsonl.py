"""The records engine over worker processes (cleaner/engines/jsonl.py): same bytes, same report."""

import json

import pytest

from cleaner.config import Config
from cleaner.engines import jsonl
from cleaner.engines.report import Report
from cleaner.furniture.learn import Learner


def _mixed(path, copies: int = 8) -> bytes:
    """Clean and damaged records of one site (learning finds its furniture), with every kind of
    bad record between them: the engine must pass each on and report it, in place."""
    furniture = ["首页 > 新闻中心 > 国内", "责任编辑：王小明", "版权所有 © 东湖新闻网"]
    texts = ["国务院今天举行发布会，介绍经济发展情况。", "他说：鍙戝睍是硬道理。", "國(guó)務(wù)院新聞辦公室",
             "ＡＢＣ全角字母与数字１２３。", "&lt;p&gt;实体&amp;符号&lt;/p&gt;"]
    bad = [b"{not json\n", b'{"id": 5}\n', b'{"text": 5}\n', b'{"text": "\xff"}\n', b'{"text": "\\ud800"}\n', b"\n"]
    lines = []
    for i in range(copies * len(texts)):
        body = "\n".join([furniture[0], f"第{i}篇：" + texts[i % len(texts)] * 3, *furniture[1:]])
        lines.append((json.dumps({"url": f"https://news.example.cn/{i}.html", "text": body, "n": i}, ensure_ascii=False) + "\n").encode())
        if i % 7 == 3:
            lines.append(bad[(i // 7) % len(bad)])
    data = b"".join(lines)
    path.write_bytes(data)
    return data


def test_two_jobs_write_the_bytes_and_report_of_one(tmp_path, monkeypatch):
    # Small batches: many go to the workers, and the learning pass runs in them too.
    monkeypatch.setattr(jsonl, "BATCH_BYTES", 1000)
    _mixed(tmp_path / "in.jsonl")
    seen = []
    for jobs in (1, 2):
        report = Report(echo=False)
        jsonl.run_records(str(tmp_path / "in.jsonl"), str(tmp_path / f"out{jobs}.jsonl"), Config(), report, jobs=jobs, learn=True)
        seen.append(((tmp_path / f"out{jobs}.jsonl").read_bytes(), report.failed, report.notes, report.steps,
                     report.cleaned, report.unchanged))
    assert seen[0] == seen[1]
    out, failed, notes = seen[0][:3]
    assert len(failed) == 5 and all(where.startswith(str(tmp_path)) for where, _ in failed)
    assert any("learned" in note for _, note in notes)  # the learning pass found the furniture
    assert b"\xe5\x8f\x91\xe5\xb1\x95" in out  # 发展: a damaged record was repaired


def test_learning_workers_start_cold_and_the_tables_are_built_meanwhile(monkeypatch):
    # The learning pass needs no table: its workers start before the warm-up, which runs here
    # while they read the first batches (not before them: 0.4 s no worker could overlap).
    monkeypatch.setattr(jsonl, "BATCH_BYTES", 500)
    started, events = [], []
    real_pool = jsonl.worker_pool

    def pool(jobs, config, shared=None, *, warm=True):
        started.append(warm)
        made = real_pool(jobs, config, shared, warm=warm)
        submit = made.submit
        made.submit = lambda *a, **k: (events.append("submit"), submit(*a, **k))[1]
        return made

    monkeypatch.setattr(jsonl, "worker_pool", pool)
    monkeypatch.setattr(jsonl, "MEANWHILE_BATCHES", 10)  # more than IN_FLIGHT x 2 jobs, fewer than the batches
    count = jsonl._count

    def counted(*args):
        events.append("count")
        return count(*args)

    monkeypatch.setattr(jsonl, "_count", counted)
    lines = [(json.dumps({"text": f"第{i}行新闻内容。\n责任编辑：王小明"}, ensure_ascii=False) + "\n").encode() for i in range(200)]
    jsonl.learn_lines(Learner(), lines, Config(), jobs=2, meanwhile=lambda: events.append("warm"))
    assert started == [False]
    # The workers got MEANWHILE_BATCHES to read before the tables were built, none counted yet.
    assert events.count("warm") == 1 and events[:11] == ["submit"] * 10 + ["warm"] and events.count("count") > 2
    events.clear()
    jsonl.learn_lines(Learner(), lines, Config(), jobs=1, meanwhile=lambda: events.append("warm"))
    assert "warm" not in events  # one process builds what its pages need, as they come


def test_workers_start_only_past_workers_from_batches(monkeypatch):
    # Starting workers builds every table first (0.4 s): an input of a few batches is cleaned here.
    monkeypatch.setattr(jsonl, "BATCH_BYTES", 100)
    started = []
    real_pool = jsonl.worker_pool

    def pool(jobs, config, shared=None, *, warm=True):
        started.append(jobs)
        return real_pool(jobs, config, shared, warm=warm)

    monkeypatch.setattr(jsonl, "worker_pool", pool)
    line = (json.dumps({"text": "國(guó)務(wù)院" + "新闻" * 40}, ensure_ascii=False) + "\n").encode()
    assert len(line) >= 100  # a batch a line
    for count, workers in ((jsonl.WORKERS_FROM, False), (jsonl.WORKERS_FROM + 1, True)):
        started.clear()
        out = list(jsonl.clean_stream([line] * count, Config(), name="in.jsonl", report=Report(echo=False), jobs=2))
        assert len(out) == count and all("国务院".encode() in o for o in out)
        assert bool(started) is workers, count


def test_the_learning_window_returns_to_four_batches_a_worker_after_its_long_first_one(monkeypatch):
    # Before meanwhile() the workers hold up to MEANWHILE_BATCHES; after it, IN_FLIGHT each again
    # (it once stayed at MEANWHILE_BATCHES for the whole pass: memory grew with it).
    monkeypatch.setattr(jsonl, "BATCH_BYTES", 100)
    monkeypatch.setattr(jsonl, "MEANWHILE_BATCHES", 12)
    submitted, counted, widest = [0], [0], []
    real_pool, real_count = jsonl.worker_pool, jsonl._count

    def pool(jobs, config, shared=None, *, warm=True):
        made = real_pool(jobs, config, shared, warm=warm)
        submit = made.submit

        def counting(*args, **kwargs):
            submitted[0] += 1
            return submit(*args, **kwargs)

        made.submit = counting
        return made

    def count(learner, done, on_batch):
        if meanwhile_done:
            widest.append(submitted[0] - counted[0])
        counted[0] += 1
        return real_count(learner, done, on_batch)

    meanwhile_done = []
    monkeypatch.setattr(jsonl, "worker_pool", pool)
    monkeypatch.setattr(jsonl, "_count", count)
    line = (json.dumps({"text": "新闻" * 60}, ensure_ascii=False) + "\n").encode()
    jsonl.learn_lines(Learner(), [line] * 60, Config(), jobs=2, meanwhile=lambda: meanwhile_done.append(1))
    assert counted[0] == 60 and len(widest) > 20 and max(widest[-20:]) <= jsonl.IN_FLIGHT * 2  # after the drain


def test_a_batch_that_kills_its_learning_worker_counts_nothing_and_the_pass_goes_on(monkeypatch):
    # Forked workers inherit this process's cleaned_lines: one record ends its worker as the
    # out-of-memory killer would; the pass ended with BrokenProcessPool (review19b F7).
    import os

    real = jsonl.cleaned_lines

    def lines_of(text, config):
        if text.startswith("毒"):
            os._exit(9)
        return real(text, config)

    monkeypatch.setattr(jsonl, "cleaned_lines", lines_of)
    monkeypatch.setattr(jsonl, "BATCH_BYTES", 500)
    lines = [(json.dumps({"text": "毒" if i == 57 else f"第{i}行新闻内容。\n责任编辑：王小明"}, ensure_ascii=False) + "\n").encode()
             for i in range(200)]
    learner = Learner()
    jsonl.learn_lines(learner, lines, Config(), jobs=2)
    assert 150 < learner.documents < 200  # the batch holding the killer is not counted, the others are
    assert learner.learned().line_count() == 1


def test_a_warc_page_s_title_is_written_in_the_target_script(tmp_path, capsys):
    # probe32u F11: a Big5 page's <title>測試</title> stayed Traditional beside a zh-hans text; the
    # same page as a file (--json) gives its meta title converted.
    pytest.importorskip("fastwarc")
    import json as _json

    from test_warc import http_response, warc_record, write_warc

    from cleaner import cli

    page = "<html><head><title>測試報告</title></head><body><p>國務院辦公廳發佈通知，請各地認真貫徹執行。</p></body></html>"
    write_warc(tmp_path / "crawl.warc", [warc_record("response", "http://tw.example/a", http_response(page.encode("big5"), "text/html; charset=big5"), 1)],
               gzipped=False)
    assert cli.main([str(tmp_path / "crawl.warc"), "-o", str(tmp_path / "pages.jsonl"), "--no-learn"]) == 0
    (record,) = [_json.loads(line) for line in (tmp_path / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["title"] == "测试报告" and "国务院" in record["text"]
    assert cli.main([str(tmp_path / "crawl.warc"), "-o", str(tmp_path / "kept.jsonl"), "--no-learn", "--to", "zh-hant"]) == 0
    (record,) = [_json.loads(line) for line in (tmp_path / "kept.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["title"] == "測試報告"


def _cleaned(lines: list[bytes], report: Report, **options) -> list[bytes]:
    return list(jsonl.clean_lines(lines, Config(), name="in.jsonl", log=report, **options))


def test_details_never_replace_a_record_s_own_cleaner_field():
    # probe32u F13: `--details` replaced a record's own "cleaner" key without a word.
    report = Report(echo=False)
    lines = ['{"text": "國(guó)務(wù)院", "cleaner": {"x": 1}}\n'.encode(), '{"text": "國(guó)務(wù)院"}\n'.encode()]
    out = _cleaned(lines, report, details=True)
    assert out[0] == '{"text": "国务院", "cleaner": {"x": 1}}\n'.encode()  # cleaned, its own field kept
    assert json.loads(out[1])["cleaner"]["steps"]  # the others get their details
    assert report.notes == [("in.jsonl:1", "has its own field 'cleaner', kept; --details left out for this record")]
    assert report.cleaned == 2 and not report.failed


def test_a_nested_field_is_cleaned_in_place_by_its_dotted_path():
    # probe32u F13: `--field meta.text` said "has no field 'meta.text'" (crawl dumps nest their text).
    report = Report(echo=False)
    lines = ['{"id": "0000", "content": {"text": "國(guó)務(wù)院", "n": 1e400}, "text": "x"}\n'.encode(),
             '{"a.b": {"c": "國(guó)務(wù)院"}}\n'.encode(),
             b'{"content": "flat"}\n']
    out = _cleaned(lines[:1], report, field="content.text", details=True)
    assert out[0].startswith('{"id": "0000", "content": {"text": "国务院", "n": 1e400}, "text": "x", "cleaner": {'.encode())
    assert _cleaned(lines[1:2], report, field=r"a\.b.c") == ['{"a.b": {"c": "国务院"}}\n'.encode()]  # \. a dot in a key
    assert _cleaned(lines[2:], report, field="content.text") == [lines[2]]  # no such path: passed through, told
    assert report.failed[-1] == ("in.jsonl:1", "has no field 'content.text' (its fields: 'content'); passed through unchanged")


def test_a_top_level_key_with_a_dot_is_cleaned_in_place_not_added_under_its_escaped_name():
    # probe47: `--field 'd\.e'` cleaned the key "d.e" but wrote the result under a new key "d\\.e"
    # added last, the field itself left as it was.
    report = Report(echo=False)
    line = '{"d.e": "國(guó)務(wù)院", "t": "x"}\n'.encode()
    assert _cleaned([line], report, field=r"d\.e") == ['{"d.e": "国务院", "t": "x"}\n'.encode()]
    assert _cleaned([line], report, field=r"d\.e", details=True)[0].startswith('{"d.e": "国务院", "t": "x", "cleaner": {'.encode())


def test_learning_reads_a_nested_field_as_cleaning_does():
    learner = Learner()
    lines = [json.dumps({"url": f"https://a.example.cn/{i}", "meta": {"body": f"首页 > 新闻中心 > 国内\n第{i}篇正文，讲经济发展情况。"}},
                        ensure_ascii=False).encode() + b"\n" for i in range(8)]
    jsonl.learn_lines(learner, lines, Config(), field="meta.body")
    assert learner.learned().documents == 8


def test_a_stop_in_the_learning_pass_is_said_and_writes_nothing(tmp_path, monkeypatch):
    import io

    (tmp_path / "in.jsonl").write_text(json.dumps({"text": "国务院发布通知。"}, ensure_ascii=False) + "\n", encoding="utf-8")

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(jsonl, "learn_lines", stopped)
    report = Report(err=io.StringIO())
    with pytest.raises(KeyboardInterrupt):
        jsonl.run_records(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), Config(), report, learn=True)
    assert "in.jsonl: note: stopped while learning furniture" in report.err.getvalue()
    assert not (tmp_path / "out.jsonl").exists()


def _unreadable_records_files(place):
    """A JSON Lines file, a gzipped one and a WARC file, each made unreadable (chmod 0)."""
    import gzip

    from test_warc import http_response, warc_record, write_warc

    line = '{"text": "中文,测试"}\n'.encode()
    page = "<html><body><p>这是一篇文章,内容很长。</p></body></html>".encode()
    files = [place / "a.jsonl", place / "b.jsonl.gz", place / "c.warc"]
    files[0].write_bytes(line)
    files[1].write_bytes(gzip.compress(line))
    write_warc(files[2], [warc_record("response", "http://a.cn/1", http_response(page, "text/html; charset=utf-8"), 1)], gzipped=False)
    for path in files:
        path.chmod(0)
    return files


def test_an_unreadable_records_file_is_refused_naming_it(tmp_path):
    # The bar's size read raised it as the output's failure (`cleaner: o.jsonl: Permission denied`);
    # a folder's records file and a WARC's were told as damaged data (`cannot read the compressed
    # data (PermissionError: ...)`). Each is named, as an unreadable page is.
    from conftest import obeying_file_modes, run_cli

    prefix = obeying_file_modes()
    (tmp_path / "in").mkdir()
    try:
        files = _unreadable_records_files(tmp_path / "in")
        for src in files:
            for out in (["-o", tmp_path / "o.jsonl"], []):
                proc = run_cli(src, *out, prefix=prefix)
                assert (proc.returncode, proc.stderr.decode(), proc.stdout) == (2, f"cleaner: {src}: Permission denied\n", b"")
                assert not (tmp_path / "o.jsonl").exists()
        proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", prefix=prefix)
        told = proc.stderr.decode().splitlines()
        assert proc.returncode == 1 and all(f"cleaner: {src}: Permission denied" in told for src in files), told
    finally:
        for path in (tmp_path / "in").iterdir():
            path.chmod(0o644)


def test_records_with_lone_cr_line_ends_are_cleaned_each_and_keep_their_ends(tmp_path, monkeypatch):
    # probe45: a JSON Lines file with classic Mac line ends (CR only) was one line, failed whole
    # (`not valid JSON (extra data ...)`) and passed through uncleaned.
    monkeypatch.setattr(jsonl, "BATCH_BYTES", 1000)
    data = _mixed(tmp_path / "lf.jsonl", copies=12)
    cr = data.replace(b"\n", b"\r")
    (tmp_path / "in.jsonl").write_bytes(cr)
    outs = []
    for jobs in (1, 2):
        report = Report(echo=False)
        jsonl.run_records(str(tmp_path / "in.jsonl"), str(tmp_path / f"out{jobs}.jsonl"), Config(), report, jobs=jobs)
        outs.append((tmp_path / f"out{jobs}.jsonl").read_bytes())
        assert len(report.failed) == 8 and report.cleaned > 40  # the bad lines alone, each named by its line
    reference = Report(echo=False)
    jsonl.run_records(str(tmp_path / "lf.jsonl"), str(tmp_path / "lf_out.jsonl"), Config(), reference, jobs=1)
    assert outs[0] == outs[1] == (tmp_path / "lf_out.jsonl").read_bytes().replace(b"\n", b"\r")
    assert [w.split(":")[-1] for w, _ in report.failed] == [w.split(":")[-1] for w, _ in reference.failed]


def test_a_line_past_the_limit_is_passed_through_in_pieces_and_named(tmp_path, monkeypatch):
    # A JSON array saved as .jsonl (no line ends) was held whole, and cleaning a line takes about
    # 30 times its size: a file of a few GB took the machine's memory. Past LINE_LIMIT a line is
    # passed through a piece at a time and reported; the records around it are cleaned.
    from cleaner.io import lines

    monkeypatch.setattr(jsonl, "BATCH_BYTES", 1000)
    monkeypatch.setattr(lines, "LINE_LIMIT", 5000)
    monkeypatch.setattr(lines, "READ", 700)
    record = '{"text": "國(guó)務(wù)院新聞辦公室今天舉行發布會。"}'
    array = ("[" + ", ".join([record] * 200) + "]").encode()
    data = "".join(f"{record}\n" for _ in range(60)).encode() + array + b"\r\n" + "".join(f"{record}\n" for _ in range(60)).encode()
    (tmp_path / "in.jsonl").write_bytes(data)
    outs = []
    for jobs in (1, 2):
        report = Report(echo=False)
        jsonl.run_records(str(tmp_path / "in.jsonl"), str(tmp_path / f"out{jobs}.jsonl"), Config(), report, jobs=jobs)
        out = (tmp_path / f"out{jobs}.jsonl").read_bytes().split(b"\n")
        assert [where.rsplit(":", 1)[1] for where, _ in report.failed] == ["61"] and "longer than" in report.failed[0][1]
        assert out[60] == array + b"\r" and report.cleaned == 120  # passed through byte for byte; the rest cleaned
        assert "国务院" in out[0].decode() and "国务院" in out[61].decode()
        outs.append(out)
    assert outs[0] == outs[1]


def test_a_field_s_one_final_newline_is_kept_as_a_file_s_is_and_is_no_change():
    # probe47: `printf '国务院印发通知。\n' | cleaner --check` exits 0 (a file's one final newline is no
    # change), but the same text as a record's field was "would change" and rewritten without it:
    # `--check` failed on a clean corpus whose texts end in a newline, and every such record was rewritten.
    report = Report(echo=False)
    lines = ['{"text": "国务院印发通知。\\n"}\n'.encode(), '{"text": "國(guó)務(wù)院印发通知。\\n"}\n'.encode(),
             '{"text": "国务院印发通知。\\n\\n"}\n'.encode(), '{"text": "\\n"}\n'.encode()]
    out = _cleaned(lines, report)
    assert out[0] == lines[0]  # byte for byte
    assert json.loads(out[1])["text"] == "国务院印发通知。\n"  # cleaned, its final newline kept
    assert json.loads(out[2])["text"] == "国务院印发通知。\n"  # a trailing blank line is a change, as in a file
    assert json.loads(out[3])["text"] == ""  # nothing left: no newline made up for it
    assert (report.cleaned, report.unchanged) == (3, 1)


def test_the_details_of_a_field_kept_as_it_came_list_no_step():
    # review47: a clean record ending in a newline went out unchanged, but --details listed the
    # whitespace step that took the newline off, a change no output holds.
    report = Report(echo=False)
    out = _cleaned(['{"text": "这是一段干净的正文。\\n"}\n'.encode()], report, details=True)
    assert json.loads(out[0])["text"] == "这是一段干净的正文。\n"
    assert json.loads(out[0])["cleaner"]["steps"] == []
