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

from cleaner.adapters.lazy_cleaner import clean_document, config_from
from cleaner.config import Config
from cleaner.pipeline import Cleaner


class CleanBatch:
    """A Ray Data ``map_batches`` callable over pyarrow batches."""

    def __init__(self, config: Config | None = None, *, field: str = "text", details: bool = False, **options) -> None:
        self.field = field
        self.details = details
        self.cleaner = Cleaner.for_config(config_from(config, options))

    def __call__(self, batch):
        import pyarrow as pa

        texts = batch.column(self.field).to_pylist()
        urls = batch.column("url").to_pylist() if "url" in batch.column_names else [None] * len(texts)
        cleaned, details = [], []
        for text, url in zip(texts, urls):
            out, result, failed = clean_document(self.cleaner, text, url, details=self.details)
            cleaned.append(out)
            if failed:  # passed through unchanged, as JSON Lines runs do
                details.append(json.dumps({"error": f"field {self.field!r}: {failed}"}, ensure_ascii=False))
            elif self.details:
                details.append(json.dumps({k: v for k, v in result.to_dict().items() if k != "text"}, ensure_ascii=False))
        index = batch.column_names.index(self.field)
        batch = batch.set_column(index, batch.schema.field(index), pa.array(cleaned, type=batch.schema.field(index).type))
        if self.details:
            batch = batch.append_column("cleaner", pa.array(details, type=pa.string()))
        return batch
