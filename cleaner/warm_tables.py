"""The tables a process builds once, on first use, that no warm-up text reaches.

Each stage builds its tables on the first page that needs them (a word list read from a TOML
file, a pattern made from it, a code page's characters). ``workers.warm_up`` builds them in the
parent before the workers fork, so that they are built once and shared, not once in every worker
(and not charged to a worker's first pages): most by cleaning its warm-up texts, which reach every
table a repair needs; a table only some kinds of page reach (a list row, a byline of names, a
caption) is registered here by the module that owns it, and ``build`` makes each.

A loader registered is a cached function (``functools.lru_cache``) whose arguments, if any, are
given here: calling it again costs a lookup. tests/test_warm_tables.py holds warm_up to leaving no
cached table of no argument cold that a page of the fixtures then builds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Loader = TypeVar("Loader", bound=Callable)

_LOADERS: list[tuple[Callable, tuple]] = []


def table(loader: Loader, *args: object) -> Loader:
    """Register ``loader`` (called with ``args``) as a table ``build`` makes; returns it, so that it
    serves as a decorator (``@warm_tables.table`` over ``@lru_cache``)."""
    _LOADERS.append((loader, args))
    return loader


def build() -> None:
    """Make every registered table (each loader keeps what it made)."""
    for loader, args in _LOADERS:
        loader(*args)
