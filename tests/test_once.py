"""Inputs read once (cleaner/io/once.py): /dev/stdin, /dev/fd/N, named pipes, in every engine entry."""

import gzip
import json
import os
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import run_cli

from cleaner.io.once import reads_once

RECORDS = b"".join(b'{"id": %d, "text": "\xe5\x9c\x8b(gu\xc3\xb3)\xe5\x8b\x99(w\xc3\xb9)\xe9\x99\xa2 %d"}\n' % (i, i) for i in range(400))


def _texts(out: bytes) -> list[str]:
    return [json.loads(line)["text"] for line in out.decode().splitlines()]


def _feed(path: Path, data: bytes) -> threading.Thread:
    """Write ``data`` into the named pipe ``path`` once a reader opens it (a second open would wait for ever)."""

    def write() -> None:
        with open(path, "wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def test_what_reads_once(tmp_path):
    (tmp_path / "f.jsonl").write_text("{}\n")
    os.mkfifo(tmp_path / "pipe")
    assert reads_once("-") and reads_once(tmp_path / "pipe") and reads_once("/dev/stdin")
    assert not reads_once(tmp_path / "f.jsonl") and not reads_once(tmp_path) and not reads_once(tmp_path / "missing")


def test_records_from_dev_stdin_are_all_written_learning_off():
    # The learning pass used to read the stream up: 0 records written, exit 0.
    proc = run_cli("--jsonl", "/dev/stdin", input=RECORDS, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert _texts(proc.stdout) == [f"国务院 {i}" for i in range(400)]
    assert "learning furniture is off for an input that is not a regular file" in proc.stderr.decode()


def test_records_from_a_named_pipe_are_read_once(tmp_path):
    # A second open of the pipe (the cleaning pass after the learning pass) used to hang.
    pipe = tmp_path / "in.jsonl"
    os.mkfifo(pipe)
    writer = _feed(pipe, RECORDS)
    proc = run_cli(pipe, "-o", tmp_path / "out.jsonl", timeout=120)
    writer.join(5)
    assert proc.returncode == 0, proc.stderr
    assert _texts((tmp_path / "out.jsonl").read_bytes()) == [f"国务院 {i}" for i in range(400)]


@pytest.mark.parametrize("pack", [lambda b: b, gzip.compress], ids=["plain", "gzip"])
def test_records_from_dev_fd_lose_nothing_and_are_decompressed_by_their_bytes(pack):
    # <(cat x.jsonl) is /dev/fd/N: a sniff that opened it, read a buffer and closed it lost the
    # first 4,096 bytes; gzip given so was opened again by name and read as nothing.
    read, write = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(write, pack(RECORDS)), os.close(write)), daemon=True)
    writer.start()
    try:
        exe = Path(os.sys.executable).parent / "cleaner"
        proc = subprocess.run([str(exe), f"/dev/fd/{read}", "--jsonl", "--no-learn"], pass_fds=(read,),
                              capture_output=True, timeout=120)
    finally:
        os.close(read)
    assert proc.returncode == 0, proc.stderr
    assert _texts(proc.stdout) == [f"国务院 {i}" for i in range(400)]


def test_a_warc_pipe_and_ray_on_a_pipe_are_refused_in_one_line(tmp_path):
    pipe = tmp_path / "crawl.warc"
    os.mkfifo(pipe)
    proc = run_cli(pipe, timeout=60)  # refused before the pipe is opened: no writer needed
    assert proc.returncode == 2 and "a WARC input is read with seeks" in proc.stderr.decode()
    proc = run_cli("--engine", "ray", "/dev/stdin", "-o", tmp_path / "out", input=RECORDS, timeout=60)
    assert proc.returncode == 2 and "--engine ray reads files" in proc.stderr.decode()


def test_rules_learn_reads_a_pipe_once(tmp_path):
    from test_learn import _records, portal_pages

    _records(tmp_path / "in.jsonl", portal_pages(30), url="https://www.donghu.example.com/news")
    proc = run_cli("rules", "learn", "/dev/stdin", "-o", tmp_path / "donghu.toml", input=(tmp_path / "in.jsonl").read_bytes(),
                   timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "learned from 30 document(s) of donghu.example.com" in proc.stderr.decode()


def test_paced_lines_mark_where_the_input_paused_and_lose_no_byte():
    import io

    from cleaner.io.once import PAUSE, paced_lines

    read, write = os.pipe()
    pieces = [b'{"a": 1}\n{"a": 2}\n{"a"', b': 3}\n', b'{"a": 4}']  # a record cut across writes, a last one without its end

    def produce():
        for piece in pieces:
            os.write(write, piece)
            threading.Event().wait(1.0)  # well over PAUSE_AFTER
        os.close(write)

    threading.Thread(target=produce, daemon=True).start()
    with io.BufferedReader(io.FileIO(read, closefd=True), buffer_size=1 << 20) as fh:
        got = list(paced_lines(fh, read))
    assert b"".join(got) == b"".join(pieces)
    assert [line for line in got if line != PAUSE] == [b'{"a": 1}\n', b'{"a": 2}\n', b'{"a": 3}\n', b'{"a": 4}']
    assert got[got.index(b'{"a": 2}\n') + 1] == PAUSE  # paused after the two whole records that had come


def test_a_record_on_a_pipe_comes_out_before_the_input_ends():
    # A slow producer (`tail -f log.jsonl | cleaner --jsonl`) saw nothing until 64 KB or its end.
    import sys

    exe = Path(sys.executable).parent / "cleaner"
    proc = subprocess.Popen([str(exe), "--jsonl", "--jobs", "2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        record = {"id": 1, "text": "國(guó)務(wù)院副總理近日調研。"}
        proc.stdin.write((json.dumps(record, ensure_ascii=False) + "\n").encode())
        proc.stdin.flush()
        out = []
        reader = threading.Thread(target=lambda: out.append(proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout=60)  # the input stays open all the while
        assert out and json.loads(out[0])["text"] == "国务院副总理近日调研。"
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    assert proc.returncode == 0


def test_printable_takes_any_text_a_message_may_quote():
    # Messages are shown through it whole (they may name a file inside): a surrogate no decoder
    # kept for a byte (a record's text) is escaped too, not an error.
    from cleaner.io.once import printable

    assert printable("bad\udcffname\n") == "bad\\xffname\\n"
    assert printable("lone \ud800 half") == "lone \\ud800 half"
