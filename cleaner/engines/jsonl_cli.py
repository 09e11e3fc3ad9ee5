"""``cleaner --jsonl``: JSON Lines from stdin, a file, or every *.jsonl file of a folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cleaner.engines.folder import (
    output_dir_error,
    overwrite_error,
    progress_bar,
    write_output,
)
from cleaner.engines.jsonl import RecordReport, clean_records_parallel


def run_jsonl(args, cleaner, src: str) -> int:
    if src != "-" and Path(src).is_dir():
        if refusal := output_dir_error(Path(src), args.output):
            print(f"cleaner: {refusal}", file=sys.stderr)
            return 2
        out_dir = Path(args.output).resolve()
        codes = [_one(args, cleaner, str(p), out_dir / p.relative_to(src)) for p in sorted(Path(src).rglob("*.jsonl"))]
        return max(codes, default=0)
    dst = Path(args.output) if args.output and args.output != "-" else None
    return _one(args, cleaner, src, dst)


def _one(args, cleaner, src: str, dst: Path | None) -> int:
    name = "<stdin>" if src == "-" else src
    if dst is not None and (refusal := overwrite_error(src, dst)):
        print(f"cleaner: {refusal}", file=sys.stderr)
        return 2
    report = RecordReport()
    try:
        fh = sys.stdin.buffer if src == "-" else open(src, "rb")
    except OSError as exc:
        print(f"cleaner: {name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    bar = progress_bar(_size(fh), "B", getattr(args, "progress", None))
    try:
        lines = clean_records_parallel(fh, cleaner, rule_dirs=args.rules, jobs=args.jobs or os.cpu_count() or 1,
                                       field_name=args.field, details=args.details, report=report,
                                       on_batch=bar.update if bar is not None else None)
        write_output(dst, lines)
    except OSError as exc:
        print(f"cleaner: {dst or name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
        if fh is not sys.stdin.buffer:
            fh.close()
    for number, message in report.problems:
        print(f"cleaner: {name}:{number}: {message}", file=sys.stderr)
    print(f"cleaner: {name}: {report.records} records, {report.cleaned} cleaned, {len(report.problems)} problems", file=sys.stderr)
    return 1 if report.problems else 0


def _size(fh) -> int | None:
    try:
        return os.fstat(fh.fileno()).st_size or None
    except (OSError, ValueError):
        return None
