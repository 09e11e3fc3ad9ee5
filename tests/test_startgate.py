"""The start gate of the mojibake re-read (cleaner/repair/startgate.py, native/src/startgate.rs).

The gate may only refuse a start the full re-read would refuse too: the repairs must give the same
text, count and findings with the gate as with every start let through. The native gate, built
once per page and asked per window, must answer every window as the Python original
(tests/reference_startgate.py) answers it on the window alone.
"""

import random

import pytest
import reference_startgate
from damage import damage_cell, matrix_cells, misdecode, naive_s2t, source_text
from hypothesis import given
from hypothesis import strategies as st
from native_inputs import SETTINGS, clean_line, damaged_line, text_inputs

from cleaner.repair import decoders, mojibake, startgate
from conftest import FIXTURES

# Clean text dense with what opens re-read windows: rare names and characters, kana, Greek,
# 「」 quotes, Latin letters with accents, numbers.
CLEAN = [
    "会议由邬书林主持，鑫森淼焱垚五人出席。当地有勐养、勐笼、勐旺三个版纳。",
    "这部电视剧的日文片名为白い春，去年播出；她的名字一般写作おりょう，出生在京都。",
    "这个名字的希腊文写作Εωσφόρος，意思是带来光的人。軍用載具能抵抗飛彈或砲彈的襲擊。",
    "长宗我部元亲在领内实行「一领具足」制度，因此集结约两万人。蔚（《诗经》）、牡菣（《尔雅》）。",
    "慕容皝在統治遼東時即仿效晉制，諡號“章皇后”，韫嫁给王羲之的儿子。Café 與 naïve 之間。",
]


def _texts() -> list[str]:
    texts = list(CLEAN)
    for path in sorted((FIXTURES / "clean").glob("*.txt")) + sorted((FIXTURES / "seeds" / "expected-zh-hans").glob("*.txt"))[:3]:
        texts.append(path.read_text("utf-8")[:1200])
    return texts + [naive_s2t(t) for t in texts]


def _damaged(texts: list[str]) -> list[str]:
    rng = random.Random(17)
    out = []
    for k, (source, decoder, errors) in enumerate(matrix_cells()):
        text = source_text(texts[k % len(texts)][:400], source)
        scope = ("page", "lines", "spans")[k % 3]
        out.append(damage_cell(text, source, decoder, errors, scope, rng))
    return out


def _ungate(monkeypatch) -> None:
    """Every start let through, and every view and source read, as before the gate."""
    monkeypatch.setattr(startgate.PageGate, "window", lambda self, lo, hi, stop, open_=False: startgate.WindowGate(None, self.pairs))


def _results(texts: list[str]) -> list[tuple]:
    return [(mojibake.repair_single_byte(t), mojibake.repair_utf8_as_gbk(t))
            for t in texts]


def test_the_gate_changes_no_result(monkeypatch):
    texts = _texts()
    texts += _damaged(texts) + _short_spans(texts)
    gated = _results(texts)
    _ungate(monkeypatch)
    assert _results(texts) == gated


def _short_spans(texts: list[str]) -> list[str]:
    """One to three characters misread inside clean lines: starts near a mojibake's edges."""
    rng = random.Random(3)
    out = []
    for k, (source, decoder, errors) in enumerate(matrix_cells()):
        line = source_text(texts[k % len(texts)][:60], source)
        at, width = rng.randrange(len(line) - 3), rng.randint(1, 3)
        out.append(line[:at] + misdecode(line[at : at + width], source, decoder, errors) + line[at + width :])
    return out


def _windows(text: str):
    """The windows ``_fix_run`` gives ``_repair_window``: (window, lo, stop) around rare
    characters, ``lo`` its offset in ``text``."""
    for m in mojibake._CJK_RUN.finditer(text):
        for lo, hi, stop in mojibake._rare_windows(m.group()):
            yield m.group()[lo:hi], m.start() + lo, stop - lo


def test_a_refused_start_is_one_the_re_read_refuses():
    # The gate's promise itself, start by start: nothing _best_span finds at a refused start
    # passes the tests _repair_window applies, and reading only the views and sources it lets
    # through finds what reading all of them finds (short misread spans put starts at a
    # mojibake's edges).
    texts = _texts()
    refused = narrowed = 0
    for text in texts + _damaged(texts) + _short_spans(texts):
        page = mojibake._cjk_gate(text)
        for window, lo, stop in _windows(text):
            gate = page.window(lo, lo + len(window), stop, open_=mojibake._MARK.search(window) is not None)
            for i in range(stop):
                readings = gate.readings(i)
                assert gate.may_start(i) == (readings is None or bool(readings))
                if readings is None:
                    continue
                full = mojibake._best_span(window, i, "", False)
                if readings:
                    # Only the readings let through are read, and they give what all of them give.
                    assert mojibake._best_span(window, i, "", False, readings=readings) == full, (window, i)
                    narrowed += 1
                    continue
                refused += 1
                j, fixed, codec, *_ = full
                assert not (j > i + 1 and mojibake._marked(window, i, j, codec) and mojibake._evidence(window, i, j, codec)
                            and mojibake._reads_better(fixed, window[i:j])), (window, i)
    assert refused > 1000 and narrowed > 100


