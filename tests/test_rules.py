"""Rule files (cleaner/furniture/rules.py): validation errors and every rule's own fixtures."""

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
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "("\nreason = "r"\n', "bad pattern"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "explode"\npattern = "a"\nreason = "r"\n', "action 'explode'"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "b"\nreason = "r"\n', "duplicate rule id"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\nfoo = 1\n', "unknown key 'foo'"),
    ('[site\n', "site.toml"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\nresume_prose = 100\n', "truncate-after rules only"),
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


def test_catastrophic_pattern_runs_in_linear_time():
    # (a|aa)+$ backtracks exponentially in a backtracking engine; the native core has none.
    from cleaner.furniture.boilerplate import remove_furniture
    from cleaner.furniture.rules import SIZE_LIMIT, Rule
    from cleaner._native import Pattern

    rule = Rule(id="bad", action="drop-line", pattern=Pattern(r"(a|aa)+$", size_limit=SIZE_LIMIT), reason="r")
    result = remove_furniture("a" * 100_000 + "!\n" + "a" * 50 + "\n正文", (rule,))
    assert result.text == "a" * 100_000 + "!\n正文" and result.counts == {"bad": 1}


@pytest.mark.parametrize("pattern, message", [
    ("(?<=编辑)x", "look-around is not supported"),
    ("^(来源)\\1$", "back-references are not supported"),
    ("[\\w.]{1,9999}", "too large"),
])
def test_patterns_a_linear_engine_cannot_run_are_refused_at_load(tmp_path, pattern, message):
    _write(tmp_path, f'[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = \'{pattern}\'\nreason = "r"\n')
    with pytest.raises(RuleError, match=message) as info:
        load([tmp_path])
    assert "site.toml:4" in str(info.value) and "\n" not in str(info.value)


def test_replacement_may_name_only_groups_of_its_pattern(tmp_path):
    _write(tmp_path, '[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "replace"\npattern = "(?P<a>x)"\nreplacement = "\\\\g<b>"\nreason = "r"\n')
    with pytest.raises(RuleError, match="names group 'b'"):
        load([tmp_path])