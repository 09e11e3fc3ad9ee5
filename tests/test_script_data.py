"""The article of a page that carries it only in script data (cleaner/io/script_data.py)."""

import json

from cleaner.io.script_data import (
    MAX_NODES,
    SHELL_LINES,
    Script,
    article_html,
    find_article,
    holds_article,
    misread_reading,
    replaces_visible,
    visible_prose,
)

PARAGRAPHS = [
    "本市今年新建的十二座社区图书馆已全部开放，市民凭身份证即可免费办理借阅证。",
    "据市文化局介绍，这些图书馆平均藏书两万册，周末和节假日照常开放，晚上九点闭馆。",
    "不少居民表示，家门口有了图书馆，孩子放学后多了一个安静读书的去处，老人也常来看报。",
]
BODY = "\n".join(PARAGRAPHS)
HTML_BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def ld(obj) -> Script:
    return Script("application/ld+json", "", json.dumps(obj, ensure_ascii=False))


def test_json_ld_article_body_with_its_meta():
    found = find_article([ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "社区图书馆全部开放",
                              "datePublished": "2021-04-23T09:00:00+08:00",
                              "author": [{"@type": "Person", "name": "李明"}, {"@type": "Person", "name": "王芳"}],
                              "articleBody": BODY})])
    assert (found.body, found.is_html, found.source) == (BODY, False, "JSON-LD NewsArticle.articleBody")
    assert found.meta == {"title": "社区图书馆全部开放", "date": "2021-04-23T09:00:00+08:00", "author": "李明, 王芳"}


def test_json_ld_inside_a_graph_and_text_of_an_article_type():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "某某网", "description": "某某网是本市最大的新闻门户网站，每天更新本地新闻。"},
        {"@type": ["BlogPosting"], "headline": "图书馆", "text": BODY},
    ]}
    found = find_article([ld(graph)])
    assert (found.body, found.source) == (BODY, "JSON-LD BlogPosting.text")


def test_json_ld_that_is_not_strict_json_still_gives_its_article_body():
    # a trailing comma and an HTML comment around it: json refuses it, the literal scan does not
    text = '<!--\n{"@type": "NewsArticle", "articleBody": ' + json.dumps(BODY, ensure_ascii=True) + ',}\n-->'
    found = find_article([Script("application/ld+json", "", text)])
    assert found.body == BODY and found.source == "JSON-LD articleBody"


def test_json_ld_first_then_the_longest_string_of_a_state():
    state = Script("", "", "window.__INITIAL_STATE__ = " + json.dumps({"article": {"title": "图书馆", "content": HTML_BODY + HTML_BODY}}) + ";")
    assert find_article([state, ld({"@type": "Article", "articleBody": BODY})]).source == "JSON-LD Article.articleBody"
    found = find_article([state])
    assert (found.body, found.is_html, found.source) == (HTML_BODY + HTML_BODY, True, "window.__INITIAL_STATE__ article.content")
    assert found.meta == {"title": "图书馆"}


def test_a_state_in_a_json_script_and_through_json_parse():
    data = json.dumps({"props": {"pageProps": {"post": {"body": HTML_BODY, "summary": "简短摘要。"}}}})
    assert find_article([Script("application/json", "__NEXT_DATA__", data)]).source == "#__NEXT_DATA__ props.pageProps.post.body"
    parsed = Script("", "", "window.__DATA__ = JSON.parse(" + json.dumps(json.dumps({"story": {"html": HTML_BODY}})) + ");")
    assert find_article([parsed]).body == HTML_BODY


def test_a_javascript_object_literal_falls_back_to_its_strings():
    # Nuxt 2's state is a function call with unquoted keys and single quotes: not JSON
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c):04x}" for c in HTML_BODY)
    nuxt = "window.__NUXT__=(function(a,b){return {layout:a,data:[{post:{id:b,body:'" + escaped + "'}}]}}('default',7));"
    found = find_article([Script("", "", nuxt)])
    assert (found.body, found.source) == (HTML_BODY, "script body")


def test_a_json_value_beside_a_javascript_literal_does_not_hide_it():
    config = 'var config = {"cdn": "https://static.example.com/", "debug": false};\n'
    nuxt = "window.__NUXT__=(function(a){return {post:{body:" + json.dumps(HTML_BODY) + "}}}(1));"
    assert find_article([Script("", "", config + nuxt)]).body == HTML_BODY


def test_inline_tags_only_keep_their_line_breaks():
    marked = "\n".join(f"<b>{p[:4]}</b>{p[4:]}" for p in PARAGRAPHS)
    found = find_article([ld({"@type": "NewsArticle", "articleBody": marked})])
    assert found.is_html and article_html(found) == marked.replace("\n", "<br>")
    assert article_html(find_article([ld({"@type": "NewsArticle", "articleBody": HTML_BODY + "\n"})])) == HTML_BODY + "\n"


def test_paragraphs_sent_as_a_list_are_joined():
    blocks = {"article": {"blocks": [{"type": "p", "text": p} for p in PARAGRAPHS]}}
    found = find_article([Script("", "", "var state = " + json.dumps(blocks, ensure_ascii=False))])
    assert (found.body, found.source) == (BODY, "state article.blocks")


