"""The Python original of ``multi_byte_marks._fitting`` (cleaner/repair/multi_byte_marks.py),
which now searches the packed bytes of the vocabulary's characters with a pattern of a byte class
a place: a loop over the characters with the known bytes, each mark asked whether the decoder
rejects its byte before the next. Kept as the oracle tests/test_multi_byte_marks.py holds the
search to."""

from __future__ import annotations

from cleaner.repair.multi_byte_marks import MAX_CANDIDATES, _any_rejected, _by_known, _rejected_set


def fitting(part: list[int | None], length: int, following: int | None, codec: str, limit: int = MAX_CANDIDATES) -> list[str]:
    known = tuple(k for k in range(length) if part[k] is not None)
    found: list[str] = []
    for data, ch in _by_known(length, known).get(tuple(part[k] for k in known), ()):  # type: ignore[misc]
        if all(_fits(part, data, k, following, codec) for k in range(length) if part[k] is None):
            found.append(ch)
            if len(found) == limit:
                break
    return found


def _fits(part: list[int | None], data: bytes, k: int, following: int | None, codec: str) -> bool:
    if part[k] is not None:
        return part[k] == data[k]
    nxt = data[k + 1] if k + 1 < len(data) else following
    return data[k] in (_rejected_set(codec, nxt) if nxt is not None else _any_rejected(codec))
