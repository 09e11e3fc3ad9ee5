"""The tables warm_up builds (cleaner/warm_tables.py, cleaner/engines/workers.py): none a page
then needs is left for a worker to build."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# In a fresh process: warm up, then clean every fixture page; print each cached function of no
# required argument (a table: a word list, a pattern made from one) that was empty after the
# warm-up and holds something after the pages.
_PROBE = r"""
import functools, inspect, sys
from pathlib import Path
from cleaner import Cleaner
from cleaner.config import Config
from cleaner.engines import workers

def tables():
    found = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("cleaner"):
            continue
        for attr, f in list(vars(module).items()):
            if not hasattr(f, "cache_info") or getattr(f, "__module__", None) != name:
                continue
            try:
                params = inspect.signature(f).parameters.values()
            except (TypeError, ValueError):
                continue
            if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
                found[f"{name}.{attr}"] = f.cache_info().currsize
    return found

workers.warm_up(Config())
warm = tables()
cleaner = Cleaner.for_config(Config())
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.is_file() and path.suffix in (".txt", ".html", ".htm") and "expected" not in path.parts:
        cleaner.run(path.read_text("utf-8", errors="replace"), details=False)
for name, size in sorted(tables().items()):
    if size and not warm.get(name):
        print(name)
"""


def test_warm_up_leaves_no_table_a_page_needs_cold():
    cold = subprocess.run([sys.executable, "-c", _PROBE, str(ROOT / "fixtures")], capture_output=True, text=True,
                          check=True, cwd=ROOT).stdout.split()
    assert cold == []


def test_a_registered_table_is_built_with_its_arguments():
    from functools import lru_cache

    from cleaner import warm_tables

    calls = []

    @lru_cache(maxsize=2)
    def loader(flag: bool = True) -> bool:
        calls.append(flag)
        return flag

    before = list(warm_tables._LOADERS)  # noqa: SLF001 - the registry, restored below
    try:
        assert warm_tables.table(loader) is loader
        warm_tables.table(loader, False)
        warm_tables.build()
        warm_tables.build()
    finally:
        warm_tables._LOADERS[:] = before  # noqa: SLF001
    assert calls == [True, False]  # each once: the loader keeps what it made
