"""``cleaner --engine ray INPUT -o OUT``: clean a corpus of records with Ray Data.

JSON Lines are read as lines of bytes by our own datasource (:func:`_read_lines`), never through
Ray's JSON reader (its type inference turns a string id ``"0000"`` into the number 0 and rewrites
floats) nor its text reader (it decodes whole files strictly, so one non-UTF-8 record ends the run
in a traceback, and it splits at U+2028 and other line separators that JSON strings may hold raw,
cutting records in two). Each line goes through the same record
path as the local engine (``cleaner.engines.jsonl.clean_lines``), so every field other than the
cleaned one keeps its exact text, and a bad line is passed through and reported. The driver
writes the lines in input order into part files under OUT (``part-00000.jsonl``, ...) and replays
what each record came to into the run's Report, with ``FILE:LINE`` positions.

Parquet is read by Ray with its schema; only the cleaned string column is replaced
(``cleaner.adapters.ray_data.CleanBatch``), and ``--details`` adds a ``cleaner`` column. Each row
also says what it came to in a private column, which the driver takes off as it writes the parts in
input order and replays into the Report (``INPUT:ROW``), so the summary counts Parquet records too.

Learning (``cleaner.furniture.learn``), JSON Lines only: the driver reads every input once to count
lines (one process, streamed, in the memory the learner is bounded to; each record cleaned with its
furniture left in, ``learn.cleaned_lines``, so about two thirds of a cleaning's CPU), then each
cleaning actor gets the learned lines once, as a constructor argument, and removes them from the
records of their site (``url`` host, else recognised site, else the input file's name). Parquet
inputs are not learned from; the run says so in a note.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from cleaner.adapters.ray_data import CleanBatch
from cleaner.config import Config
from cleaner.engines.report import Recorder, Report, replay
from cleaner.io.compressed import base_name

PART_RECORDS = 100_000  # records per output part file
FILE = "<file>"  # in an event: about the file itself, not one of its lines


def _start(jobs: int | None):
    """Ray (a local one unless one is running) and how many cleaning actors to run.

    ``jobs`` actors clean; Ray is given one CPU more for the read and write tasks, which would
    starve if the actors held every CPU (with ``--jobs 1`` on a local Ray, they deadlocked).
    """
    import ray

    if not ray.is_initialized():
        # Ray (2.5x) warns on every local start that it turned token authentication on or off: a
        # line on stderr before our own, which would make a refusal two lines (an error stays one).
        logging.getLogger("ray._private.authentication").setLevel(logging.ERROR)
        ray.init(num_cpus=jobs + 1 if jobs else None, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # output in input order, record for record
    terminal = sys.stderr is not None and sys.stderr.isatty()
    ctx.enable_progress_bars = terminal
    if not terminal:
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        # Off by us (no terminal to draw them on): Ray's warning that they are off is no news
        # (its progress module logs nothing else).
        logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)
    cpus = int(ray.available_resources().get("CPU", 1))
    return ray, max(1, min(jobs or cpus, cpus - 1))


def _inputs(path: str) -> tuple[str, list[str]]:
    src = Path(path)
    files = sorted(p for p in src.rglob("*") if p.is_file()) if src.is_dir() else [src]
    parquet = [str(p) for p in files if p.suffix == ".parquet"]
    jsonl = [str(p) for p in files if base_name(p.name).endswith((".jsonl", ".ndjson", ".json"))]
    if not parquet and not jsonl:
        raise ValueError(f"{path}: no .jsonl, .ndjson, .json (each also compressed) or .parquet files")
    if parquet and jsonl:
        raise ValueError(f"{path}: holds both JSON Lines and Parquet files; give one kind")
    return ("parquet", parquet) if parquet else ("jsonl", jsonl)


class _CleanLines:
    """Ray ``map_batches`` callable: JSON Lines lines in, cleaned lines and their outcomes out."""

    def __init__(self, config: Config, field: str, details: bool, learned=None) -> None:
        self.config, self.field, self.details, self.learned = config, field, details, learned

    def __call__(self, batch: dict) -> dict:
        from cleaner.engines.jsonl import clean_lines

        out, events = [], []
        for raw, path, broke in zip(batch["raw"], batch["path"], batch["broke"]):
            if broke:  # the file broke off here: no line, one failure of the file itself
                out.append(b"")
                events.append(json.dumps([("fail", (FILE, str(broke)))]))
                continue
            log = Recorder()
            raw = bytes(raw)
            cleaned = list(clean_lines([raw], self.config, name="", field=self.field, details=self.details, log=log,
                                       learned=self.learned, group=_group(path), bom_kept=False))
            out.append(cleaned[0] if cleaned else raw)
            events.append(json.dumps(log.events, ensure_ascii=False))
        return {"path": batch["path"], "line": out, "events": events}


LINES_PER_BLOCK = 10_000


def _read_lines(ray, files: list[str]):
    """A Ray dataset of the files' lines as bytes (``raw``, ending kept) and their ``path``."""
    from ray.data.block import BlockAccessor
    from ray.data.datasource import FileBasedDatasource

    from cleaner.io.compressed import COMPRESSION_ERRORS, wrap_reader
    from cleaner.io.lines import read_lines

    class RecordLines(FileBasedDatasource):
        def resolve_compression(self, path: str, open_args: dict):
            return None  # the raw bytes: decompressed below, as the local engine does

        def _read_stream(self, f, path: str):
            lines: list[bytes] = []
            try:
                # Line by line, as the local engine reads: a file that breaks off keeps every
                # line before the break (a read of a large chunk would lose the chunk's lines).
                # Lines end where the local engine ends them (a lone CR too); a long line is held
                # whole, as a row (the local engine's pieces would be rows of their own here).
                for line in read_lines(wrap_reader(f, path), limit=sys.maxsize):
                    lines.append(line)
                    if len(lines) >= LINES_PER_BLOCK:
                        yield _block(BlockAccessor, lines)
                        lines = []
            except COMPRESSION_ERRORS as exc:
                # The lines read before the break are cleaned; the break is one failure of the
                # file (a last row with no line and the message).
                yield _block(BlockAccessor, lines, f"cannot read the compressed data ({type(exc).__name__}: {exc})")
                return
            if lines:
                yield _block(BlockAccessor, lines)

    return ray.data.read_datasource(RecordLines(files, include_paths=True))


