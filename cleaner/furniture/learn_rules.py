"""``cleaner rules learn INPUT -o rules/SITE.toml``: what a first pass learned, as a rule file to review.

A learned table is forgotten after its run; a rule file keeps it, can be read and edited by a
person, and applies to single pages too (which learn nothing). One ``drop-line`` rule per learned
line: the pattern is the line as rules see it (folded to Simplified), anchored, with regex signs
escaped, digit runs as ``\\d+`` and spaces as ``\\s*`` (counters and dates vary from page to
page); the reason says in how many of the site's documents it was found; the example is a real
line, so ``cleaner rules check`` tests the rule against it.

Lines of one template that differ only in a name after a key (``来源：江南晨报 编辑：张三`` and
``…编辑：李四``: a byline with each editor) are one rule, the name a slot of two to four Han
characters, with every line as its example: a new editor's line matches it, and the reviewer reads
one rule. Examples are written as the pages write them (the learning pass keeps the script:
``Config(to="keep")``); a pattern is folded to Simplified, as every rule's pattern is.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from cleaner.config import Config
from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.learn import Learned
from cleaner.furniture.rules import RuleError, RuleSet, load_text

_META = set("\\.+*?()|[]{}^$#&-~")
_PIECES = re.compile(r"(\d+(?:[,.:]\d+)*)|(\s+)|(.)", re.S)  # a number as learn.normalise sees one
_SITE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


# A name after a key's colon, ending the line, a field or a bracket (编辑：张三 来源：…, （编辑：张三）): a template's slot.
_NAME_FIELD = re.compile(r"[:：]\s*([\u4e00-\u9fff·]{2,4})(?=[\s)）\]】]|$)")
NAME_SLOT = r"[\p{Han}·]{2,4}"


def _escaped(text: str) -> str:
    out = []
    for digits, space, char in _PIECES.findall(text):
        out.append(r"\d+(?:[,.:]\d+)*" if digits else r"\s*" if space else "\\" + char if char in _META else char)
    return "".join(out)


def name_slots(folded: str) -> list[tuple[int, int]]:
    """Where a folded line holds a name after a key (the spans of the names)."""
    return [m.span(1) for m in _NAME_FIELD.finditer(folded)]


def line_pattern(line: str, slots: tuple[int, ...] = ()) -> str:
    """An anchored pattern matching ``line`` (folded) with any digits and any spacing, and any name
    in the name slots (``name_slots``) numbered ``slots``."""
    folded = fold_line(line)
    out, last = [], 0
    for k, (a, b) in enumerate(name_slots(folded)):
        if k in slots:
            out += [_escaped(folded[last:a]), NAME_SLOT]
            last = b
    return "^" + "".join(out) + _escaped(folded[last:]) + "$"


def _template(folded: str) -> str:
    """The folded line with its names after keys and its numbers taken out: lines of one template
    share it."""
    pieces, last = [], 0
    for a, b in name_slots(folded):
        pieces.append(folded[last:a])
        last = b
    return re.sub(r"\d+", "0", "\0".join([*pieces, folded[last:]]))


def _grouped(entries: list) -> list[tuple[int, list[str], tuple[int, ...]]]:
    """(documents, examples, name slots generalised) per rule: the lines of one template that differ
    in names after keys are one rule, those names a slot (documents: their counts added up); the
    rest one rule each."""
    groups: dict[str, list] = {}
    for (count, example), _ in entries:
        folded = fold_line(example)
        key = _template(folded) if name_slots(folded) else f"\1{len(groups)}"
        groups.setdefault(key, []).append((count, example.strip(), [folded[a:b] for a, b in name_slots(folded)]))
    out = []
    for members in groups.values():
        varying = tuple(k for k in range(len(members[0][2])) if len({names[k] for _, _, names in members}) > 1)
        if varying:
            out.append((sum(c for c, _, _ in members), [ex for _, ex, _ in members], varying))
        else:
            out += [(c, [ex], ()) for c, ex, _ in members]
    return sorted(out, key=lambda g: (-g[0], g[1][0]))


def toml_string(value: str) -> str:
    """A TOML string: literal ('…', backslashes as they are) when it can be, else basic."""
    if "'" not in value and not any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def rule_file(learned: Learned, key: str, site_id: str) -> str:
    """The rule file's text for the lines learned for ``key``, most frequent first."""
    docs = learned.site_docs.get(key, 0)
    entries = sorted(((learned.counts[(key, norm)], norm) for norm in learned.lines.get(key, ())), key=lambda e: (-e[0][0], e[1]))
    host = "." in key and ":" not in key and " " not in key
    out = [f"# Learned by `cleaner rules learn` from {docs} document(s) of {key!r}: {len(entries)} line(s) that recur.",
           "# Review before use: delete any rule whose line is article text, widen patterns that are too narrow.",
           "", "[site]", f"id = {toml_string(site_id)}", f"name = {toml_string(f'{key} (learned)')}"]
    if host:
        out.append(f"hosts = [{toml_string(key)}]")
    else:
        # Without a host the site could be chosen by text, but a recurring line may be a slogan
        # other sites carry too: the likeliest signature is proposed, commented out, for review.
        # Until then the rules apply with `--site ID`.
        out += ["# No hosts: a rule file without hosts or signatures is selected by no page. Add",
                "# hosts = [\"www.example.com\"] (the site's URL host), or clean with --site " + site_id + "."]
        plain = [ex.strip() for (count, ex), norm in entries if "0" not in norm and len(ex.strip()) >= 6]
        if plain:
            out += ["# Proposed signature: uncomment once only this site's pages carry the line.",
                    f"# signatures = [{toml_string(fold_line(plain[0]))}]"]
    for n, (count, examples, slots) in enumerate(_grouped(entries), 1):
        said = f"{len(examples)} lines of one template, the names after a key differing" if slots else "a line"
        out += ["", f"# in about {count} of {docs} documents" + (f"; {len(examples)} lines, the names a slot" if slots else ""), "[[rule]]",
                f"id = {toml_string(f'{site_id}/learned-{n:03d}')}", 'action = "drop-line"',
                f"pattern = {toml_string(line_pattern(examples[0], slots))}",
                f"reason = {toml_string(f'learned: {said}, in about {count} of {docs} documents of {key}')}",
                f"examples = [{', '.join(toml_string(ex) for ex in examples)}]"]
    return "\n".join(out) + "\n"


