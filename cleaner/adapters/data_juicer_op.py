"""data-juicer: a mapper that cleans the text field (``pip install cleaner[data-juicer]``).

Importing this module registers the operator as ``chinese_cleaner_mapper``, so a data-juicer
recipe can name it::

    process:
      - chinese_cleaner_mapper:
          to: zh-hans

``dj-process`` knows the operator only once this module is imported: give its path with
``--custom-operator-paths`` (``python -c 'import cleaner.adapters.data_juicer_op as m; print(m.__file__)'``),
or from Python: ``dataset.process([ChineseCleanerMapper(to="zh-hans")])``. The operator pickles
without its ``Cleaner``; each worker builds one on its first batch and keeps it.
"""

from __future__ import annotations

import difflib
import inspect
import re
from dataclasses import fields

from data_juicer.ops import base_op
from data_juicer.ops.base_op import OPERATORS, Mapper

from cleaner.adapters.lazy_cleaner import LazyCleaner, clean_document
from cleaner.config import Config, config_from

OP_NAME = "chinese_cleaner_mapper"
_CONFIG_OPTIONS = {option.name for option in fields(Config)}


def _data_juicer_options() -> frozenset[str] | None:
    """The keywords data-juicer's operators read (``kwargs.get("text_key", ...)`` in its base
    classes), from the installed version's source; None (take any) when it cannot be read."""
    try:
        source = inspect.getsource(base_op)
    except (OSError, TypeError):
        return None
    return frozenset(re.findall(r"""kwargs(?:\.get\(|\.pop\(|\[)["'](\w+)["']""", source))


_DJ_OPTIONS = _data_juicer_options()


def unknown_option(name: str) -> str | None:
    """The refusal of a keyword neither the cleaner nor data-juicer reads (``field="body"`` was
    taken silently and ``text`` cleaned), naming what was likely meant; None when it is known."""
    if _DJ_OPTIONS is None or name in _DJ_OPTIONS or name in _CONFIG_OPTIONS or name.endswith("_key"):
        return None  # data-juicer names each data field NAME_key; newer versions add some
    known = sorted(_DJ_OPTIONS | _CONFIG_OPTIONS)
    if "field" in name or "column" in name:
        meant = "text_key"  # the field to clean is data-juicer's text_key (the CLI's --field)
    else:
        meant = next(iter(difflib.get_close_matches(name, known, n=1)), None)
    hint = f"; did you mean {meant}?" if meant else f"; Config options: {', '.join(sorted(_CONFIG_OPTIONS))}"
    return f"ChineseCleanerMapper() got an unknown keyword {name!r}{hint}"


@OPERATORS.register_module(OP_NAME)
class ChineseCleanerMapper(LazyCleaner, Mapper):
    """Repair damaged Chinese web text, remove page furniture, convert to one script."""

    _batched_op = True

    def __init__(self, to: str | Config | None = None, site: str | None = None, *args, rule_dirs: list[str] | None = None,
                 guess_lost: bool | None = None, max_chars: int | None = None, config: Config | None = None, **kwargs) -> None:
        """The Config's options by name (a recipe gives them as keys), or a whole ``config`` (also
        as the first argument), not both; the other keys are data-juicer's (``text_key``, ``num_proc`` ...)."""
        if isinstance(to, Config):  # ChineseCleanerMapper(Config(...)), as every other adapter takes it
            if config is not None:
                raise TypeError("ChineseCleanerMapper(): give one Config, not two")
            config, to = to, None
        for name in kwargs:
            if refusal := unknown_option(name):
                raise TypeError(refusal)
        # Every Config option by name, not only those named above: generic_furniture=False given
        # to the operator went to data-juicer's Mapper unread (probe19 D10). Options left at None
        # were not given: beside a Config, a given one is refused, not silently ignored.
        named = {"to": to, "site": site, "rule_dirs": tuple(rule_dirs) if rule_dirs is not None else None,
                 "guess_lost": guess_lost, "max_chars": max_chars}
        options = {name: value for name, value in named.items() if value is not None}
        options.update({name: kwargs.pop(name) for name in list(kwargs) if name in _CONFIG_OPTIONS})
        super().__init__(*args, **kwargs)
        self.config = config_from(config, options, "ChineseCleanerMapper()")

    def process_batched(self, samples):
        # A value that is not text, or a document the cleaner fails on, passes through unchanged.
        # A sample's ``url`` names its site (whose rules, built-in or learned, then apply) and its
        # ``title`` the page's own title, as in every other engine and adapter.
        texts = samples[self.text_key] if self.text_key in samples else None  # data-juicer's nested dict gives None
        if texts is None:  # not 'object of type NoneType has no len()' from inside the list below
            if "." in self.text_key and self.text_key.split(".")[0] in samples:
                # A field inside a field (meta.body): the operator reads top-level fields only.
                raise KeyError(f"ChineseCleanerMapper: text_key={self.text_key!r} names a field inside "
                               f"{self.text_key.split('.')[0]!r}; nested fields are not read: put the text "
                               "in a top-level field and pass its name")
            raise KeyError(f"ChineseCleanerMapper: the samples have no field {self.text_key!r} (their fields: "
                           f"{', '.join(map(str, samples.keys()))}); pass text_key=NAME")
        urls, titles = ([None] * len(texts) if key == self.text_key else samples.get(key) or [None] * len(texts)
                        for key in ("url", "title"))
        samples[self.text_key] = [clean_document(self.cleaner, text, url, title=title)[0]
                                  for text, url, title in zip(texts, urls, titles, strict=True)]
        return samples
