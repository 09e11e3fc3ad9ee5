"""Does a hard-wrapped article whose last line the page cut short keep that line, apart from the
furniture after it?

    .venv/bin/python benchmarks/wrapped_tails.py            # the measuring set (totals)
    .venv/bin/python benchmarks/wrapped_tails.py --set build --show 5

Each page: a nav row, a title and a byline; three to six paragraphs wrapped at one width (in
characters, columns or GB18030 bytes; the first line of each indented by two ideographic spaces
taken off, as a copy loses them) or at ragged widths (28-40 characters); the last paragraph cut
inside a sentence (the page or a copy stopped there) or, in one page in four, ended with its stop;
then one to three lines of the page's own below it (a share row, an editor's line, a source, a
footer, buttons, tags, a notice). The hard-wrap join glued the cut line to the row below it, and
the furniture stage then took the joined line whole (the article's last paragraph lost) or kept
it whole (the row left in the article).

Two sets written apart: ``build`` (tuned on: Simplified Wikipedia's build part, its own rows) and
``measure`` (not tuned on: Traditional Wikipedia's and Simplified Wikipedia's measuring parts, other
rows of other kinds). Figures: article characters lost (clauses of the article not found in the
output), pages with an article line glued to a row, rows left.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

HEADS = {
    "build": [["网站首页 新闻 图片 视频 专题 评论 博客 登录 注册", "{title}", "2008年03月14日 09:21　来源：华夏在线　作者：张伟"],
              ["首页 > 新闻中心 > 社会新闻", "{title}", "发布时间：2011-05-06 10:12:45 来源：本站原创 点击：1024"]],
    "measure": [["首頁 | 政治 | 財經 | 社會 | 國際 | 兩岸", "{title}", "2010年06月21日 14:05 中央社記者林欣 台北電"],
                ["当前位置：首页 » 时政要闻", "{title}", "作者：李华 来源：南方日报 时间：2012-09-03"]],
}
TAILS = {
    "build": ["分享到： 微信 微博 QQ好友 复制链接", "责任编辑：李明", "【打印本页】【关闭窗口】",
              "版权所有 © 2009 华夏在线 京ICP证030173号 联系我们 | 关于我们 | 广告服务", "标签： 经济 改革 民生",
              "点赞(12) 收藏 分享 举报", "来源：人民网", "相关阅读："],
    "measure": ["分享至 朋友圈 新浪微博 豆瓣 人人网", "編輯：王芳 審核：趙強", "[打印] [关闭] [返回顶部]",
                "Copyright © 2003-2012 南方网 All Rights Reserved 粤ICP备05070829号", "关键词：房价 调控 楼市",
                "上一篇：市政府召开常务会议 下一篇：全市启动防汛应急响应", "（責任編輯：陳曉）", "稿件来源：新华社 作者：刘洋",
                "网友评论（共86条） 我要评论", "扫一扫 关注我们 手机看新闻"],
}
_STOP = "。！？"
_MARK = re.compile("[，。、；：！？「」『』“”（）()]")


def _paragraphs(which: str) -> list[str]:
    import wiki_split

    if which == "build":
        paragraphs = wiki_split.build_paragraphs("zh-hans")
    else:
        paragraphs = wiki_split.measure_paragraphs("zh-hant") + wiki_split.measure_paragraphs("zh-hans")
    return [_shortened(p) for p in paragraphs]


def _shortened(paragraph: str, most: int = 300) -> str:
    """``paragraph`` up to its last sentence's end within ``most`` characters (a page of a few)."""
    ends = [k + 1 for k, ch in enumerate(paragraph[:most]) if ch in _STOP]
    return paragraph[: ends[-1]] if ends else paragraph


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _gb_bytes(text: str) -> int:
    return len(text.encode("gb18030", "replace"))


def _wrap(text: str, width: int, measure, indent: int) -> list[str]:
    """``text`` cut into lines of ``width`` in ``measure``, the first ``indent`` shorter."""
    lines, line = [], ""
    for ch in text:
        limit = width - (indent if not lines else 0)
        if measure(line + ch) > limit:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line] if line else lines


