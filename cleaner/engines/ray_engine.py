"""Ray Data: clean a corpus of records beyond one machine (``pip install cleaner[ray]``).

From Python, on a dataset you already have::

    import ray
    from cleaner.engines.ray_engine import CleanBatch

    ds = ray.data.read_parquet("s3://bucket/pages/")
    ds = ds.map_batches(CleanBatch, fn_constructor_kwargs={"to": "zh-hans"}, batch_format="pyarrow", concurrency=8)
    ds.write_parquet("s3://bucket/clean/")

``CleanBatch`` is a class so that each Ray worker builds its ``Cleaner`` once (rules, OpenCC
converters and the character model load on the first batch) and reuses it for every batch.

From the command line, ``cleaner --engine ray INPUT -o OUT`` reads JSON Lines or Parquet (a file or
a folder) and writes Parquet when OUT ends in ``.parquet``, JSON Lines otherwise; OUT is a folder
of part files, as Ray writes them. Records keep their order and every field; the cleaned field
replaces its input, and ``--details`` adds a ``cleaner`` column (JSON text of steps, findings and
meta).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from cleaner.config import Config


class CleanBatch:
    """A Ray Data ``map_batches`` callable: cleans one column of each batch."""

    def __init__(self, to: str = "zh-hans", site: str | None = None, field: str = "text", details: bool = False,
                 rule_dirs: list[str] | None = None, config: Config | None = None) -> None:
        from cleaner.pipeline import Cleaner

        self.field = field
        self.details = details
        self.cleaner = Cleaner(config or Config(to=to, site=site), rule_dirs=[Path(d) for d in rule_dirs or []])

    def __call__(self, batch):
        import pyarrow as pa

        texts = batch.column(self.field).to_pylist()
        urls = batch.column("url").to_pylist() if "url" in batch.column_names else [None] * len(texts)
        cleaned, details = [], []
        for text, url in zip(texts, urls):
            if not isinstance(text, str):  # missing or not text: passed through, as --jsonl does
                cleaned.append(text)
                details.append(json.dumps({"error": f"field {self.field!r} is not a string"}))
                continue
            result = self.cleaner.run(text, url=url if isinstance(url, str) else None, details=self.details)
            cleaned.append(result.text)
            if self.details:
                details.append(json.dumps({k: v for k, v in result.to_dict().items() if k != "text"}, ensure_ascii=False))
        index = batch.column_names.index(self.field)
        batch = batch.set_column(index, self.field, pa.array(cleaned, type=pa.string()))
        if self.details:
            batch = batch.append_column("cleaner", pa.array(details, type=pa.string()))
        return batch


def read(path: str):
    """A Ray dataset of the records under ``path`` (JSON Lines or Parquet, by file suffix)."""
    import ray

    src = Path(path)
    files = sorted(p for p in src.rglob("*") if p.is_file()) if src.is_dir() else [src]
    parquet = [str(p) for p in files if p.suffix == ".parquet"]
    jsonl = [str(p) for p in files if p.suffix in (".jsonl", ".json")]
    if not parquet and not jsonl:
        raise ValueError(f"{path}: no .jsonl, .json or .parquet files")
    if parquet and jsonl:
        raise ValueError(f"{path}: holds both JSON Lines and Parquet files; give one kind")
    return ray.data.read_parquet(parquet) if parquet else ray.data.read_json(jsonl, lines=True)


def run(src: str, dst: str, config: Config, *, rule_dirs: list[Path] | None = None, field: str = "text",
        details: bool = False, num_cpus: int | None = None) -> None:
    """Clean ``src`` into the folder ``dst`` with Ray (a local Ray unless one is running)."""
    import ray

    if not ray.is_initialized():
        ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # output in input order, record for record
    ctx.enable_progress_bars = sys.stderr.isatty()  # Ray's own bars on a terminal; quiet in logs
    if not sys.stderr.isatty():
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    ds = read(src)
    if field not in ds.schema().names:
        raise ValueError(f"{src}: records have no field {field!r}")
    # One CPU stays free for the read and write tasks: actors holding every CPU would starve them.
    workers = max(1, int(ray.available_resources().get("CPU", 1)) - 1)
    ds = ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"field": field, "details": details, "rule_dirs": [str(d) for d in rule_dirs or []], "config": config},
        batch_format="pyarrow",
        batch_size=256,
        concurrency=workers,
    )
    if dst.endswith(".parquet"):
        ds.write_parquet(dst)
    else:
        ds.write_json(dst, force_ascii=False)
