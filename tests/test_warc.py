"""WARC/WET input (cleaner/io/warc.py), on small archives written here record by record."""

import gzip
import zlib
from collections import Counter

import pytest

pytest.importorskip("fastwarc", reason="fastwarc is a core dependency: pip install -e .")
pytest.importorskip("resiliparse", reason="resiliparse is a core dependency: pip install -e .")

from cleaner.io.warc import WarcDocument, iter_warc  # noqa: E402

GBK_TEXT = "国务院办公厅关于印发全国政务服务平台建设方案的通知。"
UTF8_TEXT = "這是一條繁體中文的新聞，發佈於二〇〇五年。"
GBK_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>通知</title></head>'
    f"<body><div>首页 | 新闻</div><p>{GBK_TEXT}</p><script>var x = '脚本';</script></body></html>"
).encode("gbk")
UTF8_PAGE = f"<html><head><title>新聞</title></head><body><p>{UTF8_TEXT}</p><p>第二段。</p></body></html>".encode()


def warc_record(kind: str, uri: str, block: bytes, number: int, content_type: str = "application/http; msgtype=response") -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str, status: str = "200 OK", headers: str = "") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{headers}Content-Length: {len(body)}\r\n\r\n".encode() + body


def chunked(body: bytes, size: int = 17) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size]) for i in range(0, len(body), size)) + b"0\r\n\r\n"


