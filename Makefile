# Everything a fresh clone needs: only python3 (>= 3.11) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ray,datatrove,data-juicer]'
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

test: $(STAMP)
	$(BIN)/python -m pytest

# Not part of `make test`: about 120,000 generated inputs (20,000 per property), 15-30 minutes.
fuzz: $(STAMP)
	CLEANER_FUZZ=1 CLEANER_PROPERTY_EXAMPLES=$${FUZZ_EXAMPLES:-20000} $(BIN)/python -m pytest tests/test_properties.py -q

clean:
	rm -rf $(VENV) build .pytest_cache
