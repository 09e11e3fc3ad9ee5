"""C-speed character classes (cleaner/charclass.py) against plain set membership."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.charclass import CharClass
from cleaner.chardata import count_han
from cleaner.script.fold import script_only

MEMBERS = "國務院\U00020000\U0002a6d6-]^\\"
CLASS = CharClass(MEMBERS)
texts = st.text(alphabet=st.sampled_from(list(MEMBERS) + list("国务院abc\U00020001\U0002f800 \n")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_search_and_count_agree_with_the_set(text):
    expected = [i for i, ch in enumerate(text) if ch in MEMBERS]
    found = CLASS.search(text)
    assert (found.start() if found else None) == (expected[0] if expected else None)
    assert CLASS.count(text) == len(expected)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 60), st.integers(0, 60))
def test_holds_agrees_with_the_set_on_a_piece(text, start, end):
    # Astral characters outside the set match the class's astral range: holds must look past them.
    assert CLASS.holds(text, start, end) == any(ch in MEMBERS for ch in text[start:end])


def test_count_han_agrees_with_the_unicode_property():
    han = regex.compile(r"\p{Han}")
    text = "".join(chr(c) for c in range(0x2E00, 0xFB00)) + "\U00020000\U00031350\U0001F600 a"
    assert count_han(text) == sum(1 for ch in text if han.match(ch))


def test_script_tables_as_classes():
    traditional = CharClass(script_only("traditional"))
    assert traditional.search("国务院") is None
    assert traditional.count("國務院發展") == 3  # 國 務 發; 院 and 展 are common to both scripts


def test_a_class_only_counted_never_compiles_its_pattern():
    # A class of thousands of characters takes re 10-40 ms to compile: counting is native.
    cc = CharClass(chr(c) for c in range(0x4E00, 0xA000))
    assert cc.count("中文abc") == 2 and "pattern" not in vars(cc)
    assert cc.search("abc中") is not None and "pattern" in vars(cc)


class _CountingPattern:
    """A class's pattern that counts the scans asked of it."""

    def __init__(self, pattern):
        self.pattern, self.scans = pattern, 0

    def finditer(self, text, pos=0):
        self.scans += 1
        return self.pattern.finditer(text, pos)


def test_a_text_searched_whole_again_is_answered_without_a_scan():
    # Script conversion asks a page twice whether it holds a Traditional character: one scan.
    cc = CharClass(MEMBERS)
    counting = cc.__dict__["pattern"] = _CountingPattern(cc.pattern)
    page = "国务" * 75 + "國"
    first = cc.search(page)
    assert cc.search(page) is first and first.start() == 150
    assert counting.scans == 1
    # Another text (equal or not), or a search from a position, is searched.
    assert cc.search("".join(list(page))).start() == 150 and cc.search(page, 151) is None
    assert cc.search("国务") is None and cc.search(page).start() == 150
    assert counting.scans == 5
