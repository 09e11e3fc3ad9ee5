"""End to end: the command line on the five seed pages against their expected files."""

import pytest
from conftest import SEEDS, expected_for, run_cli

# 001: “六保” — 保's lead byte was lost with the one-byte shift; the context model guesses 。
# (the dictionary holds words, not the phrase 六稳六保). The bytes do not determine it.
GUESS_DIFFERS = {"001_158c500bef4835b9.txt"}


def _marked(page):
    if page.name in GUESS_DIFFERS:
        return pytest.param(page, marks=pytest.mark.xfail(strict=True, reason="one guessed character differs"))
    return page


@pytest.mark.parametrize("page", [_marked(p) for p in SEEDS], ids=lambda p: p.name[:3])
def test_seed_page_matches_expected(page):
    proc = run_cli(page, "--to", "zh-hans")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode("utf-8") == expected_for(page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", SEEDS, ids=lambda p: p.name[:3])
def test_seed_differs_only_in_guessed_characters(page):
    """Even where a guess is wrong, every other character is right."""
    out = run_cli(page).stdout.decode("utf-8")
    expected = expected_for(page).read_text(encoding="utf-8")
    assert len(out) == len(expected)
    diffs = [(a, b) for a, b in zip(out, expected) if a != b]
    assert len(diffs) <= (1 if page.name in GUESS_DIFFERS else 0), diffs


@pytest.mark.parametrize("page", SEEDS, ids=lambda p: p.name[:3])
def test_cleaning_twice_changes_nothing(page, cleaner_obj):
    once = cleaner_obj.clean(page.read_text(encoding="utf-8"))
    assert cleaner_obj.clean(once) == once
