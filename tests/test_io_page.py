"""One page's bytes as text (cleaner/io/page.py)."""

import gzip

import pytest
from conftest import run_cli

import cleaner
from cleaner.io.decode import NotText
from cleaner.io.page import load_page

WARC = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.com/1\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: 120\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        + "<html><body><p>國(guó)務(wù)院副總理馬凱近日在貴陽調研。</p></body></html>".encode() + b"\r\n\r\n")


def test_warc_data_is_refused_as_a_page_naming_how_to_give_it():
    # probe47: `cleaner < crawl.warc.gz` (or a WARC file under another name) was cleaned as one
    # page: its WARC and HTTP headers, gzip bodies as mojibake, exit 0.
    with pytest.raises(NotText, match=r"WARC data \(a web archive\), not a page: give it as a file named \.warc or \.warc\.gz"):
        load_page(WARC, "crawl.dat")
    with pytest.raises(NotText, match="WARC data"):
        cleaner.clean_bytes(WARC)
    assert load_page("WARC/1.0 是一种网页归档格式。\n".encode()).text.startswith("WARC/1.0")  # prose about it is a page


def test_warc_data_on_standard_input_is_refused_in_one_line_and_nothing_written():
    proc = run_cli(input=gzip.compress(WARC))
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().count("\n") == 1 and "<stdin>: WARC data (a web archive), not a page" in proc.stderr.decode()
