"""How large a result's record (``Result.to_dict`` minus the text: ``--details``, ``--json``, the
adapters' metadata) is against its text, on the dev pages and on two worst shapes.

    .venv/bin/python benchmarks/details_size.py [CORPUS]

CORPUS (default ``../shared/corpora/webpages``) holds ``original/ID.html``; each page is cleaned as
``cleaner page.html --details`` cleans it (``run_bytes``, details on). Totals only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402


def record_size(result) -> int:
    return len(json.dumps({k: v for k, v in result.to_dict().items() if k != "text"}, ensure_ascii=False))


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora" / "webpages"
    cleaner = Cleaner()
    pages = sorted((corpus / "original").glob("*.html"))
    text = details = worst = 0
    for page in pages:
        result = cleaner.run_bytes(page.read_bytes())
        size = record_size(result)
        text, details, worst = text + len(result.text), details + size, max(worst, size)
    print(f"dev pages: {len(pages)}, text {text:,} characters, details {details:,} ({details / max(text, 1):.0%}), largest {worst:,}")
    shapes = {"a 300,000-character menu line": "正文。\n" * 3 + "首页 | 新闻 | 体育 | " * 20000 + "\n",
              "20,000 U+FFFD runs": "正文。\n" * 3 + "\ufffd中" * 20000 + "\n"}
    for name, shape in shapes.items():
        result = cleaner.run(shape)
        print(f"{name}: input {len(shape):,} characters, details {record_size(result):,}, findings {len(result.findings):,}")


if __name__ == "__main__":
    main()
