"""``cleaner rules learn`` (cleaner/furniture/learn_rules.py): a learned table as a valid, reviewable rule file."""

import json

from test_learn import portal_pages, write_portal

from cleaner import cli
from cleaner.furniture import rules
from cleaner.furniture.learn_rules import _grouped, line_pattern, toml_string
from cleaner.furniture.rules_cli import check_examples
from cleaner._native import Pattern


def test_a_line_pattern_escapes_signs_and_generalises_digits_and_spaces():
    pattern = line_pattern("第1000期 | 点击(37)次 [打印] $5.0+")
    assert pattern == r"^第\d+(?:[,.:]\d+)*期\s*\|\s*点击\(\d+(?:[,.:]\d+)*\)次\s*\[打印\]\s*\$\d+(?:[,.:]\d+)*\+$"
    # Numbers are one number whatever their separators, as learning counted them.
    assert Pattern(line_pattern("浏览次数：1,234")).search("浏览次数：56")
    compiled = Pattern(pattern)
    assert compiled.search("第7期|点击(123)次 [打印] $9.9+") and not compiled.search("第7期 | 点击37次 [打印] $5.0+")


def test_toml_strings_round_trip():
    import tomllib

    for value in ["a\\d+", "it's", "tab\there", "del\x7f"]:
        assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


def test_rules_learn_writes_a_valid_reviewable_rule_file(tmp_path, capsys):
    from cleaner.furniture import rules
    from cleaner.furniture.rules_cli import check_examples

    write_portal(tmp_path / "portal", 50)
    out = tmp_path / "rules" / "donghu.toml"
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", str(out)]) == 0
    site = rules.load_file(out)
    # 13 lines, the 3 editor lines of one template one rule (编辑：王伟/李娜/张敏 a name slot): 11 rules.
    assert site.id == "donghu" and len(site.rules) == 11 and not site.signatures
    editor = [r for r in site.rules if len(r.examples) > 1]
    assert len(editor) == 1 and {e[-3:-1] for e in editor[0].examples} == {"王伟", "李娜", "张敏"}
    assert "# signatures = [" in out.read_text(encoding="utf-8")  # proposed for review, not in force
    assert not check_examples(rules.RuleSet(sites={site.id: site}))
    text = out.read_text(encoding="utf-8")
    assert "# in about 50 of 50 documents" in text and r"\d+" in text and r"\|" in text
    # The rule file, used instead of learning, removes the same lines from a page of the portal.
    cleaner = rules.load([out.parent])
    assert "donghu" in cleaner.sites
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", str(out), "--force"]) == 0


def test_rules_learn_refuses_an_input_with_nothing_to_learn(tmp_path, capsys):
    (tmp_path / "few").mkdir()
    (tmp_path / "few" / "a.txt").write_text("只有一页。\n", encoding="utf-8")
    assert cli.main(["rules", "learn", str(tmp_path / "few"), "-o", str(tmp_path / "x.toml")]) == 2
    assert not (tmp_path / "x.toml").exists()




def test_rules_learn_from_records_names_the_host(tmp_path, capsys):
    with open(tmp_path / "in.jsonl", "w", encoding="utf-8") as fh:
        for i, (article, furniture) in enumerate(portal_pages(20)):
            record = {"url": f"https://www.donghu.example.cn/{i}.html", "text": "\n".join(furniture + article)}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    out = tmp_path / "donghu.toml"
    assert cli.main(["rules", "learn", str(tmp_path / "in.jsonl"), "-o", str(out)]) == 0
    site = rules.load_file(out)
    assert site.hosts == ("donghu.example.cn",) and not check_examples(rules.RuleSet(sites={site.id: site}))
    assert cli.main(["rules", "learn", str(tmp_path / "in.jsonl"), "-o", str(out), "--force", "--from", "other.cn"]) == 2
    assert "nothing learned for it" in capsys.readouterr().err


