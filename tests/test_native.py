r"""The native core (native/, built into cleaner._native): rule patterns in linear time.

``Pattern`` must report what Python's ``regex`` (``regex.V1``) reports, in character offsets, for
every rule pattern as the furniture stage compiles it (widened) and as written; ``LineMatcher``
must report, per line, exactly the patterns that match it.

Where the two engines differ (none of it reachable by the lines generated here):

- ``$`` before a final line break: Python's matches there, the regex crate's only at the end
  (rules see lines without their break);
- Unicode data: Python's ``regex`` may know a newer Unicode version (characters assigned in it
  are ``\w``/``\d``/``\p{Han}`` there, not here);
- ``(?i)``: Python's ``regex.V1`` folds case fully (``ß`` matches ``ss``, ``İ`` matches ``i``),
  the crate simply;
- ``finditer`` right after an empty match: Python may still take a longer match starting at the
  same place, the crate moves one character on (no rule pattern can match the empty string).
"""

import os
import re
import tomllib
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner._native as native
from cleaner._native import LineMatcher, Pattern

from cleaner.furniture.rulepattern import needed_strings, widen
from cleaner.furniture.rules import SIZE_LIMIT, named_lists

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted((ROOT / "rules").glob("*.toml"))
EXAMPLES = int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# common/image-file, (?i)^[\w\-. ]{1,60}\.(jpe?g|...)$, compiles to about 3 MB in the regex crate
# (sixty copies of the Unicode \w automaton): above the 1 MiB default, so rules get more room.
RULE_SIZE_LIMIT = SIZE_LIMIT


def _rules() -> list[dict]:
    """Every rule, its patterns with the lexicon's named lists filled in (``\\L<related>``), as
    ``rules.load_file`` reads them."""
    out = []
    for path in RULE_FILES:
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", []):
            out.append({**rule, **{key: named_lists(rule[key], str(path)) for key in ("pattern", "until") if key in rule}})
    return out


RULES = _rules()
# (id, pattern) for every pattern of every rule: widened as the furniture stage compiles it, and
# as written in the rule file.
PATTERNS = [
    (f"{rule['id']}:{key}:{form}", text)
    for rule in RULES
    for key in ("pattern", "until")
    if key in rule
    for form, text in (("widened", widen(rule[key])), ("written", rule[key]))
]
# Each pattern's own rule's examples and kept lines, from which near misses are made.
OWN_LINES = {
    name: tuple(rule.get("examples", ())) + tuple(rule.get("keeps", ()))
    for rule in RULES
    for name in (f"{rule['id']}:{key}:{form}" for key in ("pattern", "until") for form in ("widened", "written"))
}

# Pieces random lines are made of: the rules' own words, examples and kept lines, signs in both
# widths, spaces of three kinds, digits, Latin letters and any other character.
_WORDS = sorted({w for rule in RULES for w in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]+", rule["pattern"] + rule.get("until", ""))})
_LINES = sorted({s for rule in RULES for s in (*rule.get("examples", ()), *rule.get("keeps", ()))})
_SIGNS = ":：|｜/／()（）[]［］【】,，。;；!！?？-－.．>＞›»→©《》“”、_ \u3000\u00a0\t0123456789０１２３年月日"
_LATIN = "ACGHIJLOPQRSTVWYabcdefghijlmnoprstvwyＡＣＰＱｃｏｐｙ"
_piece = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_LINES),
    st.text(alphabet=_SIGNS + _LATIN, min_size=1, max_size=4),
    # Unassigned code points (Cn in Python's Unicode 14) left out: the regex module and the regex
    # crate each know a later Unicode, and disagree on what those assign (\w of U+3D000).
    st.characters(exclude_categories=("Cs", "Cn"), exclude_characters="\n"),
)
# Lines as the stage sees them: no line break (Python's $ also matches before a final "\n").
LINES = st.lists(_piece, max_size=14).map("".join)
_TO_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)} | {0x20: 0x3000}
_TO_HALF = {v: k for k, v in _TO_FULL.items()}


def _edit(line: str, edits: list[tuple[float, int, str]]) -> str:
    for where, op, piece in edits:
        i = int(where * len(line))
        if op == 0:
            line = line[:i] + piece + line[i:]
        elif op == 1:
            line = line[:i] + line[i + len(piece) :]  # delete as many characters as the piece has
        elif op == 2:
            line = line[:i] + piece + line[i + len(piece) :]
        else:
            line = line[:i] + line[i:].translate(_TO_FULL if op == 3 else _TO_HALF)
    return line


