# Everything a fresh clone needs: python3 (>= 3.11), make and a Rust toolchain (cargo, with clippy).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The native core (native/, Rust): built in release mode by the editable install (maturin), as
# cleaner/_native.abi3.so; a change to it reinstalls. Needs a Rust toolchain (cargo).
NATIVE_SRC := native/Cargo.toml native/Cargo.lock $(wildcard native/src/*.rs)
CARGO_ENV := PYO3_PYTHON=$(abspath $(BIN)/python)
WHEEL_VENV := build/wheel-venv

.PHONY: demo test fuzz fuzz-native install clean wheel

$(STAMP): pyproject.toml $(NATIVE_SRC)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ray,datatrove,data-juicer]'
	@# Bytecode now, as a wheel install does: a shell with PYTHONDONTWRITEBYTECODE set would
	@# otherwise compile every module again at each start (about 0.15 s a process).
	$(BIN)/python -m compileall -q cleaner
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@rm -rf build/demo
	$(BIN)/cleaner fixtures/seeds/pages -o build/demo --jobs 2
	@for f in build/demo/*.txt; do echo "== $$f"; head -c 600 "$$f"; echo; done
	@echo "== the filter: printf '國(guó)務(wù)院' | cleaner"
	@printf '國(guó)務(wù)院' | $(BIN)/cleaner
	@echo "== explain seed 004"
	@$(BIN)/cleaner fixtures/seeds/pages/004_77648d8967c6e102.txt --explain > /dev/null

# pytest on every core (pytest-xdist; TEST_JOBS=0 runs it in one process): the suite is
# CPU-bound and its tests share nothing but the table cache, whose writes are atomic
# (cleaner/tablecache.py).
TEST_JOBS ?= auto

test: $(STAMP)
	cd native && $(CARGO_ENV) cargo test --quiet
	cd native && $(CARGO_ENV) cargo clippy --all-targets --quiet -- -D warnings
	$(BIN)/python -m pytest -n $(TEST_JOBS)

# An abi3 wheel (CPython >= 3.11) built by maturin into build/wheels/, installed into a fresh
# venv and tried there.
wheel:
	rm -rf build/wheels $(WHEEL_VENV)
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install -q --upgrade pip 'maturin>=1.9.4,<2'
	$(WHEEL_VENV)/bin/maturin build --release --out build/wheels
	$(WHEEL_VENV)/bin/python -m pip install -q build/wheels/cleaner-*-abi3-*.whl
	@# Away from the source tree, so that the installed package is the one imported.
	cd $(WHEEL_VENV) && bin/python -c "import cleaner._native as n; print('native:', n.__file__)"
	cd $(WHEEL_VENV) && test "$$(printf '國(guó)務(wù)院' | bin/cleaner)" = 国务院
	@echo "== wheel: $$(ls build/wheels)"

# Not part of `make test`: over 10^6 generated inputs, 40,000 for each of the six text and bytes
# properties and 400,000 for each of the two JSON Lines properties; prints the count.
fuzz: $(STAMP)
	CLEANER_FUZZ=1 CLEANER_PROPERTY_EXAMPLES=$${FUZZ_EXAMPLES:-40000} CLEANER_JSONL_EXAMPLES=$${FUZZ_JSONL_EXAMPLES:-400000} \
		$(BIN)/python -m pytest tests/test_properties.py -q -p no:cacheprovider

# Not part of `make test`: the native core's entry points under libFuzzer (cargo-fuzz), any
# pattern against any text (native/fuzz/). cargo-fuzz's sanitizer flags need nightly features:
# RUSTC_BOOTSTRAP=1 lets the stable toolchain take them. FUZZ_RUNS inputs (default 10^6).
fuzz-native: $(STAMP)
	command -v cargo-fuzz > /dev/null || cargo install cargo-fuzz --locked
	cd native/fuzz && RUSTC_BOOTSTRAP=1 $(CARGO_ENV) cargo fuzz run rules -- -runs=$${FUZZ_RUNS:-1000000} -max_len=512

clean:
	rm -rf $(VENV) build .pytest_cache
	rm -rf native/target cleaner/_native*.so
