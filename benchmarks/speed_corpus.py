"""The speed benchmark's corpus: diverse real text, never a document twice, in two stated mixes.

Documents come from the measured part of the wiki corpus (``wiki_split.measure_paragraphs``,
both scripts: consecutive paragraphs grouped into page-sized documents of 1-4 KB) and from the
article text of ``../shared/corpora/webpages/cleaned/*.txt`` (one document per article). Each
document is used once per mix. Most pages are dressed in furniture (a breadcrumb, a date and
source line, a byline, a share row, an editor line, a disclaimer, a copyright line, previous/next
links; which ones, where and with what names varies), then a share of them goes through one of
the damage processes of ``tests/damage.py`` (the whole page: furniture is damaged with the text).

Mixes (share of documents):

- ``crawl``: 80 % clean (in their own script, Simplified or Traditional), 20 % damaged, spread
  over the families (seed chain 4 %, UTF-8 read as GBK 3 %, Big5 read as GBK 3 %, UTF-8 read as
  cp1252 3 %, HTML entities 3 %, double-escaped entities 2 %, fullwidth letters and digits 2 %);
- ``damage``: 40 % clean, 60 % damaged, half of it (30 %) the seed chain and the other 30 %
  spread over the six line families (5 % each).

A fixed seed: the corpus is the same on every run and every machine with the same corpora.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(HERE))

from damage import FAMILIES, damage_lines, damage_page  # noqa: E402
from wiki_split import measure_paragraphs  # noqa: E402

WEBPAGES = ROOT.parent / "shared" / "corpora" / "webpages" / "cleaned"
SEED = 20261203

MIXES: dict[str, dict[str, float]] = {
    "crawl": {
        "clean": 0.80,
        "seed-chain": 0.04,
        "utf8-as-gbk": 0.03,
        "big5-as-gbk": 0.03,
        "utf8-as-cp1252": 0.03,
        "html-entities": 0.03,
        "html-double": 0.02,
        "fullwidth": 0.02,
    },
    "damage": {
        "clean": 0.40,
        "seed-chain": 0.30,
        "utf8-as-gbk": 0.05,
        "big5-as-gbk": 0.05,
        "utf8-as-cp1252": 0.05,
        "html-entities": 0.05,
        "html-double": 0.05,
        "fullwidth": 0.05,
    },
}
FURNISHED = 0.75  # share of pages dressed in furniture


def documents() -> list[tuple[str, str]]:
    """(source, text) of every document, in a fixed order; none repeated."""
    if not WEBPAGES.is_dir():
        raise SystemExit(f"{WEBPAGES}: not found (the webpages corpus of ../shared/corpora is needed)")
    rng = random.Random(SEED)
    docs: list[tuple[str, str]] = []
    for script in ("zh-hans", "zh-hant"):
        paragraphs = measure_paragraphs(script)
        i = 0
        while i < len(paragraphs):
            target, size, group = rng.randint(1000, 4000), 0, []
            while i < len(paragraphs) and size < target:
                group.append(paragraphs[i])
                size += len(paragraphs[i].encode("utf-8")) + 1
                i += 1
            docs.append((f"wiki-{script}", "\n".join(group)))
    for path in sorted(WEBPAGES.glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        if text:
            docs.append(("webpage", text))
    return docs


# --- furniture -------------------------------------------------------------------------------------------

_SITES = ["新华网", "人民网", "某市新闻网", "财经日报", "科技前沿", "东方快讯", "中央社", "聯合新聞網", "南方周末", "环球时报"]
_NAMES = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄晓明", "周婷", "吴刚", "林志玲", "許文華"]
_SECTIONS = ["新闻中心", "国内新闻", "国际", "财经", "科技", "文化", "社会", "地方"]


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.randrange(3)
    if style == 0:
        return f"{y}-{m:02d}-{d:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if style == 1:
        return f"{y}年{m}月{d}日 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return f"{y}/{m}/{d}"


def _header(rng: random.Random) -> list[str]:
    lines = []
    if rng.random() < 0.6:
        lines.append(rng.choice(["您当前的位置：", "当前位置：", "首页 > "]) + " > ".join(rng.sample(_SECTIONS, rng.randint(1, 3))))
    if rng.random() < 0.7:
        lines.append(f"{_date(rng)} 来源：{rng.choice(_SITES)}")
    if rng.random() < 0.4:
        lines.append(f"{rng.choice(['作者', '记者', '本报记者'])}：{rng.choice(_NAMES)}")
    if rng.random() < 0.4:
        lines.append(rng.choice(["分享到：微信 微博 QQ空间", "分享 | 收藏 | 打印 | 关闭", "字号：大 中 小", "【打印】【关闭】【纠错】"]))
    return lines


def _footer(rng: random.Random) -> list[str]:
    lines = []
    if rng.random() < 0.6:
        lines.append(f"{rng.choice(['责任编辑', '责编', '编辑'])}：{rng.choice(_NAMES)}")
    if rng.random() < 0.4:
        lines.append(rng.choice(["免责声明：本网转载内容仅供参考，不代表本网观点。", "未经授权，不得转载。", "扫一扫，关注我们的微信公众号"]))
    if rng.random() < 0.5:
        site = rng.choice(_SITES)
        lines.append(rng.choice([f"版权所有 © {rng.randint(2005, 2024)} {site}", f"{site} 京ICP备{rng.randint(10**7, 10**8 - 1)}号", f"Copyright © {site} All Rights Reserved"]))
    if rng.random() < 0.4:
        lines += ["上一篇：" + rng.choice(_SITES) + "年度报告发布", "下一篇：没有了"]
    if rng.random() < 0.3:
        lines.append(rng.choice(["相关新闻", "推荐阅读", "猜你喜欢"]))
    return lines


def furnish(text: str, rng: random.Random) -> str:
    return "\n".join([*_header(rng), text, *_footer(rng)])


# --- the mix ---------------------------------------------------------------------------------------------


def damage(text: str, kind: str, rng: random.Random) -> str:
    if kind == "clean":
        return text
    if kind == "seed-chain":
        return damage_page(text, rng.randrange(1 << 30))
    assert kind in FAMILIES, kind
    return damage_lines(text, kind, rng)


def build(mix_name: str) -> list[tuple[str, str]]:
    """(kind, page) for every document, in the mix's shares (kinds dealt, then shuffled)."""
    mix = MIXES[mix_name]
    rng = random.Random(f"{SEED}:{mix_name}")
    docs = documents()
    # Deal kinds by exact counts (not independent draws): the stated shares hold on a corpus of a
    # few hundred documents too.
    kinds: list[str] = []
    for kind, share in mix.items():
        kinds += [kind] * round(share * len(docs))
    kinds = (kinds + ["clean"] * len(docs))[: len(docs)]
    rng.shuffle(kinds)
    pages = []
    for kind, (_, text) in zip(kinds, docs, strict=True):
        if rng.random() < FURNISHED:
            text = furnish(text, rng)
        pages.append((kind, damage(text, kind, rng)))
    return pages
