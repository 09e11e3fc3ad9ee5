"""Probes of a careful operator: each must end in one line, the right exit code, inputs untouched.

One row per probe: what is run, the exit code, the first words of the message, and what must
hold afterwards. Probes that need processes killed or signalled are separate tests below.
"""

import codecs
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleaner
from conftest import SEEDS, run_cli

PAGE = "國(guó)務(wù)院印發通知。\n".encode()
CLEAN = "国务院印发通知。\n"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def place(tmp_path):
    (tmp_path / "page.txt").write_bytes(PAGE)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(PAGE)
    return tmp_path


# -- outputs only ever replace regular files ---------------------------------------------------

def test_output_symlink_is_refused_and_left_a_link(place):
    target = place / "target.txt"
    target.write_text("mine")
    (place / "link.txt").symlink_to(target)
    proc = run_cli(place / "page.txt", "-o", place / "link.txt")
    assert proc.returncode == 2 and b"is a symbolic link" in proc.stderr and proc.stderr.count(b"\n") == 1
    assert (place / "link.txt").is_symlink() and target.read_text() == "mine"


def test_output_fifo_and_device_are_refused_without_opening_them(place):
    os.mkfifo(place / "fifo")
    proc = run_cli(place / "page.txt", "-o", place / "fifo")  # opening a FIFO would block: refused first
    assert proc.returncode == 2 and b"is a FIFO" in proc.stderr
    proc = run_cli(place / "page.txt", "-o", "/dev/zero")
    assert proc.returncode == 2 and b"is a device" in proc.stderr
    # /dev/null alone is taken (the output dropped: "only the messages"), never replaced.
    proc = run_cli(place / "page.txt", "-o", "/dev/null")
    assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""
    for device in ("/dev/zero", "/dev/null"):
        assert stat.S_ISCHR(os.stat(device).st_mode)
    assert stat.S_ISFIFO(os.stat(place / "fifo").st_mode)


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_stdout_is_written_as_a_stream(place, target):
    proc = run_cli(place / "page.txt", "-o", target)
    assert proc.returncode == 0 and proc.stdout.decode() == CLEAN


def test_report_may_not_overwrite_an_input(place):
    before = _snapshot(place)
    proc = run_cli(place / "in", "-o", place / "out", "--report", place / "in" / "a.txt")
    assert proc.returncode == 2 and (b"refusing to write over the input" in proc.stderr or b"inside the input folder" in proc.stderr)
    assert _snapshot(place) == before and not (place / "out").exists()


def test_output_may_not_be_a_hard_link_to_the_input(place):
    os.link(place / "page.txt", place / "hard.txt")
    proc = run_cli(place / "page.txt", "-o", place / "hard.txt")
    assert proc.returncode == 2 and b"refusing to write over the input" in proc.stderr
    assert (place / "page.txt").read_bytes() == PAGE


def test_outputs_get_the_umask_mode_and_keep_an_existing_one(place):
    out = place / "out.txt"
    proc = subprocess.run(["sh", "-c", 'umask 022 && exec "$0" "$@"', str(Path(sys.executable).parent / "cleaner"),
                           str(place / "page.txt"), "-o", str(out)], capture_output=True)
    assert proc.returncode == 0 and stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o640)
    assert run_cli(place / "page.txt", "-o", out).returncode == 0 and stat.S_IMODE(out.stat().st_mode) == 0o640


# -- resume knows what produced an output -------------------------------------------------------

