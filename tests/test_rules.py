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


def test_error_names_the_line_of_the_key_at_fault(tmp_path):
    # probe30: errors cited the rule's id line, whatever key was at fault.
    body = '[site]\nid = "x"\n\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\nfoo = 1\n'
    with pytest.raises(RuleError, match=r"site.toml:9: unknown key 'foo'"):
        load_file(_write(tmp_path, body))


def _two_rules(**second) -> str:
    """Two rules with the same keys; the second's keys (``second``) replace or follow its own:
    lines 10-14 are its header, id, action, pattern and reason; a key added is line 15."""
    keys = {"id": '"x/b"', "action": '"drop-line"', "pattern": "'a'", "reason": '"r"', **second}
    rule = [f"{key} = {value}" for key, value in keys.items()]
    return ('[site]\nid = "x"\n\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = \'a\'\nreason = "r"\n\n[[rule]]\n'
            + "\n".join(rule) + "\n")


@pytest.mark.parametrize("second, line, message", [
    ({"exampels": '["a"]'}, 15, "unknown key 'exampels'"),
    ({"pattern": "'(?<=a)b'"}, 13, "look-around"),
    ({"action": '"replace"', "pattern": "'(a)'", "replacement": r"'\g<1> \2'"}, 15, r"replacement '\g<1> \2' names group '2'"),
    ({"zone": '"middle"'}, 15, "zone 'middle'"),
    ({"until": "'('"}, 15, "bad pattern"),
    ({"reason": "5"}, 14, "'reason' must be a string"),
    ({"action": '"explode"'}, 12, "action 'explode'"),
    ({"id": '"x/a"'}, 11, "duplicate rule id 'x/a'"),
])
def test_each_error_cites_its_key_in_the_rule_s_own_table(tmp_path, second, line, message):
    # The second rule of two is at fault; the first has the same keys, so the first occurrence of
    # a key in the file is not the line to cite. A duplicate id cites the duplicate, and a
    # replacement is shown as it is written (probe30: with its backslashes doubled).
    with pytest.raises(RuleError) as info:
        load_file(_write(tmp_path, _two_rules(**second)))
    assert f"site.toml:{line}: " in str(info.value) and message in str(info.value), str(info.value)


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
    assert "site.toml:6" in str(info.value) and "\n" not in str(info.value)  # the pattern's line


def test_replacement_may_name_only_groups_of_its_pattern(tmp_path):
    _write(tmp_path, '[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "replace"\npattern = "(?P<a>x)"\nreplacement = "\\\\g<b>"\nreason = "r"\n')
    with pytest.raises(RuleError, match="names group 'b'"):
        load([tmp_path])