def test_no_article_in_short_strings_code_or_navigation():
    nav = {"nav": ["首页", "新闻", "体育"], "notice": "请开启JavaScript以浏览本站", "url": "https://example.com/" + "a" * 200}
    assert find_article([Script("", "", "window.__S__ = " + json.dumps(nav, ensure_ascii=False))]) is None
    assert find_article([Script("text/template", "", "var x = " + json.dumps({"b": BODY}))]) is None  # not data
    assert find_article([Script("application/JSON; charset=utf-8", "", json.dumps({"b": BODY}))]).body == BODY


def test_misread_utf8_is_judged_on_its_reading_and_handed_on_as_it_is():
    misread = BODY.encode("utf-8").decode("latin-1")
    assert misread_reading(misread) == BODY
    found = find_article([Script("", "", "window.__S__ = " + json.dumps({"a": {"content": misread}}))])
    assert found.body == misread and found.han == sum(1 for c in BODY if "\u4e00" <= c <= "\u9fff")


def test_bounded_work_on_hostile_scripts():
    deep = "window.__S__ = " + "[" * 100_000 + "]" * 100_000
    unterminated = "window.__S__ = {\"a\": \"" + "中" * 100_000
    many = "var s = " + json.dumps([[i] for i in range(MAX_NODES + 1000)])
    quotes = "x = '" + "\\'" * 50_000
    assert [find_article([Script("", "", text)]) for text in (deep, unterminated, many, quotes)] == [None] * 4


def test_visible_prose_and_when_the_data_replaces_it():
    shell = ["首页 | 新闻 | 第A01版：头版 | 社区图书馆全部开放，市民可免费借阅", "加载中…", "请开启JavaScript以浏览本站"]
    assert visible_prose(shell) == []
    article = find_article([ld({"@type": "NewsArticle", "articleBody": BODY})])
    assert replaces_visible(article, shell)
    shown = ["导航", *PARAGRAPHS, "版权所有"]
    runs = visible_prose(shown)
    assert [text for _, text in runs] == [BODY]
    assert not holds_article(runs)  # 107 Han characters: short, yet an article of its own
    assert not replaces_visible(article, shown)  # the same article: no more than what is shown
    assert holds_article(visible_prose([*PARAGRAPHS, *PARAGRAPHS]))
    teaser = [PARAGRAPHS[0] + PARAGRAPHS[1]]
    longer = find_article([ld({"@type": "NewsArticle", "articleBody": BODY + "\n" + BODY + "\n" + BODY})])
    assert replaces_visible(longer, teaser)  # the page shows its first paragraphs; the data has it all
    assert replaces_visible(longer, ["社区图书馆", PARAGRAPHS[0][:30] + "……阅读全文>>"])  # cut with an ellipsis
    other = ["市政府今天召开常务会议，研究部署今年夏季防汛工作，要求各区县落实责任，确保安全度汛。"
             "会议还听取了城区排水管网改造进展的汇报，并部署了下一步工作。"]
    assert not replaces_visible(longer, other)  # a short article of its own the data does not hold


BLURB = ("古诗文网是一个专注于古典诗词的学习平台，收录了从先秦到近现代的诗词曲赋和文言文数十万篇，提供原文、翻译、注释、"
         "赏析和作者介绍，帮助广大读者和学生更好地学习和欣赏中华优秀传统文化。我们坚持公益运营，欢迎各位读者提出宝贵意见。")
VERSE = ["床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。"]


def test_verse_and_dialogue_a_page_shows_are_not_replaced_by_a_blurb_of_its_state():
    # Lines of 5 to 15 Han characters never make a run of prose; they are the page's own text.
    blurb = find_article([Script("", "", "window.__INITIAL_STATE__ = " + json.dumps({"site": {"about": BLURB}}, ensure_ascii=False))])
    assert blurb is not None and visible_prose(["静夜思", "李白〔唐代〕", *VERSE]) == []
    assert not replaces_visible(blurb, ["静夜思", "李白〔唐代〕", *VERSE])
    assert not replaces_visible(blurb, ["静夜思", "床前明月光，疑是地上霜。", "举头望明月，低头思故乡。"])
    dialogue = ["会议室里很安静。", "“林晚？”沈默站了起来。", "“你是……沈默？”", "“三十年了。”她说。"]
    assert not replaces_visible(blurb, dialogue)
    # a modern poem without punctuation: its own text by its length
    assert not replaces_visible(blurb, ["我们走在大路上", "意气风发斗志昂扬", "毛主席领导革命队伍", "披荆斩棘奔向前方"] * 2)
    # what a shell shows stays under it: a title, a loader, one line of notice
    assert replaces_visible(blurb, ["静夜思", "加载中…", "您的浏览器版本过低，请升级浏览器或开启JavaScript后访问本站。"])


def test_an_article_the_page_shows_in_lines_of_verse_keeps_its_lines():
    body = "".join(VERSE) * 3  # one string, without the page's line breaks
    article = find_article([ld({"@type": "Article", "headline": "静夜思", "articleBody": body})])
    assert not replaces_visible(article, ["静夜思", "李白", *VERSE * 3])
    assert replaces_visible(article, ["静夜思", "李白", *VERSE[:2]])  # a teaser of it
    # a page of more than SHELL_LINES lines is no shell, however much longer the data's article
    longer = find_article([ld({"@type": "Article", "articleBody": "".join(VERSE) * (SHELL_LINES * 2)})])
    assert not replaces_visible(longer, VERSE * (SHELL_LINES // 4 + 1))
