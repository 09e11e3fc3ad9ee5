"""Does ``re`` skip ahead in a pattern's search? (for the tests of patterns searched on every line).

A search tries the pattern at each position in turn, unless the compiled pattern names what a
match starts with: a literal prefix, or a set of first characters; then ``re`` jumps from one such
character to the next. A pattern that opens with a repeat (``·+``), a look-around, or an
alternative that can match nothing (``(?:^|\\s*)``) names none, and is tried at every character
of the text: tens of µs a page of Chinese text where a few would do (session 39's profile).
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # noqa: PLC2701 - re's own reading of what a pattern starts with


def skips_ahead(pattern: re.Pattern) -> bool:
    """Does ``pattern`` name its match's literal prefix or its first characters to ``re``?"""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    prefix, _, _ = _compiler._get_literal_prefix(parsed, pattern.flags)  # noqa: SLF001
    return bool(prefix) or bool(_compiler._get_charset_prefix(parsed, pattern.flags))  # noqa: SLF001
