"""The command line end to end (cleaner/cli.py, cleaner/engines/)."""

import json
import os
from pathlib import Path

import pytest
from conftest import SEEDS, expected_for, obeying_file_modes, run_cli


def test_filter_done_when_examples():
    assert run_cli(input="國(guó)務(wù)院".encode()).stdout.decode() == "国务院\n"
    assert run_cli("--to", "zh-hant", input="国务院".encode()).stdout.decode() == "國務院\n"
    assert run_cli("-", input="國(guó)務(wù)院".encode()).stdout.decode() == "国务院\n"


def test_an_empty_input_is_noted_and_succeeds():
    proc = run_cli(input=b"")
    assert proc.returncode == 0 and proc.stdout == b""
    assert proc.stderr.decode().strip() == "cleaner: <stdin>: note: empty input; nothing to clean"


def test_an_empty_file_is_noted_as_a_folder_run_notes_it(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli(tmp_path / "empty.txt")
    assert proc.returncode == 0 and proc.stderr.decode().strip().endswith("empty.txt: note: empty file; nothing to clean")


def test_a_file_of_a_byte_order_mark_alone_is_noted_as_empty(tmp_path):
    # An editor's empty file saved as UTF-8 with BOM went without the note (probe35u F6).
    for name, data in (("bom8.txt", b"\xef\xbb\xbf"), ("bom16.txt", b"\xff\xfe\n\x00")):
        (tmp_path / name).write_bytes(data)
        proc = run_cli(tmp_path / name)
        assert proc.returncode == 0 and proc.stderr.decode().strip().endswith(f"{name}: note: empty file; nothing to clean")


def test_a_utf16_json_lines_file_is_refused_once_and_nothing_is_written(tmp_path):
    # Read as UTF-8 every record was "not UTF-8" and the NUL after the last newline one more record.
    lines = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in ("國(guó)務(wù)院", "发展"))
    (tmp_path / "u16.jsonl").write_bytes(lines.encode("utf-16"))
    proc = run_cli(tmp_path / "u16.jsonl", "-o", tmp_path / "out.jsonl")
    err = proc.stderr.decode().strip()
    assert proc.returncode == 2 and len(err.splitlines()) == 1 and "UTF-16" in err and "iconv" in err and "compressed" not in err
    assert not (tmp_path / "out.jsonl").exists()
    # Without its mark (`iconv -t UTF-16LE`): each record failed as "not UTF-8" (probe46); refused alike, named.
    for codec in ("utf-16-le", "utf-16-be"):
        (tmp_path / "nobom.jsonl").write_bytes(lines.encode(codec))
        proc = run_cli(tmp_path / "nobom.jsonl", "-o", tmp_path / "out.jsonl")
        err = proc.stderr.decode().strip()
        assert proc.returncode == 2 and len(err.splitlines()) == 1 and f"iconv -f UTF-16{codec[-2:].upper()} " in err
        assert not (tmp_path / "out.jsonl").exists()


def test_a_parquet_file_is_named_and_the_ray_engine_shown(tmp_path):
    (tmp_path / "t.parquet").write_bytes(b"PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00\x12\x00\x00" + b"\x00" * 40 + b"PAR1")
    proc = run_cli(tmp_path / "t.parquet")
    assert proc.returncode == 2 and "Parquet" in proc.stderr.decode() and "--engine ray" in proc.stderr.decode()


def test_a_page_a_wrong_charset_emptied_is_noted_and_succeeds():
    article = "国务院常务会议今天在北京召开，会议研究部署了进一步稳定经济增长的政策措施，要求各地加快推进重大项目建设。"
    proc = run_cli(input=article.encode("gbk").decode("utf-8", errors="replace").encode())
    assert proc.returncode == 0
    assert "note: " in proc.stderr.decode() and "U+FFFD: read with the wrong charset" in proc.stderr.decode()


def test_a_page_a_code_page_made_question_marks_is_noted_and_kept():
    # Saved through a code page without Chinese (a Windows "ANSI" round trip): every character a
    # "?", the text gone. Kept as it is, and the user told to fetch it again.
    article = "国务院常务会议今天在北京召开，会议研究部署了进一步稳定经济增长的政策措施。"
    lost = article.encode("cp1252", errors="replace").decode("cp1252")
    proc = run_cli(input=lost.encode())
    assert proc.returncode == 0 and proc.stdout.decode().strip() == lost
    assert "note: " in proc.stderr.decode() and "the text is gone" in proc.stderr.decode()


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
    assert proc.returncode == 1  # the binary and the unreadable file failed; the empty one is told
    err = proc.stderr.decode()
    assert "bin.dat" in err and "empty.txt: note: empty file" in err and "failed 2" in err
    assert f"gone.txt: broken symbolic link (to {tmp_path / 'nowhere.txt'}, which does not exist)" in err
    assert (tmp_path / "out" / "sub" / "a.txt").read_text(encoding="utf-8") == expected_for(SEEDS[0]).read_text(encoding="utf-8")
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == "国务院\n"
    assert (tmp_path / "out" / "empty.txt").read_bytes() == b""  # as `cleaner empty.txt` gives
    assert {p: p.read_bytes() for p in before} == before
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["status"] for line in lines) == ["cleaned", "cleaned", "failed", "failed", "unchanged"]
    assert any(step["name"] == "pinyin-annotations" for line in lines for step in line.get("steps", []))
    assert all("simplified_share" in line["meta"] for line in lines if line["status"] == "cleaned")  # the report has details
    # a re-run skips outputs newer than their inputs
    again = run_cli(tmp_path / "in", "-o", tmp_path / "out")
    assert "skipped 3 (up to date)" in again.stderr.decode()


