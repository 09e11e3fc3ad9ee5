"""An on-disk cache for tables built from data files, so a new process loads them in a blink.

Building the character model from jieba's dictionary takes about a second per process: every
``cat page | cleaner`` would pay it, and so would every Ray worker. The built tables (plain
dicts, strings and ints) are written once with ``marshal`` and read back in about 0.1 s.

A table the native core reads itself (the character model: ``cached_bytes``) is kept as the bytes
of its own format, with the suffix ``.bin``, and handed over whole: no Python objects are made.

The cache is only ever a copy: its name holds everything it was built from (the source files'
size and modification time, the table format, the Python version that wrote it), a file that
cannot be read is rebuilt, and when the folder cannot be written the tables are simply built in
memory as before. A marshal copy carries the digest of its bytes, so a damaged one is rebuilt
rather than read as some other value. Writes go to a temporary file renamed into place, so processes starting
together never read half a file.

Folder: ``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    if os.environ.get("CLEANER_CACHE_DIR"):
        return Path(os.environ["CLEANER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


def cached(name: str, sources: list[str], version: str, build: Callable[[], Any]) -> Any:
    """``build()``, or the copy a previous process saved for the same sources and version.

    ``version`` names what ``build`` does (its format and any constant it depends on): change it
    with them, or an old copy would be read back.
    """
    path = _path(name, sources, version, ".marshal")
    try:
        return marshal.loads(_checked(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not there yet, unreadable or damaged: build it again
    table = build()
    data = marshal.dumps(table)
    _save(path, _digest(data) + data)
    return table


# A marshal copy starts with the digest of the rest: ``marshal.loads`` takes many damaged files
# for other values (a few bytes of an int where a string was), which the caller then fails on at
# every start; a copy whose digest does not match is built again.
_DIGEST = 16


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()[:_DIGEST]


def _checked(blob: bytes) -> bytes:
    data = blob[_DIGEST:]
    if len(blob) < _DIGEST or blob[:_DIGEST] != _digest(data):
        raise ValueError("damaged copy")
    return data


def cached_bytes(name: str, sources: list[str], version: str, build: Callable[[], bytes],
                 load: Callable[[bytes], Any]) -> Any:
    """``load`` of the bytes ``build()`` makes, or of the copy a previous process saved.

    For a table in a format of its own, read by the native core in one piece: ``load`` checks it
    and raises ValueError for a damaged copy, which is then built again.
    """
    path = _path(name, sources, version, ".bin")
    try:
        return load(path.read_bytes())
    except (OSError, ValueError):
        pass  # not there yet, unreadable or damaged: build it again
    data = build()
    _save(path, data)
    return load(data)


def _path(name: str, sources: list[str], version: str, suffix: str) -> Path:
    # Named by where the sources are, then by their state: a copy is replaced when its own sources
    # change, never by another install's (two virtual environments, or git worktrees, on one
    # machine would otherwise drop each other's copies at every start).
    place = hashlib.sha256("\n".join(os.path.abspath(s) for s in sources).encode()).hexdigest()[:8]
    return cache_dir() / f"{name}-{place}-{_key(sources, version)}{suffix}"


def _key(sources: list[str], version: str) -> str:
    parts = [f"v{version}", f"py{sys.version_info[0]}.{sys.version_info[1]}", f"m{marshal.version}", "d1"]  # d1: digest first
    for source in sources:
        st = os.stat(source)
        parts.append(f"{os.path.abspath(source)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _save(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*{path.suffix}"):  # same name and place
            if old != path:  # built from sources that have changed since
                old.unlink(missing_ok=True)
        name = path.name.rsplit("-", 2)[0]
        for old in path.parent.glob(f"{name}-" + "?" * 16 + path.suffix):  # named as before places were
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home, a full disk: the tables still work, only the next start is slower
