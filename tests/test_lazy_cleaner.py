"""The adapters' shared part (cleaner/adapters/lazy_cleaner.py)."""

import pickle

import pytest

from cleaner.adapters.lazy_cleaner import LazyCleaner, config_from
from cleaner.config import Config


class Step(LazyCleaner):
    def __init__(self, config=None, **options):
        self.config = config_from(config, options)


def test_one_cleaner_per_process_and_config_and_pickles_as_its_config():
    step = Step(to="zh-tw")
    assert step.cleaner.clean("软件") == "軟體"
    assert Step(Config(to="zh-tw")).cleaner is step.cleaner  # built once per process and Config
    copy = pickle.loads(pickle.dumps(step))
    assert copy.config == step.config and copy.cleaner.clean("软件") == "軟體"


def test_config_or_options_not_both():
    with pytest.raises(TypeError, match="not both"):
        Step(Config(), to="zh-tw")
