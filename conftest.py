"""Collection of the package's doctests with only what is installed.

The framework adapters import their framework at the top (it is what they extend); with only
``pip install -e '.[test]'`` their modules are left out of doctest collection, and their tests
skip, naming the extra to install.
"""

import importlib.util

_ADAPTERS = {"cleaner/adapters/datatrove_step.py": "datatrove", "cleaner/adapters/data_juicer_op.py": "data_juicer"}

collect_ignore = [path for path, module in _ADAPTERS.items() if importlib.util.find_spec(module) is None]
