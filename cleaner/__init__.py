"""cleaner: turn damaged Chinese web articles into clean text in one script.

Public API only; see README for examples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleaner import patterncache

patterncache.install()  # before any module of the cleaner compiles its patterns (cleaner/patterncache.py)

from cleaner.config import TARGETS, Config, DocumentTooLarge  # noqa: E402
from cleaner.model import Finding, Result, Step  # noqa: E402

if TYPE_CHECKING:
    from cleaner.io.decode import NotText, decode
    from cleaner.pipeline import Cleaner

__version__ = "0.1.0"
# The pipeline (rules, character model, OpenCC) and the decoder load on first use: `cleaner
# --help` and `--version` need none of it, and the command's Ctrl-C handling starts sooner.
_LAZY = {"Cleaner": "cleaner.pipeline", "decode": "cleaner.io.decode", "NotText": "cleaner.io.decode"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        try:
            value = getattr(importlib.import_module(_LAZY[name]), name)
        except AttributeError as exc:  # raised inside the import: not "no such name", say what
            raise ImportError(f"cleaner.{name} could not be loaded: {exc}") from exc
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names with the lazy ones (``Cleaner``, ``decode``, ``NotText``) before their first use:
    tab completion and ``help(cleaner)`` show the main class."""
    return sorted(set(globals()) | set(_LAZY))


__all__ = ["clean", "clean_bytes", "decode", "Cleaner", "Config", "Result", "Step", "Finding", "NotText", "DocumentTooLarge", "TARGETS",
           "__version__"]


def clean(text: str, *, to: str = "zh-hans", site: str | None = None) -> str:
    """Clean one article given as text.

    >>> clean("國(guó)務(wù)院")
    '国务院'
    """
    if not isinstance(text, str):
        hint = "; for bytes of unknown encoding use cleaner.clean_bytes()" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"clean() takes the article as str, not {type(text).__name__}{hint}")
    from cleaner.pipeline import Cleaner

    return Cleaner.for_config(Config(to=to, site=site)).clean(text)


def clean_bytes(data: bytes, *, to: str = "zh-hans", site: str | None = None) -> str:
    """Clean one article given as bytes of unknown encoding.

    >>> clean_bytes("國(guó)務(wù)院".encode("gbk"))
    '国务院'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        hint = "; for text use cleaner.clean()" if isinstance(data, str) else ""
        raise TypeError(f"clean_bytes() takes bytes, not {type(data).__name__}{hint}")
    from cleaner.pipeline import Cleaner

    return Cleaner.for_config(Config(to=to, site=site)).run_bytes(data, details=False).text
