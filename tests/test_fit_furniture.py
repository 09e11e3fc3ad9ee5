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
    assert fit.HELD_OUT not in fit.PORTAL_SETS
    assert not fit.SCORED_ONLY and not fit.WEIGHTED_OBJECTIVE  # the shipped weights' method
