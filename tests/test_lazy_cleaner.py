"""The adapters' shared part (cleaner/lazy_cleaner.py)."""

import pickle

from cleaner.adapters.lazy_cleaner import LazyCleaner


class Step(LazyCleaner):
    def __init__(self, to="zh-hans", site=None):
        self.to, self.site = to, site


def test_built_on_first_use_and_left_behind_when_pickled():
    step = Step(to="zh-tw")
    assert step._cleaner is None
    assert step.cleaner.clean("软件") == "軟體" and step._cleaner is not None
    copy = pickle.loads(pickle.dumps(step))
    assert copy._cleaner is None and copy.to == "zh-tw"
    assert copy.cleaner.clean("软件") == "軟體"