def near(lines: tuple[str, ...]):
    """Lines made from ``lines`` by a few insertions, deletions, replacements and width changes:
    the near misses that find where a pattern's edges are."""
    edit = st.tuples(st.floats(0, 1), st.integers(0, 4), _piece)
    return st.builds(_edit, st.sampled_from(lines or ("",)), st.lists(edit, max_size=3))


def py_search(pattern: regex.Pattern, text: str):
    m = pattern.search(text)
    return None if m is None else (m.start(), m.end(), m.groups())


def py_finditer(pattern: regex.Pattern, text: str):
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


_COMPILED: dict[str, tuple[regex.Pattern, Pattern]] = {}


def both(pattern: str) -> tuple[regex.Pattern, Pattern]:
    if pattern not in _COMPILED:
        _COMPILED[pattern] = (regex.compile(pattern, regex.V1), Pattern(pattern, size_limit=RULE_SIZE_LIMIT))
    return _COMPILED[pattern]


def test_the_extension_is_abi3():
    assert native.__file__.endswith(".abi3.so") or native.__file__.endswith(".pyd")


def test_every_rule_pattern_compiles():
    assert len(PATTERNS) >= 2 * len(RULES) > 0
    for name, pattern in PATTERNS:
        py, rs = both(pattern)
        assert rs.pattern == pattern
        assert rs.group_names == dict(py.groupindex), name
        assert rs.groups == py.groups, name


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
@SETTINGS
@given(data=st.data())
def test_search_and_finditer_agree_with_python_regex(name, pattern, data):
    line = data.draw(st.one_of(LINES, near(OWN_LINES[name]), near(_LINES)), label="line")
    py, rs = both(pattern)
    assert rs.search(line) == py_search(py, line)
    assert rs.finditer(line) == py_finditer(py, line)


@pytest.mark.parametrize("pattern", [p for _, p in PATTERNS], ids=[n for n, _ in PATTERNS])
def test_rules_own_examples_and_keeps_agree(pattern):
    py, rs = both(pattern)
    for line in _LINES:
        # Also each line in the other width and with its signs doubled around.
        for text in (line, line.translate(_TO_FULL), line.translate(_TO_HALF), f"  {line} ", f"【{line}】|"):
            assert rs.search(text) == py_search(py, text), text
            assert rs.finditer(text) == py_finditer(py, text), text


def test_character_offsets_not_bytes():
    p = Pattern(r"(?P<who>[张王]\S)")
    text = "责任编辑：王伟 and 张三"
    assert p.search(text) == (5, 7, ("王伟",))
    assert p.finditer(text) == [(5, 7, ("王伟",)), (12, 14, ("张三",))]
    # Characters outside the BMP count one each, as in Python.
    assert Pattern("a(b)").search("𠀀𠀁ab") == (2, 4, ("b",))
    assert Pattern("x").search("") is None and Pattern("").finditer("ab") == [(0, 0, ()), (1, 1, ()), (2, 2, ())]


def test_long_texts_are_searched_without_the_interpreter_and_agree():
    # Above 16 KiB the search runs with the GIL released; offsets must be the same.
    text = "\n".join(f"第{i}段。责任编辑：王{i}。版权所有 © 2020" for i in range(3000))
    assert len(text.encode()) > 1 << 16
    for pattern in (r"编辑：(?P<who>王\d+)", r"©\s*(\d{4})"):
        py = regex.compile(pattern, regex.V1)
        assert Pattern(pattern).finditer(text) == py_finditer(py, text)
        assert Pattern(pattern).search(text[5000:]) == py_search(py, text[5000:])


def test_dollar_does_not_match_before_a_final_line_break():
    assert regex.search(r"a$", "a\n", regex.V1) and Pattern(r"a$").search("a\n") is None


def test_lone_surrogates_are_searched_as_python_does():
    text = "\ud800编辑：王\udc00伟"
    py = regex.compile(r"编辑：(.+)", regex.V1)
    assert Pattern(r"编辑：(.+)").search(text) == py_search(py, text) == (1, 7, ("王\udc00伟",))
    assert LineMatcher([r"编辑"], [None]).match_lines([text, "\udfff"]) == [[0], []]


def test_groups_that_take_no_part_are_none():
    assert Pattern(r"^(a)?(b)(c)?").search("bc") == (0, 2, (None, "b", "c"))


def test_group_names_and_pattern():
    p = Pattern(r"^(作者)\s*:\s*(?P<author>\S+)(?<date>\d+)?")
    assert p.group_names == {"author": 2, "date": 3}
    assert p.pattern == r"^(作者)\s*:\s*(?P<author>\S+)(?<date>\d+)?"
    assert "Pattern(" in repr(p)


