"""The cleaner's patterns compiled once a machine (cleaner/patterncache.py)."""

import re

import cleaner.pipeline  # noqa: F401 - every module's patterns compiled, through the copy
from cleaner import patterncache, tablecache


def _entries() -> dict:
    return {**patterncache._load(), **patterncache._new}  # noqa: SLF001


def test_the_copy_is_installed_and_holds_the_cleaners_patterns():
    assert patterncache._original is not None  # noqa: SLF001
    patterncache._save()  # noqa: SLF001 - this process's new patterns written now, not at its end
    held = _entries()
    assert len(held) > 300
    assert all(kind in ("str", "bytes") for kind, _, _ in held)


def test_each_kept_pattern_is_the_one_re_compiles():
    """A pattern made from the copy is equal to re's own (Pattern equality compares the pattern,
    its flags and its opcodes): the same matcher, the same groups."""
    patterncache._save()  # noqa: SLF001
    for (_, pattern, flags), parts in _entries().items():
        made = patterncache._made(pattern, parts)  # noqa: SLF001
        own = patterncache._original(pattern, flags)  # noqa: SLF001
        assert made == own and made.groups == own.groups and made.groupindex == own.groupindex, pattern


def test_a_pattern_with_groups_and_inline_flags_matches_as_re_makes_it():
    parts = patterncache.parts_of(r"(?i)(?P<word>[a-z]+)-(\d+)", 0)
    made = patterncache._made(r"(?i)(?P<word>[a-z]+)-(\d+)", parts)  # noqa: SLF001
    assert made.match("ABC-12").groupdict() == {"word": "ABC"} and made.flags & re.IGNORECASE


def test_other_modules_patterns_are_compiled_as_usual():
    pattern = r"only this test's pattern \d{7}"
    re.compile(pattern)
    assert ("str", pattern, 0) not in patterncache._new  # noqa: SLF001


def test_a_damaged_copy_is_read_as_none(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    name, sources, version = patterncache._name()  # noqa: SLF001
    path = tablecache._path(name, sources, version, ".marshal")  # noqa: SLF001
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00" * 40)
    assert patterncache._load() == {}  # noqa: SLF001


def _compiled_by_the_cleaner(pattern: str) -> re.Pattern:
    """``re.compile(pattern)`` asked from a module of the cleaner (as its modules ask)."""
    scope = {"__name__": "cleaner.test_module", "pattern": pattern}
    exec("import re\ncompiled = re.compile(pattern)", scope)  # noqa: S102 - a module's frame, by name
    return scope["compiled"]


def test_a_pattern_is_kept_once_and_made_from_the_copy_after():
    pattern = r"kept once (\d{3})-[\u4e00-\u9fff]+"
    key = ("str", pattern, 0)
    first = _compiled_by_the_cleaner(pattern)
    assert key in patterncache._new and first == patterncache._original(pattern, 0)  # noqa: SLF001
    patterncache._kept[key] = patterncache._new.pop(key)  # noqa: SLF001 - as if read from the copy
    re.purge()
    again = _compiled_by_the_cleaner(pattern)
    assert again == first and key in patterncache._hit and key not in patterncache._kept  # noqa: SLF001
    re.purge()  # dropped from re's cache: compiled as re does, and not new to the copy
    assert _compiled_by_the_cleaner(pattern) == first and key not in patterncache._new  # noqa: SLF001


def test_the_opt_out_leaves_re_alone():
    """CLEANER_NO_PATTERN_CACHE=1: ``re`` is never wrapped (a program that wants it untouched)."""
    import os
    import subprocess
    import sys

    probe = "import re._compiler as c, cleaner.pipeline; print(c.compile.__module__)"
    env = {**os.environ, "CLEANER_NO_PATTERN_CACHE": "1"}
    off = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    on = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                        env={k: v for k, v in os.environ.items() if k != "CLEANER_NO_PATTERN_CACHE"})
    assert off.stdout.strip() == "re._compiler" and on.stdout.strip() == "cleaner.patterncache"


def test_two_pythons_keep_a_copy_each(tmp_path, monkeypatch):
    """Two Pythons sharing one cache folder (review28a): each save deletes older copies of its own
    name, so the name must hold the Python's version, or each would delete the other's."""
    import sys
    from collections import namedtuple

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterncache, "_new_seconds", 1.0)
    monkeypatch.setattr(patterncache, "_new", {("str", "a", 0): patterncache.parts_of("a", 0)})
    patterncache._save()  # noqa: SLF001
    other = namedtuple("version_info", "major minor micro releaselevel serial")(3, 99, 0, "final", 0)
    monkeypatch.setattr(sys, "version_info", other)
    monkeypatch.setattr(sys, "version", "3.99.0 (a later Python)")
    monkeypatch.setattr(patterncache, "_new_seconds", 1.0)
    monkeypatch.setattr(patterncache, "_new", {("str", "b", 0): patterncache.parts_of("b", 0)})
    patterncache._save()  # noqa: SLF001
    assert len(list(tmp_path.rglob("patterns*.marshal"))) == 2
