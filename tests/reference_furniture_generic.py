"""Reference oracle for the native score of the generic furniture model (native/src/furniture_py.rs,
``FurnitureScorer``), kept from cleaner/furniture/generic.py: the Python original, unchanged, so
that property tests can check that the native one gives the same for every line. Not part of the
product.
"""

from __future__ import annotations

from cleaner.furniture.generic import Model


def score(features: dict[str, float], model: Model) -> float:
    return model.bias + sum(model.weights[k] * v for k, v in features.items() if v)