def test_rules_learn_refuses_to_write_inside_its_input_folder(tmp_path, capsys):
    (tmp_path / "portal").mkdir()
    (tmp_path / "portal" / "a.txt").write_text("正文。\n", encoding="utf-8")
    # The next run over the folder would clean the rule file as if it were a page.
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", str(tmp_path / "portal" / "site.toml")]) == 2
    assert "refusing to write inside the input folder" in capsys.readouterr().err
    assert not (tmp_path / "portal" / "site.toml").exists()


def test_rules_learn_writes_standard_output_for_dash(tmp_path, capsys):
    # probe30: `-o -` wrote a file named "-" (the main command takes `-o -` as standard output).
    write_portal(tmp_path / "portal", 50)
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Learned by `cleaner rules learn`") and "[[rule]]" in out
    assert not (tmp_path / "-").exists() and not __import__("os").path.exists("-")
    (tmp_path / "portal.toml").write_text(out, encoding="utf-8")
    assert len(rules.load_file(tmp_path / "portal.toml").rules) == 11  # as written to a file (above)


def test_rules_learn_to_a_folder_is_refused_naming_the_path(tmp_path, capsys):
    # probe30: "exists; give --force", then with --force "internal error: IsADirectoryError".
    write_portal(tmp_path / "portal", 50)
    (tmp_path / "rules").mkdir()
    for extra in ([], ["--force"]):
        assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", str(tmp_path / "rules") + "/", *extra]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"{tmp_path / 'rules'}: is a folder; give the rule file's path" in err


def test_rules_learn_takes_a_folder_or_a_records_file_not_a_page(tmp_path, capsys):
    (tmp_path / "page.txt").write_text("首页 > 新闻\n正文。\n", encoding="utf-8")
    assert cli.main(["rules", "learn", str(tmp_path / "page.txt"), "-o", str(tmp_path / "x.toml")]) == 2
    assert "not a folder or a records file" in capsys.readouterr().err


def test_a_learned_file_without_hosts_says_to_add_them(tmp_path, capsys):
    # A rule file with no hosts (and no signature in force) is selected by no page.
    write_portal(tmp_path / "portal", 50)
    out = tmp_path / "donghu.toml"
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "# No hosts: a rule file without hosts or signatures is selected by no page." in text
    assert "--site donghu" in text


def test_rules_learn_reads_a_nested_field_by_its_dotted_path(tmp_path, capsys):
    write_portal(tmp_path / "portal", 30)
    records = tmp_path / "crawl.jsonl"
    with records.open("w", encoding="utf-8") as fh:
        for page in sorted((tmp_path / "portal").iterdir()):
            fh.write(json.dumps({"content": {"text": page.read_text(encoding="utf-8")}}, ensure_ascii=False) + "\n")
    assert cli.main(["rules", "learn", str(records), "-o", str(tmp_path / "a.toml"), "--field", "content.text"]) == 0
    assert rules.load_file(tmp_path / "a.toml").rules
    assert cli.main(["rules", "learn", str(records), "-o", str(tmp_path / "b.toml"), "--field", "content..text"]) == 2
    assert capsys.readouterr().err.endswith("--field content..text: an empty key (keys are parted by dots; write a dot inside a key as \\.)\n")


def test_one_template_with_a_name_after_a_key_is_one_rule_that_takes_a_new_name():
    entries = [((15, f"2024-0{k}-10 08:1{k} 来源：河口晚报 编辑：{name}"), "") for k, name in enumerate(["陈平", "刘洋", "赵敏", "孙立"], 1)]
    entries.append(((60, "来源：河口晚报"), ""))  # no name differs: a line of its own
    grouped = _grouped(entries)
    assert [(count, len(examples), slots) for count, examples, slots in grouped] == [(60, 4, (1,)), (60, 1, ())]
    pattern = Pattern(line_pattern(grouped[0][1][0], grouped[0][2]))
    assert pattern.search("2025-05-01 09:00 来源：河口晚报 编辑：周七")
    assert not pattern.search("2025-05-01 09:00 来源：江城日报 编辑：周七")  # the source is the same on every line: kept


