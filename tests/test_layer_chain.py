"""Mojibake of mojibake read through both layers at once (cleaner/repair/layer_chain.py)."""

from wrong_decoders import DECODERS

from cleaner.repair import decoders, layer_chain, layers

SENTENCE = "中华人民共和国是一个位于东亚的国家，首都北京。他说：我是中国人。其他的情况也是一样的，没有什么不同。"


def _twice(text: str, errors: str) -> tuple[str, str]:
    """(first layer, second layer) of UTF-8 read as Python's gbk twice."""
    first = text.encode().decode("gbk", errors)
    return first, first.encode().decode("gbk", errors)


def test_the_outer_layers_marks_are_chosen_so_that_the_page_under_both_reads():
    first, second = _twice(SENTENCE, "replace")
    assert "\ufffd" in second.replace("锟", "")  # the outer reading lost bytes of its own
    stream, _ = decoders.byte_view(second, decoders.GBK_FAMILY)
    slots = layer_chain.slots(stream, decoders.GBK_FAMILY, decoders.GBK_FAMILY)
    assert all(slot is not None for slot in slots)
    assert any(len(slot.candidates) > 1 for slot in slots)  # a lost byte leaves several
    text, guessed = layer_chain.choose(slots, decoders.GBK_FAMILY)
    assert text == first
    assert guessed == sum(len(slot.candidates) > 1 for slot in slots)


def test_without_guessing_a_chosen_character_is_the_inner_decoders_mark():
    _, second = _twice(SENTENCE, "replace")
    stream, _ = decoders.byte_view(second, decoders.GBK_FAMILY)
    slots = layer_chain.slots(stream, decoders.GBK_FAMILY, decoders.GBK_FAMILY)
    text, guessed = layer_chain.choose(slots, decoders.GBK_FAMILY, guess=False)
    assert guessed and text.count("\ufffd") >= guessed


def test_a_page_read_as_gbk_twice_comes_back_across_the_outer_marks():
    for errors in ("replace", "ignore"):
        _, second = _twice(SENTENCE, errors)
        fixed = layers.repair_second_layer("他说：" + second)
        assert fixed.text.startswith("他说：中华人民共和国是一个位于东亚的国家，首都北京。他说：我是中国人。"), errors
        assert fixed.findings  # the outer layer's choices are reported


def test_dropped_bytes_are_placed_by_utf8s_structure():
    # 一 in the first layer is 涓 (e6 b6 93) with its 80 lost; a dropped continuation byte of a
    # three-byte character may have gone from either place after the lead.
    stream = [0xE6, 0xB6]
    slots = layer_chain.slots(stream, decoders.GBK_FAMILY, decoders.GBK_FAMILY)
    assert len(slots) == 1 and len(slots[0].candidates) > 1


def test_clean_text_gives_no_stretch():
    clean = "鳍鲷鲈科的鱼类分布于印度洋和太平洋，栖息在珊瑚礁区。"
    assert layers.repair_second_layer(clean).text == clean


def test_only_an_outer_reading_whose_bytes_read_as_utf8_is_read_through_both_layers():
    # Binary data read as text (a compressed body never unpacked) breaks most UTF-8 sequences:
    # weighing layer_chain's choices for each of them cost seconds a page.
    import random
    import zlib

    from cleaner.repair import decoders, layers

    text = "国务院今天发布通知，要求各地加强安全生产工作，确保人民群众生命财产安全。" * 3
    twice = text.encode("utf-8").decode("gbk", errors="replace").encode("utf-8").decode("gbk", errors="replace")
    stream, _ = decoders.byte_view(twice, decoders.GBK_FAMILY)
    assert layers._mostly_utf8(stream)
    random.seed(7)
    binary = zlib.compress(bytes(random.randrange(256) for _ in range(3000))).decode("gbk", errors="replace")
    stream, _ = decoders.byte_view(binary, decoders.GBK_FAMILY)
    assert not layers._mostly_utf8(stream)


def test_a_browsers_euro_in_the_first_layer_is_a_character_of_it():
    # 一位 (e4 b8 80 e4 bd 8d) read by a browser's gbk is 涓€浣: the € (the lone 80) is saved as
    # e2 82 ac, a whole character of the first layer, not a place to cut the stretch.
    first = DECODERS["whatwg-gbk"].decode("一位德国车手".encode())
    assert "€" in first
    stream, _ = decoders.byte_view(DECODERS["whatwg-gbk"].decode(first.encode()), decoders.GBK_FAMILY)
    found = layer_chain.slots(stream, decoders.GBK_FAMILY, decoders.GBK_FAMILY)
    assert ["€"] in [slot.candidates for slot in found if slot is not None]
    assert None not in found
