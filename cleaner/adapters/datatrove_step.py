"""datatrove: a formatter step that cleans each document (``pip install cleaner[datatrove]``).

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.adapters.datatrove_step import ChineseCleaner

    LocalPipelineExecutor([JsonlReader("pages/"), ChineseCleaner(to="zh-hans"), JsonlWriter("clean/")], tasks=8).run()

The step is pickled to each task; its ``Cleaner`` is built there, on the first document, and kept
for the rest. The page's ``url`` metadata, when present, names its site. With ``details=True`` the
steps, findings and meta go into ``doc.metadata["cleaner"]`` as a dict; with ``details="json"`` as
its JSON text, as Ray's ``cleaner`` column holds it. Give ``"json"`` before datatrove's
``ParquetWriter``: it fixes its schema from the first documents, and the dict's shape varies from
document to document (a finding's keys, a page's meta fields, a failure's ``error``), so a later
document's dict fails the task with "Table schema does not match".
"""

from __future__ import annotations

import json
from typing import Literal

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from cleaner.adapters.lazy_cleaner import LazyCleaner, clean_document
from cleaner.config import Config, config_from


class ChineseCleaner(LazyCleaner, BaseFormatter):
    name = "🀄 cleaner"

    def __init__(self, config: Config | None = None, *, details: bool | Literal["json"] = False, **options) -> None:
        """``config``, or the Config options themselves (``to="zh-hant"``, ``rule_dirs=[...]``, ...)."""
        if details not in (False, True, "json"):
            raise ValueError(f"ChineseCleaner(): details must be True, False or 'json', not {details!r}")
        super().__init__()
        self.config, self.details = config_from(config, options, "ChineseCleaner()"), details

    def format(self, text: str) -> str:
        return self.cleaner.clean(text)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                metadata = doc.metadata if isinstance(doc.metadata, dict) else {}  # a reader may leave it None
                doc.text, result, failed = clean_document(self.cleaner, doc.text, metadata.get("url"),
                                                             title=metadata.get("title"), details=bool(self.details))
                if failed:  # passed through unchanged: counted and said, not the task's end
                    self.stat_update("failed")
                elif result.changed:
                    self.stat_update("changed")
                if self.details and "cleaner" in metadata:  # the document's own field is kept, as JSON Lines runs keep it
                    self.stat_update("own 'cleaner' metadata kept, details left out")
                elif self.details:
                    record = {"error": failed} if failed else {k: v for k, v in result.to_dict().items() if k != "text"}
                    doc.metadata = metadata
                    doc.metadata["cleaner"] = json.dumps(record, ensure_ascii=False) if self.details == "json" else record
            yield doc
