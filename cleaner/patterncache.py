"""The cleaner's regular expressions compiled once a machine, not once a process.

Importing the pipeline compiles some 600 patterns, many of them classes of Han, kana and hangul
ranges, which ``re`` turns into bitmaps code point by code point: 0.24 s of the import's 0.36 s
of CPU, paid by every ``cleaner`` command, every worker spawned and a ``--jobs`` parent before
its workers start. What ``re`` makes of a pattern (its opcodes, groups and final flags) is a
function of the pattern, its flags and the Python that made it, and is kept here in the tables
cache (``tablecache``), read back with one ``marshal.loads``; the pattern object is then made
from it by ``_sre.compile``, as ``re`` itself does at the end of compiling.

Only patterns compiled from the cleaner's own modules are kept (the caller's module is asked
on a miss of ``re``'s own cache only): a program importing the cleaner compiles its own patterns
as before. Patterns with the DEBUG or LOCALE flags are never kept (DEBUG prints, a LOCALE
pattern is read under the locale of the moment). The copy is named by the Python version and
``_sre.MAGIC``; patterns new to it are added when the process ends (``_save``).

This leans on ``re``'s internals (``re._compiler.compile``, ``_parser.parse``, ``_code``): where
they are not as expected, nothing is installed and ``re`` compiles as it always did. A program
that wants ``re`` left alone altogether sets ``CLEANER_NO_PATTERN_CACHE=1`` before importing the
cleaner (the cleaner then compiles its patterns at every import, as it did before).
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import Any

# (type of pattern, pattern, flags) -> (final flags, code, groups - 1, groupindex, indexgroup)
Parts = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
Key = tuple[str, Any, int]
# The copy on disk as read at the start, each entry let go once its pattern is made (``re`` keeps
# the pattern itself; the opcodes of 600 patterns are several MB of ints): its key goes to _hit.
_kept: dict[Key, Parts] = {}
_hit: set[Key] = set()
_new: dict[Key, Parts] = {}  # compiled in this process, not in the copy
_new_seconds = 0.0  # the CPU the new ones took to compile
_original = None  # re._compiler.compile, wrapped
# Patterns the copy holds at most: past it, only those this process used are written. A few of
# the cleaner's patterns are made of a set's words and differ from process to process (the order
# of words of one length), and some are made of a page's or a rule file's text.
MAX_KEPT = 2048
# The copy is written again only when the patterns new to it took this much CPU to compile: not
# for the few that differ at every run (about 7 ms each run), which would write it at every exit.
MIN_SAVE_SECONDS = 0.02


def install() -> None:
    """Compile the cleaner's patterns through the copy (once a process; idempotent)."""
    global _original
    if _original is not None or os.environ.get("CLEANER_NO_PATTERN_CACHE", "") not in ("", "0"):
        return
    try:
        import re._compiler as compiler

        # Made both ways, one pattern must come out equal (its opcodes compared): else this
        # Python's re is not the one read here, and compiles as usual.
        probe = r"(?i)(?P<a>[\u4e00-\u9fff]+)-(\d)"
        _name()  # the engine's magic, which names the copy
        if _made(probe, parts_of(probe, 0)) != compiler.compile(probe, 0):
            return
    except Exception:  # noqa: BLE001 - another Python's re, in any way: compiled as usual
        return
    _kept.update(_load())
    _original = compiler.compile
    compiler.compile = _compile
    atexit.register(_save)


def parts_of(pattern: Any, flags: int) -> Parts:
    """What ``re`` makes of ``pattern`` (str or bytes) with ``flags``, as ``re._compiler.compile``
    makes it before handing it to ``_sre.compile``."""
    import re._compiler as compiler
    import re._parser as parser

    p = parser.parse(pattern, flags)
    code = compiler._code(p, flags)  # noqa: SLF001
    groupindex = dict(p.state.groupdict)
    indexgroup: list[Any] = [None] * p.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The opcodes are named int constants (which marshal does not write): plain ints, as _sre reads them.
    return int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, groupindex, tuple(indexgroup)


def _compile(p, flags=0):
    import re

    if not isinstance(p, (str, bytes)) or flags & (re.DEBUG | re.LOCALE) or not _from_cleaner():
        return _original(p, flags)
    key = (type(p).__name__, p, int(flags))
    parts = _kept.pop(key, None)
    if parts is not None:
        _hit.add(key)
    elif key in _new:
        parts = _new[key]
    elif key in _hit:  # made from the copy before, then dropped from re's own cache: as re does
        return _original(p, flags)
    else:
        global _new_seconds
        import time

        start = time.process_time()
        parts = parts_of(p, int(flags))
        _new_seconds += time.process_time() - start
        if len(_new) < MAX_KEPT:
            _new[key] = parts
    return _made(p, parts)


def _made(pattern: Any, parts: Parts):
    import _sre

    final_flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def _from_cleaner() -> bool:
    """Was the pattern asked for by the cleaner's own code (the first frame outside ``re``)?"""
    frame = sys._getframe(2)  # noqa: SLF001 - past _compile and re._compile
    while frame is not None and _in_re(frame.f_globals.get("__name__", "")):
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "cleaner"


def _in_re(module: str) -> bool:
    return module == "re" or module.startswith("re.")


def _name() -> tuple[str, list[str], str]:
    import _sre

    # Named by the Python that compiles (its full version, the engine's magic): no source file. Its
    # minor version is in the name too: the cache keeps one copy a name, and two Pythons on one
    # machine (two virtual environments) would each delete the other's at every save (review28a).
    return f"patterns-py{sys.version_info[0]}{sys.version_info[1]}", [], f"1:{sys.version}:{_sre.MAGIC}"


def _load() -> dict:
    from cleaner import tablecache

    name, sources, version = _name()
    path = tablecache._path(name, sources, version, ".marshal")  # noqa: SLF001 - its naming and checks
    try:
        import marshal

        table = marshal.loads(tablecache._checked(path.read_bytes()))  # noqa: SLF001
        return {tuple(key): tuple(parts) for key, parts in table} if isinstance(table, list) else {}
    except (OSError, EOFError, ValueError, TypeError):  # unreadable, or of another layout: none
        return {}


def _save() -> None:
    """The patterns compiled here added to the copy on disk (at the process's end), when they
    took MIN_SAVE_SECONDS to compile; past MAX_KEPT, only the patterns this process used."""
    global _new_seconds
    if not _new or _new_seconds < MIN_SAVE_SECONDS:
        return
    import marshal

    from cleaner import tablecache

    name, sources, version = _name()
    path = tablecache._path(name, sources, version, ".marshal")  # noqa: SLF001
    try:
        table = {**_load(), **_new}
        if len(table) > MAX_KEPT:
            table = {key: parts for key, parts in table.items() if key in _new or key in _hit}
        data = marshal.dumps(list(table.items()))
        tablecache._save(path, tablecache._digest(data) + data)  # noqa: SLF001
    except (OSError, ValueError, TypeError):
        return  # a folder that cannot be written, a pattern marshal cannot write: compiled again next time
    _new.clear()
    _new_seconds = 0.0
