"""``cleaner rules`` (cleaner/furniture/rules_cli.py): list and check a folder or one rule file."""

import pytest

from cleaner.furniture.rules_cli import main

RULE = ('[site]\nid = "mine"\nsignatures = ["我的网"]\n[[rule]]\nid = "mine/ad"\naction = "drop-line"\n'
        'pattern = "^广告"\nreason = "ad"\nexamples = [{example}]\n')


def test_check_takes_one_rule_file(tmp_path, capsys):
    path = tmp_path / "learned.toml"
    path.write_text(RULE.format(example='"广告位招租"'), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.endswith("examples: ok\n")
    assert main(["list", str(path)]) == 0 and "mine/ad" in capsys.readouterr().out


def test_one_rule_file_is_checked_as_its_folder_would_be(tmp_path, capsys):
    path = tmp_path / "a.toml"
    path.write_text(RULE.format(example='"不会匹配"'), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "does not match its example '不会匹配'" in err and out.endswith(": 1 problem\n")  # one problem, not "1 problems"
    path.write_text(RULE.replace('id = "mine"', 'id = "mine"\nextends = ["nowhere"]').format(example='"广告"'), encoding="utf-8")
    assert main(["check", str(path)]) == 2 and "extends unknown site 'nowhere'" in capsys.readouterr().err
    path.write_text(RULE.replace("mine/ad", "common/editor").format(example='"广告"'), encoding="utf-8")  # a built-in rule's id
    assert main(["check", str(path)]) == 2 and "already defined by site '_common'" in capsys.readouterr().err


def test_rules_alone_prints_what_it_can_do(capsys):
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: cleaner rules") and "required" not in err
    assert "test every rule against its examples" in err and "list the sites and rules" in err


def test_a_missing_rule_file_is_named_as_missing_not_as_a_folder(tmp_path, capsys):
    assert main(["check", str(tmp_path / "learned.toml")]) == 2
    assert "learned.toml: no such rule file or folder" in capsys.readouterr().err


def test_a_folder_with_no_rule_files_is_said_and_fails_a_check(tmp_path, capsys):
    # probe30: `rules check DIR` on a folder of no .toml files said ok, exit 0.
    (tmp_path / "site.TOML.txt").write_text(RULE.format(example='"广告"'), encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert f"{tmp_path}: holds no rule files (*.toml)" in err and out.endswith(f"none from {tmp_path} (it holds no rule files)\n")
    assert main(["list", str(tmp_path)]) == 0  # a listing lists the built-in rules, and says it
    assert "holds no rule files" in capsys.readouterr().err


def test_rules_given_to_a_run_as_a_folder_with_no_rule_files_are_said(tmp_path, capsys):
    from cleaner import cli

    page = tmp_path / "page.txt"
    page.write_text("国务院\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    assert cli.main([str(page), "--rules", str(tmp_path / "rules"), "-o", str(tmp_path / "out.txt")]) == 0
    assert f"--rules {tmp_path / 'rules'}: note: holds no rule files" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["list", "check"])
def test_rules_output_that_cannot_be_written_is_one_line(command):
    # probe45: `cleaner rules list > /dev/full` ended in `internal error: OSError: [Errno 28] ...`.
    import subprocess
    import sys
    from pathlib import Path

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to fill")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([str(Path(sys.executable).parent / "cleaner"), "rules", command], stdout=full,
                              stderr=subprocess.PIPE, timeout=300)
    assert (proc.returncode, proc.stderr.decode()) == (1, "cleaner: <stdout>: No space left on device; output cut short\n")


@pytest.mark.parametrize("command", ["list", "check"])
def test_rules_output_to_a_closed_standard_output_is_one_line(command):
    # probe47: `cleaner rules list >&-` ended in `internal error: AttributeError: 'NoneType' object has
    # no attribute 'write'` (exit 2); the main command says `<stdout>: ... closed; output cut short`, exit 1.
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "cleaner"
    proc = subprocess.run(f"'{exe}' rules {command} >&-", shell=True, stderr=subprocess.PIPE, timeout=300)
    assert (proc.returncode, proc.stderr.decode()) == (1, "cleaner: <stdout>: standard output is closed; output cut short\n")
