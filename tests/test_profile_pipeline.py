"""benchmarks/profile_pipeline.py: its stages cover what the pipeline calls.

``--timer`` charges the time of any function the pipeline calls that is no stage to "(the rest)";
a stage added to ``Cleaner._run`` (``_phases``) without a line in ``STAGES`` hid 15 % of the crawl mix there
(the other-script re-read), read as the pipeline's own overhead.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import profile_pipeline  # noqa: E402

# Called by the pipeline and not timed on their own, each for a reason: they wrap stages that are
# timed inside them, run only with details (the profiles run without), or only on a page with
# "?" or a title.
UNTIMED = {
    ("cleaner.repair.question_marks", "tried"),  # wraps the re-reads, timed inside
    ("cleaner.repair.lone_signs", "spaced_dots"),  # pages whose spans were re-read from GBK only: one substitution
    ("cleaner.leftovers", "tags_out_of_lines"),  # --keep-markup only: the profile's mixes strip markup
    ("cleaner.leftovers", "markup_taken"),  # bounds the markup step's count, run with the count (model.CountedLater)
    ("cleaner.repair.question_marks", "with_marks"),  # pages with "?" only
    ("cleaner.repair.question_marks", "unread"),
    ("cleaner.lost_chars", "lost_character_marks"),
    ("cleaner.repair.other_scripts", "marked_phrases"),  # pages with U+FFFD only: one search
    ("cleaner.repair.mojibake", "count_rare"),  # the title's gate
    ("cleaner.repair.latin_layers", "shows_misread_utf8"),  # a gate after a peel: one scan of a page's lead bytes
    ("cleaner.repair.mojibake", "MojibakeRepair"),  # a type
    ("cleaner.repair.annotations", "shift_spans"),  # handed to one_byte.repair, timed inside it
    ("cleaner.subtitles", "except_subtitles"),  # wraps the hard-wrap joins (timed) in one subtitles.kind test
    ("cleaner.badness", "script_shares"),  # details only
    ("cleaner.badness", "unrecoverable"),
    ("cleaner.script.fold", "script_class"),
    ("cleaner.script.convert", "convert"),  # the title, details only
    ("cleaner.script.convert", "widened_over_converted"),  # pages with unrepaired mojibake: 4 characters a side
    ("cleaner.script.convert", "beside_marks"),  # converted pages with U+FFFD only: 4 characters a side of each run
    ("cleaner.repair.one_byte", "reads"),  # converted pages with U+FFFD only: one_byte's edits of each marked line, converted
    ("cleaner.codelines", "except_code"),  # wraps fullwidth punct; its code_spans is a stage
}


def _module_functions_used_by_run() -> set[tuple[str, str]]:
    """(module, name) of every ``module.name`` that ``Cleaner._phases`` (the body of ``_run``) refers to."""
    tree = ast.parse((ROOT / "cleaner" / "pipeline.py").read_text("utf-8"))
    modules = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cleaner"):
            for alias in node.names:
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    run = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_phases")
    used: set[tuple[str, str]] = set()

    def visit(node: ast.AST, shadowed: frozenset[str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.Lambda)) and node is not run:  # its parameters hide modules
            shadowed = shadowed | {a.arg for a in node.args.args}
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in modules and node.value.id not in shadowed:
                used.add((modules[node.value.id], node.attr))
        for child in ast.iter_child_nodes(node):
            visit(child, shadowed)

    visit(run, frozenset())
    return used


def _staged() -> set[tuple[str, str]]:
    return {("cleaner." + suffix.removeprefix("cleaner/").removesuffix(".py").replace("/", "."), name)
            for suffix, name in profile_pipeline.STAGES.values()}


def test_every_function_the_pipeline_calls_is_a_stage_or_untimed_for_a_reason():
    missing = _module_functions_used_by_run() - _staged() - UNTIMED
    assert not missing, f"add to profile_pipeline.STAGES (or to UNTIMED, saying why): {sorted(missing)}"


def test_every_stage_names_a_function_that_exists():
    import importlib

    for module, name in _staged():
        assert hasattr(importlib.import_module(module), name), (module, name)