def test_learned_examples_are_written_as_the_pages_write_them(tmp_path):
    folder = tmp_path / "tw"
    folder.mkdir()
    for i in range(12):
        body = f"第{i}則報導：市政府今天宣布，將在明年擴建{i + 3}座公園，並增加社區圖書館的開放時間，民眾反應熱烈。"
        (folder / f"{i:02d}.txt").write_text(f"首頁 | 政治 | 社會 | 國際\n{body}\n河口晨報 ── 您最信賴的新聞夥伴\n", encoding="utf-8")
    out = tmp_path / "tw.toml"
    assert cli.main(["rules", "learn", str(folder), "-o", str(out)]) == 0
    examples = [e for r in rules.load_file(out).rules for e in r.examples]
    assert "河口晨報 ── 您最信賴的新聞夥伴" in examples and "河口晨报 ── 您最信赖的新闻伙伴" not in examples


def test_rules_learn_refuses_an_unreadable_or_broken_records_file_naming_it(tmp_path):
    # It ended in `cleaner: internal error: InputError: cannot read the compressed data (...)`.
    import gzip

    from conftest import obeying_file_modes, run_cli

    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(b'{"text": "x"}\n' * 100)[:12])
    proc = run_cli("rules", "learn", cut, "-o", tmp_path / "x.toml")
    assert proc.returncode == 2 and proc.stderr.decode().startswith(f"cleaner: {cut}: cannot read the compressed data (")
    locked = tmp_path / "locked.jsonl"
    locked.write_bytes(b'{"text": "x"}\n')
    locked.chmod(0)
    try:
        proc = run_cli("rules", "learn", locked, "-o", tmp_path / "x.toml", prefix=obeying_file_modes())
    finally:
        locked.chmod(0o644)
    assert (proc.returncode, proc.stderr.decode()) == (2, f"cleaner: {locked}: Permission denied\n")
    assert not (tmp_path / "x.toml").exists()


