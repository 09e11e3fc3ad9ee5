"""The on-disk cache of built tables (cleaner/tablecache.py): a copy, never a source of truth."""

import os

import pytest

from cleaner import tablecache


@pytest.fixture
def source(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "dict.txt"
    path.write_text("国 3\n")
    return path


def counting_build(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_second_process_reads_the_copy(source):
    build, calls = counting_build({"国": 3, "ab": {"c": 1}})
    first = tablecache.cached("t", [str(source)], "1", build)
    again = tablecache.cached("t", [str(source)], "1", build)
    assert first == again == {"国": 3, "ab": {"c": 1}}
    assert len(calls) == 1


def test_changed_source_or_version_builds_again_and_drops_the_old_copy(source):
    build, calls = counting_build([1])
    tablecache.cached("t", [str(source)], "1", build)
    source.write_text("国 3\n务 2\n")  # another size: another key
    tablecache.cached("t", [str(source)], "1", build)
    tablecache.cached("t", [str(source)], "2", build)
    assert len(calls) == 3
    assert len(list(tablecache.cache_dir().glob("t-*.marshal"))) == 1


def test_damaged_copy_is_rebuilt(source):
    build, calls = counting_build(list(range(1000)))
    tablecache.cached("t", [str(source)], "1", build)
    (copy,) = tablecache.cache_dir().glob("t-*.marshal")
    copy.write_bytes(copy.read_bytes()[:50])  # cut short, as by a full disk
    assert tablecache.cached("t", [str(source)], "1", build) == list(range(1000))
    assert len(calls) == 2
    assert tablecache.cached("t", [str(source)], "1", build) == list(range(1000))
    assert len(calls) == 2  # and the copy was written again


@pytest.mark.parametrize("damage", [b"i\x07\x00\x00\x00", b"\xda\x01x"])
def test_a_copy_damaged_into_another_value_is_rebuilt(source, damage):
    # marshal reads many damaged files as some other value (an int where a string was): the
    # caller would fail on it at every start (review27). The copy's digest says it is damaged.
    build, calls = counting_build("国务院" * 10)
    tablecache.cached("t", [str(source)], "1", build)
    (copy,) = tablecache.cache_dir().glob("t-*.marshal")
    copy.write_bytes(damage)
    assert tablecache.cached("t", [str(source)], "1", build) == "国务院" * 10
    copy.write_bytes(copy.read_bytes()[:16] + damage)  # its digest, another body
    assert tablecache.cached("t", [str(source)], "1", build) == "国务院" * 10
    assert len(calls) == 3


def test_unwritable_cache_folder_still_gives_the_table(source, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))
    build, calls = counting_build("table")
    assert tablecache.cached("t", [str(source)], "1", build) == "table"
    assert tablecache.cached("t", [str(source)], "1", build) == "table"
    assert len(calls) == 2
    assert not any(name.endswith(".tmp") for name in os.listdir(tmp_path))


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("CLEANER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tablecache.cache_dir() == tmp_path / "cleaner"


def test_another_install_keeps_its_own_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    # Two installs (virtual environments, worktrees) build from sources at other paths: each keeps
    # its copy instead of dropping the other's at every start.
    first, second = tmp_path / "a" / "dict.txt", tmp_path / "b" / "dict.txt"
    for source in (first, second):
        source.parent.mkdir()
        source.write_text("国 3\n")
    build, calls = counting_build([1])
    for _ in range(2):
        tablecache.cached("t", [str(first)], "1", build)
        tablecache.cached("t", [str(second)], "1", build)
    assert len(calls) == 2
    assert len(list(tablecache.cache_dir().glob("t-*.marshal"))) == 2


def test_a_copy_named_before_places_were_is_removed(source):
    # Copies were once named NAME-KEY.marshal: no longer read, they would stay for good.
    old = tablecache.cache_dir() / ("t-" + "0" * 16 + ".marshal")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"x")
    tablecache.cached("t", [str(source)], "1", counting_build([1])[0])
    assert not old.exists()
    assert len(list(tablecache.cache_dir().glob("t-*.marshal"))) == 1


# --- tables in a format of their own (cached_bytes), read by the native core ------------------


def _checked(data: bytes) -> bytes:
    if not data.startswith(b"TBL"):
        raise ValueError("not a table")
    return data[3:]


def test_a_byte_table_is_built_once_and_read_back(source):
    build, calls = counting_build(b"TBL\x00\x01")
    first = tablecache.cached_bytes("b", [str(source)], "1", build, _checked)
    again = tablecache.cached_bytes("b", [str(source)], "1", build, _checked)
    assert first == again == b"\x00\x01"
    assert len(calls) == 1
    (copy,) = tablecache.cache_dir().glob("b-*.bin")
    assert copy.read_bytes() == b"TBL\x00\x01"  # the table's own bytes, not marshalled


def test_a_byte_table_its_reader_refuses_is_built_again_and_saved(source):
    build, calls = counting_build(b"TBL\x02")
    tablecache.cached_bytes("b", [str(source)], "1", build, _checked)
    (copy,) = tablecache.cache_dir().glob("b-*.bin")
    copy.write_bytes(b"XX")  # damaged: the reader raises ValueError
    assert tablecache.cached_bytes("b", [str(source)], "1", build, _checked) == b"\x02"
    assert len(calls) == 2 and copy.read_bytes() == b"TBL\x02"
    source.write_text("国 3\n务 2\n")  # a changed source replaces the copy
    tablecache.cached_bytes("b", [str(source)], "1", build, _checked)
    assert len(calls) == 3 and len(list(tablecache.cache_dir().glob("b-*.bin"))) == 1


def test_a_byte_table_is_read_into_its_model_from_a_fresh_cache(tmp_path, monkeypatch):
    # The character model's table: built in an empty cache folder, read back by the next process
    # (here: the next call), a damaged copy built again; the model scores as the dict-built one.
    from cleaner import langmodel

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    built = langmodel.native_table()
    (copy,) = tmp_path.glob("charmodel-native-*.bin")
    whole = copy.read_bytes()
    read = langmodel.native_table()
    copy.write_bytes(whole[:-3])
    rebuilt = langmodel.native_table()
    assert len(whole) > 1_000_000 and copy.read_bytes() == whole  # the cut copy was written again
    for lm in (built, read, rebuilt):
        assert lm.bigram("国", "家") == langmodel.model().bigram("国", "家") != lm.unseen("家")


def test_the_dictionary_words_are_kept_as_a_table_and_read_back_as_the_same_words(tmp_path, monkeypatch):
    # The words a guess may complete (context.words): keyed once and kept with the tables, read
    # back by the next process (here: the next call) as the words the dictionary gives, a damaged
    # copy built again.
    from cleaner import _native
    from cleaner.langmodel import dictionary_path, model
    from cleaner.repair import context

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    context.words.cache_clear()
    try:
        built = context.words()
        (copy,) = tmp_path.glob("words-native-*.bin")
        whole = copy.read_bytes()
        context.words.cache_clear()
        read = context.words()
        copy.write_bytes(whole[:-5])
        context.words.cache_clear()
        rebuilt = context.words()
    finally:
        context.words.cache_clear()
    assert len(whole) > 1_000_000 and copy.read_bytes() == whole  # the cut copy was written again
    fresh = _native.Words(str(dictionary_path()))  # from the dictionary, as before the table
    lm = model().native
    text = "他说这是原声带里最好的一首歌，去而复返的人们轮流值班，软环境建设"
    for at in range(len(text)):
        for ch in (text[at], "带", "币", "班"):
            want = fresh.longest(lm, text, at, ch)
            assert built.longest(lm, text, at, ch) == read.longest(lm, text, at, ch) == rebuilt.longest(lm, text, at, ch) == want
    assert fresh.longest(lm, text, text.index("原") + 2, "带") == 3
    with pytest.raises(ValueError):
        _native.Words.from_table(whole[:-5])