def test_polynomial_pattern_finishes_on_a_long_line():
    # Python's regex takes minutes on this (every split of the line between the two loops);
    # a finite-automaton engine reads the line once.
    line = "a" * 36_000
    assert Pattern(r"^[^!]*(?:a[^!]*)*!!$").search(line) is None
    assert Pattern(r"^[^!]*(?:a[^!]*)*!!$").search(line + "!!") == (0, 36_002, ())


def test_exponential_pattern_finishes():
    assert Pattern(r"(a|aa)+$").search("a" * 100_000 + "!") is None
    assert LineMatcher([r"(a|aa)+$", r"^(\s*x)*y"], [None, None]).match_lines(["a" * 100_000 + "!", " x" * 50_000]) == [[], []]


@pytest.mark.parametrize("pattern", [r"a(?=b)", r"a(?!b)", r"(?<=a)b", r"(?<!a)b", r"^(x|(?=y))"])
def test_look_around_is_refused_plainly(pattern):
    with pytest.raises(ValueError, match=r"^look-around is not supported: rules run in linear time$"):
        Pattern(pattern)


@pytest.mark.parametrize("pattern", [r"(a)\1", r"(?P<x>a)(?P=x)", r"(a)\g<1>", r"(?P<x>a)\g<x>"])
def test_back_references_are_refused_plainly(pattern):
    with pytest.raises(ValueError, match=r"^back-references are not supported"):
        Pattern(pattern)


def test_look_alikes_are_not_refused():
    for pattern in (r"\(?=", r"[(?=]", r"[\\1]", r"【(?P<a>x)】\)"):
        Pattern(pattern)


def test_bad_patterns_raise_one_line_value_errors():
    with pytest.raises(ValueError, match=r"^bad pattern: ") as info:
        Pattern("(unclosed")
    assert "\n" not in str(info.value)


def test_size_limit_is_enforced_and_named():
    with pytest.raises(ValueError, match=r"too large.*1048576"):
        Pattern(r"\w{1000}")
    with pytest.raises(ValueError, match=r"too large.*4096"):
        Pattern(r"\w{1,60}", size_limit=4096)
    assert native.DEFAULT_SIZE_LIMIT == 1 << 20


def _rule_matcher(form: str):
    patterns = [p for name, p in PATTERNS if name.endswith(f":pattern:{form}")]
    needed = [sorted(n) if (n := needed_strings(p)) is not None else None for p in patterns]
    return patterns, LineMatcher(patterns, needed, size_limit=RULE_SIZE_LIMIT)


_MATCHERS = {form: _rule_matcher(form) for form in ("widened", "written")}


@pytest.mark.parametrize("form", ["widened", "written"])
@SETTINGS
@given(page=st.lists(st.one_of(LINES, near(_LINES)), max_size=8))
def test_line_matcher_agrees_with_one_search_per_pattern(form, page):
    # Also checks needed_strings: the prefilter skips a pattern only when its strings are absent,
    # which must mean that it matches no line.
    patterns, matcher = _MATCHERS[form]
    want = [[k for k, p in enumerate(patterns) if both(p)[0].search(line)] for line in page]
    assert matcher.match_lines(page) == want


_LIMITS = (0, 6, 20, 40)  # max_chars given to the patterns in turn (0: no limit)


@SETTINGS
@given(page=st.lists(st.one_of(LINES, near(_LINES)), max_size=8))
def test_line_matcher_leaves_out_patterns_a_line_is_too_long_for(page):
    # A rule's max_chars: a line of more characters (not bytes) never reports the pattern; the
    # others are reported as one search per pattern finds them.
    patterns, _ = _MATCHERS["widened"]
    limits = [_LIMITS[k % len(_LIMITS)] for k in range(len(patterns))]
    matcher = LineMatcher(patterns, [sorted(n) if (n := needed_strings(p)) is not None else None for p in patterns],
                          max_chars=limits, size_limit=RULE_SIZE_LIMIT)
    want = [[k for k, p in enumerate(patterns) if (not limits[k] or len(line) <= limits[k]) and both(p)[0].search(line)]
            for line in page]
    assert matcher.match_lines(page) == want


def test_line_matcher_on_the_rules_examples():
    patterns, matcher = _MATCHERS["widened"]
    page = list(_LINES)
    assert matcher.match_lines(page) == [[k for k, p in enumerate(patterns) if both(p)[0].search(line)] for line in page]
    assert len(matcher) == len(patterns)


def test_line_matcher_prefilter_skips_absent_patterns():
    m = LineMatcher([r"编辑", r"编辑", r"x"], [["责任编辑"], None, []])
    assert m.match_lines(["编辑", "x"]) == [[1], []]
    assert m.match_lines(["责任编辑", "x"]) == [[0, 1], []]
    assert m.match_lines([]) == []


