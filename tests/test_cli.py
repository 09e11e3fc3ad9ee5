"""The command line end to end (cleaner/cli.py, cleaner/batch.py)."""

import json

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
    before = {p: p.read_bytes() for p in (tmp_path / "in").rglob("*") if p.is_file()}
    proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--jobs", "2")
    assert proc.returncode == 1  # the binary file failed
    err = proc.stderr.decode()
    assert "bin.dat" in err and "failed 1" in err
    assert (tmp_path / "out" / "sub" / "a.txt").read_text(encoding="utf-8") == expected_for(SEEDS[0]).read_text(encoding="utf-8")
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == "国务院\n"
    assert (tmp_path / "out" / "empty.txt").read_bytes() == b""
    assert {p: p.read_bytes() for p in before} == before
    # a re-run skips outputs newer than their inputs
    again = run_cli(tmp_path / "in", "-o", tmp_path / "out")
    assert "skipped 3" in again.stderr.decode()


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
