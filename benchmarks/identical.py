"""Is the cleaner's output unchanged? Digests of every result on a fixed, diverse corpus.

    .venv/bin/python benchmarks/identical.py --save before.json   # on the code before a change
    .venv/bin/python benchmarks/identical.py --check before.json  # after it: lists what differs

A speed change (a native port, a cheaper gate) must leave every output as it was, or each
difference must be explained as a fix. The corpus: both mixes of the speed benchmark (real
Wikipedia and web-page text, furnished and damaged by ``tests/damage.py``), the seeds' pages and
the fixtures' inputs. Each page is cleaned with ``details=True`` and its text, steps, findings and
meta are digested; ``--check`` prints the pages whose text, steps or findings changed, with the
first difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def corpus() -> list[tuple[str, str]]:
    """(name, text) pairs: the speed mixes, the seeds' pages and every fixture input."""
    import speed_corpus

    pages = [(f"{mix}/{k}:{kind}", text) for mix in ("crawl", "damage")
             for k, (kind, text) in enumerate(speed_corpus.build(mix))]
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".htm") and "expected" not in path.parts:
            pages.append((str(path.relative_to(ROOT)), path.read_text("utf-8", errors="replace")))
    return pages


def digest(result) -> dict[str, str]:
    parts = {
        "text": result.text,
        "steps": "\n".join(map(str, result.steps)),
        "findings": "\n".join(f"{f.kind}@{f.position}:{f.detail}x{f.count}" for f in result.findings),
        "meta": json.dumps(result.meta, sort_keys=True, ensure_ascii=False),
    }
    return {k: hashlib.sha256(v.encode("utf-8", "surrogatepass")).hexdigest()[:16] for k, v in parts.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the digests here")
    group.add_argument("--check", type=Path, help="compare with digests written by --save")
    ap.add_argument("--show", type=int, default=5, help="differences shown in full (default 5)")
    args = ap.parse_args()

    from cleaner import Cleaner
    from cleaner.config import Config

    cleaner = Cleaner.for_config(Config())
    now: dict[str, dict[str, str]] = {}
    texts: dict[str, str] = {}
    for name, text in corpus():
        try:
            result = cleaner.run(text, details=True)
        except Exception as exc:  # noqa: BLE001 - a page that raises is a difference too
            now[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        now[name] = digest(result)
        texts[name] = result.text
    if args.save:
        args.save.write_text(json.dumps({"pages": now, "texts": texts}, ensure_ascii=False))
        print(f"saved digests of {len(now)} pages to {args.save}")
        return
    before = json.loads(args.check.read_text())
    old, old_texts = before["pages"], before["texts"]
    differ = [name for name in now if now[name] != old.get(name)]
    missing = [name for name in old if name not in now]
    print(f"{len(now)} pages: {len(now) - len(differ)} identical, {len(differ)} differ, {len(missing)} missing")
    for name in differ[: args.show]:
        fields = [k for k in ("text", "steps", "findings", "meta", "error") if now[name].get(k) != old.get(name, {}).get(k)]
        print(f"- {name}: {', '.join(fields)}")
        a, b = old_texts.get(name, ""), texts.get(name, "")
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        if a != b:
            print(f"    before: {a[max(0, at - 20): at + 40]!r}\n    after:  {b[max(0, at - 20): at + 40]!r}")
    sys.exit(1 if differ or missing else 0)


if __name__ == "__main__":
    main()
