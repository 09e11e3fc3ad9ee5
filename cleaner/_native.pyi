"""Type stubs of the native core (native/src/lib.rs), built by maturin into cleaner/_native.abi3.so."""

DEFAULT_SIZE_LIMIT: int

# (start, end, groups): character offsets of the match, capture groups 1..n (None: took no part).
Match = tuple[int, int, tuple[str | None, ...]]

class Pattern:
    """One pattern compiled by the regex crate: linear time; no look-around, no back-references.

    Raises ValueError (one line) for a bad pattern, look-around, back-references, or a compiled
    size above ``size_limit`` bytes.
    """

    def __init__(self, pattern: str, *, size_limit: int = ...) -> None: ...
    def search(self, text: str) -> Match | None: ...
    def finditer(self, text: str) -> list[Match]: ...
    @property
    def group_names(self) -> dict[str, int]: ...
    @property
    def groups(self) -> int: ...
    @property
    def pattern(self) -> str: ...

class LineMatcher:
    """One rule list; ``needed[i]``: strings every match of pattern i holds one of (None: unknown).

    ``match_lines`` gives, for each line, the indices of the patterns matching in it: one
    Aho-Corasick pass over the page skips patterns none of whose needed strings occur in it,
    then one RegexSet pass per line.
    """

    def __init__(self, patterns: list[str], needed: list[list[str] | None], *, size_limit: int = ...) -> None: ...
    def match_lines(self, lines: list[str]) -> list[list[int]]: ...
    def __len__(self) -> int: ...

def changed_places(old: str, new: str) -> int:
    """How many places differ between ``old`` and ``new``: the count a pipeline Step records.

    Lines aligned greedily (a line missing on one side looked for 8 lines ahead on the other);
    inside a pair of changed lines, the non-equal opcodes of ``difflib.SequenceMatcher(None, a,
    b, autojunk=False)`` between their common prefix and suffix (a change over 4000 characters
    counts once). Same count as the Python reference, tests/reference_steps.py.
    """

# Script=Han as (first, last) code points, the table the native fixers use (native/src/tables.rs).
HAN_RANGES: list[tuple[int, int]]

# The page fixers of cleaner/fixes.py (native/src/fixes.rs). Each returns the same object when
# nothing changes; lone surrogates pass through.
def fullwidth_punct(text: str) -> str: ...
def drop_nbsp_after_punct(text: str) -> str: ...
def normalize_paragraphs(text: str) -> str: ...
def halfwidth_alnum(text: str) -> str: ...
def normalize_compat_punct(text: str) -> str: ...
