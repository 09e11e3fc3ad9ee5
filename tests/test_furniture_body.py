"""Body finding (cleaner/furniture/body.py, native/src/furniture_body.rs) held to its Python
original (tests/reference_furniture_body.py) on generated pages; the method's own cases are in
tests/test_generic_furniture.py."""

import os

import reference_furniture_body as reference
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.furniture.body import THREAD_GAP, article_end, best_run, find_body, thread_start

SETTINGS = settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60")) * 5, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def pages(draw):
    """Lines of a page as body finding reads them: lengths, prose, barriers, stamps, end markers
    (sparse flags, so that threads and ends occur), and the model's body parameters."""
    n = draw(st.integers(0, 40))
    flags = lambda rare: st.lists(st.sampled_from([False] * rare + [True]), min_size=n, max_size=n)  # noqa: E731
    lengths = draw(st.lists(st.integers(0, 600), min_size=n, max_size=n))
    prose = draw(flags(1))
    barriers = draw(st.one_of(st.just([]), flags(6)))
    stamps = draw(st.one_of(st.just([]), flags(3)))
    ends = draw(st.one_of(st.just([]), flags(8)))
    params = dict(penalty=draw(st.sampled_from([0.0, 10.0, 12.5, 40.0])), cap=draw(st.sampled_from([50, 400])),
                  ratio=draw(st.sampled_from([0.0, 0.3, 0.55, 1.0, 2.0])), spread=draw(st.sampled_from([0.5, 1.0, float("inf")])),
                  min_stamps=draw(st.integers(1, 4)), min_prose=draw(st.sampled_from([0, 1, 60, 200])))
    return lengths, prose, barriers, stamps, ends, params


@SETTINGS
@given(page=pages())
def test_native_body_agrees_with_python(page):
    lengths, prose, barriers, stamps, ends, params = page
    args = dict(barriers=barriers, stamps=stamps, ends=ends, **params)
    assert find_body(lengths, prose, **args) == reference.find_body(lengths, prose, **args)
    assert article_end(ends, lengths, prose, params["min_prose"]) == reference.article_end(ends, lengths, prose, params["min_prose"])
    for gap in (3, THREAD_GAP):
        assert thread_start(stamps, params["min_stamps"], gap) == reference.thread_start(stamps, params["min_stamps"], gap)


@SETTINGS
@given(gains=st.lists(st.one_of(st.integers(-50, 50).map(float), st.just(float("-inf"))), max_size=30), data=st.data())
def test_native_best_run_agrees_with_python(gains, data):
    lo = data.draw(st.integers(0, len(gains)))
    hi = data.draw(st.integers(lo, len(gains)))
    assert best_run(gains, lo, hi) == reference.best_run(gains, lo, hi)


def test_the_reference_gap_is_the_native_one():
    assert THREAD_GAP == reference.THREAD_GAP
