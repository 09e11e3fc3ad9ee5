import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted((FIXTURES / "seeds" / "pages").glob("*.txt"))
sys.path.insert(0, str(Path(__file__).parent))  # tests/damage.py


def expected_for(page: Path) -> Path:
    return FIXTURES / "seeds" / "expected-zh-hans" / page.name


def run_cli(*args, input: bytes | None = None, cwd=None, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "cleaner"
    return subprocess.run([*(prefix or []), str(exe), *map(str, args)], input=input, capture_output=True, cwd=cwd)


@pytest.fixture(scope="session")
def cleaner_obj():
    from cleaner import Cleaner

    return Cleaner()


def pytest_terminal_summary(terminalreporter):
    """`make fuzz` prints how many generated inputs the property tests ran."""
    import os

    if os.environ.get("CLEANER_FUZZ"):
        from test_properties import RUN

        terminalreporter.write_line(f"fuzz: {RUN['inputs']} generated inputs, no failure" if terminalreporter.stats.get("failed") is None
                                    else f"fuzz: {RUN['inputs']} generated inputs, FAILURES above")
