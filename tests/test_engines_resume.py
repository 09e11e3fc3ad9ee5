"""A stopped JSON Lines run goes on where it stopped (cleaner/engines/resume.py)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.engines import jsonl, resume
from cleaner.engines.report import Report

from conftest import run_cli

TEXTS = ["國(guó)務(wù)院新聞辦公室今天舉行發布會。", "他说：鍙戝睍是硬道理，大家都同意。", "ＡＢＣ全角字母与数字１２３。",
         "&lt;p&gt;实体&amp;符号&lt;/p&gt;"]


def _records(path: Path, count: int = 60) -> None:
    lines = []
    for i in range(count):
        lines.append((json.dumps({"id": i, "text": f"第{i}篇：" + TEXTS[i % len(TEXTS)] * 2}, ensure_ascii=False) + "\n").encode())
        if i % 9 == 4:
            lines.append(b"{not json\n" if i % 2 else b"\n")  # passed through in place: output line N is input line N
    path.write_bytes(b"".join(lines))


def _run(src: Path, out: Path, restart: bool = False, jobs: int = 1) -> Report:
    report = Report(echo=False)
    jsonl.run_records(str(src), str(out), Config(), report, jobs=jobs, restart=restart)
    return report


class Stop(Exception):
    pass


def _stopped_after(monkeypatch, records: int) -> None:
    """The next run stops (as a signal would stop it) after writing ``records`` lines."""
    real = resume.PartialOutput.write

    def write(self, pieces):
        def counted():
            for n, piece in enumerate(pieces):
                if n == records:
                    raise Stop
                yield piece
        real(self, counted())

    monkeypatch.setattr(resume.PartialOutput, "write", write)


def _stopped_run(monkeypatch, src: Path, out: Path, records: int) -> None:
    """A run of ``src`` into ``out`` stopped after writing ``records`` lines."""
    with monkeypatch.context() as m:
        _stopped_after(m, records)
        with pytest.raises(Stop):
            _run(src, out)


@pytest.fixture
def made(tmp_path):
    src = tmp_path / "in.jsonl"
    _records(src)
    _run(src, tmp_path / "reference.jsonl")
    return src, (tmp_path / "reference.jsonl").read_bytes()


def test_a_stopped_run_keeps_its_lines_and_the_next_goes_on_to_the_same_output(tmp_path, monkeypatch, made):
    src, expected = made
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, 25)
    assert not out.exists()  # no half output where the output goes
    assert resume.whole_lines(resume.partial_path(out))[0] == 25
    report = _run(src, out)
    assert out.read_bytes() == expected
    assert any("after the 25 record line(s)" in note for _, note in report.notes)
    assert report.cleaned + report.unchanged < 60  # only the rest was cleaned
    assert not resume.partial_path(out).exists() and not resume.about_path(out).exists()


def test_a_failed_record_after_the_restart_is_named_by_its_line_in_the_input(tmp_path, monkeypatch, made):
    src, _ = made
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, 3)
    report = _run(src, out)
    bad = [n for n, line in enumerate(src.read_bytes().splitlines(), 1) if line.startswith(b"{not")]
    assert [where for where, _ in report.failed] == [f"{src}:{n}" for n in bad]


def test_a_half_written_last_line_is_cut_and_its_record_cleaned_again(tmp_path, monkeypatch, made):
    src, expected = made
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, 10)
    with open(resume.partial_path(out), "ab") as fh:  # what SIGKILL leaves: part of the next line
        fh.write(expected.splitlines(keepends=True)[10][:7])
    _run(src, out)
    assert out.read_bytes() == expected


def test_another_input_or_settings_or_force_start_over(tmp_path, monkeypatch, made):
    src, expected = made
    out = tmp_path / "out.jsonl"
    for change in ("input", "settings", "force"):
        _reused_if_allowed(monkeypatch, src, out, Config())
        partial = resume.partial_path(out)
        report = Report(echo=False)
        if change == "input":
            os.utime(src, ns=(time.time_ns(), time.time_ns()))
            jsonl.run_records(str(src), str(out), Config(), report)
        elif change == "settings":
            jsonl.run_records(str(src), str(out), Config(to="zh-hant"), report)
            jsonl.run_records(str(src), str(out), Config(), report)  # no partial now: a fresh run
        else:
            jsonl.run_records(str(src), str(out), Config(), report, restart=True)
        assert out.read_bytes() == expected, change
        assert not partial.exists()


def test_a_compressed_output_or_a_stream_is_written_whole_with_no_partial(tmp_path, monkeypatch, made):
    src, _ = made
    assert not jsonl.resumable("out.jsonl.gz") and not jsonl.resumable(None) and not jsonl.resumable("-")
    assert not jsonl.resumable(os.devnull) and jsonl.resumable("out.jsonl")
    out = tmp_path / "out.jsonl.gz"
    _run(src, out)
    assert out.exists() and not resume.partial_path(out).exists() and not resume.about_path(out).exists()


def test_whole_lines_counts_across_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(resume, "BLOCK", 4)
    path = tmp_path / "p"
    for data, expected in ((b"", (0, 0)), (b"abc", (0, 0)), (b"a\n", (1, 2)), (b"ab\ncdefghij\nxyz", (2, 12)),
                           (b"\n\n\n", (3, 3)), (b"abcdefghijk\n" + b"q" * 9, (1, 12)),
                           # Lines end as the input's are split (cleaner.io.lines): a lone CR too, but
                           # not one the file ends with (its LF may not be written yet).
                           (b"a\rb\r\nc\r", (2, 5)), (b"a\rbc", (1, 2))):
        path.write_bytes(data)
        assert resume.whole_lines(path) == expected, data


def test_a_second_run_on_the_same_output_is_refused_while_the_first_writes(tmp_path, made):
    src, _ = made
    out = tmp_path / "out.jsonl"
    first = resume.PartialOutput(out, resume.fingerprint(str(src), "x"))
    with pytest.raises(resume.OutputBusy, match="another cleaner run is writing this output"):
        resume.PartialOutput(out, resume.fingerprint(str(src), "x"))
    first.finish()


def test_a_second_command_on_a_busy_output_is_refused_before_it_learns_with_exit_2(tmp_path):
    # probe36u F6: the refusal came after the second run's whole learning pass, with exit 1 where a
    # busy output folder exits 2.
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _learnable(src)
    first = resume.PartialOutput(out, resume.fingerprint(str(src), "x"))
    try:
        proc = run_cli(src, "-o", out)
    finally:
        first.finish()
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "another cleaner run is writing this output" in err and "learned" not in err, err


def test_the_command_interrupted_says_where_its_lines_are_and_goes_on(tmp_path):
    src = tmp_path / "big.jsonl"
    paragraphs = [json.dumps({"text": TEXTS[i % len(TEXTS)] * 40 + str(i)}, ensure_ascii=False) for i in range(4000)]
    src.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([str(Path(sys.executable).parent / "cleaner"), str(src), "-o", str(out), "--no-learn",
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    partial = resume.partial_path(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and (not partial.exists() or partial.stat().st_size < 50_000):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before the signal came")
    assert proc.returncode == 130 and b"the same command goes on from there" in err, err
    assert not out.exists()
    written = resume.whole_lines(partial)[0]
    assert written > 0
    again = run_cli(src, "-o", out, "--no-learn", "--jobs", "1")
    assert again.returncode == 0 and f"after the {written} record line(s)".encode() in again.stderr
    whole = run_cli(src, "-o", tmp_path / "whole.jsonl", "--no-learn", "--jobs", "1")
    assert whole.returncode == 0 and out.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def _reused_if_allowed(monkeypatch, src: Path, out: Path, config: Config) -> None:
    """A stopped run of ``config`` whose partial output is then made a stranger's: a run that goes
    on from it shows it."""
    with monkeypatch.context() as m:
        _stopped_after(m, 20)
        with pytest.raises(Stop):
            jsonl.run_records(str(src), str(out), config, Report(echo=False))
    resume.partial_path(out).write_bytes(b"".join(b'{"text": "not this run\'s"}\n' for _ in range(20)))


def test_an_input_overwritten_with_its_size_and_time_kept_starts_over(tmp_path, monkeypatch, made):
    src, _ = made
    out = tmp_path / "out.jsonl"
    _reused_if_allowed(monkeypatch, src, out, Config())
    before = src.stat()
    data = src.read_bytes()
    src.write_bytes(data.replace("第1篇".encode(), "第9篇".encode()))  # cp -p: another file, same size and time
    os.utime(src, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert src.stat().st_size == before.st_size and src.stat().st_mtime_ns == before.st_mtime_ns
    _run(src, out)
    _run(src, tmp_path / "whole.jsonl")
    assert out.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_changed_rule_files_or_another_cleaner_version_start_over(tmp_path, monkeypatch, made):
    from cleaner.furniture import rules

    src, _ = made
    user_rules = tmp_path / "rules"
    user_rules.mkdir()
    first = sorted(rules.BUILTIN_DIR.glob("*.toml"))[0]
    (user_rules / first.name).write_bytes(first.read_bytes())
    config = Config(rule_dirs=(str(user_rules),))
    jsonl.run_records(str(src), str(tmp_path / "whole.jsonl"), config, Report(echo=False))
    expected = (tmp_path / "whole.jsonl").read_bytes()
    out = tmp_path / "out.jsonl"

    _reused_if_allowed(monkeypatch, src, out, config)
    (user_rules / first.name).write_bytes(first.read_bytes() + b"\n# edited\n")  # same directory, other rules
    jsonl.run_records(str(src), str(out), config, Report(echo=False))
    assert out.read_bytes() == expected

    _reused_if_allowed(monkeypatch, src, out, config)
    monkeypatch.setattr("cleaner.__version__", "0.0.0-older")
    jsonl.run_records(str(src), str(out), config, Report(echo=False))
    assert out.read_bytes() == expected


def test_a_file_system_without_locks_is_written_unguarded(tmp_path, monkeypatch, made):
    import errno
    import fcntl

    src, expected = made

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    out = tmp_path / "out.jsonl"
    _run(src, out)
    assert out.read_bytes() == expected


def test_an_output_named_near_the_length_limit_gets_its_partial(tmp_path, made):
    src, expected = made
    out = tmp_path / ("输出" * 40 + ".jsonl")  # 246 bytes: the partial's name with its marks would pass 255
    _run(src, out)
    assert out.read_bytes() == expected
    other = tmp_path / ("输出" * 40 + ".json2")
    assert resume.partial_path(out) != resume.partial_path(other)
    assert all(len(os.fsencode(resume.about_path(p).name)) <= 255 for p in (out, other))


def test_a_full_disk_says_the_output_is_not_written_and_keeps_the_lines_for_the_next_run(tmp_path, monkeypatch, made, capsysbinary):
    import errno

    from cleaner import cli

    src, expected = made
    out = tmp_path / "out.jsonl"
    real = resume.PartialOutput.write

    def full(self, pieces):
        def until_full():
            for n, piece in enumerate(pieces):
                if n == 12:
                    raise OSError(errno.ENOSPC, "No space left on device")
                yield piece
        real(self, until_full())

    with monkeypatch.context() as m:
        m.setattr(resume.PartialOutput, "write", full)
        assert cli.main([str(src), "-o", str(out), "--no-learn", "--jobs", "1"]) == 1
    err = capsysbinary.readouterr().err.decode().splitlines()
    assert "12 record line(s) written to" in err[0] and err[1] == f"cleaner: {out}: No space left on device; not written"
    assert cli.main([str(src), "-o", str(out), "--no-learn", "--jobs", "1"]) == 1  # the input's bad records: failed
    assert out.read_bytes() == expected


def _learnable(path: Path, count: int = 60) -> None:
    """Records of one site whose pages share a footer line: a learning pass learns it."""
    lines = [json.dumps({"id": i, "text": f"第{i}篇报道：" + TEXTS[i % 2] + f"记者第{i}次采访。\n本站所有稿件未经许可不得转载 联系我们"},
                        ensure_ascii=False) + "\n" for i in range(count)]
    path.write_text("".join(lines), encoding="utf-8")


def _run_learning(src: Path, out: Path) -> Report:
    report = Report(echo=False)
    jsonl.run_records(str(src), str(out), Config(), report, learn=True)
    return report


def test_a_resumed_run_uses_the_lines_the_stopped_run_learned_and_does_not_learn_again(tmp_path, monkeypatch):
    # session 35: a resume repeated the whole learning pass, as long as the cleaning on a large dump.
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _learnable(src)
    _run_learning(src, tmp_path / "reference.jsonl")
    expected = (tmp_path / "reference.jsonl").read_bytes()
    assert "不得转载" not in expected.decode()  # the footer was learned and removed
    with monkeypatch.context() as m:
        _stopped_after(m, 20)
        with pytest.raises(Stop):
            _run_learning(src, out)
    assert json.loads(resume.about_path(out).read_text(encoding="utf-8"))["learned"]
    with monkeypatch.context() as m:
        m.setattr(jsonl, "learn_lines", lambda *a, **k: pytest.fail("learned again"))
        report = _run_learning(src, out)
    assert out.read_bytes() == expected
    assert any("furniture line(s) the stopped run learned" in note for _, note in report.notes)


def test_learned_lines_edited_in_the_about_file_are_not_used(tmp_path, monkeypatch):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _learnable(src)
    _run_learning(src, tmp_path / "reference.jsonl")
    with monkeypatch.context() as m:
        _stopped_after(m, 20)
        with pytest.raises(Stop):
            _run_learning(src, out)
    about = json.loads(resume.about_path(out).read_text(encoding="utf-8"))
    about["learned"] = {site: [] for site in about["learned"]}  # the lines' digest no longer matches the settings
    resume.about_path(out).write_text(json.dumps(about), encoding="utf-8")
    learned_again = []
    real = jsonl.learn_lines
    monkeypatch.setattr(jsonl, "learn_lines", lambda *a, **k: learned_again.append(1) or real(*a, **k))
    _run_learning(src, out)
    assert learned_again and out.read_bytes() == (tmp_path / "reference.jsonl").read_bytes()


def test_the_partial_is_synced_to_disk_as_it_grows_not_only_at_the_end(tmp_path, monkeypatch, made):
    # session 35: nothing was fsynced until the end; a power cut could lose a whole night's lines.
    src, expected = made
    synced = []
    real = os.fsync
    monkeypatch.setattr(resume, "SYNC_EVERY", 1000)
    monkeypatch.setattr(resume.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    _run(src, tmp_path / "out.jsonl")
    assert len(synced) >= len(expected) // 1000  # every 1,000 bytes here, and once at the end
    assert (tmp_path / "out.jsonl").read_bytes() == expected


@pytest.mark.parametrize("stop", [3, 25, 40])
def test_a_resumed_run_reports_the_failures_of_the_lines_the_stopped_run_wrote(tmp_path, monkeypatch, made, stop):
    # probe36u F1: a record that failed before the stop was not reported by the run that went
    # on: exit 0 and "failed 0" where an uninterrupted run exits 1 (`cleaner … -o out && publish`).
    src, expected = made
    whole = _run(src, tmp_path / "whole.jsonl")
    assert whole.failed and whole.exit_code == 1
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, stop)
    report = _run(src, out)
    assert out.read_bytes() == expected
    assert sorted(report.failed) == sorted(whole.failed) and report.exit_code == 1
    assert not resume.failures_path(out).exists()


def test_a_failure_listed_for_a_line_the_output_lost_is_not_reported_twice(tmp_path, monkeypatch, made):
    src, _ = made
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, 40)
    kept = resume.whole_lines(resume.partial_path(out))[0]
    with open(resume.partial_path(out), "r+b") as fh:  # what a kill leaves: the listing ahead of the output
        fh.truncate(sum(len(x) for x in resume.partial_path(out).read_bytes().splitlines(keepends=True)[:10]))
    report = _run(src, out)
    whole = _run(src, tmp_path / "whole.jsonl")
    assert kept == 40 and sorted(report.failed) == sorted(whole.failed)


def test_a_stopped_forced_run_says_to_go_on_without_force(tmp_path, capsys):
    # probe36u F8: a stopped --force run said "the same command goes on from there", and that
    # command (with --force) starts over.
    resume.say_kept("in.jsonl", tmp_path / "out.jsonl", 7, forced=True)
    resume.say_kept("in.jsonl", tmp_path / "out.jsonl", 7)
    forced, plain = capsys.readouterr().err.splitlines()
    assert "the same command without --force goes on from there" in forced and "frees its space" in forced
    assert "the same command goes on from there" in plain


@pytest.mark.parametrize("row", ['[1, "x"]', '["in.jsonl:2", null]', '["in.jsonl:2", {"a": 1}]', '[["in.jsonl:2"], "x"]'])
def test_a_listing_of_failures_with_rows_of_other_shapes_is_read_past_them(tmp_path, monkeypatch, made, row):
    # review36io: a row whose place or reason was no string (a listing edited by hand, another
    # tool's file of that name) ended the resumed run with "internal error" (AttributeError,
    # TypeError), exit 2, instead of being skipped as a row cut by a kill is.
    src, _ = made
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, 40)
    with open(resume.failures_path(out), "a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    report = _run(src, out)
    whole = _run(src, tmp_path / "whole.jsonl")
    assert sorted(report.failed) == sorted(whole.failed) and report.exit_code == whole.exit_code


@pytest.mark.parametrize("stop", [3, 25, 40])
def test_a_resumed_run_s_summary_counts_every_record_of_the_input(tmp_path, monkeypatch, made, stop):
    # review36io: the records of the lines kept were in no count ("unchanged 4, failed 2" where
    # the uninterrupted run says "unchanged 8, failed 2"): they are counted as skipped, written
    # by the stopped run, so the summary adds up to the input's records (blank lines hold none).
    src, _ = made
    whole = _run(src, tmp_path / "whole.jsonl")
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, stop)
    report = _run(src, out)
    kept = sum(1 for line in src.read_bytes().splitlines()[:stop] if line.strip())
    kept -= sum(1 for where, _ in whole.failed if int(where.rsplit(":", 1)[1]) <= stop)  # counted as failed
    assert dict(report.skips) == {"written by the stopped run": kept}
    assert report.cleaned + report.unchanged + report.skipped + len(report.failed) == whole.cleaned + whole.unchanged + len(whole.failed)


@pytest.mark.parametrize("stop", [30, 62, 66, 90])
def test_a_run_stopped_before_inside_or_after_a_long_line_goes_on_to_the_same_output(tmp_path, monkeypatch, stop):
    # Lines past LINE_LIMIT come in pieces (cleaner.io.lines); lone CRs end lines: the partial's
    # whole lines and the input lines skipped are counted alike, so nothing is written twice or lost.
    from cleaner.io import lines

    monkeypatch.setattr(lines, "LINE_LIMIT", 3000)
    monkeypatch.setattr(lines, "READ", 500)
    record = '{"text": "國(guó)務(wù)院新聞辦公室今天舉行發布會。"}'
    array = ("[" + ", ".join([record] * 100) + "]").encode()
    head = "".join(f"{record}\r" for _ in range(30)) + "".join(f"{record}\n" for _ in range(30))
    src = tmp_path / "in.jsonl"
    src.write_bytes(head.encode() + array + b"\r" + "".join(f"{record}\r\n" for _ in range(60)).encode())
    _run(src, tmp_path / "reference.jsonl")
    out = tmp_path / "out.jsonl"
    _stopped_run(monkeypatch, src, out, stop)
    report = _run(src, out)
    assert out.read_bytes() == (tmp_path / "reference.jsonl").read_bytes()
    assert [where.rsplit(":", 1)[1] for where, _ in report.failed] == ["61"]
