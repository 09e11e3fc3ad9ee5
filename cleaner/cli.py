"""Command line: ``cleaner [INPUT] [-o OUT]``; main(argv) -> exit code.

Exit codes: 0 fine; 1 ``--check`` found changes, some input failed, or a rule timed out (the
output is still written); 2 usage, config or input error. Errors are one line naming the input, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from cleaner import chunks
from cleaner.config import TARGETS, Config, DocumentTooLarge
from cleaner.engines.folder import (
    as_file_text,
    output_dir_error,
    overwrite_error,
    timeout_messages,
    write_output,
)
from cleaner.furniture.rules import RuleError
from cleaner.io.decode import NotText, decode


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with one line, as argparse does
        self.exit(2, f"cleaner: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cleaner", description="Turn damaged Chinese web articles into clean text.")
    p.add_argument("input", nargs="?", default="-", help="file, directory, or - for stdin (default)")
    p.add_argument("-o", "--output", help="output file, or output directory when INPUT is a directory")
    p.add_argument("--to", choices=TARGETS, default="zh-hans", help="target script (default zh-hans)")
    p.add_argument("--site", help="force a site's rules (see `cleaner rules list`)")
    p.add_argument("--url", help="the page's URL, used to recognise its site")
    p.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR", help="extra rule directory")
    p.add_argument("--explain", action="store_true", help="print steps and findings to stderr")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if the input would change")
    p.add_argument("--json", action="store_true", help="write the result as JSON (text, steps, findings, meta)")
    p.add_argument("--no-guess", action="store_true", help="do not infer lost characters; mark them with U+FFFD")
    p.add_argument("-j", "--jobs", type=int, default=0, help="worker processes for folders (default: all cores)")
    p.add_argument("--force", action="store_true", help="folders: redo outputs that are newer than their inputs")
    p.add_argument("--report", type=Path, metavar="FILE", help="folders: write each file's steps and findings as JSON Lines")
    p.add_argument("--jsonl", action="store_true", help="input is JSON Lines: clean one field of each record")
    p.add_argument("--field", default="text", help="--jsonl: the field to clean (default text)")
    p.add_argument("--details", action="store_true", help="--jsonl: add steps, findings and meta under \"cleaner\"")
    p.add_argument("--regex-timeout", type=float, default=1.0, metavar="SECONDS",
                   help="a rule searching one line longer than this is skipped and reported (default 1.0)")
    p.add_argument("--max-chars", type=int, default=0, metavar="N",
                   help="refuse documents longer than N characters (default: no limit)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="ray: clean JSON Lines or Parquet records with Ray Data into the folder -o (needs cleaner[ray])")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["rules"]:
        from cleaner.furniture.rules_cli import main as rules_main

        return rules_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        config = Config(to=args.to, site=args.site, guess_lost=not args.no_guess, regex_timeout=args.regex_timeout,
                        max_chars=args.max_chars)
        from cleaner.pipeline import Cleaner

        cleaner = Cleaner(config, rule_dirs=args.rules)
    except (RuleError, ValueError) as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    src = args.input
    if args.engine == "ray":
        return _ray(args, config, src)
    if args.jsonl:
        from cleaner.engines.jsonl_cli import run_jsonl

        return run_jsonl(args, cleaner, src)
    if src != "-" and Path(src).is_dir():
        return _folder(args, config, Path(src))
    return _single(args, cleaner, src)


def _single(args, cleaner, src: str) -> int:
    name = "<stdin>" if src == "-" else src
    try:
        text = decode(sys.stdin.buffer.read() if src == "-" else Path(src).read_bytes())  # bytes freed at once
    except NotText as exc:
        print(f"cleaner: {name}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"cleaner: {name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        result = cleaner.run(text, url=args.url, details=args.explain or args.json)
    except DocumentTooLarge as exc:
        print(f"cleaner: {name}: {exc}", file=sys.stderr)
        return 2
    if args.explain:
        _explain(name, result)
    warnings = timeout_messages([vars(f) for f in result.findings])
    for message in warnings:
        print(f"cleaner: {name}: {message}", file=sys.stderr)
    if args.check:
        changed = as_file_text(result.text) != text
        if changed:
            print(f"cleaner: {name}: would change ({len(result.steps)} kinds of step)", file=sys.stderr)
        return 1 if changed else 0
    del text  # a huge page: keep only the result from here on
    # Pieces, not one string: a huge page is encoded and written a piece at a time.
    if args.json:
        out: Iterable[str] = [json.dumps(result.to_dict(), ensure_ascii=False) + "\n"]
    else:
        out = chain(chunks.pieces(result.text), ["\n" if result.text else ""])
    dst = Path(args.output) if args.output and args.output != "-" else None
    if dst is not None and (refusal := overwrite_error(src, dst)):
        print(f"cleaner: {refusal}", file=sys.stderr)
        return 2
    try:
        write_output(dst, out)
    except OSError as exc:
        print(f"cleaner: {dst or '<stdout>'}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 1 if warnings else 0


def _folder(args, config: Config, src: Path) -> int:
    from cleaner.engines.folder import run_folder

    if refusal := output_dir_error(src, args.output):
        print(f"cleaner: {refusal}", file=sys.stderr)
        return 2
    report = run_folder(src, Path(args.output).resolve(), config, rule_dirs=args.rules, jobs=args.jobs or None, force=args.force,
                        report_path=args.report)
    for path, error in report.failed + report.warnings:
        print(f"cleaner: {path}: {error}", file=sys.stderr)
    print(f"cleaner: {report.summary()}", file=sys.stderr)
    return report.exit_code


def _ray(args, config: Config, src: str) -> int:
    if src == "-" or not args.output:
        print("cleaner: --engine ray reads a file or folder and writes a folder: give INPUT and -o OUT", file=sys.stderr)
        return 2
    dst = Path(args.output)
    if not Path(src).exists():
        print(f"cleaner: {src}: No such file or directory", file=sys.stderr)
        return 2
    if dst.exists() and (not dst.is_dir() or any(dst.iterdir())):
        print(f"cleaner: {dst}: output exists and is not an empty folder; refusing to mix runs", file=sys.stderr)
        return 2
    if refusal := overwrite_error(src, dst):
        print(f"cleaner: {refusal}", file=sys.stderr)
        return 2
    try:
        import ray  # noqa: F401 - only to tell the user what is missing

        from cleaner.engines import ray_engine
    except ImportError:
        print("cleaner: --engine ray needs Ray Data: pip install 'cleaner[ray]'", file=sys.stderr)
        return 2
    try:
        ray_engine.run(src, str(dst), config, rule_dirs=args.rules, field=args.field, details=args.details,
                       num_cpus=args.jobs or None)
    except ValueError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    print(f"cleaner: {src}: written to {dst}", file=sys.stderr)
    return 0


def _explain(name: str, result) -> None:
    err = sys.stderr
    print(f"{name}: site={result.meta.get('site') or '-'}", file=err)
    for step in result.steps:
        print(f"  step    {step}", file=err)
    for finding in result.findings:
        print(f"  finding {finding}", file=err)
    for key, value in result.meta.items():
        if key != "site":
            print(f"  meta    {key}={value}", file=err)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
