"""scripts/fit_furniture.py: the fit's objective and the rows its regression reads.

Session 21 added two variants (docs/furniture.md, "A refit, tried and not kept"): threshold and
margin chosen on page-weighted characters, and a regression on the lines the score decides alone.
The defaults stay the method the shipped weights were fitted with.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import fit_furniture as fit  # noqa: E402


def rows(**overrides) -> dict[str, np.ndarray]:
    """Two pages of two lines each: one feature, the furniture line scoring 1, the article line 0."""
    a = {
        "x": np.array([[1.0], [0.0], [1.0], [0.0]]),
        "art": np.array([0.0, 10.0, 0.0, 10.0]),
        "other": np.array([10.0, 0.0, 10.0, 0.0]),
        "inside": np.zeros(4, dtype=bool),
        "title": np.zeros(4, dtype=bool),
        "has_body": np.ones(4, dtype=bool),
        "forced": np.zeros(4, dtype=bool),
        "candidate": np.zeros(4, dtype=bool),
        "pos": np.array([0, 1, 0, 1]),
        "page_weight": np.array([1.0, 1.0, 0.25, 0.25]),
    }
    a.update(overrides)
    return a


def test_the_cost_counts_raw_characters_unless_asked_to_weigh_pages():
    a = rows()
    weights, bias = np.array([2.0]), -1.0  # the furniture lines score 1, the article lines -1
    assert fit.cost(a, weights, bias, threshold=2.0, margin=0.0) == (20.0, 0.0)  # nothing removed
    assert fit.cost(a, weights, bias, threshold=2.0, margin=0.0, weighted=True) == (12.5, 0.0)
    assert fit.cost(a, weights, bias, threshold=-2.0, margin=0.0, weighted=True) == (0.0, 12.5)


def test_the_regression_reads_only_the_scored_lines_when_asked(monkeypatch):
    # A headline row (kept whatever its score) that looks like furniture but is article: read, it
    # pulls the feature's weight down; left out, the weight is the scored rows' alone.
    a = rows(x=np.array([[1.0], [0.0], [1.0], [0.0], [1.0]]), art=np.array([0.0, 10.0, 0.0, 10.0, 10.0]),
             other=np.array([10.0, 0.0, 10.0, 0.0, 0.0]), inside=np.zeros(5, dtype=bool),
             title=np.array([False, False, False, False, True]), has_body=np.ones(5, dtype=bool),
             forced=np.zeros(5, dtype=bool), candidate=np.zeros(5, dtype=bool), pos=np.array([0, 1, 0, 1, 2]),
             page_weight=np.ones(5))
    monkeypatch.setattr(fit, "SCORED_ONLY", False)
    every_row = fit.fit_rows(a, lost_cost=12.0)[5][0]
    monkeypatch.setattr(fit, "SCORED_ONLY", True)
    scored = fit.fit_rows(a, lost_cost=12.0)[5][0]
    assert scored > every_row


def test_the_held_out_portal_set_is_never_among_those_read():
    assert not set(fit.HELD_OUT) & set(fit.PORTAL_SETS)
    assert not fit.SCORED_ONLY and not fit.WEIGHTED_OBJECTIVE  # the shipped weights' method


def test_a_page_cost_is_its_share_of_the_article_floored_and_capped():
    assert fit.page_cost((30, 0), 600) == 30 / 600
    assert fit.page_cost((0, 6), 600) == fit.SEARCH_LOST_COST * 6 / 600  # lost weighs more than leftover
    assert fit.page_cost((30, 0), 10) == 30 / fit.FLOOR  # a page of a few words does not rule
    assert fit.page_cost((10**6, 0), 1000) == fit.PAGE_COST_CAP  # nor does one of huge kept lists


def _page(chars: int = 1000) -> fit.DecidePage:
    return fit.DecidePage(("a\nb", (), "a\nb", None), {0: (1, 0), 1: (0, 1)}, chars, "site", False)


def test_the_search_takes_the_step_that_lowers_the_cost_unless_a_guard_page_changes(monkeypatch):
    # A made-up stage: the cost falls as the bias rises to 0; the guard page's output changes once
    # the bias passes -1. The search must stop at -1 however much lower the cost is beyond it.
    monkeypatch.setattr(fit, "evaluate", lambda pages, model: [(int(100 * abs(model.bias)), 0) for _ in pages])
    monkeypatch.setattr(fit, "stage_texts", lambda guards, model: ["changed" if model.bias > -1 else "same" for _ in guards])
    monkeypatch.setattr(fit, "active_features", lambda pages, model: [set() for _ in pages])
    start = fit.generic.Model(**{**vars(fit.generic.load_model()), "bias": -4.0})
    found = fit.search([_page()], start, guards=[("guard",)], rounds=(1.0,))
    assert found.bias == -2.0  # -4 + 2: the step to -3.0 or -2.0 lowers the cost; -2 is best and allowed
    found = fit.search([_page()], found, guards=[("guard",)], rounds=(1.0, 0.5))
    assert found.bias == -1.0  # 0.0 would cost nothing, but the guard page changes there
    unguarded = fit.search([_page()], found, guards=[], rounds=(1.0,))
    assert unguarded.bias == 0.0  # without the guard the search goes on: the guard refused the step


def test_the_search_counts_what_the_stage_removes_by_the_lines_labels():
    # A page whose first line is the site's domain (furniture the score removes: no rule nor
    # family takes it) over a paragraph (article): with the shipped weights the line goes and
    # nothing is lost; with a bias far down it stays; a bias far up still takes no article
    # sentence (the stage's guards run, not the score alone). A page, as the fit's pages are: it
    # has its title (a text without one and without any page furniture is judged by no score,
    # text_kind.py).
    text = "www.example.com.cn\n" + "今年以来，本市新建了十二座公园，市民出门五百米就能走进绿地，周末去公园散步的人越来越多。" * 3
    from cleaner import Cleaner

    args = fit.stage_call(Cleaner(to="keep"), text, "本市新建十二座公园_示例网")
    lines = args[0].split("\n")
    counts = {0: (0, len(fit.bench.comparable(lines[0]))), 1: (len(fit.bench.comparable(lines[1])), 0)}
    page = fit.DecidePage(args, counts, counts[1][0], "site", False)
    shipped = fit.generic.load_model()
    assert fit.evaluate([page], shipped) == [(0, 0)]
    keep_all = fit.generic.Model(**{**vars(shipped), "bias": -1000.0})
    assert fit.evaluate([page], keep_all) == [(counts[0][1], 0)]
    take_all = fit.generic.Model(**{**vars(shipped), "bias": 1000.0})
    assert fit.evaluate([page], take_all) == [(0, 0)]  # the stage's own guard: position alone takes no sentence


def test_the_search_takes_no_step_that_loses_more_article(monkeypatch):
    # Past a bias of -2 the made-up stage keeps less furniture but loses article: the mean cost
    # still falls (leftover falls faster), yet the step is refused.
    def evaluate(pages, model):
        return [(int(100 * abs(model.bias)), 1 if model.bias > -2 else 0) for _ in pages]

    monkeypatch.setattr(fit, "evaluate", evaluate)
    monkeypatch.setattr(fit, "stage_texts", lambda guards, model: [])
    monkeypatch.setattr(fit, "active_features", lambda pages, model: [set() for _ in pages])
    start = fit.generic.Model(**{**vars(fit.generic.load_model()), "bias": -4.0})
    assert fit.search([_page()], start, guards=[], rounds=(1.0, 1.0)).bias == -2.0
