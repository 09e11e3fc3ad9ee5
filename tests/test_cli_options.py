"""Every option against every mode (cleaner/cli.py): honoured, or refused with exit 2 before any work."""

import json
from pathlib import Path

import pytest

from cleaner import cli

PAGE = "國(guó)務(wù)院印發通知。\n"
# A non-default value for every option, and what honouring it must show (checked below).
VALUES = {
    "output": None,  # given per mode
    "to": ["--to", "zh-hant"],
    "site": ["--site", "people"],
    "rules": None,  # given per test (a folder)
    "no_guess": ["--no-guess"],
    "no_generic": ["--no-generic"],
    "keep_markup": ["--keep-markup"],
    "keep_headline": ["--keep-headline"],
    "max_chars": ["--max-chars", "100000"],
    "url": ["--url", "https://www.people.com.cn/a.html"],
    "html": ["--html"],
    "explain": ["--explain"],
    "json": ["--json"],
    "check": ["--check"],
    "diff": ["--diff"],
    "jobs": ["--jobs", "1"],
    "force": ["--force"],
    "report": None,  # a file beside the output
    "jsonl": ["--jsonl"],
    "field": ["--field", "body"],
    "details": ["--details"],
    "engine": ["--engine", "local"],
    "no_learn": ["--no-learn"],
}


def _inputs(tmp_path: Path) -> dict[str, Path]:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"text": PAGE, "body": PAGE}, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"page": page, "folder": folder, "records": records, "ray": records}


def _argv(mode: str, option: str, inputs: dict, tmp_path: Path) -> list[str]:
    argv = [str(inputs[mode])]
    if mode == "ray":
        argv += ["--engine", "ray"]
    out = tmp_path / ("out" if mode in ("folder", "ray") else "out.txt")
    if option == "rules":
        rules = tmp_path / "rules"
        rules.mkdir(exist_ok=True)
        argv += ["--rules", str(rules)]
    elif option == "report":
        argv += ["--report", str(tmp_path / "report.jsonl")]
    elif VALUES[option]:
        argv += VALUES[option]
    if option not in ("check", "diff") and "-o" not in argv and (mode in ("folder", "ray") or option == "output"):
        argv += ["-o", str(out)]
    return argv


def test_the_table_names_every_option_of_the_parser():
    dests = {a.dest for a in cli.build_parser()._actions if a.dest not in ("help", "version", "inputs")}
    assert dests == set(cli.OPTION_MODES) == set(VALUES)


@pytest.mark.parametrize("mode", cli.MODES)
@pytest.mark.parametrize("option", sorted(VALUES))
def test_option_is_honoured_or_refused(tmp_path, capsysbinary, mode, option):
    inputs = _inputs(tmp_path)
    if option == "engine" or (option, mode) == ("jsonl", "page"):
        pytest.skip("this option is what selects the mode (--engine's only other value is ray)")
    if (option, mode) == ("field", "folder"):  # --field names a field of the folder's JSON Lines files
        (inputs["folder"] / "r.jsonl").write_bytes(inputs["records"].read_bytes())
    argv = _argv(mode, option, inputs, tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    honoured = mode in cli.OPTION_MODES[option]
    if mode == "ray" and honoured:
        pytest.skip("honoured by the Ray engine: tests/test_ray_engine.py runs it")
    code = cli.main(argv)
    out, err = capsysbinary.readouterr()
    if not honoured:
        assert code == 2, (argv, err)
        assert err.count(b"\n") == 1 and b"does not apply to" in err, err
        after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
        assert after == before  # refused before any work: nothing written, inputs untouched
        return
    assert code in (0, 1), (argv, err)
    _check_effect(mode, option, code, out, err, tmp_path)


def _written(mode: str, tmp_path: Path) -> str:
    if mode == "folder":
        return (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    path = tmp_path / "out.txt"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _check_effect(mode, option, code, out: bytes, err: bytes, tmp_path: Path) -> None:
    text = out.decode() + (_written(mode, tmp_path) if option not in ("check", "diff") else "")
    if option == "to":
        assert "國務院" in text
    elif option in ("check", "diff"):
        assert code == 1 and not (tmp_path / "out").exists() and not (tmp_path / "out.txt").exists()
        assert (b"would change" in err or mode != "page") if option == "check" else b"+++ " in out
    elif option == "explain":
        assert b"step    repair:pinyin-annotations" in err
    elif option == "json":
        assert json.loads(out)["text"] == "国务院印发通知。"
    elif option == "report":
        assert json.loads((tmp_path / "report.jsonl").read_text(encoding="utf-8"))["status"] == "cleaned"
    elif option == "field":
        record = json.loads((tmp_path / "out" / "r.jsonl").read_text(encoding="utf-8") if mode == "folder" else text)
        # only the named field; its final newline kept, as a file's (probe47)
        assert record["body"] == "国务院印发通知。\n" and record["text"] == PAGE
    elif option == "details":
        assert "pinyin-annotations" in json.dumps(json.loads(text)["cleaner"])
    elif option == "output":
        assert "国务院印发通知。" in _written(mode, tmp_path)
    elif option == "no_learn":
        assert "国务院印发通知。" in text and b"learned" not in err  # no first pass, no learning note
    else:
        assert "国务院印发通知。" in text, (option, text)


@pytest.mark.parametrize("argv, message", [
    (["--check", "--diff"], "exclude each other"),
    (["--json", "--check"], "--json writes output"),
    (["--max-chars", "-1"], "0 or more"),
    (["--jobs", "-3"], "between 0"),
])
def test_conflicts_and_numbers_are_refused(tmp_path, capsysbinary, argv, message):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert cli.main([str(page), *argv]) == 2
    err = capsysbinary.readouterr().err
    assert message.encode() in err and err.count(b"\n") == 1


@pytest.mark.parametrize("url", ["notaurl", "www.people.com.cn/a.html", "http://[bad"])
def test_a_url_without_a_host_is_refused(tmp_path, capsysbinary, url):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert cli.main([str(page), "--url", url]) == 2
    err = capsysbinary.readouterr().err
    assert err == f"cleaner: --url {url}: not a URL with a host; give it whole (https://www.example.com/page.html)\n".encode()


def test_jobs_beyond_twice_the_cores_are_capped_with_a_note(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 2)
    assert cli._worker_count(0) == 2 and cli._worker_count(3) == 3
    assert capsysbinary.readouterr().err == b""
    assert cli._worker_count(1000) == 4  # once: hundreds of processes, each with its own tables
    assert capsysbinary.readouterr().err == b"cleaner: --jobs 1000: note: using 4, twice the cores this machine has\n"  # the README's note: form


def test_a_loop_of_links_is_named_as_one(tmp_path, capsysbinary):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert cli.main([str(tmp_path / "a.txt")]) == 2
    assert capsysbinary.readouterr().err == f"cleaner: {tmp_path / 'a.txt'}: Too many levels of symbolic links\n".encode()


def test_a_full_disk_after_the_work_is_a_failed_file_not_a_refusal(tmp_path, capsysbinary, monkeypatch):
    import errno

    from cleaner.engines import single

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    page, out = tmp_path / "page.txt", tmp_path / "out.txt"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(single, "write_output", full)
    assert cli.main([str(page), "-o", str(out)]) == 1  # 2 is for refusals before any work
    assert capsysbinary.readouterr().err == f"cleaner: {out}: No space left on device; nothing written\n".encode()
