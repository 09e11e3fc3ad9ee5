"""A web-novel author's note under the chapter (cleaner/furniture/author_notes.py)."""

from cleaner.furniture.author_notes import author_notes
from cleaner.furniture.boilerplate import remove_furniture

CHAPTER = ["第五十七章 灯下旧信", "林若把那封信摊在桌上，灯光昏黄，纸上的字迹已经有些模糊。",
           "“这是你祖父写的？”周衡问。", "林若把信折好，放回那只铁盒子里。“回来了。只是那时候，码头已经没有人在等他了。”"]
NOTE = ["作者的话:", "这章写得有点慢，谢谢大家耐心等待。周末双更！喜欢的话请帮忙投票、收藏，你们的留言是我最大的动力~"]
PAGER = "上一章 目录 下一章 加入书签"


def test_the_heading_and_its_lines_down_to_a_line_of_a_family_go():
    texts = [*CHAPTER, *NOTE, PAGER]
    families = [""] * 6 + ["novel"]
    assert author_notes(texts, families, [False, True, False, True, False, True, False]) == [4, 5]


def test_a_preface_above_the_prose_or_a_note_running_on_stays():
    preface = ["作者的话", *CHAPTER[1:]]
    assert author_notes(preface, [""] * 4, [False, True, False, True]) == []  # no prose above the heading
    long = [*CHAPTER, "作者的话", *CHAPTER[1:] * 2, PAGER]
    families = [""] * (len(long) - 1) + ["novel"]
    assert author_notes(long, families, [False, True, False, True, False] + [True, False, True] * 2 + [False]) == []
    assert author_notes([*CHAPTER, *NOTE], [""] * 6, [False, True, False, True, False, True]) == [4, 5]  # the page's end


def test_the_note_goes_as_steps_the_chapter_stays():
    page = [*CHAPTER, "作者的話：", "這章寫得有點慢，謝謝大家耐心等待。週末雙更！喜歡的話請幫忙投票、收藏，你們的留言是我最大的動力～", PAGER]
    removal = remove_furniture("\n".join(page), ())
    gone = {f.detail.split(": ", 1)[1]: f.detail.split(": ", 1)[0] for f in removal.findings if f.kind == "removed-line"}
    assert gone.get(page[4]) == gone.get(page[5]) == "generic/author-note"
    assert all(line in removal.text for line in CHAPTER[1:])


def test_an_article_quoting_its_author_after_the_colon_keeps_its_last_paragraphs():
    # A review's 作者说：“……” near its end: its last two paragraphs went as a note.
    review = ["这本书记录了马玉芳在民勤县治沙的四十年。全书分为三个部分，从她初到沙窝写起，一直写到她退休以后仍然每年回去看树。",
              "作者说：“我想写的不是英雄，而是一个普通人怎样把一件事做了一辈子。”",
              "这或许正是这本书最珍贵的地方。它没有拔高，也没有煽情，只是把一个人的坚持原原本本地摆在读者面前。"]
    assert author_notes(review, [""] * 3, [True, True, True]) == []
    assert author_notes([*review[:1], "作者的话:「谢谢你们一路陪伴。」", PAGER], ["", "", "novel"], [True, True, False]) == []
    removal = remove_furniture("\n".join(["《沙漠里的树》书评：一个人的四十年", *review]), ())
    assert all(line in removal.text for line in review)
