"""The label over a link removed above the article (cleaner/furniture/link_labels.py), and the
furniture stage taking it with its link while the headline stays."""

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.link_labels import link_labels

TEXTS = ["本站永久域名:", "chinaha.126.com", "姊妹站Bcbhome", "bcbhome.126.com", "飞行物理学常识", "正文"]


def test_a_label_right_over_a_removed_bare_link_above_the_body_is_the_links():
    assert link_labels(TEXTS, 5, {1, 3}, set()) == [0, 2]
    assert link_labels(TEXTS, 5, {1}, set()) == [0]  # its link kept: the label stays
    assert link_labels(TEXTS, 5, {1, 3}, {2}) == [0]  # a line held
    assert link_labels(TEXTS, 2, {1, 3}, set()) == [0]  # only above the body


def test_a_headline_or_a_sentence_over_a_link_is_no_label():
    texts = ["滨江市开通政务服务网", "www.bj.gov.cn", "市民可通过该网站办理业务。", "www.bj.gov.cn", "正文"]  # no colon, no letters
    assert link_labels(texts, 4, {1, 3}, set()) == []


BODY = ["飞行归因于作用在飞机上的几个力。第一个是飞机的重量，即将飞机拉向地面的重力。第二个是引擎产生的推力，它通过空气推动飞机。",
        "多个力可同时从不同方向作用于同一架飞机上，单个的力称作分力，多个力作用总的效果称为净力或合力，这是飞行的基础。",
        "产生推力是飞机引擎工作的基本目的。这个力使飞机能够克服惯性，推力使飞机向前运动，然后使机翼产生升力。"]


def test_the_labels_go_with_their_domains_and_the_headline_stays():
    page = ["本站永久域名：", "chinaha.126.com", "姊妹站Bcbhome", "bcbhome.126.com",
            "最新军情 军事评论 军事书籍 军事装备 史海钩沉 军事技术 各国军队 纪实传记", "飞行物理学常识", *BODY]
    removal = remove_furniture("\n".join(page), ())
    assert removal.text.split("\n") == ["飞行物理学常识", *BODY]
