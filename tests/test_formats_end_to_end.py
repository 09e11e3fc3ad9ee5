"""Corpus formats through the command line: WARC, compressed JSON Lines, HTML, and folders of them."""

import gzip
import json

import pytest

pytest.importorskip("fastwarc", reason="fastwarc is a core dependency: pip install -e .")

from conftest import run_cli  # noqa: E402
from test_furniture_posts import ARTICLE, PIECES  # noqa: E402
from test_warc import GBK_TEXT, RECORDS, UTF8_TEXT, http_response, warc_record, write_warc  # noqa: E402

from cleaner.engines.records_source import RECORD_META  # noqa: E402


def _records(path):
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_warc_gz_cleans_to_json_lines_with_url_and_record_id(tmp_path):
    src = write_warc(tmp_path / "crawl.warc.gz", RECORDS, gzipped=True)
    proc = run_cli(src, "-o", tmp_path / "out.jsonl.gz", "--jobs", "1")
    assert proc.returncode == 1, proc.stderr  # the record with a broken gzip body is reported
    assert b"crawl.warc.gz:record" in proc.stderr
    rows = _records(tmp_path / "out.jsonl.gz")
    assert {r["url"] for r in rows} >= {"http://gov.example/a", "http://news.example/b"}
    assert all({"url", "warc_record_id", "text"} <= set(r) <= {"url", "warc_record_id", "text", *RECORD_META}
               and r["warc_record_id"].startswith("<urn:uuid:") for r in rows)
    assert next(r for r in rows if r["url"] == "http://gov.example/a")["title"] == "通知"  # its <title>
    gbk = next(r["text"] for r in rows if r["url"] == "http://gov.example/a")
    utf8 = next(r["text"] for r in rows if r["url"] == "http://news.example/b")
    assert GBK_TEXT in gbk and "脚本" not in gbk  # decoded by its meta charset, script dropped
    assert UTF8_TEXT.replace("這是一條繁體中文的新聞，發佈於", "这是一条繁体中文的新闻，发布于") in utf8  # converted to zh-hans


def test_a_warc_page_is_cleaned_with_its_title_as_the_same_html_file_is(tmp_path):
    # A thread page lists other threads' pieces under its own: the <title> names the one to keep.
    # In a WARC the title travels in the record, so the archive's page comes out as the file does.
    title = "一座城市的记忆从哪里开始-城市记忆-青灯论坛"
    body = "".join(f"<p>{line}</p>" for line in [*ARTICLE, *PIECES])
    html = f"<html><head><meta charset=utf-8><title>{title}</title></head><body>{body}</body></html>".encode()
    (tmp_path / "page.html").write_bytes(html)
    record = warc_record("response", "http://forum.example/t/1", http_response(html, "text/html; charset=utf-8"), 1)
    src = write_warc(tmp_path / "crawl.warc", [record], gzipped=False)
    assert run_cli(src, "-o", tmp_path / "out.jsonl").returncode == 0
    (row,) = _records(tmp_path / "out.jsonl")
    proc = run_cli(tmp_path / "page.html")
    assert proc.returncode == 0 and row["title"] == title
    assert row["text"] == proc.stdout.decode().rstrip("\n")
    assert PIECES[-1] not in row["text"] and ARTICLE[-1] in row["text"]


def test_folder_picks_each_file_by_its_name(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    write_warc(src / "crawl.warc.gz", RECORDS[:4], gzipped=True)
    (src / "records.jsonl.gz").write_bytes(gzip.compress('{"id": "0001", "text": "國(guó)務(wù)院"}\n'.encode()))
    (src / "page.html").write_bytes(f"<html><head><meta charset=gbk><title>题</title></head><body><p>{GBK_TEXT}</p></body></html>".encode("gbk"))
    (src / "page.txt").write_bytes("國(guó)務(wù)院".encode("gbk"))
    proc = run_cli(src, "-o", tmp_path / "out", "--jobs", "2")
    # page.html and page.txt would both become page.txt: the second is refused, by name
    assert proc.returncode == 1 and b"page.txt: its output page.txt is also the output of" in proc.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["crawl.jsonl.gz", "page.txt", "records.jsonl.gz"]
    assert (out / "page.txt").read_text(encoding="utf-8") == GBK_TEXT + "\n"  # from page.html, the first by name
    assert _records(out / "records.jsonl.gz") == [{"id": "0001", "text": "国务院"}]
    assert [r["url"] for r in _records(out / "crawl.jsonl.gz")] == ["http://gov.example/a", "http://news.example/b"]


def test_html_page_on_the_command_line(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
                     f"<body><p>{GBK_TEXT}</p><style>p {{}}</style></body></html>".encode("gbk"))
    proc = run_cli(page)
    assert proc.returncode == 0 and proc.stdout.decode() == GBK_TEXT + "\n"
