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
