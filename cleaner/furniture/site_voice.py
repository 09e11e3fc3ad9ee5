"""A line below the article in which the site speaks of itself: it names the site, as the page's
``<title>`` gives its name, in a sentence of its own.

A site closes its pages with a line of its own below the article: an app to download (``海量资讯、
精准解读，尽在新浪财经APP``), a call for support (``支持福音時報 讓好消息被看見``, ``環境資訊中心為非營利組織，
所有報導免費開放閱讀。您的捐款是我們持續報導的動力。``). Punctuated as sentences, such lines are protected
from the line model; but the page's title names the site (``标题_公司公告_新浪财经_新浪网``,
``标题 | 教會動態 | 福音時報``), and a line under the article's body that names a part of the title
other than the headline, and says more than the name, is the site's (or its channel's), not the
article's. Not a name alone, nor a name with a date: a notice is signed by the body that issued
it, which is often the site (``清河县人力资源和社会保障局``, the title ``…_招考公告_清河县人力资源``); not
a paragraph (an article's last paragraph may quote the site it is published on); and not a part
the headline is (a title of the form ``站名 - 标题`` puts the headline second). And only in the
site's voice (``_VOICE``): a government site's title names the body whose notices and reports it
carries, and their lines name it too.
"""

from __future__ import annotations

import re

from cleaner.furniture.entries import title_parts, title_words

SITE_NAME_MIN = 3  # characters of a title part read as the site's or a channel's name (新浪财经, 福音時報)
# More than a name: a clause mark, or two runs of Han split by a space (支持福音時報 讓好消息被看見).
_SAYS = re.compile(r"[,，、;；。!！?？]|[\u3400-\u9fff]\s+[\u3400-\u9fff]")
_DATED = re.compile(r"\d{4}\s*[-./年]\s*\d{1,2}")  # a signature's date (清河县人力资源和社会保障局 2025年3月1日)
# And the site speaking: of itself (本网站, 本文由, 本项目), to the reader (关注, 尽在…APP, 欢迎, 您,
# 订阅, 下载, 扫码, 捐款), as the page's maker (主办, 承办), or of its mission (致力, 宗旨, 理念). A government site's title names the
# body that signs its notices, jointly with others (清河县应急管理局 清河县公安局) and that its
# articles report on (下一步，北京市教育委员会将…): those lines name it in no such voice.
_VOICE = re.compile("本网站|本网|本站|本文|本项目|本刊|本報|本报|关注|關注|尽在|盡在|APP|App|客户端|客戶端|欢迎|歡迎|您|"
                    "订阅|訂閱|下载|下載|扫码|掃碼|捐款|捐助|募捐|反馈|回饋|主办|主辦|承办|承辦|"
                    # Its mission (session 39): 某某网致力于…, 某某频道，为广大农民朋友提供…, 某校以…为办学理念.
                    "致力|宗旨|理念|使命|愿景|願景|为广大|為廣大|做最专业|做最專業")


def site_names(title: str, headline: str | None) -> list[str]:
    """The parts of the page's title (folded) after its first that name the site or a channel:
    at least ``SITE_NAME_MIN`` characters, none the headline's (``headline``: the line the title
    names, if any)."""
    head = title_words(headline) if headline else ""
    return [p for p in title_parts(title)[1:] if len(p) >= SITE_NAME_MIN and not (head and (p in head or head in p))]


def site_voice(text: str, names: list[str]) -> bool:
    """Does the line name one of ``names`` (its words, as titles are compared) in a sentence of
    its own: a clause or two phrases, no signature's date?"""
    words = title_words(text)
    named = [name for name in names if name in words]
    if not named or not _SAYS.search(text) or _DATED.search(text):
        return False
    return _VOICE.search(text) is not None or any("支持" + name in words or "支援" + name in words for name in named)