def _block(accessor, lines: list[bytes], broke: str = ""):
    """Rows ``raw`` (a line) and ``broke`` (empty, or on a last row without a line, why the file
    could not be read on)."""
    if broke:
        lines = [*lines, b""]
    return accessor.batch_to_block({"raw": _column(lines), "broke": _column([""] * (len(lines) - 1) + [broke] if lines else [])})


def _column(lines: list):
    import numpy as np

    column = np.empty(len(lines), dtype=object)
    column[:] = lines
    return column


def _group(path: str) -> str:
    """Where records without URL or recognised site are counted: their file (as the local engine does)."""
    return "file:" + Path(str(path)).name


def learn_files(files: list[str], config: Config, field: str):
    """The first pass, in the driver: count the lines of every record of every file."""
    from cleaner.engines.jsonl import learn_lines
    from cleaner.engines.records_source import record_lines
    from cleaner.furniture.learn import Learner

    learner = Learner()
    for path in files:
        learn_lines(learner, record_lines(path, "jsonl", log=Recorder()), config, field=field, group=_group(path))
    return learner.learned()


def run(src: str, dst: str, config: Config, *, field: str = "text", details: bool = False, num_cpus: int | None = None,
        learn: bool = False) -> Report:
    """Clean ``src`` into the folder ``dst`` with Ray (a local Ray unless one is running)."""
    kind, files = _inputs(src)
    report = Report()
    learned = None
    if learn and kind == "jsonl":
        learned = learn_files(files, config, field)
        if learned:
            report.note(src, f"learned {learned.line_count()} furniture line(s) of {len(learned.lines)} site(s) "
                         f"from {learned.documents} record(s)")
        learned = learned.for_workers() if learned else None
    ray, workers = _start(num_cpus)
    if kind == "parquet":
        try:
            ds = ray.data.read_parquet(files)
            schema = ds.schema()
        except ValueError as exc:  # pyarrow's ArrowInvalid ('Parquet magic bytes not found ...') names no file
            raise ValueError(f"{src}: not a readable Parquet file ({exc})") from None
        if field not in schema.names:
            raise ValueError(f"{src}: records have no field {field!r}")
        column_type = str(schema.types[schema.names.index(field)])
        if column_type not in ("string", "large_string"):
            raise ValueError(f"{src}: field {field!r} is a {column_type} column, not text")
        if details and "cleaner" in schema.names:  # Ray would fail the run on a field named twice
            raise ValueError(f"{src}: records already have a column 'cleaner', which --details adds; rename it")
        if learn:  # told once the input is accepted: a refusal stays one line
            report.note(src, "learning furniture is not done for Parquet inputs (JSON Lines only)")
        ds = ds.map_batches(_CleanTable, fn_constructor_kwargs={"config": config, "field": field, "details": details},
                            batch_format="pyarrow", batch_size=256, compute=ray.data.ActorPoolStrategy(size=workers))
        _write_tables(ds, src, Path(dst), report, _written_schema(schema, details))
        return report
    ds = _read_lines(ray, files)
    ds = ds.map_batches(_CleanLines, fn_constructor_args=(config, field, details, learned), batch_format="numpy",
                        batch_size=256, compute=ray.data.ActorPoolStrategy(size=workers))
    _write_lines(ds, Path(dst), report)
    return report


