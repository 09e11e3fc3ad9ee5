"""The ordered pipeline: run(text) -> Result, recording every change as a Step.

Order (each stage sees the output of the one before):

1. ``unescape_html``      HTML entities, also double-escaped
2. ``fix_mojibake``       UTF-8 read as GBK, UTF-8 read as cp1252/Latin-1
3. ``indent-artifacts``   "? ? ? ?" left by NBSP indentation (before the byte repair reads "?")
4. ``repair_pinyin``      pinyin annotations, shifted runs, lost bytes (GBK byte view)
5. ``remove_furniture``   site rules, then generic rules (matched on a script-neutral fold)
6. ``convert_script``     OpenCC chain for the target script
7. ``fix_width``          compat forms, fullwidth letters/digits, Chinese punctuation by context
8. ``normalize_whitespace`` one paragraph per line

Detectors (unrecoverable bytes, script shares) add findings and never change text; they run only
when details are asked for (``run(details=True)``, the default).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cleaner import badness, fixes
from cleaner.config import Config, DocumentTooLarge
from cleaner.furniture import boilerplate, rules
from cleaner.io.decode import decode
from cleaner.model import Finding, Result, Step
from cleaner.repair import annotations as repair
from cleaner.repair import mojibake
from cleaner.script import convert, fold


class Cleaner:
    """Build once (loads rules and converters), call many times.

    >>> Cleaner().clean("國(guó)務(wù)院")
    '国务院'
    """

    def __init__(self, config: Config | None = None, *, rule_dirs: list[Path] | None = None, **options) -> None:
        self.config = Config(**options) if config is None else config
        self.ruleset = rules.load(rule_dirs)
        if self.config.site and self.config.site not in self.ruleset.sites:
            raise rules.RuleError(f"unknown site {self.config.site!r}; known: {', '.join(sorted(self.ruleset.sites))}")

    def clean(self, text: str, **kw) -> str:
        return self.run(text, details=False, **kw).text

    def run(self, text: str, *, url: str | None = None, details: bool = True) -> Result:
        """Clean ``text``; every change is a step of the result.

        ``details=False``: skip the detectors whose findings only describe the page (script
        shares, unrecoverable characters, the title), about a fifth of the time on a clean page.
        Steps, the findings of repairs and rule time-outs, and the site are always there.
        """
        cfg = self.config
        if cfg.max_chars and len(text) > cfg.max_chars:
            raise DocumentTooLarge(f"{len(text):,} characters, over the limit of {cfg.max_chars:,} (max_chars)")
        steps: list[Step] = []
        findings: list[Finding] = []
        meta: dict[str, str] = {}

        def apply(action: str, name: str, fixer: Callable[[str], str], value: str) -> str:
            new = fixer(value)
            if new != value:
                steps.append(Step(action, name, _changed_places(value, new)))
            return new

        if cfg.unescape_html:
            text = apply("repair", "html-entities", fixes.unescape_entities, text)
        shifted = False  # the page shows the pinyin damage (asked once, answered for both repairs)
        if cfg.fix_mojibake:
            # Latin-1 first: its mojibake (æŽ¨) re-encodes to GBK too, and must not be re-read.
            text = apply("repair", "utf8-read-as-latin1", mojibake.fix_latin_mojibake, text)
            shifted = cfg.repair_pinyin and repair.looks_annotated(text)
            # On a page with the pinyin damage, a line with a "?" holds out-of-step runs full of
            # rare characters that are not double encoding: realign needs their bytes as they are.
            text, n = mojibake.fix_utf8_as_gbk(text, skip_lines_with="?" if shifted else "")
            if n:
                steps.append(Step("repair", "utf8-read-as-gbk", n))
        text = apply("whitespace", "indent-artifacts", fixes.remove_indent_artifacts, text)
        if cfg.repair_pinyin:
            # Not known to be damaged is asked again: the GBK re-read may have brought annotations back.
            rep = repair.repair_pinyin(text, guess=cfg.guess_lost, page_damaged=shifted or None)
            if rep.annotations:
                steps.append(Step("repair", "pinyin-annotations", rep.annotations))
            if rep.realigned_lines:
                steps.append(Step("repair", "shifted-runs", rep.realigned_lines))
            if rep.inserted_bytes:
                steps.append(Step("repair", "swallowed-bytes", rep.inserted_bytes))
            findings.extend(rep.findings)
            text = rep.text
        if cfg.remove_furniture:
            page = boilerplate.fold_page(text)  # folded once, for recognition and for the rules
            site = self.ruleset.sites.get(cfg.site) if cfg.site else boilerplate.recognise(self.ruleset, text, url, page=page)
            meta["site"] = site.id if site else ""
            site_id = site.id if site else None
            removal = boilerplate.remove_furniture(text, self.ruleset.rules_for(site_id), timeout=cfg.regex_timeout, page=page)
            steps.extend(Step("remove", rid, n) for rid, n in removal.counts.items())
            meta.update(removal.meta)
            findings.extend(Finding("rule-timeout", -1, rid) for rid in removal.timeouts)
            text = removal.text
        if details:
            shares = badness.script_shares(text, fold.script_class("simplified"), fold.script_class("traditional"))
            for script, share in shares.items():
                meta[f"{script}_share"] = str(share)
        if cfg.convert_script and cfg.to != "keep":
            text = apply("convert", f"opencc:{cfg.to}", lambda t: convert.convert(t, cfg.to), text)
        if cfg.fix_width:
            text = apply("width", "compat-punct", fixes.normalize_compat_punct, text)
            text = apply("width", "halfwidth-alnum", fixes.halfwidth_alnum, text)
            text = apply("width", "fullwidth-punct", fixes.fullwidth_punct, text)
        if cfg.normalize_whitespace:
            text = apply("whitespace", "paragraphs", fixes.normalize_paragraphs, text)
        if details:
            findings.extend(badness.unrecoverable(text))
            end = text.find("\n", 0, 82)
            first = text[: 82 if end < 0 else end]  # never a copy of a huge single-line page
            if first and "title" not in meta and len(first) <= 80 and not first.endswith("。"):
                meta["title"] = first
        return Result(text, steps, findings, meta)

    def run_bytes(self, data: bytes, **kw) -> Result:
        return self.run(decode(data), **kw)


def _changed_places(old: str, new: str) -> int:
    """How many places differ: count of differing characters, cheaply (1 if lengths differ)."""
    if len(old) != len(new):
        return max(1, abs(len(old) - len(new)))
    return sum(1 for a, b in zip(old, new) if a != b)
