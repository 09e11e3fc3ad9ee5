"""The part every framework adapter shares: settings that pickle, a Cleaner built in the worker.

Frameworks (datatrove, data-juicer) pickle a pipeline step to send it to each worker process.
OpenCC objects do not pickle, and building the cleaner where the step is declared would waste
the work anyway, so a step carries only its ``Config`` and takes the process's Cleaner for it
(``Cleaner.for_config``) on first use.
"""

from __future__ import annotations

from cleaner.config import Config


def config_from(config: Config | None, options: dict) -> Config:
    """A step's Config: the one given, or one made from keyword options (``to``, ``rule_dirs``, ...)."""
    if config is not None and options:
        raise TypeError(f"give a Config or options, not both (got {', '.join(sorted(options))})")
    return config if config is not None else Config(**options)


class LazyCleaner:
    """Mixin: ``self.cleaner``, the Cleaner of ``self.config`` in this process."""

    config: Config

    @property
    def cleaner(self):
        from cleaner.pipeline import Cleaner

        return Cleaner.for_config(self.config)