def _count_best_span(monkeypatch) -> list[int]:
    calls = [0]
    original = mojibake._best_span

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(mojibake, "_best_span", counted)
    return calls


def test_clean_text_with_rare_characters_costs_few_re_reads(monkeypatch):
    calls = _count_best_span(monkeypatch)
    for text in CLEAN:
        assert mojibake.repair_utf8_as_gbk(text).text == text
    native = calls[0]
    # The gate's own share, without the native refusal (tests/test_refusal.py) after it.
    monkeypatch.setattr(mojibake, "_refusal", lambda: None)
    calls[0] = 0
    for text in CLEAN:
        assert mojibake.repair_utf8_as_gbk(text).text == text
    gated = calls[0]
    _ungate(monkeypatch)
    calls[0] = 0
    for text in CLEAN:
        mojibake.repair_utf8_as_gbk(text)
    # Measured: 37 of 131 starts; most are refused by their bytes alone. With the native
    # refusal, Python reads from none of them.
    assert calls[0] > 50 and gated * 3 < calls[0] and native == 0


def _gate(window: str) -> startgate.WindowGate:
    return mojibake._cjk_gate(window).window(0, len(window), len(window))


def test_misread_text_is_let_through_where_a_reading_starts():
    broken = "发展".encode("utf-8").decode("gbk")  # 鍙戝睍
    window = "abc 这是 " + broken + "是"
    gate = _gate(window)
    assert gate.may_start(window.index(broken))  # where the UTF-8 bytes begin
    # "abc 这是" read from any of its starts breaks off before the mojibake in every source (the
    # space before it reads as itself, and on into the UTF-8 bytes).
    assert not any(gate.may_start(i) for i in range(window.index(broken) - 1))


def test_a_start_past_the_last_mark_is_refused_and_a_lost_byte_lets_every_start_through():
    window = "会议由邬书林主持"
    marks = [k for k, ch in enumerate(window) if mojibake._rare_known().match(ch)]
    gate = _gate(window)
    assert not any(gate.may_start(i) for i in range(marks[-1] + 1, len(window)))
    holed = window + "\ufffd"
    assert mojibake._window_gate(mojibake._cjk_gate(holed), holed, 0, 0, len(holed), len(holed)).readings(0) is None


def test_a_window_is_answered_within_its_own_bounds():
    # The same misread characters, as a window of their own and as the end of a longer one:
    # a reading may not run past the window's end.
    broken = "发展".encode("utf-8").decode("gbk")
    page = mojibake._cjk_gate("这是" + broken)
    assert page.window(2, 2 + len(broken), 1).may_start(0)
    assert not page.window(2, 3, 1).may_start(0)
    with pytest.raises(ValueError):
        page.window(2, 99, 1)
    with pytest.raises(ValueError):
        page.window(2, 3, 2)  # starts beyond the window


# --- the native gate against the Python original (tests/reference_startgate.py) -------------

VIEWS = {"cjk": (mojibake.CJK_VIEWS, mojibake._CJK_MIN_WIDE), "single": (mojibake.SINGLE_VIEWS, mojibake._SINGLE_MIN_WIDE)}


def _mojibake_line(line: str) -> str:
    """A line with a stretch misread in the middle: windows over both clean and misread text."""
    k = len(line) // 3
    return line[:k] + line[k : 2 * k].encode("utf-8").decode("gbk", errors="replace") + line[2 * k :]


pages = st.lists(st.one_of(text_inputs, damaged_line(), clean_line.map(_mojibake_line)), min_size=1, max_size=4).map("".join)


@SETTINGS
@given(text=pages, views=st.sampled_from(sorted(VIEWS)), marked=st.booleans(), max_span=st.sampled_from([2, 3, 5, 1024]),
       region=st.sampled_from([1, 7, 64, startgate.REGION]), data=st.data())
