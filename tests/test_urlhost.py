"""A URL's host (cleaner/urlhost.py): never an exception for a URL a crawl wrote badly."""

import pytest

from cleaner.urlhost import host_of


@pytest.mark.parametrize("url, host", [
    ("https://News.Sina.com.cn/c/1.shtml", "news.sina.com.cn"),
    ("http://www.gov.cn:8080/x", "www.gov.cn"),
    ("http://[::1]/x", "::1"),
    ("http://[::1", ""),        # an unclosed bracket: urlsplit raises ValueError
    ("http://]/", ""),
    ("http://a.com:99999/", "a.com"),
    ("javascript:void(0)", ""),
    ("", ""),
    (None, ""),
])
def test_host_of(url, host):
    assert host_of(url) == host