def learn_input(src: Path, config: Config, field: str = "text", log=None) -> Learned:
    """The first pass of a learning run over a folder or a records file, nothing cleaned or written.

    ``log`` (a Report) is told what could not be read, each file or break once: a run that learns
    before it cleans tells these in its cleaning pass, but this pass is the only one, and a rule
    file learned from a download cut short must not pass for one learned from the whole of it."""
    from cleaner.engines.report import Recorder, Report

    log = log if log is not None else Recorder()
    if src.is_dir():
        from cleaner.engines.folder import Job, _group, learn_folder, plan

        report = Report(echo=False)  # only its writeback: nothing is written in this pass
        # What the folder's plan cannot read (a dangling link, a file it may not open) is told to
        # ``log`` as a cleaning run tells it, and counts against the run's exit code (review46).
        jobs = [Job(s, d, o, k, False, report.writeback, group=_group(src, s)) for s, d, o, k in plan(src, src, log, None)]
        return learn_folder(jobs, config, 1, None, log=log)[0]
    from cleaner.engines.jsonl import learn_lines
    from cleaner.engines.records_source import record_lines, refuse_unopenable, stream_lines
    from cleaner.furniture.learn import Learner
    from cleaner.io.kinds import input_kind
    from cleaner.io.once import reads_once

    if not reads_once(src):
        refuse_unopenable(str(src))
    learner = Learner()
    kind = input_kind(src.name)
    # One pass only: a pipe or standard input (JSON Lines) is read once, as a stream.
    lines = stream_lines(str(src), log=log, use="learned from") if reads_once(src) else \
        record_lines(str(src), kind if kind == "warc" else "jsonl", log=log, use="learned from")
    learn_lines(learner, lines, config, field=field, group="file:" + src.name)
    return learner.learned()


