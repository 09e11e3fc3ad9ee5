"""Ray Data: ``CleanBatch`` cleans one string column of each batch (``pip install cleaner[ray]``).

On a dataset you already have::

    import ray
    from cleaner.adapters.ray_data import CleanBatch

    ds = ray.data.read_parquet("s3://bucket/pages/")
    ds = ds.map_batches(CleanBatch, fn_constructor_kwargs={"to": "zh-hans"}, batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=8))
    ds.write_parquet("s3://bucket/clean/")

A class, so that each Ray worker builds its Cleaner once (``Cleaner.for_config``) and reuses it for
every batch. Every other column, and the column's own type, is kept; a value that is not a string
is passed through. ``details=True`` adds a ``cleaner`` column (JSON text of steps, findings, meta).
"""

from __future__ import annotations

import json

from cleaner.adapters.lazy_cleaner import clean_document
from cleaner.config import Config, config_from
from cleaner.pipeline import Cleaner


DETAILS = "cleaner"  # the column details=True adds


def _bytes_column(field: str, kind: str) -> str:
    # Bytes would pass through uncleaned, row by row, with nothing said (probe37u F4).
    return (f"CleanBatch: column {field!r} holds {kind}, not text; decode it first "
            "(or clean each value with Cleaner.run_bytes, which detects its encoding)")


class CleanBatch:
    """A Ray Data ``map_batches`` callable over pyarrow batches."""

    def __init__(self, config: Config | None = None, *, field: str = "text", details: bool = False, **options) -> None:
        self.field = field
        self.details = details
        self.cleaner = Cleaner.for_config(config_from(config, options, "CleanBatch()"))

    def __call__(self, batch):
        """A pyarrow table (``batch_format="pyarrow"``); also Ray's default numpy batches (a dict
        of column arrays) and pandas frames, returned in their own format."""
        names = list(batch.column_names if hasattr(batch, "column_names") else batch.keys())
        if self.field not in names:
            raise KeyError(f"CleanBatch: the batch has no column {self.field!r} (its columns: {', '.join(names)}); "
                           "pass field=NAME")
        if self.details and DETAILS in names:  # pyarrow would hold two, unreadable; pandas would lose the user's
            raise ValueError(f"CleanBatch: the batch already has a column {DETAILS!r}, which details=True adds; rename it")
        if not hasattr(batch, "column_names"):
            return self._columns(batch)
        import pyarrow as pa

        values = batch.column(self.field).to_pylist()
        if any(isinstance(v, bytes) for v in values):  # binary of any layout: plain, large, view, dictionary
            raise TypeError(_bytes_column(self.field, str(batch.schema.field(self.field).type)))
        cleaned, details = self._clean(values,
                                       *(batch.column(c).to_pylist() if c in names and c != self.field else None
                                         for c in ("url", "title")))
        index = batch.column_names.index(self.field)
        batch = batch.set_column(index, batch.schema.field(index), pa.array(cleaned, type=batch.schema.field(index).type))
        if self.details:
            batch = batch.append_column(DETAILS, pa.array(details, type=pa.string()))
        return batch

    def _columns(self, batch):
        """A dict of numpy arrays or a pandas frame: the column replaced, in the batch's own kind."""
        import numpy as np

        values = list(batch[self.field])
        if any(isinstance(v, bytes) for v in values):  # beside missing values (None, NaN, pd.NA) or text too
            raise TypeError(_bytes_column(self.field, "bytes"))
        cleaned, details = self._clean(values,
                                       *(list(batch[c]) if c in batch and c != self.field else None for c in ("url", "title")))
        batch = batch.copy()
        batch[self.field] = np.array(cleaned, dtype=object)
        if self.details:
            batch[DETAILS] = np.array(details, dtype=object)
        return batch

    def _clean(self, texts: list, urls: list | None, titles: list | None) -> tuple[list, list[str]]:
        """The column cleaned (a value that is not text, or a failure, passed through) and, with
        ``details`` or for a failure, each row's JSON. A row's ``url`` and ``title`` columns, when
        the batch has them, name its site and its own title (as a WARC page's record carries)."""
        cleaned, details = [], []
        for text, url, title in zip(texts, urls or [None] * len(texts), titles or [None] * len(texts)):
            out, result, failed = clean_document(self.cleaner, text, url, title=title, details=self.details)
            self._came_to(text, out, result, failed)
            cleaned.append(out)
            if failed:  # passed through unchanged, as JSON Lines runs do
                details.append(json.dumps({"error": f"field {self.field!r}: {failed}"}, ensure_ascii=False))
            elif self.details:
                details.append(json.dumps({k: v for k, v in result.to_dict().items() if k != "text"}, ensure_ascii=False))
        return cleaned, details

    def _came_to(self, text, out, result, failed) -> None:
        """What one row came to: nothing here (the Ray engine counts it for its run's report)."""