def _ragged(text: str, rng: random.Random) -> list[str]:
    lines, k = [], 0
    while k < len(text):
        n = rng.randint(28, 40)
        lines.append(text[k:k + n])
        k += n
    return lines


def build(which: str, pages: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    source = [p for p in _paragraphs(which) if len(p) >= 120]
    rng.shuffle(source)
    out = []
    for n in range(pages):
        paras = [source.pop() for _ in range(rng.randint(3, 6))]
        title = paras[0][: rng.randint(10, 18)].rstrip("，。、；：")
        cut = rng.random() < 0.75
        if cut:  # inside a sentence, on a character of a word, in the paragraph's second half
            last = paras[-1]
            spots = [k for k in range(len(last) // 2, len(last) - 1) if not _MARK.match(last[k - 1]) and not _MARK.match(last[k])
                     and "\u4e00" <= last[k - 1] <= "\u9fff" and "\u4e00" <= last[k] <= "\u9fff"]
            if spots:
                paras[-1] = last[: rng.choice(spots)]
        style = rng.choice(["chars", "columns", "bytes", "ragged"])
        measure = {"chars": len, "columns": _columns, "bytes": _gb_bytes}.get(style)
        width = {"chars": rng.randint(30, 40), "columns": rng.choice([72, 76, 80]), "bytes": rng.choice([70, 74, 76])}.get(style, 0)
        body = []
        for p in paras:
            body += _ragged(p, rng) if style == "ragged" else _wrap(p, width, measure, 4 if style != "chars" else 2)
        head = [line.format(title=title) for line in rng.choice(HEADS[which])]
        tails = rng.sample(TAILS[which], rng.randint(1, 3))
        out.append({"id": f"{which}-{n:03d}-{style}{'-cut' if cut else ''}", "text": "\n".join(head + body + tails) + "\n",
                    "article": paras, "tails": tails})
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _clauses(paragraph: str) -> list[str]:
    return [c for c in re.split("[，。、；：！？]", _norm(paragraph)) if len(c) >= 2]


def measure(page: dict, output: str) -> dict:
    flat = _norm(output)
    clauses = [c for p in page["article"] for c in _clauses(p)]
    lost = sum(len(c) for c in clauses if c not in flat)
    lines = [_norm(line) for line in output.split("\n") if line.strip()]
    tails = [_norm(t) for t in page["tails"]]
    left = sum(1 for t in tails if any(t in line or line in t and len(line) >= 4 for line in lines))
    last = _clauses(page["article"][-1])[-1] if _clauses(page["article"][-1]) else ""
    glued = any(last in line and any(t[:4] in line for t in tails) for line in lines)
    return {"chars": sum(len(c) for c in clauses), "lost": lost, "left": left, "tails": len(tails), "glued": glued}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=["build", "measure"], default="measure")
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--seed", type=int, default=3636)
    parser.add_argument("--show", type=int, default=0, help="print the first N pages with a loss or a glued line")
    args = parser.parse_args()
    from cleaner import Cleaner

    cleaner = Cleaner(to="keep")
    total = {"chars": 0, "lost": 0, "left": 0, "tails": 0, "glued": 0, "pages_lost": 0}
    shown = 0
    pages = build(args.set, args.pages, args.seed)
    for page in pages:
        out = cleaner.clean(page["text"])
        m = measure(page, out)
        for key in ("chars", "lost", "left", "tails", "glued"):
            total[key] += int(m[key])
        total["pages_lost"] += m["lost"] > 0
        if (m["lost"] or m["glued"]) and shown < args.show:
            shown += 1
            print(f"== {page['id']} lost {m['lost']} glued {m['glued']}\n{page['text'][-300:]}\n-> {out[-300:]}\n")
    print(f"{args.set}: {len(pages)} pages, article characters lost {total['lost']} of {total['chars']} "
          f"({100 * total['lost'] / max(1, total['chars']):.2f} %) on {total['pages_lost']} pages; "
          f"pages with an article line glued to a row {total['glued']}; rows left {total['left']} of {total['tails']}")


if __name__ == "__main__":
    main()
