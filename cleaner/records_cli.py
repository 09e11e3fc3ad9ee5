"""``cleaner --jsonl``: JSON Lines from stdin, a file, or every *.jsonl file of a folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .records import RecordReport, clean_records


def run_jsonl(args, cleaner, src: str) -> int:
    if src != "-" and Path(src).is_dir():
        if not args.output:
            print(f"cleaner: {src}: is a directory; give an output directory with -o", file=sys.stderr)
            return 2
        out_dir = Path(args.output).resolve()
        if out_dir == Path(src).resolve() or Path(src).resolve() in out_dir.parents:
            print(f"cleaner: {out_dir}: output directory must not be inside the input directory {src}", file=sys.stderr)
            return 2
        codes = [_one(args, cleaner, str(p), out_dir / p.relative_to(src)) for p in sorted(Path(src).rglob("*.jsonl"))]
        return max(codes, default=0)
    dst = Path(args.output) if args.output and args.output != "-" else None
    return _one(args, cleaner, src, dst)


def _one(args, cleaner, src: str, dst: Path | None) -> int:
    name = "<stdin>" if src == "-" else src
    if dst is not None and src != "-" and dst.exists() and dst.resolve() == Path(src).resolve():
        print(f"cleaner: {dst}: refusing to overwrite the input", file=sys.stderr)
        return 2
    report = RecordReport()
    try:
        fh = sys.stdin.buffer if src == "-" else open(src, "rb")
    except OSError as exc:
        print(f"cleaner: {name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        lines = clean_records(fh, cleaner, field_name=args.field, details=args.details, report=report)
        if dst is None:
            for line in lines:
                sys.stdout.write(line)
            sys.stdout.flush()
        else:
            _write_stream_atomic(dst, lines)
    except OSError as exc:
        print(f"cleaner: {dst or name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()
    for number, message in report.problems:
        print(f"cleaner: {name}:{number}: {message}", file=sys.stderr)
    print(f"cleaner: {name}: {report.records} records, {report.cleaned} cleaned, {len(report.problems)} problems", file=sys.stderr)
    return 1 if report.problems else 0


def _write_stream_atomic(path: Path, lines) -> None:
    """Stream lines to a temp file beside ``path``, then rename: never half an output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(lines)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
