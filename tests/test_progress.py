"""The progress bar (cleaner/engines/progress.py): on a terminal only, bytes and files."""

import io

from cleaner.engines import progress


def test_no_bar_off_a_terminal_or_with_nothing_to_do():
    assert progress.progress_bar(1000, None) is None  # pytest's stderr is not a terminal
    assert progress.progress_bar(0, True) is None


def test_bar_counts_bytes_and_files(monkeypatch):
    monkeypatch.setattr(progress.sys, "stderr", io.StringIO())
    bar = progress.progress_bar(5000, True, files=2)
    bar.advance(1000)
    bar.advance(4000)
    assert bar.bar.n == 5000 and bar.files_done == 2
    bar.close()
    assert "2/2 files" in progress.sys.stderr.getvalue()
