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
