"""``cleaner rules list [DIR|FILE]``, ``cleaner rules check [DIR|FILE]`` and ``cleaner rules learn INPUT -o FILE``.

``learn`` runs the first pass of a learning run (``cleaner.furniture.learn``) over a folder or a
JSON Lines/WARC file and writes what it learned for one site as a rule file to review: one
``drop-line`` rule per learned line, its pattern the line with regex signs escaped, digit runs
as ``\\d+`` and spaces as ``\\s*``; the documents it was found in and the site's document count
in its reason and a comment; its example lines as the rule's fixtures. The file is loaded and its
examples checked before it is written; an existing file is kept unless ``--force``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.rules import RuleError, load, load_file


def check_examples(ruleset) -> list[str]:
    """Every rule must match each of its examples and none of its keeps (its fixtures)."""
    problems = []
    for site in ruleset.sites.values():
        for rule in site.rules:
            if not rule.examples:
                problems.append(f"{rule.source}: rule {rule.id!r} has no examples")
            traditional = [ch for ch in dict.fromkeys(rule.pattern.pattern) if fold_line(ch) not in ("", ch)]
            if traditional:
                # Rules see lines folded to Simplified: a Traditional character in a pattern never matches.
                problems.append(f"{rule.source}: rule {rule.id!r}: its pattern holds Traditional characters "
                                f"({''.join(traditional[:5])}), which no line has once folded; write them in Simplified")
            for ex in rule.examples:
                line = fold_line(ex)
                if not rule.pattern.search(line) or (rule.max_chars and len(line) > rule.max_chars):
                    problems.append(f"{rule.source}: rule {rule.id!r} does not match its example {ex!r}")
            for keep in rule.keeps:
                line = fold_line(keep)
                if rule.pattern.search(line) and not (rule.max_chars and len(line) > rule.max_chars) and rule.action != "replace":
                    problems.append(f"{rule.source}: rule {rule.id!r} matches its keep {keep!r}")
    return problems


def main(argv: list[str]) -> int:
    from cleaner.cli import CheckedParser  # --help to a full disk fails, as the command's own does

    p = CheckedParser(prog="cleaner rules", description="List, check and learn furniture rule files (TOML).")
    sub = p.add_subparsers(dest="cmd", metavar="{list,check,learn}")
    lsp = sub.add_parser("list", help="list the sites and rules in use: the built-in ones, and DIR's after them")
    lsp.add_argument("dir", nargs="?", type=Path, help="a folder of rule files, or one rule file")
    c = sub.add_parser("check", help="load the rules and test every rule against its examples and keeps (exit 1 on a problem)")
    c.add_argument("dir", nargs="?", type=Path, help="a folder of rule files, or one rule file (default: the built-in rules)")
    lp = sub.add_parser("learn", help="write the lines that recur across INPUT's documents as a rule file")
    lp.add_argument("input", type=Path, help="a folder, or a JSON Lines or WARC file (- or a pipe: JSON Lines)")
    lp.add_argument("-o", "--output", type=Path, required=True, help="the rule file to write (rules/SITE.toml)")
    lp.add_argument("--from", dest="key", help="the site (URL host, recognised site or folder:NAME) to write; "
                                               "default: the one with the most lines learned")
    lp.add_argument("--field", default="text", help="records: the field to learn from (default text; a dotted path reaches a nested one: content.text)")
    lp.add_argument("--force", action="store_true", help="replace an existing output file")
    args = p.parse_args(argv)
    if args.cmd is None:  # `cleaner rules` alone: what it can do, not argparse's "required: cmd"
        p.print_help(sys.stderr)
        return 2
    if args.cmd == "learn":
        from cleaner.furniture.learn_rules import learn_command

        return learn_command(args)
    try:
        ruleset = _load(args.dir)
    except RuleError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    empty = args.dir is not None and args.dir.is_dir() and not holds_rule_files(args.dir)
    if empty:  # loaded fine, as an empty folder does, but nothing of the user's was listed or checked
        print(f"cleaner: {args.dir}: {NO_RULE_FILES}", file=sys.stderr)
    if args.cmd == "list":
        lines = []
        for site in sorted(ruleset.sites.values(), key=lambda s: s.id):
            lines.append(f"{site.id}\t{site.name}\t{len(site.rules)} rules\t{site.path}")
            lines += [f"  {rule.id}\t{rule.action}\t{rule.reason}" for rule in site.rules]
        return _written(lines, 0)
    problems = check_examples(ruleset)
    for line in problems:
        print(line, file=sys.stderr)
    total = sum(len(s.rules) for s in ruleset.sites.values())
    examples = sum(len(r.examples) for s in ruleset.sites.values() for r in s.rules)
    verdict = (f"{len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems
               else f"none from {args.dir} (it holds no rule files)" if empty else "ok")
    # A check of a folder with nothing to check fails: a misspelt folder or misnamed files must not pass a CI step.
    return _written([f"{len(ruleset.sites)} sites, {total} rules, {examples} examples: {verdict}"], 1 if problems or empty else 0)


def _written(lines: list[str], code: int) -> int:
    """``code`` once ``lines`` are on standard output; a write that fails (a full disk: ``> /dev/full``,
    standard output closed: ``>&-``) is one line and exit 1, as a cleaning run's, not an internal error. A reader that went away
    (``| head``) is the caller's: BrokenPipeError goes on up."""
    from cleaner.io.output import write_stream

    try:
        write_stream("".join(line + "\n" for line in lines))  # standard output closed (`>&-`): an OSError too
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"cleaner: <stdout>: {exc.strerror or exc}; output cut short", file=sys.stderr)
        return 1
    return code


NO_RULE_FILES = "holds no rule files (*.toml); nothing of it was loaded"


def holds_rule_files(folder: Path) -> bool:
    """Whether a rule folder holds a file ``load`` reads (``*.toml``)."""
    return any(folder.glob("*.toml"))


def _load(path: Path | None):
    """The built-in rules, with a folder's rule files or one rule file (``learned.toml``) after them.

    One file is checked as a folder holding only it would be: it may replace a built-in site of
    its id, its rule ids must be its own, and the sites it extends must exist.
    """
    if path is not None and not path.exists():
        raise RuleError(f"{path}: no such rule file or folder")
    if path is None or not path.is_file():
        return load([path] if path else None)
    ruleset = load(None)
    site = load_file(path)
    ruleset.sites.pop(site.id, None)  # a later file with the same site id wins, as in a folder
    others = {rule.id: other.id for other in ruleset.sites.values() for rule in other.rules}
    for rule in site.rules:
        if rule.id in others:
            raise RuleError(f"{rule.source}: rule id {rule.id!r} already defined by site {others[rule.id]!r}")
    for parent in site.extends:
        if parent not in ruleset.sites:
            raise RuleError(f"{site.path}: extends unknown site {parent!r}")
    ruleset.sites[site.id] = site
    return ruleset