def test_check_and_explain():
    proc = run_cli("--check", input="國(guó)務(wù)院".encode())
    assert proc.returncode == 1 and proc.stdout == b""
    assert run_cli("--check", input="国务院\n".encode()).returncode == 0
    assert run_cli("--check", input="国务院".encode()).returncode == 0  # only a final newline missing
    # Trailing blank lines: writing would drop them, so --check must say it would change the file.
    assert run_cli("--check", input="国务院\n\n\n".encode()).returncode == 1
    proc = run_cli(SEEDS[4], "--explain")
    err = proc.stderr.decode()
    assert "repair:pinyin-annotations" in err and "site=people" in err and proc.returncode == 0


def test_json_output_carries_findings():
    proc = run_cli(SEEDS[0], "--json")
    data = json.loads(proc.stdout)
    assert data["meta"]["site"] == "cmiw"
    assert any(f["kind"] == "lost-trail" for f in data["findings"])
    # probe32u F13: readable UTF-8, not a \uXXXX escape for every Chinese character; one line.
    assert data["text"][:20].encode() in proc.stdout and b"\\u" not in proc.stdout and proc.stdout.count(b"\n") == 1


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bad_inputs_get_one_line_errors(tmp_path):
    (tmp_path / "page.txt").write_bytes("國(guó)務(wù)院".encode())
    (tmp_path / "x.bin").write_bytes(b"\x00\x01\x02" * 100)
    before = _snapshot(tmp_path)
    _check_bad_inputs(tmp_path)
    assert _snapshot(tmp_path) == before  # no input changed, nothing written beside them


def _check_bad_inputs(tmp_path):
    proc = run_cli(tmp_path / "missing.txt")
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1 and "missing.txt" in proc.stderr.decode()
    binary = tmp_path / "x.bin"
    proc = run_cli(binary, "-o", tmp_path / "x.out")
    assert proc.returncode == 2 and "x.bin" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()
    proc = run_cli(tmp_path)
    assert proc.returncode == 2 and "-o" in proc.stderr.decode() and proc.stderr.decode().count("\n") == 1
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


def test_a_refusal_naming_a_path_with_a_newline_is_one_line(tmp_path):
    # probe45: a usage error printed its paths raw (`cleaner: no` / `such.txt: No such file ...`).
    missing = tmp_path / "no\nsuch.txt"
    proc = run_cli(missing)
    assert (proc.returncode, proc.stderr.decode()) == (2, f"cleaner: {tmp_path}/no\\nsuch.txt: No such file or directory\n")
    page = tmp_path / "a\x1b[31m.txt"
    page.write_text("国务院。\n", encoding="utf-8")
    proc = run_cli(page, "-o", page)
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1 and "\x1b" not in proc.stderr.decode()


@pytest.mark.parametrize("args", [["{long}.txt"], ["{page}", "-o", "{long}.txt"], ["{page}", "-o", "{long}/"],
                                  ["{folder}", "-o", "{long}"], ["rules", "learn", "{folder}", "-o", "{long}.toml"]])
