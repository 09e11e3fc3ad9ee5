"""Compressed streams chosen by extension (cleaner/io/compressed.py)."""

import gzip
import io
import tracemalloc

import pytest

pytest.importorskip("zstandard", reason="zstandard is a core dependency: pip install -e .")

from cleaner.io.compressed import (  # noqa: E402
    COMPRESSION_ERRORS,
    base_name,
    compression_of,
    file_compression,
    open_reader,
    read_all,
    read_stream,
    sniffed_compression,
    wrap_reader,
    wrap_writer,
)

LINES = [f"第{i}行：国务院办公厅关于印发通知 line {i}\n".encode() for i in range(2000)]
NAMES = ["out.jsonl.gz", "out.jsonl.bz2", "out.jsonl.xz", "out.jsonl.zst", "out.jsonl"]


def write(path, lines, name=None):
    with open(path, "wb") as fh:
        with wrap_writer(fh, name or path.name) as out:
            for line in lines:
                out.write(line)
        assert not fh.closed  # the wrapper flushed its trailer and left the file to its owner
    return path


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_line_by_line(tmp_path, name):
    path = write(tmp_path / name, LINES)
    with open_reader(path) as reader:
        assert list(reader) == LINES
    if compression_of(name):
        assert path.stat().st_size < sum(map(len, LINES)) / 2


class _OnlyRead:
    """A stream that only has read(n), as pyarrow's are."""

    def __init__(self, data: bytes) -> None:
        self.data, self.closed = data, False

    def read(self, n: int = -1) -> bytes:
        n = len(self.data) if n < 0 else n
        out, self.data = self.data[:n], self.data[n:]
        return out


@pytest.mark.parametrize("name", NAMES)
def test_wrap_reader_reads_lines_from_any_stream_and_leaves_it_open(tmp_path, name):
    path = write(tmp_path / name, LINES)
    stream = _OnlyRead(path.read_bytes())
    assert list(wrap_reader(stream, name)) == LINES


