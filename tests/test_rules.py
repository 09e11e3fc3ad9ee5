"""Rule files (cleaner/rules.py): validation errors and every rule's own fixtures."""

import pytest

from cleaner.furniture.rules import RuleError, load, load_file
from cleaner.furniture.rules_cli import check_examples


def test_builtin_rules_pass_their_fixtures():
    ruleset = load()
    assert check_examples(ruleset) == []
    assert {"_common", "cmiw", "zhitong", "chinaaet", "qrportal", "people"} <= set(ruleset.sites)


def _write(tmp_path, body):
    p = tmp_path / "site.toml"
    p.write_text(body, encoding="utf-8")
    return p


BAD = [
    ('[site]\nid = "x"\ncolour = "red"\n', "unknown key 'colour'"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "("\nreason = "r"\n', "bad regex"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "explode"\npattern = "a"\nreason = "r"\n', "action 'explode'"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "b"\nreason = "r"\n', "duplicate rule id"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\nfoo = 1\n', "unknown key 'foo'"),
    ('[site\n', "site.toml"),
]


@pytest.mark.parametrize("body,message", BAD)
def test_bad_rule_files_name_file_and_problem(tmp_path, body, message):
    with pytest.raises(RuleError) as exc:
        load_file(_write(tmp_path, body))
    assert message in str(exc.value) and "site.toml" in str(exc.value)


def test_error_names_the_line(tmp_path):
    body = '[site]\nid = "x"\n\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\nfoo = 1\n'
    with pytest.raises(RuleError, match=r"site.toml:5"):
        load_file(_write(tmp_path, body))


def test_user_rules_override_builtin_site(tmp_path):
    _write(tmp_path, '[site]\nid = "people"\nname = "mine"\n[[rule]]\nid = "mine/x"\naction = "drop-line"\npattern = "^广告$"\nreason = "ad"\nexamples = ["广告"]\n')
    ruleset = load([tmp_path])
    assert ruleset.sites["people"].name == "mine"
    assert [r.id for r in ruleset.sites["people"].rules] == ["mine/x"]


def test_catastrophic_regex_times_out():
    import regex

    from cleaner.furniture.boilerplate import remove_furniture
    from cleaner.furniture.rules import Rule

    rule = Rule(id="bad", action="drop-line", pattern=regex.compile(r"(a|aa)+$"), reason="r")
    result = remove_furniture("a" * 40 + "!\n正文", [rule], timeout=0.05)
    assert result.timeouts == ["bad"]
    assert result.text == "a" * 40 + "!\n正文"  # nothing removed by a rule that did not finish
