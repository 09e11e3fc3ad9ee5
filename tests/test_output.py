"""Outputs (cleaner/io/output.py): atomic writes."""

from cleaner.io.output import write_atomic


def test_a_name_of_255_bytes_is_written(tmp_path):
    # The temporary file beside it once carried the whole name plus 22 bytes: names of 234-255
    # bytes (78 Chinese characters and .txt) failed with "File name too long".
    path = tmp_path / ("报告" * 41 + "一.txt")
    assert len(path.name.encode()) == 253
    write_atomic(path, "中文\n")
    assert path.read_text(encoding="utf-8") == "中文\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_replaces_an_existing_file_whole(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old and longer\n", encoding="utf-8")
    write_atomic(path, ["新", "的\n"])
    assert path.read_text(encoding="utf-8") == "新的\n"


def test_a_killed_run_s_temporary_beside_a_file_output_is_swept_but_a_live_one_is_not(tmp_path):
    # probe32u F7: a killed single-file run left .NAME.cleaner-XXXXXXXX.tmp for ever.
    import os

    from cleaner.io import output

    dst = tmp_path / "out.jsonl"
    stale = tmp_path / ".out.jsonl.cleaner-d2e3l7ei.tmp"
    stale.write_text("half", encoding="utf-8")
    old = output.STARTED - 60
    os.utime(stale, (old, old))
    new = tmp_path / ".out.jsonl.cleaner-abcdefgh.tmp"  # made after this run started: another run's
    new.write_text("half", encoding="utf-8")
    live = tmp_path / ".out.jsonl.cleaner-live0000.tmp"  # older, but held by a live writer
    live.write_text("half", encoding="utf-8")
    os.utime(live, (old, old))
    mine = tmp_path / ".out.jsonl.cleaner-notes.txt"  # not a temporary's name: the user's
    mine.write_text("mine", encoding="utf-8")
    fd = os.open(live, os.O_RDONLY)
    try:
        output._hold(fd)
        output.write_output(dst, "x\n")
    finally:
        os.close(fd)
    assert dst.read_text(encoding="utf-8") == "x\n"
    assert not stale.exists() and new.exists() and live.exists() and mine.exists()


def test_an_output_named_after_a_compression_not_written_is_refused_before_any_work(tmp_path, capsys):
    # probe45: `-o out.jsonl.lz4` wrote plain JSON Lines under that name (exit 0); `lz4 -d` then refused it.
    from cleaner import cli
    from cleaner.io.output import compression_error

    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "國(guó)務(wù)院"}\n', encoding="utf-8")
    for name in ("out.jsonl.lz4", "out.JSONL.BR", "out.txt.zip", "out.jsonl.7z"):
        assert cli.main([str(src), "-o", str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "which is not written here" in err and ".zst" in err
        assert not (tmp_path / name).exists()
    assert cli.main([str(src), "-o", str(tmp_path / "out.jsonl.zst")]) == 0  # what is written stays allowed
    assert compression_error("-") is None and compression_error("/dev/null") is None and compression_error("a.txt") is None