def test_line_matcher_errors():
    with pytest.raises(ValueError, match=r"pattern 1 .*look-around"):
        LineMatcher(["a", "(?<=a)b"], [None, None])
    with pytest.raises(ValueError, match="differ in length"):
        LineMatcher(["a"], [])
    with pytest.raises(ValueError, match="max_chars differ in length"):
        LineMatcher(["a"], [None], max_chars=[1, 2])
    with pytest.raises(TypeError):
        LineMatcher(["a"], [None]).match_lines(["a", 1])


def test_every_rule_file_ships_in_the_wheel():
    # pyproject.toml: [tool.maturin] data = "native/wheel-data"; the rules are linked, not copied.
    shipped = ROOT / "native" / "wheel-data" / "data" / "share" / "cleaner" / "rules"
    links = {p.name: p for p in shipped.iterdir()}
    assert sorted(links) == [p.name for p in RULE_FILES], "add/remove the link in native/wheel-data for a new/removed rule file"
    for name, link in links.items():
        assert link.is_symlink() and link.resolve() == (ROOT / "rules" / name).resolve(), name


# --- changed_places: the pipeline's step counting (native/src/diff.rs) --------------------------------------
#
# The Python original is the oracle (tests/reference_steps.py): the native count must be the same
# number on random text, on clean articles against themselves edited, and on damaged pages
# against the clean text they came from.

import random  # noqa: E402

import reference_steps  # noqa: E402
from damage import FAMILIES, damage_lines, damage_page, naive_s2t  # noqa: E402

from cleaner._native import changed_places  # noqa: E402

_ARTICLES = [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "fixtures" / "clean").glob("*.txt"))]
# A small alphabet makes ties, repeats and equal neighbours (where difflib's choices show).
_SMALL = st.text(alphabet="ab国國\n", max_size=40)
_WIDE = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cn",)), max_size=60)


def _agree(old: str, new: str) -> None:
    assert changed_places(old, new) == reference_steps.changed_places(old, new), (old, new)


@SETTINGS
@given(old=st.one_of(_SMALL, _WIDE), new=st.one_of(_SMALL, _WIDE))
def test_changed_places_agrees_with_python_on_random_text(old, new):
    _agree(old, new)


@SETTINGS
@given(old=_SMALL, edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 2), st.sampled_from(["a", "国", "\n", "b\nb", ""])), max_size=6))
def test_changed_places_agrees_with_python_on_edited_text(old, edits):
    new = old
    for where, op, piece in edits:
        i = int(where * len(new))
        new = new[:i] + piece + new[i + (op > 0) :] if op < 2 else new[:i] + new[i + 1 :]
    _agree(old, new)


@SETTINGS
@given(index=st.integers(0, len(_ARTICLES) - 1), family=st.sampled_from(sorted(FAMILIES)), seed=st.integers(0, 2**32))
def test_changed_places_agrees_with_python_on_damaged_pages(index, family, seed):
    clean = _ARTICLES[index]
    _agree(clean, clean)
    _agree(damage_lines(clean, family, random.Random(seed)), clean)
    _agree(naive_s2t(clean), clean)


def test_changed_places_agrees_with_python_on_the_seed_chain():
    for seed, clean in enumerate(_ARTICLES):
        _agree(damage_page(clean, seed), clean)
        _agree(clean, damage_page(clean, seed))


def test_changed_places_counts_lines_moved_removed_and_added():
    a = "\n".join(f"第{i}行" for i in range(20))
    lines = a.split("\n")
    for new in (
        "\n".join(lines[:5] + lines[6:]),  # one removed
        "\n".join(lines[:5] + ["新"] + lines[5:]),  # one added
        "\n".join(lines[10:] + lines[:10]),  # a block moved further than the look-ahead
        "\n".join(lines * 3),  # repeated
        "",
    ):
        _agree(a, new)
        _agree(new, a)


def test_changed_places_on_long_lines_and_the_diff_limit():
    rng = random.Random(7)
    for size in (1999, 2000, 2001, 4001, 9000):
        old = "".join(rng.choice("国务院会议abc") for _ in range(size))
        new = "".join(ch if rng.random() > 0.05 else "國" for ch in old)
        _agree(old, new)
        _agree(old, old[:-1])


def test_changed_places_sees_lone_surrogates_as_python_does():
    _agree("a\ud800b", "a\udc00b")
    _agree("a\ud800b", "a\ud800b")
    _agree("国\ud800", "国")
    assert changed_places("a\ud800b", "a\udc00b") == 1
