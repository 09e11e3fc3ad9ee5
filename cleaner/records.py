"""JSON Lines: clean one field of each record, keep every other field, stream line by line.

Memory stays flat in the input size: one record is held at a time. A line that is not a JSON
object, or whose field is not a string, is reported with its line number; a malformed line is
dropped from the output (it cannot be written back as a record), a record without a usable field
is passed through unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .pipeline import Cleaner


@dataclass
class RecordReport:
    records: int = 0
    cleaned: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)


def clean_records(lines: Iterable[bytes], cleaner: Cleaner, *, field_name: str = "text", details: bool = False,
                  report: RecordReport) -> Iterator[str]:
    """Yield one output line (with its newline) per usable input line."""
    for number, raw in enumerate(lines, 1):
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
        result = cleaner.run(value, url=url)
        if result.changed:
            report.cleaned += 1
        record[field_name] = result.text
        if details:
            record["cleaner"] = {k: v for k, v in result.to_dict().items() if k != "text"}
        yield json.dumps(record, ensure_ascii=False) + "\n"