def test_the_native_gate_answers_every_window_as_the_python_original(text, views, marked, max_span, region, data):
    # Windows asked in any order, of a gate covering the page a region at a time.
    if not text:
        return
    views, min_wide = VIEWS[views]
    marks = mojibake._rare_known() if marked else None
    page = startgate.PageGate(text, views, marks, min_wide, max_span, region=region)
    for _ in range(4):
        lo = data.draw(st.integers(0, len(text) - 1))
        hi = data.draw(st.integers(lo + 1, min(len(text), lo + 40)))
        window = text[lo:hi]
        window_marks = None if marks is None else [m.start() for m in marks.finditer(window)]
        oracle = reference_startgate.StartGate(window, views, window_marks, min_wide, max_span)
        native = page.window(lo, hi, len(window), open_="\ufffd" in window)
        for i in range(len(window)):
            expected = oracle.readings(i)
            assert native.readings(i) == (None if expected is None else frozenset(expected)), (window, i)
            assert native.may_start(i) == oracle.may_start(i)


def test_the_native_gate_answers_the_windows_of_real_pages_as_the_python_original():
    # Every window the repair asks about on clean and misread pages, and the single-byte runs.
    texts = _texts()
    asked = 0
    for text in texts + _damaged(texts) + _short_spans(texts):
        page = mojibake._cjk_gate(text)
        for window, lo, stop in _windows(text):
            marks = [k for k, ch in enumerate(window) if mojibake._rare_known().match(ch)]
            is_open = mojibake._MARK.search(window) is not None
            oracle = reference_startgate.StartGate(window, mojibake.CJK_VIEWS, marks, mojibake._CJK_MIN_WIDE, mojibake.MAX_SPAN, open_=is_open)
            native = page.window(lo, lo + len(window), stop, open_=is_open)
            for i in range(stop):
                expected = oracle.readings(i)
                assert native.readings(i) == (None if expected is None else frozenset(expected)), (window, i)
                asked += 1
        single = startgate.PageGate(text, mojibake.SINGLE_VIEWS, None, mojibake._SINGLE_MIN_WIDE, mojibake.MAX_SPAN)
        for m in mojibake._SINGLE_RUN.finditer(text):
            span = m.group()
            oracle = reference_startgate.StartGate(span, mojibake.SINGLE_VIEWS, None, mojibake._SINGLE_MIN_WIDE, mojibake.MAX_SPAN)
            native = single.window(m.start(), m.end(), len(span), open_="\ufffd" in span)
            assert [native.may_start(i) for i in range(len(span))] == [oracle.may_start(i) for i in range(len(span))], span
    assert asked > 1000


# --- the original's own promises (its byte views and readings) ---------------------------------


def test_running_counts_agree_with_utf8_like():
    rng = random.Random(5)
    for _ in range(300):
        data = bytes(rng.choice((rng.randrange(0x80, 0xC0), rng.randrange(0xE0, 0xF0), rng.randrange(0, 0x100)))
                     for _ in range(rng.randrange(0, 80)))
        view = reference_startgate._View("", decoders.GBK_FAMILY, ())
        view.data = data
        start = rng.randrange(0, len(data) + 1)
        end = rng.randrange(start, len(data) + 1)
        assert view.utf8_like(start, end) == startgate.utf8_like(list(data[start:end]))


@pytest.mark.parametrize("source", ["utf-8", "gbk", "big5"])
def test_a_reading_reaches_only_as_far_as_reread_reads(source):
    from cleaner.repair import reread

    rng = random.Random(source)
    for _ in range(200):
        data = bytes(rng.randrange(0x20, 0x100) for _ in range(rng.randrange(1, 12)))
        view = reference_startgate._View("", decoders.GBK_FAMILY, ())
        view.data = data
        items, _ = reread.read(list(data), source, decoders.GBK_FAMILY)
        covered = items[-1][1] if items else 0
        assert view.reaches(source, 0, covered)
        if covered < len(data):
            assert not view.reaches(source, 0, covered + 1)


def test_the_next_start_is_the_first_with_a_reading():
    gate = startgate.WindowGate({2: 1, 5: 0, 7: 3}, (("gbk", "utf-8"), ("gbk", "big5")))
    assert [gate.next_start(i) for i in range(9)] == [2, 2, 2, 7, 7, 7, 7, 7, None]
    assert startgate.WindowGate(None, ()).next_start(4) == 4


@given(bits=st.dictionaries(st.integers(0, 20), st.integers(0, 3), max_size=8) | st.none(),
       accepted=st.lists(st.integers(0, 20), unique=True, max_size=6).map(sorted) | st.none(),
       i=st.integers(0, 20), more=st.integers(1, 8))
def test_the_window_s_next_start_is_where_its_start_by_start_walk_stops(bits, accepted, i, more):
    gate, stop = startgate.WindowGate(bits, (("gbk", "utf-8"), ("gbk", "big5"))), i + more

    def passed(k: int) -> bool:  # _repair_window's test of a start it passes over
        readings = gate.readings(k)
        return (readings is not None and not readings) or (accepted is not None and k not in accepted)

    walk = i + 1
    while walk < stop and passed(walk):
        walk += 1
    assert mojibake._next_start(gate, accepted, i, stop) == walk
