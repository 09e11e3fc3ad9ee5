"""Furniture left and article lost on real web pages, pages of sites the model was not fitted on.

    .venv/bin/python benchmarks/furniture.py [CORPUS] [--split fit|report|all] [--show N] [--no-generic] [--as-string]

A CORPUS of the same layout whose pages are not the dev set's (a held-out set such as
``benchmarks/html_pages/unseen15``) is scored with ``--split all`` as one set of all its pages.

CORPUS (default ``../shared/corpora/webpages``) holds ``original/ID.html`` (the page as saved) and
``cleaned/ID.txt`` (the article, copied by hand). Each page goes through the product the way
``cleaner page.html`` takes it (``load_page`` then ``Cleaner.run``; script kept, ``to="keep"``).
Output and article are compared as characters: whitespace and line breaks dropped (the article is
hard-wrapped), NFKC and Traditional folded to Simplified on both sides, then aligned
(difflib, no junk heuristic). Per split:

  leftover  output characters not in the article, as % of article length (furniture kept)
  lost      article characters missing from the output, as % of article length
  exact     pages whose output is the article
  median    the per-page figures' medians (the totals weigh long pages most; a page with a short
            article under a long comment thread can hold more furniture than the rest together)

The split is by site, fixed once before any tuning (a site's pages are all on one side, so the
report split holds only portals the generic model never saw): SITES groups the pages by the
registrable domain most linked from the page (canonical link or ``<base>`` first), pages without
links are sites of their own; REPORT_SITES is every site whose sha256 is 0 mod 3 (15 of 48 sites,
22 of 69 pages). Never move a page between splits.

The seeds (fixtures/seeds, cleaned to zh-hans against their expected files) and the furniture
fixtures (fixtures/furniture/*.txt against *.expected; *.title, if present, is the page's title)
are measured the same way: they must stay exact.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.furniture.boilerplate import fold_page  # noqa: E402
from cleaner.io.page import load_page  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "webpages"
_SPACE = re.compile(r"\s+")

# site -> page ids (see the module docstring for how sites were found). Fixed: do not edit.
SITES = {
    '163.com': ['5acac71b-e2db-4e33-8e2f-9d6844f165fd', 'b4c2eccd-f73b-4c8f-b70e-f0dbfeba0d72', 'c2d9f85c-f454-4bd5-8f4e-986580c1113a', 'd519ec93-d4ea-492e-af93-d782d587dabe', 'ecbe8d49-c640-4a08-b46d-f8b795f836ba'],
    '263.net': ['c3a80850-3246-416e-af1e-2ab747c4615c'],
    '51offer.com': ['d96c76b7-b8c0-4c8b-8898-7ec192555b74'],
    'bilibili.com': ['658d9f03-ebba-4946-b0e8-25b6fdbeb1c7'],
    'blogchina.com': ['ab65832c-15b6-4c9e-b64f-3bc575332499'],
    'boxun.com': ['05e98007-d810-4036-b154-2ef2fe68c2af', '6650f72a-89ca-403a-9384-204ea6c072e6'],
    'bynr.gov.cn': ['500b350d-d38d-4fb0-9e81-75e0c95e95a8'],
    'cbzw.com.cn': ['47f387e6-6467-41fd-a165-b13c1171c6e7'],
    'cctv.com': ['a6e8b739-734a-4962-b1e3-b5ac29ecf4ab'],
    'china-pub.com': ['c38e2b2d-b578-4808-9251-3abf183ef19e'],
    'chinatibetnews.com': ['aefcf136-f592-4e95-b376-81cbd144684b'],
    'chinesenewsnet.com': ['35687fb1-3d1f-46ac-a1c1-30ae027b2ae4'],
    'cl2000.com': ['0df12126-cd86-46a7-a00b-4d024a7a0954'],
    'cnr.cn': ['f70d9c97-9d64-415e-a7e4-840c9258eaf5'],
    'dahe.cn': ['274a65d9-46df-45be-b9f6-4d18ba911427'],
    'donews.com': ['b828b656-d89a-4f13-951f-4dab63df6351'],
    'hanspub.org': ['2397c95d-2de8-4ca5-a569-4fffd20b9d50'],
    'hanweb.com': ['4fa9dfe4-874c-4c43-9260-6ea22710852c'],
    'henandaily.cn': ['91bdf33e-0e9e-4495-a0fa-aba45ff43fef'],
    'jl.gov.cn': ['e8847578-12f0-44cb-bdb7-4eec53c18ed1'],
    'joelonsoftware.com': ['d02c66a2-2288-4641-a70e-01c908dcc6e6'],
    'joycode.com': ['54e89e4e-6d47-424f-b172-12b7e360c25c'],
    'myrice.com': ['455de1c0-8332-4c76-aca6-724d22f840fd'],
    'netsh.com': ['9b1e5dcb-3a68-408d-80c4-6878fade378b'],
    'newssc.org': ['386d70f8-19dc-495b-aa14-18cc057e1544'],
    'nmg.gov.cn': ['d232c5df-4a6a-47f7-8c63-2dd47719ffe7'],
    'page-5dc3fa2d': ['5dc3fa2d-6734-41e9-8520-a9c7c91ae1f8'],
    'page-b70f455d': ['b70f455d-50d6-4c8c-a450-07d8e5ca2e06'],
    'page-caee0a34': ['caee0a34-e892-41c2-8bf6-f4f0ec9df78f'],
    'page-d7605742': ['d7605742-925f-46b5-b081-4f5bc0aa899d'],
    'page-fddcb19c': ['fddcb19c-c3c1-4e39-a61d-9bf096a5f390'],
    'people.com.cn': ['b26fbb82-9d98-42f0-af75-7439c1706bcd'],
    'pku.edu.cn': ['2168485b-0614-4e1e-b88e-289bde57e5f0', '77fa9435-93a8-401b-a264-a3f5909d5ea7'],
    'popcastle.com': ['fad52388-1fe2-4885-ba54-52232a4b0534'],
    'qianlong.com': ['6820ebe7-83ad-4876-babc-dcc92bf7d2df', 'c3f7d079-7730-4a9c-b041-73fcc4b5b3e4'],
    'rfi.fr': ['0ef8393b-0415-494c-b608-1d45bb33c6fb'],
    'shjnet.cn': ['3e1af229-5b3e-4cfc-82b2-481f37d7adf7'],
    'sina.com.cn': ['0d931936-d510-4904-a714-88bb267b62da', '8cb7b39d-4a06-4cad-bc50-0f63304267f3', 'e3f3b532-95de-433e-a4b5-ad51bb981c96'],
    'sohu.com': ['33a95b71-b49b-42c1-9c0a-ab8e3feba3cf', '7c6d2080-5ab9-4385-9c0e-e1c8ed06efd3', '8baa71e3-7cfa-4850-bb54-c6db4e0c3b70', '93498c29-594f-4e98-a1e9-f34fa8706d7c', 'd8d4c4ec-dc2a-420f-a9f8-5e8ee597b965', 'ebe9df29-f5ed-4b45-ab31-afad5cac3ad1'],
    'tywbw.com': ['c4d032a1-45cd-4c77-a84e-90e2f8895039'],
    'wenxuecity.com': ['59562291-5657-476d-9902-ad76b53ef82b', '8f1cdd94-6326-49be-bfd0-f3681cc7e89d'],
    'wikipedia.org': ['d5bced5e-4ff7-49a8-8808-4344f0823c51'],
    'xinhuanet.com': ['a0cb0242-d33a-4a90-b0c4-f27d791e0a9e'],
    'yahoo.com': ['2bac7fb2-efbd-4444-99c8-51c72acf5c7d', '3832838a-d7ea-4da5-86ac-90de11124ab6', 'bbdf5079-e7a9-45bd-9bba-20cf65c676f1', 'c25d25c2-6e22-44fb-b073-0ff2f1c23643', 'c268c1b4-6864-45a1-bcaa-ec0922eb10d1', 'e4232eb3-4c02-47c6-9287-b91c2f95b795'],
    'yesky.com': ['064b591b-3cac-4a08-88d0-41c193a2350d'],
    'yunnan.cn': ['9890f458-7af7-4e96-a507-6eb1b359d675'],
    'yzwb.net': ['36efbc69-53dd-4d58-9e67-0353e2a1a7ec', 'f51248cc-bb27-49ba-a159-975795c3ea11'],
    'zol.com.cn': ['6dc2d508-abb9-467c-bbea-1fedfcec5f9d'],
}
REPORT_SITES = ['51offer.com', 'bynr.gov.cn', 'cctv.com', 'chinesenewsnet.com', 'donews.com', 'hanweb.com', 'jl.gov.cn', 'netsh.com', 'page-5dc3fa2d', 'page-d7605742', 'pku.edu.cn', 'shjnet.cn', 'sohu.com', 'tywbw.com', 'wenxuecity.com']


def split_of(page_id: str) -> str:
    for site, ids in SITES.items():
        if page_id in ids:
            return "report" if site in REPORT_SITES else "fit"
    raise KeyError(page_id)


def fit_ids() -> list[str]:
    return sorted(i for site, ids in SITES.items() if site not in REPORT_SITES for i in ids)


def report_ids() -> list[str]:
    return sorted(i for site in REPORT_SITES for i in SITES[site])


# One form of quote and of full stop: the cleaner writes ASCII "…" and . in Chinese sentences as
# “…” and 。 (the punctuation stage), which is no furniture left or article lost.
_ONE_SIGN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "。": "."})


def comparable(text: str) -> str:
    """The characters that count: no whitespace, one width, one script, one form of quote and
    full stop."""
    return _SPACE.sub("", fold_page(unicodedata.normalize("NFKC", text))).translate(_ONE_SIGN)


def compare(output: str, article: str) -> tuple[int, int, int]:
    """(extra output characters, article characters missing, article length)."""
    out, ref = comparable(output), comparable(article)
    matched = sum(b.size for b in difflib.SequenceMatcher(None, out, ref, autojunk=False).get_matching_blocks())
    return len(out) - matched, len(ref) - matched, len(ref)


def clean_html(cleaner: Cleaner, path: Path) -> str:
    """The page as ``cleaner page.html`` cleans it: extracted text under the settings for it
    (``Config.for_extracted_text``: the headline the ``<title>`` names goes to meta)."""
    page = load_page(path.read_bytes(), path.name)
    if page.is_html:
        cleaner = Cleaner.for_config(cleaner.config.for_extracted_text())
    return cleaner.run(page.text, details=False, title=page.meta.get("title"), linked=page.linked, roles=page.roles).text


def clean_string(cleaner: Cleaner, path: Path) -> str:
    """The page decoded and given as a string, as a framework adapter's document or
    ``cleaner.clean(str)`` gets it (``--as-string``): read as HTML by its content."""
    from cleaner.adapters.lazy_cleaner import clean_document
    from cleaner.io.decode import decode

    return clean_document(cleaner, decode(path.read_bytes()))[0]


class Tally:
    def __init__(self, name: str) -> None:
        self.name, self.extra, self.lost, self.length, self.exact, self.pages = name, 0, 0, 0, 0, 0
        self.worst: list[tuple[float, str]] = []
        self.per_page: list[tuple[float, float]] = []  # (leftover %, lost %) of each page

    def add(self, key: str, output: str, article: str) -> None:
        extra, lost, length = compare(output, article)
        self.extra += extra
        self.lost += lost
        self.length += length
        self.pages += 1
        self.exact += extra == 0 and lost == 0
        self.worst.append(((extra + lost) / max(length, 1), key))
        self.per_page.append((100 * extra / max(length, 1), 100 * lost / max(length, 1)))

    def row(self) -> str:
        length = max(self.length, 1)
        mid = len(self.per_page) // 2
        median_extra = sorted(e for e, _ in self.per_page)[mid] if self.per_page else 0.0
        median_lost = sorted(m for _, m in self.per_page)[mid] if self.per_page else 0.0
        return (f"{self.name:<22} {self.pages:>5} {100 * self.extra / length:>9.2f} {100 * self.lost / length:>7.2f}"
                f" {self.exact:>4}/{self.pages:<4} {median_extra:>8.2f} {median_lost:>7.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--split", choices=("fit", "report", "all"), default="all")
    ap.add_argument("--show", type=int, default=0, help="list the N worst pages of each split")
    ap.add_argument("--as-string", action="store_true", help="give each page as a decoded string (the adapters' path)")
    args = ap.parse_args()
    if not (args.corpus / "original").is_dir():
        sys.exit(f"furniture.py: {args.corpus}/original not found (the dev set of web pages; see ../shared/corpora/README.md)")
    cleaner = Cleaner(to="keep")
    tallies = []
    # Another set of the same layout (a held-out folder, not the dev set): its pages are in no
    # split of SITES, so ``--split all`` scores them all as one set.
    pages = sorted(p.stem for p in (args.corpus / "original").glob("*.html"))
    other = args.split == "all" and not set(pages) <= {i for ids in SITES.values() for i in ids}
    splits = [(f"{args.corpus.name} all", pages)] if other else [
        (f"webpages {split}", fit_ids() if split == "fit" else report_ids())
        for split in ("fit", "report") if args.split in (split, "all")]
    for name, ids in splits:
        tally = Tally(name)
        for page_id in ids:
            article = (args.corpus / "cleaned" / f"{page_id}.txt").read_text(encoding="utf-8")
            clean = clean_string if args.as_string else clean_html
            tally.add(page_id, clean(cleaner, args.corpus / "original" / f"{page_id}.html"), article)
        tallies.append(tally)
    seeds = Tally("seeds")
    zh_hans = Cleaner(to="zh-hans")
    for page in sorted((ROOT / "fixtures" / "seeds" / "pages").glob("*.txt")):
        expected = ROOT / "fixtures" / "seeds" / "expected-zh-hans" / page.name
        seeds.add(page.stem, zh_hans.clean(page.read_text(encoding="utf-8")), expected.read_text(encoding="utf-8"))
    fixtures = Tally("furniture fixtures")
    default = Cleaner()
    for page in sorted((ROOT / "fixtures" / "furniture").glob("*.txt")):
        title = page.with_suffix(".title")  # the page's <title>, when a fixture gives one
        title = title.read_text(encoding="utf-8").strip() if title.exists() else None
        fixtures.add(page.stem, default.clean(page.read_text(encoding="utf-8"), title=title), page.with_suffix(".expected").read_text(encoding="utf-8"))
    tallies += [seeds, fixtures]
    print_tallies(tallies, args.show)


def print_tallies(tallies: list[Tally], show: int) -> None:
    """One row a set, then the ``show`` worst pages of each."""
    print(f"{'set':<22} {'pages':>5} {'leftover%':>9} {'lost%':>7} exact     {'median leftover%':>8} {'median lost%':>7}")
    for tally in tallies:
        print(tally.row())
    for tally in tallies if show else ():
        for score, key in sorted(tally.worst, reverse=True)[:show]:
            print(f"  {tally.name}: {key} {100 * score:.1f}%")


if __name__ == "__main__":
    main()
