"""The part every framework adapter shares: a ``Cleaner`` built in the worker, never pickled.

Frameworks (datatrove, data-juicer) pickle a pipeline step to send it to each worker process.
OpenCC objects do not pickle, and building the cleaner where the step is declared would waste
the work anyway, so the step carries only its settings and builds the cleaner on first use.
"""

from __future__ import annotations


class LazyCleaner:
    """Mixin: ``self.cleaner`` built from ``self.to`` and ``self.site`` on first use, in this process."""

    to: str
    site: str | None
    _cleaner = None

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_cleaner"] = None  # built again in the process the step is sent to
        return state

    @property
    def cleaner(self):
        if self._cleaner is None:
            from cleaner.pipeline import Cleaner

            self._cleaner = Cleaner(to=self.to, site=self.site)
        return self._cleaner
