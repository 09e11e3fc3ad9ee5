"""One report for every engine (cleaner/engines/report.py): counts, exit codes, replayed events."""

import io

from cleaner.engines.report import SHOWN_PER_MESSAGE, Recorder, Report, WriteBack, replay


def _report(writeback=WriteBack.WRITE):
    return Report(writeback, err=io.StringIO(), out=io.StringIO())


def test_exit_codes():
    report = _report()
    report.done("a", changed=True)
    assert report.exit_code == 0  # written: changes are the point
    check = _report(WriteBack.CHECK)
    check.done("a", changed=True)
    assert check.exit_code == 1 and check.summary().startswith("files: would change 1")
    failed = _report()
    failed.fail("b:3", "not valid JSON")
    assert failed.exit_code == 1 and failed.err.getvalue() == "cleaner: b:3: not valid JSON\n"


def test_notes_are_told_but_do_not_fail():
    report = _report()
    report.done("a", False, findings=[{"kind": "bom-mismatch", "detail": "utf-8 byte-order mark, but ..."}])
    assert report.exit_code == 0 and "byte-order mark" in report.err.getvalue()


def test_diff_is_unified():
    report = _report(WriteBack.DIFF)
    report.diff("a.txt", "國務院\n", "国务院\n")
    assert report.out.getvalue().splitlines()[:2] == ["--- a.txt", "+++ a.txt (cleaned)"]


def test_worker_events_replay_in_order():
    log = Recorder()
    log.done("f:1", True, [{"action": "repair", "count": 2}], [], "")
    log.fail("f:2", "not UTF-8")
    report = _report()
    replay(report, log.events)
    assert report.cleaned == 1 and report.steps["repair"] == 2 and report.failed == [("f:2", "not UTF-8")]


def test_a_message_repeated_on_every_record_is_shown_a_few_times_and_counted():
    report = _report()
    for line in range(1, 51):
        report.fail(f"a.jsonl:{line}", "has no field 'body'; passed through unchanged")
    report.fail("a.jsonl:51", "not valid JSON at column 7")
    shown_lines = report.err.getvalue().splitlines()
    assert len(shown_lines) == SHOWN_PER_MESSAGE + 2  # five, one "not shown again", the other message
    assert "not shown again" in shown_lines[SHOWN_PER_MESSAGE] and shown_lines[-1].endswith("column 7")
    assert len(report.failed) == 51 and report.exit_code == 1
    assert f"{50 - SHOWN_PER_MESSAGE - 1} repeated messages not shown" in report.summary("records")


def test_messages_differing_only_in_numbers_count_as_one():
    report = _report()
    for column in range(20):
        report.fail(f"b:{column}", f"not valid JSON at column {column}")
    assert len(report.err.getvalue().splitlines()) == SHOWN_PER_MESSAGE + 1


def test_notes_are_marked_so_they_do_not_read_as_failures():
    report = _report()
    report.note("a/empty.txt", "empty file; nothing to clean")
    report.fail("a/bin.dat", "binary data")
    assert report.err.getvalue().splitlines() == ["cleaner: a/empty.txt: note: empty file; nothing to clean",
                                                  "cleaner: a/bin.dat: binary data"]


def test_skipped_units_are_counted_with_their_reasons():
    report = _report()
    report.skip("up to date", 10)
    report.skip("not a regular file")
    assert report.skipped == 11 and report.exit_code == 0
    assert report.summary() == "files: cleaned 0, unchanged 0, skipped 11 (not a regular file 1, up to date 10), failed 0"


def test_records_that_failed_inside_a_written_file_are_in_the_summary_and_the_exit_code():
    report = _report()
    report.done("a.jsonl", changed=False)
    report.failed_records += [("a.jsonl:1", "has no field 'text'"), ("b.jsonl:4", "not UTF-8")]
    assert report.exit_code == 1
    assert report.summary() == ("files: cleaned 0, unchanged 1, failed 0, "
                                "records failed 2 (in 2 files, passed through unchanged)")
    report.records_left_out = 2  # both of WARC files: no line to pass through (probe47)
    assert report.summary().endswith("records failed 2 (in 2 files, left out)")


def test_steps_count_only_for_units_that_change():
    report = _report(WriteBack.CHECK)
    report.done("a", changed=False, steps=[{"action": "whitespace", "count": 1}])
    report.done("b", changed=True, steps=[{"action": "repair", "count": 2}])
    assert report.summary() == "files: would change 1, unchanged 1, failed 0; steps: repair 2"


def test_a_stop_while_learning_says_nothing_of_the_pass_is_kept():
    # probe37u F7: Ctrl-C in the learning pass of a large file (100 s of CPU) said only
    # "interrupted"; nothing said the pass was lost and a new run learns again.
    import pytest

    from cleaner.engines.report import learning_pass

    report = _report()
    with pytest.raises(KeyboardInterrupt), learning_pass(report, "big.jsonl"):
        raise KeyboardInterrupt
    assert "big.jsonl: note: stopped while learning furniture" in report.err.getvalue()
    assert "new run learns again" in report.err.getvalue()
    quiet = _report()
    with pytest.raises(ValueError), learning_pass(quiet, "big.jsonl"):
        raise ValueError("a bug is said by its own message")
    assert quiet.err.getvalue() == ""
