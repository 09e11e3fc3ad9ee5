"""JSON Lines: clean one field of each record, keep every other field, stream line by line.

Memory stays flat in the input size: one record is held at a time, or, with worker processes, a
bounded number of batches (``IN_FLIGHT`` per worker, each at most ``BATCH_BYTES``). Output keeps
the input order. A line that is not a JSON object, or whose field is not a string, is reported
with its line number; a malformed line is dropped from the output (it cannot be written back as
a record), a record without a usable field is passed through unchanged.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from cleaner.config import DocumentTooLarge
from cleaner.engines import folder as batch
from cleaner.pipeline import Cleaner

BATCH_BYTES = 1 << 20  # records sent to a worker at a time
IN_FLIGHT = 2  # batches queued per worker: enough to keep it busy, few enough to bound memory


@dataclass
class RecordReport:
    records: int = 0
    cleaned: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)


def clean_records(lines: Iterable[bytes], cleaner: Cleaner, *, field_name: str = "text", details: bool = False,
                  report: RecordReport, first_number: int = 1) -> Iterator[str]:
    """Yield one output line (with its newline) per usable input line."""
    for number, raw in enumerate(lines, first_number):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            report.problems.append((number, f"not UTF-8 (byte {exc.start + 1})"))
            continue
        except json.JSONDecodeError as exc:
            report.problems.append((number, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict):
            report.problems.append((number, "not a JSON object"))
            continue
        report.records += 1
        value = record.get(field_name)
        if not isinstance(value, str):
            why = "has no" if value is None else "has a non-string"
            report.problems.append((number, f"{why} field {field_name!r}; passed through unchanged"))
            yield json.dumps(record, ensure_ascii=False) + "\n"
            continue
        url = record.get("url") if isinstance(record.get("url"), str) else None
        try:
            result = cleaner.run(value, url=url, details=details)
        except DocumentTooLarge as exc:
            report.problems.append((number, f"field {field_name!r} is too large ({exc}); passed through unchanged"))
            yield json.dumps(record, ensure_ascii=False) + "\n"
            continue
        if result.changed:
            report.cleaned += 1
        record[field_name] = result.text
        if details:
            record["cleaner"] = {k: v for k, v in result.to_dict().items() if k != "text"}
        yield json.dumps(record, ensure_ascii=False) + "\n"


def clean_records_parallel(lines: Iterable[bytes], cleaner: Cleaner, *, rule_dirs=None, jobs: int, field_name: str = "text",
                           details: bool = False, report: RecordReport,
                           on_batch: Callable[[int], None] | None = None) -> Iterator[str]:
    """``clean_records`` over worker processes, in input order; ``on_batch(bytes)`` after each batch.

    Workers build their own Cleaner from ``cleaner.config`` and ``rule_dirs``. An input that fits
    in one batch is cleaned here by ``cleaner``: starting workers (each loads the character
    model) costs more than it saves.
    """
    batches = _batches(lines)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None or jobs < 2:
        number = 1
        for part in chain([first], [] if second is None else [second], batches):
            yield from clean_records(part, cleaner, field_name=field_name, details=details, report=report, first_number=number)
            number += len(part)
            if on_batch:
                on_batch(sum(map(len, part)))
        return
    with batch.worker_pool(jobs, cleaner.config, rule_dirs) as pool:
        pending: deque = deque()
        number = 1
        for part in chain((first, second), batches):
            pending.append(pool.submit(_clean_batch, part, number, field_name, details))
            number += len(part)
            if len(pending) >= IN_FLIGHT * jobs:
                yield from _merge(pending.popleft().result(), report, on_batch)
        while pending:
            yield from _merge(pending.popleft().result(), report, on_batch)


def _batches(lines: Iterable[bytes]) -> Iterator[list[bytes]]:
    part: list[bytes] = []
    size = 0
    for raw in lines:
        part.append(raw)
        size += len(raw)
        if size >= BATCH_BYTES:
            yield part
            part, size = [], 0
    if part:
        yield part


def _clean_batch(part: list[bytes], first_number: int, field_name: str, details: bool) -> tuple[list[str], RecordReport, int]:
    report = RecordReport()
    out = list(clean_records(part, batch._worker_cleaner, field_name=field_name, details=details, report=report,
                             first_number=first_number))
    return out, report, sum(map(len, part))


def _merge(done: tuple[list[str], RecordReport, int], report: RecordReport, on_batch) -> list[str]:
    out, part_report, size = done
    report.records += part_report.records
    report.cleaned += part_report.cleaned
    report.problems.extend(part_report.problems)
    if on_batch:
        on_batch(size)
    return out
