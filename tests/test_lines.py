"""The lines of a records stream (cleaner/io/lines.py): every line end, long lines in pieces."""

import io

import pytest

from cleaner.io import lines
from cleaner.io.lines import LineSplitter, LongEnd, LongMore, LongStart, read_lines


def _fed(chunks, limit=None):
    splitter = LineSplitter(limit)
    out = [line for chunk in chunks for line in splitter.feed(chunk)]
    return out + list(splitter.end())


@pytest.mark.parametrize("data", [b'{"a": 1}\r{"b": 2}\r', b'{"a": 1}\r\n{"b": 2}\n', b'{"a": 1}\n{"b": 2}',
                                  b'{"a": 1}\r{"b": 2}\n\r\n\r{"c": 3}', b"\r\r\n\n\r", b""])
def test_lines_end_at_lf_cr_lf_or_a_lone_cr_wherever_the_data_is_cut(data):
    # probe45: a file with classic Mac line ends (CR only) was one line of the whole file.
    expected = data.splitlines(keepends=True)
    for cut in range(len(data) + 1):  # a CR LF cut in two stays one line end
        assert _fed([data[:cut], data[cut:]]) == expected, cut
    assert list(read_lines(io.BytesIO(data))) == expected


def test_a_line_past_the_limit_comes_in_pieces_that_hold_it_whole(monkeypatch):
    # A file with no line ends (a JSON array named .jsonl) was held whole, and read as one record.
    monkeypatch.setattr(lines, "READ", 4)
    data = b'{"a": 1}\n' + b"[" + b"x" * 40 + b"]\r\n" + b'{"b": 2}\n' + b"y" * 30
    out = list(read_lines(io.BytesIO(data), limit=16))
    assert b"".join(out) == data
    assert out[0] == b'{"a": 1}\n' and type(out[0]) is bytes
    kinds = [type(line) for line in out]
    start, end = kinds.index(LongStart), kinds.index(LongEnd)
    assert set(kinds[start + 1 : end]) == {LongMore} and out[end].endswith(b"]\r\n")
    assert out[end + 1] == b'{"b": 2}\n' and type(out[end + 1]) is bytes
    assert kinds[-1] is LongEnd and out[-1].startswith(b"y")  # the stream ended inside the second long line
    assert max(map(len, out)) <= 16  # no piece holds more than the limit: memory stays flat
    # A line of exactly the limit is a line.
    assert list(read_lines(io.BytesIO(b"z" * 16 + b"\n"), limit=16)) == [b"z" * 16 + b"\n"]


def test_a_long_line_ending_in_a_lone_cr_ends_there():
    out = _fed([b"a" * 10, b"b" * 10 + b"\r", b'{"c": 1}\n'], limit=8)
    assert [type(x) for x in out] == [LongStart, LongEnd, bytes] and out[1].endswith(b"\r") and out[2] == b'{"c": 1}\n'


def test_lines_counted_at_c_speed_are_the_lines_fed_would_end():
    # review46: resume counted a partial's lines one by one (190 MiB: 0.70 s); count_ended counts a
    # chunk's at C speed where no CR and no long line can be in it, and otherwise leaves it to feed.
    import random

    rng = random.Random(0)
    for _ in range(300):
        data = b"".join(b"x" * rng.choice([0, 1, 5, 20]) + rng.choice([b"\n", b"\r\n", b"\r", b"\n", b""])
                        for _ in range(rng.randint(0, 30)))
        cuts = sorted(rng.sample(range(len(data) + 1), min(3, len(data) + 1)))
        chunks = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
        expected = [line for line in _fed(chunks, limit=16) if not lines.ends_no_line(line)]
        splitter, counted, length = LineSplitter(16), 0, 0
        for chunk in chunks:
            n, size, rest = splitter.count_ended(chunk)
            counted, length = counted + n, length + size
            fed = [line for line in splitter.feed(rest) if not lines.ends_no_line(line)]
            counted, length = counted + len(fed), length + sum(map(len, fed))
        last = [line for line in splitter.end() if not lines.ends_no_line(line)]
        assert counted + len(last) == len(expected), data
        assert length + sum(map(len, last)) == sum(map(len, expected)), data
