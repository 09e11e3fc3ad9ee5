"""running_heads.py: page numbers counting up a page apart, and the line repeated beside them."""

from cleaner import Cleaner
from cleaner.furniture.running_heads import page_number, running_heads

HEAD = "某某大学学报（自然科学版）　第42卷"
BODY = [f"这是论文正文的第{i}行，讲述实验方法与结果分析的部分内容。" for i in range(40)]


def pdf(numbers, head=HEAD, every=12):
    """A document of BODY, ``head`` at each page's top, ``numbers[k]`` at page k's foot."""
    out, page = [], 0
    for i, line in enumerate(BODY):
        if i % every == 0 and head:
            out.append(head)
        out.append(line)
        if i % every == every - 1 or i == len(BODY) - 1:
            out.append(numbers[page])
            page += 1
    return out


def test_page_numbers_of_every_form():
    assert [page_number(t) for t in ["7", "- 7 -", "—7—", "第 7 页 共 9 页", "第7页", "7/9", "Page 7 of 9"]] == [7] * 7
    assert page_number("7月") is None and page_number("2023") == 2023


def test_numbers_and_heads_of_mixed_forms_go():
    texts = pdf(["1", "- 2 -", "第 3 页 共 4 页", "4"])
    found = [texts[p] for p in running_heads(texts)]
    assert found.count(HEAD) == 4 and {"1", "- 2 -", "第 3 页 共 4 页", "4"} <= set(found)
    assert not any(t.startswith("这是") for t in found)


def test_bare_numbers_without_a_head_need_a_longer_chain():
    assert running_heads(pdf(["1", "2", "x", "y"], head="")) == []  # two bare numbers: no numbering yet
    texts = pdf(["1", "2", "3", "4"], head="")
    assert [texts[p] for p in running_heads(texts)] == ["1", "2", "3", "4"]


def test_a_column_of_numbers_is_no_numbering():
    texts = ["排名", "1", "2", "3", "4", "5"] + BODY[:20]
    assert running_heads(texts) == []


def test_a_line_repeated_away_from_the_numbers_stays():
    texts = pdf(["1", "2", "3", "4"], head="")
    texts[5] = texts[30] = "表1　实验结果"
    assert "表1　实验结果" not in [texts[p] for p in running_heads(texts)]


def test_the_cleaner_removes_them_from_a_pdf_copy():
    doc = "\n".join(pdf(["1", "- 2 -", "3", "第 4 页"]))
    out = Cleaner(to="keep").run(doc).text
    assert HEAD not in out and "- 2 -" not in out.split("\n")
    assert all(line in out for line in BODY)


def test_a_head_repeated_a_page_apart_beside_one_number_left():
    texts = pdf(["第 1 页 共 4 页", "x", "y", "z"])
    texts = [t for t in texts if t not in ("x", "y", "z")]  # the other numbers were joined to their lines
    found = [texts[p] for p in running_heads(texts)]
    assert found.count(HEAD) == 4 and "第 1 页 共 4 页" in found


def test_a_refrain_without_page_numbers_stays():
    refrain = "月光洒在小河上风吹过那片稻香"
    song = [refrain if i % 10 == 0 else f"第{i}句歌词" for i in range(40)]
    assert running_heads(song) == []


def test_a_dated_running_head_a_rule_takes_makes_no_page_of_a_chat_log():
    # A rule takes the head as a site's dateline; the heads are the PDF's, and the chat log (no page)
    # keeps every turn: its stamped turns would read as a comment thread on a page.
    names = ["陈晨", "刘洋", "周敏", "赵磊"]
    says = ["今晚的读书会改到线上了，链接稍后发群里。", "好的，这次读哪一本？", "第三部分，大家提前看一下。", "[图片] 读书笔记.jpg",
            "这是我上周整理的笔记，大家可以参考。", "太有用了，谢谢！", "八点半准时开始，迟到的自己进会议室。", "我可能要晚十分钟，孩子还没睡。",
            "没关系，先听录音也行。", "录音在哪里下载？", "群文件里，名字叫读书会0308。", "收到。"]
    turns = [f"2024-03-08 20:{i:02d}:{(7 * i) % 60:02d} {names[i % 4]}：{says[i % 12]}" for i in range(24)]
    doc = "\n".join(["2024-03-08 20:00", *turns[:12], "- 1 -", "2024-03-08 20:00", *turns[12:], "- 2 -"])
    assert Cleaner(to="keep").run(doc).text.split("\n") == turns


def test_a_poem_sequences_section_numbers_stay():
    # Bare numbers counting up 9 lines apart, each heading its section: no page shows.
    seasons = [f"第{k}节的第{i}行诗句" for k in range(4) for i in range(8)]
    poems = ["组诗：四季"]
    for k in range(4):
        poems += [str(k + 1), *seasons[8 * k : 8 * k + 8]]
    assert running_heads(poems) == []
    assert Cleaner(to="keep").run("\n".join(poems)).text.split("\n") == poems


def test_bare_numbers_need_pages_feet_and_a_pages_length():
    long_sections = ["组诗"] + [line for k in range(4) for line in (str(k + 1), *BODY[12 * k : 12 * k + 12])][:-1]
    assert running_heads(long_sections) == []  # the first number heads its section, under the title
    short_pages = pdf(["1", "2", "3", "4", "5"], head="", every=9)
    assert running_heads(short_pages) == []  # nine lines are a section's, no page's
    dashed = pdf(["- 1 -", "- 2 -", "- 3 -", "- 4 -", "- 5 -"], head="", every=9)
    assert [dashed[p] for p in running_heads(dashed)] == ["- 1 -", "- 2 -", "- 3 -", "- 4 -", "- 5 -"]


def joined(numbers, head=HEAD, every=12):
    """``pdf`` after the hard-wrap stage joined each page's lines into one paragraph."""
    out, lines = [], pdf(numbers, head, every)
    for line in lines:
        if line.startswith("这是") and out and out[-1].startswith("这是"):
            out[-1] += line
        else:
            out.append(line)
    return out


def test_heads_beside_numbers_of_pages_the_join_made_short():
    texts = joined(["1", "2", "3", "4"])
    assert len(texts) == 12  # pages of one line: no page's length between the numbers
    found = [texts[p] for p in running_heads(texts)]
    assert found.count(HEAD) == 4 and ["1", "2", "3", "4"] == [t for t in found if t != HEAD]


def test_a_hymns_numbered_verses_opening_with_one_line_stay():
    refrain = "哈利路亚赞美归于主"
    hymn = ["赞美诗"]
    for k in range(4):
        hymn += [str(k + 1), refrain, f"第{k}段的歌词唱到这里", f"第{k}段的歌词唱完了"]
    assert running_heads(hymn) == []


def test_a_hymns_refrain_above_each_verses_number_stays():
    refrain = "哈利路亚，赞美归于主"
    hymn = [refrain]
    for k in range(4):
        hymn += [f"第{k}段的歌词唱到这里", f"第{k}段的歌词唱完了", refrain, str(k + 1)]
    assert running_heads(hymn) == []


def test_a_listings_rules_beside_its_numbers_are_no_heads():
    listing = [line for k in range(1, 400) for line in (str(k), f"条目名称{k}", "----------")]
    assert running_heads(listing) == []


def test_a_lone_digit_in_a_column_of_characters_is_no_page_number():
    # A vertical PDF copied a character a line: 于/0/7/年 a page apart from 于/0/8/年 ... a year's digits.
    column = [ch for year in range(1, 6) for ch in f"本公司于0{year}年在上海设立分部并开始营业"]
    assert running_heads(column) == []