def test_resume_redoes_outputs_of_other_options_rules_or_inputs(place):
    src, out = place / "in", place / "out"
    assert run_cli(src, "-o", out).returncode == 0
    again = run_cli(src, "-o", out)
    assert b"skipped 1" in again.stderr  # nothing changed: nothing redone
    assert run_cli(src, "-o", out, "--to", "zh-hant").returncode == 0
    assert (out / "a.txt").read_text(encoding="utf-8") == "國務院印發通知。\n"  # other options: redone
    older = place / "older.txt"
    older.write_bytes("發展".encode())
    os.utime(older, (1_000_000, 1_000_000))
    subprocess.run(["cp", "-p", str(older), str(src / "a.txt")], check=True)  # an older input, with its old time
    assert run_cli(src, "-o", out, "--to", "zh-hant").returncode == 0
    assert (out / "a.txt").read_text(encoding="utf-8") == "發展\n"
    rules = place / "rules"
    rules.mkdir()
    (rules / "mine.toml").write_text('[site]\nid = "mine"\nsignatures = ["发展"]\n[[rule]]\nid = "mine/x"\naction = "replace"\n'
                                     'pattern = "发展"\nreplacement = "進步"\nreason = "r"\nexamples = ["发展"]\n', encoding="utf-8")
    assert run_cli(src, "-o", out, "--to", "zh-hant", "--rules", rules).returncode == 0
    assert (out / "a.txt").read_text(encoding="utf-8") == "進步\n"  # other rules: redone


def test_stale_temporary_files_of_a_killed_run_are_removed(place):
    out = place / "out"
    out.mkdir()
    stale = [out / ".a.txt.cleaner-x1y2z3_4.tmp", out / "..cleaner-manifest.jsonl.cleaner-abcdefgh.tmp"]
    for path in stale:
        path.write_text("half")
    assert run_cli(place / "in", "-o", out).returncode == 0
    assert not any(path.exists() for path in stale) and (out / "a.txt").read_text(encoding="utf-8") == CLEAN


def test_a_users_files_that_look_like_temporaries_are_kept(place):
    # Only the temporary names of this run's own outputs are removed, never a look-alike.
    out = place / "out"
    (out / "userdir").mkdir(parents=True)
    mine = [out / "userdir" / ".a.txt.cleaner-abcdefgh.tmp", out / ".notes.txt.cleaner-1234.tmp", out / ".a.txt.cleaner-1.tmp"]
    for path in mine:
        path.write_text("mine")
    assert run_cli(place / "in", "-o", out).returncode == 0
    assert all(path.read_text() == "mine" for path in mine)


# -- no hangs -------------------------------------------------------------------------------------