def test_a_path_the_system_refuses_is_named_not_an_internal_error(tmp_path, args):
    # probe45: a name over 255 bytes raised out of pathlib's is_dir()/exists() (they swallow only
    # ENOENT and its kin): `cleaner: internal error: OSError: [Errno 36] File name too long: '...'`.
    folder = tmp_path / "in"
    folder.mkdir()
    page = folder / "a.txt"
    page.write_text("国务院印发通知,要求各地。\n", encoding="utf-8")
    long = tmp_path / ("长" * 100)  # 300 bytes in one name
    proc = run_cli(*(a.format(long=long, page=page, folder=folder) for a in args), cwd=tmp_path)
    assert (proc.returncode, proc.stderr.decode()) == (2, f"cleaner: {long}{args[-1].removeprefix('{long}').rstrip('/')}: File name too long\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_permission_errors(tmp_path):
    place = tmp_path
    try:
        locked = place / "locked.txt"
        locked.write_bytes("发展".encode())
        locked.chmod(0)
        proc = run_cli(locked, prefix=obeying_file_modes())
        assert proc.returncode == 2 and proc.stderr.decode() == f"cleaner: {locked}: Permission denied\n"
        ro = place / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        proc = run_cli("-o", ro / "out.txt", input="发展".encode(), prefix=obeying_file_modes())
        assert proc.returncode == 2 and "Permission denied" in proc.stderr.decode()
        assert proc.stderr.decode().count("\n") == 1 and list(ro.iterdir()) == []
        locked.chmod(0o644)
        assert locked.read_bytes() == "发展".encode()  # the input is untouched
    finally:
        for p in place.rglob("*"):
            p.chmod(0o755)

def _rule_dir(tmp_path, body: str) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.toml").write_text('[site]\nid = "mine"\n' + body, encoding="utf-8")
    return rules


@pytest.mark.parametrize("body, message", [
    ('[[rule]]\nid = "mine/a"\naction = "drop-line"\npattern = "x"\nreason = "r"\ncolour = "red"\n', "unknown key 'colour'"),
    ('[[rule]]\nid = "mine/a"\naction = "drop-line"\npattern = "(x"\nreason = "r"\n', "bad pattern"),
    # A rule that removes a line its author listed as one to keep: refused, not used silently.
    ('[[rule]]\nid = "mine/a"\naction = "drop-line"\npattern = "^责任编辑"\nreason = "r"\nexamples = ["责任编辑：张三"]\n'
     'keeps = ["责任编辑张三在会上说，今年的工作重点已经确定。"]\n', "rule 'mine/a' matches its keep"),
])
def test_bad_rule_files_are_refused_in_one_line(tmp_path, body, message):
    page = tmp_path / "page.txt"
    page.write_bytes("国务院。\n".encode())
    proc = run_cli("--rules", _rule_dir(tmp_path, body), page, "-o", tmp_path / "out.txt")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and message in err and "mine.toml" in err and err.count("\n") == 1
    assert page.read_bytes() == "国务院。\n".encode() and not (tmp_path / "out.txt").exists()


def test_catastrophic_rule_pattern_runs_and_the_page_is_cleaned(tmp_path):
    # (a|aa)+$ would backtrack exponentially on the first line in a backtracking engine.
    rules = _rule_dir(tmp_path, '[[rule]]\nid = "mine/slow"\naction = "drop-line"\npattern = "(a|aa)+$"\nreason = "r"\n')
    page = tmp_path / "page.txt"
    data = ("a" * 40 + "!\n國(guó)務(wù)院印發通知。\n").encode()
    page.write_bytes(data)
    out = tmp_path / "out.txt"
    proc = run_cli("--rules", rules, "--site", "mine", page, "-o", out, timeout=60)
    assert proc.returncode == 0 and proc.stderr == b""
    assert out.read_text(encoding="utf-8") == "a" * 40 + "!\n国务院印发通知。\n"  # Latin context keeps its "!"
    assert page.read_bytes() == data


def test_documents_over_max_chars_are_refused(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("国务院印发通知。".encode())
    proc = run_cli("--max-chars", "5", page, "-o", tmp_path / "out.txt")  # 24 bytes: refused unread, past 4 x 5
    assert proc.returncode == 2 and "page.txt: over 20 bytes, more than 5 characters can take (max_chars)" in proc.stderr.decode()
    assert not (tmp_path / "out.txt").exists()
    page.write_bytes(b"abcdefgh")  # 8 bytes, 8 characters: read, then refused by its length
    proc = run_cli("--max-chars", "5", page, "-o", tmp_path / "out.txt")
    assert proc.returncode == 2 and "page.txt: 8 characters, over the limit of 5" in proc.stderr.decode() and not (tmp_path / "out.txt").exists()
    records = tmp_path / "in.jsonl"
    records.write_text('{"text": "国务院印发通知。"}\n{"text": "好"}\n', encoding="utf-8")
    proc = run_cli("--jsonl", "--max-chars", "5", records, "-o", tmp_path / "out.jsonl")
    assert proc.returncode == 1 and "in.jsonl:1: field 'text' is too large" in proc.stderr.decode()
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0] == '{"text": "国务院印发通知。"}'


def test_huge_single_line_is_cleaned_piece_by_piece(tmp_path):
    # A real damaged seed line, 1,000 times on one line (404,000 characters): the repairs take it
    # in pieces of 65,536 characters cut at sentence ends, and nothing is lost at the cuts.
    line = next(l for l in SEEDS[4].read_text(encoding="utf-8").split("\n") if len(l) > 150 and "?" in l)
    from cleaner import Cleaner

    once = Cleaner(remove_furniture=False).clean(line)
    page = tmp_path / "huge.txt"
    page.write_text(line * 1000, encoding="utf-8")
    proc = run_cli(page, "-o", tmp_path / "out.txt")
    assert proc.returncode == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == once * 1000 + "\n"


def test_a_small_max_chars_with_workers_reports_the_long_files_and_goes_on(tmp_path):
    # The workers' warm-up text was itself checked against the limit and ended the run.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text("国务院印发通知。今天天气很好。\n", encoding="utf-8")
    (tmp_path / "in" / "short.txt").write_text("好\n", encoding="utf-8")
    proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--max-chars", "10", "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    assert "long.txt: over 40 bytes, more than 10 characters can take (max_chars)" in proc.stderr.decode()  # 49 bytes
    assert (tmp_path / "out" / "short.txt").read_text(encoding="utf-8") == "好\n"


def test_a_file_name_that_is_not_utf8_is_cleaned_and_shown_escaped(tmp_path):
    # A GBK name from a Windows zip (中文.txt): the manifest and the report could not hold it.
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(os.fsencode(src), "中文".encode("gbk") + b".txt"), "w", encoding="utf-8") as fh:
        fh.write("國(guó)務(wù)院\n")
    for _ in range(2):  # and a second run, which reads the manifest back
        proc = run_cli(src, "-o", tmp_path / "out", "--report", tmp_path / "report.jsonl")
        assert proc.returncode == 0, proc.stderr
    names = sorted(os.listdir(os.fsencode(tmp_path / "out")))
    assert "中文".encode("gbk") + b".txt" in names
    with open(os.path.join(os.fsencode(tmp_path / "out"), "中文".encode("gbk") + b".txt"), encoding="utf-8") as fh:
        assert fh.read() == "国务院\n"
    proc = run_cli(src, "--diff")
    assert "--- " + str(src) + "/\\xd6\\xd0\\xce\\xc4.txt" in proc.stdout.decode()


def test_python_dash_m_runs_the_command(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "cleaner"], input="國(guó)務(wù)院".encode(), capture_output=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.decode() == "国务院\n"