@pytest.mark.parametrize("name", [n for n in NAMES if compression_of(n)])
def test_wrap_reader_keeps_the_lines_before_a_break(tmp_path, name):
    data = write(tmp_path / name, LINES).read_bytes()
    got = []
    with pytest.raises(COMPRESSION_ERRORS):
        for line in wrap_reader(_OnlyRead(data[: len(data) * 2 // 3]), name):
            got.append(line)
    assert got == LINES[: len(got)]


def test_names():
    assert [compression_of(n) for n in NAMES] == ["gzip", "bz2", "xz", "zstd", None]
    assert compression_of("A.WARC.GZ") == "gzip"
    assert [base_name(n) for n in NAMES] == ["out.jsonl"] * 5


def test_compression_follows_the_name_not_the_file(tmp_path):
    path = write(tmp_path / "tmp-123", LINES[:3], name="final.jsonl.gz")
    assert gzip.decompress(path.read_bytes()) == b"".join(LINES[:3])


@pytest.mark.parametrize("name", ["a.txt.gz", "a.txt.zst"])
def test_concatenated_members_and_frames_read_as_one_stream(tmp_path, name):
    path = write(tmp_path / name, LINES[:10])
    with open(path, "ab") as fh, wrap_writer(fh, name) as out:
        out.write(b"appended\n")
    with open_reader(path) as reader:
        assert list(reader) == LINES[:10] + [b"appended\n"]


@pytest.mark.parametrize("name", ["cut.txt.gz", "cut.txt.zst", "cut.txt.xz", "cut.txt.bz2"])
@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_truncated_file_raises_a_documented_error(tmp_path, name, keep):
    whole = write(tmp_path / ("whole-" + name), LINES).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[: int(len(whole) * keep)])
    with pytest.raises(COMPRESSION_ERRORS) as info, open_reader(path) as reader:
        for _ in reader:
            pass
    assert "\n" not in str(info.value)  # reportable as one line


@pytest.mark.parametrize("name", ["bad.txt.gz", "bad.txt.zst"])
def test_corrupt_data_raises_a_documented_error(tmp_path, name):
    data = bytearray(write(tmp_path / ("ok-" + name), LINES).read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0x5A for b in data[middle : middle + 64])
    path = tmp_path / name
    path.write_bytes(bytes(data))
    with pytest.raises(COMPRESSION_ERRORS), open_reader(path) as reader:
        for _ in reader:
            pass


def _generated_lines(megabytes: int):
    size, i = 0, 0
    while size < megabytes * 1_000_000:
        line = f'{{"id": {i}, "text": "第{i}段：这是生成的中文测试文本，编号 {i * 7919 % 100003}。"}}\n'.encode()
        size += len(line)
        i += 1
        yield line


@pytest.mark.parametrize("name", ["big.jsonl.gz", "big.jsonl.zst"])
def test_reading_a_large_stream_keeps_memory_flat(tmp_path, name):
    path = write(tmp_path / name, _generated_lines(50))
    tracemalloc.start()
    try:
        with open_reader(path) as reader:
            total = sum(len(line) for line in reader)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total >= 50_000_000
    assert peak < 8_000_000, f"peak {peak / 1e6:.1f} MB while reading {total / 1e6:.0f} MB"


class _Trickle(_OnlyRead):
    """A pipe that gives one byte a read: the signature must be read whole all the same."""

    def read(self, n: int = -1) -> bytes:
        return super().read(min(1, n) if n >= 0 else n)


@pytest.mark.parametrize("name", NAMES)
def test_a_stream_with_no_name_is_read_by_its_first_bytes(tmp_path, name):
    data = write(tmp_path / name, LINES).read_bytes()
    assert list(wrap_reader(_OnlyRead(data), "-")) == LINES
    assert list(wrap_reader(_Trickle(data), "-")) == LINES
    assert read_stream(_OnlyRead(data)) == b"".join(LINES)
    assert sniffed_compression(data[:10]) == compression_of(name)


@pytest.mark.parametrize("name", [n for n in NAMES if compression_of(n)])
def test_a_file_whose_name_hides_its_compression_is_read_by_its_first_bytes(tmp_path, name):
    path = tmp_path / "looks-plain.jsonl"
    path.write_bytes(write(tmp_path / name, LINES).read_bytes())
    with open_reader(path) as reader:
        assert list(reader) == LINES
    assert read_all(path) == b"".join(LINES) and file_compression(path) == compression_of(name)


def test_text_that_merely_starts_like_a_signature_is_text():
    for head in (b"BZh9 is a name", b"BZh", "\u00fd7zXZ".encode(), b"\x1f\x8b"):  # no full signature
        assert sniffed_compression(head) is None
        assert read_stream(_OnlyRead(head)) == head


def test_a_nameless_stream_that_breaks_off_raises_one_line():
    data = gzip.compress(b"".join(LINES))
    with pytest.raises(OSError, match=r"^cannot read the compressed data \(EOFError"):
        read_stream(_Trickle(data[:300]))


# --- binary data is refused from its first bytes -------------------------------------------------

class _Endless(io.RawIOBase):
    """A device that never ends (/dev/zero): reading it whole would never return."""

    def __init__(self, byte: bytes) -> None:
        self.byte, self.served = byte, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = self.byte * len(buffer)
        self.served += len(buffer)
        assert self.served < 1 << 24, "read on past the first bytes"
        return len(buffer)


def test_an_endless_binary_stream_is_refused_from_its_first_bytes():
    from cleaner.io.decode import NotText

    with pytest.raises(NotText):
        read_stream(io.BufferedReader(_Endless(b"\x00")))


def test_utf16_text_cut_anywhere_is_read_whole():
    text = "hello 中文 world\n" * 2000  # past the first 8 KB, cut inside a character there
    for codec in ("utf-16-le", "utf-16-be"):
        assert read_stream(io.BytesIO(text.encode(codec))) == text.encode(codec)


class _Terminal:
    """A terminal's reads: a typed line each; Ctrl-D at a line's start an empty read, after which
    the terminal reads on (what the user types next)."""

    def __init__(self, reads):
        self.reads = list(reads)

    def read(self, n=-1):
        return self.reads.pop(0) if self.reads else b""


def test_a_stream_ends_at_its_first_empty_read():
    # probe30: typing into `cleaner` took four Ctrl-D: each read after the first end waited again.
    typed = _Terminal([b"\xe5\x9c\x8b(gu\xc3\xb3)\n", b"", b"typed after the end\n", b"", b"more\n", b""])
    assert read_stream(typed) == "國(guó)\n".encode()
    assert typed.reads == [b"typed after the end\n", b"", b"more\n", b""]  # never read


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_a_stream_past_max_bytes_is_refused_as_soon_as_it_passes_them(compressed):
    # probe32u F4: --max-chars read and decoded a whole 30 MB page (and a 200 MB gzip bomb) first.
    from cleaner.config import DocumentTooLarge

    import random

    rng = random.Random(5)  # characters that compress little: the stream is read in many blocks
    block = "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(350_000)).encode()  # 1 MB
    text = block * 8  # repeats further apart than gzip's window: 8 MB, compressed too
    data = gzip.compress(text, 1) if compressed else text
    fh = io.BytesIO(data)
    with pytest.raises(DocumentTooLarge, match="over 4,000 bytes, more than 1,000 characters can take"):
        read_stream(fh, "page.txt", max_bytes=4000)
    assert fh.tell() < len(data) // 3  # refused after a buffer or two, not at the end
    assert read_stream(io.BytesIO(data), "page.txt", max_bytes=len(text)) == text  # at the limit: read whole


@pytest.mark.parametrize("name", ["cut.txt.gz", "cut.txt.zst", "cut.txt.xz", "cut.txt.bz2"])
def test_a_page_that_breaks_off_keeps_its_whole_lines_before_the_break(tmp_path, name):
    # probe32u F13: a truncated .txt.gz page was refused whole while a .jsonl.gz kept its records.
    from cleaner.io.compressed import BrokeOff, read_all

    lines = [f"第{i}行：国务院副总理马凯近日在贵阳调研。\n".encode() for i in range(20000)]
    whole = write(tmp_path / ("whole-" + name), lines).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[: int(len(whole) * 0.9)])
    with pytest.raises(BrokeOff) as info:
        read_all(path)
    kept = info.value.data
    assert kept and kept.endswith(b"\n") and b"".join(lines).startswith(kept)  # whole lines, in order
    assert len(kept) > len(b"".join(lines)) // 2  # most of what came before the break, not a buffer's worth
    kept_lines = kept.count(b"\n")
    assert f"after line {kept_lines}:" in str(info.value) and "\n" not in str(info.value)
    path.write_bytes(whole[:20])  # broken before any line ended: nothing to keep, a plain error
    with pytest.raises(OSError) as info:
        read_all(path)
    assert not isinstance(info.value, BrokeOff)
