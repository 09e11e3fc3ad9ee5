"""``cleaner rules`` (cleaner/furniture/rules_cli.py): list and check a folder or one rule file."""

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