def test_an_input_that_breaks_off_while_workers_run_ends_the_run_promptly(tmp_path):
    # A truncated .gz read by a pool of workers: the exit once hung for ever (about one run in
    # twenty) on a queue whose reader had been terminated.
    import gzip

    records = "".join(json.dumps({"id": i, "text": "國(guó)務(wù)院印发通知，今天天气很好。" * 3}, ensure_ascii=False) + "\n"
                      for i in range(12000)).encode()
    data = gzip.compress(records)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 9 // 10])
    for k in range(3):
        proc = run_cli(tmp_path / "cut.jsonl.gz", "-o", tmp_path / f"out{k}.jsonl", "--no-learn", "--jobs", "2", timeout=120)
        assert proc.returncode == 1 and "cannot read the compressed data" in proc.stderr.decode()
        assert (tmp_path / f"out{k}.jsonl").stat().st_size > 0  # the records before the break


def test_a_compressed_page_is_read_through_its_compression(tmp_path):
    import gzip

    (tmp_path / "page.txt.gz").write_bytes(gzip.compress("國(guó)務(wù)院\n".encode()))
    proc = run_cli(tmp_path / "page.txt.gz")
    assert proc.returncode == 0 and proc.stdout.decode() == "国务院\n"
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress("國(guó)務(wù)院\n".encode() * 100)[:20])
    proc = run_cli(tmp_path / "cut.txt.gz")
    assert proc.returncode == 2 and proc.stderr.decode().startswith(f"cleaner: {tmp_path / 'cut.txt.gz'}: cannot read the compressed data")
    # Broken off after some lines: they are cleaned and written, one line says so, exit 1 (as a
    # .jsonl.gz keeps its records before the break).
    lines = "".join(f"第{i}行：國(guó)務(wù)院副總理。\n" for i in range(20000)).encode()
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(lines)[:-100])
    for out in ([], ["-o", tmp_path / "cut.txt"]):
        proc = run_cli(tmp_path / "cut.txt.gz", *out)
        err = proc.stderr.decode()
        assert proc.returncode == 1 and err.count("\n") == 1 and "after line" in err and "the rest is lost" in err
        text = proc.stdout.decode() if not out else (tmp_path / "cut.txt").read_text(encoding="utf-8")
        assert 10000 < len(text.splitlines()) < 20000 and text.splitlines()[-1].endswith("国务院副总理。")


def test_version_and_help_name_the_rules_command_and_exit_codes(capsys):
    from cleaner import __version__, cli

    assert cli.main(["--version"]) == 0 and capsys.readouterr().out == f"cleaner {__version__}\n"
    assert cli.main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "cleaner rules list" in text and "Exit codes" in text


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["rules", "--help"], ["rules", "learn", "--help"]])
def test_version_and_help_that_cannot_be_written_are_one_line_and_exit_1(argv):
    # probe45/46: `cleaner --version > /dev/full` exited 0 (argparse drops the failed write).
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to fill")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([str(Path(sys.executable).parent / "cleaner"), *argv], stdout=full, stderr=subprocess.PIPE, timeout=300)
    assert (proc.returncode, proc.stderr.decode()) == (1, "cleaner: <stdout>: No space left on device; output cut short\n")


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_with_standard_output_closed_are_one_line_and_exit_1(argv):
    # review46: with standard output closed at the start (`>&-`) argparse wrote to standard error
    # and exited 0.
    import subprocess
    import sys

    proc = subprocess.run([str(Path(sys.executable).parent / "cleaner"), *argv], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=300, pass_fds=(), preexec_fn=lambda: __import__("os").close(1))
    assert (proc.returncode, proc.stderr.decode()) == (1, "cleaner: <stdout>: closed; output cut short\n")


def test_a_records_file_that_breaks_off_in_a_folder_is_written_and_read_again_next_run(tmp_path):
    import gzip

    records = b"".join(b'{"id": %d, "text": "\xe5\x9c\x8b"}\n' % i for i in range(3000))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.jsonl.gz").write_bytes(gzip.compress(records)[:-30])
    for _ in range(2):  # not recorded as done: the second run reads it again and says so again
        proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn")
        assert proc.returncode == 1 and "after line" in proc.stderr.decode(), proc.stderr
        assert "skipped" not in proc.stderr.decode() and "files: cleaned 0, unchanged 0, failed 1" in proc.stderr.decode()
    out = gzip.decompress((tmp_path / "out" / "cut.jsonl.gz").read_bytes()).splitlines()
    assert 0 < len(out) < 3000 and json.loads(out[-1])["text"] == "国"


def test_an_output_folder_takes_the_page_under_its_folder_run_name(tmp_path):
    (tmp_path / "page.html").write_bytes("<html><body><p>國(guó)務(wù)院</p></body></html>".encode())
    proc = run_cli(tmp_path / "page.html", "-o", f"{tmp_path / 'new'}/")  # a new folder, named with a slash
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "new" / "page.txt").read_text(encoding="utf-8") == "国务院\n"
    (tmp_path / "old").mkdir()  # a folder that exists, named without one
    assert run_cli(tmp_path / "page.html", "-o", tmp_path / "old").returncode == 0
    assert (tmp_path / "old" / "page.txt").exists()
    proc = run_cli("-o", tmp_path / "old", input=b"x")
    assert proc.returncode == 2 and b"give a file name" in proc.stderr
    proc = run_cli(tmp_path / "page.html", "-o", tmp_path)  # the input's own folder: page.txt is new there
    assert proc.returncode == 0 and (tmp_path / "page.txt").exists()
    proc = run_cli(tmp_path / "page.txt", "-o", tmp_path)  # ... but never over the input itself
    assert proc.returncode == 2 and b"refusing to write over the input" in proc.stderr


