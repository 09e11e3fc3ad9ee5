"""A URL's host name, for recognising a page's site: never raises on a URL a crawl wrote badly."""

from __future__ import annotations

from urllib.parse import urlsplit


def host_of(url: str | None) -> str:
    """The lower-case host of ``url``; "" for none, or for a URL ``urlsplit`` cannot read.

    A crawl's ``url`` field or WARC target can hold anything (``http://[::1``, a port of 99999):
    one such record must cost its site key, not the run.

    >>> host_of("https://News.Sina.com.cn/c/1.shtml"), host_of("http://[::1"), host_of(None)
    ('news.sina.com.cn', '', '')
    """
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # an unclosed IPv6 bracket, a port out of range
        return ""
