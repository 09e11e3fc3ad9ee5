"""Corpus-level furniture (cleaner/furniture/learn.py): normalising, counting, deciding, removing."""

import json
import pickle
from pathlib import Path

import pytest

from cleaner import cli
from cleaner.config import Config
from cleaner.furniture import learn
from cleaner.furniture.learn import Learner, Thresholds, normalise, remove_learned
from cleaner.model import Result

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# Hard-coded article sentences; with the fixtures' sentences they make the generated articles.
SENTENCES = [
    "市交通局表示，新开通的公交线路将连接三个大型居住区和两个地铁站。",
    "据介绍，今年以来全市累计新增城市绿地四百余公顷，建成口袋公园八十个。",
    "社区工作人员逐户上门，了解老人们在用餐、就医和出行方面的实际困难。",
    "该项目总投资约十二亿元，预计明年年底前完成主体工程建设。",
    "不少市民在留言中说，希望夜间增开班次，方便下晚班的上班族回家。",
    "专家建议，家长应当合理安排孩子的作息时间，保证每天有足够的户外活动。",
    "活动现场设置了非遗展示、传统手工体验和地方美食等多个区域。",
    "截至目前，全市已有两千多家企业完成数字化改造，生产效率平均提高两成。",
    "志愿者们清理了河道两岸的垃圾，并向过往行人宣传节水护水知识。",
    "市场监管部门将继续加大抽检力度，对发现的问题依法从严查处。",
    "图书馆延长了周末开放时间，并新增了自助借还设备和少儿阅读区。",
    "农业技术人员深入田间地头，指导农户科学施肥、防治病虫害。",
    "这座建于上世纪五十年代的老厂房，经过改造成为了文化创意园区。",
    "医院开设了便民门诊，患者通过手机即可预约挂号、查询检查结果。",
    "当地还将举办系列文化活动，吸引更多游客前来观光体验。",
    "据统计，上半年全市接待游客超过三千万人次，旅游收入同比增长两成。",
]
# A quote that several articles repeat: a long sentence, in a tenth of the pages: must stay.
QUOTE = "“城市是人民的城市，人民城市为人民。”这句话被多位受访者反复提起，成为大家共同的心声。"
HEADINGS = ["一、工作进展", "二、存在问题", "三、下一步打算"]  # shared by many reports: must stay