def test_closed_standard_output_is_one_line_before_any_work(tmp_path):
    import subprocess
    import sys

    (tmp_path / "p.txt").write_bytes("國(guó)務(wù)院".encode())
    exe = Path(sys.executable).parent / "cleaner"
    proc = subprocess.run(f"'{exe}' '{tmp_path / 'p.txt'}' >&-", shell=True, capture_output=False, stderr=subprocess.PIPE, timeout=300)
    assert proc.returncode == 2 and proc.stderr.decode() == "cleaner: <stdout>: standard output is closed; give an output file with -o\n"


@pytest.mark.parametrize("kind", ["empty page", "records", "folder"])
def test_closed_standard_error_puts_no_message_into_the_output_and_ends_no_run(tmp_path, kind):
    # probe32u F3: with `2>&-` Python leaves sys.stderr None and print(file=None) writes to stdout:
    # an empty file's note became the page's text, and records and folders crashed on isatty().
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "cleaner"
    if kind == "empty page":
        (tmp_path / "empty.txt").write_bytes(b"")
        command, code = f"'{exe}' '{tmp_path / 'empty.txt'}'", 0
    elif kind == "records":
        (tmp_path / "a.jsonl").write_text('{"text":"國(guó)務(wù)院"}\n{bad\n', encoding="utf-8")
        command, code = f"'{exe}' '{tmp_path / 'a.jsonl'}'", 1  # the bad record fails, said to nobody
    else:
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
        command, code = f"'{exe}' '{tmp_path / 'in'}' -o '{tmp_path / 'out'}'", 0
    proc = subprocess.run(command + " 2>&-", shell=True, stdout=subprocess.PIPE, timeout=300)
    assert proc.returncode == code
    if kind == "empty page":
        assert proc.stdout == b""
    elif kind == "records":
        assert proc.stdout.decode().splitlines() == ['{"text":"国务院"}', "{bad"]
    else:
        assert proc.stdout == b"" and (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "国务院\n"


def test_several_files_with_an_output_folder_are_one_folder_run_into_it(tmp_path, capsys):
    # probe32u F13: `cleaner pages/*.html -o out/` said "unrecognized arguments", then was refused.
    from cleaner import cli

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    (tmp_path / "pages" / "b.html").write_text("<html><body><p>國(guó)務(wù)院副總理</p></body></html>", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "c.jsonl").write_text('{"text": "國(guó)務(wù)院"}\n', encoding="utf-8")
    inputs = [str(tmp_path / "pages" / "a.txt"), str(tmp_path / "pages" / "b.html"), str(tmp_path / "other" / "c.jsonl")]
    # Options among the inputs too (`cleaner a.txt -o out/ b.txt`).
    assert cli.main([inputs[0], "-o", str(tmp_path / "out") + "/", *inputs[1:], "--no-learn"]) == 0
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [".cleaner-manifest.jsonl", "a.txt", "b.txt", "c.jsonl"]  # as a folder run names them
    assert (out / "a.txt").read_text(encoding="utf-8") == "国务院\n" and "国务院副总理" in (out / "b.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().err.endswith("cleaner: files: cleaned 3, unchanged 0, failed 0; steps: convert 4, repair 6, whitespace 1\n")
    assert cli.main([*inputs, "-o", str(out), "--no-learn"]) == 0  # a folder that exists; the manifest knows them
    assert "skipped 3 (up to date)" in capsys.readouterr().err
    # Two inputs of one output name: the second fails, named, as in a folder run.
    (tmp_path / "other" / "a.txt").write_text("国务院\n", encoding="utf-8")
    assert cli.main([inputs[0], str(tmp_path / "other" / "a.txt"), "-o", str(out), "--no-learn"]) == 1
    err = capsys.readouterr().err
    # a failure, counted so: not "skipped", the summary's word for what was left on purpose (probe47)
    assert f"its output a.txt is also the output of {inputs[0]}; not cleaned (rename one of them)" in err
    assert "failed 1" in err


def test_several_files_without_an_output_folder_go_to_stdout_one_after_another(tmp_path, capsys):
    from cleaner import cli

    for name, text in (("a.txt", "國(guó)務(wù)院"), ("b.txt", "馬凱"), ("c.txt", "貴陽(yáng)")):
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    names = [str(tmp_path / n) for n in ("c.txt", "a.txt", "b.txt")]
    assert cli.main(names) == 0
    captured = capsys.readouterr()
    assert captured.out == "贵阳\n国务院\n马凯\n"  # in the order given, each whole
    assert captured.err.startswith("cleaner: files: cleaned 3, unchanged 0, failed 0")
    # A file that cannot be read is told in one line and the rest go on (exit 1).
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    assert cli.main([names[0], str(tmp_path / "bad.txt"), names[1]]) == 1
    captured = capsys.readouterr()
    assert captured.out == "贵阳\n国务院\n" and f"cleaner: {tmp_path / 'bad.txt'}: " in captured.err
    assert "failed 1" in captured.err
    # Records files: their records, one file after another.
    for name in ("x.jsonl", "y.jsonl"):
        (tmp_path / name).write_text('{"text": "國(guó)務(wù)院"}\n', encoding="utf-8")
    assert cli.main([str(tmp_path / "x.jsonl"), str(tmp_path / "y.jsonl")]) == 0
    captured = capsys.readouterr()
    assert captured.out == '{"text": "国务院"}\n' * 2 and "cleaner: 2 files: records: cleaned 2" in captured.err


@pytest.mark.parametrize("args, message", [
    (["a.txt", "b.txt", "-o", "all.txt"], "-o all.txt: with 2 inputs -o names the folder their outputs go into"),
    (["a.txt", "x.jsonl"], "pages and records files among the inputs"),
    (["a.txt", "sub"], "sub: a folder among 2 inputs; give the folder alone"),
    (["a.txt", "-"], "- (standard input) among several inputs"),
    (["a.txt", "missing.txt"], "missing.txt: No such file or directory"),
    (["a.txt", "b.txt", "--engine", "ray", "-o", "out"], "--engine ray takes one input"),
    (["a.txt", "b.txt", "--report", "r.jsonl"], "--report does not apply to a single page or stdin"),
])
def test_several_inputs_of_unclear_meaning_are_refused_in_one_line(tmp_path, monkeypatch, capsys, args, message):
    from cleaner import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.txt", "x.jsonl"):
        (tmp_path / name).write_text('{"text": "国务院"}\n', encoding="utf-8")
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cleaner: {message}") and err.count("\n") == 1
    assert not (tmp_path / "all.txt").exists() and not (tmp_path / "out").exists()
    assert cli.main(["a.txt", "--bogus"]) == 2  # an unknown option is told as before
    assert capsys.readouterr().err == "cleaner: unrecognized arguments: --bogus\n"


def test_a_read_only_output_is_not_replaced_unless_forced(tmp_path, capsys):
    # probe32u F13: `-o ro.txt` replaced a chmod 444 file without a word (temp + rename); cp refuses.
    from cleaner import cli

    (tmp_path / "page.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    for out in ("ro.txt", "report.jsonl"):
        (tmp_path / out).write_text("mine\n", encoding="utf-8")
        (tmp_path / out).chmod(0o444)
    assert cli.main([str(tmp_path / "page.txt"), "-o", str(tmp_path / "ro.txt")]) == 2
    assert capsys.readouterr().err == f"cleaner: {tmp_path / 'ro.txt'}: output is a read-only file; give --force to replace it\n"
    assert (tmp_path / "ro.txt").read_text(encoding="utf-8") == "mine\n"
    assert cli.main([str(tmp_path / "page.txt"), "-o", str(tmp_path / "ro.txt"), "--force"]) == 0
    assert (tmp_path / "ro.txt").read_text(encoding="utf-8") == "国务院\n"
    assert (tmp_path / "ro.txt").stat().st_mode & 0o777 == 0o444  # it keeps its mode, as a rewritten output does
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    assert cli.main([str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--report", str(tmp_path / "report.jsonl")]) == 2
    assert "report.jsonl: output is a read-only file" in capsys.readouterr().err


def test_dev_null_takes_the_output_and_the_messages_stay(tmp_path, capsys):
    # probe32u F13: `-o /dev/null` ("just the summary") was refused as a device.
    from cleaner import cli

    (tmp_path / "page.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    (tmp_path / "r.jsonl").write_text('{"text": "國(guó)務(wù)院"}\n{bad\n', encoding="utf-8")
    assert cli.main([str(tmp_path / "page.txt"), "-o", os.devnull]) == 0
    assert capsys.readouterr().out == ""
    assert cli.main([str(tmp_path / "r.jsonl"), "-o", os.devnull, "--no-learn"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "r.jsonl:2: not valid JSON" in captured.err and "records: cleaned 1" in captured.err
    assert cli.main([str(tmp_path), "-o", os.devnull]) == 2  # a folder run writes files and a manifest
    assert "--check or --diff writes nothing" in capsys.readouterr().err


def test_a_report_whose_folder_does_not_exist_is_refused_not_made(tmp_path, capsys):
    # probe32u F10: `--report a/b/c.jsonl` made a/b/ silently (a typo went unseen).
    from cleaner import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("国务院\n", encoding="utf-8")
    report = tmp_path / "no" / "such" / "r.jsonl"
    assert cli.main([str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--report", str(report)]) == 2
    assert capsys.readouterr().err == f"cleaner: {report}: no folder {report.parent}; make it first\n"
    assert not (tmp_path / "no").exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize("options", ["", "--jsonl", "--json"])
def test_closed_standard_input_is_one_line_naming_it(options):
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "cleaner"
    proc = subprocess.run(f"'{exe}' {options} <&-", shell=True, capture_output=True, timeout=300)
    assert proc.returncode == 2 and proc.stderr.decode() == "cleaner: <stdin>: standard input is closed; give a file, or pipe text in\n"


def test_an_unreadable_folder_is_refused_and_an_unreadable_subfolder_fails_named(tmp_path):
    (tmp_path / "in" / "ok").mkdir(parents=True)
    (tmp_path / "in" / "locked").mkdir()
    (tmp_path / "in" / "ok" / "a.txt").write_bytes("國(guó)務(wù)院".encode())
    (tmp_path / "in" / "locked" / "b.txt").write_bytes("国务院".encode())
    try:
        (tmp_path / "in" / "locked").chmod(0)
        proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--report", tmp_path / "r.jsonl", prefix=obeying_file_modes())
        err = proc.stderr.decode()
        assert proc.returncode == 1 and f"cleaner: {tmp_path / 'in' / 'locked'}: Permission denied\n" in err
        assert "cleaned 1, unchanged 0, failed 1" in err
        lines = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
        assert {"input": str(tmp_path / "in" / "locked"), "status": "failed", "error": "Permission denied"} in lines
        (tmp_path / "in").chmod(0)
        proc = run_cli(tmp_path / "in", "-o", tmp_path / "out2", prefix=obeying_file_modes())
        assert proc.returncode == 2 and proc.stderr.decode() == f"cleaner: {tmp_path / 'in'}: Permission denied\n"
        assert not (tmp_path / "out2").exists()  # refused before any output folder is made
    finally:
        (tmp_path / "in").chmod(0o755)
        (tmp_path / "in" / "locked").chmod(0o755)


def test_records_that_fail_in_a_folder_are_counted_and_their_file_is_redone(tmp_path):
    (tmp_path / "in").mkdir()
    body = "".join(json.dumps({"id": i, "body": "國(guó)務(wù)院"}, ensure_ascii=False) + "\n" for i in range(3))
    (tmp_path / "in" / "b.jsonl").write_text(body, encoding="utf-8")
    for _ in range(2):  # not recorded as done: the second run reads it again and says so again
        proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn")
        err = proc.stderr.decode()
        assert proc.returncode == 1 and "b.jsonl:3: has no field 'text'" in err and "skipped" not in err
        assert "failed 0, records failed 3 (in 1 file, passed through unchanged)" in err
    proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn", "--field", "body")  # another field: redone
    assert proc.returncode == 0 and "files: cleaned 1, unchanged 0, failed 0" in proc.stderr.decode()
    assert [json.loads(line)["body"] for line in (tmp_path / "out" / "b.jsonl").read_text(encoding="utf-8").splitlines()] == ["国务院"] * 3
    proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn", "--field", "body")
    assert proc.returncode == 0 and "skipped 1 (up to date)" in proc.stderr.decode()


@pytest.mark.parametrize("out", ["-", "/dev/stdout"])
def test_a_folder_is_not_written_to_standard_output(tmp_path, out):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes("國(guó)務(wù)院".encode())
    proc = run_cli(tmp_path / "in", "-o", out, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode() == f"cleaner: -o {out}: a folder cannot be written to standard output; give an output folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize("compress", ["gzip", "bz2", "xz", "zstd"])
def test_compressed_standard_input_is_read_through_its_compression(compress):
    import bz2
    import gzip
    import lzma

    import zstandard

    pack = {"gzip": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress, "zstd": zstandard.ZstdCompressor().compress}[compress]
    records = "".join(json.dumps({"id": i, "text": "國(guó)務(wù)院"}, ensure_ascii=False) + "\n" for i in range(3)).encode()
    proc = run_cli("--jsonl", "--no-learn", input=pack(records))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["text"] for line in proc.stdout.decode().splitlines()] == ["国务院"] * 3
    proc = run_cli(input=pack("國(guó)務(wù)院\n".encode()))  # one page
    assert proc.returncode == 0 and proc.stdout.decode() == "国务院\n"


def test_compressed_standard_input_that_breaks_off_is_told():
    import gzip

    records = b"".join(b'{"id": %d, "text": "\xe5\x9c\x8b"}\n' % i for i in range(3000))
    proc = run_cli("--jsonl", "--no-learn", input=gzip.compress(records)[:-30])
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "cleaner: <stdin>: cannot read the compressed data" in err and "after line" in err
    assert 0 < len(proc.stdout.splitlines()) < 3000
    proc = run_cli(input=gzip.compress("國(guó)務(wù)院\n".encode() * 100)[:20])
    assert proc.returncode == 2 and proc.stderr.decode().startswith("cleaner: <stdin>: cannot read the compressed data")


def test_keep_markup_reads_a_text_file_that_looks_like_html_as_text(tmp_path):
    page = tmp_path / "tags.txt"
    page.write_text("<p>第一段。</p><p>第二段<b>加粗</b>。</p><br/>第三段。\n", encoding="utf-8")  # three tags: HTML by content
    proc = run_cli(page, "--keep-markup", "--explain")
    assert proc.returncode == 0 and proc.stdout.decode() == "<p>第一段。</p><p>第二段<b>加粗</b>。</p><br/>第三段。\n"
    assert "read as text" in proc.stderr.decode()
    proc = run_cli(page, "--explain")  # without it the content makes it HTML, and --explain says why
    assert "<p>" not in proc.stdout.decode() and "read as HTML, by its content" in proc.stderr.decode()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "tags.txt").write_bytes(page.read_bytes())
    assert run_cli(tmp_path / "in", "-o", tmp_path / "out", "--keep-markup").returncode == 0
    assert (tmp_path / "out" / "tags.txt").read_bytes() == page.read_bytes()


def test_the_folder_report_names_every_unit_counted_skipped_ones_too(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes("國(guó)務(wù)院".encode())
    (tmp_path / "in" / "b.txt").write_bytes("国务院\n".encode())
    (tmp_path / "in" / ".hidden").write_bytes(b"x")
    os.mkfifo(tmp_path / "in" / "fifo")
    report = tmp_path / "r.jsonl"
    run_cli(tmp_path / "in", "-o", tmp_path / "out", "--report", report)
    (tmp_path / "in" / "b.txt").write_bytes("國(guó)務(wù)院".encode())  # b changes: only b is redone
    proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--report", report)
    assert proc.returncode == 0 and "cleaned 1, unchanged 0, skipped 3 (hidden 1, not a regular file 1, up to date 1)" in proc.stderr.decode()
    lines = {Path(line["input"]).name: line for line in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    assert {name: (line["status"], line.get("reason")) for name, line in lines.items()} == {
        "a.txt": ("skipped", "up to date"), "b.txt": ("cleaned", None), ".hidden": ("skipped", "hidden"),
        "fifo": ("skipped", "not a regular file (FIFO, socket or device)")}


def test_check_counts_steps_only_of_what_would_change(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes("国务院印发通知。\n".encode())  # clean: the cleaner's only step drops the final newline
    proc = run_cli("--check", tmp_path / "in")
    assert proc.returncode == 0 and proc.stderr.decode().endswith("files: would change 0, unchanged 1, failed 0\n")


def test_help_names_the_output_folder_of_a_single_file_and_every_exit_code(capsys):
    from cleaner import cli

    assert cli.main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "FOLDER/" in text and "141" in text and "or some file or record failed" in text


def test_a_rule_file_given_as_rules_and_a_broken_link_as_input_are_named_for_what_they_are(tmp_path):
    (tmp_path / "mine.toml").write_text('[site]\nid = "mine"\n', encoding="utf-8")
    proc = run_cli("--rules", tmp_path / "mine.toml", input=b"x")
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"cleaner: {tmp_path / 'mine.toml'}: a rule file; --rules takes the folder that holds rule files\n"
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    proc = run_cli(tmp_path / "gone.txt")
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"cleaner: {tmp_path / 'gone.txt'}: broken symbolic link (to {tmp_path / 'nowhere.txt'}, which does not exist)\n"


def test_an_output_redone_with_failures_is_not_vouched_for_by_an_earlier_runs_manifest_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.jsonl").write_text(json.dumps({"body": "國(guó)務(wù)院"}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn", "--field", "body").returncode == 0  # recorded
    assert run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn").returncode == 1  # rewritten: no 'text' field
    proc = run_cli(tmp_path / "in", "-o", tmp_path / "out", "--no-learn", "--field", "body")  # the first run's line is void
    assert proc.returncode == 0 and "cleaned 1" in proc.stderr.decode()
    assert json.loads((tmp_path / "out" / "b.jsonl").read_text(encoding="utf-8"))["body"] == "国务院"


def test_an_output_folder_refused_by_the_system_is_named_not_our_temporary_file(tmp_path, monkeypatch, capsys):
    # probe29: "…/clean/..cleaner-manifest.jsonl.cleaner-zcxqbhp2.tmp: Permission denied" named a
    # file the user never asked for; the folder is what they can fix.
    from cleaner import cli
    from cleaner.engines import folder

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("国务院", encoding="utf-8")
    out = tmp_path / "clean"
    temporary = out / "..cleaner-manifest.jsonl.cleaner-zcxqbhp2.tmp"

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(temporary))

    monkeypatch.setattr(folder, "run_folder", refused)
    assert cli.main([str(tmp_path / "in"), "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"cleaner: {out}: Permission denied"


def test_typing_into_the_command_ends_at_one_ctrl_d_and_is_told_how(tmp_path):
    # probe30: on a terminal the command gave no sign of reading, and took four Ctrl-D to end.
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    exe = Path(sys.executable).parent / "cleaner"
    proc = subprocess.Popen([str(exe)], stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(slave)
    os.write(master, "國(guó)務(wù)院\n".encode())
    os.write(master, b"\x04")  # one Ctrl-D at a line's start
    try:
        out, err = proc.communicate(timeout=120)  # only against a hang: waiting for more Ctrl-D fails the test
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError("one Ctrl-D did not end the input") from None
    finally:
        os.close(master)
    assert out.decode() == "国务院\n" and proc.returncode == 0
    assert err.decode().splitlines() == ["cleaner: reading from the terminal; end with Ctrl-D at the start of a line"]


@pytest.mark.parametrize("mode", ["ab", "wb"])
@pytest.mark.parametrize("name", ["page.txt", "records.jsonl"])
def test_standard_output_onto_an_input_file_is_refused_and_the_file_kept(tmp_path, mode, name):
    # probe47: `cleaner big.jsonl >> big.jsonl` read its own output back as input and grew the file
    # without end (18 MB in 100 s from 0.9 MB); `cleaner x.txt > x.txt` exited 0 on the file the shell
    # had just emptied. As cat says "input file is output file": refused before any work, exit 2.
    import subprocess
    import sys

    src = tmp_path / name
    body = "".join(json.dumps({"text": "國(guó)務(wù)院"}, ensure_ascii=False) + "\n" for _ in range(3)) if name.endswith(".jsonl") \
        else "國(guó)務(wù)院\n"
    src.write_text(body, encoding="utf-8")
    exe = Path(sys.executable).parent / "cleaner"
    for args, stdin in (([str(src)], subprocess.DEVNULL), (["--jsonl"] if name.endswith(".jsonl") else [], src)):
        if mode == "wb":
            src.write_text(body, encoding="utf-8")
        before = src.read_bytes() if mode == "ab" else b""
        with open(src, mode) as out, open(stdin, "rb") if isinstance(stdin, Path) else open(os.devnull, "rb") as inp:
            proc = subprocess.run([str(exe), *args], stdin=inp, stdout=out, stderr=subprocess.PIPE, timeout=120)
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert err.count("\n") == 1 and "standard output is the input" in err, err
        assert src.read_bytes() == before  # nothing appended


def test_a_double_dash_ends_the_options_before_a_file_named_with_a_dash(tmp_path, monkeypatch, capsys):
    # probe47: `cleaner -- -notes.txt` said `unrecognized arguments: -notes.txt` (argparse's intermixed
    # parsing does not take `--`), where every Unix tool reads the names after it as files.
    from cleaner import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "-notes.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("國(guó)\n", encoding="utf-8")
    assert cli.main(["--", "-notes.txt"]) == 0
    assert capsys.readouterr().out == "国务院\n"
    assert cli.main(["--to", "zh-tw", "b.txt", "--", "-notes.txt"]) == 0
    assert capsys.readouterr().out == "國\n國務院\n"
    assert cli.main(["-o", "out.txt", "--", "-notes.txt"]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "国务院\n"