def learn_command(args) -> int:
    """``cleaner rules learn``: exit 0 written, 1 written from what could be read (a file or a
    compressed stream broke off: each told in one line), 2 refused (bad input, existing output,
    nothing learned)."""
    from cleaner.furniture.rules_cli import check_examples
    from cleaner.io.kinds import input_kind
    from cleaner.io.once import reads_once, shown_name
    from cleaner.io.output import is_discard, is_stream, output_file_error, overlap_error, shown_path, stdout_input_error, write_output

    def refuse(message: str) -> int:
        print(f"cleaner: {message}", file=sys.stderr)
        return 2

    out: Path = args.output
    to_stdout = is_stream(str(out))  # `-o -`, as the main command takes it
    nameless = to_stdout or is_discard(str(out))  # `-o /dev/null`: learned and told, written nowhere
    site_id = out.stem
    if not nameless:
        if str(args.output).endswith(("/", os.sep)) or out.is_dir():
            return refuse(f"{out}: is a folder; give the rule file's path ({out / 'SITE.toml'}): its name is the site id")
        if refusal := output_file_error(out):  # a link, FIFO or device: before the learning pass, not after it
            return refuse(refusal)
        if not _SITE_ID.match(site_id):
            return refuse(f"{out}: the file name is the site id; use letters, digits, '_', '-' or '.'")
        if out.exists() and not args.force:
            return refuse(f"{out}: exists; give --force to replace it")
    if to_stdout and (refusal := stdout_input_error([args.input])):  # `-o - >> crawl.jsonl`: the rules would end the records
        return refuse(refusal)
    if str(args.input) == "-" and sys.stdin is None:  # `<&-`: Python leaves sys.stdin None
        return refuse("<stdin>: standard input is closed; give a file, or pipe JSON Lines in")
    once = reads_once(args.input)  # `-`, a pipe, /dev/fd/N: JSON Lines, read once (this pass is the only one)
    if not once and not args.input.exists():
        return refuse(f"{args.input}: No such file or directory")
    if once and input_kind(args.input.name) == "warc":
        return refuse(f"{args.input}: a WARC input is read with seeks; save it to a file first")
    if not once and not args.input.is_dir() and input_kind(args.input.name) not in ("jsonl", "warc"):
        # One page has no lines that recur across documents: there is nothing to learn from it.
        return refuse(f"{args.input}: not a folder or a records file; `rules learn` takes a folder of pages, "
                      "or a JSON Lines or WARC file of many documents")
    if not nameless and (refusal := overlap_error(out, [args.input])):  # a rule file in the folder would be cleaned as a page
        return refuse(refusal)
    from cleaner.io.jsonl import BadField, field_path

    try:  # a dotted path reaches a nested field, as for cleaning (--field content.text)
        field_path(args.field)
    except BadField as exc:
        return refuse(str(exc))
    # The pages' own script (to="keep"): the examples are lines as the pages write them; lines are
    # counted folded to Simplified either way (learn.normalise), and patterns are folded.
    from cleaner.engines.records_source import InputError
    from cleaner.engines.report import Report

    unread = Report()  # told as they happen, `cleaner: WHERE: why`, as a cleaning run tells them
    try:
        learned = learn_input(args.input, Config(to="keep"), args.field, log=unread)
    except InputError as exc:  # unreadable, or a compressed file damaged before its first record: as a cleaning run refuses it
        return refuse(f"{shown_name(args.input)}: {exc}")
    if not learned:
        return refuse(f"{args.input}: no line recurs in enough of its {learned.documents} document(s) to be learned")
    key = args.key or max(learned.lines, key=lambda k: (len(learned.lines[k]), k))
    if key not in learned.lines:
        return refuse(f"{key!r}: nothing learned for it; learned: {', '.join(sorted(learned.lines))}")
    if nameless:  # no file name to take the site id from: the learned site's own name
        site_id = re.sub(r"[^A-Za-z0-9_.-]+", "-", key.split(":")[-1]).strip("-.") or "learned"
    text = rule_file(learned, key, site_id)
    try:
        site = load_text(text, f"<{out.name if not to_stdout else 'stdout'}>")  # it must load and pass validation first
        problems = check_examples(RuleSet(sites={site.id: site}))
    except RuleError as exc:
        return refuse(f"internal error: the learned rule file does not load: {exc}")
    if problems:
        return refuse(f"internal error: the learned rules miss their examples: {problems[0]}")
    try:
        write_output(None if to_stdout else out, [text.encode("utf-8")])
    except BrokenPipeError:
        raise
    except OSError as exc:
        if to_stdout:  # a full disk under `> rules.toml`: as every command's output to standard output (rules_cli._written)
            print(f"cleaner: <stdout>: {exc.strerror or exc}; output cut short", file=sys.stderr)
            return 1
        return refuse(f"{shown_path(exc.filename) or out}: {exc.strerror or exc}")
    others = sorted(set(learned.lines) - {key})
    print(f"cleaner: {'<stdout>' if to_stdout else out}: {len(site.rules)} rule(s) learned from {learned.site_docs[key]} document(s) of {key}"
          + (f"; also learned (give --from): {', '.join(others[:5])}" if others else "")
          + (f"; {len(unread.failed)} input(s) not read to their end (above)" if unread.failed else ""), file=sys.stderr)
    return 1 if unread.failed else 0