RECORDS = [
    warc_record("warcinfo", "", b"software: test\r\n", 1, "application/warc-fields"),
    warc_record("request", "http://gov.example/a", b"GET /a HTTP/1.1\r\nHost: gov.example\r\n\r\n", 2, "application/http; msgtype=request"),
    warc_record("response", "http://gov.example/a", http_response(GBK_PAGE, "text/html"), 3),
    warc_record("response", "http://news.example/b", http_response(UTF8_PAGE, "text/html; charset=utf-8"), 4),
    warc_record("response", "http://news.example/logo.png", http_response(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"), 5),
    warc_record("response", "http://news.example/broken",
                http_response(b"\x1f\x8b this is not gzip", "text/html", headers="Content-Encoding: gzip\r\n"), 6),
    warc_record("response", "http://news.example/c", http_response(chunked(gzip.compress(UTF8_PAGE)), "text/html; charset=utf-8",
                                                                   headers="Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"), 7),
    warc_record("response", "http://news.example/missing", http_response(b"<p>Not found</p>", "text/html", "404 Not Found"), 8),
    warc_record("response", "http://gov.example/plain.txt", http_response(f"{GBK_TEXT}\r\n第二行\r\n".encode("gbk"), "text/plain"), 9),
    warc_record("metadata", "http://gov.example/a", b"fetchTimeMs: 12\r\n", 10, "application/warc-fields"),
    warc_record("conversion", "http://news.example/b", f"{UTF8_TEXT}\n第二段。\n".encode(), 11, "text/plain"),
]


def write_warc(path, records, gzipped: bool):
    with open(path, "wb") as fh:
        fh.writelines(gzip.compress(record) if gzipped else record for record in records)
    return path


@pytest.fixture(params=["crawl.warc.gz", "crawl.warc"])
def archive(tmp_path, request):
    return write_warc(tmp_path / request.param, RECORDS, request.param.endswith(".gz"))


def test_documents_in_file_order(archive):
    counts = Counter()
    docs = list(iter_warc(archive, counts))
    assert all(isinstance(d, WarcDocument) for d in docs)
    assert [d.url.rsplit("/", 1)[1] for d in docs] == ["a", "b", "broken", "c", "plain.txt", "b"]
    assert [d.record_id[-4:-1] for d in docs] == ["003", "004", "006", "007", "009", "011"]
    assert [d.offset for d in docs] == sorted(d.offset for d in docs) and len({d.offset for d in docs}) == 6
    assert counts == Counter({"documents": 5, "errors": 1, "skipped warcinfo": 1, "skipped request": 1,
                              "skipped image/png": 1, "skipped status 404": 1, "skipped metadata": 1})


def test_gbk_and_utf8_pages(archive):
    gbk, utf8 = list(iter_warc(archive))[:2]
    assert gbk.text == f"首页 | 新闻\n{GBK_TEXT}" and gbk.error is None
    assert gbk.record_id == "<urn:uuid:00000000-0000-0000-0000-000000000003>"
    assert gbk.meta["title"] == "通知" and gbk.meta["content_type"] == "text/html"
    assert gbk.meta["warc_date"] == "2024-05-01T12:00:00Z"
    assert utf8.text == f"{UTF8_TEXT}\n第二段。" and utf8.url == "http://news.example/b"


def test_chunked_gzip_payload_is_decoded(archive):
    doc = next(d for d in iter_warc(archive) if d.url.endswith("/c"))
    assert doc.error is None and doc.text == f"{UTF8_TEXT}\n第二段。"


@pytest.mark.parametrize("coding, encode", [("gzip", gzip.compress), ("deflate", zlib.compress)])
def test_a_compressed_body_cut_off_is_an_error_not_text(tmp_path, coding, encode):
    # Cut inside a character, the page's UTF-8 was read as another encoding: 锲藉, and no failure.
    body = encode(UTF8_PAGE)[:-12]
    record = warc_record("response", "http://news.example/cut",
                         http_response(body, "text/html; charset=utf-8", headers=f"Content-Encoding: {coding}\r\n"), 1)
    [doc] = list(iter_warc(write_warc(tmp_path / "cut.warc", [record], gzipped=False)))
    assert doc.text == "" and "cut off before its end" in doc.error


def test_plain_text_response_and_wet_conversion(archive):
    docs = list(iter_warc(archive))
    assert docs[4].text == f"{GBK_TEXT}\n第二行" and docs[4].meta["content_type"] == "text/plain"
    assert docs[5].text == f"{UTF8_TEXT}\n第二段。" and docs[5].record_id.endswith("011>")


def test_broken_record_gives_an_error_document_and_iteration_goes_on(archive):
    docs = list(iter_warc(archive))
    broken = docs[2]
    assert broken.url == "http://news.example/broken" and broken.text == ""
    assert broken.error and "\n" not in broken.error
    assert all(d.error is None for d in docs[3:])


def test_damaged_stream_ends_with_one_error_document(tmp_path):
    path = write_warc(tmp_path / "damaged.warc.gz", RECORDS[2:4], gzipped=True)
    with open(path, "ab") as fh:
        fh.write(b"\x1f\x8b\x08\x00 garbage that is not a gzip member")
    counts = Counter()
    docs = list(iter_warc(path, counts))
    assert [d.error is None for d in docs] == [True, True, False]
    assert docs[-1].error.startswith("unreadable WARC data") and "\n" not in docs[-1].error
    assert counts["documents"] == 2 and counts["errors"] == 1


def test_wet_file(tmp_path):
    records = [warc_record("warcinfo", "", b"software: test\r\n", 1, "application/warc-fields")]
    records += [warc_record("conversion", f"http://site.example/{i}", f"第{i}篇\n内容。".encode(), i + 2, "text/plain") for i in range(3)]
    docs = list(iter_warc(write_warc(tmp_path / "x.warc.wet.gz", records, gzipped=True)))
    assert [d.text for d in docs] == ["第0篇\n内容。", "第1篇\n内容。", "第2篇\n内容。"]


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_file_cut_short_ends_with_one_error_document(tmp_path, name, cut):
    whole = write_warc(tmp_path / ("whole-" + name), RECORDS[2:5], name.endswith(".gz")).read_bytes()
    last = len(gzip.compress(RECORDS[4])) if name.endswith(".gz") else len(RECORDS[4])
    path = tmp_path / name
    path.write_bytes(whole[: len(whole) - int(last * cut)])  # the image record, cut
    docs = list(iter_warc(path))
    assert [d.error is None for d in docs] == [True, True, False]
    assert "\n" not in docs[-1].error


def test_compression_is_sniffed_not_taken_from_the_name(tmp_path):
    path = write_warc(tmp_path / "named-plain.warc", RECORDS[2:4], gzipped=True)
    assert [d.url for d in iter_warc(path)] == ["http://gov.example/a", "http://news.example/b"]


@pytest.mark.parametrize("cut", [1, 4, 8])
def test_a_one_member_gzip_cut_after_its_last_record_ends_with_one_error_document(tmp_path, cut):
    # One gzip member over every record (not one per record), the last record (an image, skipped)
    # whole and only the gzip trailer cut: FastWARC reads on in silence; zcat says "unexpected end
    # of file". (A cut inside a record is that record's error already.)
    whole = gzip.compress(b"".join(RECORDS[2:5]))
    path = tmp_path / "one-member.warc.gz"
    path.write_bytes(whole[:-cut])
    docs = list(iter_warc(path))
    assert [d.error is None for d in docs] == [True, True, False]
    assert docs[-1].broken and "truncated or damaged data" in docs[-1].error  # the file's error, not a record's
    path.write_bytes(whole)
    assert [d.error for d in iter_warc(path)] == [None, None]  # whole: no error, the check reads to the end


def test_a_broken_file_is_one_failure_of_the_file_and_a_folder_reads_it_again(tmp_path):
    from conftest import run_cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc.gz").write_bytes(gzip.compress(b"".join(RECORDS[2:5]))[:-8])
    for _ in range(2):  # not recorded as done: the second run reads it again and says so again
        proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn")
        err = proc.stderr.decode()
        assert proc.returncode == 1 and f"cleaner: {tmp_path / 'in' / 'crawl.warc.gz'}: truncated or damaged data" in err
        assert "files: cleaned 0, unchanged 0, failed 1" in err and "skipped" not in err


def test_a_record_whose_length_is_short_loses_no_record_after_it(tmp_path):
    # Content-Length written too short: the stream after it is no WARC header. An uncompressed
    # file is read on from the next record's first line (probe19 D9: the rest of the file was lost).
    short = warc_record("response", "http://news.example/b", http_response(UTF8_PAGE, "text/html; charset=utf-8"), 4)
    short = short.replace(b"Content-Length: %d" % (len(short.split(b"\r\n\r\n", 1)[1]) - 4), b"Content-Length: 40", 1)
    path = write_warc(tmp_path / "short.warc", [RECORDS[2], short, RECORDS[3], RECORDS[8]], gzipped=False)
    counts = Counter()
    docs = list(iter_warc(path, counts))
    assert [d.url for d in docs if d.error is None][-2:] == ["http://news.example/b", "http://gov.example/plain.txt"]
    damaged = [d for d in docs if d.error and "read on from offset" in d.error]
    assert len(damaged) == 1 and not damaged[0].broken and "\n" not in damaged[0].error


def test_a_warc_page_carries_its_markup_evidence_as_the_html_file_does(tmp_path):
    # Link lines and where each line stood (HtmlPage.linked, .roles) ride in the record to the
    # cleaning, which takes a menu's links as it does for the file, and never reach the output.
    import json

    from conftest import run_cli
    from test_furniture_page_structure import AGENDA

    (tmp_path / "page.html").write_bytes(AGENDA)
    record = warc_record("response", "http://news.example/agenda", http_response(AGENDA, "text/html; charset=utf-8"), 1)
    src = write_warc(tmp_path / "crawl.warc", [record], gzipped=False)
    assert run_cli(src, "-o", tmp_path / "out.jsonl", "--no-learn").returncode == 0
    assert run_cli(tmp_path / "page.html", "-o", tmp_path / "page.txt").returncode == 0
    (row,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "新闻" not in row["text"].split("\n")  # the menu's middle item: gone by its region only
    assert row["text"] + "\n" == (tmp_path / "page.txt").read_text(encoding="utf-8")
    assert not any(key.startswith("_cleaner") for key in row)


def test_a_warc_run_counts_the_records_that_are_no_page_in_its_summary(tmp_path):
    # probe36u F7: a crawl's requests, images and 404 pages vanished from the summary, though
    # README says every mode counts its units.
    from conftest import run_cli

    src = write_warc(tmp_path / "crawl.warc.gz", RECORDS, True)
    proc = run_cli(src, "-o", tmp_path / "out.jsonl", "--no-learn")
    err = proc.stderr.decode()
    assert ("skipped 5 (image/png record 1, metadata record 1, request record 1, status 404 record 1, "
            "warcinfo record 1)") in err, err
