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
    # A key the rule's action never reads (probe34u: a replacement on a truncate-after rule, accepted silently).
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "truncate-after"\npattern = "a"\nreason = "r"\nreplacement = "x"\n', "replacement is for replace rules only"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "drop-line"\npattern = "a"\nreason = "r"\nlines = 3\n', "lines is for drop-block rules only"),
    ('[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "replace"\npattern = "a"\nreason = "r"\nuntil = "b"\n', "until is for drop-block rules only"),
]

# Patterns that match any line: the empty line, or every line of ordinary prose (probe34u: a
# truncate-after '.*' passed `rules check` and emptied every page of its site).
ANY_LINE = [".*", "^", "$", "\\s*", "(?:)", ".", "\\S", "^.{1,200}$", "[^\\n]", "x|.", "^.*"]


@pytest.mark.parametrize("action", ["truncate-after", "drop-line", "drop-block", "replace"])
@pytest.mark.parametrize("pattern", ANY_LINE)
def test_a_pattern_that_matches_any_line_is_refused(tmp_path, action, pattern):
    body = f'[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "{action}"\npattern = \'{pattern}\'\nreason = "r"\n'
    with pytest.raises(RuleError, match=r"site.toml:6: rule 'x/a': its pattern matches any line"):
        load_file(_write(tmp_path, body))


@pytest.mark.parametrize("pattern", ["^相关新闻$", "^.{0,6}相关阅读", "^责任编辑[:：]", "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", "^[A-Z ]+$"])
def test_a_pattern_that_names_its_line_is_taken(tmp_path, pattern):
    body = f'[site]\nid = "x"\n[[rule]]\nid = "x/a"\naction = "truncate-after"\npattern = \'{pattern}\'\nreason = "r"\n'
    assert load_file(_write(tmp_path, body)).rules[0].id == "x/a"


@pytest.mark.parametrize("body, line, where", [
    ('[site]\nid = "x"\n\n[[rule]]\nid = "x/a"\nreason = "r\nx = 1\n', 6, r"\(column 12\)"),
    ('[site]\nid = "x"\nid = "y"\n', 3, r"\(column 9\)"),
    ('[site]\nid = "x"\n\n[[rule]]\nid = "x/a"\npattern = \'unclosed\nreason = "r"\n', 7, r"\(at the end of the file\)"),
])
def test_a_toml_syntax_error_names_file_and_line(tmp_path, body, line, where):
    with pytest.raises(RuleError, match=rf"site.toml:{line}: TOML syntax: .* {where}$"):
        load_file(_write(tmp_path, body))


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
    ({"action": '"drop-block"', "until": "'('"}, 15, "bad pattern"),
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


def test_a_traditional_signature_finds_its_site_s_pages(tmp_path):
    # Pages are folded to Simplified before signatures are looked for: 台灣新聞網 never matched.
    from cleaner.furniture.boilerplate import recognise

    (tmp_path / "tw.toml").write_text('[site]\nid = "tw"\nsignatures = ["台灣新聞網"]\n', encoding="utf-8")
    ruleset = load([tmp_path])
    assert ruleset.sites["tw"].signatures == ("台湾新闻网",)
    for page in ("本文由台灣新聞網提供。\n正文。", "本文由台湾新闻网提供。\n正文。"):
        assert recognise(ruleset, page).id == "tw"


def test_a_traditional_character_in_a_pattern_is_a_problem_check_names(tmp_path):
    body = ('[site]\nid = "tw"\n[[rule]]\nid = "tw/editor"\naction = "drop-line"\npattern = \'^責任編輯：\\S{1,10}$\'\n'
            'reason = "r"\nexamples = ["責任編輯：王小明"]\n')
    (tmp_path / "tw.toml").write_text(body, encoding="utf-8")
    problems = check_examples(load([tmp_path]))
    assert any("Traditional characters (責編輯)" in p and "tw.toml:4" in p for p in problems), problems
