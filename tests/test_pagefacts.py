"""The page's one scan (cleaner/pagefacts.py, native/src/charsets.rs) answers as each class's regex."""

import re

from hypothesis import given
from hypothesis import strategies as st
from native_inputs import SETTINGS, text_inputs

from cleaner import pagefacts
from cleaner.repair import latin_layers, lone_signs, mojibake  # noqa: F401 - their classes registered

# Every class registered by the stages (lone_signs, leftovers, mojibake, latin_layers), with the
# pattern it stands for.
CLASSES = [(make(), pagefacts.any_of(make)) for make in list(pagefacts._classes)]

astral_or_surrogate = st.text(st.sampled_from(["国", "\U00020000", "\U0001f600", "\ud800", "\ufffd", "é", "\u200b"]), max_size=6)


@SETTINGS
@given(text=st.one_of(text_inputs, astral_or_surrogate, st.tuples(text_inputs, astral_or_surrogate).map("".join)))
def test_every_class_holds_as_its_pattern_searches(text):
    for pattern, holds in CLASSES:
        assert holds(text) == (pattern.search(text) is not None), pattern.pattern
        assert holds(text) == (pattern.search(text) is not None)  # asked again: the kept answer


def test_a_class_registered_after_a_scan_is_answered_for_the_same_text(monkeypatch):
    monkeypatch.setattr(pagefacts, "_classes", [])  # a registry of the test's own
    monkeypatch.setattr(pagefacts, "_sets", None)
    monkeypatch.setattr(pagefacts, "_last", (None, None))
    text = "价格\u20ac5"
    euro = pagefacts.any_of(re.compile("[\u20ac]"))
    assert euro(text)  # scanned, the answer kept
    five = pagefacts.any_of(re.compile("[5]"))  # the kept answer knew no such class
    assert five(text) and euro(text) and not five("价格") and not euro("价格")


def test_the_stages_ask_the_scan():
    assert len(CLASSES) >= 6
    assert mojibake._looks_misread("他说鎵嬫満") and not mojibake._looks_misread("他说手机")


def _lines_by_pattern(pattern: re.Pattern, text: str, least: int) -> list[int]:
    return [k for k, line in enumerate(text.split("\n")) if len(pattern.findall(line)) >= least]


# Registered once (a class a registration): a class of the stages' and one holding the line break.
DENSE = [(pattern, least, pagefacts.lines_with(pattern, least))
         for pattern in (mojibake.rare_han_pattern(), re.compile("[鑫淼\n]")) for least in (1, 3)]


@SETTINGS
@given(lines=st.lists(st.one_of(text_inputs, astral_or_surrogate, st.text(alphabet="鑫淼焱的是\n", max_size=12)), max_size=5))
def test_the_lines_dense_with_a_class_are_those_its_pattern_counts(lines):
    from cleaner.repair import resync

    text = "\n".join(lines)
    for pattern, least, dense in DENSE:
        assert dense(text) == _lines_by_pattern(pattern, text, least)
    assert resync._rare_han_lines(text) == _lines_by_pattern(mojibake.rare_han_pattern(), text, resync.LINE_RARE_MIN)


def test_the_members_are_kept_on_disk_under_the_patterns_themselves(monkeypatch, tmp_path):
    # Reading the members over the BMP is a tenth of a cold start: a new process reads them back,
    # and a class whose pattern changed is read again, never served another's members.
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pagefacts, "_read", {})  # a new process
    euro, rare = re.compile("[\u20ac5]"), re.compile("[^\\x00-\\u4dff\\ua000-\\U0010ffff]")
    first = pagefacts._members([euro, rare])
    assert first == ["".join(p.findall(pagefacts._bmp())) for p in (euro, rare)] and list(tmp_path.iterdir())

    def unread():
        raise AssertionError("the members were read over the BMP again")

    monkeypatch.setattr(pagefacts, "_bmp", unread)
    monkeypatch.setattr(pagefacts, "_read", {})
    assert pagefacts._members([euro, rare]) == first
    monkeypatch.undo()
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pagefacts, "_read", {})
    assert pagefacts._members([re.compile("[\u20ac6]"), rare])[0] == "6\u20ac"


def test_both_waves_of_classes_are_read_back_in_the_next_process(monkeypatch, tmp_path):
    # A process registers its classes in two waves (some only once the character model is built)
    # and builds the table for each: the second wave's copy must not replace the first's, or
    # every process reads the first wave over the BMP again (0.1 s of CPU a start).
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pagefacts, "_read", {})
    euro, rare = re.compile("[\u20ac5]"), re.compile("[鑫淼]")
    first, both = pagefacts._members([euro]), pagefacts._members([euro, rare])

    def unread():
        raise AssertionError("the members were read over the BMP again")

    monkeypatch.setattr(pagefacts, "_bmp", unread)
    monkeypatch.setattr(pagefacts, "_read", {})  # the next process
    assert pagefacts._members([euro]) == first and pagefacts._members([euro, rare]) == both


def test_a_native_pass_is_handed_the_class_a_stage_registered_not_a_second_copy():
    # mojibake's rare class is scanned for by _holds_rare and asked character by character by the
    # native passes (lone rare characters, other scripts' gate): one bit of the page scan, found
    # again by its pattern, whose members are the class's.
    from cleaner.repair import mojibake

    before = len(pagefacts._classes)
    sets, index = mojibake.rare_table()
    assert len(pagefacts._classes) == before and pagefacts._classes[index]() is mojibake._rare_char()
    assert sets.scan("犇") >> index & 1 and not sets.scan("中") >> index & 1


def test_a_class_given_again_is_the_class_registered(monkeypatch):
    """The native table holds 32 classes: the same compiled pattern or the same function given
    again is not a second class (this module asks every registered class again, above)."""
    monkeypatch.setattr(pagefacts, "_classes", [])
    monkeypatch.setattr(pagefacts, "_sets", None)
    monkeypatch.setattr(pagefacts, "_last", (None, None))
    euro = re.compile("[\u20ac]")

    def make():
        return re.compile("[5]")

    first, again = pagefacts.any_of(euro), pagefacts.any_of(euro)
    pagefacts.any_of(make), pagefacts.any_of(make)
    assert len(pagefacts._classes) == 2
    assert first("价格\u20ac5") and again("价格\u20ac5") and not again("价格5元")
