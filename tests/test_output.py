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