def test_rules_learn_tells_an_input_that_breaks_off_and_exits_1(tmp_path, capsys):
    # probe45/46: a .jsonl.gz cut short was learned from up to its break in silence, exit 0: the
    # rule file passed for one learned from the whole download. Now the break is one line naming
    # the input, the rule file is written from what was read (as a cleaning run writes), exit 1.
    import gzip

    pages = portal_pages(50)
    records = "".join(json.dumps({"text": "\n".join(furniture[:3] + article + furniture[3:])}, ensure_ascii=False) + "\n"
                      for article, furniture in pages).encode("utf-8")
    data = gzip.compress(records)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    out = tmp_path / "cut.toml"
    assert cli.main(["rules", "learn", str(cut), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"cleaner: {cut}: cannot read the compressed data (" in err and "were learned from, the rest is lost" in err
    assert "1 input(s) not read to their end" in err and rules.load_file(out).rules
    # In a folder: a page and a records file that break off are each told, the rest learned from.
    folder = tmp_path / "portal"
    write_portal(folder, 50)
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) * 3 // 4])
    (folder / "cut.txt.gz").write_bytes(gzip.compress("今天天气很好。\n".encode() * 5000)[:100])
    assert cli.main(["rules", "learn", str(folder), "-o", str(tmp_path / "folder.toml")]) == 1
    err = capsys.readouterr().err
    assert f"cleaner: {folder / 'cut.txt.gz'}: could not be read" in err and f"cleaner: {folder / 'cut.jsonl.gz'}: cannot read" in err
    # A file the folder's plan cannot read (a dangling link): told, exit 1 (review46: it was silent, exit 0).
    (folder / "cut.jsonl.gz").write_bytes(data)
    (folder / "cut.txt.gz").unlink()
    (folder / "broken.html").symlink_to(tmp_path / "nowhere.html")
    assert cli.main(["rules", "learn", str(folder), "-o", str(tmp_path / "linked.toml")]) == 1
    assert f"cleaner: {folder / 'broken.html'}: broken symbolic link" in capsys.readouterr().err
    (folder / "broken.html").unlink()
    # Whole inputs: exit 0, nothing said of breaks.
    assert cli.main(["rules", "learn", str(folder), "-o", str(tmp_path / "whole.toml")]) == 0
    assert "not read to their end" not in capsys.readouterr().err


def test_rules_learn_to_a_standard_output_that_cannot_take_it_is_one_line_and_exit_1(tmp_path):
    # probe46: `cleaner rules learn crawl/ -o - > /dev/full` said `cleaner: -: No space left on device`, exit 2
    # (a refusal before any work), where every other command says `<stdout>: ...; output cut short`, exit 1.
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to fill")
    write_portal(tmp_path / "portal", 20)
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([str(Path(sys.executable).parent / "cleaner"), "rules", "learn", str(tmp_path / "portal"), "-o", "-"],
                              stdout=full, stderr=subprocess.PIPE, timeout=600)
    assert (proc.returncode, proc.stderr.decode()) == (1, "cleaner: <stdout>: No space left on device; output cut short\n")


def test_rules_learn_from_a_closed_standard_input_is_one_line(tmp_path):
    # probe47: `cleaner rules learn - -o x.toml <&-` ended in `internal error: AttributeError: 'NoneType'
    # object has no attribute 'buffer'`.
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "cleaner"
    proc = subprocess.run(f"'{exe}' rules learn - -o '{tmp_path / 'x.toml'}' <&-", shell=True, stderr=subprocess.PIPE, timeout=300)
    assert (proc.returncode, proc.stderr.decode()) == (2, "cleaner: <stdin>: standard input is closed; give a file, or pipe JSON Lines in\n")
    assert not (tmp_path / "x.toml").exists()


def test_rules_learn_to_dev_null_learns_and_writes_nothing(tmp_path, capsys):
    from pathlib import Path

    # probe47: `-o /dev/null` (the main command's "only the messages") was refused as
    # "/dev/null: exists; give --force to replace it", and the site id taken from its name.
    write_portal(tmp_path / "portal", 20)
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", "/dev/null"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "rule(s) learned from 20 document(s)" in captured.err
    assert Path("/dev/null").is_char_device()


def test_rules_learn_over_a_link_is_refused_naming_it_once(tmp_path, capsys):
    # probe47: `cleaner: link.toml: link.toml: output is a symbolic link; ...` (the path twice), after the learning pass.
    write_portal(tmp_path / "portal", 20)
    (tmp_path / "target.toml").write_text("keep\n", encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(tmp_path / "target.toml")
    assert cli.main(["rules", "learn", str(tmp_path / "portal"), "-o", str(tmp_path / "link.toml"), "--force"]) == 2
    assert capsys.readouterr().err == f"cleaner: {tmp_path / 'link.toml'}: output is a symbolic link; outputs only replace regular files\n"
    assert (tmp_path / "target.toml").read_text(encoding="utf-8") == "keep\n"


def test_rules_learn_to_a_standard_output_appended_to_its_input_is_refused(tmp_path):
    # probe47: `cleaner rules learn crawl.jsonl -o - >> crawl.jsonl` appended the TOML rule file to the
    # records it learned from, exit 0 (as cat refuses "input file is output file").
    import subprocess
    import sys
    from pathlib import Path

    pages = portal_pages(20)
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps({"text": "\n".join(f[:3] + a + f[3:])}, ensure_ascii=False) + "\n" for a, f in pages),
                   encoding="utf-8")
    before = src.read_bytes()
    with open(src, "ab") as out:
        proc = subprocess.run([str(Path(sys.executable).parent / "cleaner"), "rules", "learn", str(src), "-o", "-"],
                              stdout=out, stderr=subprocess.PIPE, timeout=600)
    assert proc.returncode == 2 and "standard output is the input file itself" in proc.stderr.decode()
    assert src.read_bytes() == before
