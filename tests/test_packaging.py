"""The package's declared licence covers what it ships: the code's own licence and the licence of
every data file `cleaner/data/README.md` lists (derived counts under CC BY-SA, OpenCC's tables under
Apache-2.0, the Unicode data's licence). A data file added under a new licence fails here until
pyproject.toml's `license` expression names it."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# How cleaner/data/README.md writes each licence, and its SPDX identifier.
SPDX = {
    "CC BY-SA 4.0": "CC-BY-SA-4.0",
    "CC BY-SA 3.0": "CC-BY-SA-3.0",
    "Apache-2.0": "Apache-2.0",
    "Unicode License v3": "Unicode-3.0",
    "MIT": "MIT",
}


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def licence_cells() -> list[str]:
    """The last cell of every row of a table whose header's last column is `licence`."""
    cells, in_table = [], False
    for line in (ROOT / "cleaner" / "data" / "README.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            in_table = False
            continue
        cols = [c.strip() for c in line.strip().strip("|").split("|")]
        if cols[-1] == "licence":
            in_table = True
        elif in_table and not set(cols[-1]) <= set("-: "):
            cells.append(cols[-1])
    return cells


def test_every_shipped_data_licence_is_in_the_expression():
    named = set(re.split(r"\s+AND\s+", project()["license"]))
    cells = licence_cells()
    assert len(cells) >= 8  # the tables were read, not skipped
    for cell in cells:
        found = [spdx for name, spdx in SPDX.items() if name in cell]
        assert found, f"a licence this test does not know: {cell!r} (add it to SPDX)"
        assert set(found) <= named, f"{cell!r}: {set(found) - named} missing from pyproject's license"


def test_the_code_licence_text_ships():
    p = project()
    assert "MIT" in re.split(r"\s+AND\s+", p["license"])
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "LICENSE" in p["license-files"] and "cleaner/data/README.md" in p["license-files"]


def test_the_licences_that_ask_for_their_text_ship_it():
    # Apache-2.0 (4a) and the Unicode licence ask that their text go with every copy.
    files = project()["license-files"]
    for name, opening in (("Apache-2.0", "Apache License"), ("Unicode-3.0", "UNICODE LICENSE V3")):
        path = f"LICENSES/{name}.txt"
        assert path in files
        assert (ROOT / path).read_text(encoding="utf-8").lstrip().startswith(opening)