class _CleanTable(CleanBatch):
    """``CleanBatch`` that also says what each row came to, in a private column (``EVENTS``) the
    driver takes off before writing."""

    def __call__(self, batch):
        import pyarrow as pa

        self._events: list[str] = []
        batch = super().__call__(batch)
        return batch.append_column(EVENTS, pa.array(self._events, type=pa.string()))

    def _came_to(self, text, out, result, failed) -> None:
        if failed:
            event = [("fail", (f"field {self.field!r}: {failed}; passed through unchanged",))]
        else:
            data = result.to_dict()
            event = [("done", (out != text, data["steps"], data["findings"], result.meta.get("site", "")))]
        self._events.append(json.dumps(event, ensure_ascii=False))


EVENTS = "__cleaner_events"  # the private column: one JSON list of (method, args without place) a row


def _written_schema(schema, details: bool):
    """The output's pyarrow schema: the input's, with ``--details``' ``cleaner`` column."""
    import pyarrow as pa

    schema = pa.schema([pa.field(name, kind) for name, kind in zip(schema.names, schema.types)])
    return schema.append(pa.field("cleaner", pa.string())) if details else schema


def _write_tables(ds, src: str, dst: Path, report: Report, schema) -> None:
    """Parquet parts of ``PART_RECORDS`` rows in input order (``part-00000.parquet``, ...), each
    written atomically, the private column taken off; each row's outcome replayed into the report
    as ``INPUT:ROW`` (rows counted over the input's files in order, from 1)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cleaner.io.output import write_atomic

    dst.mkdir(parents=True, exist_ok=True)
    tables: list = []
    held = parts = row = 0

    def flush() -> None:
        nonlocal tables, held, parts
        sink = pa.BufferOutputStream()
        pq.write_table(pa.concat_tables(tables), sink)
        write_atomic(dst / f"part-{parts:05d}.parquet", [sink.getvalue()])  # the buffer itself, not a copy
        tables, held, parts = [], 0, parts + 1

    for batch in ds.iter_batches(batch_format="pyarrow", batch_size=1024):
        for events in batch.column(EVENTS).to_pylist():
            row += 1
            for method, args in json.loads(events):
                replay(report, [(method, (f"{src}:{row}", *args))])
        tables.append(batch.drop_columns([EVENTS]))
        held += batch.num_rows
        if held >= PART_RECORDS:
            flush()
    if tables or not parts:  # an input without rows still gets its (empty) part
        tables = tables or [schema.empty_table()]
        flush()


def _write_lines(ds, dst: Path, report: Report) -> None:
    from cleaner.io.output import write_atomic

    dst.mkdir(parents=True, exist_ok=True)
    numbers: dict[str, int] = {}
    part: list[bytes] = []
    parts = 0
    for batch in ds.iter_batches(batch_format="numpy", batch_size=1024):
        for path, line, events in zip(batch["path"], batch["line"], batch["events"]):
            number = numbers[path] = numbers.get(path, 0) + 1
            for method, args in json.loads(events):
                where = path if args[0] == FILE else f"{path}:{number}"
                replay(report, [(method, (where, *args[1:]))])
            line = bytes(line)
            if not line:
                continue  # a file's break holds no line (a blank line is written back, as locally)
            part.append(line if line.endswith((b"\n", b"\r")) else line + b"\n")  # a lone CR ends a line too (cleaner.io.lines)
            if len(part) >= PART_RECORDS:
                write_atomic(dst / f"part-{parts:05d}.jsonl", part)
                part, parts = [], parts + 1
    if part or not parts:
        write_atomic(dst / f"part-{parts:05d}.jsonl", part)
