"""The package's public API (cleaner/__init__.py): every public name is exported and listed."""

import subprocess
import sys

import pytest

import cleaner


def test_every_public_name_is_exported_and_importable():
    for name in cleaner.__all__:
        assert getattr(cleaner, name) is not None, name
    assert {"Cleaner", "Config", "DocumentTooLarge", "NotText", "clean", "clean_bytes", "decode"} <= set(cleaner.__all__)


def test_document_too_large_is_what_a_cleaner_raises():
    with pytest.raises(cleaner.DocumentTooLarge):
        cleaner.Cleaner(cleaner.Config(max_chars=10)).run("国" * 11)
    assert issubclass(cleaner.DocumentTooLarge, ValueError)


def test_dir_lists_the_lazy_names_before_their_first_use():
    # A fresh interpreter: this one may have loaded Cleaner already.
    code = "import cleaner; d = dir(cleaner); print('Cleaner' in d, 'NotText' in d, 'decode' in d, 'Cleaner' in vars(cleaner))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "True", "False"]
