import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted((FIXTURES / "seeds" / "pages").glob("*.txt"))
sys.path.insert(0, str(Path(__file__).parent))  # tests/damage.py

# Built tables are cached on disk (cleaner/tablecache.py); tests, and the CLI processes they
# start, share one cache of their own instead of writing into the user's home.
if "CLEANER_CACHE_DIR" not in os.environ:
    os.environ["CLEANER_CACHE_DIR"] = tempfile.mkdtemp(prefix="cleaner-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CLEANER_CACHE_DIR"], ignore_errors=True)


def expected_for(page: Path) -> Path:
    return FIXTURES / "seeds" / "expected-zh-hans" / page.name


def run_cli(*args, input: bytes | None = None, cwd=None, prefix: list[str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """The installed command; ``timeout`` only guards against a hang (a hang fails the test)."""
    exe = Path(sys.executable).parent / "cleaner"
    return subprocess.run([*(prefix or []), str(exe), *map(str, args)], input=input, capture_output=True, cwd=cwd, timeout=timeout)


def obeying_file_modes() -> list[str]:
    """A command prefix under which root obeys file modes (without it root reads chmod-0 files):
    util-linux's setpriv drops the two capabilities that override them."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


@pytest.fixture(scope="session")
def cleaner_obj():
    from cleaner import Cleaner

    return Cleaner()


def pytest_terminal_summary(terminalreporter):
    """`make fuzz` prints how many generated inputs the property tests ran."""
    if os.environ.get("CLEANER_FUZZ"):
        from test_properties import RUN

        terminalreporter.write_line(f"fuzz: {RUN['inputs']} generated inputs, no failure" if terminalreporter.stats.get("failed") is None
                                    else f"fuzz: {RUN['inputs']} generated inputs, FAILURES above")
