"""What an input file holds, by its name: text, HTML, RTF, JSON Lines or WARC (compressed or not)."""

from __future__ import annotations

from cleaner.io.compressed import base_name

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".wet")
RTF_SUFFIXES = (".rtf",)  # a page: its text is read by the pipeline's rtf stage (cleaner/rtf.py)


def input_kind(name: str) -> str:
    """``text``, ``html``, ``rtf``, ``jsonl`` or ``warc``; compression suffixes are looked through.

    >>> [input_kind(n) for n in ("a.txt", "b.HTML", "c.jsonl.zst", "d.warc.gz", "e", "f.RTF")]
    ['text', 'html', 'jsonl', 'warc', 'text', 'rtf']
    """
    base = base_name(name).lower()
    if base.endswith(WARC_SUFFIXES):
        return "warc"
    if base.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if base.endswith(HTML_SUFFIXES):
        return "html"
    if base.endswith(RTF_SUFFIXES):
        return "rtf"
    return "text"


def looks_like_rtf(head: bytes) -> bool:
    """Does a file start as an RTF document does (``{\\rtf``, after a byte-order mark or blanks)?

    >>> looks_like_rtf(b"{\\\\rtf1\\\\ansi\\\\ansicpg936 x}"), looks_like_rtf(b"\\\\rtf is a format")
    (True, False)
    """
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


# Pages a web server made (its script's name kept by a crawler or a browser's "save as"): HTML as
# often as not, and text once cleaned, whatever the content was.
SERVER_PAGE_SUFFIXES = (".php", ".asp", ".aspx", ".jsp", ".jspx", ".cfm", ".cgi", ".do", ".action")


def output_name(name: str) -> str:
    """The output's file name: text for pages, JSON Lines (same compression) for records.

    A page's output is a text file, so its name says so: a web page's or a document's extension
    (``.html .htm .shtml .xhtml``, a server page's ``.php .asp .aspx .jsp`` …, ``.rtf``) becomes
    ``.txt``, and a name without an extension, or a saved URL with its query (``list.php?id=3``),
    gets ``.txt`` added (two queries stay two files). Any other name is kept (``a.txt``,
    ``notes.md``): it was a text file, and still is.

    >>> [output_name(n) for n in ("a.txt", "b.html", "c.jsonl.gz", "d.warc.gz", "e.wet", "f.rtf")]
    ['a.txt', 'b.txt', 'c.jsonl.gz', 'd.jsonl.gz', 'e.jsonl', 'f.txt']
    >>> [output_name(n) for n in ("g.php", "h.ASPX", "index", "list.php?id=3", "l.php?id=3.html", "j.gz", "v1.2")]
    ['g.txt', 'h.txt', 'index.txt', 'list.php?id=3.txt', 'l.php?id=3.txt', 'j.txt.gz', 'v1.2']
    """
    kind = input_kind(name)
    base = base_name(name)
    compression = name[len(base):]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    if kind == "warc":
        return stem + ".jsonl" + compression
    if kind == "jsonl":
        return name
    if kind in ("html", "rtf") or base.lower().endswith(SERVER_PAGE_SUFFIXES):
        return stem + ".txt"
    if "?" in base or "." not in base.lstrip("."):
        return base + ".txt" + compression
    return name


# Files a folder holds beside its pages that are no text to clean: a browser's "Web page,
# complete" save puts a page's scripts, style sheets and pictures in a NAME_files folder, and a
# mirrored site has them everywhere. Cleaned, a script became "text" in the corpus and a picture a
# failure (binary data). Named by what they are, they are skipped and counted by kind; a file named
# on the command line is cleaned whatever its name (that is how to include one).
NOT_PAGES = {
    "script": (".js", ".mjs", ".cjs", ".map"),
    "style sheet": (".css", ".less", ".scss"),
    "image": (".gif", ".png", ".jpg", ".jpeg", ".webp", ".bmp", ".ico", ".svg", ".tif", ".tiff", ".avif"),
    "font": (".woff", ".woff2", ".ttf", ".otf", ".eot"),
    "media": (".swf", ".flv", ".mp3", ".mp4", ".webm", ".ogg", ".wav", ".avi", ".mov"),
}
# Where browsers put a saved page's files: Chrome, Firefox and Edge ``NAME_files``; old IE ``NAME.files``.
SAVED_ASSET_FOLDERS = ("_files", ".files")


def not_a_page(name: str) -> str | None:
    """What a file is when its name says it is no text page (``script``, ``image`` …), else None.

    >>> [not_a_page(n) for n in ("common.js", "LOGO.GIF", "style.css", "a.html", "notes.txt", "b.js.gz")]
    ['script', 'image', 'style sheet', None, None, 'script']
    """
    base = base_name(name).lower()
    return next((kind for kind, suffixes in NOT_PAGES.items() if base.endswith(suffixes)), None)


def saved_page_of(folder: str, siblings: list[str]) -> str | None:
    """The saved page a folder holds the files of (``0512_files`` beside ``0512.html``), else None.

    >>> saved_page_of("0512_files", ["0512.html", "0512_files"]), saved_page_of("img", ["img.html"])
    ('0512.html', None)
    """
    for ending in SAVED_ASSET_FOLDERS:
        if folder.endswith(ending) and len(folder) > len(ending):
            stem = folder[: -len(ending)]
            return next((s for s in siblings if s.rsplit(".", 1)[0] == stem and input_kind(s) == "html"), None)
    return None
