"""cleaner: turn damaged Chinese web articles into clean text in one script.

Public API only; see README for examples.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.config import TARGETS, Config
from cleaner.io.decode import NotText, decode
from cleaner.model import Finding, Result, Step
from cleaner.pipeline import Cleaner

__version__ = "0.1.0"
__all__ = ["clean", "clean_bytes", "decode", "Cleaner", "Config", "Result", "Step", "Finding", "NotText", "TARGETS", "__version__"]


@lru_cache(maxsize=16)
def _cleaner(to: str, site: str | None) -> Cleaner:
    return Cleaner(to=to, site=site)


def clean(text: str, *, to: str = "zh-hans", site: str | None = None) -> str:
    """Clean one article given as text.

    >>> clean("國(guó)務(wù)院")
    '国务院'
    """
    return _cleaner(to, site).clean(text)


def clean_bytes(data: bytes, *, to: str = "zh-hans", site: str | None = None) -> str:
    """Clean one article given as bytes of unknown encoding."""
    return _cleaner(to, site).clean(decode(data))
