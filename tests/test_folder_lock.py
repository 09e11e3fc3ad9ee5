"""One run at a time writes an output folder (cleaner/engines/folder_lock.py)."""

import pytest

from cleaner import cli
from cleaner.engines import folder
from cleaner.engines.folder_lock import FolderBusy, FolderLock


def _pages(src, n=3):
    src.mkdir()
    for k in range(n):
        (src / f"p{k}.txt").write_text(f"國(guó)務(wù)院第{k}次会议\n", encoding="utf-8")


def test_a_second_run_into_a_folder_in_use_is_refused_at_once_naming_it(tmp_path, capsys, monkeypatch):
    # probe32u F2: two runs into one folder interleaved their manifests: 12 outputs of one run were
    # vouched for as the other's, and no later run redid them.
    _pages(tmp_path / "in")
    out = tmp_path / "out"
    learned = []
    monkeypatch.setattr(folder, "learn_folder", lambda *a, **k: learned.append(1))
    with FolderLock(out):  # another run, live
        assert cli.main([str(tmp_path / "in"), "-o", str(out), "--jobs", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"cleaner: {out}: another cleaner run is writing this output folder; wait for it to end, or give another -o"]
    assert not learned and not (out / "p0.txt").exists() and not (out / ".cleaner-manifest.jsonl").exists()
    # Once the other run ended, the folder is free.
    assert cli.main([str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--no-learn"]) == 0
    assert (out / "p0.txt").read_text(encoding="utf-8") == "国务院第0次会议\n"


def test_the_lock_is_held_for_the_run_and_released_after(tmp_path):
    out = tmp_path / "out"
    with FolderLock(out):
        with pytest.raises(FolderBusy):
            FolderLock(out).__enter__()
    with FolderLock(out):  # released: taken again
        pass
    assert list(out.iterdir()) == []  # the lock leaves nothing in the folder


def test_check_and_diff_take_no_lock(tmp_path):
    _pages(tmp_path / "in")
    with FolderLock(tmp_path / "in"):  # --check writes nothing: a run writing elsewhere does not matter
        assert cli.main([str(tmp_path / "in"), "--check", "--no-learn"]) == 1


def test_an_unwritable_output_folder_is_refused_before_the_learning_pass(tmp_path, capsys, monkeypatch):
    # probe32u F10: a folder that cannot be written was refused only after learning (36 s; on a
    # large corpus most of an hour).
    _pages(tmp_path / "in")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setattr(folder, "learn_folder", lambda *a, **k: pytest.fail("learned before the output was checked"))
    assert cli.main([str(tmp_path / "in"), "-o", str(tmp_path / "file" / "out")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
