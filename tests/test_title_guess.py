"""The title a page without its own is given (cleaner/title_guess.py)."""

import pytest

from cleaner.title_guess import guessed_title


@pytest.mark.parametrize("line", ["本站永久域名：", "相关文章:", "2003年5月", "2019-03-05 14:30", "◎简　　介", "● 要闻",
                                  "来源：新华网", "责任编辑：王小明", "首页 > 新闻 > 国内", "打印 关闭 收藏", "网友评论",
                                  "本文地址：http://www.example.com/1.html", "这是一个很长的段落" * 10, "第一句结束了。"])
def test_a_furniture_shaped_first_line_is_no_title(line):
    assert guessed_title(line) is None


@pytest.mark.parametrize("line", ["拆房屡出命案 管理形同虚设", "习近平：坚持改革开放不动摇", "共享C++20年精彩风华！", "1984",
                                  "书记市长这一周 | 奋马扬鞭争春色", "2008年北京奥运会开幕", "国务院副总理马凯近日在贵阳调研"])
def test_a_headline_is_taken_as_it_is(line):
    assert guessed_title(line) == line


def test_an_html_page_without_a_title_gets_none_from_a_label_over_it():
    # probe32u F12: 455de1c0 has no <title>; its first line `本站永久域名：` became meta title.
    from cleaner import Cleaner

    page = "<html><body><p>本站永久域名：</p><p>" + "飞行归因于作用在飞机上的几个力，第一个是飞机的重量。" * 3 + "</p></body></html>"
    assert "title" not in Cleaner().run_bytes(page.encode()).meta
    page = page.replace("本站永久域名：", "飞行物理学常识")
    assert Cleaner().run_bytes(page.encode()).meta["title"] == "飞行物理学常识"