def _article_sentences() -> list[str]:
    found = []
    for path in sorted((FIXTURES / "clean").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            found.extend(s + "。" for s in line.split("。") if len(s) > 8)
    return found + SENTENCES


def portal_pages(n: int = 60) -> list[tuple[list[str], list[str]]]:
    """``n`` pages of one portal that no rule file knows: (article lines, furniture lines) each.

    Every article is different (a title, and paragraphs that are different pairs of sentences);
    the furniture is the portal's header, byline, share row and footer, with dates, counters,
    issue numbers and editors that vary from page to page, some in Traditional or fullwidth forms.
    """
    sentences = _article_sentences()
    editors = ["王伟", "李娜", "张敏"]
    pages = []
    for i in range(n):
        k = len(sentences)
        title = f"{['我市', '本区', '全省'][i % 3]}{sentences[i % k][2:12].rstrip('，。')}（第{i + 1}篇）"
        # i // k shifts the second sentence of each pair, so page i and page i + k are different
        # articles too (the same paragraphs twice would be one article's copies).
        paragraphs = [sentences[i % k] + sentences[(i * 7 + 3 + i // k) % k],
                      sentences[(i * 5 + 1) % k] + sentences[(i * 3 + 2 + i // k) % k]]
        article = [title, *paragraphs]
        if i % 3 == 0:
            article[2:2] = [HEADINGS[i % 2]]
        if i % 10 == 4:
            article.append(QUOTE)
        traditional = i % 4 == 1
        header = [
            "东湖在线 | 首页 | 要闻 | 民生 | 文旅 | 视频 | 专题",
            "★ 东湖在线 · 让城市更温暖 ★",
            "當前位置：首頁 > 民生 > 正文" if traditional else "当前位置：首页 > 民生 > 正文",
            f"第{1000 + i}期　点击：{37 * i + 5}次",
            "字号：大 中 小　打印本页　关闭窗口",
            "分享到：微信　微博　ＱＱ空间" if i % 5 == 2 else "分享到：微信 微博 QQ空间",
        ]
        footer = [
            f"（编辑：{editors[i % 3]}）",
            "扫一扫，关注东湖在线微信公众号",
            "本站所有内容均来自东湖在线编辑部，未经书面授权，任何单位和个人不得转载、摘编或以其他方式使用。",
            f"东湖在线 版权所有 Copyright © 2008-{2015 + i % 9} 鄂ICP备{12000000 + i}号",
            f"联系电话：027-{87650000 + i}　地址：武汉市东湖路{i + 1}号",
        ]
        pages.append((article, header + footer))
    return pages


def write_portal(folder: Path, n: int = 60) -> list[tuple[list[str], list[str]]]:
    folder.mkdir(parents=True)
    pages = portal_pages(n)
    for i, (article, furniture) in enumerate(pages):
        header, footer = furniture[:6], furniture[6:]
        text = "\n".join(header[:3] + article[:1] + header[3:] + article[1:] + footer) + "\n"
        (folder / f"page{i:03d}.txt").write_text(text, encoding="utf-8")
    return pages


def _lines(path: Path) -> set[str]:
    return {normalise(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()}


def test_learning_removes_every_furniture_line_of_a_portal_and_keeps_every_article_line(tmp_path):
    # The rules are off, so that what goes is what learning took, whatever the generic model knows.
    from cleaner.engines.folder import run_folder
    from cleaner.engines.report import Report

    pages = write_portal(tmp_path / "portal")
    assert len({tuple(a) for a, _ in pages}) == len(pages) >= 50
    config = Config(remove_furniture=False)
    report = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "out", config, report=report, jobs=2, learn=True,
               report_path=tmp_path / "report.jsonl")
    assert not report.failed and report.steps["remove"] == sum(len(f) for _, f in pages)
    for i, (article, furniture) in enumerate(pages):
        lines = _lines(tmp_path / "out" / f"page{i:03d}.txt")
        assert {normalise(a) for a in article} <= lines  # every article line, titles too
        assert not {normalise(f) for f in furniture} & lines, i
    steps = [json.loads(line)["steps"] for line in (tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all({"action": "remove", "name": "learned:folder:portal", "count": 11} in s for s in steps)
    plain = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "plain", config, report=plain, jobs=1, learn=False)
    for i, (article, furniture) in enumerate(pages):
        assert {normalise(line) for line in article + furniture} <= _lines(tmp_path / "plain" / f"page{i:03d}.txt")


def test_the_cli_learns_by_default_and_learning_takes_no_article_line(tmp_path, capsys):
    pages = write_portal(tmp_path / "portal")
    assert cli.main([str(tmp_path / "portal"), "-o", str(tmp_path / "out"), "--jobs", "2"]) == 0
    assert cli.main([str(tmp_path / "portal"), "-o", str(tmp_path / "plain"), "--jobs", "1", "--no-learn"]) == 0
    for i, (article, furniture) in enumerate(pages):
        learned = _lines(tmp_path / "out" / f"page{i:03d}.txt")
        plain = _lines(tmp_path / "plain" / f"page{i:03d}.txt")
        assert not {normalise(f) for f in furniture} & learned  # every furniture line goes
        assert learned <= plain and (plain - learned) <= {normalise(f) for f in furniture}  # learning took only furniture
        assert {normalise(a) for a in article[1:]} <= learned  # the body, numbered headings and the repeated quote


def test_normalise_folds_digits_width_script_space_and_entities():
    assert normalise("瀏覽次數：1,234　次") == normalise("浏览次数: 56 次") == "浏览次数:0次"
    assert normalise("ＱＱ&nbsp;空间") == normalise("QQ 空间") == "QQ空间"
    assert normalise("  Copy \t right  2008-2023 ") == "Copy right 0-0"
    assert normalise("更新于 10:30") == normalise("更新于10:31") != normalise("更新于")


def _learner(docs: list[str], site="s", **kw) -> Learner:
    learner = Learner(**kw)
    for text in docs:
        learner.add(text, site)
    return learner


def test_a_line_is_counted_once_per_document():
    learner = _learner(["导航\n导航\n导航\n导航\n导航\n正文"] + [f"正文{chr(0x4E00 + i)}" for i in range(9)])
    assert not learner.learned(Thresholds(min_docs=3))  # five times in one document is one document


def test_the_thresholds_decide():
    t = Thresholds(min_docs=5, short_share=0.1, sentence_share=0.5)
    assert t.is_furniture("首页 | 新闻", 5, 50) and not t.is_furniture("首页 | 新闻", 4, 50)
    assert not t.is_furniture("首页 | 新闻", 5, 100)  # 5 %: under the short share
    long = normalise("本站所有内容均来自东湖在线编辑部，未经书面授权，任何单位和个人不得转载、摘编或以其他方式使用。")
    assert not t.is_furniture(long, 20, 50) and t.is_furniture(long, 30, 50)  # a sentence needs a majority
    assert not t.is_furniture(QUOTE, 30, 50)  # ... and words of a page's frame: a quote has none
    assert not t.is_furniture("一、工作进展", 50, 50)  # numbered headings are never learned
    with pytest.raises(ValueError):
        Thresholds(min_docs=2)  # a count may be one over the truth: 2 could take a line of one document


def test_a_quote_repeated_in_two_articles_stays():
    docs = [f"东湖在线 | 首页\n第{i}篇文章的正文写在这里，内容各不相同。" for i in range(30)]
    docs[3] += "\n" + QUOTE
    docs[17] += "\n" + QUOTE
    learned = _learner(docs).learned()
    assert learned.lines == {"s": frozenset({normalise("东湖在线 | 首页")})}


def test_counts_are_at_most_one_over_the_truth_even_in_a_tiny_filter_and_table():
    # 64 filter bits and 16 table entries: collisions and evictions everywhere. A line that is in
    # one document only must never be learned; furniture may be missed (evictions undercount).
    docs = [f"页眉导航\n独有的一行{chr(0x4E00 + i)}{chr(0x5000 + i)}\n页脚版权" for i in range(400)]
    learner = _learner(docs, filter_bits=64, table_size=16)
    assert learner.evictions > 0
    truth = {}
    for doc in docs:
        for norm in learn.document_lines(doc):
            truth[norm] = truth.get(norm, 0) + 1
    assert all(entry.count <= truth[entry.norm] + 1 for entry in learner.table.values())
    learned = learner.learned(Thresholds(min_docs=3, short_share=0))
    assert learned.lines["s"] <= {"页眉导航", "页脚版权"}


def test_a_line_in_every_document_is_learned_at_the_threshold():
    docs = [f"页脚版权所有\n第{chr(0x4E00 + i)}篇正文" for i in range(5)]
    learned = _learner(docs).learned(Thresholds(min_docs=5))
    assert learned.lines == {"s": frozenset({normalise("页脚版权所有")})}
    assert not _learner(docs[:4]).learned(Thresholds(min_docs=5))


def test_a_templated_sentence_is_not_one_line_on_every_page():
    # Article sentences written from a template differ only in their numbers: they keep them.
    docs = [f"东湖在线 | 首页\n截至{i}日24时，全省累计报告确诊病例{i * 7 + 3}例，治愈出院{i * 5}例。" for i in range(1, 30)]
    learned = _learner(docs).learned()
    assert learned.lines == {"s": frozenset({normalise("东湖在线 | 首页")})}
    assert normalise("浏览次数：1,234") == normalise("瀏覽次數: 56")


def test_a_series_titles_are_no_line_of_the_site():
    # 第N号管理办法, 第N期: each the title of one document, differing only in its ordinal; the
    # counter beside it (阅读 N 次) is one line of the site however its number varies.
    # (The site's copyright line shows a web page's frame: a site without one learns nothing.)
    docs = [f"第{i}号管理办法\n阅读 {i * 13} 次\n第{chr(0x4E00 + i)}篇正文\n版权所有 东湖在线" for i in range(1, 30)]
    learned = _learner(docs).learned()
    assert learned.lines == {"s": frozenset({normalise("阅读 5 次"), normalise("版权所有 东湖在线")})}
    assert normalise("2024年第3期") != normalise("2024年第4期") and normalise("第3页") == normalise("第4页")


def test_sites_are_counted_apart():
    learner = Learner()
    for i in range(10):
        learner.add("甲站导航\n正文" + chr(0x4E00 + i) * 30, "a.example.com")
        learner.add("乙站导航\n" + chr(0x5000 + i), "b.example.com")
    learner.add("甲站导航", "b.example.com")
    learned = learner.learned()
    assert learned.lines == {"a.example.com": frozenset({"甲站导航"}), "b.example.com": frozenset({"乙站导航"})}


def test_copies_of_one_document_are_counted_once():
    article = "东湖在线 | 首页\n市交通局表示，新开通的公交线路将连接三个大型居住区。"
    learner = _learner([article] * 20)
    assert learner.documents == 1 and learner.duplicates == 19
    assert not learner.learned(Thresholds(min_docs=3, short_share=0))
    # A copy whose date line differs is still a copy: its sentences are the same.
    dated = [f"{article}\n发布时间：2024-05-{i:02d} 编辑：{chr(0x4E00 + i)}" for i in range(1, 21)]
    assert _learner(dated).documents == 1
    # Distinct articles of the same portal still teach its furniture.
    learner = _learner([article] * 20 + [f"东湖在线 | 首页\n第{chr(0x4E00 + i)}篇正文。" for i in range(10)])
    assert learner.learned().lines == {"s": frozenset({normalise("东湖在线 | 首页")})}


def test_a_copy_whose_every_line_was_learned_is_kept_whole_and_a_page_of_furniture_is_emptied():
    sentence = "市交通局表示，新开通的公交线路将连接三个大型居住区和两个地铁站。"
    learned = learn.Learned({"s": frozenset({normalise("东湖在线 | 首页"), normalise(sentence)})})
    result = Result(f"东湖在线 | 首页\n{sentence}")
    remove_learned(result, learned, "s", details=True)
    assert result.text == f"东湖在线 | 首页\n{sentence}" and not result.steps
    assert [f.kind for f in result.findings] == ["all-lines-learned"]
    nav = Result("东湖在线 | 首页")  # no sentence: furniture alone, emptied and said so
    remove_learned(nav, learned, "s")
    assert nav.text == "" and [f.kind for f in nav.findings] == ["all-lines-removed"]


def test_documents_differing_only_in_long_paragraphs_are_no_copies():
    # Paragraphs over MAX_LINE_CHARS are never counted, but they tell articles apart: keyed on the
    # counted lines alone, 40 articles and one disclaimer were one document and nothing was learned.
    docs = [f"免责声明：本站转载内容仅供参考。\n{chr(0x4E00 + i) * (learn.MAX_LINE_CHARS + 20)}" for i in range(40)]
    learner = _learner(docs)
    assert learner.documents == 40
    assert learner.learned().lines == {"s": frozenset({normalise("免责声明：本站转载内容仅供参考。")})}


def test_the_cli_keeps_every_copy_of_a_repeated_record(tmp_path, capsys):
    article = "东湖在线 | 首页\n市交通局表示，新开通的公交线路将连接三个大型居住区。\n据介绍，今年以来全市累计新增城市绿地四百余公顷。"
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"text": article}, ensure_ascii=False) + "\n" for _ in range(8)),
                                       encoding="utf-8")
    assert cli.main([str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 0
    texts = [json.loads(line)["text"] for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 8 and all("公交线路" in t and "城市绿地" in t for t in texts)


def test_a_record_with_a_lone_surrogate_does_not_end_the_learning_pass(tmp_path, capsys):
    # Recognising its site ran OpenCC over the surrogate, which ended the whole run.
    (tmp_path / "in.jsonl").write_text('{"text": "\\ud800abc國務院"}\n{"text": "国务院发布通知。"}\n', encoding="utf-8")
    assert cli.main([str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 1
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["text"] == "国务院发布通知。"
    assert "lone surrogates" in capsys.readouterr().err


def test_site_key_prefers_the_url_host():
    assert learn.site_key("https://www.Example.com/a", "people", "folder:x") == "example.com"
    assert learn.site_key(None, "people", "folder:x") == "people"
    assert learn.site_key("not a url", None, "folder:x") == "folder:x"


def test_removal_is_a_step_and_each_line_a_finding():
    learned = learn.Learned({"s": frozenset({normalise("分享到: 微信 微博")})})
    result = Result("標題\n分享到：微信　微博\n正文。")
    remove_learned(result, learned, "s", details=True)
    assert result.text == "標題\n正文。"
    assert [str(s) for s in result.steps] == ["remove:learned:s x1"]
    assert [(f.position, f.detail) for f in result.findings if f.kind == "removed-line"] == [(3, "learned:s: 分享到：微信　微博")]
    other = Result("分享到：微信　微博")
    remove_learned(other, learned, "t")
    assert other.text == "分享到：微信　微博" and not other.steps  # another site's lines stay


def test_the_learned_table_pickles_small():
    docs = [f"导航栏目{chr(0x4E00 + j)}\n正文{chr(0x5000 + i)}" for i in range(50) for j in range(3)]
    learned = _learner(docs).learned()
    assert learned and len(pickle.dumps(learned.for_workers())) < 1000
    assert pickle.loads(pickle.dumps(learned.for_workers())).lines == learned.lines


def test_the_fingerprint_follows_the_learned_lines():
    a = learn.Learned({"s": frozenset({"x", "y"})})
    assert a.fingerprint() == learn.Learned({"s": frozenset({"y", "x"})}).fingerprint()
    assert a.fingerprint() != learn.Learned({"s": frozenset({"x"})}).fingerprint()


def _records(path: Path, pages, url=None) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i, (article, furniture) in enumerate(pages):
            record = {"id": i, "text": "\n".join(furniture[:6] + article + furniture[6:])}
            if url:
                record["url"] = f"{url}/{i}.html"
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("batch_bytes", [None, 4000], ids=["in-process", "workers"])
def test_a_records_file_is_learned_per_url_host(tmp_path, capsys, monkeypatch, batch_bytes):
    from cleaner.engines import jsonl
    from cleaner.engines.jsonl import run_records
    from cleaner.engines.report import Report

    if batch_bytes:  # small batches: the records go to worker processes, which get the table at start
        monkeypatch.setattr(jsonl, "BATCH_BYTES", batch_bytes)

    pages = portal_pages(30)
    _records(tmp_path / "in.jsonl", pages, url="https://www.donghu.example.cn/news")
    report = Report(echo=False)
    run_records(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), Config(remove_furniture=False), report,
                jobs=2, details=True, learn=True)
    assert not report.failed
    for (article, furniture), line in zip(pages, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        lines = {normalise(l) for l in record["text"].splitlines()}
        assert not {normalise(f) for f in furniture} & lines
        assert {normalise(a) for a in article} <= lines
        assert {"action": "remove", "name": "learned:donghu.example.cn", "count": 11} in record["cleaner"]["steps"]


def test_records_are_learned_alike_in_worker_processes(tmp_path, monkeypatch):
    # With jobs, the batches are read and split in workers and counted here in input order: the
    # learner must end exactly as when one process reads them (counts, examples, copies, sites).
    from cleaner.engines import jsonl

    monkeypatch.setattr(jsonl, "BATCH_BYTES", 3000)
    pages = portal_pages(30)
    _records(tmp_path / "in.jsonl", pages + pages[:3], url="https://www.donghu.example.cn/news")
    raw = (tmp_path / "in.jsonl").read_bytes().splitlines(keepends=True)
    raw.insert(5, b"not json\n")
    learned = []
    for jobs in (1, 2):
        learner, seen = Learner(), []
        jsonl.learn_lines(learner, raw, Config(), group="file:in.jsonl", on_batch=seen.append, jobs=jobs)
        learned.append((learner.learned(), learner.duplicates, sum(seen)))
    assert learned[0] == learned[1]
    assert learned[0][0].line_count() > 0 and learned[0][2] == sum(map(len, raw))


def test_the_cli_learns_from_a_records_file_and_takes_no_article_line(tmp_path, capsys):
    pages = portal_pages(30)
    _records(tmp_path / "in.jsonl", pages)
    assert cli.main([str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 0
    assert cli.main([str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "plain.jsonl"), "--jobs", "1", "--no-learn"]) == 0
    outs = [(tmp_path / name).read_text(encoding="utf-8").splitlines() for name in ("out.jsonl", "plain.jsonl")]
    for (article, furniture), learned_line, plain_line in zip(pages, *outs):
        learned = {normalise(l) for l in json.loads(learned_line)["text"].splitlines()}
        plain = {normalise(l) for l in json.loads(plain_line)["text"].splitlines()}
        assert not {normalise(f) for f in furniture} & learned
        assert learned <= plain and (plain - learned) <= {normalise(f) for f in furniture}
        assert {normalise(a) for a in article[1:]} <= learned


def test_stdin_records_are_not_learned_and_the_run_says_nothing_of_it(tmp_path, capsys, monkeypatch):
    # Standard input is never learned (the README says so): a note on every stdin run, where
    # learning is only the default, is noise (the README's own `--jsonl < in.jsonl` example printed it).
    import io
    import sys

    pages = portal_pages(20)
    _records(tmp_path / "in.jsonl", pages, url="https://news.example.cn")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((tmp_path / "in.jsonl").read_bytes())))
    assert cli.main(["-", "--jsonl", "-o", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 0
    assert "learning" not in capsys.readouterr().err
    # Not learned: as a file cleaned without learning, not as one cleaned with it.
    assert cli.main([str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "plain.jsonl"), "--jobs", "1", "--no-learn"]) == 0
    assert cli.main([str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "learned.jsonl"), "--jobs", "1"]) == 0
    out = (tmp_path / "out.jsonl").read_bytes()
    assert out == (tmp_path / "plain.jsonl").read_bytes() != (tmp_path / "learned.jsonl").read_bytes()


def test_a_folder_output_is_redone_when_what_is_learned_changes(tmp_path):
    from cleaner.engines.folder import run_folder
    from cleaner.engines.report import Report

    write_portal(tmp_path / "portal", 20)
    config = Config(remove_furniture=False)
    run_folder(tmp_path / "portal", tmp_path / "out", config, report=Report(echo=False), jobs=1, learn=True)
    again = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "out", config, report=again, jobs=1, learn=True)
    assert again.skipped == 20  # nothing changed: every output is fresh
    plain = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "out", config, report=plain, jobs=1, learn=False)
    assert plain.skipped == 0 and plain.cleaned + plain.unchanged == 20  # other outputs: all redone
    assert "东湖在线 | 首页" in (tmp_path / "out" / "page000.txt").read_text(encoding="utf-8")


def test_the_first_pass_has_its_own_progress_bar(tmp_path, monkeypatch):
    import io

    from cleaner.engines import progress
    from cleaner.engines.folder import run_folder
    from cleaner.engines.report import Report

    write_portal(tmp_path / "portal", 6)
    err = io.StringIO()
    monkeypatch.setattr(progress.sys, "stderr", err)
    run_folder(tmp_path / "portal", tmp_path / "out", Config(), report=Report(echo=False), jobs=1, learn=True, progress=True)
    assert err.getvalue().count("6/6 files") >= 2  # one bar for learning, one for cleaning
    assert "learning:" in err.getvalue() and "cleaning:" in err.getvalue()  # each named: not one bar started again
    err.seek(0)
    err.truncate(0)
    run_folder(tmp_path / "portal", tmp_path / "plain", Config(), report=Report(echo=False), jobs=1, learn=False, progress=True)
    assert err.getvalue().count("6/6 files") == 1 and "learning" not in err.getvalue()


def test_short_turns_a_chat_or_a_story_repeats_are_not_learned():
    # Every record of a chat corpus opens 你好！ and closes 谢谢！ 不客气。; a novel's chapters
    # repeat “嗯。”: a short sentence is learned only when worded as furniture (probe19 D2).
    docs = [f"你好！\n我想和你聊聊第{i}件事情，不要拖到最后一刻再着急，好吗？\n“嗯。”\n谢谢！\n不客气。\n欢迎关注我们！"
            for i in range(40)]
    assert _learner(docs).learned().lines == {"s": frozenset({normalise("欢迎关注我们！")})}


def _stuffed(line: str, rng) -> str:
    """Pinyin put after some Han characters of ``line`` (其(qí)他), different ones on every page."""
    from pypinyin import Style, pinyin

    return "".join(ch + f"({pinyin(ch, style=Style.TONE)[0][0]})" if "\u4e00" <= ch <= "\u9fff" and rng.random() < 0.3 else ch
                   for ch in line)


@pytest.mark.parametrize("damage", ["utf8-read-as-gbk", "pinyin"])
def test_furniture_of_damaged_pages_is_learned_as_the_cleaning_pass_sees_it(tmp_path, damage):
    # Lines were counted as written (mojibake, or pinyin that differs from page to page) and
    # compared repaired: nothing learned was ever removed.
    import random

    from damage import utf8_read_as_gbk

    from cleaner.engines.folder import run_folder
    from cleaner.engines.report import Report

    rng = random.Random(31)
    # One form of each furniture line (no Traditional or fullwidth variant, no editor's name), so
    # that what recurs is what the damage does, not the portal's own variation.
    pages = [(a, [f for f in furniture if not f.startswith("（编辑")]) for i, (a, furniture) in enumerate(portal_pages(30))
             if i % 4 != 1 and i % 5 != 2][:10]
    (tmp_path / "portal").mkdir()
    for i, (article, furniture) in enumerate(pages):
        # The furniture damaged (the site's template misread, or annotated anew on every page), the
        # articles not: repairing whole articles would only make the test slow.
        damaged = [_stuffed(line, rng) if damage == "pinyin" else utf8_read_as_gbk(line) for line in furniture]
        text = "\n".join(damaged[:6] + article + damaged[6:]) + "\n"
        (tmp_path / "portal" / f"page{i:03d}.txt").write_text(text, encoding="utf-8")
    report = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "out", Config(remove_furniture=False), report=report, jobs=1, learn=True)
    assert not report.failed
    left = 0
    for i, (article, furniture) in enumerate(pages):
        lines = _lines(tmp_path / "out" / f"page{i:03d}.txt")
        left += len({normalise(f) for f in furniture} & lines)
    assert left == 0


def test_a_folder_rerun_with_every_output_up_to_date_does_not_learn_again(tmp_path, monkeypatch):
    from cleaner.engines import folder
    from cleaner.engines.folder import run_folder
    from cleaner.engines.report import Report

    write_portal(tmp_path / "portal", 8)
    config = Config(remove_furniture=False)
    run_folder(tmp_path / "portal", tmp_path / "plain", config, report=Report(echo=False), jobs=1, learn=False)
    run_folder(tmp_path / "portal", tmp_path / "out", config, report=Report(echo=False), jobs=1, learn=True)
    passes = []
    real = folder.learn_folder
    monkeypatch.setattr(folder, "learn_folder", lambda *a, **k: passes.append(1) or real(*a, **k))
    again = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "out", config, report=again, jobs=1, learn=True)
    assert passes == [] and again.skips["up to date"] == 8 and not again.notes
    # Outputs of a run that did not learn are no learning run's: it learns, and redoes them.
    plain = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "plain", config, report=plain, jobs=1, learn=True)
    assert passes == [1] and plain.cleaned == 8
    # A page changed: what is learned may change, so the pass runs again.
    page = tmp_path / "portal" / "page003.txt"
    page.write_text(page.read_text(encoding="utf-8") + "补记一行。\n", encoding="utf-8")
    changed = Report(echo=False)
    run_folder(tmp_path / "portal", tmp_path / "out", config, report=changed, jobs=1, learn=True)
    assert passes == [1, 1] and changed.cleaned >= 1


def _judgments(folder: Path, n: int = 30) -> list[str]:
    """``n`` court judgments as plain text: each a different body between the formulas every
    judgment repeats (a heading sentence, a 42-character ruling sentence, a date, the court's
    officers, who recur across a small folder)."""
    import random

    rng = random.Random(1)
    names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵强", "黄敏", "周杰", "吴刚"]
    sentences = _article_sentences()
    folder.mkdir(parents=True)
    texts = []
    for i in range(n):
        lines = [f"原告{rng.choice(names)}与被告{rng.choice(names)}民间借贷纠纷一案", "本院认为：",
                 sentences[(2 * i) % len(sentences)] + sentences[(2 * i + 1) % len(sentences)],
                 sentences[(5 * i + 3) % len(sentences)],
                 "综上所述，依照《中华人民共和国民事诉讼法》第一百七十条第一款第一项之规定，判决如下：",
                 "驳回上诉，维持原判。", "本判决为终审判决。", f"审判长　{rng.choice(names)}", "二〇一九年三月五日",
                 f"书记员　{rng.choice(names)}"]
        texts.append("\n".join(lines) + "\n")
        (folder / f"{i:03d}.txt").write_text(texts[-1], encoding="utf-8")
    return texts


def test_a_templated_corpus_that_is_no_web_site_keeps_its_formulas(tmp_path, capsys):
    # probe32u F1: a folder of court judgments lost 本院认为：, the ruling sentence and the date from
    # every document, and the clerk's name from six: formulas every judgment repeats, no furniture.
    # Its recurring lines hold no phrase of a web page's frame: nothing is learned.
    texts = _judgments(tmp_path / "judg")
    assert cli.main([str(tmp_path / "judg"), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert "learned" not in capsys.readouterr().err
    for i, text in enumerate(texts):
        assert _lines(tmp_path / "out" / f"{i:03d}.txt") == {normalise(line) for line in text.splitlines()}
    learner = Learner()
    for text in texts:
        learner.add(text, "court")
    assert not learner.learned()


def test_a_shared_line_of_prose_is_learned_only_when_worded_as_a_page_s_frame():
    t = Thresholds()
    ruling = normalise("综上所述，依照《中华人民共和国民事诉讼法》第一百七十条第一款第一项之规定，判决如下：")
    notice = normalise("本站所有内容均来自东湖在线编辑部，未经书面授权，任何单位和个人不得转载、摘编或以其他方式使用。")
    assert learn.is_prose(ruling) and learn.is_prose(notice)
    assert not t.is_furniture(ruling, 30, 30)
    assert t.is_furniture(notice, 30, 30)


# Documents whose only text is one sentence that a template wrote with a number alone differing,
# under a line worded as a web page's frame (probe35u F3: 20,000 such files, every output empty).
NUMBERED = ["第{i}號文件：國(guó)務(wù)院發布了新的規定。\n責任編輯：王芳",  # the probe's shape
            "第{i}号通知：市政府决定调整公交线路。\n来源：本站 | 分享到：微信",  # another key, another frame
            "编号{i}：今年第{i}批项目已经全部完成验收！\n版权所有 © 某某网",  # the number twice, an exclamation
            "公告{i}: 本周六上午停水，请提前储水。\n点击：{i}次 | 打印本页"]  # an ASCII colon, a counter row


@pytest.mark.parametrize("template", NUMBERED)
def test_a_line_that_is_the_only_text_of_the_documents_it_is_in_is_never_learned(template):
    learner = Learner()
    for i in range(200):  # counted as the engines count them: each cleaned with its furniture left in
        learner.add_lines(learn.cleaned_lines(template.format(i=i * 7 + 3), Config(to="keep")), "s")
    article = next(iter(learn.cleaned_lines(template.format(i=5), Config(to="keep"))))
    assert learner.documents == 200 and not any(article in lines for lines in learner.learned().lines.values())


def test_learning_never_removes_a_document_s_last_article_line():
    # Learned on other documents (a table made elsewhere): on this one it is the only text, so it stays.
    sentence = "第12号文件：国务院发布了新的规定。"
    learned = learn.Learned({"s": frozenset({normalise(sentence), normalise("责任编辑：王芳")})})
    result = Result(f"{sentence}\n责任编辑：王芳")
    remove_learned(result, learned, "s", details=True)
    assert result.text == sentence and [str(s) for s in result.steps] == ["remove:learned:s x1"]
    assert "learned-line-kept" in [f.kind for f in result.findings]
    with_text = Result(f"{sentence}\n市交通局表示，新开通的公交线路将连接三个大型居住区。\n责任编辑：王芳")
    remove_learned(with_text, learned, "s")  # another article line is left: the learned one goes
    assert with_text.text == "市交通局表示，新开通的公交线路将连接三个大型居住区。"


def test_the_cli_empties_no_document_of_a_numbered_template(tmp_path, capsys):
    folder = tmp_path / "k"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:03d}.txt").write_text(NUMBERED[0].format(i=i) + "\n", encoding="utf-8")
    assert cli.main([str(folder), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    outs = [(tmp_path / "out" / f"{i:03d}.txt").read_text(encoding="utf-8") for i in range(60)]
    assert all(f"第{i}号文件" in out for i, out in enumerate(outs))


# A data page (a weather report's figures, a quote, a score) has no sentence of its own: the one
# sentence on each is the site's frame, written the same to the byte (review35u).
FRAME = "温馨提示：出行请注意安全。"
STATIONS = [f"{a}{b}站 {c}" for a in "东南西北中" for b in "山河湖海" for c in ("晴", "多云", "小雨")]  # 60, none repeated


def test_a_frame_sentence_that_is_a_data_page_s_only_sentence_is_learned():
    learner = Learner()
    for station in STATIONS:
        learner.add_lines(learn.cleaned_lines(f"{station}\n{FRAME}\n首页 | 天气 | 空气质量", Config(to="keep")), "s")
    assert normalise(FRAME) in learner.learned().lines["s"]


def test_a_learned_frame_sentence_goes_from_a_page_that_keeps_other_lines():
    learned = learn.Learned({"s": frozenset({normalise(FRAME), normalise("首页 | 天气 | 空气质量")})})
    result = Result(f"东山站 晴 18℃\n{FRAME}\n首页 | 天气 | 空气质量")
    remove_learned(result, learned, "s", details=True)
    assert result.text == "东山站 晴 18℃"
    assert "learned-line-kept" not in [f.kind for f in result.findings]


def test_the_cli_keeps_a_data_page_s_figures_and_removes_its_frame(tmp_path):
    folder = tmp_path / "w"
    folder.mkdir()
    for i, station in enumerate(STATIONS):
        (folder / f"{i:03d}.txt").write_text(f"{station}\n{FRAME}\n首页 | 天气 | 空气质量\n", encoding="utf-8")
    for jobs in ("1", "2"):
        assert cli.main([str(folder), "-o", str(tmp_path / f"out{jobs}"), "--jobs", jobs]) == 0
        outs = [(tmp_path / f"out{jobs}" / f"{i:03d}.txt").read_text(encoding="utf-8") for i in range(len(STATIONS))]
        assert outs == [f"{station}\n" for station in STATIONS]


def test_the_site_s_slogan_between_two_of_an_article_s_paragraphs_is_the_article_s():
    # The template's line stands in the page's head or tail; between two paragraphs of one article
    # (a report quoting the paper's motto) the same words are that article's.
    slogan = "河口晚报——做百姓身边的报纸"
    paragraphs = ["报社成立七十周年的纪念会上，老社长回忆起创刊时的情景，那时全社只有十几个人和两台印刷机。",
                  "他说，当年在报头下面印上的这句话，几代报人一直记在心里，从来没有改过。"]
    learned = learn.Learned({"s": frozenset({normalise(slogan), normalise("分享到：微信 微博")})})
    quoted = Result("\n".join([slogan, paragraphs[0], slogan, paragraphs[1], "分享到：微信 微博"]))
    remove_learned(quoted, learned, "s", details=True)
    assert quoted.text == "\n".join([paragraphs[0], slogan, paragraphs[1]])
    assert "learned-line-kept" in [f.kind for f in quoted.findings]
    # Between the article's last paragraph and another learned line: the tail, where the frame stands.
    tail = Result("\n".join([*paragraphs, slogan, "分享到：微信 微博"]))
    remove_learned(tail, learned, "s")
    assert tail.text == "\n".join(paragraphs)