def test_fifo_and_folder_symlink_in_an_input_folder_are_skipped_and_reported(place):
    os.mkfifo(place / "in" / "pipe.txt")
    (place / "elsewhere").mkdir()
    (place / "elsewhere" / "b.txt").write_bytes(PAGE)
    (place / "in" / "linked").symlink_to(place / "elsewhere")
    proc = run_cli(place / "in", "-o", place / "out", timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 0 and "pipe.txt: note: not a regular file" in err and "linked: note: folder symlink not followed" in err
    assert "skipped 2" in err and (place / "out" / "a.txt").exists()


def test_polynomial_rule_pattern_does_not_hang(place):
    rules = place / "rules"
    rules.mkdir()
    # Three unbounded repeats of one class: no nesting, so no exponential blow-up, but cubic
    # backtracking on a line without "!!" (26 s on 18,000 characters with a backtracking engine).
    (rules / "slow.toml").write_text('[site]\nid = "slow"\n[[rule]]\nid = "slow/x"\naction = "drop-line"\n'
                                     'pattern = "^[^!]*[^!]*[^!]*!!$"\nreason = "r"\nexamples = ["a!!"]\n', encoding="utf-8")
    # Widened at load to [^!！]* and [!！], it leaves a backtracking engine no literal to look for
    # first: 0.65 s on 4,000 characters, growing with the square (about 200 s here).
    page = place / "long.txt"
    page.write_text("好" * 72000 + "\n" + CLEAN, encoding="utf-8")
    proc = run_cli(page, "--rules", rules, "--site", "slow", "-o", place / "out.txt", timeout=120)
    assert proc.returncode == 0 and (place / "out.txt").read_text(encoding="utf-8").endswith(CLEAN)


# -- tracebacks never ---------------------------------------------------------------------------

@pytest.mark.parametrize("body, message", [
    ('[[rule]]\nid = "mine/a"\naction = "drop-line"\npattern = 5\nreason = "r"\n', "'pattern' must be a string"),
    ('[[rule]]\nid = "mine/a"\naction = "drop-line"\npattern = "x"\nreason = "r"\nmax_chars = "9"\n', "'max_chars' must be a whole number"),
])
def test_rule_values_of_the_wrong_type_are_one_line(place, body, message):
    rules = place / "rules"
    rules.mkdir()
    (rules / "mine.toml").write_text('[site]\nid = "mine"\n' + body, encoding="utf-8")
    for argv in (["rules", "check", rules], [place / "page.txt", "--rules", rules]):
        proc = run_cli(*argv)
        assert proc.returncode == 2 and message.encode() in proc.stderr and proc.stderr.count(b"\n") == 1, proc.stderr


def test_a_folder_diff_into_a_closed_pipe_ends_quietly(place):
    pages = place / "pages"
    pages.mkdir()
    for i in range(40):  # diffs of more than a pipe holds
        (pages / f"p{i}.txt").write_text("國(guó)務(wù)院副總理馬凱近日在貴陽調研時強調,要加快建設。\n" * 100, encoding="utf-8")
    proc = subprocess.run(f'"{Path(sys.executable).parent / "cleaner"}" "{pages}" --diff --jobs 1 | head -c 10 > /dev/null; exit ${{PIPESTATUS[0]}}',
                          shell=True, executable="/bin/bash", capture_output=True)
    assert proc.returncode == 141 and b"Broken pipe" not in proc.stderr


def test_rules_check_on_a_non_utf8_file(place):
    rules = place / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_bytes("[site]\nid = '坏'\n".encode("gbk"))
    proc = run_cli("rules", "check", rules)
    assert proc.returncode == 2 and b"bad.toml: not UTF-8" in proc.stderr and proc.stderr.count(b"\n") == 1


def test_closed_stdout_ends_quietly(place):
    big = place / "big.txt"
    big.write_bytes(CLEAN.encode() * 20000)  # more than a pipe holds
    proc = subprocess.run(f'"{Path(sys.executable).parent / "cleaner"}" "{big}" | head -c 10 > /dev/null; exit ${{PIPESTATUS[0]}}',
                          shell=True, executable="/bin/bash", capture_output=True)
    assert proc.returncode in (0, 141) and proc.stderr == b""
    proc = subprocess.run(f'"{Path(sys.executable).parent / "cleaner"}" rules list | head -1 > /dev/null', shell=True,
                          executable="/bin/bash", capture_output=True)
    assert proc.stderr == b""


def test_report_in_an_unwritable_place_is_one_line(place):
    (place / "file").write_text("x")
    proc = run_cli(place / "in", "-o", place / "out", "--report", place / "file" / "r.jsonl")
    assert proc.returncode == 2 and proc.stderr.count(b"\n") == 1 and b"file" in proc.stderr
    assert b"internal error" not in proc.stderr and not (place / "out" / ".cleaner-manifest.jsonl").exists()


def test_output_folder_holding_the_input_folder_is_refused(place):
    before = _snapshot(place)
    proc = run_cli(place / "in", "-o", place)
    assert proc.returncode == 2 and b"holds the input" in proc.stderr and _snapshot(place) == before


def test_report_does_not_change_outputs_and_check_writes_no_report(place):
    (place / "in" / "r.jsonl").write_text('{"text": "國(guó)務(wù)院"}\n', encoding="utf-8")
    assert run_cli(place / "in", "-o", place / "out", "--report", place / "rep.jsonl").returncode == 0
    assert (place / "out" / "r.jsonl").read_text(encoding="utf-8") == '{"text": "国务院"}\n'  # no "cleaner" key
    statuses = {json.loads(line)["input"].rsplit("/", 1)[1]: json.loads(line)["status"]
                for line in (place / "rep.jsonl").read_text(encoding="utf-8").splitlines()}
    assert statuses == {"a.txt": "cleaned", "r.jsonl": "cleaned"}
    proc = run_cli(place / "in", "--check", "--report", place / "rep2.jsonl")
    assert proc.returncode == 2 and not (place / "rep2.jsonl").exists()


def test_hidden_files_in_an_input_folder_are_skipped(place):
    (place / "in" / ".cleaner-manifest.jsonl").write_text("{}")
    (place / "in" / ".git").mkdir()
    (place / "in" / ".git" / "HEAD").write_text("ref")
    proc = run_cli(place / "in", "-o", place / "out")
    assert proc.returncode == 0 and b"2 hidden file(s) or folder(s) skipped" in proc.stderr
    assert sorted(p.name for p in (place / "out").iterdir()) == [".cleaner-manifest.jsonl", "a.txt"]


def test_page_and_folder_agree_on_what_changed(place):
    (place / "g").mkdir()
    (place / "g" / "gbk.txt").write_bytes("国务院印发通知。".encode("gbk"))  # clean, in GBK, no final newline
    assert run_cli(place / "g" / "gbk.txt", "--check").returncode == 0
    assert run_cli(place / "g", "--check").returncode == 0
    (place / "g" / "empty.txt").write_bytes(b"")
    proc = run_cli(place / "g", "-o", place / "gout")
    assert proc.returncode == 0 and (place / "gout" / "empty.txt").read_bytes() == b"" and b"empty file" in proc.stderr


# -- say what is odd ------------------------------------------------------------------------------

def test_utf8_bom_over_gbk_bytes_is_decoded_and_reported(place):
    page = place / "bom.txt"
    page.write_bytes(codecs.BOM_UTF8 + "国务院印发通知。".encode("gbk"))
    proc = run_cli(page)
    assert proc.returncode == 0 and proc.stdout.decode() == CLEAN
    assert b"utf-8 byte-order mark, but the bytes after it are not utf-8" in proc.stderr


def test_rules_that_remove_every_line_are_reported(place):
    rules = place / "rules"
    rules.mkdir()
    # A rule that matches any line ('.') is refused at load now (cleaner/furniture/rules.py,
    # ANY_LINE_PROBES); one that matches every line of this page is what the note is for.
    (rules / "all.toml").write_text('[site]\nid = "all"\n[[rule]]\nid = "all/x"\naction = "drop-line"\npattern = "^国务院印发通知"\n'
                                    'reason = "r"\nexamples = ["国务院印发通知。"]\n', encoding="utf-8")
    proc = run_cli(place / "page.txt", "--rules", rules, "--site", "all")
    assert proc.returncode == 0 and proc.stdout == b"" and b"removed every line" in proc.stderr


def test_user_site_that_no_page_selects_is_reported(place):
    rules = place / "rules"
    rules.mkdir()
    (rules / "new.toml").write_text('[site]\nid = "new"\nhosts = ["new.example"]\n', encoding="utf-8")
    proc = run_cli(place / "page.txt", "--rules", rules)
    assert proc.returncode == 0 and b"site 'new' was selected by no page" in proc.stderr
    proc = run_cli(place / "page.txt", "--rules", rules, "--url", "https://www.new.example/1")
    assert b"selected by no page" not in proc.stderr


# -- the library teaches ---------------------------------------------------------------------------

def test_library_type_errors_say_what_to_pass():
    with pytest.raises(TypeError, match="clean\\(\\) takes the article as str, not NoneType"):
        cleaner.clean(None)
    with pytest.raises(TypeError, match="use cleaner.clean_bytes"):
        cleaner.clean(b"abc")
    with pytest.raises(TypeError, match="clean_bytes\\(\\) takes bytes, not str; for text use cleaner.clean"):
        cleaner.clean_bytes("abc")
    with pytest.raises(TypeError, match="run\\(\\) takes title as str or None, not int"):
        cleaner.Cleaner().run("中文", title=5)  # once a TypeError from deep in the furniture stage
    with pytest.raises(TypeError, match="run\\(\\) takes url as str or None, not bytes"):
        cleaner.Cleaner().run("中文", url=b"http://a.com/")


def test_utf16_bom_over_utf8_bytes():
    assert cleaner.clean_bytes(codecs.BOM_UTF16_LE + "国务院印发通知。".encode()) == "国务院印发通知。"


def test_html_bytes_are_read_as_a_page_as_the_command_reads_them():
    # A library user hands over what the crawler fetched: markup is not article text, and the
    # <title> names the headline and goes into meta (an independent probe found the tags kept).
    page = ('<!DOCTYPE html><html><head><meta charset="gbk"><title>新闻标题</title></head><body>'
            '<div>首页 | 新闻 | 体育 | 财经</div><h1>新闻标题</h1><p>国务院今天召开常务会议，研究部署相关工作。</p>'
            '<script>var x = 1;</script></body></html>').encode("gbk")
    assert cleaner.clean_bytes(page) == "新闻标题\n国务院今天召开常务会议，研究部署相关工作。"
    result = cleaner.Cleaner().run_bytes(page)
    assert result.meta["title"] == "新闻标题"
    kept = cleaner.Cleaner(strip_markup=False).run_bytes(page)  # --keep-markup: text about HTML stays text
    assert "<title>" in kept.text


# -- signals and killed runs -------------------------------------------------------------------------

def _slow_folder(place: Path, files: int = 2000) -> Path:
    # Enough pages that a run is still going when the test signals it, however fast or loaded the
    # machine. The pages are one page copied, so a run that learns takes all its lines for the
    # folder's furniture and cleans each copy to nothing in no time (all of 2,000 were done
    # between the first output and the signal on a loaded machine): the runs signalled here do
    # not learn (``SLOW_RUN``).
    src = place / "many"
    src.mkdir()
    data = SEEDS[4].read_bytes()
    for i in range(files):
        (src / f"p{i:03d}.txt").write_bytes(data)
    return src


SLOW_RUN = ("--jobs", "2", "--no-learn")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(argv) -> subprocess.Popen:
    return subprocess.Popen([str(Path(sys.executable).parent / "cleaner"), *map(str, argv)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for_outputs(out: Path, proc, at_least: int = 1, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and sum(1 for p in out.glob("*.txt")) >= at_least:
            return
        time.sleep(0.05)


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, b"interrupted"), (signal.SIGTERM, 143, b"terminated")])
def test_signals_stop_workers_remove_temporaries_and_say_one_line(place, sig, code, word):
    src, out = _slow_folder(place), place / "out"
    proc = _start([src, "-o", out, *SLOW_RUN])
    _wait_for_outputs(out, proc)
    workers = _children(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code and err.strip().splitlines()[-1] == b"cleaner: " + word, err
    assert b"Traceback" not in err
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
    assert not list(out.rglob("*.tmp"))


def test_workers_exit_when_their_parent_is_killed(place):
    src, out = _slow_folder(place), place / "out"
    proc = _start([src, "-o", out, *SLOW_RUN])
    _wait_for_outputs(out, proc)
    workers = _children(proc.pid)
    assert workers, "the run had no worker processes"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_crash_consistency_killed_twenty_times_then_resumed(place):
    """Kill a folder run at random moments: every output present is complete, a resume finishes."""
    import random

    from conftest import FIXTURES

    src = place / "corpus"
    src.mkdir()
    pages = [*SEEDS, *sorted((FIXTURES / "clean").glob("*.txt")), *sorted((FIXTURES / "furniture").glob("*.txt"))]
    for i in range(36):
        (src / f"p{i:02d}.txt").write_bytes(pages[i % len(pages)].read_bytes())
    reference = place / "reference"
    assert run_cli(src, "-o", reference, "--jobs", "2").returncode == 0
    expected = {k: v for k, v in _snapshot(reference).items() if not Path(k).name.startswith(".")}  # no manifest
    out = place / "out"
    rng = random.Random(14)
    for attempt in range(20):
        if attempt % 5 == 0 and out.exists():
            for p in out.glob("*.txt"):
                p.unlink()  # keep some work left for the next kills
        proc = _start([src, "-o", out, "--jobs", "2"])
        time.sleep(rng.uniform(0.3, 2.5))
        proc.kill()
        proc.wait()
        present = {k: v for k, v in _snapshot(out).items() if k.endswith(".txt") and not Path(k).name.startswith(".")} if out.exists() else {}
        assert all(expected[name] == data for name, data in present.items()), f"attempt {attempt}: a partial output"
    assert run_cli(src, "-o", out, "--jobs", "2").returncode == 0
    assert {k: v for k, v in _snapshot(out).items() if not Path(k).name.startswith(".")} == expected
    assert not list(out.rglob("*.tmp"))
