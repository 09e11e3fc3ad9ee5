"""The README's own examples give what the README says they give.

The examples are read from README.md itself, so a changed example is tested as written:
- shell: a ``$ printf '…' | cleaner [options]`` line followed by its output line;
- library: ``cleaner.clean("…")  # '…'`` and ``r = c.run("…")`` followed by ``r.text  # '…'``
  and the Steps listed under ``r.steps``.
A new user tries these first; a unit test of one repair function (tests/test_realign.py) passed
while the whole pipeline gave the README's `c.run` example back garbled (session 29's probe).
"""

from __future__ import annotations

import ast
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner.model import Step

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
LINES = README.splitlines()


def _shell_examples() -> list[tuple[str, list[str], str]]:
    """(input, cleaner's arguments, expected output) of each ``$ printf … | cleaner`` line."""
    found = []
    for k, line in enumerate(LINES[:-1]):
        m = re.fullmatch(r"\$ printf (.+?) \| cleaner(.*)", line)
        if m:
            found.append((shlex.split(m.group(1))[0], shlex.split(m.group(2)), LINES[k + 1]))
    return found


def _clean_examples() -> list[tuple[str, str]]:
    """(input, expected text) of each ``cleaner.clean("…")  # '…'`` line."""
    pattern = re.compile(r'cleaner\.clean\(("[^"]*")\)\s+#\s+(\'[^\']*\')')
    return [(ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2))) for m in pattern.finditer(README)]


def _run_example() -> tuple[str, str, list[Step]]:
    """The ``r = c.run("…")`` example: its input, its ``r.text`` and its ``r.steps``."""
    k = next(i for i, line in enumerate(LINES) if line.startswith('r = c.run("'))
    source = ast.literal_eval(LINES[k][len("r = c.run("):-1])
    text = ast.literal_eval(LINES[k + 1].split("#", 1)[1].strip())
    steps_source = LINES[k + 2].split("#", 1)[1].strip()
    at = k + 3
    while not steps_source.rstrip().endswith("]"):
        steps_source += " " + LINES[at].split("#", 1)[1].strip()
        at += 1
    steps = [Step(*ast.literal_eval(m)) for m in re.findall(r"Step(\([^)]*\))", steps_source)]
    return source, text, steps


def test_the_readme_holds_the_examples_read_here():
    assert len(_shell_examples()) >= 2
    assert _clean_examples()
    assert _run_example()[2]


@pytest.mark.parametrize("given, args, expected", _shell_examples())
def test_a_shell_example_prints_what_the_readme_shows(given, args, expected):
    done = subprocess.run([sys.executable, "-m", "cleaner", *args], input=given.encode("utf-8"),
                          capture_output=True, check=True)
    assert done.stdout.decode("utf-8").rstrip("\n") == expected


@pytest.mark.parametrize("given, expected", _clean_examples())
def test_a_clean_example_returns_what_the_readme_shows(given, expected):
    assert cleaner.clean(given) == expected


def test_the_run_example_gives_the_readme_text_and_steps():
    source, text, steps = _run_example()
    result = cleaner.Cleaner(to="zh-hans").run(source)
    assert result.text == text
    assert result.steps == steps
