"""A mail body left in base64 read back when it is Chinese text; keys, hashes and words stay."""

from __future__ import annotations

import base64
import hashlib
import random

import pytest

from cleaner.repair.base64_bodies import repair

BODY = "伴随着国务院《关于投资体制改革的决定》出台，确立了民间资本成为投资活动的主体之一。"


@pytest.mark.parametrize("encoding", ["utf-8", "gb2312", "gbk", "big5"])
def test_a_body_wrapped_at_76_in_a_chinese_encoding_is_read(encoding):
    body = BODY if encoding != "big5" else "香港特區政府今日宣布，由下月起的士起錶收費上調至二十九元，巴士及小巴票價維持不變。"
    block = base64.encodebytes(body.encode(encoding)).decode()
    assert block.count("\n") >= 2  # wrapped
    assert repair("第一段是正常的。\n" + block + "第三段。") == f"第一段是正常的。\n{body}\n第三段。"


def test_a_body_on_one_line_is_read():
    assert repair("前文。\n" + base64.b64encode(BODY.encode()).decode()) == "前文。\n" + BODY


@pytest.mark.parametrize("text", [
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA+17ZMGZD9k7y user@host",
    base64.b64encode(hashlib.sha256(b"x").digest()).decode(),
    base64.b64encode(bytes(random.Random(3).randrange(256) for _ in range(300))).decode(),
    "Pneumonoultramicroscopicsilicovolcanoconiosis",
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    base64.b64encode("Hello world, this is plain English text in base64.".encode()).decode(),
    base64.b64encode("短".encode()).decode(),  # too short to be a body
])
def test_base64_that_is_no_chinese_text_stays(text):
    assert repair(text) == text


def test_random_bytes_in_base64_stay():
    rng = random.Random(22)
    for _ in range(2000):
        text = base64.b64encode(bytes(rng.randrange(256) for _ in range(rng.randint(18, 200)))).decode()
        assert repair(text) == text


def test_the_cleaner_reads_a_body_as_a_recorded_step():
    from cleaner import Cleaner

    block = base64.encodebytes(BODY.encode("gbk")).decode()
    result = Cleaner(to="keep", remove_furniture=False).run("第一段是正常的。\n" + block)
    assert result.text == f"第一段是正常的。\n{BODY}"
    assert any(s.name == "base64-bodies" for s in result.steps)
    assert Cleaner(to="keep", remove_furniture=False).run(result.text).text == result.text
