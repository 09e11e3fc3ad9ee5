"""``cleaner rules list``, ``cleaner rules check [DIR]`` and ``cleaner rules learn INPUT -o FILE``.

``learn`` runs the first pass of a learning run (``cleaner.furniture.learn``) over a folder or a
JSON Lines/WARC file and writes what it learned for one site as a rule file to review: one
``drop-line`` rule per learned line, its pattern the line with regex signs escaped, digit runs
as ``\\d+`` and spaces as ``\\s*``; the documents it was found in and the site's document count
in its reason and a comment; its example lines as the rule's fixtures. The file is loaded and its
examples checked before it is written; an existing file is kept unless ``--force``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.rules import RuleError, load


def check_examples(ruleset) -> list[str]:
    """Every rule must match each of its examples and none of its keeps (its fixtures)."""
    problems = []
    for site in ruleset.sites.values():
        for rule in site.rules:
            if not rule.examples:
                problems.append(f"{rule.source}: rule {rule.id!r} has no examples")
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
    p = argparse.ArgumentParser(prog="cleaner rules")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    c = sub.add_parser("check")
    c.add_argument("dir", nargs="?", type=Path)
    lp = sub.add_parser("learn", help="write the lines that recur across INPUT's documents as a rule file")
    lp.add_argument("input", type=Path, help="a folder, or a JSON Lines or WARC file")
    lp.add_argument("-o", "--output", type=Path, required=True, help="the rule file to write (rules/SITE.toml)")
    lp.add_argument("--from", dest="key", help="the site (URL host, recognised site or folder:NAME) to write; "
                                               "default: the one with the most lines learned")
    lp.add_argument("--field", default="text", help="records: the field to learn from (default text)")
    lp.add_argument("--force", action="store_true", help="replace an existing output file")
    args = p.parse_args(argv)
    if args.cmd == "learn":
        from cleaner.furniture.learn_rules import learn_command

        return learn_command(args)
    try:
        ruleset = load([args.dir] if getattr(args, "dir", None) else None)
    except RuleError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    if args.cmd == "list":
        for site in sorted(ruleset.sites.values(), key=lambda s: s.id):
            print(f"{site.id}\t{site.name}\t{len(site.rules)} rules\t{site.path}")
            for rule in site.rules:
                print(f"  {rule.id}\t{rule.action}\t{rule.reason}")
        return 0
    problems = check_examples(ruleset)
    for line in problems:
        print(line, file=sys.stderr)
    total = sum(len(s.rules) for s in ruleset.sites.values())
    examples = sum(len(r.examples) for s in ruleset.sites.values() for r in s.rules)
    print(f"{len(ruleset.sites)} sites, {total} rules, {examples} examples: {'ok' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0
