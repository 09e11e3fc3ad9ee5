"""The command line end to end (cleaner/cli.py, cleaner/batch.py)."""

import json
import os

import pytest

from conftest import SEEDS, expected_for, run_cli


def test_filter_done_when_examples():
    assert run_cli(input="國(guó)務(wù)院".encode()).stdout.decode() == "国务院\n"
    assert run_cli("--to", "zh-hant", input="国务院".encode()).stdout.decode() == "國務院\n"
    assert run_cli("-", input="國(guó)務(wù)院".encode()).stdout.decode() == "国务院\n"


def test_file_to_output(tmp_path):
    out = tmp_path / "out.txt"
    proc = run_cli(SEEDS[0], "-o", out)
    assert proc.returncode == 0
    assert out.read_text(encoding="utf-8") == expected_for(SEEDS[0]).read_text(encoding="utf-8")


def test_folder_mirrors_tree_and_leaves_inputs(tmp_path):
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (tmp_path / "in" / "b.txt").write_bytes("國(guó)務(wù)院".encode("gbk"))
    (tmp_path / "in" / "bin.dat").write_bytes(bytes(range(256)))
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    before = {p: p.read_bytes() for p in (tmp_path / "in").rglob("*") if p.is_file()}  # before the link
    # Unreadable whoever runs the tests (root reads a chmod-0 file): a link to nowhere.
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = tmp_path / "report.jsonl"
    proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--jobs", "2", "--report", report)
    assert proc.returncode == 1  # the binary, the empty and the unreadable file failed
    err = proc.stderr.decode()
    assert "bin.dat" in err and "empty.txt" in err and "gone.txt: No such file" in err and "failed 3" in err
    assert (tmp_path / "out" / "sub" / "a.txt").read_text(encoding="utf-8") == expected_for(SEEDS[0]).read_text(encoding="utf-8")
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == "国务院\n"
    assert not (tmp_path / "out" / "empty.txt").exists()
    assert {p: p.read_bytes() for p in before} == before
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["status"] for line in lines) == ["cleaned", "cleaned", "failed", "failed", "failed"]
    assert any(step["name"] == "pinyin-annotations" for line in lines for step in line.get("steps", []))
    # a re-run skips outputs newer than their inputs
    again = run_cli(tmp_path / "in", "-o", tmp_path / "out")
    assert "skipped 2" in again.stderr.decode()


def test_check_and_explain():
    proc = run_cli("--check", input="國(guó)務(wù)院".encode())
    assert proc.returncode == 1 and proc.stdout == b""
    assert run_cli("--check", input="国务院\n".encode()).returncode == 0
    proc = run_cli(SEEDS[4], "--explain")
    err = proc.stderr.decode()
    assert "repair:pinyin-annotations" in err and "site=people" in err and proc.returncode == 0


def test_json_output_carries_findings():
    proc = run_cli(SEEDS[0], "--json")
    data = json.loads(proc.stdout)
    assert data["meta"]["site"] == "cmiw"
    assert any(f["kind"] == "lost-trail" for f in data["findings"])


def test_bad_inputs_get_one_line_errors(tmp_path):
    proc = run_cli(tmp_path / "missing.txt")
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1 and "missing.txt" in proc.stderr.decode()
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    proc = run_cli(binary)
    assert proc.returncode == 2 and "x.bin" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()
    proc = run_cli(tmp_path)
    assert proc.returncode == 2 and "-o" in proc.stderr.decode()
    proc = run_cli(tmp_path, "-o", tmp_path / "inside")
    assert proc.returncode == 2 and "inside" in proc.stderr.decode()
    proc = run_cli("--to", "zh-xx", input=b"x")
    assert proc.returncode == 2
    proc = run_cli("--site", "nosuchsite", input=b"x")
    assert proc.returncode == 2 and "nosuchsite" in proc.stderr.decode()


def test_refuses_to_overwrite_input(tmp_path):
    f = tmp_path / "page.txt"
    f.write_bytes(SEEDS[0].read_bytes())
    proc = run_cli(f, "-o", f)
    assert proc.returncode == 2 and f.read_bytes() == SEEDS[0].read_bytes()


def test_rules_subcommands(tmp_path):
    assert "zhitong/disclaimer" in run_cli("rules", "list").stdout.decode()
    assert run_cli("rules", "check").returncode == 0
    (tmp_path / "bad.toml").write_text('[site]\nid = "b"\nwhat = 1\n', encoding="utf-8")
    proc = run_cli("rules", "check", tmp_path)
    assert proc.returncode == 2 and "bad.toml" in proc.stderr.decode()


def test_user_rule_dir_applies(tmp_path):
    (tmp_path / "mine.toml").write_text(
        '[site]\nid = "mine"\nsignatures = ["我的网"]\n[[rule]]\nid = "mine/ad"\naction = "drop-line"\n'
        'pattern = "^广告"\nreason = "ad"\nexamples = ["广告位招租"]\n', encoding="utf-8")
    proc = run_cli("--rules", tmp_path, input="我的网新闻。\n广告位招租\n".encode())
    assert proc.stdout.decode() == "我的网新闻。\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_errors(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_bytes("发展".encode())
    locked.chmod(0)
    try:
        proc = run_cli(locked)
    finally:
        locked.chmod(0o644)
    assert proc.returncode == 2 and "locked.txt: Permission denied" in proc.stderr.decode()
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        proc = run_cli("-o", ro / "out.txt", input="发展".encode())
    finally:
        ro.chmod(0o755)
    assert proc.returncode == 2 and "Permission denied" in proc.stderr.decode()
