"""UTF-8 misread as cp1252 more than once (cleaner/repair/latin_layers.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.repair import latin_layers
from cleaner.repair.latin_layers import peel

SENTENCES = ["习近平出席会议并发表重要讲话", "我们的公司在北京，欢迎来访。", "本公司产品质量可靠，价格合理。",
             "研究生用电政策今年起调整，收费标准另行公布。"]


def _cp1252(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def _latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


@pytest.mark.parametrize("clean", SENTENCES)
@pytest.mark.parametrize("misread", [lambda t: _cp1252(_cp1252(t)), lambda t: _cp1252(_latin1(t)),
                                     lambda t: _latin1(_cp1252(t))], ids=["cp1252 twice", "latin-1 then cp1252",
                                                                           "cp1252 then latin-1"])
def test_a_page_misread_twice_comes_back(clean, misread):
    assert Cleaner(remove_furniture=False).clean(misread(clean)) == clean


def test_one_layer_is_peeled_per_misreading():
    once = _cp1252(SENTENCES[0])
    assert peel(_cp1252(once)) == (once, 1, [])
    assert peel(_cp1252(_cp1252(once))) == (once, 2, [])
    assert peel(once) == (once, 0, [])  # misread once: the single-byte re-read's, not this


def test_a_lost_byte_that_only_one_character_fits_is_put_back():
    # 生 is e7 94 9f: misread once, 0x94 is ”; misread again, ” is â€ and a lost 0x9d, which no
    # other cp1252 character under the layer could end with.
    inner = _cp1252("研究生")
    assert "\ufffd" in _cp1252(inner)
    assert peel(_cp1252(inner))[0] == inner


@pytest.mark.parametrize("text", ["Müller und Söhne, Café, naïve résumé", "价格：€5，约£4", "â€œquotedâ€",
                                  "Ã€ Ã‰ Ãˆ", "文字 Ã©tÃ© 文字"])
def test_latin_text_and_single_misreadings_stay(text):
    assert peel(text) == (text, 0, [])


def test_the_pipeline_records_each_layer():
    result = Cleaner(remove_furniture=False).run(_cp1252(_cp1252(_cp1252(SENTENCES[2]))))
    assert result.text == SENTENCES[2]
    assert [str(s) for s in result.steps][0] == "repair:latin-layers x2"


@pytest.mark.parametrize("after", [" 39°54′N", "\u2028下一行", "\u202f。"])
def test_a_neighbour_of_cp1252_signs_in_unicode_is_no_cp1252_byte(after):
    # ′ (U+2032) and U+2028 lie between cp1252's signs in Unicode; taken for bytes they crashed.
    text = "位置：" + _cp1252("中文网") + after
    assert peel(text) == (text, 0, [])
    Cleaner().clean(text)


GBK_SENTENCES = ["中华人民共和国国务院今天发布通知，要求各地加强安全生产工作。",
                 "西巴丹岛是马来西亚唯一的大洋岛，面积约4万平方米。", "他们通过了和平协议。"]


def _gbk_shown_as_latin1_then_cp1252(text: str, errors: str) -> str:
    # A GBK page shown as Latin-1, saved as UTF-8, read again as cp1252: Ã and a byte cp1252
    # leaves undefined is one of Á Í Ï Ð Ý under the layer, GBK's c1 cd cf d0 dd (中 is d6 d0).
    return text.encode("gbk").decode("latin-1").encode("utf-8").decode("cp1252", errors=errors)


@pytest.mark.parametrize("clean", GBK_SENTENCES)
@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_a_byte_the_outer_layer_lost_is_chosen_among_those_it_can_be(clean, errors):
    damaged = _gbk_shown_as_latin1_then_cp1252(clean, errors)
    assert "\ufffd" in damaged or errors == "ignore"
    result = Cleaner(remove_furniture=False, to="keep").run(damaged)
    assert result.text == clean
    assert any(f.kind == "lost-byte" for f in result.findings)


def test_a_chosen_character_is_a_finding_and_without_guessing_a_mark():
    damaged = _gbk_shown_as_latin1_then_cp1252(GBK_SENTENCES[0], "replace")
    text, layers, findings = peel(damaged)
    assert layers == 1 and findings and findings[0].detail.startswith("中")
    assert text[findings[0].position] == "Ð"  # GBK d0, 中's trail byte, under the layer
    unguessed, _, _ = peel(damaged, guess=False)
    assert unguessed[findings[0].position] == "\ufffd"
    assert "\ufffd" not in Cleaner(remove_furniture=False, to="keep").clean(damaged)
    assert "\ufffd" in Cleaner(remove_furniture=False, to="keep", guess_lost=False).clean(damaged)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="中华人民共和国和平协议今天发布通知。，ab1", min_size=1, max_size=40),
       st.sampled_from(["replace", "ignore"]))
def test_the_marks_places_are_counted_as_a_prefix_reads(text, errors):
    # Counted piece by piece between the places, once (a long line had every prefix read again:
    # review19 F4), as each prefix reads on its own.
    damaged = text.encode("gbk").decode("latin-1").encode("utf-8").decode("cp1252", errors)
    data, marks = latin_layers._bytes(damaged)
    cuts = [cut for cut, _ in marks]
    assert latin_layers._characters_before(data, cuts) == [len(data[:cut].decode("utf-8", errors="replace"))
                                                            for cut in cuts]


def test_a_cp1252_layer_over_another_code_pages_reading_is_peeled():
    # UTF-8 shown by a Cyrillic system (cp1251), saved as UTF-8, shown by cp1252: under the
    # outer layer lies cp1251's reading (дё­еЌЋ), which the code-page repair reads back; the
    # layer is peeled to it, exactly but where cp1252 lost a byte (81 8d 8f 90 9d, Џ is d0 8f):
    # several Cyrillic letters fit there, and the peel writes U+FFFD (the outer layer's choice
    # among them is made for cp1252's letters only). Russian under the two layers is no
    # Chinese reading.
    from cleaner.repair import latin_layers

    text = "中华人民共和国国务院新闻办公室今天举行发布会，介绍经济发展情况。"
    inner = text.encode("utf-8").decode("cp1251", "replace")
    outer = inner.encode("utf-8").decode("cp1252", "replace")
    peeled, layers, _ = latin_layers.peel(outer)
    lost = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
    assert layers == 1
    assert peeled == "".join("\ufffd" if lost & set(ch.encode("utf-8")) else ch for ch in inner)
    assert peeled.count("\ufffd") < len(inner) // 10
    russian = "Русский язык — один из восточнославянских языков."
    russian_inner = russian.encode("utf-8").decode("cp1251", "replace")
    twice = russian_inner.encode("utf-8").decode("cp1252", "replace")
    assert latin_layers.peel(twice)[1] == 0
