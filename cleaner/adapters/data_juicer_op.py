"""data-juicer: a mapper that cleans the text field (``pip install cleaner[data-juicer]``).

Importing this module registers the operator as ``chinese_cleaner_mapper``, so a data-juicer
recipe can name it::

    process:
      - chinese_cleaner_mapper:
          to: zh-hans

or from Python: ``dataset.process([ChineseCleanerMapper(to="zh-hans")])``. The operator pickles
without its ``Cleaner``; each worker builds one on its first batch and keeps it.
"""

from __future__ import annotations

from dataclasses import fields

from data_juicer.ops.base_op import OPERATORS, Mapper

from cleaner.adapters.lazy_cleaner import LazyCleaner, clean_document
from cleaner.config import Config

OP_NAME = "chinese_cleaner_mapper"
_CONFIG_OPTIONS = {option.name for option in fields(Config)}


@OPERATORS.register_module(OP_NAME)
class ChineseCleanerMapper(LazyCleaner, Mapper):
    """Repair damaged Chinese web text, remove page furniture, convert to one script."""

    _batched_op = True

    def __init__(self, to: str = "zh-hans", site: str | None = None, *args, rule_dirs: list[str] | None = None,
                 guess_lost: bool = True, max_chars: int = 0, config: Config | None = None, **kwargs) -> None:
        """The Config's options by name (a recipe gives them as keys), or a whole ``config``; the
        other keys are data-juicer's (``text_key``, ``num_proc`` ...)."""
        # Every Config option by name, not only those named above: generic_furniture=False given
        # to the operator went to data-juicer's Mapper unread (probe19 D10).
        options = {name: kwargs.pop(name) for name in list(kwargs) if name in _CONFIG_OPTIONS}
        super().__init__(*args, **kwargs)
        self.config = config or Config(to=to, site=site, rule_dirs=tuple(rule_dirs or ()), guess_lost=guess_lost,
                                       max_chars=max_chars, **options)

    def process_batched(self, samples):
        # A value that is not text, or a document the cleaner fails on, passes through unchanged.
        samples[self.text_key] = [clean_document(self.cleaner, text)[0] for text in samples[self.text_key]]
        return samples
